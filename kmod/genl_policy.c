// SPDX-License-Identifier: GPL-2.0
/*
 * Crypto map commands: entries (NEW, DEL, GET and dump) and bindings to
 * interfaces (BIND, UNBIND, dump).  See uapi/linux/nfsec.h.
 */
#include <linux/netdevice.h>
#include <linux/stringify.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "genl.h"
#include "nfsec.h"
#include "nlattr.h"

static const struct nla_policy nfsec_rule_policy[NFSEC_RULE_A_MAX + 1] = {
	[NFSEC_RULE_A_PAD] = { .type = NLA_REJECT },
	[NFSEC_RULE_A_ACTION] = NLA_POLICY_MAX(NLA_U8, __NFSEC_ACTION_MAX - 1),
	[NFSEC_RULE_A_SELECTOR] = NLA_POLICY_NESTED(nfsec_sel_policy),
	[NFSEC_RULE_A_MATCHES] = {
		.type = NLA_REJECT,
		.reject_message = "NFSEC_RULE_A_MATCHES is reply-only" },
};

const struct nla_policy nfsec_rules_policy[NFSEC_RULES_A_MAX + 1] = {
	[NFSEC_RULES_A_RULE] = NLA_POLICY_NESTED(nfsec_rule_policy),
};

const struct nla_policy nfsec_pol_policy[NFSEC_POL_A_MAX + 1] = {
	[NFSEC_POL_A_PAD] = { .type = NLA_REJECT },
	[NFSEC_POL_A_MAP] = { .type = NLA_NUL_STRING,
			      .len = NFSEC_MAP_NAME_MAX - 1 },
	[NFSEC_POL_A_SEQ] = { .type = NLA_U32 },
	[NFSEC_POL_A_FAMILY] = { .type = NLA_U8 },
	[NFSEC_POL_A_PEER] = NFSEC_POLICY_MAX_LEN(sizeof(struct in6_addr)),
	[NFSEC_POL_A_LOCAL] = NFSEC_POLICY_MAX_LEN(sizeof(struct in6_addr)),
	[NFSEC_POL_A_MODE] = NLA_POLICY_MAX(NLA_U8, NFSEC_MODE_TRANSPORT),
	[NFSEC_POL_A_PROTOS] = NLA_POLICY_RANGE(NLA_U8, NFSEC_PROTO_ESP,
						NFSEC_PROTO_ESP | NFSEC_PROTO_AH),
	[NFSEC_POL_A_REPLAY_WINDOW] = NLA_POLICY_MAX(NLA_U32, NFSEC_REPLAY_MAX),
	[NFSEC_POL_A_PFS_GROUP] = { .type = NLA_U16 },
	[NFSEC_POL_A_LIFETIME] = NLA_POLICY_NESTED(nfsec_life_policy),
	[NFSEC_POL_A_RULES] = NLA_POLICY_NESTED(nfsec_rules_policy),
	[NFSEC_POL_A_STATS] = {
		.type = NLA_REJECT,
		.reject_message = "NFSEC_POL_A_STATS is reply-only" },
	[NFSEC_POL_A_NRULES] = {
		.type = NLA_REJECT,
		.reject_message = "NFSEC_POL_A_NRULES is reply-only" },
	[NFSEC_POL_A_RULES_FIRST] = {
		.type = NLA_REJECT,
		.reject_message = "NFSEC_POL_A_RULES_FIRST is reply-only" },
};

static int nfsec_genl_pol_attrs(struct genl_info *info, struct nlattr **tb)
{
	struct nlattr *nest = info->attrs[NFSEC_A_POLICY];

	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "missing NFSEC_A_POLICY");
		return -EINVAL;
	}
	return nla_parse_nested(tb, NFSEC_POL_A_MAX, nest, nfsec_pol_policy,
				info->extack);
}

/* MAP and SEQ, which name an entry. */
static int nfsec_pol_name(struct nlattr **tb, const struct nlattr *nest,
			  char *map, u32 *seq, struct netlink_ext_ack *extack)
{
	int err;

	err = NFSEC_REQUIRE(extack, nest, tb, NFSEC_POL_A_MAP) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_POL_A_SEQ);
	if (err)
		return err;
	if (nla_strscpy(map, tb[NFSEC_POL_A_MAP], NFSEC_MAP_NAME_MAX) <= 0) {
		NL_SET_ERR_MSG_ATTR(extack, tb[NFSEC_POL_A_MAP],
				    "empty crypto map name");
		return -EINVAL;
	}
	*seq = nla_get_u32(tb[NFSEC_POL_A_SEQ]);
	return 0;
}

/* Calls @fn on each NFSEC_A_RULES of the request, in order, till non-0. */
static int nfsec_more_rules(struct genl_info *info,
			    int (*fn)(const struct nlattr *rules, void *arg),
			    void *arg)
{
	const struct nlattr *a;
	int rem, err;

	nla_for_each_attr(a, genlmsg_data(info->genlhdr),
			  genlmsg_len(info->genlhdr), rem) {
		if (nla_type(a) != NFSEC_A_RULES)
			continue;
		err = fn(a, arg);
		if (err)
			return err;
	}
	return 0;
}

static int nfsec_rules_count_one(const struct nlattr *rules, void *arg)
{
	const struct nlattr *r;
	int rem, *n = arg;

	nla_for_each_nested(r, rules, rem)
		(*n)++;
	return 0;
}

/* Rules in NFSEC_POL_A_RULES (@rules) and in every NFSEC_A_RULES. */
static int nfsec_rules_count(struct genl_info *info,
			     const struct nlattr *rules)
{
	int n = 0;

	nfsec_rules_count_one(rules, &n);
	nfsec_more_rules(info, nfsec_rules_count_one, &n);
	if (n >= 1 && n <= NFSEC_RULES_MAX)
		return n;
	NL_SET_ERR_MSG_ATTR(info->extack, rules,
			    "an entry needs 1 to " __stringify(NFSEC_RULES_MAX)
			    " rules");
	return -EINVAL;
}

static int nfsec_rule_parse(const struct nlattr *nest, struct nfsec_rule *r,
			    struct netlink_ext_ack *extack)
{
	struct nlattr *tb[NFSEC_RULE_A_MAX + 1];
	int err;

	err = nla_parse_nested(tb, NFSEC_RULE_A_MAX, nest, nfsec_rule_policy,
			       extack) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_RULE_A_ACTION) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_RULE_A_SELECTOR);
	if (err)
		return err;
	r->action = nla_get_u8(tb[NFSEC_RULE_A_ACTION]);
	return nfsec_nla_selector(tb[NFSEC_RULE_A_SELECTOR], &r->sel, extack);
}

struct nfsec_rules_parse_ctx {
	struct nfsec_entry *e;
	struct netlink_ext_ack *extack;
	u32 i;
};

static int nfsec_rules_parse(const struct nlattr *rules, void *arg)
{
	struct nfsec_rules_parse_ctx *c = arg;
	const struct nlattr *r;
	int rem, err;

	nla_for_each_nested(r, rules, rem) {
		err = nfsec_rule_parse(r, &c->e->rules[c->i++], c->extack);
		if (err)
			return err;
	}
	return 0;
}

static bool nfsec_entry_protects(const struct nfsec_entry *e)
{
	u32 i;

	for (i = 0; i < e->nrules; i++)
		if (e->rules[i].action == NFSEC_ACTION_PROTECT)
			return true;
	return false;
}

static int nfsec_entry_parse_peer(struct nfsec_entry *e, struct nlattr **tb,
				  const struct nlattr *nest,
				  struct netlink_ext_ack *extack)
{
	int err;

	if (!tb[NFSEC_POL_A_PEER] && !nfsec_entry_protects(e))
		return 0;	/* bypass/discard-only entries need no peer */
	err = NFSEC_REQUIRE(extack, nest, tb, NFSEC_POL_A_FAMILY) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_POL_A_PEER) ?:
	      nfsec_nla_family(tb[NFSEC_POL_A_FAMILY], &e->family, extack) ?:
	      nfsec_nla_addr(tb[NFSEC_POL_A_PEER], e->family, &e->peer, extack);
	if (err || !tb[NFSEC_POL_A_LOCAL])
		return err;
	return nfsec_nla_addr(tb[NFSEC_POL_A_LOCAL], e->family, &e->local,
			      extack);
}

static void nfsec_entry_parse_params(struct nfsec_entry *e, struct nlattr **tb)
{
	e->protos = NFSEC_PROTO_ESP;
	if (tb[NFSEC_POL_A_PROTOS])
		e->protos = nla_get_u8(tb[NFSEC_POL_A_PROTOS]);
	if (tb[NFSEC_POL_A_MODE])
		e->mode = nla_get_u8(tb[NFSEC_POL_A_MODE]);
	e->replay_window = 64;
	if (tb[NFSEC_POL_A_REPLAY_WINDOW])
		e->replay_window = nla_get_u32(tb[NFSEC_POL_A_REPLAY_WINDOW]);
	if (tb[NFSEC_POL_A_PFS_GROUP])
		e->pfs_group = nla_get_u16(tb[NFSEC_POL_A_PFS_GROUP]);
	nfsec_nla_lifetime(tb[NFSEC_POL_A_LIFETIME], &e->life);
}

static struct nfsec_entry *nfsec_entry_parse(struct nfsec_net *nn,
					     struct genl_info *info, char *map)
{
	struct nlattr *tb[NFSEC_POL_A_MAX + 1];
	struct nlattr *nest = info->attrs[NFSEC_A_POLICY];
	struct netlink_ext_ack *extack = info->extack;
	struct nfsec_rules_parse_ctx c = { .extack = extack };
	struct nfsec_entry *e;
	u32 seq;
	int n, err;

	err = nfsec_genl_pol_attrs(info, tb) ?:
	      nfsec_pol_name(tb, nest, map, &seq, extack) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_POL_A_RULES);
	if (err)
		return ERR_PTR(err);
	n = nfsec_rules_count(info, tb[NFSEC_POL_A_RULES]);
	if (n < 0)
		return ERR_PTR(n);
	e = nfsec_entry_alloc(nn, n);
	if (!e)
		return ERR_PTR(-ENOMEM);
	e->seq = seq;
	nfsec_entry_parse_params(e, tb);
	c.e = e;
	err = nfsec_rules_parse(tb[NFSEC_POL_A_RULES], &c) ?:
	      nfsec_more_rules(info, nfsec_rules_parse, &c) ?:
	      nfsec_entry_parse_peer(e, tb, nest, extack);
	if (err) {
		nfsec_entry_destroy(e);
		return ERR_PTR(err);
	}
	return e;
}

int nfsec_genl_new_policy(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	char map[NFSEC_MAP_NAME_MAX];
	struct nfsec_entry *e;
	int err;

	e = nfsec_entry_parse(nn, info, map);
	if (IS_ERR(e))
		return PTR_ERR(e);
	mutex_lock(&nn->lock);
	err = nfsec_spd_insert(nn, map, e, info->extack);
	mutex_unlock(&nn->lock);
	return err;
}

static int nfsec_genl_pol_name(struct genl_info *info, char *map, u32 *seq)
{
	struct nlattr *tb[NFSEC_POL_A_MAX + 1];

	return nfsec_genl_pol_attrs(info, tb) ?:
	       nfsec_pol_name(tb, info->attrs[NFSEC_A_POLICY], map, seq,
			      info->extack);
}

int nfsec_genl_del_policy(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	char map[NFSEC_MAP_NAME_MAX];
	u32 seq;
	int err;

	err = nfsec_genl_pol_name(info, map, &seq);
	if (err)
		return err;
	mutex_lock(&nn->lock);
	err = nfsec_spd_delete(nn, map, seq);
	mutex_unlock(&nn->lock);
	if (err)
		NL_SET_ERR_MSG(info->extack, "no such crypto map entry");
	return err;
}

static int nfsec_rule_fill(struct sk_buff *msg, const struct nfsec_rule *r)
{
	struct nlattr *nest = nla_nest_start(msg, NFSEC_RULES_A_RULE);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(msg, NFSEC_RULE_A_ACTION, r->action) ||
	    nfsec_selector_fill(msg, NFSEC_RULE_A_SELECTOR, &r->sel) ||
	    nla_put_u64_64bit(msg, NFSEC_RULE_A_MATCHES,
			      nfsec_counter_read(&r->matches),
			      NFSEC_RULE_A_PAD)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/*
 * Rules from @first on, as many as fit in @msg and in one attribute;
 * *@next is the first one left out.  At least one must fit.
 */
static int nfsec_rules_fill(struct sk_buff *msg, const struct nfsec_entry *e,
			    u32 first, u32 *next)
{
	struct nlattr *nest = nla_nest_start(msg, NFSEC_POL_A_RULES);
	u32 i;

	if (!nest)
		return -EMSGSIZE;
	for (i = first; i < e->nrules; i++) {
		/* nla_len is 16 bits; a rule is far below 1024 bytes */
		if (skb_tail_pointer(msg) - (unsigned char *)nest >
		    U16_MAX - 1024)
			break;
		if (nfsec_rule_fill(msg, &e->rules[i]))
			break;
	}
	if (i == first && first < e->nrules) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	*next = i;
	return 0;
}

static int nfsec_entry_fill_stats(struct sk_buff *msg,
				  const struct nfsec_entry *e)
{
	struct nlattr *nest = nla_nest_start(msg, NFSEC_POL_A_STATS);
	u32 spi = nfsec_entry_out_spi(e);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(msg, NFSEC_POL_STATS_A_ACQUIRES,
			      atomic64_read(&e->acquires),
			      NFSEC_POL_STATS_A_PAD) ||
	    nla_put_u64_64bit(msg, NFSEC_POL_STATS_A_NO_SA,
			      atomic64_read(&e->no_sa), NFSEC_POL_STATS_A_PAD) ||
	    (spi && nla_put_u32(msg, NFSEC_POL_STATS_A_OUT_SPI, spi))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* MAP, SEQ and the peer: what names an entry in events. */
int nfsec_entry_fill_id(struct sk_buff *msg, const struct nfsec_entry *e)
{
	if (nla_put_string(msg, NFSEC_POL_A_MAP, e->map->name) ||
	    nla_put_u32(msg, NFSEC_POL_A_SEQ, e->seq))
		return -EMSGSIZE;
	if (!e->family)
		return 0;
	if (nla_put_u8(msg, NFSEC_POL_A_FAMILY, e->family) ||
	    nfsec_nla_put_addr(msg, NFSEC_POL_A_PEER, e->family, &e->peer) ||
	    nfsec_nla_put_addr(msg, NFSEC_POL_A_LOCAL, e->family, &e->local))
		return -EMSGSIZE;
	return 0;
}

static int nfsec_entry_fill_head(struct sk_buff *msg,
				 const struct nfsec_entry *e)
{
	if (nfsec_entry_fill_id(msg, e) ||
	    nla_put_u8(msg, NFSEC_POL_A_MODE, e->mode) ||
	    nla_put_u8(msg, NFSEC_POL_A_PROTOS, e->protos) ||
	    nla_put_u32(msg, NFSEC_POL_A_REPLAY_WINDOW, e->replay_window) ||
	    nla_put_u16(msg, NFSEC_POL_A_PFS_GROUP, e->pfs_group) ||
	    nfsec_nla_put_lifetime(msg, NFSEC_POL_A_LIFETIME, &e->life) ||
	    nla_put_u32(msg, NFSEC_POL_A_NRULES, e->nrules) ||
	    nfsec_entry_fill_stats(msg, e))
		return -EMSGSIZE;
	return 0;
}

/*
 * One message's part of @e: everything but the rules and then rules from
 * 0 when @first is 0; otherwise MAP, SEQ, RULES_FIRST and rules from
 * @first.  *@next is the first rule that did not fit (e->nrules: none).
 */
static int nfsec_entry_fill(struct sk_buff *msg, const struct nfsec_entry *e,
			    u32 first, u32 *next)
{
	struct nlattr *nest = nla_nest_start(msg, NFSEC_A_POLICY);
	int err;

	if (!nest)
		return -EMSGSIZE;
	if (!first)
		err = nfsec_entry_fill_head(msg, e);
	else if (nla_put_string(msg, NFSEC_POL_A_MAP, e->map->name) ||
		 nla_put_u32(msg, NFSEC_POL_A_SEQ, e->seq) ||
		 nla_put_u32(msg, NFSEC_POL_A_RULES_FIRST, first))
		err = -EMSGSIZE;
	else
		err = 0;
	if (!err)
		err = nfsec_rules_fill(msg, e, first, next);
	if (err) {
		nla_nest_cancel(msg, nest);
		return err;
	}
	nla_nest_end(msg, nest);
	return 0;
}

int nfsec_genl_get_policy(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	char name[NFSEC_MAP_NAME_MAX];
	struct nfsec_entry *e = NULL;
	struct nfsec_map *map;
	struct sk_buff *msg;
	void *hdr;
	u32 seq, n;
	int err;

	err = nfsec_genl_pol_name(info, name, &seq);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = nfsec_genl_put(msg, info, NFSEC_CMD_GET_POLICY);
	mutex_lock(&nn->lock);
	map = nfsec_spd_map(nn, name);
	if (map)
		e = nfsec_spd_entry(map, seq);
	/* the first part only: a large entry's other rules come by dump */
	err = !hdr ? -EMSGSIZE : !e ? -ENOENT : nfsec_entry_fill(msg, e, 0, &n);
	mutex_unlock(&nn->lock);
	if (err) {
		if (err == -ENOENT)
			NL_SET_ERR_MSG(info->extack, "no such crypto map entry");
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

/* The part of @e from rule @first; *@next as for nfsec_entry_fill(). */
static int nfsec_dump_one_entry(struct sk_buff *skb,
				struct netlink_callback *cb,
				const struct nfsec_entry *e, u32 first,
				u32 *next)
{
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &nfsec_genl_family, NLM_F_MULTI,
			  NFSEC_CMD_GET_POLICY);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (nfsec_entry_fill(skb, e, first, next)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/*
 * cb->args[0]: index of the map being sent, cb->args[1]: the seq of the
 * entry to send next in it, cb->args[2]: that entry's first rule still to
 * send (0: none sent yet).  A skb ends with a partly sent entry only when
 * that entry's rules did not fit; the next skb goes on with them.
 * NFSEC_A_MAP_NAME limits the dump to one map.
 */
int nfsec_genl_dump_policy(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nfsec_net *nn = nfsec_net(sock_net(skb->sk));
	struct nlattr *only = nfsec_dump_attrs(cb)[NFSEC_A_MAP_NAME];
	struct nfsec_entry *e;
	struct nfsec_map *map;
	long idx = 0;
	u32 next;

	mutex_lock(&nn->lock);
	cb->seq = nn->spd.genid;
	list_for_each_entry(map, &nn->spd.maps, node) {
		if (idx++ < cb->args[0])
			continue;
		if (only && nla_strcmp(only, map->name))
			goto next_map;
		list_for_each_entry(e, &map->entries, node) {
			if (e->seq < cb->args[1])
				continue;
			if (e->seq > cb->args[1])
				cb->args[2] = 0;
			if (nfsec_dump_one_entry(skb, cb, e, (u32)cb->args[2],
						 &next))
				goto out;
			cb->args[1] = e->seq;
			cb->args[2] = next;
			if (next < e->nrules)
				goto out;
			cb->args[1] = (long)e->seq + 1;
			cb->args[2] = 0;
		}
next_map:
		cb->args[0] = idx;
		cb->args[1] = 0;
		cb->args[2] = 0;
	}
out:
	mutex_unlock(&nn->lock);
	return skb->len;
}

int nfsec_genl_bind_map(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct nfsec_net *nn = nfsec_net(net);
	char name[NFSEC_MAP_NAME_MAX];
	struct net_device *dev;
	int ifindex, err;

	if (NFSEC_GENL_REQUIRE(info, NFSEC_A_MAP_NAME) ||
	    NFSEC_GENL_REQUIRE(info, NFSEC_A_IFINDEX))
		return -EINVAL;
	if (nla_strscpy(name, info->attrs[NFSEC_A_MAP_NAME], sizeof(name)) <= 0) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[NFSEC_A_MAP_NAME],
				    "empty crypto map name");
		return -EINVAL;
	}
	ifindex = nla_get_u32(info->attrs[NFSEC_A_IFINDEX]);
	dev = dev_get_by_index(net, ifindex);
	if (dev) {
		mutex_lock(&nn->lock);
		err = nfsec_spd_bind(nn, name, ifindex,
				     nla_get_flag(info->attrs[NFSEC_A_REPLACE]));
		mutex_unlock(&nn->lock);
		dev_put(dev);
	} else {
		err = -ENODEV;
	}
	if (err == -ENODEV)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[NFSEC_A_IFINDEX],
				    "no such interface");
	else if (err == -EBUSY)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[NFSEC_A_IFINDEX],
				    "the interface already has a crypto map");
	return err;
}

int nfsec_genl_unbind_map(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	int err;

	if (NFSEC_GENL_REQUIRE(info, NFSEC_A_IFINDEX))
		return -EINVAL;
	mutex_lock(&nn->lock);
	err = nfsec_spd_unbind(nn, nla_get_u32(info->attrs[NFSEC_A_IFINDEX]));
	mutex_unlock(&nn->lock);
	if (err)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[NFSEC_A_IFINDEX],
				    "no crypto map on this interface");
	return err;
}

static int nfsec_dump_one_binding(struct sk_buff *skb,
				  struct netlink_callback *cb,
				  const struct nfsec_binding *b)
{
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &nfsec_genl_family, NLM_F_MULTI,
			  NFSEC_CMD_GET_BINDING);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (nla_put_string(skb, NFSEC_A_MAP_NAME, b->map->name) ||
	    nla_put_u32(skb, NFSEC_A_IFINDEX, b->ifindex)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* cb->args[0]: bindings already sent. */
int nfsec_genl_dump_binding(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nfsec_net *nn = nfsec_net(sock_net(skb->sk));
	struct nfsec_binding *b;
	long idx = 0;
	int bkt;

	mutex_lock(&nn->lock);
	cb->seq = nn->spd.genid;
	hash_for_each(nn->spd.bindings, bkt, b, node) {
		if (idx++ < cb->args[0])
			continue;
		if (nfsec_dump_one_binding(skb, cb, b))
			break;
		cb->args[0] = idx;
	}
	mutex_unlock(&nn->lock);
	return skb->len;
}
