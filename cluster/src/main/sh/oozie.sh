# shellcheck shell=bash
# The Oozie server of the cluster on one machine, sourced by lake-cluster.sh: Oozie 5.2.1 from Maven Central's
# jars (cluster/oozie/target/home, /opt/oozie on every host, its client at /opt/oozie-client), configured from
# vagrant/templates/oozie into $STATE/conf/oozie (/etc/oozie/conf), prepared by the provisioning's own functions
# (vagrant/provision/steps/70-oozie.sh: credential store, database schema, sharelib), run as oozie on the host with
# the oozie role.

oozie_require_build() {
  [[ -d "$REPO/cluster/oozie/target/home/lib" ]] \
    || die "Oozie's jars are not built (cluster/oozie/target/home): run 'mvn -B -pl cluster/oozie package'"
}

# /etc/oozie/conf: the distribution's defaults (here: the module's src/main/conf), then the project's template;
# rendered in place, like render_configs, for a running server's bind mount.
oozie_conf() {
  local conf="$STATE/conf/oozie"
  mkdir -p "$conf"
  cp -r "$REPO"/cluster/oozie/src/main/conf/* "$conf/"
  render_tree "$LAKE_VAGRANT_DIR/templates/oozie" "$conf"
}

oozie_status_ok() {
  edge_curl "http://$MASTER_HOST:11000/oozie/v2/admin/status" | grep -q '"systemMode":"NORMAL"'
}

# oozie_up NODE: the credential store, the schema and the sharelib (each once), then the server, ready when its
# status answers NORMAL.
oozie_up() {
  local node="$1"
  oozie_require_build
  mkdir -p "$ROOTFS/opt/oozie" "$ROOTFS/opt/oozie-client" "$REPO/cluster/oozie/target/home/bin" \
    "$REPO/cluster/oozie/target/home/client/bin"
  oozie_conf
  in_chroot_provision "$node" root oozie_prepare > "$(log_file "$node" oozie-setup)" 2>&1 \
    || die "preparing Oozie failed: $(log_file "$node" oozie-setup)"
  start "$node" oozie oozie /opt/oozie/bin/oozied.sh run
  wait_until "Oozie server on $node:11000" 300 "$node.oozie" -- oozie_status_ok
}
