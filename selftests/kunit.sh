#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Runs nfsec's KUnit suites (nfsec_kunit.ko, debug kernel only) and turns
# each KUnit case into one TAP line.

. "$(dirname "$0")/lib.sh"

KUNIT_KO=$NFSEC_KMOD_DIR/kmod/tests/nfsec_kunit.ko
DEBUGFS=/sys/kernel/debug/kunit

if [ ! -f "$KUNIT_KO" ]; then
	echo "1..0 # SKIP this kernel has no KUnit (no nfsec_kunit.ko)"
	exit 0
fi
if ! insmod "$KUNIT_KO"; then
	echo "1..1"
	tap_fail "insmod nfsec_kunit.ko"
	tap_done
fi

# Results of every nfsec suite: "    ok 1 - case" lines, one level in.
results=$(cat "$DEBUGFS"/nfsec_*/results 2>/dev/null)
rmmod nfsec_kunit
cases=$(printf '%s\n' "$results" | grep -E '^ +(not )?ok [0-9]+ ')
n=$(printf '%s\n' "$cases" | grep -c .)
if [ "$n" = 0 ]; then
	echo "1..1"
	tap_fail "KUnit produced results" "$results"
	tap_done
fi
tap_plan "$n"
while IFS= read -r line; do
	name=$(echo "$line" | sed -E 's/^ +(not )?ok [0-9]+ (- )?//')
	case "$line" in
	*"not ok"*) tap_fail "kunit $name" "$results" ;;
	*"# SKIP"*) tap_skip "kunit ${name%% #*}" "${name#*# SKIP }" ;;
	*) tap_ok "kunit $name" ;;
	esac
done <<<"$cases"
tap_done
