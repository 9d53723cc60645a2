// SPDX-License-Identifier: GPL-2.0
/*
 * nfsec: IPsec (ESP/AH) in the netfilter hook path.  Module entry points.
 */
#include <linux/module.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <uapi/linux/nfsec.h>

#include "nfsec.h"
#include "scratch.h"

struct workqueue_struct *nfsec_wq __read_mostly;

static int __init nfsec_init(void)
{
	int err;

	nfsec_wq = alloc_workqueue("nfsec", WQ_MEM_RECLAIM, 0);
	if (!nfsec_wq)
		return -ENOMEM;
	err = nfsec_scratch_init();
	if (err)
		goto err_scratch;
	err = nfsec_gro_init();
	if (err)
		goto err_gro;
	err = nfsec_netns_init();
	if (err)
		goto err_netns;
	err = nfsec_netdev_init();
	if (err)
		goto err_netdev;
	err = nfsec_genl_init();
	if (err)
		goto err_genl;

	pr_info("nfsec " NFSEC_VERSION " loaded (ABI %d)\n", NFSEC_ABI_VERSION);
	return 0;

err_genl:
	nfsec_netdev_exit();
err_netdev:
	nfsec_netns_exit();
err_netns:
	nfsec_gro_exit();
err_gro:
	nfsec_scratch_exit();
err_scratch:
	destroy_workqueue(nfsec_wq);
	return err;
}

static void __exit nfsec_exit(void)
{
	nfsec_genl_exit();
	nfsec_netdev_exit();
	nfsec_netns_exit();
	nfsec_gro_exit();
	rcu_barrier();	/* SA frees queue their work after a grace period */
	destroy_workqueue(nfsec_wq);
	nfsec_scratch_exit();
	nfsec_ct_exit();
	pr_info("nfsec unloaded\n");
}

module_init(nfsec_init);
module_exit(nfsec_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("IPsec (ESP/AH) in the netfilter hook path");
MODULE_AUTHOR("The nfsec authors");
MODULE_VERSION(NFSEC_VERSION);
MODULE_ALIAS_GENL_FAMILY(NFSEC_GENL_NAME);
