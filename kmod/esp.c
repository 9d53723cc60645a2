// SPDX-License-Identifier: GPL-2.0
/*
 * ESP (RFC 4303) on one packet, in place.
 *
 *   [hdr_len bytes][SPI][seq][IV][payload][padding][pad len][next hdr][ICV]
 *                  '-- AAD --'   '------- encrypted -----------------'
 *
 * The AEAD sees the associated data from a small buffer (SPI and the low
 * sequence bits, with the high bits in between under ESN: the layout
 * rfc4106, rfc7539esp and authencesn expect), then the packet from the IV
 * on.  The IV is the 64-bit sequence number for counter-mode ciphers (RFC
 * 4106 section 3 allows it; it never repeats under one key) and random
 * for CBC.
 */
#include <crypto/aead.h>
#include <linux/ip.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/skbuff.h>
#include <net/esp.h>

#include "esp.h"
#include "esp_trailer.h"
#include "nfsec.h"
#include "replay.h"
#include "sad.h"
#include "scratch.h"

#define NFSEC_AAD_MAX 12
#define NFSEC_IV_MAX 16
#define NFSEC_TRAILER_MAX (255 + NFSEC_ESP_TRAILER_LEN)

static unsigned int nfsec_esp_hlen(const struct nfsec_sa *sa)
{
	return sizeof(struct ip_esp_hdr) + sa->algs.ivlen;
}

unsigned int nfsec_esp_overhead(const struct nfsec_sa *sa, unsigned int len)
{
	return nfsec_esp_hlen(sa) + nfsec_esp_padlen(len, sa->algs.blksize) +
	       NFSEC_ESP_TRAILER_LEN + sa->algs.icvlen;
}

/*
 * One scratch buffer per packet (scratch.c: a per-CPU slot, no allocation)
 * holds the request, the AAD, the IV and the scatterlist:
 * [aead_request + ctx][aad][iv][sg x nsg].
 */
struct nfsec_esp_tmp {
	struct aead_request *req;
	u8 *aad;
	u8 *iv;
	struct scatterlist *sg;
};

/* Offsets of the AAD and the IV in that buffer; returns the scatterlist's. */
static unsigned int nfsec_esp_tmp_offsets(struct crypto_aead *aead,
					  unsigned int *off)
{
	unsigned int len = sizeof(struct aead_request) +
			   crypto_aead_reqsize(aead);

	off[0] = ALIGN(len, __alignof__(u64));
	off[1] = ALIGN(off[0] + NFSEC_AAD_MAX, crypto_aead_alignmask(aead) + 1);
	return ALIGN(off[1] + NFSEC_IV_MAX, __alignof__(struct scatterlist));
}

static void *nfsec_esp_alloc_tmp(struct crypto_aead *aead, int nsg,
				 struct nfsec_esp_tmp *t)
{
	unsigned int off[2], sg_off;
	void *tmp;

	sg_off = nfsec_esp_tmp_offsets(aead, off);
	tmp = nfsec_scratch_get(sg_off + sizeof(struct scatterlist) * nsg);
	if (!tmp)
		return NULL;
	t->req = tmp;
	t->aad = tmp + off[0];
	t->iv = tmp + off[1];
	t->sg = tmp + sg_off;
	aead_request_set_tfm(t->req, aead);
	return tmp;
}

/* SPI, [high sequence bits,] low sequence bits: the AAD of RFC 4303/4106. */
static unsigned int nfsec_esp_fill_aad(const struct nfsec_sa *sa, u64 seq,
				       u8 *aad)
{
	__be32 *w = (__be32 *)aad;

	w[0] = htonl(sa->key.spi);
	if (!sa->esn) {
		w[1] = htonl(lower_32_bits(seq));
		return 8;
	}
	w[1] = htonl(upper_32_bits(seq));
	w[2] = htonl(lower_32_bits(seq));
	return 12;
}

/* The scatterlist: the AAD buffer, then the packet from the IV to the end. */
static int nfsec_esp_map(struct sk_buff *skb, struct nfsec_esp_tmp *t,
			 unsigned int aadlen, int nfrags)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	unsigned int off = cb->hdr_len + sizeof(struct ip_esp_hdr);
	int n;

	sg_init_table(t->sg, nfrags + 1);
	sg_set_buf(t->sg, t->aad, aadlen);
	n = skb_to_sgvec(skb, t->sg + 1, off, skb->len - off);
	return n < 0 ? n : 0;
}

/* Output. */

static void nfsec_esp_put_trailer(struct sk_buff *skb, struct sk_buff *trailer,
				  unsigned int plen, unsigned int tailen)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	const struct nfsec_sa *sa = cb->sa;
	unsigned int padlen = nfsec_esp_padlen(plen, sa->algs.blksize);

	nfsec_esp_trailer_fill(skb_tail_pointer(trailer), padlen, cb->nexthdr);
	pskb_put(skb, trailer, tailen);
}

static void nfsec_esp_put_header(struct sk_buff *skb, const u8 *iv)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	const struct nfsec_sa *sa = cb->sa;
	struct ip_esp_hdr *esph;

	skb_push(skb, nfsec_esp_hlen(sa));
	memmove(skb->data, skb->data + nfsec_esp_hlen(sa), cb->hdr_len);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, cb->hdr_len);
	esph = (struct ip_esp_hdr *)(skb->data + cb->hdr_len);
	esph->spi = htonl(sa->key.spi);
	esph->seq_no = htonl(lower_32_bits(cb->seq));
	memcpy(esph->enc_data, iv, sa->algs.ivlen);
}

static void nfsec_esp_make_iv(const struct nfsec_sa *sa, u64 seq, u8 *iv)
{
	__be64 be = cpu_to_be64(seq);

	if (sa->algs.iv_is_seq)
		memcpy(iv, &be, sizeof(be));
	else
		get_random_bytes(iv, sa->algs.ivlen);
}

static void nfsec_esp_output_done(NFSEC_CRYPTO_DONE_ARG, int err)
{
	struct sk_buff *skb = nfsec_crypto_done_data(nfsec_done_arg);
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	nfsec_scratch_put(cb->tmp);
	cb->tmp = NULL;
	cb->done(skb, err);
}

int nfsec_esp_output(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	unsigned int plen = skb->len - cb->hdr_len, tailen, aadlen;
	struct nfsec_esp_tmp t;
	struct sk_buff *trailer;
	int nfrags, err;

	err = nfsec_sa_next_seq(sa, &cb->seq);
	if (err)
		return err;
	tailen = nfsec_esp_overhead(sa, plen) - nfsec_esp_hlen(sa);
	nfrags = skb_cow_data(skb, tailen, &trailer);
	if (nfrags < 0)
		return nfrags;
	cb->tmp = nfsec_esp_alloc_tmp(sa->aead, nfrags + 1, &t);
	if (!cb->tmp)
		return -ENOMEM;

	nfsec_esp_put_trailer(skb, trailer, plen, tailen);
	nfsec_esp_make_iv(sa, cb->seq, t.iv);
	nfsec_esp_put_header(skb, t.iv);
	aadlen = nfsec_esp_fill_aad(sa, cb->seq, t.aad);
	err = nfsec_esp_map(skb, &t, aadlen, nfrags);
	if (err)
		goto out_free;

	aead_request_set_callback(t.req, 0, nfsec_esp_output_done, skb);
	aead_request_set_crypt(t.req, t.sg, t.sg, tailen - sa->algs.icvlen + plen,
			       t.iv);
	aead_request_set_ad(t.req, aadlen + sa->algs.ivlen);
	err = crypto_aead_encrypt(t.req);
	if (err == -EINPROGRESS || err == -EBUSY)
		return -EINPROGRESS;
out_free:
	nfsec_scratch_put(cb->tmp);
	cb->tmp = NULL;
	return err;
}

/* Input. */

/* Bytes between the IV and the ICV, or 0 if the packet cannot be ESP. */
static unsigned int nfsec_esp_clen(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	const struct nfsec_sa *sa = cb->sa;
	unsigned int fixed = cb->hdr_len + nfsec_esp_hlen(sa) + sa->algs.icvlen;
	unsigned int align = max_t(unsigned int, sa->algs.blksize, 4);

	if (skb->len < fixed + NFSEC_ESP_TRAILER_LEN)
		return 0;
	if ((skb->len - fixed) % align)
		return 0;
	return skb->len - fixed;
}

static int nfsec_esp_replay_check(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	const struct ip_esp_hdr *esph;

	esph = (const struct ip_esp_hdr *)(skb->data + cb->hdr_len);
	if (nfsec_replay_check(cb->sa->replay, ntohl(esph->seq_no), &cb->seq))
		return -EEXIST;
	return 0;
}

/* Padding check; trims the trailer and the ICV off. */
static int nfsec_esp_strip_trailer(struct sk_buff *skb, unsigned int clen)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	unsigned int icvlen = cb->sa->algs.icvlen;
	unsigned int n = min_t(unsigned int, clen, NFSEC_TRAILER_MAX);
	u8 buf[NFSEC_TRAILER_MAX];
	unsigned int kept;
	int err;

	err = skb_copy_bits(skb, skb->len - icvlen - n, buf, n);
	if (err)
		return -EINVAL;
	err = nfsec_esp_trailer_parse(buf, n, &kept, &cb->nexthdr);
	if (err)
		return -EPROTO;
	return pskb_trim(skb, skb->len - icvlen - (n - kept)) ? -ENOMEM : 0;
}

/* After the ICV verified: replay window, trailer, then the ESP header. */
static int nfsec_esp_input_tail(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	unsigned int hlen = nfsec_esp_hlen(cb->sa);
	int err;

	nfsec_scratch_put(cb->tmp);
	cb->tmp = NULL;
	err = nfsec_sa_replay_advance(cb->sa, cb->seq);
	if (err)
		return err;
	err = nfsec_esp_strip_trailer(skb, skb->len - cb->hdr_len - hlen -
					   cb->sa->algs.icvlen);
	if (err)
		return err;
	memmove(skb->data + hlen, skb->data, cb->hdr_len);
	__skb_pull(skb, hlen);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, cb->hdr_len);
	skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

static void nfsec_esp_input_done(NFSEC_CRYPTO_DONE_ARG, int err)
{
	struct sk_buff *skb = nfsec_crypto_done_data(nfsec_done_arg);
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	if (err) {
		nfsec_scratch_put(cb->tmp);
		cb->tmp = NULL;
	} else {
		err = nfsec_esp_input_tail(skb);
	}
	cb->done(skb, err);
}

int nfsec_esp_input(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	unsigned int clen, aadlen;
	struct nfsec_esp_tmp t;
	struct sk_buff *trailer;
	int nfrags, err;

	if (!pskb_may_pull(skb, cb->hdr_len + nfsec_esp_hlen(sa)))
		return -EINVAL;
	clen = nfsec_esp_clen(skb);
	if (!clen)
		return -EINVAL;
	err = nfsec_esp_replay_check(skb);
	if (err)
		return err;
	nfrags = skb_cow_data(skb, 0, &trailer);
	if (nfrags < 0)
		return nfrags;
	cb->tmp = nfsec_esp_alloc_tmp(sa->aead, nfrags + 1, &t);
	if (!cb->tmp)
		return -ENOMEM;

	memcpy(t.iv, skb->data + cb->hdr_len + sizeof(struct ip_esp_hdr),
	       sa->algs.ivlen);
	aadlen = nfsec_esp_fill_aad(sa, cb->seq, t.aad);
	err = nfsec_esp_map(skb, &t, aadlen, nfrags);
	if (err)
		goto out_free;

	aead_request_set_callback(t.req, 0, nfsec_esp_input_done, skb);
	aead_request_set_crypt(t.req, t.sg, t.sg, clen + sa->algs.icvlen, t.iv);
	aead_request_set_ad(t.req, aadlen + sa->algs.ivlen);
	err = crypto_aead_decrypt(t.req);
	if (err == -EINPROGRESS || err == -EBUSY)
		return -EINPROGRESS;
	if (!err)
		return nfsec_esp_input_tail(skb);
out_free:
	nfsec_scratch_put(cb->tmp);
	cb->tmp = NULL;
	return err;
}
