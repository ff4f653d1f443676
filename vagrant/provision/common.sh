# shellcheck shell=bash
# Functions shared by the provisioning steps, the smoke check and the deploy script. Source it; it runs nothing.
#
# Settings come from three files of plain KEY=VALUE lines: profiles/<profile>.env (machines, sizes),
# versions.env (what to install, with checksums) and the derived values below. load_settings exports them all,
# and render_template fills ${NAME} in the config templates with exactly those names.

LAKE_VAGRANT_DIR="${LAKE_VAGRANT_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# Where downloads are kept between `vagrant up`s: a folder of the project, synced into every VM.
LAKE_CACHE_DIR="${LAKE_CACHE_DIR:-$LAKE_VAGRANT_DIR/.cache}"
LAKE_SETTING_NAMES=()

log() { printf '[campus-lake %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[campus-lake] ERROR: %s\n' "$*" >&2; exit 1; }

# load_settings PROFILE: exports the profile's, the versions' and the derived settings.
load_settings() {
  local profile="$1" file
  for file in "$LAKE_VAGRANT_DIR/profiles/$profile.env" "$LAKE_VAGRANT_DIR/versions.env" "$LAKE_VAGRANT_DIR/ports.env"; do
    [[ -r "$file" ]] || die "no settings file $file (LAKE_NODES=1 or LAKE_PROFILE=single|multi)"
    read_env_file "$file"
  done
  derive_settings
}

# read_env_file FILE: KEY=VALUE lines, optional double quotes, no expansion (the Vagrantfile reads them the same way).
read_env_file() {
  local line key value
  while IFS= read -r line || [[ -n "$line" ]]; do
    [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
    [[ "$line" =~ ^([A-Za-z_][A-Za-z0-9_]*)=(.*)$ ]] || die "$1: not a KEY=VALUE line: $line"
    key="${BASH_REMATCH[1]}"
    value="${BASH_REMATCH[2]}"
    if [[ "$value" =~ ^\"(.*)\"$ ]]; then
      value="${BASH_REMATCH[1]}"
    fi
    export_setting "$key" "$value"
  done < "$1"
}

export_setting() {
  printf -v "$1" '%s' "$2"
  # shellcheck disable=SC2163 # exporting the variable named by $1
  export "$1"
  if [[ " ${LAKE_SETTING_NAMES[*]} " != *" $1 "* ]]; then
    LAKE_SETTING_NAMES+=("$1")
  fi
}

# Values that follow from the others; templates may use them like any setting.
derive_settings() {
  export_setting JAVA8_HOME /usr/lib/jvm/java-8-openjdk-amd64
  export_setting JAVA17_HOME /usr/lib/jvm/java-17-openjdk-amd64
  export_setting HADOOP_HOME /opt/hadoop
  export_setting HADOOP_CONF_DIR /etc/hadoop/conf
  export_setting HIVE_HOME /opt/hive
  export_setting HIVE_CONF_DIR /etc/hive/conf
  export_setting SPARK_HOME /opt/spark
  export_setting SPARK_CONF_DIR /etc/spark/conf
  export_setting SQOOP_HOME /opt/sqoop
  export_setting OOZIE_HOME /opt/oozie
  export_setting OOZIE_CLIENT_HOME /opt/oozie-client
  export_setting OOZIE_CONF_DIR /etc/oozie/conf
  export_setting LAKE_SECRETS_DIR /etc/campus-lake/secrets
  export_setting LAKE_DATA_DIR /var/lib/campus-lake
  export_setting NAMENODE_URI "hdfs://$MASTER_HOST:8020"
  export_setting METASTORE_URI "thrift://$MASTER_HOST:9083"
  export_setting OOZIE_URL "http://$MASTER_HOST:11000/oozie"
  export_setting HIVE_JDBC_URL "jdbc:hive2://$MASTER_HOST:10000/default"
  # The databases keep their times in UTC, as Oozie's documentation asks; MySQL 8 generates TLS certificates.
  export_setting MYSQL_JDBC_OPTIONS "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&sslMode=PREFERRED&allowPublicKeyRetrieval=true"
  export_setting MYSQL_JDBC_OPTIONS_XML "${MYSQL_JDBC_OPTIONS//&/&amp;}"
  # The dashboard's copy of the bi_reader password (the cluster on one machine points it at its own).
  export_setting DASHBOARD_PASSWORD_FILE "${DASHBOARD_PASSWORD_FILE:-$LAKE_SECRETS_DIR/bi_reader.password}"
  local workers
  read -ra workers <<< "$WORKER_HOSTS"
  export_setting HADOOP_WORKERS_LIST "$(printf '%s\n' "${workers[@]}")"
  export_setting DAEMON_HEAP "${DAEMON_HEAP_MB}m"
  # TASK_JVM_FLAGS (a profile may set it): JVM flags of every MapReduce task and application master.
  export_setting MAP_JAVA_OPTS "-Xmx$((MAP_MEMORY_MB * 4 / 5))m${TASK_JVM_FLAGS:+ $TASK_JVM_FLAGS}"
  export_setting REDUCE_JAVA_OPTS "-Xmx$((REDUCE_MEMORY_MB * 4 / 5))m${TASK_JVM_FLAGS:+ $TASK_JVM_FLAGS}"
  export_setting AM_JAVA_OPTS "-Xmx$((AM_MEMORY_MB * 4 / 5))m${TASK_JVM_FLAGS:+ $TASK_JVM_FLAGS}"
}

# lake_profile: the profile `vagrant up` uses, from LAKE_NODES (1: single) or LAKE_PROFILE; the Vagrantfile follows
# the same rule.
lake_profile() {
  if [[ -n "${LAKE_PROFILE:-}" ]]; then
    printf '%s' "$LAKE_PROFILE"
  elif [[ "${LAKE_NODES:-4}" == 1 ]]; then
    printf single
  else
    printf multi
  fi
}

# forwarded_port GUEST_PORT: the host port that reaches GUEST_PORT.
forwarded_port() {
  local name pair
  for name in "${!FORWARD_@}"; do
    for pair in ${!name}; do
      if [[ "${pair%%:*}" == "$1" ]]; then
        printf '%s' "${pair##*:}"
        return 0
      fi
    done
  done
  die "ports.env forwards no port $1"
}

# node_setting NODE FIELD: a per-machine value of the profile (IP, MEMORY, CPUS, ROLES).
node_setting() {
  local name="NODE_${1}_$2"
  [[ -n "${!name:-}" ]] || die "the profile $LAKE_PROFILE has no $name"
  printf '%s' "${!name}"
}

# has_role NODE ROLE: whether the profile gives NODE that role.
has_role() {
  local roles
  roles=" $(node_setting "$1" ROLES) "
  [[ "$roles" == *" $2 "* ]]
}

# render_template SRC DEST: fills ${NAME} for every loaded setting and nothing else (Hadoop's own ${user.name} and
# the like stay as they are). A ${NAME} the settings do not know is an error, not an empty string.
render_template() {
  local src="$1" dest="$2" names unknown
  # shellcheck disable=SC2016 # envsubst's list of names, not an expansion
  names="$(printf '${%s} ' "${LAKE_SETTING_NAMES[@]}")"
  mkdir -p "$(dirname "$dest")"
  envsubst "$names" < "$src" > "$dest.tmp"
  # shellcheck disable=SC2016 # a pattern, not an expansion
  unknown="$(grep -o '\${[A-Z][A-Z0-9_]*}' "$dest.tmp" | sort -u | tr '\n' ' ' || true)"
  if [[ -n "$unknown" ]]; then
    rm -f "$dest.tmp"
    die "template $src uses settings that no profile or versions.env defines: $unknown"
  fi
  mv "$dest.tmp" "$dest"
}

# render_tree SRC_DIR DEST_DIR: renders every file under SRC_DIR to the same relative path under DEST_DIR.
render_tree() {
  local src_dir="$1" dest_dir="$2" f
  while IFS= read -r -d '' f; do
    render_template "$f" "$dest_dir/${f#"$src_dir"/}"
  done < <(find "$src_dir" -type f -print0 | sort -z)
}

sha512_of() { sha512sum "$1" | cut -d' ' -f1; }

# published_checksum_matches FILE CHECKSUM_FILE: whether the project's checksum file names FILE's digest. Apache
# projects publish three layouts (GNU "HASH  name", BSD "SHA512 (name) = HASH" naming an RC file, GnuPG's
# upper-case groups over several lines), so compare the digest with the whitespace-free text, not line by line.
published_checksum_matches() {
  local file="$1" sums="$2" text digest
  text="$(tr -d '[:space:]' < "$sums" | tr 'A-F' 'a-f')"
  for digest in "$(sha512_of "$file")" "$(sha256sum "$file" | cut -d' ' -f1)" "$(sha1sum "$file" | cut -d' ' -f1)"; do
    if [[ "$text" == *"$digest"* ]]; then
      return 0
    fi
  done
  return 1
}

download() {
  local url="$1" dest="$2"
  curl -fL --retry 5 --retry-delay 5 --connect-timeout 30 -sS -o "$dest" "$url"
}

# fetch_verified NAME: prints the path of NAME_URL's file in the download cache, downloading it first if needed.
# The file is used only if its SHA-512 equals NAME_SHA512; with no pin, only if the project's published checksum
# (NAME_CHECKSUM_URL) names it. A bad file is deleted, never used.
fetch_verified() {
  local name="$1" url_var="${1}_URL" pin_var="${1}_SHA512" sums_var="${1}_CHECKSUM_URL"
  local url="${!url_var:-}" pin="${!pin_var:-}" sums_url="${!sums_var:-}"
  [[ -n "$url" ]] || die "versions.env has no ${url_var}"
  local file
  file="$LAKE_CACHE_DIR/$(basename "$url")"
  mkdir -p "$LAKE_CACHE_DIR"
  if [[ -z "$pin" && "${LAKE_REQUIRE_PINS:-0}" == 1 ]]; then
    die "$name is not pinned (${pin_var} is empty in versions.env) and LAKE_REQUIRE_PINS=1"
  fi
  if [[ -f "$file" ]]; then
    if verify_download "$name" "$file" "$pin" "$sums_url" >&2; then
      log "$name: $(basename "$file") from the download cache" >&2
      printf '%s\n' "$file"
      return 0
    fi
    log "$name: the cached $(basename "$file") does not verify; downloading it again" >&2
    rm -f "$file"
  fi
  log "$name: downloading $url" >&2
  download "$url" "$file.part" || { rm -f "$file.part"; die "$name: cannot download $url"; }
  if ! verify_download "$name" "$file.part" "$pin" "$sums_url" >&2; then
    rm -f "$file.part"
    die "$name: $(basename "$file") failed its checksum and was deleted (check ${url_var} and ${pin_var} in versions.env)"
  fi
  mv "$file.part" "$file"
  printf '%s\n' "$file"
}

verify_download() {
  local name="$1" file="$2" pin="$3" sums_url="$4" actual sums
  actual="$(sha512_of "$file")"
  if [[ -n "$pin" ]]; then
    if [[ "$actual" == "$pin" ]]; then
      return 0
    fi
    log "$name: SHA-512 mismatch: expected $pin, got $actual"
    return 1
  fi
  [[ -n "$sums_url" ]] || { log "$name: neither ${name}_SHA512 nor ${name}_CHECKSUM_URL is set"; return 1; }
  sums="$file.published-checksum"
  if ! download "$sums_url" "$sums"; then
    rm -f "$sums"
    log "$name: cannot download the published checksum $sums_url"
    return 1
  fi
  if published_checksum_matches "$file" "$sums"; then
    rm -f "$sums"
    log "$name: matches the published checksum; pin it in versions.env: ${name}_SHA512=$actual"
    return 0
  fi
  rm -f "$sums"
  log "$name: does not match the published checksum $sums_url"
  return 1
}

# install_tarball NAME DEST: unpacks NAME's verified archive into DEST, once per version.
install_tarball() {
  local name="$1" dest="$2" version_var="${1}_VERSION"
  if unpacked "$dest" "${!version_var}"; then
    return 0
  fi
  unpack "$(fetch_verified "$name")" "$dest" "${!version_var}"
}

unpacked() { [[ -f "$1/.campus-lake-version" && "$(cat "$1/.campus-lake-version")" == "$2" ]]; }

# unpack ARCHIVE DEST VERSION: replaces DEST with the archive's top folder (an older version goes away whole).
unpack() {
  local archive="$1" dest="$2" version="$3"
  log "unpacking $(basename "$archive") into $dest"
  rm -rf "$dest.new"
  mkdir -p "$dest.new"
  tar -xzf "$archive" -C "$dest.new" --strip-components=1
  echo "$version" > "$dest.new/.campus-lake-version"
  rm -rf "$dest"
  mv "$dest.new" "$dest"
}

# ensure_user NAME UID GROUP [MORE_GROUPS]: an account with the same uid on every machine (HDFS sees names, files
# on the synced folder and in tarballs see uids).
ensure_user() {
  local user="$1" uid="$2" group="$3" groups="${4:-}"
  if ! id "$user" >/dev/null 2>&1; then
    useradd --uid "$uid" --create-home --shell /bin/bash --gid "$group" "$user"
  fi
  if [[ -n "$groups" ]]; then
    usermod -a -G "$groups" "$user"
  fi
}

# install_secret NAME OWNER: copies the generated secret NAME (from the root-only synced folder) to
# $LAKE_SECRETS_DIR/NAME, a file only OWNER can read.
install_secret() {
  local name="$1" owner="$2" dest="$LAKE_SECRETS_DIR/$1"
  local src="${LAKE_SHARED_SECRETS:-/etc/campus-lake/shared-secrets}/$name"
  [[ -s "$src" ]] || die "secret $name is missing from $src (the Vagrantfile generates vagrant/.secrets/ on 'vagrant up')"
  install -d -m 0755 "$(dirname "$dest")"
  install -m 0400 -o "$owner" -g "$(id -gn "$owner")" "$src" "$dest"
}

# secret_value NAME: the value of a generated secret, for the provisioning step that hands it to a service.
secret_value() {
  tr -d '\n' < "${LAKE_SHARED_SECRETS:-/etc/campus-lake/shared-secrets}/$1"
}

# install_service NAME USER DESCRIPTION COMMAND...: a systemd unit running COMMAND in the foreground as USER.
install_service() {
  local name="$1"
  service_settings "$@"
  render_template "$LAKE_VAGRANT_DIR/templates/system/lake-service.service" "/etc/systemd/system/$name.service"
  systemctl daemon-reload
  systemctl enable "$name" >/dev/null 2>&1
  systemctl restart "$name"
}

# service_settings NAME USER DESCRIPTION COMMAND...: the settings the systemd unit template uses.
service_settings() {
  export_setting SERVICE_NAME "$1"
  export_setting SERVICE_USER "$2"
  export_setting SERVICE_DESCRIPTION "$3"
  shift 3
  export_setting SERVICE_COMMAND "$*"
}

# wait_for_port HOST PORT WHAT [SECONDS]: until something listens there, or fail saying what did not come up.
wait_for_port() {
  local host="$1" port="$2" what="$3" seconds="${4:-180}" waited=0
  until (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
    if (( waited >= seconds )); then
      die "$what did not come up on $host:$port within ${seconds} s (journalctl -u <service> on its machine tells why)"
    fi
    sleep 3
    waited=$((waited + 3))
  done
}

# as_user USER COMMAND...: COMMAND as USER (with USER's groups and home) in the current environment (JAVA_HOME,
# HADOOP_CONF_DIR, PATH, ...). coreutils' chroot into / switches the user with no sudo or PAM set-up, so it works
# the same in a VM and in the Java 8 root filesystem of the cluster on one machine.
as_user() {
  user_switch "$1"
  shift
  "${USER_SWITCH[@]}" "$@"
}

# user_switch USER: sets USER_SWITCH to the command prefix as_user runs a command with (for an `exec` of it).
user_switch() {
  local user="$1" home
  home="$(getent passwd "$user" | cut -d: -f6)"
  [[ -n "$home" ]] || die "no account $user"
  USER_SWITCH=(env HOME="$home" USER="$user" LOGNAME="$user" chroot --skip-chdir --userspec="$user:$(id -gn "$user")"
    --groups="$(id -Gn "$user" | tr ' ' ',')" /)
}

# set_credential ALIAS STORE SECRET OWNER: puts the generated SECRET under ALIAS into a Hadoop credential store
# (jceks) only OWNER can read. `hadoop credential create` reads a value from a terminal only (or from -value, which
# would show it in `ps`): expect types it at the prompt, from its environment.
set_credential() {
  local alias="$1" store="$2" secret="$3" owner="$4"
  rm -f "$store" "$(dirname "$store")/.$(basename "$store").crc"
  # shellcheck disable=SC2016 # $env(...) is expect's, not the shell's
  LAKE_SECRET="$(secret_value "$secret")" expect -c '
    log_user 0
    set timeout 180
    spawn '"$HADOOP_HOME"'/bin/hadoop credential create '"$alias"' -provider jceks://file'"$store"'
    expect "password: " ; send -- "$env(LAKE_SECRET)\r"
    expect "again: " ; send -- "$env(LAKE_SECRET)\r"
    expect eof
    catch wait result
    exit [lindex $result 3]' || die "cannot store $alias in $store"
  chown "$owner:hadoop" "$store"
  chmod 0400 "$store"
}

# Commands of the deploy scripts go through these: each is printed first ("+ command"), and with LAKE_DRY_RUN=1
# only printed. Arguments never hold a secret (password files are named, not read).
show_command() {
  local prefix="$1"
  shift
  printf '+ %s' "$prefix"
  printf '%q ' "$@" | sed 's/ $//'
  printf '\n'
}

run() {
  show_command "" "$@"
  [[ "${LAKE_DRY_RUN:-0}" == 1 ]] || "$@"
}

# run_in DIR COMMAND...: runs COMMAND in DIR.
run_in() {
  local dir="$1"
  shift
  show_command "(in $dir) " "$@"
  [[ "${LAKE_DRY_RUN:-0}" == 1 ]] || (cd "$dir" && "$@")
}

# run_test COMMAND...: a yes/no question to the cluster; a dry run cannot ask and takes the answer as no.
run_test() {
  if [[ "${LAKE_DRY_RUN:-0}" == 1 ]]; then
    "$@" >/dev/null
    printf '  (dry run: the answer is taken as no)\n'
    return 1
  fi
  "$@" >/dev/null 2>&1
}

# run_output COMMAND...: a command whose output the script reads; a dry run prints it and reads nothing.
run_output() {
  if [[ "${LAKE_DRY_RUN:-0}" == 1 ]]; then
    "$@" >&2
    return 0
  fi
  "$@"
}
