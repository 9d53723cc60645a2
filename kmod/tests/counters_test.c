// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: per-CPU counters from shared chunks (counters.c).  A counter
 * starts at zero, sums what every CPU added, is zero again when its number
 * is reused, counters across a chunk boundary are distinct, and a pool that
 * ran out leaves another pool (another namespace's) its numbers.
 */
#include <kunit/test.h>

#include "../counters.c"

static int counters_test_init(struct kunit *test)
{
	struct nfsec_counters *pool;

	pool = kunit_kzalloc(test, sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return -ENOMEM;
	nfsec_counters_init(pool, NFSEC_COUNTERS_MAX);
	test->priv = pool;
	return 0;
}

static void counters_test_exit(struct kunit *test)
{
	nfsec_counters_destroy(test->priv);
}

static void counters_test_sum(struct kunit *test)
{
	struct nfsec_counters *pool = test->priv;
	struct nfsec_counter a, b;
	u64 want = 0;
	int cpu;

	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(pool, &a), 0);
	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(pool, &b), 0);
	KUNIT_EXPECT_NE(test, a.id, b.id);
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&a), 0ULL);
	for_each_possible_cpu(cpu) {
		*per_cpu_ptr(a.ctr, cpu) += cpu + 1;
		want += cpu + 1;
	}
	this_cpu_inc(*a.ctr);
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&a), want + 1);
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&b), 0ULL);
	nfsec_counter_free(pool, &a);
	nfsec_counter_free(pool, &b);
	KUNIT_EXPECT_NULL(test, a.ctr);
	nfsec_counter_free(pool, &a);	/* twice: nothing */
}

static void counters_test_reuse_zeroed(struct kunit *test)
{
	struct nfsec_counters *pool = test->priv;
	struct nfsec_counter a, again;
	u32 id;

	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(pool, &a), 0);
	this_cpu_add(*a.ctr, 42);
	id = a.id;
	nfsec_counter_free(pool, &a);
	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(pool, &again), 0);
	KUNIT_EXPECT_EQ(test, again.id, id);	/* the IDA's lowest free */
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&again), 0ULL);
	nfsec_counter_free(pool, &again);
}

static void counters_test_chunks(struct kunit *test)
{
	unsigned int n = NFSEC_CTR_CHUNK + 1, i;
	struct nfsec_counters *pool = test->priv;
	struct nfsec_counter *c;

	c = kunit_kcalloc(test, n, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	for (i = 0; i < n; i++) {
		KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(pool, &c[i]), 0);
		this_cpu_add(*c[i].ctr, i);
	}
	KUNIT_EXPECT_PTR_EQ(test, (void __force *)c[n - 1].ctr,
			    xa_load(&pool->chunks, 1));
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, nfsec_counter_read(&c[i]), (u64)i);
		nfsec_counter_free(pool, &c[i]);
	}
}

/* Namespaces have a pool each: one used up leaves the other whole. */
static void counters_test_pools_apart(struct kunit *test)
{
	struct nfsec_counters *a = test->priv, *b;
	struct nfsec_counter ca[4], cb, more;
	int i;

	b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, b);
	nfsec_counters_init(b, NFSEC_COUNTERS_MAX);
	a->max = ARRAY_SIZE(ca);
	for (i = 0; i < ARRAY_SIZE(ca); i++)
		KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(a, &ca[i]), 0);
	KUNIT_EXPECT_EQ(test, nfsec_counter_alloc(a, &more), -ENOSPC);
	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(b, &cb), 0);
	KUNIT_EXPECT_EQ(test, cb.id, 0U);
	KUNIT_EXPECT_PTR_NE(test, (void __force *)cb.ctr,
			    (void __force *)ca[0].ctr);
	this_cpu_inc(*cb.ctr);
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&ca[0]), 0ULL);
	nfsec_counter_free(b, &cb);
	nfsec_counters_destroy(b);
	for (i = 0; i < ARRAY_SIZE(ca); i++)
		nfsec_counter_free(a, &ca[i]);
}

static struct kunit_case counters_test_cases[] = {
	KUNIT_CASE(counters_test_sum),
	KUNIT_CASE(counters_test_reuse_zeroed),
	KUNIT_CASE(counters_test_chunks),
	KUNIT_CASE(counters_test_pools_apart),
	{}
};

static struct kunit_suite counters_test_suite = {
	.name = "nfsec_counters",
	.init = counters_test_init,
	.exit = counters_test_exit,
	.test_cases = counters_test_cases,
};

kunit_test_suite(counters_test_suite);
