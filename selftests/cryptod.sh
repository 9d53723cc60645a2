#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cryptod <-> cryptod on the seed's topology (hostA - R1 ==== R2 - hostB)
# with the seed's pre-share configuration, in documentation addresses:
# the first packet from hostA raises ACQUIRE, IKEv1 Main Mode and Quick
# Mode run, and pings pass.  cryptoctl shows the ISAKMP SAs and policies
# from cryptod's control socket (root only), streams `debug crypto
# isakmp`, and `clear crypto isakmp` + `clear crypto sa` lead to a new
# negotiation on the next packet, on both ends (Delete payloads).  SIGHUP
# reloads the file and keeps the SAs; a broken file changes nothing.  A
# pair is rekeyed under traffic without loss.  A peer that starts late is
# reached by retransmission.  Aggressive Mode keys R1 by its hostname.
# A wrong key and a mismatched transform set fail with IOS's messages and
# install nothing.  show crypto map adds cryptod's names and IKE state to
# the kernel's entry.  ipsec-manual entries go in from their session keys and
# come back after `clear crypto sa`.  IPv6 peers, configured with IOS's
# IPv6 forms, carry IPv6 LANs.  A stopped cryptod takes its SAs (the peer
# hears Deletes) and leaves its maps to drop traffic; a starting one takes
# the namespace over (stale entries, bindings and SAs go) and nothing a
# local user or another program does makes it fail open.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
WORK=$(mktemp -d /tmp/nfsec-cryptod.XXXXXX)

tap_plan 34

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

# A NUL byte inside a line: an error at its column, not a heap overflow
# (the plain build aborted in free(), exit 134).
printf 'hostname r1\0%s\ncrypto isakmp policy 1\n' "$(printf 'A%.0s' {1..40})" \
	>"$WORK/nul.conf"
out=$("$CRYPTOD" -t -f "$WORK/nul.conf" 2>&1)
tap_expect "cryptod -t: a NUL byte is refused at its column (exit 1)" \
	"1 yes" "$? $(grep -q "nul.conf:1:12: error: control character 0x00" <<<"$out" && echo yes)"

# start NS CONF: cryptod in NS, logging to $WORK/NS.log, until it runs.
start() { cryptod_start "$1" "$2" "$WORK/$1.log"; }

trap 'bg_stop; rm -rf "$WORK"; _lib_cleanup' EXIT

# run_pair KEY2 TSET2 [LINE]: both routers, R2 with KEY2 and TSET2, both
# with LINE.
run_pair() {
	seed_conf r1 sharedkey "esp-des esp-sha-hmac" 192.0.2.0 203.0.113.0 \
		198.51.100.2 veth-r2 "${3:-}" >"$WORK/r1.conf"
	seed_conf r2 "$1" "$2" 203.0.113.0 192.0.2.0 198.51.100.1 veth-r1 \
		"${3:-}" >"$WORK/r2.conf"
	start r1 "$WORK/r1.conf" && start r2 "$WORK/r2.conf"
}



if run_pair sharedkey "esp-des esp-sha-hmac"; then
	tap_ok "cryptod starts on R1 and R2 and installs the crypto map"
else
	tap_fail "cryptod starts on R1 and R2 and installs the crypto map" \
		"$(cat "$WORK"/*.log)"
fi
if ping_until && ping_both; then
	tap_ok "hostA's traffic triggers IKE; pings pass both ways"
else
	tap_fail "hostA's traffic triggers IKE; pings pass both ways" \
		"$(cat "$WORK/r1.log")" "$(cat "$WORK/r2.log")" \
		"$(ctl_in r1 sa list 2>&1)" "$(ctl_in r2 sa list 2>&1)"
fi
tap_expect "each router holds an inbound and an outbound ESP SA" "2 2" \
	"$(sa_count r1) $(sa_count r2)"
seed_lines() {
	grep -q "Checking ISAKMP transform 1 against priority 1 policy" "$1" &&
		grep -q "SA has been authenticated" "$1" &&
		grep -q "Creating IPSec SAs" "$1"
}
tap_check "R2 logged the seed's lines (transform check, authenticated, SAs)" \
	seed_lines "$WORK/r2.log"
# sa_packets NS: packets NS's SAs carried, in all
sa_packets() { ctl_in "$1" -j sa list | $PY -c 'import json,sys
print(sum(s["stats"]["packets"] for s in json.load(sys.stdin)))'; }
pk=$(sa_packets r2)
tap_check "R2's SAs carried the pings ($pk packets)" test "${pk:-0}" -ge 4
tap_expect "the pre-shared key is not in either log" 0 \
	"$(cat "$WORK/r1.log" "$WORK/r2.log" | grep -c sharedkey)"

# show crypto isakmp sa: dst is the responder (R2), src the initiator
isa_row() { ctl_in "$1" show crypto isakmp sa | grep -E '^198\.51\.100\.2 +198\.51\.100\.1 +QM_IDLE +[0-9]+ +0$'; }
tap_check "show crypto isakmp sa: QM_IDLE on R1 and R2, as the seed shows" \
	eval 'isa_row r1 && isa_row r2 && ctl_in r1 show crypto isakmp sa | head -1 | grep -Eq "^dst +src +state +conn-id slot$"'
tap_expect "show crypto isakmp sa -j: R1 initiated, R2 responded" \
	"QM_IDLE initiator QM_IDLE responder" \
	"$(for r in r1 r2; do ctl_in $r -j show crypto isakmp sa | $PY -c 'import json,sys
s = json.load(sys.stdin)[0]; print(s["state"], s["role"], end=" ")'; done | sed 's/ $//')"
policy_ok() {
	local out
	out=$(ctl_in r1 show crypto isakmp policy) &&
		grep -q "^Protection suite of priority 1$" <<<"$out" &&
		grep -q "authentication method:.Pre-Shared Key" <<<"$out" &&
		grep -q "Diffie-Hellman group:.#2 (1024 bit)" <<<"$out" &&
		grep -q "^Default protection suite$" <<<"$out" ||
		{ echo "$out"; return 1; }
}
tap_check "show crypto isakmp policy: policy 1 and the default suite" policy_ok
# show crypto map: the seed's lines from the kernel's entry and cryptod's
# names, plus the live IKE state with the current peer
map_ok() {
	local out
	out=$(ctl_in r1 show crypto map) &&
		grep -q '^Crypto Map "test" 10 ipsec-isakmp$' <<<"$out" &&
		grep -q "Extended IP access list 133$" <<<"$out" &&
		grep -q "access-list 133 permit ip$" <<<"$out" &&
		grep -q "source: addr = 192.0.2.0/0.0.0.255$" <<<"$out" &&
		grep -q "Current peer: 198.51.100.2$" <<<"$out" &&
		grep -q "Session key lifetime: 4608000 kilobytes/3600 seconds$" <<<"$out" &&
		grep -q "Transform proposals={ auth2, }$" <<<"$out" &&
		grep -q "ISAKMP SA with current peer: QM_IDLE, conn-id [0-9]" <<<"$out" &&
		grep -q "IPsec SA pairs negotiated: 1$" <<<"$out" &&
		[ "$(ctl_in r1 -j show crypto map | $PY -c 'import json,sys
e = json.load(sys.stdin)[0]; print(e["access_list"], e["transform_sets"], e["isakmp_state"])')" = "133 ['auth2'] QM_IDLE" ] ||
		{ echo "$out"; ctl_in r1 -j show crypto map; return 1; }
}
tap_check "show crypto map: the seed's layout, with the live ISAKMP SA state" map_ok
# The seed's other IPsec views, typed as admins do: the map of one
# interface (none for another), the SAs' lifetime and the transform sets.
seed_views_ok() {
	local map none key tset
	map=$(ctl_in r1 sh cry map int veth-r2) &&
		none=$(ctl_in r1 sh cry map int lo) &&
		key=$(ctl_in r1 sh cry ips session-key) &&
		tset=$(ctl_in r1 sh cry ips transform-proposal) &&
		grep -q '^Crypto Map "test" 10 ipsec-isakmp$' <<<"$map" &&
		[ -z "$none" ] &&
		[ "$key" = "Session key lifetime: 4608000 kilobytes/3600 seconds" ] &&
		grep -q "^Transform proposal auth2: { esp-des esp-sha-hmac }$" <<<"$tset" &&
		grep -q "^   will negotiate = { Tunnel, },$" <<<"$tset" &&
		[ "$(ctl_in r1 -j sh cry ips transform-proposal | $PY -c 'import json,sys
t = json.load(sys.stdin)[0]; print(t["name"], t["mode"], t["esp"])')" = "auth2 Tunnel esp-des esp-sha-hmac" ] ||
		{ echo "$map"; echo "$none"; echo "$key"; echo "$tset"; return 1; }
}
tap_check "sh cry map int, sh cry ips session-key, sh cry ips transform-proposal: the seed's layouts" seed_views_ok
# show crypto session: the peer's session up with its ISAKMP SA, the flow
# of the access list and the pair's two SAs
session_ok() {
	local out
	out=$(ctl_in r1 sh cry session) &&
		grep -q "^Interface: veth-r2$" <<<"$out" &&
		grep -q "^Session status: UP-ACTIVE$" <<<"$out" &&
		grep -q "^Peer: 198.51.100.2 port 500$" <<<"$out" &&
		grep -q "^  IKE SA: local 198.51.100.1/500 remote 198.51.100.2/500 Active$" <<<"$out" &&
		grep -q "^  IPSEC FLOW: permit ip 192.0.2.0/255.255.255.0 203.0.113.0/255.255.255.0$" <<<"$out" &&
		grep -q "^        Active SAs: 2, origin: crypto map$" <<<"$out" &&
		[ "$(ctl_in r1 -j sh cry session | $PY -c 'import json,sys
s = json.load(sys.stdin)[0]; print(s["status"], s["ike"]["state"], s["active_sas"])')" = "UP-ACTIVE QM_IDLE 2" ] ||
		{ echo "$out"; return 1; }
}
tap_check "show crypto session: UP-ACTIVE with its IKE SA, flow and SAs" session_ok

# SIGHUP: a new policy takes over and the SAs stay; a broken file changes
# nothing and says where it is broken
sed -i '/^end$/i crypto isakmp policy 20\n encryption aes 256\n hash sha256\n authentication pre-share\n group 14\ncrypto ipsec security-association replay window-size 1024' \
	"$WORK/r1.conf"
kill -HUP "${bg_pids[0]}"
if wait_log "$WORK/r1.log" "reloaded $WORK/r1.conf" &&
	ctl_in r1 show crypto isakmp policy | grep -q "^Protection suite of priority 20$" &&
	[ "$(ctl_in r1 -j policy list | $PY -c 'import json,sys
print(json.load(sys.stdin)[0]["replay_window"])')" = 1024 ] &&
	[ "$(sa_count r1)" = 2 ] && ping_both; then
	tap_ok "SIGHUP: the new policy and replay window show, the SAs stay and carry traffic"
else
	tap_fail "SIGHUP: the new policy and replay window show, the SAs stay and carry traffic" \
		"$(tail -5 "$WORK/r1.log")" "$(ctl_in r1 show crypto isakmp policy 2>&1)"
fi
# SIGHUP with a rotated pre-shared key: the configuration before is freed
# and its keys wiped at once, not kept until exit.  Whether a key is still
# in cryptod is read from its memory; the running key must be found there
# (or the reading proves nothing).
mem_has() {
	$PY - "$1" "$2" <<'EOF'
import sys
pid, needle = sys.argv[1], sys.argv[2].encode()
with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
    for line in maps:
        span, perms = line.split()[:2]
        if not perms.startswith("rw"):
            continue
        lo, hi = (int(x, 16) for x in span.split("-"))
        try:
            mem.seek(lo)
            if needle in mem.read(hi - lo):
                sys.exit(0)
        except OSError:
            pass
sys.exit(1)
EOF
}
# reloads N: until cryptod has said "reloaded" N times (5 s at most)
reloads() {
	local i
	for i in $(seq 25); do
		[ "$(grep -c "reloaded $WORK/r1.conf" "$WORK/r1.log")" -ge "$1" ] &&
			return 0
		sleep 0.2
	done
	return 1
}
sed -i '/^end$/i crypto isakmp key rotated-q8z7 address 203.0.113.99' \
	"$WORK/r1.conf"
kill -HUP "${bg_pids[0]}"
reloads 2
sed -i 's/rotated-q8z7/rotated-w4k2/' "$WORK/r1.conf"
# The keys are the engine's: the parent opens the file and never reads it.
engine=$(pgrep -P "${bg_pids[0]}" cryptod)
before=$(mem_has "$engine" rotated-q8z7 && echo found)
kill -HUP "${bg_pids[0]}"
if reloads 3 && [ "$before" = found ] &&
	! mem_has "$engine" rotated-q8z7 &&
	mem_has "$engine" rotated-w4k2 &&
	! mem_has "${bg_pids[0]}" rotated-w4k2 &&
	grep -q "earlier configuration released" "$WORK/r1.log" &&
	[ "$(sa_count r1)" = 2 ]; then
	tap_ok "SIGHUP with a rotated key: the old key is gone from the engine's memory, the parent never had one"
else
	tap_fail "SIGHUP with a rotated key: the old key is gone from the engine's memory, the parent never had one" \
		"engine: ${engine:-none}, old key in memory before: ${before:-no}" \
		"new key in the parent: $(mem_has "${bg_pids[0]}" rotated-w4k2 && echo yes || echo no)" \
		"$(tail -5 "$WORK/r1.log")"
fi
sed -i '/^end$/i crypto isakmp policy 30\n encryption rot13' "$WORK/r1.conf"
kill -HUP "${bg_pids[0]}"
if wait_log "$WORK/r1.log" "the running configuration stays" &&
	grep -Eq "r1.conf:[0-9]+:[0-9]+: error: .*rot13" "$WORK/r1.log" &&
	! ctl_in r1 show crypto isakmp policy | grep -q "priority 30" &&
	[ "$(sa_count r1)" = 2 ]; then
	tap_ok "SIGHUP with a broken file: file:line:col error, nothing changes"
else
	tap_fail "SIGHUP with a broken file: file:line:col error, nothing changes" \
		"$(tail -5 "$WORK/r1.log")"
fi
nonroot=$(ip netns exec r1 setpriv --reuid=65534 --regid=65534 --clear-groups \
	"$CRYPTOCTL" show crypto isakmp sa 2>&1; echo "rc=$?")
if grep -q "root only" <<<"$nonroot"; then
	tap_ok "the control socket answers root only"
else
	tap_fail "the control socket answers root only" "$nonroot"
fi
# ...and is a file only root may use, in a directory only root may write,
# one per namespace (named by the namespace's inode)
ns_ino() { ip netns exec "$1" stat -L -c %i /proc/self/ns/net; }
tap_expect "control sockets: /run/nfsec is root's alone; a 0600 socket per namespace" \
	"755 root;600 root;600 root" \
	"$(stat -c '%a %U' /run/nfsec /run/nfsec/cryptod.net-"$(ns_ino r1)".sock \
		/run/nfsec/cryptod.net-"$(ns_ino r2)".sock 2>&1 | paste -sd';')"

# debug crypto isakmp streams R2's lines while clear + traffic renegotiate
ctl_in r2 debug crypto isakmp >"$WORK/debug.log" 2>&1 &
dbg=$!
ctl_in r2 debug crypto ipsec >"$WORK/debug-ipsec.log" 2>&1 &
dbg2=$!
sleep 0.5
# clear on R1 only: R2 hears the Deletes
wait_sas() {
	local i
	for i in $(seq 20); do
		[ "$(sa_count r1) $(sa_count r2)" != "$1" ] || return 0
		sleep 0.2
	done
	return 1
}
if ctl_in r1 clear crypto sa >/dev/null && wait_sas "0 0"; then
	tap_ok "clear crypto sa on R1: R2's SAs go too (Delete)"
else
	tap_fail "clear crypto sa on R1: R2's SAs go too (Delete)" \
		"$(ctl_in r2 sa list 2>&1)" "$(tail -20 "$WORK/r2.log")"
fi
renegotiated() {
	ctl_in r1 clear crypto isakmp >/dev/null &&
		sleep 0.5 &&
		[ -z "$(ctl_in r1 show crypto isakmp sa | tail -n +2)" ] &&
		[ -z "$(ctl_in r2 show crypto isakmp sa | tail -n +2)" ] &&
		ping_until && ping_both &&
		ctl_in r1 show crypto isakmp sa | grep -Eq 'QM_IDLE +2 +0$'
}
if renegotiated; then
	tap_ok "clear crypto isakmp on R1 clears R2's too; the next packet renegotiates"
else
	tap_fail "clear crypto isakmp on R1 clears R2's too; the next packet renegotiates" \
		"$(ctl_in r1 show crypto isakmp sa 2>&1)" \
		"$(ctl_in r2 show crypto isakmp sa 2>&1)" "$(tail -20 "$WORK/r1.log")"
fi
ctl_in r2 undebug all >/dev/null
for i in $(seq 20); do
	kill -0 $dbg 2>/dev/null || kill -0 $dbg2 2>/dev/null || break
	sleep 0.1
done
if ! kill -0 $dbg 2>/dev/null && ! kill -0 $dbg2 2>/dev/null &&
	grep -q 'deleting SA reason "Received DELETE"' "$WORK/debug.log" &&
	grep -q "ISAKMP (2): SA has been authenticated" "$WORK/debug.log" &&
	! grep -q "IPSEC(" "$WORK/debug.log" &&
	grep -q "^IPSEC(delete_sa): deleting SA, (sa) sa_dest= 198.51.100.2, sa_prot= 50" "$WORK/debug-ipsec.log" &&
	grep -q "^IPSEC(create_sa): sa created, (sa) sa_dest= 198.51.100.1, sa_prot= 50, sa_spi= 0x[0-9A-F]*([0-9]*), sa_trans= esp-des esp-sha-hmac" "$WORK/debug-ipsec.log"; then
	tap_ok "debug crypto isakmp and ipsec streamed R2's Delete and new SAs; undebug all ended them"
else
	kill $dbg $dbg2 2>/dev/null
	tap_fail "debug crypto isakmp and ipsec streamed R2's Delete and new SAs; undebug all ended them" \
		"$(cat "$WORK/debug.log")" "$(cat "$WORK/debug-ipsec.log")"
fi
# Stopping R1's cryptod (SIGTERM): its SAs go and R2 hears it (Deletes),
# but R1's crypto map stays bound, so hostA's traffic is dropped rather
# than sent in the clear while no cryptod runs.
ping_both
kill "${bg_pids[0]}"
wait "${bg_pids[0]}" 2>/dev/null
for i in $(seq 20); do
	[ "$(sa_count r2)" != 0 ] || break
	sleep 0.2
done
cap_start r1 veth-r2 "$WORK/stop.cap" icmp
ip netns exec hA ping -c 2 -W 1 203.0.113.10 >/dev/null 2>&1
cap_stop "$WORK/stop.cap" 1
tap_expect "cryptod stopped: SAs gone on both ends (Delete); the map stays, no cleartext leaves R1" \
	"0 0 1 0" \
	"$(sa_count r1) $(sa_count r2) $(map_count r1) $(cap_count "$WORK/stop.cap")"
bg_stop
# Nothing a local user does keeps cryptod from installing its maps: nobody
# holds the abstract name the control socket once had (which made cryptod
# give up, with no crypto map installed); then a cryptod killed with
# SIGKILL leaves its socket behind, and the next one starts all the same.
seed_conf r1 sharedkey "esp-des esp-sha-hmac" 192.0.2.0 203.0.113.0 \
	198.51.100.2 veth-r2 >"$WORK/r1.conf"
# What an earlier run left that this configuration does not have goes:
# an entry of another seq and a binding of another interface.
ctl_in r1 policy add map test seq 99 peer 198.51.100.2 local 198.51.100.1 \
	rule protect dst 203.0.113.128/25
ctl_in r1 map bind old veth-hA
ip netns exec r1 setpriv --reuid=65534 --regid=65534 --clear-groups $PY -c '
import socket, time
s = socket.socket(socket.AF_UNIX)
s.bind("\0nfsec-cryptod")
s.listen(1)
time.sleep(60)' &
squat=$!
sleep 0.5
started=no
if start r1 "$WORK/r1.conf" && [ "$(map_count r1)" = 1 ] &&
	[ "$(ctl_in r1 -j policy list | $PY -c 'import json,sys
print(" ".join("%s/%d" % (e["map"], e["seq"]) for e in json.load(sys.stdin)))')" = test/10 ]; then
	kill -9 "${bg_pids[-1]}"
	wait "${bg_pids[-1]}" 2>/dev/null
	unset 'bg_pids[-1]'
	: >"$WORK/r1.log"
	start r1 "$WORK/r1.conf" && [ "$(map_count r1)" = 1 ] && started=yes
fi
kill $squat 2>/dev/null
wait $squat 2>/dev/null
bg_stop
tap_expect "squatted abstract name, stale entry and binding, then a SIGKILLed cryptod: cryptod starts, installs its map, drops the rest" \
	yes "$started$([ $started = yes ] || cat "$WORK/r1.log")"

# Fail closed from the start: the crypto maps go in before anything that
# can fail for reasons outside cryptod's control.  With UDP port 500 held
# by another program, cryptod cannot run; its map stays bound and hostA's
# traffic is dropped, not sent in the clear.
ip netns exec r1 $PY -c '
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("0.0.0.0", 500))
time.sleep(60)' &
holder=$!
sleep 0.5
ip netns exec r1 "$CRYPTOD" -d -f "$WORK/r1.conf" >"$WORK/r1-udp.log" 2>&1
rc=$?
cap_start r1 veth-r2 "$WORK/udp.cap" icmp
ip netns exec hA ping -c 2 -W 1 203.0.113.10 >/dev/null 2>&1
cap_stop "$WORK/udp.cap" 1
kill $holder 2>/dev/null
wait $holder 2>/dev/null
tap_expect "UDP 500 taken: cryptod exits 1 saying why; its map stays bound, no cleartext leaves R1" \
	"1 yes 1 0" \
	"$rc $(grep -q "crypto maps stay installed" "$WORK/r1-udp.log" && echo yes) $(map_count r1) $(cap_count "$WORK/udp.cap")"
ctl_in r1 flush >/dev/null

# Rekey by kilobytes (IOS's least, 2560) under steady pings: the soft
# limit starts a new pair, the old one dies at its hard limit, no loss.
run_pair sharedkey "esp-des esp-sha-hmac" \
	"crypto ipsec security-association lifetime kilobytes 2560"
ping_until
out=$(ip netns exec hA ping -q -s 1400 -i 0.01 -c 2200 -W 2 203.0.113.10 2>&1)
if grep -q "2200 packets transmitted, 2200 received" <<<"$out" &&
	grep -q "IPSEC(rekey): crypto map test 10, retiring SA" "$WORK/r1.log" &&
	wait_sas "2 2"; then
	tap_ok "rekey by kilobytes under traffic: new pair, old one retired on both ends, no loss"
else
	tap_fail "rekey by kilobytes under traffic: new pair, old one retired on both ends, no loss" \
		"$out" "$(ctl_in r1 sa list 2>&1)" "$(grep -v '^ISAKMP: ' "$WORK/r1.log" | tail -30)"
fi
bg_stop

# R2 starts 3 s after R1's first packet: R1 retransmits Main Mode 1
seed_conf r1 sharedkey "esp-des esp-sha-hmac" 192.0.2.0 203.0.113.0 \
	198.51.100.2 veth-r2 >"$WORK/r1.conf"
start r1 "$WORK/r1.conf"
ping_until >/dev/null &
tpid=$!
sleep 3
start r2 "$WORK/r2.conf"
if wait $tpid && ping_both &&
	grep -q "retransmitting phase 1 MM_NO_STATE" "$WORK/r1.log"; then
	tap_ok "a peer that starts late is reached by retransmission"
else
	tap_fail "a peer that starts late is reached by retransmission" \
		"$(cat "$WORK/r1.log")"
fi
bg_stop

# Aggressive Mode: R1 names itself (the seed's wan2511 way), R2 keys it
# by that name; then a key for another name fails as the seed shows
am_pair() {
	seed_conf r1 otherkey "esp-des esp-sha-hmac" 192.0.2.0 203.0.113.0 \
		198.51.100.2 veth-r2 "crypto isakmp identity hostname" |
		sed 's/^crypto isakmp key otherkey/crypto isakmp key sharedkey/' \
			>"$WORK/r1.conf"
	seed_conf r2 otherkey "esp-des esp-sha-hmac" 203.0.113.0 192.0.2.0 \
		198.51.100.1 veth-r1 "crypto isakmp key sharedkey hostname $1" \
		>"$WORK/r2.conf"
	start r1 "$WORK/r1.conf" && start r2 "$WORK/r2.conf"
}
am_pair r1
if ping_until && ping_both &&
	grep -q "beginning Aggressive Mode exchange" "$WORK/r1.log" &&
	ctl_in r2 show crypto isakmp sa | grep -Eq '^198\.51\.100\.2 +198\.51\.100\.1 +QM_IDLE'; then
	tap_ok "Aggressive Mode with hostname identity: R2 keys R1 by its name"
else
	tap_fail "Aggressive Mode with hostname identity: R2 keys R1 by its name" \
		"$(tail -15 "$WORK/r1.log")" "$(tail -15 "$WORK/r2.log")"
fi
bg_stop
am_pair r9
if fails_with "$WORK/r2.log" "Processing of Aggressive mode failed" &&
	grep -q "no pre-shared key based on hostname r1!" "$WORK/r2.log" &&
	grep -q "Processing of Aggressive mode failed with peer at 198.51.100.1" \
		"$WORK/r2.log" && [ "$(sa_count r1) $(sa_count r2)" = "0 0" ]; then
	tap_ok "no key for R1's name: the seed's Aggressive mode failure, no SAs"
else
	tap_fail "no key for R1's name: the seed's Aggressive mode failure, no SAs" \
		"$(tail -15 "$WORK/r2.log")"
fi
bg_stop

run_pair otherkey "esp-des esp-sha-hmac"
if fails_with "$WORK/r2.log" \
	"IKE message from 198.51.100.1 failed its sanity check or is malformed" &&
	[ "$(sa_count r1) $(sa_count r2)" = "0 0" ]; then
	tap_ok "a wrong pre-shared key: IKMP_BAD_MESSAGE on R2, no SAs"
else
	tap_fail "a wrong pre-shared key: IKMP_BAD_MESSAGE on R2, no SAs" \
		"$(cat "$WORK/r2.log")"
fi
bg_stop

run_pair sharedkey "esp-3des esp-sha-hmac"
if fails_with "$WORK/r2.log" \
	"Processing of Quick mode failed with peer at 198.51.100.1" &&
	[ "$(sa_count r1) $(sa_count r2)" = "0 0" ]; then
	tap_ok "mismatched transform sets: Quick mode fails on R2, no SAs"
else
	tap_fail "mismatched transform sets: Quick mode fails on R2, no SAs" \
		"$(cat "$WORK/r2.log")" "$(ctl_in r1 sa list 2>&1)"
fi
bg_stop

# ipsec-manual (the seed's bundle, keys typed in): mkey KIND+SPI gives that
# SPI's key, the same on both routers; R1 receives on 300/400, R2 on
# 301/401.
mkey() {
	case $1 in
	esp300) echo "cipher 0123456789abcdef authenticator 00112233445566778899aabbccddeeff00112233" ;;
	esp301) echo "cipher fedcba9876543210 authenticator ffeeddccbbaa99887766554433221100ffeeddcc" ;;
	ah400) echo 0102030405060708090a0b0c0d0e0f1011121314 ;;
	ah401) echo 1102030405060708090a0b0c0d0e0f1011121314 ;;
	esp310) echo "cipher 1123456789abcdef authenticator 10112233445566778899aabbccddeeff00112233" ;;
	esac
}

# manual_conf NAME PEER IFACE ACL_SRC ACL_DST ESP_IN ESP_OUT AH_IN AH_OUT
manual_conf() {
	cat <<EOF
hostname $1
crypto ipsec transform-set man ah-sha-hmac esp-des esp-sha-hmac
crypto map test 10 ipsec-manual
 set peer $2
 set transform-set man
 match address 133
 set session-key inbound esp $6 $(mkey "esp$6")
 set session-key outbound esp $7 $(mkey "esp$7")
 set session-key inbound ah $8 $(mkey "ah$8")
 set session-key outbound ah $9 $(mkey "ah$9")
interface $3
 crypto map test
access-list 133 permit ip $4 0.0.0.255 $5 0.0.0.255
end
EOF
}

manual_conf r1 198.51.100.2 veth-r2 192.0.2.0 203.0.113.0 300 301 400 401 \
	>"$WORK/r1.conf"
manual_conf r2 198.51.100.1 veth-r1 203.0.113.0 192.0.2.0 301 300 401 400 \
	>"$WORK/r2.conf"
if start r1 "$WORK/r1.conf" && start r2 "$WORK/r2.conf" &&
	[ "$(sa_count r1) $(sa_count r2)" = "4 4" ] && ping_both &&
	! grep -q "ISAKMP" "$WORK/r1.log" "$WORK/r2.log"; then
	tap_ok "ipsec-manual: the session keys go in as 4 SAs each, pings pass, no IKE"
else
	tap_fail "ipsec-manual: the session keys go in as 4 SAs each, pings pass, no IKE" \
		"$(cat "$WORK/r1.log")" "$(ctl_in r1 sa list 2>&1)" \
		"$(ctl_in r2 sa list 2>&1)"
fi
# R1's new outbound SAs count from 1 again: R2 has no replay window on
# manual SAs, as sequence numbers restart with every re-creation; with one,
# R2 would drop R1's new packet 1 (it had seen the old one) as a replay
replays() { ctl_in "$1" -j sa list | $PY -c 'import json,sys
print(sum(s["stats"]["replay"] for s in json.load(sys.stdin)))'; }
ctl_in r1 clear crypto sa >/dev/null
cleared=$(sa_count r1)
if [ "$cleared" = 0 ] && ping_until && ping_both &&
	[ "$(sa_count r1) $(replays r2)" = "4 0" ]; then
	tap_ok "clear crypto sa: the next packet re-creates R1's manual SAs"
else
	tap_fail "clear crypto sa: the next packet re-creates R1's manual SAs" \
		"SAs right after the clear: $cleared" "$(cat "$WORK/r1.log")" \
		"$(ctl_in r1 sa list 2>&1)" "$(ctl_in r2 sa list 2>&1)"
fi
# SIGHUP with a new SPI and key for R1's inbound ESP (R2's outbound): the
# changed SAs are replaced on both ends, the others stay, pings pass
spis() { ctl_in "$1" -j sa list | $PY -c 'import json,sys
print(" ".join(str(s["spi"]) for s in sorted(json.load(sys.stdin), key=lambda s: s["spi"])))'; }
manual_conf r1 198.51.100.2 veth-r2 192.0.2.0 203.0.113.0 310 301 400 401 \
	>"$WORK/r1.conf"
manual_conf r2 198.51.100.1 veth-r1 203.0.113.0 192.0.2.0 301 310 401 400 \
	>"$WORK/r2.conf"
kill -HUP "${bg_pids[@]}"
if wait_log "$WORK/r1.log" "reloaded $WORK/r1.conf" &&
	wait_log "$WORK/r2.log" "reloaded $WORK/r2.conf" &&
	[ "$(spis r1)|$(spis r2)" = "301 310 400 401|301 310 400 401" ] &&
	ping_both; then
	tap_ok "SIGHUP with a new manual SPI and key: that SA is replaced on both ends"
else
	tap_fail "SIGHUP with a new manual SPI and key: that SA is replaced on both ends" \
		"R1: $(spis r1)" "R2: $(spis r2)" "$(tail -5 "$WORK/r1.log")"
fi
bg_stop

# IPv6 peers (IOS's forms: a key for an IPv6 prefix, an IPv6 access list,
# `ipv6 crypto map`): hostA's ping6 starts IKE over 2001:db8:1::/64; both
# ends hold ESP SAs between the routers' IPv6 addresses, and pings pass
# both ways.
conf6() {
	cat <<EOF
hostname $1
crypto isakmp policy 1
 encryption aes 256
 hash sha256
 authentication pre-share
 group 14
crypto isakmp key sharedkey address ipv6 $2/128
crypto ipsec transform-set t6 esp-aes 256 esp-sha256-hmac
crypto map v6map 10 ipsec-isakmp
 set peer $2
 set transform-set t6
 match address lans
ipv6 access-list lans
 permit ipv6 $4 $5
interface $3
 ipv6 crypto map v6map
end
EOF
}
sa_dsts() { ctl_in "$1" -j sa list | $PY -c 'import json,sys
print(" ".join(sorted(s["dst"] for s in json.load(sys.stdin))))'; }
conf6 r1 2001:db8:1::2 veth-r2 2001:db8:a::/64 2001:db8:b::/64 >"$WORK/r1.conf"
conf6 r2 2001:db8:1::1 veth-r1 2001:db8:b::/64 2001:db8:a::/64 >"$WORK/r2.conf"
if start r1 "$WORK/r1.conf" && start r2 "$WORK/r2.conf" &&
	ping_to hA 2001:db8:b::10 && ping_both -6 &&
	[ "$(sa_dsts r1)" = "2001:db8:1::1 2001:db8:1::2" ] &&
	[ "$(sa_packets r2)" -ge 4 ] &&
	ctl_in r2 show crypto isakmp sa |
	grep -Eq '^2001:db8:1::2 +2001:db8:1::1 +QM_IDLE '; then
	tap_ok "IPv6 peers: ping6 starts IKE over IPv6, ESP between the routers' IPv6 addresses"
else
	tap_fail "IPv6 peers: ping6 starts IKE over IPv6, ESP between the routers' IPv6 addresses" \
		"$(cat "$WORK/r1.log")" "$(cat "$WORK/r2.log")" \
		"$(ctl_in r1 sa list 2>&1)" "$(ctl_in r2 show crypto isakmp sa 2>&1)"
fi
bg_stop
tap_done
