/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The generic-netlink family's command handlers, by unit.
 */
#ifndef _NFSEC_GENL_H
#define _NFSEC_GENL_H

#include <net/genetlink.h>

#include "sad.h"

extern const struct nla_policy nfsec_sa_policy[NFSEC_SA_A_MAX + 1];
extern const struct nla_policy nfsec_pol_policy[NFSEC_POL_A_MAX + 1];
extern const struct nla_policy nfsec_rules_policy[NFSEC_RULES_A_MAX + 1];

/* genl_sa.c */
int nfsec_genl_new_sa(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_update_sa(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_del_sa(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_get_sa(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_dump_sa(struct sk_buff *skb, struct netlink_callback *cb);
int nfsec_genl_alloc_spi(struct sk_buff *skb, struct genl_info *info);
/* Parses the (SPI, PROTO, FAMILY, DST) of an NFSEC_A_SA nest. */
int nfsec_genl_sa_key(struct genl_info *info, struct nfsec_sa_key *key);

/* genl_policy.c */
int nfsec_genl_new_policy(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_del_policy(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_get_policy(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_dump_policy(struct sk_buff *skb, struct netlink_callback *cb);
int nfsec_genl_bind_map(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_unbind_map(struct sk_buff *skb, struct genl_info *info);
int nfsec_genl_dump_binding(struct sk_buff *skb, struct netlink_callback *cb);

/* genl.c */
void *nfsec_genl_put(struct sk_buff *msg, struct genl_info *info, u8 cmd);

#endif /* _NFSEC_GENL_H */
