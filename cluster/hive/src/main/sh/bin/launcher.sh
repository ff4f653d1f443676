# shellcheck shell=bash
# What the Hive tarball's bin/ scripts do, for the commands the cluster uses (those scripts are not on Maven
# Central, the jars are): Hadoop's classpath first, then Hive's lib/, as `hive` does through `hadoop jar`.
set -euo pipefail

HIVE_HOME="${HIVE_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
HIVE_CONF_DIR="${HIVE_CONF_DIR:-/etc/hive/conf}"
HADOOP_HOME="${HADOOP_HOME:-/opt/hadoop}"
HADOOP_CONF_DIR="${HADOOP_CONF_DIR:-/etc/hadoop/conf}"
if [[ -r "$HADOOP_CONF_DIR/hadoop-env.sh" ]]; then
  # shellcheck source=/dev/null
  source "$HADOOP_CONF_DIR/hadoop-env.sh"
fi
export HIVE_HOME HIVE_CONF_DIR HADOOP_HOME HADOOP_CONF_DIR

# hive_exec KIND CLASS ARGS...: KIND is daemon (server heap) or client.
hive_exec() {
  local kind="$1" class="$2" opts=()
  shift 2
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  if [[ "$kind" == daemon ]]; then
    [[ -n "${HADOOP_HEAPSIZE_MAX:-}" ]] && opts+=("-Xmx$HADOOP_HEAPSIZE_MAX")
    opts+=("-Dhadoop.root.logger=INFO,console")
  else
    opts+=(-Xmx512m "-Dhadoop.root.logger=WARN,console")
  fi
  opts+=("-Dhadoop.home.dir=$HADOOP_HOME")
  # shellcheck disable=SC2206 # options, split like the tarball's scripts split them
  opts+=(${HADOOP_OPTS:-} ${HIVE_OPTS:-})
  local cp="$HIVE_CONF_DIR:$HADOOP_CONF_DIR:$HADOOP_HOME/share/hadoop/common/lib/*:$HIVE_HOME/lib/*"
  # As bin/hive exports it: the map-join local tasks HiveServer2 starts with `hadoop jar ... ExecDriver` find
  # Hive's classes through it (without it: ClassNotFoundException ExecDriver, "return code 1 from MapredLocalTask").
  export HADOOP_CLASSPATH="$HIVE_CONF_DIR:$HIVE_HOME/lib/*${HADOOP_CLASSPATH:+:$HADOOP_CLASSPATH}"
  exec "$java" "${opts[@]}" -cp "$cp${HADOOP_CLASSPATH:+:$HADOOP_CLASSPATH}" "$class" "$@"
}
