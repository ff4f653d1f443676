# shellcheck shell=bash
# What the Spark distribution's bin/ scripts do, for the commands the cluster uses (its tarball is not on Maven
# Central, the jars are): the driver JVM on Spark's jars/ plus the configuration folders.
set -euo pipefail

SPARK_HOME="${SPARK_HOME:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
SPARK_CONF_DIR="${SPARK_CONF_DIR:-/etc/spark/conf}"
if [[ -r "$SPARK_CONF_DIR/spark-env.sh" ]]; then
  # shellcheck source=/dev/null
  source "$SPARK_CONF_DIR/spark-env.sh"
fi
export SPARK_HOME SPARK_CONF_DIR

# spark_exec CLASS ARGS...: a client-mode driver gets its heap from spark.driver.memory, as spark-submit's own
# launcher gives it.
spark_exec() {
  local class="$1" memory
  shift
  memory="$(sed -n 's/^spark\.driver\.memory[[:space:]]*//p' "$SPARK_CONF_DIR/spark-defaults.conf" 2>/dev/null || true)"
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
  local cp="$SPARK_CONF_DIR:$SPARK_HOME/jars/*:${HADOOP_CONF_DIR:-/etc/hadoop/conf}"
  # shellcheck disable=SC2086 # options, split like the distribution's scripts split them
  exec "$java" "-Xmx${memory:-1g}" ${SPARK_SUBMIT_OPTS:-} -cp "$cp" "$class" "$@"
}
