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
    format_namenode
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

# format_namenode: a new, empty HDFS the first time only.
format_namenode() {
  install -d -m 0700 -o hdfs -g hadoop "$LAKE_DATA_DIR/hdfs/name"
  if [[ ! -f "$LAKE_DATA_DIR/hdfs/name/current/VERSION" ]]; then
    log "formatting HDFS"
    as_user hdfs "$HADOOP_HOME/bin/hdfs" namenode -format -clusterid campus-lake -nonInteractive
  fi
}

hdfs_as() {
  local user="$1"
  shift
  as_user "$user" "$HADOOP_HOME/bin/hdfs" dfs "$@"
}

# hdfs_dirs "PATH OWNER:GROUP MODE"...: creates the folders, then sets owners and modes in one HDFS call per owner
# and per mode (each call is a JVM start: one per folder and setting would take a minute).
hdfs_dirs() {
  local spec path owner mode paths=()
  local -A by_owner=() by_mode=()
  for spec in "$@"; do
    read -r path owner mode <<< "$spec"
    paths+=("$path")
    by_owner[$owner]+=" $path"
    by_mode[$mode]+=" $path"
  done
  hdfs_as hdfs -mkdir -p "${paths[@]}"
  for owner in "${!by_owner[@]}"; do
    # shellcheck disable=SC2086 # a list of paths without spaces
    hdfs_as hdfs -chown "$owner" ${by_owner[$owner]}
  done
  for mode in "${!by_mode[@]}"; do
    # shellcheck disable=SC2086 # a list of paths without spaces
    hdfs_as hdfs -chmod "$mode" ${by_mode[$mode]}
  done
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
  # The JobHistory server creates /tmp/hadoop-yarn/staging with its own owner when it starts first; every user's
  # jobs stage there.
  hdfs_dirs \
    "/tmp hdfs:hadoop 1777" \
    "/tmp/hadoop-yarn hdfs:hadoop 0755" \
    "/tmp/hadoop-yarn/staging mapred:hadoop 1777" \
    "/tmp/hadoop-yarn/staging/history mapred:hadoop 1777" \
    "/user hdfs:hadoop 0755" \
    "/user/hive/warehouse hive:hadoop 1777" \
    "/user/oozie oozie:hadoop 0755" \
    "/user/etl etl:data-engineers 0750" \
    "/user/etl/secrets etl:data-engineers 0700" \
    "/user/analyst analyst:analysts 0750" \
    "/user/vagrant vagrant:data-engineers 0750" \
    "/apps/spark hdfs:hadoop 0755" \
    "/spark-history spark:hadoop 1777" \
    "/lake etl:data-engineers 0755" \
    "/lake/landing etl:data-engineers 0750" \
    "/lake/raw etl:data-engineers 0750" \
    "/lake/quarantine etl:data-engineers 0750" \
    "/lake/curated etl:data-engineers 0755"
}
