/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The output of a list command, held in memory until its dump is whole.
 * The kernel marks a dump that its table changed under, and the dump is
 * done again (lib/sa.c, lib/policy.c); what the first try printed would
 * then show twice, or half a JSON array.  So a listing writes into memory,
 * starts over on the dump's reset, and goes to stdout at the end, in one
 * piece.  The memory is wiped before it is freed: `sa list keys` puts keys
 * in it.
 */
#ifndef CRYPTOCTL_LISTING_H
#define CRYPTOCTL_LISTING_H

#include <stdbool.h>
#include <stdio.h>

#include "json.h"

struct ctl_listing {
	FILE *f; /* where the entries go: text, or JSON through j */
	struct nfsec_json j;
	bool json;
	char *buf;
	size_t len;
};

/* An empty listing (a JSON array when @json).  0 or -errno. */
int ctl_listing_open(struct ctl_listing *l, bool json);
/* Drops what was written: the dump starts over.  Sets l->f to NULL if
 * memory ran out; the dump callbacks then stop it. */
void ctl_listing_reset(struct ctl_listing *l);
/* The same, as a dump's reset callback, for a listing passed as its data. */
void ctl_listing_reset_cb(void *listing);
/* Writes the listing to stdout (when @print) and frees it.  0 or -errno. */
int ctl_listing_close(struct ctl_listing *l, bool print);

#endif /* CRYPTOCTL_LISTING_H */
