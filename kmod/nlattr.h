/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Netlink attributes shared by nfsec's commands: addresses, selectors,
 * lifetimes; their policies, parsing (with extack messages) and encoding.
 */
#ifndef _NFSEC_NLATTR_H
#define _NFSEC_NLATTR_H

#include <net/genetlink.h>
#include <net/netlink.h>

#include "sad.h"
#include "selector.h"

/* NLA_BINARY's len is a maximum (6.1 has no NLA_POLICY_MAX_LEN). */
#define NFSEC_POLICY_MAX_LEN(n) { .type = NLA_BINARY, .len = (n) }

extern const struct nla_policy nfsec_sel_policy[NFSEC_SEL_A_MAX + 1];
extern const struct nla_policy nfsec_life_policy[NFSEC_LIFE_A_MAX + 1];

/* An address attribute of @family; @what names it in the error. */
int nfsec_nla_addr(const struct nlattr *nla, u8 family, union nfsec_addr *a,
		   struct netlink_ext_ack *extack);
int nfsec_nla_family(const struct nlattr *nla, u8 *family,
		     struct netlink_ext_ack *extack);
int nfsec_nla_put_addr(struct sk_buff *msg, int type, u8 family,
		       const union nfsec_addr *a);

/* A validated NFSEC_SEL_A_* nest into a normalised selector. */
int nfsec_nla_selector(const struct nlattr *nest, struct nfsec_selector *sel,
		       struct netlink_ext_ack *extack);
void nfsec_nla_lifetime(const struct nlattr *nest,
			struct nfsec_lifetime *life);
int nfsec_nla_put_lifetime(struct sk_buff *msg, int type,
			   const struct nfsec_lifetime *life);

/* NL_SET_ERR_MSG_ATTR() for a message that is not a literal (static). */
void nfsec_set_err(struct netlink_ext_ack *extack, const struct nlattr *attr,
		   const char *msg);

/* Fails with "missing NAME" when @tb[@type] is absent. */
#define NFSEC_REQUIRE(extack, parent, tb, type) \
	nfsec_nla_require(extack, parent, tb, type, "missing " #type)
/* The same for a top-level attribute of a genl request. */
#define NFSEC_GENL_REQUIRE(info, type) \
	nfsec_genl_require(info, type, "missing " #type)
int nfsec_genl_require(struct genl_info *info, int type, const char *msg);

int nfsec_nla_require(struct netlink_ext_ack *extack,
		      const struct nlattr *parent, struct nlattr **tb,
		      int type, const char *msg);

#endif /* _NFSEC_NLATTR_H */
