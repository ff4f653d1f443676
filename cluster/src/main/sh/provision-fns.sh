# shellcheck shell=bash
# Sourced inside a host of the cluster on one machine (in-host.sh): the VM provisioning's own functions
# (vagrant/provision/common.sh and steps/), with the netns profile loaded, for lake-cluster.sh to call by name.
LAKE_VAGRANT_DIR=/campus-lake/vagrant
# shellcheck source=/dev/null
source "$LAKE_VAGRANT_DIR/provision/common.sh"
for step in "$LAKE_VAGRANT_DIR"/provision/steps/*.sh; do
  # shellcheck source=/dev/null
  source "$step"
done
load_settings netns
log() { printf '[campus-lake %s %s] %s\n' "$(hostname)" "$(date -u +%H:%M:%S)" "$*"; }

# The VMs' accounts, plus the Vagrant box's own user that the smoke check runs as.
cluster_accounts() {
  getent group vagrant >/dev/null || groupadd --gid 1000 vagrant
  getent passwd vagrant >/dev/null || useradd --uid 1000 --gid vagrant --create-home --shell /bin/bash vagrant
  accounts
}
