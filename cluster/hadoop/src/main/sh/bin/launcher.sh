# shellcheck shell=bash
# What the Hadoop tarball's bin/ scripts do, for the commands the cluster uses: those scripts are not on Maven
# Central, the jars are. Sourced by bin/hadoop, bin/hdfs, bin/yarn and bin/mapred with the tool's name.
# Honours the same settings: JAVA_HOME, HADOOP_CONF_DIR (and its hadoop-env.sh), HADOOP_HEAPSIZE_MAX,
# HADOOP_OPTS, HADOOP_CLIENT_OPTS, HADOOP_CLASSPATH, HADOOP_LOG_DIR.
set -euo pipefail

HADOOP_HOME="${HADOOP_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
HADOOP_CONF_DIR="${HADOOP_CONF_DIR:-/etc/hadoop/conf}"
if [[ -r "$HADOOP_CONF_DIR/hadoop-env.sh" ]]; then
  # shellcheck source=/dev/null
  source "$HADOOP_CONF_DIR/hadoop-env.sh"
fi
export HADOOP_HOME HADOOP_CONF_DIR
export HADOOP_COMMON_HOME="$HADOOP_HOME" HADOOP_HDFS_HOME="$HADOOP_HOME" HADOOP_YARN_HOME="$HADOOP_HOME"
export HADOOP_MAPRED_HOME="$HADOOP_HOME"

hadoop_usage() {
  echo "usage: $1 COMMAND [ARGS]   (commands: $2)" >&2
  exit 2
}

# hadoop_exec KIND CLASS ARGS...: KIND is daemon (server heap, log settings) or client.
hadoop_exec() {
  local kind="$1" class="$2" opts=()
  shift 2
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  # Word splitting of the *_OPTS variables is what the tarball's scripts do too.
  # shellcheck disable=SC2206
  opts=(${HADOOP_OPTS:-})
  if [[ "$kind" == daemon ]]; then
    [[ -n "${HADOOP_HEAPSIZE_MAX:-}" ]] && opts+=("-Xmx$HADOOP_HEAPSIZE_MAX")
    # shellcheck disable=SC2206
    opts+=(${HADOOP_DAEMON_OPTS:-} "-Dhadoop.log.dir=${HADOOP_LOG_DIR:-/tmp}" "-Dyarn.log.dir=${HADOOP_LOG_DIR:-/tmp}"
      "-Dhadoop.root.logger=${HADOOP_ROOT_LOGGER:-INFO,console}")
  else
    # shellcheck disable=SC2206
    opts+=(-Xmx512m ${HADOOP_CLIENT_OPTS:-} "-Dhadoop.root.logger=${HADOOP_ROOT_LOGGER:-WARN,console}")
  fi
  local cp="$HADOOP_CONF_DIR:$HADOOP_HOME/share/hadoop/hdfs:$HADOOP_HOME/share/hadoop/common/lib/*"
  cp+="${HADOOP_CLASSPATH:+:$HADOOP_CLASSPATH}"
  exec "$java" "${opts[@]}" -Dhadoop.home.dir="$HADOOP_HOME" -cp "$cp" "$class" "$@"
}
