// SPDX-License-Identifier: GPL-2.0
/*
 * The NFSEC_CMD_GET_STATUS reply: module version, ABI version, the kernel it
 * runs on and the state of the asking namespace (see uapi/linux/nfsec.h).
 */
#include <linux/utsname.h>
#include <net/netlink.h>
#include <uapi/linux/nfsec.h>

#include "nfsec.h"

static int nfsec_status_fill_netns(struct sk_buff *skb, struct nfsec_net *nn)
{
	struct nfsec_stats sum;
	struct nlattr *nest;

	nfsec_stats_sum(nn->stats, &sum);
	nest = nla_nest_start(skb, NFSEC_A_STATUS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, NFSEC_STATUS_A_HOOKS, nn->hooks) ||
	    nla_put_u64_64bit(skb, NFSEC_STATUS_A_RX_PACKETS, sum.packets[NFSEC_DIR_IN],
			      NFSEC_STATUS_A_PAD) ||
	    nla_put_u64_64bit(skb, NFSEC_STATUS_A_RX_BYTES, sum.bytes[NFSEC_DIR_IN],
			      NFSEC_STATUS_A_PAD) ||
	    nla_put_u64_64bit(skb, NFSEC_STATUS_A_TX_PACKETS, sum.packets[NFSEC_DIR_OUT],
			      NFSEC_STATUS_A_PAD) ||
	    nla_put_u64_64bit(skb, NFSEC_STATUS_A_TX_BYTES, sum.bytes[NFSEC_DIR_OUT],
			      NFSEC_STATUS_A_PAD) ||
	    nfsec_nslimits_fill(skb, nn))
		goto err_put;
	nla_nest_end(skb, nest);
	return 0;

err_put:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

int nfsec_status_fill(struct sk_buff *skb, struct nfsec_net *nn)
{
	if (nla_put_string(skb, NFSEC_A_VERSION, NFSEC_VERSION) ||
	    nla_put_u32(skb, NFSEC_A_ABI_VERSION, NFSEC_ABI_VERSION) ||
	    nla_put_string(skb, NFSEC_A_KERNEL_RELEASE, init_utsname()->release))
		return -EMSGSIZE;
	return nfsec_status_fill_netns(skb, nn);
}
