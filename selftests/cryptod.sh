#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cryptod <-> cryptod on the seed's topology (hostA - R1 ==== R2 - hostB)
# with the seed's pre-share configuration, in documentation addresses:
# the first packet from hostA raises ACQUIRE, IKEv1 Main Mode and Quick
# Mode run, and pings pass.  Then a wrong key and a mismatched transform
# set fail with IOS's messages and install nothing.

. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
CRYPTOD=$NFSEC_TOP/build/tools/cryptod/cryptod
WORK=$(mktemp -d /tmp/nfsec-cryptod.XXXXXX)

tap_plan 9

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

# conf NAME KEY TSET ACL_SRC ACL_DST PEER IFACE: the seed's cl-2513 config.
conf() {
	cat <<EOF
hostname $1
crypto isakmp policy 1
 authentication pre-share
 group 2
crypto isakmp key $2 address $6
crypto ipsec transform-set auth2 $3
crypto map test 10 ipsec-isakmp
 set peer $6
 set transform-set auth2
 match address 133
interface $7
 crypto map test
access-list 133 permit ip $4 0.0.0.255 $5 0.0.0.255
end
EOF
}

pids=()
# start NS CONF: cryptod in NS, logging to $WORK/NS.log, until it runs.
start() {
	local ns=$1 i
	ip netns exec "$ns" "$CRYPTOD" -d -f "$2" >"$WORK/$ns.log" 2>&1 &
	pids+=($!)
	for i in $(seq 50); do
		! grep -q '^cryptod: running' "$WORK/$ns.log" || return 0
		sleep 0.2
	done
	return 1
}

stop_all() {
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
	pids=()
}
trap 'stop_all; rm -rf "$WORK"; _lib_cleanup' EXIT

# run_pair KEY2 TSET2: both routers, R2 with KEY2 and TSET2.
run_pair() {
	conf r1 sharedkey "esp-des esp-sha-hmac" 192.0.2.0 203.0.113.0 \
		198.51.100.2 veth-r2 >"$WORK/r1.conf"
	conf r2 "$1" "$2" 203.0.113.0 192.0.2.0 198.51.100.1 veth-r1 \
		>"$WORK/r2.conf"
	start r1 "$WORK/r1.conf" && start r2 "$WORK/r2.conf"
}

# traffic: hostA pings until a reply comes (the first ones start IKE).
traffic() {
	local i
	for i in 1 2 3 4 5 6 7 8; do
		ip netns exec hA ping -c 1 -W 2 203.0.113.10 >/dev/null && return 0
	done
	return 1
}

sa_count() { ctl_in "$1" -j sa list | "$PY" -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

if run_pair sharedkey "esp-des esp-sha-hmac"; then
	tap_ok "cryptod starts on R1 and R2 and installs the crypto map"
else
	tap_fail "cryptod starts on R1 and R2 and installs the crypto map" \
		"$(cat "$WORK"/*.log)"
fi
if traffic && ping_both; then
	tap_ok "hostA's traffic triggers IKE; pings pass both ways"
else
	tap_fail "hostA's traffic triggers IKE; pings pass both ways" \
		"$(cat "$WORK/r1.log")" "$(cat "$WORK/r2.log")" \
		"$(ctl_in r1 sa list 2>&1)" "$(ctl_in r2 sa list 2>&1)"
fi
tap_expect "each router holds an inbound and an outbound ESP SA" "2 2" \
	"$(sa_count r1) $(sa_count r2)"
seed_lines() {
	grep -q "Checking ISAKMP transform 1 against priority 1 policy" "$1" &&
		grep -q "SA has been authenticated" "$1" &&
		grep -q "Creating IPSec SAs" "$1"
}
tap_check "R2 logged the seed's lines (transform check, authenticated, SAs)" \
	seed_lines "$WORK/r2.log"
pk=$(ctl_in r2 -j sa list | "$PY" -c 'import json,sys
print(sum(s["stats"]["packets"] for s in json.load(sys.stdin)))')
tap_check "R2's SAs carried the pings ($pk packets)" test "${pk:-0}" -ge 4
tap_expect "the pre-shared key is not in either log" 0 \
	"$(cat "$WORK/r1.log" "$WORK/r2.log" | grep -c sharedkey)"
stop_all
tap_expect "cryptod took its SAs and crypto maps away on exit" "0 0" \
	"$(sa_count r1) $(sa_count r2)"

run_pair otherkey "esp-des esp-sha-hmac"
traffic
sleep 1
if grep -q "IKE message from 198.51.100.1 failed its sanity check or is malformed" \
	"$WORK/r2.log" && [ "$(sa_count r1) $(sa_count r2)" = "0 0" ]; then
	tap_ok "a wrong pre-shared key: IKMP_BAD_MESSAGE on R2, no SAs"
else
	tap_fail "a wrong pre-shared key: IKMP_BAD_MESSAGE on R2, no SAs" \
		"$(cat "$WORK/r2.log")"
fi
stop_all

run_pair sharedkey "esp-3des esp-sha-hmac"
traffic
sleep 1
if grep -q "Processing of Quick mode failed with peer at 198.51.100.1" \
	"$WORK/r2.log" && [ "$(sa_count r1) $(sa_count r2)" = "0 0" ]; then
	tap_ok "mismatched transform sets: Quick mode fails on R2, no SAs"
else
	tap_fail "mismatched transform sets: Quick mode fails on R2, no SAs" \
		"$(cat "$WORK/r2.log")" "$(ctl_in r1 sa list 2>&1)"
fi
stop_all
tap_done
