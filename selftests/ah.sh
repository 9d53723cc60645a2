#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# AH (RFC 4302) alone and the seed's AH+ESP bundle ("ah-sha-hmac esp-des
# esp-sha-hmac"), on the seed's topology: nfsec on both routers, then
# against Linux XFRM in both roles (every AH algorithm, ESN with a 4096
# window, IPv6, transport mode, the bundle).  What the link carries, and
# what R2 refuses: a flipped byte, a replay; what it must still accept: the
# same packet with other values in the fields AH does not cover (TTL, TOS).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
MARKER=NFSEC-CLEARTEXT-MARKER-7f4c5163
RESEND="$PY $(dirname "$0")/pcap_resend.py"
AH_LIST=$(ah_list)
n_ah=$(echo $AH_LIST | wc -w)

tap_plan $((3 * n_ah + 15))

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

clear_both() { side_clear r1; side_clear r2; }
drops() { json_get "$(ctl_in "$1" -j show crypto engine connections dropped-packet)" "$2" 2>&1; }
sa_stat() { json_get "$(ctl_in "$1" -j sa list)" "$2" 2>&1; }

# pair DESC R1-KIND R2-KIND [ping_both args]: set both ends up, ping.
pair() {
	local d=$1 k1=$2 k2=$3 out
	shift 3
	clear_both
	if out=$(tunnel_r1 "$k1" 2>&1 && tunnel_r2 "$k2" 2>&1) &&
		ping_both "$@"; then
		tap_ok "$d"
	else
		tap_fail "$d" "$out" "$(ctl_in r1 sa list 2>&1)" \
			"$(ctl_in r2 sa list 2>&1)" \
			"$(ip -n r2 -s xfrm state 2>&1 | head -20)" \
			"$(ip netns exec r2 nstat -az 2>/dev/null | grep -i xfrmin | grep -v ' 0 ')"
	fi
}

# capture NS DEV FILE MIN CMD...: what NS sends on DEV while CMD runs,
# waiting for MIN packets.
capture() {
	local ns=$1 dev=$2 file=$3 min=$4
	shift 4
	cap_start "$ns" "$dev" "$file" && "$@"
	cap_stop "$file" "$min"
}

marker_flow() {
	ip netns exec hA $PY -c '
import socket, sys
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(5): u.sendto(sys.argv[1].encode() * 20, ("203.0.113.10", 5001))
' "$MARKER"
	ping_both
}

export TRANSFORM=ah
for AH_ALG in $AH_LIST; do
	pair "AH tunnel, $AH_ALG: nfsec <-> nfsec" nfsec nfsec
done

cap=$(mktemp /tmp/nfsec-ah.XXXXXX)
capture r1 veth-r2 "$cap" 7 marker_flow
ah=$(tcpdump -nr "$cap" 'ip proto 51' 2>/dev/null | wc -l)
other=$(tcpdump -nr "$cap" 'ip and not ip proto 51' 2>/dev/null | wc -l)
if [ "$ah" -ge 6 ] && [ "$other" = 0 ]; then
	tap_ok "R1 sent AH ($ah packets) and no other IPv4"
else
	tap_fail "R1 sent AH ($ah packets) and no other IPv4" \
		"$(tcpdump -vnr "$cap" 2>&1 | head -20)"
fi

for AH_ALG in $AH_LIST; do
	pair "AH tunnel, $AH_ALG: R1 nfsec, R2 XFRM" nfsec xfrm
	pair "AH tunnel, $AH_ALG: R1 XFRM, R2 nfsec" xfrm nfsec
done
AH_ALG="ah-sha256"
EXTRA="esn replay-window 4096" XEXTRA="flag esn replay-window 4096" \
	pair "AH with ESN and a 4096 window: R1 nfsec, R2 XFRM" nfsec xfrm
OUTER=6 INNER=6 pair "AH, IPv6 inside IPv6: R1 nfsec, R2 XFRM" nfsec xfrm -6
OUTER=6 INNER=4 pair "AH, IPv4 inside IPv6: R1 XFRM, R2 nfsec" xfrm nfsec

clear_both
AH_ALG="ah-md5"
if out=$(transport_pair nfsec xfrm 2>&1) &&
	ip netns exec r2 ping -c 2 -i 0.5 -W 3 198.51.100.1 >/dev/null &&
	ip netns exec r1 ping -c 2 -i 0.5 -W 3 198.51.100.2 >/dev/null; then
	tap_ok "AH transport mode, $AH_ALG: R1 nfsec, R2 XFRM"
else
	tap_fail "AH transport mode, $AH_ALG: R1 nfsec, R2 XFRM" "$out" \
		"$(ip -n r2 -s xfrm state 2>&1 | head -20)"
fi

# The seed's transform set: AH over ESP (DES + HMAC-SHA1).
export TRANSFORM=ah-esp
ALG=des-sha1 AH_ALG=ah-sha1
pair "AH+ESP bundle (ah-sha-hmac esp-des esp-sha-hmac): nfsec <-> nfsec" \
	nfsec nfsec
capture r1 veth-r2 "$cap" 7 marker_flow
ah=$(tcpdump -nr "$cap" 'ip proto 51 and ip[20] == 50' 2>/dev/null | wc -l)
other=$(tcpdump -nr "$cap" 'ip and not (ip proto 51 and ip[20] == 50)' \
	2>/dev/null | wc -l)
if [ "$ah" -ge 6 ] && [ "$other" = 0 ]; then
	tap_ok "the bundle: R1 sent AH carrying ESP ($ah packets), nothing else"
else
	tap_fail "the bundle: R1 sent AH carrying ESP ($ah packets), nothing else" \
		"$(tcpdump -vnr "$cap" 2>&1 | head -20)"
fi
tap_expect "the bundle: the marker never crossed the link in the clear" 0 \
	"$(tcpdump -Anr "$cap" 2>/dev/null | grep -c "$MARKER")"
ah_pk=$(json_get "$(ctl_in r2 -j sa list)" 0.stats.packets 2>&1)
esp_pk=$(json_get "$(ctl_in r2 -j sa list)" 1.stats.packets 2>&1)
tap_check "the bundle: R2's inbound AH and ESP SAs both counted ($ah_pk, $esp_pk)" \
	test "${ah_pk:-0}" -ge 6 -a "${esp_pk:-0}" -ge 6
pair "AH+ESP bundle: R1 nfsec, R2 XFRM" nfsec xfrm
pair "AH+ESP bundle: R1 XFRM, R2 nfsec" xfrm nfsec

# What R2 refuses and accepts: one AH packet from R1, captured while R2 had
# no SAs (so its window never saw it).
export TRANSFORM=ah
AH_ALG="ah-sha1"
clear_both
tunnel_r1 nfsec && tunnel_r2 nfsec
ip netns exec hA ping -c 1 -W 3 203.0.113.10 >/dev/null	# neighbours
side_clear r2
capture r1 veth-r2 "$cap" 1 ip netns exec hA ping -c 1 -W 1 203.0.113.10
tunnel_r2 nfsec
auth0=$(drops r2 auth)
ip netns exec r1 $RESEND "$cap" --flip 40 >/dev/null
sleep 0.5
tap_expect "AH: a flipped payload byte is dropped as an ICV mismatch" \
	"$((auth0 + 1)) 1" "$(drops r2 auth) $(sa_stat r2 0.stats.auth_fail)"
ip netns exec r1 $RESEND "$cap" --flip 12 >/dev/null
sleep 0.5
tap_expect "AH: a flipped ICV byte is dropped as an ICV mismatch" \
	"$((auth0 + 2))" "$(drops r2 auth)"
pk0=$(sa_stat r2 0.stats.packets)
ip netns exec r1 $RESEND "$cap" --ttl 9 --tos 0x20 >/dev/null
sleep 0.5
tap_expect "AH: another TTL and TOS (mutable) still verify" $((pk0 + 1)) \
	"$(sa_stat r2 0.stats.packets)"
rep0=$(drops r2 replay)
ip netns exec r1 $RESEND "$cap" >/dev/null
sleep 0.5
tap_expect "AH: the same packet again is dropped as a replay" \
	"$((rep0 + 1)) 1" "$(drops r2 replay) $(sa_stat r2 0.stats.replay)"
rm -f "$cap"

tap_done
