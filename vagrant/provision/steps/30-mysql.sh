# shellcheck shell=bash
# MySQL 8 on the database machine: the ERP, the summary database, Hive's metastore and Oozie's database, each
# with its own account. Passwords travel on the client's standard input, never on a command line.

setup_mysql() {
  if ! dpkg-query -W -f='${Status}' "$MYSQL_PACKAGE" 2>/dev/null | grep -q "install ok installed"; then
    log "installing $MYSQL_PACKAGE"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$MYSQL_PACKAGE"
  fi
  render_template "$LAKE_VAGRANT_DIR/templates/mysql/campus-lake.cnf" /etc/mysql/mysql.conf.d/zz-campus-lake.cnf
  systemctl enable mysql >/dev/null 2>&1
  systemctl restart mysql
  wait_for_port 127.0.0.1 3306 "MySQL"
  local sql
  sql="$(mysql_setup_sql)" || exit 1
  # Ubuntu's root account logs in through the Unix socket as root: no password to keep.
  mysql --protocol=socket -uroot <<< "$sql"
  log "MySQL: databases erp, summary, metastore, oozie and their accounts are ready"
}

mysql_setup_sql() {
  local etl bi_reader hive oozie
  etl="$(mysql_account etl etl.password)" || exit 1
  bi_reader="$(mysql_account bi_reader bi_reader.password)" || exit 1
  hive="$(mysql_account hive metastore.password)" || exit 1
  oozie="$(mysql_account oozie oozie.password)" || exit 1
  cat <<SQL
CREATE DATABASE IF NOT EXISTS erp CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS lake_meta CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS summary CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS summary_stage CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS metastore CHARACTER SET latin1;
CREATE DATABASE IF NOT EXISTS oozie CHARACTER SET utf8mb4;
$etl
GRANT ALL PRIVILEGES ON erp.* TO 'etl'@'%';
GRANT ALL PRIVILEGES ON lake_meta.* TO 'etl'@'%';
GRANT ALL PRIVILEGES ON summary.* TO 'etl'@'%';
GRANT ALL PRIVILEGES ON summary_stage.* TO 'etl'@'%';
$bi_reader
GRANT SELECT ON summary.* TO 'bi_reader'@'%';
$hive
GRANT ALL PRIVILEGES ON metastore.* TO 'hive'@'%';
$oozie
GRANT ALL PRIVILEGES ON oozie.* TO 'oozie'@'%';
FLUSH PRIVILEGES;
SQL
}

# The statements that create ACCOUNT or reset its password to the generated one (a re-provision after
# `rm vagrant/.secrets/*` rotates every password).
mysql_account() {
  local account="$1" password
  password="$(secret_value "$2")"
  [[ "$password" =~ ^[A-Za-z0-9]+$ ]] || die "secret $2 must be letters and digits"
  printf "CREATE USER IF NOT EXISTS '%s'@'%%' IDENTIFIED BY '%s';\n" "$account" "$password"
  printf "ALTER USER '%s'@'%%' IDENTIFIED BY '%s';\n" "$account" "$password"
}
