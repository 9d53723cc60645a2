#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cryptod's Quick Mode beyond cryptod.sh's seed pair, on a hub: R1 reaches
# R2 and R3 on one address (R3's link is unnumbered on R1's side, as with
# IOS's `ip unnumbered`).
#
#   hA 192.0.2.10 - R1 .1 ==== 198.51.100.2 R2 - hB 203.0.113.10/25
#                       \===== 198.51.100.3 R3 - hC 203.0.113.130/25
#
# PFS on both ends carries pings and a TCP transfer; PFS groups that differ
# and an ACL on R2 that does not cover R1's proxy identities fail cleanly and
# leave no SA behind; `crypto map NAME local-address` sets the address R1
# keys and sends from; three crypto map entries to two peers (an ICMP and a
# TCP entry to R2, a stronger set to R3) each carry their own traffic over
# one ISAKMP SA per peer; and a pair whose lifetime is 120 seconds is rekeyed
# under steady pings without loss (stock 6.1 only: it waits two minutes).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
WORK=$(mktemp -d /tmp/nfsec-qm.XXXXXX)

tap_plan 9

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }

topo_hub() {
	local r
	ns_add hA r1 r2 r3 hB hC || return 1
	ns_link hA 192.0.2.10/24 r1 192.0.2.1/24 &&
		ns_link r1 198.51.100.1/24 r2 198.51.100.2/24 &&
		ns_link r2 203.0.113.1/25 hB 203.0.113.10/25 &&
		ns_link r3 203.0.113.129/25 hC 203.0.113.130/25 || return 1
	# R1's side of the R3 link has no address of its own
	ip -n r1 link add veth-r3 type veth peer name veth-r1 netns r3 &&
		ip -n r1 link set veth-r3 up &&
		ip -n r3 addr add 198.51.100.3/24 dev veth-r1 &&
		ip -n r3 link set veth-r1 up &&
		ip -n r1 route add 198.51.100.3/32 dev veth-r3 || return 1
	ip -n hA route add default via 192.0.2.1 &&
		ip -n hB route add default via 203.0.113.1 &&
		ip -n hC route add default via 203.0.113.129 &&
		ip -n r1 route add 203.0.113.0/25 via 198.51.100.2 &&
		ip -n r1 route add 203.0.113.128/25 via 198.51.100.3 &&
		ip -n r2 route add 192.0.2.0/24 via 198.51.100.1 &&
		ip -n r3 route add 192.0.2.0/24 via 198.51.100.1 || return 1
	for r in r1 r2 r3; do
		ip netns exec "$r" sysctl -qw net.ipv4.ip_forward=1 || return 1
	done
}
topo_hub || { echo "Bail out! topology setup failed"; exit 1; }

trap 'bg_stop; rm -rf "$WORK"; _lib_cleanup' EXIT

# conf_head NAME: the seed's policy 1 and one key for the whole link, and the
# two transform sets the entries choose from.
conf_head() {
	cat <<EOF
hostname $1
crypto isakmp policy 1
 authentication pre-share
 group 2
crypto isakmp key sharedkey address 198.51.100.0 255.255.255.0
crypto ipsec transform-set auth2 esp-des esp-sha-hmac
crypto ipsec transform-set strong esp-aes 256 esp-sha256-hmac
EOF
}

# entry SEQ PEER ACL TSET [LINE]: crypto map test SEQ, with LINE added.
entry() {
	cat <<EOF
crypto map test $1 ipsec-isakmp
 set peer $2
 set transform-set $4
 match address $3
${5:-!}
EOF
}

# bind IFACE...: crypto map test on each.
bind() {
	local i
	for i in "$@"; do printf 'interface %s\n crypto map test\n' "$i"; done
}

# pair R1_LINE R2_LINE [R2_ACL [GLOBAL]]: R1 and R2 with entry 10 for LAN A
# <-> LAN B, each with its LINE in the entry, R2 with R2_ACL as its access
# list line when given, both with the GLOBAL command.
pair() {
	{
		conf_head r1
		echo "${4:-!}"
		entry 10 198.51.100.2 101 auth2 "$1"
		bind veth-r2
		echo "access-list 101 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.127"
	} >"$WORK/r1.conf"
	{
		conf_head r2
		echo "${4:-!}"
		entry 10 198.51.100.1 101 auth2 "$2"
		bind veth-r1
		echo "${3:-access-list 101 permit ip 203.0.113.0 0.0.0.127 192.0.2.0 0.0.0.255}"
	} >"$WORK/r2.conf"
	cryptod_start r1 "$WORK/r1.conf" "$WORK/r1.log" &&
		cryptod_start r2 "$WORK/r2.conf" "$WORK/r2.log"
}

# tcp_xfer NS ADDR BYTES: BYTES of random data over TCP from hA to ADDR:5001
# (a listener in NS); prints "same" when what arrived hashes as what left.
tcp_xfer() {
	local sink=$WORK/sink.out
	ip netns exec "$1" timeout 120 $PY -c '
import hashlib, socket, sys
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 5001)); s.listen(1); print("listening", flush=True)
c, _ = s.accept(); h = hashlib.sha256(); n = 0
while True:
    b = c.recv(65536)
    if not b: break
    h.update(b); n += len(b)
print(n, h.hexdigest())' >"$sink" &
	local pid=$! i sent
	for i in $(seq 50); do
		! grep -q listening "$sink" || break
		sleep 0.1
	done
	sent=$(ip netns exec hA timeout 120 $PY -c '
import hashlib, os, socket, sys
d = os.urandom(int(sys.argv[2]))
for i in range(8):
    try:
        s = socket.create_connection((sys.argv[1], 5001), timeout=4); break
    except OSError:
        pass
s.settimeout(None); s.sendall(d); s.close()
print(len(d), hashlib.sha256(d).hexdigest())' "$2" "$3" 2>"$WORK/xfer.err")
	wait $pid
	if [ -n "$sent" ] && [ "$sent" = "$(tail -1 "$sink")" ]; then
		echo same
	else
		echo "sent: $sent; arrived: $(tail -1 "$sink"); $(cat "$WORK/xfer.err")"
	fi
}

# sa_bytes NS: the most bytes one of NS's SAs has carried.
sa_bytes() { ctl_in "$1" -j sa list | $PY -c 'import json,sys
print(max([s["stats"]["bytes"] for s in json.load(sys.stdin)] or [0]))'; }

pair " set pfs group2" " set pfs group2"
if ping_to hA 203.0.113.10 && ping_to hB 192.0.2.10 &&
	grep -q "^ISAKMP: *group is 2$" "$WORK/r2.log" &&
	ctl_in r1 show crypto map | grep -q "PFS (Y/N): Y"; then
	tap_ok "PFS group 2 on both ends: Quick Mode carries the group, pings pass"
else
	tap_fail "PFS group 2 on both ends: Quick Mode carries the group, pings pass" \
		"$(tail -30 "$WORK/r2.log")" "$(ctl_in r1 show crypto map 2>&1)"
fi
res=$(tcp_xfer hB 203.0.113.10 2000000)
got=$(sa_bytes r2)
if [ "$res" = same ] && [ "${got:-0}" -ge 2000000 ]; then
	tap_ok "a 2 MB TCP transfer through the tunnel arrives intact, counted on an SA"
else
	tap_fail "a 2 MB TCP transfer through the tunnel arrives intact, counted on an SA" \
		"$res" "largest SA count: $got bytes" "$(ctl_in r2 sa list 2>&1)"
fi
bg_stop

# fails_on LOG TEXT: fails_with (lib.sh); then no SA is left on either
# router.
fails_on() {
	fails_with "$1" "$2" && sleep 1 &&
		[ "$(sa_count r1) $(sa_count r2)" = "0 0" ]
}
pair " set pfs group2" " set pfs group5"
if fails_on "$WORK/r2.log" "Processing of Quick mode failed with peer at 198.51.100.1"; then
	tap_ok "PFS group 2 against group 5: Quick Mode fails on R2, no SAs on either end"
else
	tap_fail "PFS group 2 against group 5: Quick Mode fails on R2, no SAs on either end" \
		"$(tail -30 "$WORK/r2.log")" "$(ctl_in r1 sa list 2>&1)"
fi
bg_stop

# R2 protects only the upper half of LAN A: R1's 192.0.2.0/24 is not inside
pair "" "" "access-list 101 permit ip 203.0.113.0 0.0.0.127 192.0.2.128 0.0.0.127"
if fails_on "$WORK/r2.log" "Processing of Quick mode failed with peer at 198.51.100.1" &&
	grep -q "proxy identities not acceptable" "$WORK/r2.log"; then
	tap_ok "R2's ACL does not cover R1's proxy identities: Quick Mode fails, no SAs"
else
	tap_fail "R2's ACL does not cover R1's proxy identities: Quick Mode fails, no SAs" \
		"$(tail -30 "$WORK/r2.log")" "$(ctl_in r1 sa list 2>&1)"
fi
bg_stop

# crypto map local-address: R1 keys and sends from loop0's address, on no
# link (R2 takes it for on-link, and R1 answers ARP for it), not veth-r2's
ip -n r1 link add loop0 type dummy &&
	ip -n r1 addr add 198.51.100.11/32 dev loop0 &&
	ip -n r1 link set loop0 up
{
	conf_head r1
	echo "crypto map test local-address loop0"
	entry 10 198.51.100.2 101 auth2
	bind veth-r2
	echo "access-list 101 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.127"
} >"$WORK/r1.conf"
{
	conf_head r2
	entry 10 198.51.100.11 101 auth2
	bind veth-r1
	echo "access-list 101 permit ip 203.0.113.0 0.0.0.127 192.0.2.0 0.0.0.255"
} >"$WORK/r2.conf"
srcs=
if cryptod_start r1 "$WORK/r1.conf" "$WORK/r1.log" &&
	cryptod_start r2 "$WORK/r2.conf" "$WORK/r2.log" &&
	ping_to hA 203.0.113.10 && ping_to hB 192.0.2.10; then
	srcs=$(ctl_in r2 -j sa list | $PY -c 'import json,sys
print(" ".join(sorted(s["src"] for s in json.load(sys.stdin))))')
fi
if [ "$srcs" = "198.51.100.11 198.51.100.2" ] &&
	ctl_in r2 show crypto isakmp sa | grep -Eq '^198\.51\.100\.2 +198\.51\.100\.11 +QM_IDLE'; then
	tap_ok "crypto map local-address: IKE and ESP from loop0's address"
else
	tap_fail "crypto map local-address: IKE and ESP from loop0's address" \
		"R2's SA sources: $srcs" "$(tail -20 "$WORK/r1.log")" \
		"$(tail -20 "$WORK/r2.log")"
fi
bg_stop
ip -n r1 link del loop0

# Three entries, two peers: ICMP to LAN B in entry 10, LAN C in entry 20 with
# the stronger set, TCP to LAN B in entry 30.
{
	conf_head r1
	entry 10 198.51.100.2 101 auth2
	entry 20 198.51.100.3 102 strong
	entry 30 198.51.100.2 103 auth2
	bind veth-r2 veth-r3
	echo "access-list 101 permit icmp 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.127"
	echo "access-list 102 permit ip 192.0.2.0 0.0.0.255 203.0.113.128 0.0.0.127"
	echo "access-list 103 permit tcp 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.127"
} >"$WORK/r1.conf"
{
	conf_head r2
	entry 10 198.51.100.1 101 auth2
	entry 30 198.51.100.1 103 auth2
	bind veth-r1
	echo "access-list 101 permit icmp 203.0.113.0 0.0.0.127 192.0.2.0 0.0.0.255"
	echo "access-list 103 permit tcp 203.0.113.0 0.0.0.127 192.0.2.0 0.0.0.255"
} >"$WORK/r2.conf"
{
	conf_head r3
	entry 20 198.51.100.1 102 strong
	bind veth-r1
	echo "access-list 102 permit ip 203.0.113.128 0.0.0.127 192.0.2.0 0.0.0.255"
} >"$WORK/r3.conf"
started=0
cryptod_start r1 "$WORK/r1.conf" "$WORK/r1.log" &&
	cryptod_start r2 "$WORK/r2.conf" "$WORK/r2.log" &&
	cryptod_start r3 "$WORK/r3.conf" "$WORK/r3.log" && started=1
res=$(tcp_xfer hB 203.0.113.10 200000)
if [ $started = 1 ] && ping_to hA 203.0.113.10 && ping_to hA 203.0.113.130 &&
	[ "$res" = same ] &&
	[ "$(sa_count r1) $(sa_count r2) $(sa_count r3)" = "6 4 2" ]; then
	tap_ok "three crypto map entries to two peers: each negotiates its own pair"
else
	tap_fail "three crypto map entries to two peers: each negotiates its own pair" \
		"TCP: $res" "$(ctl_in r1 sa list 2>&1)" "$(tail -30 "$WORK/r1.log")" \
		"$(tail -30 "$WORK/r3.log")"
fi
isa=$(ctl_in r1 show crypto isakmp sa)
tap_check "show crypto isakmp sa on R1: one QM_IDLE row per peer" \
	test "$(grep -Ec '^198\.51\.100\.[23] +198\.51\.100\.1 +QM_IDLE' <<<"$isa")" = 2
algs=$(ctl_in r3 -j sa list | $PY -c 'import json,sys
print(" ".join(sorted({s["enc"] + "/" + s["auth"] for s in json.load(sys.stdin)})))')
tap_expect "R3's pair uses entry 20's transform set" \
	"aes-cbc/hmac-sha256-128" "$algs"
bg_stop

# Rekey by seconds: IOS's least lifetime, 120 s, on both ends; the soft
# limit (90 %) starts a new pair, the old one is retired 5 s later, and no
# ping is lost.  It waits two minutes, so it runs on the stock 6.1 kernel
# only: the expiry timer is the same code on 6.12 and on the debug kernel,
# where negative.sh checks lifetime EXPIREs (a run that limits the
# algorithms is taken for the debug kernel's).
if [ -n "${NFSEC_SELFTEST_ALGS:-}" ] || [[ $(uname -r) != 6.1.* ]]; then
	tap_skip "rekey by seconds under traffic: new pair, old one retired, no loss" \
		"stock 6.1 kernel only (it waits two minutes)"
	tap_done
fi
pair "" "" "" "crypto ipsec security-association lifetime seconds 120"
ping_to hA 203.0.113.10
out=$(ip netns exec hA ping -q -i 0.2 -c 650 -W 2 203.0.113.10 2>&1)
if grep -q "650 packets transmitted, 650 received" <<<"$out" &&
	grep -q "IPSEC(rekey): crypto map test 10, retiring SA" "$WORK/r1.log" &&
	[ "$(sa_count r1) $(sa_count r2)" = "2 2" ]; then
	tap_ok "rekey by seconds under traffic: new pair, old one retired, no loss"
else
	tap_fail "rekey by seconds under traffic: new pair, old one retired, no loss" \
		"$out" "$(ctl_in r1 sa list 2>&1)" "$(grep -v '^ISAKMP: ' "$WORK/r1.log" | tail -30)"
fi
bg_stop
tap_done
