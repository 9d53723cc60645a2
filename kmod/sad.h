/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The Security Association Database of a network namespace.
 */
#ifndef _NFSEC_SAD_H
#define _NFSEC_SAD_H

#include <linux/refcount.h>
#include <linux/rhashtable-types.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <uapi/linux/nfsec.h>

#include "algs.h"
#include "lifetime.h"
#include "replay.h"
#include "selector.h"

struct crypto_ahash;
struct nfsec_net;
struct netlink_ext_ack;
struct sk_buff;

/* What names an SA: (SPI, outer destination, protocol). */
struct nfsec_sa_key {
	union nfsec_addr daddr;
	u32 spi;
	u8 proto;
	u8 family;
	u8 pad[2];	/* zero: keys are compared as bytes */
};

struct nfsec_lifetime {
	u64 soft_bytes, hard_bytes;
	u64 soft_packets, hard_packets;
	u64 soft_seconds, hard_seconds;
};

enum nfsec_sa_counter {
	NFSEC_SA_PACKETS,
	NFSEC_SA_BYTES,
	NFSEC_SA_CRYPTO,
	NFSEC_SA_DIGEST,
	NFSEC_SA_ERRORS,
	NFSEC_SA_REPLAY,
	NFSEC_SA_AUTH_FAIL,
	NFSEC_SA_COUNTERS
};

struct nfsec_sa_pcpu {
	u64_stats_t c[NFSEC_SA_COUNTERS];
	struct u64_stats_sync syncp;
	u32 life_bytes, life_packets;	/* lifetime.c: not yet folded */
};

/*
 * One SA.  Immutable once hashed, except: the counters and the lifetime
 * use (per CPU), the sequence number (atomic), the replay window (under
 * replay_lock), the lifetimes (under the netns lock, read racily by the
 * datapath) and dead.
 * Readers find SAs under RCU and hold a reference across async crypto; the
 * last reference frees the SA after a grace period, from a workqueue.
 *
 * The members are ordered to leave no hole: the struct is 512 bytes on a
 * production kernel and fits kmalloc-512.  At 528 it took a
 * kmalloc-1024 object, half of it unused, for every SA (see the assert).
 */
struct nfsec_sa {
	struct rhash_head node;
	struct nfsec_sa_key key;
	refcount_t refcnt;
	u32 conn_id;
	struct nfsec_net *nn;
	u8 dir;		/* enum nfsec_dir_attr */
	u8 mode;	/* enum nfsec_mode */
	bool esn;
	bool has_sel;
	bool dead;	/* past a hard limit or deleted: carries nothing */
	bool larval;	/* an SPI reserved by ALLOC_SPI, no keys yet */
	u16 icmp_mtu;	/* the path MTU an ICMP error reported (pmtu.c) */
	union nfsec_addr saddr;
	struct nfsec_algs algs;
	u8 enckeylen, authkeylen;
	struct crypto_aead *aead;	/* ESP */
	struct crypto_ahash *ahash;	/* AH: the keyed HMAC */
	u8 enckey[36];	/* kept for NFSEC_A_WITH_KEYS, wiped on free */
	u8 authkey[64];
	char map[NFSEC_MAP_NAME_MAX];
	u32 map_seq;
	u16 replay_window;	/* <= NFSEC_REPLAY_MAX */
	u16 pmtu;	/* the path MTU last judged by (reported) */
	u32 icmp_mtu_expires;	/* jiffies (low 32 bits) ending icmp_mtu */
	struct nfsec_selector sel;
	spinlock_t replay_lock;	/* serialises nfsec_replay_advance() */
	struct nfsec_lifetime life;
	time64_t add_time;	/* ktime_get_boottime_seconds() */
	unsigned long soft_fired;	/* bit per enum nfsec_limit */
	atomic64_t seq_out;
	struct nfsec_life_count life_bytes, life_packets;
	struct nfsec_replay *replay;
	struct nfsec_sa_pcpu __percpu *stats;
	struct list_head out_node;	/* nn->sad.out_list, under nn->lock */
	struct rcu_work free_work;
};

/*
 * Lock debugging makes spinlock_t (DEBUG_SPINLOCK, DEBUG_LOCK_ALLOC) and the
 * work_struct in rcu_work (LOCKDEP) larger; then it cannot fit.
 */
static_assert(IS_ENABLED(CONFIG_DEBUG_SPINLOCK) ||
	      IS_ENABLED(CONFIG_DEBUG_LOCK_ALLOC) ||
	      IS_ENABLED(CONFIG_LOCKDEP) ||
	      sizeof(struct nfsec_sa) <= 512);

struct nfsec_sad {
	struct rhashtable table;	/* every SA by key */
	struct xarray ids;		/* every SA by conn_id */
	u32 next_id;
	struct list_head out_list;	/* outbound SAs, oldest first */
	unsigned int count;		/* larval SAs included */
	unsigned int larval;
	atomic_t in_count;		/* inbound SAs: the datapath looks */
	u32 genid;			/* changes with every change */
	struct delayed_work expire_work;
};

int nfsec_sad_init(struct nfsec_net *nn);
void nfsec_sad_exit(struct nfsec_net *nn);

/*
 * The key of the ESP or AH header at @off of @skb, sent to @daddr; false
 * for other protocols or a truncated header.
 */
bool nfsec_sa_key_at(struct sk_buff *skb, unsigned int off, u8 proto,
		     u8 family, const union nfsec_addr *daddr,
		     struct nfsec_sa_key *key);

/* Under RCU; the SA is valid until rcu_read_unlock() unless held. */
struct nfsec_sa *nfsec_sad_lookup(struct nfsec_net *nn,
				  const struct nfsec_sa_key *key);
/* Under nn->lock, which keeps the SA in the table. */
struct nfsec_sa *nfsec_sad_find(struct nfsec_net *nn,
				const struct nfsec_sa_key *key);
struct nfsec_sa *nfsec_sad_get_by_id(struct nfsec_net *nn, unsigned long *id);

static inline bool nfsec_sa_hold(struct nfsec_sa *sa)
{
	return refcount_inc_not_zero(&sa->refcnt);
}

void nfsec_sa_put(struct nfsec_sa *sa);

/* Under nn->lock.  insert takes over @sa (freeing it on error). */
int nfsec_sad_insert(struct nfsec_net *nn, struct nfsec_sa *sa,
		     struct netlink_ext_ack *extack);
void nfsec_sad_remove(struct nfsec_net *nn, struct nfsec_sa *sa);

/* A new SA from a validated description, not yet inserted, or ERR_PTR. */
struct nfsec_sa *nfsec_sa_alloc(struct nfsec_net *nn);
void nfsec_sa_free_unhashed(struct nfsec_sa *sa);

void nfsec_sa_count(struct nfsec_sa *sa, enum nfsec_sa_counter c, u64 n);
/* A packet of @len bytes through @sa: packets, crypto, digest and bytes. */
void nfsec_sa_count_packet(struct nfsec_sa *sa, unsigned int len);
void nfsec_sa_counters(struct nfsec_sa *sa, u64 *out);
void nfsec_sa_counters_clear(struct nfsec_sa *sa);

/*
 * Datapath: accounts @bytes of payload against the lifetimes; false when a
 * hard limit is reached (the SA is then dead and its deletion scheduled).
 */
bool nfsec_sa_use(struct nfsec_sa *sa, unsigned int bytes);

/*
 * Outbound sequence numbers left when a soft EXPIRE (limit SEQ) asks the
 * keying daemon for a new SA: at 1 Mpps, four seconds of traffic.
 */
#define NFSEC_SEQ_SOFT_LEFT BIT_ULL(22)

/* The last sequence number @sa may send. */
static inline u64 nfsec_sa_seq_max(const struct nfsec_sa *sa)
{
	return sa->esn ? U64_MAX : U32_MAX;
}

/* Slow path of nfsec_sa_next_seq(): soft EXPIRE, or the SA dies. */
void nfsec_sa_seq_running_out(struct nfsec_sa *sa, u64 seq);

/*
 * The next outbound sequence number, or -EOVERFLOW once they are used up:
 * a counter never cycles under one key (RFC 4303 3.3.3, RFC 4302 3.3.2).
 * Near the end the SA raises a soft EXPIRE (limit SEQ); past it, it is
 * dead and raises the hard one, as a lifetime would.
 */
static inline int nfsec_sa_next_seq(struct nfsec_sa *sa, u64 *seq)
{
	u64 max = nfsec_sa_seq_max(sa);

	*seq = atomic64_inc_return(&sa->seq_out);
	if (unlikely(*seq > max - NFSEC_SEQ_SOFT_LEFT || !*seq)) {
		nfsec_sa_seq_running_out(sa, *seq);
		if (!*seq || *seq > max)
			return -EOVERFLOW;
	}
	return 0;
}

/* After the ICV verified: records @seq, -EEXIST if it was seen meanwhile. */
static inline int nfsec_sa_replay_advance(struct nfsec_sa *sa, u64 seq)
{
	enum nfsec_replay_verdict v;

	spin_lock_bh(&sa->replay_lock);
	v = nfsec_replay_advance(sa->replay, seq);
	spin_unlock_bh(&sa->replay_lock);
	return v == NFSEC_REPLAY_OK ? 0 : -EEXIST;
}

#endif /* _NFSEC_SAD_H */
