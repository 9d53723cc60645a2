// SPDX-License-Identifier: GPL-2.0
/*
 * AH (RFC 4302) on one packet, in place.
 *
 *   [IP header][next hdr|len|reserved][SPI][seq][ICV (+ padding)][payload]
 *   '------------------------ authenticated --------------------------'
 *
 * The ICV is the truncated HMAC of the whole packet with the mutable
 * header fields (ah_mutable.c) and the ICV field zeroed (padding after it
 * counts as it is: XFRM sends whatever the buffer held), followed under ESN
 * by the high 32 sequence bits (RFC 4302 3.3.2.1).  The header is padded
 * to 8 bytes, as Linux XFRM pads it by default also over IPv4 (where RFC
 * 4302 asks for 4 at least); over IPv4 either padding is accepted.  The fields
 * zeroed for the HMAC are saved and put back when it completes, so the
 * packet leaves (or, in transport mode, is delivered) as it was.
 */
#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <linux/ipv6.h>
#include <linux/scatterlist.h>
#include <net/ah.h>

#include "ah.h"
#include "esp.h"
#include "nfsec.h"
#include "scratch.h"

#define NFSEC_AH_DIGEST_MAX 64	/* SHA-512 */

unsigned int nfsec_ah_hlen(const struct nfsec_sa *sa, u8 family)
{
	return ALIGN(sizeof(struct ip_auth_hdr) + sa->algs.icvlen, 8);
}

/* The length an AH header says it has, if @sa may send that length. */
static unsigned int nfsec_ah_hlen_in(const struct nfsec_sa *sa, u8 family,
				     const struct ip_auth_hdr *ah)
{
	unsigned int len = (ah->hdrlen + 2U) << 2;

	if (len == nfsec_ah_hlen(sa, family))
		return len;
	if (family == AF_INET &&
	    len == ALIGN(sizeof(*ah) + sa->algs.icvlen, 4))
		return len;
	return 0;
}

/*
 * One scratch buffer per packet (scratch.c): [ahash_request + ctx][digest]
 * [high sequence bits][saved header bytes][sg x nsg].
 */
struct nfsec_ah_tmp {
	struct ahash_request *req;
	u8 *digest;
	__be32 *seqhi;
	u8 *saved;
	struct scatterlist *sg;
};

/* Offsets in that allocation for @saved header bytes. */
static unsigned int nfsec_ah_offsets(struct crypto_ahash *ahash,
				     unsigned int saved, unsigned int *off)
{
	off[0] = ALIGN(sizeof(struct ahash_request) +
		       crypto_ahash_reqsize(ahash), __alignof__(u64));
	off[1] = off[0] + NFSEC_AH_DIGEST_MAX;
	off[2] = off[1] + sizeof(u64);
	return ALIGN(off[2] + saved, __alignof__(struct scatterlist));
}

static void nfsec_ah_layout(struct crypto_ahash *ahash, void *tmp,
			    unsigned int saved, struct nfsec_ah_tmp *t)
{
	unsigned int off[3], sg;

	sg = nfsec_ah_offsets(ahash, saved, off);
	t->req = tmp;
	t->digest = tmp + off[0];
	t->seqhi = tmp + off[1];
	t->saved = tmp + off[2];
	t->sg = tmp + sg;
}

static void *nfsec_ah_alloc_tmp(struct crypto_ahash *ahash,
				unsigned int saved, int nsg,
				struct nfsec_ah_tmp *t)
{
	unsigned int off[3], len;
	void *tmp;

	len = nfsec_ah_offsets(ahash, saved, off) +
	      sizeof(struct scatterlist) * nsg;
	tmp = nfsec_scratch_get(len);
	if (!tmp)
		return NULL;
	nfsec_ah_layout(ahash, tmp, saved, t);
	ahash_request_set_tfm(t->req, ahash);
	return tmp;
}

static int nfsec_ah_zero_mutable(struct sk_buff *skb, unsigned int hdr_len,
				 u8 family)
{
	if (family == AF_INET)
		return nfsec_ah_zero_mutable4(skb->data, hdr_len);
	return nfsec_ah_zero_mutable6(skb->data, hdr_len);
}

/* The packet, then the high sequence bits under ESN. */
static int nfsec_ah_map(struct sk_buff *skb, struct nfsec_ah_tmp *t,
			int nsg, unsigned int *len)
{
	const struct nfsec_sa *sa = NFSEC_SKB_CB(skb)->sa;
	int n;

	sg_init_table(t->sg, nsg);
	n = skb_to_sgvec_nomark(skb, t->sg, 0, skb->len);
	if (n < 0)
		return n;
	*len = skb->len;
	if (sa->esn) {
		*t->seqhi = htonl(upper_32_bits(NFSEC_SKB_CB(skb)->seq));
		sg_set_buf(&t->sg[n++], t->seqhi, sizeof(*t->seqhi));
		*len += sizeof(*t->seqhi);
	}
	sg_mark_end(&t->sg[n - 1]);
	return 0;
}

static int nfsec_ah_digest(struct sk_buff *skb, struct nfsec_ah_tmp *t,
			   int nsg, crypto_completion_t done)
{
	unsigned int len;
	int err;

	err = nfsec_ah_map(skb, t, nsg, &len);
	if (err)
		return err;
	ahash_request_set_callback(t->req, 0, done, skb);
	ahash_request_set_crypt(t->req, t->sg, t->digest, len);
	err = crypto_ahash_digest(t->req);
	return err == -EBUSY ? -EINPROGRESS : err;
}

static struct ip_auth_hdr *nfsec_ah_hdr(struct sk_buff *skb)
{
	return (struct ip_auth_hdr *)(skb->data + NFSEC_SKB_CB(skb)->hdr_len);
}

static void nfsec_ah_tmp_of(struct sk_buff *skb, unsigned int saved,
			    struct nfsec_ah_tmp *t)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	nfsec_ah_layout(cb->sa->ahash, cb->tmp, saved, t);
}

static void nfsec_ah_free_tmp(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	nfsec_scratch_put(cb->tmp);
	cb->tmp = NULL;
}

/* Output. */

/* The IP header in front now carries AH: protocol and length. */
static void nfsec_ah_fix_ip(struct sk_buff *skb, u8 family)
{
	if (family == AF_INET) {
		ip_hdr(skb)->protocol = IPPROTO_AH;
		ip_hdr(skb)->tot_len = htons(skb->len);
	} else {
		ipv6_hdr(skb)->nexthdr = IPPROTO_AH;
		ipv6_hdr(skb)->payload_len =
			htons(skb->len - sizeof(struct ipv6hdr));
	}
}

static void nfsec_ah_put_header(struct sk_buff *skb, unsigned int ahlen)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct ip_auth_hdr *ah;

	skb_push(skb, ahlen);
	memmove(skb->data, skb->data + ahlen, cb->hdr_len);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, cb->hdr_len);
	ah = nfsec_ah_hdr(skb);
	ah->nexthdr = cb->nexthdr;
	ah->hdrlen = (ahlen >> 2) - 2;
	ah->reserved = 0;
	ah->spi = htonl(cb->sa->key.spi);
	ah->seq_no = htonl(lower_32_bits(cb->seq));
	memset(ah->auth_data, 0, ahlen - sizeof(*ah));
}

/* The HMAC is done: the header as it was, the ICV in place. */
static void nfsec_ah_output_tail(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_ah_tmp t;

	nfsec_ah_tmp_of(skb, cb->hdr_len, &t);
	memcpy(skb->data, t.saved, cb->hdr_len);
	memcpy(nfsec_ah_hdr(skb)->auth_data, t.digest, cb->sa->algs.icvlen);
	nfsec_ah_free_tmp(skb);
}

static void nfsec_ah_output_done(NFSEC_CRYPTO_DONE_ARG, int err)
{
	struct sk_buff *skb = nfsec_crypto_done_data(nfsec_done_arg);
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	if (err)
		nfsec_ah_free_tmp(skb);
	else
		nfsec_ah_output_tail(skb);
	cb->done(skb, err);
}

int nfsec_ah_output(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	u8 family = sa->key.family;
	unsigned int ahlen = nfsec_ah_hlen(sa, family);
	struct nfsec_ah_tmp t;
	struct sk_buff *trailer;
	int nfrags, err;

	err = nfsec_sa_next_seq(sa, &cb->seq);
	if (err)
		return err;
	nfrags = skb_cow_data(skb, 0, &trailer);
	if (nfrags < 0)
		return nfrags;
	cb->tmp = nfsec_ah_alloc_tmp(sa->ahash, cb->hdr_len, nfrags + 1, &t);
	if (!cb->tmp)
		return -ENOMEM;

	nfsec_ah_put_header(skb, ahlen);
	nfsec_ah_fix_ip(skb, family);
	memcpy(t.saved, skb->data, cb->hdr_len);
	err = nfsec_ah_zero_mutable(skb, cb->hdr_len, family);
	if (!err)
		err = nfsec_ah_digest(skb, &t, nfrags + 1,
				      nfsec_ah_output_done);
	if (err == -EINPROGRESS)
		return err;
	if (err) {
		memcpy(skb->data, t.saved, cb->hdr_len);
		nfsec_ah_free_tmp(skb);
		return err;
	}
	nfsec_ah_output_tail(skb);
	return 0;
}

/* Input. */

/* ICV, header bytes back, replay window, then AH out of the packet. */
static int nfsec_ah_input_tail(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	unsigned int ahlen = (nfsec_ah_hdr(skb)->hdrlen + 2U) << 2;
	struct nfsec_ah_tmp t;
	bool bad;

	nfsec_ah_tmp_of(skb, cb->hdr_len + ahlen, &t);
	bad = crypto_memneq(t.digest, t.saved + cb->hdr_len +
			    sizeof(struct ip_auth_hdr), sa->algs.icvlen);
	memcpy(skb->data, t.saved, cb->hdr_len + ahlen);
	nfsec_ah_free_tmp(skb);
	if (bad)
		return -EBADMSG;
	if (nfsec_sa_replay_advance(sa, cb->seq))
		return -EEXIST;
	memmove(skb->data + ahlen, skb->data, cb->hdr_len);
	__skb_pull(skb, ahlen);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, cb->hdr_len);
	skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

static void nfsec_ah_input_done(NFSEC_CRYPTO_DONE_ARG, int err)
{
	struct sk_buff *skb = nfsec_crypto_done_data(nfsec_done_arg);
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);

	if (err)
		nfsec_ah_free_tmp(skb);
	else
		err = nfsec_ah_input_tail(skb);
	cb->done(skb, err);
}

/* The AH header is there and as long as @sa allows; its sequence number. */
static int nfsec_ah_input_check(struct sk_buff *skb, unsigned int *ahlen)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	const struct ip_auth_hdr *ah;

	if (!pskb_may_pull(skb, cb->hdr_len + sizeof(*ah)))
		return -EINVAL;
	*ahlen = nfsec_ah_hlen_in(cb->sa, cb->family, nfsec_ah_hdr(skb));
	if (!*ahlen || !pskb_may_pull(skb, cb->hdr_len + *ahlen))
		return -EINVAL;
	ah = nfsec_ah_hdr(skb);
	if (nfsec_replay_check(cb->sa->replay, ntohl(ah->seq_no), &cb->seq))
		return -EEXIST;
	return 0;
}

int nfsec_ah_input(struct sk_buff *skb)
{
	struct nfsec_skb_cb *cb = NFSEC_SKB_CB(skb);
	struct nfsec_sa *sa = cb->sa;
	unsigned int ahlen, saved;
	struct nfsec_ah_tmp t;
	struct sk_buff *trailer;
	int nfrags, err;

	err = nfsec_ah_input_check(skb, &ahlen);
	if (err)
		return err;
	saved = cb->hdr_len + ahlen;
	nfrags = skb_cow_data(skb, 0, &trailer);
	if (nfrags < 0)
		return nfrags;
	cb->tmp = nfsec_ah_alloc_tmp(sa->ahash, saved, nfrags + 1, &t);
	if (!cb->tmp)
		return -ENOMEM;

	cb->nexthdr = nfsec_ah_hdr(skb)->nexthdr;
	memcpy(t.saved, skb->data, saved);
	/* The ICV is zeroed; padding after it counts as sent (RFC 4302). */
	memset(nfsec_ah_hdr(skb)->auth_data, 0, sa->algs.icvlen);
	err = nfsec_ah_zero_mutable(skb, cb->hdr_len, cb->family);
	if (!err)
		err = nfsec_ah_digest(skb, &t, nfrags + 1, nfsec_ah_input_done);
	if (err == -EINPROGRESS)
		return err;
	if (err) {
		memcpy(skb->data, t.saved, saved);
		nfsec_ah_free_tmp(skb);
		return err;
	}
	return nfsec_ah_input_tail(skb);
}
