// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the NFSEC_CMD_GET_STATUS reply encoding (status.c), parsed back
 * the way a user-space reader would, and the namespace limits it reports
 * (nslimits.c).
 */
#include <kunit/test.h>
#include <linux/skbuff.h>

#include "../nslimits.c"
#include "../status.c"

struct nfsec_status_test_ctx {
	struct nfsec_net nn;
	struct sk_buff *skb;
};

static int nfsec_status_test_init(struct kunit *test)
{
	struct nfsec_status_test_ctx *ctx;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	if (!ctx)
		return -ENOMEM;
	ctx->nn.stats = nfsec_stats_alloc();
	if (!ctx->nn.stats)
		return -ENOMEM;
	ctx->nn.hooks = 4;
	mutex_init(&ctx->nn.lock);
	ctx->skb = alloc_skb(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!ctx->skb) {
		nfsec_stats_free(ctx->nn.stats);
		return -ENOMEM;
	}
	test->priv = ctx;
	return 0;
}

static void nfsec_status_test_exit(struct kunit *test)
{
	struct nfsec_status_test_ctx *ctx = test->priv;

	kfree_skb(ctx->skb);
	nfsec_stats_free(ctx->nn.stats);
}

static void nfsec_status_test_parse(struct kunit *test, struct sk_buff *skb,
				    struct nlattr **tb, struct nlattr **st)
{
	int err;

	err = nla_parse(tb, NFSEC_A_MAX, (struct nlattr *)skb->data, skb->len,
			NULL, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[NFSEC_A_STATUS]);
	err = nla_parse_nested(st, NFSEC_STATUS_A_MAX, tb[NFSEC_A_STATUS],
			       NULL, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
}

static void nfsec_status_test_fields(struct kunit *test)
{
	struct nfsec_status_test_ctx *ctx = test->priv;
	struct nlattr *tb[NFSEC_A_MAX + 1], *st[NFSEC_STATUS_A_MAX + 1];

	nfsec_stats_count(ctx->nn.stats, NFSEC_DIR_IN, 84);
	nfsec_stats_count(ctx->nn.stats, NFSEC_DIR_OUT, 84);
	nfsec_stats_count(ctx->nn.stats, NFSEC_DIR_OUT, 1500);
	KUNIT_ASSERT_EQ(test, nfsec_status_fill(ctx->skb, &ctx->nn), 0);
	nfsec_status_test_parse(test, ctx->skb, tb, st);

	KUNIT_ASSERT_NOT_NULL(test, tb[NFSEC_A_VERSION]);
	KUNIT_EXPECT_STREQ(test, (char *)nla_data(tb[NFSEC_A_VERSION]),
			   NFSEC_VERSION);
	KUNIT_ASSERT_NOT_NULL(test, tb[NFSEC_A_ABI_VERSION]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[NFSEC_A_ABI_VERSION]),
			(u32)NFSEC_ABI_VERSION);
	KUNIT_ASSERT_NOT_NULL(test, tb[NFSEC_A_KERNEL_RELEASE]);
	KUNIT_EXPECT_STREQ(test, (char *)nla_data(tb[NFSEC_A_KERNEL_RELEASE]),
			   init_utsname()->release);

	KUNIT_ASSERT_NOT_NULL(test, st[NFSEC_STATUS_A_HOOKS]);
	KUNIT_EXPECT_EQ(test, nla_get_u32(st[NFSEC_STATUS_A_HOOKS]), 4U);
	KUNIT_ASSERT_NOT_NULL(test, st[NFSEC_STATUS_A_RX_PACKETS]);
	KUNIT_EXPECT_EQ(test, nla_get_u64(st[NFSEC_STATUS_A_RX_PACKETS]), 1ULL);
	KUNIT_ASSERT_NOT_NULL(test, st[NFSEC_STATUS_A_RX_BYTES]);
	KUNIT_EXPECT_EQ(test, nla_get_u64(st[NFSEC_STATUS_A_RX_BYTES]), 84ULL);
	KUNIT_ASSERT_NOT_NULL(test, st[NFSEC_STATUS_A_TX_PACKETS]);
	KUNIT_EXPECT_EQ(test, nla_get_u64(st[NFSEC_STATUS_A_TX_PACKETS]), 2ULL);
	KUNIT_ASSERT_NOT_NULL(test, st[NFSEC_STATUS_A_TX_BYTES]);
	KUNIT_EXPECT_EQ(test, nla_get_u64(st[NFSEC_STATUS_A_TX_BYTES]),
			1584ULL);
}

/*
 * Counters are 64-bit on the wire: values past 2^32 come back whole.  Where
 * the architecture needs it, the kernel pads so they are 8-byte aligned.
 */
static void nfsec_status_test_add(u64_stats_t *counter, u64 v)
{
	/* x86's local_add() asm takes constants as imm32: pass a variable. */
	OPTIMIZER_HIDE_VAR(v);
	u64_stats_add(counter, v);
}

static void nfsec_status_test_u64_values(struct kunit *test)
{
	struct nfsec_status_test_ctx *ctx = test->priv;
	struct nlattr *tb[NFSEC_A_MAX + 1], *st[NFSEC_STATUS_A_MAX + 1];
	struct nfsec_pcpu_stats *s;
	int i;

	s = per_cpu_ptr(ctx->nn.stats, raw_smp_processor_id());
	nfsec_status_test_add(&s->dir[NFSEC_DIR_IN].packets, 5000000000ULL);
	nfsec_status_test_add(&s->dir[NFSEC_DIR_IN].bytes, 1ULL << 40);
	nfsec_status_test_add(&s->dir[NFSEC_DIR_OUT].packets, U64_MAX - 1);
	KUNIT_ASSERT_EQ(test, nfsec_status_fill(ctx->skb, &ctx->nn), 0);
	nfsec_status_test_parse(test, ctx->skb, tb, st);

	KUNIT_EXPECT_EQ(test, nla_get_u64(st[NFSEC_STATUS_A_RX_PACKETS]),
			5000000000ULL);
	KUNIT_EXPECT_EQ(test, nla_get_u64(st[NFSEC_STATUS_A_RX_BYTES]),
			1ULL << 40);
	KUNIT_EXPECT_EQ(test, nla_get_u64(st[NFSEC_STATUS_A_TX_PACKETS]),
			U64_MAX - 1);
	for (i = NFSEC_STATUS_A_RX_PACKETS; i <= NFSEC_STATUS_A_TX_BYTES; i++) {
		KUNIT_ASSERT_NOT_NULL(test, st[i]);
		KUNIT_EXPECT_EQ(test, nla_len(st[i]), 8);
		if (!IS_ENABLED(CONFIG_HAVE_EFFICIENT_UNALIGNED_ACCESS))
			KUNIT_EXPECT_TRUE(test,
					  IS_ALIGNED((unsigned long)nla_data(st[i]), 8));
	}
}

/*
 * A reply that does not fit fails with -EMSGSIZE and leaves no partial
 * nest behind: everything that was added is whole.
 */
static void nfsec_status_test_too_small(struct kunit *test)
{
	struct nfsec_status_test_ctx *ctx = test->priv;
	struct nlattr *tb[NFSEC_A_MAX + 1];
	struct sk_buff *skb = ctx->skb;
	unsigned int room, pre;

	/* Room for the three top-level attributes but not the nest. */
	room = nla_total_size(sizeof(NFSEC_VERSION)) + nla_total_size(4) +
	       nla_total_size(strlen(init_utsname()->release) + 1) + 16;
	KUNIT_ASSERT_GT(test, skb_tailroom(skb), (int)room);
	pre = skb_tailroom(skb) - room;
	skb_put_zero(skb, pre);

	KUNIT_EXPECT_EQ(test, nfsec_status_fill(skb, &ctx->nn), -EMSGSIZE);
	KUNIT_ASSERT_EQ(test, nla_parse(tb, NFSEC_A_MAX,
					(struct nlattr *)(skb->data + pre),
					skb->len - pre, NULL, NULL), 0);
	KUNIT_EXPECT_NULL(test, tb[NFSEC_A_STATUS]);
	KUNIT_EXPECT_NOT_NULL(test, tb[NFSEC_A_VERSION]);
	KUNIT_EXPECT_NOT_NULL(test, tb[NFSEC_A_KERNEL_RELEASE]);
}

/* What the namespace holds, and what it may: the module's defaults. */
static void nfsec_status_test_limits(struct kunit *test)
{
	struct nfsec_status_test_ctx *ctx = test->priv;
	struct nlattr *tb[NFSEC_A_MAX + 1], *st[NFSEC_STATUS_A_MAX + 1];
	struct nlattr *lim[NFSEC_LIMITS_A_MAX + 1];
	static const u32 want[NFSEC_LIMITS_A_MAX + 1] = {
		[NFSEC_LIMITS_A_SAS] = 7, [NFSEC_LIMITS_A_SAS_MAX] = 1U << 19,
		[NFSEC_LIMITS_A_LARVAL] = 2,
		[NFSEC_LIMITS_A_LARVAL_MAX] = 1U << 16,
		[NFSEC_LIMITS_A_ENTRIES] = 3,
		[NFSEC_LIMITS_A_ENTRIES_MAX] = 1U << 18,
		[NFSEC_LIMITS_A_RULES] = 1030,
		[NFSEC_LIMITS_A_RULES_MAX] = 1U << 20,
	};
	int i;

	ctx->nn.sad.count = 7;
	ctx->nn.sad.larval = 2;
	ctx->nn.spd.entries = 3;
	ctx->nn.spd.rules = 1030;
	KUNIT_ASSERT_EQ(test, nfsec_status_fill(ctx->skb, &ctx->nn), 0);
	nfsec_status_test_parse(test, ctx->skb, tb, st);
	KUNIT_ASSERT_NOT_NULL(test, st[NFSEC_STATUS_A_LIMITS]);
	KUNIT_ASSERT_EQ(test, nla_parse_nested(lim, NFSEC_LIMITS_A_MAX,
					       st[NFSEC_STATUS_A_LIMITS],
					       NULL, NULL), 0);
	for (i = NFSEC_LIMITS_A_SAS; i <= NFSEC_LIMITS_A_MAX; i++) {
		KUNIT_ASSERT_NOT_NULL(test, lim[i]);
		KUNIT_EXPECT_EQ(test, nla_get_u32(lim[i]), want[i]);
	}
}

/* At a limit, the next SA, SPI, entry or rule is refused with a message. */
static void nfsec_status_test_limit_refusals(struct kunit *test)
{
	struct nfsec_status_test_ctx *ctx = test->priv;
	struct nfsec_net *nn = &ctx->nn;
	struct netlink_ext_ack ext = {};
	struct nfsec_entry *e, *old;

	e = kunit_kzalloc(test, struct_size(e, rules, 1), GFP_KERNEL);
	old = kunit_kzalloc(test, struct_size(old, rules, 1), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_NOT_NULL(test, old);
	mutex_lock(&nn->lock);
	nn->sad.count = max_sas - 1;
	nn->sad.larval = max_larval_sas;
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_sa(nn, false, &ext), 0);
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_sa(nn, true, &ext), -ENOSPC);
	KUNIT_EXPECT_NOT_NULL(test, strstr(ext._msg, "max_larval_sas"));
	nn->sad.count++;
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_sa(nn, false, &ext), -ENOSPC);
	KUNIT_EXPECT_NOT_NULL(test, strstr(ext._msg, "max_sas"));

	nn->spd.entries = max_entries;
	nn->spd.rules = max_rules - 1;
	e->nrules = 1;
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_entry(nn, e, NULL, &ext), -ENOSPC);
	KUNIT_EXPECT_NOT_NULL(test, strstr(ext._msg, "max_entries"));
	/* replacing an entry adds none; its rules may grow to the limit */
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_entry(nn, e, old, &ext), 0);
	e->nrules = 2;
	old->nrules = 1;
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_entry(nn, e, old, &ext), 0);
	e->nrules = 3;
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_entry(nn, e, old, &ext), -ENOSPC);
	KUNIT_EXPECT_NOT_NULL(test, strstr(ext._msg, "max_rules"));
	/* a namespace past a lowered limit may still shrink an entry */
	nn->spd.rules = max_rules + 10;
	e->nrules = 1;
	old->nrules = 2;
	KUNIT_EXPECT_EQ(test, nfsec_nslimit_entry(nn, e, old, &ext), 0);
	mutex_unlock(&nn->lock);
}

static struct kunit_case nfsec_status_test_cases[] = {
	KUNIT_CASE(nfsec_status_test_fields),
	KUNIT_CASE(nfsec_status_test_limits),
	KUNIT_CASE(nfsec_status_test_limit_refusals),
	KUNIT_CASE(nfsec_status_test_u64_values),
	KUNIT_CASE(nfsec_status_test_too_small),
	{}
};

static struct kunit_suite nfsec_status_test_suite = {
	.name = "nfsec_status",
	.init = nfsec_status_test_init,
	.exit = nfsec_status_test_exit,
	.test_cases = nfsec_status_test_cases,
};

kunit_test_suite(nfsec_status_test_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for nfsec");
