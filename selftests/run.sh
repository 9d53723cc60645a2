#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Inside the VM: run every selftest against the module built for the running
# kernel, then ask kmemleak for a final scan.  Output is TAP, one block per
# test file.
#
#   selftests/run.sh KMOD_DIR [TEST...]
#
# Writes "nfsec-selftests: start" to the kernel log first: the host checks
# the log from that line on for BUG/WARNING/KASAN/UBSAN/lockdep reports, and
# build/vm/<kernel>.kmemleak for leaks.

export NFSEC_TOP=${NFSEC_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
export NFSEC_KMOD_DIR=${1:?usage: run.sh KMOD_DIR [TEST...]}
shift
tests=("$@")
[ ${#tests[@]} -gt 0 ] ||
	tests=(kunit module dkms netns esp xfrm ah negative failclosed netlink cryptod privsep
		quick_mode strongswan ikeflood nslimits nlfuzz skbfuzz bench)

KMEMLEAK=/sys/kernel/debug/kmemleak
leaks=$NFSEC_TOP/build/vm/$(uname -r).kmemleak

echo "TAP version 13"
# where a VM run's time goes: the boot before this line, the scans after
echo "# guest up $(cut -d' ' -f1 /proc/uptime) s before the first selftest"
[ -e $KMEMLEAK ] && echo clear >$KMEMLEAK
echo "nfsec-selftests: start" >/dev/kmsg
rc=0
for t in "${tests[@]}"; do
	echo "# selftests/$t.sh"
	echo "nfsec-selftests: $t.sh" >/dev/kmsg
	began=$SECONDS
	bash "$NFSEC_TOP/selftests/$t.sh" || rc=1
	echo "# selftests/$t.sh took $((SECONDS - began)) s"
done
echo "nfsec-selftests: end" >/dev/kmsg
if [ -e $KMEMLEAK ]; then
	# Objects must be unreferenced for a while and seen by two scans.
	began=$SECONDS
	sleep 6
	echo scan >$KMEMLEAK
	sleep 1
	echo scan >$KMEMLEAK
	cat $KMEMLEAK >"$leaks"
	echo "# kmemleak's closing scans took $((SECONDS - began)) s"
else
	rm -f "$leaks"
fi
exit $rc
