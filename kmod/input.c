// SPDX-License-Identifier: GPL-2.0
/*
 * Inbound packet path.
 *
 * LOCAL_IN (ESP or AH reassembled and addressed to us):
 *   SA by (SPI, destination, protocol)? --no--> drop, unknown SPI
 *   replay check, ICV (+ decrypt) (maybe async), replay window advance,
 *   padding; tunnel: strip the outer header; transport: rebuild the IP
 *   header; check the packet against the SA's selectors, or for an SA
 *   without them its crypto map entry's rules, mirrored (RFC 4301 5.2);
 *   then reinject the packet on the device it arrived on (gro.c:
 *   through GRO where the device has it on, else at once), so it is
 *   routed, filtered and delivered like any other.  AH carrying ESP (the
 *   AH+ESP bundle) is reinjected as the ESP packet, which comes back here.
 *
 * PRE_ROUTING (everything else):
 *   arrival device has a crypto map and a protect rule covers the packet
 *   (mirrored) --> drop: cleartext that should have been protected.
 *   IKE (UDP 500/4500), ESP and AH addressed to this router are exempt;
 *   to anyone else they are judged like any other packet.
 *   Reinjected packets are recognised by nfsec_reinjecting(), true only
 *   while gro.c delivers them.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <net/addrconf.h>
#include <net/inet_ecn.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/route.h>

#include "ah.h"
#include "esp.h"
#include "nfsec.h"

static enum nfsec_drop_reason nfsec_input_reason(int err)
{
	switch (err) {
	case -EINVAL:
		return NFSEC_DROP_MALFORMED;
	case -EEXIST:
		return NFSEC_DROP_REPLAY;
	case -EBADMSG:
		return NFSEC_DROP_AUTH;
	case -EPROTO:
		return NFSEC_DROP_PADDING;
	case -EACCES:
		return NFSEC_DROP_SELECTOR;
	case -EKEYEXPIRED:
		return NFSEC_DROP_EXPIRED;
	case -EAFNOSUPPORT:
		return NFSEC_DROP_UNSUPPORTED;
	case -ENOMEM:
		return NFSEC_DROP_NOMEM;
	default:
		return NFSEC_DROP_CRYPTO;
	}
}

static void nfsec_input_count_error(struct nfsec_sa *sa, int err)
{
	if (err == -EEXIST)
		nfsec_sa_count(sa, NFSEC_SA_REPLAY, 1);
	else if (err == -EBADMSG)
		nfsec_sa_count(sa, NFSEC_SA_AUTH_FAIL, 1);
	nfsec_sa_count(sa, NFSEC_SA_ERRORS, 1);
	if (err == -EEXIST || err == -EBADMSG || err == -EACCES)
		net_info_ratelimited("nfsec: dropped inbound packet on SA spi 0x%08x: %s\n",
				     sa->key.spi,
				     err == -EEXIST ? "replay" :
				     err == -EBADMSG ? "ICV mismatch" :
				     "outside the SA's selectors");
}

/* The inner header of a tunnel: a whole IPv4 or IPv6 packet. */
static int nfsec_inner_check(struct sk_buff *skb, u8 nexthdr)
{
	unsigned int len;

	if (nexthdr == IPPROTO_IPIP) {
		const struct iphdr *iph;

		if (!pskb_may_pull(skb, sizeof(*iph)))
			return -EINVAL;
		iph = (const struct iphdr *)skb->data;
		len = ntohs(iph->tot_len);
		if (iph->version != 4 || iph->ihl < 5 || len < iph->ihl * 4)
			return -EINVAL;
	} else if (nexthdr == IPPROTO_IPV6) {
		const struct ipv6hdr *ip6h;

		if (!pskb_may_pull(skb, sizeof(*ip6h)))
			return -EINVAL;
		ip6h = (const struct ipv6hdr *)skb->data;
		len = ntohs(ip6h->payload_len) + sizeof(*ip6h);
		if (ip6h->version != 6)
			return -EINVAL;
	} else {
		return -EINVAL;
	}
	if (len > skb->len)
		return -EINVAL;
	return pskb_trim(skb, len) ? -ENOMEM : 0;
}

static u8 nfsec_outer_tos(struct sk_buff *skb, u8 family)
{
	return family == AF_INET ? ip_hdr(skb)->tos :
				   ipv6_get_dsfield(ipv6_hdr(skb));
}

/* RFC 6040: congestion seen outside is kept inside. */
static void nfsec_ecn_decap(struct sk_buff *skb, u8 outer_tos, u8 family)
{
	if (!INET_ECN_is_ce(outer_tos))
		return;
	if (family == AF_INET)
		IP_ECN_set_ce(ip_hdr(skb));
	else
		IP6_ECN_set_ce(skb, ipv6_hdr(skb));
}

/*
 * RFC 4301 5.2: a decrypted packet must be one its SA may carry: inside
 * the SA's selectors, or for an SA without them (a manual one) inside
 * what its crypto map entry protects, mirrored.  An SA of no entry and no
 * selectors (cryptoctl's bare ones) is its creator's business.
 */
static bool nfsec_decap_allowed(struct sk_buff *skb, u8 family,
				const struct nfsec_sa *sa)
{
	struct nfsec_flow fl;

	if (!sa->has_sel && !sa->map[0])
		return true;
	if (!nfsec_flow_from_skb(skb, family, &fl))
		return false;
	if (sa->has_sel)
		return nfsec_selector_match(&sa->sel, &fl);
	return nfsec_spd_covers(sa->nn, sa->map, sa->map_seq, &fl);
}

static int nfsec_decap_tunnel(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	u8 tos = nfsec_outer_tos(skb, cb->family);
	u8 family = cb->nexthdr == IPPROTO_IPIP ? AF_INET : AF_INET6;
	struct nfsec_sa *sa = cb->sa;
	int err;

	__skb_pull(skb, cb->hdr_len);
	err = nfsec_inner_check(skb, cb->nexthdr);
	if (err)
		return err;
	skb_reset_network_header(skb);
	cb->family = family;
	if (!nfsec_decap_allowed(skb, family, sa))
		return -EACCES;
	nfsec_ecn_decap(skb, tos, family);
	return 0;
}

/* AH over ESP: the next round finds the ESP SA and its selectors. */
static bool nfsec_decap_bundle(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	return cb->sa->key.proto == IPPROTO_AH && cb->nexthdr == IPPROTO_ESP;
}

static int nfsec_decap_transport(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	skb_reset_network_header(skb);
	if (cb->family == AF_INET) {
		struct iphdr *iph = ip_hdr(skb);

		iph->protocol = cb->nexthdr;
		iph->tot_len = htons(skb->len);
		ip_send_check(iph);
	} else {
		struct ipv6hdr *ip6h = ipv6_hdr(skb);

		if (cb->hdr_len != sizeof(*ip6h))
			return -EAFNOSUPPORT;
		ip6h->nexthdr = cb->nexthdr;
		ip6h->payload_len = htons(skb->len - sizeof(*ip6h));
	}
	if (nfsec_decap_bundle(skb))
		return 0;
	if (!nfsec_decap_allowed(skb, cb->family, cb->sa))
		return -EACCES;
	return 0;
}

/* Keeps the link-layer header in front, for taps like tcpdump. */
static void nfsec_rebuild_mac(struct sk_buff *skb, struct net_device *dev)
{
	if (dev->type != ARPHRD_ETHER || skb->mac_len != ETH_HLEN ||
	    !skb_mac_header_was_set(skb)) {
		skb_reset_mac_header(skb);
		skb->mac_len = 0;
		return;
	}
	skb_mac_header_rebuild(skb);
	eth_hdr(skb)->h_proto = skb->protocol;
}

/* Takes over the reference on the arrival device. */
static void nfsec_reinject(struct nfsec_net *nn, struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct net_device *dev = cb->dev;
	int err;

	skb->dev = dev;
	skb->protocol = cb->family == AF_INET ? htons(ETH_P_IP) :
						htons(ETH_P_IPV6);
	skb->pkt_type = PACKET_HOST;
	skb_dst_drop(skb);
	nf_reset_ct(skb);
	nfsec_rebuild_mac(skb, dev);
	err = nfsec_gro_receive(skb);
	if (err) {
		nfsec_kfree_skb(nn, skb, err == -ENOBUFS ? NFSEC_DROP_BACKLOG :
							   NFSEC_DROP_UNSUPPORTED);
		dev_put(dev);
	}
}

static int nfsec_input_decap(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	unsigned int len = skb->len;
	int err;

	if (sa->mode == NFSEC_MODE_TUNNEL && !nfsec_decap_bundle(skb))
		err = nfsec_decap_tunnel(skb);
	else
		err = nfsec_decap_transport(skb);
	if (err)
		return err;
	if (!nfsec_sa_use(sa, len))
		return -EKEYEXPIRED;
	nfsec_sa_count_packet(sa, len);
	return 0;
}

/* Completion of nfsec_esp_input() or nfsec_ah_input(), sync or async. */
static void nfsec_input_done(struct sk_buff *skb, int err)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	struct net_device *dev = cb->dev;
	struct nfsec_net *nn = sa->nn;

	if (!err)
		err = nfsec_input_decap(skb);
	if (err) {
		nfsec_input_count_error(sa, err);
		nfsec_kfree_skb(nn, skb, nfsec_input_reason(err));
		dev_put(dev);
	} else {
		nfsec_reinject(nn, skb);
	}
	nfsec_sa_put(sa);
	percpu_ref_put(&nn->inflight);
}

/* Where ESP or AH starts and its SA key; false for other packets. */
static bool nfsec_find_ipsec(struct sk_buff *skb, u8 family,
			     struct nfsec_sa_key *key, unsigned int *off)
{
	union nfsec_addr daddr = {};
	__be16 frag_off;
	u8 nexthdr;
	int o;

	if (family == AF_INET) {
		nexthdr = ip_hdr(skb)->protocol;
		o = ip_hdrlen(skb);
		daddr.ip = ip_hdr(skb)->daddr;
	} else {
		nexthdr = ipv6_hdr(skb)->nexthdr;
		o = nfsec_ipv6_skip(skb, &nexthdr, &frag_off);
		if (o < 0 || frag_off)
			return false;
		daddr.in6 = ipv6_hdr(skb)->daddr;
	}
	*off = o;
	return nfsec_sa_key_at(skb, o, nexthdr, family, &daddr, key);
}

static struct nfsec_sa *nfsec_input_sa(struct nfsec_net *nn,
				       const struct nfsec_sa_key *key)
{
	struct nfsec_sa *sa = nfsec_sad_lookup(nn, key);

	if (!sa || sa->dir != NFSEC_SA_DIR_IN || sa->larval ||
	    !nfsec_sa_hold(sa))
		return NULL;
	return sa;
}

unsigned int nfsec_input_esp(struct nfsec_net *nn, struct sk_buff *skb,
			     const struct nf_hook_state *state)
{
	u8 family = state->pf == NFPROTO_IPV4 ? AF_INET : AF_INET6;
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa_key key;
	struct nfsec_sa *sa;
	unsigned int off;
	int err;

	if (!atomic_read(&nn->sad.in_count) ||
	    !nfsec_find_ipsec(skb, family, &key, &off))
		return NF_ACCEPT;
	sa = nfsec_input_sa(nn, &key);
	if (!sa) {
		net_info_ratelimited("nfsec: %s with unknown SPI 0x%08x\n",
				     key.proto == IPPROTO_AH ? "AH" : "ESP",
				     key.spi);
		return nfsec_drop(nn, NFSEC_DROP_UNKNOWN_SPI);
	}

	percpu_ref_get(&nn->inflight);
	cb->sa = sa;
	cb->dev = state->in;
	dev_hold(cb->dev);
	cb->tmp = NULL;
	cb->done = nfsec_input_done;
	cb->hdr_len = off;
	cb->family = family;
	if (key.proto == IPPROTO_AH)
		err = nfsec_ah_input(skb);
	else
		err = nfsec_esp_input(skb);
	if (err != -EINPROGRESS)
		nfsec_input_done(skb, err);
	return NF_STOLEN;
}

/* Whether @fl is addressed to this namespace itself (before routing). */
static bool nfsec_input_local(struct net *net, struct net_device *dev,
			      const struct nfsec_flow *fl)
{
	if (fl->family == AF_INET)
		return inet_addr_type_dev_table(net, dev, fl->daddr.ip) ==
		       RTN_LOCAL;
	return ipv6_chk_addr(net, &fl->daddr.in6, NULL, 0);
}

/*
 * IKE and ESP/AH themselves are never "cleartext to protect", but only
 * when they are for this router: the same ports or protocols to an inside
 * host are whatever the crypto map says they are.
 */
static bool nfsec_input_exempt(struct net *net, struct net_device *dev,
			       const struct nfsec_flow *fl)
{
	bool ike = fl->proto == IPPROTO_UDP && !fl->ports_opaque &&
		   (fl->dport == 500 || fl->dport == 4500);

	if (!ike && fl->proto != IPPROTO_ESP && fl->proto != IPPROTO_AH)
		return false;
	return nfsec_input_local(net, dev, fl);
}

unsigned int nfsec_input_clear(struct nfsec_net *nn, struct sk_buff *skb,
			       const struct nf_hook_state *state)
{
	u8 family = state->pf == NFPROTO_IPV4 ? AF_INET : AF_INET6;
	struct nfsec_entry *e;
	struct nfsec_rule *r;
	struct nfsec_flow fl;
	struct nfsec_map *map;

	if (nfsec_reinjecting())
		return NF_ACCEPT;
	map = nfsec_spd_bound(nn, state->in->ifindex);
	if (!map)
		return NF_ACCEPT;
	if (!nfsec_flow_from_skb(skb, family, &fl))
		return nfsec_drop(nn, NFSEC_DROP_MALFORMED);
	if (nfsec_input_exempt(state->net, state->in, &fl))
		return NF_ACCEPT;
	nfsec_flow_reverse(&fl);
	r = nfsec_spd_lookup(map, &fl, &e);
	if (!r || r->action != NFSEC_ACTION_PROTECT)
		return NF_ACCEPT;
	net_info_ratelimited("nfsec: dropped cleartext that map %s entry %u protects\n",
			     map->name, e->seq);
	return nfsec_drop(nn, NFSEC_DROP_CLEARTEXT);
}
