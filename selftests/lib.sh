#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for nfsec selftests (sourced).  Each test file is a TAP
# producer: it calls tap_plan, then one tap_* per check.  Namespaces made with
# ns_add are deleted, and a module loaded by the test is unloaded, on exit,
# whatever happens.
#
# Environment (set by run.sh): NFSEC_TOP (tree), NFSEC_KMOD_DIR (build output
# for the running kernel).

set -u

NFSEC_TOP=${NFSEC_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
NFSEC_KMOD_DIR=${NFSEC_KMOD_DIR:-$NFSEC_TOP}
NFSEC_KO=$NFSEC_KMOD_DIR/kmod/nfsec.ko
CRYPTOCTL=$NFSEC_TOP/build/tools/cryptoctl/cryptoctl
PY=/usr/bin/python3
export PATH=$PATH:/usr/sbin:/sbin

_tap_n=0
_tap_failed=0
_ns_list=()

tap_plan() { echo "1..$1"; }

tap_ok() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1"; }

# tap_fail DESC [DIAGNOSTIC...]
tap_fail() {
	local d=$1
	shift
	_tap_n=$((_tap_n + 1))
	_tap_failed=$((_tap_failed + 1))
	echo "not ok $_tap_n - $d"
	[ $# -eq 0 ] || printf '%s\n' "$@" | sed 's/^/#   /'
}

tap_skip() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1 # SKIP $2"; }

# tap_check DESC CMD...: ok when CMD succeeds; its output becomes the
# diagnostic when it fails.
tap_check() {
	local d=$1 out
	shift
	if out=$("$@" 2>&1); then
		tap_ok "$d"
	else
		tap_fail "$d" "command: $*" "$out"
	fi
}

# tap_expect DESC WANT GOT: ok when the two strings are equal.
tap_expect() {
	if [ "$2" = "$3" ]; then
		tap_ok "$1"
	else
		tap_fail "$1" "want: $2" "got:  $3"
	fi
}

tap_done() { exit $((_tap_failed > 0)); }

mod_loaded() { grep -q '^nfsec ' /proc/modules; }

mod_load() { mod_loaded || insmod "$NFSEC_KO"; }

mod_unload() { ! mod_loaded || rmmod nfsec; }

# ns_add NAME...: new network namespaces with loopback up, removed on exit.
ns_add() {
	local ns
	for ns in "$@"; do
		ip netns add "$ns" || return 1
		_ns_list+=("$ns")
		ip -n "$ns" link set lo up || return 1
	done
}

ns_del() {
	local ns i
	for ns in "$@"; do
		ip netns del "$ns" 2>/dev/null
		for i in "${!_ns_list[@]}"; do
			[ "${_ns_list[$i]}" != "$ns" ] || unset '_ns_list[i]'
		done
	done
}

# ns_link A ADDR_A B ADDR_B: a veth pair between two namespaces, with
# addresses (prefix included) on each end.  IPv6 addresses skip DAD.
ns_link() {
	local a=$1 aa=$2 b=$3 ba=$4 na nb
	na=veth-$b
	nb=veth-$a
	ip -n "$a" link add "$na" type veth peer name "$nb" netns "$b" || return 1
	ip -n "$a" addr add "$aa" dev "$na" nodad 2>/dev/null ||
		ip -n "$a" addr add "$aa" dev "$na" || return 1
	ip -n "$b" addr add "$ba" dev "$nb" nodad 2>/dev/null ||
		ip -n "$b" addr add "$ba" dev "$nb" || return 1
	ip -n "$a" link set "$na" up && ip -n "$b" link set "$nb" up
}

# ctl [NS] ARGS...: cryptoctl, in NS when the first word names one.
ctl_in() {
	local ns=$1
	shift
	ip netns exec "$ns" "$CRYPTOCTL" "$@"
}

# json_get JSON PATH: a value out of cryptoctl -j output ("a.b.c").
json_get() {
	"$PY" -c 'import json,sys
v = json.loads(sys.argv[1])
for k in sys.argv[2].split("."):
    v = v[k]
print(v)' "$1" "$2"
}

_lib_cleanup() {
	local ns
	for ns in "${_ns_list[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	[ -z "${_lib_loaded_here:-}" ] || mod_unload 2>/dev/null
}
trap _lib_cleanup EXIT

# topo_seed: the seed's topology, hostA - R1 ==== R2 - hostB, as namespaces
# hA, r1, r2, hB.  LAN A 192.0.2.0/24 and 2001:db8:a::/64, the R1-R2 link
# 198.51.100.0/24 and 2001:db8:1::/64, LAN B 203.0.113.0/24 and
# 2001:db8:b::/64.  Hosts are .10/::10, routers .1/::1 on LANs and
# .1/.2 on the link.  R1's link device is veth-r2, R2's is veth-r1.
topo_seed() {
	ns_add hA r1 r2 hB || return 1
	ns_link hA 192.0.2.10/24 r1 192.0.2.1/24 &&
		ns_link r1 198.51.100.1/24 r2 198.51.100.2/24 &&
		ns_link r2 203.0.113.1/24 hB 203.0.113.10/24 || return 1
	ip -n hA addr add 2001:db8:a::10/64 dev veth-r1 nodad &&
		ip -n r1 addr add 2001:db8:a::1/64 dev veth-hA nodad &&
		ip -n r1 addr add 2001:db8:1::1/64 dev veth-r2 nodad &&
		ip -n r2 addr add 2001:db8:1::2/64 dev veth-r1 nodad &&
		ip -n r2 addr add 2001:db8:b::1/64 dev veth-hB nodad &&
		ip -n hB addr add 2001:db8:b::10/64 dev veth-r2 nodad || return 1
	ip -n hA route add default via 192.0.2.1 &&
		ip -n hA -6 route add default via 2001:db8:a::1 &&
		ip -n hB route add default via 203.0.113.1 &&
		ip -n hB -6 route add default via 2001:db8:b::1 &&
		ip -n r1 route add 203.0.113.0/24 via 198.51.100.2 &&
		ip -n r1 -6 route add 2001:db8:b::/64 via 2001:db8:1::2 &&
		ip -n r2 route add 192.0.2.0/24 via 198.51.100.1 &&
		ip -n r2 -6 route add 2001:db8:a::/64 via 2001:db8:1::1 ||
		return 1
	local r
	for r in r1 r2; do
		ip netns exec "$r" sysctl -qw net.ipv4.ip_forward=1 \
			net.ipv6.conf.all.forwarding=1 || return 1
	done
}
