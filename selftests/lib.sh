#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers for nfsec selftests (sourced).  Each test file is a TAP
# producer: it calls tap_plan, then one tap_* per check.  Namespaces made with
# ns_add are deleted, and a module loaded by the test is unloaded, on exit,
# whatever happens.
#
# Environment (set by run.sh): NFSEC_TOP (tree), NFSEC_KMOD_DIR (build output
# for the running kernel).  NFSEC_SELFTEST_USERLAND=0 (the debug-kernel run)
# skips checks of userland alone, such as tshark reading a capture, which
# the stock kernels run: see userland_only.

set -u

NFSEC_TOP=${NFSEC_TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
NFSEC_KMOD_DIR=${NFSEC_KMOD_DIR:-$NFSEC_TOP}
NFSEC_KO=$NFSEC_KMOD_DIR/kmod/nfsec.ko
CRYPTOCTL=$NFSEC_TOP/build/tools/cryptoctl/cryptoctl
CRYPTOD=$NFSEC_TOP/build/tools/cryptod/cryptod
# No site module (-S): every script here needs only the standard library,
# and site's .pth processing doubles python's start-up, about 2 s of 4 per
# call on the debug kernel under TCG.  Used unquoted: $PY -c '...'.
PY="/usr/bin/python3 -S"
CHARON=/usr/lib/ipsec/charon
export PATH=$PATH:/usr/sbin:/sbin

_tap_n=0
_tap_failed=0
_ns_list=()

tap_plan() { echo "1..$1"; }

tap_ok() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1"; }

# tap_fail DESC [DIAGNOSTIC...]
tap_fail() {
	local d=$1
	shift
	_tap_n=$((_tap_n + 1))
	_tap_failed=$((_tap_failed + 1))
	echo "not ok $_tap_n - $d"
	[ $# -eq 0 ] || printf '%s\n' "$@" | sed 's/^/#   /'
}

tap_skip() { _tap_n=$((_tap_n + 1)); echo "ok $_tap_n - $1 # SKIP $2"; }

# tap_check DESC CMD...: ok when CMD succeeds; its output becomes the
# diagnostic when it fails.
tap_check() {
	local d=$1 out
	shift
	if out=$("$@" 2>&1); then
		tap_ok "$d"
	else
		tap_fail "$d" "command: $*" "$out"
	fi
}

# tap_expect DESC WANT GOT: ok when the two strings are equal.
tap_expect() {
	if [ "$2" = "$3" ]; then
		tap_ok "$1"
	else
		tap_fail "$1" "want: $2" "got:  $3"
	fi
}

tap_done() { exit $((_tap_failed > 0)); }

# userland_only DESC...: true (after a SKIP line per DESC) when checks of
# userland alone are off in this run (NFSEC_SELFTEST_USERLAND=0).
userland_only() {
	local d
	[ "${NFSEC_SELFTEST_USERLAND:-1}" = 0 ] || return 1
	for d in "$@"; do
		tap_skip "$d" "userland only: the stock kernels run it"
	done
}

mod_loaded() { grep -q '^nfsec ' /proc/modules; }

mod_load() { mod_loaded || insmod "$NFSEC_KO"; }

# A bound crypto map pins the module; a namespace deleted by an earlier test
# gives its bindings back only once the kernel's cleanup_net has run, so
# rmmod is tried for up to 10 s.
mod_unload() {
	local i
	for i in $(seq 50); do
		mod_loaded || return 0
		rmmod nfsec 2>/dev/null && return 0
		sleep 0.2
	done
	rmmod nfsec
}

# ns_add NAME...: new network namespaces with loopback up, removed on exit.
ns_add() {
	local ns
	for ns in "$@"; do
		ip netns add "$ns" || return 1
		_ns_list+=("$ns")
		ip -n "$ns" link set lo up || return 1
	done
}

ns_del() {
	local ns i
	for ns in "$@"; do
		ip netns del "$ns" 2>/dev/null
		for i in "${!_ns_list[@]}"; do
			[ "${_ns_list[$i]}" != "$ns" ] || unset '_ns_list[i]'
		done
	done
}

# ns_link A ADDR_A B ADDR_B: a veth pair between two namespaces, with
# addresses (prefix included) on each end.  IPv6 addresses skip DAD.
ns_link() {
	local a=$1 aa=$2 b=$3 ba=$4 na nb
	na=veth-$b
	nb=veth-$a
	ip -n "$a" link add "$na" type veth peer name "$nb" netns "$b" || return 1
	ip -n "$a" addr add "$aa" dev "$na" nodad 2>/dev/null ||
		ip -n "$a" addr add "$aa" dev "$na" || return 1
	ip -n "$b" addr add "$ba" dev "$nb" nodad 2>/dev/null ||
		ip -n "$b" addr add "$ba" dev "$nb" || return 1
	ip -n "$a" link set "$na" up && ip -n "$b" link set "$nb" up
}

# ctl_in NS ARGS...: cryptoctl in namespace NS.  cryptoctl -n only enters
# the network namespace; `ip netns exec` also sets up a mount namespace,
# which costs more than a second per call on the debug kernel under TCG.
ctl_in() {
	local ns=$1
	shift
	"$CRYPTOCTL" -n "$ns" "$@"
}

# json_get JSON PATH: a value out of cryptoctl -j output ("a.b.c"; numbers
# index lists, "0.stats.packets").
json_get() {
	$PY -c 'import json,sys
v = json.loads(sys.argv[1])
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
print(v)' "$1" "$2"
}

# sa_count NS: how many nfsec SAs NS holds.
sa_count() { ctl_in "$1" -j sa list | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
# map_count NS: crypto map bindings in NS
map_count() { ctl_in "$1" -j map list | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))'; }

_lib_cleanup() {
	local ns
	for ns in "${_ns_list[@]}"; do
		ip netns del "$ns" 2>/dev/null
	done
	[ -z "${_lib_loaded_here:-}" ] || mod_unload 2>/dev/null
}
trap _lib_cleanup EXIT

# topo_seed: the seed's topology, hostA - R1 ==== R2 - hostB, as namespaces
# hA, r1, r2, hB.  LAN A 192.0.2.0/24 and 2001:db8:a::/64, the R1-R2 link
# 198.51.100.0/24 and 2001:db8:1::/64, LAN B 203.0.113.0/24 and
# 2001:db8:b::/64.  Hosts are .10/::10, routers .1/::1 on LANs and
# .1/.2 on the link.  R1's link device is veth-r2, R2's is veth-r1.
topo_seed() {
	local r
	printf 'netns add %s\n' hA r1 r2 hB | ip -batch - || return 1
	_ns_list+=(hA r1 r2 hB)
	# One `ip -batch` per namespace: under TCG on the debug kernel each ip
	# process costs over a second.  Links first, routes once all are up.
	ip -n hA -batch - <<-EOF || return 1
		link set lo up
		link add veth-r1 type veth peer name veth-hA netns r1
		addr add 192.0.2.10/24 dev veth-r1
		addr add 2001:db8:a::10/64 dev veth-r1 nodad
		link set veth-r1 up
	EOF
	ip -n r1 -batch - <<-EOF || return 1
		link set lo up
		link add veth-r2 type veth peer name veth-r1 netns r2
		addr add 192.0.2.1/24 dev veth-hA
		addr add 2001:db8:a::1/64 dev veth-hA nodad
		addr add 198.51.100.1/24 dev veth-r2
		addr add 2001:db8:1::1/64 dev veth-r2 nodad
		link set veth-hA up
		link set veth-r2 up
	EOF
	ip -n r2 -batch - <<-EOF || return 1
		link set lo up
		link add veth-hB type veth peer name veth-r2 netns hB
		addr add 198.51.100.2/24 dev veth-r1
		addr add 2001:db8:1::2/64 dev veth-r1 nodad
		addr add 203.0.113.1/24 dev veth-hB
		addr add 2001:db8:b::1/64 dev veth-hB nodad
		link set veth-r1 up
		link set veth-hB up
	EOF
	ip -n hB -batch - <<-EOF || return 1
		link set lo up
		addr add 203.0.113.10/24 dev veth-r2
		addr add 2001:db8:b::10/64 dev veth-r2 nodad
		link set veth-r2 up
	EOF
	printf 'route add %s via %s\n' default 192.0.2.1 ::/0 2001:db8:a::1 |
		ip -n hA -batch - || return 1
	printf 'route add %s via %s\n' default 203.0.113.1 ::/0 2001:db8:b::1 |
		ip -n hB -batch - || return 1
	printf 'route add %s via %s\n' 203.0.113.0/24 198.51.100.2 \
		2001:db8:b::/64 2001:db8:1::2 | ip -n r1 -batch - || return 1
	printf 'route add %s via %s\n' 192.0.2.0/24 198.51.100.1 \
		2001:db8:a::/64 2001:db8:1::1 | ip -n r2 -batch - || return 1
	for r in r1 r2; do
		nsenter --net=/run/netns/$r sysctl -qw net.ipv4.ip_forward=1 \
			net.ipv6.conf.all.forwarding=1 || return 1
	done
}

# The ESP algorithms both nfsec and XFRM carry, one per line:
#   NAME  NFSEC-ENC  ENC-KEY-BYTES  NFSEC-AUTH  AUTH-KEY-BYTES  XFRM-SPEC
# ENC-KEY-BYTES include the 4-byte salt of the combined-mode ciphers.
# XFRM-SPEC is aead:ALG:ICV-BITS or enc:CIPHER:HMAC:TRUNC-BITS.
ESP_ALGS="gcm128 aes-gcm 20 - 0 aead:rfc4106(gcm(aes)):128
gcm256 aes-gcm 36 - 0 aead:rfc4106(gcm(aes)):128
chacha20 chacha20-poly1305 36 - 0 aead:rfc7539esp(chacha20,poly1305):128
cbc-sha1 aes-cbc 16 hmac-sha1-96 20 enc:cbc(aes):hmac(sha1):96
cbc-sha256 aes-cbc 16 hmac-sha256-128 32 enc:cbc(aes):hmac(sha256):128
cbc-sha384 aes-cbc 32 hmac-sha384-192 48 enc:cbc(aes):hmac(sha384):192
cbc-sha512 aes-cbc 24 hmac-sha512-256 64 enc:cbc(aes):hmac(sha512):256
3des-md5 3des 24 hmac-md5-96 16 enc:cbc(des3_ede):hmac(md5):96
des-sha1 des 8 hmac-sha1-96 20 enc:cbc(des):hmac(sha1):96
null-sha1 null 0 hmac-sha1-96 20 enc:ecb(cipher_null):hmac(sha1):96"


# The AH algorithms, one per line:  NAME  NFSEC-AUTH  KEY-BYTES  XFRM-SPEC
# (XFRM-SPEC is HMAC:TRUNC-BITS for ip xfrm's auth-trunc).
AH_ALGS="ah-sha1 hmac-sha1-96 20 hmac(sha1):96
ah-md5 hmac-md5-96 16 hmac(md5):96
ah-sha256 hmac-sha256-128 32 hmac(sha256):128"

# The algorithms a run covers: all of ESP_ALGS (alg_list) and AH_ALGS
# (ah_list), or those NFSEC_SELFTEST_ALGS names (the debug-kernel run uses
# one ESP and one AH algorithm: its KUnit known-answer tests run AES-GCM,
# ChaCha20-Poly1305 and CBC with HMAC through nfsec's ESP code, and the
# framing around the transform is the same for all).
_alg_names() {
	local all want=" ${NFSEC_SELFTEST_ALGS:-} " n
	all=$(echo "$1" | awk '{ print $1 }')
	for n in $all; do
		[ -z "${NFSEC_SELFTEST_ALGS:-}" ] || [[ $want == *" $n "* ]] ||
			continue
		echo "$n"
	done
}
alg_list() { _alg_names "$ESP_ALGS"; }
ah_list() { _alg_names "$AH_ALGS"; }

# ah_field NAME N: field N (1-4) of an AH_ALGS line.
ah_field() {
	local fields
	while read -ra fields; do
		[ "${fields[0]}" != "$1" ] || { echo "${fields[$2 - 1]}"; return; }
	done <<<"$AH_ALGS"
}

# ah_spi SPI: the SPI of the AH SA that goes with ESP SA SPI in a bundle.
ah_spi() { printf '0x%x' $(($1 + 0x100)); }

# hexkey BYTES SEED: a fixed test key ("0x" + 2*BYTES hex digits).
hexkey() {
	local n=$1 seed=$2 i b out=0x
	for ((i = 0; i < n; i++)); do
		printf -v b %02x $(((seed * 31 + i * 7) & 255))
		out+=$b
	done
	echo "$out"
}

# alg_field NAME N: field N (1-6) of an ESP_ALGS line.
alg_field() {
	local fields
	while read -ra fields; do
		[ "${fields[0]}" != "$1" ] || { echo "${fields[$2 - 1]}"; return; }
	done <<<"$ESP_ALGS"
}

# One side of a tunnel or transport SA pair.  Variables read:
#   R (namespace) ME PEER (link addresses) LNET RNET (protected nets),
#   SPI_OUT SPI_IN, SEED_OUT SEED_IN (keys), ALG, MODE (tunnel|transport),
#   DEV (link device), EXTRA (more words for cryptoctl sa add, e.g. esn),
#   TRANSFORM (esp, ah or ah-esp; default esp) and AH_ALG for AH.  The AH
#   SAs of a bundle take ah_spi of the ESP SPIs; AH alone takes the SPIs.
# The inbound SAs go in first, as a keying daemon must: the first packet
# the outbound ones send may be answered at once.
side_nfsec() {
	local tr=${TRANSFORM:-esp} ah_in=$SPI_IN ah_out=$SPI_OUT
	ctl_in "$R" policy add map m seq 10 peer "$PEER" local "$ME" \
		mode "$MODE" transform "$tr" rule protect src "$LNET" \
		dst "$RNET" && ctl_in "$R" map bind m "$DEV" || return 1
	[ "$tr" != ah-esp ] || { ah_in=$(ah_spi "$SPI_IN") ah_out=$(ah_spi "$SPI_OUT"); }
	if [ "$tr" != esp ]; then
		nfsec_ah_sa in "$ah_in" "$PEER" "$ME" $((SEED_IN + 2)) || return 1
	fi
	if [ "$tr" != ah ]; then
		nfsec_esp_sa in "$SPI_IN" "$PEER" "$ME" "$SEED_IN" &&
			nfsec_esp_sa out "$SPI_OUT" "$ME" "$PEER" "$SEED_OUT" ||
			return 1
	fi
	[ "$tr" = esp ] ||
		nfsec_ah_sa out "$ah_out" "$ME" "$PEER" $((SEED_OUT + 2))
}

# nfsec_esp_sa DIR SPI SRC DST SEED / nfsec_ah_sa DIR SPI SRC DST SEED: one
# SA of side_nfsec.
nfsec_esp_sa() {
	local enc ekl auth akl k=()
	enc=$(alg_field "$ALG" 2) ekl=$(alg_field "$ALG" 3)
	auth=$(alg_field "$ALG" 4) akl=$(alg_field "$ALG" 5)
	[ "$ekl" = 0 ] || k+=(key "$(hexkey "$ekl" "$5")")
	[ "$auth" = - ] || k+=(auth "$auth" authkey "$(hexkey "$akl" $(($5 + 1)))")
	ctl_in "$R" sa add dir "$1" spi "$2" src "$3" dst "$4" mode "$MODE" \
		enc "$enc" "${k[@]}" map m seq 10 ${EXTRA:-}
}

nfsec_ah_sa() {
	local auth akl
	auth=$(ah_field "$AH_ALG" 2) akl=$(ah_field "$AH_ALG" 3)
	ctl_in "$R" sa add dir "$1" spi "$2" proto ah src "$3" dst "$4" \
		mode "$MODE" auth "$auth" authkey "$(hexkey "$akl" "$5")" \
		map m seq 10 ${EXTRA:-}
}

# The same side with Linux XFRM (ip xfrm), same keys and SPIs.  XEXTRA
# holds more words for ip xfrm state (e.g. "flag esn replay-window 4096").
# A bundle is ESP in the tunnel's mode, then AH in transport mode over the
# outer packet: XFRM applies templates in order, the first innermost.  A
# tunnel between families (IPv4 inside IPv6) needs the inner selector on
# its states.
side_xfrm() {
	local tr=${TRANSFORM:-esp} ah_in=$SPI_IN ah_out=$SPI_OUT ah_mode=$MODE
	local x="ip -n $R xfrm" t_out=() t_in=() sel_out=() sel_in=()
	local inner=4 outer=4
	[[ $LNET != *:* ]] || inner=6
	[[ $ME != *:* ]] || outer=6
	if [ "$inner" != "$outer" ]; then
		sel_out=(sel src "$LNET" dst "$RNET")
		sel_in=(sel src "$RNET" dst "$LNET")
	fi
	[ "$tr" != ah-esp ] || {
		ah_in=$(ah_spi "$SPI_IN") ah_out=$(ah_spi "$SPI_OUT")
		ah_mode=transport
	}
	if [ "$tr" != ah ]; then
		xfrm_esp_states || return 1
		t_out+=(tmpl src "$ME" dst "$PEER" proto esp mode "$MODE")
		t_in+=(tmpl src "$PEER" dst "$ME" proto esp mode "$MODE")
	fi
	if [ "$tr" != esp ]; then
		xfrm_ah_state "$ME" "$PEER" "$ah_out" "$ah_mode" \
			$((SEED_OUT + 2)) "${sel_out[@]}" &&
			xfrm_ah_state "$PEER" "$ME" "$ah_in" "$ah_mode" \
				$((SEED_IN + 2)) "${sel_in[@]}" || return 1
		t_out+=(tmpl src "$ME" dst "$PEER" proto ah mode "$ah_mode")
		t_in+=(tmpl src "$PEER" dst "$ME" proto ah mode "$ah_mode")
	fi
	$x policy add src "$LNET" dst "$RNET" dir out "${t_out[@]}" &&
		$x policy add src "$RNET" dst "$LNET" dir in "${t_in[@]}" ||
		return 1
	[ "$MODE" = transport ] ||
		$x policy add src "$RNET" dst "$LNET" dir fwd "${t_in[@]}"
}

xfrm_esp_states() {
	local spec ekl akl kind alg icv h t ko ki xa=() xb=()
	spec=$(alg_field "$ALG" 6) ekl=$(alg_field "$ALG" 3)
	akl=$(alg_field "$ALG" 5)
	IFS=: read -r kind alg h t <<<"$spec"
	ko=$(hexkey "$ekl" "$SEED_OUT") ki=$(hexkey "$ekl" "$SEED_IN")
	if [ "$kind" = aead ]; then
		icv=$h
		xa=(aead "$alg" "$ko" "$icv")
		xb=(aead "$alg" "$ki" "$icv")
	else
		xa=(enc "$alg" "$ko" auth-trunc "$h" "$(hexkey "$akl" $((SEED_OUT + 1)))" "$t")
		xb=(enc "$alg" "$ki" auth-trunc "$h" "$(hexkey "$akl" $((SEED_IN + 1)))" "$t")
	fi
	[ "$ekl" != 0 ] || { xa[2]=""; xb[2]=""; }
	local x="ip -n $R xfrm"
	$x state add src "$ME" dst "$PEER" proto esp spi "$SPI_OUT" \
		mode "$MODE" "${xa[@]}" "${sel_out[@]}" ${XEXTRA:-} &&
		$x state add src "$PEER" dst "$ME" proto esp spi "$SPI_IN" \
			mode "$MODE" "${xb[@]}" "${sel_in[@]}" ${XEXTRA:-}
}

# xfrm_ah_state SRC DST SPI MODE SEED [SELECTOR WORDS...]
xfrm_ah_state() {
	local spec akl h t
	spec=$(ah_field "$AH_ALG" 4) akl=$(ah_field "$AH_ALG" 3)
	IFS=: read -r h t <<<"$spec"
	ip -n "$R" xfrm state add src "$1" dst "$2" proto ah spi "$3" \
		mode "$4" auth-trunc "$h" "$(hexkey "$akl" "$5")" "$t" \
		"${@:6}" ${XEXTRA:-}
}

# transport_pair R1-KIND R2-KIND: transport mode between R1's and R2's
# link addresses (IPv6 ones with OUTER=6), each side nfsec or xfrm (SPIs
# 0x3001 and 0x3002).
transport_pair() {
	local a=198.51.100.1 b=198.51.100.2 len=32
	[ "${OUTER:-4}" != 6 ] || { a=2001:db8:1::1 b=2001:db8:1::2 len=128; }
	R=r1 DEV=veth-r2 ME=$a PEER=$b LNET=$a/$len RNET=$b/$len \
		SPI_OUT=0x3001 SPI_IN=0x3002 SEED_OUT=33 SEED_IN=44 \
		MODE=transport "side_$1" &&
	R=r2 DEV=veth-r1 ME=$b PEER=$a LNET=$b/$len RNET=$a/$len \
		SPI_OUT=0x3002 SPI_IN=0x3001 SEED_OUT=44 SEED_IN=33 \
		MODE=transport "side_$2"
}

# tcp_xfer FROM TO ADDR PORT MB [TIMEOUT]: MB megabytes of random data over
# TCP from namespace FROM to ADDR:PORT in TO; prints the SHA-256 the sender
# sent and the one the receiver got (or the sender's error, and nothing).
tcp_xfer() {
	local from=$1 to=$2 addr=$3 port=$4 mb=$5 t=${6:-120} sum_in out srv
	sum_in=$(mktemp /tmp/nfsec-sum.XXXXXX)
	ip netns exec "$to" $PY -c '
import hashlib, socket, sys
six = ":" in sys.argv[2]
s = socket.socket(socket.AF_INET6 if six else socket.AF_INET)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("::" if six else "0.0.0.0", int(sys.argv[3])))
s.listen(1); s.settimeout(float(sys.argv[4]))
c, _ = s.accept(); c.settimeout(float(sys.argv[4])); h = hashlib.sha256()
while True:
    b = c.recv(65536)
    if not b: break
    h.update(b)
open(sys.argv[1], "w").write(h.hexdigest())' "$sum_in" "$addr" "$port" "$t" &
	srv=$!
	wait_listen "$to" "$port"
	out=$(ip netns exec "$from" $PY -c '
import hashlib, os, socket, sys
data = os.urandom(int(sys.argv[3]) * 1024 * 1024)
t = socket.create_connection((sys.argv[1], int(sys.argv[2])),
                             timeout=float(sys.argv[4]))
t.sendall(data); t.close()
print(hashlib.sha256(data).hexdigest())' "$addr" "$port" "$mb" "$t" 2>&1 |
		tail -1 | tr ' ' _)
	wait $srv
	echo "$out" "$(cat "$sum_in" 2>/dev/null)"
	rm -f "$sum_in"
}

# xfer_ok DESC FROM TO ADDR PORT: one TAP line, ok when 1 MB of TCP from
# FROM reaches ADDR:PORT in TO intact within 30 s.
xfer_ok() {
	local s_out s_in
	read -r s_out s_in <<<"$(tcp_xfer "$2" "$3" "$4" "$5" 1 30)"
	tap_expect "$1" "${s_out:-no transfer}" "$s_in"
}

# route_mtu NS ADDR: the PMTU NS's route to ADDR has learned, or nothing.
route_mtu() {
	ip -n "$1" route get "$2" 2>&1 | grep -o 'mtu [0-9]*' | cut -d' ' -f2
}

# side_clear NS: no SAs, policies or crypto maps left, nfsec's or XFRM's.
side_clear() {
	ctl_in "$1" flush >/dev/null
	ip -n "$1" xfrm state flush
	ip -n "$1" xfrm policy flush
}

# tunnel_r1 / tunnel_r2 KIND: set R1 or R2 up as one end of the LAN-to-LAN
# tunnel with KIND nfsec or xfrm, algorithm $ALG.  V=6 uses the IPv6
# addresses for the link (OUTER=6) and/or the LANs (INNER=6).
tunnel_r1() {
	local R=r1 DEV=veth-r2 MODE=tunnel SPI_OUT=0x1001 SPI_IN=0x2001
	local SEED_OUT=11 SEED_IN=22 ME PEER LNET RNET
	if [ "${OUTER:-4}" = 6 ]; then ME=2001:db8:1::1 PEER=2001:db8:1::2
	else ME=198.51.100.1 PEER=198.51.100.2; fi
	if [ "${INNER:-4}" = 6 ]; then LNET=2001:db8:a::/64 RNET=2001:db8:b::/64
	else LNET=192.0.2.0/24 RNET=203.0.113.0/24; fi
	"side_$1"
}

tunnel_r2() {
	local R=r2 DEV=veth-r1 MODE=tunnel SPI_OUT=0x2001 SPI_IN=0x1001
	local SEED_OUT=22 SEED_IN=11 ME PEER LNET RNET
	if [ "${OUTER:-4}" = 6 ]; then ME=2001:db8:1::2 PEER=2001:db8:1::1
	else ME=198.51.100.2 PEER=198.51.100.1; fi
	if [ "${INNER:-4}" = 6 ]; then LNET=2001:db8:b::/64 RNET=2001:db8:a::/64
	else LNET=203.0.113.0/24 RNET=192.0.2.0/24; fi
	"side_$1"
}

# ping_both [-6]: an echo each way between hostA and hostB.
# Daemons a test starts in the background (cryptod, charon), stopped
# together by bg_stop.
bg_pids=()

# cryptod_start NS CONF LOG: cryptod -d in NS, logging to LOG, until it
# says it runs (10 s at most).
cryptod_start() {
	local i
	ip netns exec "$1" "$CRYPTOD" -d -f "$2" >"$3" 2>&1 &
	bg_pids+=($!)
	for i in $(seq 50); do
		! grep -q '^cryptod: running' "$3" || return 0
		sleep 0.2
	done
	return 1
}

# seed_conf NAME KEY TSET ACL_SRC ACL_DST PEER IFACE [LINE]: the seed's cl-2513
# config, with LINE (a global command) added.
seed_conf() {
	cat <<EOF
hostname $1
${8:-!}
crypto isakmp policy 1
 authentication pre-share
 group 2
crypto isakmp key $2 address $6
crypto ipsec transform-set auth2 $3
crypto map test 10 ipsec-isakmp
 set peer $6
 set transform-set auth2
 match address 133
interface $7
 crypto map test
access-list 133 permit ip $4 0.0.0.255 $5 0.0.0.255
end
EOF
}

# wait_log LOG TEXT [N]: TEXT shows in LOG within N tries 0.2 s apart (25)
wait_log() {
	local i
	for i in $(seq "${3:-25}"); do
		grep -q "$2" "$1" && return 0
		sleep 0.2
	done
	return 1
}

# charon_start NS RUN SSCONF SWCONF OUT: Debian's charon in NS and in a
# private mount namespace whose /run is the tmpfs directory RUN (its pid file
# and vici socket stay off the 9p-shared tree, where UNIX sockets do not
# work), with STRONGSWAN_CONF=SSCONF; once its vici socket is up (10 s at
# most), swanctl loads SWCONF.  charon's output goes to OUT, swanctl's to
# OUT.load.
charon_start() {
	local i
	ip netns exec "$1" unshare -m --propagation private sh -c \
		"mount --bind '$2' /run && STRONGSWAN_CONF='$3' exec $CHARON" \
		>"$5" 2>&1 &
	bg_pids+=($!)
	for i in $(seq 100); do
		[ ! -S "$2/charon.vici" ] || break
		sleep 0.1
	done
	ip netns exec "$1" swanctl --load-all --file "$4" \
		-u "unix://$2/charon.vici" >"$5.load" 2>&1
}

# bg_stop: SIGTERM to every background daemon, then wait for them.
bg_stop() {
	local p
	for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${bg_pids[@]}"; do wait "$p" 2>/dev/null; done
	bg_pids=()
}

# ping_to NS ADDR: NS pings ADDR until a reply comes, 8 tries 2 s apart
# (the first packets of a negotiated tunnel start IKE).
ping_to() {
	local i
	for i in 1 2 3 4 5 6 7 8; do
		ip netns exec "$1" ping -c 1 -W 2 "$2" >/dev/null && return 0
	done
	return 1
}

# ping_until: hostA pings hostB so.
ping_until() { ping_to hA 203.0.113.10; }

# fails_with LOG TEXT: hostA's first packet starts IKE; TEXT comes to LOG
# (a negotiation that must fail need not wait for pings to give up).
fails_with() {
	ip netns exec hA ping -c 1 -W 1 203.0.113.10 >/dev/null 2>&1
	wait_log "$1" "$2" 100
}

ping_both() {
	local a=203.0.113.10 b=192.0.2.10
	[ "${1:-}" != -6 ] || { a=2001:db8:b::10 b=2001:db8:a::10; }
	ip netns exec hA ping -c 1 -W 3 "$a" >/dev/null &&
		ip netns exec hB ping -c 1 -W 3 "$b" >/dev/null
}

# wait_listen NS PORT: until a TCP socket listens on PORT in NS (10 s); a
# server started in the background may need seconds under TCG.
wait_listen() {
	local i
	for i in $(seq 100); do
		[ -z "$(ip netns exec "$1" ss -Hltn "sport = :$2")" ] || return 0
		sleep 0.1
	done
	echo "nothing listens on port $2 in $1" >&2
	return 1
}

# cap_start NS DEV FILE [FILTER...]: record what NS sends out of DEV into
# FILE until cap_stop.  Returns once tcpdump listens.  --immediate-mode hands
# over each packet at once: by default the capture ring holds packets back
# for up to a second, and a capture stopped in that second loses them.
cap_start() {
	local ns=$1 dev=$2 file=$3 i
	shift 3
	ip netns exec "$ns" tcpdump --immediate-mode -U -Q out -ni "$dev" \
		-w "$file" "$@" 2>"$file.log" &
	echo $! >"$file.pid"
	for i in $(seq 100); do
		! grep -q 'listening on' "$file.log" || return 0
		sleep 0.1
	done
	echo "tcpdump on $ns $dev did not start: $(cat "$file.log")" >&2
	return 1
}

# cap_count FILE [FILTER...]: how many packets in FILE match FILTER.
cap_count() {
	local file=$1
	shift
	tcpdump -nr "$file" "$@" 2>/dev/null | wc -l
}

# cap_stop FILE [MIN]: stop the capture once FILE holds MIN packets, or
# after 5 s.
cap_stop() {
	local file=$1 min=${2:-1} pid i
	pid=$(cat "$file.pid")
	for i in $(seq 50); do
		[ "$(cap_count "$file")" -lt "$min" ] || break
		sleep 0.1
	done
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	rm -f "$file.pid" "$file.log"
}

# The kernel fuzzers (nlfuzz.sh, skbfuzz.sh): fuzz_seed is NFSEC_FUZZ_SEED
# or the default; fuzz_count STOCK DEBUG VAR is how many inputs to make:
# DEBUG on the debug kernel (kmemleak present), where KASAN watches, STOCK
# elsewhere, and the variable VAR, when set, instead of either.
fuzz_seed() { echo "${NFSEC_FUZZ_SEED:-20261205}"; }
fuzz_count() {
	local n=$1
	[ ! -e /sys/kernel/debug/kmemleak ] || n=$2
	echo "${!3:-$n}"
}
