# shellcheck shell=bash
# Hadoop 3.3.6 on every machine (clients everywhere, daemons by role), configured from templates/hadoop/.

install_hadoop() {
  install_tarball HADOOP "$HADOOP_HOME"
  mkdir -p "$HADOOP_CONF_DIR"
  # Hadoop's own defaults (log4j, capacity-scheduler, ...) first, then the project's rendered files over them.
  cp -n "$HADOOP_HOME"/etc/hadoop/* "$HADOOP_CONF_DIR"/ 2>/dev/null || true
  render_tree "$LAKE_VAGRANT_DIR/templates/hadoop" "$HADOOP_CONF_DIR"
  install -d -m 0775 -o root -g hadoop /var/log/hadoop "$LAKE_DATA_DIR/hadoop-tmp"
  chmod 1777 "$LAKE_DATA_DIR/hadoop-tmp"
}

start_hadoop_daemons() {
  local node="$1"
  if has_role "$node" namenode; then
    install -d -m 0700 -o hdfs -g hadoop "$LAKE_DATA_DIR/hdfs/name"
    if [[ ! -f "$LAKE_DATA_DIR/hdfs/name/current/VERSION" ]]; then
      log "formatting HDFS"
      as_user hdfs "$HADOOP_HOME/bin/hdfs" namenode -format -clusterid campus-lake -nonInteractive
    fi
    install_service hadoop-namenode hdfs "HDFS NameNode" "$HADOOP_HOME/bin/hdfs namenode"
  fi
  if has_role "$node" datanode; then
    install -d -m 0700 -o hdfs -g hadoop "$LAKE_DATA_DIR/hdfs/data"
    install_service hadoop-datanode hdfs "HDFS DataNode" "$HADOOP_HOME/bin/hdfs datanode"
  fi
  if has_role "$node" resourcemanager; then
    install_service hadoop-resourcemanager yarn "YARN ResourceManager" "$HADOOP_HOME/bin/yarn resourcemanager"
  fi
  if has_role "$node" nodemanager; then
    install -d -m 0755 -o yarn -g hadoop "$LAKE_DATA_DIR/yarn/local" "$LAKE_DATA_DIR/yarn/logs"
    install_service hadoop-nodemanager yarn "YARN NodeManager" "$HADOOP_HOME/bin/yarn nodemanager"
  fi
  if has_role "$node" historyserver; then
    install_service hadoop-historyserver mapred "MapReduce JobHistory server" "$HADOOP_HOME/bin/mapred historyserver"
  fi
}

hdfs_as() {
  local user="$1"
  shift
  as_user "$user" "$HADOOP_HOME/bin/hdfs" dfs "$@"
}

# hdfs_dir PATH OWNER:GROUP MODE
hdfs_dir() {
  hdfs_as hdfs -mkdir -p "$1"
  hdfs_as hdfs -chown "$2" "$1"
  hdfs_as hdfs -chmod "$3" "$1"
}

wait_for_datanodes() {
  local wanted="$1" live=0 waited=0
  while :; do
    live="$(as_user hdfs "$HADOOP_HOME/bin/hdfs" dfsadmin -report -live 2>/dev/null | sed -n 's/^Live datanodes (\([0-9]*\)).*/\1/p' || true)"
    (( ${live:-0} >= wanted )) && break
    (( waited >= 300 )) && die "only ${live:-0} of $wanted DataNodes joined within 300 s (is every worker up? vagrant status)"
    sleep 5
    waited=$((waited + 5))
  done
  log "$live DataNode(s) live"
}

# The lake's folders with the access model of docs/analysts.md: raw, landing and quarantine for the ETL account
# and data engineers only; curated readable by everyone who may query it.
prepare_hdfs() {
  wait_for_port "$MASTER_HOST" 8020 "the NameNode"
  as_user hdfs "$HADOOP_HOME/bin/hdfs" dfsadmin -safemode wait >/dev/null
  wait_for_datanodes 1
  hdfs_dir /tmp hdfs:hadoop 1777
  # The JobHistory server creates these with its own owner when it starts first; every user's jobs stage here.
  hdfs_dir /tmp/hadoop-yarn hdfs:hadoop 0755
  hdfs_dir /tmp/hadoop-yarn/staging mapred:hadoop 1777
  hdfs_dir /tmp/hadoop-yarn/staging/history mapred:hadoop 1777
  hdfs_dir /user hdfs:hadoop 0755
  hdfs_dir /user/hive/warehouse hive:hadoop 1777
  hdfs_dir /user/oozie oozie:hadoop 0755
  hdfs_dir /user/etl etl:data-engineers 0750
  hdfs_dir /user/etl/secrets etl:data-engineers 0700
  hdfs_dir /user/analyst analyst:analysts 0750
  hdfs_dir /user/vagrant vagrant:data-engineers 0750
  hdfs_dir /apps/spark hdfs:hadoop 0755
  hdfs_dir /spark-history spark:hadoop 1777
  hdfs_dir /lake etl:data-engineers 0755
  local zone
  for zone in landing raw quarantine; do
    hdfs_dir "/lake/$zone" etl:data-engineers 0750
  done
  hdfs_dir /lake/curated etl:data-engineers 0755
}
