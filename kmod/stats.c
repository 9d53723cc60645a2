// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU packet counters of a network namespace.  Writers run in softirq or
 * process context (locally generated packets) on their own CPU, so an update
 * may be interrupted by another on the same CPU: the irqsave variants keep
 * the 32-bit seqcount consistent and cost nothing on 64-bit.  Readers sum
 * all CPUs under the u64_stats retry loop, so values never tear.
 */
#include <linux/netfilter.h>
#include <linux/percpu.h>
#include <linux/skbuff.h>
#include <linux/u64_stats_sync.h>

#include "nfsec.h"

struct nfsec_pcpu_stats __percpu *nfsec_stats_alloc(void)
{
	struct nfsec_pcpu_stats __percpu *stats;
	int cpu;

	stats = alloc_percpu_gfp(struct nfsec_pcpu_stats, GFP_KERNEL_ACCOUNT);
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

void nfsec_stats_count(struct nfsec_pcpu_stats __percpu *stats,
		       enum nfsec_dir dir, unsigned int len)
{
	struct nfsec_pcpu_stats *s = get_cpu_ptr(stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_inc(&s->dir[dir].packets);
	u64_stats_add(&s->dir[dir].bytes, len);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(stats);
}

static void nfsec_stats_read_cpu(const struct nfsec_pcpu_stats *s,
				 struct nfsec_stats *out)
{
	unsigned int start;
	int d;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		for (d = 0; d < NFSEC_DIR_MAX; d++) {
			out->packets[d] = u64_stats_read(&s->dir[d].packets);
			out->bytes[d] = u64_stats_read(&s->dir[d].bytes);
		}
		for (d = 0; d < __NFSEC_DROP_MAX; d++)
			out->drops[d] = u64_stats_read(&s->drops[d]);
	} while (u64_stats_fetch_retry(&s->syncp, start));
}

void nfsec_stats_sum(struct nfsec_pcpu_stats __percpu *stats,
		     struct nfsec_stats *sum)
{
	struct nfsec_stats one;
	int cpu, d;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		nfsec_stats_read_cpu(per_cpu_ptr(stats, cpu), &one);
		for (d = 0; d < NFSEC_DIR_MAX; d++) {
			sum->packets[d] += one.packets[d];
			sum->bytes[d] += one.bytes[d];
		}
		for (d = 0; d < __NFSEC_DROP_MAX; d++)
			sum->drops[d] += one.drops[d];
	}
}

void nfsec_stats_drop(struct nfsec_pcpu_stats __percpu *stats,
		      enum nfsec_drop_reason reason)
{
	struct nfsec_pcpu_stats *s = get_cpu_ptr(stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_inc(&s->drops[reason]);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(stats);
}

void nfsec_stats_clear_drops(struct nfsec_pcpu_stats __percpu *stats)
{
	unsigned long flags;
	int cpu, i;

	for_each_possible_cpu(cpu) {
		struct nfsec_pcpu_stats *s = per_cpu_ptr(stats, cpu);

		flags = u64_stats_update_begin_irqsave(&s->syncp);
		for (i = 0; i < __NFSEC_DROP_MAX; i++)
			u64_stats_set(&s->drops[i], 0);
		u64_stats_update_end_irqrestore(&s->syncp, flags);
	}
}

unsigned int nfsec_drop(struct nfsec_net *nn, enum nfsec_drop_reason reason)
{
	nfsec_stats_drop(nn->stats, reason);
	return NF_DROP;
}

void nfsec_kfree_skb(struct nfsec_net *nn, struct sk_buff *skb,
		     enum nfsec_drop_reason reason)
{
	nfsec_stats_drop(nn->stats, reason);
	kfree_skb(skb);
}
