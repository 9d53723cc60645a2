// SPDX-License-Identifier: GPL-2.0
/*
 * ESP transforms on top of the kernel crypto API.  Every SA gets one AEAD:
 *
 *   AES-GCM           rfc4106(gcm(aes))
 *   ChaCha20-Poly1305 rfc7539esp(chacha20,poly1305)
 *   CBC + HMAC        authenc(hmac(H),cbc(C)), authencesn() with ESN
 *   NULL + HMAC       authenc(hmac(H),ecb(cipher_null))
 *
 *   AH                hmac(H), an ahash (ah.c zeroes the mutable fields)
 *
 * The AEAD templates see the ESP header (and, for ESN, the high sequence bits)
 * as associated data and the IV right after it, so the packet layout and the
 * ICV are exactly RFC 4303's, and those of Linux XFRM with the same keys.
 */
#include <crypto/aead.h>
#include <crypto/authenc.h>
#include <crypto/hash.h>
#include <linux/err.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <uapi/linux/nfsec.h>

#include "algs.h"

struct nfsec_enc_desc {
	const char *name;	/* as cryptoctl spells it */
	const char *cipher;	/* crypto API name, NULL for AEADs */
	const char *aead;	/* crypto API AEAD, NULL for ciphers */
	u8 keymin, keymax;	/* for AEADs without the 4-byte salt */
	u8 keystep;
	u8 ivlen, blksize, icvlen;
};

static const struct nfsec_enc_desc nfsec_encs[__NFSEC_ENC_MAX] = {
	[NFSEC_ENC_NONE] = { "none" },
	[NFSEC_ENC_NULL] = { "null", "ecb(cipher_null)", NULL, 0, 0, 1, 0, 4 },
	[NFSEC_ENC_DES_CBC] = { "des", "cbc(des)", NULL, 8, 8, 1, 8, 8 },
	[NFSEC_ENC_3DES_CBC] = { "3des", "cbc(des3_ede)", NULL, 24, 24, 1,
				 8, 8 },
	[NFSEC_ENC_AES_CBC] = { "aes-cbc", "cbc(aes)", NULL, 16, 32, 8, 16,
				16 },
	[NFSEC_ENC_AES_GCM_16] = { "aes-gcm", NULL, "rfc4106(gcm(aes))", 16,
				   32, 8, 8, 4, 16 },
	[NFSEC_ENC_CHACHA20_POLY1305] = { "chacha20-poly1305", NULL,
					  "rfc7539esp(chacha20,poly1305)", 32,
					  32, 1, 8, 4, 16 },
};

struct nfsec_auth_desc {
	const char *name;
	const char *hmac;
	u8 keylen;	/* RFC key size; other lengths are refused */
	u8 icvlen;
};

static const struct nfsec_auth_desc nfsec_auths[__NFSEC_AUTH_MAX] = {
	[NFSEC_AUTH_NONE] = { "none" },
	[NFSEC_AUTH_HMAC_MD5_96] = { "hmac-md5-96", "hmac(md5)", 16, 12 },
	[NFSEC_AUTH_HMAC_SHA1_96] = { "hmac-sha1-96", "hmac(sha1)", 20, 12 },
	[NFSEC_AUTH_HMAC_SHA256_128] = { "hmac-sha256-128", "hmac(sha256)", 32,
					 16 },
	[NFSEC_AUTH_HMAC_SHA384_192] = { "hmac-sha384-192", "hmac(sha384)", 48,
					 24 },
	[NFSEC_AUTH_HMAC_SHA512_256] = { "hmac-sha512-256", "hmac(sha512)", 64,
					 32 },
};

#define NFSEC_SALT_LEN 4

const char *nfsec_enc_name(u8 enc)
{
	return enc < __NFSEC_ENC_MAX ? nfsec_encs[enc].name : "?";
}

const char *nfsec_auth_name(u8 auth)
{
	return auth < __NFSEC_AUTH_MAX ? nfsec_auths[auth].name : "?";
}

static bool nfsec_keylen_ok(const struct nfsec_enc_desc *e, unsigned int len)
{
	return len >= e->keymin && len <= e->keymax &&
	       (len - e->keymin) % e->keystep == 0;
}

static const char *nfsec_algs_check_aead(const struct nfsec_enc_desc *e,
					 u8 auth, unsigned int enckeylen,
					 unsigned int authkeylen)
{
	if (auth != NFSEC_AUTH_NONE || authkeylen)
		return "combined-mode cipher takes no auth algorithm";
	if (enckeylen < NFSEC_SALT_LEN ||
	    !nfsec_keylen_ok(e, enckeylen - NFSEC_SALT_LEN))
		return "wrong key length for the cipher (key + 4-byte salt)";
	return NULL;
}

static const char *nfsec_algs_check_authenc(const struct nfsec_enc_desc *e,
					    u8 auth, unsigned int enckeylen,
					    unsigned int authkeylen)
{
	if (auth == NFSEC_AUTH_NONE || auth >= __NFSEC_AUTH_MAX)
		return "cipher needs an auth algorithm";
	if (!nfsec_keylen_ok(e, enckeylen))
		return "wrong key length for the cipher";
	if (authkeylen != nfsec_auths[auth].keylen)
		return "wrong key length for the auth algorithm";
	return NULL;
}

const char *nfsec_algs_check(u8 enc, u8 auth, unsigned int enckeylen,
			     unsigned int authkeylen, bool esn,
			     struct nfsec_algs *algs)
{
	const struct nfsec_enc_desc *e;
	const char *msg;

	if (enc == NFSEC_ENC_NONE || enc >= __NFSEC_ENC_MAX)
		return "unknown or missing cipher";
	e = &nfsec_encs[enc];
	if (e->aead)
		msg = nfsec_algs_check_aead(e, auth, enckeylen, authkeylen);
	else
		msg = nfsec_algs_check_authenc(e, auth, enckeylen, authkeylen);
	if (msg)
		return msg;

	algs->enc = enc;
	algs->auth = auth;
	algs->ivlen = e->ivlen;
	algs->blksize = e->blksize;
	algs->icvlen = e->aead ? e->icvlen : nfsec_auths[auth].icvlen;
	algs->iv_is_seq = !!e->aead;
	return NULL;
}

/* The authenc key blob: an rtattr with the cipher key length, then keys. */
static u8 *nfsec_authenc_key(const u8 *enckey, unsigned int enckeylen,
			     const u8 *authkey, unsigned int authkeylen,
			     unsigned int *len)
{
	struct crypto_authenc_key_param *param;
	struct rtattr *rta;
	u8 *blob, *p;

	*len = RTA_SPACE(sizeof(*param)) + authkeylen + enckeylen;
	blob = kmalloc(*len, GFP_KERNEL);
	if (!blob)
		return NULL;
	rta = (struct rtattr *)blob;
	rta->rta_type = CRYPTO_AUTHENC_KEYA_PARAM;
	rta->rta_len = RTA_LENGTH(sizeof(*param));
	param = RTA_DATA(rta);
	param->enckeylen = cpu_to_be32(enckeylen);
	p = blob + RTA_SPACE(sizeof(*param));
	memcpy(p, authkey, authkeylen);
	memcpy(p + authkeylen, enckey, enckeylen);
	return blob;
}

static int nfsec_algs_set_authenc_key(struct crypto_aead *aead,
				      const u8 *enckey, unsigned int enckeylen,
				      const u8 *authkey,
				      unsigned int authkeylen)
{
	unsigned int len;
	u8 *blob;
	int err;

	blob = nfsec_authenc_key(enckey, enckeylen, authkey, authkeylen, &len);
	if (!blob)
		return -ENOMEM;
	err = crypto_aead_setkey(aead, blob, len);
	kfree_sensitive(blob);
	return err;
}

static struct crypto_aead *nfsec_algs_alloc(const struct nfsec_algs *algs,
					    bool esn)
{
	const struct nfsec_enc_desc *e = &nfsec_encs[algs->enc];
	char name[CRYPTO_MAX_ALG_NAME];

	if (e->aead)
		return crypto_alloc_aead(e->aead, 0, 0);
	if (snprintf(name, sizeof(name), "%s(%s,%s)",
		     esn ? "authencesn" : "authenc", nfsec_auths[algs->auth].hmac,
		     e->cipher) >= sizeof(name))
		return ERR_PTR(-ENAMETOOLONG);
	return crypto_alloc_aead(name, 0, 0);
}

struct crypto_aead *nfsec_algs_new_aead(const struct nfsec_algs *algs,
					const u8 *enckey, unsigned int enckeylen,
					const u8 *authkey,
					unsigned int authkeylen, bool esn)
{
	struct crypto_aead *aead;
	int err;

	aead = nfsec_algs_alloc(algs, esn);
	if (IS_ERR(aead))
		return aead;
	if (nfsec_encs[algs->enc].aead)
		err = crypto_aead_setkey(aead, enckey, enckeylen);
	else
		err = nfsec_algs_set_authenc_key(aead, enckey, enckeylen,
						 authkey, authkeylen);
	if (err)
		goto err_free;
	err = crypto_aead_setauthsize(aead, algs->icvlen);
	if (err)
		goto err_free;
	return aead;

err_free:
	crypto_free_aead(aead);
	return ERR_PTR(err);
}

const char *nfsec_algs_check_ah(u8 enc, u8 auth, unsigned int enckeylen,
				unsigned int authkeylen, struct nfsec_algs *algs)
{
	if (enc != NFSEC_ENC_NONE || enckeylen)
		return "AH takes no cipher";
	if (auth == NFSEC_AUTH_NONE || auth >= __NFSEC_AUTH_MAX)
		return "AH needs an auth algorithm";
	if (authkeylen != nfsec_auths[auth].keylen)
		return "wrong key length for the auth algorithm";
	algs->enc = enc;
	algs->auth = auth;
	algs->ivlen = 0;
	algs->blksize = 1;
	algs->icvlen = nfsec_auths[auth].icvlen;
	algs->iv_is_seq = false;
	return NULL;
}

struct crypto_ahash *nfsec_algs_new_ahash(const struct nfsec_algs *algs,
					  const u8 *authkey,
					  unsigned int authkeylen)
{
	struct crypto_ahash *ahash;
	int err;

	ahash = crypto_alloc_ahash(nfsec_auths[algs->auth].hmac, 0, 0);
	if (IS_ERR(ahash))
		return ahash;
	err = -EINVAL;
	if (crypto_ahash_digestsize(ahash) < algs->icvlen)
		goto err_free;
	err = crypto_ahash_setkey(ahash, authkey, authkeylen);
	if (err)
		goto err_free;
	return ahash;

err_free:
	crypto_free_ahash(ahash);
	return ERR_PTR(err);
}
