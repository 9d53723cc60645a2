#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Module lifecycle: load, the generic-netlink family and its status command,
# bad requests refused with extack, unload, and load/unload rounds (also
# while packets flow).  A bound crypto map keeps the module loaded: rmmod
# must not remove a namespace's protection behind its back.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

ROUNDS=${NFSEC_SELFTEST_ROUNDS:-20}
VERSION=$(cat "$NFSEC_TOP/VERSION")
_lib_loaded_here=1

tap_plan 17

mod_unload
tap_check "insmod nfsec.ko" insmod "$NFSEC_KO"
tap_check "generic netlink family 'nfsec' registered" \
	sh -c "genl ctrl get name nfsec | grep -q 'Name: nfsec'"

want="nfsec.ko  $VERSION (ABI 1) on Linux $(uname -r)"
got=$("$CRYPTOCTL" version 2>&1 | sed -n 2p)
tap_expect "cryptoctl version reports the loaded module" "$want" "$got"

json=$("$CRYPTOCTL" -j version 2>&1)
tap_expect "cryptoctl -j version: module.version" "$VERSION" \
	"$(json_get "$json" module.version 2>&1)"
tap_expect "cryptoctl -j version: module.kernel" "$(uname -r)" \
	"$(json_get "$json" module.kernel 2>&1)"

tap_expect "six netfilter hooks (IPv4/IPv6 pre-routing, local-in, post-routing) in init netns" 6 \
	"$(json_get "$("$CRYPTOCTL" -j status 2>&1)" hooks 2>&1)"

# NFSEC_CMD_GET_STATUS = 1; NFSEC_A_VERSION = 1 is reply-only.
out=$($PY "$NFSEC_TOP/selftests/genl.py" 1 1:str:x 2>&1)
tap_expect "request with a reply-only attribute: EINVAL and extack" \
	"errno=22 extack=NFSEC_A_VERSION is reply-only" "$(echo $out)"
out=$($PY "$NFSEC_TOP/selftests/genl.py" 1 200:u32:1 2>&1)
tap_expect "request with an unknown attribute type refused" \
	"errno=22" "$(echo "$out" | head -1)"
out=$($PY "$NFSEC_TOP/selftests/genl.py" 77 2>&1)
tap_expect "unknown command refused with EOPNOTSUPP" \
	"errno=95" "$(echo "$out" | head -1)"

# A map bound in a namespace pins the module until it is unbound.
ns_add mod-m
ctl_in mod-m policy add map m seq 10 rule discard src 0.0.0.0/0 \
	dst 0.0.0.0/0 >/dev/null && ctl_in mod-m map bind m lo >/dev/null
out=$(rmmod nfsec 2>&1)
tap_expect "rmmod refused while a namespace has a bound crypto map" \
	"1 loaded" "$? $(mod_loaded && echo loaded)"
ctl_in mod-m map unbind lo
tap_check "rmmod nfsec once the map is unbound" rmmod nfsec
insmod "$NFSEC_KO"
ctl_in mod-m policy add map m seq 10 rule discard src 0.0.0.0/0 \
	dst 0.0.0.0/0 >/dev/null && ctl_in mod-m map bind m lo >/dev/null
ns_del mod-m
tap_check "deleting the namespace gives its bindings back (rmmod)" mod_unload
insmod "$NFSEC_KO"

tap_check "rmmod nfsec" rmmod nfsec
tap_check "family gone after unload" \
	sh -c "! genl ctrl get name nfsec >/dev/null 2>&1"
out=$("$CRYPTOCTL" version 2>&1)
rc=$?
tap_expect "cryptoctl without the module: exit 1 and a clear message" \
	"1 yes" "$rc $(echo "$out" | grep -q 'nfsec module is not loaded' && echo yes)"

fails=""
for i in $(seq "$ROUNDS"); do
	insmod "$NFSEC_KO" || { fails="$fails load$i"; break; }
	"$CRYPTOCTL" status >/dev/null || fails="$fails status$i"
	rmmod nfsec || { fails="$fails unload$i"; break; }
done
tap_expect "$ROUNDS load/unload rounds" "" "$fails"

# Unload while packets cross the hooks in another namespace.
ns_add mod-a mod-b &&
	ns_link mod-a 192.0.2.1/24 mod-b 192.0.2.2/24
insmod "$NFSEC_KO"
ip netns exec mod-a ping -q -i 0.05 -c 400 192.0.2.2 >/dev/null 2>&1 &
ping_pid=$!
sleep 2
tap_check "rmmod while traffic flows" rmmod nfsec
wait $ping_pid
tap_done
