#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Per-network-namespace state: the family answers in every namespace, each
# namespace counts only its own packets, namespaces that predate the module
# get hooks, and namespaces come and go with the module loaded.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=${NFSEC_SELFTEST_ROUNDS:-100}
_lib_loaded_here=1

status_json() { ctl_in "$1" -j status 2>&1; }
counter() { json_get "$(status_json "$1")" "$2" 2>&1; }

tap_plan 11

mod_unload
ns_add early
tap_check "insmod with a namespace already present" insmod "$NFSEC_KO"
tap_expect "pre-existing namespace got its hooks" 6 "$(counter early hooks)"

ns_add ns-a ns-b ns-c
ns_link ns-a 192.0.2.1/24 ns-b 192.0.2.2/24
ip -n ns-a addr add 2001:db8::1/64 dev veth-ns-b nodad
ip -n ns-b addr add 2001:db8::2/64 dev veth-ns-a nodad

tap_check "family answers in a new namespace" ctl_in ns-c version
tap_expect "new namespace starts with zero counters" "0 0" \
	"$(counter ns-c rx.packets) $(counter ns-c tx.packets)"

tx0=$(counter ns-a tx.packets)
rx0=$(counter ns-a rx.packets)
tap_check "IPv4 ping ns-a -> ns-b" \
	ip netns exec ns-a ping -c 3 -i 0.2 -W 2 192.0.2.2
tap_check "IPv6 ping ns-a -> ns-b" \
	ip netns exec ns-a ping -6 -c 3 -i 0.2 -W 2 2001:db8::2
tx1=$(counter ns-a tx.packets)
rx1=$(counter ns-a rx.packets)
# 6 echo requests out and 6 replies in, plus ARP/ND which netfilter's
# IP hooks do not see.
tap_expect "ns-a counted >= 6 packets out and in" "yes yes" \
	"$([ $((tx1 - tx0)) -ge 6 ] && echo yes) $([ $((rx1 - rx0)) -ge 6 ] && echo yes)"
tap_expect "ns-c saw none of it" "0 0" \
	"$(counter ns-c rx.packets) $(counter ns-c tx.packets)"
bytes=$(counter ns-a tx.bytes)
tap_expect "byte counter counts whole IP packets (>= 6 * 84)" yes \
	"$([ "$bytes" -ge 504 ] && echo yes)"

fails=""
for i in $(seq "$ROUNDS"); do
	ns=churn$i
	ns_add "$ns" || { fails="$fails add$i"; break; }
	if [ $((i % 10)) = 0 ]; then
		ip netns exec "$ns" ping -c 1 -W 1 127.0.0.1 >/dev/null ||
			fails="$fails ping$i"
		[ "$(counter "$ns" hooks)" = 6 ] || fails="$fails hooks$i"
	fi
	ns_del "$ns"
done
tap_expect "$ROUNDS namespace create/delete rounds" "" "$fails"

tap_check "rmmod with namespaces alive" rmmod nfsec
tap_done
