// SPDX-License-Identifier: GPL-2.0
/*
 * The Security Policy Database (see spd.h).
 *
 * Locking: maps, entries and bindings change under nn->lock; the datapath
 * reads them under RCU.  An entry is replaced by inserting the new one
 * after the old and unlinking the old, so a reader sees one or the other.
 *
 * Lookup walks the bound map's entries in sequence order, and each entry's
 * rules in order, first match wins: IOS's semantics.  TODO(issue 5): an
 * index so that lookup is not linear in the number of rules.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <net/ip.h>
#include <net/ipv6.h>

#include "nfsec.h"
#include "spd.h"

void nfsec_spd_init(struct nfsec_net *nn)
{
	INIT_LIST_HEAD(&nn->spd.maps);
	hash_init(nn->spd.bindings);
}

struct nfsec_map *nfsec_spd_map(struct nfsec_net *nn, const char *name)
{
	struct nfsec_map *map;

	lockdep_assert_held(&nn->lock);
	list_for_each_entry(map, &nn->spd.maps, node)
		if (!strcmp(map->name, name))
			return map;
	return NULL;
}

static struct nfsec_map *nfsec_spd_map_get(struct nfsec_net *nn,
					   const char *name)
{
	struct nfsec_map *map = nfsec_spd_map(nn, name);

	if (map)
		return map;
	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return NULL;
	strscpy(map->name, name, sizeof(map->name));
	INIT_LIST_HEAD(&map->entries);
	list_add_tail(&map->node, &nn->spd.maps);
	return map;
}

/* A map lives while it has entries or bindings. */
static void nfsec_spd_map_put(struct nfsec_map *map)
{
	if (!list_empty(&map->entries) || map->bindings)
		return;
	list_del(&map->node);
	kfree_rcu(map, rcu);
}

struct nfsec_entry *nfsec_spd_entry(struct nfsec_map *map, u32 seq)
{
	struct nfsec_entry *e;

	list_for_each_entry(e, &map->entries, node)
		if (e->seq == seq)
			return e;
	return NULL;
}

struct nfsec_entry *nfsec_entry_alloc(u32 nrules)
{
	struct nfsec_entry *e;

	e = kvzalloc(struct_size(e, rules, nrules), GFP_KERNEL);
	if (e)
		e->nrules = nrules;
	return e;
}

static void nfsec_entry_free_rcu(struct rcu_head *head)
{
	kvfree(container_of(head, struct nfsec_entry, rcu));
}

static void nfsec_entry_free(struct nfsec_entry *e)
{
	call_rcu(&e->rcu, nfsec_entry_free_rcu);
}

/* The entry after which one numbered @seq belongs. */
static struct list_head *nfsec_spd_position(struct nfsec_map *map, u32 seq)
{
	struct nfsec_entry *e;
	struct list_head *pos = &map->entries;

	list_for_each_entry(e, &map->entries, node) {
		if (e->seq > seq)
			break;
		pos = &e->node;
	}
	return pos;
}

int nfsec_spd_insert(struct nfsec_net *nn, const char *name,
		     struct nfsec_entry *e)
{
	struct nfsec_map *map;
	struct nfsec_entry *old;

	lockdep_assert_held(&nn->lock);
	map = nfsec_spd_map_get(nn, name);
	if (!map) {
		kvfree(e);
		return -ENOMEM;
	}
	e->map = map;
	old = nfsec_spd_entry(map, e->seq);
	list_add_rcu(&e->node, nfsec_spd_position(map, e->seq));
	if (old) {
		list_del_rcu(&old->node);
		nfsec_entry_free(old);
	} else {
		nn->spd.entries++;
	}
	nn->spd.genid++;
	nfsec_spd_attach(nn, name, e->seq);
	return 0;
}

static void nfsec_spd_unlink(struct nfsec_net *nn, struct nfsec_entry *e)
{
	list_del_rcu(&e->node);
	nfsec_entry_free(e);
	nn->spd.entries--;
	nn->spd.genid++;
}

int nfsec_spd_delete(struct nfsec_net *nn, const char *name, u32 seq)
{
	struct nfsec_map *map = nfsec_spd_map(nn, name);
	struct nfsec_entry *e = map ? nfsec_spd_entry(map, seq) : NULL;

	if (!e)
		return -ENOENT;
	nfsec_spd_unlink(nn, e);
	nfsec_spd_map_put(map);
	return 0;
}

static struct nfsec_binding *nfsec_spd_binding(struct nfsec_net *nn,
					       int ifindex)
{
	struct nfsec_binding *b;

	hash_for_each_possible_rcu(nn->spd.bindings, b, node, ifindex)
		if (b->ifindex == ifindex)
			return b;
	return NULL;
}

int nfsec_spd_bind(struct nfsec_net *nn, const char *name, int ifindex)
{
	struct nfsec_binding *b;
	struct nfsec_map *map;

	lockdep_assert_held(&nn->lock);
	if (nfsec_spd_binding(nn, ifindex))
		return -EBUSY;
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	map = nfsec_spd_map_get(nn, name);
	if (!map) {
		kfree(b);
		return -ENOMEM;
	}
	map->bindings++;
	b->ifindex = ifindex;
	b->map = map;
	hash_add_rcu(nn->spd.bindings, &b->node, ifindex);
	nn->spd.genid++;
	return 0;
}

int nfsec_spd_unbind(struct nfsec_net *nn, int ifindex)
{
	struct nfsec_binding *b;

	lockdep_assert_held(&nn->lock);
	b = nfsec_spd_binding(nn, ifindex);
	if (!b)
		return -ENOENT;
	hash_del_rcu(&b->node);
	b->map->bindings--;
	nfsec_spd_map_put(b->map);
	kfree_rcu(b, rcu);
	nn->spd.genid++;
	return 0;
}

void nfsec_spd_flush(struct nfsec_net *nn)
{
	struct nfsec_map *map, *tmp_map;
	struct nfsec_entry *e, *tmp;
	struct nfsec_binding *b;
	struct hlist_node *tmp_b;
	int bkt;

	lockdep_assert_held(&nn->lock);
	hash_for_each_safe(nn->spd.bindings, bkt, tmp_b, b, node)
		nfsec_spd_unbind(nn, b->ifindex);
	list_for_each_entry_safe(map, tmp_map, &nn->spd.maps, node) {
		list_for_each_entry_safe(e, tmp, &map->entries, node)
			nfsec_spd_unlink(nn, e);
		nfsec_spd_map_put(map);
	}
}

void nfsec_spd_exit(struct nfsec_net *nn)
{
	mutex_lock(&nn->lock);
	nfsec_spd_flush(nn);
	mutex_unlock(&nn->lock);
}

static bool nfsec_sa_serves(const struct nfsec_sa *sa,
			    const struct nfsec_entry *e, const char *name)
{
	return !READ_ONCE(sa->dead) && sa->map_seq == e->seq &&
	       !strcmp(sa->map, name) && sa->key.family == e->family &&
	       !memcmp(&sa->key.daddr, &e->peer, sizeof(e->peer));
}

void nfsec_spd_attach(struct nfsec_net *nn, const char *name, u32 seq)
{
	struct nfsec_map *map = nfsec_spd_map(nn, name);
	struct nfsec_entry *e = map ? nfsec_spd_entry(map, seq) : NULL;
	struct nfsec_sa *sa, *newest = NULL;

	if (!e)
		return;
	/* out_list is oldest first: the last match is the newest SA. */
	list_for_each_entry(sa, &nn->sad.out_list, out_node)
		if (nfsec_sa_serves(sa, e, name))
			newest = sa;
	rcu_assign_pointer(e->out_sa, newest);
	if (newest)
		nfsec_hold_release(nn, e);
}

struct nfsec_map *nfsec_spd_bound(struct nfsec_net *nn, int ifindex)
{
	struct nfsec_binding *b = nfsec_spd_binding(nn, ifindex);

	return b ? b->map : NULL;
}

struct nfsec_rule *nfsec_spd_lookup(struct nfsec_map *map,
				    const struct nfsec_flow *fl,
				    struct nfsec_entry **entry)
{
	struct nfsec_entry *e;
	u32 i;

	list_for_each_entry_rcu(e, &map->entries, node) {
		for (i = 0; i < e->nrules; i++) {
			struct nfsec_rule *r = &e->rules[i];

			if (!nfsec_selector_match(&r->sel, fl))
				continue;
			if (r->action == NFSEC_ACTION_NEXT)
				break;
			*entry = e;
			return r;
		}
	}
	return NULL;
}

/* Ports, or ICMP type and code, at @off; absent ones stay 0. */
static bool nfsec_flow_ports(struct sk_buff *skb, unsigned int off,
			     struct nfsec_flow *fl)
{
	__be16 ports[2], *p;
	u8 tc[2], *t;

	if (!nfsec_proto_has_ports(fl->family, fl->proto))
		return true;
	if (fl->proto == IPPROTO_ICMP || fl->proto == IPPROTO_ICMPV6) {
		t = skb_header_pointer(skb, off, sizeof(tc), tc);
		if (!t)
			return false;
		fl->sport = t[0];
		fl->dport = t[1];
		return true;
	}
	p = skb_header_pointer(skb, off, sizeof(ports), ports);
	if (!p)
		return false;
	fl->sport = ntohs(p[0]);
	fl->dport = ntohs(p[1]);
	return true;
}

static bool nfsec_flow4(struct sk_buff *skb, struct nfsec_flow *fl)
{
	struct iphdr _iph;
	const struct iphdr *iph;

	iph = skb_header_pointer(skb, 0, sizeof(_iph), &_iph);
	if (!iph || iph->ihl < 5)
		return false;
	fl->saddr.ip = iph->saddr;
	fl->daddr.ip = iph->daddr;
	fl->proto = iph->protocol;
	if (iph->frag_off & htons(IP_OFFSET)) {
		fl->ports_opaque = true;
		return true;
	}
	return nfsec_flow_ports(skb, iph->ihl * 4, fl);
}

static bool nfsec_flow6(struct sk_buff *skb, struct nfsec_flow *fl)
{
	struct ipv6hdr _ip6h;
	const struct ipv6hdr *ip6h;
	__be16 frag_off;
	u8 nexthdr;
	int off;

	ip6h = skb_header_pointer(skb, 0, sizeof(_ip6h), &_ip6h);
	if (!ip6h)
		return false;
	fl->saddr.in6 = ip6h->saddr;
	fl->daddr.in6 = ip6h->daddr;
	nexthdr = ip6h->nexthdr;
	off = ipv6_skip_exthdr(skb, sizeof(_ip6h), &nexthdr, &frag_off);
	if (off < 0)
		return false;
	fl->proto = nexthdr;
	if (frag_off & htons(IP6_OFFSET)) {
		fl->ports_opaque = true;
		return true;
	}
	return nfsec_flow_ports(skb, off, fl);
}

bool nfsec_flow_from_skb(struct sk_buff *skb, u8 family,
			 struct nfsec_flow *fl)
{
	memset(fl, 0, sizeof(*fl));
	fl->family = family;
	return family == AF_INET ? nfsec_flow4(skb, fl) : nfsec_flow6(skb, fl);
}

void nfsec_flow_reverse(struct nfsec_flow *fl)
{
	swap(fl->saddr, fl->daddr);
	if (fl->proto != IPPROTO_ICMP && fl->proto != IPPROTO_ICMPV6)
		swap(fl->sport, fl->dport);
}
