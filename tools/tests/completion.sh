#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test: cryptoctl's bash completion (cryptoctl/cryptoctl.bash-
# completion) offers the next IOS words after whole or abbreviated ones,
# skips option values and the values of peer/map/tag/interface, and guesses
# nothing after a word the tree refuses.  $CRYPTOCTL is the cryptoctl
# binary whose command tree is asked.  TAP.

# shellcheck source=../cryptoctl/cryptoctl.bash-completion
. "$(dirname "$0")/../cryptoctl/cryptoctl.bash-completion"

n=0 failed=0
# expect "WANT" WORD... : completing the last WORD (may be "") offers WANT.
expect() {
	local want=$1 got
	shift
	COMP_WORDS=("$CRYPTOCTL" "$@")
	COMP_CWORD=$#
	_cryptoctl "$CRYPTOCTL"
	got="${COMPREPLY[*]}"
	n=$((n + 1))
	if [ "$got" = "$want" ]; then
		echo "ok $n - cryptoctl $* <TAB>: $want"
	else
		echo "not ok $n - cryptoctl $* <TAB>"
		echo "#   want: $want"
		echo "#   got:  $got"
		failed=$((failed + 1))
	fi
}

CRYPTOCTL=${CRYPTOCTL:?the cryptoctl binary}
echo "1..19"
expect "status sa show" s
expect "show" sh
expect "ipsec isakmp engine session map" show crypto ""
expect "ipsec isakmp" sh crypto i
expect "ipsec isakmp" sh cry i
expect "peer map interface detail address keys" sh cry ips sa ""
expect "--wireshark" sh cry ips sa k ""
expect "esp ah" cl cry sa spi 192.0.2.1 ""
expect "peer map interface detail address keys" sh crypto ipsec sa ""
expect "--wireshark" show crypto ipsec sa keys ""
expect "map" show crypto ipsec sa peer 198.51.100.2 m
expect "" sh crypto ipsec sa interface ""
expect "peer map interface detail address keys" sh crypto ipsec sa peer 198.51.100.2 ""
expect "" show crypto ipsec sa peer ""
expect "active dropped-packet" -n r1 -j sh crypto engine connections ""
expect "-n -j -b --netns --json --batch" -
expect "" show nonsense ""
expect "" sh cry ipsex ""
expect "all" und ""
exit $((failed > 0))
