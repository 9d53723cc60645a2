/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one place where nfsec deals with differences between the kernels it
 * supports: Debian's 6.1 (bookworm) and 6.12 (bookworm-security, trixie).
 * Other files use the helpers below and never test LINUX_VERSION_CODE.
 */
#ifndef _NFSEC_COMPAT_H
#define _NFSEC_COMPAT_H

#include <linux/version.h>

#if KERNEL_VERSION(6, 1, 0) > LINUX_VERSION_CODE
#error "nfsec needs Linux 6.1 or newer"
#endif

/*
 * Crypto API completion callbacks: 6.3 passes the request's data pointer
 * instead of the request.  Declare callbacks as
 *   static void cb(NFSEC_CRYPTO_DONE_ARG, int err)
 * and get the data with nfsec_crypto_done_data(arg).
 */
#if KERNEL_VERSION(6, 3, 0) > LINUX_VERSION_CODE
#define NFSEC_CRYPTO_DONE_ARG struct crypto_async_request *nfsec_done_arg
#define nfsec_crypto_done_data(arg) ((arg)->data)
#else
#define NFSEC_CRYPTO_DONE_ARG void *nfsec_done_arg
#define nfsec_crypto_done_data(arg) (arg)
#endif

/* skb_gso_segment() and friends moved to net/gso.h in 6.5. */
#if KERNEL_VERSION(6, 5, 0) <= LINUX_VERSION_CODE
#include <net/gso.h>
#endif

/* The request attributes of a dump: genl_dumpit_info grew a genl_info. */
#if KERNEL_VERSION(6, 2, 0) > LINUX_VERSION_CODE
#define nfsec_dump_attrs(cb) (genl_dumpit_info(cb)->attrs)
#else
#define nfsec_dump_attrs(cb) (genl_dumpit_info(cb)->info.attrs)
#endif

/* Multicast groups limited to CAP_NET_ADMIN exist from 6.7 on. */
#ifdef GENL_MCAST_CAP_NET_ADMIN
#define NFSEC_MCGRP_FLAGS GENL_MCAST_CAP_NET_ADMIN
#else
#define NFSEC_MCGRP_FLAGS 0
#endif

/*
 * A NAPI context needs a device: a dummy one, never registered.  6.10
 * added alloc_netdev_dummy(); before it, the caller zeroes the memory.
 */
#if KERNEL_VERSION(6, 10, 0) > LINUX_VERSION_CODE
#include <linux/netdevice.h>
#include <linux/slab.h>

static inline struct net_device *nfsec_alloc_dummy_netdev(void)
{
	struct net_device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);

	if (dev)
		init_dummy_netdev(dev);
	return dev;
}

#define nfsec_free_dummy_netdev(dev) kfree(dev)
#else
#define nfsec_alloc_dummy_netdev() alloc_netdev_dummy(0)
#define nfsec_free_dummy_netdev(dev) free_netdev(dev)
#endif

#endif /* _NFSEC_COMPAT_H */
