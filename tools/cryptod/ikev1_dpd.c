// SPDX-License-Identifier: GPL-2.0
/*
 * Dead peer detection (RFC 3706), IOS's `crypto isakmp keepalive SECS
 * [RETRY]`.  Both ends say they do it with a vendor ID in Main Mode 1
 * and 2; we always do, so we always answer an R-U-THERE.  With a
 * keepalive configured and a peer that does DPD, an ISAKMP SA that has
 * heard nothing from its peer for SECS seconds sends R-U-THERE, and
 * again every RETRY seconds while unanswered; after IKEV1_DPD_TRIES the
 * peer is dead: the ISAKMP SA and every SA pair with it go, so the next
 * packet raises ACQUIRE and negotiates afresh.
 *
 *   N: DOI, protocol ISAKMP, SPI size 16, R-U-THERE | R-U-THERE-ACK,
 *      SPI = CKY-I | CKY-R, data = a 32-bit sequence number
 */
#include <stdio.h>
#include <string.h>

#include "ikev1_int.h"

#define DPD_BODY_LEN (8 + 16 + 4)

/* RFC 3706 section 5.1: 0xafcad71368a1f1c96b8696fc7757, major 1, minor 0 */
static const uint8_t ikev1_dpd_vid[16] = {
	0xaf, 0xca, 0xd7, 0x13, 0x68, 0xa1, 0xf1, 0xc9,
	0x6b, 0x86, 0x96, 0xfc, 0x77, 0x57, 0x01, 0x00,
};

void ikev1_dpd_vid_write(struct isakmp_w *w)
{
	isakmp_w_simple(w, ISAKMP_PL_VID, ikev1_dpd_vid, sizeof(ikev1_dpd_vid));
}

void ikev1_dpd_vid_seen(struct ikev1_sa *sa, const struct isakmp_payloads *pls)
{
	size_t i;

	for (i = 0; i < pls->n; i++)
		if (pls->pl[i].type == ISAKMP_PL_VID &&
		    pls->pl[i].len == sizeof(ikev1_dpd_vid) &&
		    !memcmp(pls->pl[i].body, ikev1_dpd_vid,
			    sizeof(ikev1_dpd_vid)))
			sa->dpd_peer = true;
}

static int dpd_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa, uint16_t type,
		    uint32_t seq)
{
	uint8_t b[DPD_BODY_LEN];

	b[0] = 0;
	b[1] = 0;
	b[2] = 0;
	b[3] = ISAKMP_DOI_IPSEC;
	b[4] = ISAKMP_PROTO_ISAKMP;
	b[5] = 16;
	b[6] = (uint8_t)(type >> 8);
	b[7] = (uint8_t)type;
	memcpy(b + 8, sa->icky, 8);
	memcpy(b + 16, sa->rcky, 8);
	b[24] = (uint8_t)(seq >> 24);
	b[25] = (uint8_t)(seq >> 16);
	b[26] = (uint8_t)(seq >> 8);
	b[27] = (uint8_t)seq;
	return ikev1_info_send(ctx, sa, ISAKMP_PL_N, b, sizeof(b));
}

bool ikev1_dpd_notify(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		      const uint8_t *body, size_t len)
{
	uint16_t type = (uint16_t)(body[6] << 8 | body[7]);
	uint32_t seq;

	if (type != ISAKMP_N_R_U_THERE && type != ISAKMP_N_R_U_THERE_ACK)
		return false;
	if (len != DPD_BODY_LEN || body[5] != 16 ||
	    memcmp(body + 8, sa->icky, 8) || memcmp(body + 16, sa->rcky, 8)) {
		ikev1_logf(ctx, sa, true, "dropped a malformed DPD notify");
		return true;
	}
	seq = (uint32_t)body[24] << 24 | (uint32_t)body[25] << 16 |
	      (uint32_t)body[26] << 8 | body[27];
	if (type == ISAKMP_N_R_U_THERE) {
		ikev1_logf(ctx, sa, true,
			   "received DPD R-U-THERE %u, sending R-U-THERE-ACK",
			   seq);
		dpd_send(ctx, sa, ISAKMP_N_R_U_THERE_ACK, seq);
	} else if (sa->dpd_wait && seq == sa->dpd_seq) {
		ikev1_logf(ctx, sa, true, "received DPD R-U-THERE-ACK %u", seq);
		sa->dpd_wait = false;
		sa->dpd_tries = 0;
	}
	return true;
}

static bool dpd_on(const struct ikev1_ctx *ctx, const struct ikev1_sa *sa)
{
	return ctx->conf->dpd_interval && sa->dpd_peer &&
	       sa->state == IKEV1_QM_IDLE;
}

uint64_t ikev1_dpd_next(const struct ikev1_ctx *ctx, const struct ikev1_sa *sa)
{
	if (!dpd_on(ctx, sa))
		return 0;
	if (sa->dpd_wait)
		return sa->dpd_at;
	return sa->last_heard + (uint64_t)ctx->conf->dpd_interval * 1000;
}

static void dpd_dead(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	char a[64];

	snprintf(ctx->failure, sizeof(ctx->failure),
		 "DPD: peer %s is not responding; deleting its SAs",
		 nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)));
	ikev1_logf(ctx, sa, true, "%s", ctx->failure);
	ikev1_event_down(ctx, sa);
	ikev1_installed_forget(ctx, sa);
	ikev1_sa_free(sa);
}

void ikev1_dpd_tick(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	uint64_t next = ikev1_dpd_next(ctx, sa);

	if (!next || ctx->now < next)
		return;
	if (sa->dpd_tries == IKEV1_DPD_TRIES) {
		dpd_dead(ctx, sa);
		return;
	}
	sa->dpd_seq++;
	sa->dpd_tries++;
	sa->dpd_wait = true;
	sa->dpd_at = ctx->now + (uint64_t)ctx->conf->dpd_retry * 1000;
	ikev1_logf(ctx, sa, true, "sending DPD R-U-THERE %u", sa->dpd_seq);
	dpd_send(ctx, sa, ISAKMP_N_R_U_THERE, sa->dpd_seq);
}
