/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NFSEC_LIFETIME_H
#define _NFSEC_LIFETIME_H

#include <linux/atomic.h>
#include <linux/percpu.h>
#include <linux/types.h>

/*
 * An SA's use against its byte or packet lifetime, counted per CPU: each
 * CPU adds to its own @pending and folds it into @folded once it reaches
 * the batch, so packets on different CPUs share no cache line.  Limits stay
 * exact: within reach of the nearest limit (every CPU holding back a full
 * batch), packets are added to @folded directly and judged by the exact sum.
 */
struct nfsec_life_count {
	atomic64_t folded;
	u32 batch;
};

void nfsec_life_count_init(struct nfsec_life_count *lc, u32 batch);

/*
 * Adds @n on this CPU.  Returns the use to judge limits by: exact when it
 * is within reach of @watch (the nearest limit still watched, 0 for none),
 * else a lower bound that cannot reach @watch.  Any context.
 */
u64 nfsec_life_count_add(struct nfsec_life_count *lc, u32 __percpu *pending,
			 u32 n, u64 watch);

/* The exact use: folded plus every CPU's pending. */
u64 nfsec_life_count_sum(struct nfsec_life_count *lc, u32 __percpu *pending);

#endif /* _NFSEC_LIFETIME_H */
