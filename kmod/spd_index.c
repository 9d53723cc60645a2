// SPDX-License-Identifier: GPL-2.0
/*
 * A crypto map's lookup index: first-match (IOS) semantics without a walk
 * over every rule.
 *
 * A rule's order is (entry sequence number << 32 | rule number): the order
 * IOS evaluates them in.  Rules whose destination mask is a prefix go into
 * a bucket keyed by (family, prefix length, destination address under
 * that prefix), each bucket sorted by order; the rest (wildcard masks)
 * into a sorted inexact list.  A packet is looked up once per prefix
 * length in use: the first matching rule of each bucket is a candidate,
 * buckets stop scanning at the best order found so far, and the lowest
 * order wins.  100k host or subnet rules cost a handful of hash lookups.
 *
 * Writers hold nn->lock; readers run under RCU.  Rules live inside their
 * entry, which is freed after a grace period; empty buckets likewise.
 */
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "spd.h"
#include "spd_index.h"

struct nfsec_index_key {
	union nfsec_addr dst;
	u8 family;
	u8 plen;
	u8 pad[2];	/* zero: keys are compared as bytes */
};

struct nfsec_index_bucket {
	struct rhash_head node;
	struct nfsec_index_key key;
	struct list_head rules;		/* by order, RCU */
	struct rcu_head rcu;
};

static const struct rhashtable_params nfsec_index_params = {
	.key_len = sizeof(struct nfsec_index_key),
	.key_offset = offsetof(struct nfsec_index_bucket, key),
	.head_offset = offsetof(struct nfsec_index_bucket, node),
	.automatic_shrinking = true,
};

static unsigned int nfsec_fam(u8 family)
{
	return family == AF_INET6;
}

int nfsec_index_init(struct nfsec_index *idx)
{
	INIT_LIST_HEAD(&idx->inexact[0]);
	INIT_LIST_HEAD(&idx->inexact[1]);
	return rhashtable_init(&idx->buckets, &nfsec_index_params);
}

void nfsec_index_destroy(struct nfsec_index *idx)
{
	rhashtable_destroy(&idx->buckets);
}

/* Contiguous ones from the top of @w (host order), or -1. */
static int nfsec_word_plen(u32 w)
{
	u32 inv = ~w;

	if (inv & (inv + 1))
		return -1;
	return 32 - hweight32(inv);
}

int nfsec_mask_plen(const union nfsec_addr *mask, u8 family)
{
	unsigned int i, words = family == AF_INET ? 1 : 4;
	int plen = 0, n;

	for (i = 0; i < words; i++) {
		n = nfsec_word_plen(ntohl(mask->in6.s6_addr32[i]));
		if (n < 0 || (n && plen != 32 * i))
			return -1;	/* not contiguous */
		plen += n;
	}
	return plen;
}

static void nfsec_prefix(union nfsec_addr *a, const union nfsec_addr *src,
			 u8 family, unsigned int plen)
{
	unsigned int i, words = family == AF_INET ? 1 : 4, bits;

	memset(a, 0, sizeof(*a));
	for (i = 0; i < words; i++) {
		bits = min_t(unsigned int, plen, 32);
		plen -= bits;
		if (bits)
			a->in6.s6_addr32[i] = src->in6.s6_addr32[i] &
					      htonl(~0U << (32 - bits));
	}
}

/* Inserts @r into @list after every rule of lower or equal order. */
static void nfsec_index_link(struct list_head *list, struct nfsec_rule *r)
{
	struct nfsec_rule *pos;

	list_for_each_entry(pos, list, idx_node) {
		if (pos->order > r->order) {
			list_add_tail_rcu(&r->idx_node, &pos->idx_node);
			return;
		}
	}
	list_add_tail_rcu(&r->idx_node, list);
}

static struct nfsec_index_bucket *
nfsec_index_bucket(struct nfsec_index *idx, const struct nfsec_rule *r,
		   int plen)
{
	struct nfsec_index_bucket *b;
	struct nfsec_index_key key = {};
	int err;

	nfsec_prefix(&key.dst, &r->sel.daddr, r->sel.family, plen);
	key.family = r->sel.family;
	key.plen = plen;
	b = rhashtable_lookup_fast(&idx->buckets, &key, nfsec_index_params);
	if (b)
		return b;
	b = kzalloc(sizeof(*b), GFP_KERNEL_ACCOUNT);
	if (!b)
		return ERR_PTR(-ENOMEM);
	b->key = key;
	INIT_LIST_HEAD(&b->rules);
	err = rhashtable_insert_fast(&idx->buckets, &b->node,
				     nfsec_index_params);
	if (err) {
		kfree(b);
		return ERR_PTR(err);
	}
	return b;
}

static int nfsec_index_add_rule(struct nfsec_index *idx, struct nfsec_rule *r)
{
	unsigned int fam = nfsec_fam(r->sel.family);
	int plen = nfsec_mask_plen(&r->sel.dmask, r->sel.family);

	r->bucket = NULL;
	if (plen < 0) {
		nfsec_index_link(&idx->inexact[fam], r);
		return 0;
	}
	r->bucket = nfsec_index_bucket(idx, r, plen);
	if (IS_ERR(r->bucket))
		return PTR_ERR(r->bucket);
	nfsec_index_link(&r->bucket->rules, r);
	if (!idx->plen_rules[fam][plen]++)
		set_bit(plen, idx->plens[fam]);
	return 0;
}

static void nfsec_index_del_rule(struct nfsec_index *idx, struct nfsec_rule *r)
{
	struct nfsec_index_bucket *b = r->bucket;
	unsigned int fam = nfsec_fam(r->sel.family);

	list_del_rcu(&r->idx_node);
	if (!b)
		return;
	if (!--idx->plen_rules[fam][b->key.plen])
		clear_bit(b->key.plen, idx->plens[fam]);
	if (!list_empty(&b->rules))
		return;
	rhashtable_remove_fast(&idx->buckets, &b->node, nfsec_index_params);
	kfree_rcu(b, rcu);
}

int nfsec_index_add(struct nfsec_index *idx, struct nfsec_entry *e)
{
	u32 i;
	int err;

	for (i = 0; i < e->nrules; i++) {
		e->rules[i].entry = e;
		e->rules[i].order = (u64)e->seq << 32 | i;
		err = nfsec_index_add_rule(idx, &e->rules[i]);
		if (err)
			goto err_unwind;
	}
	return 0;

err_unwind:
	while (i--)
		nfsec_index_del_rule(idx, &e->rules[i]);
	return err;
}

void nfsec_index_del(struct nfsec_index *idx, struct nfsec_entry *e)
{
	u32 i;

	for (i = 0; i < e->nrules; i++)
		nfsec_index_del_rule(idx, &e->rules[i]);
}

/*
 * Whether @r covers @fl.  A rule that protects or discards takes a
 * non-first fragment on what is known of it; one that lets traffic by
 * (bypass, IOS deny) needs all it names to be known.
 */
static bool nfsec_rule_match(const struct nfsec_rule *r,
			     const struct nfsec_flow *fl)
{
	if (r->action == NFSEC_ACTION_PROTECT ||
	    r->action == NFSEC_ACTION_DISCARD)
		return nfsec_selector_may_match(&r->sel, fl);
	return nfsec_selector_match(&r->sel, fl);
}

/* The first rule of @list in [@min, *best order) matching @fl. */
static void nfsec_index_scan(struct list_head *list,
			     const struct nfsec_flow *fl, u64 min,
			     struct nfsec_rule **best)
{
	struct nfsec_rule *r;

	list_for_each_entry_rcu(r, list, idx_node) {
		if (r->order < min)
			continue;
		if (*best && r->order >= (*best)->order)
			return;
		if (nfsec_rule_match(r, fl)) {
			*best = r;
			return;
		}
	}
}

static struct nfsec_rule *nfsec_index_first(struct nfsec_index *idx,
					    const struct nfsec_flow *fl,
					    u64 min)
{
	unsigned int fam = nfsec_fam(fl->family), plen;
	struct nfsec_index_key key = {};
	struct nfsec_index_bucket *b;
	struct nfsec_rule *best = NULL;

	key.family = fl->family;
	for_each_set_bit(plen, idx->plens[fam], NFSEC_PLEN_MAX + 1) {
		key.plen = plen;
		nfsec_prefix(&key.dst, &fl->daddr, fl->family, plen);
		b = rhashtable_lookup(&idx->buckets, &key, nfsec_index_params);
		if (b)
			nfsec_index_scan(&b->rules, fl, min, &best);
	}
	nfsec_index_scan(&idx->inexact[fam], fl, min, &best);
	return best;
}

struct nfsec_rule *nfsec_index_lookup(struct nfsec_index *idx,
				      const struct nfsec_flow *fl)
{
	struct nfsec_rule *r;
	u64 min = 0;

	for (;;) {
		r = nfsec_index_first(idx, fl, min);
		if (!r || r->action != NFSEC_ACTION_NEXT)
			return r;
		/* IOS deny: not this entry; go on with the next one. */
		if (r->entry->seq == U32_MAX)
			return NULL;
		min = (u64)(r->entry->seq + 1) << 32;
	}
}
