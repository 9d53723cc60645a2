#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The module as DKMS builds and installs it (scripts/dkms-check, on the
# host, into build/dkms/root): modprobe finds nfsec under updates/dkms of
# the running kernel's module tree, loads it, and it works; modprobe -r
# removes it.  Kernels DKMS did not build for (the debug kernel) skip.

# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

_lib_loaded_here=1
root=$NFSEC_TOP/build/dkms/root
rel=$(uname -r)

if [ ! -e "$root/lib/modules/$rel/modules.dep" ]; then
	tap_plan 1
	tap_skip "modprobe nfsec as DKMS installed it" \
		"no DKMS build for $rel (scripts/dkms-check builds Debian's kernels)"
	exit 0
fi
tap_plan 5
mod_unload
file=$(modinfo -b "$root" -k "$rel" -n nfsec 2>&1)
tap_check "modinfo finds nfsec in updates/dkms ($file)" \
	test "${file#"$root"/lib/modules/"$rel"/updates/dkms/nfsec.ko}" != "$file"
tap_check "modprobe nfsec loads it" modprobe -d "$root" nfsec
tap_expect "the loaded module is DKMS's build" \
	"$(modinfo -F srcversion "$file" 2>&1)" \
	"$(cat /sys/module/nfsec/srcversion 2>&1)"
tap_check "cryptoctl talks to it" "$CRYPTOCTL" status
tap_check "modprobe -r nfsec removes it" \
	sh -c "modprobe -r -d '$root' nfsec && test ! -e /sys/module/nfsec"
tap_done
