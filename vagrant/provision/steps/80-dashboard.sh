# shellcheck shell=bash
# The web dashboard (docs/dashboard.md) as a service on the machine with the dashboard role: the project's own
# server, run from the synced project on Java 17, reading the summary database as the read-only bi_reader.

DASHBOARD_SERVICE=campus-lake-dashboard

install_dashboard() {
  install_secret bi_reader.password dashboard
  render_template "$LAKE_VAGRANT_DIR/templates/dashboard/dashboard.properties" /etc/campus-lake/dashboard.properties
  chmod 0644 /etc/campus-lake/dashboard.properties
  # The server runs from the host's build, which the first `lake deploy` makes: until then the unit is installed and
  # enabled but not started (a restart loop on a missing jar would only fill the journal).
  service_settings "$DASHBOARD_SERVICE" dashboard "web dashboard" \
    "/usr/bin/env DASHBOARD_JAVA=$JAVA17_HOME/bin/java $(dashboard_dir)/src/main/sh/serve.sh /etc/campus-lake/dashboard.properties"
  render_template "$LAKE_VAGRANT_DIR/templates/system/lake-service.service" "/etc/systemd/system/$DASHBOARD_SERVICE.service"
  systemctl daemon-reload
  systemctl enable "$DASHBOARD_SERVICE" >/dev/null 2>&1
  restart_dashboard
}

# dashboard_dir: the dashboard module in the project this provisioning runs from (/campus-lake on the VMs).
dashboard_dir() {
  (cd "$LAKE_VAGRANT_DIR/../dashboard" && pwd)
}

# restart_dashboard: (re)starts the dashboard when the project is built (provisioning, and each `lake deploy`).
restart_dashboard() {
  if compgen -G "$(dashboard_dir)/target/dashboard-*.jar" >/dev/null; then
    systemctl restart "$DASHBOARD_SERVICE"
    wait_for_port 127.0.0.1 "$DASHBOARD_PORT" "the dashboard" 60
    log "dashboard: http://127.0.0.1:$(forwarded_port "$DASHBOARD_PORT")/ from the host"
  else
    log "dashboard: installed; it starts at the first 'lake deploy', which builds the project"
  fi
}
