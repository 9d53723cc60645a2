// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 Informational exchanges (RFC 2409 5.7) under an authenticated
 * ISAKMP SA:
 *
 *   HDR*, HASH(1), N/D      HASH(1) = prf(SKEYID_a, M-ID | N/D)
 *
 * encrypted with an IV of its own M-ID, as a quick mode is.  What goes
 * out: Delete payloads (RFC 2408 3.15) for an ISAKMP SA that is cleared
 * or at its end, and for IPsec SAs that went away.  What comes in: the
 * same from the peer; DPD's notifies go to ikev1_dpd.c.  An
 * informational message is never retransmitted
 * nor answered, and one that is not encrypted or whose HASH does not
 * verify is logged and dropped: anyone can send those.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <gnutls/gnutls.h>
#include <netinet/in.h>

#include "ikev1_int.h"

#define INFO_DELETE_HDR 8 /* DOI, protocol, SPI size, # of SPIs */

int ikev1_info_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa, uint8_t type,
		    const uint8_t *body, size_t blen)
{
	uint8_t buf[512], iv[IKE_BLOCK_MAX], zero[IKE_HASH_MAX] = { 0 };
	struct isakmp_hdr h;
	struct isakmp_w w;
	size_t hash_at, rest_at, n;
	uint32_t msgid = 0;
	int len, err;

	while (!msgid)
		if (ike_random(&msgid, 4))
			return -EIO;
	err = ikev1_iv_phase2(&sa->keys, sa->iv, msgid, iv);
	if (err)
		return err;
	ikev1_hdr(sa, ISAKMP_EXCH_INFO, ISAKMP_FLAG_ENC, msgid, &h);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_simple(&w, ISAKMP_PL_HASH, zero, sa->keys.hlen);
	hash_at = isakmp_w_body_at(&w);
	rest_at = w.len;
	isakmp_w_simple(&w, type, body, blen);
	len = isakmp_w_finish(&w);
	if (len < 0)
		return len;
	n = (size_t)len;
	err = ikev1_p2_hash(sa, false, msgid, NULL, 0, buf + rest_at,
			    n - rest_at, buf + hash_at)
		      ?: ikev1_encrypt(sa, iv, buf, &n, sizeof(buf));
	if (!err)
		err = ctx->ops->send(ctx, sa, buf, n);
	explicit_bzero(buf, sizeof(buf));
	return err;
}

/* A Delete payload's body: DOI, protocol, SPI size, count, SPIs. */
static size_t info_delete_body(uint8_t *b, uint8_t proto, uint8_t spi_size,
			       const uint8_t *spis, uint16_t nspis)
{
	size_t len = (size_t)spi_size * nspis;

	b[0] = 0;
	b[1] = 0;
	b[2] = 0;
	b[3] = ISAKMP_DOI_IPSEC;
	b[4] = proto;
	b[5] = spi_size;
	b[6] = (uint8_t)(nspis >> 8);
	b[7] = (uint8_t)nspis;
	memcpy(b + INFO_DELETE_HDR, spis, len);
	return INFO_DELETE_HDR + len;
}

int ikev1_info_delete_isakmp(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	uint8_t cookies[16], body[INFO_DELETE_HDR + 16];

	memcpy(cookies, sa->icky, 8);
	memcpy(cookies + 8, sa->rcky, 8);
	ikev1_logf(ctx, sa, true, "sending DELETE for the ISAKMP SA");
	return ikev1_info_send(
		ctx, sa, ISAKMP_PL_D, body,
		info_delete_body(body, ISAKMP_PROTO_ISAKMP, 16, cookies, 1));
}

static int info_delete_spi(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			   uint8_t proto, uint32_t spi)
{
	uint8_t body[INFO_DELETE_HDR + 4];
	uint32_t be = htonl(spi);

	if (!spi)
		return 0;
	return ikev1_info_send(
		ctx, sa, ISAKMP_PL_D, body,
		info_delete_body(body, proto, 4, (uint8_t *)&be, 1));
}

int ikev1_info_delete_ipsec(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			    uint32_t ah_in, uint32_t esp_in)
{
	ikev1_logf(ctx, sa, true, "sending DELETE for IPsec SPIs 0x%X 0x%X",
		   esp_in, ah_in);
	return info_delete_spi(ctx, sa, ISAKMP_PROTO_IPSEC_ESP, esp_in)
		       ?: info_delete_spi(ctx, sa, ISAKMP_PROTO_IPSEC_AH,
					  ah_in);
}

bool ikev1_initial_contact_due(struct ikev1_ctx *ctx, const struct ikev1_sa *sa)
{
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++)
		if (&ctx->sas[i] != sa && ctx->sas[i].used &&
		    !memcmp(&ctx->sas[i].peer, &sa->peer, sizeof(sa->peer)))
			return false;
	for (i = 0; i < IKEV1_INSTALLED_MAX; i++)
		if (ctx->installed[i].used &&
		    !memcmp(&ctx->installed[i].peer, &sa->peer,
			    sizeof(sa->peer)))
			return false;
	return true;
}

/* N: DOI, protocol ISAKMP, SPI size 16, INITIAL-CONTACT, the cookies. */
void ikev1_initial_contact_write(const struct ikev1_sa *sa, struct isakmp_w *w)
{
	isakmp_w_payload(w, ISAKMP_PL_N);
	isakmp_w_u32(w, ISAKMP_DOI_IPSEC);
	isakmp_w_u8(w, ISAKMP_PROTO_ISAKMP);
	isakmp_w_u8(w, 16);
	isakmp_w_u16(w, ISAKMP_N_INITIAL_CONTACT);
	isakmp_w_put(w, sa->icky, 8);
	isakmp_w_put(w, sa->rcky, 8);
}

void ikev1_initial_contact_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
				 const struct isakmp_payloads *pls)
{
	const struct isakmp_payload *p;
	size_t i, k;

	for (i = 0; i < pls->n; i++) {
		p = &pls->pl[i];
		if (p->type != ISAKMP_PL_N || p->len < 8 ||
		    (p->body[6] << 8 | p->body[7]) != ISAKMP_N_INITIAL_CONTACT)
			continue;
		ikev1_logf(
			ctx, sa, true,
			"received INITIAL-CONTACT: the peer's older SAs are gone");
		for (k = 0; k < IKEV1_SAS_MAX; k++)
			if (&ctx->sas[k] != sa && ctx->sas[k].used &&
			    !memcmp(&ctx->sas[k].peer, &sa->peer,
				    sizeof(sa->peer))) {
				ikev1_event_down(ctx, &ctx->sas[k]);
				ikev1_sa_free(&ctx->sas[k]);
			}
		ikev1_installed_forget(ctx, sa);
		return;
	}
}

/* A Delete from the peer: its ISAKMP SA (ours goes), or its IPsec SAs. */
static void info_delete(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			uint32_t msgid, const uint8_t *b, size_t len)
{
	uint8_t proto, spi_size;
	uint16_t n, i;
	uint32_t spi;

	if (len < INFO_DELETE_HDR)
		return;
	proto = b[4];
	spi_size = b[5];
	n = (uint16_t)(b[6] << 8 | b[7]);
	ikev1_logf(ctx, sa, true,
		   "processing DELETE payload. message ID = %d, spi size = %u",
		   (int32_t)msgid, spi_size);
	if (len != INFO_DELETE_HDR + (size_t)spi_size * n)
		return;
	b += INFO_DELETE_HDR;
	if (proto == ISAKMP_PROTO_ISAKMP && spi_size == 16 && n == 1 &&
	    !memcmp(b, sa->icky, 8) && !memcmp(b + 8, sa->rcky, 8)) {
		ikev1_logf(
			ctx, sa, true,
			"deleting SA reason \"Received DELETE\" state QM_IDLE");
		ikev1_event_down(ctx, sa);
		ikev1_sa_free(sa);
		return;
	}
	if ((proto != ISAKMP_PROTO_IPSEC_ESP &&
	     proto != ISAKMP_PROTO_IPSEC_AH) ||
	    spi_size != 4)
		return;
	for (i = 0; i < n; i++, b += 4) {
		memcpy(&spi, b, 4);
		ikev1_installed_peer_deleted(ctx, sa,
					     proto == ISAKMP_PROTO_IPSEC_ESP
						     ? IPPROTO_ESP
						     : IPPROTO_AH,
					     ntohl(spi));
	}
}

/* Decrypts and checks HASH(1); the payloads after it in @pls. */
static int info_open(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		     const struct isakmp_hdr *h, uint8_t *buf, size_t len,
		     struct isakmp_payloads *pls)
{
	uint8_t iv[IKE_BLOCK_MAX], want[IKE_HASH_MAX];
	const struct isakmp_payload *last;
	const uint8_t *rest;
	struct isakmp_err e;
	size_t end;

	if (ikev1_iv_phase2(&sa->keys, sa->iv, h->msgid, iv) ||
	    ikev1_decrypt(sa, iv, buf, len) ||
	    isakmp_payloads_parse(buf + ISAKMP_HDR_LEN, len - ISAKMP_HDR_LEN,
				  h->next, true, pls, &e) ||
	    pls->n < 2 || pls->pl[0].type != ISAKMP_PL_HASH ||
	    pls->pl[0].len != sa->keys.hlen) {
		ikev1_logf(ctx, sa, true,
			   "dropped a malformed Informational message");
		return -EBADMSG;
	}
	last = &pls->pl[pls->n - 1];
	end = (size_t)(last->body + last->len - buf);
	rest = pls->pl[0].body + pls->pl[0].len;
	if (ikev1_p2_hash(sa, false, h->msgid, NULL, 0, rest,
			  end - (size_t)(rest - buf), want) ||
	    gnutls_memcmp(want, pls->pl[0].body, sa->keys.hlen)) {
		ikev1_logf(
			ctx, sa, true,
			"dropped an Informational message: HASH(1) does not verify");
		return -EACCES;
	}
	return 0;
}

void ikev1_info_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		      const struct isakmp_hdr *h, uint8_t *buf, size_t len)
{
	struct isakmp_payloads pls;
	size_t i;

	if (!(h->flags & ISAKMP_FLAG_ENC) || sa->state != IKEV1_QM_IDLE ||
	    !h->msgid) {
		ikev1_logf(ctx, sa, true,
			   "dropped an unauthenticated Informational message");
		return;
	}
	if (info_open(ctx, sa, h, buf, len, &pls))
		return;
	for (i = 1; i < pls.n && sa->used; i++) {
		if (pls.pl[i].type == ISAKMP_PL_D)
			info_delete(ctx, sa, h->msgid, pls.pl[i].body,
				    pls.pl[i].len);
		else if (pls.pl[i].type == ISAKMP_PL_N && pls.pl[i].len >= 8 &&
			 !ikev1_dpd_notify(ctx, sa, pls.pl[i].body,
					   pls.pl[i].len))
			ikev1_logf(ctx, sa, true,
				   "processing NOTIFY payload %u protocol %u",
				   (unsigned int)(pls.pl[i].body[6] << 8 |
						  pls.pl[i].body[7]),
				   pls.pl[i].body[4]);
	}
}
