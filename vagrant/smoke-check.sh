#!/usr/bin/env bash
# Checks that every service of the classroom cluster works, end to end, and prints OK or FAILED for each:
#   vagrant ssh master -c 'sudo /campus-lake/vagrant/smoke-check.sh'
# (the last machine's provisioning runs it too). Exit status: the number of failed checks.
# LAKE_SMOKE_ONLY="hdfs-write-read ..." runs only the checks it names, and says which it left out.
set -uo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=provision/common.sh
source "$here/provision/common.sh"
load_settings "${1:-$(cat /etc/campus-lake/profile 2>/dev/null || echo multi)}"
set -a
# shellcheck source=/dev/null
source /etc/campus-lake/environment
set +a

user="${LAKE_SMOKE_USER:-vagrant}"
work="$(mktemp -d)"
chmod 0755 "$work"
trap 'rm -rf "$work"' EXIT
failed=0
not_run=0

# check NAME COMMAND...: runs COMMAND as the smoke user, prints OK with its time, or FAILED with its last lines.
check() {
  local name="$1" started=$SECONDS out="$work/$1.log"
  shift
  if [[ -n "${LAKE_SMOKE_ONLY:-}" && " $LAKE_SMOKE_ONLY " != *" $name "* ]]; then
    printf 'NOT RUN %-28s (LAKE_SMOKE_ONLY leaves it out)\n' "$name"
    not_run=$((not_run + 1))
    return 0
  fi
  # shellcheck disable=SC2024 # the log belongs to root, the command runs as the smoke user
  if as_user "$user" bash -c "set -a; source /etc/campus-lake/environment; set +a; cd '$work'; $*" > "$out" 2>&1; then
    printf 'OK      %-28s %4d s\n' "$name" $((SECONDS - started))
  else
    printf 'FAILED  %-28s %4d s\n' "$name" $((SECONDS - started))
    grep -v -e '^SLF4J' -e 'WARN' "$out" | tail -n 12 | sed 's/^/        | /'
    failed=$((failed + 1))
  fi
}

stamp="smoke-$(date -u +%Y%m%dT%H%M%S)"
check hdfs-write-read "echo '$stamp' | hdfs dfs -put -f - /user/$user/$stamp.txt \
  && test \"\$(hdfs dfs -cat /user/$user/$stamp.txt)\" = '$stamp' && hdfs dfs -rm -skipTrash /user/$user/$stamp.txt"
check yarn-mapreduce-job "hadoop jar \$HADOOP_HOME/share/hadoop/mapreduce/hadoop-mapreduce-examples-*.jar pi 2 20 \
  | grep 'Estimated value of Pi'"
check hive-beeline-query "beeline -u '$HIVE_JDBC_URL' -n $user --silent=true --outputformat=csv2 -e \
  \"CREATE TABLE IF NOT EXISTS default.smoke_check (id INT, note STRING) STORED AS PARQUET;
    INSERT OVERWRITE TABLE default.smoke_check VALUES (1, '$stamp'), (2, '$stamp');
    SELECT COUNT(*) AS n FROM default.smoke_check WHERE note = '$stamp';\" | grep -x 2"
# Four partitions: the sum is computed by executors in YARN containers, not in the driver.
check spark-on-yarn "spark-sql --master yarn -S -e 'SELECT SUM(id) AS total FROM range(0, 1000000, 1, 4)' \
  | grep -x 499999500000"
check spark-reads-hive-table "spark-sql --master yarn -S -e 'SELECT COUNT(*) FROM default.smoke_check' | grep -x 2"
check oozie-status "oozie admin -oozie '$OOZIE_URL' -status | grep 'System mode: NORMAL'"
check mysql-summary-reachable "(exec 3<>/dev/tcp/$DB_HOST/3306)"

if ((failed)); then
  printf '%d check(s) failed: docs/cluster.md, "Troubleshooting", lists the usual causes.\n' "$failed"
elif ((not_run)); then
  printf 'Every check that ran passed; %d check(s) were not run.\n' "$not_run"
else
  echo "The cluster works: HDFS, YARN, Hive, Spark, Oozie and MySQL all answered."
fi
exit "$failed"
