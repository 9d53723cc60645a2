/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nfsec internal declarations shared between the module's units.
 */
#ifndef _NFSEC_H
#define _NFSEC_H

#include <linux/types.h>
#include <linux/percpu.h>
#include <linux/u64_stats_sync.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "compat.h"

struct sk_buff;

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
	struct u64_stats_sync syncp;
};

struct nfsec_stats {
	u64 packets[NFSEC_DIR_MAX];
	u64 bytes[NFSEC_DIR_MAX];
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
};

/* stats.c */
struct nfsec_pcpu_stats __percpu *nfsec_stats_alloc(void);
void nfsec_stats_free(struct nfsec_pcpu_stats __percpu *stats);
void nfsec_stats_count(struct nfsec_pcpu_stats __percpu *stats,
		       enum nfsec_dir dir, unsigned int len);
void nfsec_stats_sum(struct nfsec_pcpu_stats __percpu *stats,
		     struct nfsec_stats *sum);

/* netns.c */
extern unsigned int nfsec_net_id;
struct nfsec_net *nfsec_net(const struct net *net);
int nfsec_netns_init(void);
void nfsec_netns_exit(void);

/* hooks.c */
int nfsec_hooks_register(struct nfsec_net *nn);
void nfsec_hooks_unregister(struct nfsec_net *nn);

/* status.c */
int nfsec_status_fill(struct sk_buff *skb, struct nfsec_net *nn);

/* genl.c */
int nfsec_genl_init(void);
void nfsec_genl_exit(void);

#endif /* _NFSEC_H */
