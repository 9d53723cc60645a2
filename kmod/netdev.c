// SPDX-License-Identifier: GPL-2.0
/*
 * Interfaces going away: a crypto map bound to an interface is unbound when
 * the interface is unregistered, so a later interface reusing its ifindex
 * does not inherit the map.  Runs under RTNL; takes nn->lock, which is never
 * held while taking RTNL.
 */
#include <linux/netdevice.h>

#include "nfsec.h"

static int nfsec_netdev_event(struct notifier_block *nb, unsigned long event,
			      void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct nfsec_net *nn;

	if (event != NETDEV_UNREGISTER)
		return NOTIFY_DONE;
	nn = nfsec_net(dev_net(dev));
	mutex_lock(&nn->lock);
	nfsec_spd_unbind(nn, dev->ifindex);	/* -ENOENT: had no map */
	mutex_unlock(&nn->lock);
	return NOTIFY_DONE;
}

static struct notifier_block nfsec_netdev_nb = {
	.notifier_call = nfsec_netdev_event,
};

int nfsec_netdev_init(void)
{
	return register_netdevice_notifier(&nfsec_netdev_nb);
}

void nfsec_netdev_exit(void)
{
	unregister_netdevice_notifier(&nfsec_netdev_nb);
}
