# shellcheck shell=bash
# Hive 3.1.3: the metastore (schema in MySQL, created by schematool) and HiveServer2 on the master, Beeline on the
# clients. Hive 3.1 runs on Java 8 only and needs Hadoop's guava 27 instead of its own guava 19.

install_hive() {
  local node="$1"
  if ! has_role "$node" metastore && ! has_role "$node" hiveserver2 && ! has_role "$node" client; then
    return 0
  fi
  install_tarball HIVE "$HIVE_HOME"
  rm -f "$HIVE_HOME"/lib/guava-19.0.jar
  cp -f "$HADOOP_HOME"/share/hadoop/common/lib/guava-27.0-jre.jar "$HIVE_HOME/lib/"
  cp -f "$(fetch_verified MYSQL_CONNECTOR)" "$HIVE_HOME/lib/"
  mkdir -p "$HIVE_CONF_DIR"
  render_tree "$LAKE_VAGRANT_DIR/templates/hive" "$HIVE_CONF_DIR"
  install -d -m 0775 -o root -g hadoop /var/log/hive
  if has_role "$node" metastore; then
    metastore_schema
    install_service hive-metastore hive "Hive metastore" "$HIVE_HOME/bin/hive --service metastore"
    wait_for_port "$MASTER_HOST" 9083 "the Hive metastore"
  fi
  if has_role "$node" hiveserver2; then
    install_service hive-server2 hive "HiveServer2" "$HIVE_HOME/bin/hive --service hiveserver2"
    # HiveServer2 takes a minute to open its port on a small VM.
    wait_for_port "$MASTER_HOST" 10000 "HiveServer2" 300
  fi
}

# metastore_schema: the metastore's database password in hive.jceks, and its schema in MySQL (schematool), once.
metastore_schema() {
  set_credential javax.jdo.option.ConnectionPassword "$HIVE_CONF_DIR/hive.jceks" metastore.password hive
  wait_for_port "$DB_HOST" 3306 "MySQL on $DB_HOST"
  if ! as_user hive "$HIVE_HOME/bin/schematool" -dbType mysql -info >/dev/null 2>&1; then
    log "creating the Hive metastore schema"
    as_user hive "$HIVE_HOME/bin/schematool" -dbType mysql -initSchema
  fi
}
