#!/usr/bin/env bash
# Runs the web dashboard from the built module (its jar and target/lib), for a machine that has the project but not
# the builder's Maven repository: the Vagrant edge VM's service, and the edge host of the cluster on one machine.
#   serve.sh SETTINGS_FILE      DASHBOARD_JAVA: the java to run (11 or later; default: java on the PATH)
# `./lake dashboard` is the way to run it on the machine that builds the project.
set -euo pipefail

module="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
settings="${1:?usage: serve.sh SETTINGS_FILE}"
shopt -s nullglob
jars=("$module"/target/dashboard-*.jar)
if [[ ${#jars[@]} -eq 0 || ! -d "$module/target/lib" ]]; then
  echo "dashboard: not built ($module/target has no dashboard jar and lib/): run 'mvn -B -DskipTests package' at the project root (lake deploy does)" >&2
  exit 1
fi
[[ -r "$settings" ]] || { echo "dashboard: cannot read the settings file $settings" >&2; exit 1; }
exec "${DASHBOARD_JAVA:-java}" -Xmx256m -cp "${jars[0]}:$module/target/lib/*" \
  org.campuslake.dashboard.DashboardMain "$settings"
