# shellcheck shell=bash
# Rendered by vagrant/provision from vagrant/templates/hadoop/hadoop-env.sh for the ${LAKE_PROFILE} profile.
# Hadoop 3.3, Hive 3.1, Oozie 5.2 and Sqoop 1.4 run on Java 8.
export JAVA_HOME=${JAVA8_HOME}
export HADOOP_HEAPSIZE_MAX=${DAEMON_HEAP}
export HADOOP_LOG_DIR=/var/log/hadoop
