#!/usr/bin/env bash
# ooziedb.sh create|upgrade|version|postupgrade [-sqlfile FILE] [-run]: the database schema tool. The password
# comes from oozie-site.xml's credential store (oozie.jceks), never from the command line.
# shellcheck source-path=SCRIPTDIR source=launcher.sh
source "$(dirname "${BASH_SOURCE[0]}")/launcher.sh"
oozie_java tool org.apache.oozie.tools.OozieDBCLI "$(oozie_server_classpath):$OOZIE_HOME/libtools/*" "$@"
