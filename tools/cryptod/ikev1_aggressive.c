// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 Aggressive Mode with pre-shared keys (RFC 2409 5.4):
 *
 *   AM1  I -> R  HDR, SA, KE, Ni, IDii
 *   AM2  R -> I  HDR, SA, KE, Nr, IDir, HASH_R
 *   AM3  I -> R  HDR*, HASH_I
 *
 * Main Mode cannot use a key chosen by the peer's name: the responder
 * needs the key before it can decrypt the ID.  Aggressive Mode sends the
 * ID in the clear, so `crypto isakmp key K hostname H` works with it, as
 * in the seed's wan2511 example.  cryptod initiates it when its own
 * identity is its hostname (`crypto isakmp identity hostname`); as
 * responder it looks the key up by the initiator's FQDN, or by address.
 * One KE goes in AM1, so only the policies of the first one's DH group
 * are offered.  AM3 is sent encrypted; an unencrypted one is accepted.
 * Quick Mode 1 follows AM3 at once; a quick mode keeps its own messages,
 * so AM3 stays phase 1's last and goes again when the responder repeats
 * AM2 (it did not hear AM3).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <gnutls/gnutls.h>

#include "ikev1_int.h"

#define OAKLEY_GROUP_DESCRIPTION 4

const struct conf_psk *ikev1_psk_for_host(const struct conf *c,
					  const char *name)
{
	size_t i;

	for (i = 0; i < c->npsks; i++)
		if (c->psks[i].host[0] && !strcasecmp(c->psks[i].host, name))
			return &c->psks[i];
	return NULL;
}

/* Our offer, cut to the transforms of the first one's group. */
static uint8_t am_offer(const struct conf *c, struct isakmp_sa *offer)
{
	struct isakmp_proposal *p = &offer->props[0];
	const struct isakmp_attr *g;
	uint8_t group = 0;
	size_t i, n = 0;

	ikev1_p1_offer(c, offer);
	for (i = 0; i < p->nxf; i++) {
		g = isakmp_attr_find(&p->xf[i], OAKLEY_GROUP_DESCRIPTION);
		if (!g)
			continue;
		if (!group)
			group = (uint8_t)g->val;
		if (g->val == group)
			p->xf[n++] = p->xf[i];
	}
	p->nxf = n;
	return group;
}

/* Writes our ID payload and keeps its body in @b. */
static void am_put_id(const struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		      struct isakmp_w *w, uint8_t *b, size_t cap, size_t *len)
{
	struct ikev1_id id;

	ikev1_p1_my_id(ctx, sa, &id);
	*len = ikev1_id_write(&id, b, cap);
	isakmp_w_simple(w, ISAKMP_PL_ID, b, *len);
}

static void am_put_ke_nonce(const struct ikev1_sa *sa, struct isakmp_w *w)
{
	isakmp_w_simple(w, ISAKMP_PL_KE, sa->initiator ? sa->gxi : sa->gxr,
			sa->gxlen);
	isakmp_w_simple(w, ISAKMP_PL_NONCE, sa->initiator ? sa->ni : sa->nr,
			sa->initiator ? sa->nilen : sa->nrlen);
}

int ikev1_am_start(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	static struct isakmp_sa offer;
	uint8_t buf[IKEV1_BUF];
	struct isakmp_hdr h;
	struct isakmp_w w;
	int err;

	sa->aggressive = true;
	sa->choice.group = am_offer(ctx->conf, &offer);
	err = ikev1_p1_make_ke(sa);
	if (err)
		return err;
	ikev1_hdr(sa, ISAKMP_EXCH_AGGRESSIVE, 0, 0, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	if (ikev1_p1_put_offer(sa, &w, &offer))
		return -ENOSPC;
	am_put_ke_nonce(sa, &w);
	am_put_id(ctx, sa, &w, sa->idi_b, sizeof(sa->idi_b), &sa->idi_len);
	ikev1_dpd_vid_write(&w);
	ikev1_logf(ctx, sa, true, "beginning Aggressive Mode exchange");
	sa->state = IKEV1_AG_INIT_EXCH;
	return ikev1_p1_send(ctx, sa, &w, false);
}

static void am_failed(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	char a[64];

	ikev1_fail(
		ctx, sa,
		"%%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Aggressive mode failed with peer at %s",
		nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)));
}

/* The responder's key: by the initiator's FQDN, else by its address. */
static int am_r_key(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_payload *idp)
{
	struct ikev1_id id;

	ikev1_logf(ctx, sa, true, "processing ID payload. message ID = 0");
	if (ikev1_id_parse(idp->body, idp->len, &id) ||
	    idp->len > sizeof(sa->idi_b))
		return -EBADMSG;
	memcpy(sa->idi_b, idp->body, idp->len);
	sa->idi_len = idp->len;
	if (id.type != IKEV1_ID_FQDN)
		return 0; /* by address, in ikev1_p1_take_ke() */
	sa->psk = ikev1_psk_for_host(ctx->conf, id.name);
	if (!sa->psk) {
		ikev1_logf(ctx, NULL, false,
			   "no pre-shared key based on hostname %s!", id.name);
		return -ENOKEY;
	}
	return 0;
}

/* HASH_R (@mine on the responder) or HASH_I, from the keys both have. */
static int am_hash(const struct ikev1_sa *sa, bool of_responder,
		   const uint8_t *id, size_t idlen, uint8_t *out)
{
	return ikev1_hash_auth(&sa->keys, of_responder ? sa->gxr : sa->gxi,
			       of_responder ? sa->gxi : sa->gxr, sa->gxlen,
			       of_responder ? sa->rcky : sa->icky,
			       of_responder ? sa->icky : sa->rcky, sa->sai_b,
			       sa->sai_len, id, idlen, out);
}

/* AM2: the chosen transform, our KE, Nr, ID and HASH_R. */
static int am2_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_sa *in)
{
	uint8_t buf[IKEV1_BUF], idb[300], hash[IKE_HASH_MAX];
	struct isakmp_hdr h;
	struct isakmp_w w;
	size_t idlen;

	ikev1_hdr(sa, ISAKMP_EXCH_AGGRESSIVE, 0, 0, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	ikev1_p1_put_answer(sa, &w, in);
	am_put_ke_nonce(sa, &w);
	am_put_id(ctx, sa, &w, idb, sizeof(idb), &idlen);
	if (am_hash(sa, true, idb, idlen, hash))
		return -EIO;
	isakmp_w_simple(&w, ISAKMP_PL_HASH, hash, sa->keys.hlen);
	ikev1_dpd_vid_write(&w);
	return ikev1_p1_send(ctx, sa, &w, false);
}

/* Responder: AM1 in, AM2 out. */
static void am_r1(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  const struct isakmp_hdr *h, const uint8_t *buf, size_t len)
{
	struct ikev1_logarg la = { ctx, sa };
	static struct isakmp_sa in;
	const struct isakmp_payload *p, *idp;
	struct isakmp_payloads pls;
	struct isakmp_err e;

	sa->aggressive = true;
	if (ikev1_p1_parse(ctx, sa, h, buf, len, &pls))
		goto fail;
	p = isakmp_find(&pls, ISAKMP_PL_SA);
	idp = isakmp_find(&pls, ISAKMP_PL_ID);
	ikev1_logf(ctx, sa, true, "processing SA payload. message ID = 0");
	if (!p || !idp || isakmp_sa_parse(p->body, p->len, &in, &e) ||
	    in.nprops != 1 || p->len > sizeof(sa->sai_b))
		goto fail;
	memcpy(sa->sai_b, p->body, p->len);
	sa->sai_len = p->len;
	if (ikev1_p1_select(ctx->conf, &in.props[0], &sa->choice,
			    ikev1_proposal_log, &la) ||
	    am_r_key(ctx, sa, idp) || ikev1_p1_make_ke(sa) ||
	    ikev1_p1_take_ke(ctx, sa, &pls))
		goto fail;
	ikev1_dpd_vid_seen(sa, &pls);
	sa->state = IKEV1_AG_INIT_EXCH;
	if (am2_send(ctx, sa, &in))
		goto fail;
	return;
fail:
	if (sa->used)
		am_failed(ctx, sa);
}

/* AM3: HASH_I, encrypted. */
static int am3_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	uint8_t buf[256], hash[IKE_HASH_MAX];
	struct isakmp_hdr h;
	struct isakmp_w w;

	if (am_hash(sa, false, sa->idi_b, sa->idi_len, hash))
		return -EIO;
	ikev1_hdr(sa, ISAKMP_EXCH_AGGRESSIVE, ISAKMP_FLAG_ENC, 0, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_simple(&w, ISAKMP_PL_HASH, hash, sa->keys.hlen);
	/*
	 * Kept as phase 1's last message: the quick mode that follows at
	 * once keeps its own, so a repeated AM2 still gets this again.
	 */
	return ikev1_p1_send(ctx, sa, &w, true);
}

/* Is @hp the HASH over @id of the other side? */
static bool am_hash_ok(const struct ikev1_sa *sa, bool of_responder,
		       const struct isakmp_payload *hp, const uint8_t *id,
		       size_t idlen)
{
	uint8_t want[IKE_HASH_MAX];

	return hp && hp->len == sa->keys.hlen &&
	       !am_hash(sa, of_responder, id, idlen, want) &&
	       !gnutls_memcmp(want, hp->body, hp->len);
}

/* Initiator: AM2 in, AM3 out. */
static void am_i2(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  const struct isakmp_hdr *h, const uint8_t *buf, size_t len)
{
	struct ikev1_logarg la = { ctx, sa };
	static struct isakmp_sa in;
	const struct isakmp_payload *p, *idp, *hp;
	struct isakmp_payloads pls;
	struct isakmp_err e;
	uint8_t group = sa->choice.group;

	if (ikev1_p1_parse(ctx, sa, h, buf, len, &pls))
		goto fail;
	p = isakmp_find(&pls, ISAKMP_PL_SA);
	idp = isakmp_find(&pls, ISAKMP_PL_ID);
	hp = isakmp_find(&pls, ISAKMP_PL_HASH);
	ikev1_logf(ctx, sa, true, "processing SA payload. message ID = 0");
	if (!p || !idp || isakmp_sa_parse(p->body, p->len, &in, &e) ||
	    in.nprops != 1 || in.props[0].nxf != 1 ||
	    ikev1_p1_select(ctx->conf, &in.props[0], &sa->choice,
			    ikev1_proposal_log, &la) ||
	    sa->choice.group != group)
		goto fail;
	memcpy(sa->rcky, h->rcky, 8);
	ikev1_dpd_vid_seen(sa, &pls);
	if (ikev1_p1_take_ke(ctx, sa, &pls))
		goto fail;
	ikev1_logf(ctx, sa, true, "processing ID payload. message ID = 0");
	ikev1_logf(ctx, sa, true, "processing HASH payload. message ID = 0");
	if (!am_hash_ok(sa, true, hp, idp->body, idp->len)) {
		ikev1_logf(
			ctx, sa, true,
			"hash verification failed: is the pre-shared key the same on both ends?");
		ikev1_event_auth_fail(ctx, sa);
		goto fail;
	}
	if (am3_send(ctx, sa))
		goto fail;
	ikev1_p1_authenticated(ctx, sa);
	ikev1_qm_next(ctx, sa);
	return;
fail:
	if (sa->used)
		am_failed(ctx, sa);
}

/* Responder: AM3 in. */
static void am_r3(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  const struct isakmp_hdr *h, uint8_t *buf, size_t len)
{
	struct isakmp_payloads pls;

	if (((h->flags & ISAKMP_FLAG_ENC) &&
	     ikev1_decrypt(sa, sa->iv, buf, len)) ||
	    ikev1_p1_parse(ctx, sa, h, buf, len, &pls))
		goto fail;
	ikev1_logf(ctx, sa, true, "processing HASH payload. message ID = 0");
	if (!am_hash_ok(sa, false, isakmp_find(&pls, ISAKMP_PL_HASH), sa->idi_b,
			sa->idi_len)) {
		ikev1_logf(
			ctx, sa, true,
			"hash verification failed: is the pre-shared key the same on both ends?");
		ikev1_event_auth_fail(ctx, sa);
		goto fail;
	}
	ikev1_p1_authenticated(ctx, sa);
	return;
fail:
	am_failed(ctx, sa);
}

void ikev1_am_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len)
{
	uint8_t *m = (uint8_t *)buf;

	if (h->msgid) {
		ikev1_logf(ctx, sa, true,
			   "Aggressive Mode message with a message ID");
		return;
	}
	if (!sa->initiator && sa->state == IKEV1_MM_NO_STATE && !sa->sai_len)
		am_r1(ctx, sa, h, buf, len);
	else if (sa->initiator && sa->state == IKEV1_AG_INIT_EXCH)
		am_i2(ctx, sa, h, buf, len);
	else if (!sa->initiator && sa->state == IKEV1_AG_INIT_EXCH)
		am_r3(ctx, sa, h, m, len);
	else
		ikev1_logf(ctx, sa, true,
			   "unexpected Aggressive Mode message in %s",
			   ikev1_state_str(sa->state));
}
