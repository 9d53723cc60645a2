/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What cryptoctl's IOS-shaped views read from the kernel, fetched once:
 * the crypto map bindings, the entries with their rules, and the SAs.
 * Each dump that the kernel reports interrupted is read again whole.
 */
#ifndef CRYPTOCTL_VIEW_H
#define CRYPTOCTL_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "ctl.h"
#include "policy.h"
#include "sa.h"

struct view {
	struct nfsec_binding_info *binds;
	size_t nbinds;
	struct nfsec_entry_info *entries;
	size_t nentries;
	struct nfsec_sa_info *sas;
	size_t nsas;
};

/* 0, or the exit status after the error was reported. */
int view_load(struct ctl *ctl, struct view *v);
void view_free(struct view *v);
/* The interface's name, or "ifN" when it has gone. */
const char *view_ifname(uint32_t ifindex, char *buf);
/* Does @sa (either direction) belong to crypto map entry @e? */
bool view_sa_of_entry(const struct nfsec_sa_info *sa,
		      const struct nfsec_entry_info *e);

#endif /* CRYPTOCTL_VIEW_H */
