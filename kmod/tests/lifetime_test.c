// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: per-CPU lifetime counting (lifetime.c).  Far from any limit a CPU
 * folds its count once per batch and the value returned is a lower bound;
 * within reach of the watched limit every addition is exact, so a limit is
 * seen at exactly the packet that reaches it, counting what other CPUs
 * still hold back.
 */
#include <kunit/test.h>

#include "../lifetime.c"

struct life_fixture {
	struct nfsec_life_count lc;
	u32 __percpu *pending;
};

static int life_test_init(struct kunit *test)
{
	struct life_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->pending = alloc_percpu(u32);
	if (!f->pending)
		return -ENOMEM;
	nfsec_life_count_init(&f->lc, 4);
	test->priv = f;
	return 0;
}

static void life_test_exit(struct kunit *test)
{
	struct life_fixture *f = test->priv;

	free_percpu(f->pending);
}

static u64 life_reach(void)
{
	return (u64)num_possible_cpus() * 2 * 4;
}

/* No limit: folded once per batch of this CPU, the sum always exact. */
static void life_test_batches(struct kunit *test)
{
	struct life_fixture *f = test->priv;
	u64 got;
	int i;

	get_cpu();	/* one CPU's batches */
	for (i = 1; i <= 10; i++) {
		got = nfsec_life_count_add(&f->lc, f->pending, 1, 0);
		KUNIT_EXPECT_EQ(test, got, (u64)(i - i % 4));
		KUNIT_EXPECT_EQ(test, nfsec_life_count_sum(&f->lc, f->pending),
				(u64)i);
	}
	KUNIT_EXPECT_EQ(test, *this_cpu_ptr(f->pending), 2U);
	put_cpu();
	KUNIT_EXPECT_EQ(test, atomic64_read(&f->lc.folded), 8);
}

/* A limit within reach from the start: every addition is exact. */
static void life_test_near(struct kunit *test)
{
	struct life_fixture *f = test->priv;
	u64 watch = life_reach() - 1;
	u64 i, got;

	for (i = 1; i <= watch + 2; i++) {
		got = nfsec_life_count_add(&f->lc, f->pending, 1, watch);
		KUNIT_EXPECT_EQ(test, got, i);
	}
	KUNIT_EXPECT_EQ(test, atomic64_read(&f->lc.folded), (s64)watch + 2);
}

/* From far to near: the limit is seen at exactly the addition reaching it. */
static void life_test_exact_at_limit(struct kunit *test)
{
	struct life_fixture *f = test->priv;
	u64 watch = life_reach() + 100, got, i, first = 0;

	for (i = 1; i <= watch + 5; i++) {
		got = nfsec_life_count_add(&f->lc, f->pending, 1, watch);
		KUNIT_EXPECT_LE(test, got, i);
		if (got >= watch && !first)
			first = i;
	}
	KUNIT_EXPECT_EQ(test, first, watch);
}

/* What another CPU still holds back counts once the limit is near. */
static void life_test_other_cpus(struct kunit *test)
{
	struct life_fixture *f = test->priv;
	u64 watch = life_reach() + 50, got, i, first = 0;
	int other;

	if (num_possible_cpus() < 2)
		kunit_skip(test, "one possible CPU");
	other = cpumask_any_but(cpu_possible_mask, raw_smp_processor_id());
	*per_cpu_ptr(f->pending, other) = 3;	/* below the batch: kept */
	for (i = 1; i <= watch; i++) {
		got = nfsec_life_count_add(&f->lc, f->pending, 1, watch);
		if (got >= watch && !first)
			first = i;
	}
	KUNIT_EXPECT_EQ(test, first, watch - 3);
	KUNIT_EXPECT_EQ(test, nfsec_life_count_sum(&f->lc, f->pending),
			watch + 3);
}

/* Bytes: a packet larger than the batch folds at once. */
static void life_test_large_add(struct kunit *test)
{
	struct life_fixture *f = test->priv;

	get_cpu();
	KUNIT_EXPECT_EQ(test, nfsec_life_count_add(&f->lc, f->pending, 1500, 0),
			1500ULL);
	KUNIT_EXPECT_EQ(test, *this_cpu_ptr(f->pending), 0U);
	put_cpu();
}

static struct kunit_case life_test_cases[] = {
	KUNIT_CASE(life_test_batches),	      KUNIT_CASE(life_test_near),
	KUNIT_CASE(life_test_exact_at_limit), KUNIT_CASE(life_test_other_cpus),
	KUNIT_CASE(life_test_large_add),      {}
};

static struct kunit_suite life_test_suite = {
	.name = "nfsec_lifetime",
	.init = life_test_init,
	.exit = life_test_exit,
	.test_cases = life_test_cases,
};

kunit_test_suite(life_test_suite);
