# shellcheck shell=bash
# What the Oozie distribution's bin/ scripts do, for the commands the cluster uses (those scripts are not on Maven
# Central, the jars are). Sourced by bin/oozied.sh, bin/oozie, bin/ooziedb.sh and bin/oozie-setup.sh.
# Honours the distribution's settings: JAVA_HOME, OOZIE_CONFIG, OOZIE_LOG, OOZIE_DATA, OOZIE_HEAP (MB),
# OOZIE_CLIENT_OPTS, and Hadoop's HADOOP_HOME and HADOOP_CONF_DIR (with its hadoop-env.sh).
set -euo pipefail

OOZIE_HOME="${OOZIE_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
OOZIE_CONFIG="${OOZIE_CONFIG:-/etc/oozie/conf}"
OOZIE_LOG="${OOZIE_LOG:-/var/log/oozie}"
OOZIE_DATA="${OOZIE_DATA:-/var/lib/campus-lake/oozie}"
HADOOP_HOME="${HADOOP_HOME:-/opt/hadoop}"
HADOOP_CONF_DIR="${HADOOP_CONF_DIR:-/etc/hadoop/conf}"
if [[ -r "$HADOOP_CONF_DIR/hadoop-env.sh" ]]; then
  # shellcheck source=/dev/null
  source "$HADOOP_CONF_DIR/hadoop-env.sh"
fi
export OOZIE_HOME OOZIE_CONFIG OOZIE_LOG OOZIE_DATA HADOOP_HOME HADOOP_CONF_DIR

# Hadoop 3.3.6's jars (/opt/hadoop), less its web server: Oozie's Jetty is 9.3, Hadoop's 9.4, and Hadoop's
# jsp-api 2.1 hides the javax.el that Oozie's JSP pages need. The Hadoop client code Oozie runs needs neither, only
# the WebSocket API (YarnClient refers to it).
hadoop_jars() {
  local jar cp=""
  for jar in "$HADOOP_HOME"/share/hadoop/common/lib/*.jar; do
    case "${jar##*/}" in
      jetty-*|websocket-client-*|websocket-common-*|websocket-server-*|websocket-servlet-*|javax-websocket-*|jsp-api-*) ;;
      *) cp+="${cp:+:}$jar" ;;
    esac
  done
  printf '%s' "$cp"
}

# The server side (oozied.sh, ooziedb.sh, the sharelib tool): Hadoop's jars first, so its versions win (guava 27,
# Jackson 2.12, ZooKeeper 3.6), then the engine's, then libext/ (extra JDBC drivers, as in the distribution).
oozie_server_classpath() {
  printf '%s:%s:%s/lib/*:%s/libext/*' "$HADOOP_CONF_DIR" "$(hadoop_jars)" "$OOZIE_HOME" "$OOZIE_HOME"
}

# oozie_java KIND CLASS ARGS...: KIND is server (the daemon's heap and log) or tool.
oozie_java() {
  local kind="$1" class="$2" cp="$3" opts=()
  shift 3
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  if [[ "$kind" == server ]]; then
    # OOZIE_HEAP (MB) if set, else the cluster's daemon heap (hadoop-env.sh), else 512 MB.
    if [[ -n "${OOZIE_HEAP:-}" ]]; then opts+=("-Xmx${OOZIE_HEAP}m"); else opts+=("-Xmx${HADOOP_HEAPSIZE_MAX:-512m}"); fi
  else
    opts+=(-Xmx512m)
  fi
  opts+=("-Doozie.home.dir=$OOZIE_HOME" "-Doozie.config.dir=$OOZIE_CONFIG" "-Doozie.log.dir=$OOZIE_LOG"
    "-Doozie.data.dir=$OOZIE_DATA" -Doozie.config.file=oozie-site.xml -Doozie.log4j.file=oozie-log4j.properties
    -Doozie.log4j.reload=10 "-Doozie.instance.id=${OOZIE_INSTANCE_ID:-$(hostname)}" "-Dhadoop.home.dir=$HADOOP_HOME"
    "-Djava.io.tmpdir=${TMPDIR:-/tmp}")
  # shellcheck disable=SC2206 # options, split like the distribution's scripts split them
  opts+=(${OOZIE_OPTS:-})
  exec "$java" "${opts[@]}" -cp "$cp" "$class" "$@"
}
