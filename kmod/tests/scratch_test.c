// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the per-CPU crypto scratch (scratch.c).  A CPU's slots are handed
 * out until all are held, then kmalloc takes over; a slot given back is
 * handed out again; requests larger than a slot are allocated; everything
 * is aligned for a crypto request.  The ESP and AH suites link against
 * this copy of scratch.c and check that their requests fit a slot.
 */
#include <kunit/test.h>
#include <linux/crypto.h>

#include "../scratch.c"

static bool scratch_is_slot(int cpu, void *p)
{
	struct nfsec_scratch_cpu *c = per_cpu_ptr(&nfsec_scratch_cpu, cpu);
	int i;

	for (i = 0; i < NFSEC_SCRATCH_SLOTS; i++)
		if (p == c->slot[i]->data)
			return true;
	return false;
}

static void scratch_test_slots_then_heap(struct kunit *test)
{
	void *p[NFSEC_SCRATCH_SLOTS + 1], *again;
	int cpu, i;

	cpu = get_cpu();	/* GFP_ATOMIC inside: no sleep */
	for (i = 0; i <= NFSEC_SCRATCH_SLOTS; i++) {
		p[i] = nfsec_scratch_get(64);
		KUNIT_ASSERT_NOT_NULL(test, p[i]);
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p[i],
						   CRYPTO_MINALIGN));
		KUNIT_EXPECT_EQ(test, scratch_is_slot(cpu, p[i]),
				i < NFSEC_SCRATCH_SLOTS);
	}
	KUNIT_EXPECT_EQ(test, nfsec_scratch_busy(), NFSEC_SCRATCH_SLOTS);
	nfsec_scratch_put(p[NFSEC_SCRATCH_SLOTS]);	/* kfree */
	nfsec_scratch_put(p[0]);
	KUNIT_EXPECT_EQ(test, nfsec_scratch_busy(), NFSEC_SCRATCH_SLOTS - 1);
	again = nfsec_scratch_get(64);
	KUNIT_EXPECT_PTR_EQ(test, again, p[0]);
	nfsec_scratch_put(again);
	for (i = 1; i < NFSEC_SCRATCH_SLOTS; i++)
		nfsec_scratch_put(p[i]);
	put_cpu();
	KUNIT_EXPECT_EQ(test, nfsec_scratch_busy(), 0);
	nfsec_scratch_put(NULL);
}

static void scratch_test_sizes(struct kunit *test)
{
	unsigned int len = nfsec_scratch_slot_len();
	void *fits, *big;
	int cpu;

	KUNIT_EXPECT_EQ(test, len + offsetof(struct nfsec_scratch, data),
			NFSEC_SCRATCH_BYTES);
	cpu = get_cpu();
	fits = nfsec_scratch_get(len);
	big = nfsec_scratch_get(len + 1);
	KUNIT_ASSERT_NOT_NULL(test, fits);
	KUNIT_ASSERT_NOT_NULL(test, big);
	KUNIT_EXPECT_TRUE(test, scratch_is_slot(cpu, fits));
	KUNIT_EXPECT_FALSE(test, scratch_is_slot(cpu, big));
	KUNIT_EXPECT_TRUE(test,
			  IS_ALIGNED((unsigned long)big, CRYPTO_MINALIGN));
	memset(fits, 0xa5, len);	/* KASAN: both are as long as asked */
	memset(big, 0x5a, len + 1);
	nfsec_scratch_put(big);
	nfsec_scratch_put(fits);
	put_cpu();
	KUNIT_EXPECT_EQ(test, nfsec_scratch_busy(), 0);
}

/* A slot claimed on one CPU and given back on another is free again. */
static void scratch_test_put_elsewhere(struct kunit *test)
{
	int cpu, there;
	void *p;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU online");
	cpu = get_cpu();
	p = nfsec_scratch_get(64);
	put_cpu();
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, scratch_is_slot(cpu, p));
	there = cpumask_any_but(cpu_online_mask, cpu);
	KUNIT_ASSERT_EQ(test, set_cpus_allowed_ptr(current, cpumask_of(there)),
			0);
	KUNIT_EXPECT_EQ(test, raw_smp_processor_id(), there);
	nfsec_scratch_put(p);
	set_cpus_allowed_ptr(current, cpu_possible_mask);
	KUNIT_EXPECT_EQ(test, nfsec_scratch_busy(), 0);
}

static int scratch_test_suite_init(struct kunit_suite *suite)
{
	return nfsec_scratch_init();
}

static void scratch_test_suite_exit(struct kunit_suite *suite)
{
	nfsec_scratch_exit();
}

static struct kunit_case scratch_test_cases[] = {
	KUNIT_CASE(scratch_test_slots_then_heap),
	KUNIT_CASE(scratch_test_sizes),
	KUNIT_CASE(scratch_test_put_elsewhere),
	{}
};

static struct kunit_suite scratch_test_suite = {
	.name = "nfsec_scratch",
	.suite_init = scratch_test_suite_init,
	.suite_exit = scratch_test_suite_exit,
	.test_cases = scratch_test_cases,
};

kunit_test_suite(scratch_test_suite);
