package org.campuslake.analytics;

import org.apache.spark.sql.SparkSession;

/** The tests' Spark: two local threads, loopback only, no UI, two shuffle partitions (the inputs are tiny). */
final class TestSpark {
    private TestSpark() {}

    static SparkSession local(String appName) {
        return SparkSession.builder().master("local[2]").appName(appName)
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
