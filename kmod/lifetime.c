// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counting of an SA's lifetime use (bytes, packets).  The shared
 * atomic the datapath used to bump on every packet moved between the CPUs'
 * caches with every packet of a busy SA; now a CPU touches it once per
 * batch, and reads it, a line that stays shared, otherwise.
 *
 * The limits stay exact.  What the CPUs hold back is below @batch each, so
 * while folded + CPUs x 2 x batch is short of the nearest limit the limit
 * cannot have been reached, and that lower bound is all the caller needs.
 * Closer than that, every packet adds to @folded directly and the use is
 * the exact sum over the CPUs; that lasts from the last few batches before
 * a soft limit until it fires, and before the hard limit until it kills the
 * SA.  (The factor 2 covers a packet caught between adding and folding.)
 */
#include <linux/cpumask.h>

#include "lifetime.h"

void nfsec_life_count_init(struct nfsec_life_count *lc, u32 batch)
{
	atomic64_set(&lc->folded, 0);
	lc->batch = batch;
}

u64 nfsec_life_count_sum(struct nfsec_life_count *lc, u32 __percpu *pending)
{
	u64 sum = atomic64_read(&lc->folded);
	int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(*per_cpu_ptr(pending, cpu));
	return sum;
}

static bool nfsec_life_count_far(struct nfsec_life_count *lc, u64 folded,
				 u64 watch)
{
	u64 reach = (u64)num_possible_cpus() * 2 * lc->batch;

	return !watch || (watch > reach && folded < watch - reach);
}

u64 nfsec_life_count_add(struct nfsec_life_count *lc, u32 __percpu *pending,
			 u32 n, u64 watch)
{
	u64 folded = atomic64_read(&lc->folded);

	if (!nfsec_life_count_far(lc, folded, watch)) {
		atomic64_add(n, &lc->folded);
		return nfsec_life_count_sum(lc, pending);
	}
	if (this_cpu_add_return(*pending, n) >= lc->batch)
		folded = atomic64_add_return(this_cpu_xchg(*pending, 0),
					     &lc->folded);
	return folded;
}
