// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: AH (ah.c, ah_mutable.c) against known-answer packets built from
 * the RFCs by scripts/gen-ah-kat.py with an independent implementation.
 * Encapsulation must produce exactly the expected bytes (IPv4 with and
 * without options, IPv6, the 8-byte padding, ESN); decapsulation must
 * verify them, also with other values in the mutable fields, and refuse a
 * flipped immutable byte, a replay and a malformed header.
 */
#include <crypto/hash.h>
#include <kunit/test.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/skbuff.h>
#include <uapi/linux/nfsec.h>

#include "../ah_mutable.c"
#include "../ah.c"
#include "ah_kat.h"
#include "kat_util.h"

/*
 * A packet with a full IPv4 header (the most header bytes AH saves over
 * IPv4) and every page fragment still takes a slot, not kmalloc.
 */
static void ah_fits_slot(struct kunit *test, struct nfsec_sa *sa)
{
	unsigned int off[3], len;

	len = nfsec_ah_offsets(sa->ahash, 60, off) +
	      sizeof(struct scatterlist) * (MAX_SKB_FRAGS + 2);
	KUNIT_EXPECT_LE_MSG(test, len, nfsec_scratch_slot_len(), "%s",
			    crypto_ahash_driver_name(sa->ahash));
}

static struct nfsec_sa *ah_sa(struct kunit *test, u8 auth, const u8 *ak,
			      unsigned int akl, u32 spi, u8 family, bool esn)
{
	struct nfsec_sa *sa = kunit_kzalloc(test, sizeof(*sa), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, sa);
	KUNIT_ASSERT_NULL(test, nfsec_algs_check_ah(NFSEC_ENC_NONE, auth, 0,
						    akl, &sa->algs));
	sa->ahash = nfsec_algs_new_ahash(&sa->algs, ak, akl);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sa->ahash));
	sa->replay = nfsec_replay_alloc(64, esn, GFP_KERNEL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sa->replay));
	spin_lock_init(&sa->replay_lock);
	sa->key.spi = spi;
	sa->key.proto = IPPROTO_AH;
	sa->key.family = family;
	sa->esn = esn;
	ah_fits_slot(test, sa);
	return sa;
}

static void ah_sa_free(struct nfsec_sa *sa)
{
	crypto_free_ahash(sa->ahash);
	nfsec_replay_free(sa->replay);
}

static unsigned int ah_hdr_len(const u8 *pkt, u8 family)
{
	return family == AF_INET ? (pkt[0] & 15) * 4 : sizeof(struct ipv6hdr);
}

/*
 * The packet before AH: the expected packet's IP header (saying IPIP,
 * with the length of header + inner) and the inner packet.
 */
static struct sk_buff *ah_plain(struct kunit *test, struct nfsec_sa *sa,
				const u8 *want)
{
	unsigned int hlen = ah_hdr_len(want, sa->key.family);
	struct sk_buff *skb = kat_skb(test, sa, want, hlen);

	skb_put_data(skb, kat_ah_inner, sizeof(kat_ah_inner));
	if (sa->key.family == AF_INET) {
		ip_hdr(skb)->protocol = IPPROTO_IPIP;
		ip_hdr(skb)->tot_len = htons(skb->len);
	} else {
		ipv6_hdr(skb)->nexthdr = IPPROTO_IPIP;
		ipv6_hdr(skb)->payload_len = htons(sizeof(kat_ah_inner));
	}
	NFSEC_SKB_CB(skb)->hdr_len = hlen;
	NFSEC_SKB_CB(skb)->nexthdr = IPPROTO_IPIP;
	return skb;
}

static void ah_encap(struct kunit *test, struct nfsec_sa *sa, u64 seq,
		     const u8 *want, unsigned int len)
{
	struct sk_buff *skb = ah_plain(test, sa, want);

	atomic64_set(&sa->seq_out, seq - 1);
	KUNIT_ASSERT_EQ(test, kat_run(nfsec_ah_output, skb), 0);
	KUNIT_ASSERT_EQ(test, skb->len, len);
	KUNIT_EXPECT_EQ(test, skb_linearize(skb), 0);
	KUNIT_EXPECT_EQ(test, memcmp(skb->data, want, len), 0);
	kfree_skb(skb);
}

/* Decapsulates @pkt; on success checks what is left: header + inner. */
static int ah_decap(struct kunit *test, struct nfsec_sa *sa, const u8 *pkt,
		    unsigned int len)
{
	unsigned int hlen = ah_hdr_len(pkt, sa->key.family);
	struct sk_buff *skb = kat_skb(test, sa, pkt, len);
	int err;

	NFSEC_SKB_CB(skb)->hdr_len = hlen;
	NFSEC_SKB_CB(skb)->family = sa->key.family;
	err = kat_run(nfsec_ah_input, skb);
	if (!err) {
		KUNIT_EXPECT_EQ(test, NFSEC_SKB_CB(skb)->nexthdr, IPPROTO_IPIP);
		KUNIT_EXPECT_EQ(test, skb->len, hlen + sizeof(kat_ah_inner));
		KUNIT_EXPECT_EQ(test, skb_linearize(skb), 0);
		KUNIT_EXPECT_EQ(test, memcmp(skb->data, pkt, hlen), 0);
		if (skb->len == hlen + sizeof(kat_ah_inner))
			KUNIT_EXPECT_EQ(test, memcmp(skb->data + hlen,
						     kat_ah_inner,
						     sizeof(kat_ah_inner)), 0);
	}
	kfree_skb(skb);
	return err;
}

static void ah_test_sha1(struct kunit *test)
{
	struct nfsec_sa *sa = ah_sa(test, NFSEC_AUTH_HMAC_SHA1_96,
				    kat_ah_sha1_key, sizeof(kat_ah_sha1_key),
				    0x6006, AF_INET, false);

	ah_encap(test, sa, 1, kat_ah_sha1_seq1, sizeof(kat_ah_sha1_seq1));
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, kat_ah_sha1_seq1,
				       sizeof(kat_ah_sha1_seq1)), 0);
	ah_sa_free(sa);
}

static void ah_test_sha1_esn(struct kunit *test)
{
	struct nfsec_sa *sa = ah_sa(test, NFSEC_AUTH_HMAC_SHA1_96,
				    kat_ah_sha1_key, sizeof(kat_ah_sha1_key),
				    0x6006, AF_INET, true);

	ah_encap(test, sa, 0x100000003ULL, kat_ah_sha1_esn,
		 sizeof(kat_ah_sha1_esn));
	sa->replay->top = 0x100000000ULL;
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, kat_ah_sha1_esn,
				       sizeof(kat_ah_sha1_esn)), 0);
	ah_sa_free(sa);
}

static void ah_test_sha256(struct kunit *test)
{
	struct nfsec_sa *sa = ah_sa(test, NFSEC_AUTH_HMAC_SHA256_128,
				    kat_ah_sha256_key,
				    sizeof(kat_ah_sha256_key), 0x8008, AF_INET,
				    false);

	/* 12 + 16 bytes, sent padded to 32 as XFRM does */
	KUNIT_EXPECT_EQ(test, nfsec_ah_hlen(sa, AF_INET), 32);
	ah_encap(test, sa, 2, kat_ah_sha256_seq2, sizeof(kat_ah_sha256_seq2));
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, kat_ah_sha256_seq2,
				       sizeof(kat_ah_sha256_seq2)), 0);
	/* and accepted with RFC 4302's 4-byte alignment (28) over IPv4 */
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, kat_ah_sha256_align4,
				       sizeof(kat_ah_sha256_align4)), 0);
	/* padding that is not zero is covered as it came */
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, kat_ah_sha256_garbage_pad,
				       sizeof(kat_ah_sha256_garbage_pad)), 0);
	ah_sa_free(sa);
}

static void ah_test_sha256_v6(struct kunit *test)
{
	struct nfsec_sa *sa = ah_sa(test, NFSEC_AUTH_HMAC_SHA256_128,
				    kat_ah_sha256_key,
				    sizeof(kat_ah_sha256_key), 0x8008, AF_INET6,
				    false);

	KUNIT_EXPECT_EQ(test, nfsec_ah_hlen(sa, AF_INET6), 32);
	ah_encap(test, sa, 2, kat_ah_sha256_v6, sizeof(kat_ah_sha256_v6));
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, kat_ah_sha256_v6,
				       sizeof(kat_ah_sha256_v6)), 0);
	ah_sa_free(sa);
}

static struct nfsec_sa *ah_md5_sa(struct kunit *test)
{
	return ah_sa(test, NFSEC_AUTH_HMAC_MD5_96, kat_ah_md5_key,
		     sizeof(kat_ah_md5_key), 0x7007, AF_INET, false);
}

/* @pkt with byte @off xor @x, decapsulated by a fresh SA. */
static int ah_decap_changed(struct kunit *test, const u8 *pkt,
			    unsigned int len, unsigned int off, u8 x)
{
	struct nfsec_sa *sa = ah_md5_sa(test);
	u8 *p = kunit_kmalloc(test, len, GFP_KERNEL);
	int err;

	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, pkt, len);
	p[off] ^= x;
	err = ah_decap(test, sa, p, len);
	ah_sa_free(sa);
	return err;
}

/* IPv4 options: router alert is covered, record route is not. */
static void ah_test_md5_options(struct kunit *test)
{
	const u8 *pkt = kat_ah_md5_opts;
	unsigned int len = sizeof(kat_ah_md5_opts);
	struct nfsec_sa *sa = ah_md5_sa(test);

	KUNIT_ASSERT_EQ(test, ah_hdr_len(pkt, AF_INET), 36);
	ah_encap(test, sa, 5, pkt, len);
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, pkt, len), 0);
	ah_sa_free(sa);
	KUNIT_EXPECT_EQ(test, ah_decap_changed(test, pkt, len, 1, 0xfc), 0);
	KUNIT_EXPECT_EQ(test, ah_decap_changed(test, pkt, len, 8, 0x3f), 0);
	KUNIT_EXPECT_EQ(test, ah_decap_changed(test, pkt, len, 6, 0x40), 0);
	KUNIT_EXPECT_EQ(test, ah_decap_changed(test, pkt, len, 29, 0x01), 0);
	KUNIT_EXPECT_EQ(test, ah_decap_changed(test, pkt, len, 22, 0x01),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, ah_decap_changed(test, pkt, len, 4, 0x01),
			-EBADMSG);
}

static void ah_test_refusals(struct kunit *test)
{
	const u8 *pkt = kat_ah_sha1_seq1;
	unsigned int len = sizeof(kat_ah_sha1_seq1);
	struct nfsec_sa *sa = ah_sa(test, NFSEC_AUTH_HMAC_SHA1_96,
				    kat_ah_sha1_key, sizeof(kat_ah_sha1_key),
				    0x6006, AF_INET, false);
	u8 *bad = kunit_kmalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, bad);
	memcpy(bad, pkt, len);
	bad[len - 1] ^= 0x01;	/* payload */
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, bad, len), -EBADMSG);
	bad[len - 1] ^= 0x01;
	bad[32] ^= 0x80;	/* ICV */
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, bad, len), -EBADMSG);
	bad[32] ^= 0x80;
	bad[21] = 5;		/* AH length that is not the SA's */
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, bad, len), -EINVAL);
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, pkt, 30), -EINVAL);
	/* Failures did not move the window: the real one passes, once. */
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, pkt, len), 0);
	KUNIT_EXPECT_EQ(test, ah_decap(test, sa, pkt, len), -EEXIST);
	ah_sa_free(sa);
}

static void ah_test_mutable4(struct kunit *test)
{
	/* IHL 7: loose source route via 192.0.2.7 to 192.0.2.9, EOL. */
	u8 h[28] = { 0x47, 0xb8, 0, 28, 0, 1, 0x40, 0, 9, 51, 0xab, 0xcd,
		     198, 51, 100, 1, 192, 0, 2, 7,
		     IPOPT_LSRR, 7, 4, 192, 0, 2, 9, IPOPT_END };
	u8 bad[24] = { 0x46, 0, 0, 24, 0, 0, 0, 0, 1, 51, 0, 0,
		       1, 2, 3, 4, 5, 6, 7, 8, IPOPT_RR, 9, 4, 0 };

	KUNIT_ASSERT_EQ(test, nfsec_ah_zero_mutable4(h, sizeof(h)), 0);
	KUNIT_EXPECT_EQ(test, h[1] | h[6] | h[8] | h[10] | h[11], 0);
	KUNIT_EXPECT_EQ(test, h[4] << 8 | h[5], 1);	/* ID is covered */
	KUNIT_EXPECT_EQ(test, h[19], 9);	/* the final destination */
	KUNIT_EXPECT_EQ(test, h[20] | h[21] | h[26], 0);
	KUNIT_EXPECT_EQ(test, nfsec_ah_zero_mutable4(bad, sizeof(bad)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, nfsec_ah_zero_mutable4(h, 24), -EINVAL);
}

static void ah_test_mutable6(struct kunit *test)
{
	/* IPv6 + hop-by-hop: router alert (fixed), 0x3e (may change). */
	u8 h[48] = { 0x6f, 0xf1, 0x23, 0x45, 0, 8, NEXTHDR_HOP, 64 };
	static const u8 hbh[8] = { IPPROTO_AH, 0, 5, 2, 0, 0, 0x3e, 0 };
	u8 opt_bad[48];

	memcpy(h + 40, hbh, sizeof(hbh));
	h[47] = 0;
	memcpy(opt_bad, h, sizeof(h));
	KUNIT_ASSERT_EQ(test, nfsec_ah_zero_mutable6(h, sizeof(h)), 0);
	KUNIT_EXPECT_EQ(test, h[0], 0x60);
	KUNIT_EXPECT_EQ(test, h[1] | h[2] | h[3] | h[7], 0);
	KUNIT_EXPECT_EQ(test, h[42], 5);	/* router alert kept */
	KUNIT_EXPECT_EQ(test, h[46], 0x3e);
	opt_bad[47] = 9;	/* option longer than the header */
	KUNIT_EXPECT_EQ(test, nfsec_ah_zero_mutable6(opt_bad, sizeof(opt_bad)),
			-EINVAL);
	memcpy(opt_bad, h, sizeof(h));
	opt_bad[6] = NEXTHDR_ROUTING;
	KUNIT_EXPECT_EQ(test, nfsec_ah_zero_mutable6(opt_bad, sizeof(opt_bad)),
			-EAFNOSUPPORT);
}

static struct kunit_case ah_test_cases[] = {
	KUNIT_CASE(ah_test_sha1),
	KUNIT_CASE(ah_test_sha1_esn),
	KUNIT_CASE(ah_test_sha256),
	KUNIT_CASE(ah_test_sha256_v6),
	KUNIT_CASE(ah_test_md5_options),
	KUNIT_CASE(ah_test_refusals),
	KUNIT_CASE(ah_test_mutable4),
	KUNIT_CASE(ah_test_mutable6),
	{}
};

static struct kunit_suite ah_test_suite = {
	.suite_init = kat_suite_init,
	.suite_exit = kat_suite_exit,
	.name = "nfsec_ah",
	.test_cases = ah_test_cases,
};

kunit_test_suite(ah_test_suite);
