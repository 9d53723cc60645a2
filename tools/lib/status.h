/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NFSEC_CMD_GET_STATUS: the module's version and the caller's netns state.
 */
#ifndef NFSEC_STATUS_H
#define NFSEC_STATUS_H

#include <stdint.h>
#include <linux/netlink.h>

#include "nl.h"

struct nfsec_status {
	char version[32];
	uint32_t abi_version;
	char kernel_release[65];
	uint32_t hooks;
	uint64_t rx_packets;
	uint64_t rx_bytes;
	uint64_t tx_packets;
	uint64_t tx_bytes;
	/* What the namespace holds and may hold; older modules omit it. */
	int has_limits;
	struct nfsec_status_limit {
		uint32_t used, max;
	} sas, larval, entries, rules;
};

/*
 * Decodes one reply.  Returns 0, or -EBADMSG when an attribute is missing,
 * of the wrong size or an unterminated or overlong string.
 */
int nfsec_status_parse(const struct nlmsghdr *nlh, struct nfsec_status *st);

/* Asks the module; returns 0 or a negative errno (nl->errmsg set). */
int nfsec_status_get(struct nfsec_nl *nl, struct nfsec_status *st);

#endif /* NFSEC_STATUS_H */
