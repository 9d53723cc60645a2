// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU scratch for the crypto of one packet, so that the datapath does
 * not allocate per packet.
 *
 * Every possible CPU owns NFSEC_SCRATCH_SLOTS slots of NFSEC_SCRATCH_BYTES,
 * kmalloc'ed from its node at module load (so they are in the linear map and
 * fit a scatterlist).  A packet claims a free slot of the CPU it runs on with
 * an atomic bit: a softirq that interrupts a process-context packet on the
 * same CPU takes the other slot, and a migration between claim and release
 * does no harm.  The slot is given back when the packet's crypto completes,
 * on whatever CPU that is.  Only when both slots are held (asynchronous
 * crypto still working on them) or a request does not fit does a packet fall
 * back to kmalloc(GFP_ATOMIC), which XFRM does for every packet.
 */
#include <linux/bitops.h>
#include <linux/crypto.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/topology.h>

#include "scratch.h"

#define NFSEC_SCRATCH_SLOTS 2
#define NFSEC_SCRATCH_BYTES 2048

enum {
	NFSEC_SCRATCH_BUSY,	/* claimed by a packet */
	NFSEC_SCRATCH_POOLED,	/* a per-CPU slot, not a kmalloc fallback */
};

struct nfsec_scratch {
	unsigned long flags;
	u8 data[] __aligned(CRYPTO_MINALIGN);
};

struct nfsec_scratch_cpu {
	struct nfsec_scratch *slot[NFSEC_SCRATCH_SLOTS];
};

static DEFINE_PER_CPU(struct nfsec_scratch_cpu, nfsec_scratch_cpu);

unsigned int nfsec_scratch_slot_len(void)
{
	return NFSEC_SCRATCH_BYTES - offsetof(struct nfsec_scratch, data);
}

static void *nfsec_scratch_claim(void)
{
	struct nfsec_scratch_cpu *c = get_cpu_ptr(&nfsec_scratch_cpu);
	void *p = NULL;
	int i;

	for (i = 0; i < NFSEC_SCRATCH_SLOTS && !p; i++) {
		struct nfsec_scratch *s = c->slot[i];

		if (s && !test_and_set_bit_lock(NFSEC_SCRATCH_BUSY, &s->flags))
			p = s->data;
	}
	put_cpu_ptr(&nfsec_scratch_cpu);
	return p;
}

void *nfsec_scratch_get(unsigned int len)
{
	struct nfsec_scratch *s;
	void *p;

	if (len <= nfsec_scratch_slot_len()) {
		p = nfsec_scratch_claim();
		if (p)
			return p;
	}
	s = kmalloc(struct_size(s, data, len), GFP_ATOMIC);
	if (!s)
		return NULL;
	s->flags = 0;
	return s->data;
}

void nfsec_scratch_put(void *p)
{
	struct nfsec_scratch *s;

	if (!p)
		return;
	s = container_of(p, struct nfsec_scratch, data);
	if (test_bit(NFSEC_SCRATCH_POOLED, &s->flags))
		clear_bit_unlock(NFSEC_SCRATCH_BUSY, &s->flags);
	else
		kfree_sensitive(s);	/* a request context: key schedule */
}

unsigned int nfsec_scratch_busy(void)
{
	unsigned int n = 0;
	int cpu, i;

	for_each_possible_cpu(cpu) {
		struct nfsec_scratch_cpu *c =
			per_cpu_ptr(&nfsec_scratch_cpu, cpu);

		for (i = 0; i < NFSEC_SCRATCH_SLOTS; i++)
			n += c->slot[i] &&
			     test_bit(NFSEC_SCRATCH_BUSY, &c->slot[i]->flags);
	}
	return n;
}

/* Request contexts may hold key-derived state: slots are wiped when freed. */
void nfsec_scratch_exit(void)
{
	int cpu, i;

	WARN_ON(nfsec_scratch_busy());
	for_each_possible_cpu(cpu) {
		struct nfsec_scratch_cpu *c =
			per_cpu_ptr(&nfsec_scratch_cpu, cpu);

		for (i = 0; i < NFSEC_SCRATCH_SLOTS; i++) {
			kfree_sensitive(c->slot[i]);
			c->slot[i] = NULL;
		}
	}
}

int nfsec_scratch_init(void)
{
	int cpu, i;

	for_each_possible_cpu(cpu) {
		struct nfsec_scratch_cpu *c =
			per_cpu_ptr(&nfsec_scratch_cpu, cpu);

		for (i = 0; i < NFSEC_SCRATCH_SLOTS; i++) {
			c->slot[i] = kmalloc_node(NFSEC_SCRATCH_BYTES,
						  GFP_KERNEL, cpu_to_node(cpu));
			if (!c->slot[i])
				goto err_alloc;
			c->slot[i]->flags = BIT(NFSEC_SCRATCH_POOLED);
		}
	}
	return 0;

err_alloc:
	nfsec_scratch_exit();
	return -ENOMEM;
}
