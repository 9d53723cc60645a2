// SPDX-License-Identifier: GPL-2.0
/*
 * The generic-netlink family "nfsec": registration, the top-level policy,
 * the status, flush and counter commands, and the command table.  SA and
 * crypto map commands live in genl_sa.c and genl_policy.c; the ABI is
 * documented in uapi/linux/nfsec.h.
 */
#include <net/genetlink.h>
#include <uapi/linux/nfsec.h>

#include "genl.h"
#include "nfsec.h"
#include "nlattr.h"

#define NFSEC_REPLY_ONLY(attr) \
	[attr] = { .type = NLA_REJECT, .reject_message = #attr " is reply-only" }

/*
 * Attributes a request may carry.  Reply-only attributes are rejected with a
 * message rather than silently ignored.
 */
static const struct nla_policy nfsec_genl_policy[NFSEC_A_MAX + 1] = {
	NFSEC_REPLY_ONLY(NFSEC_A_VERSION),
	NFSEC_REPLY_ONLY(NFSEC_A_ABI_VERSION),
	NFSEC_REPLY_ONLY(NFSEC_A_KERNEL_RELEASE),
	NFSEC_REPLY_ONLY(NFSEC_A_STATUS),
	[NFSEC_A_SA] = NLA_POLICY_NESTED(nfsec_sa_policy),
	[NFSEC_A_POLICY] = NLA_POLICY_NESTED(nfsec_pol_policy),
	[NFSEC_A_MAP_NAME] = { .type = NLA_NUL_STRING,
			       .len = NFSEC_MAP_NAME_MAX - 1 },
	[NFSEC_A_IFINDEX] = NLA_POLICY_MIN(NLA_U32, 1),
	[NFSEC_A_WITH_KEYS] = { .type = NLA_FLAG },
	[NFSEC_A_SPI_MIN] = { .type = NLA_U32 },
	[NFSEC_A_SPI_MAX] = { .type = NLA_U32 },
	[NFSEC_A_FLUSH_SCOPE] = NLA_POLICY_MAX(NLA_U8, __NFSEC_FLUSH_MAX - 1),
	NFSEC_REPLY_ONLY(NFSEC_A_COUNT),
	NFSEC_REPLY_ONLY(NFSEC_A_DROPS),
	NFSEC_REPLY_ONLY(NFSEC_A_FLOW),
	NFSEC_REPLY_ONLY(NFSEC_A_ACQUIRE_SEQ),
	NFSEC_REPLY_ONLY(NFSEC_A_EXPIRE_HARD),
	NFSEC_REPLY_ONLY(NFSEC_A_EXPIRE_LIMIT),
	[NFSEC_A_RULES] = NLA_POLICY_NESTED(nfsec_rules_policy),
	[NFSEC_A_REPLACE] = { .type = NLA_FLAG },
};

void *nfsec_genl_put(struct sk_buff *msg, struct genl_info *info, u8 cmd)
{
	return genlmsg_put_reply(msg, info, &nfsec_genl_family, 0, cmd);
}

/* A reply built by @fill, or its error. */
static int nfsec_genl_reply(struct genl_info *info, u8 cmd,
			    int (*fill)(struct sk_buff *msg,
					struct nfsec_net *nn, void *arg),
			    void *arg)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = nfsec_genl_put(msg, info, cmd);
	if (!hdr) {
		err = -EMSGSIZE;
		goto err_free;
	}
	err = fill(msg, nn, arg);
	if (err)
		goto err_free;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

err_free:
	nlmsg_free(msg);
	return err;
}

static int nfsec_fill_status(struct sk_buff *msg, struct nfsec_net *nn,
			     void *arg)
{
	return nfsec_status_fill(msg, nn);
}

static int nfsec_genl_get_status(struct sk_buff *skb, struct genl_info *info)
{
	return nfsec_genl_reply(info, NFSEC_CMD_GET_STATUS, nfsec_fill_status,
				NULL);
}

static int nfsec_fill_count(struct sk_buff *msg, struct nfsec_net *nn,
			    void *arg)
{
	return nla_put_u32(msg, NFSEC_A_COUNT, *(unsigned int *)arg);
}

static int nfsec_genl_flush_args(struct genl_info *info, u8 scope,
				 struct nfsec_sa_key *key, char *map)
{
	memset(key, 0, sizeof(*key));
	map[0] = '\0';
	switch (scope) {
	case NFSEC_FLUSH_PEER: {
		struct nlattr *tb[NFSEC_SA_A_MAX + 1];
		struct nlattr *nest = info->attrs[NFSEC_A_SA];
		int err;

		if (!nest) {
			NL_SET_ERR_MSG(info->extack, "missing NFSEC_A_SA");
			return -EINVAL;
		}
		err = nla_parse_nested(tb, NFSEC_SA_A_MAX, nest,
				       nfsec_sa_policy, info->extack) ?:
		      NFSEC_REQUIRE(info->extack, nest, tb, NFSEC_SA_A_FAMILY) ?:
		      NFSEC_REQUIRE(info->extack, nest, tb, NFSEC_SA_A_DST) ?:
		      nfsec_nla_family(tb[NFSEC_SA_A_FAMILY], &key->family,
				       info->extack);
		return err ?: nfsec_nla_addr(tb[NFSEC_SA_A_DST], key->family,
					     &key->daddr, info->extack);
	}
	case NFSEC_FLUSH_MAP:
		if (NFSEC_GENL_REQUIRE(info, NFSEC_A_MAP_NAME))
			return -EINVAL;
		nla_strscpy(map, info->attrs[NFSEC_A_MAP_NAME],
			    NFSEC_MAP_NAME_MAX);
		return 0;
	case NFSEC_FLUSH_SPI:
		return nfsec_genl_sa_key(info, key);
	}
	return 0;
}

static int nfsec_genl_flush(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	char map[NFSEC_MAP_NAME_MAX];
	struct nfsec_sa_key key;
	unsigned int n;
	u8 scope = NFSEC_FLUSH_ALL;
	int err;

	if (info->attrs[NFSEC_A_FLUSH_SCOPE])
		scope = nla_get_u8(info->attrs[NFSEC_A_FLUSH_SCOPE]);
	err = nfsec_genl_flush_args(info, scope, &key, map);
	if (err)
		return err;
	mutex_lock(&nn->lock);
	n = nfsec_sa_flush(nn, scope, &key, map);
	if (scope == NFSEC_FLUSH_POLICIES)
		nfsec_spd_flush(nn);
	mutex_unlock(&nn->lock);
	if (scope == NFSEC_FLUSH_SPI && !n) {
		NL_SET_ERR_MSG(info->extack, "no such SA");
		return -ENOENT;
	}
	return nfsec_genl_reply(info, NFSEC_CMD_FLUSH, nfsec_fill_count, &n);
}

static int nfsec_fill_drops(struct sk_buff *msg, struct nfsec_net *nn,
			    void *arg)
{
	struct nfsec_stats sum;
	struct nlattr *nest;
	int i;

	nfsec_stats_sum(nn->stats, &sum);
	nest = nla_nest_start(msg, NFSEC_A_DROPS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < __NFSEC_DROP_MAX; i++)
		if (nla_put_u64_64bit(msg, i + 1, sum.drops[i], 0))
			return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

static int nfsec_genl_get_counters(struct sk_buff *skb, struct genl_info *info)
{
	return nfsec_genl_reply(info, NFSEC_CMD_GET_COUNTERS, nfsec_fill_drops,
				NULL);
}

static int nfsec_genl_clear_counters(struct sk_buff *skb,
				     struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct nfsec_sa *sa;
	unsigned long id;

	mutex_lock(&nn->lock);
	nfsec_stats_clear_drops(nn->stats);
	xa_for_each(&nn->sad.ids, id, sa)
		nfsec_sa_counters_clear(sa);
	mutex_unlock(&nn->lock);
	return 0;
}

#define NFSEC_ADMIN GENL_UNS_ADMIN_PERM

static const struct genl_ops nfsec_genl_ops[] = {
	{ .cmd = NFSEC_CMD_GET_STATUS, .doit = nfsec_genl_get_status },
	{ .cmd = NFSEC_CMD_NEW_SA, .doit = nfsec_genl_new_sa,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_UPDATE_SA, .doit = nfsec_genl_update_sa,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_DEL_SA, .doit = nfsec_genl_del_sa,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_GET_SA, .doit = nfsec_genl_get_sa,
	  .dumpit = nfsec_genl_dump_sa, .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_ALLOC_SPI, .doit = nfsec_genl_alloc_spi,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_NEW_POLICY, .doit = nfsec_genl_new_policy,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_DEL_POLICY, .doit = nfsec_genl_del_policy,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_GET_POLICY, .doit = nfsec_genl_get_policy,
	  .dumpit = nfsec_genl_dump_policy, .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_BIND_MAP, .doit = nfsec_genl_bind_map,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_UNBIND_MAP, .doit = nfsec_genl_unbind_map,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_GET_BINDING, .dumpit = nfsec_genl_dump_binding,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_FLUSH, .doit = nfsec_genl_flush,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_GET_COUNTERS, .doit = nfsec_genl_get_counters,
	  .flags = NFSEC_ADMIN },
	{ .cmd = NFSEC_CMD_CLEAR_COUNTERS, .doit = nfsec_genl_clear_counters,
	  .flags = NFSEC_ADMIN },
};

static const struct genl_multicast_group nfsec_genl_mcgrps[] = {
	{ .name = NFSEC_MCGRP_EVENTS, .flags = NFSEC_MCGRP_FLAGS },
};

struct genl_family nfsec_genl_family __ro_after_init = {
	.name = NFSEC_GENL_NAME,
	.version = NFSEC_GENL_VERSION,
	.maxattr = NFSEC_A_MAX,
	.policy = nfsec_genl_policy,
	.netnsok = true,
	.parallel_ops = true,
	.ops = nfsec_genl_ops,
	.n_ops = ARRAY_SIZE(nfsec_genl_ops),
	.mcgrps = nfsec_genl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(nfsec_genl_mcgrps),
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
