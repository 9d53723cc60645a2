// SPDX-License-Identifier: GPL-2.0
/*
 * IKE's hashes, prf and ciphers through GnuTLS (see ike_crypto.h).
 */
#include <errno.h>
#include <string.h>
#include <gnutls/crypto.h>

#include "conf.h"
#include "ike_crypto.h"

static gnutls_digest_algorithm_t ike_digest(uint8_t hash)
{
	switch (hash) {
	case CONF_HASH_MD5:
		return GNUTLS_DIG_MD5;
	case CONF_HASH_SHA1:
		return GNUTLS_DIG_SHA1;
	case CONF_HASH_SHA256:
		return GNUTLS_DIG_SHA256;
	case CONF_HASH_SHA384:
		return GNUTLS_DIG_SHA384;
	case CONF_HASH_SHA512:
		return GNUTLS_DIG_SHA512;
	}
	return GNUTLS_DIG_UNKNOWN;
}

static gnutls_mac_algorithm_t ike_mac(uint8_t hash)
{
	switch (hash) {
	case CONF_HASH_MD5:
		return GNUTLS_MAC_MD5;
	case CONF_HASH_SHA1:
		return GNUTLS_MAC_SHA1;
	case CONF_HASH_SHA256:
		return GNUTLS_MAC_SHA256;
	case CONF_HASH_SHA384:
		return GNUTLS_MAC_SHA384;
	case CONF_HASH_SHA512:
		return GNUTLS_MAC_SHA512;
	}
	return GNUTLS_MAC_UNKNOWN;
}

size_t ike_hash_len(uint8_t hash)
{
	gnutls_digest_algorithm_t d = ike_digest(hash);

	return d == GNUTLS_DIG_UNKNOWN ? 0 : gnutls_hash_get_len(d);
}

int ike_hash(uint8_t hash, const struct iovec *data, size_t n, uint8_t *out)
{
	gnutls_digest_algorithm_t d = ike_digest(hash);
	gnutls_hash_hd_t h;
	size_t i;

	if (d == GNUTLS_DIG_UNKNOWN)
		return -EINVAL;
	if (gnutls_hash_init(&h, d) < 0)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		if (gnutls_hash(h, data[i].iov_base, data[i].iov_len) < 0) {
			gnutls_hash_deinit(h, NULL);
			return -EIO;
		}
	gnutls_hash_deinit(h, out);
	return 0;
}

int ike_prf(uint8_t hash, const uint8_t *key, size_t keylen,
	    const struct iovec *data, size_t n, uint8_t *out)
{
	gnutls_mac_algorithm_t m = ike_mac(hash);
	gnutls_hmac_hd_t h;
	size_t i;

	if (m == GNUTLS_MAC_UNKNOWN)
		return -EINVAL;
	if (gnutls_hmac_init(&h, m, key, keylen) < 0)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		if (gnutls_hmac(h, data[i].iov_base, data[i].iov_len) < 0) {
			gnutls_hmac_deinit(h, NULL);
			return -EIO;
		}
	gnutls_hmac_deinit(h, out);
	return 0;
}

size_t ike_cipher_block(uint8_t enc)
{
	switch (enc) {
	case CONF_IKE_DES:
	case CONF_IKE_3DES:
		return 8;
	case CONF_IKE_AES:
		return 16;
	}
	return 0;
}

size_t ike_cipher_keylen(uint8_t enc, uint16_t keybits)
{
	switch (enc) {
	case CONF_IKE_DES:
		return 8;
	case CONF_IKE_3DES:
		return 24;
	case CONF_IKE_AES:
		return keybits == 192 || keybits == 256 ? keybits / 8u : 16;
	}
	return 0;
}

static gnutls_cipher_algorithm_t ike_cipher(uint8_t enc, size_t keylen)
{
	switch (enc) {
	case CONF_IKE_DES:
		return GNUTLS_CIPHER_DES_CBC;
	case CONF_IKE_3DES:
		return GNUTLS_CIPHER_3DES_CBC;
	case CONF_IKE_AES:
		return keylen == 32   ? GNUTLS_CIPHER_AES_256_CBC
		       : keylen == 24 ? GNUTLS_CIPHER_AES_192_CBC
				      : GNUTLS_CIPHER_AES_128_CBC;
	}
	return GNUTLS_CIPHER_UNKNOWN;
}

int ike_cbc(uint8_t enc, const uint8_t *key, size_t keylen, uint8_t *iv,
	    uint8_t *buf, size_t len, int encrypt)
{
	size_t bs = ike_cipher_block(enc);
	gnutls_datum_t k = { (unsigned char *)key, (unsigned int)keylen };
	gnutls_datum_t v = { iv, (unsigned int)bs };
	uint8_t next[IKE_BLOCK_MAX];
	gnutls_cipher_hd_t h;
	int err;

	if (!bs || keylen != ike_cipher_keylen(enc, (uint16_t)(keylen * 8)) ||
	    len % bs || !len)
		return -EINVAL;
	if (!encrypt)
		memcpy(next, buf + len - bs, bs);
	if (gnutls_cipher_init(&h, ike_cipher(enc, keylen), &k, &v) < 0)
		return -EINVAL;
	err = encrypt ? gnutls_cipher_encrypt(h, buf, len)
		      : gnutls_cipher_decrypt(h, buf, len);
	gnutls_cipher_deinit(h);
	if (err < 0)
		return -EIO;
	memcpy(iv, encrypt ? buf + len - bs : next, bs);
	return 0;
}

int ike_random(void *buf, size_t len)
{
	return gnutls_rnd(GNUTLS_RND_KEY, buf, len) < 0 ? -EIO : 0;
}
