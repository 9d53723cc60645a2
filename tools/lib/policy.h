/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Crypto map entries and interface bindings over netlink.
 */
#ifndef NFSEC_POLICY_H
#define NFSEC_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "sa.h"

struct nfsec_rule_info {
	uint8_t action;
	struct nfsec_sel sel;
	uint64_t matches;
};

struct nfsec_entry_info {
	char map[NFSEC_MAP_NAME_MAX];
	uint32_t seq;
	uint8_t family; /* of peer and local; 0: none */
	union nfsec_ip peer, local;
	uint8_t mode, protos;
	bool has_replay, has_life;
	uint32_t replay_window;
	uint16_t pfs_group;
	struct nfsec_life life;
	unsigned int nrules;
	unsigned int nrules_total; /* the entry's; more than nrules only in
				    * the first part of a large entry */
	struct nfsec_rule_info *rules; /* malloc'ed */
	uint64_t acquires, no_sa;
	uint32_t out_spi; /* the SA it sends on; 0: none (it raises ACQUIRE) */
};

struct nfsec_binding_info {
	char map[NFSEC_MAP_NAME_MAX];
	uint32_t ifindex;
};

/* -1 when unknown; "permit" and "deny" are IOS's protect and next. */
int nfsec_action_parse(const char *s);
const char *nfsec_action_str(uint8_t action);
/* NFSEC_PROTO_* bits as cryptoctl names them: "esp", "ah" or "ah-esp". */
const char *nfsec_protos_str(uint8_t protos);

/* NFSEC_A_POLICY with everything (@full) or only MAP and SEQ. */
void nfsec_entry_put(struct nlmsghdr *nlh, const struct nfsec_entry_info *e,
		     bool full);
/*
 * Fills @e from an entry's first (or only) part, allocating e->rules; free
 * with nfsec_entry_free().  A large entry comes in parts (uapi: RULES_FIRST):
 * nfsec_entry_continues() tells a later part, nfsec_entry_parse_more()
 * appends its rules, and @e is whole when nrules == nrules_total.
 */
int nfsec_entry_parse(const struct nlattr *nest, struct nfsec_entry_info *e);
bool nfsec_entry_continues(const struct nlattr *nest);
int nfsec_entry_parse_more(const struct nlattr *nest,
			   struct nfsec_entry_info *e);
void nfsec_entry_free(struct nfsec_entry_info *e);
/* Bytes a request with @e needs. */
size_t nfsec_entry_msg_size(const struct nfsec_entry_info *e);

typedef int (*nfsec_entry_cb)(const struct nfsec_entry_info *e, void *data);
typedef int (*nfsec_binding_cb)(const struct nfsec_binding_info *b, void *data);

/*
 * One entry, MAP and SEQ, to @cb (a request, not a dump): its first part,
 * so a large entry has nrules < nrules_total; dump it for every rule.
 */
int nfsec_entry_get(struct nfsec_nl *nl, const char *map, uint32_t seq,
		    nfsec_entry_cb cb, void *data);
/* Dumps (retried when interrupted, @reset called before each try). */
int nfsec_entry_dump(struct nfsec_nl *nl, const char *map, nfsec_entry_cb cb,
		     void (*reset)(void *data), void *data);
int nfsec_binding_dump(struct nfsec_nl *nl, nfsec_binding_cb cb,
		       void (*reset)(void *data), void *data);

#endif /* NFSEC_POLICY_H */
