// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: ESP (esp.c, algs.c) against known-answer packets built from the
 * RFCs by scripts/gen-esp-kat.py with an independent implementation:
 * encapsulation must produce exactly the expected bytes where the IV is
 * the sequence number (AES-GCM, ChaCha20-Poly1305), decapsulation must
 * recover the inner packet for every transform, and a flipped byte, a
 * replay and bad padding must be refused with their own errors.
 */
#include <crypto/aead.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/skbuff.h>
#include <uapi/linux/nfsec.h>

#include "../algs.c"
#include "../esp.c"
#include "esp_kat.h"
#include "kat_util.h"

/*
 * sad.c is not part of this module (ESP and AH here run on SAs of the
 * tests' own): the known answers never come near the last sequence
 * numbers, where nfsec_sa_next_seq() calls this.
 */
void nfsec_sa_seq_running_out(struct nfsec_sa *sa, u64 seq)
{
}

/* A packet with every page fragment still takes a slot, not kmalloc. */
static void kat_fits_slot(struct kunit *test, struct nfsec_sa *sa)
{
	unsigned int off[2], len;

	len = nfsec_esp_tmp_offsets(sa->aead, off) +
	      sizeof(struct scatterlist) * (MAX_SKB_FRAGS + 2);
	KUNIT_EXPECT_LE_MSG(test, len, nfsec_scratch_slot_len(), "%s",
			    crypto_aead_driver_name(sa->aead));
}

static struct nfsec_sa *kat_sa(struct kunit *test, u8 enc, u8 auth,
			       const u8 *ek, unsigned int ekl, const u8 *ak,
			       unsigned int akl, u32 spi, bool esn)
{
	struct nfsec_sa *sa = kunit_kzalloc(test, sizeof(*sa), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, sa);
	KUNIT_ASSERT_NULL(test, nfsec_algs_check(enc, auth, ekl, akl, esn,
						 &sa->algs));
	sa->aead = nfsec_algs_new_aead(&sa->algs, ek, ekl, ak, akl, esn);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sa->aead));
	sa->replay = nfsec_replay_alloc(64, esn, GFP_KERNEL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(sa->replay));
	spin_lock_init(&sa->replay_lock);
	sa->key.spi = spi;
	sa->esn = esn;
	kat_fits_slot(test, sa);
	return sa;
}

static void kat_sa_free(struct nfsec_sa *sa)
{
	crypto_free_aead(sa->aead);
	nfsec_replay_free(sa->replay);
}

static void kat_encap(struct kunit *test, struct nfsec_sa *sa, u64 seq,
		      const u8 *want, unsigned int len)
{
	struct sk_buff *skb = kat_skb(test, sa, kat_inner, sizeof(kat_inner));

	NFSEC_SKB_CB(skb)->nexthdr = IPPROTO_IPIP;
	atomic64_set(&sa->seq_out, seq - 1);
	KUNIT_ASSERT_EQ(test, kat_run(nfsec_esp_output, skb), 0);
	KUNIT_ASSERT_EQ(test, skb->len, len);
	KUNIT_EXPECT_EQ(test, skb_linearize(skb), 0);
	KUNIT_EXPECT_EQ(test, memcmp(skb->data, want, len), 0);
	kfree_skb(skb);
}

/* Decapsulates @pkt; on success checks the inner packet came back. */
static int kat_decap(struct kunit *test, struct nfsec_sa *sa, const u8 *pkt,
		     unsigned int len)
{
	struct sk_buff *skb = kat_skb(test, sa, pkt, len);
	int err = kat_run(nfsec_esp_input, skb);

	if (!err) {
		KUNIT_EXPECT_EQ(test, NFSEC_SKB_CB(skb)->nexthdr, IPPROTO_IPIP);
		KUNIT_EXPECT_EQ(test, skb->len, sizeof(kat_inner));
		KUNIT_EXPECT_EQ(test, skb_linearize(skb), 0);
		if (skb->len == sizeof(kat_inner))
			KUNIT_EXPECT_EQ(test, memcmp(skb->data, kat_inner,
						     sizeof(kat_inner)), 0);
	}
	kfree_skb(skb);
	return err;
}

static void esp_test_gcm128(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_AES_GCM_16, 0,
				     kat_gcm128_key, sizeof(kat_gcm128_key),
				     NULL, 0, 0x1001, false);

	kat_encap(test, sa, 1, kat_gcm128_seq1, sizeof(kat_gcm128_seq1));
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_gcm128_seq1,
					sizeof(kat_gcm128_seq1)), 0);
	kat_sa_free(sa);
}

static void esp_test_gcm128_esn(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_AES_GCM_16, 0,
				     kat_gcm128_key, sizeof(kat_gcm128_key),
				     NULL, 0, 0x1001, true);

	kat_encap(test, sa, 0x100000005ULL, kat_gcm128_esn,
		  sizeof(kat_gcm128_esn));
	/* The receiver has seen up to 2^32: the high half is inferred as 1. */
	sa->replay->top = 0x100000000ULL;
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_gcm128_esn,
					sizeof(kat_gcm128_esn)), 0);
	kat_sa_free(sa);
}

static void esp_test_gcm256(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_AES_GCM_16, 0,
				     kat_gcm256_key, sizeof(kat_gcm256_key),
				     NULL, 0, 0x2002, false);

	kat_encap(test, sa, 7, kat_gcm256_seq7, sizeof(kat_gcm256_seq7));
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_gcm256_seq7,
					sizeof(kat_gcm256_seq7)), 0);
	kat_sa_free(sa);
}

static void esp_test_chacha(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_CHACHA20_POLY1305, 0,
				     kat_chacha_key, sizeof(kat_chacha_key),
				     NULL, 0, 0x3003, false);

	kat_encap(test, sa, 3, kat_chacha_seq3, sizeof(kat_chacha_seq3));
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_chacha_seq3,
					sizeof(kat_chacha_seq3)), 0);
	kat_sa_free(sa);
}

static void esp_test_cbc_sha256(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_AES_CBC,
				     NFSEC_AUTH_HMAC_SHA256_128, kat_cbc_key,
				     sizeof(kat_cbc_key), kat_cbc_authkey,
				     sizeof(kat_cbc_authkey), 0x4004, false);

	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_cbc_sha256_seq9,
					sizeof(kat_cbc_sha256_seq9)), 0);
	kat_sa_free(sa);
}

static void esp_test_cbc_sha256_esn(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_AES_CBC,
				     NFSEC_AUTH_HMAC_SHA256_128, kat_cbc_key,
				     sizeof(kat_cbc_key), kat_cbc_authkey,
				     sizeof(kat_cbc_authkey), 0x4004, true);

	sa->replay->top = 0x200000000ULL;
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_cbc_sha256_esn,
					sizeof(kat_cbc_sha256_esn)), 0);
	kat_sa_free(sa);
}

static void esp_test_3des_md5(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_3DES_CBC,
				     NFSEC_AUTH_HMAC_MD5_96, kat_3des_key,
				     sizeof(kat_3des_key), kat_3des_authkey,
				     sizeof(kat_3des_authkey), 0x5005, false);

	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_3des_md5_seq4,
					sizeof(kat_3des_md5_seq4)), 0);
	kat_sa_free(sa);
}

static void esp_test_refusals(struct kunit *test)
{
	struct nfsec_sa *sa = kat_sa(test, NFSEC_ENC_AES_GCM_16, 0,
				     kat_gcm128_key, sizeof(kat_gcm128_key),
				     NULL, 0, 0x1001, false);
	u8 *bad = kunit_kmalloc(test, sizeof(kat_gcm128_seq1), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, bad);
	/* A flipped ciphertext bit: the ICV does not verify. */
	memcpy(bad, kat_gcm128_seq1, sizeof(kat_gcm128_seq1));
	bad[30] ^= 0x10;
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, bad, sizeof(kat_gcm128_seq1)),
			-EBADMSG);
	/* A failed ICV does not move the window: the real one still passes. */
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_gcm128_seq1,
					sizeof(kat_gcm128_seq1)), 0);
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_gcm128_seq1,
					sizeof(kat_gcm128_seq1)), -EEXIST);
	/* Authentic, but padded with zeros instead of 1, 2, ... */
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_gcm128_badpad,
					sizeof(kat_gcm128_badpad)), -EPROTO);
	/* Truncated: not even room for the ICV. */
	KUNIT_EXPECT_EQ(test, kat_decap(test, sa, kat_gcm128_seq1, 20),
			-EINVAL);
	kat_sa_free(sa);
}

static void esp_test_algs_check(struct kunit *test)
{
	struct nfsec_algs a;

	KUNIT_EXPECT_NULL(test, nfsec_algs_check(NFSEC_ENC_AES_GCM_16, 0, 20,
						 0, false, &a));
	KUNIT_EXPECT_EQ(test, a.icvlen, 16);
	KUNIT_EXPECT_EQ(test, a.ivlen, 8);
	KUNIT_EXPECT_NOT_NULL(test, nfsec_algs_check(NFSEC_ENC_AES_GCM_16, 0,
						     16, 0, false, &a));
	KUNIT_EXPECT_NOT_NULL(test, nfsec_algs_check(NFSEC_ENC_AES_CBC, 0, 16,
						     0, false, &a));
	KUNIT_EXPECT_NOT_NULL(test, nfsec_algs_check(NFSEC_ENC_AES_CBC,
						     NFSEC_AUTH_HMAC_SHA1_96,
						     16, 32, false, &a));
	KUNIT_EXPECT_NULL(test, nfsec_algs_check(NFSEC_ENC_3DES_CBC,
						 NFSEC_AUTH_HMAC_MD5_96, 24,
						 16, false, &a));
	KUNIT_EXPECT_EQ(test, a.icvlen, 12);
	KUNIT_EXPECT_EQ(test, a.blksize, 8);
}

static struct kunit_case esp_test_cases[] = {
	KUNIT_CASE(esp_test_gcm128),
	KUNIT_CASE(esp_test_gcm128_esn),
	KUNIT_CASE(esp_test_gcm256),
	KUNIT_CASE(esp_test_chacha),
	KUNIT_CASE(esp_test_cbc_sha256),
	KUNIT_CASE(esp_test_cbc_sha256_esn),
	KUNIT_CASE(esp_test_3des_md5),
	KUNIT_CASE(esp_test_refusals),
	KUNIT_CASE(esp_test_algs_check),
	{}
};

static struct kunit_suite esp_test_suite = {
	.suite_init = kat_suite_init,
	.suite_exit = kat_suite_exit,
	.name = "nfsec_esp",
	.test_cases = esp_test_cases,
};

kunit_test_suite(esp_test_suite);
