#!/usr/bin/env bash
# oozie-setup.sh [db ARGS | sharelib create|upgrade -fs URI -locallib DIR|TAR.GZ]: as the distribution's.
# Without arguments it has nothing to do: the distribution copies libext/ into its web application here, and this
# layout puts libext/ on the server's classpath instead.
# shellcheck source-path=SCRIPTDIR source=launcher.sh
source "$(dirname "${BASH_SOURCE[0]}")/launcher.sh"
case "${1:-}" in
  "") exit 0 ;;
  db) shift; exec "$(dirname "${BASH_SOURCE[0]}")/ooziedb.sh" "$@" ;;
  sharelib)
    shift
    oozie_java tool org.apache.oozie.tools.OozieSharelibCLI "$(oozie_server_classpath):$OOZIE_HOME/libtools/*" "$@" ;;
  *) echo "usage: oozie-setup.sh [db create|upgrade|version ... | sharelib create|upgrade -fs URI -locallib PATH]" >&2; exit 2 ;;
esac
