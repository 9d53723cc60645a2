/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nfsec internal declarations shared between the module's units.
 */
#ifndef _NFSEC_H
#define _NFSEC_H

#include <linux/completion.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/percpu.h>
#include <linux/percpu-refcount.h>
#include <linux/u64_stats_sync.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include <uapi/linux/nfsec.h>

#include "compat.h"
#include "counters.h"
#include "sad.h"
#include "spd.h"

struct sk_buff;
struct nf_hook_state;
struct nfsec_hold;
struct netlink_ext_ack;

/* Which way a packet crosses nfsec's hooks. */
enum nfsec_dir {
	NFSEC_DIR_IN,	/* PRE_ROUTING */
	NFSEC_DIR_OUT,	/* POST_ROUTING */
	NFSEC_DIR_MAX
};

/* Per-CPU packet counters; summed on read (stats.c). */
struct nfsec_pcpu_stats {
	struct {
		u64_stats_t packets;
		u64_stats_t bytes;
	} dir[NFSEC_DIR_MAX];
	u64_stats_t drops[__NFSEC_DROP_MAX];
	struct u64_stats_sync syncp;
};

struct nfsec_stats {
	u64 packets[NFSEC_DIR_MAX];
	u64 bytes[NFSEC_DIR_MAX];
	u64 drops[__NFSEC_DROP_MAX];
};

/*
 * State of one network namespace.  Created and destroyed by the pernet
 * operations (netns.c); stats is valid for the namespace's whole life,
 * hooks only between nfsec_hooks_register() and nfsec_hooks_unregister().
 */
struct nfsec_net {
	struct net *net;
	struct nfsec_pcpu_stats __percpu *stats;
	unsigned int hooks;
	struct mutex lock;	/* serialises changes to sad and spd */
	bool dying;		/* netns exit began: no new work */
	/*
	 * Packets between a hook and their crypto's completion (async).  Per
	 * CPU while the namespace lives: taken and dropped twice per packet,
	 * a shared atomic would bounce between CPUs.  Exit kills it and waits
	 * for inflight_done.
	 */
	struct percpu_ref inflight;
	struct completion inflight_done;
	struct nfsec_sad sad;
	struct nfsec_spd spd;
	struct nfsec_hold *hold;
	struct nfsec_counters counters;	/* the rules' match counts */
};

/* Module-wide workqueue: SA frees, expiry.  Drained on unload. */
extern struct workqueue_struct *nfsec_wq;

/* stats.c */
struct nfsec_pcpu_stats __percpu *nfsec_stats_alloc(void);
void nfsec_stats_free(struct nfsec_pcpu_stats __percpu *stats);
void nfsec_stats_count(struct nfsec_pcpu_stats __percpu *stats,
		       enum nfsec_dir dir, unsigned int len);
void nfsec_stats_sum(struct nfsec_pcpu_stats __percpu *stats,
		     struct nfsec_stats *sum);
void nfsec_stats_drop(struct nfsec_pcpu_stats __percpu *stats,
		      enum nfsec_drop_reason reason);
void nfsec_stats_clear_drops(struct nfsec_pcpu_stats __percpu *stats);

/* Counts a drop; returns NF_DROP for the hook to hand back. */
unsigned int nfsec_drop(struct nfsec_net *nn, enum nfsec_drop_reason reason);

/* Frees an skb nfsec owns, counting why. */
void nfsec_kfree_skb(struct nfsec_net *nn, struct sk_buff *skb,
		     enum nfsec_drop_reason reason);

/* output.c */
unsigned int nfsec_output(struct nfsec_net *nn, struct sk_buff *skb,
			  const struct nf_hook_state *state);
/*
 * Sends @skb (inner family @family) through @sa, then @ah for AH+ESP
 * bundles (else NULL); takes both references.
 */
void nfsec_output_sa(struct nfsec_net *nn, struct nfsec_sa *sa,
		     struct nfsec_sa *ah, struct sk_buff *skb, u8 family);
/* A reference more on @sa and @ah (if any), for another packet: both live. */
void nfsec_output_hold(struct nfsec_sa *sa, struct nfsec_sa *ah);
/* Gives back the references nfsec_output_sa() takes. */
void nfsec_output_put(struct nfsec_sa *sa, struct nfsec_sa *ah);

/*
 * refrag.c: an IPv6 datagram conntrack reassembled, larger than
 * @inner_mtu, leaves through tunnel @sa as fragments again, each through
 * nfsec_output_sa().  true when it took @skb and the references.
 */
bool nfsec_refragment(struct nfsec_net *nn, struct nfsec_sa *sa,
		      struct nfsec_sa *ah, struct sk_buff *skb, u8 family,
		      unsigned int inner_mtu);

/*
 * pmtu.c: the path MTU @sa's packet @skb (of @family, inside) is judged
 * against, its route @dst given; @dst, or a copy carrying @mtu when its own
 * PMTU is lower (NULL without memory; @dst is released either way).
 */
unsigned int nfsec_pmtu(struct nfsec_sa *sa, struct sk_buff *skb, u8 family,
			struct dst_entry *dst);
struct dst_entry *nfsec_pmtu_route(struct dst_entry *dst, u8 family,
				   unsigned int mtu);
/* An ICMP error about @sa's packets reported @mtu. */
void nfsec_pmtu_learn(struct nfsec_sa *sa, u32 mtu);
/* @sa takes over from @old: what @old learned holds for it too. */
void nfsec_pmtu_inherit(struct nfsec_sa *sa, const struct nfsec_sa *old);

/* icmp.c: PMTU from ICMP errors quoting our ESP/AH (the packet goes on) */
void nfsec_icmp_error(struct nfsec_net *nn, struct sk_buff *skb, u8 family);

/* input.c */
unsigned int nfsec_input_esp(struct nfsec_net *nn, struct sk_buff *skb,
			     const struct nf_hook_state *state);
unsigned int nfsec_input_clear(struct nfsec_net *nn, struct sk_buff *skb,
			       const struct nf_hook_state *state);

/*
 * gro.c: decapsulated packets back into the stack.  nfsec_gro_receive()
 * takes @skb and the reference on skb->dev and returns 0; or -ENOBUFS when
 * the CPU's queue is full, -ELOOP when tunnels nest too deep, and the
 * caller still owns both.
 */
int nfsec_gro_init(void);
void nfsec_gro_exit(void);
int nfsec_gro_receive(struct sk_buff *skb);
bool nfsec_reinjecting(void);

/* netdev.c */
int nfsec_netdev_init(void);
void nfsec_netdev_exit(void);

/* conntrack.c */
unsigned int nfsec_ct_confirm(struct sk_buff *skb);
void nfsec_ct_exit(void);

/* hold.c: packets waiting for an SA after an ACQUIRE */
int nfsec_hold_init(struct nfsec_net *nn);
void nfsec_hold_exit(struct nfsec_net *nn);
unsigned int nfsec_acquire(struct nfsec_net *nn, struct nfsec_entry *e,
			   struct sk_buff *skb, const struct nfsec_flow *fl);
void nfsec_hold_release(struct nfsec_net *nn, struct nfsec_entry *e);
void nfsec_hold_drop(struct nfsec_net *nn, const struct nfsec_entry *e);

/* sa.c: SA life cycle across SAD, SPD and events */
int nfsec_sa_add(struct nfsec_net *nn, struct nfsec_sa *sa,
		 struct netlink_ext_ack *extack);
void nfsec_sa_delete(struct nfsec_net *nn, struct nfsec_sa *sa);
unsigned int nfsec_sa_flush(struct nfsec_net *nn, u8 scope,
			    const struct nfsec_sa_key *key, const char *map);

/* events.c */
void nfsec_event_expire(struct nfsec_net *nn, struct nfsec_sa *sa, bool hard,
			u8 limit);
void nfsec_event_sa_deleted(struct nfsec_net *nn, struct nfsec_sa *sa);
void nfsec_event_acquire(struct nfsec_net *nn, const struct nfsec_entry *e,
			 const struct nfsec_flow *fl, u32 seq);

/* genl_sa.c, genl_policy.c: attribute encoding shared with events */
int nfsec_sa_fill(struct sk_buff *msg, struct nfsec_sa *sa, bool keys);
int nfsec_entry_fill_id(struct sk_buff *msg, const struct nfsec_entry *e);
int nfsec_selector_fill(struct sk_buff *msg, int attrtype,
			const struct nfsec_selector *sel);
int nfsec_flow_fill(struct sk_buff *msg, int attrtype,
		    const struct nfsec_flow *fl);

/* netns.c */
extern unsigned int nfsec_net_id;
struct nfsec_net *nfsec_net(const struct net *net);
int nfsec_netns_init(void);
void nfsec_netns_exit(void);

/* hooks.c */
int nfsec_hooks_register(struct nfsec_net *nn);
void nfsec_hooks_unregister(struct nfsec_net *nn);

/*
 * nslimits.c: what one namespace may hold.  Under nn->lock; 0, or -ENOSPC
 * with @extack naming the module parameter.
 */
int nfsec_nslimit_sa(struct nfsec_net *nn, bool larval,
		     struct netlink_ext_ack *extack);
/* @e replaces @old (or NULL): room for its rules, and for a new entry? */
int nfsec_nslimit_entry(struct nfsec_net *nn, const struct nfsec_entry *e,
			const struct nfsec_entry *old,
			struct netlink_ext_ack *extack);
/* NFSEC_STATUS_A_LIMITS; takes nn->lock. */
int nfsec_nslimits_fill(struct sk_buff *skb, struct nfsec_net *nn);

/* status.c */
int nfsec_status_fill(struct sk_buff *skb, struct nfsec_net *nn);

/* genl.c */
int nfsec_genl_init(void);
void nfsec_genl_exit(void);
extern struct genl_family nfsec_genl_family;

#endif /* _NFSEC_H */
