# shellcheck shell=bash
# Spark 3.5.1 on YARN, on every machine: the analytics workflow's shell action calls spark-submit on whichever
# NodeManager runs it. Spark reads the Hive metastore over Thrift (its own Hive 2.3 client; no database access).

install_spark() {
  local node="$1"
  install_tarball SPARK "$SPARK_HOME"
  mkdir -p "$SPARK_CONF_DIR"
  cp -n "$SPARK_HOME"/conf/log4j2.properties.template "$SPARK_CONF_DIR/log4j2.properties" 2>/dev/null || true
  render_tree "$LAKE_VAGRANT_DIR/templates/spark" "$SPARK_CONF_DIR"
  if has_role "$node" namenode; then upload_spark_jars; fi
  if has_role "$node" spark_history; then
    install_service spark-history spark "Spark history server" \
      "$SPARK_HOME/bin/spark-class org.apache.spark.deploy.history.HistoryServer"
  fi
}

# upload_spark_jars: Spark's jars as one archive in HDFS (spark.yarn.archive), once per version.
upload_spark_jars() {
  local archive="/apps/spark/spark-$SPARK_VERSION-jars.zip"
  if ! hdfs_as hdfs -test -e "$archive"; then
    log "uploading Spark's jars to $archive (once, instead of at every spark-submit)"
    local zip="$LAKE_DATA_DIR/spark-jars.zip"
    rm -f "$zip"
    (cd "$SPARK_HOME/jars" && zip -q -0 "$zip" -- *.jar)
    chmod 0644 "$zip"
    hdfs_as hdfs -put -f "$zip" "$archive"
    rm -f "$zip"
  fi
}
