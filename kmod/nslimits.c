// SPDX-License-Identifier: GPL-2.0
/*
 * How much one network namespace may hold: SAs (larval ones among them),
 * crypto map entries and their rules.
 *
 * The family takes commands from a namespace's own root, which may be an
 * unprivileged user's (GENL_UNS_ADMIN_PERM, as XFRM).  What such a user
 * makes is charged to their memory cgroup (GFP_KERNEL_ACCOUNT everywhere a
 * request allocates), and the rule counters come from the namespace's own
 * pool (counters.c), so nothing one namespace holds is taken from another.
 * The limits bound what the cgroup cannot see: crypto transforms, the
 * SAD's hash table, the per-SA expiry walk.
 *
 * They are module parameters, the same for every namespace and writable
 * only by the host's root (/sys/module/nfsec/parameters/); a namespace
 * already past a lowered limit keeps what it has and may add nothing until
 * it is under again.  The defaults hold 100k tunnels of one entry each,
 * an SA pair per tunnel and a second pair while rekeying.
 */
#include <linux/moduleparam.h>
#include <net/netlink.h>

#include "nfsec.h"

static unsigned int max_sas = 1U << 19;
module_param(max_sas, uint, 0644);
MODULE_PARM_DESC(max_sas, "SAs per network namespace, larval ones included (524288)");

static unsigned int max_larval_sas = 1U << 16;
module_param(max_larval_sas, uint, 0644);
MODULE_PARM_DESC(max_larval_sas,
		 "SPIs reserved by ALLOC_SPI and not yet SAs, per network namespace (65536)");

static unsigned int max_entries = 1U << 18;
module_param(max_entries, uint, 0644);
MODULE_PARM_DESC(max_entries, "crypto map entries per network namespace (262144)");

static unsigned int max_rules = 1U << 20;
module_param(max_rules, uint, 0644);
MODULE_PARM_DESC(max_rules,
		 "rules of all crypto map entries per network namespace (1048576)");

int nfsec_nslimit_sa(struct nfsec_net *nn, bool larval,
		     struct netlink_ext_ack *extack)
{
	unsigned int max = READ_ONCE(max_sas);

	lockdep_assert_held(&nn->lock);
	if (nn->sad.count >= max) {
		NL_SET_ERR_MSG(extack,
			       "the namespace holds as many SAs as nfsec.max_sas allows");
		return -ENOSPC;
	}
	max = READ_ONCE(max_larval_sas);
	if (larval && nn->sad.larval >= max) {
		NL_SET_ERR_MSG(extack,
			       "the namespace has as many SPIs reserved as nfsec.max_larval_sas allows");
		return -ENOSPC;
	}
	return 0;
}

int nfsec_nslimit_entry(struct nfsec_net *nn, const struct nfsec_entry *e,
			const struct nfsec_entry *old,
			struct netlink_ext_ack *extack)
{
	unsigned int max = READ_ONCE(max_entries);
	u32 had = old ? old->nrules : 0;

	lockdep_assert_held(&nn->lock);
	if (!old && nn->spd.entries >= max) {
		NL_SET_ERR_MSG(extack,
			       "the namespace holds as many crypto map entries as nfsec.max_entries allows");
		return -ENOSPC;
	}
	max = READ_ONCE(max_rules);
	if (e->nrules > had && (u64)nn->spd.rules + e->nrules - had > max) {
		NL_SET_ERR_MSG(extack,
			       "the entry's rules would pass the namespace's limit, nfsec.max_rules");
		return -ENOSPC;
	}
	return 0;
}

int nfsec_nslimits_fill(struct sk_buff *skb, struct nfsec_net *nn)
{
	struct nlattr *nest = nla_nest_start(skb, NFSEC_STATUS_A_LIMITS);

	if (!nest)
		return -EMSGSIZE;
	mutex_lock(&nn->lock);
	if (nla_put_u32(skb, NFSEC_LIMITS_A_SAS, nn->sad.count) ||
	    nla_put_u32(skb, NFSEC_LIMITS_A_SAS_MAX, READ_ONCE(max_sas)) ||
	    nla_put_u32(skb, NFSEC_LIMITS_A_LARVAL, nn->sad.larval) ||
	    nla_put_u32(skb, NFSEC_LIMITS_A_LARVAL_MAX,
			READ_ONCE(max_larval_sas)) ||
	    nla_put_u32(skb, NFSEC_LIMITS_A_ENTRIES, nn->spd.entries) ||
	    nla_put_u32(skb, NFSEC_LIMITS_A_ENTRIES_MAX,
			READ_ONCE(max_entries)) ||
	    nla_put_u32(skb, NFSEC_LIMITS_A_RULES, nn->spd.rules) ||
	    nla_put_u32(skb, NFSEC_LIMITS_A_RULES_MAX, READ_ONCE(max_rules))) {
		mutex_unlock(&nn->lock);
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	mutex_unlock(&nn->lock);
	nla_nest_end(skb, nest);
	return 0;
}
