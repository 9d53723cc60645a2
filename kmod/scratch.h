/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NFSEC_SCRATCH_H
#define _NFSEC_SCRATCH_H

#include <linux/types.h>

/*
 * Memory for one packet's trip through the crypto API (request, AAD, IV,
 * scatterlist): a free per-CPU slot when @len fits one, else kmalloc.
 * Aligned for a crypto request; NULL when nothing is left.  Any context.
 */
void *nfsec_scratch_get(unsigned int len);
/* Gives @p back, from any CPU and context; NULL is ignored. */
void nfsec_scratch_put(void *p);
/* Bytes a slot holds: requests up to this size do not allocate. */
unsigned int nfsec_scratch_slot_len(void);
/* Slots claimed and not given back, on all CPUs. */
unsigned int nfsec_scratch_busy(void);

int nfsec_scratch_init(void);
/* Every slot must have been given back (no packet in crypto). */
void nfsec_scratch_exit(void);

#endif /* _NFSEC_SCRATCH_H */
