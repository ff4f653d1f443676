# shellcheck shell=bash
# Oozie 5.2.1: released as source only, so the machine with the oozie_build role builds it once for Hadoop 3 and
# keeps the distribution in the download cache; the master runs the server (database in MySQL, sharelib in
# HDFS), the clients get the oozie command.

oozie_distro() { printf '%s/oozie-%s-hadoop-%s-distro.tar.gz' "$LAKE_CACHE_DIR" "$OOZIE_VERSION" "$HADOOP_VERSION"; }

build_oozie() {
  local distro work=/var/tmp/campus-lake-oozie-build src
  distro="$(oozie_distro)"
  if [[ -f "$distro" ]]; then
    log "Oozie: using the distribution built earlier ($(basename "$distro"))"
    return 0
  fi
  src="$(fetch_verified OOZIE)"
  rm -rf "$work"
  mkdir -p "$work/src"
  tar -xzf "$src" -C "$work/src" --strip-components=1
  oozie_source_fixes "$work/src"
  log "Oozie $OOZIE_VERSION: building for Hadoop $HADOOP_VERSION (once; 20-40 min and ~1.5 GB of Maven downloads; log: $work/build.log)"
  (
    cd "$work/src" || exit 1
    JAVA_HOME="$JAVA8_HOME" PATH="$JAVA8_HOME/bin:$PATH" MAVEN_OPTS="-Xmx1536m" \
      bin/mkdistro.sh -B -DskipTests -Puber -Phadoop-3 -Dhadoop.version="$HADOOP_VERSION"
  ) > "$work/build.log" 2>&1 &
  local build=$! started=$SECONDS
  while kill -0 "$build" 2>/dev/null; do
    sleep 60
    log "Oozie build: $(( (SECONDS - started) / 60 )) min, $(grep -c '^\[INFO\] Building ' "$work/build.log" || true) modules started"
  done
  if ! wait "$build"; then
    die "the Oozie build failed; the end of $work/build.log:"$'\n'"$(grep -E 'ERROR|FAIL' "$work/build.log" | tail -n 15)"
  fi
  cp "$work/src/distro/target/oozie-$OOZIE_VERSION-distro.tar.gz" "$distro.part"
  mv "$distro.part" "$distro"
  rm -rf "$work"
  log "Oozie: built in $(( (SECONDS - started) / 60 )) min, kept as $(basename "$distro")"
}

# Two upstream fixes that came after 5.2.1, applied to the unpacked source before building:
# - OOZIE-3628: Hive 1.2's calcite asks for pentaho-aggdesigner-algorithm, which only the defunct conjars.org
#   hosted; exclude it from every Hive dependency (Oozie never uses it).
# - OOZIE-3621: two test classes do not compile against Hadoop 3, and -DskipTests still compiles tests (the
#   distribution needs oozie-core's test jar, so tests cannot be skipped altogether).
oozie_source_fixes() {
  local src="$1" pom
  local dep="//*[local-name()='dependency'][starts-with(*[local-name()='groupId'],'org.apache.hive')]"
  local excl="*[local-name()='exclusions']"
  while IFS= read -r -d '' pom; do
    xmlstarlet ed -L \
      -s "${dep}[not($excl)]" -t elem -n exclusions \
      -s "${dep}[not($excl/*[local-name()='exclusion'][*[local-name()='groupId']='org.pentaho'])]/$excl" -t elem -n pentaho-exclusion \
      -s "//pentaho-exclusion" -t elem -n groupId -v org.pentaho \
      -s "//pentaho-exclusion" -t elem -n artifactId -v pentaho-aggdesigner-algorithm \
      -r "//pentaho-exclusion" -v exclusion "$pom"
  done < <(find "$src" -name pom.xml -print0)
  rm -f "$src/tools/src/test/java/org/apache/oozie/tools/TestECPolicyDisabler.java" \
        "$src/core/src/test/java/org/apache/oozie/service/TestHAShareLibService.java"
}

install_oozie() {
  local node="$1" distro
  distro="$(oozie_distro)"
  [[ -f "$distro" ]] || die "no Oozie build at $distro: the machine with the oozie_build role makes it (vagrant provision $DEPLOY_NODE)"
  if { has_role "$node" client || has_role "$node" oozie; } && ! unpacked "$OOZIE_CLIENT_HOME" "$OOZIE_VERSION"; then
    local client="$LAKE_DATA_DIR/oozie-client.tar.gz"
    tar -xzf "$distro" -O --wildcards "*/oozie-client-$OOZIE_VERSION.tar.gz" > "$client"
    unpack "$client" "$OOZIE_CLIENT_HOME" "$OOZIE_VERSION"
    rm -f "$client"
  fi
  if has_role "$node" oozie; then
    oozie_server
  fi
}

oozie_server() {
  if ! unpacked "$OOZIE_HOME" "$OOZIE_VERSION"; then
    unpack "$(oozie_distro)" "$OOZIE_HOME" "$OOZIE_VERSION"
  fi
  install -d -m 0755 -o oozie -g hadoop "$OOZIE_HOME/libext" /var/log/oozie "$LAKE_DATA_DIR/oozie"
  cp -f "$(fetch_verified MYSQL_CONNECTOR)" "$OOZIE_HOME/libext/"
  chown -R oozie:hadoop "$OOZIE_HOME"
  mkdir -p "$OOZIE_CONF_DIR"
  cp -rn "$OOZIE_HOME"/conf/* "$OOZIE_CONF_DIR"/
  render_tree "$LAKE_VAGRANT_DIR/templates/oozie" "$OOZIE_CONF_DIR"
  chown -R oozie:hadoop "$OOZIE_CONF_DIR"
  # Puts libext/ (the MySQL driver) into the web application.
  as_user oozie env OOZIE_CONFIG="$OOZIE_CONF_DIR" "$OOZIE_HOME/bin/oozie-setup.sh" >/dev/null
  oozie_database
  oozie_sharelib
  install_service oozie oozie "Oozie server" "$OOZIE_HOME/bin/oozied.sh run"
  wait_for_port "$MASTER_HOST" 11000 "the Oozie server" 300
  as_user oozie "$OOZIE_CLIENT_HOME/bin/oozie" admin -oozie "$OOZIE_URL" -sharelibupdate >/dev/null
  log "Oozie: $(as_user oozie "$OOZIE_CLIENT_HOME/bin/oozie" admin -oozie "$OOZIE_URL" -status)"
}

# What the server needs before its first start, on a host whose /opt/oozie and /etc/oozie/conf are in place (the
# cluster on one machine calls it; oozie_server does the same steps on a VM).
oozie_prepare() {
  install -d -m 0755 -o oozie -g hadoop /var/log/oozie "$LAKE_DATA_DIR/oozie"
  chown -R oozie:hadoop "$OOZIE_CONF_DIR"
  oozie_database || return 1
  oozie_sharelib
}

# The database password into the credential store that oozie-site.xml names, then the schema, once: `ooziedb create`
# fails when the schema exists, so `ooziedb version` (which fails without one) decides.
oozie_database() {
  set_credential oozie.service.JPAService.jdbc.password "$OOZIE_CONF_DIR/oozie.jceks" oozie.password oozie
  wait_for_port "$DB_HOST" 3306 "MySQL on $DB_HOST"
  if as_user oozie env OOZIE_CONFIG="$OOZIE_CONF_DIR" "$OOZIE_HOME/bin/ooziedb.sh" version >/dev/null 2>&1; then
    log "Oozie: the database schema exists"
    return 0
  fi
  log "Oozie: creating the database schema"
  # Through oozie-setup.sh, which first fills lib/ from the web application: ooziedb.sh alone looks for an oozie.war
  # that 5.x no longer ships.
  as_user oozie env OOZIE_CONFIG="$OOZIE_CONF_DIR" "$OOZIE_HOME/bin/oozie-setup.sh" db create -run \
    -sqlfile "$LAKE_DATA_DIR/oozie/oozie.sql" || die "Oozie: creating the database schema failed"
}

# The sharelib, once (in /user/oozie/share/lib/lib_<timestamp>), plus the MySQL driver for the sqoop and hive2
# actions and commons-lang for sqoop when the sharelib lacks them. Its source is the distribution's tarball, or a share/lib folder.
oozie_sharelib() {
  if ! hdfs_as oozie -test -d /user/oozie/share/lib || ! oozie_sharelib_current; then
    local locallib="$OOZIE_HOME/oozie-sharelib-$OOZIE_VERSION.tar.gz"
    [[ -d "$OOZIE_HOME/share/lib" ]] && locallib="$OOZIE_HOME/share"
    log "Oozie: creating the sharelib in HDFS"
    as_user oozie env OOZIE_CONFIG="$OOZIE_CONF_DIR" "$OOZIE_HOME/bin/oozie-setup.sh" sharelib create \
      -fs "$NAMENODE_URI" -locallib "$locallib" >/dev/null || die "Oozie: creating the sharelib failed"
  fi
  local lib action
  lib="$(hdfs_as oozie -ls -C /user/oozie/share/lib | grep '/lib_' | sort | tail -n 1)"
  for action in sqoop hive2; do
    if ! hdfs_as oozie -ls -C "$lib/$action/" | grep -q '/mysql-connector-j-[^/]*\.jar$'; then
      hdfs_as oozie -put "$(fetch_verified MYSQL_CONNECTOR)" "$lib/$action/"
    fi
  done
  # Sqoop 1.4.7 runs in the launcher and needs commons-lang 2, which Hadoop 3 no longer ships.
  if ! hdfs_as oozie -ls -C "$lib/sqoop/" | grep -q '/commons-lang-2[^/]*\.jar$'; then
    hdfs_as oozie -put "$(fetch_verified COMMONS_LANG)" "$lib/sqoop/"
  fi
  oozie_sharelib_hive2 "$lib"
}

# With a share/lib folder as the source: whether the newest sharelib in HDFS has each of its jars (a rebuilt
# /opt/oozie with other jars makes a new lib_<timestamp>, which the server takes at its next start).
oozie_sharelib_current() {
  [[ -d "$OOZIE_HOME/share/lib" ]] || return 0
  local lib listing jar
  lib="$(hdfs_as oozie -ls -C /user/oozie/share/lib | grep '/lib_' | sort | tail -n 1)"
  [[ -n "$lib" ]] || return 1
  listing="$(hdfs_as oozie -ls -R -C "$lib")"
  while IFS= read -r jar; do
    grep -qF "$lib/${jar#"$OOZIE_HOME/share/lib/"}" <<< "$listing" || return 1
  done < <(find "$OOZIE_HOME/share/lib" -name '*.jar')
}

# The hive2 action runs Beeline in its launcher. Oozie's own sharelib brings none (the Maven Central jars) or Hive
# 1.2's (a source build): the cluster's Hive $HIVE_VERSION client jars replace them, so the action speaks
# HiveServer2's own protocol version. The rest (Hadoop, Guava, ...) comes from the launcher's Hadoop classpath.
oozie_sharelib_hive2() {
  local lib="$1" name jar jars=()
  if hdfs_as oozie -ls -C "$lib/hive2/" | grep -q "/hive-beeline-$HIVE_VERSION\.jar$"; then
    return 0
  fi
  log "Oozie: the hive2 sharelib gets Hive $HIVE_VERSION's Beeline and JDBC client"
  hdfs_as oozie -rm -f -skipTrash "$lib/hive2/hive-*.jar" >/dev/null
  for name in hive-beeline hive-jdbc hive-common hive-service hive-service-rpc hive-serde hive-exec hive-metastore \
    hive-standalone-metastore hive-storage-api hive-shims hive-shims-common hive-shims-0.23 libthrift libfb303 \
    super-csv jline; do
    for jar in "$HIVE_HOME/lib/$name"-[0-9].*.jar; do
      if [[ -f "$jar" ]]; then jars+=("$jar"); fi
    done
  done
  hdfs_as oozie -put -f "${jars[@]}" "$lib/hive2/"
}
