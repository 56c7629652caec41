#!/usr/bin/env bash
# Assembles a JRE 21 base image for Jib without any container registry: Debian trixie (debootstrap, minbase) with
# openjdk-21-jre-headless and ca-certificates, packed as a `docker save`-format tar that Jib takes as
# <from><image>tar:///path</image>. Prints the tar's absolute path on stdout (all progress goes to stderr), so:
#
#   SWITCHBOARD_IMAGE_BASE="tar://$(.ci/base-image.sh)" ./mvnw -B verify
#
# The result is cached under .ci/cache/ (git-ignored), keyed on this script's content: a second run prints the
# cached path at once. --force rebuilds (for example to pick up Debian security updates). Needs root, debootstrap,
# unshare and chroot; .ci/run installs debootstrap when it is missing. This is CI and development tooling: the
# published image's base stays the pinned eclipse-temurin JRE in gateway-app/pom.xml.
#
# Why plain tar + two generated JSON documents and not skopeo/umoci: Jib reads a base image tar only in the
# `docker save` layout (manifest.json listing a config and its layer files; OCI archives are not accepted, see
# GoogleContainerTools/jib#2173), and that layout for a one-layer image is exactly three files. umoci would build
# an OCI layout that skopeo would then have to convert, two more packages for the same three files.
set -euo pipefail
umask 022
# debootstrap and chroot live in sbin, which a non-login root shell may lack on its PATH.
export PATH="$PATH:/usr/sbin:/sbin"

suite=trixie
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
security_mirror="${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}"
packages=(openjdk-21-jre-headless ca-certificates)
image_tag="switchboard-jre-base:21-$suite"
# Upper bounds, in seconds, for the steps that download: a hung mirror fails the run instead of stalling it.
debootstrap_timeout="${BASE_IMAGE_DEBOOTSTRAP_TIMEOUT:-900}"
apt_timeout="${BASE_IMAGE_APT_TIMEOUT:-900}"

repo_root="$(cd "$(dirname "$0")/.." && pwd)"
cache_dir="$repo_root/.ci/cache"
force=false
case "${1:-}" in
  "") ;;
  --force) force=true ;;
  *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

log() { echo "base-image: $*" >&2; }
die() { echo "base-image: ERROR: $*" >&2; exit 1; }

key="$( (cat "$0"; echo "$mirror $security_mirror") | sha256sum | cut -c1-16)"
output="$cache_dir/jre21-base-$key.tar"

mkdir -p "$cache_dir"
# One build at a time per checkout; a second caller waits, then finds the cached tar.
exec 9>"$cache_dir/.lock"
flock --timeout "$((debootstrap_timeout + apt_timeout + 300))" 9 || die "another build holds $cache_dir/.lock"

if [ -s "$output" ] && ! $force; then
  log "cached: $output"
  echo "$output"
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap and chroot need it)"
for tool in debootstrap unshare chroot mount tar gzip sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is not installed (apt-get install -y debootstrap util-linux coreutils tar gzip)"
done

work="$(mktemp -d "$cache_dir/build.XXXXXX")"
root="$work/rootfs"
cleanup() {
  # Nothing should still be mounted (the chroot steps run in their own mount namespace), but never let rm walk into
  # a mount: unmount whatever is left under the work directory, deepest first, then remove it on its own filesystem.
  if [ -d "$work" ]; then
    awk -v prefix="$work/" 'index($2, prefix) == 1 { print $2 }' /proc/mounts | sort -r | while read -r mountpoint; do
      umount -l "$mountpoint" || true
    done
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT

started=$SECONDS
log "debootstrap --variant=minbase $suite from $mirror (at most ${debootstrap_timeout}s)"
timeout "$debootstrap_timeout" debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 40 "$work/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
log "debootstrap done in $((SECONDS - started))s"

# Runs a command inside the rootfs with /proc and /dev mounted in a private mount namespace: the mounts vanish with
# the namespace, so a failure cannot leave them behind on the host.
in_root() {
  unshare --mount --fork -- sh -euc '
    root="$1"; shift
    mount -t proc proc "$root/proc"
    mount --rbind /dev "$root/dev"
    exec chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"
  ' in_root "$root" "$@"
}

cat >"$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security_mirror $suite-security main
EOF
# No docs, man pages or translations from here on (the same paths Debian's slim images leave out); copyright files
# stay. No service may start during the build.
cat >"$root/etc/dpkg/dpkg.cfg.d/01-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
path-exclude /usr/share/lintian/*
EOF
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
cp /etc/resolv.conf "$root/etc/resolv.conf"

step=$SECONDS
log "apt-get install --no-install-recommends ${packages[*]} (at most ${apt_timeout}s)"
export -f in_root
export root
timeout "$apt_timeout" bash -euc '
  in_root apt-get -q update
  in_root apt-get -q -y -o Dpkg::Use-Pty=0 dist-upgrade
  in_root apt-get -q -y -o Dpkg::Use-Pty=0 install --no-install-recommends "$@"
' apt "${packages[@]}" >"$work/apt.log" 2>&1 \
  || { tail -n 40 "$work/apt.log" >&2; die "installing ${packages[*]} failed (log above)"; }
log "packages installed in $((SECONDS - step))s"

java_bin="$(in_root readlink -f /usr/bin/java)" || die "no /usr/bin/java in the rootfs"
java_home="${java_bin%/bin/java}"
[ "$java_home" != "$java_bin" ] && [ -x "$root$java_home/bin/java" ] || die "unexpected java location $java_bin"
java_version="$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$root$java_home/release")"
case "$java_version" in
  21|21.*) ;;
  *) die "$java_home/release says JAVA_VERSION=\"$java_version\", expected 21" ;;
esac
in_root "$java_home/bin/java" -version >"$work/java-version.txt" 2>&1 || { cat "$work/java-version.txt" >&2; die "java does not run"; }
grep -q '^openjdk version "21' "$work/java-version.txt" || { cat "$work/java-version.txt" >&2; die "java -version is not 21"; }
jre_package_version="$(in_root dpkg-query -W -f '${Version}' openjdk-21-jre-headless)"
log "Java $java_version at $java_home (openjdk-21-jre-headless $jre_package_version)"

# What a container runtime provides or what only the build needed goes: package lists and caches, logs, docs the
# base system brought before the dpkg excludes, the build's resolv.conf and policy-rc.d, and /dev's device nodes.
in_root apt-get clean
rm -f "$root/usr/sbin/policy-rc.d" "$root/etc/resolv.conf"
rm -rf --one-file-system "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/var/cache/debconf/*-old \
  "$root"/var/lib/dpkg/*-old "$root"/var/log/* "$root"/tmp/* "$root"/var/tmp/* "$root"/usr/share/man/* \
  "$root"/usr/share/info/* "$root"/usr/share/lintian/* "$root"/dev/* "$root"/proc/* "$root"/sys/*
find "$root/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
[ ! -d "$root/usr/share/locale" ] || find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf --one-file-system {} +

# The layer: member names relative to the root without a leading "./" (as `docker save` writes them), numeric
# owners, sorted, no access/change times, so the same rootfs gives the same bytes.
image="$work/image"
mkdir -p "$image"
(cd "$root" && find . -mindepth 1 -maxdepth 1 -printf '%P\n' | LC_ALL=C sort) >"$work/top-level"
tar --create --file="$work/layer.tar" --directory="$root" --numeric-owner --sort=name --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime --files-from="$work/top-level"
diff_id="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
gzip -n -6 "$work/layer.tar"
mkdir -p "$image/$diff_id"
mv "$work/layer.tar.gz" "$image/$diff_id/layer.tar.gz"

created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
path_env="$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
cat >"$image/config.json" <<EOF
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"Env":["PATH=$path_env","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"$created","created_by":".ci/base-image.sh: debootstrap --variant=minbase $suite; apt-get install --no-install-recommends ${packages[*]} (openjdk-21-jre-headless $jre_package_version)"}]}
EOF
config_id="$(sha256sum "$image/config.json" | cut -d' ' -f1)"
mv "$image/config.json" "$image/$config_id.json"
cat >"$image/manifest.json" <<EOF
[{"Config":"$config_id.json","RepoTags":["$image_tag"],"Layers":["$diff_id/layer.tar.gz"]}]
EOF
tar --create --file="$work/image.tar" --directory="$image" --numeric-owner --owner=0 --group=0 --format=posix \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime \
  manifest.json "$config_id.json" "$diff_id/layer.tar.gz"

# Only a complete tar ever appears under the cached name; older keys' tars are removed.
find "$cache_dir" -maxdepth 1 -name 'jre21-base-*.tar' ! -name "$(basename "$output")" -delete
mv "$work/image.tar" "$output"
log "built $output ($(du -m "$output" | cut -f1) MB compressed, rootfs $(du -sm "$root" | cut -f1) MB) in $((SECONDS - started))s"
echo "$output"
