// SPDX-License-Identifier: GPL-2.0
/*
 * The IKEv1 engine: SA table, logging, encryption of message bodies, and
 * the dispatch of incoming datagrams (see ikev1.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ikev1_int.h"

const char *ikev1_state_str(enum ikev1_state s)
{
	switch (s) {
	case IKEV1_MM_NO_STATE:
		return "MM_NO_STATE";
	case IKEV1_MM_SA_SETUP:
		return "MM_SA_SETUP";
	case IKEV1_MM_KEY_EXCH:
		return "MM_KEY_EXCH";
	case IKEV1_AG_INIT_EXCH:
		return "AG_INIT_EXCH";
	case IKEV1_QM_IDLE:
		return "QM_IDLE";
	case IKEV1_DEAD:
		return "DEAD";
	}
	return "unknown";
}

void ikev1_logf(struct ikev1_ctx *ctx, const struct ikev1_sa *sa, bool conn,
		const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!ctx->ops->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	ctx->ops->log(ctx, conn && sa ? sa->conn_id : 0, line);
}

void ikev1_proposal_log(void *arg, bool conn, const char *fmt, ...)
{
	struct ikev1_logarg *la = arg;
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	ikev1_logf(la->ctx, la->sa, conn, "%s", line);
}

void ikev1_fail(struct ikev1_ctx *ctx, struct ikev1_sa *sa, const char *fmt,
		...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ctx->failure, sizeof(ctx->failure), fmt, ap);
	va_end(ap);
	ikev1_logf(ctx, sa, true, "%s", ctx->failure);
	if (sa)
		ikev1_sa_free(sa);
}

void ikev1_init(struct ikev1_ctx *ctx, const struct conf *conf,
		const struct ikev1_ops *ops)
{
	ctx->conf = conf;
	ctx->ops = ops;
	ctx->next_conn_id = 1;
}

void ikev1_set_local(struct ikev1_ctx *ctx, uint8_t family,
		     const union nfsec_ip *local)
{
	if (family == AF_INET6) {
		ctx->local6 = *local;
		ctx->has_local6 = true;
	} else {
		ctx->local4 = *local;
		ctx->has_local4 = true;
	}
}

const union nfsec_ip *ikev1_local(const struct ikev1_ctx *ctx, uint8_t family)
{
	if (family == AF_INET && ctx->has_local4)
		return &ctx->local4;
	if (family == AF_INET6 && ctx->has_local6)
		return &ctx->local6;
	return NULL;
}

void ikev1_reconf(struct ikev1_ctx *ctx, const struct conf *conf)
{
	struct ikev1_want *w;
	struct ikev1_sa *sa;
	size_t i, k, n;

	ctx->conf = conf;
	for (i = 0; i < IKEV1_SAS_MAX; i++) {
		sa = &ctx->sas[i];
		/* waiting quick modes follow their entry; a removed one goes */
		for (k = n = 0; sa->used && k < sa->nwant; k++) {
			w = &sa->want[k];
			w->entry = conf_entry_find(conf, w->entry->map,
						   w->entry->seq);
			if (w->entry)
				sa->want[n++] = *w;
		}
		if (sa->used)
			sa->nwant = n;
	}
	ikev1_installed_reconf(ctx);
}

/* Does @p point at one of the @n objects of @size at @base? */
static bool in_array(const void *p, const void *base, size_t n, size_t size)
{
	uintptr_t a = (uintptr_t)p, b = (uintptr_t)base;

	return p && base && a >= b && a - b < n * size;
}

static bool entry_of(const struct conf_map_entry *e, const struct conf *c)
{
	return in_array(e, c->entries, c->nentries, sizeof(*e));
}

/* Does @sa (in use) point into @c? */
static bool sa_uses_conf(const struct ikev1_sa *sa, const struct conf *c)
{
	size_t k;

	if (in_array(sa->psk, c->psks, c->npsks, sizeof(*sa->psk)))
		return true;
	for (k = 0; k < IKEV1_QM_MAX; k++)
		if (sa->qms[k].active &&
		    (entry_of(sa->qms[k].entry, c) ||
		     in_array(sa->qms[k].choice.tset, c->tsets, c->ntsets,
			      sizeof(*c->tsets))))
			return true;
	for (k = 0; k < sa->nwant; k++)
		if (entry_of(sa->want[k].entry, c))
			return true;
	return false;
}

bool ikev1_uses_conf(const struct ikev1_ctx *ctx, const struct conf *c)
{
	size_t i;

	if (ctx->conf == c)
		return true;
	for (i = 0; i < IKEV1_SAS_MAX; i++)
		if (ctx->sas[i].used && sa_uses_conf(&ctx->sas[i], c))
			return true;
	for (i = 0; i < IKEV1_INSTALLED_MAX; i++)
		if (ctx->installed[i].used &&
		    entry_of(ctx->installed[i].entry, c))
			return true;
	return false;
}

void ikev1_destroy(struct ikev1_ctx *ctx)
{
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++)
		if (ctx->sas[i].used)
			ikev1_sa_free(&ctx->sas[i]);
	memset(ctx, 0, sizeof(*ctx));
}

struct ikev1_sa *ikev1_sa_new(struct ikev1_ctx *ctx, uint8_t family,
			      const union nfsec_ip *peer, bool initiator)
{
	const union nfsec_ip *local = ikev1_local(ctx, family);
	struct ikev1_sa *sa;
	char a[64];
	size_t i;

	if (!local) {
		ikev1_logf(ctx, NULL, false,
			   "no local IPv%c address for peer %s",
			   family == AF_INET6 ? '6' : '4',
			   nfsec_ip_str(family, peer, a, sizeof(a)));
		return NULL;
	}
	for (i = 0; i < IKEV1_SAS_MAX && ctx->sas[i].used; i++)
		;
	if (i == IKEV1_SAS_MAX)
		return NULL; /* the bound on half-open SAs, for now */
	sa = &ctx->sas[i];
	memset(sa, 0, sizeof(*sa));
	sa->used = true;
	sa->initiator = initiator;
	sa->conn_id = ctx->next_conn_id++;
	sa->family = family;
	sa->local = *local;
	sa->peer = *peer;
	if (ike_random(initiator ? sa->icky : sa->rcky, 8)) {
		ikev1_sa_free(sa);
		return NULL;
	}
	return sa;
}

void ikev1_qm_free(struct ikev1_qm *qm)
{
	ike_dh_free(&qm->dh);
	explicit_bzero(qm, sizeof(*qm));
}

void ikev1_sa_free(struct ikev1_sa *sa)
{
	size_t i;

	ike_dh_free(&sa->dh);
	for (i = 0; i < IKEV1_QM_MAX; i++)
		ikev1_qm_free(&sa->qms[i]);
	explicit_bzero(sa, sizeof(*sa));
}

void ikev1_reap(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	ikev1_event_down(ctx, sa);
	if (sa->state == IKEV1_QM_IDLE)
		ikev1_info_delete_isakmp(ctx, sa);
	ikev1_logf(ctx, sa, false,
		   "ISADB: reaper checking SA, conn_id = %u DELETE IT!",
		   sa->conn_id);
	ikev1_sa_free(sa);
}

unsigned int ikev1_clear(struct ikev1_ctx *ctx, unsigned int conn_id)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++) {
		struct ikev1_sa *sa = &ctx->sas[i];

		if (!sa->used || (conn_id && sa->conn_id != conn_id))
			continue;
		ikev1_reap(ctx, sa);
		n++;
	}
	return n;
}

struct ikev1_sa *ikev1_find_peer(struct ikev1_ctx *ctx, uint8_t family,
				 const union nfsec_ip *peer)
{
	struct ikev1_sa *sa, *best = NULL;
	size_t i;

	/* an authenticated one first, then the newest */
	for (i = 0; i < IKEV1_SAS_MAX; i++) {
		sa = &ctx->sas[i];
		if (!sa->used || sa->family != family ||
		    memcmp(&sa->peer, peer, sizeof(*peer)))
			continue;
		if (!best ||
		    (sa->state == IKEV1_QM_IDLE) >
			    (best->state == IKEV1_QM_IDLE) ||
		    ((sa->state == IKEV1_QM_IDLE) ==
			     (best->state == IKEV1_QM_IDLE) &&
		     sa->conn_id > best->conn_id))
			best = sa;
	}
	return best;
}

static struct ikev1_sa *ikev1_find_cookies(struct ikev1_ctx *ctx,
					   const struct isakmp_hdr *h)
{
	static const uint8_t zero[8];
	struct ikev1_sa *sa;
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++) {
		sa = &ctx->sas[i];
		if (!sa->used || memcmp(sa->icky, h->icky, 8))
			continue;
		/*
		 * MM2 brings the responder's cookie to the initiator; a
		 * repeated MM1 still has none.
		 */
		if (!memcmp(sa->rcky, h->rcky, 8) ||
		    !memcmp(sa->rcky, zero, 8) || !memcmp(h->rcky, zero, 8))
			return sa;
	}
	return NULL;
}

int ikev1_xmit_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    struct ikev1_xmit *x, const uint8_t *buf, size_t len)
{
	if (len <= sizeof(x->last)) {
		memcpy(x->last, buf, len);
		x->lastlen = len;
	}
	if (ctx->answering)
		memcpy(x->answered, x->last_in, sizeof(x->answered));
	else
		memset(x->answered, 0, sizeof(x->answered));
	ikev1_timer_arm(ctx, x);
	if (ikev1_sa_unverified(sa))
		x->rtx_at = 0; /* never to a source that may be spoofed */
	return ctx->ops->send(ctx, sa, buf, len);
}

int ikev1_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa, const uint8_t *buf,
	       size_t len)
{
	return ikev1_xmit_send(ctx, sa, &sa->x, buf, len);
}

void ikev1_hdr(const struct ikev1_sa *sa, uint8_t exchange, uint8_t flags,
	       uint32_t msgid, struct isakmp_hdr *h)
{
	memset(h, 0, sizeof(*h));
	memcpy(h->icky, sa->icky, 8);
	memcpy(h->rcky, sa->rcky, 8);
	h->exchange = exchange;
	h->flags = flags;
	h->msgid = msgid;
}

int ikev1_encrypt(const struct ikev1_sa *sa, uint8_t *iv, uint8_t *buf,
		  size_t *len, size_t cap)
{
	size_t bs = ike_cipher_block(sa->keys.enc), pad;

	if (!bs)
		return -EINVAL;
	pad = (bs - (*len - ISAKMP_HDR_LEN) % bs) % bs;
	if (*len + pad > cap)
		return -ENOSPC;
	memset(buf + *len, 0, pad);
	*len += pad;
	buf[19] |= ISAKMP_FLAG_ENC;
	buf[24] = (uint8_t)(*len >> 24);
	buf[25] = (uint8_t)(*len >> 16);
	buf[26] = (uint8_t)(*len >> 8);
	buf[27] = (uint8_t)*len;
	return ike_cbc(sa->keys.enc, sa->keys.enckey, sa->keys.enckeylen, iv,
		       buf + ISAKMP_HDR_LEN, *len - ISAKMP_HDR_LEN, 1);
}

int ikev1_decrypt(const struct ikev1_sa *sa, uint8_t *iv, uint8_t *buf,
		  size_t len)
{
	if (len <= ISAKMP_HDR_LEN)
		return -EBADMSG;
	return ike_cbc(sa->keys.enc, sa->keys.enckey, sa->keys.enckeylen, iv,
		       buf + ISAKMP_HDR_LEN, len - ISAKMP_HDR_LEN, 0)
		       ? -EBADMSG
		       : 0;
}

const struct conf_psk *ikev1_psk_for(const struct conf *c, uint8_t family,
				     const union nfsec_ip *peer)
{
	const struct conf_psk *best = NULL;
	int plen, best_len = -1;
	size_t i, k;

	for (i = 0; i < c->npsks; i++) {
		const struct conf_psk *p = &c->psks[i];

		if (p->host[0] || p->family != family)
			continue;
		for (k = 0; k < nfsec_ip_len(family); k++)
			if ((peer->b[k] & p->mask.b[k]) != p->addr.b[k])
				break;
		if (k < nfsec_ip_len(family))
			continue;
		plen = nfsec_mask_len(family, &p->mask);
		if (plen > best_len) {
			best_len = plen;
			best = p;
		}
	}
	return best;
}

/*
 * Queues a quick mode for @e and @sel on @sa.  -EINPROGRESS when one for
 * them runs or waits already, or the queue is full: the kernel asks again.
 */
static int want_add(struct ikev1_sa *sa, const struct conf_map_entry *e,
		    const struct nfsec_sel *sel)
{
	const struct ikev1_qm *qm;
	size_t k;

	for (k = 0; k < IKEV1_QM_MAX; k++) {
		qm = &sa->qms[k];
		if (qm->active && qm->initiator && qm->entry == e &&
		    !memcmp(&qm->sel, sel, sizeof(*sel)))
			return -EINPROGRESS;
	}
	for (k = 0; k < sa->nwant; k++)
		if (sa->want[k].entry == e &&
		    !memcmp(&sa->want[k].sel, sel, sizeof(*sel)))
			return -EINPROGRESS;
	if (sa->nwant == IKEV1_WANT_MAX)
		return -EINPROGRESS;
	sa->want[sa->nwant].entry = e;
	sa->want[sa->nwant++].sel = *sel;
	return 0;
}

int ikev1_initiate(struct ikev1_ctx *ctx, const struct conf_map_entry *e,
		   const struct nfsec_sel *sel)
{
	const struct conf_peer *peer;
	struct ikev1_sa *sa;
	int err;

	if (!e->npeers || e->disabled)
		return -EINVAL;
	peer = ikev1_entry_peer(ctx, e);
	sa = ikev1_find_peer(ctx, peer->family, &peer->addr);
	/*
	 * A peer's Main Mode in progress: our end starts nothing yet.  The
	 * peer's quick mode follows it at once and may well serve this
	 * traffic; the kernel asks again a second later if not.
	 */
	if (sa && !sa->initiator && sa->state != IKEV1_QM_IDLE)
		return -EINPROGRESS;
	if (sa) {
		/*
		 * It starts now, even for an entry that has a pair (a rekey),
		 * unless one for its entry runs (the peer's, say: its pair
		 * may serve) or every slot is taken; then it waits.
		 */
		err = want_add(sa, e, sel);
		if (err || sa->state != IKEV1_QM_IDLE ||
		    ikev1_qm_runs_for(sa, e))
			return err;
		err = ikev1_qm_start(ctx, sa, sa->nwant - 1);
		return err == -EBUSY ? 0 : err;
	}
	sa = ikev1_sa_new(ctx, peer->family, &peer->addr, true);
	if (!sa)
		return ikev1_local(ctx, peer->family) ? -ENOMEM
						      : -EADDRNOTAVAIL;
	want_add(sa, e, sel);
	/*
	 * A name as our identity: only Aggressive Mode lets the peer key by
	 * it; with Aggressive Mode disabled, Main Mode sends the name and
	 * the peer keys by our address.
	 */
	if (ctx->conf->identity == CONF_ID_HOSTNAME &&
	    !ctx->conf->aggressive_off)
		return ikev1_am_start(ctx, sa);
	return ikev1_mm_start(ctx, sa);
}

/*
 * Room for one more unverified responder SA from @peer: false when @peer
 * has its share, or when the verified half-open ones are at their limit;
 * else the oldest unverified one goes if there are too many, or if the
 * table is full.
 */
static bool ikev1_admit(struct ikev1_ctx *ctx, uint8_t family,
			const union nfsec_ip *peer)
{
	unsigned int all = 0, mine = 0, used = 0, verified = 0;
	struct ikev1_sa *sa, *oldest = NULL;
	char a[64];
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++) {
		sa = &ctx->sas[i];
		used += sa->used;
		verified += ikev1_sa_half_open(sa) && sa->verified;
		if (!sa->used || !ikev1_sa_unverified(sa))
			continue;
		all++;
		mine += sa->family == family &&
			!memcmp(&sa->peer, peer, sizeof(*peer));
		/* conn-ids count up: the smallest is the oldest */
		if (!oldest || sa->conn_id < oldest->conn_id)
			oldest = sa;
	}
	if (mine >= IKEV1_UNVERIFIED_PER_PEER ||
	    verified >= IKEV1_HALF_OPEN_MAX) {
		ctx->flood.refused++;
		ikev1_logf(ctx, NULL, false,
			   "dropped Main Mode message 1 from %s: %s",
			   nfsec_ip_str(family, peer, a, sizeof(a)),
			   mine >= IKEV1_UNVERIFIED_PER_PEER
				   ? "it has its share of half-open SAs"
				   : "too many SAs half open");
		return false;
	}
	if (oldest && (all >= IKEV1_UNVERIFIED_MAX || used == IKEV1_SAS_MAX)) {
		ctx->flood.evicted++;
		ikev1_logf(ctx, oldest, true,
			   "unverified SA evicted for a newer request");
		ikev1_sa_free(oldest);
	}
	return true;
}

/* A new responder SA for Main Mode message 1. */
static struct ikev1_sa *ikev1_respond(struct ikev1_ctx *ctx, uint8_t family,
				      const union nfsec_ip *peer,
				      const struct isakmp_hdr *h)
{
	static const uint8_t zero[8];
	struct ikev1_sa *sa;
	char a[64];

	if ((h->exchange != ISAKMP_EXCH_IDPROT &&
	     h->exchange != ISAKMP_EXCH_AGGRESSIVE) ||
	    memcmp(h->rcky, zero, 8) || h->msgid ||
	    (h->flags & ISAKMP_FLAG_ENC))
		return NULL;
	if (h->exchange == ISAKMP_EXCH_AGGRESSIVE &&
	    ctx->conf->aggressive_off) {
		ikev1_logf(
			ctx, NULL, true,
			"dropped Aggressive Mode message 1 from %s: aggressive-mode disabled",
			nfsec_ip_str(family, peer, a, sizeof(a)));
		return NULL;
	}
	if (!ikev1_admit(ctx, family, peer))
		return NULL;
	sa = ikev1_sa_new(ctx, family, peer, false);
	if (!sa)
		return NULL;
	memcpy(sa->icky, h->icky, 8);
	/* unverified, it lives this long (ikev1.h) */
	sa->expires = ctx->now + IKEV1_UNVERIFIED_MS;
	return sa;
}

bool ikev1_repeated(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    struct ikev1_xmit *x, const uint8_t *buf, size_t len)
{
	struct iovec v = { (void *)buf, len };
	uint8_t h[20];

	if (ike_hash(CONF_HASH_SHA1, &v, 1, h))
		return false;
	if (memcmp(h, x->last_in, sizeof(h))) {
		memcpy(x->last_in, h, sizeof(h));
		return false;
	}
	if (!x->lastlen || memcmp(h, x->answered, sizeof(h))) {
		ikev1_logf(ctx, sa, true, "dropped a repeated message");
	} else if (ikev1_sa_unverified(sa) &&
		   sa->answers++ >= IKEV1_UNVERIFIED_ANSWERS) {
		/* a spoofed source must not make us its amplifier */
		ikev1_logf(ctx, sa, true,
			   "dropped a repeated message: the peer has not "
			   "answered our cookie");
	} else {
		ikev1_logf(ctx, sa, true,
			   "retransmission: sending our answer again");
		ctx->ops->send(ctx, sa, x->last, x->lastlen);
	}
	return true;
}

void ikev1_input(struct ikev1_ctx *ctx, uint8_t family,
		 const union nfsec_ip *peer, const uint8_t *buf, size_t len)
{
	static uint8_t copy[ISAKMP_MSG_MAX];
	struct isakmp_err e;
	struct isakmp_hdr h;
	struct ikev1_sa *sa;

	if (isakmp_hdr_parse(buf, len, &h, &e)) {
		ikev1_logf(ctx, NULL, false, "dropped a message: %s", e.why);
		return;
	}
	sa = ikev1_find_cookies(ctx, &h);
	if (!sa)
		sa = ikev1_respond(ctx, family, peer, &h);
	if (!sa) {
		ikev1_logf(ctx, NULL, false,
			   "dropped a message for no known ISAKMP SA");
		return;
	}
	if (sa->family != family || memcmp(&sa->peer, peer, sizeof(*peer))) {
		ikev1_logf(ctx, sa, true,
			   "dropped a message from another peer");
		return;
	}
	/* it has our cookie: the peer receives at its address */
	if (ikev1_sa_unverified(sa) && !memcmp(h.rcky, sa->rcky, 8)) {
		sa->verified = true;
		sa->expires = 0;
		/* what we sent it may now go again (AM2 when AM3 was lost) */
		if (sa->x.lastlen)
			ikev1_timer_arm(ctx, &sa->x);
	}
	/* a quick mode's repeats are its own (ikev1_qm_input()) */
	if (h.exchange != ISAKMP_EXCH_QUICK &&
	    ikev1_repeated(ctx, sa, &sa->x, buf, len))
		return;
	sa->last_heard = ctx->now; /* for DPD: the peer is alive */
	memcpy(copy, buf, len);
	ctx->answering = true;
	if (h.exchange == ISAKMP_EXCH_IDPROT && !sa->aggressive)
		ikev1_mm_input(ctx, sa, &h, copy, len);
	else if (h.exchange == ISAKMP_EXCH_AGGRESSIVE &&
		 (sa->aggressive || sa->state == IKEV1_MM_NO_STATE))
		ikev1_am_input(ctx, sa, &h, copy, len);
	else if (h.exchange == ISAKMP_EXCH_QUICK)
		ikev1_qm_input(ctx, sa, &h, copy, len);
	else if (h.exchange == ISAKMP_EXCH_INFO)
		ikev1_info_input(ctx, sa, &h, copy, len);
	else
		ikev1_logf(ctx, sa, true, "exchange type %u not handled",
			   h.exchange);
	ctx->answering = false;
}
