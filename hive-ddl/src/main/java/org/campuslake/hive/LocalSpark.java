package org.campuslake.hive;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The local Spark session with Hive support: {@code local[*]}, the metastore in the local services' Derby server
 * (shared with every other local Spark JVM), the warehouse under the lake home.
 */
public final class LocalSpark {
    private LocalSpark() {}

    public static SparkSession session(String appName, int metastorePort, Path warehouse) {
        return SparkSession.builder()
                .appName(appName)
                .master("local[*]")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.warehouse.dir", warehouse.toUri().toString())
                .config("spark.hadoop.javax.jdo.option.ConnectionURL",
                        "jdbc:derby://127.0.0.1:" + metastorePort + "/metastore_db;create=true")
                .config("spark.hadoop.javax.jdo.option.ConnectionDriverName", "org.apache.derby.jdbc.ClientDriver")
                .config("spark.hadoop.datanucleus.schema.autoCreateAll", "true")
                .config("spark.hadoop.hive.metastore.schema.verification", "false")
                // Hive's rules for partition writes: only the partitions written are replaced.
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.hadoop.hive.exec.dynamic.partition.mode", "nonstrict")
                .enableHiveSupport()
                .getOrCreate();
    }
}
