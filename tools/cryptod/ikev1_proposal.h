/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IKEv1 phase-1 proposals: the SA payload an initiator offers from its
 * `crypto isakmp policy` list, and a responder's choice among a peer's
 * transforms, made as IOS makes it: each policy in priority order (the
 * default protection suite last) against each offered transform, with
 * the debug lines IOS prints ("Checking ISAKMP transform 1 against
 * priority 1 policy", "atts are acceptable").
 */
#ifndef NFSEC_IKEV1_PROPOSAL_H
#define NFSEC_IKEV1_PROPOSAL_H

#include <stdbool.h>
#include <stdint.h>

#include "conf.h"
#include "isakmp.h"

/* RFC 2409 appendix A: phase-1 attribute types and values. */
enum {
	IKEV1_ATTR_ENC = 1,
	IKEV1_ATTR_HASH = 2,
	IKEV1_ATTR_AUTH = 3,
	IKEV1_ATTR_GROUP = 4,
	IKEV1_ATTR_LIFE_TYPE = 11,
	IKEV1_ATTR_LIFE = 12,
	IKEV1_ATTR_KEYLEN = 14,
};
#define IKEV1_KEY_IKE 1 /* the one phase-1 transform ID */
#define IKEV1_LIFE_SECONDS 1
#define IKEV1_LIFE_KILOBYTES 2
#define IKEV1_DEFAULT_LIFE 28800 /* RFC 2409 4.5, when none is proposed */

/* What a phase-1 negotiation settled on. */
struct ikev1_choice {
	uint8_t enc, hash, auth, group; /* CONF_* values */
	uint16_t keybits;
	uint32_t lifetime;
	unsigned int prio; /* the matching policy */
	uint8_t xf_num; /* the peer's transform number */
};

/* A line of debug output: @conn says "ISAKMP (N):" rather than "ISAKMP:". */
typedef void (*ikev1_log_fn)(void *arg, bool conn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "life duration (basic) of 240" or "(VPI) of 0x0 0x46 0x50 0x0", as IOS. */
void ikev1_log_duration(ikev1_log_fn log, void *arg, const char *what,
			uint64_t val);

/*
 * The responder's choice for proposal @p.  0 with @out set, or
 * -ENOENT (NO-PROPOSAL-CHOSEN) when no transform fits any policy.
 */
int ikev1_p1_select(const struct conf *c, const struct isakmp_proposal *p,
		    struct ikev1_choice *out, ikev1_log_fn log, void *arg);

/* The initiator's offer: one transform per policy, in priority order. */
void ikev1_p1_offer(const struct conf *c, struct isakmp_sa *sa);

/* The transform @t as a choice (initiator: what the peer accepted). */
int ikev1_p1_from_transform(const struct isakmp_transform *t,
			    struct ikev1_choice *out);

#endif /* NFSEC_IKEV1_PROPOSAL_H */
