#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A one-second smoke of the benchmark harness (scripts/bench-guest
# --smoke, scripts/bench-report), so that `make bench` cannot rot: every
# contender is set up, carries traffic through its tunnel and is torn
# down, cryptod and charon each negotiate 5 IKE tunnels (row 7), and the
# table has a number in each cell it must have.  No timing
# is judged here.  It runs on the stock 6.1 kernel only, as `make bench`
# does: the other kernels would add CI time and test nothing new.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

tap_plan 4
release=$(uname -r)
if [ -n "${NFSEC_SELFTEST_ALGS:-}" ] || [[ $release != 6.1.* ]]; then
	for i in 1 2 3 4; do
		tap_skip "bench smoke check $i" "stock 6.1 kernel only"
	done
	exit 0
fi

out=$(mktemp -d /tmp/nfsec-bench-smoke.XXXXXX)
if log=$(bash "$NFSEC_TOP/scripts/bench-guest" --smoke "$out" 2>&1); then
	tap_ok "bench-guest --smoke measured every contender"
else
	tap_fail "bench-guest --smoke measured every contender" "$log"
fi
if table=$("$NFSEC_TOP/scripts/bench-report" "$out/raw.csv" \
	"$out/table.csv" 2>&1); then
	tap_ok "bench-report made the table"
else
	tap_fail "bench-report made the table" "$table"
fi

# empty_cells: "row measurement algorithm: column" for each cell of
# table.csv that must hold a number and does not.
empty_cells() {
	$PY - "$out/table.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
for r in rows:
    need = ["nfsec", "XFRM"]
    if r["row"] in ("1", "2", "3") and r["algorithm"] == "AES-GCM-128":
        need += ["plaintext", "WireGuard"]
    if r["row"] == "4" and r["algorithm"] == "AES-GCM-128":
        need += ["WireGuard"]
    if r["row"] == "7" and r["measurement"].startswith("IKE tunnels"):
        need += ["nfsec/XFRM"]
    for c in need:
        if r[c] == "":
            print(r["row"], r["measurement"], r["algorithm"] + ":", c)
if len(rows) < 10:
    print("only %d rows" % len(rows))
PY
}
missing=$(empty_cells 2>&1)
tap_expect "every cell of the table that needs a number has one" "" "$missing"
tap_check "the Markdown table has rows 1 to 7" \
	test "$(grep -o '^| [1-7] |' <<<"$table" | sort -u | wc -l)" = 7
rm -rf "$out"
tap_done
