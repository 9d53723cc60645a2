// SPDX-License-Identifier: GPL-2.0
/*
 * cryptoctl's channel to the module: opened on first use, errors reported
 * with the kernel's extack text.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "uapi/linux/nfsec.h"
#include "ctl.h"

int ctl_nl(struct ctl *ctl)
{
	int err;

	if (ctl->nl_open)
		return 0;
	err = nfsec_nl_open(&ctl->nl);
	if (err == -ENOENT) {
		fprintf(stderr,
			"cryptoctl: the nfsec module is not loaded (no generic netlink family \"%s\"); load it with 'insmod nfsec.ko' or 'modprobe nfsec'\n",
			NFSEC_GENL_NAME);
		return 1;
	}
	if (err)
		return ctl_nl_error(ctl, "cannot open generic netlink", err);
	ctl->nl_open = true;
	ctl->nl.batch = ctl->batch;
	return 0;
}

int ctl_nl_error(struct ctl *ctl, const char *what, int err)
{
	const char *ext = ctl->nl.errmsg;

	if (err == -ECANCELED && ctl->batch) {
		fprintf(stderr, "cryptoctl: %s: not run: %s\n", what,
			"a request before it failed");
		return 1;
	}
	fprintf(stderr, "cryptoctl: %s: %s%s%s\n", what, strerror(-err),
		ext[0] ? ": " : "", ext);
	return 1;
}
