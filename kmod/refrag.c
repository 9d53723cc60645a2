// SPDX-License-Identifier: GPL-2.0
/*
 * IPv6 datagrams conntrack reassembled, sent through a tunnel as the
 * fragments they came in.
 *
 * With conntrack loaded, nf_defrag_ipv6 reassembles fragments before the
 * POST_ROUTING hook, and nfsec sees one datagram larger than the tunnel
 * carries.  Encrypted whole, it would leave as fragments of the outer
 * packet and reach the far router whole, which may not fragment it again
 * (IPv6 routers do not) and could only drop it.  So, as XFRM does, the
 * datagram is fragmented again first: ip6_fragment(), which 6.1 does not
 * export but reaches modules through netfilter's IPv6 ops (nf_ipv6_ops),
 * keeps its frag_list as it came where the pieces fit; no fragment is
 * larger than the largest that arrived or than the tunnel's inner MTU;
 * each fragment goes through the SA on its own.
 *
 * ip6_fragment() hands each fragment to a callback that takes no context:
 * the SAs are passed in a per-CPU slot, with bottom halves off so that
 * nothing else runs on the CPU between the fragments.  The slot is saved
 * and restored, should an output path ever nest.
 */
#include <linux/netfilter_ipv6.h>
#include <linux/percpu.h>
#include <net/ipv6.h>

#include "nfsec.h"

struct nfsec_refrag {
	struct nfsec_net *nn;
	struct nfsec_sa *sa, *ah;
};

static DEFINE_PER_CPU(struct nfsec_refrag *, nfsec_refrag_ctx);

static int nfsec_refrag_one(struct net *net, struct sock *sk,
			    struct sk_buff *skb)
{
	struct nfsec_refrag *rf = this_cpu_read(nfsec_refrag_ctx);

	/* A fragment of its own now: not judged as the datagram was. */
	memset(IP6CB(skb), 0, sizeof(*IP6CB(skb)));
	nfsec_output_hold(rf->sa, rf->ah);	/* nfsec_refragment()'s live */
	nfsec_output_sa(rf->nn, rf->sa, rf->ah, skb, AF_INET6);
	return 0;
}

bool nfsec_refragment(struct nfsec_net *nn, struct nfsec_sa *sa,
		      struct nfsec_sa *ah, struct sk_buff *skb, u8 family,
		      unsigned int inner_mtu)
{
	struct nfsec_refrag rf = { .nn = nn, .sa = sa, .ah = ah }, *prev;
	u16 max = family == AF_INET6 ? IP6CB(skb)->frag_max_size : 0;
	const struct nf_ipv6_ops *v6ops;
	int err;

	if (!max || sa->mode != NFSEC_MODE_TUNNEL || skb_is_gso(skb) ||
	    skb->len <= inner_mtu || !skb_dst(skb))
		return false;
	rcu_read_lock();
	v6ops = nf_get_ipv6_ops();
	if (!v6ops) {	/* IPv6 is off: encrypted whole, as before */
		rcu_read_unlock();
		return false;
	}
	IP6CB(skb)->frag_max_size = min_t(unsigned int, max, inner_mtu);
	skb->ignore_df = 1;	/* conntrack's reassembly sets it too */
	local_bh_disable();
	prev = this_cpu_read(nfsec_refrag_ctx);
	this_cpu_write(nfsec_refrag_ctx, &rf);
	err = v6ops->fragment(nn->net, skb->sk, skb, nfsec_refrag_one);
	this_cpu_write(nfsec_refrag_ctx, prev);
	local_bh_enable();
	rcu_read_unlock();
	if (err)	/* ip6_fragment() freed it and counted FRAGFAILS */
		nfsec_sa_count(sa, NFSEC_SA_ERRORS, 1);
	nfsec_output_put(sa, ah);
	return true;
}
