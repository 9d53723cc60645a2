// SPDX-License-Identifier: GPL-2.0
/*
 * nfsec's netfilter hooks.  nfsec sits in the netfilter path, not in XFRM:
 *
 *   PRE_ROUTING   after defragmentation, before conntrack: drops cleartext
 *                 a crypto map says should have arrived protected
 *   LOCAL_IN      after the filter tables: ESP and AH addressed to us are
 *                 checked, decrypted and the inner packet reinjected
 *                 (input.c); ICMP errors about our own ESP/AH lower the
 *                 path MTU to the peer (icmp.c)
 *   POST_ROUTING  after source NAT (as IOS applies a crypto map after NAT):
 *                 protects what the egress interface's map says (output.c)
 *
 * for IPv4 and IPv6, in every network namespace.  PRE_ROUTING and
 * POST_ROUTING also account every packet they see.
 */
#include <linux/netfilter.h>
#include <linux/netfilter_ipv4.h>
#include <linux/netfilter_ipv6.h>
#include <linux/skbuff.h>

#include "nfsec.h"

static unsigned int nfsec_hook_in(void *priv, struct sk_buff *skb,
				  const struct nf_hook_state *state)
{
	struct nfsec_net *nn = nfsec_net(state->net);

	nfsec_stats_count(nn->stats, NFSEC_DIR_IN, skb->len);
	return nfsec_input_clear(nn, skb, state);
}

static unsigned int nfsec_hook_local_in(void *priv, struct sk_buff *skb,
					const struct nf_hook_state *state)
{
	struct nfsec_net *nn = nfsec_net(state->net);

	nfsec_icmp_error(nn, skb, state->pf == NFPROTO_IPV4 ? AF_INET :
							      AF_INET6);
	return nfsec_input_esp(nn, skb, state);
}

static unsigned int nfsec_hook_out(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	struct nfsec_net *nn = nfsec_net(state->net);

	nfsec_stats_count(nn->stats, NFSEC_DIR_OUT, skb->len);
	return nfsec_output(nn, skb, state);
}

static const struct nf_hook_ops nfsec_hook_ops[] = {
	{
		.hook = nfsec_hook_in,
		.pf = NFPROTO_IPV4,
		.hooknum = NF_INET_PRE_ROUTING,
		.priority = NF_IP_PRI_CONNTRACK_DEFRAG + 1,
	},
	{
		.hook = nfsec_hook_local_in,
		.pf = NFPROTO_IPV4,
		.hooknum = NF_INET_LOCAL_IN,
		.priority = NF_IP_PRI_FILTER + 1,
	},
	{
		.hook = nfsec_hook_out,
		.pf = NFPROTO_IPV4,
		.hooknum = NF_INET_POST_ROUTING,
		.priority = NF_IP_PRI_NAT_SRC + 1,
	},
	{
		.hook = nfsec_hook_in,
		.pf = NFPROTO_IPV6,
		.hooknum = NF_INET_PRE_ROUTING,
		.priority = NF_IP6_PRI_CONNTRACK_DEFRAG + 1,
	},
	{
		.hook = nfsec_hook_local_in,
		.pf = NFPROTO_IPV6,
		.hooknum = NF_INET_LOCAL_IN,
		.priority = NF_IP6_PRI_FILTER + 1,
	},
	{
		.hook = nfsec_hook_out,
		.pf = NFPROTO_IPV6,
		.hooknum = NF_INET_POST_ROUTING,
		.priority = NF_IP6_PRI_NAT_SRC + 1,
	},
};

int nfsec_hooks_register(struct nfsec_net *nn)
{
	int err;

	err = nf_register_net_hooks(nn->net, nfsec_hook_ops,
				    ARRAY_SIZE(nfsec_hook_ops));
	if (err)
		return err;
	nn->hooks = ARRAY_SIZE(nfsec_hook_ops);
	return 0;
}

void nfsec_hooks_unregister(struct nfsec_net *nn)
{
	if (!nn->hooks)
		return;
	nf_unregister_net_hooks(nn->net, nfsec_hook_ops, nn->hooks);
	nn->hooks = 0;
}
