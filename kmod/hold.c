// SPDX-License-Identifier: GPL-2.0
/*
 * Packets that matched a protect rule before the entry had an SA.
 *
 * The first such packet (and then one per second per entry) raises an
 * ACQUIRE event for the keying daemon.  The packets wait in a small queue
 * per namespace until an outbound SA is attached to their entry, then go
 * out through it; those still waiting after NFSEC_HOLD_SECONDS, or whose
 * entry is deleted, are dropped and counted.  Nothing is ever sent in the
 * clear meanwhile.
 */
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <net/dst.h>

#include "nfsec.h"

#define NFSEC_HOLD_MAX 64
#define NFSEC_HOLD_SECONDS 10

struct nfsec_hold {
	spinlock_t lock;	/* protects queue and acquire_seq */
	struct sk_buff_head queue;
	struct timer_list timer;
	struct nfsec_net *nn;
	u32 acquire_seq;
};

/* skb->cb of a held packet: which entry it waits for. */
struct nfsec_hold_cb {
	char map[NFSEC_MAP_NAME_MAX];
	u32 seq;
	u8 family;
	unsigned long expires;
};

static struct nfsec_hold_cb *NFSEC_HOLD_CB(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct nfsec_hold_cb) > sizeof(skb->cb));
	return (struct nfsec_hold_cb *)skb->cb;
}

static void nfsec_hold_expire(struct timer_list *t)
{
	struct nfsec_hold *h = from_timer(h, t, timer);
	struct sk_buff *skb, *tmp;
	struct sk_buff_head dead;

	__skb_queue_head_init(&dead);
	spin_lock_bh(&h->lock);
	skb_queue_walk_safe(&h->queue, skb, tmp) {
		if (time_before(jiffies, NFSEC_HOLD_CB(skb)->expires))
			continue;
		__skb_unlink(skb, &h->queue);
		__skb_queue_tail(&dead, skb);
	}
	if (!skb_queue_empty(&h->queue))
		mod_timer(&h->timer, jiffies + HZ);
	spin_unlock_bh(&h->lock);
	while ((skb = __skb_dequeue(&dead)))
		nfsec_kfree_skb(h->nn, skb, NFSEC_DROP_NO_SA);
}

int nfsec_hold_init(struct nfsec_net *nn)
{
	struct nfsec_hold *h = kzalloc(sizeof(*h), GFP_KERNEL_ACCOUNT);

	if (!h)
		return -ENOMEM;
	spin_lock_init(&h->lock);
	skb_queue_head_init(&h->queue);
	timer_setup(&h->timer, nfsec_hold_expire, 0);
	h->nn = nn;
	nn->hold = h;
	return 0;
}

void nfsec_hold_exit(struct nfsec_net *nn)
{
	struct nfsec_hold *h = nn->hold;

	if (!h)
		return;
	del_timer_sync(&h->timer);
	skb_queue_purge(&h->queue);
	kfree(h);
	nn->hold = NULL;
}

static void nfsec_acquire_event(struct nfsec_net *nn, struct nfsec_entry *e,
				const struct nfsec_flow *fl)
{
	unsigned long next = READ_ONCE(e->acquire_next);
	u32 seq;

	if (next && time_before(jiffies, next))
		return;
	/* One CPU wins the slot; the others stay quiet. */
	if (cmpxchg(&e->acquire_next, next, jiffies + HZ) != next)
		return;
	atomic64_inc(&e->acquires);
	spin_lock_bh(&nn->hold->lock);
	seq = ++nn->hold->acquire_seq;
	spin_unlock_bh(&nn->hold->lock);
	nfsec_event_acquire(nn, e, fl, seq);
}

unsigned int nfsec_acquire(struct nfsec_net *nn, struct nfsec_entry *e,
			   struct sk_buff *skb, const struct nfsec_flow *fl)
{
	struct nfsec_hold *h = nn->hold;
	struct nfsec_hold_cb *cb;

	nfsec_acquire_event(nn, e, fl);
	atomic64_inc(&e->no_sa);
	if (skb_queue_len_lockless(&h->queue) >= NFSEC_HOLD_MAX || nn->dying)
		return nfsec_drop(nn, NFSEC_DROP_NO_SA);

	skb_dst_force(skb);
	if (!skb_dst(skb))
		return nfsec_drop(nn, NFSEC_DROP_NO_SA);
	cb = NFSEC_HOLD_CB(skb);
	strscpy(cb->map, e->map->name, sizeof(cb->map));
	cb->seq = e->seq;
	cb->family = fl->family;
	cb->expires = jiffies + NFSEC_HOLD_SECONDS * HZ;
	spin_lock_bh(&h->lock);
	__skb_queue_tail(&h->queue, skb);
	if (!timer_pending(&h->timer))
		mod_timer(&h->timer, jiffies + HZ);
	spin_unlock_bh(&h->lock);
	return NF_STOLEN;
}

static bool nfsec_hold_for(struct sk_buff *skb, const struct nfsec_entry *e)
{
	const struct nfsec_hold_cb *cb = NFSEC_HOLD_CB(skb);

	return cb->seq == e->seq && !strcmp(cb->map, e->map->name);
}

/* Moves the packets held for @e to @out. */
static void nfsec_hold_take(struct nfsec_hold *h, const struct nfsec_entry *e,
			    struct sk_buff_head *out)
{
	struct sk_buff *skb, *tmp;

	__skb_queue_head_init(out);
	spin_lock_bh(&h->lock);
	skb_queue_walk_safe(&h->queue, skb, tmp) {
		if (!nfsec_hold_for(skb, e))
			continue;
		__skb_unlink(skb, &h->queue);
		__skb_queue_tail(out, skb);
	}
	spin_unlock_bh(&h->lock);
}

/*
 * Under nn->lock, when @e is deleted (not replaced): its packets can no
 * longer go, and must not keep other entries' first packets out of the
 * queue until they expire.
 */
void nfsec_hold_drop(struct nfsec_net *nn, const struct nfsec_entry *e)
{
	struct sk_buff_head dead;
	struct sk_buff *skb;

	nfsec_hold_take(nn->hold, e, &dead);
	while ((skb = __skb_dequeue(&dead)))
		nfsec_kfree_skb(nn, skb, NFSEC_DROP_NO_SA);
}

/* Under nn->lock, when @e just got an outbound SA. */
void nfsec_hold_release(struct nfsec_net *nn, struct nfsec_entry *e)
{
	struct sk_buff_head go;
	struct nfsec_sa *sa, *ah;
	struct sk_buff *skb;
	u8 family;

	nfsec_hold_take(nn->hold, e, &go);
	while ((skb = __skb_dequeue(&go))) {
		family = NFSEC_HOLD_CB(skb)->family;
		local_bh_disable();
		rcu_read_lock();
		if (nfsec_entry_hold_sas(e, &sa, &ah))
			nfsec_output_sa(nn, sa, ah, skb, family);
		else
			nfsec_kfree_skb(nn, skb, NFSEC_DROP_NO_SA);
		rcu_read_unlock();
		local_bh_enable();
	}
}
