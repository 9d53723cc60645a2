#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The generic-netlink family under seeded random and mutated requests
# (nlfuzz.py): two fuzzers at once in one namespace, every command, nested
# attributes, wrong types and lengths.  Every request is answered; the
# family still works, flushes and lets the module go afterwards.  Any
# KASAN, UBSAN, lockdep or WARN report, or a leak, fails the run (run.sh
# and the host read the kernel's log).  NFSEC_FUZZ_SEED picks other
# requests; NFSEC_NLFUZZ_COUNT how many per fuzzer: by default 4000 on the
# debug kernel, where the reports come from, and 1000 on stock kernels.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
SEED=$(fuzz_seed)
COUNT=$(fuzz_count 1000 4000 NFSEC_NLFUZZ_COUNT)
W=$(mktemp -d /tmp/nfsec-nlfuzz.XXXXXX)
# shellcheck disable=SC2317 # called by the trap
cleanup() { rm -rf "$W"; _lib_cleanup; }
trap cleanup EXIT

tap_plan 5

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
ns_add fz
ip -n fz link add fz0 type dummy
ip -n fz link set fz0 up
ifindex=$(ip netns exec fz cat /sys/class/net/fz0/ifindex)

for s in "$SEED" $((SEED + 1)); do
	# shellcheck disable=SC2086 # $PY is a command and its option
	ip netns exec fz $PY "$(dirname "$0")/nlfuzz.py" "$s" "$COUNT" \
		"$ifindex" >"$W/$s.out" 2>&1 &
done
rc=0
wait %1 || rc=1
wait %2 || rc=$((rc | 2))
for s in "$SEED" $((SEED + 1)); do sed 's/^/# /' "$W/$s.out" | tail -3; done
tap_expect "2 x $COUNT fuzzed requests at once, each answered" 0 "$rc"
tap_check "the family still answers" ctl_in fz status
tap_check "a well-formed SA still installs" ctl_in fz sa add dir in spi 7777 \
	src 198.51.100.2 dst 198.51.100.1 mode tunnel enc aes-gcm \
	key "$(hexkey 20 1)"
tap_check "flush takes everything" ctl_in fz flush
ns_del fz
tap_check "the namespace goes and the module unloads" mod_unload
tap_done
