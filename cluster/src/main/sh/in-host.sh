#!/usr/bin/env bash
# One command on one host of the cluster on one machine, run by lake-cluster.sh's host_exec inside the host's
# network namespace and a new mount and UTS namespace:  in-host.sh NODE USER ROOTFS STATE REPO COMMAND...
# It gives the Java 8 root filesystem the node's own folders at the paths a VM has, then runs COMMAND there as
# USER with the services' environment. The mounts exist in this process's namespace only and go away with it.
set -euo pipefail
node="$1" user="$2" rootfs="$3" state="$4" repo="$5"
shift 5

hostname "$node"
bind() { mkdir -p "$rootfs$2"; mount --bind "$1" "$rootfs$2"; }
mount -t proc proc "$rootfs/proc"
mount --rbind /dev "$rootfs/dev"
# The project at its own path (so paths in logs and commands are the same inside and out) and as a VM sees it.
bind "$repo" "$repo"
case "$state" in "$repo"/*) ;; *) bind "$state" "$state" ;; esac
bind "$repo" /campus-lake
bind "$repo/cluster/hadoop/target/home" /opt/hadoop
bind "$repo/cluster/hadoop/src/main/sh/bin" /opt/hadoop/bin
bind "$repo/cluster/hive/target/home" /opt/hive
bind "$repo/cluster/hive/src/main/sh/bin" /opt/hive/bin
bind "$repo/cluster/spark/target/home" /opt/spark
bind "$repo/cluster/spark/src/main/sh/bin" /opt/spark/bin
# Oozie (cluster/oozie), once built; its configuration once lake-cluster.sh's oozie.sh has made it.
if [[ -d "$repo/cluster/oozie/target/home/lib" ]]; then
  bind "$repo/cluster/oozie/target/home" /opt/oozie
  bind "$repo/cluster/oozie/src/main/sh/bin" /opt/oozie/bin
  bind "$repo/cluster/oozie/target/home/client" /opt/oozie-client
  bind "$repo/cluster/oozie/src/main/sh/bin" /opt/oozie-client/bin
fi
if [[ -d "$state/conf/oozie" ]]; then bind "$state/conf/oozie" /etc/oozie/conf; fi
bind "$state/conf/hadoop" /etc/hadoop/conf
bind "$state/conf/spark" /etc/spark/conf
bind "$state/conf/hive" /etc/hive/conf
bind "$state/conf/campus-lake" /etc/campus-lake
bind "$state/secrets" /etc/campus-lake/shared-secrets
bind "$state/hosts/$node/data" /var/lib/campus-lake
bind "$state/hosts/$node/log" /var/log
bind "$state/hosts/$node/tmp" /tmp
touch "$rootfs/etc/hosts"
mount --bind "$state/etc/hosts" "$rootfs/etc/hosts"

# The user's switch is the provisioning's own as_user (vagrant/provision/common.sh).
# shellcheck disable=SC2016 # expanded by the bash inside the root filesystem
exec chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 TZ=UTC \
  bash -c 'set -a; source /etc/campus-lake/environment; set +a; mkdir -p /var/log/hadoop /var/log/hive
    user="$1"; shift
    if [[ "$user" == root ]]; then exec "$@"; fi
    source /campus-lake/vagrant/provision/common.sh
    user_switch "$user"
    exec "${USER_SWITCH[@]}" "$@"' \
  _ "$user" "$@"
