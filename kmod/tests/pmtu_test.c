// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the path MTU an SA's packets are judged against (pmtu.c).  Where
 * the route to the peer is also the inner packet's, that route's PMTU (the
 * inner MTU the sending socket was given) is not the path's: the link's
 * MTU holds, or what an ICMP error reported, for ten minutes; the ESP
 * packet then leaves on a copy of the route carrying the path MTU.  Where
 * the route is the outer packet's alone, its PMTU is the path's.
 */
#include <kunit/test.h>

#include "../pmtu.c"

#define PEER	htonl(0xc6336402)	/* 198.51.100.2 */
#define OTHER	htonl(0xcb00710a)	/* 203.0.113.10 */
#define LINK	1500
#define LOWERED	1466	/* what output.c gave the socket's route */

struct pmtu_fixture {
	struct nfsec_sa sa, old;
	struct sk_buff *skb;
	struct rtable *rt;
};

/* A route on loopback with a configured MTU of LINK and a PMTU LOWERED. */
static struct rtable *pmtu_route(struct kunit *test)
{
	struct dst_metrics *m = kzalloc(sizeof(*m), GFP_KERNEL);
	struct rtable *rt;

	KUNIT_ASSERT_NOT_NULL(test, m);
	rt = rt_dst_alloc(init_net.loopback_dev, 0, RTN_UNICAST, false);
	if (!rt)
		kfree(m);
	KUNIT_ASSERT_NOT_NULL(test, rt);
	refcount_set(&m->refcnt, 1);
	m->metrics[RTAX_MTU - 1] = LINK;
	ip_dst_init_metrics(&rt->dst, m);
	refcount_dec(&m->refcnt);	/* the route's is the only one */
	rt->rt_pmtu = LOWERED;
	dst_set_expires(&rt->dst, 60 * HZ);
	return rt;
}

static int pmtu_test_init(struct kunit *test)
{
	struct pmtu_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct iphdr *iph;

	if (!f)
		return -ENOMEM;
	test->priv = f;
	f->sa.mode = NFSEC_MODE_TRANSPORT;
	f->sa.key.family = AF_INET;
	f->sa.key.daddr.ip = PEER;
	f->old = f->sa;
	f->skb = alloc_skb(64, GFP_KERNEL);
	if (!f->skb)
		return -ENOMEM;
	skb_reset_network_header(f->skb);
	iph = skb_put_zero(f->skb, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->daddr = PEER;
	f->rt = pmtu_route(test);
	return 0;
}

static void pmtu_test_exit(struct kunit *test)
{
	struct pmtu_fixture *f = test->priv;

	if (f->rt)
		dst_release(&f->rt->dst);
	kfree_skb(f->skb);
}

static unsigned int pmtu_of(struct pmtu_fixture *f)
{
	return nfsec_pmtu(&f->sa, f->skb, AF_INET, &f->rt->dst);
}

/* Transport mode: the route's PMTU is the socket's; the link's holds. */
static void pmtu_test_transport_link(struct kunit *test)
{
	struct pmtu_fixture *f = test->priv;

	KUNIT_EXPECT_EQ(test, dst_mtu(&f->rt->dst), LOWERED);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), LINK);
	KUNIT_EXPECT_EQ(test, f->sa.pmtu, LINK);	/* reported */
}

/* Tunnel mode: the route's PMTU, unless the inner packet is for the peer. */
static void pmtu_test_tunnel(struct kunit *test)
{
	struct pmtu_fixture *f = test->priv;

	f->sa.mode = NFSEC_MODE_TUNNEL;
	KUNIT_EXPECT_EQ(test, pmtu_of(f), LINK);
	ip_hdr(f->skb)->daddr = OTHER;
	KUNIT_EXPECT_EQ(test, pmtu_of(f), LOWERED);
	KUNIT_EXPECT_EQ(test, f->sa.pmtu, LOWERED);
}

/* An ICMP error lowers the path; never above the link; ten minutes. */
static void pmtu_test_learned(struct kunit *test)
{
	struct pmtu_fixture *f = test->priv;

	nfsec_pmtu_learn(&f->sa, 1200);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), 1200);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), 1200);	/* not lowered again */
	nfsec_pmtu_learn(&f->sa, 9000);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), LINK);
	nfsec_pmtu_learn(&f->sa, 1200);
	f->sa.icmp_mtu_expires = (u32)jiffies - 1;
	KUNIT_EXPECT_EQ(test, pmtu_of(f), LINK);
	f->sa.icmp_mtu_expires = (u32)(jiffies + NFSEC_PMTU_EXPIRES);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), 1200);
}

/* A rekeyed SA starts from what its predecessor learned, while fresh. */
static void pmtu_test_inherit(struct kunit *test)
{
	struct pmtu_fixture *f = test->priv;

	nfsec_pmtu_inherit(&f->sa, NULL);
	nfsec_pmtu_inherit(&f->sa, &f->old);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), LINK);
	nfsec_pmtu_learn(&f->old, 1300);
	nfsec_pmtu_inherit(&f->sa, &f->old);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), 1300);

	f->sa.icmp_mtu = 0;
	f->old.icmp_mtu_expires = (u32)jiffies - 1;
	nfsec_pmtu_inherit(&f->sa, &f->old);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), LINK);

	nfsec_pmtu_learn(&f->sa, 1250);	/* its own comes first */
	nfsec_pmtu_learn(&f->old, 1300);
	nfsec_pmtu_inherit(&f->sa, &f->old);
	KUNIT_EXPECT_EQ(test, pmtu_of(f), 1250);
}

/* The ESP packet's route: the same when it allows the MTU, else a copy. */
static void pmtu_test_route_copy(struct kunit *test)
{
	struct pmtu_fixture *f = test->priv;
	struct dst_entry *dst;

	dst = nfsec_pmtu_route(dst_clone(&f->rt->dst), AF_INET, 1400);
	KUNIT_EXPECT_PTR_EQ(test, dst, &f->rt->dst);
	dst_release(dst);

	dst = nfsec_pmtu_route(dst_clone(&f->rt->dst), AF_INET, LINK);
	KUNIT_ASSERT_NOT_NULL(test, dst);
	KUNIT_EXPECT_PTR_NE(test, dst, &f->rt->dst);
	KUNIT_EXPECT_EQ(test, dst_mtu(dst), LINK);
	KUNIT_EXPECT_PTR_EQ(test, dst->dev, f->rt->dst.dev);
	KUNIT_EXPECT_PTR_EQ(test, (void *)dst->output,
			    (void *)f->rt->dst.output);
	KUNIT_EXPECT_EQ(test, dst_metric_raw(dst, RTAX_MTU), LINK);
	dst_release(dst);
	KUNIT_EXPECT_EQ(test, dst_mtu(&f->rt->dst), LOWERED);	/* untouched */
}

static struct kunit_case pmtu_test_cases[] = {
	KUNIT_CASE(pmtu_test_transport_link), KUNIT_CASE(pmtu_test_tunnel),
	KUNIT_CASE(pmtu_test_learned),	      KUNIT_CASE(pmtu_test_inherit),
	KUNIT_CASE(pmtu_test_route_copy),     {}
};

static struct kunit_suite pmtu_test_suite = {
	.name = "nfsec_pmtu",
	.init = pmtu_test_init,
	.exit = pmtu_test_exit,
	.test_cases = pmtu_test_cases,
};

kunit_test_suite(pmtu_test_suite);
