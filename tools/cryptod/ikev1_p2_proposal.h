/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IKEv1 phase-2 (quick mode) proposals, RFC 2407: the SA an initiator
 * offers from a crypto map entry's transform sets, and a responder's
 * choice among a peer's proposals, logged as IOS logs it ("Checking IPSec
 * proposal 1", "transform 1, ESP_DES", "encaps is 1", "atts are
 * acceptable.").
 *
 * Proposals with the same number form one bundle (the seed's AH and ESP
 * together); different numbers are alternatives, in the peer's order of
 * preference.  A bundle fits one of our transform sets when it carries
 * exactly the set's protocols, each with the set's algorithms and mode,
 * and the PFS group the entry asks for.  Lifetimes: the shorter of the
 * peer's and ours, noting when ours was (RESPONDER-LIFETIME).
 */
#ifndef NFSEC_IKEV1_P2_PROPOSAL_H
#define NFSEC_IKEV1_P2_PROPOSAL_H

#include <stdbool.h>
#include <stdint.h>

#include "conf.h"
#include "ikev1_proposal.h"
#include "isakmp.h"

/* RFC 2407 4.5: phase-2 attribute types. */
enum {
	IKEV1_P2_LIFE_TYPE = 1,
	IKEV1_P2_LIFE = 2,
	IKEV1_P2_GROUP = 3,
	IKEV1_P2_ENCAPS = 4,
	IKEV1_P2_AUTH = 5,
	IKEV1_P2_KEYLEN = 6,
};
/* RFC 2407 4.5: an SA without a seconds lifetime has 8 hours. */
#define IKEV1_P2_LIFE_SEC_DEFAULT 28800
#define IKEV1_ENCAPS_TUNNEL 1
#define IKEV1_ENCAPS_TRANSPORT 2

struct ikev1_p2_choice {
	const struct conf_tset *tset; /* ours that fitted */
	uint8_t prop_num;
	uint8_t ah_spi[4], esp_spi[4]; /* the peer's, for our outbound SAs */
	uint8_t pfs_group; /* 0: none */
	uint32_t life_sec;
	uint64_t life_kb;
	bool lifetime_ours; /* ours was shorter than proposed, or not proposed */
};

/*
 * The responder's choice for the peer's @sa against entry @e.  0, or
 * -ENOENT (NO-PROPOSAL-CHOSEN) when no bundle fits a transform set.
 */
int ikev1_p2_select(const struct conf *c, const struct conf_map_entry *e,
		    const struct isakmp_sa *sa, struct ikev1_p2_choice *out,
		    ikev1_log_fn log, void *arg);

/*
 * The initiator's offer for entry @e: one bundle per transform set, in
 * the entry's order, with our inbound SPIs (network order).
 */
void ikev1_p2_offer(const struct conf *c, const struct conf_map_entry *e,
		    const uint8_t *ah_spi, const uint8_t *esp_spi,
		    struct isakmp_sa *sa);

/* The lifetimes that apply to @e: its own, else the global ones. */
uint32_t ikev1_p2_life_sec(const struct conf *c,
			   const struct conf_map_entry *e);
uint64_t ikev1_p2_life_kb(const struct conf *c, const struct conf_map_entry *e);

#endif /* NFSEC_IKEV1_P2_PROPOSAL_H */
