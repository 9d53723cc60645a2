// SPDX-License-Identifier: GPL-2.0
/*
 * ICMP errors about the ESP and AH packets nfsec sends (RFC 4301 section
 * 8.2.1).  A "fragmentation needed" (IPv4) or "packet too big" (IPv6)
 * quoting the outer packet of one of our outbound SAs lowers the SA's path
 * MTU (pmtu.c) and that of the route to the peer, as esp4_err() does for
 * XFRM; the next inner packet that no longer fits gets its own ICMP from
 * output.c, or, sent locally, shrinks its socket's PMTU.  The error itself
 * goes on to the stack untouched.  Errors quoting anything else, or an SA
 * that is not ours and outbound, change nothing.
 */
#include <linux/icmp.h>
#include <linux/icmpv6.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <net/ip.h>
#include <net/ip6_route.h>
#include <net/route.h>

#include "nfsec.h"

/* The outbound SA the quoted header at @off (with its SPI) belongs to. */
static struct nfsec_sa *nfsec_icmp_sa(struct nfsec_net *nn,
				      struct sk_buff *skb, unsigned int off,
				      u8 proto, u8 family,
				      const union nfsec_addr *daddr)
{
	struct nfsec_sa_key key;
	struct nfsec_sa *sa;

	if (!nfsec_sa_key_at(skb, off, proto, family, daddr, &key))
		return NULL;
	sa = nfsec_sad_lookup(nn, &key);
	return sa && sa->dir == NFSEC_SA_DIR_OUT ? sa : NULL;
}

static void nfsec_icmp4(struct nfsec_net *nn, struct sk_buff *skb)
{
	unsigned int off = ip_hdrlen(skb) + sizeof(struct icmphdr);
	const struct icmphdr *ih;
	const struct iphdr *iph;
	union nfsec_addr daddr = {};
	struct nfsec_sa *sa;
	u32 mtu;

	if (!pskb_may_pull(skb, off + sizeof(*iph)))
		return;
	ih = (const struct icmphdr *)(skb->data + ip_hdrlen(skb));
	iph = (const struct iphdr *)(skb->data + off);
	if (ih->type != ICMP_DEST_UNREACH || ih->code != ICMP_FRAG_NEEDED ||
	    iph->ihl < 5)
		return;
	mtu = ntohs(ih->un.frag.mtu);
	daddr.ip = iph->daddr;
	sa = nfsec_icmp_sa(nn, skb, off + iph->ihl * 4, iph->protocol, AF_INET,
			   &daddr);
	if (!sa || mtu < 68)
		return;
	nfsec_pmtu_learn(sa, mtu);
	/* ipv4_update_pmtu() reads the quoted header at skb->data. */
	__skb_pull(skb, off);
	ipv4_update_pmtu(skb, nn->net, mtu, 0, iph->protocol);
	__skb_push(skb, off);
}

static void nfsec_icmp6(struct nfsec_net *nn, struct sk_buff *skb,
			unsigned int icmp_off)
{
	unsigned int off = icmp_off + sizeof(struct icmp6hdr);
	const struct icmp6hdr *ih;
	const struct ipv6hdr *ip6h;
	union nfsec_addr daddr = {};
	struct nfsec_sa *sa;
	u32 mtu;

	if (!pskb_may_pull(skb, off + sizeof(*ip6h)))
		return;
	ih = (const struct icmp6hdr *)(skb->data + icmp_off);
	ip6h = (const struct ipv6hdr *)(skb->data + off);
	if (ih->icmp6_type != ICMPV6_PKT_TOOBIG)
		return;
	mtu = ntohl(ih->icmp6_mtu);
	daddr.in6 = ip6h->daddr;
	sa = nfsec_icmp_sa(nn, skb, off + sizeof(*ip6h), ip6h->nexthdr,
			   AF_INET6, &daddr);
	if (!sa || mtu < IPV6_MIN_MTU)
		return;
	nfsec_pmtu_learn(sa, mtu);
	__skb_pull(skb, off);
	ip6_update_pmtu(skb, nn->net, htonl(mtu), 0, 0,
			sock_net_uid(nn->net, NULL));
	__skb_push(skb, off);
}

void nfsec_icmp_error(struct nfsec_net *nn, struct sk_buff *skb, u8 family)
{
	__be16 frag_off;
	u8 nexthdr;
	int off;

	if (!READ_ONCE(nn->sad.count))
		return;
	if (family == AF_INET) {
		if (ip_hdr(skb)->protocol == IPPROTO_ICMP)
			nfsec_icmp4(nn, skb);
		return;
	}
	nexthdr = ipv6_hdr(skb)->nexthdr;
	off = nfsec_ipv6_skip(skb, &nexthdr, &frag_off);
	if (off > 0 && nexthdr == IPPROTO_ICMPV6 && !frag_off)
		nfsec_icmp6(nn, skb, off);
}
