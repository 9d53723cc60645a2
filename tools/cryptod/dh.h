/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Diffie-Hellman for IKE: MODP groups 1, 2, 5, 14, 15, 16 through GMP,
 * ECP groups 19, 20, 21 (RFC 5903) through nettle.  GnuTLS has no public
 * API for a raw exchange, so this goes beneath it.
 *
 * Public values are as IKE carries them in KE payloads: MODP g^x as a
 * big-endian number padded to the prime's length; ECP x | y, each padded to
 * the field's length.  The shared secret is g^xy padded likewise, or the
 * x coordinate alone for ECP (RFC 5903 section 7).
 */
#ifndef NFSEC_DH_H
#define NFSEC_DH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gmp.h>

#define IKE_DH_MAX 512 /* bytes: MODP 4096 */

struct ike_dh {
	bool live; /* priv initialized; a zeroed struct needs no free */
	uint8_t group;
	mpz_t priv;
	uint8_t pub[IKE_DH_MAX];
	size_t len; /* of pub */
};

/* Bytes of a public value and of the shared secret; 0 when unknown. */
size_t ike_dh_pub_len(uint8_t group);
size_t ike_dh_secret_len(uint8_t group);

/*
 * A fresh private value and its public value.  0 or -errno; either way
 * ike_dh_free() releases it.
 */
int ike_dh_init(struct ike_dh *dh, uint8_t group);
/* The same with a given private value (known-answer tests). */
int ike_dh_init_priv(struct ike_dh *dh, uint8_t group, const uint8_t *priv,
		     size_t len);
/*
 * The shared secret with the peer's public value, which is checked
 * first: 1 < y < p - 1 for MODP, a point on the curve for ECP.  -EINVAL
 * when it is not valid.  @out holds ike_dh_secret_len() bytes.
 */
int ike_dh_shared(const struct ike_dh *dh, const uint8_t *peer, size_t len,
		  uint8_t *out);
/* Wipes the private value; a no-op on a zeroed struct. */
void ike_dh_free(struct ike_dh *dh);

#endif /* NFSEC_DH_H */
