// SPDX-License-Identifier: GPL-2.0
/*
 * The Security Association Database (see sad.h).
 *
 * Locking: changes happen under nn->lock (a mutex, taken by the netlink
 * handlers and the expiry work).  The datapath looks SAs up in an RCU
 * rhashtable keyed by (SPI, destination, protocol) and never takes a lock,
 * except the replay window's spinlock on inbound SAs.  An SA leaves the
 * table first, then dies when its last reference goes, after a grace period
 * (queue_rcu_work), so a packet in async crypto never sees it freed.
 */
#include <crypto/aead.h>
#include <crypto/hash.h>
#include <linux/skbuff.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "lifetime.h"
#include "nfsec.h"
#include "replay.h"
#include "sad.h"

#define NFSEC_EXPIRE_PERIOD HZ

static const struct rhashtable_params nfsec_sad_params = {
	.key_len = sizeof(struct nfsec_sa_key),
	.key_offset = offsetof(struct nfsec_sa, key),
	.head_offset = offsetof(struct nfsec_sa, node),
	.automatic_shrinking = true,
};

static void nfsec_sa_free_work(struct work_struct *work)
{
	struct nfsec_sa *sa = container_of(to_rcu_work(work), struct nfsec_sa,
					   free_work);

	if (sa->aead)
		crypto_free_aead(sa->aead);
	if (sa->ahash)
		crypto_free_ahash(sa->ahash);
	nfsec_replay_free(sa->replay);
	free_percpu(sa->stats);
	kfree_sensitive(sa);
}

/*
 * lifetime.c: each CPU folds its lifetime use into the SA's after this
 * much.  Limits stay exact; a larger batch only widens the stretch before
 * a limit in which every packet sums the CPUs.
 */
#define NFSEC_LIFE_BATCH_BYTES (64 * 1024)
#define NFSEC_LIFE_BATCH_PACKETS 64

struct nfsec_sa *nfsec_sa_alloc(struct nfsec_net *nn)
{
	struct nfsec_sa *sa;
	int cpu;

	sa = kzalloc(sizeof(*sa), GFP_KERNEL_ACCOUNT);
	if (!sa)
		return ERR_PTR(-ENOMEM);
	sa->stats = alloc_percpu_gfp(struct nfsec_sa_pcpu, GFP_KERNEL_ACCOUNT);
	if (!sa->stats) {
		kfree(sa);
		return ERR_PTR(-ENOMEM);
	}
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(sa->stats, cpu)->syncp);
	nfsec_life_count_init(&sa->life_bytes, NFSEC_LIFE_BATCH_BYTES);
	nfsec_life_count_init(&sa->life_packets, NFSEC_LIFE_BATCH_PACKETS);
	sa->nn = nn;
	refcount_set(&sa->refcnt, 1);
	spin_lock_init(&sa->replay_lock);
	INIT_LIST_HEAD(&sa->out_node);
	INIT_RCU_WORK(&sa->free_work, nfsec_sa_free_work);
	return sa;
}

/* For an SA that never reached the table: no grace period needed. */
void nfsec_sa_free_unhashed(struct nfsec_sa *sa)
{
	nfsec_sa_free_work(&sa->free_work.work);
}

void nfsec_sa_put(struct nfsec_sa *sa)
{
	if (refcount_dec_and_test(&sa->refcnt))
		queue_rcu_work(nfsec_wq, &sa->free_work);
}

bool nfsec_sa_key_at(struct sk_buff *skb, unsigned int off, u8 proto,
		     u8 family, const union nfsec_addr *daddr,
		     struct nfsec_sa_key *key)
{
	__be32 _spi, *spi;

	if (proto != IPPROTO_ESP && proto != IPPROTO_AH)
		return false;
	/* The SPI: first in ESP, after 4 bytes in AH. */
	spi = skb_header_pointer(skb, off + (proto == IPPROTO_AH ? 4 : 0),
				 sizeof(_spi), &_spi);
	if (!spi)
		return false;
	memset(key, 0, sizeof(*key));
	key->spi = ntohl(*spi);
	key->proto = proto;
	key->family = family;
	key->daddr = *daddr;
	return true;
}

struct nfsec_sa *nfsec_sad_lookup(struct nfsec_net *nn,
				  const struct nfsec_sa_key *key)
{
	return rhashtable_lookup(&nn->sad.table, key, nfsec_sad_params);
}

struct nfsec_sa *nfsec_sad_find(struct nfsec_net *nn,
				const struct nfsec_sa_key *key)
{
	struct nfsec_sa *sa;

	lockdep_assert_held(&nn->lock);
	rcu_read_lock();	/* rhashtable wants it; nn->lock keeps sa */
	sa = nfsec_sad_lookup(nn, key);
	rcu_read_unlock();
	return sa;
}

/* The SA with the smallest conn_id >= *@id, under nn->lock or RCU. */
struct nfsec_sa *nfsec_sad_get_by_id(struct nfsec_net *nn, unsigned long *id)
{
	return xa_find(&nn->sad.ids, id, ULONG_MAX, XA_PRESENT);
}

static void nfsec_sad_changed(struct nfsec_net *nn)
{
	nn->sad.genid++;
}

int nfsec_sad_insert(struct nfsec_net *nn, struct nfsec_sa *sa,
		     struct netlink_ext_ack *extack)
{
	struct nfsec_sad *sad = &nn->sad;
	int err;

	lockdep_assert_held(&nn->lock);
	err = nfsec_nslimit_sa(nn, sa->larval, extack);
	if (err)
		goto err_id;
	err = xa_alloc_cyclic(&sad->ids, &sa->conn_id, sa,
			      XA_LIMIT(1, S32_MAX), &sad->next_id,
			      GFP_KERNEL_ACCOUNT);
	if (err < 0)
		goto err_id;
	sa->add_time = ktime_get_boottime_seconds();
	err = rhashtable_lookup_insert_fast(&sad->table, &sa->node,
					    nfsec_sad_params);
	if (err)
		goto err_hash;

	if (sa->dir == NFSEC_SA_DIR_OUT)
		list_add_tail(&sa->out_node, &sad->out_list);
	else
		atomic_inc(&sad->in_count);
	sad->count++;
	sad->larval += sa->larval;
	nfsec_sad_changed(nn);
	mod_delayed_work(nfsec_wq, &sad->expire_work, NFSEC_EXPIRE_PERIOD);
	return 0;

err_hash:
	xa_erase(&sad->ids, sa->conn_id);
err_id:
	nfsec_sa_free_unhashed(sa);
	return err;
}

void nfsec_sad_remove(struct nfsec_net *nn, struct nfsec_sa *sa)
{
	struct nfsec_sad *sad = &nn->sad;

	lockdep_assert_held(&nn->lock);
	WRITE_ONCE(sa->dead, true);
	rhashtable_remove_fast(&sad->table, &sa->node, nfsec_sad_params);
	xa_erase(&sad->ids, sa->conn_id);
	if (sa->dir == NFSEC_SA_DIR_OUT)
		list_del_init(&sa->out_node);
	else
		atomic_dec(&sad->in_count);
	sad->count--;
	sad->larval -= sa->larval;
	nfsec_sad_changed(nn);
	nfsec_sa_put(sa);
}

void nfsec_sa_count(struct nfsec_sa *sa, enum nfsec_sa_counter c, u64 n)
{
	struct nfsec_sa_pcpu *s = get_cpu_ptr(sa->stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_add(&s->c[c], n);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(sa->stats);
}

void nfsec_sa_count_packet(struct nfsec_sa *sa, unsigned int len)
{
	struct nfsec_sa_pcpu *s = get_cpu_ptr(sa->stats);
	unsigned long flags;

	flags = u64_stats_update_begin_irqsave(&s->syncp);
	u64_stats_inc(&s->c[NFSEC_SA_PACKETS]);
	if (sa->key.proto == IPPROTO_ESP)
		u64_stats_inc(&s->c[NFSEC_SA_CRYPTO]);
	u64_stats_inc(&s->c[NFSEC_SA_DIGEST]);
	u64_stats_add(&s->c[NFSEC_SA_BYTES], len);
	u64_stats_update_end_irqrestore(&s->syncp, flags);
	put_cpu_ptr(sa->stats);
}

void nfsec_sa_counters(struct nfsec_sa *sa, u64 *out)
{
	unsigned int start;
	int cpu, i;
	u64 v[NFSEC_SA_COUNTERS];

	memset(out, 0, sizeof(u64) * NFSEC_SA_COUNTERS);
	for_each_possible_cpu(cpu) {
		const struct nfsec_sa_pcpu *s = per_cpu_ptr(sa->stats, cpu);

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (i = 0; i < NFSEC_SA_COUNTERS; i++)
				v[i] = u64_stats_read(&s->c[i]);
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (i = 0; i < NFSEC_SA_COUNTERS; i++)
			out[i] += v[i];
	}
}

void nfsec_sa_counters_clear(struct nfsec_sa *sa)
{
	int cpu, i;

	for_each_possible_cpu(cpu) {
		struct nfsec_sa_pcpu *s = per_cpu_ptr(sa->stats, cpu);
		unsigned long flags;

		flags = u64_stats_update_begin_irqsave(&s->syncp);
		for (i = 0; i < NFSEC_SA_COUNTERS; i++)
			u64_stats_set(&s->c[i], 0);
		u64_stats_update_end_irqrestore(&s->syncp, flags);
	}
}

/* From the datapath, under RCU: nfsec_sad_exit() waits for a grace period. */
static void nfsec_sa_kick_expiry(struct nfsec_sa *sa)
{
	struct nfsec_net *nn = sa->nn;

	if (!READ_ONCE(nn->dying))
		mod_delayed_work(nfsec_wq, &nn->sad.expire_work, 0);
}

static bool nfsec_limit_reached(u64 limit, u64 used)
{
	return limit && used >= limit;
}

/* The nearest of @hard and, until it has fired, @soft; 0 for neither. */
static u64 nfsec_limit_watched(u64 hard, u64 soft, bool soft_fired)
{
	if (!soft || soft_fired)
		return hard;
	return hard ? min(hard, soft) : soft;
}

static u64 nfsec_sa_use_bytes(struct nfsec_sa *sa, unsigned int bytes)
{
	u64 watch = nfsec_limit_watched(sa->life.hard_bytes,
					sa->life.soft_bytes,
					test_bit(NFSEC_LIMIT_BYTES,
						 &sa->soft_fired));

	return nfsec_life_count_add(&sa->life_bytes, &sa->stats->life_bytes,
				    bytes, watch);
}

static u64 nfsec_sa_use_packet(struct nfsec_sa *sa)
{
	u64 watch = nfsec_limit_watched(sa->life.hard_packets,
					sa->life.soft_packets,
					test_bit(NFSEC_LIMIT_PACKETS,
						 &sa->soft_fired));

	return nfsec_life_count_add(&sa->life_packets,
				    &sa->stats->life_packets, 1, watch);
}

bool nfsec_sa_use(struct nfsec_sa *sa, unsigned int bytes)
{
	u64 b = nfsec_sa_use_bytes(sa, bytes);
	u64 p = nfsec_sa_use_packet(sa);

	if (nfsec_limit_reached(sa->life.hard_bytes, b) ||
	    nfsec_limit_reached(sa->life.hard_packets, p)) {
		if (!xchg(&sa->dead, true))
			nfsec_sa_kick_expiry(sa);
		return false;
	}
	if (nfsec_limit_reached(sa->life.soft_bytes, b) &&
	    !test_and_set_bit(NFSEC_LIMIT_BYTES, &sa->soft_fired))
		nfsec_sa_kick_expiry(sa);
	if (nfsec_limit_reached(sa->life.soft_packets, p) &&
	    !test_and_set_bit(NFSEC_LIMIT_PACKETS, &sa->soft_fired))
		nfsec_sa_kick_expiry(sa);
	return true;
}

void nfsec_sa_seq_running_out(struct nfsec_sa *sa, u64 seq)
{
	if (!seq || seq > nfsec_sa_seq_max(sa)) {
		if (!xchg(&sa->dead, true))
			nfsec_sa_kick_expiry(sa);
		return;
	}
	if (!test_and_set_bit(NFSEC_LIMIT_SEQ, &sa->soft_fired))
		nfsec_sa_kick_expiry(sa);
}

/* 64-bit ESN counters do not run out in practice; 32-bit ones do. */
static bool nfsec_sa_seq_exhausted(struct nfsec_sa *sa)
{
	return sa->dir == NFSEC_SA_DIR_OUT && !sa->esn &&
	       atomic64_read(&sa->seq_out) > U32_MAX;
}

/* Which hard limit killed @sa, for the EXPIRE event. */
static u8 nfsec_sa_hard_limit(struct nfsec_sa *sa)
{
	if (nfsec_sa_seq_exhausted(sa))
		return NFSEC_LIMIT_SEQ;
	if (nfsec_limit_reached(sa->life.hard_bytes,
				nfsec_life_count_sum(&sa->life_bytes,
						     &sa->stats->life_bytes)))
		return NFSEC_LIMIT_BYTES;
	if (nfsec_limit_reached(sa->life.hard_packets,
				nfsec_life_count_sum(&sa->life_packets,
						     &sa->stats->life_packets)))
		return NFSEC_LIMIT_PACKETS;
	return NFSEC_LIMIT_SECONDS;
}

static void nfsec_sa_expire_soft(struct nfsec_sa *sa, time64_t age)
{
	unsigned long bit;

	if (nfsec_limit_reached(sa->life.soft_seconds, age))
		set_bit(NFSEC_LIMIT_SECONDS, &sa->soft_fired);
	/* soft_fired bits 0-3 fire, bits 8-11 say the event went out. */
	for (bit = 0; bit <= NFSEC_LIMIT_SEQ; bit++) {
		if (test_bit(bit, &sa->soft_fired) &&
		    !test_and_set_bit(bit + 8, &sa->soft_fired))
			nfsec_event_expire(sa->nn, sa, false, bit);
	}
}

static void nfsec_sad_expire_one(struct nfsec_net *nn, struct nfsec_sa *sa,
				 time64_t now)
{
	time64_t age = now - sa->add_time;

	if (sa->larval) {
		if (age >= sa->life.hard_seconds)
			nfsec_sad_remove(nn, sa);
		return;
	}
	if (READ_ONCE(sa->dead) ||
	    nfsec_limit_reached(sa->life.hard_seconds, age)) {
		nfsec_event_expire(nn, sa, true, nfsec_sa_hard_limit(sa));
		nfsec_sa_delete(nn, sa);
		return;
	}
	nfsec_sa_expire_soft(sa, age);
}

static void nfsec_sad_expire_work(struct work_struct *work)
{
	struct nfsec_net *nn = container_of(to_delayed_work(work),
					    struct nfsec_net,
					    sad.expire_work);
	time64_t now = ktime_get_boottime_seconds();
	struct nfsec_sa *sa;
	unsigned long id;

	mutex_lock(&nn->lock);
	xa_for_each(&nn->sad.ids, id, sa)
		nfsec_sad_expire_one(nn, sa, now);
	if (nn->sad.count && !nn->dying)
		queue_delayed_work(nfsec_wq, &nn->sad.expire_work,
				   NFSEC_EXPIRE_PERIOD);
	mutex_unlock(&nn->lock);
}

int nfsec_sad_init(struct nfsec_net *nn)
{
	struct nfsec_sad *sad = &nn->sad;

	xa_init_flags(&sad->ids, XA_FLAGS_ALLOC1);
	INIT_LIST_HEAD(&sad->out_list);
	INIT_DELAYED_WORK(&sad->expire_work, nfsec_sad_expire_work);
	return rhashtable_init(&sad->table, &nfsec_sad_params);
}

/* Called with the netns going away: nothing can add SAs any more. */
void nfsec_sad_exit(struct nfsec_net *nn)
{
	struct nfsec_sa *sa;
	unsigned long id;

	mutex_lock(&nn->lock);
	WRITE_ONCE(nn->dying, true);
	xa_for_each(&nn->sad.ids, id, sa)
		nfsec_sad_remove(nn, sa);
	mutex_unlock(&nn->lock);
	synchronize_rcu();
	cancel_delayed_work_sync(&nn->sad.expire_work);
	rhashtable_destroy(&nn->sad.table);
	xa_destroy(&nn->sad.ids);
}
