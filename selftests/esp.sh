#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ESP between two nfsec routers with static keys, on the seed's topology
# (hostA - R1 ==== R2 - hostB): every algorithm in tunnel mode, the SPI an
# entry says it sends on, what the link carries (and Wireshark decrypting
# it with the SAs cryptoctl exports), a 10 MB TCP transfer (with
# GRO off and on where the ESP arrives), IPv6 inside and outside, and
# transport mode between the routers themselves.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
MARKER=NFSEC-CLEARTEXT-MARKER-7f4c5163

tap_plan $(($(alg_list | wc -w) + 27))

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

both() { tunnel_r1 nfsec && tunnel_r2 nfsec; }
clear_both() { side_clear r1; side_clear r2; }

for ALG in $(alg_list); do
	clear_both
	if out=$(both 2>&1) && ping_both; then
		tap_ok "tunnel, $ALG: hostA <-> hostB"
	else
		tap_fail "tunnel, $ALG: hostA <-> hostB" "$out" \
			"$(ctl_in r1 sa list 2>&1)" "$(ctl_in r2 sa list 2>&1)"
	fi
done

# What crosses the R1-R2 link while hostA sends a marker in UDP and TCP:
# what each router sends on it (-Q out; inbound, a tap also sees the
# decrypted packets nfsec reinjects, as with XFRM).
ALG=gcm128
clear_both
both

# An entry names the outbound SA it sends on (what cryptod asks before it
# negotiates for an ACQUIRE); one without SAs names none.
ctl_in r1 policy add map m seq 20 peer 198.51.100.2 local 198.51.100.1 \
	rule protect src 192.0.2.0/24 dst 198.51.100.0/24
tap_expect "policy list: out-spi is the SA the entry sends on, none without" \
	"4097 -" \
	"$(ctl_in r1 -j policy list | $PY -c 'import json,sys
print(" ".join(str(e.get("out_spi", "-")) for e in json.load(sys.stdin)))')"
ctl_in r1 policy del map m seq 20

# Every packet a rule matches counts once, whichever CPU sent it (the
# counts are per CPU, kmod/counters.c): 7 echo requests leave R1 under
# seq 10; the replies leave R1 towards hA, where no map is bound.
rule_matches() {
	ctl_in r1 -j policy list | $PY -c 'import json,sys
print([e for e in json.load(sys.stdin) if e["seq"] == 10][0]["rules"][0]["matches"])'
}
m0=$(rule_matches)
ip netns exec hA ping -c 7 -i 0.2 -W 2 203.0.113.10 >/dev/null
tap_expect "the rule counted the 7 echo requests it matched" 7 \
	$(($(rule_matches) - m0))

cap=$(mktemp /tmp/nfsec-cap.XXXXXX)
cap2=$(mktemp /tmp/nfsec-cap.XXXXXX)
cap_start r1 veth-r2 "$cap"
cap_start r2 veth-r1 "$cap2"
ip netns exec hB $PY -c '
import socket
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("0.0.0.0", 5002)); s.listen(1); s.settimeout(20)
c, _ = s.accept(); c.recv(4096)' &
srv=$!
sleep 0.5
ip netns exec hA $PY -c '
import socket, sys
m = sys.argv[1].encode() * 20
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(5): u.sendto(m, ("203.0.113.10", 5001))
t = socket.create_connection(("203.0.113.10", 5002), timeout=20); t.sendall(m)
t.close()' "$MARKER"
wait $srv
ip netns exec hA ping -c 1 -W 2 203.0.113.10 >/dev/null
cap_stop "$cap" 9
cap_stop "$cap2" 5
esp=$(cat <(tcpdump -nr "$cap" esp 2>/dev/null) \
	<(tcpdump -nr "$cap2" esp 2>/dev/null) | wc -l)
clear=$(cat <(tcpdump -nr "$cap" 'ip and not esp' 2>/dev/null) \
	<(tcpdump -nr "$cap2" 'ip and not esp' 2>/dev/null) | wc -l)
if [ "$esp" -gt 10 ] && [ "$clear" = 0 ]; then
	tap_ok "the link carried ESP ($esp packets) and no other IPv4"
else
	tap_fail "the link carried ESP ($esp packets) and no other IPv4" \
		"$(tcpdump -vnr "$cap" 'ip and not esp' 2>&1 | head -20)"
fi
tap_expect "the marker never crossed the link in the clear" 0 \
	"$(cat <(tcpdump -Anr "$cap" 2>/dev/null) \
		<(tcpdump -Anr "$cap2" 2>/dev/null) | grep -c "$MARKER")"

# Wireshark decrypts what R1 sent with the SAs cryptoctl exports in its
# esp_sa table (saved where tshark reads its preferences): the ping and
# the marker's five datagrams are inside, and nothing without the table.
ws=$(mktemp -d /tmp/nfsec-ws.XXXXXX)
mkdir "$ws/wireshark" "$ws/none"
ctl_in r1 show crypto ipsec sa keys --wireshark >"$ws/wireshark/esp_sa"
ws_count() { # CONFIG-HOME FILTER
	XDG_CONFIG_HOME=$1 tshark -n -r "$cap" \
		-o esp.enable_encryption_decode:TRUE -Y "$2" 2>/dev/null | wc -l
}
ws_with="tshark with cryptoctl's esp_sa finds the echo request in ESP"
ws_without="tshark without it finds nothing inside"
if ! userland_only "$ws_with" "$ws_without"; then
	tap_expect "$ws_with" "1 5" "$(ws_count "$ws" icmp.type==8) \
$(ws_count "$ws" "udp.dstport==5001 && data contains \"${MARKER:0:16}\"")"
	tap_expect "$ws_without" "0" \
		"$(ws_count "$ws/none" "icmp || udp.dstport==5001")"
fi
rm -rf "$cap" "$cap2" "$ws"

# show crypto ipsec sa interface IF (typed as admins do, "sh cry ips sa
# int"): the block of the map bound to IF, and
# nothing (text or -j) for an interface without one.
tap_expect "show crypto ipsec sa interface: veth-r2's block, none for lo" \
	"1 0 0" "$(ctl_in r1 sh cry ips sa int veth-r2 | grep -c '^interface: veth-r2$') \
$(ctl_in r1 show crypto ipsec sa interface lo | grep -c .) \
$(ctl_in r1 -j show crypto ipsec sa interface lo | $PY -c 'import json,sys
print(len(json.load(sys.stdin)))')"

# IOS's output modifiers: only the lines the regex picks, the rest of the
# words being the regex ("#pkts encaps").
tap_expect "sh cry ips sa | inc #pkts encaps: the counter lines only" "ok" \
	"$(ctl_in r1 sh cry ips sa '|' inc '#pkts' encaps | awk '
		!/^    #pkts encaps: [0-9]+, / { bad = 1 }
		END { print (NR > 0 && !bad) ? "ok" : "bad, " NR " lines" }')"

# show crypto engine configuration: the drivers the SAs run on, AES-GCM's
# among them (every algorithm list has gcm128).
tap_expect "sh cry eng conf: the engine and AES-GCM's driver" "nfsec rfc4106(gcm(aes))" \
	"$(ctl_in r1 sh cry eng conf | awk '/engine name:/ { n = $3 }
		$1 == "rfc4106(gcm(aes))" && NF >= 3 { a = $1 }
		END { print n, a }')"

# show crypto ipsec sa address: every SA once, under its destination.
tap_expect "sh cry ips sa addr: every SA, grouped by destination" \
	"Number of lines which match regexp = $(ctl_in r1 -j sa list | $PY -c 'import json,sys
print(len(json.load(sys.stdin)))')" \
	"$(ctl_in r1 sh cry ips sa addr '|' count 'spi: 0x')"

# tcp_10mb: 10 MB from hA to hB over TCP; prints the SHA-256 sent and the
# one received.
tcp_10mb() { tcp_xfer hA hB 203.0.113.10 5003 10; }

# r2_in_packets: packets R2's inbound SA decrypted.
r2_in_packets() {
	ctl_in r2 -j sa list | $PY -c 'import json, sys
print(sum(s["stats"]["packets"] for s in json.load(sys.stdin) if s["dir"] == "in"))'
}

# r2_to_hb: packets R2 sent to hB (a GSO packet counts once).
r2_to_hb() {
	ip -n r2 -j -s link show veth-hB | $PY -c 'import json, sys
print(json.load(sys.stdin)[0]["stats64"]["tx"]["packets"])'
}

# tcp_through_r2: tcp_10mb, then how many packets R2 decrypted and how many
# it sent on to hB meanwhile.
tcp_through_r2() {
	local in0 fw0 sums
	in0=$(r2_in_packets) && fw0=$(r2_to_hb) || return 1
	sums=$(tcp_10mb)
	echo "$sums $(($(r2_in_packets) - in0)) $(($(r2_to_hb) - fw0))"
}

# transfer: tcp_through_r2 into sum_out, sum_in, dec and fwd; a transfer
# that failed leaves its error in sum_out (never an empty one, which would
# match an empty sum_in) and the counts at 0.
transfer() {
	read -r sum_out sum_in dec fwd <<<"$(tcp_through_r2)"
	[ -n "${sum_out:-}" ] || sum_out="no transfer: counters unreadable"
	[[ ${dec:-} =~ ^[0-9]+$ && ${fwd:-} =~ ^[0-9]+$ ]] || dec=0 fwd=0
}

# 10 MB over TCP through the tunnel: same SHA-256 at both ends.
transfer
tap_expect "10 MB over TCP arrive intact (SHA-256)" "$sum_out" "$sum_in"
pkts=$(json_get "$(ctl_in r1 -j sa list)" 1.stats.packets 2>&1)
tap_check "R1's outbound SA counted the transfer ($pkts packets)" \
	test "${pkts:-0}" -gt 7000
# veth has GRO off by default: every decrypted segment goes on by itself.
tap_check "GRO off: R2 sent on each decrypted packet ($dec decrypted, $fwd sent on)" \
	test "${dec:-0}" -gt 7000 -a "${fwd:-0}" -ge $((${dec:-0} * 9 / 10))

# With GRO on where the ESP arrives, R2 merges the decrypted segments
# (gro.c) and sends them on to hB as fewer, larger packets: 1 in 11 to
# 1 in 14 measured on stock 6.1 under TCG, 1 in 2 to 1 in 4.5 on the slower
# debug kernel, where fewer segments arrive per poll.  Without merging it
# would be 1 in 1.
ip netns exec r2 ethtool -K veth-r1 gro on >/dev/null
transfer
ip netns exec r2 ethtool -K veth-r1 gro off >/dev/null
tap_expect "GRO on: 10 MB over TCP arrive intact (SHA-256)" "$sum_out" "$sum_in"
tap_check "GRO on: R2 merged decrypted segments ($dec decrypted, $fwd sent on)" \
	test "${dec:-0}" -gt 3000 -a "${fwd:-0}" -gt 0 -a \
	"${fwd:-0}" -le $((${dec:-0} * 3 / 4))

# IPv6 inside and outside, and mixed.
for combo in "6 6" "4 6" "6 4"; do
	read -r INNER OUTER <<<"$combo"
	clear_both
	fam=; [ "$INNER" = 6 ] && fam=-6
	if out=$(INNER=$INNER OUTER=$OUTER both 2>&1) && ping_both $fam; then
		tap_ok "tunnel, IPv$INNER inside IPv$OUTER"
	else
		tap_fail "tunnel, IPv$INNER inside IPv$OUTER" "$out"
	fi
done
INNER=4 OUTER=4

# Transport mode between the routers' own addresses.
clear_both
tap_check "transport mode set up between R1 and R2" transport_pair nfsec nfsec
tap_check "transport mode: R1 pings R2" \
	ip netns exec r1 ping -c 2 -i 0.5 -W 3 198.51.100.2
sa_pkts=$(json_get "$(ctl_in r2 -j sa list)" 0.stats.packets 2>&1)
tap_check "transport mode: R2's inbound SA decrypted them ($sa_pkts)" \
	test "${sa_pkts:-0}" -ge 2

# TCP between the routers in transport mode, each way, IPv4 with AES-GCM
# (R1 sends first) and IPv6 with ChaCha20 (R2 first): the first sender's
# full-sized segments are too big once ESP is added, so its route to the
# peer learns a PMTU lower by the SA's overhead, once, while the ESP
# packets still leave at the link's 1500.  (The second sender is told the
# lower MSS in the SYN-ACK.)  A stack that judged the ESP packet against
# that lowered route lowered it again for every segment, down to where no
# segment fitted.
for combo in "4 gcm128 r1 r2 198.51.100.1 198.51.100.2" \
	"6 chacha20 r2 r1 2001:db8:1::2 2001:db8:1::1"; do
	read -r OUTER ALG first second a b <<<"$combo"
	clear_both
	transport_pair nfsec nfsec
	xfer_ok "transport, IPv$OUTER $ALG: 1 MB of TCP $first -> $second" \
		"$first" "$second" "$b" 5011
	m=$(route_mtu "$first" "$b")
	tap_check "transport, IPv$OUTER: $first's route lost ESP's overhead \
once (mtu ${m:-none})" test "${m:-0}" -gt 1400 -a "${m:-0}" -lt 1500
	xfer_ok "transport, IPv$OUTER $ALG: 1 MB of TCP $second -> $first" \
		"$second" "$first" "$a" 5012
done
OUTER=4 ALG=gcm128

tap_done
