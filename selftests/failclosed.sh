#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Protection that must not fail open:
# - fragments: a UDP datagram a port-specific protect rule covers leaves R1
#   only as ESP, every fragment of it, IPv4 and IPv6, without conntrack
#   (R1 sees the fragments) and with it (R1 sees the reassembled datagram,
#   and fragments an IPv6 one again), and hostB gets it whole;
# - the inbound exemption of IKE, ESP and AH covers the router's own
#   addresses only: cleartext UDP 500 or ESP to a host behind R2 is judged
#   by R2's crypto map and dropped;
# - a manual SA (no selectors) brings in only what its crypto map entry
#   protects, mirrored: a peer holding its keys cannot inject other sources;
# - an outbound SA whose sequence numbers run out raises a soft, then a
#   hard EXPIRE (limit sequence), stops carrying traffic and is deleted;
# - SAs deleted and added again while traffic flows (use-after-free under
#   KASAN on the debug kernel).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1

tap_plan 19

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

drops() { json_get "$(ctl_in "$1" -j show crypto engine connections dropped-packet)" "$2" 2>&1; }

ALG=gcm128
MODE=tunnel

# frag_side NS DEV ME PEER SPI_OUT SPI_IN SEED_OUT SEED_IN RULE...: map m
# entry 10 on NS with the RULEs (each a string of cryptoctl rule words),
# bound to DEV, with its two SAs.
frag_side() {
	local R=$1 dev=$2 ME=$3 PEER=$4 so=$5 si=$6 eo=$7 ei=$8 r rules=()
	shift 8
	for r in "$@"; do
		read -ra w <<<"$r"
		rules+=(rule "${w[@]}")
	done
	ctl_in "$R" policy add map m seq 10 peer "$PEER" local "$ME" \
		mode tunnel "${rules[@]}" && ctl_in "$R" map bind m "$dev" &&
		nfsec_esp_sa in "$si" "$PEER" "$ME" "$ei" &&
		nfsec_esp_sa out "$so" "$ME" "$PEER" "$eo"
}

# Only UDP to port 9999 is protected, IPv4 and IPv6 alike.
frag_tunnel() {
	frag_side r1 veth-r2 198.51.100.1 198.51.100.2 0x1001 0x2001 11 22 \
		"protect proto udp src 192.0.2.0/24 dst 203.0.113.0/24 dport 9999" \
		"protect proto udp src 2001:db8:a::/64 dst 2001:db8:b::/64 dport 9999" &&
	frag_side r2 veth-r1 198.51.100.2 198.51.100.1 0x2001 0x1001 22 11 \
		"protect proto udp src 203.0.113.0/24 dst 192.0.2.0/24 sport 9999" \
		"protect proto udp src 2001:db8:b::/64 dst 2001:db8:a::/64 sport 9999"
}

# udp_recv NS FAMILY PORT FILE: one datagram into FILE (its length), in the
# background; returns once the socket is bound.
udp_recv() {
	local ns=$1 fam=$2 port=$3 file=$4 i
	rm -f "$file" "$file.up"
	ip netns exec "$ns" $PY -c '
import socket, sys
fam = socket.AF_INET6 if sys.argv[1] == "6" else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)
s.bind(("::" if sys.argv[1] == "6" else "0.0.0.0", int(sys.argv[2])))
open(sys.argv[3] + ".up", "w").close()
s.settimeout(10)
try:
    n = len(s.recv(65535))
except OSError:
    n = 0
open(sys.argv[3], "w").write(str(n))' "$fam" "$port" "$file" &
	recv_pid=$!
	for i in $(seq 100); do
		[ ! -e "$file.up" ] || return 0
		sleep 0.1
	done
	return 1
}

# udp_send NS ADDR PORT LEN: one datagram of LEN bytes (fragmented by the
# sender when larger than its link's MTU).
udp_send() {
	ip netns exec "$1" $PY -c '
import socket, sys
fam = socket.AF_INET6 if ":" in sys.argv[1] else socket.AF_INET
s = socket.socket(fam, socket.SOCK_DGRAM)
s.sendto(b"x" * int(sys.argv[3]), (sys.argv[1], int(sys.argv[2])))' "$2" "$3" "$4"
}

# frag_case WHAT DST: a 3000-byte datagram from hostA to DST:9999; every
# packet R1 sends on the link must be ESP, and hostB must get it whole.
# It is sent twice, a second apart, as an application would retry: an
# IPv6 fragment too big for the tunnel gets a Packet Too Big (IPv6 leaves
# fragmenting to the source), and the second try uses the smaller MTU.
frag_case() {
	local what=$1 dst=$2 fam=4 cap got clear esp
	[[ $dst != *:* ]] || fam=6
	cap=$(mktemp /tmp/nfsec-frag.XXXXXX)
	udp_recv hB "$fam" 9999 "$cap.len" || { tap_fail "$what: receiver"; return; }
	cap_start r1 veth-r2 "$cap" "ip or ip6"
	udp_send hA "$dst" 9999 3000
	sleep 1
	[ -s "$cap.len" ] || udp_send hA "$dst" 9999 3000
	wait "$recv_pid"
	cap_stop "$cap" 2
	got=$(cat "$cap.len" 2>/dev/null)
	clear=$(cap_count "$cap" "not esp and not icmp6")
	esp=$(cap_count "$cap" esp)
	if [ "$clear" = 0 ] && [ "$esp" -gt 0 ] && [ "$got" = 3000 ]; then
		tap_ok "$what: only ESP on the link ($esp packets), datagram delivered"
	else
		tap_fail "$what: only ESP on the link, datagram delivered" \
			"cleartext packets: $clear, ESP: $esp, hostB got: ${got:-nothing}" \
			"$(tcpdump -nr "$cap" 2>/dev/null | head -8)"
	fi
	rm -f "$cap" "$cap.len" "$cap.len.up"
}

# The neighbours first, so the captures see only the datagrams.
ip netns exec hA ping -c 1 -W 3 203.0.113.10 >/dev/null
ip netns exec hA ping -c 1 -W 3 2001:db8:b::10 >/dev/null
tap_check "tunnel protecting UDP port 9999 set up" frag_tunnel
frag_case "IPv4 fragments, no conntrack" 203.0.113.10
frag_case "IPv6 fragments, no conntrack" 2001:db8:b::10

# Conntrack on R1: the datagram is reassembled before nfsec sees it.
ct_on() {
	ip netns exec r1 nft -f - <<-EOF
		table inet nfsectest {
			chain track {
				type filter hook forward priority 0; policy accept;
				ct state new,established,related accept
			}
		}
	EOF
}
tap_check "conntrack on in R1 (nft)" ct_on
frag_case "IPv4 fragments, conntrack on R1" 203.0.113.10
# R1 fragments the reassembled IPv6 datagram again before encrypting it,
# as XFRM does: R2 could not forward 3000 decrypted bytes to hostB (IPv6
# routers do not fragment).
frag_case "IPv6 fragments, conntrack on R1" 2001:db8:b::10
ip netns exec r1 nft delete table inet nfsectest

# Cleartext IKE and ESP arriving at R2: to R2 itself they are IKE and ESP;
# to hostB, behind R2, they are traffic R2's map protects.  R1 sends
# without protection (its map unbound), as a spoofer on the link would.
side_clear r1
side_clear r2
ALG=gcm128 tunnel_r1 nfsec && ALG=gcm128 tunnel_r2 nfsec
ctl_in r1 map unbind veth-r2
clr0=$(drops r2 cleartext)
tmp=$(mktemp /tmp/nfsec-exempt.XXXXXX)
udp_recv hB 4 500 "$tmp"
udp_send hA 203.0.113.10 500 64
wait "$recv_pid"
tap_expect "cleartext UDP to port 500 of a protected host is not delivered" \
	0 "$(cat "$tmp" 2>/dev/null)"
cap_start r2 veth-hB "$tmp.cap" esp
ip netns exec hA $PY -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, 50)
s.sendto(b"\0\0\x10\x01" + b"\0" * 60, ("203.0.113.10", 0))'
sleep 1
cap_stop "$tmp.cap" 1
tap_expect "cleartext ESP to a protected host is not delivered" \
	0 "$(cap_count "$tmp.cap")"
tap_check "R2 counted both as cleartext drops" \
	test "$(drops r2 cleartext)" -ge $((clr0 + 2))
# R2's own address is exempt: a map entry covering R1 -> R2 itself.
ctl_in r2 policy add map m seq 5 peer 198.51.100.1 local 198.51.100.2 \
	rule protect src 198.51.100.2/32 dst 198.51.100.1/32
udp_recv r2 4 500 "$tmp"
udp_send r1 198.51.100.2 500 64
wait "$recv_pid"
tap_expect "cleartext UDP to port 500 of R2 itself is delivered (IKE)" \
	64 "$(cat "$tmp" 2>/dev/null)"
rm -f "$tmp" "$tmp.up" "$tmp.cap"
ctl_in r1 map bind m veth-r2

# A manual SA has no selectors: what it may bring in is what its crypto
# map entry protects, mirrored.  R2 holds the keys of the SA to R1 and
# sends its own address's traffic (outside R1's access list) through it;
# R1 decrypts it and must not forward it to hostA.
side_clear r1
side_clear r2
frag_side r1 veth-r2 198.51.100.1 198.51.100.2 0x1001 0x2001 11 22 \
	"protect src 192.0.2.0/24 dst 203.0.113.0/24"
frag_side r2 veth-r1 198.51.100.2 198.51.100.1 0x2001 0x1001 22 11 \
	"protect dst 192.0.2.0/24"
tap_check "manual SAs: hostA and hostB ping each other through them" ping_both
sel0=$(drops r1 selector)
tmp=$(mktemp /tmp/nfsec-sel.XXXXXX)
cap_start r1 veth-hA "$tmp" icmp and src host 198.51.100.2
ip netns exec r2 ping -c 2 -W 1 -I 198.51.100.2 192.0.2.10 >/dev/null 2>&1
cap_stop "$tmp" 1
tap_expect "manual SA: traffic from outside R1's access list is dropped after decryption, counted" \
	"0 yes" \
	"$(cap_count "$tmp") $([ "$(drops r1 selector)" -ge $((sel0 + 2)) ] && echo yes)"
rm -f "$tmp"

# Sequence numbers run out: R1's outbound SA starts 2 short of 2^32 - 1.
side_clear r1
side_clear r2
tunnel_r1 nfsec && tunnel_r2 nfsec
ctl_in r1 sa del spi 0x1001 dst 198.51.100.2
ev=$(mktemp /tmp/nfsec-ev.XXXXXX)
timeout 60 "$CRYPTOCTL" -n r1 -j monitor >"$ev" &
mpid=$!
sleep 0.5
exp0=$(drops r1 expired)
R=r1 EXTRA="start-seq 4294967293" nfsec_esp_sa out 0x1001 198.51.100.1 \
	198.51.100.2 11
ok=0
for i in 1 2 3 4; do
	ip netns exec hA ping -c 1 -W 1 203.0.113.10 >/dev/null && ok=$((ok + 1))
done
sleep 2
kill $mpid; wait $mpid 2>/dev/null
tap_expect "the last two sequence numbers carry two pings, then none" 2 "$ok"
tap_check "soft EXPIRE (sequence) while numbers were left" \
	grep -q '"hard":false,"limit":"sequence"' "$ev"
tap_check "hard EXPIRE (sequence) once they ran out, then the deletion" \
	bash -c "grep -q '\"hard\":true,\"limit\":\"sequence\"' $ev &&
		grep -q '\"event\":\"DELETE\"' $ev"
tap_check "the packet past the last number was dropped as expired" \
	test "$(drops r1 expired)" -gt "$exp0"
tap_check "the exhausted SA is gone" \
	bash -c "! $CRYPTOCTL -n r1 -j sa list | grep -q '\"dir\":\"out\"'"
rm -f "$ev"

# Deleting the SA an entry sends on while packets use it, 30 times.
side_clear r1
side_clear r2
tunnel_r1 nfsec && tunnel_r2 nfsec
ip netns exec hA ping -f -c 100000 -W 1 203.0.113.10 >/dev/null 2>&1 &
fpid=$!
fails=0
for i in $(seq 30); do
	ctl_in r1 sa del spi 0x1001 dst 198.51.100.2 >/dev/null ||
		fails=$((fails + 1))
	R=r1 nfsec_esp_sa out 0x1001 198.51.100.1 198.51.100.2 11 ||
		fails=$((fails + 1))
done
kill $fpid 2>/dev/null; wait $fpid 2>/dev/null
tap_expect "30 deletions and re-adds of the outbound SA under a flood" 0 "$fails"
# R1's last SA starts again at sequence number 1: R2's window must too.
ctl_in r2 sa del spi 0x1001 dst 198.51.100.2
R=r2 nfsec_esp_sa in 0x1001 198.51.100.1 198.51.100.2 11
tap_check "the tunnel still carries traffic afterwards" ping_both

tap_done
