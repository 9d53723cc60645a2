// SPDX-License-Identifier: GPL-2.0
/*
 * The Security Policy Database (see spd.h).
 *
 * Locking: maps, entries and bindings change under nn->lock; the datapath
 * reads them under RCU.  An entry is replaced by inserting the new one
 * after the old and unlinking the old, so a reader sees one or the other.
 *
 * Lookup finds the first matching rule of the bound map, entries in
 * sequence order and each entry's rules in order: IOS's semantics, through
 * the map's index (spd_index.c), not a walk over every rule.  Entries are
 * found by sequence number in an xarray.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/module.h>
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

static void nfsec_spd_map_free(struct work_struct *work)
{
	struct nfsec_map *map = container_of(to_rcu_work(work),
					     struct nfsec_map, free_work);

	nfsec_index_destroy(&map->index);
	xa_destroy(&map->by_seq);
	kfree(map);
}

static struct nfsec_map *nfsec_spd_map_get(struct nfsec_net *nn,
					   const char *name)
{
	struct nfsec_map *map = nfsec_spd_map(nn, name);

	if (map)
		return map;
	map = kzalloc(sizeof(*map), GFP_KERNEL_ACCOUNT);
	if (!map)
		return NULL;
	if (nfsec_index_init(&map->index)) {
		kfree(map);
		return NULL;
	}
	strscpy(map->name, name, sizeof(map->name));
	INIT_LIST_HEAD(&map->entries);
	xa_init(&map->by_seq);
	INIT_RCU_WORK(&map->free_work, nfsec_spd_map_free);
	list_add_tail_rcu(&map->node, &nn->spd.maps);
	return map;
}

/* A map lives while it has entries or bindings. */
static void nfsec_spd_map_put(struct nfsec_map *map)
{
	if (!list_empty(&map->entries) || map->bindings)
		return;
	list_del_rcu(&map->node);
	queue_rcu_work(nfsec_wq, &map->free_work);
}

struct nfsec_entry *nfsec_spd_entry(struct nfsec_map *map, u32 seq)
{
	return xa_load(&map->by_seq, seq);
}

void nfsec_entry_destroy(struct nfsec_entry *e)
{
	u32 i;

	for (i = 0; i < e->nrules; i++)
		nfsec_counter_free(&e->nn->counters, &e->rules[i].matches);
	kvfree(e);
}

struct nfsec_entry *nfsec_entry_alloc(struct nfsec_net *nn, u32 nrules)
{
	struct nfsec_entry *e;

	e = kvzalloc(struct_size(e, rules, nrules), GFP_KERNEL_ACCOUNT);
	if (!e)
		return NULL;
	e->nn = nn;
	for (e->nrules = 0; e->nrules < nrules; e->nrules++) {
		if (nfsec_counter_alloc(&nn->counters,
					&e->rules[e->nrules].matches)) {
			nfsec_entry_destroy(e);
			return NULL;
		}
	}
	return e;
}

static void nfsec_entry_free_rcu(struct rcu_head *head)
{
	nfsec_entry_destroy(container_of(head, struct nfsec_entry, rcu));
}

static void nfsec_entry_free(struct nfsec_entry *e)
{
	call_rcu(&e->rcu, nfsec_entry_free_rcu);
}

/* Links @e into the map's list in seq order, replacing @old if any. */
static void nfsec_spd_link(struct nfsec_map *map, struct nfsec_entry *e,
			   struct nfsec_entry *old)
{
	unsigned long next = (unsigned long)e->seq + 1;
	struct nfsec_entry *succ;

	if (old) {
		list_replace_rcu(&old->node, &e->node);
		return;
	}
	succ = xa_find(&map->by_seq, &next, U32_MAX, XA_PRESENT);
	list_add_tail_rcu(&e->node, succ ? &succ->node : &map->entries);
}

int nfsec_spd_insert(struct nfsec_net *nn, const char *name,
		     struct nfsec_entry *e, struct netlink_ext_ack *extack)
{
	struct nfsec_map *map;
	struct nfsec_entry *old;
	int err;

	lockdep_assert_held(&nn->lock);
	err = -ENOMEM;
	map = nfsec_spd_map_get(nn, name);
	if (!map)
		goto err_free;
	e->map = map;
	old = nfsec_spd_entry(map, e->seq);
	err = nfsec_nslimit_entry(nn, e, old, extack);
	if (err)
		goto err_put;
	err = nfsec_index_add(&map->index, e);
	if (err)
		goto err_put;
	err = xa_err(xa_store(&map->by_seq, e->seq, e, GFP_KERNEL_ACCOUNT));
	if (err)
		goto err_unindex;
	nfsec_spd_link(map, e, old);
	nn->spd.rules += e->nrules;
	if (old) {
		nn->spd.rules -= old->nrules;
		nfsec_index_del(&map->index, old);
		nfsec_entry_free(old);
	} else {
		nn->spd.entries++;
	}
	nn->spd.genid++;
	nfsec_spd_attach(nn, name, e->seq);
	return 0;

err_unindex:
	nfsec_index_del(&map->index, e);
err_put:
	nfsec_spd_map_put(map);
err_free:
	nfsec_entry_destroy(e);
	return err;
}

static void nfsec_spd_unlink(struct nfsec_net *nn, struct nfsec_entry *e)
{
	nfsec_hold_drop(nn, e);
	xa_erase(&e->map->by_seq, e->seq);
	nfsec_index_del(&e->map->index, e);
	list_del_rcu(&e->node);
	nn->spd.rules -= e->nrules;
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

int nfsec_spd_bind(struct nfsec_net *nn, const char *name, int ifindex,
		   bool replace)
{
	struct nfsec_binding *old, *b;
	struct nfsec_map *map;

	lockdep_assert_held(&nn->lock);
	old = nfsec_spd_binding(nn, ifindex);
	if (old && !strcmp(old->map->name, name))
		return 0;	/* so already: nothing changes */
	if (old && !replace)
		return -EBUSY;
	/* Each binding pins the module (spd.h); a replacement keeps old's. */
	if (!old && !try_module_get(THIS_MODULE))
		return -ENODEV;
	b = kzalloc(sizeof(*b), GFP_KERNEL_ACCOUNT);
	if (!b)
		goto err_put;
	map = nfsec_spd_map_get(nn, name);
	if (!map)
		goto err_free;
	map->bindings++;
	b->ifindex = ifindex;
	b->map = map;
	if (old) {
		/* one step: a packet sees the old map or the new, never none */
		hlist_replace_rcu(&old->node, &b->node);
		old->map->bindings--;
		nfsec_spd_map_put(old->map);
		kfree_rcu(old, rcu);
	} else {
		hash_add_rcu(nn->spd.bindings, &b->node, ifindex);
	}
	nn->spd.genid++;
	return 0;

err_free:
	kfree(b);
err_put:
	if (!old)
		module_put(THIS_MODULE);
	return -ENOMEM;
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
	module_put(THIS_MODULE);
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
			    const struct nfsec_entry *e, const char *name,
			    u8 proto)
{
	return !READ_ONCE(sa->dead) && sa->map_seq == e->seq &&
	       sa->key.proto == proto && !strcmp(sa->map, name) &&
	       sa->key.family == e->family &&
	       !memcmp(&sa->key.daddr, &e->peer, sizeof(e->peer));
}

static struct nfsec_sa *nfsec_spd_newest(struct nfsec_net *nn,
					 const struct nfsec_entry *e,
					 const char *name, u8 proto)
{
	struct nfsec_sa *sa, *newest = NULL;

	/* out_list is oldest first: the last match is the newest SA. */
	list_for_each_entry(sa, &nn->sad.out_list, out_node)
		if (nfsec_sa_serves(sa, e, name, proto))
			newest = sa;
	return newest;
}

static bool nfsec_entry_bundle(const struct nfsec_entry *e)
{
	return e->protos == (NFSEC_PROTO_ESP | NFSEC_PROTO_AH);
}

void nfsec_spd_attach(struct nfsec_net *nn, const char *name, u32 seq)
{
	struct nfsec_map *map = nfsec_spd_map(nn, name);
	struct nfsec_entry *e = map ? nfsec_spd_entry(map, seq) : NULL;
	struct nfsec_sa *sa, *ah = NULL, *old;

	lockdep_assert_held(&nn->lock);
	if (!e)
		return;
	sa = nfsec_spd_newest(nn, e, name, e->protos & NFSEC_PROTO_ESP ?
					   IPPROTO_ESP : IPPROTO_AH);
	if (nfsec_entry_bundle(e))
		ah = nfsec_spd_newest(nn, e, name, IPPROTO_AH);
	old = rcu_dereference_protected(e->out_sa, lockdep_is_held(&nn->lock));
	if (sa && old != sa)	/* a rekey: the path has not changed */
		nfsec_pmtu_inherit(sa, old);
	rcu_assign_pointer(e->out_sa, sa);
	rcu_assign_pointer(e->out_ah, ah);
	if (sa && (ah || !nfsec_entry_bundle(e)))
		nfsec_hold_release(nn, e);
}

u32 nfsec_entry_out_spi(const struct nfsec_entry *e)
{
	struct nfsec_sa *sa, *ah;
	u32 spi = 0;

	rcu_read_lock();
	sa = rcu_dereference(e->out_sa);
	ah = rcu_dereference(e->out_ah);
	if (sa && (ah || !nfsec_entry_bundle(e)))
		spi = sa->key.spi;
	rcu_read_unlock();
	return spi;
}

bool nfsec_entry_hold_sas(struct nfsec_entry *e, struct nfsec_sa **sa,
			  struct nfsec_sa **ah)
{
	*sa = rcu_dereference(e->out_sa);
	*ah = NULL;
	if (!*sa || !nfsec_sa_hold(*sa))
		return false;
	if (!nfsec_entry_bundle(e))
		return true;
	*ah = rcu_dereference(e->out_ah);
	if (*ah && nfsec_sa_hold(*ah))
		return true;
	nfsec_sa_put(*sa);
	return false;
}

struct nfsec_map *nfsec_spd_bound(struct nfsec_net *nn, int ifindex)
{
	struct nfsec_binding *b = nfsec_spd_binding(nn, ifindex);

	return b ? b->map : NULL;
}

bool nfsec_spd_covers(struct nfsec_net *nn, const char *name, u32 seq,
		      const struct nfsec_flow *in)
{
	struct nfsec_flow fl = *in;
	struct nfsec_entry *e;
	struct nfsec_map *map;
	struct nfsec_rule *r;
	bool ok = false;

	nfsec_flow_reverse(&fl);
	rcu_read_lock();
	list_for_each_entry_rcu(map, &nn->spd.maps, node) {
		if (strcmp(map->name, name))
			continue;
		r = nfsec_spd_lookup(map, &fl, &e);
		ok = r && r->action == NFSEC_ACTION_PROTECT && e->seq == seq;
		break;
	}
	rcu_read_unlock();
	return ok;
}

struct nfsec_rule *nfsec_spd_lookup(struct nfsec_map *map,
				    const struct nfsec_flow *fl,
				    struct nfsec_entry **entry)
{
	struct nfsec_rule *r = nfsec_index_lookup(&map->index, fl);

	if (r)
		*entry = r->entry;
	return r;
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

int nfsec_ipv6_skip(struct sk_buff *skb, u8 *nexthdr, __be16 *frag_off)
{
	unsigned int off = sizeof(struct ipv6hdr);
	const struct ipv6_opt_hdr *h;
	struct ipv6_opt_hdr _h;
	__be16 _fo, *fo;
	u8 nh = *nexthdr;

	*frag_off = 0;
	while (ipv6_ext_hdr(nh) && nh != NEXTHDR_AUTH && nh != NEXTHDR_NONE) {
		h = skb_header_pointer(skb, off, sizeof(_h), &_h);
		if (!h)
			return -1;
		if (nh == NEXTHDR_FRAGMENT) {
			fo = skb_header_pointer(skb, off + 2, sizeof(_fo), &_fo);
			if (!fo)
				return -1;
			*frag_off = *fo;
			if (ntohs(*fo) & ~0x7)
				break;	/* not the first fragment */
			off += sizeof(struct frag_hdr);
		} else {
			off += ipv6_optlen(h);
		}
		nh = h->nexthdr;
	}
	*nexthdr = nh;
	return off;
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
	off = nfsec_ipv6_skip(skb, &nexthdr, &frag_off);
	if (off < 0)
		return false;
	fl->proto = nexthdr;
	if (frag_off & htons(IP6_OFFSET)) {
		/* off is at the fragment header, which names what follows */
		const u8 *nh = skb_header_pointer(skb, off, 1, &nexthdr);

		if (!nh)
			return false;
		fl->proto = *nh;
		fl->ports_opaque = true;
		fl->proto_opaque = ipv6_ext_hdr(*nh) && *nh != NEXTHDR_NONE;
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
