/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NFSEC_COUNTERS_H
#define _NFSEC_COUNTERS_H

#include <linux/percpu.h>
#include <linux/types.h>

/*
 * Per-CPU u64 counters handed out one at a time from shared per-CPU chunks,
 * for objects too many and too small for an alloc_percpu() each (an ACL
 * rule's match count).  The datapath adds with this_cpu_inc(*ctr).
 */
struct nfsec_counter {
	u64 __percpu *ctr;
	u32 id;
};

/* A zeroed counter; may sleep.  -ENOMEM or -ENOSPC. */
int nfsec_counter_alloc(struct nfsec_counter *c);
/* Gives @c back, in any context, once nothing can add to it any more. */
void nfsec_counter_free(struct nfsec_counter *c);
/* The sum over the CPUs (racy against adds, never torn on 64-bit). */
u64 nfsec_counter_read(const struct nfsec_counter *c);

/* At module exit, after every counter was freed. */
void nfsec_counters_exit(void);

#endif /* _NFSEC_COUNTERS_H */
