// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU packet counters of a network namespace.  Writers run in softirq or
 * process context (locally generated packets) on their own CPU, so an update
 * may be interrupted by another on the same CPU: the irqsave variants keep
 * the 32-bit seqcount consistent and cost nothing on 64-bit.  Readers sum
 * all CPUs under the u64_stats retry loop, so values never tear.
 */
#include <linux/percpu.h>
#include <linux/u64_stats_sync.h>

#include "nfsec.h"

struct nfsec_pcpu_stats __percpu *nfsec_stats_alloc(void)
{
	struct nfsec_pcpu_stats __percpu *stats;
	int cpu;

	stats = alloc_percpu(struct nfsec_pcpu_stats);
	if (!stats)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(stats, cpu)->syncp);
	return stats;
}

void nfsec_stats_free(struct nfsec_pcpu_stats __percpu *stats)
{
	free_percpu(stats);
}

void nfsec_stats_rx(struct nfsec_pcpu_stats __percpu *stats, unsigned int len)
{
	struct nfsec_pcpu_stats *s = get_cpu_ptr(stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_inc(&s->rx_packets);
	u64_stats_add(&s->rx_bytes, len);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(stats);
}

void nfsec_stats_tx(struct nfsec_pcpu_stats __percpu *stats, unsigned int len)
{
	struct nfsec_pcpu_stats *s = get_cpu_ptr(stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_inc(&s->tx_packets);
	u64_stats_add(&s->tx_bytes, len);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(stats);
}

static void nfsec_stats_read_cpu(const struct nfsec_pcpu_stats *s,
				 struct nfsec_stats *out)
{
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		out->rx_packets = u64_stats_read(&s->rx_packets);
		out->rx_bytes = u64_stats_read(&s->rx_bytes);
		out->tx_packets = u64_stats_read(&s->tx_packets);
		out->tx_bytes = u64_stats_read(&s->tx_bytes);
	} while (u64_stats_fetch_retry(&s->syncp, start));
}

void nfsec_stats_sum(struct nfsec_pcpu_stats __percpu *stats,
		     struct nfsec_stats *sum)
{
	struct nfsec_stats one;
	int cpu;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		nfsec_stats_read_cpu(per_cpu_ptr(stats, cpu), &one);
		sum->rx_packets += one.rx_packets;
		sum->rx_bytes += one.rx_bytes;
		sum->tx_packets += one.tx_packets;
		sum->tx_bytes += one.tx_bytes;
	}
}
