#!/usr/bin/env bash
# The Spark KPI job for one snapshot date, through spark-submit (Spark 3.5 on YARN on a cluster).
# Usage: kpi-job.sh SNAPSHOT_DATE, with SPARK_MASTER and ANALYTICS_CONFIG (a file in the working directory) set.
# No password here: analytics.properties names the password file (HDFS, mode 0400).
set -euo pipefail

date="${1:?usage: kpi-job.sh SNAPSHOT_DATE}"
config="${ANALYTICS_CONFIG:?ANALYTICS_CONFIG must name the analytics properties file}"
master="${SPARK_MASTER:-yarn}"

spark-submit \
  --master "$master" \
  --deploy-mode client \
  --name "campus-lake-kpis-$date" \
  --class org.campuslake.analytics.KpiJob \
  --conf spark.sql.catalogImplementation=hive \
  --files "$config" \
  --jars mysql-connector-j.jar \
  spark-analytics.jar --config "$config" --date "$date"
