/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NFSEC_COUNTERS_H
#define _NFSEC_COUNTERS_H

#include <linux/idr.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/types.h>
#include <linux/xarray.h>

/*
 * Per-CPU u64 counters handed out one at a time from shared per-CPU chunks,
 * for objects too many and too small for an alloc_percpu() each (an ACL
 * rule's match count).  The datapath adds with this_cpu_inc(*ctr).
 */
struct nfsec_counter {
	u64 __percpu *ctr;
	u32 id;
};

/* A pool of at most @max counters: one per network namespace. */
struct nfsec_counters {
	struct ida ida;
	struct mutex lock;	/* serialises chunk allocation */
	struct xarray chunks;	/* chunk number -> u64 __percpu * */
	u32 max;
};

/* Counters a namespace's pool holds at most. */
#define NFSEC_COUNTERS_MAX (8U << 20)

void nfsec_counters_init(struct nfsec_counters *pool, u32 max);
/* A zeroed counter from @pool; may sleep.  -ENOMEM or -ENOSPC. */
int nfsec_counter_alloc(struct nfsec_counters *pool, struct nfsec_counter *c);
/* Gives @c back, in any context, once nothing can add to it any more. */
void nfsec_counter_free(struct nfsec_counters *pool, struct nfsec_counter *c);
/* The sum over the CPUs (racy against adds, never torn on 64-bit). */
u64 nfsec_counter_read(const struct nfsec_counter *c);

/* Frees the chunks, after every counter of @pool was freed. */
void nfsec_counters_destroy(struct nfsec_counters *pool);

#endif /* _NFSEC_COUNTERS_H */
