#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cryptod under a flood of spoofed Main Mode 1: R1 sends IKEv1 Main Mode 1
# to R2 from 240 addresses that are not its own (198.51.100.10-249) at a
# fixed rate, each a new initiator cookie, as an attacker off the path
# can.  Meanwhile hostA's traffic makes R1 negotiate for real.  R2 must
# answer the real peer within its normal retransmission schedule (at most
# one retransmission of phase 1), keep its half-open SAs and its memory
# bounded, drop the spoofed SAs within 10 s of the flood, and say so in
# one log line per 10 s rather than one per packet (R2 runs without -d,
# as a router would).
#
#   hA 192.0.2.10 - R1 198.51.100.1 ==== 198.51.100.2 R2 - hB 203.0.113.10

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
WORK=$(mktemp -d /tmp/nfsec-ikeflood.XXXXXX)
# 50/s: the old responder's 16 half-open SAs, 62 s each, were full at any
# rate above one every 4 s.  Faster floods measure cryptod's speed under
# TCG instead (at 200/s R2's UDP socket overflowed, legitimate messages
# with it): that is reported below as R2's receive-buffer drops.
RATE=${NFSEC_FLOOD_RATE:-50}
SECS=12 # long enough that the spoofed SAs would fill the old limit

tap_plan 4

mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }
trap 'bg_stop; rm -rf "$WORK"; _lib_cleanup' EXIT

seed_conf r1 sharedkey "esp-des esp-sha-hmac" 192.0.2.0 203.0.113.0 \
	198.51.100.2 veth-r2 >"$WORK/r1.conf"
seed_conf r2 sharedkey "esp-des esp-sha-hmac" 203.0.113.0 192.0.2.0 \
	198.51.100.1 veth-r1 >"$WORK/r2.conf"
cryptod_start r1 "$WORK/r1.conf" "$WORK/r1.log" ||
	{ echo "Bail out! cryptod on R1"; exit 1; }
ip netns exec r2 "$CRYPTOD" -f "$WORK/r2.conf" >"$WORK/r2.log" 2>&1 &
r2pid=$!
bg_pids+=("$r2pid")
wait_log "$WORK/r2.log" "^cryptod: running" 50 ||
	{ echo "Bail out! cryptod on R2"; cat "$WORK/r2.log"; exit 1; }
# The IKE state is the engine's (the parent holds none): its memory counts.
r2engine=$(pgrep -P "$r2pid" cryptod)

# The flood: a Main Mode 1 that R2's policy accepts (DES, SHA, pre-share,
# group 2), from raw sockets with the source addresses forged.
cat >"$WORK/flood.py" <<'EOF'
import os, socket, struct, sys, time
rate, secs = int(sys.argv[1]), float(sys.argv[2])
attrs = b"".join(struct.pack("!HH", 0x8000 | t, v)
                 for t, v in ((1, 1), (2, 2), (3, 1), (4, 2), (11, 1)))
attrs += struct.pack("!HHI", 12, 4, 86400)
xf = struct.pack("!BBHBBH", 0, 0, 8 + len(attrs), 1, 1, 0) + attrs
prop = struct.pack("!BBHBBBB", 0, 0, 8 + len(xf), 1, 1, 0, 1) + xf
sa = struct.pack("!BBHII", 0, 0, 12 + len(prop), 1, 1) + prop
s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)
dst = socket.inet_aton("198.51.100.2")
n, start = 0, time.monotonic()
while time.monotonic() - start < secs:
    src = socket.inet_aton("198.51.100.%d" % (10 + n % 240))
    isakmp = os.urandom(8) + bytes(8) + struct.pack(
        "!BBBBII", 1, 0x10, 2, 0, 0, 28 + len(sa)) + sa
    udp = struct.pack("!HHHH", 500, 500, 8 + len(isakmp), 0) + isakmp
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64,
                     17, 0, src, dst) + udp
    s.sendto(ip, ("198.51.100.2", 0))
    n += 1
    delay = start + n / rate - time.monotonic()
    if delay > 0:
        time.sleep(delay)
print(n)
EOF

vm_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }
# half_open: R2's ISAKMP SAs not (yet) authenticated
half_open() {
	ctl_in r2 -j show crypto isakmp sa | $PY -c 'import json,sys
print(sum(s["state"] != "QM_IDLE" for s in json.load(sys.stdin)))'
}

rss0=$(vm_kb "$r2engine" VmRSS)
ip netns exec r1 $PY "$WORK/flood.py" "$RATE" "$SECS" >"$WORK/flood.out" &
fpid=$!
fstart=$(date +%s)
# R2's half-open count once a second while the flood lasts
while kill -0 "$fpid" 2>/dev/null; do
	half_open 2>/dev/null || echo unread
	sleep 1
done >"$WORK/half_open" &
spid=$!
sleep 2 # the flood is on
t0=$(date +%s%N)
ip netns exec hA ping -c 1 -W 1 203.0.113.10 >/dev/null 2>&1
ok=no
ping_until && ok=yes
t1=$(date +%s%N)
rtx=$(grep -c "retransmitting phase 1" "$WORK/r1.log")
rcvbuf=$(ip netns exec r2 nstat -az UdpRcvbufErrors 2>/dev/null |
	awk '/UdpRcvbufErrors/ { print $2 }')
wait "$fpid"
wait "$spid"
most=0 samples=0 unread=0
while read -r n; do
	if [[ $n =~ ^[0-9]+$ ]]; then
		samples=$((samples + 1))
		[ "$n" -le "$most" ] || most=$n
	else
		unread=$((unread + 1))
	fi
done <"$WORK/half_open"
sent=$(cat "$WORK/flood.out")
hwm=$(vm_kb "$r2engine" VmHWM)
if [ "$ok" = yes ] && [ "$rtx" -le 1 ]; then
	tap_ok "a real peer negotiates amid $RATE spoofed MM1/s: $(((t1 - t0) / 1000000)) ms, $rtx phase-1 retransmissions, ${rcvbuf:-?} datagrams R2 could not queue"
else
	tap_fail "a real peer negotiates amid $RATE spoofed MM1/s" \
		"ping: $ok, phase-1 retransmissions: $rtx" \
		"$(grep -E "retransmitting|Death|failed" "$WORK/r1.log" | tail -5)" \
		"$(tail -5 "$WORK/r2.log")"
fi
tap_check "R2's half-open SAs stay bounded under ${sent:-?} spoofed MM1 (at most $most of 128 + 1, $samples samples, $unread unread)" \
	test "$most" -le 129 -a "$samples" -ge 5 -a "$unread" = 0
tap_check "R2's engine's memory stays bounded: VmHWM $hwm kB, from VmRSS $rss0 kB" \
	test "$((hwm - rss0))" -le 8192
# gone 10 s after the flood, and said in a line per 10 s at most
for _ in $(seq 15); do
	[ "$(half_open)" = 0 ] && break
	sleep 1
done
lines=$(grep -c "Main Mode requests not followed by the peer" "$WORK/r2.log")
limit=$((($(date +%s) - fstart) / 10 + 1))
all=$(wc -l <"$WORK/r2.log")
if [ "$(half_open)" = 0 ] && [ "$lines" -ge 1 ] &&
	[ "$lines" -le "$limit" ] && [ "$all" -le 20 ]; then
	tap_ok "the spoofed SAs are gone after the flood; R2 logged it in $lines lines ($all in all)"
else
	tap_fail "the spoofed SAs are gone after the flood; R2 logged it in a line per 10 s" \
		"half open now: $(half_open), summary lines: $lines (at most $limit), log lines: $all" \
		"$(head -20 "$WORK/r2.log")"
fi
