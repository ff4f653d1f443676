#!/usr/bin/env bash
# Seeds the cluster's ERP from the host, with the project's own generator and the profile's scale factor and seed
# (the same rows as `./lake seed` on one machine), through the forwarded MySQL port. Does nothing when the ERP
# already holds data. The Vagrantfile runs it after the database machine is up; `lake deploy` runs it too.
set -euo pipefail
shopt -s inherit_errexit

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=provision/common.sh
source "$here/provision/common.sh"
load_settings "$(lake_profile)"

run "$here/../lake" seed --scale "$LAKE_SCALE" --seed "$LAKE_SEED" --if-empty \
  --db-url "jdbc:mysql://127.0.0.1:$(forwarded_port 3306)/" --db-user etl \
  --db-password-file "$here/.secrets/etl.password"
