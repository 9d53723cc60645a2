#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bad netlink input, command by command: missing, oversized, wrong-type and
# out-of-range attributes are refused with an errno and an extack message,
# and nothing is left half-installed.  A dump the table changes under
# (NLM_F_DUMP_INTR) is read to its end and done again.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
# Dumps of a churning SAD (NFSEC_SELFTEST_DUMPS, 30; the debug kernel 10)
DUMPS=${NFSEC_SELFTEST_DUMPS:-30}
GENL="$PY $(dirname "$0")/genl.py"

# Commands and attributes (uapi/linux/nfsec.h), the whole table.
# shellcheck disable=SC2034
{
	NEW_SA=2 UPDATE_SA=3 DEL_SA=4 GET_SA=5 ALLOC_SPI=6 NEW_POLICY=7
	DEL_POLICY=8 GET_POLICY=9 BIND_MAP=10 UNBIND_MAP=11 FLUSH=13
	A_SA=5 A_POLICY=6 A_MAP_NAME=7 A_IFINDEX=8 A_SPI_MIN=10 A_SPI_MAX=11
	A_FLUSH_SCOPE=12 A_RULES=19
}

V4A=c6336401 V4B=c6336402 V6=20010db8000000000000000000000001
# A well-formed ESP SA (AES-GCM-128), to be spoiled one attribute at a time.
sa() {
	local spi=${SPI:-"(2,'u32',0x1001)"}
	echo "[(5,'nest',[$spi,(3,'u8',50),(4,'u8',2),(5,'raw','$V4A'),(6,'raw','$V4B'),(7,'u8',1),(9,'u8',5),(10,'raw','${KEY:-000102030405060708090a0b0c0d0e0f10111213}')${MORE:-}])]"
}
# A crypto map entry with one protect rule.
pol() {
	echo "[(6,'nest',[(2,'str','${MAP:-m}'),(3,'u32',10),(4,'u8',2),(5,'raw','$V4B')${PMORE:-},(12,'nest',[(1,'nest',[(2,'u8',${ACTION:-0}),(3,'nest',[(1,'u8',2)${SMORE:-}])])])])]"
}

# bad DESC WANT-ERRNO CMD SPEC...
bad() {
	local d=$1 want=$2 cmd=$3 out err ext
	shift 3
	out=$(ip netns exec nl $GENL "$cmd" "$@" 2>&1)
	err=$(sed -n 's/^errno=//p' <<<"$out")
	ext=$(sed -n 's/^extack=//p' <<<"$out")
	if [ "$err" = "$want" ] && [ -n "$ext" ]; then
		tap_ok "$d: errno $err, \"$ext\""
	else
		tap_fail "$d" "want errno $want and a message" "$out"
	fi
}

tap_plan 46

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
ns_add nl

bad "NEW_SA without NFSEC_A_SA" 22 $NEW_SA
bad "NEW_SA without an SPI" 22 $NEW_SA "$(SPI="(4,'u8',2)" sa)"
bad "NEW_SA with a reserved SPI (1)" 34 $NEW_SA "$(SPI="(2,'u32',1)" sa)"
bad "NEW_SA with the SPI as a u8" 22 $NEW_SA "$(SPI="(2,'u8',7)" sa)"
bad "NEW_SA with a 40-byte key" 34 $NEW_SA \
	"$(KEY=$(printf '00%.0s' {1..40}) sa)"
bad "NEW_SA with protocol 52" 34 $NEW_SA "$(sa | sed "s/(3,'u8',50)/(3,'u8',52)/")"
bad "NEW_SA with an IPv6-sized address for IPv4" 22 $NEW_SA \
	"$(sa | sed "s/(6,'raw','$V4B')/(6,'raw','$V6')/")"
bad "NEW_SA with a 10-byte AES-GCM key" 22 $NEW_SA "$(KEY=00112233445566778899 sa)"
bad "NEW_SA with an auth algorithm for AES-GCM" 22 $NEW_SA \
	"$(MORE=",(11,'u8',2)" sa)"
bad "NEW_SA with the reply-only conn id" 22 $NEW_SA "$(MORE=",(19,'u32',5)" sa)"
bad "NEW_SA with ESN and no replay window" 22 $NEW_SA \
	"$(MORE=",(13,'flag',''),(14,'u32',0)" sa)"
bad "NEW_SA with a 5000-packet window" 34 $NEW_SA "$(MORE=",(14,'u32',5000)" sa)"
bad "NEW_SA with soft bytes above hard" 22 $NEW_SA \
	"$(MORE=",(18,'nest',[(2,'u64',10),(3,'u64',5)])" sa)"
bad "NEW_SA for AH with a cipher" 22 $NEW_SA \
	"$(MORE=",(11,'u8',2),(12,'raw','$(printf '00%.0s' {1..20})')" sa |
		sed "s/(3,'u8',50)/(3,'u8',51)/")"
bad "NEW_SA for AH without an auth algorithm" 22 $NEW_SA \
	"$(sa | sed "s/(3,'u8',50)/(3,'u8',51)/; s/(9,'u8',5),(10,'raw','[0-9a-f]*')//")"
bad "NEW_SA with an unknown attribute" 22 $NEW_SA "$(MORE=",(99,'u32',1)" sa)"
bad "DEL_SA of an SA that does not exist" 2 $DEL_SA "$(sa)"
bad "GET_SA with the family as a u32" 22 $GET_SA \
	"$(sa | sed "s/(4,'u8',2)/(4,'u32',2)/")"
bad "UPDATE_SA without lifetimes" 22 $UPDATE_SA "$(sa)"
bad "ALLOC_SPI with an empty range" 22 $ALLOC_SPI "$(sa)" \
	"[($A_SPI_MIN,'u32',5000),($A_SPI_MAX,'u32',4000)]"
bad "ALLOC_SPI within the reserved SPIs (1-100)" 22 $ALLOC_SPI "$(sa)" \
	"[($A_SPI_MIN,'u32',1),($A_SPI_MAX,'u32',100)]"
bad "NEW_SA with a start sequence number on an inbound SA" 22 $NEW_SA \
	"$(MORE=",(20,'u64',7)" sa | sed "s/(7,'u8',1)/(7,'u8',0)/")"
bad "NEW_SA starting past 2^32-1 without ESN" 34 $NEW_SA \
	"$(MORE=",(20,'u64',4294967296)" sa)"
bad "NEW_POLICY without a map name" 22 $NEW_POLICY \
	"$(pol | sed "s/(2,'str','m'),//")"
bad "NEW_POLICY with a 40-byte map name" 22 $NEW_POLICY \
	"$(MAP=$(printf 'x%.0s' {1..40}) pol)"
bad "NEW_POLICY with no rules" 22 $NEW_POLICY \
	"[(6,'nest',[(2,'str','m'),(3,'u32',10),(12,'nest',[])])]"
bad "NEW_POLICY with action 9" 34 $NEW_POLICY "$(ACTION=9 pol)"
bad "NEW_POLICY protecting with no peer" 22 $NEW_POLICY \
	"$(pol | sed "s/,(4,'u8',2),(5,'raw','$V4B')//")"
bad "NEW_POLICY with a reversed port range" 22 $NEW_POLICY \
	"$(SMORE=",(6,'u8',6),(7,'u16',90),(8,'u16',80)" pol)"
bad "DEL_POLICY of an entry that does not exist" 2 $DEL_POLICY "$(pol)"
bad "NEW_POLICY with the reply-only rule count" 22 $NEW_POLICY \
	"$(PMORE=",(14,'u32',1)" pol)"
bad "NEW_POLICY with a bad rule in a further NFSEC_A_RULES" 34 $NEW_POLICY \
	"$(pol)" "[($A_RULES,'nest',[(1,'nest',[(2,'u8',9),(3,'nest',[(1,'u8',2)])])])]"
bad "BIND_MAP without an interface" 22 $BIND_MAP "$A_MAP_NAME:str:m"
bad "BIND_MAP to interface 0" 34 $BIND_MAP "$A_MAP_NAME:str:m" "$A_IFINDEX:u32:0"
bad "BIND_MAP to an interface that does not exist" 19 $BIND_MAP \
	"$A_MAP_NAME:str:m" "$A_IFINDEX:u32:9999"
bad "FLUSH with scope 9" 34 $FLUSH "$A_FLUSH_SCOPE:u8:9"

tap_expect "nothing was left half-installed" "[] []" \
	"$(ctl_in nl -j sa list) $(ctl_in nl -j policy list)"

# The largest entries: NFSEC_RULES_MAX (1024) rules, IPv4 and IPv6 with
# ports, three of them in one map after a small one.  No netlink attribute
# holds more than 64 KiB (about 450 such IPv6 rules), so the request
# carries the rules in several attributes and the dump sends each entry in
# parts; `policy list` must show every rule, in order, for every entry.
# big_rules FAMILY: 1024 rules, rule i for UDP destination port i + 1.
big_rules() {
	local i
	for i in $(seq 0 1023); do
		if [ "$1" = 6 ]; then
			echo "rule protect src 2001:db8:$i::/48 dst 2001:db8:ffff::/48 proto udp sport 1-65535 dport $((i + 1))"
		else
			echo "rule protect src 10.$((i / 256)).$((i % 256)).0/24 dst 203.0.113.0/24 proto udp sport 1-65535 dport $((i + 1))"
		fi
	done
}
# big_ports [MAP]: per entry, its seq, rule count and whether rule i's
# destination port is i + 1 for every i.
big_ports() {
	ctl_in nl -j policy list ${1:+map "$1"} | $PY -c 'import json,sys
for e in json.load(sys.stdin):
	ports = [r["selector"].get("dport_lo") for r in e["rules"]]
	print(e["seq"], len(ports), ports == list(range(1, len(ports) + 1)))'
}
ctl_in nl policy add map big seq 5 peer 198.51.100.2 local 198.51.100.1 \
	rule protect dst 203.0.113.0/24 proto udp dport 1
# shellcheck disable=SC2046 # big_rules prints words
ctl_in nl policy add map big seq 10 peer 198.51.100.2 local 198.51.100.1 \
	$(big_rules 4)
# shellcheck disable=SC2046
ctl_in nl policy add map big seq 20 peer 2001:db8::2 local 2001:db8::1 \
	$(big_rules 6)
# shellcheck disable=SC2046
ctl_in nl policy add map big seq 30 peer 2001:db8::2 local 2001:db8::1 \
	$(big_rules 6)
tap_expect "1024-rule entries (IPv4, IPv6) install and list whole, in order" \
	"5 1 True;10 1024 True;20 1024 True;30 1024 True" \
	"$(big_ports big | paste -sd';')"
# shellcheck disable=SC2046
ctl_in nl policy add map big seq 20 peer 2001:db8::2 local 2001:db8::1 \
	$(big_rules 6 | head -700)
tap_expect "a 1024-rule entry replaced by a 700-rule one" \
	"5 1 True;10 1024 True;20 700 True;30 1024 True" \
	"$(big_ports big | paste -sd';')"
for s in 5 10 20 30; do ctl_in nl policy del map big seq $s; done

# An interface that goes away takes its crypto map binding with it.
ip -n nl link add gone0 type veth peer name gone1
ctl_in nl map bind m gone0
tap_expect "a crypto map binds to an interface" gone0 \
	"$(json_get "$(ctl_in nl -j map list)" 0.interface 2>&1)"
# binding it again changes nothing (a restarted cryptod does so); another
# map is refused, unless it replaces the first in one step
binds() {
	ctl_in nl map bind m gone0 && echo same-ok
	ctl_in nl map bind m2 gone0 2>&1 | grep -q "already has a crypto map" &&
		echo other-refused
	ctl_in nl map bind m2 gone0 replace && echo replaced
	ctl_in nl -j map list | $PY -c 'import json,sys
print(" ".join(b["interface"] + ":" + b["map"] for b in json.load(sys.stdin)))'
}
tap_expect "bind: the same map again is a no-op; another needs replace" \
	"same-ok other-refused replaced gone0:m2" "$(binds 2>&1 | paste -sd' ')"
ip -n nl link del gone0
tap_expect "deleting the interface unbinds the map" "[]" \
	"$(ctl_in nl -j map list)"

# 400 SAs to dump (several reads of 32 KiB) while a batch adds and deletes
# 20 more over and over: the kernel marks dumps it changed under as
# interrupted; cryptoctl reads such a reply to its end and dumps again, so
# every `sa list` answers, whole.
W=$(mktemp -d /tmp/nfsec-nl.XXXXXX)
sa_lines() {
	awk -v k="$(hexkey 20 3)" -v from="$1" -v n="$2" -v del="${3:-}" 'BEGIN {
		for (i = from; i < from + n; i++)
			printf "sa add dir in spi %d src 198.51.100.2 dst 198.51.100.1 mode tunnel enc aes-gcm key %s\n", i, k
		for (i = from; del && i < from + n; i++)
			printf "sa del spi %d dst 198.51.100.1\n", i
	}'
}
sa_lines 4096 400 >"$W/base"
sa_lines 8192 20 del >"$W/churn"
ctl_in nl -b "$W/base"
(while [ ! -e "$W/stop" ]; do ctl_in nl -b "$W/churn" || break; done) &
churn=$!
fails=0 counts=
for i in $(seq "$DUMPS"); do
	n=$(ctl_in nl -j sa list 2>>"$W/err" | $PY -c 'import json,sys
print(sum(s["spi"] < 8192 for s in json.load(sys.stdin)))') || fails=$((fails + 1))
	[ "$n" = 400 ] || counts+=" $n"
done
touch "$W/stop"
wait $churn
got="$fails failed;$counts"
[ ! -s "$W/err" ] || got+=" $(sort -u "$W/err" | head -3)"
tap_expect "sa list while SAs come and go: every dump whole ($DUMPS runs)" \
	"0 failed;" "$got"

# Only the last request of each batch asks for an ACK; the kernel answers
# the others only when they fail.  300 lines go out in batches of 128, and
# one of them deletes an SA that does not exist.  Its failure is reported
# with its line, the rest of its batch is installed, and the run stops at
# the next batch, naming that line as not run (cryptoctl.8).
# batch_fail LINE FROM: the failures reported and the SAs installed.
batch_fail() {
	local out st
	sa_lines "$2" 300 |
		sed "$1s/.*/sa del spi 99999 dst 198.51.100.1/" >"$W/bad"
	out=$(ctl_in nl -b "$W/bad" 2>&1)
	st=$?
	printf 'status %s; %s' $st "$(grep -o 'bad:[0-9]*:' <<<"$out" | tr '\n' ' ')"
	ctl_in nl -j sa list | $PY -c 'import json,sys
print(sum('"$2"' <= s["spi"] < '"$2"' + 300 for s in json.load(sys.stdin)))'
}
tap_expect "batch: a failure inside a batch, reported by line; the run stops after it" \
	"status 1; bad:150: bad:257: 255" "$(batch_fail 150 16384)"
tap_expect "batch: a failure that ends a batch (the request with the ACK)" \
	"status 1; bad:128: bad:129: 127" "$(batch_fail 128 16896)"
tap_expect "batch: a failure on the last line of the run" \
	"status 1; bad:300: 299" "$(batch_fail 300 17408)"
rm -rf "$W"

tap_done
