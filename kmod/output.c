// SPDX-License-Identifier: GPL-2.0
/*
 * Outbound packet path (POST_ROUTING, after source NAT):
 *
 *   out device has a crypto map? --no--> accept
 *   first matching rule: none/bypass --> accept;  discard --> drop
 *   protect: entry's outbound SA? --no--> hold + ACQUIRE (hold.c)
 *   tunnel: route the outer packet to the peer (pmtu.c: which MTU holds);
 *   too big with DF -> ICMP, or a local sender's route learns the PMTU
 *   GSO: segment;  per packet: ESP in place (maybe async), outer header,
 *   then for AH+ESP bundles AH over that (maybe async; AH alone in tunnel
 *   mode puts the outer header on first), IPSKB_XFRM_TRANSFORMED so no
 *   hook transforms it again, ip_local_out().
 *
 * A packet a protect rule covers leaves encrypted or not at all.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netfilter.h>
#include <net/dst.h>
#include <net/icmp.h>
#include <net/inet_ecn.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/ipv6.h>
#include <net/route.h>

#include "ah.h"
#include "esp.h"
#include "esp_trailer.h"
#include "nfsec.h"

static bool nfsec_skb_transformed(struct sk_buff *skb, u8 family)
{
	if (family == AF_INET)
		return IPCB(skb)->flags & IPSKB_XFRM_TRANSFORMED;
	return IP6CB(skb)->flags & IP6SKB_XFRM_TRANSFORMED;
}

static unsigned int nfsec_outer_hlen(const struct nfsec_sa *sa)
{
	if (sa->mode == NFSEC_MODE_TRANSPORT)
		return 0;
	return sa->key.family == AF_INET ? sizeof(struct iphdr) :
					   sizeof(struct ipv6hdr);
}

/* The route of the outer packet; the SA's peer for tunnels. */
static struct dst_entry *nfsec_route_outer(struct net *net,
					   const struct nfsec_sa *sa,
					   struct sk_buff *skb)
{
	struct flowi4 fl4 = {};
	struct flowi6 fl6 = {};
	struct dst_entry *dst;
	struct rtable *rt;

	if (sa->mode == NFSEC_MODE_TRANSPORT)
		return dst_clone(skb_dst(skb));
	if (sa->key.family == AF_INET) {
		fl4.daddr = sa->key.daddr.ip;
		fl4.saddr = sa->saddr.ip;
		fl4.flowi4_proto = sa->key.proto;
		fl4.flowi4_mark = skb->mark;
		rt = ip_route_output_key(net, &fl4);
		return IS_ERR(rt) ? NULL : &rt->dst;
	}
	fl6.daddr = sa->key.daddr.in6;
	fl6.saddr = sa->saddr.in6;
	fl6.flowi6_proto = sa->key.proto;
	fl6.flowi6_mark = skb->mark;
	dst = ip6_route_output(net, NULL, &fl6);
	if (dst->error) {
		dst_release(dst);
		return NULL;
	}
	return dst;
}

static bool nfsec_df(struct sk_buff *skb, u8 family)
{
	if (family == AF_INET6)
		return true;
	return (ip_hdr(skb)->frag_off & htons(IP_DF)) && !skb->ignore_df;
}

static u8 nfsec_inner_tos(struct sk_buff *skb, u8 family)
{
	return family == AF_INET ? ip_hdr(skb)->tos :
				   ipv6_get_dsfield(ipv6_hdr(skb));
}

/* Bytes in front of the ESP header and the payload's protocol. */
static int nfsec_output_layout(struct sk_buff *skb, const struct nfsec_sa *sa,
			       u8 family)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	cb->family = family;
	cb->df = nfsec_df(skb, family) && family == AF_INET;
	cb->tos = nfsec_inner_tos(skb, family);
	if (sa->mode == NFSEC_MODE_TUNNEL) {
		cb->hdr_len = 0;
		cb->nexthdr = family == AF_INET ? IPPROTO_IPIP : IPPROTO_IPV6;
		return 0;
	}
	if (family != sa->key.family)
		return -EAFNOSUPPORT;
	if (family == AF_INET) {
		if (ip_is_fragment(ip_hdr(skb)))
			return -EAFNOSUPPORT;
		cb->hdr_len = ip_hdrlen(skb);
		cb->nexthdr = ip_hdr(skb)->protocol;
		return 0;
	}
	/* Transport mode over IPv6 carries no extension headers for now. */
	cb->hdr_len = sizeof(struct ipv6hdr);
	cb->nexthdr = ipv6_hdr(skb)->nexthdr;
	return ipv6_ext_hdr(cb->nexthdr) ? -EAFNOSUPPORT : 0;
}

static unsigned int nfsec_ah_len(const struct nfsec_sa *ah)
{
	return ah ? nfsec_ah_hlen(ah, ah->key.family) : 0;
}

/* The largest inner packet that fits @mtu once protected by @sa (+ @ah). */
static unsigned int nfsec_inner_mtu(const struct nfsec_sa *sa,
				    const struct nfsec_sa *ah,
				    unsigned int mtu, unsigned int hdr_len)
{
	unsigned int align = max_t(unsigned int, sa->algs.blksize, 4);
	unsigned int fixed = nfsec_outer_hlen(sa) + hdr_len + nfsec_ah_len(ah);

	if (sa->key.proto == IPPROTO_AH) {
		fixed += nfsec_ah_len(sa);
		return mtu > fixed ? mtu - fixed + hdr_len : 0;
	}
	fixed += nfsec_esp_overhead(sa, 0) -
		 nfsec_esp_padlen(0, sa->algs.blksize) - NFSEC_ESP_TRAILER_LEN;
	if (mtu < fixed + align)
		return 0;
	/* payload + trailer rounded up to align must fit what is left */
	return round_down(mtu - fixed, align) - NFSEC_ESP_TRAILER_LEN + hdr_len;
}

static void nfsec_too_big(struct sk_buff *skb, u8 family, unsigned int mtu)
{
	if (skb->sk) {
		/* Local sender: shrink its route's PMTU, TCP follows it. */
		skb_dst_update_pmtu_no_confirm(skb, mtu);
		return;
	}
	if (family == AF_INET)
		icmp_ndo_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED,
			      htonl(mtu));
	else
		icmpv6_ndo_send(skb, ICMPV6_PKT_TOOBIG, 0, mtu);
}

/*
 * The size to hold against the inner MTU: an IPv6 datagram conntrack
 * reassembled counts as its largest fragment, which its source chose (as
 * ip6_forward() judges it); the outer packet is fragmented instead.
 */
static unsigned int nfsec_judged_len(struct sk_buff *skb, u8 family)
{
	if (family == AF_INET6 && IP6CB(skb)->frag_max_size)
		return IP6CB(skb)->frag_max_size;
	return skb->len;
}

/*
 * true when @skb may go through @dst with room for @inner bytes of it:
 * fits, or may be fragmented outside.  An IPv6 path too narrow for a
 * 1280-byte inner packet (the least IPv6 lets a sender shrink to) carries
 * the outer packet in fragments, as RFC 8200 has a source do.
 */
static bool nfsec_mtu_ok(struct sk_buff *skb, u8 family, unsigned int inner)
{
	bool fits;

	fits = skb_is_gso(skb) ? skb_gso_validate_network_len(skb, inner) :
				 nfsec_judged_len(skb, family) <= inner;
	if (fits || !nfsec_df(skb, family) ||
	    (family == AF_INET6 && inner < IPV6_MIN_MTU))
		return true;
	nfsec_too_big(skb, family, max_t(unsigned int, inner, 68));
	return false;
}

static void nfsec_push_outer4(struct sk_buff *skb, const struct nfsec_sa *sa,
			      u8 inner_tos, bool df, u8 proto)
{
	struct iphdr *iph;

	skb_push(skb, sizeof(*iph));
	skb_reset_network_header(skb);
	iph = ip_hdr(skb);
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = INET_ECN_encapsulate(inner_tos, inner_tos);
	iph->frag_off = df ? htons(IP_DF) : 0;
	iph->ttl = ip4_dst_hoplimit(skb_dst(skb));
	iph->protocol = proto;
	iph->saddr = sa->saddr.ip;
	iph->daddr = sa->key.daddr.ip;
	iph->tot_len = htons(skb->len);
	ip_select_ident(dev_net(skb_dst(skb)->dev), skb, NULL);
}

static void nfsec_push_outer6(struct sk_buff *skb, const struct nfsec_sa *sa,
			      u8 inner_tos, u8 proto)
{
	struct ipv6hdr *ip6h;

	skb_push(skb, sizeof(*ip6h));
	skb_reset_network_header(skb);
	ip6h = ipv6_hdr(skb);
	ip6_flow_hdr(ip6h, INET_ECN_encapsulate(inner_tos, inner_tos), 0);
	ip6h->payload_len = htons(skb->len - sizeof(*ip6h));
	ip6h->nexthdr = proto;
	ip6h->hop_limit = ip6_dst_hoplimit(skb_dst(skb));
	ip6h->saddr = sa->saddr.in6;
	ip6h->daddr = sa->key.daddr.in6;
}

/* The tunnel's outer header, carrying @proto. */
static void nfsec_push_outer(struct sk_buff *skb, u8 proto)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	if (cb->sa->key.family == AF_INET)
		nfsec_push_outer4(skb, cb->sa, cb->tos, cb->df, proto);
	else
		nfsec_push_outer6(skb, cb->sa, cb->tos, proto);
}

/* ESP is in place: the IP header in front now says so. */
static void nfsec_output_esp_done(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	if (cb->sa->mode == NFSEC_MODE_TUNNEL)
		nfsec_push_outer(skb, IPPROTO_ESP);
	else if (cb->family == AF_INET)
		ip_hdr(skb)->protocol = IPPROTO_ESP;
	else
		ipv6_hdr(skb)->nexthdr = IPPROTO_ESP;
}

/* Every transform is in place: send the outer packet. */
static void nfsec_output_xmit(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	struct net *net = sa->nn->net;
	bool df = cb->df;

	skb->ignore_df = !df;
	nf_reset_ct(skb);
	if (sa->key.family == AF_INET) {
		memset(IPCB(skb), 0, sizeof(*IPCB(skb)));
		IPCB(skb)->flags = IPSKB_XFRM_TRANSFORMED;
		skb->protocol = htons(ETH_P_IP);
		ip_local_out(net, skb->sk, skb);
	} else {
		memset(IP6CB(skb), 0, sizeof(*IP6CB(skb)));
		IP6CB(skb)->flags = IP6SKB_XFRM_TRANSFORMED;
		skb->protocol = htons(ETH_P_IPV6);
		ip6_local_out(net, skb->sk, skb);
	}
}

void nfsec_output_hold(struct nfsec_sa *sa, struct nfsec_sa *ah)
{
	nfsec_sa_hold(sa);
	if (ah)
		nfsec_sa_hold(ah);
}

void nfsec_output_put(struct nfsec_sa *sa, struct nfsec_sa *ah)
{
	nfsec_sa_put(sa);
	if (ah)
		nfsec_sa_put(ah);
}

static void nfsec_output_release(struct nfsec_net *nn, struct nfsec_sa *sa,
				 struct nfsec_sa *ah)
{
	nfsec_output_put(sa, ah);
	percpu_ref_put(&nn->inflight);
}

static enum nfsec_drop_reason nfsec_output_reason(int err)
{
	switch (err) {
	case -EOVERFLOW:
		return NFSEC_DROP_EXPIRED;
	case -ENOMEM:
		return NFSEC_DROP_NOMEM;
	default:
		return NFSEC_DROP_CRYPTO;
	}
}

/* The first transform: ESP, or AH alone (after the outer header). */
static int nfsec_output_first(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	if (cb->sa->key.proto == IPPROTO_ESP)
		return nfsec_esp_output(skb);
	if (cb->sa->mode == NFSEC_MODE_TUNNEL) {
		nfsec_push_outer(skb, cb->nexthdr);
		cb->hdr_len = nfsec_outer_hlen(cb->sa);
	}
	return nfsec_ah_output(skb);
}

/* ESP is done: AH of the bundle goes right after the outer header. */
static int nfsec_output_next(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *esp = cb->sa;

	if (esp->mode == NFSEC_MODE_TUNNEL)
		cb->hdr_len = nfsec_outer_hlen(esp);
	cb->nexthdr = IPPROTO_ESP;
	cb->sa = cb->ah;
	cb->ah = NULL;
	nfsec_sa_put(esp);
	if (!nfsec_sa_use(cb->sa, skb->len - cb->hdr_len))
		return -EOVERFLOW;
	return nfsec_ah_output(skb);
}

/* Completion of each transform, sync or async. */
static void nfsec_output_done(struct sk_buff *skb, int err)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa, *ah = cb->ah;
	struct nfsec_net *nn = sa->nn;

	if (err) {
		nfsec_sa_count(sa, NFSEC_SA_ERRORS, 1);
		nfsec_kfree_skb(nn, skb, nfsec_output_reason(err));
		nfsec_output_release(nn, sa, ah);	/* cb is gone */
		return;
	}
	if (sa->key.proto == IPPROTO_ESP)
		nfsec_output_esp_done(skb);
	nfsec_sa_count_packet(sa, skb->len);
	if (ah) {
		err = nfsec_output_next(skb);	/* puts sa: cb->sa is AH */
		if (err != -EINPROGRESS)
			nfsec_output_done(skb, err);
		return;
	}
	nfsec_output_xmit(skb);
	nfsec_output_release(nn, sa, NULL);
}

/* One packet, no GSO; owns @skb and the references on @sa and @ah. */
static void nfsec_output_one(struct nfsec_sa *sa, struct nfsec_sa *ah,
			     struct sk_buff *skb, unsigned int headroom)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_net *nn = sa->nn;
	int err;

	/*
	 * Not from a hook only: held packets leave when an SA comes, which
	 * SA expiry can cause while the namespace exits.
	 */
	if (!percpu_ref_tryget_live(&nn->inflight)) {
		nfsec_kfree_skb(nn, skb, NFSEC_DROP_NO_SA);
		nfsec_output_put(sa, ah);
		return;
	}
	cb->sa = sa;
	cb->ah = ah;
	cb->done = nfsec_output_done;
	cb->tmp = NULL;
	if (!nfsec_sa_use(sa, skb->len - cb->hdr_len)) {
		err = -EOVERFLOW;
		goto out;
	}
	err = skb->ip_summed == CHECKSUM_PARTIAL ? skb_checksum_help(skb) : 0;
	if (!err)
		err = skb_cow_head(skb, headroom);
	if (!err)
		err = nfsec_output_first(skb);
	if (err == -EINPROGRESS)
		return;
out:
	nfsec_output_done(skb, err);
}

static unsigned int nfsec_headroom(const struct nfsec_sa *sa,
				   const struct nfsec_sa *ah,
				   struct dst_entry *dst)
{
	unsigned int len = sa->key.proto == IPPROTO_AH ? nfsec_ah_len(sa) :
			   sizeof(struct ip_esp_hdr) + sa->algs.ivlen;

	return LL_RESERVED_SPACE(dst->dev) + dst->header_len +
	       nfsec_outer_hlen(sa) + len + nfsec_ah_len(ah);
}

static void nfsec_output_gso(struct nfsec_sa *sa, struct nfsec_sa *ah,
			     struct sk_buff *skb, unsigned int headroom)
{
	struct nfsec_skb_cb saved = *NFSEC_SKB_CB(skb);
	struct nfsec_net *nn = sa->nn;
	struct sk_buff *segs, *seg, *next;

	segs = skb_gso_segment(skb, 0);
	if (IS_ERR_OR_NULL(segs)) {
		nfsec_kfree_skb(nn, skb, NFSEC_DROP_NOMEM);
		nfsec_output_put(sa, ah);
		return;
	}
	consume_skb(skb);
	skb_list_walk_safe(segs, seg, next) {
		skb_mark_not_on_list(seg);
		*NFSEC_SKB_CB(seg) = saved;
		nfsec_output_hold(sa, ah);	/* the caller's are alive */
		nfsec_output_one(sa, ah, seg, headroom);
	}
	nfsec_output_put(sa, ah);
}

void nfsec_output_sa(struct nfsec_net *nn, struct nfsec_sa *sa,
		     struct nfsec_sa *ah, struct sk_buff *skb, u8 family)
{
	enum nfsec_drop_reason why;
	unsigned int inner, mtu;
	struct dst_entry *dst;

	why = NFSEC_DROP_EXPIRED;
	if (READ_ONCE(sa->dead) || (ah && READ_ONCE(ah->dead)))
		goto drop;
	why = NFSEC_DROP_UNSUPPORTED;
	if (nfsec_output_layout(skb, sa, family))
		goto drop;
	why = NFSEC_DROP_ROUTE;
	dst = nfsec_route_outer(nn->net, sa, skb);
	if (!dst)
		goto drop;
	why = NFSEC_DROP_MTU;
	mtu = nfsec_pmtu(sa, skb, family, dst);
	inner = nfsec_inner_mtu(sa, ah, mtu, NFSEC_SKB_CB(skb)->hdr_len);
	if (!nfsec_mtu_ok(skb, family, inner)) {
		dst_release(dst);
		goto drop;
	}
	if (nfsec_refragment(nn, sa, ah, skb, family, inner)) {
		dst_release(dst);	/* each fragment routes on its own */
		return;
	}
	why = NFSEC_DROP_NOMEM;
	dst = nfsec_pmtu_route(dst, sa->key.family, mtu);
	if (!dst)
		goto drop;
	skb_dst_drop(skb);
	skb_dst_set(skb, dst);

	if (skb_is_gso(skb))
		nfsec_output_gso(sa, ah, skb, nfsec_headroom(sa, ah, dst));
	else
		nfsec_output_one(sa, ah, skb, nfsec_headroom(sa, ah, dst));
	return;

drop:
	nfsec_sa_count(sa, NFSEC_SA_ERRORS, 1);
	nfsec_kfree_skb(nn, skb, why);
	nfsec_output_put(sa, ah);
}

unsigned int nfsec_output(struct nfsec_net *nn, struct sk_buff *skb,
			  const struct nf_hook_state *state)
{
	u8 family = state->pf == NFPROTO_IPV4 ? AF_INET : AF_INET6;
	struct nfsec_entry *e = NULL;
	struct nfsec_rule *r;
	struct nfsec_flow fl;
	struct nfsec_map *map;
	struct nfsec_sa *sa, *ah;

	if (nfsec_skb_transformed(skb, family))
		return NF_ACCEPT;
	map = nfsec_spd_bound(nn, state->out->ifindex);
	if (!map)
		return NF_ACCEPT;
	if (!nfsec_flow_from_skb(skb, family, &fl))
		return nfsec_drop(nn, NFSEC_DROP_MALFORMED);
	r = nfsec_spd_lookup(map, &fl, &e);
	if (!r)
		return NF_ACCEPT;
	this_cpu_inc(*r->matches.ctr);
	if (r->action == NFSEC_ACTION_BYPASS)
		return NF_ACCEPT;
	if (r->action == NFSEC_ACTION_DISCARD)
		return nfsec_drop(nn, NFSEC_DROP_POLICY);

	if (nfsec_ct_confirm(skb) != NF_ACCEPT)
		return nfsec_drop(nn, NFSEC_DROP_POLICY);
	if (!nfsec_entry_hold_sas(e, &sa, &ah))
		return nfsec_acquire(nn, e, skb, &fl);
	nfsec_output_sa(nn, sa, ah, skb, family);
	return NF_STOLEN;
}
