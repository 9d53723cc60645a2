// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 key derivations (see ikev1_keys.h).
 */
#include <errno.h>
#include <string.h>
#include <arpa/inet.h>

#include "ikev1_keys.h"

#define IOV(p, n) ((struct iovec){ .iov_base = (void *)(p), .iov_len = (n) })

/* SKEYID_x = prf(SKEYID, [prev |] g^xy | CKY-I | CKY-R | x) */
static int ikev1_skeyid_child(struct ikev1_keys *k, const uint8_t *prev,
			      const uint8_t *gxy, size_t gxylen,
			      const uint8_t *cky_i, const uint8_t *cky_r,
			      uint8_t x, uint8_t *out)
{
	struct iovec v[5];
	size_t n = 0;

	if (prev)
		v[n++] = IOV(prev, k->hlen);
	v[n++] = IOV(gxy, gxylen);
	v[n++] = IOV(cky_i, IKEV1_COOKIE_LEN);
	v[n++] = IOV(cky_r, IKEV1_COOKIE_LEN);
	v[n++] = IOV(&x, 1);
	return ike_prf(k->hash, k->skeyid, k->hlen, v, n, out);
}

/* Appendix B: Ka = K1 | K2 | ..., K1 = prf(SKEYID_e, 0), Kn = prf(SKEYID_e, Kn-1). */
static int ikev1_enc_key(struct ikev1_keys *k, uint16_t keybits)
{
	uint8_t block[IKE_HASH_MAX], zero = 0;
	size_t need = ike_cipher_keylen(k->enc, keybits), have = 0, n;
	struct iovec v;
	int err = 0;

	if (!need)
		return -EINVAL;
	k->enckeylen = need;
	if (k->hlen >= need) {
		memcpy(k->enckey, k->skeyid_e, need);
		return 0;
	}
	v = IOV(&zero, 1);
	while (have < need && !err) {
		err = ike_prf(k->hash, k->skeyid_e, k->hlen, &v, 1, block);
		n = need - have < k->hlen ? need - have : k->hlen;
		memcpy(k->enckey + have, block, n);
		have += n;
		v = IOV(block, k->hlen); /* the next block hashes this one */
	}
	explicit_bzero(block, sizeof(block));
	return err;
}

int ikev1_keys_psk(struct ikev1_keys *k, uint8_t hash, uint8_t enc,
		   uint16_t keybits, const uint8_t *psk, size_t psklen,
		   const uint8_t *ni, size_t nilen, const uint8_t *nr,
		   size_t nrlen, const uint8_t *gxy, size_t gxylen,
		   const uint8_t *cky_i, const uint8_t *cky_r)
{
	struct iovec nonces[2] = { IOV(ni, nilen), IOV(nr, nrlen) };
	int err;

	memset(k, 0, sizeof(*k));
	k->hash = hash;
	k->enc = enc;
	k->hlen = ike_hash_len(hash);
	if (!k->hlen)
		return -EINVAL;
	err = ike_prf(hash, psk, psklen, nonces, 2, k->skeyid);
	if (!err)
		err = ikev1_skeyid_child(k, NULL, gxy, gxylen, cky_i, cky_r, 0,
					 k->skeyid_d);
	if (!err)
		err = ikev1_skeyid_child(k, k->skeyid_d, gxy, gxylen, cky_i,
					 cky_r, 1, k->skeyid_a);
	if (!err)
		err = ikev1_skeyid_child(k, k->skeyid_a, gxy, gxylen, cky_i,
					 cky_r, 2, k->skeyid_e);
	if (!err)
		err = ikev1_enc_key(k, keybits);
	if (err)
		ikev1_keys_wipe(k);
	return err;
}

int ikev1_iv_phase1(const struct ikev1_keys *k, const uint8_t *gxi,
		    size_t gxilen, const uint8_t *gxr, size_t gxrlen,
		    uint8_t *iv)
{
	struct iovec v[2] = { IOV(gxi, gxilen), IOV(gxr, gxrlen) };
	uint8_t h[IKE_HASH_MAX];
	int err = ike_hash(k->hash, v, 2, h);

	if (!err)
		memcpy(iv, h, ike_cipher_block(k->enc));
	return err;
}

int ikev1_iv_phase2(const struct ikev1_keys *k, const uint8_t *last_block,
		    uint32_t msgid, uint8_t *iv)
{
	size_t bs = ike_cipher_block(k->enc);
	uint32_t id = htonl(msgid);
	struct iovec v[2] = { IOV(last_block, bs), IOV(&id, 4) };
	uint8_t h[IKE_HASH_MAX];
	int err = ike_hash(k->hash, v, 2, h);

	if (!err)
		memcpy(iv, h, bs);
	return err;
}

int ikev1_hash_auth(const struct ikev1_keys *k, const uint8_t *gx_a,
		    const uint8_t *gx_b, size_t gxlen, const uint8_t *cky_a,
		    const uint8_t *cky_b, const uint8_t *sa, size_t salen,
		    const uint8_t *id, size_t idlen, uint8_t *out)
{
	struct iovec v[6] = {
		IOV(gx_a, gxlen),
		IOV(gx_b, gxlen),
		IOV(cky_a, IKEV1_COOKIE_LEN),
		IOV(cky_b, IKEV1_COOKIE_LEN),
		IOV(sa, salen),
		IOV(id, idlen),
	};

	return ike_prf(k->hash, k->skeyid, k->hlen, v, 6, out);
}

int ikev1_keymat(const struct ikev1_keys *k, const uint8_t *gqm, size_t gqmlen,
		 uint8_t protocol, const uint8_t *spi, const uint8_t *ni,
		 size_t nilen, const uint8_t *nr, size_t nrlen, uint8_t *out,
		 size_t len)
{
	uint8_t block[IKE_HASH_MAX];
	struct iovec v[6];
	size_t have = 0, nv = 1, n, first = 1;
	int err = 0;

	/* v[0] is the previous block, from K2 on */
	if (gqm)
		v[nv++] = IOV(gqm, gqmlen);
	v[nv++] = IOV(&protocol, 1);
	v[nv++] = IOV(spi, 4);
	v[nv++] = IOV(ni, nilen);
	v[nv++] = IOV(nr, nrlen);
	while (have < len && !err) {
		v[0] = IOV(block, k->hlen);
		err = ike_prf(k->hash, k->skeyid_d, k->hlen, v + first,
			      nv - first, block);
		first = 0;
		if (err)
			break;
		n = len - have < k->hlen ? len - have : k->hlen;
		memcpy(out + have, block, n);
		have += n;
	}
	explicit_bzero(block, sizeof(block));
	return err;
}

void ikev1_keys_wipe(struct ikev1_keys *k)
{
	explicit_bzero(k, sizeof(*k));
}
