// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 Quick Mode (RFC 2409 5.5), under an authenticated ISAKMP SA:
 *
 *   QM1  I -> R  HDR*, HASH(1), SA, Ni [, KE] , IDci, IDcr
 *   QM2  R -> I  HDR*, HASH(2), SA, Nr [, KE] , IDci, IDcr
 *   QM3  I -> R  HDR*, HASH(3)
 *
 * HASH(1) = prf(SKEYID_a, M-ID | what follows HASH(1)),
 * HASH(2) = prf(SKEYID_a, M-ID | Ni_b | what follows HASH(2)),
 * HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b).
 * The initiator installs its inbound SAs on QM2, sends QM3, and only then
 * its outbound ones.  The responder installs its inbound ones before it
 * sends QM2 and its outbound ones on QM3.  So no packet goes out on an SA
 * the other end does not have yet (peers that install on QM3, as
 * strongSwan does, drop ESP that overtakes it): rekeying under traffic
 * loses nothing.
 *
 * Up to IKEV1_QM_MAX run at once per ISAKMP SA, either end's, each in a
 * slot of sa->qms[] found by its message ID, with its own IV, messages
 * and repeats; every function here works on the one it is given.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <gnutls/gnutls.h>

#include "algs.h"
#include "ikev1_int.h"

#define IOV(p, n) ((struct iovec){ .iov_base = (void *)(p), .iov_len = (n) })

int ikev1_p2_hash(const struct ikev1_sa *sa, bool zero, uint32_t msgid,
		  const uint8_t *nonce, size_t nlen, const uint8_t *data,
		  size_t dlen, uint8_t *out)
{
	uint32_t id = htonl(msgid);
	uint8_t z = 0;
	struct iovec v[4];
	size_t n = 0;

	if (zero)
		v[n++] = IOV(&z, 1);
	v[n++] = IOV(&id, 4);
	if (nonce)
		v[n++] = IOV(nonce, nlen);
	if (dlen)
		v[n++] = IOV(data, dlen);
	return ike_prf(sa->keys.hash, sa->keys.skeyid_a, sa->keys.hlen, v, n,
		       out);
}

static uint32_t spi_host(const uint8_t *spi)
{
	uint32_t v;

	memcpy(&v, spi, 4);
	return ntohl(v);
}

/* IOS's `debug crypto ipsec` line for one SA. */
static void qm_log_sa(struct ikev1_ctx *ctx, const struct ikev1_child *ch,
		      bool in, uint8_t proto, uint32_t spi)
{
	const struct conf_tset *t = ch->tset;
	char a[64], tr[96];

	nfsec_transform_str(proto, proto == IPPROTO_ESP ? t->esp_enc : 0,
			    proto == IPPROTO_ESP ? t->esp_auth : t->ah_auth, tr,
			    sizeof(tr));
	ikev1_logf(
		ctx, NULL, false,
		"IPSEC(create_sa): sa created, (sa) sa_dest= %s, sa_prot= %u, sa_spi= 0x%X(%u), sa_trans= %s ",
		nfsec_ip_str(ch->family, in ? &ch->local : &ch->peer, a,
			     sizeof(a)),
		proto, spi, spi, tr);
}

/* What ch->dirs put in, one line per SA. */
static void qm_log_created(struct ikev1_ctx *ctx, const struct ikev1_child *ch)
{
	if ((ch->dirs & IKEV1_DIR_IN) && ch->ah_keylen)
		qm_log_sa(ctx, ch, true, IPPROTO_AH, ch->ah_spi_in);
	if ((ch->dirs & IKEV1_DIR_IN) && ch->tset->esp)
		qm_log_sa(ctx, ch, true, IPPROTO_ESP, ch->esp_spi_in);
	if ((ch->dirs & IKEV1_DIR_OUT) && ch->tset->esp)
		qm_log_sa(ctx, ch, false, IPPROTO_ESP, ch->esp_spi_out);
	if ((ch->dirs & IKEV1_DIR_OUT) && ch->ah_keylen)
		qm_log_sa(ctx, ch, false, IPPROTO_AH, ch->ah_spi_out);
}

/* KEYMAT for both directions of each protocol, then install @dirs. */
static int qm_install(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		      const struct ikev1_qm *qm, uint8_t dirs)
{
	const struct conf_tset *t = qm->choice.tset;
	const uint8_t *gqm = qm->pfs ? qm->gqm : NULL;
	static struct ikev1_child ch;
	int err = 0;

	memset(&ch, 0, sizeof(ch));
	ch.dirs = dirs;
	ch.entry = qm->entry;
	ch.tset = t;
	ch.family = sa->family;
	ch.local = sa->local;
	ch.peer = sa->peer;
	ch.sel = qm->sel;
	ch.mode = t->mode;
	ch.life_sec = qm->choice.life_sec;
	ch.life_kb = qm->choice.life_kb;
	ch.replay_window = conf_replay_window(ctx->conf, qm->entry);
	if (t->ah_auth) {
		ch.ah_keylen = conf_auth_keylen(t->ah_auth);
		ch.ah_spi_in = spi_host(qm->ah_spi);
		ch.ah_spi_out = spi_host(qm->choice.ah_spi);
		err = ikev1_keymat(&sa->keys, gqm, qm->gqmlen,
				   IKEV1_PROTO_IPSEC_AH, qm->ah_spi, qm->ni,
				   qm->nilen, qm->nr, qm->nrlen, ch.ah_key_in,
				   ch.ah_keylen);
		if (!err)
			err = ikev1_keymat(&sa->keys, gqm, qm->gqmlen,
					   IKEV1_PROTO_IPSEC_AH,
					   qm->choice.ah_spi, qm->ni, qm->nilen,
					   qm->nr, qm->nrlen, ch.ah_key_out,
					   ch.ah_keylen);
	}
	if (!err && t->esp) {
		ch.esp_enclen = conf_esp_enc_keylen(t);
		ch.esp_authlen = conf_auth_keylen(t->esp_auth);
		ch.esp_spi_in = spi_host(qm->esp_spi);
		ch.esp_spi_out = spi_host(qm->choice.esp_spi);
		err = ikev1_keymat(&sa->keys, gqm, qm->gqmlen,
				   IKEV1_PROTO_IPSEC_ESP, qm->esp_spi, qm->ni,
				   qm->nilen, qm->nr, qm->nrlen, ch.esp_key_in,
				   ch.esp_enclen + ch.esp_authlen);
		if (!err)
			err = ikev1_keymat(
				&sa->keys, gqm, qm->gqmlen,
				IKEV1_PROTO_IPSEC_ESP, qm->choice.esp_spi,
				qm->ni, qm->nilen, qm->nr, qm->nrlen,
				ch.esp_key_out, ch.esp_enclen + ch.esp_authlen);
	}
	if (!err) {
		if (dirs & IKEV1_DIR_IN)
			ikev1_logf(ctx, sa, true, "Creating IPSec SAs");
		err = ctx->ops->install(ctx, &ch);
	}
	if (!err) {
		ikev1_installed_add(ctx, sa, qm->initiator, &ch);
		qm_log_created(ctx, &ch);
	}
	explicit_bzero(&ch, sizeof(ch));
	return err;
}

/* Writes HASH (placeholder), the rest by @body, then fills the hash. */
static int qm_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		   struct ikev1_qm *qm,
		   int (*body)(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			       const struct ikev1_qm *qm, struct isakmp_w *w),
		   bool nonce_i)
{
	uint8_t buf[IKEV1_BUF], zero[IKE_HASH_MAX] = { 0 };
	struct isakmp_hdr h;
	struct isakmp_w w;
	size_t hash_at, rest_at, n;
	int len, err;

	ikev1_hdr(sa, ISAKMP_EXCH_QUICK, ISAKMP_FLAG_ENC, qm->msgid, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_simple(&w, ISAKMP_PL_HASH, zero, sa->keys.hlen);
	hash_at = isakmp_w_body_at(&w);
	rest_at = w.len;
	err = body(ctx, sa, qm, &w);
	len = isakmp_w_finish(&w);
	if (err || len < 0)
		return err ? err : len;
	n = (size_t)len;
	err = ikev1_p2_hash(sa, false, qm->msgid, nonce_i ? qm->ni : NULL,
			    qm->nilen, buf + rest_at, n - rest_at,
			    buf + hash_at);
	if (!err)
		err = ikev1_encrypt(sa, qm->iv, buf, &n, sizeof(buf));
	return err ? err : ikev1_xmit_send(ctx, sa, &qm->x, buf, n);
}

static void qm_put_ids(struct isakmp_w *w, const struct nfsec_sel *sel,
		       bool initiator)
{
	struct ikev1_id src, dst;
	uint8_t b[64];
	size_t n;

	ikev1_id_from_sel(sel, &src, &dst);
	/* IDci is the initiator's side */
	n = ikev1_id_write(initiator ? &src : &dst, b, sizeof(b));
	isakmp_w_simple(w, ISAKMP_PL_ID, b, n);
	n = ikev1_id_write(initiator ? &dst : &src, b, sizeof(b));
	isakmp_w_simple(w, ISAKMP_PL_ID, b, n);
}

static int qm1_write(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		     const struct ikev1_qm *qm, struct isakmp_w *w)
{
	static struct isakmp_sa offer;

	(void)sa;
	ikev1_p2_offer(ctx->conf, qm->entry, qm->ah_spi, qm->esp_spi, &offer);
	isakmp_w_sa(w, &offer);
	isakmp_w_simple(w, ISAKMP_PL_NONCE, qm->ni, qm->nilen);
	if (qm->pfs)
		isakmp_w_simple(w, ISAKMP_PL_KE, qm->dh.pub, qm->dh.len);
	qm_put_ids(w, &qm->sel, true);
	return 0;
}

static void qm_log_spi(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		       const uint8_t *spi, uint8_t prot)
{
	char p[64], l[64];

	ikev1_logf(
		ctx, NULL, false,
		"IPSEC(spi_response): getting spi %u for SA from %s to %s for prot %u",
		spi_host(spi),
		nfsec_ip_str(sa->family, &sa->peer, p, sizeof(p)),
		nfsec_ip_str(sa->family, &sa->local, l, sizeof(l)), prot);
}

/* Our inbound SPIs for the protocols any of the entry's sets use. */
static int qm_spis(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		   struct ikev1_qm *qm, bool ah, bool esp)
{
	int err = 0;

	if (ah)
		err = ctx->ops->spi_alloc(ctx, sa, IPPROTO_AH, qm->ah_spi);
	if (!err && ah)
		qm_log_spi(ctx, sa, qm->ah_spi, IKEV1_PROTO_IPSEC_AH);
	if (!err && esp)
		err = ctx->ops->spi_alloc(ctx, sa, IPPROTO_ESP, qm->esp_spi);
	if (!err && esp)
		qm_log_spi(ctx, sa, qm->esp_spi, IKEV1_PROTO_IPSEC_ESP);
	return err;
}

static int qm_begin(struct ikev1_sa *sa, struct ikev1_qm *qm, uint32_t msgid,
		    bool initiator)
{
	ikev1_qm_free(qm);
	qm->active = true;
	qm->initiator = initiator;
	qm->msgid = msgid;
	return ikev1_iv_phase2(&sa->keys, sa->iv, msgid, qm->iv);
}

/* Waiting quick mode @k leaves the queue. */
static void want_drop(struct ikev1_sa *sa, size_t k)
{
	memmove(sa->want + k, sa->want + k + 1,
		(--sa->nwant - k) * sizeof(sa->want[0]));
}

/*
 * The quick mode with message ID @msgid (never 0), running or over; or
 * NULL.  A free slot's message ID is 0.
 */
static struct ikev1_qm *qm_by_msgid(struct ikev1_sa *sa, uint32_t msgid)
{
	size_t i;

	for (i = 0; i < IKEV1_QM_MAX; i++)
		if (sa->qms[i].msgid == msgid)
			return &sa->qms[i];
	return NULL;
}

/*
 * A slot for a new quick mode: a free one, else the one over longest
 * ago (its memory of repeats goes); NULL when all run.
 */
static struct ikev1_qm *qm_slot(struct ikev1_sa *sa)
{
	struct ikev1_qm *best = NULL, *qm;
	size_t i;

	for (i = 0; i < IKEV1_QM_MAX; i++) {
		qm = &sa->qms[i];
		if (qm->active)
			continue;
		if (!qm->msgid)
			return qm;
		if (!best || qm->done_at < best->done_at)
			best = qm;
	}
	return best;
}

bool ikev1_qm_runs_for(const struct ikev1_sa *sa,
		       const struct conf_map_entry *e)
{
	size_t i;

	for (i = 0; i < IKEV1_QM_MAX; i++)
		if (sa->qms[i].active && sa->qms[i].entry == e)
			return true;
	return false;
}

int ikev1_qm_start(struct ikev1_ctx *ctx, struct ikev1_sa *sa, size_t k)
{
	struct ikev1_qm *qm = qm_slot(sa);
	const struct conf_map_entry *e;
	bool ah = false, esp = false;
	const struct conf_tset *t;
	struct nfsec_sel sel;
	uint32_t msgid = 0;
	int err;

	if (k >= sa->nwant)
		return -ENOENT;
	if (!qm)
		return -EBUSY;
	e = sa->want[k].entry;
	sel = sa->want[k].sel;
	want_drop(sa, k);
	while (!msgid || qm_by_msgid(sa, msgid))
		if (ike_random(&msgid, 4))
			return -EIO;
	err = qm_begin(sa, qm, msgid, true);
	qm->entry = e;
	qm->sel = sel;
	for (k = 0; k < e->ntsets; k++) {
		t = conf_tset_find(ctx->conf, e->tsets[k]);
		ah = ah || (t && t->ah_auth);
		esp = esp || (t && t->esp);
	}
	if (!err)
		err = qm_spis(ctx, sa, qm, ah, esp);
	if (!err)
		err = ike_random(qm->ni, IKEV1_NONCE_LEN);
	qm->nilen = IKEV1_NONCE_LEN;
	qm->pfs = e->pfs_group != 0;
	if (!err && qm->pfs)
		err = ike_dh_init(&qm->dh, e->pfs_group);
	if (!err) {
		ikev1_logf(ctx, sa, true,
			   "beginning Quick Mode exchange, M-ID of %d",
			   (int32_t)msgid);
		err = qm_send(ctx, sa, qm, qm1_write, false);
	}
	if (err) {
		/* the SPIs we were given go back; nothing of it goes again */
		ikev1_installed_qm_end(ctx, sa, qm, false);
		ikev1_qm_free(qm);
	}
	return err;
}

void ikev1_qm_next(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	size_t k = 0;

	while (sa->used && sa->state == IKEV1_QM_IDLE && k < sa->nwant &&
	       qm_slot(sa)) {
		if (ikev1_installed_serves(ctx, sa->want[k].entry))
			want_drop(sa, k);
		else if (ikev1_qm_runs_for(sa, sa->want[k].entry))
			k++; /* what it makes may serve this one */
		else if (ikev1_qm_start(ctx, sa, k))
			ikev1_logf(ctx, sa, true, "could not start Quick Mode");
	}
}

/* Decrypt and parse a quick mode message; check HASH comes first. */
static int qm_open(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		   struct ikev1_qm *qm, const struct isakmp_hdr *h,
		   uint8_t *buf, size_t len, struct isakmp_payloads *pls,
		   size_t *end)
{
	struct isakmp_err e;
	const struct isakmp_payload *last;

	if (!(h->flags & ISAKMP_FLAG_ENC) ||
	    ikev1_decrypt(sa, qm->iv, buf, len) ||
	    isakmp_payloads_parse(buf + ISAKMP_HDR_LEN, len - ISAKMP_HDR_LEN,
				  h->next, true, pls, &e) ||
	    !pls->n || pls->pl[0].type != ISAKMP_PL_HASH ||
	    pls->pl[0].len != sa->keys.hlen) {
		ikev1_logf(ctx, sa, true, "malformed Quick Mode message");
		return -EBADMSG;
	}
	last = &pls->pl[pls->n - 1];
	*end = (size_t)(last->body + last->len - buf); /* padding excluded */
	return 0;
}

/* The HASH payload must be prf(...) over what follows it. */
static int qm_check_hash(const struct ikev1_sa *sa, const struct ikev1_qm *qm,
			 const uint8_t *buf, const struct isakmp_payloads *pls,
			 size_t end, const uint8_t *nonce, size_t nlen)
{
	const uint8_t *rest = pls->pl[0].body + pls->pl[0].len;
	uint8_t want[IKE_HASH_MAX];

	if (ikev1_p2_hash(sa, false, qm->msgid, nonce, nlen, rest,
			  end - (size_t)(rest - buf), want))
		return -EIO;
	return gnutls_memcmp(want, pls->pl[0].body, sa->keys.hlen) ? -EACCES
								   : 0;
}

/* The two ID payloads as our selector (our side as source). */
static int qm_ids(const struct isakmp_payloads *pls, bool initiator,
		  struct nfsec_sel *sel)
{
	const struct isakmp_payload *ids[2] = { NULL, NULL };
	struct ikev1_id ci, cr;
	size_t i, n = 0;

	for (i = 0; i < pls->n && n < 2; i++)
		if (pls->pl[i].type == ISAKMP_PL_ID)
			ids[n++] = &pls->pl[i];
	if (n != 2 || ikev1_id_parse(ids[0]->body, ids[0]->len, &ci) ||
	    ikev1_id_parse(ids[1]->body, ids[1]->len, &cr))
		return -EBADMSG;
	return initiator ? ikev1_id_to_sel(&ci, &cr, sel)
			 : ikev1_id_to_sel(&cr, &ci, sel);
}

/* The entry for a peer's proposed selector, as responder. */
static const struct conf_map_entry *qm_find_entry(struct ikev1_ctx *ctx,
						  struct ikev1_sa *sa,
						  const struct nfsec_sel *sel)
{
	const struct conf *c = ctx->conf;
	const struct conf_map_entry *e;
	const char *why = "no crypto map entry for this peer";
	size_t i, k;

	for (i = 0; i < c->nentries; i++) {
		e = &c->entries[i];
		if (e->disabled)
			continue;
		for (k = 0; k < e->npeers; k++)
			if (!memcmp(&e->peers[k].addr, &sa->peer,
				    sizeof(sa->peer)))
				break;
		if (k < e->npeers && !ikev1_proxy_check(c, e, sel, &why))
			return e;
	}
	ikev1_logf(ctx, sa, true, "proxy identities not acceptable: %s", why);
	return NULL;
}

static int qm2_write(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		     const struct ikev1_qm *qm, struct isakmp_w *w)
{
	static struct conf_map_entry one;
	static struct isakmp_sa out;

	/* our answer: the chosen set alone, as agreed, with our SPIs */
	one = *qm->entry;
	one.ntsets = 1;
	memcpy(one.tsets[0], qm->choice.tset->name, sizeof(one.tsets[0]));
	one.pfs_group = qm->choice.pfs_group;
	one.life_sec = qm->choice.life_sec;
	one.life_kb = qm->choice.life_kb;
	ikev1_p2_offer(ctx->conf, &one, qm->ah_spi, qm->esp_spi, &out);
	isakmp_w_sa(w, &out);
	isakmp_w_simple(w, ISAKMP_PL_NONCE, qm->nr, qm->nrlen);
	if (qm->pfs)
		isakmp_w_simple(w, ISAKMP_PL_KE, qm->dh.pub, qm->dh.len);
	qm_put_ids(w, &qm->sel, false);
	ikev1_responder_lifetime_write(ctx, sa, qm, w);
	return 0;
}

/* PFS: the peer's KE into g(qm)^xy. */
static int qm_take_ke(struct ikev1_qm *qm, const struct isakmp_payloads *pls)
{
	const struct isakmp_payload *ke = isakmp_find(pls, ISAKMP_PL_KE);

	if (!qm->pfs)
		return ke ? -EBADMSG : 0;
	if (!ke || ike_dh_shared(&qm->dh, ke->body, ke->len, qm->gqm))
		return -EBADMSG;
	qm->gqmlen = ike_dh_secret_len(qm->dh.group);
	return 0;
}

/*
 * @qm is over, @ok or not: the SPIs it reserved and no pair holds go back,
 * its slot keeps only what answers the peer's repeats (so a repeated
 * message of a failed one is dropped, not failed again), and the next
 * waiting quick mode may run.
 */
static void qm_end(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		   struct ikev1_qm *qm, bool ok)
{
	uint32_t msgid = qm->msgid;
	struct ikev1_xmit x = qm->x;

	ikev1_installed_qm_end(ctx, sa, qm, ok);
	ikev1_qm_free(qm);
	qm->msgid = msgid;
	qm->x = x;
	qm->x.rtx_at = 0;
	qm->done_at = ctx->now;
	ikev1_qm_next(ctx, sa);
}

static void qm_failed(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		      struct ikev1_qm *qm)
{
	char a[64];

	snprintf(ctx->failure, sizeof(ctx->failure),
		 "Processing of Quick mode failed with peer at %s",
		 nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)));
	ikev1_logf(ctx, sa, true, "%s", ctx->failure);
	qm_end(ctx, sa, qm, false);
}

/* The SA and nonce of QM1 or QM2: the nonce into @nonce (the peer's). */
static int qm_take_sa(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		      const struct isakmp_hdr *h,
		      const struct isakmp_payloads *pls, struct isakmp_sa *in,
		      uint8_t *nonce, size_t *nlen)
{
	const struct isakmp_payload *p = isakmp_find(pls, ISAKMP_PL_SA);
	const struct isakmp_payload *n = isakmp_find(pls, ISAKMP_PL_NONCE);
	struct isakmp_err e;

	ikev1_logf(ctx, sa, true, "processing SA payload. message ID = %d",
		   (int32_t)h->msgid);
	if (!p || !n || n->len < 8 || n->len > IKEV1_QM_NONCE_MAX ||
	    isakmp_sa_parse(p->body, p->len, in, &e))
		return -EBADMSG;
	memcpy(nonce, n->body, n->len);
	*nlen = n->len;
	return 0;
}

/* Responder: QM1 in (@qm begun for it), QM2 out. */
static void qm_r1(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  struct ikev1_qm *qm, const struct isakmp_hdr *h, uint8_t *buf,
		  size_t len)
{
	struct ikev1_logarg la = { ctx, sa };
	static struct isakmp_sa in;
	struct isakmp_payloads pls;
	size_t end;

	if (qm_open(ctx, sa, qm, h, buf, len, &pls, &end))
		goto fail;
	if (qm_check_hash(sa, qm, buf, &pls, end, NULL, 0)) {
		ikev1_logf(ctx, sa, true, "HASH(1) does not verify");
		goto fail;
	}
	if (qm_take_sa(ctx, sa, h, &pls, &in, qm->ni, &qm->nilen) ||
	    qm_ids(&pls, false, &qm->sel))
		goto fail;
	qm->entry = qm_find_entry(ctx, sa, &qm->sel);
	if (!qm->entry || ikev1_p2_select(ctx->conf, qm->entry, &in,
					  &qm->choice, ikev1_proposal_log, &la))
		goto fail;
	qm->pfs = qm->choice.pfs_group != 0;
	if ((qm->pfs && ike_dh_init(&qm->dh, qm->choice.pfs_group)) ||
	    qm_take_ke(qm, &pls) ||
	    qm_spis(ctx, sa, qm, qm->choice.tset->ah_auth,
		    qm->choice.tset->esp) ||
	    ike_random(qm->nr, IKEV1_NONCE_LEN))
		goto fail;
	qm->nrlen = IKEV1_NONCE_LEN;
	/* inbound first: the initiator sends on its new SAs after QM2 */
	if (qm_install(ctx, sa, qm, IKEV1_DIR_IN) ||
	    qm_send(ctx, sa, qm, qm2_write, true))
		goto fail;
	return;
fail:
	qm_failed(ctx, sa, qm);
}

/* HASH(3) = prf(SKEYID_a, 0 | M-ID | Ni_b | Nr_b), both ends. */
static int qm_hash3(const struct ikev1_sa *sa, const struct ikev1_qm *qm,
		    uint8_t *out)
{
	return ikev1_p2_hash(sa, true, qm->msgid, qm->ni, qm->nilen, qm->nr,
			     qm->nrlen, out);
}

static int qm3_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    struct ikev1_qm *qm)
{
	uint8_t buf[256], hash[IKE_HASH_MAX];
	struct isakmp_hdr h;
	struct isakmp_w w;
	size_t n;
	int len, err;

	err = qm_hash3(sa, qm, hash);
	if (err)
		return err;
	ikev1_hdr(sa, ISAKMP_EXCH_QUICK, ISAKMP_FLAG_ENC, qm->msgid, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_simple(&w, ISAKMP_PL_HASH, hash, sa->keys.hlen);
	len = isakmp_w_finish(&w);
	if (len < 0)
		return len;
	n = (size_t)len;
	err = ikev1_encrypt(sa, qm->iv, buf, &n, sizeof(buf));
	return err ? err : ikev1_xmit_send(ctx, sa, &qm->x, buf, n);
}

/* Initiator: QM2 in, inbound SAs installed, QM3 out, outbound SAs. */
static void qm_i2(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  struct ikev1_qm *qm, const struct isakmp_hdr *h, uint8_t *buf,
		  size_t len)
{
	struct ikev1_logarg la = { ctx, sa };
	static struct isakmp_sa in;
	struct isakmp_payloads pls;
	size_t end;

	if (qm_open(ctx, sa, qm, h, buf, len, &pls, &end))
		goto fail;
	if (qm_check_hash(sa, qm, buf, &pls, end, qm->ni, qm->nilen)) {
		ikev1_logf(ctx, sa, true, "HASH(2) does not verify");
		goto fail;
	}
	if (qm_take_sa(ctx, sa, h, &pls, &in, qm->nr, &qm->nrlen))
		goto fail;
	/* the responder's choice must be one of our sets */
	if (ikev1_p2_select(ctx->conf, qm->entry, &in, &qm->choice,
			    ikev1_proposal_log, &la) ||
	    (qm->pfs && qm->choice.pfs_group != qm->entry->pfs_group))
		goto fail;
	ikev1_responder_lifetime_input(ctx, sa, &pls, &qm->choice);
	if (qm_take_ke(qm, &pls) || qm_install(ctx, sa, qm, IKEV1_DIR_IN) ||
	    qm3_send(ctx, sa, qm) || qm_install(ctx, sa, qm, IKEV1_DIR_OUT))
		goto fail;
	qm_end(ctx, sa, qm, true);
	return;
fail:
	qm_failed(ctx, sa, qm);
}

/* Responder: QM3 in, SAs installed. */
static void qm_r3(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  struct ikev1_qm *qm, const struct isakmp_hdr *h, uint8_t *buf,
		  size_t len)
{
	uint8_t want[IKE_HASH_MAX];
	struct isakmp_payloads pls;
	size_t end;

	if (qm_open(ctx, sa, qm, h, buf, len, &pls, &end))
		goto fail;
	if (qm_hash3(sa, qm, want) ||
	    gnutls_memcmp(want, pls.pl[0].body, sa->keys.hlen)) {
		ikev1_logf(ctx, sa, true, "HASH(3) does not verify");
		goto fail;
	}
	if (qm_install(ctx, sa, qm, IKEV1_DIR_OUT))
		goto fail;
	qm_end(ctx, sa, qm, true);
	return;
fail:
	qm_failed(ctx, sa, qm);
}

void ikev1_qm_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len)
{
	struct ikev1_qm *qm = qm_by_msgid(sa, h->msgid);
	uint8_t *m = (uint8_t *)buf;

	if (sa->state != IKEV1_QM_IDLE || !h->msgid) {
		ikev1_logf(ctx, sa, true, "Quick Mode before phase 1 is done");
		return;
	}
	if (qm && ikev1_repeated(ctx, sa, &qm->x, buf, len))
		return;
	if (qm && !qm->active) {
		ikev1_logf(ctx, sa, true,
			   "dropped a message for Quick Mode M-ID %d, over",
			   (int32_t)h->msgid);
		return;
	}
	if (!qm) { /* either side may start one */
		qm = qm_slot(sa);
		if (!qm) {
			ikev1_logf(ctx, sa, true,
				   "Quick Mode M-ID %d waits: %d run",
				   (int32_t)h->msgid, IKEV1_QM_MAX);
			return;
		}
		if (qm_begin(sa, qm, h->msgid, false)) {
			qm_failed(ctx, sa, qm);
			return;
		}
		/* remembered as its first message, so a repeat is known */
		ikev1_repeated(ctx, sa, &qm->x, buf, len);
		qm_r1(ctx, sa, qm, h, m, len);
	} else if (qm->initiator) {
		qm_i2(ctx, sa, qm, h, m, len);
	} else {
		qm_r3(ctx, sa, qm, h, m, len);
	}
}
