#!/usr/bin/env bash
# The classroom cluster on this one Linux machine: lake-cluster.sh up | status | down   (`lake cluster ...`).
#
# Each machine of vagrant/profiles/netns.env (edge, worker1, worker2, master) is a network namespace on a bridge of
# its own, with its hostname (a UTS namespace) and its own view of the files: a Java 8 root filesystem built from
# Debian's packages (java8-rootfs.sh) with the paths a VM has bind-mounted into it (/opt/hadoop, /etc/hadoop/conf,
# /var/lib/campus-lake, ...). The daemons are the real ones, from Maven Central's jars (cluster/*/target/home), one
# process each, configured from vagrant/templates by the provisioning's own renderer and prepared by its own
# functions (accounts, HDFS folders, MySQL accounts, the metastore schema).
# State, data and logs: $LAKE_HOME/cluster. A second `up` keeps the data.
set -euo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$here/../../../.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=../../../../vagrant/provision/common.sh
source "$REPO/vagrant/provision/common.sh"
for step in "$REPO"/vagrant/provision/steps/*.sh; do
  # shellcheck source=/dev/null
  source "$step"
done
# The Oozie server (oozie_up).
# shellcheck source-path=SCRIPTDIR source=oozie.sh
source "$here/oozie.sh"

LAKE_HOME="${LAKE_HOME:-$REPO/.lake}"
STATE="$LAKE_HOME/cluster"
ROOTFS="$STATE/java8"
PROFILE=netns
NS_PREFIX="${LAKE_CLUSTER_NS_PREFIX:-lake-}"
BRIDGE_NS="${NS_PREFIX}net"
# This machine's own leg on the bridge, like a VM host's on its host-only network: the lake command, a browser or
# a BI tool reach the hosts by address (10.200.0.10:9870, ...) without entering a namespace.
HOST_LINK="${NS_PREFIX}host"

usage() { echo "usage: lake cluster up | status | smoke | deploy [ENV] | reset | exec NODE [USER [COMMAND...]] | down" >&2; exit 2; }

require_root() {
  [[ $EUID -eq 0 ]] || { echo "lake cluster: needs root (it creates network namespaces and mounts); run it as root" >&2; exit 2; }
}

# Debian packages the host side needs: MariaDB for the database host, aiosmtpd for its mail sink.
host_packages() {
  local p missing=()
  for p in mariadb-server-core mariadb-client-core iproute2 util-linux python3-aiosmtpd; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    log "installing ${missing[*]} (Debian)"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

require_build() {
  local d
  for d in "$REPO/cluster/hadoop/target/home/share/hadoop/common/lib" "$REPO/cluster/hive/target/home/lib" \
    "$REPO/cluster/spark/target/home/jars" "$REPO/dashboard/target/lib"; do
    [[ -d "$d" ]] || die "the cluster's jars are not built ($d): run 'mvn -B -DskipTests package' (./lake builds it)"
  done
}

ns() { printf '%s%s' "$NS_PREFIX" "$1"; }

# --- hosts: namespaces on one bridge --------------------------------------------------------------------------

hosts_block() {
  local n
  printf '127.0.0.1 localhost\n'
  for n in $NODES; do printf '%s %s\n' "$(node_setting "$n" IP)" "$n"; done
}

network_up() {
  local n
  ip netns list | grep -qx "$BRIDGE_NS\( .*\)\?" || {
    ip netns add "$BRIDGE_NS"
    ip -n "$BRIDGE_NS" link add br0 type bridge
    ip -n "$BRIDGE_NS" link set br0 up
  }
  mkdir -p "$STATE/etc"
  hosts_block > "$STATE/etc/hosts"
  for n in $NODES; do
    if ! ip netns list | grep -q "^$(ns "$n")\( \|$\)"; then
      ip netns add "$(ns "$n")"
      ip -n "$BRIDGE_NS" link add "v-$n" type veth peer name eth0 netns "$(ns "$n")"
      ip -n "$BRIDGE_NS" link set "v-$n" master br0 up
      ip -n "$(ns "$n")" addr add "$(node_setting "$n" IP)/24" dev eth0
      ip -n "$(ns "$n")" link set eth0 up
      ip -n "$(ns "$n")" link set lo up
    fi
    # `ip netns exec` puts this file over /etc/hosts for the host-side tools (curl, MariaDB).
    mkdir -p "/etc/netns/$(ns "$n")"
    cp "$STATE/etc/hosts" "/etc/netns/$(ns "$n")/hosts"
  done
  if ! ip link show "$HOST_LINK" >/dev/null 2>&1; then
    ip link add "$HOST_LINK" type veth peer name v-host netns "$BRIDGE_NS"
    ip -n "$BRIDGE_NS" link set v-host master br0 up
    ip addr add "$(host_ip)/24" dev "$HOST_LINK"
    ip link set "$HOST_LINK" up
  fi
}

# The address of this machine on the bridge: .1 of the hosts' network.
host_ip() { local ip; ip="$(node_setting "$MASTER_HOST" IP)"; printf '%s.1' "${ip%.*}"; }

network_down() {
  local n
  for n in $NODES; do
    ip netns del "$(ns "$n")" 2>/dev/null || true
    rm -rf "/etc/netns/$(ns "$n")"
  done
  ip link del "$HOST_LINK" 2>/dev/null || true
  ip netns del "$BRIDGE_NS" 2>/dev/null || true
}

# host_exec NODE USER COMMAND...: runs COMMAND on NODE as USER, in the Java 8 root filesystem with the node's own
# folders mounted where a VM has them, and the services' environment (/etc/campus-lake/environment).
host_exec() {
  host_command "$@"
  "${HOST_COMMAND[@]}"
}

# host_command NODE USER COMMAND...: sets HOST_COMMAND to what host_exec runs. Started in the background as one
# simple command, its pid is the daemon's own: ip, unshare, in-host.sh and chroot all exec the next.
host_command() {
  local node="$1" user="$2"
  shift 2
  mkdir -p "$STATE/hosts/$node/data" "$STATE/hosts/$node/log" "$STATE/hosts/$node/tmp"
  chmod 1777 "$STATE/hosts/$node/tmp"
  HOST_COMMAND=(ip netns exec "$(ns "$node")" unshare --uts --mount --propagation private
    bash "$here/in-host.sh" "$node" "$user" "$ROOTFS" "$STATE" "$REPO" "$@")
}

# --- state that the provisioning would make on a VM ------------------------------------------------------------

# The generated secrets, as the Vagrantfile's trigger makes them (32 letters and digits, no newline; kept).
secrets() {
  local dir="$STATE/secrets" name value
  install -d -m 0700 "$dir"
  for name in etl.password bi_reader.password metastore.password oozie.password pseudonym-salt; do
    if [[ ! -s "$dir/$name" ]]; then
      value="$(head -c 4096 /dev/urandom | LC_ALL=C tr -dc 'A-Za-z0-9')"
      (umask 077; printf '%s' "${value:0:32}" > "$dir/$name")
    fi
  done
  # The salt is one text line, like the local .lake/secrets/salt.txt.
  [[ "$(tail -c1 "$dir/pseudonym-salt" | od -An -c | tr -d ' ')" == '\n' ]] || echo >> "$dir/pseudonym-salt"
}

# Rendered in place: the running daemons see these folders through bind mounts, which a replaced folder would
# leave pointing at a deleted one. Files made here by an earlier `up` (the credential stores) stay.
render_configs() {
  local conf="$STATE/conf"
  mkdir -p "$conf/hadoop" "$conf/hive" "$conf/spark" "$conf/campus-lake"
  # The tarball's defaults first (here: the files it would have had), then the project's templates over them.
  cp "$REPO"/cluster/src/main/conf/hadoop/* "$conf/hadoop/"
  render_tree "$LAKE_VAGRANT_DIR/templates/hadoop" "$conf/hadoop"
  render_tree "$LAKE_VAGRANT_DIR/templates/hive" "$conf/hive"
  render_tree "$LAKE_VAGRANT_DIR/templates/spark" "$conf/spark"
  render_template "$LAKE_VAGRANT_DIR/templates/system/environment" "$conf/campus-lake/environment"
  echo "$PROFILE" > "$conf/campus-lake/profile"
}

# --- daemons ---------------------------------------------------------------------------------------------------

pid_file() { printf '%s/run/%s.%s.pid' "$STATE" "$1" "$2"; }
log_file() { mkdir -p "$STATE/hosts/$1/log"; printf '%s/hosts/%s/log/%s.log' "$STATE" "$1" "$2"; }

alive() {
  local f="$1" pid
  [[ -f "$f" ]] || return 1
  pid="$(cat "$f")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# start NODE NAME USER COMMAND...: starts a daemon in the background, once; its pid is recorded.
start() {
  local node="$1" name="$2" user="$3"
  shift 3
  local pf
  pf="$(pid_file "$node" "$name")"
  mkdir -p "$STATE/run"
  if alive "$pf"; then
    log "$node: $name is running (pid $(cat "$pf"))"
    return 0
  fi
  log "$node: starting $name"
  host_command "$node" "$user" "$@"
  "${HOST_COMMAND[@]}" >> "$(log_file "$node" "$name")" 2>&1 < /dev/null &
  echo $! > "$pf"
}

# wait_until WHAT SECONDS NAME... -- TEST...: polls TEST every 2 s; fails naming WHAT and the daemons' logs.
wait_until() {
  local what="$1" seconds="$2" since=$SECONDS
  shift 2
  local names=()
  while [[ "$1" != "--" ]]; do names+=("$1"); shift; done
  shift
  until "$@" >/dev/null 2>&1; do
    local nm
    for nm in "${names[@]}"; do
      alive "$STATE/run/$nm.pid" || die "$what: ${nm/./ }'s process ended; last lines of its log: $(tail -n 5 "$(log_file "${nm%%.*}" "${nm#*.}")" 2>/dev/null)"
    done
    (( SECONDS - since >= seconds )) && die "$what: not ready within $seconds s (logs: $STATE/hosts/*/log/)"
    sleep 2
  done
  log "$what ($((SECONDS - since)) s)"
}

edge_curl() { ip netns exec "$(ns "$EDGE_HOST")" curl -sf --max-time 5 "$@"; }
jmx_value() { edge_curl "$1" | tr ',' '\n' | sed -n "s/.*\"$2\" *: *\([0-9]*\).*/\1/p" | head -n1; }
live_datanodes_at_least() {
  (( $(jmx_value "http://$MASTER_HOST:9870/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState" NumLiveDataNodes || echo 0) >= $1 ))
}
active_nodemanagers_at_least() {
  (( $(jmx_value "http://$MASTER_HOST:8088/ws/v1/cluster/metrics" activeNodes || echo 0) >= $1 ))
}
port_open() { ip netns exec "$(ns "$EDGE_HOST")" bash -c "(exec 3<>/dev/tcp/$1/$2)"; }

# The database host: Debian's MariaDB server (MySQL 8 is not in Debian), with the VMs' databases and accounts.
start_database() {
  local node="$DB_HOST" data="$STATE/hosts/$DB_HOST/mysql" pf
  pf="$(pid_file "$node" mysql)"
  mkdir -p "$data" "$STATE/run"
  if [[ ! -d "$data/mysql" ]]; then
    log "$node: creating the database files"
    mariadb-install-db --no-defaults --datadir="$data" --user=root --auth-root-authentication-method=socket \
      > "$(log_file "$node" mysql-install)" 2>&1 || die "mariadb-install-db failed: $(log_file "$node" mysql-install)"
  fi
  if ! alive "$pf"; then
    log "$node: starting MariaDB"
    ip netns exec "$(ns "$node")" mariadbd --no-defaults --datadir="$data" --user=root --port=3306 \
      --bind-address=0.0.0.0 --socket="$data/mysqld.sock" --pid-file="$data/mysqld.pid" --skip-name-resolve \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci --default-time-zone=+00:00 \
      >> "$(log_file "$node" mysql)" 2>&1 < /dev/null &
    echo $! > "$pf"
  fi
  wait_until "MariaDB on $node" 60 "$node.mysql" -- mariadb --socket="$data/mysqld.sock" -uroot -e "SELECT 1"
  # The same databases and accounts as the VMs' MySQL (vagrant/provision/steps/30-mysql.sh), over the socket.
  local sql
  sql="$(LAKE_SHARED_SECRETS="$STATE/secrets" mysql_setup_sql)"
  mariadb --socket="$data/mysqld.sock" -uroot <<< "$sql"
}

# The mail sink on the edge host: the workflows' e-mail actions (oozie.email.smtp.host) are delivered to a Maildir,
# .lake/cluster/hosts/edge/mail/new/, one file per message.
start_mail_sink() {
  local node="$EDGE_HOST" pf
  pf="$(pid_file "$node" smtp)"
  mkdir -p "$STATE/hosts/$node/mail"/{tmp,new,cur}
  if ! alive "$pf"; then
    log "$node: starting the mail sink (SMTP on port 25, Maildir $STATE/hosts/$node/mail)"
    ip netns exec "$(ns "$node")" /usr/bin/python3 -m aiosmtpd -n -l 0.0.0.0:25 -c aiosmtpd.handlers.Mailbox \
      "$STATE/hosts/$node/mail" >> "$(log_file "$node" smtp)" 2>&1 < /dev/null &
    echo $! > "$pf"
  fi
  wait_until "mail sink on $node:25" 30 "$node.smtp" -- port_open "$node" 25
}

# The web dashboard on the edge host (docs/dashboard.md), as the VM's service runs it: the module's serve.sh with
# the settings rendered from the VMs' template, reading the cluster's summary database as bi_reader. The hosts'
# root filesystem has Java 8 only (the server needs 11+): it runs on the JDK that runs `lake`, in edge's namespace.
start_dashboard() {
  local node="$EDGE_HOST" pf conf="$STATE/hosts/$EDGE_HOST/dashboard.properties"
  has_role "$node" dashboard || return 0
  pf="$(pid_file "$node" dashboard)"
  export_setting DASHBOARD_PASSWORD_FILE "$STATE/secrets/bi_reader.password"
  render_template "$LAKE_VAGRANT_DIR/templates/dashboard/dashboard.properties" "$conf"
  if ! alive "$pf"; then
    log "$node: starting the dashboard (port $DASHBOARD_PORT)"
    ip netns exec "$(ns "$node")" env DASHBOARD_JAVA="${LAKE_DASHBOARD_JAVA:-java}" \
      bash "$REPO/dashboard/src/main/sh/serve.sh" "$conf" >> "$(log_file "$node" dashboard)" 2>&1 < /dev/null &
    echo $! > "$pf"
  fi
  # Listening is enough: before the first deploy the summary database has no views yet, and the page says so.
  wait_until "dashboard on $node:$DASHBOARD_PORT" 60 "$node.dashboard" -- port_open "$node" "$DASHBOARD_PORT"
}

in_chroot_provision() {
  # NODE USER FUNCTION...: one of the provisioning's own functions, on NODE, with the netns profile loaded.
  local node="$1" user="$2"
  shift 2
  host_exec "$node" "$user" bash -c 'source /campus-lake/cluster/src/main/sh/provision-fns.sh && "$@"' _ "$@"
}

# The hosts' accounts (etl, hdfs, yarn, ...) read the project through /campus-lake: every folder above it must let
# others through, or a deploy later fails with "No such file or directory" (seen: a clone in a mktemp -d folder, 0700).
require_readable_repo() {
  local d="$REPO"
  while [[ -n "$d" ]]; do
    if [[ "$(( 8#$(stat -c %a "$d") & 5 ))" -ne 5 && "$d" == "$REPO" ]] || [[ "$(( 8#$(stat -c %a "$d") & 1 ))" -ne 1 ]]; then
      die "the cluster's accounts cannot read the project at $REPO: $d is mode $(stat -c %a "$d"); run chmod o+rx $d (or clone the project where others can read it)"
    fi
    [[ "$d" == / ]] && break
    d="$(dirname "$d")"
  done
}

up() {
  require_root
  require_build
  require_readable_repo
  host_packages
  local started=$SECONDS
  # The daemons see the root filesystem through mounts of their own: replacing it under them would unmount their
  # data folders. A running cluster keeps the one it has.
  local nm
  for nm in $(daemons); do
    if alive "$STATE/run/$nm.pid"; then
      running_daemon="$nm"
      break
    fi
  done
  if [[ -n "${running_daemon:-}" ]]; then
    log "the cluster is running (${running_daemon/./: }): keeping its Java 8 root filesystem as it is"
  else
    bash "$here/java8-rootfs.sh" "$ROOTFS"
  fi
  mkdir -p "$ROOTFS/opt/hadoop" "$ROOTFS/opt/hive" "$REPO/cluster/hadoop/target/home/bin" "$REPO/cluster/hive/target/home/bin" \
    "$REPO/cluster/spark/target/home/bin"
  secrets
  render_configs
  network_up
  log "hosts: $(for n in $NODES; do printf '%s=%s ' "$n" "$(node_setting "$n" IP)"; done)"
  in_chroot_provision "$MASTER_HOST" root cluster_accounts
  # The deploy host's copies of the secrets it uploads, readable by etl only (as provision.sh makes them on a VM).
  in_chroot_provision "$DEPLOY_NODE" root install_secret etl.password etl
  in_chroot_provision "$DEPLOY_NODE" root install_secret pseudonym-salt etl

  local n
  for n in $NODES; do
    if has_role "$n" mysql; then start_database; fi
  done
  start_mail_sink
  for n in $NODES; do
    if has_role "$n" namenode; then
      if [[ ! -f "$STATE/hosts/$n/data/hdfs/name/current/VERSION" ]]; then
        log "$n: formatting HDFS"
        in_chroot_provision "$n" root format_namenode > "$(log_file "$n" namenode-format)" 2>&1 \
          || die "formatting HDFS failed: $(log_file "$n" namenode-format)"
      fi
      start "$n" namenode hdfs /opt/hadoop/bin/hdfs namenode
    fi
  done
  for n in $NODES; do
    if has_role "$n" datanode; then
      in_chroot_provision "$n" root install -d -m 0700 -o hdfs -g hadoop "$LAKE_DATA_DIR/hdfs/data"
      start "$n" datanode hdfs /opt/hadoop/bin/hdfs datanode
    fi
  done
  local workers
  workers=$(wc -w <<< "$WORKER_HOSTS")
  wait_until "HDFS: $workers DataNodes live" 180 "$MASTER_HOST.namenode" -- live_datanodes_at_least "$workers"
  in_chroot_provision "$MASTER_HOST" root prepare_hdfs > "$(log_file "$MASTER_HOST" prepare-hdfs)" 2>&1 \
    || die "preparing the HDFS folders failed: $(log_file "$MASTER_HOST" prepare-hdfs)"
  log "HDFS: the lake's folders and modes are in place"
  in_chroot_provision "$MASTER_HOST" root upload_spark_jars

  for n in $NODES; do
    if has_role "$n" resourcemanager; then start "$n" resourcemanager yarn /opt/hadoop/bin/yarn resourcemanager; fi
  done
  for n in $NODES; do
    if has_role "$n" nodemanager; then
      in_chroot_provision "$n" root install -d -m 0755 -o yarn -g hadoop "$LAKE_DATA_DIR/yarn/local" "$LAKE_DATA_DIR/yarn/logs"
      start "$n" nodemanager yarn /opt/hadoop/bin/yarn nodemanager
    fi
    if has_role "$n" historyserver; then start "$n" historyserver mapred /opt/hadoop/bin/mapred historyserver; fi
  done
  wait_until "YARN: $workers NodeManagers registered" 240 "$MASTER_HOST.resourcemanager" -- \
    active_nodemanagers_at_least "$workers"
  wait_until "MapReduce JobHistory server" 120 "$MASTER_HOST.historyserver" -- \
    edge_curl "http://$MASTER_HOST:19888/ws/v1/history/info"

  for n in $NODES; do
    if has_role "$n" metastore; then
      in_chroot_provision "$n" root metastore_schema > "$(log_file "$n" metastore-schema)" 2>&1 \
        || die "the metastore schema failed: $(log_file "$n" metastore-schema)"
      start "$n" metastore hive /opt/hive/bin/hive --service metastore
      wait_until "Hive metastore on $n:9083" 180 "$n.metastore" -- port_open "$n" 9083
    fi
  done
  for n in $NODES; do
    if has_role "$n" hiveserver2; then
      start "$n" hiveserver2 hive /opt/hive/bin/hive --service hiveserver2
      wait_until "HiveServer2 on $n:10000" 300 "$n.hiveserver2" -- port_open "$n" 10000
    fi
  done
  # --- oozie (cluster/src/main/sh/oozie.sh) ---
  for n in $NODES; do
    if has_role "$n" oozie; then oozie_up "$n"; fi
  done
  for n in $NODES; do
    if has_role "$n" spark_history; then
      start "$n" spark-history spark /opt/spark/bin/spark-class org.apache.spark.deploy.history.HistoryServer
      wait_until "Spark history server on $n:18080" 120 "$n.spark-history" -- edge_curl "http://$n:18080/api/v1/version"
    fi
  done
  start_dashboard
  endpoints
  log "cluster up in $((SECONDS - started)) s; 'lake cluster status' shows it, 'lake cluster down' stops it"
  log "from this machine: Oozie $(node_setting "$MASTER_HOST" IP):11000, HDFS $(node_setting "$MASTER_HOST" IP):9870, YARN $(node_setting "$MASTER_HOST" IP):8088, dashboard http://$(node_setting "$EDGE_HOST" IP):$DASHBOARD_PORT/ ($STATE/endpoints.properties)"
}

# What the lake command (lake run --env cluster, lake demo --cluster) reads to reach the cluster from this machine:
# the addresses on the bridge, and the file that holds the etl account's password (no password in it).
endpoints() {
  local m d
  m="$(node_setting "$MASTER_HOST" IP)"
  d="$(node_setting "$DB_HOST" IP)"
  cat > "$STATE/endpoints.properties" <<EOF
# The cluster on one machine as this machine reaches it (written by lake cluster up).
oozie.url=http://$m:11000/oozie
oozie.user=etl
hive.jdbc.url=jdbc:hive2://$m:10000/default
db.jdbc.url=jdbc:mysql://$d:3306/
db.user=etl
db.password.file=$STATE/secrets/etl.password
namenode.http=http://$m:9870
resourcemanager.http=http://$m:8088
jobhistory.http=http://$m:19888
dashboard.http=http://$(node_setting "$EDGE_HOST" IP):$DASHBOARD_PORT/
EOF
}

# Start order; `down` stops in reverse, so no daemon outlives what it depends on.
DAEMON_ORDER="mysql smtp namenode datanode resourcemanager nodemanager historyserver spark-history metastore hiveserver2 oozie dashboard"

# daemons: NODE.DAEMON of every recorded daemon, in start order.
daemons() {
  local d f
  for d in $DAEMON_ORDER; do
    for f in "$STATE"/run/*."$d".pid; do
      [[ -e "$f" ]] && basename "$f" .pid
    done
  done
  return 0
}

status() {
  local nm f running=0 crashed=0
  if [[ ! -d "$STATE/run" ]] || [[ -z "$(daemons)" ]]; then
    echo "cluster: not started (lake cluster up)"
    return 3
  fi
  printf '%-9s %-16s %-8s %s\n' HOST DAEMON STATE "PID / LOG"
  for nm in $(daemons); do
    f="$STATE/run/$nm.pid"
    if alive "$f"; then
      printf '%-9s %-16s %-8s %s\n' "${nm%%.*}" "${nm#*.}" running "$(cat "$f")"
      running=$((running + 1))
    else
      printf '%-9s %-16s %-8s %s\n' "${nm%%.*}" "${nm#*.}" CRASHED "$(log_file "${nm%%.*}" "${nm#*.}")"
      crashed=$((crashed + 1))
    fi
  done
  if ip netns list | grep -q "^$(ns "$EDGE_HOST")\( \|$\)"; then
    printf 'HDFS: %s live DataNodes; YARN: %s NodeManagers\n' \
      "$(jmx_value "http://$MASTER_HOST:9870/jmx?qry=Hadoop:service=NameNode,name=FSNamesystemState" NumLiveDataNodes || echo '?')" \
      "$(jmx_value "http://$MASTER_HOST:8088/ws/v1/cluster/metrics" activeNodes || echo '?')"
  fi
  echo "$running running, $crashed crashed"
  ((crashed == 0))
}

# The VMs' own smoke check (vagrant/smoke-check.sh), on the edge host as a VM's user runs it. LAKE_SMOKE_ONLY, if
# set, chooses the checks.
smoke() {
  require_root
  ip netns list | grep -q "^$(ns "$EDGE_HOST")\( \|$\)" || die "the cluster is not up (lake cluster up)"
  host_exec "$EDGE_HOST" root env LAKE_SMOKE_ONLY="${LAKE_SMOKE_ONLY:-}" bash /campus-lake/vagrant/smoke-check.sh "$PROFILE"
}

down() {
  require_root
  local nm f pid waited
  for nm in $(daemons | tac); do
    f="$STATE/run/$nm.pid"
    if alive "$f"; then
      pid="$(cat "$f")"
      log "stopping ${nm#*.} on ${nm%%.*} (pid $pid)"
      kill "$pid" 2>/dev/null || true
      waited=0
      while kill -0 "$pid" 2>/dev/null && ((waited < 30)); do sleep 1; waited=$((waited + 1)); done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$f"
  done
  # What the daemons started (containers, their shells) goes with the hosts.
  local n
  for n in $NODES; do
    if ip netns list | grep -q "^$(ns "$n")\( \|$\)"; then
      ip netns pids "$(ns "$n")" | xargs -r kill -9 2>/dev/null || true
    fi
  done
  network_down
  log "cluster stopped; its data stays in $STATE (rm -rf it to start over)"
}

require_up() {
  require_root
  ip netns list | grep -q "^$(ns "$EDGE_HOST")\( \|$\)" || die "the cluster is not up (lake cluster up)"
}

# exec NODE USER COMMAND...: a command on a host, as a VM's `vagrant ssh NODE -c` runs it (default: a shell).
exec_on() {
  require_up
  local node="${1:?usage: lake cluster exec NODE [USER [COMMAND...]]}" user="${2:-root}"
  shift 2 || shift $#
  [[ " $NODES " == *" $node "* ]] || die "no host $node (hosts: $NODES)"
  if (($# == 0)); then set -- bash -l; fi
  host_exec "$node" "$user" "$@"
}

# deploy [ENV]: the classroom cluster's own deploy (vagrant/deploy/on-cluster.sh) on the deploy host, after seeding
# the ERP if it is empty (as vagrant/bin/seed-erp.sh does through a VM's forwarded port, here on the bridge).
# LAKE_SUBMIT=0 deploys without submitting the bundle.
deploy() {
  require_up
  local env_name="${1:-cluster}" db_ip
  [[ -d "$REPO/oozie-workflows/target/apps" ]] || die "the Oozie applications are not built: run ./lake (it builds them)"
  db_ip="$(node_setting "$DB_HOST" IP)"
  log "1/2 seeding the cluster's ERP if it is empty (scale $LAKE_SCALE, seed $LAKE_SEED)"
  "$REPO/lake" seed --scale "$LAKE_SCALE" --seed "$LAKE_SEED" --if-empty --db-url "jdbc:mysql://$db_ip:3306/" \
    --db-user etl --db-password-file "$STATE/secrets/etl.password"
  log "2/2 deploying on $DEPLOY_NODE (vagrant/deploy/on-cluster.sh $PROFILE $env_name)"
  host_exec "$DEPLOY_NODE" root env LAKE_SUBMIT="${LAKE_SUBMIT:-1}" bash /campus-lake/vagrant/deploy/on-cluster.sh \
    "$PROFILE" "$env_name"
}

# reset: starts the lake over on the cluster, as `lake demo` does locally after a new seed (the watermarks mean
# nothing for a new ERP): the lake's files in HDFS (watermarks included), the Hive databases over them, and the
# published snapshots in the summary database. The ERP, the deployed applications and the secrets stay.
reset() {
  require_up
  local data="$STATE/hosts/$DB_HOST/mysql" t
  log "emptying /lake in HDFS, dropping the raw, curated and analytics Hive databases, emptying the summary"
  host_exec "$MASTER_HOST" hive "$HIVE_HOME/bin/beeline" -u "$HIVE_JDBC_URL" -n etl --silent=true \
    -e "DROP DATABASE IF EXISTS analytics CASCADE" -e "DROP DATABASE IF EXISTS curated CASCADE" \
    -e "DROP DATABASE IF EXISTS raw CASCADE" > "$(log_file "$MASTER_HOST" reset)" 2>&1 \
    || die "dropping the Hive databases failed: $(log_file "$MASTER_HOST" reset)"
  host_exec "$MASTER_HOST" hdfs "$HADOOP_HOME/bin/hdfs" dfs -rm -r -f -skipTrash /lake >> "$(log_file "$MASTER_HOST" reset)" 2>&1
  in_chroot_provision "$MASTER_HOST" root prepare_hdfs >> "$(log_file "$MASTER_HOST" reset)" 2>&1 \
    || die "recreating the HDFS folders failed: $(log_file "$MASTER_HOST" reset)"
  for t in $(mariadb --socket="$data/mysqld.sock" -uroot -N -e "SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'summary' AND column_name = 'snapshot_date' AND table_name LIKE 'kpi\\_%'"); do
    mariadb --socket="$data/mysqld.sock" -uroot summary -e "DELETE FROM \`$t\`"
  done
  mariadb --socket="$data/mysqld.sock" -uroot summary -e "DELETE FROM snapshot"
  log "the lake is empty; deploy again (lake deploy --env cluster) to recreate the Hive tables"
}

load_settings "$PROFILE"
case "${1:-}" in
  up) up ;;
  status) status ;;
  smoke) smoke ;;
  deploy) deploy "${@:2}" ;;
  reset) reset ;;
  exec) exec_on "${@:2}" ;;
  down) down ;;
  *) usage ;;
esac
