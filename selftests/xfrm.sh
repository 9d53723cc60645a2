#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Wire compatibility with Linux XFRM: one router runs nfsec, the other the
# kernel's own IPsec (ip xfrm state/policy) with the same keys and SPIs.
# Every algorithm both support, both roles; transport mode; ESN with a
# 4096-packet window; IPv6 outside (with IPv6 and IPv4 inside).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
n_algs=$(alg_list | wc -w)
tap_plan $((2 * n_algs + 6))

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

clear_both() { side_clear r1; side_clear r2; }

# interop DESC R1-KIND R2-KIND [ping_both args]
interop() {
	local d=$1 k1=$2 k2=$3 out
	shift 3
	clear_both
	if out=$(tunnel_r1 "$k1" 2>&1 && tunnel_r2 "$k2" 2>&1) &&
		ping_both "$@"; then
		tap_ok "$d"
	else
		tap_fail "$d" "$out" "$(ctl_in r1 sa list 2>&1)" \
			"$(ip -n r2 -s xfrm state 2>&1 | head -20)" \
			"$(ctl_in r2 sa list 2>&1)"
	fi
}

for ALG in $(alg_list); do
	interop "$ALG: R1 nfsec, R2 XFRM" nfsec xfrm
done
for ALG in $(alg_list); do
	interop "$ALG: R1 XFRM, R2 nfsec" xfrm nfsec
done

ALG=gcm128
EXTRA="esn replay-window 4096" XEXTRA="flag esn replay-window 4096" \
	interop "gcm128 with ESN and a 4096 window" nfsec xfrm
ALG=cbc-sha256
EXTRA="esn replay-window 4096" XEXTRA="flag esn replay-window 4096" \
	interop "cbc-sha256 (authencesn) with ESN and a 4096 window" xfrm nfsec
ALG=chacha20
OUTER=6 INNER=6 interop "chacha20, IPv6 inside IPv6" nfsec xfrm -6
ALG=gcm128
OUTER=6 INNER=6 interop "gcm128, IPv6 inside IPv6" xfrm nfsec -6
OUTER=6 INNER=4 interop "gcm128, IPv4 inside IPv6" xfrm nfsec

clear_both
ALG=cbc-sha1
if out=$(transport_pair nfsec xfrm 2>&1) &&
	ip netns exec r2 ping -c 2 -i 0.5 -W 3 198.51.100.1 >/dev/null; then
	tap_ok "transport mode, cbc-sha1: R1 nfsec, R2 XFRM"
else
	tap_fail "transport mode, cbc-sha1: R1 nfsec, R2 XFRM" "$out" \
		"$(ip -n r2 -s xfrm state 2>&1 | head -20)"
fi

tap_done
