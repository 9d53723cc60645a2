// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the crypto map index (spd_index.c) keeps IOS's evaluation order,
 * entries by sequence number and rules in order, first match wins, however
 * specific a later rule is; "next" (IOS deny) skips the rest of its entry;
 * wildcard masks and prefixes mix; deleting entries leaves no buckets;
 * 10k host rules cost one bucket probe.
 */
#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/slab.h>

#include "../spd.h"
#include "../spd_index.c"

struct idx_rule {
	const char *dst;	/* dotted or colon address */
	const char *mask;
	u8 action;
};

static struct nfsec_entry *idx_entry(struct kunit *test, u32 seq,
				     const struct idx_rule *rules,
				     unsigned int n)
{
	struct nfsec_entry *e;
	unsigned int i;

	e = kunit_kzalloc(test, struct_size(e, rules, n), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	e->seq = seq;
	e->nrules = n;
	for (i = 0; i < n; i++) {
		struct nfsec_selector *sel = &e->rules[i].sel;
		bool v6 = strchr(rules[i].dst, ':');

		sel->family = v6 ? AF_INET6 : AF_INET;
		if (v6) {
			KUNIT_ASSERT_TRUE(test, in6_pton(rules[i].dst, -1,
							 sel->daddr.in6.s6_addr,
							 -1, NULL));
			KUNIT_ASSERT_TRUE(test, in6_pton(rules[i].mask, -1,
							 sel->dmask.in6.s6_addr,
							 -1, NULL));
		} else {
			sel->daddr.ip = in_aton(rules[i].dst);
			sel->dmask.ip = in_aton(rules[i].mask);
		}
		sel->sport_hi = U16_MAX;
		sel->dport_hi = U16_MAX;
		KUNIT_ASSERT_NULL(test, nfsec_selector_normalize(sel));
		e->rules[i].action = rules[i].action;
	}
	return e;
}

static void idx_flow(struct nfsec_flow *fl, const char *dst)
{
	memset(fl, 0, sizeof(*fl));
	if (strchr(dst, ':')) {
		fl->family = AF_INET6;
		in6_pton(dst, -1, fl->daddr.in6.s6_addr, -1, NULL);
	} else {
		fl->family = AF_INET;
		fl->daddr.ip = in_aton(dst);
	}
	fl->proto = IPPROTO_UDP;
}

/* The entry seq and rule number matching @dst, or -1. */
static s64 idx_find(struct nfsec_index *idx, const char *dst)
{
	struct nfsec_flow fl;
	struct nfsec_rule *r;

	idx_flow(&fl, dst);
	rcu_read_lock();
	r = nfsec_index_lookup(idx, &fl);
	rcu_read_unlock();
	return r ? (s64)r->order : -1;
}

#define ORDER(seq, n) ((s64)(seq) << 32 | (n))

static void idx_add(struct kunit *test, struct nfsec_index *idx,
		    struct nfsec_entry *e)
{
	KUNIT_ASSERT_EQ(test, nfsec_index_add(idx, e), 0);
}

static void spd_index_test_seq_order(struct kunit *test)
{
	static const struct idx_rule net[] = {
		{ "203.0.113.0", "255.255.255.0", NFSEC_ACTION_PROTECT },
	};
	static const struct idx_rule host[] = {
		{ "203.0.113.10", "255.255.255.255", NFSEC_ACTION_DISCARD },
	};
	struct nfsec_entry *e10 = idx_entry(test, 10, net, 1);
	struct nfsec_entry *e20 = idx_entry(test, 20, host, 1);
	struct nfsec_entry *e5 = idx_entry(test, 5, host, 1);
	struct nfsec_index idx;

	KUNIT_ASSERT_EQ(test, nfsec_index_init(&idx), 0);
	idx_add(test, &idx, e20);
	idx_add(test, &idx, e10);
	/* the /24 of entry 10 comes before the /32 of entry 20 */
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.10"), ORDER(10, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.11"), ORDER(10, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "198.51.100.1"), -1);
	idx_add(test, &idx, e5);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.10"), ORDER(5, 0));
	nfsec_index_del(&idx, e5);
	nfsec_index_del(&idx, e10);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.10"), ORDER(20, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.11"), -1);
	nfsec_index_del(&idx, e20);
	KUNIT_EXPECT_EQ(test, atomic_read(&idx.buckets.nelems), 0);
	KUNIT_EXPECT_TRUE(test, bitmap_empty(idx.plens[0], NFSEC_PLEN_MAX + 1));
	synchronize_rcu();
	nfsec_index_destroy(&idx);
}

static void spd_index_test_rules_and_next(struct kunit *test)
{
	static const struct idx_rule r10[] = {
		{ "203.0.113.10", "255.255.255.255", NFSEC_ACTION_NEXT },
		{ "203.0.113.0", "255.255.255.0", NFSEC_ACTION_PROTECT },
	};
	static const struct idx_rule r20[] = {
		{ "0.0.0.0", "0.0.0.0", NFSEC_ACTION_BYPASS },
	};
	/* wildcard 0.0.255.0: only the third byte counts */
	static const struct idx_rule r30[] = {
		{ "0.0.113.0", "0.0.255.0", NFSEC_ACTION_DISCARD },
	};
	struct nfsec_index idx;
	struct nfsec_entry *e10 = idx_entry(test, 10, r10, 2);
	struct nfsec_entry *e20 = idx_entry(test, 20, r20, 1);
	struct nfsec_entry *e7 = idx_entry(test, 7, r30, 1);

	KUNIT_ASSERT_EQ(test, nfsec_index_init(&idx), 0);
	idx_add(test, &idx, e10);
	idx_add(test, &idx, e20);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.9"), ORDER(10, 1));
	/* the deny skips the rest of entry 10, entry 20 takes it */
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.10"), ORDER(20, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "192.0.2.1"), ORDER(20, 0));
	idx_add(test, &idx, e7);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.9"), ORDER(7, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "10.1.113.200"), ORDER(7, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "10.1.114.200"), ORDER(20, 0));
	nfsec_index_del(&idx, e7);
	nfsec_index_del(&idx, e20);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.10"), -1);
	nfsec_index_del(&idx, e10);
	synchronize_rcu();
	nfsec_index_destroy(&idx);
}

/*
 * A non-first fragment (ports unknown) against rules that name a port:
 * a bypass or IOS deny with ports does not take it, a protect or discard
 * with ports does, so it cannot slip past the rule its datagram matched.
 */
static void spd_index_test_fragments(struct kunit *test)
{
	static const struct idx_rule r10[] = {
		{ "203.0.113.0", "255.255.255.0", NFSEC_ACTION_BYPASS },
		{ "203.0.113.0", "255.255.255.0", NFSEC_ACTION_NEXT },
		{ "203.0.113.0", "255.255.255.0", NFSEC_ACTION_PROTECT },
	};
	struct nfsec_entry *e = idx_entry(test, 10, r10, 3);
	struct nfsec_index idx;
	struct nfsec_flow fl;
	struct nfsec_rule *r;
	unsigned int i;

	for (i = 0; i < 3; i++) {	/* each rule: udp, dport 53 */
		e->rules[i].sel.proto = IPPROTO_UDP;
		e->rules[i].sel.dport_lo = 53;
		e->rules[i].sel.dport_hi = 53;
	}
	KUNIT_ASSERT_EQ(test, nfsec_index_init(&idx), 0);
	idx_add(test, &idx, e);
	idx_flow(&fl, "203.0.113.10");
	fl.dport = 53;
	rcu_read_lock();
	r = nfsec_index_lookup(&idx, &fl);
	KUNIT_EXPECT_EQ(test, r ? (s64)r->order : -1, ORDER(10, 0));
	fl.dport = 0;
	fl.ports_opaque = true;
	r = nfsec_index_lookup(&idx, &fl);
	KUNIT_EXPECT_EQ(test, r ? (s64)r->order : -1, ORDER(10, 2));
	e->rules[2].action = NFSEC_ACTION_DISCARD;
	r = nfsec_index_lookup(&idx, &fl);
	KUNIT_EXPECT_EQ(test, r ? (s64)r->order : -1, ORDER(10, 2));
	fl.proto = IPPROTO_TCP;	/* another protocol: no rule */
	r = nfsec_index_lookup(&idx, &fl);
	KUNIT_EXPECT_NULL(test, r);
	rcu_read_unlock();
	nfsec_index_del(&idx, e);
	synchronize_rcu();
	nfsec_index_destroy(&idx);
}

static void spd_index_test_v6(struct kunit *test)
{
	static const struct idx_rule r[] = {
		{ "2001:db8:b::", "ffff:ffff:ffff:ffff::", NFSEC_ACTION_PROTECT },
		{ "2001:db8::", "ffff:ffff::", NFSEC_ACTION_BYPASS },
	};
	struct nfsec_entry *e = idx_entry(test, 1, r, 2);
	struct nfsec_index idx;

	KUNIT_ASSERT_EQ(test, nfsec_index_init(&idx), 0);
	idx_add(test, &idx, e);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "2001:db8:b::10"), ORDER(1, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "2001:db8:a::10"), ORDER(1, 1));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "2001:db9::1"), -1);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "203.0.113.10"), -1);
	nfsec_index_del(&idx, e);
	synchronize_rcu();
	nfsec_index_destroy(&idx);
}

static void spd_index_test_mask_plen(struct kunit *test)
{
	union nfsec_addr m = {};

	m.ip = htonl(0xffffff00);
	KUNIT_EXPECT_EQ(test, nfsec_mask_plen(&m, AF_INET), 24);
	m.ip = 0;
	KUNIT_EXPECT_EQ(test, nfsec_mask_plen(&m, AF_INET), 0);
	m.ip = htonl(0xff00ff00);
	KUNIT_EXPECT_EQ(test, nfsec_mask_plen(&m, AF_INET), -1);
	memset(&m, 0xff, sizeof(m));
	KUNIT_EXPECT_EQ(test, nfsec_mask_plen(&m, AF_INET6), 128);
	m.in6.s6_addr32[2] = 0;
	KUNIT_EXPECT_EQ(test, nfsec_mask_plen(&m, AF_INET6), -1);
	m.in6.s6_addr32[3] = 0;
	m.in6.s6_addr32[1] = htonl(0xfffe0000);
	KUNIT_EXPECT_EQ(test, nfsec_mask_plen(&m, AF_INET6), 47);
}

#define IDX_MANY 10000

/* 10k entries of one host rule each: one prefix length, one probe. */
static void spd_index_test_many(struct kunit *test)
{
	struct idx_rule r = { NULL, "255.255.255.255", NFSEC_ACTION_PROTECT };
	struct nfsec_entry **e;
	struct nfsec_index idx;
	char dst[16];
	int i;

	e = kunit_kcalloc(test, IDX_MANY, sizeof(*e), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_EQ(test, nfsec_index_init(&idx), 0);
	for (i = 0; i < IDX_MANY; i++) {
		snprintf(dst, sizeof(dst), "10.0.%d.%d", i / 256, i % 256);
		r.dst = dst;
		e[i] = idx_entry(test, i + 1, &r, 1);
		idx_add(test, &idx, e[i]);
	}
	KUNIT_EXPECT_EQ(test, bitmap_weight(idx.plens[0], NFSEC_PLEN_MAX + 1),
			1);
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "10.0.39.15"),
			ORDER(39 * 256 + 15 + 1, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "10.0.0.0"), ORDER(1, 0));
	KUNIT_EXPECT_EQ(test, idx_find(&idx, "10.0.40.0"), -1);
	for (i = 0; i < IDX_MANY; i++)
		nfsec_index_del(&idx, e[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&idx.buckets.nelems), 0);
	synchronize_rcu();
	nfsec_index_destroy(&idx);
}

static struct kunit_case spd_index_test_cases[] = {
	KUNIT_CASE(spd_index_test_seq_order),
	KUNIT_CASE(spd_index_test_rules_and_next),
	KUNIT_CASE(spd_index_test_fragments),
	KUNIT_CASE(spd_index_test_v6),
	KUNIT_CASE(spd_index_test_mask_plen),
	KUNIT_CASE(spd_index_test_many),
	{}
};

static struct kunit_suite spd_index_test_suite = {
	.name = "nfsec_spd_index",
	.test_cases = spd_index_test_cases,
};

kunit_test_suite(spd_index_test_suite);
