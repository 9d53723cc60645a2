// SPDX-License-Identifier: GPL-2.0
/*
 * The path MTU of an outbound SA's packets, and a route that carries it.
 *
 * The route to the peer is, in transport mode (and in tunnel mode for a
 * packet addressed to the peer itself), also the inner packet's route.
 * When an inner packet is too big, output.c lowers that route's PMTU to
 * what fits inside ESP, so the sending socket sends less.  The outer
 * packet must not be judged against that same lowered PMTU: the overhead
 * would come off once more for every packet, until nothing fitted.  So
 * such an SA judges its packets against its own path MTU (the link's, or
 * less when an ICMP error about the SA's own packets said so, for as long
 * as the kernel keeps a learned PMTU), and sends them on a copy of the
 * route that carries that MTU.  Where the route is the outer packet's
 * alone, its PMTU is the path's and is used as it is.
 */
#include <linux/ipv6.h>
#include <net/addrconf.h>
#include <net/dst.h>
#include <net/ip.h>
#include <net/ip6_fib.h>
#include <net/ip6_route.h>
#include <net/route.h>

#include "nfsec.h"

/* How long a PMTU from ICMP holds: net.ipv4.route.mtu_expires' default. */
#define NFSEC_PMTU_EXPIRES	(10 * 60 * HZ)

/* Is the ICMP-learned path MTU of @sa still current? */
static bool nfsec_pmtu_fresh(const struct nfsec_sa *sa)
{
	/* 32 bits of jiffies are enough for a 10-minute span */
	return (s32)((u32)jiffies - READ_ONCE(sa->icmp_mtu_expires)) < 0;
}

void nfsec_pmtu_learn(struct nfsec_sa *sa, u32 mtu)
{
	mtu = min_t(u32, mtu, IP_MAX_MTU);
	WRITE_ONCE(sa->icmp_mtu_expires, (u32)(jiffies + NFSEC_PMTU_EXPIRES));
	WRITE_ONCE(sa->icmp_mtu, mtu);
	WRITE_ONCE(sa->pmtu, mtu);
}

void nfsec_pmtu_inherit(struct nfsec_sa *sa, const struct nfsec_sa *old)
{
	if (!old || READ_ONCE(sa->icmp_mtu) || !READ_ONCE(old->icmp_mtu) ||
	    !nfsec_pmtu_fresh(old))
		return;
	WRITE_ONCE(sa->icmp_mtu_expires, READ_ONCE(old->icmp_mtu_expires));
	WRITE_ONCE(sa->icmp_mtu, READ_ONCE(old->icmp_mtu));
}

/* The MTU of the route's link: its configured MTU, else the device's. */
static unsigned int nfsec_link_mtu(struct dst_entry *dst, u8 family)
{
	const struct rt6_info *rt;
	const struct fib6_info *from;
	const struct inet6_dev *idev;
	unsigned int mtu;

	if (family == AF_INET) {
		mtu = dst_metric_raw(dst, RTAX_MTU);
		return min_t(unsigned int, mtu ?: READ_ONCE(dst->dev->mtu),
			     IP_MAX_MTU);
	}
	/* An IPv6 exception keeps its PMTU as its metric; the route's is in
	 * the FIB entry it came from.
	 */
	rt = container_of(dst, struct rt6_info, dst);
	rcu_read_lock();
	from = rcu_dereference(rt->from);
	mtu = from ? from->fib6_pmtu : 0;
	if (!mtu) {
		idev = __in6_dev_get(dst->dev);
		mtu = idev ? READ_ONCE(idev->cnf.mtu6) :
			     READ_ONCE(dst->dev->mtu);
	}
	rcu_read_unlock();
	return mtu;
}

/* Is @dst also the route of the inner packet of @skb? */
static bool nfsec_route_shared(const struct nfsec_sa *sa, struct sk_buff *skb,
			       u8 family)
{
	if (sa->mode == NFSEC_MODE_TRANSPORT)
		return true;
	if (family != sa->key.family)
		return false;
	if (family == AF_INET)
		return ip_hdr(skb)->daddr == sa->key.daddr.ip;
	return ipv6_addr_equal(&ipv6_hdr(skb)->daddr, &sa->key.daddr.in6);
}

unsigned int nfsec_pmtu(struct nfsec_sa *sa, struct sk_buff *skb, u8 family,
			struct dst_entry *dst)
{
	unsigned int mtu;
	u32 learned;

	if (!nfsec_route_shared(sa, skb, family)) {
		mtu = dst_mtu(dst);
		goto out;
	}
	mtu = nfsec_link_mtu(dst, sa->key.family);
	learned = READ_ONCE(sa->icmp_mtu);
	if (learned && learned < mtu && nfsec_pmtu_fresh(sa))
		mtu = learned;
out:
	WRITE_ONCE(sa->pmtu, min_t(unsigned int, mtu, U16_MAX));
	return mtu;
}

/* A copy of IPv4 route @dst whose PMTU is @mtu. */
static struct dst_entry *nfsec_dst_copy4(struct dst_entry *dst,
					 unsigned int mtu)
{
	struct rtable *rt = rt_dst_clone(dst->dev, (struct rtable *)dst);

	if (!rt)
		return NULL;
	/* the route's metrics (hop limit, a locked MTU) go along */
	ip_dst_init_metrics(&rt->dst,
			    (struct dst_metrics *)DST_METRICS_PTR(dst));
	rt->rt_pmtu = mtu;
	dst_set_expires(&rt->dst, NFSEC_PMTU_EXPIRES);
	return &rt->dst;
}

/* A copy of IPv6 route @dst whose MTU is @mtu. */
static struct dst_entry *nfsec_dst_copy6(struct dst_entry *dst,
					 unsigned int mtu)
{
	const struct rt6_info *ort = container_of(dst, struct rt6_info, dst);
	struct rt6_info *rt;
	u32 *metrics;

	if (!ort->rt6i_idev)
		return NULL;
	rt = ip6_dst_alloc(dev_net(dst->dev), dst->dev, dst->flags);
	if (!rt)
		return NULL;
	rt->rt6i_idev = ort->rt6i_idev;
	in6_dev_hold(rt->rt6i_idev);
	rt->rt6i_flags = ort->rt6i_flags;
	rt->rt6i_gateway = ort->rt6i_gateway;
	rt->rt6i_dst = ort->rt6i_dst;	/* the next hop of RTF_CACHE */
	rt->rt6i_src = ort->rt6i_src;
	rt->dst.input = dst->input;
	rt->dst.output = dst->output;
	rt->dst.error = dst->error;
	rt->dst.lwtstate = lwtstate_get(dst->lwtstate);
	metrics = dst_metrics_write_ptr(&rt->dst);
	if (!metrics) {
		dst_release(&rt->dst);
		return NULL;
	}
	memcpy(metrics, dst_metrics_ptr(dst), RTAX_MAX * sizeof(u32));
	metrics[RTAX_MTU - 1] = mtu;
	return &rt->dst;
}

struct dst_entry *nfsec_pmtu_route(struct dst_entry *dst, u8 family,
				   unsigned int mtu)
{
	struct dst_entry *copy;

	/* An XFRM bundle is XFRM's to size: it is never copied. */
	if (dst_mtu(dst) >= mtu || dst_xfrm(dst))
		return dst;
	copy = family == AF_INET ? nfsec_dst_copy4(dst, mtu) :
				   nfsec_dst_copy6(dst, mtu);
	dst_release(dst);
	return copy;
}
