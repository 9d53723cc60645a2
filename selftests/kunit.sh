#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs nfsec's KUnit suites (nfsec_kunit.ko, debug kernel only) and turns
# each KUnit case into one TAP line.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

KUNIT_KO=$NFSEC_KMOD_DIR/kmod/tests/nfsec_kunit.ko

if [ ! -f "$KUNIT_KO" ]; then
	tap_plan 1
	tap_skip "kunit suites" "this kernel has no KUnit (no nfsec_kunit.ko)"
	exit 0
fi
# KTAP comes from the kernel log, not debugfs: on 6.1 a suite's debugfs log
# is a fixed 512-byte buffer, and failure messages overflow it, hiding the
# case lines after them.
echo "nfsec-kunit: begin" >/dev/kmsg
if ! insmod "$KUNIT_KO"; then
	tap_plan 1
	tap_fail "insmod nfsec_kunit.ko"
	tap_done
fi
log=$(dmesg | sed -n '/nfsec-kunit: begin/,$p' | sed -E 's/^\[ *[0-9.]+\] //')
rmmod nfsec_kunit

# Suites print "    1..N" and one "    ok|not ok I name" per case, one
# level in; every planned case must have reported.
planned=$(grep -E '^    1\.\.[0-9]+$' <<<"$log" | sed 's/^ *1\.\.//' |
	awk '{ n += $1 } END { print n + 0 }')
cases=$(grep -E '^    (not )?ok [0-9]+ ' <<<"$log")
n=$(grep -c . <<<"$cases")
tap_plan $((n + 1))
tap_expect "every planned KUnit case reported (suites: $(grep -c '# Subtest: nfsec_' <<<"$log"))" \
	"$planned" "$n"
while IFS= read -r line; do
	[ -n "$line" ] || continue
	name=$(sed -E 's/^ +(not )?ok [0-9]+ (- )?//' <<<"$line")
	case "$line" in
	*"not ok"*) tap_fail "kunit $name" "$(grep -F "# $name:" <<<"$log")" ;;
	*"# SKIP"*) tap_skip "kunit ${name%% #*}" "${name#*# SKIP }" ;;
	*) tap_ok "kunit $name" ;;
	esac
done <<<"$cases"
tap_done
