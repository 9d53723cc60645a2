// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: per-CPU counters from shared chunks (counters.c).  A counter
 * starts at zero, sums what every CPU added, is zero again when its number
 * is reused, and counters across a chunk boundary are distinct.
 */
#include <kunit/test.h>

#include "../counters.c"

static void counters_test_sum(struct kunit *test)
{
	struct nfsec_counter a, b;
	u64 want = 0;
	int cpu;

	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(&a), 0);
	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(&b), 0);
	KUNIT_EXPECT_NE(test, a.id, b.id);
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&a), 0ULL);
	for_each_possible_cpu(cpu) {
		*per_cpu_ptr(a.ctr, cpu) += cpu + 1;
		want += cpu + 1;
	}
	this_cpu_inc(*a.ctr);
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&a), want + 1);
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&b), 0ULL);
	nfsec_counter_free(&a);
	nfsec_counter_free(&b);
	KUNIT_EXPECT_NULL(test, a.ctr);
	nfsec_counter_free(&a);	/* twice: nothing */
}

static void counters_test_reuse_zeroed(struct kunit *test)
{
	struct nfsec_counter a, again;
	u32 id;

	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(&a), 0);
	this_cpu_add(*a.ctr, 42);
	id = a.id;
	nfsec_counter_free(&a);
	KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(&again), 0);
	KUNIT_EXPECT_EQ(test, again.id, id);	/* the IDA's lowest free */
	KUNIT_EXPECT_EQ(test, nfsec_counter_read(&again), 0ULL);
	nfsec_counter_free(&again);
}

static void counters_test_chunks(struct kunit *test)
{
	unsigned int n = NFSEC_CTR_CHUNK + 1, i;
	struct nfsec_counter *c;

	c = kunit_kcalloc(test, n, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	for (i = 0; i < n; i++) {
		KUNIT_ASSERT_EQ(test, nfsec_counter_alloc(&c[i]), 0);
		this_cpu_add(*c[i].ctr, i);
	}
	KUNIT_EXPECT_NOT_NULL(test, nfsec_ctr_chunks[1]);
	KUNIT_EXPECT_PTR_EQ(test, c[n - 1].ctr, nfsec_ctr_chunks[1]);
	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_EQ(test, nfsec_counter_read(&c[i]), (u64)i);
		nfsec_counter_free(&c[i]);
	}
}

static void counters_test_suite_exit(struct kunit_suite *suite)
{
	nfsec_counters_exit();
}

static struct kunit_case counters_test_cases[] = {
	KUNIT_CASE(counters_test_sum),
	KUNIT_CASE(counters_test_reuse_zeroed),
	KUNIT_CASE(counters_test_chunks),
	{}
};

static struct kunit_suite counters_test_suite = {
	.name = "nfsec_counters",
	.suite_exit = counters_test_suite_exit,
	.test_cases = counters_test_cases,
};

kunit_test_suite(counters_test_suite);
