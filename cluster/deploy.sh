#!/usr/bin/env bash
# Puts the project on the cluster on one machine (`lake cluster up`); `./lake deploy --env cluster` calls it.
# Seeds the cluster's ERP if it is empty, then runs the classroom cluster's own deploy (vagrant/deploy/on-cluster.sh)
# on the edge host: the Oozie applications, jars, HiveQL and settings to HDFS, the password files there (mode 0400),
# the Hive tables through HiveServer2. It submits no schedule: nothing moves this ERP's clock on its own, so
# `lake run --env cluster --date D` submits the bundle for one date (LAKE_SUBMIT=1 submits job.properties' own).
#   deploy.sh [--dry-run]     --dry-run prints the commands run on the edge host and runs none.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
case "${1:-}" in
  --dry-run)
    # shellcheck source-path=SCRIPTDIR source=../vagrant/provision/common.sh
    source "$here/../vagrant/provision/common.sh"
    log "on edge, vagrant/deploy/on-cluster.sh would run:"
    LAKE_DRY_RUN=1 LAKE_SUBMIT="${LAKE_SUBMIT:-0}" exec "$here/../vagrant/deploy/on-cluster.sh" netns cluster ;;
  "") LAKE_SUBMIT="${LAKE_SUBMIT:-0}" exec bash "$here/src/main/sh/lake-cluster.sh" deploy cluster ;;
  *) echo "usage: deploy.sh [--dry-run]" >&2; exit 2 ;;
esac
