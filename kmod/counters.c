// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU counters for ACL rules, without a per-CPU allocation per rule.
 *
 * A rule's match count was an atomic64 in the rule itself, next to the
 * selector every CPU's lookup reads: each match on one CPU took the line
 * away from the others.  A per-CPU counter per rule would cost an
 * alloc_percpu() per rule, too slow for 100k policies.  So counters come
 * from chunks of NFSEC_CTR_CHUNK per-CPU u64s, allocated when first needed
 * and kept until module exit; an IDA numbers the counters, and a counter's
 * per-CPU pointer is its chunk plus its index, so the datapath's increment
 * is one this_cpu_inc() with no lookup.
 *
 * A counter is zeroed when handed out, on every CPU, so a number freed by
 * an RCU callback (after the last increment) can be reused at once.
 */
#include <linux/idr.h>
#include <linux/mutex.h>
#include <linux/percpu.h>

#include "counters.h"

#define NFSEC_CTR_CHUNK 2048	/* 16 KiB per CPU */
#define NFSEC_CTR_CHUNKS 4096	/* 8M counters in all */

static DEFINE_IDA(nfsec_ctr_ida);
static DEFINE_MUTEX(nfsec_ctr_mutex);	/* serialises chunk allocation */
static u64 __percpu *nfsec_ctr_chunks[NFSEC_CTR_CHUNKS];

static u64 __percpu *nfsec_ctr_chunk(unsigned int i)
{
	/* Pairs with the release below: a chunk seen is initialised. */
	u64 __percpu *chunk = smp_load_acquire(&nfsec_ctr_chunks[i]);

	if (chunk)
		return chunk;
	mutex_lock(&nfsec_ctr_mutex);
	chunk = nfsec_ctr_chunks[i];
	if (!chunk) {
		chunk = __alloc_percpu(sizeof(u64) * NFSEC_CTR_CHUNK,
				       __alignof__(u64));
		/* Published for the lock-free check above. */
		smp_store_release(&nfsec_ctr_chunks[i], chunk);
	}
	mutex_unlock(&nfsec_ctr_mutex);
	return chunk;
}

int nfsec_counter_alloc(struct nfsec_counter *c)
{
	u64 __percpu *chunk;
	int id, cpu;

	id = ida_alloc_max(&nfsec_ctr_ida,
			   NFSEC_CTR_CHUNK * NFSEC_CTR_CHUNKS - 1, GFP_KERNEL);
	if (id < 0)
		return id;
	chunk = nfsec_ctr_chunk(id / NFSEC_CTR_CHUNK);
	if (!chunk) {
		ida_free(&nfsec_ctr_ida, id);
		return -ENOMEM;
	}
	c->id = id;
	c->ctr = chunk + id % NFSEC_CTR_CHUNK;
	for_each_possible_cpu(cpu)
		WRITE_ONCE(*per_cpu_ptr(c->ctr, cpu), 0);
	return 0;
}

void nfsec_counter_free(struct nfsec_counter *c)
{
	if (!c->ctr)
		return;
	ida_free(&nfsec_ctr_ida, c->id);
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

void nfsec_counters_exit(void)
{
	int i;

	WARN_ON(!ida_is_empty(&nfsec_ctr_ida));
	for (i = 0; i < NFSEC_CTR_CHUNKS; i++) {
		free_percpu(nfsec_ctr_chunks[i]);
		nfsec_ctr_chunks[i] = NULL;
	}
	ida_destroy(&nfsec_ctr_ida);
}
