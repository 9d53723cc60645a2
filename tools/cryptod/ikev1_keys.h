/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IKEv1's key derivations (RFC 2409 sections 5 and 5.5, appendix B):
 * SKEYID and its d, a, e children, the phase-1 encryption key, the IVs of
 * phase 1 and of each phase-2 exchange, and quick mode's KEYMAT.
 */
#ifndef NFSEC_IKEV1_KEYS_H
#define NFSEC_IKEV1_KEYS_H

#include <stddef.h>
#include <stdint.h>

#include "ike_crypto.h"

#define IKEV1_COOKIE_LEN 8
/* RFC 2407 protocol IDs, as KEYMAT hashes them */
#define IKEV1_PROTO_IPSEC_AH 2
#define IKEV1_PROTO_IPSEC_ESP 3

struct ikev1_keys {
	uint8_t hash, enc; /* CONF_HASH_*, CONF_IKE_* */
	size_t hlen; /* prf output */
	uint8_t skeyid[IKE_HASH_MAX], skeyid_d[IKE_HASH_MAX];
	uint8_t skeyid_a[IKE_HASH_MAX], skeyid_e[IKE_HASH_MAX];
	uint8_t enckey[IKE_KEY_MAX];
	size_t enckeylen;
};

/*
 * Pre-shared keys: SKEYID = prf(pre-shared-key, Ni_b | Nr_b); then
 * SKEYID_d, _a, _e from g^xy and the cookies, and the cipher key from
 * SKEYID_e (expanded per appendix B when SKEYID_e is too short).
 */
int ikev1_keys_psk(struct ikev1_keys *k, uint8_t hash, uint8_t enc,
		   uint16_t keybits, const uint8_t *psk, size_t psklen,
		   const uint8_t *ni, size_t nilen, const uint8_t *nr,
		   size_t nrlen, const uint8_t *gxy, size_t gxylen,
		   const uint8_t *cky_i, const uint8_t *cky_r);

/* Phase 1's first IV: hash(g^xi | g^xr), cut to the cipher's block. */
int ikev1_iv_phase1(const struct ikev1_keys *k, const uint8_t *gxi,
		    size_t gxilen, const uint8_t *gxr, size_t gxrlen,
		    uint8_t *iv);

/* A phase-2 exchange's IV: hash(last phase-1 CBC block | M-ID). */
int ikev1_iv_phase2(const struct ikev1_keys *k, const uint8_t *last_block,
		    uint32_t msgid, uint8_t *iv);

/*
 * HASH_I = prf(SKEYID, g^xi | g^xr | CKY-I | CKY-R | SAi_b | IDii_b), or
 * HASH_R with the roles swapped (the caller passes its own side first).
 */
int ikev1_hash_auth(const struct ikev1_keys *k, const uint8_t *gx_a,
		    const uint8_t *gx_b, size_t gxlen, const uint8_t *cky_a,
		    const uint8_t *cky_b, const uint8_t *sa, size_t salen,
		    const uint8_t *id, size_t idlen, uint8_t *out);

/*
 * KEYMAT = K1 | K2 | ... with K1 = prf(SKEYID_d, [g(qm)^xy |] protocol |
 * SPI | Ni_b | Nr_b) and Kn = prf(SKEYID_d, Kn-1 | the same), @len bytes.
 * @gqm is NULL without PFS.  @protocol is IKEV1_PROTO_IPSEC_*; @spi is in
 * network order, as on the wire.
 */
int ikev1_keymat(const struct ikev1_keys *k, const uint8_t *gqm, size_t gqmlen,
		 uint8_t protocol, const uint8_t *spi, const uint8_t *ni,
		 size_t nilen, const uint8_t *nr, size_t nrlen, uint8_t *out,
		 size_t len);

/* Wipes every key. */
void ikev1_keys_wipe(struct ikev1_keys *k);

#endif /* NFSEC_IKEV1_KEYS_H */
