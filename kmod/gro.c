// SPDX-License-Identifier: GPL-2.0
/*
 * Decapsulated packets back into the stack, through GRO.
 *
 * Each inner TCP segment of a tunnel arrives in an ESP packet of its own.
 * Handed back to the stack one by one, each would be routed, filtered and
 * forwarded or delivered on its own, and the receiver would acknowledge
 * them in small steps, every ACK one more ESP packet.  So, like XFRM with
 * its gro_cells, nfsec queues decapsulated packets on a per-CPU NAPI
 * context of its own and lets GRO merge them there: a poll's worth of one
 * flow's segments goes on as one GSO packet.  That is only where the
 * arrival device has GRO on (ethtool -K DEV gro on).  Where it is off
 * (veth's default), there is nothing to merge, and the packet is delivered
 * at once with netif_receive_skb_core(), without the queue's hop.
 *
 * The cleartext check at PRE_ROUTING must tell these packets from cleartext
 * arriving on the same device: nfsec_reinjecting() is true on a CPU while
 * it delivers them.  The immediate path is a call; the poll delivers every
 * packet it takes, merged or not, before it returns:
 * - it takes fewer packets than its budget and completes the NAPI context,
 *   which flushes GRO, so the core never delivers one of them later,
 *   outside the poll;
 * - the context has no NAPI ID (netif_napi_add_tx()), so no socket's busy
 *   poll runs it outside the poll either.
 * A decapsulated packet that is itself ESP for us (nested tunnels) is
 * decrypted inside the delivery of the outer one: queued again, or, on the
 * immediate path, delivered recursively, NFSEC_REINJECT_MAX deep at most.
 *
 * Each queued packet holds a reference on its device (skb->dev), dropped
 * after the flush that delivered it.
 *
 * The kernel's gro_cells is not used itself: its poll cannot be bracketed
 * by the depth counter, so the cleartext check would drop what it delivers,
 * and its context gets a NAPI ID, so a socket's busy poll could run it.
 */
#include <linux/netdevice.h>
#include <linux/percpu.h>
#include <linux/skbuff.h>

#include "compat.h"
#include "nfsec.h"

/* Packets a CPU may have queued: netdev_max_backlog's default. */
#define NFSEC_GRO_QUEUE_MAX 1000
/* Packets per poll: fewer than the budget, so the poll always completes. */
#define NFSEC_GRO_BATCH (NAPI_POLL_WEIGHT - 1)
/* Devices one poll can hold references on, one run of packets each. */
#define NFSEC_GRO_DEVS 4
/* Immediate deliveries inside each other: nested tunnels. */
#define NFSEC_REINJECT_MAX 4

struct nfsec_gro_cell {
	struct napi_struct napi;
	struct sk_buff_head queue;
};

/* The device references a poll holds until its flush: runs of one device. */
struct nfsec_gro_refs {
	struct net_device *dev[NFSEC_GRO_DEVS];
	unsigned int n[NFSEC_GRO_DEVS];
	unsigned int runs;
};

static struct net_device *nfsec_gro_dev;
static struct nfsec_gro_cell __percpu *nfsec_gro_cells;
static DEFINE_PER_CPU(u8, nfsec_reinject_depth);

bool nfsec_reinjecting(void)
{
	return this_cpu_read(nfsec_reinject_depth) > 0;
}

/* Takes over the reference on @dev; false when no run is left for it. */
static bool nfsec_gro_refs_add(struct nfsec_gro_refs *refs,
			       struct net_device *dev)
{
	if (refs->runs && refs->dev[refs->runs - 1] == dev) {
		refs->n[refs->runs - 1]++;
		return true;
	}
	if (refs->runs == NFSEC_GRO_DEVS)
		return false;
	refs->dev[refs->runs] = dev;
	refs->n[refs->runs++] = 1;
	return true;
}

static void nfsec_gro_refs_put(struct nfsec_gro_refs *refs)
{
	unsigned int i, j;

	for (i = 0; i < refs->runs; i++)
		for (j = 0; j < refs->n[i]; j++)
			dev_put(refs->dev[i]);
}

/* Hands up to NFSEC_GRO_BATCH queued packets to GRO; how many it took. */
static int nfsec_gro_take(struct nfsec_gro_cell *cell,
			  struct nfsec_gro_refs *refs)
{
	struct sk_buff *skb;
	int done = 0;

	while (done < NFSEC_GRO_BATCH && (skb = skb_peek(&cell->queue))) {
		if (!nfsec_gro_refs_add(refs, skb->dev))
			break;
		__skb_unlink(skb, &cell->queue);
		if (skb_cloned(skb))	/* GRO may write to the data */
			netif_receive_skb(skb);
		else
			napi_gro_receive(&cell->napi, skb);
		done++;
	}
	return done;
}

static int nfsec_gro_poll(struct napi_struct *napi, int budget)
{
	struct nfsec_gro_cell *cell;
	struct nfsec_gro_refs refs = { .runs = 0 };
	bool more;
	int done;

	cell = container_of(napi, struct nfsec_gro_cell, napi);
	__this_cpu_inc(nfsec_reinject_depth);
	done = nfsec_gro_take(cell, &refs);
	more = napi_complete_done(napi, done);	/* flushes GRO */
	__this_cpu_dec(nfsec_reinject_depth);
	nfsec_gro_refs_put(&refs);
	if (more && !skb_queue_empty(&cell->queue))
		napi_schedule(napi);
	return done;
}

static int nfsec_gro_queue(struct sk_buff *skb)
{
	struct nfsec_gro_cell *cell = this_cpu_ptr(nfsec_gro_cells);

	if (skb_queue_len(&cell->queue) >= NFSEC_GRO_QUEUE_MAX)
		return -ENOBUFS;
	__skb_queue_tail(&cell->queue, skb);
	napi_schedule(&cell->napi);
	return 0;
}

static int nfsec_reinject_now(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;

	if (__this_cpu_read(nfsec_reinject_depth) >= NFSEC_REINJECT_MAX)
		return -ELOOP;
	__this_cpu_inc(nfsec_reinject_depth);
	netif_receive_skb_core(skb);
	__this_cpu_dec(nfsec_reinject_depth);
	dev_put(dev);
	return 0;
}

int nfsec_gro_receive(struct sk_buff *skb)
{
	int err;

	local_bh_disable();
	if (netif_elide_gro(skb->dev))
		err = nfsec_reinject_now(skb);
	else
		err = nfsec_gro_queue(skb);
	local_bh_enable();
	return err;
}

static void nfsec_gro_cell_exit(struct nfsec_gro_cell *cell)
{
	struct sk_buff *skb;

	napi_disable(&cell->napi);
	__netif_napi_del(&cell->napi);
	while ((skb = __skb_dequeue(&cell->queue))) {
		dev_put(skb->dev);
		kfree_skb(skb);
	}
}

int nfsec_gro_init(void)
{
	struct nfsec_gro_cell *cell;
	int cpu;

	BUILD_BUG_ON(NFSEC_GRO_BATCH >= NAPI_POLL_WEIGHT);
	nfsec_gro_dev = nfsec_alloc_dummy_netdev();
	if (!nfsec_gro_dev)
		return -ENOMEM;
	nfsec_gro_cells = alloc_percpu(struct nfsec_gro_cell);
	if (!nfsec_gro_cells)
		goto err_cells;
	for_each_possible_cpu(cpu) {
		cell = per_cpu_ptr(nfsec_gro_cells, cpu);
		__skb_queue_head_init(&cell->queue);
		/* no NAPI ID: see the top of this file */
		netif_napi_add_tx(nfsec_gro_dev, &cell->napi, nfsec_gro_poll);
		napi_enable(&cell->napi);
	}
	return 0;

err_cells:
	nfsec_free_dummy_netdev(nfsec_gro_dev);
	return -ENOMEM;
}

/* After the last namespace is gone: nothing queues any more. */
void nfsec_gro_exit(void)
{
	int cpu;

	for_each_possible_cpu(cpu)
		nfsec_gro_cell_exit(per_cpu_ptr(nfsec_gro_cells, cpu));
	synchronize_net();
	free_percpu(nfsec_gro_cells);
	nfsec_free_dummy_netdev(nfsec_gro_dev);
}
