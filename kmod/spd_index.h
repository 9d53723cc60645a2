/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lookup index of one crypto map (spd_index.c).
 */
#ifndef _NFSEC_SPD_INDEX_H
#define _NFSEC_SPD_INDEX_H

#include <linux/bitmap.h>
#include <linux/list.h>
#include <linux/rhashtable-types.h>

#include "selector.h"

struct nfsec_entry;
struct nfsec_map;
struct nfsec_rule;

#define NFSEC_PLEN_MAX 128

/*
 * Every rule of a map sits in one place, sorted by its order (entry
 * sequence number, then rule number): a bucket of rules whose destination
 * is the same prefix, found by hash, or the inexact list (destination
 * masks that are not prefixes: IOS wildcards like 0.0.255.0).
 */
struct nfsec_index {
	struct rhashtable buckets;
	struct list_head inexact[2];	/* IPv4, IPv6 */
	/* destination prefix lengths in use, and rules per length */
	DECLARE_BITMAP(plens[2], NFSEC_PLEN_MAX + 1);
	u32 plen_rules[2][NFSEC_PLEN_MAX + 1];
};

int nfsec_index_init(struct nfsec_index *idx);
/* After a grace period, with every rule removed; may sleep. */
void nfsec_index_destroy(struct nfsec_index *idx);

/* Under nn->lock.  add indexes every rule of @e (all or none). */
int nfsec_index_add(struct nfsec_index *idx, struct nfsec_entry *e);
void nfsec_index_del(struct nfsec_index *idx, struct nfsec_entry *e);

/*
 * Under RCU: the first rule matching @fl in IOS order, NULL for none.  A
 * matching "next" rule (IOS deny) skips the rest of its entry.  Cost: one
 * hash lookup per destination prefix length in use, plus the inexact
 * rules (again after each "next").
 */
struct nfsec_rule *nfsec_index_lookup(struct nfsec_index *idx,
				      const struct nfsec_flow *fl);

/* The destination prefix length of a mask, or -1 when it is none. */
int nfsec_mask_plen(const union nfsec_addr *mask, u8 family);

#endif /* _NFSEC_SPD_INDEX_H */
