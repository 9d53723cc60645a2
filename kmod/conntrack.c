// SPDX-License-Identifier: GPL-2.0
/*
 * Conntrack confirmation before nfsec takes a packet over.
 *
 * nfsec steals outbound packets in POST_ROUTING, before the hook where
 * conntrack would confirm their entry (priority INT_MAX).  Unconfirmed,
 * every packet of a flow would look new, replies would not match
 * "ct state established" and NAT bindings would not persist.  So when a
 * packet carries an unconfirmed entry, nfsec confirms it first, through
 * __nf_conntrack_confirm() found at run time: nfsec does not depend on
 * nf_conntrack, and a packet can only carry an entry if that is loaded.
 * Conntrack helpers (FTP, SIP...) do not see such packets.
 */
#include <linux/module.h>
#include <linux/netfilter.h>
#include <net/netfilter/nf_conntrack.h>
#include <net/netfilter/nf_conntrack_core.h>

#include "nfsec.h"

#if IS_ENABLED(CONFIG_NF_CONNTRACK)
static int (*nfsec_confirm_fn)(struct sk_buff *skb);

static int (*nfsec_confirm_get(void))(struct sk_buff *skb)
{
	int (*fn)(struct sk_buff *skb) = READ_ONCE(nfsec_confirm_fn);

	if (fn)
		return fn;
	fn = symbol_get(__nf_conntrack_confirm);
	if (!fn)
		return NULL;
	if (cmpxchg(&nfsec_confirm_fn, NULL, fn))
		symbol_put(__nf_conntrack_confirm);	/* lost a race */
	return READ_ONCE(nfsec_confirm_fn);
}

unsigned int nfsec_ct_confirm(struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	int (*fn)(struct sk_buff *skb);

	if (!ct || nf_ct_is_confirmed(ct))
		return NF_ACCEPT;
	fn = nfsec_confirm_get();
	return fn ? fn(skb) : NF_ACCEPT;
}

void nfsec_ct_exit(void)
{
	if (nfsec_confirm_fn)
		symbol_put(__nf_conntrack_confirm);
}
#else
unsigned int nfsec_ct_confirm(struct sk_buff *skb)
{
	return NF_ACCEPT;
}

void nfsec_ct_exit(void)
{
}
#endif
