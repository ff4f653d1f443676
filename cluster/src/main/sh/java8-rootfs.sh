#!/usr/bin/env bash
# java8-rootfs.sh DEST_DIR
#
# Builds a small root filesystem holding a Java 8 JDK, for running the
# Hadoop/Hive/Oozie daemons in a chroot on a Debian 12 (bookworm) host, which
# has no openjdk-8 of its own. The JDK is openjdk-8-jdk-headless from Debian
# sid; it needs glibc >= 2.38, so the libraries and the small userland around
# it (bash, coreutils, findutils, grep, sed, mawk, procps, ...) come from
# trixie. Packages are only downloaded and unpacked with `dpkg -x`: no
# maintainer script runs and the host's apt/dpkg state is never touched (the
# other suites are read through a throw-away apt state in a temp dir).
#
# Idempotent: DEST/.campus-lake-rootfs records the package set and versions;
# when it matches this script's package set and the JRE runs, DEST is reused.
# A build goes into DEST.tmp and is renamed to DEST only once it works, so an
# interrupted run leaves no half-built DEST behind.
#
# Environment:
#   LAKE_DEB_CACHE        folder caching the .debs (default: DEST.debs); when it
#                         holds every package, the build runs offline
#   LAKE_ROOTFS_REFRESH=1 ignore the stamp and the cache's versions: ask the
#                         archive for the current versions and rebuild
#   LAKE_DEBIAN_MIRROR    archive URL (default: http://deb.debian.org/debian)
#
# Run a program in the rootfs (the JRE needs /proc to resolve $ORIGIN; set
# LANG=C.UTF-8, else Java's file.encoding and file-name encoding are ASCII):
#   unshare --mount --propagation private sh -c 'mount -t proc proc "$0/proc" &&
#     mount --rbind /dev "$0/dev" && exec chroot "$0" /usr/lib/jvm/java-8/bin/java -version' DEST
#
# Exit codes: 0 ok, 1 build or download failure, 2 usage error or not root.
set -euo pipefail

readonly PROG=java8-rootfs.sh
readonly FORMAT=1
readonly STAMP_NAME=.campus-lake-rootfs
readonly JVM_DIR=usr/lib/jvm/java-8-openjdk-amd64
readonly ARCH=amd64
readonly KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
MIRROR=${LAKE_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# "suite package" pairs, unpacked in this order (base-files first: it brings
# the /bin, /lib, /lib64, /sbin -> usr/... links).
readonly PACKAGES=(
  "trixie base-files"
  "trixie libc6"
  "trixie libc-bin"
  "trixie libgcc-s1"
  "trixie libstdc++6"
  "trixie zlib1g"
  "trixie libtinfo6"
  "trixie libncursesw6"
  "trixie bash"
  "trixie dash"
  "trixie debianutils"
  "trixie libacl1"
  "trixie libattr1"
  "trixie libcap2"
  "trixie libgmp10"
  "trixie libpcre2-8-0"
  "trixie libselinux1"
  "trixie libzstd1"
  "trixie libssl3t64"
  "trixie libsystemd0"
  "trixie coreutils"
  "trixie findutils"
  "trixie grep"
  "trixie sed"
  "trixie mawk"
  "trixie hostname"
  "trixie libproc2-0"
  "trixie procps"
  "trixie login.defs"
  "trixie passwd"
  "trixie libaudit1"
  "trixie libaudit-common"
  "trixie libcap-ng0"
  "trixie libpam0g"
  "trixie libsemanage2"
  "trixie libsemanage-common"
  "trixie libsepol2"
  "trixie libbz2-1.0"
  "trixie libcrypt1"
  "trixie libmd0"
  "trixie libbsd0"
  "trixie libtcl8.6"
  "trixie tcl8.6"
  "trixie tcl-expect"
  "trixie expect"
  "trixie zip"
  # The NodeManagers unpack archives of the distributed cache with tar and gzip (Hive ships map-join hash tables so).
  "trixie tar"
  "trixie gzip"
  "sid openjdk-8-jre-headless"
  # The JDK, as the VMs have (JAVA8_PACKAGE): Sqoop compiles each table's record class with javac at import time.
  "sid openjdk-8-jdk-headless"
)
# JRE libraries that dlopen or link GUI/printing/media/smartcard libraries a
# headless server never loads; the library check below ignores them.
readonly OPTIONAL_JRE_LIBS='libawt_xawt.so|libjawt.so|libfontmanager.so|libjavajpeg.so|libjavalcms.so|libj2pcsc.so|libsplashscreen.so'

say() { printf 'rootfs: %s\n' "$*"; }
die() { printf '%s: %s\n' "$PROG" "$*" >&2; exit 1; }

if [[ $# -ne 1 || -z $1 || $1 == -* ]]; then
  printf 'usage: %s DEST_DIR\n' "$PROG" >&2
  exit 2
fi
if [[ $(id -u) -ne 0 ]]; then
  printf '%s: must run as root (dpkg -x ownership, chroot, mount)\n' "$PROG" >&2
  exit 2
fi
for tool in apt-get apt-cache dpkg-deb unshare chroot mount flock; do
  command -v "$tool" >/dev/null || die "missing host tool: $tool"
done

DEST=$(realpath -m -- "$1")
[[ $DEST != / ]] || die "DEST must not be /"
CACHE=$(realpath -m -- "${LAKE_DEB_CACHE:-$DEST.debs}")
BUILD=$DEST.tmp
SPEC="format=$FORMAT arch=$ARCH packages=$(printf '%s,' "${PACKAGES[@]}" | tr ' ' '/')"

# run_in_root ROOT CMD...: run CMD chrooted in ROOT with /proc and /dev mounted
# in a private mount namespace (the mounts vanish with the command).
run_in_root() {
  local root=$1
  shift
  # shellcheck disable=SC2016 # expanded by the inner sh
  unshare --mount --propagation private -- sh -c '
    root=$1; shift
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" &&
      exec chroot "$root" "$@"' sh "$root" "$@"
}

# jre_works ROOT: java runs and reports the expected java.home.
jre_works() {
  local out
  out=$(run_in_root "$1" "/$JVM_DIR/bin/java" -XshowSettings:properties -version 2>&1) || return 1
  grep -q "java.home = /$JVM_DIR/jre\$" <<<"$out" && grep -q 'version "1\.8\.' <<<"$out"
}

# Refuses to delete a tree that still has something mounted below it.
safe_rm() {
  local dir=$1
  [[ -e $dir || -L $dir ]] || return 0
  if awk -v d="$dir/" 'index($5, d) == 1 { found = 1 } END { exit !found }' /proc/self/mountinfo; then
    die "$dir has mounts below it; unmount them first"
  fi
  rm -rf --one-file-system -- "$dir"
}

mkdir -p -- "$(dirname -- "$DEST")" "$CACHE"
exec 9>"$DEST.lock"
flock 9

# 1. Reuse a finished DEST of the same package set.
if [[ ${LAKE_ROOTFS_REFRESH:-0} != 1 && -f $DEST/$STAMP_NAME ]] &&
  grep -qxF "spec $SPEC" "$DEST/$STAMP_NAME" && jre_works "$DEST"; then
  say "reusing $DEST ($(awk '$1 == "pkg" && $3 == "openjdk-8-jre-headless" { print $3, $4 }' "$DEST/$STAMP_NAME"))"
  exit 0
fi

# 2. Find the .debs: from the cache, else from the archive.
# cached_deb PKG: the single cached .deb of PKG (the cache keeps one version).
cached_deb() {
  local f found=
  for f in "$CACHE/$1"_*_"$ARCH".deb "$CACHE/$1"_*_all.deb; do
    [[ -f $f ]] || continue
    [[ $(dpkg-deb -f "$f" Package 2>/dev/null) == "$1" ]] || continue
    [[ -z $found ]] || return 1
    found=$f
  done
  [[ -n $found ]] && printf '%s\n' "$found"
}

declare -A DEB=()
missing=0
if [[ ${LAKE_ROOTFS_REFRESH:-0} != 1 ]]; then
  for entry in "${PACKAGES[@]}"; do
    pkg=${entry#* }
    if f=$(cached_deb "$pkg"); then DEB[$pkg]=$f; else missing=1; fi
  done
else
  missing=1
fi

if [[ $missing == 1 ]]; then
  APTDIR=$(mktemp -d /tmp/java8-rootfs-apt.XXXXXX)
  trap 'rm -rf -- "$APTDIR"' EXIT
  mkdir -p "$APTDIR"/{lists/partial,archives/partial,dl}
  : >"$APTDIR/status"
  suites=$(printf '%s\n' "${PACKAGES[@]}" | awk '{ print $1 }' | sort -u | paste -sd ' ')
  for s in $suites; do
    printf 'deb [arch=%s signed-by=%s] %s %s main\n' "$ARCH" "$KEYRING" "$MIRROR" "$s"
  done >"$APTDIR/sources.list"
  # Only read-only commands (update, show, download) ever run with this state.
  APT_OPTS=(
    -o "Dir::Etc::SourceList=$APTDIR/sources.list" -o Dir::Etc::SourceParts=/dev/null
    -o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null
    -o "Dir::State=$APTDIR" -o "Dir::State::Lists=$APTDIR/lists"
    -o "Dir::State::status=$APTDIR/status" -o "Dir::Cache=$APTDIR"
    -o "Dir::Cache::Archives=$APTDIR/archives"
    -o "APT::Architecture=$ARCH" -o "APT::Architectures=$ARCH" -o APT::Sandbox::User=root
  )
  say "reading package lists of $suites"
  apt-get "${APT_OPTS[@]}" -qq update >"$APTDIR/update.log" 2>&1 ||
    { cat "$APTDIR/update.log" >&2; die "apt-get update failed for suites: $suites"; }

  targets=()
  for entry in "${PACKAGES[@]}"; do targets+=("${entry#* }/${entry%% *}"); done
  apt-cache "${APT_OPTS[@]}" show --no-all-versions "${targets[@]}" >"$APTDIR/show.txt" 2>"$APTDIR/show.err" || true
  declare -A VER=() DEBARCH=()
  while read -r p v a; do VER[$p]=$v; DEBARCH[$p]=$a; done < <(
    awk '/^Package:/ { p = $2 } /^Version:/ { v = $2 } /^Architecture:/ { a = $2 }
         /^$/ { if (p != "") print p, v, a; p = "" } END { if (p != "") print p, v, a }' "$APTDIR/show.txt")

  todo=()
  for entry in "${PACKAGES[@]}"; do
    suite=${entry%% *} pkg=${entry#* }
    [[ -n ${VER[$pkg]:-} ]] || die "package $pkg not found in Debian $suite at $MIRROR"
    file="$CACHE/${pkg}_${VER[$pkg]//:/%3a}_${DEBARCH[$pkg]}.deb"
    DEB[$pkg]=$file
    [[ -f $file ]] || todo+=("$pkg")
  done

  say "downloading ${#todo[@]} packages"
  if [[ ${#todo[@]} -gt 0 ]]; then
    specs=()
    for pkg in "${todo[@]}"; do specs+=("$pkg=${VER[$pkg]}"); done
    if ! (cd "$APTDIR/dl" && apt-get "${APT_OPTS[@]}" -qq download "${specs[@]}") >"$APTDIR/dl.log" 2>&1; then
      # Name the culprit: retry one by one.
      for spec in "${specs[@]}"; do
        (cd "$APTDIR/dl" && apt-get "${APT_OPTS[@]}" -qq download "$spec") >"$APTDIR/dl1.log" 2>&1 ||
          { cat "$APTDIR/dl1.log" >&2; die "download of $spec failed"; }
      done
    fi
  fi
  for pkg in "${todo[@]}"; do
    f=$(basename -- "${DEB[$pkg]}")
    [[ -f $APTDIR/dl/$f ]] || die "download of $pkg=${VER[$pkg]} left no $f"
    # Keep one version per package in the cache.
    rm -f -- "$CACHE/${pkg}"_*_"$ARCH".deb "$CACHE/${pkg}"_*_all.deb
    mv -- "$APTDIR/dl/$f" "$CACHE/$f"
  done
else
  say "all ${#PACKAGES[@]} packages cached in $CACHE"
fi

# 3. Unpack into DEST.tmp.
safe_rm "$BUILD"
mkdir -p -- "$BUILD"
say "unpacking ${#PACKAGES[@]} packages into $BUILD"
{
  printf '# Campus Lake java8 rootfs, made by %s; do not edit\n' "$PROG"
  printf 'spec %s\n' "$SPEC"
  printf 'built %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >"$BUILD/$STAMP_NAME.new"
for entry in "${PACKAGES[@]}"; do
  suite=${entry%% *} pkg=${entry#* }
  dpkg-deb -x "${DEB[$pkg]}" "$BUILD" || die "unpacking $pkg (${DEB[$pkg]}) failed"
  printf 'pkg %s %s %s\n' "$suite" "$pkg" "$(dpkg-deb -f "${DEB[$pkg]}" Version)" >>"$BUILD/$STAMP_NAME.new"
done

# 4. The few files that maintainer scripts would have made, and mount points.
cd "$BUILD"
for l in bin:usr/bin sbin:usr/sbin lib:usr/lib lib64:usr/lib64; do
  [[ -e ${l%%:*} || -L ${l%%:*} ]] || ln -s "${l#*:}" "${l%%:*}"
done
# What update-alternatives would have linked.
for l in sh:dash awk:mawk nawk:mawk which:which.debianutils w:w.procps; do
  [[ -e usr/bin/${l%%:*} || ! -e usr/bin/${l#*:} ]] || ln -s "${l#*:}" "usr/bin/${l%%:*}"
done
# Docs, translations and iconv modules (the JRE has its own charsets).
rm -rf usr/share/doc usr/share/man usr/share/info usr/share/locale usr/share/lintian \
  usr/lib/x86_64-linux-gnu/gconv "$JVM_DIR/jre/man" "$JVM_DIR/man"
mkdir -p proc dev sys run root etc usr/local/bin var/tmp
chmod 0700 root
chmod 1777 var/tmp
install -d -m 1777 tmp
cat >etc/passwd <<'EOF'
root:x:0:0:root:/root:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
EOF
cat >etc/group <<'EOF'
root:x:0:
nogroup:x:65534:
EOF
chmod 0644 etc/passwd etc/group
# The provisioning's accounts() adds the services' users with useradd, which keeps shadow files too.
printf 'root:*:20000:0:99999:7:::\n' >etc/shadow
printf 'root:*::\n' >etc/gshadow
chmod 0640 etc/shadow etc/gshadow
cat >etc/nsswitch.conf <<'EOF'
passwd:    files
group:     files
shadow:    files
hosts:     files
networks:  files
protocols: files
services:  files
ethers:    files
rpc:       files
netgroup:  files
EOF
# Placeholder: whoever starts the daemons writes the real host names here.
cat >etc/hosts <<'EOF'
127.0.0.1	localhost
::1	localhost ip6-localhost ip6-loopback
EOF
: >etc/resolv.conf
ln -sfn java-8-openjdk-amd64 usr/lib/jvm/java-8
ln -sfn ../lib/jvm/java-8-openjdk-amd64/jre/bin/java usr/bin/java
cd /
run_in_root "$BUILD" /usr/sbin/ldconfig || die "ldconfig failed in $BUILD"

# 5. Checks: the JRE's links resolve inside the rootfs, every ELF finds its
# libraries, java runs with the right java.home, the shell tools work.
broken=$(run_in_root "$BUILD" /usr/bin/find "/$JVM_DIR" /usr/lib/jvm/java-8 -xtype l \
  ! -path "/$JVM_DIR/jre/lib/security/cacerts" ! -path "/$JVM_DIR/docs" ! -path "/$JVM_DIR/src.zip" -print) ||
  die "cannot run find in $BUILD (see above)"
[[ -z $broken ]] || die "dangling links in the JRE: $(echo "$broken" | tr '\n' ' ')"
[[ -f $BUILD/etc/java-8-openjdk/security/java.security ]] || die "java.security missing"
# shellcheck disable=SC2016 # expanded inside the chroot
notfound=$(run_in_root "$BUILD" /bin/bash -c '
  for f in /usr/bin/* /usr/sbin/* /'"$JVM_DIR"'/jre/bin/* /'"$JVM_DIR"'/jre/lib/amd64/*.so \
           /'"$JVM_DIR"'/jre/lib/amd64/*/*.so; do
    [[ -f $f && ! -L $f ]] || continue
    case ${f##*/} in '"${OPTIONAL_JRE_LIBS//|/ | }"') continue ;; esac
    [[ $(head -c 4 "$f" | od -An -c | tr -d " ") == 177ELF ]] || continue
    out=$(/lib64/ld-linux-x86-64.so.2 --list "$f" 2>&1) || true
    grep "not found" <<<"$out" | sed "s|^|$f: |"
  done') || die "library check could not run in $BUILD"
[[ -z $notfound ]] || die "missing libraries: $(echo "$notfound" | tr -s ' \t\n' ' ')"
jre_works "$BUILD" || { run_in_root "$BUILD" "/$JVM_DIR/bin/java" -version || true; die "java does not run in $BUILD"; }
run_in_root "$BUILD" "/$JVM_DIR/bin/javac" -version >/dev/null 2>&1 || die "javac does not run in $BUILD (Sqoop needs it)"
run_in_root "$BUILD" /bin/bash -c 'id -gn >/dev/null && find /tmp -maxdepth 0 >/dev/null && sh -c true &&
  awk "BEGIN { exit 0 }" && which java >/dev/null && locale -a | grep -qx C.utf8' ||
  die "shell tools do not run in $BUILD"

# 6. Stamp last, then swap into place.
mv -- "$BUILD/$STAMP_NAME.new" "$BUILD/$STAMP_NAME"
safe_rm "$DEST"
mv -- "$BUILD" "$DEST"
say "ready ($(du -sm --one-file-system -- "$DEST" | awk '{ print $1 }') MB) in $DEST: $(awk '$3 == "openjdk-8-jre-headless" { print $3, $4 }' "$DEST/$STAMP_NAME")"
