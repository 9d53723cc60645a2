/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptoctl's shared state and the commands it offers.
 */
#ifndef CRYPTOCTL_CTL_H
#define CRYPTOCTL_CTL_H

#include <stdbool.h>

#include "nl.h"

struct nfsec_nl_batch;

struct ctl {
	bool json;
	bool nl_open;
	struct nfsec_nl nl;
	/* cryptoctl -b: requests queued on the channel once it is open */
	struct nfsec_nl_batch *batch;
};

/*
 * Opens the netlink channel to the module on first use.  Returns 0, or
 * prints why it cannot (module not loaded, ABI mismatch) and returns 1.
 */
int ctl_nl(struct ctl *ctl);

/* Prints "cryptoctl: <what>: <strerror>[: <extack>]" and returns 1. */
int ctl_nl_error(struct ctl *ctl, const char *what, int err);

#endif /* CRYPTOCTL_CTL_H */
