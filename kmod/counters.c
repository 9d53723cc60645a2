// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counters for ACL rules, without a per-CPU allocation per rule.
 *
 * A rule's match count was an atomic64 in the rule itself, next to the
 * selector every CPU's lookup reads: each match on one CPU took the line
 * away from the others.  A per-CPU counter per rule would cost an
 * alloc_percpu() per rule, too slow for 100k policies.  So counters come
 * from chunks of NFSEC_CTR_CHUNK per-CPU u64s, allocated when first needed
 * and kept until the pool goes; an IDA numbers the counters, and a
 * counter's per-CPU pointer is its chunk plus its index, so the datapath's
 * increment is one this_cpu_inc() with no lookup.
 *
 * Each network namespace has its own pool (nfsec_net.counters): one
 * namespace that uses up its numbers leaves every other one its own.  The
 * chunks are charged to the memory cgroup of the task that made them.
 *
 * A counter is zeroed when handed out, on every CPU, so a number freed by
 * an RCU callback (after the last increment) can be reused at once.
 */
#include <linux/idr.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/percpu.h>

#include "counters.h"

#define NFSEC_CTR_CHUNK 2048	/* 16 KiB per CPU */

/*
 * The IDA's xarray is freed into from RCU callbacks (softirq); the chunks'
 * only from process context.  Initialised in one place they would share a
 * lockdep class, and lockdep would take the chunks' lock, held with
 * softirqs on, for the IDA's.  They are two locks: two classes.
 */
static struct lock_class_key nfsec_ctr_chunks_key;

void nfsec_counters_init(struct nfsec_counters *pool, u32 max)
{
	ida_init(&pool->ida);
	mutex_init(&pool->lock);
	xa_init(&pool->chunks);
	lockdep_set_class(&pool->chunks.xa_lock, &nfsec_ctr_chunks_key);
	pool->max = max;
}

static u64 __percpu *nfsec_ctr_chunk(struct nfsec_counters *pool,
				     unsigned int i)
{
	/* xa_store() publishes a chunk after it was initialised. */
	u64 __percpu *chunk = (u64 __percpu __force *)xa_load(&pool->chunks, i);

	if (chunk)
		return chunk;
	mutex_lock(&pool->lock);
	chunk = (u64 __percpu __force *)xa_load(&pool->chunks, i);
	if (!chunk) {
		chunk = __alloc_percpu_gfp(sizeof(u64) * NFSEC_CTR_CHUNK,
					   __alignof__(u64),
					   GFP_KERNEL_ACCOUNT);
		if (chunk && xa_err(xa_store(&pool->chunks, i,
					     (void __force *)chunk,
					     GFP_KERNEL_ACCOUNT))) {
			free_percpu(chunk);
			chunk = NULL;
		}
	}
	mutex_unlock(&pool->lock);
	return chunk;
}

int nfsec_counter_alloc(struct nfsec_counters *pool, struct nfsec_counter *c)
{
	u64 __percpu *chunk;
	int id, cpu;

	id = ida_alloc_max(&pool->ida, pool->max - 1, GFP_KERNEL_ACCOUNT);
	if (id < 0)
		return id;
	chunk = nfsec_ctr_chunk(pool, id / NFSEC_CTR_CHUNK);
	if (!chunk) {
		ida_free(&pool->ida, id);
		return -ENOMEM;
	}
	c->id = id;
	c->ctr = chunk + id % NFSEC_CTR_CHUNK;
	for_each_possible_cpu(cpu)
		WRITE_ONCE(*per_cpu_ptr(c->ctr, cpu), 0);
	return 0;
}

void nfsec_counter_free(struct nfsec_counters *pool, struct nfsec_counter *c)
{
	if (!c->ctr)
		return;
	ida_free(&pool->ida, c->id);
	c->ctr = NULL;
}

u64 nfsec_counter_read(const struct nfsec_counter *c)
{
	u64 sum = 0;
	int cpu;

	for_each_possible_cpu(cpu)
		sum += READ_ONCE(*per_cpu_ptr(c->ctr, cpu));
	return sum;
}

void nfsec_counters_destroy(struct nfsec_counters *pool)
{
	unsigned long i;
	void *chunk;

	WARN_ON(!ida_is_empty(&pool->ida));
	xa_for_each(&pool->chunks, i, chunk)
		free_percpu((u64 __percpu __force *)chunk);
	xa_destroy(&pool->chunks);
	ida_destroy(&pool->ida);
}
