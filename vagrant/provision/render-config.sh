#!/usr/bin/env bash
# Renders every config template (templates/) for a profile into a folder, exactly as provisioning does, so a
# change can be read before any VM runs it:  render-config.sh PROFILE OUT_DIR   (the tests run it too).
set -euo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=provision/common.sh
source "$here/common.sh"

profile="${1:?usage: render-config.sh PROFILE OUT_DIR}"
out="${2:?usage: render-config.sh PROFILE OUT_DIR}"
load_settings "$profile"
# The systemd unit is rendered per service; show the first one the master gets.
service_settings hadoop-namenode hdfs "HDFS NameNode" "$HADOOP_HOME/bin/hdfs namenode"
render_tree "$LAKE_VAGRANT_DIR/templates" "$out"
echo "rendered $(find "$out" -type f | wc -l) files for the $profile profile into $out"
