// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: per-CPU counters (stats.c).
 */
#include <kunit/test.h>

#include "../stats.c"

static void nfsec_stats_test_alloc_zeroed(struct kunit *test)
{
	struct nfsec_pcpu_stats __percpu *stats = nfsec_stats_alloc();
	struct nfsec_stats sum = { .rx_packets = 99 };

	KUNIT_ASSERT_NOT_NULL(test, stats);
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.rx_packets, 0ULL);
	KUNIT_EXPECT_EQ(test, sum.rx_bytes, 0ULL);
	KUNIT_EXPECT_EQ(test, sum.tx_packets, 0ULL);
	KUNIT_EXPECT_EQ(test, sum.tx_bytes, 0ULL);
	nfsec_stats_free(stats);
}

static void nfsec_stats_test_rx_tx_separate(struct kunit *test)
{
	struct nfsec_pcpu_stats __percpu *stats = nfsec_stats_alloc();
	struct nfsec_stats sum;

	KUNIT_ASSERT_NOT_NULL(test, stats);
	nfsec_stats_rx(stats, 100);
	nfsec_stats_rx(stats, 1400);
	nfsec_stats_tx(stats, 60);
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.rx_packets, 2ULL);
	KUNIT_EXPECT_EQ(test, sum.rx_bytes, 1500ULL);
	KUNIT_EXPECT_EQ(test, sum.tx_packets, 1ULL);
	KUNIT_EXPECT_EQ(test, sum.tx_bytes, 60ULL);
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

		u64_stats_add(&s->tx_packets, cpu + 1);
		u64_stats_add(&s->tx_bytes, 1000ULL * (cpu + 1));
		want_pkts += cpu + 1;
		want_bytes += 1000ULL * (cpu + 1);
	}
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.tx_packets, want_pkts);
	KUNIT_EXPECT_EQ(test, sum.tx_bytes, want_bytes);
	KUNIT_EXPECT_EQ(test, sum.rx_packets, 0ULL);
	nfsec_stats_free(stats);
}

/* Byte counters are 64-bit: no wrap at 4 GiB. */
static void nfsec_stats_test_no_32bit_wrap(struct kunit *test)
{
	struct nfsec_pcpu_stats __percpu *stats = nfsec_stats_alloc();
	struct nfsec_stats sum;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, stats);
	for (i = 0; i < 3; i++)
		nfsec_stats_rx(stats, U32_MAX);
	nfsec_stats_sum(stats, &sum);
	KUNIT_EXPECT_EQ(test, sum.rx_bytes, 3ULL * U32_MAX);
	nfsec_stats_free(stats);
}

static struct kunit_case nfsec_stats_test_cases[] = {
	KUNIT_CASE(nfsec_stats_test_alloc_zeroed),
	KUNIT_CASE(nfsec_stats_test_rx_tx_separate),
	KUNIT_CASE(nfsec_stats_test_sum_all_cpus),
	KUNIT_CASE(nfsec_stats_test_no_32bit_wrap),
	{}
};

static struct kunit_suite nfsec_stats_test_suite = {
	.name = "nfsec_stats",
	.test_cases = nfsec_stats_test_cases,
};

kunit_test_suite(nfsec_stats_test_suite);
