// SPDX-License-Identifier: GPL-2.0
/*
 * Per-network-namespace state.  Every namespace gets a struct nfsec_net when
 * it is created (or when the module loads, for those that exist), holding its
 * counters and its netfilter hooks; both go away with the namespace (or the
 * module).  What a namespace allocates is charged to the memory cgroup of
 * the task that asked (GFP_KERNEL_ACCOUNT), the namespace's own creator for
 * what is made here.
 */
#include <linux/module.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>

#include "nfsec.h"

unsigned int nfsec_net_id __read_mostly;

struct nfsec_net *nfsec_net(const struct net *net)
{
	return net_generic(net, nfsec_net_id);
}

/* The last packet in flight is done after exit killed the count. */
static void nfsec_inflight_release(struct percpu_ref *ref)
{
	struct nfsec_net *nn = container_of(ref, struct nfsec_net, inflight);

	complete(&nn->inflight_done);
}

static int __net_init nfsec_net_init(struct net *net)
{
	struct nfsec_net *nn = nfsec_net(net);
	int err;

	nn->net = net;
	mutex_init(&nn->lock);
	nfsec_counters_init(&nn->counters, NFSEC_COUNTERS_MAX);
	init_completion(&nn->inflight_done);
	err = percpu_ref_init(&nn->inflight, nfsec_inflight_release, 0,
			      GFP_KERNEL_ACCOUNT);
	if (err)
		return err;
	nn->stats = nfsec_stats_alloc();
	if (!nn->stats) {
		err = -ENOMEM;
		goto err_stats;
	}
	err = nfsec_sad_init(nn);
	if (err)
		goto err_sad;
	nfsec_spd_init(nn);
	err = nfsec_hold_init(nn);
	if (err)
		goto err_hold;
	err = nfsec_hooks_register(nn);
	if (err)
		goto err_hooks;
	return 0;

err_hooks:
	nfsec_hold_exit(nn);
err_hold:
	nfsec_sad_exit(nn);
err_sad:
	nfsec_stats_free(nn->stats);
	nn->stats = NULL;
err_stats:
	percpu_ref_exit(&nn->inflight);
	nfsec_counters_destroy(&nn->counters);
	return err;
}

static void __net_exit nfsec_net_exit(struct net *net)
{
	struct nfsec_net *nn = nfsec_net(net);

	/* No new packets once the hooks are gone; wait for async crypto. */
	nfsec_hooks_unregister(nn);
	percpu_ref_kill(&nn->inflight);
	wait_for_completion(&nn->inflight_done);
	nfsec_sad_exit(nn);
	nfsec_spd_exit(nn);
	nfsec_hold_exit(nn);
	nfsec_stats_free(nn->stats);
	nn->stats = NULL;
	percpu_ref_exit(&nn->inflight); /* killed: tryget_live fails till here */
}

/*
 * Entries give their rules' counters back from RCU callbacks: once those
 * ran, the pools can go.  One barrier for the whole batch of namespaces.
 */
static void __net_exit nfsec_net_exit_batch(struct list_head *net_exit_list)
{
	struct net *net;

	rcu_barrier();
	list_for_each_entry(net, net_exit_list, exit_list)
		nfsec_counters_destroy(&nfsec_net(net)->counters);
}

static struct pernet_operations nfsec_net_ops = {
	.init = nfsec_net_init,
	.exit = nfsec_net_exit,
	.exit_batch = nfsec_net_exit_batch,
	.id = &nfsec_net_id,
	.size = sizeof(struct nfsec_net),
};

int nfsec_netns_init(void)
{
	return register_pernet_subsys(&nfsec_net_ops);
}

void nfsec_netns_exit(void)
{
	unregister_pernet_subsys(&nfsec_net_ops);
}
