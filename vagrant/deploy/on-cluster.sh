#!/usr/bin/env bash
# The cluster side of `lake deploy --env vagrant` (and `--env cluster`), run as root on the deploy machine:
#   sudo /campus-lake/vagrant/deploy/on-cluster.sh PROFILE [ENV]
# ENV is the job.properties folder (oozie-workflows/src/main/apps/env/ENV; default vagrant). With LAKE_SUBMIT=0 it
# puts everything in place and submits no bundle. With LAKE_DRY_RUN=1 it prints the commands instead
# (deploy.sh --dry-run runs it that way on the host).
# A failed upload leaves the previous applications in place: the new ones go to apps.new and replace apps last.
set -euo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=provision/common.sh
source "$here/provision/common.sh"
# shellcheck source=provision/steps/80-dashboard.sh
source "$here/provision/steps/80-dashboard.sh"
load_settings "${1:?usage: on-cluster.sh PROFILE [ENV]}"
env_name="${2:-vagrant}"
if [[ -r /etc/campus-lake/environment ]]; then
  set -a
  # shellcheck source=/dev/null
  source /etc/campus-lake/environment
  set +a
fi

apps="${LAKE_APPS_DIR:-/campus-lake/oozie-workflows/target/apps}"
env_dir="$apps/env/$env_name"
base=/user/etl/campus-lake
secrets=/user/etl/secrets
if [[ "${LAKE_DRY_RUN:-0}" != 1 ]]; then
  [[ -d "$apps" ]] || die "no $apps: build the project on the host first (lake deploy does)"
  [[ -f "$env_dir/job.properties" ]] || die "no environment $env_name ($env_dir/job.properties)"
  [[ $EUID -eq 0 ]] || die "on-cluster.sh runs as root (it acts as the etl account)"
fi

# The cluster environment is this shell's (/etc/campus-lake/environment, above); as_user keeps it.
as_etl() { run as_user etl "$@"; }
hdfs_etl() { as_etl "$HADOOP_HOME/bin/hdfs" dfs "$@"; }

log "uploading the Oozie applications to $base/apps"
hdfs_etl -mkdir -p "$base/conf"
hdfs_etl -rm -r -f -skipTrash "$base/apps.new" "$base/apps.old"
hdfs_etl -put "$apps" "$base/apps.new"
if run_test hdfs_etl -test -d "$base/apps"; then
  hdfs_etl -mv "$base/apps" "$base/apps.old"
fi
hdfs_etl -mv "$base/apps.new" "$base/apps"
hdfs_etl -put -f "$env_dir/ingest.properties" "$env_dir/analytics.properties" "$base/conf/"

log "writing the password file and the pseudonymisation salt to $secrets (mode 0400, etl only)"
hdfs_etl -mkdir -p "$secrets/pseudonym-salt"
hdfs_etl -chmod 0700 "$secrets" "$secrets/pseudonym-salt"
hdfs_etl -put -f "$LAKE_SECRETS_DIR/etl.password" "$secrets/etl.password"
hdfs_etl -chmod 0400 "$secrets/etl.password"
# The salt must never change once keys are published: written once.
if ! run_test hdfs_etl -test -e "$secrets/pseudonym-salt/salt.txt"; then
  hdfs_etl -put "$LAKE_SECRETS_DIR/pseudonym-salt" "$secrets/pseudonym-salt/salt.txt"
  hdfs_etl -chmod 0400 "$secrets/pseudonym-salt/salt.txt"
fi

log "creating the Hive databases, tables and views through HiveServer2"
for script in 010_raw_tables.hql 100_curated_tables.hql 200_analytics_views.hql; do
  as_etl "$HIVE_HOME/bin/beeline" -u "$HIVE_JDBC_URL" -n etl --silent=true \
    --hivevar "lake_root=$NAMENODE_URI/lake" --hivevar "salt_dir=$NAMENODE_URI$secrets/pseudonym-salt" \
    -f "$apps/hql/$script"
done

# The VM's dashboard service runs from the build this deploy made (the cluster on one machine has no systemd: its
# dashboard is lake-cluster.sh's).
if [[ -f "/etc/systemd/system/$DASHBOARD_SERVICE.service" && "${LAKE_DRY_RUN:-0}" != 1 ]]; then
  log "restarting the dashboard on the new build"
  restart_dashboard
fi

if [[ "${LAKE_SUBMIT:-1}" == 0 ]]; then
  log "deployed; no bundle submitted (LAKE_SUBMIT=0)"
  exit 0
fi
log "replacing the running campus-lake bundle, if any"
for job in $(run_output as_etl "$OOZIE_CLIENT_HOME/bin/oozie" jobs -oozie "$OOZIE_URL" -jobtype bundle \
    -filter "name=campus-lake;status=PREP;status=RUNNING;status=SUSPENDED;status=PREPSUSPENDED;status=PAUSED;status=PREPPAUSED" \
    -len 100 | grep -o '^[0-9]*-[0-9]*-oozie-oozi-B' || true); do
  as_etl "$OOZIE_CLIENT_HOME/bin/oozie" job -oozie "$OOZIE_URL" -kill "$job"
done
log "submitting the bundle"
as_etl "$OOZIE_CLIENT_HOME/bin/oozie" job -oozie "$OOZIE_URL" -config "$env_dir/job.properties" -run
log "watch it with: oozie job -oozie $OOZIE_URL -info <the job id above>   (docs/cluster.md)"
