/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IKE's primitives over GnuTLS: hashes, the HMAC prf, CBC ciphers, random
 * bytes.  Algorithms are named by the configuration's enums (conf.h).
 */
#ifndef NFSEC_IKE_CRYPTO_H
#define NFSEC_IKE_CRYPTO_H

#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>

#define IKE_HASH_MAX 64 /* SHA-512 */
#define IKE_BLOCK_MAX 16 /* AES */
#define IKE_KEY_MAX 32 /* AES-256, 3DES 24 */

/* Output bytes of @hash (CONF_HASH_*), 0 when unknown. */
size_t ike_hash_len(uint8_t hash);

/* out = hash(data[0] | data[1] | ...); 0 or -errno. */
int ike_hash(uint8_t hash, const struct iovec *data, size_t n, uint8_t *out);

/* out = HMAC-hash(key, data[0] | ...): RFC 2409's prf. */
int ike_prf(uint8_t hash, const uint8_t *key, size_t keylen,
	    const struct iovec *data, size_t n, uint8_t *out);

/* Block bytes and key bytes of an IKE cipher (CONF_IKE_*, AES bits). */
size_t ike_cipher_block(uint8_t enc);
size_t ike_cipher_keylen(uint8_t enc, uint16_t keybits);

/*
 * CBC in place over @len bytes (a multiple of the block).  @iv is updated
 * to the last ciphertext block, as IKEv1 chains IVs across messages.
 */
int ike_cbc(uint8_t enc, const uint8_t *key, size_t keylen, uint8_t *iv,
	    uint8_t *buf, size_t len, int encrypt);

/* Fill with random bytes for keys (nonces, DH secrets, cookies). */
int ike_random(void *buf, size_t len);

#endif /* NFSEC_IKE_CRYPTO_H */
