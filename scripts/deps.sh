#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install everything nfsec needs to build, test and demo, from Debian's
# packages only.  Idempotent: a second run installs nothing.
#
#   scripts/deps.sh           install what is missing
#   scripts/deps.sh --check   exit 0 when nothing is missing, 1 otherwise
#
# virtme-ng is not in bookworm: its trixie package (Architecture: all, pure
# Python) is fetched through a private source list kept under $NFSEC_CACHE and
# installed with apt so its dependencies come from bookworm.  trixie is never
# added to the system's sources.

set -euo pipefail

NFSEC_CACHE=${NFSEC_CACHE:-/var/cache/nfsec}

# Kernel images (the VM boots them) and headers (the module builds against
# them): 6.1 is bookworm's own, 6.12 comes from bookworm-security.
PKGS_KERNEL="linux-image-amd64 linux-headers-amd64
	linux-image-6.12-amd64 linux-headers-6.12-amd64 linux-source-6.1"
PKGS_KBUILD="build-essential bc flex bison libelf-dev libssl-dev dwarves
	cpio kmod xz-utils zstd rsync python3 dkms dh-dkms debhelper lintian"
PKGS_TOOLS="pkg-config libmnl-dev libgnutls28-dev nettle-dev libgmp-dev
	libcmocka-dev libseccomp-dev clang-format cppcheck clang libclang-rt-14-dev sparse
	shellcheck systemd mandoc"
PKGS_VM="qemu-system-x86 busybox-static iproute2 iputils-ping iperf3 tcpdump ethtool
	nftables python3-cryptography
	procps psmisc strongswan-charon strongswan-swanctl
	libstrongswan-standard-plugins wireguard-tools tshark"
PKGS="$PKGS_KERNEL $PKGS_KBUILD $PKGS_TOOLS $PKGS_VM"

log() { printf 'deps: %s\n' "$*" >&2; }

missing_pkgs() {
	local p
	for p in $PKGS; do
		dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
			grep -q '^install ok installed$' || echo "$p"
	done
}

have_vng() { command -v vng >/dev/null 2>&1; }

apt_lists_fresh() {
	# An image may ship without package lists; apt-get update once then.
	compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null
}

install_debs() {
	local miss
	miss=$(missing_pkgs)
	[ -n "$miss" ] || return 0
	apt_lists_fresh || apt-get update -q
	log "installing:" $miss
	# Kernel postinst hooks want an initramfs; Debian's stock kernels are
	# booted by virtme-ng, which builds its own, so the generator is needed
	# only for the hooks to succeed.
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends $miss || {
		apt-get update -q
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
			--no-install-recommends $miss
	}
}

install_vng() {
	local dir="$NFSEC_CACHE/trixie-apt"
	have_vng && return 0
	log "fetching virtme-ng from Debian trixie (private source list)"
	mkdir -p "$dir/lists/partial" "$dir/debs"
	cat >"$dir/sources.list" <<EOF
deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
EOF
	local opts=(-o "Dir::Etc::SourceList=$dir/sources.list"
		-o "Dir::Etc::SourceParts=/dev/null"
		-o "Dir::State::Lists=$dir/lists"
		-o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache=")
	apt-get "${opts[@]}" update -q
	(cd "$dir/debs" && rm -f virtme-ng_*.deb &&
		apt-get "${opts[@]}" download virtme-ng)
	apt_lists_fresh || apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "$dir"/debs/virtme-ng_*.deb
}

# cryptod's engine runs as a system user of its own (tools/cryptod/privsep.h);
# the VM's root file system is this one, so the selftests find it too.
ENGINE_USER=nfsec
have_user() { getent passwd "$ENGINE_USER" >/dev/null; }
add_user() {
	have_user && return 0
	log "adding system user $ENGINE_USER (cryptod's engine)"
	useradd --system --user-group --no-create-home --home-dir /nonexistent \
		--shell /usr/sbin/nologin "$ENGINE_USER"
}

check_only() {
	local miss
	miss=$(missing_pkgs)
	[ -z "$miss" ] || { log "missing:" $miss; return 1; }
	have_vng || { log "missing: virtme-ng"; return 1; }
	have_user || { log "missing: system user $ENGINE_USER"; return 1; }
	return 0
}

case "${1:-}" in
--check) check_only ;;
"")
	[ "$(id -u)" = 0 ] || { log "must run as root (apt-get)"; exit 1; }
	install_debs
	install_vng
	add_user
	check_only
	log "all dependencies present"
	;;
*) log "usage: $0 [--check]"; exit 2 ;;
esac
