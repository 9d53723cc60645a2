#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# An unprivileged user's namespace (unshare -Urn) may drive the family, as
# XFRM's may, but cannot take what other namespaces hold: it stops at the
# per-namespace limits (nfsec.max_*) with a message naming the parameter,
# cannot raise them, and what it allocates is charged to its memory cgroup.
# The host's namespace then adds as much as before.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
P=/sys/module/nfsec/parameters
LIMITS="max_sas max_larval_sas max_entries max_rules"
CG=/sys/fs/cgroup/nfsec-nslimits
USR=65534
W=$(mktemp -d /tmp/nfsec-nslimits.XXXXXX)
chmod 755 "$W"
holder=

saved=
# shellcheck disable=SC2317 # called by the trap
cleanup() {
	local l
	[ -z "$holder" ] || kill "$holder" 2>/dev/null
	wait 2>/dev/null
	for l in $saved; do [ ! -w "$P/${l%=*}" ] || echo "${l#*=}" >"$P/${l%=*}"; done
	rmdir "$CG" 2>/dev/null
	rm -rf "$W"
	_lib_cleanup
}
trap cleanup EXIT

tap_plan 13

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
tap_expect "defaults: 524288 SAs, 65536 SPIs, 262144 entries, 1048576 rules" \
	"524288 65536 262144 1048576" \
	"$(for l in $LIMITS; do cat "$P/$l"; done | paste -sd' ')"
saved=$(for l in $LIMITS; do echo "$l=$(cat "$P/$l")"; done)
# Small limits, so the test fills them quickly.
for l in max_sas=200 max_larval_sas=10 max_entries=100 max_rules=300; do
	echo "${l#*=}" >"$P/${l%=*}"
done

if [ ! -e /proc/self/ns/user ] ||
	[ "$(cat /proc/sys/kernel/unprivileged_userns_clone 2>/dev/null || echo 1)" != 1 ]; then
	echo "Bail out! this kernel has no unprivileged user namespaces"
	exit 1
fi
grep -q cgroup2 /proc/mounts || mount -t cgroup2 none /sys/fs/cgroup
grep -qw memory /sys/fs/cgroup/cgroup.controllers ||
	{ echo "Bail out! this kernel has no memory cgroup"; exit 1; }
echo +memory >/sys/fs/cgroup/cgroup.subtree_control
mkdir -p "$CG"
# The tools and scripts, where user nobody can run them.
cp "$CRYPTOCTL" "$(dirname "$0")/genl.py" "$W/"

# The user's namespaces live as long as this process (sh, setpriv and
# unshare exec one another: it ends as the sleep); every command runs in
# the cgroup, as user nobody, inside them (nsenter: root there).
sh -c "echo \$\$ >$CG/cgroup.procs; exec setpriv --reuid=$USR --regid=$USR \
	--clear-groups unshare -Urn sleep 600" &
holder=$!
for _ in $(seq 50); do
	[ "$(readlink /proc/$holder/ns/net)" != "$(readlink /proc/self/ns/net)" ] &&
		break
	sleep 0.1
done
# uns CMD...: CMD's words are split again by sh (quote those with spaces).
uns() {
	sh -c "echo \$\$ >$CG/cgroup.procs; cd $W; exec setpriv --reuid=$USR \
		--regid=$USR --clear-groups nsenter --preserve-credentials -t $holder -U -n $*"
}
ctl_uns() { uns ./cryptoctl "$@"; }
kmem() {
	awk '$1 == "slab" || $1 == "percpu" { n += $2 } END { print n }' \
		"$CG/memory.stat"
}
held() { json_get "$($1 -j status)" "limits.$2.used"; }
# SAs other than reservations: those expire after 60 s (NFSEC_LARVAL_SECONDS),
# which a slow run may reach.
full_sas() {
	local st
	st=$($1 -j status)
	echo $(($(json_get "$st" limits.sas.used) - $(json_get "$st" limits.larval_sas.used)))
}

tap_expect "the user's namespace answers, as root there" "0" \
	"$(uns id -u 2>&1)"
out=$(uns sh -c "'echo 999999 >$P/max_sas'" 2>&1)
tap_expect "the user cannot raise a limit" "yes 200" \
	"$(grep -q 'Permission denied' <<<"$out" && echo yes) $(cat $P/max_sas)"
kmem0=$(kmem)

awk 'BEGIN { for (i = 1; i <= 150; i++)
	printf "policy add map m seq %d peer 198.51.100.2 local 198.51.100.1 rule protect dst 203.0.113.%d\n", i, i % 250 }' \
	>"$W/entries"
out=$(ctl_uns -b entries 2>&1)
tap_expect "entries stop at max_entries (100), by its name" "100 yes" \
	"$(held ctl_uns entries) $(grep -q 'nfsec.max_entries' <<<"$out" && echo yes)"

rules() {
	awk -v n="$1" 'BEGIN { for (i = 1; i <= n; i++)
		printf " rule protect dst 192.0.2.%d proto udp dport %d", i % 250, i }'
}
ctl_uns policy add map m seq 1 peer 198.51.100.2 local 198.51.100.1 \
	"$(rules 201)"
tap_expect "an entry replaced by 201 rules: 300 rules held, max_rules" \
	"300" "$(held ctl_uns rules)"
out=$(ctl_uns policy add map m seq 2 peer 198.51.100.2 local 198.51.100.1 \
	"$(rules 2)" 2>&1)
tap_expect "one rule more is refused, by name; nothing changes" \
	"yes 300 100" \
	"$(grep -q 'nfsec.max_rules' <<<"$out" && echo yes) $(held ctl_uns rules) $(held ctl_uns entries)"

spi() {
	uns "$PY" genl.py 6 "\"[(5,'nest',[(3,'u8',50),(4,'u8',2),(6,'raw','c6336401')])]\""
}
for _ in $(seq 10); do spi >/dev/null; done
out=$(spi)
tap_expect "SPIs reserved stop at max_larval_sas (10): ENOSPC, by name" \
	"10 errno=28 yes" \
	"$(held ctl_uns larval_sas) $(head -1 <<<"$out") $(grep -q max_larval_sas <<<"$out" && echo yes)"

key=$(hexkey 20 3)
awk -v k="$key" 'BEGIN { for (i = 4096; i < 4346; i++)
	printf "sa add dir in spi %d src 198.51.100.2 dst 198.51.100.1 mode tunnel enc aes-gcm key %s\n", i, k }' \
	>"$W/sas"
out=$(ctl_uns -b sas 2>&1)
tap_expect "SAs stop at max_sas (200, the 10 reservations among them)" \
	"200 yes" \
	"$(held ctl_uns sas) $(grep -q 'nfsec.max_sas' <<<"$out" && echo yes)"
full=$(full_sas ctl_uns)

# About 190 SAs of 512 bytes and more, 100 entries, a counter chunk: at
# least 100 KiB of kernel memory the user's cgroup pays for.
grown=$(($(kmem) - kmem0))
tap_expect "the user's memory cgroup was charged >= 100 KiB ($grown bytes)" \
	yes "$([ "$grown" -ge 102400 ] && echo yes)"

# The host's namespace holds its own: the same again, all of it.
ns_add host
head -100 "$W/entries" >"$W/host-entries"
ctl_in host -b "$W/host-entries"
ctl_in host -b "$W/sas" 2>/dev/null
tap_expect "the host's namespace adds 100 entries and 200 SAs" "100 200" \
	"$(held "ctl_in host" entries) $(held "ctl_in host" sas)"
tap_expect "the user's namespace still holds what it had" "100 300 $full" \
	"$(held ctl_uns entries) $(held ctl_uns rules) $(full_sas ctl_uns)"

# Limits lowered below what a namespace holds: it keeps it, adds nothing,
# may still shrink.
echo 50 >$P/max_entries
ctl_uns policy add map m seq 1 peer 198.51.100.2 local 198.51.100.1 \
	"$(rules 3)"
out=$(ctl_uns policy add map m seq 500 peer 198.51.100.2 \
	local 198.51.100.1 rule protect dst 192.0.2.1 2>&1)
tap_expect "past a lowered limit: an entry shrinks, a new one is refused" \
	"102 100 yes" \
	"$(held ctl_uns rules) $(held ctl_uns entries) $(grep -q max_entries <<<"$out" && echo yes)"
ctl_uns flush >/dev/null
tap_expect "flushed: no entries, rules or SAs (reservations expire alone)" \
	"0 0 0" "$(held ctl_uns entries) $(held ctl_uns rules) $(full_sas ctl_uns)"

kill "$holder"
wait "$holder" 2>/dev/null
holder=
tap_done
