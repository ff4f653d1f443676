# shellcheck shell=bash
# Packages, /etc/hosts and the accounts every machine shares.

base_packages() {
  local node="$1" packages=("$JAVA8_PACKAGE" curl gettext-base zip unzip netcat-openbsd)
  if has_role "$node" oozie_build; then packages+=(maven xmlstarlet); fi
  if has_role "$node" metastore || has_role "$node" oozie; then packages+=(expect); fi
  if has_role "$node" client || has_role "$node" mysql; then packages+=(mysql-client-core-8.0); fi
  # The web dashboard's server needs Java 11 or later; the Hadoop services keep Java 8.
  if has_role "$node" dashboard; then packages+=("$JAVA17_PACKAGE"); fi
  local missing=()
  local p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  mkdir -p /etc/campus-lake "$LAKE_DATA_DIR"
  render_template "$LAKE_VAGRANT_DIR/templates/system/environment" /etc/campus-lake/environment
  # Login shells get the same environment as the services.
  printf 'set -a\n. /etc/campus-lake/environment\nset +a\n' > /etc/profile.d/campus-lake.sh
}

# Every machine knows every other by name. Vagrant puts the machine's own name on a 127.x line, which makes
# Hadoop daemons listen on loopback only: that line loses the name, and the cluster's block is rewritten whole.
hosts_file() {
  local n name aliases block
  block="# campus-lake begin"$'\n'
  for n in $NODES; do
    aliases=""
    if [[ "$n" == "$MASTER_HOST" && -n "$HOST_ALIASES" ]]; then aliases=" $HOST_ALIASES"; fi
    block+="$(node_setting "$n" IP) $n$aliases"$'\n'
  done
  block+="# campus-lake end"
  name="$(hostname)"
  BLOCK="$block" awk -v name="$name" '
    /^# campus-lake begin/ { skip = 1; next }
    /^# campus-lake end/ { skip = 0; next }
    skip { next }
    /^127\./ { out = $1; for (i = 2; i <= NF; i++) if ($i != name) out = out " " $i; if (out != $1) print out; next }
    { print }
    END { print ENVIRON["BLOCK"] }' /etc/hosts > /etc/hosts.campus-lake
  cat /etc/hosts.campus-lake > /etc/hosts
  rm -f /etc/hosts.campus-lake
}

# The same uids on every machine. hadoop: the services; data-engineers: who may read raw/ and quarantine/;
# analysts: Beeline users who see curated/ and analytics/ only.
accounts() {
  getent group hadoop >/dev/null || groupadd --system --gid 1500 hadoop
  getent group data-engineers >/dev/null || groupadd --gid 1510 data-engineers
  getent group analysts >/dev/null || groupadd --gid 1511 analysts
  ensure_user hdfs 1501 hadoop
  ensure_user yarn 1502 hadoop
  ensure_user mapred 1503 hadoop
  ensure_user hive 1504 hadoop
  ensure_user oozie 1505 hadoop
  ensure_user spark 1506 hadoop
  ensure_user etl 1520 data-engineers
  ensure_user analyst 1521 analysts
  ensure_user dashboard 1522 analysts
  usermod -a -G data-engineers vagrant 2>/dev/null || true
}
