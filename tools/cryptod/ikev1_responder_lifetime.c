// SPDX-License-Identifier: GPL-2.0
/*
 * RESPONDER-LIFETIME (RFC 2407 4.6.3.1): a quick mode's responder whose
 * lifetime is shorter than the initiator proposed (or who has one of a
 * kind the initiator did not propose) says so in Quick Mode message 2,
 * with a Notification carrying its SA Life Type and Duration attributes
 * and, as SPI, its inbound SPI of the chosen protocol.  IOS sends it, and
 * the initiator takes the shorter lifetimes for both directions.  Our
 * responder's SA payload carries the same lifetimes, for initiators that
 * read them there.
 */
#include <errno.h>
#include <inttypes.h>

#include "ikev1_int.h"
#include "ikev1_p2_proposal.h"
#include "ikev1_proposal.h"

void ikev1_responder_lifetime_write(struct ikev1_ctx *ctx,
				    const struct ikev1_sa *sa,
				    const struct ikev1_qm *qm,
				    struct isakmp_w *w)
{
	const struct ikev1_p2_choice *c = &qm->choice;
	bool esp = c->tset->esp;

	if (!c->lifetime_ours)
		return;
	isakmp_w_payload(w, ISAKMP_PL_N);
	isakmp_w_u32(w, ISAKMP_DOI_IPSEC);
	isakmp_w_u8(w, esp ? ISAKMP_PROTO_IPSEC_ESP : ISAKMP_PROTO_IPSEC_AH);
	isakmp_w_u8(w, 4);
	isakmp_w_u16(w, ISAKMP_N_RESPONDER_LIFETIME);
	isakmp_w_put(w, esp ? qm->esp_spi : qm->ah_spi, 4);
	isakmp_w_attr(w, IKEV1_P2_LIFE_TYPE, IKEV1_LIFE_SECONDS);
	isakmp_w_attr(w, IKEV1_P2_LIFE, c->life_sec);
	isakmp_w_attr(w, IKEV1_P2_LIFE_TYPE, IKEV1_LIFE_KILOBYTES);
	isakmp_w_attr(w, IKEV1_P2_LIFE, c->life_kb);
	ikev1_logf(ctx, sa, true,
		   "sending RESPONDER-LIFETIME: %" PRIu32 " seconds, %" PRIu64
		   " kilobytes",
		   c->life_sec, c->life_kb);
}

/* The notify's lifetimes, each lowering @c's of its kind; -EBADMSG. */
static int rl_take(const uint8_t *b, size_t len, struct ikev1_p2_choice *c)
{
	struct isakmp_transform t = { .nattrs = 0 };
	uint64_t type = IKEV1_LIFE_SECONDS;
	struct isakmp_err e;
	size_t i, data;

	if (len < 8 || len < 8 + (size_t)b[5])
		return -EBADMSG;
	data = 8 + b[5];
	if (isakmp_attrs_parse(b + data, len - data, &t, &e))
		return -EBADMSG;
	for (i = 0; i < t.nattrs; i++) {
		if (t.attrs[i].type == IKEV1_P2_LIFE_TYPE)
			type = t.attrs[i].val;
		else if (t.attrs[i].type != IKEV1_P2_LIFE || !t.attrs[i].val)
			continue;
		else if (type == IKEV1_LIFE_SECONDS &&
			 t.attrs[i].val < c->life_sec)
			c->life_sec = (uint32_t)t.attrs[i].val;
		else if (type == IKEV1_LIFE_KILOBYTES &&
			 (!c->life_kb || t.attrs[i].val < c->life_kb))
			c->life_kb = t.attrs[i].val;
	}
	return 0;
}

void ikev1_responder_lifetime_input(struct ikev1_ctx *ctx,
				    const struct ikev1_sa *sa,
				    const struct isakmp_payloads *pls,
				    struct ikev1_p2_choice *c)
{
	const struct isakmp_payload *p;
	size_t i;

	for (i = 0; i < pls->n; i++) {
		p = &pls->pl[i];
		if (p->type != ISAKMP_PL_N || p->len < 8 ||
		    (p->body[6] << 8 | p->body[7]) !=
			    ISAKMP_N_RESPONDER_LIFETIME)
			continue;
		if (rl_take(p->body, p->len, c))
			ikev1_logf(ctx, sa, true,
				   "malformed RESPONDER-LIFETIME ignored");
		else
			ikev1_logf(ctx, sa, true,
				   "received RESPONDER-LIFETIME: %" PRIu32
				   " seconds, %" PRIu64 " kilobytes",
				   c->life_sec, c->life_kb);
	}
}
