/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Security Policy Database of a network namespace: crypto maps, their
 * entries (sequence-numbered, each a list of ACL-like rules) and the
 * interfaces they are applied to.
 */
#ifndef _NFSEC_SPD_H
#define _NFSEC_SPD_H

#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/skbuff.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <uapi/linux/nfsec.h>

#include "counters.h"
#include "sad.h"
#include "selector.h"
#include "spd_index.h"

struct nfsec_index_bucket;

struct nfsec_rule {
	struct nfsec_selector sel;
	u8 action;	/* enum nfsec_action */
	struct nfsec_counter matches;	/* per CPU (counters.c) */
	/* in the map's index (spd_index.c) */
	struct list_head idx_node;	/* bucket or inexact list, RCU */
	struct nfsec_index_bucket *bucket;	/* NULL: inexact */
	struct nfsec_entry *entry;
	u64 order;			/* entry seq << 32 | rule number */
};

/*
 * One crypto map entry ("crypto map NAME SEQ").  Replaced whole, never
 * changed in place except out_sa (RCU, under nn->lock), the counters and the
 * hold queue (its own lock).  @protos is NFSEC_PROTO_ESP, NFSEC_PROTO_AH, or
 * both: the seed's "ah-sha-hmac esp-des esp-sha-hmac", where ESP applies
 * first (in the entry's mode) and AH then covers the outer packet.
 */
struct nfsec_entry {
	struct list_head node;	/* map->entries, by seq, RCU */
	struct rcu_head rcu;
	struct nfsec_net *nn;	/* whose counters the rules use */
	struct nfsec_map *map;
	u32 seq;
	u8 family;
	u8 mode;
	u8 protos;
	u16 pfs_group;
	u32 replay_window;
	union nfsec_addr peer, local;
	struct nfsec_lifetime life;
	struct nfsec_sa __rcu *out_sa;	/* ESP, or AH for AH-only entries */
	struct nfsec_sa __rcu *out_ah;	/* AH+ESP bundles: the AH SA */
	atomic64_t acquires, no_sa;
	unsigned long acquire_next;	/* jiffies: rate limit */
	u32 nrules;
	struct nfsec_rule rules[];
};

struct nfsec_map {
	struct list_head node;		/* nn->spd.maps, under nn->lock */
	struct rcu_work free_work;
	char name[NFSEC_MAP_NAME_MAX];
	struct list_head entries;	/* by seq, RCU */
	struct xarray by_seq;		/* entries by seq, under nn->lock */
	struct nfsec_index index;	/* rules, for the datapath */
	unsigned int bindings;
};

struct nfsec_binding {
	struct hlist_node node;		/* nn->spd.bindings, RCU */
	struct rcu_head rcu;
	int ifindex;
	struct nfsec_map *map;
};

#define NFSEC_BINDING_BITS 6

struct nfsec_spd {
	struct list_head maps;
	DECLARE_HASHTABLE(bindings, NFSEC_BINDING_BITS);
	unsigned int entries;
	unsigned int rules;		/* of all entries */
	u32 genid;
};

void nfsec_spd_init(struct nfsec_net *nn);
void nfsec_spd_exit(struct nfsec_net *nn);

/* Under nn->lock. */
struct nfsec_map *nfsec_spd_map(struct nfsec_net *nn, const char *name);
struct nfsec_entry *nfsec_spd_entry(struct nfsec_map *map, u32 seq);
/*
 * An entry of @nrules zeroed rules, each with its match counter from @nn's
 * pool, charged to the caller's memory cgroup.
 */
struct nfsec_entry *nfsec_entry_alloc(struct nfsec_net *nn, u32 nrules);
/* Frees an entry that never was, or no longer is, visible to RCU readers. */
void nfsec_entry_destroy(struct nfsec_entry *e);
/* Takes over @e (freed on error); replaces MAP SEQ as one step. */
int nfsec_spd_insert(struct nfsec_net *nn, const char *map,
		     struct nfsec_entry *e, struct netlink_ext_ack *extack);
int nfsec_spd_delete(struct nfsec_net *nn, const char *map, u32 seq);
/*
 * A bound map pins the module (a reference per binding): `rmmod nfsec`
 * fails with "in use" while any namespace has one, instead of removing
 * every namespace's protection at once.  Unbinding, flushing, deleting the
 * interface or the namespace gives the reference back.  Binding the map
 * an interface has is a no-op; another map takes its place in one step
 * with @replace (NFSEC_A_REPLACE), else -EBUSY.
 */
int nfsec_spd_bind(struct nfsec_net *nn, const char *map, int ifindex,
		   bool replace);
int nfsec_spd_unbind(struct nfsec_net *nn, int ifindex);
void nfsec_spd_flush(struct nfsec_net *nn);

/* Points MAP SEQ at its newest live outbound SA (or none). */
void nfsec_spd_attach(struct nfsec_net *nn, const char *map, u32 seq);

/* Datapath, under RCU. */
struct nfsec_map *nfsec_spd_bound(struct nfsec_net *nn, int ifindex);

/*
 * The SPI of the outbound SA @e sends on (its ESP SA, or AH alone), or 0
 * while it cannot send (no SA, or half a bundle).
 */
u32 nfsec_entry_out_spi(const struct nfsec_entry *e);
/*
 * References on the SAs that protect traffic of @e: *@sa applies first
 * (ESP, or AH alone), *@ah after it for bundles (else NULL).  False when
 * one is missing: the caller raises ACQUIRE.
 */
bool nfsec_entry_hold_sas(struct nfsec_entry *e, struct nfsec_sa **sa,
			  struct nfsec_sa **ah);

/*
 * The first rule of @map (entries in seq order, rules in order) matching
 * @fl; NULL when none does (traffic goes in the clear).  *@entry is the
 * rule's entry.
 */
struct nfsec_rule *nfsec_spd_lookup(struct nfsec_map *map,
				    const struct nfsec_flow *fl,
				    struct nfsec_entry **entry);

/* The flow of the packet at skb->data (an IP header); false if malformed. */
bool nfsec_flow_from_skb(struct sk_buff *skb, u8 family,
			 struct nfsec_flow *fl);
void nfsec_flow_reverse(struct nfsec_flow *fl);
/*
 * Would entry @seq of map @name protect the reply to @in, that is, is @in
 * what that entry's SAs may bring in (its rules mirrored, as IOS applies
 * a crypto map's ACL to inbound traffic)?  For SAs without selectors.
 */
bool nfsec_spd_covers(struct nfsec_net *nn, const char *name, u32 seq,
		      const struct nfsec_flow *in);

/*
 * ipv6_skip_exthdr() that stops at AH, which it would skip as an option
 * header: the offset of the upper-layer (or AH or ESP) header after the
 * IPv6 header at skb->data, *@nexthdr its type (in: the IPv6 header's), or
 * -1 if truncated.  Non-first fragments stop at the fragment header.
 */
int nfsec_ipv6_skip(struct sk_buff *skb, u8 *nexthdr, __be16 *frag_off);

#endif /* _NFSEC_SPD_H */
