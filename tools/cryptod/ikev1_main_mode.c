// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 Main Mode with pre-shared keys (RFC 2409 5.4):
 *
 *   MM1  I -> R  HDR, SA
 *   MM2  R -> I  HDR, SA                 (one chosen transform)
 *   MM3  I -> R  HDR, KE, Ni
 *   MM4  R -> I  HDR, KE, Nr
 *   MM5  I -> R  HDR*, IDii, HASH_I      (encrypted from here)
 *   MM6  R -> I  HDR*, IDir, HASH_R
 *
 * The log lines follow IOS's `debug crypto isakmp`.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <gnutls/gnutls.h>

#include "ikev1_int.h"

int ikev1_p1_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  struct isakmp_w *w, bool encrypt)
{
	int len = isakmp_w_finish(w);
	size_t n;

	if (len < 0)
		return len;
	n = (size_t)len;
	if (encrypt && ikev1_encrypt(sa, sa->iv, w->buf, &n, w->cap))
		return -ENOSPC;
	return ikev1_send(ctx, sa, w->buf, n);
}

int ikev1_p1_put_offer(struct ikev1_sa *sa, struct isakmp_w *w,
		       const struct isakmp_sa *offer)
{
	size_t at;

	isakmp_w_sa(w, offer);
	at = isakmp_w_body_at(w);
	if (w->err || w->len - at > sizeof(sa->sai_b))
		return -ENOSPC;
	memcpy(sa->sai_b, w->buf + at, w->len - at);
	sa->sai_len = w->len - at;
	return 0;
}

void ikev1_p1_put_answer(const struct ikev1_sa *sa, struct isakmp_w *w,
			 const struct isakmp_sa *in)
{
	static struct isakmp_sa out;
	size_t i;

	out = *in;
	for (i = 0; i < in->props[0].nxf; i++)
		if (in->props[0].xf[i].num == sa->choice.xf_num)
			out.props[0].xf[0] = in->props[0].xf[i];
	out.props[0].nxf = 1;
	isakmp_w_sa(w, &out);
}

int ikev1_mm_start(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	static struct isakmp_sa offer;
	uint8_t buf[IKEV1_BUF];
	struct isakmp_hdr h;
	struct isakmp_w w;

	ikev1_p1_offer(ctx->conf, &offer);
	ikev1_hdr(sa, ISAKMP_EXCH_IDPROT, 0, 0, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	if (ikev1_p1_put_offer(sa, &w, &offer))
		return -ENOSPC;
	ikev1_dpd_vid_write(&w);
	ikev1_logf(ctx, sa, true, "beginning Main Mode exchange");
	sa->state = IKEV1_MM_NO_STATE;
	return ikev1_p1_send(ctx, sa, &w, false);
}

int ikev1_p1_parse(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		   const struct isakmp_hdr *h, const uint8_t *buf, size_t len,
		   struct isakmp_payloads *pls)
{
	struct isakmp_err e;

	if (isakmp_payloads_parse(buf + ISAKMP_HDR_LEN, len - ISAKMP_HDR_LEN,
				  h->next, h->flags & ISAKMP_FLAG_ENC, pls,
				  &e)) {
		ikev1_logf(ctx, sa, true, "malformed message: %s", e.why);
		return -EBADMSG;
	}
	return 0;
}

/* Responder: MM1 in, MM2 out. */
static void mm_r_sa(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len)
{
	struct ikev1_logarg la = { ctx, sa };
	static struct isakmp_sa in;
	const struct isakmp_payload *p;
	struct isakmp_payloads pls;
	uint8_t reply[IKEV1_BUF];
	struct isakmp_err e;
	struct isakmp_hdr rh;
	struct isakmp_w w;

	if (ikev1_p1_parse(ctx, sa, h, buf, len, &pls))
		goto drop;
	p = isakmp_find(&pls, ISAKMP_PL_SA);
	ikev1_logf(ctx, sa, true, "processing SA payload. message ID = 0");
	if (!p || isakmp_sa_parse(p->body, p->len, &in, &e) || in.nprops != 1 ||
	    p->len > sizeof(sa->sai_b))
		goto drop;
	memcpy(sa->sai_b, p->body, p->len);
	sa->sai_len = p->len;
	if (ikev1_p1_select(ctx->conf, &in.props[0], &sa->choice,
			    ikev1_proposal_log, &la)) {
		ikev1_fail(ctx, sa,
			   "phase 1 SA not acceptable to our policies");
		return;
	}
	ikev1_hdr(sa, ISAKMP_EXCH_IDPROT, 0, 0, &rh);
	isakmp_w_init(&w, reply, sizeof(reply), &rh);
	ikev1_p1_put_answer(sa, &w, &in);
	ikev1_dpd_vid_write(&w);
	ikev1_dpd_vid_seen(sa, &pls);
	sa->state = IKEV1_MM_SA_SETUP;
	ikev1_p1_send(ctx, sa, &w, false);
	return;
drop:
	ikev1_fail(ctx, sa, "malformed Main Mode message 1");
}

/* Our DH value and nonce, for MM3 or MM4. */
int ikev1_p1_make_ke(struct ikev1_sa *sa)
{
	uint8_t *nonce = sa->initiator ? sa->ni : sa->nr;
	int err;

	err = ike_dh_init(&sa->dh, sa->choice.group);
	if (!err)
		err = ike_random(nonce, IKEV1_NONCE_LEN);
	if (err)
		return err;
	if (sa->initiator) {
		sa->nilen = IKEV1_NONCE_LEN;
		memcpy(sa->gxi, sa->dh.pub, sa->dh.len);
	} else {
		sa->nrlen = IKEV1_NONCE_LEN;
		memcpy(sa->gxr, sa->dh.pub, sa->dh.len);
	}
	sa->gxlen = sa->dh.len;
	return 0;
}

/* MM3 (initiator) or MM4 (responder): KE and nonce. */
static int mm_send_ke(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	uint8_t *nonce = sa->initiator ? sa->ni : sa->nr;
	uint8_t buf[IKEV1_BUF];
	struct isakmp_hdr h;
	struct isakmp_w w;

	ikev1_hdr(sa, ISAKMP_EXCH_IDPROT, 0, 0, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_simple(&w, ISAKMP_PL_KE, sa->dh.pub, sa->dh.len);
	isakmp_w_simple(&w, ISAKMP_PL_NONCE, nonce, IKEV1_NONCE_LEN);
	return ikev1_p1_send(ctx, sa, &w, false);
}

static void mm_i_sa(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len)
{
	struct ikev1_logarg la = { ctx, sa };
	static struct isakmp_sa in;
	const struct isakmp_payload *p;
	struct isakmp_payloads pls;
	struct isakmp_err e;

	if (ikev1_p1_parse(ctx, sa, h, buf, len, &pls))
		return;
	p = isakmp_find(&pls, ISAKMP_PL_SA);
	ikev1_logf(ctx, sa, true, "processing SA payload. message ID = 0");
	if (!p || isakmp_sa_parse(p->body, p->len, &in, &e) || in.nprops != 1 ||
	    in.props[0].nxf != 1) {
		ikev1_fail(ctx, sa, "malformed Main Mode message 2");
		return;
	}
	/* the responder's choice must be one of our policies */
	if (ikev1_p1_select(ctx->conf, &in.props[0], &sa->choice,
			    ikev1_proposal_log, &la)) {
		ikev1_fail(ctx, sa,
			   "the peer chose a transform we did not offer");
		return;
	}
	memcpy(sa->rcky, h->rcky, 8);
	ikev1_dpd_vid_seen(sa, &pls);
	sa->state = IKEV1_MM_SA_SETUP;
	if (ikev1_p1_make_ke(sa) || mm_send_ke(ctx, sa))
		ikev1_fail(ctx, sa, "could not send Main Mode message 3");
}

/* KE and nonce from the peer; then g^xy, SKEYID... and the first IV. */
int ikev1_p1_take_ke(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		     const struct isakmp_payloads *pls)
{
	const struct isakmp_payload *ke = isakmp_find(pls, ISAKMP_PL_KE);
	const struct isakmp_payload *n = isakmp_find(pls, ISAKMP_PL_NONCE);
	size_t *peer_nlen, glen = ike_dh_secret_len(sa->choice.group);
	uint8_t gxy[IKE_DH_MAX], *peer_nonce;
	const struct conf_psk *psk;
	int err;

	ikev1_logf(ctx, sa, true, "processing KE payload. message ID = 0");
	ikev1_logf(ctx, sa, true, "processing NONCE payload. message ID = 0");
	if (!ke || !n || ke->len != ike_dh_pub_len(sa->choice.group) ||
	    n->len < 8 || n->len > sizeof(sa->ni))
		return -EBADMSG;
	peer_nonce = sa->initiator ? sa->nr : sa->ni;
	peer_nlen = sa->initiator ? &sa->nrlen : &sa->nilen;
	memcpy(peer_nonce, n->body, n->len);
	*peer_nlen = n->len;
	memcpy(sa->initiator ? sa->gxr : sa->gxi, ke->body, ke->len);
	sa->gxlen = ke->len;
	/* Aggressive Mode's responder chose it by the peer's name */
	psk = sa->psk ? sa->psk
		      : ikev1_psk_for(ctx->conf, sa->family, &sa->peer);
	/* once the keys are derived, nothing holds on to the configuration's */
	sa->psk = NULL;
	if (!psk) {
		char a[64];

		ikev1_fail(
			ctx, sa,
			"No cert, and no keys (public or pre-shared) with remote peer %s",
			nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)));
		return -ENOKEY;
	}
	err = ike_dh_shared(&sa->dh, ke->body, ke->len, gxy);
	if (!err)
		err = ikev1_keys_psk(&sa->keys, sa->choice.hash, sa->choice.enc,
				     sa->choice.keybits, psk->key, psk->keylen,
				     sa->ni, sa->nilen, sa->nr, sa->nrlen, gxy,
				     glen, sa->icky, sa->rcky);
	if (!err)
		err = ikev1_iv_phase1(&sa->keys, sa->gxi, sa->gxlen, sa->gxr,
				      sa->gxlen, sa->iv);
	explicit_bzero(gxy, sizeof(gxy));
	if (!err)
		ikev1_logf(ctx, sa, true, "SKEYID state generated");
	return err;
}

/* Our phase-1 identity: our address, or hostname.domain. */
void ikev1_p1_my_id(const struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		    struct ikev1_id *id)
{
	memset(id, 0, sizeof(*id));
	id->proto = IPPROTO_UDP;
	id->port = 500;
	if (ctx->conf->identity == CONF_ID_HOSTNAME && ctx->conf->hostname[0]) {
		id->type = IKEV1_ID_FQDN;
		snprintf(id->name, sizeof(id->name), "%s%s%s",
			 ctx->conf->hostname, ctx->conf->domain[0] ? "." : "",
			 ctx->conf->domain);
		return;
	}
	id->type = sa->family == AF_INET6 ? IKEV1_ID_IPV6_ADDR
					  : IKEV1_ID_IPV4_ADDR;
	id->family = sa->family;
	id->addr = sa->local;
}

/* MM5 (initiator) or MM6 (responder): our ID and HASH, encrypted. */
static int mm_send_auth(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	uint8_t buf[IKEV1_BUF], idb[300], hash[IKE_HASH_MAX];
	const uint8_t *ga = sa->initiator ? sa->gxi : sa->gxr;
	const uint8_t *gb = sa->initiator ? sa->gxr : sa->gxi;
	struct ikev1_id id;
	struct isakmp_hdr h;
	struct isakmp_w w;
	size_t idlen;
	int err;

	ikev1_p1_my_id(ctx, sa, &id);
	idlen = ikev1_id_write(&id, idb, sizeof(idb));
	err = ikev1_hash_auth(&sa->keys, ga, gb, sa->gxlen,
			      sa->initiator ? sa->icky : sa->rcky,
			      sa->initiator ? sa->rcky : sa->icky, sa->sai_b,
			      sa->sai_len, idb, idlen, hash);
	if (err)
		return err;
	ikev1_hdr(sa, ISAKMP_EXCH_IDPROT, ISAKMP_FLAG_ENC, 0, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_simple(&w, ISAKMP_PL_ID, idb, idlen);
	isakmp_w_simple(&w, ISAKMP_PL_HASH, hash, sa->keys.hlen);
	if (sa->initiator && ikev1_initial_contact_due(ctx, sa))
		ikev1_initial_contact_write(sa, &w);
	return ikev1_p1_send(ctx, sa, &w, true);
}

/* The peer's ID and HASH: is it who holds our pre-shared key? */
static int mm_check_auth(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			 const struct isakmp_payloads *pls)
{
	const struct isakmp_payload *id = isakmp_find(pls, ISAKMP_PL_ID);
	const struct isakmp_payload *hp = isakmp_find(pls, ISAKMP_PL_HASH);
	const uint8_t *ga = sa->initiator ? sa->gxr : sa->gxi;
	const uint8_t *gb = sa->initiator ? sa->gxi : sa->gxr;
	uint8_t want[IKE_HASH_MAX];
	struct ikev1_id pid;

	ikev1_logf(ctx, sa, true, "processing ID payload. message ID = 0");
	ikev1_logf(ctx, sa, true, "processing HASH payload. message ID = 0");
	if (!id || !hp || ikev1_id_parse(id->body, id->len, &pid))
		return -EBADMSG;
	if (ikev1_hash_auth(&sa->keys, ga, gb, sa->gxlen,
			    sa->initiator ? sa->rcky : sa->icky,
			    sa->initiator ? sa->icky : sa->rcky, sa->sai_b,
			    sa->sai_len, id->body, id->len, want))
		return -EIO;
	if (hp->len != sa->keys.hlen || gnutls_memcmp(want, hp->body, hp->len))
		return -EACCES;
	return 0;
}

/* Decrypt an MM5/MM6 and parse it; a wrong key shows up here. */
static int mm_open(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		   const struct isakmp_hdr *h, uint8_t *buf, size_t len,
		   struct isakmp_payloads *pls)
{
	char a[64];

	if (!(h->flags & ISAKMP_FLAG_ENC) ||
	    ikev1_decrypt(sa, sa->iv, buf, len) ||
	    ikev1_p1_parse(ctx, sa, h, buf, len, pls)) {
		ikev1_fail(
			ctx, sa,
			"%%CRYPTO-4-IKMP_BAD_MESSAGE: IKE message from %s failed its sanity check or is malformed",
			nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)));
		return -EBADMSG;
	}
	return 0;
}

void ikev1_p1_authenticated(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	sa->state = IKEV1_QM_IDLE;
	ikev1_established(ctx, sa);
	ike_dh_free(&sa->dh);
	ikev1_logf(ctx, sa, true, "SA has been authenticated");
	ikev1_event_up(ctx, sa);
}

static void mm_auth_failed(struct ikev1_ctx *ctx, struct ikev1_sa *sa, int err)
{
	char a[64];

	nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a));
	if (err == -EACCES)
		ikev1_event_auth_fail(ctx, sa);
	if (err == -EACCES)
		ikev1_fail(
			ctx, sa,
			"hash verification failed: is the pre-shared key with %s the same on both ends?",
			a);
	else
		ikev1_fail(ctx, sa, "malformed ID or HASH from %s", a);
}

void ikev1_mm_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len)
{
	struct isakmp_payloads pls;
	uint8_t *m = (uint8_t *)buf;
	int err;

	if (h->msgid) {
		ikev1_logf(ctx, sa, true,
			   "Main Mode message with a message ID");
		return;
	}
	if (!sa->initiator && sa->state == IKEV1_MM_NO_STATE && !sa->sai_len) {
		mm_r_sa(ctx, sa, h, buf, len);
	} else if (sa->initiator && sa->state == IKEV1_MM_NO_STATE) {
		mm_i_sa(ctx, sa, h, buf, len);
	} else if (!sa->initiator && sa->state == IKEV1_MM_SA_SETUP) {
		/* MM3 in, MM4 out */
		if (ikev1_p1_parse(ctx, sa, h, buf, len, &pls) ||
		    ikev1_p1_make_ke(sa) || ikev1_p1_take_ke(ctx, sa, &pls) ||
		    mm_send_ke(ctx, sa)) {
			if (sa->used)
				ikev1_fail(ctx, sa,
					   "Main Mode key exchange failed");
			return;
		}
		sa->state = IKEV1_MM_KEY_EXCH;
	} else if (sa->initiator && sa->state == IKEV1_MM_SA_SETUP) {
		/* MM4 in, MM5 out */
		if (ikev1_p1_parse(ctx, sa, h, buf, len, &pls) ||
		    ikev1_p1_take_ke(ctx, sa, &pls)) {
			if (sa->used)
				ikev1_fail(ctx, sa,
					   "Main Mode key exchange failed");
			return;
		}
		sa->state = IKEV1_MM_KEY_EXCH;
		if (mm_send_auth(ctx, sa))
			ikev1_fail(ctx, sa,
				   "could not send Main Mode message 5");
	} else if (!sa->initiator && sa->state == IKEV1_MM_KEY_EXCH) {
		/* MM5 in, MM6 out */
		if (mm_open(ctx, sa, h, m, len, &pls))
			return;
		err = mm_check_auth(ctx, sa, &pls);
		if (err) {
			mm_auth_failed(ctx, sa, err);
			return;
		}
		if (mm_send_auth(ctx, sa)) {
			ikev1_fail(ctx, sa,
				   "could not send Main Mode message 6");
			return;
		}
		ikev1_p1_authenticated(ctx, sa);
		ikev1_initial_contact_input(ctx, sa, &pls);
	} else if (sa->initiator && sa->state == IKEV1_MM_KEY_EXCH) {
		/* MM6 in */
		if (mm_open(ctx, sa, h, m, len, &pls))
			return;
		err = mm_check_auth(ctx, sa, &pls);
		if (err) {
			mm_auth_failed(ctx, sa, err);
			return;
		}
		ikev1_p1_authenticated(ctx, sa);
		ikev1_initial_contact_input(ctx, sa, &pls);
		ikev1_qm_next(ctx, sa);
	} else {
		ikev1_logf(ctx, sa, true, "unexpected Main Mode message in %s",
			   ikev1_state_str(sa->state));
	}
}
