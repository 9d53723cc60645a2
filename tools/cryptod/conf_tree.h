/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The configuration's IOS command trees (lib/cmdtree.h), one per mode:
 * global configuration and each submode cryptod reads.  conf_parse.c
 * walks a line through its mode's tree before the line's handler reads
 * it, so every keyword may be abbreviated as IOS allows ("crypto isa pol
 * 10", "encr aes 256", "set pe 192.0.2.1") and a prefix of two keywords
 * is an error naming both.
 *
 * A node whose command enters a submode names that mode's tree in its
 * .action (conf_tree_hex: hex data lines up to "quit" follow); a long line
 * of many commands, as the technical note prints configurations, is cut
 * into commands with it (conf_flat.c).
 *
 * The trees name the keywords; the handlers read the values.  A tree
 * ends where values begin (an access list's rule, a transform set's
 * transforms), and words it does not know are left as they are for the
 * handler to judge.  Global configuration also lists the common IOS
 * commands cryptod ignores, so that their prefixes are as ambiguous as on
 * a router and never read as one of ours.
 */
#ifndef CRYPTOD_CONF_TREE_H
#define CRYPTOD_CONF_TREE_H

#include "cmdtree.h"

extern const struct cmd_node conf_tree_global;
extern const struct cmd_node conf_tree_policy; /* crypto isakmp policy */
extern const struct cmd_node conf_tree_tset; /* crypto ipsec transform-set */
extern const struct cmd_node conf_tree_map; /* crypto map NAME SEQ */
extern const struct cmd_node conf_tree_acl; /* ip access-list ... */
extern const struct cmd_node conf_tree_iface; /* interface */
extern const struct cmd_node conf_tree_keychain; /* pubkey-chain rsa */
extern const struct cmd_node conf_tree_pubkey; /* named-key, addressed-key */
extern const struct cmd_node conf_tree_ca_id; /* crypto ca identity */
extern const struct cmd_node conf_tree_ca_chain; /* certificate chain */
/* A marker, not a tree: the lines after the command are hex up to "quit". */
extern const struct cmd_node conf_tree_hex;

#endif /* CRYPTOD_CONF_TREE_H */
