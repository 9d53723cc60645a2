#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# What nfsec refuses and reports: a flipped byte, a replayed packet, an
# unknown SPI and cleartext that should have been protected are dropped and
# counted; lifetimes raise soft and hard EXPIRE events and the hard one
# removes the SA; a packet with no SA raises ACQUIRE, waits, and goes out
# once the SA is added.  An ICMP "fragmentation needed" quoting an outer
# ESP packet lowers the tunnel's path MTU; one quoting an unknown SPI does
# not.  In transport mode it lowers the SA's path MTU, and the router's own
# traffic learns what fits inside ESP on that path.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
RESEND="$PY $(dirname "$0")/pcap_resend.py"

tap_plan 20

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

drops() { json_get "$(ctl_in "$1" -j show crypto engine connections dropped-packet)" "$2" 2>&1; }
sa_stat() { json_get "$(ctl_in "$1" -j sa list)" "$2" 2>&1; }

ALG=cbc-sha256
tunnel_r1 nfsec && tunnel_r2 nfsec

# One real ESP packet from R1 to R2, captured on the way out while R2 has
# no SA for it (so R2's window never saw its sequence number); R2 then gets
# its SAs back, fresh.
cap=$(mktemp /tmp/nfsec-neg.XXXXXX)
ip netns exec hA ping -c 1 -W 3 203.0.113.10 >/dev/null	# ARP, neighbours
cap_start r1 veth-r2 "$cap" esp
side_clear r2
ip netns exec hA ping -c 1 -W 1 203.0.113.10 >/dev/null
cap_stop "$cap" 1
tunnel_r2 nfsec

auth0=$(drops r2 auth)
ip netns exec r1 $RESEND "$cap" --flip 40 >/dev/null
sleep 0.5
tap_expect "a flipped byte is dropped as an ICV mismatch" $((auth0 + 1)) \
	"$(drops r2 auth)"
tap_expect "the SA counts it (verify failed)" 1 "$(sa_stat r2 0.stats.auth_fail)"

rep0=$(drops r2 replay)
pk0=$(sa_stat r2 0.stats.packets)
ip netns exec r1 $RESEND "$cap" --count 3 >/dev/null
sleep 0.5
tap_expect "the intact packet is accepted once, then dropped twice as a replay" \
	"$((pk0 + 1)) $((rep0 + 2))" "$(sa_stat r2 0.stats.packets) $(drops r2 replay)"
tap_expect "the SA counts the replays" 2 "$(sa_stat r2 0.stats.replay)"

spi0=$(drops r2 unknown_spi)
ip netns exec r1 $RESEND "$cap" --spi deadbeef >/dev/null
sleep 0.5
tap_expect "ESP with an unknown SPI is dropped and counted" $((spi0 + 1)) \
	"$(drops r2 unknown_spi)"
rm -f "$cap"

# R1 stops protecting: R2 must not accept the cleartext.
clr0=$(drops r2 cleartext)
ctl_in r1 map unbind veth-r2
if ip netns exec hA ping -c 1 -W 2 203.0.113.10 >/dev/null; then
	tap_fail "cleartext a crypto map protects is not delivered"
else
	tap_ok "cleartext a crypto map protects is not delivered"
fi
tap_check "R2 counted the cleartext drop" \
	test "$(drops r2 cleartext)" -gt "$clr0"
ctl_in r1 map bind m veth-r2

# lifetime_run SECONDS "LIMITS" PING_ARGS...: fresh SAs, R1's outbound one
# with LIMITS, hostA pings hostB with PING_ARGS while cryptoctl monitor on
# R1 (for at most SECONDS) writes the events to $ev.
lifetime_run() {
	local secs=$1 limits=$2 mpid
	shift 2
	side_clear r1
	side_clear r2
	tunnel_r2 nfsec
	ev=$(mktemp /tmp/nfsec-ev.XXXXXX)
	timeout "$secs" "$CRYPTOCTL" -n r1 -j monitor >"$ev" &
	mpid=$!
	sleep 0.5
	EXTRA="$limits" tunnel_r1 nfsec
	ip netns exec hA ping "$@" -W 1 203.0.113.10 >/dev/null
	sleep 2
	kill $mpid; wait $mpid 2>/dev/null
}

# Lifetimes: soft at 1 KB, hard at 2 KB on R1's outbound SA.
lifetime_run 60 "soft-bytes 1024 hard-bytes 2048" -c 20 -i 0.1 -s 200
tap_check "soft and hard EXPIRE (bytes) reached cryptoctl monitor" \
	grep -q '"hard":false,"limit":"bytes"' "$ev"
tap_check "the hard EXPIRE came, then the SA's deletion" \
	bash -c "grep -q '\"hard\":true,\"limit\":\"bytes\"' $ev &&
		grep -q '\"event\":\"DELETE\"' $ev"
if ctl_in r1 -j sa list | grep -q '"dir":"out"'; then
	tap_fail "the expired outbound SA is gone" "$(ctl_in r1 sa list)"
else
	tap_ok "the expired outbound SA is gone"
fi
rm -f "$ev"

# The same far from the limits: each CPU counts on its own, folding into
# the SA's count once per batch (kmod/lifetime.c), and both limits still
# fire once about 1 MB and 1.5 MB of ~1.2 kB packets have gone through.
lifetime_run 120 "soft-bytes 1000000 hard-bytes 1500000" -f -c 1500 -s 1200
tap_check "soft and hard EXPIRE at 1 MB and 1.5 MB (bytes counted per CPU)" \
	bash -c "grep -q '\"hard\":false,\"limit\":\"bytes\"' $ev &&
		grep -q '\"hard\":true,\"limit\":\"bytes\"' $ev"
rm -f "$ev"
# The flood went on past the hard limit, so packets wait in the hold queue
# for a new SA.  Deleting the entry drops them at once: they must not keep
# other entries' packets out of the queue until they expire.
ns0=$(drops r1 no_sa)
ctl_in r1 policy del map m seq 10
ns1=$(drops r1 no_sa)
if [ "$ns1" -gt "$ns0" ]; then
	tap_ok "deleting an entry drops the packets held for it ($((ns1 - ns0)))"
else
	tap_fail "deleting an entry drops the packets held for it" \
		"no_sa drops $ns0 before, $ns1 after"
fi

# No SA yet: ACQUIRE, the packet waits, and leaves once the SA exists.
# Fresh SAs on R2 too: its inbound window saw R1's earlier sequence numbers.
side_clear r1
side_clear r2
tunnel_r2 nfsec
ev=$(mktemp /tmp/nfsec-ev.XXXXXX)
ip netns exec r1 timeout 60 "$CRYPTOCTL" -j monitor count 1 >"$ev" &
mpid=$!
sleep 0.5
R=r1 DEV=veth-r2 ME=198.51.100.1 PEER=198.51.100.2 LNET=192.0.2.0/24 \
	RNET=203.0.113.0/24 MODE=tunnel
ctl_in r1 policy add map m seq 10 peer $PEER local $ME \
	rule protect src $LNET dst $RNET
ctl_in r1 map bind m veth-r2
ip netns exec hA ping -c 1 -W 15 203.0.113.10 >/dev/null &
ppid=$!
wait $mpid
tap_check "a packet with no SA raised ACQUIRE for map m seq 10" \
	grep -q '"event":"ACQUIRE","map":"m","seq":10' "$ev"
# Only the SAs are added now (the policy and binding exist already):
# deleting the entry would drop what it holds.
SPI_IN=0x2001 SPI_OUT=0x1001
nfsec_esp_sa in $SPI_IN $PEER $ME 22
nfsec_esp_sa out $SPI_OUT $ME $PEER 11
if wait $ppid; then
	tap_ok "the held packet went out once the SA was added"
else
	tap_fail "the held packet went out once the SA was added" \
		"$(cat "$ev")" "$(ctl_in r1 show crypto engine connections dropped-packet)"
fi
rm -f "$ev"

# PMTU: R2's link "shrinks" to 1200 for R1's ESP packets.
cap=$(mktemp /tmp/nfsec-neg.XXXXXX)
cap_start r1 veth-r2 "$cap" esp
ip netns exec hA ping -c 1 -W 3 203.0.113.10 >/dev/null
cap_stop "$cap" 1
too_big() { ip netns exec r2 $RESEND "$cap" "$@" 2>&1 | grep -q '^sent ICMP'; }
if too_big --spi deadbeef --too-big 600; then
	sleep 0.5
	tap_expect "ICMP quoting an SPI that is not R1's changes no path MTU" "" \
		"$(route_mtu r1 198.51.100.2)"
else
	tap_fail "ICMP quoting an SPI that is not R1's changes no path MTU" \
		"no ESP packet from R1 in the capture"
fi
too_big --too-big 1200
sleep 0.5
tap_expect "ICMP quoting R1's ESP lowers the path MTU to the peer" 1200 \
	"$(route_mtu r1 198.51.100.2)"
ip netns exec hA ping -M "do" -s 1300 -c 1 -W 2 203.0.113.10 >/dev/null 2>&1
mtu=$(route_mtu hA 203.0.113.10)
tap_check "a 1328-byte DF packet into the tunnel: hostA learns PMTU ${mtu:-none}" \
	test "${mtu:-0}" -ge 1100 -a "${mtu:-0}" -lt 1200

# The same in transport mode, where the route to the peer is also the inner
# packets' own: R1's transport ESP is reported too big at 1200; a 1178-byte
# DF ping from R1 itself lowers R1's route to what fits inside ESP at 1200,
# and TCP then moves 1 MB in ESP packets of 1200 bytes at most.
side_clear r1; side_clear r2
transport_pair nfsec nfsec
cap_start r1 veth-r2 "$cap" esp
ip netns exec r1 ping -c 1 -W 3 198.51.100.2 >/dev/null
cap_stop "$cap" 1
too_big --too-big 1200
sleep 0.5
ip netns exec r1 ping -M "do" -s 1150 -c 1 -W 2 198.51.100.2 >/dev/null 2>&1
mtu=$(route_mtu r1 198.51.100.2)
tap_check "transport, a 1178-byte DF ping from R1: its route learns ${mtu:-none}" \
	test "${mtu:-0}" -ge 1100 -a "${mtu:-0}" -lt 1200
cap_start r1 veth-r2 "$cap" esp
xfer_ok "transport, 1 MB of TCP from R1 under that path MTU" \
	r1 r2 198.51.100.2 5013
cap_stop "$cap" 1
big=$(cap_count "$cap" greater 1215) all=$(cap_count "$cap")
tap_expect "transport, none of R1's $all ESP packets was over 1200 bytes" \
	0 "$big"
rm -f "$cap"

tap_done
