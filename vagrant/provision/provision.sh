#!/usr/bin/env bash
# Provisions one machine of the classroom cluster: `provision.sh PROFILE NODE` (the Vagrantfile runs it as root).
# Idempotent: a second run checks each piece and only redoes what is missing or changed, so `vagrant provision`
# is always safe. What a machine gets follows from its roles in profiles/PROFILE.env.
set -euo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=provision/common.sh
source "$here/common.sh"
for step in "$here"/steps/*.sh; do
  # shellcheck source=/dev/null
  source "$step"
done

profile="${1:?usage: provision.sh PROFILE NODE [hosts]}"
node="${2:?usage: provision.sh PROFILE NODE [hosts]}"
[[ $EUID -eq 0 ]] || die "provision.sh runs as root"
load_settings "$profile"
node_setting "$node" ROLES >/dev/null
# Vagrant may put the machine's name back on a 127.x line at boot: the Vagrantfile runs this part at every `up`.
if [[ "${3:-}" == hosts ]]; then
  hosts_file
  exit 0
fi
started=$SECONDS
log "provisioning $node ($profile profile; roles: $(node_setting "$node" ROLES))"

base_packages "$node"
echo "$profile" > /etc/campus-lake/profile
# The services' environment (JAVA_HOME, HADOOP_CONF_DIR, ...) for the commands below too.
set -a
# shellcheck source=/dev/null
source /etc/campus-lake/environment
set +a
hosts_file
accounts
install_hadoop "$node"
if has_role "$node" mysql; then setup_mysql; fi
if has_role "$node" oozie_build; then build_oozie; fi
start_hadoop_daemons "$node"
if has_role "$node" namenode; then prepare_hdfs; fi
install_hive "$node"
install_spark "$node"
if has_role "$node" client; then
  install_sqoop
  # What `lake deploy` puts into HDFS for the etl account, from this machine.
  install_secret etl.password etl
  install_secret pseudonym-salt etl
fi
if has_role "$node" oozie || has_role "$node" client; then install_oozie "$node"; fi
if has_role "$node" dashboard; then install_dashboard; fi

log "$node provisioned in $((SECONDS - started)) s"
