# shellcheck shell=bash
# Sqoop 1.4.7's command line on the client machines (the workflows' sqoop actions use Oozie's sharelib instead).

install_sqoop() {
  install_tarball SQOOP "$SQOOP_HOME"
  # Hadoop 3 no longer ships commons-lang 2, which Sqoop 1.4.7's tools load.
  cp -f "$(fetch_verified COMMONS_LANG)" "$SQOOP_HOME/lib/"
  cp -f "$(fetch_verified MYSQL_CONNECTOR)" "$SQOOP_HOME/lib/"
}
