// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: per-CPU counters (stats.c).
 */
#include <kunit/test.h>

#include "../stats.c"

static void nfsec_stats_test_alloc_zeroed(struct kunit *test)
{
	struct nfsec_pcpu_stats __percpu *stats = nfsec_stats_alloc();
	struct nfsec_stats sum = { .packets = { 99, 99 } };

	KUNIT_ASSERT_NOT_NULL(test, stats);
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.packets[NFSEC_DIR_IN], 0ULL);
	KUNIT_EXPECT_EQ(test, sum.bytes[NFSEC_DIR_IN], 0ULL);
	KUNIT_EXPECT_EQ(test, sum.packets[NFSEC_DIR_OUT], 0ULL);
	KUNIT_EXPECT_EQ(test, sum.bytes[NFSEC_DIR_OUT], 0ULL);
	nfsec_stats_free(stats);
}

static void nfsec_stats_test_directions_separate(struct kunit *test)
{
	struct nfsec_pcpu_stats __percpu *stats = nfsec_stats_alloc();
	struct nfsec_stats sum;

	KUNIT_ASSERT_NOT_NULL(test, stats);
	nfsec_stats_count(stats, NFSEC_DIR_IN, 100);
	nfsec_stats_count(stats, NFSEC_DIR_IN, 1400);
	nfsec_stats_count(stats, NFSEC_DIR_OUT, 60);
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.packets[NFSEC_DIR_IN], 2ULL);
	KUNIT_EXPECT_EQ(test, sum.bytes[NFSEC_DIR_IN], 1500ULL);
	KUNIT_EXPECT_EQ(test, sum.packets[NFSEC_DIR_OUT], 1ULL);
	KUNIT_EXPECT_EQ(test, sum.bytes[NFSEC_DIR_OUT], 60ULL);
	nfsec_stats_free(stats);
}

/* The sum covers every possible CPU, not only the one that reads. */
static void nfsec_stats_test_sum_all_cpus(struct kunit *test)
{
	struct nfsec_pcpu_stats __percpu *stats = nfsec_stats_alloc();
	struct nfsec_stats sum;
	u64 want_pkts = 0, want_bytes = 0;
	int cpu;

	KUNIT_ASSERT_NOT_NULL(test, stats);
	for_each_possible_cpu(cpu) {
		struct nfsec_pcpu_stats *s = per_cpu_ptr(stats, cpu);

		u64_stats_add(&s->dir[NFSEC_DIR_OUT].packets, cpu + 1);
		u64_stats_add(&s->dir[NFSEC_DIR_OUT].bytes,
			      1000ULL * (cpu + 1));
		want_pkts += cpu + 1;
		want_bytes += 1000ULL * (cpu + 1);
	}
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.packets[NFSEC_DIR_OUT], want_pkts);
	KUNIT_EXPECT_EQ(test, sum.bytes[NFSEC_DIR_OUT], want_bytes);
	KUNIT_EXPECT_EQ(test, sum.packets[NFSEC_DIR_IN], 0ULL);
	nfsec_stats_free(stats);
}

/* Byte counters are 64-bit: no wrap at 4 GiB. */
static void nfsec_stats_test_no_32bit_wrap(struct kunit *test)
{
	struct nfsec_pcpu_stats __percpu *stats = nfsec_stats_alloc();
	unsigned int len = U32_MAX;
	struct nfsec_stats sum;
	int i;

	/*
	 * Lengths are runtime values in real callers; a constant this size
	 * would reach x86's local_add() asm as an immediate that does not fit.
	 */
	OPTIMIZER_HIDE_VAR(len);
	KUNIT_ASSERT_NOT_NULL(test, stats);
	for (i = 0; i < 3; i++)
		nfsec_stats_count(stats, NFSEC_DIR_IN, len);
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.bytes[NFSEC_DIR_IN], 3ULL * U32_MAX);
	nfsec_stats_free(stats);
}

static struct kunit_case nfsec_stats_test_cases[] = {
	KUNIT_CASE(nfsec_stats_test_alloc_zeroed),
	KUNIT_CASE(nfsec_stats_test_directions_separate),
	KUNIT_CASE(nfsec_stats_test_sum_all_cpus),
	KUNIT_CASE(nfsec_stats_test_no_32bit_wrap),
	{}
};

static struct kunit_suite nfsec_stats_test_suite = {
	.name = "nfsec_stats",
	.test_cases = nfsec_stats_test_cases,
};

kunit_test_suite(nfsec_stats_test_suite);
