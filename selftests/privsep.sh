#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cryptod's privilege separation (tools/cryptod/privsep.h) on the seed's
# topology: the parent stays root and parses nothing; the engine, which
# reads every IKE datagram and the configuration, runs as user nfsec in an
# empty chroot with no capabilities, no_new_privs and a seccomp filter,
# and still negotiates, shows and reloads.  An engine that dies leaves no
# SAs and the crypto maps dropping traffic.  Control clients that say
# nothing hold up neither cryptoctl nor IKE.  Starting without root, or
# without the engine's user, is refused before anything goes in.  R1 runs
# within cryptod.service's capability bounding set and no_new_privs.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
WORK=$(mktemp -d /tmp/nfsec-privsep.XXXXXX)

tap_plan 9

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }
trap 'bg_stop; rm -rf "$WORK"; _lib_cleanup' EXIT

start() { cryptod_start "$1" "$2" "$WORK/$1.log"; }
# field PID KEY: the first word of KEY's line in /proc/PID/status
field() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

seed_conf r1 sharedkey "esp-des esp-sha-hmac" 192.0.2.0 203.0.113.0 \
	198.51.100.2 veth-r2 >"$WORK/r1.conf"
seed_conf r2 sharedkey "esp-des esp-sha-hmac" 203.0.113.0 192.0.2.0 \
	198.51.100.1 veth-r1 >"$WORK/r2.conf"

# Refusals come before the kernel is touched: no map goes in.
out=$(ip netns exec r1 setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$CRYPTOD" -f "$WORK/r1.conf" 2>&1)
rc=$?
out2=$(ip netns exec r1 "$CRYPTOD" -u nfsec-nosuchuser -f "$WORK/r1.conf" 2>&1)
rc2=$?
tap_expect "not root, or no such engine user: exit 1 saying why, nothing installed" \
	"1 yes 1 yes 0" \
	"$rc $(grep -q "must start as root" <<<"$out" && echo yes) $rc2 $(grep -q "user nfsec-nosuchuser does not exist" <<<"$out2" && echo yes) $(map_count r1)"

# R1 runs within what cryptod.service allows (no systemd in the VM):
# the unit's capability bounding set, and no_new_privs.
unit_caps=$(sed -n 's/^CapabilityBoundingSet=//p' \
	"$NFSEC_TOP/tools/cryptod/cryptod-hardening.conf" |
	tr 'A-Z ' 'a-z\n' | sed 's/^cap_/+/' | paste -sd,)
ip netns exec r1 setpriv --bounding-set=-all,"$unit_caps" --no-new-privs \
	"$CRYPTOD" -d -f "$WORK/r1.conf" >"$WORK/r1.log" 2>&1 &
bg_pids+=($!)
if ! { wait_log "$WORK/r1.log" "^cryptod: running" 50 &&
	start r2 "$WORK/r2.conf"; }; then
	echo "Bail out! cryptod did not start: $(cat "$WORK"/*.log)"
	exit 1
fi
parent=${bg_pids[1]}
engine=$(pgrep -P "$parent" cryptod)
# what a confined engine shows of itself
confined() {
	local p=$1 uid
	uid=$(id -u nfsec)
	[ "$(field "$p" Uid)" = "$uid" ] &&
		[ "$(awk '$1 == "Uid:" { print $2 $3 $4 $5 }' "/proc/$p/status")" = "$uid$uid$uid$uid" ] &&
		[ "$(field "$p" Gid)" = "$(id -g nfsec)" ] &&
		[ "$(field "$p" Groups)" = "$(id -g nfsec)" ] &&
		[ "$(field "$p" CapPrm)" = 0000000000000000 ] &&
		[ "$(field "$p" CapEff)" = 0000000000000000 ] &&
		[ "$(field "$p" CapBnd)" != 0000000000000000 ] &&
		[ "$(field "$p" NoNewPrivs)" = 1 ] &&
		[ "$(field "$p" Seccomp)" = 2 ] &&
		[ "$(readlink "/proc/$p/root")" = /run/nfsec/empty ] &&
		[ -z "$(ls -A /run/nfsec/empty)" ]
}
if [ -n "$engine" ] && confined "$engine" &&
	[ "$(field "$parent" Uid)" = 0 ] &&
	[ "$(field "$parent" Seccomp)" = 0 ]; then
	tap_ok "R2's engine (pid $engine) runs as nfsec, no capabilities, no_new_privs, seccomp, root /run/nfsec/empty; the parent is root"
else
	tap_fail "R2's engine runs as nfsec, no capabilities, no_new_privs, seccomp, root /run/nfsec/empty; the parent is root" \
		"engine: ${engine:-none}" \
		"$([ -n "$engine" ] && grep -E "^(Uid|Gid|Groups|Cap|NoNewPrivs|Seccomp)" "/proc/$engine/status")" \
		"root: $([ -n "$engine" ] && readlink "/proc/$engine/root")"
fi

r1=${bg_pids[0]}
bits() { $PY -c 'import sys; print(bin(int(sys.argv[1], 16)).count("1"))' "$1"; }
tap_expect "R1's cryptod within cryptod.service's bounds: $(tr ',' ' ' <<<"$unit_caps"), no_new_privs" \
	"6 6 1 1" \
	"$(bits "$(field "$r1" CapBnd)") $(bits "$(field "$r1" CapEff)") $(field "$r1" NoNewPrivs) $(field "$(pgrep -P "$r1" cryptod)" NoNewPrivs)"

# The confined engines do all they did: negotiate, install, show (R1's
# within the unit's bounds).
if ping_until && ping_both && [ "$(sa_count r1) $(sa_count r2)" = "2 2" ] &&
	ctl_in r2 show crypto isakmp sa | grep -q QM_IDLE; then
	tap_ok "confined engines negotiate, install SAs and answer show crypto isakmp sa"
else
	tap_fail "confined engines negotiate, install SAs and answer show crypto isakmp sa" \
		"$(cat "$WORK/r1.log")" "$(cat "$WORK/r2.log")"
fi

# Control clients that connect and say nothing: the old daemon gave each
# one a second of its loop, one after the other.
silent() {
	ip netns exec r2 $PY - "$1" <<'EOF' &
import os, socket, sys, time
path = "/run/nfsec/cryptod.net-%d.sock" % os.stat("/proc/thread-self/ns/net").st_ino
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(socket.AF_UNIX)
    s.connect(path)
    socks.append(s)
time.sleep(4)
EOF
	silent_pid=$!
	sleep 0.3
}
silent 6
t0=$(date +%s%N)
ctl_in r2 show crypto isakmp sa >"$WORK/show6" 2>&1
ms6=$(ms_since "$t0")
wait "$silent_pid"
silent 20
t0=$(date +%s%N)
ctl_in r2 show crypto isakmp sa >"$WORK/show20" 2>&1
ms20=$(ms_since "$t0")
# meanwhile IKE goes on: R1 renegotiates with R2
ctl_in r1 clear crypto isakmp >/dev/null
ctl_in r1 clear crypto sa >/dev/null
t0=$(date +%s%N)
ping_until
msike=$(ms_since "$t0")
wait "$silent_pid"
if [ "$ms6" -lt 500 ] && [ "$ms20" -lt 3000 ] && [ "$msike" -lt 4000 ] &&
	grep -q QM_IDLE "$WORK/show6" && grep -q QM_IDLE "$WORK/show20"; then
	tap_ok "silent control clients stall nothing: an answer in $ms6 ms beside 6, $ms20 ms behind 20; IKE again in $msike ms"
else
	tap_fail "silent control clients stall nothing" \
		"beside 6: $ms6 ms, behind 20: $ms20 ms, IKE: $msike ms" \
		"$(cat "$WORK/show6" "$WORK/show20")"
fi

# SIGHUP goes to the parent, which opens the file; the engine reads it.
sed -i '/^end$/i crypto isakmp policy 20\n encryption aes\n authentication pre-share' \
	"$WORK/r2.conf"
kill -HUP "$parent"
if wait_log "$WORK/r2.log" "reloaded $WORK/r2.conf" &&
	ctl_in r2 show crypto isakmp policy | grep -q "priority 20"; then
	tap_ok "SIGHUP to the parent: the engine loads the file the parent opened"
else
	tap_fail "SIGHUP to the parent: the engine loads the file the parent opened" \
		"$(tail -5 "$WORK/r2.log")"
fi

# The parent passes on nfsec's netlink requests only (the unit test
# test_privsep feeds it others); the engine holds no socket it could
# make itself: every one came from the parent.
socks=$(find "/proc/$engine/fd" -lname 'socket:*' | wc -l)
files=$(find "/proc/$engine/fd" -type l ! -lname 'socket:*' ! -lname 'pipe:*' \
	! -lname '/dev/*' ! -lname "$WORK/*" | wc -l)
tap_expect "the engine's descriptors: sockets the parent made and its log, no files" \
	"yes 0" "$([ "$socks" -ge 4 ] && echo yes || echo "$socks") $files"

# An engine that dies (here SIGKILL; a seccomp violation ends it too):
# the parent says so, deletes the SAs no one will rekey, exits 1; the map
# stays and hostA's traffic is dropped, not sent in the clear.
r2_engine=$(pgrep -P "${bg_pids[1]}" cryptod)
rc=none
if [ -n "$r2_engine" ]; then
	kill -9 "$r2_engine"
	wait "${bg_pids[1]}" 2>/dev/null
	rc=$?
fi
unset 'bg_pids[1]'
cap_start r2 veth-r1 "$WORK/dead.cap" -p || exit 1
ip netns exec hB ping -c 3 -i 0.2 -W 1 192.0.2.10 >/dev/null 2>&1
cap_stop "$WORK/dead.cap" 0
tap_expect "engine killed: parent exits 1 saying so, SAs deleted, map stays, no cleartext leaves R2" \
	"1 yes 0 1 0" \
	"$rc $(grep -q "engine killed by signal 9" "$WORK/r2.log" && grep -q "its SAs are deleted" "$WORK/r2.log" && echo yes) $(sa_count r2) $(map_count r2) $(cap_count "$WORK/dead.cap" icmp)"

# And the socket is free again: a new cryptod takes R2 over.
if start r2 "$WORK/r2.conf" && ping_to hB 192.0.2.10; then
	tap_ok "a new cryptod takes over after the engine died; traffic flows again"
else
	tap_fail "a new cryptod takes over after the engine died; traffic flows again" \
		"$(tail -5 "$WORK/r2.log")"
fi

bg_stop
tap_done
