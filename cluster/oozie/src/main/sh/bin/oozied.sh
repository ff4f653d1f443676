#!/usr/bin/env bash
# oozied.sh run: the Oozie server (EmbeddedOozieServer: Jetty 9.3 with the web application from
# embedded-oozie-server/webapp), in the foreground, as the service manager runs it.
# shellcheck source-path=SCRIPTDIR source=launcher.sh
source "$(dirname "${BASH_SOURCE[0]}")/launcher.sh"
[[ "${1:-}" == run ]] || { echo "usage: oozied.sh run   (the service manager starts and stops it)" >&2; exit 2; }
mkdir -p "$OOZIE_LOG" "$OOZIE_DATA"
# The server finds its web application as the classpath resource /webapp/.
server="$OOZIE_HOME/embedded-oozie-server"
oozie_java server org.apache.oozie.server.EmbeddedOozieServer "$server:$server/*:$(oozie_server_classpath)"
