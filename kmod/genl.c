// SPDX-License-Identifier: GPL-2.0
/*
 * The generic-netlink family "nfsec": registration, policies and the command
 * handlers.  The ABI is documented in uapi/linux/nfsec.h.
 */
#include <net/genetlink.h>
#include <uapi/linux/nfsec.h>

#include "nfsec.h"

/*
 * Attributes a request may carry.  Reply-only attributes are rejected with a
 * message rather than silently ignored.
 */
static const struct nla_policy nfsec_genl_policy[NFSEC_A_MAX + 1] = {
	[NFSEC_A_VERSION] = { .type = NLA_REJECT,
			      .reject_message = "NFSEC_A_VERSION is reply-only" },
	[NFSEC_A_ABI_VERSION] = {
		.type = NLA_REJECT,
		.reject_message = "NFSEC_A_ABI_VERSION is reply-only" },
	[NFSEC_A_KERNEL_RELEASE] = {
		.type = NLA_REJECT,
		.reject_message = "NFSEC_A_KERNEL_RELEASE is reply-only" },
	[NFSEC_A_STATUS] = { .type = NLA_REJECT,
			     .reject_message = "NFSEC_A_STATUS is reply-only" },
};

static struct genl_family nfsec_genl_family;

static int nfsec_genl_get_status(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	hdr = genlmsg_put_reply(msg, info, &nfsec_genl_family, 0,
				NFSEC_CMD_GET_STATUS);
	if (!hdr) {
		err = -EMSGSIZE;
		goto err_free;
	}
	err = nfsec_status_fill(msg, nn);
	if (err)
		goto err_free;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_free:
	nlmsg_free(msg);
	return err;
}

static const struct genl_ops nfsec_genl_ops[] = {
	{
		.cmd = NFSEC_CMD_GET_STATUS,
		.doit = nfsec_genl_get_status,
	},
};

static struct genl_family nfsec_genl_family __ro_after_init = {
	.name = NFSEC_GENL_NAME,
	.version = NFSEC_GENL_VERSION,
	.maxattr = NFSEC_A_MAX,
	.policy = nfsec_genl_policy,
	.netnsok = true,
	.parallel_ops = true,
	.ops = nfsec_genl_ops,
	.n_ops = ARRAY_SIZE(nfsec_genl_ops),
	.module = THIS_MODULE,
};

int __init nfsec_genl_init(void)
{
	return genl_register_family(&nfsec_genl_family);
}

void nfsec_genl_exit(void)
{
	genl_unregister_family(&nfsec_genl_family);
}
