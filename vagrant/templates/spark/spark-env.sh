# shellcheck shell=bash
# Rendered by vagrant/provision from vagrant/templates/spark/spark-env.sh for the ${LAKE_PROFILE} profile.
# Spark 3.5 runs on Java 8 like the rest of the cluster, so executors and Hadoop's jars agree.
export JAVA_HOME=${JAVA8_HOME}
export HADOOP_CONF_DIR=${HADOOP_CONF_DIR}
export YARN_CONF_DIR=${HADOOP_CONF_DIR}
