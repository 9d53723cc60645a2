#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ESP and AH input under seeded random and mutated packets (skbfuzz.py),
# written to the router's link from its peer: most with a valid ICV, so
# what runs after authentication is fuzzed too (trailer, inner packet,
# replay window, reinjection), over IPv4 and IPv6, tunnel and transport,
# with ESN, as fragments.  The router counts them and stays whole: a valid
# packet still decrypts afterwards, the family answers, flushes and lets
# the module go.  KASAN, UBSAN, lockdep, WARN and kmemleak reports fail
# the run (read from the kernel's log).  NFSEC_FUZZ_SEED picks other
# packets; NFSEC_SKBFUZZ_COUNT how many (by default 6000 on the debug
# kernel, 2000 on stock kernels).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
SEED=$(fuzz_seed)
COUNT=$(fuzz_count 2000 6000 NFSEC_SKBFUZZ_COUNT)
FUZZ=$(dirname "$0")/skbfuzz.py	# run by python3 with dist-packages

tap_plan 7

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
ns_add sf-a sf-r
ns_link sf-a 198.51.100.2/24 sf-r 198.51.100.1/24
ip -n sf-a addr add 2001:db8:1::2/64 dev veth-sf-r nodad
ip -n sf-r addr add 2001:db8:1::1/64 dev veth-sf-a nodad
ip -n sf-r link add lan type dummy
ip -n sf-r addr add 203.0.113.1/24 dev lan
ip -n sf-r addr add 2001:db8:b::1/64 dev lan nodad
ip -n sf-r link set lan up
ip netns exec sf-r sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1

# The SAs skbfuzz.py has keys for, on IPv4 and IPv6.
esp=(enc aes-gcm key "$(hexkey 20 11)")
ah=(proto ah auth hmac-sha1-96 authkey "$(hexkey 20 12)")
# shellcheck disable=SC2317 # called below
sas() {
	local s=$1 d=$2
	ctl_in sf-r sa add dir in spi 0x1001 src "$s" dst "$d" mode tunnel "${esp[@]}" &&
	ctl_in sf-r sa add dir in spi 0x1002 src "$s" dst "$d" mode transport "${esp[@]}" &&
	ctl_in sf-r sa add dir in spi 0x1003 src "$s" dst "$d" mode tunnel "${esp[@]}" esn &&
	ctl_in sf-r sa add dir in spi 0x2001 src "$s" dst "$d" mode tunnel "${ah[@]}" &&
	ctl_in sf-r sa add dir in spi 0x2002 src "$s" dst "$d" mode transport "${ah[@]}"
}
sas 198.51.100.2 198.51.100.1 && sas 2001:db8:1::2 2001:db8:1::1
tap_expect "10 inbound SAs (ESP, ESP+ESN, AH; tunnel, transport; v4, v6)" \
	10 "$(sa_count sf-r)"

mac=$(ip netns exec sf-r cat /sys/class/net/veth-sf-a/address)
out=$(ip netns exec sf-a python3 "$FUZZ" "$SEED" "$COUNT" veth-sf-r "$mac" 2>&1)
tap_check "$COUNT fuzzed packets written ($out)" grep -q '^skbfuzz:' <<<"$out"
sleep 1
# shellcheck disable=SC2016 # python
passed=$(ctl_in sf-r -j sa list | $PY -c 'import json,sys
print(sum(s["stats"]["packets"] for s in json.load(sys.stdin)))')
ctl_in sf-r show crypto engine connections dropped-packet | awk '$NF > 0' |
	sed 's/^/# /'
if [ "${passed:-0}" -ge $((COUNT / 10)) ]; then
	tap_ok "the router took some in ($passed authenticated)"
else
	tap_fail "the router took some in" "only $passed authenticated" \
		"$(ctl_in sf-r show crypto engine connections dropped-packet 2>&1)"
fi
# A new SA after the storm: every one of 20 valid packets decrypts.
ctl_in sf-r sa add dir in spi 0x1004 src 198.51.100.2 dst 198.51.100.1 \
	mode tunnel "${esp[@]}"
ip netns exec sf-a python3 "$FUZZ" --valid 0x1004 20 veth-sf-r "$mac"
sleep 1
# shellcheck disable=SC2016 # python
tap_expect "afterwards, a new SA takes 20 valid packets of 20" 20 \
	"$(ctl_in sf-r -j sa list | $PY -c 'import json,sys
print(sum(s["stats"]["packets"] for s in json.load(sys.stdin) if s["spi"] == 0x1004))')"
tap_check "the family still answers" ctl_in sf-r status
tap_check "flush takes everything" ctl_in sf-r flush
ns_del sf-a sf-r
tap_check "the namespaces go and the module unloads" mod_unload
tap_done
