#!/usr/bin/env bash
# Puts the project on the running classroom cluster and starts its schedule; `./lake deploy --env vagrant` calls
# it. Builds the project, seeds the cluster's ERP if it is empty, then, on the deploy machine: uploads the Oozie
# applications, jars, HiveQL and settings to HDFS, writes the password files there (mode 0400), creates the Hive
# tables and submits the bundle with the Oozie CLI and the vagrant job.properties.
#   deploy.sh [--dry-run]     --dry-run prints every command and runs none.
set -euo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
# shellcheck source=provision/common.sh
source "$here/provision/common.sh"

dry_run=0
case "${1:-}" in
  --dry-run) dry_run=1 ;;
  "") ;;
  *) die "usage: deploy.sh [--dry-run]" ;;
esac
export LAKE_DRY_RUN=$dry_run

profile="$(lake_profile)"
load_settings "$profile"

if ((!dry_run)); then
  command -v vagrant >/dev/null || die "vagrant is not installed on this machine (docs/cluster.md, 'Host requirements')"
  state="$(cd "$here" && { vagrant status "$DEPLOY_NODE" --machine-readable || true; } | awk -F, '$3 == "state" { print $4 }')"
  [[ "$state" == running ]] || die "the $DEPLOY_NODE VM is ${state:-unknown}, not running: start the cluster with 'cd vagrant && vagrant up'"
fi

log "1/3 building the project (Oozie applications and their jars)"
run mvn -B -q -f "$root/pom.xml" -DskipTests package
log "2/3 seeding the cluster's ERP if it is empty (scale $LAKE_SCALE, seed $LAKE_SEED)"
"$here/bin/seed-erp.sh"
log "3/3 uploading and submitting on $DEPLOY_NODE"
run_in "$here" vagrant ssh "$DEPLOY_NODE" -c "sudo /campus-lake/vagrant/deploy/on-cluster.sh $profile"
if ((dry_run)); then
  log "on $DEPLOY_NODE, deploy/on-cluster.sh would run:"
  "$here/deploy/on-cluster.sh" "$profile"
fi
