// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink attributes shared by nfsec's commands (see nlattr.h).
 */
#include <linux/socket.h>
#include <uapi/linux/nfsec.h>

#include "nfsec.h"
#include "nlattr.h"

#define NFSEC_ADDR_POLICY NFSEC_POLICY_MAX_LEN(sizeof(struct in6_addr))

const struct nla_policy nfsec_sel_policy[NFSEC_SEL_A_MAX + 1] = {
	[NFSEC_SEL_A_FAMILY] = { .type = NLA_U8 },
	[NFSEC_SEL_A_SRC] = NFSEC_ADDR_POLICY,
	[NFSEC_SEL_A_SRC_MASK] = NFSEC_ADDR_POLICY,
	[NFSEC_SEL_A_DST] = NFSEC_ADDR_POLICY,
	[NFSEC_SEL_A_DST_MASK] = NFSEC_ADDR_POLICY,
	[NFSEC_SEL_A_PROTO] = { .type = NLA_U8 },
	[NFSEC_SEL_A_SPORT_LO] = { .type = NLA_U16 },
	[NFSEC_SEL_A_SPORT_HI] = { .type = NLA_U16 },
	[NFSEC_SEL_A_DPORT_LO] = { .type = NLA_U16 },
	[NFSEC_SEL_A_DPORT_HI] = { .type = NLA_U16 },
};

const struct nla_policy nfsec_life_policy[NFSEC_LIFE_A_MAX + 1] = {
	[NFSEC_LIFE_A_PAD] = { .type = NLA_REJECT },
	[NFSEC_LIFE_A_SOFT_BYTES] = { .type = NLA_U64 },
	[NFSEC_LIFE_A_HARD_BYTES] = { .type = NLA_U64 },
	[NFSEC_LIFE_A_SOFT_PACKETS] = { .type = NLA_U64 },
	[NFSEC_LIFE_A_HARD_PACKETS] = { .type = NLA_U64 },
	[NFSEC_LIFE_A_SOFT_SECONDS] = { .type = NLA_U64 },
	[NFSEC_LIFE_A_HARD_SECONDS] = { .type = NLA_U64 },
};

void nfsec_set_err(struct netlink_ext_ack *extack, const struct nlattr *attr,
		   const char *msg)
{
	if (!extack)
		return;
	extack->_msg = msg;
	extack->bad_attr = attr;
}

int nfsec_nla_require(struct netlink_ext_ack *extack,
		      const struct nlattr *parent, struct nlattr **tb,
		      int type, const char *msg)
{
	if (tb[type])
		return 0;
	nfsec_set_err(extack, parent, msg);
	return -EINVAL;
}

int nfsec_genl_require(struct genl_info *info, int type, const char *msg)
{
	return nfsec_nla_require(info->extack, NULL, info->attrs, type, msg);
}

int nfsec_nla_family(const struct nlattr *nla, u8 *family,
		     struct netlink_ext_ack *extack)
{
	*family = nla_get_u8(nla);
	if (*family == AF_INET || *family == AF_INET6)
		return 0;
	NL_SET_ERR_MSG_ATTR(extack, nla, "family must be AF_INET or AF_INET6");
	return -EAFNOSUPPORT;
}

static unsigned int nfsec_addr_len(u8 family)
{
	return family == AF_INET ? sizeof(__be32) : sizeof(struct in6_addr);
}

int nfsec_nla_addr(const struct nlattr *nla, u8 family, union nfsec_addr *a,
		   struct netlink_ext_ack *extack)
{
	memset(a, 0, sizeof(*a));
	if (nla_len(nla) != nfsec_addr_len(family)) {
		NL_SET_ERR_MSG_ATTR(extack, nla,
				    "address length does not match the family");
		return -EINVAL;
	}
	memcpy(a, nla_data(nla), nla_len(nla));
	return 0;
}

int nfsec_nla_put_addr(struct sk_buff *msg, int type, u8 family,
		       const union nfsec_addr *a)
{
	return nla_put(msg, type, nfsec_addr_len(family), a);
}

/* An address and its mask; absent address: any, absent mask: host. */
static int nfsec_nla_sel_addr(struct nlattr **tb, int addr, int mask,
			      u8 family, union nfsec_addr *a,
			      union nfsec_addr *m,
			      struct netlink_ext_ack *extack)
{
	int err;

	memset(a, 0, sizeof(*a));
	memset(m, 0, sizeof(*m));
	if (!tb[addr]) {
		if (tb[mask]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[mask],
					    "mask without an address");
			return -EINVAL;
		}
		return 0;
	}
	err = nfsec_nla_addr(tb[addr], family, a, extack);
	if (err)
		return err;
	if (!tb[mask]) {
		memset(m, 0xff, nfsec_addr_len(family));
		return 0;
	}
	return nfsec_nla_addr(tb[mask], family, m, extack);
}

static u16 nfsec_nla_u16_or(const struct nlattr *nla, u16 dflt)
{
	return nla ? nla_get_u16(nla) : dflt;
}

int nfsec_nla_selector(const struct nlattr *nest, struct nfsec_selector *sel,
		       struct netlink_ext_ack *extack)
{
	struct nlattr *tb[NFSEC_SEL_A_MAX + 1];
	const char *msg;
	int err;

	err = nla_parse_nested(tb, NFSEC_SEL_A_MAX, nest, nfsec_sel_policy,
			       extack);
	if (err)
		return err;
	err = NFSEC_REQUIRE(extack, nest, tb, NFSEC_SEL_A_FAMILY);
	if (err)
		return err;
	memset(sel, 0, sizeof(*sel));
	err = nfsec_nla_family(tb[NFSEC_SEL_A_FAMILY], &sel->family, extack);
	if (!err)
		err = nfsec_nla_sel_addr(tb, NFSEC_SEL_A_SRC,
					 NFSEC_SEL_A_SRC_MASK, sel->family,
					 &sel->saddr, &sel->smask, extack);
	if (!err)
		err = nfsec_nla_sel_addr(tb, NFSEC_SEL_A_DST,
					 NFSEC_SEL_A_DST_MASK, sel->family,
					 &sel->daddr, &sel->dmask, extack);
	if (err)
		return err;
	if (tb[NFSEC_SEL_A_PROTO])
		sel->proto = nla_get_u8(tb[NFSEC_SEL_A_PROTO]);
	sel->sport_lo = nfsec_nla_u16_or(tb[NFSEC_SEL_A_SPORT_LO], 0);
	sel->sport_hi = nfsec_nla_u16_or(tb[NFSEC_SEL_A_SPORT_HI], U16_MAX);
	sel->dport_lo = nfsec_nla_u16_or(tb[NFSEC_SEL_A_DPORT_LO], 0);
	sel->dport_hi = nfsec_nla_u16_or(tb[NFSEC_SEL_A_DPORT_HI], U16_MAX);
	msg = nfsec_selector_normalize(sel);
	if (msg) {
		nfsec_set_err(extack, nest, msg);
		return -EINVAL;
	}
	return 0;
}

int nfsec_selector_fill(struct sk_buff *msg, int attrtype,
			const struct nfsec_selector *sel)
{
	struct nlattr *nest = nla_nest_start(msg, attrtype);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u8(msg, NFSEC_SEL_A_FAMILY, sel->family) ||
	    nfsec_nla_put_addr(msg, NFSEC_SEL_A_SRC, sel->family, &sel->saddr) ||
	    nfsec_nla_put_addr(msg, NFSEC_SEL_A_SRC_MASK, sel->family,
			       &sel->smask) ||
	    nfsec_nla_put_addr(msg, NFSEC_SEL_A_DST, sel->family, &sel->daddr) ||
	    nfsec_nla_put_addr(msg, NFSEC_SEL_A_DST_MASK, sel->family,
			       &sel->dmask) ||
	    nla_put_u8(msg, NFSEC_SEL_A_PROTO, sel->proto) ||
	    nla_put_u16(msg, NFSEC_SEL_A_SPORT_LO, sel->sport_lo) ||
	    nla_put_u16(msg, NFSEC_SEL_A_SPORT_HI, sel->sport_hi) ||
	    nla_put_u16(msg, NFSEC_SEL_A_DPORT_LO, sel->dport_lo) ||
	    nla_put_u16(msg, NFSEC_SEL_A_DPORT_HI, sel->dport_hi)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/* A packet's flow, selector-shaped: host masks, single ports. */
int nfsec_flow_fill(struct sk_buff *msg, int attrtype,
		    const struct nfsec_flow *fl)
{
	struct nfsec_selector sel = {
		.saddr = fl->saddr,
		.daddr = fl->daddr,
		.family = fl->family,
		.proto = fl->proto_opaque ? 0 : fl->proto,
		.sport_lo = fl->sport,
		.sport_hi = fl->sport,
		.dport_lo = fl->dport,
		.dport_hi = fl->dport,
	};

	memset(&sel.smask, 0xff, sizeof(sel.smask));
	memset(&sel.dmask, 0xff, sizeof(sel.dmask));
	if (!nfsec_proto_has_ports(fl->family, fl->proto) || fl->ports_opaque) {
		sel.sport_lo = 0;
		sel.dport_lo = 0;
		sel.sport_hi = U16_MAX;
		sel.dport_hi = U16_MAX;
	}
	return nfsec_selector_fill(msg, attrtype, &sel);
}

static u64 nfsec_nla_u64_or_0(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u64(tb[type]) : 0;
}

/* @nest was validated with nfsec_life_policy by the caller's policy. */
void nfsec_nla_lifetime(const struct nlattr *nest, struct nfsec_lifetime *life)
{
	struct nlattr *tb[NFSEC_LIFE_A_MAX + 1];

	memset(life, 0, sizeof(*life));
	if (!nest || nla_parse_nested(tb, NFSEC_LIFE_A_MAX, nest,
				      nfsec_life_policy, NULL))
		return;
	life->soft_bytes = nfsec_nla_u64_or_0(tb, NFSEC_LIFE_A_SOFT_BYTES);
	life->hard_bytes = nfsec_nla_u64_or_0(tb, NFSEC_LIFE_A_HARD_BYTES);
	life->soft_packets = nfsec_nla_u64_or_0(tb, NFSEC_LIFE_A_SOFT_PACKETS);
	life->hard_packets = nfsec_nla_u64_or_0(tb, NFSEC_LIFE_A_HARD_PACKETS);
	life->soft_seconds = nfsec_nla_u64_or_0(tb, NFSEC_LIFE_A_SOFT_SECONDS);
	life->hard_seconds = nfsec_nla_u64_or_0(tb, NFSEC_LIFE_A_HARD_SECONDS);
}

int nfsec_nla_put_lifetime(struct sk_buff *msg, int type,
			   const struct nfsec_lifetime *life)
{
	struct nlattr *nest = nla_nest_start(msg, type);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(msg, NFSEC_LIFE_A_SOFT_BYTES, life->soft_bytes,
			      NFSEC_LIFE_A_PAD) ||
	    nla_put_u64_64bit(msg, NFSEC_LIFE_A_HARD_BYTES, life->hard_bytes,
			      NFSEC_LIFE_A_PAD) ||
	    nla_put_u64_64bit(msg, NFSEC_LIFE_A_SOFT_PACKETS,
			      life->soft_packets, NFSEC_LIFE_A_PAD) ||
	    nla_put_u64_64bit(msg, NFSEC_LIFE_A_HARD_PACKETS,
			      life->hard_packets, NFSEC_LIFE_A_PAD) ||
	    nla_put_u64_64bit(msg, NFSEC_LIFE_A_SOFT_SECONDS,
			      life->soft_seconds, NFSEC_LIFE_A_PAD) ||
	    nla_put_u64_64bit(msg, NFSEC_LIFE_A_HARD_SECONDS,
			      life->hard_seconds, NFSEC_LIFE_A_PAD)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}
