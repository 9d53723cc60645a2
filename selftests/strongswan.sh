#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# cryptod against strongSwan: R1 runs cryptod over nfsec, R2 runs Debian's
# charon over the kernel's XFRM, IKEv1 Main Mode with a pre-shared key.
# For the seed's suite (des-sha1-modp1024, ESP des-sha1; charon has DES
# from its openssl plugin) and for aes256-sha256-modp2048 (ESP
# aes256-sha256), cryptod first initiates (hostA's traffic raises ACQUIRE)
# and then answers charon's `swanctl --initiate`.  Each time pings pass
# both ways, ESP between nfsec and XFRM.  Then `clear crypto sa` on R1
# makes charon delete its CHILD_SA (our Delete payload understood).
# Last, the AES suite between IPv6 peers for IPv6 LANs, cryptod
# initiating.  A capture of the first run checks that cryptod's first ESP
# packet leaves after its QM3.  Stock kernels only (see below).
#
# charon runs in R2's network namespace and a private mount namespace
# whose /run is a tmpfs directory: its pid file and vici socket stay out
# of the shared file system (UNIX sockets do not work on 9p).

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
WORK=$(mktemp -d /tmp/nfsec-swan.XXXXXX)
RUN=$(mktemp -d /dev/shm/nfsec-swan.XXXXXX)
VICI=unix://$RUN/charon.vici

tap_plan 13

# A run that limits the algorithms (the debug kernel's) skips this file:
# what the kernel does here (ESP to and from XFRM, SA events) ah.sh's
# bundle with XFRM, negative.sh and netlink.sh run under KASAN, and TCG
# there makes the two IKE daemons' DH slow enough to cost minutes of CI.
if [ -n "${NFSEC_SELFTEST_ALGS:-}" ]; then
	for i in $(seq 13); do
		tap_skip "strongSwan interop check $i" "stock kernels only"
	done
	rm -rf "$WORK" "$RUN"
	exit 0
fi

if [ ! -x "$CHARON" ] || ! command -v swanctl >/dev/null ||
	[ ! -e /usr/lib/ipsec/plugins/libstrongswan-openssl.so ]; then
	echo "Bail out! strongSwan (charon, swanctl, openssl plugin) is not installed: make deps"
	exit 1
fi
mod_unload
mod_load || { echo "Bail out! insmod failed"; exit 1; }
topo_seed || { echo "Bail out! topology setup failed"; exit 1; }

# The routers' addresses and LANs: IPv4 unless FAM=6.
addrs() {
	if [ "${FAM:-4}" = 6 ]; then
		A1=2001:db8:1::1 A2=2001:db8:1::2
		NET1=2001:db8:a::/64 NET2=2001:db8:b::/64
		ACL="ipv6 access-list 101
 permit ipv6 $NET1 $NET2"
	else
		A1=198.51.100.1 A2=198.51.100.2
		NET1=192.0.2.0/24 NET2=203.0.113.0/24
		ACL="access-list 101 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255"
	fi
}

# cd_conf IKE-ENC IKE-HASH GROUP TSET: R1's IOS configuration.
cd_conf() {
	addrs
	cat <<EOF
hostname r1
crypto isakmp policy 10
 encryption $1
 hash $2
 authentication pre-share
 group $3
crypto isakmp key swankey address $A2
crypto ipsec transform-set ts $4
crypto map swan 10 ipsec-isakmp
 set peer $A2
 set transform-set ts
 match address 101
interface veth-r2
 crypto map swan
$ACL
EOF
}

# sw_conf IKE-PROPOSAL ESP-PROPOSAL: R2's swanctl.conf.
sw_conf() {
	addrs
	cat <<EOF
connections {
	r1 {
		version = 1
		local_addrs = $A2
		remote_addrs = $A1
		proposals = $1
		local {
			auth = psk
			id = $A2
		}
		remote {
			auth = psk
			id = $A1
		}
		children {
			net {
				local_ts = $NET2
				remote_ts = $NET1
				esp_proposals = $2
				mode = tunnel
			}
		}
	}
}
secrets {
	ike-r1 {
		id = $A1
		secret = swankey
	}
}
EOF
}

cat >"$WORK/strongswan.conf" <<EOF
charon {
	load_modular = no
	load = random nonce openssl aes sha1 sha2 md5 hmac gmp kernel-netlink socket-default vici
	install_routes = no
	retransmit_tries = 3
	plugins {
		vici {
			socket = $VICI
		}
	}
	filelog {
		swan {
			path = $WORK/charon.log
			default = 1
			ike = 2
			cfg = 2
			time_format = %T
		}
	}
}
EOF

cd_start() { cryptod_start r1 "$WORK/r1.conf" "$WORK/r1.log"; }

sw_start() {
	charon_start r2 "$RUN" "$WORK/strongswan.conf" "$WORK/swanctl.conf" \
		"$WORK/charon.out"
}

sw() { ip netns exec r2 swanctl "$@" -u "$VICI"; }

stop_all() {
	bg_stop
	rm -f "$RUN"/*
}
trap 'stop_all; rm -rf "$WORK" "$RUN"; _lib_cleanup' EXIT

xfrm_states() { ip -n r2 xfrm state | grep -c '^src'; }

diag() {
	tail -25 "$WORK/r1.log"
	grep -v "^.\{8\} [0-9]\+\[\(NET\|ENC\|CFG\|LIB\|JOB\)\]" "$WORK/charon.log" | tail -25
}

# pings: hostA reaches hostB (starting IKE), then both ways, in FAM.
pings() {
	if [ "${FAM:-4}" = 6 ]; then
		ping_to hA 2001:db8:b::10 && ping_both -6
	else
		ping_until && ping_both
	fi
}

# run SUITE ROLE IKE-ENC IKE-HASH GROUP TSET IKE-PROP ESP-PROP
run() {
	local what="$1: cryptod $2 against charon, pings pass nfsec <-> XFRM"
	cd_conf "$3" "$4" "$5" "$6" >"$WORK/r1.conf"
	sw_conf "$7" "$8" >"$WORK/swanctl.conf"
	: >"$WORK/charon.log"
	if ! cd_start || ! sw_start; then
		tap_fail "$what" "could not start" "$(cat "$WORK/r1.log" "$WORK/charon.out.load")"
		stop_all
		return
	fi
	if [ "$2" = responds ]; then
		sw --initiate --child net >"$WORK/initiate.out" 2>&1
	fi
	if pings && [ "$(xfrm_states)" = 2 ] &&
		[ "$(ctl_in r1 -j sa list | $PY -c 'import json,sys; print(len(json.load(sys.stdin)))')" = 2 ]; then
		tap_ok "$what"
	else
		tap_fail "$what" "$(diag)" "$(ip -n r2 xfrm state 2>&1)" \
			"$(ctl_in r1 sa list 2>&1)"
	fi
}

# R1's side of the link is captured: as quick-mode initiator, cryptod puts
# its outbound SA in only after sending QM3, so charon (which installs on
# QM3) has the SA before the first ESP packet arrives.
cap_start r1 veth-r2 "$WORK/qm.pcap" "udp port 500 or esp" ||
	echo "# no capture of R1's link"
run "des-sha1-modp1024" initiates des sha 2 "esp-des esp-sha-hmac" \
	des-sha1-modp1024 des-sha1
cap_stop "$WORK/qm.pcap"
# what R1 sent, in order: its second quick-mode message (QM3) and its first
# ESP packet
order=$(tcpdump -nr "$WORK/qm.pcap" 2>/dev/null | awk '
	/oakley-quick\[/ && ++qm == 2 { print "QM3" }
	/ESP\(spi=/ && !esp++ { print "ESP" }' | paste -sd' ')
tap_expect "cryptod initiating: its first ESP packet leaves after its QM3" \
	"QM3 ESP" "$order"
sas=$(sw --list-sas 2>&1)
if grep -q "DES_CBC/HMAC_SHA1_96/PRF_HMAC_SHA1/MODP_1024" <<<"$sas" &&
	grep -q "INSTALLED, TUNNEL.*ESP:DES_CBC/HMAC_SHA1_96" <<<"$sas"; then
	tap_ok "charon chose DES/SHA-1/MODP-1024 and ESP DES/SHA-1 from cryptod's offer (the seed's suite)"
else
	tap_fail "charon chose DES/SHA-1/MODP-1024 and ESP DES/SHA-1 from cryptod's offer (the seed's suite)" "$sas"
fi
stop_all
run "des-sha1-modp1024" responds des sha 2 "esp-des esp-sha-hmac" \
	des-sha1-modp1024 des-sha1
tap_check "swanctl --initiate succeeded against cryptod" \
	grep -q "initiate completed successfully" "$WORK/initiate.out"
stop_all

run "aes256-sha256-modp2048" initiates "aes 256" sha256 14 \
	"esp-aes 256 esp-sha256-hmac" aes256-sha256-modp2048 aes256-sha256
stop_all
run "aes256-sha256-modp2048" responds "aes 256" sha256 14 \
	"esp-aes 256 esp-sha256-hmac" aes256-sha256-modp2048 aes256-sha256
# charon proposes its own lifetime (3960 s by default); cryptod's 3600 s
# is shorter, so it answers with it and a RESPONDER-LIFETIME notify, and
# charon takes it
lifetime_taken() {
	grep -q "sending RESPONDER-LIFETIME: 3600 seconds" "$WORK/r1.log" &&
		grep -q "received 3600s lifetime" "$WORK/charon.log"
}
tap_check "charon takes cryptod's shorter lifetime (RESPONDER-LIFETIME)" \
	lifetime_taken
tap_check "the key is in no log" \
	eval '! grep -q swankey "$WORK/r1.log" "$WORK/charon.log"'

# clear crypto sa on R1: charon hears the Delete and drops its CHILD_SA
ctl_in r1 clear crypto sa >/dev/null
for i in $(seq 20); do
	[ "$(xfrm_states)" != 0 ] || break
	sleep 0.2
done
tap_expect "clear crypto sa on R1: charon deletes its SAs too" 0 \
	"$(xfrm_states)"
# and the next packet negotiates again
if ping_until && ping_both; then
	tap_ok "after the clear, hostA's traffic renegotiates with charon"
else
	tap_fail "after the clear, hostA's traffic renegotiates with charon" "$(diag)"
fi
stop_all

# IPv6 peers: IKE and ESP over 2001:db8:1::/64, IPv6 LANs; charon's SAs
# are between the routers' IPv6 addresses
FAM=6 run "aes256-sha256-modp2048 over IPv6" initiates "aes 256" sha256 14 \
	"esp-aes 256 esp-sha256-hmac" aes256-sha256-modp2048 aes256-sha256
tap_check "charon's SAs over IPv6 were the ones used" \
	eval 'ip -n r2 xfrm state | grep -q "^src 2001:db8:1::1 dst 2001:db8:1::2"'
stop_all
tap_done
