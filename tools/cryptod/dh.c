// SPDX-License-Identifier: GPL-2.0
/*
 * Diffie-Hellman for IKE (see dh.h).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <nettle/ecc.h>
#include <nettle/ecc-curve.h>

#include "dh.h"
#include "dh_modp.h"
#include "ike_crypto.h"

static const char *dh_modp_prime(uint8_t group)
{
	switch (group) {
	case 1:
		return dh_modp1;
	case 2:
		return dh_modp2;
	case 5:
		return dh_modp5;
	case 14:
		return dh_modp14;
	case 15:
		return dh_modp15;
	case 16:
		return dh_modp16;
	}
	return NULL;
}

static const struct ecc_curve *dh_curve(uint8_t group)
{
	switch (group) {
	case 19:
		return nettle_get_secp_256r1();
	case 20:
		return nettle_get_secp_384r1();
	case 21:
		return nettle_get_secp_521r1();
	}
	return NULL;
}

/* Bytes of one coordinate (ECP) or of the prime (MODP). */
static size_t dh_field_len(uint8_t group)
{
	const struct ecc_curve *ecc = dh_curve(group);
	const char *p = dh_modp_prime(group);

	if (ecc)
		return (ecc_bit_size(ecc) + 7) / 8;
	return p ? strlen(p) / 2 : 0;
}

size_t ike_dh_pub_len(uint8_t group)
{
	return dh_field_len(group) * (dh_curve(group) ? 2 : 1);
}

size_t ike_dh_secret_len(uint8_t group)
{
	return dh_field_len(group);
}

/* @z as @len big-endian bytes (it fits: z < p). */
static void dh_export(const mpz_t z, uint8_t *out, size_t len)
{
	size_t n = (mpz_sizeinbase(z, 2) + 7) / 8;

	memset(out, 0, len - n);
	if (mpz_sgn(z))
		mpz_export(out + len - n, NULL, 1, 1, 1, 0, z);
}

static void dh_import(mpz_t z, const uint8_t *in, size_t len)
{
	mpz_import(z, len, 1, 1, 1, 0, in);
}

static int dh_modp_pub(struct ike_dh *dh)
{
	mpz_t p, g, y;

	mpz_init_set_str(p, dh_modp_prime(dh->group), 16);
	mpz_init_set_ui(g, 2);
	mpz_init(y);
	mpz_powm_sec(y, g, dh->priv, p);
	dh->len = dh_field_len(dh->group);
	dh_export(y, dh->pub, dh->len);
	mpz_clears(p, g, y, NULL);
	return 0;
}

static int dh_ecp_pub(struct ike_dh *dh)
{
	const struct ecc_curve *ecc = dh_curve(dh->group);
	size_t flen = dh_field_len(dh->group);
	struct ecc_scalar s;
	struct ecc_point r;
	mpz_t x, y;
	int err = 0;

	ecc_scalar_init(&s, ecc);
	ecc_point_init(&r, ecc);
	mpz_inits(x, y, NULL);
	if (!ecc_scalar_set(&s, dh->priv)) {
		err = -EINVAL; /* 0 or not below the group order */
		goto out;
	}
	ecc_point_mul_g(&r, &s);
	ecc_point_get(&r, x, y);
	dh_export(x, dh->pub, flen);
	dh_export(y, dh->pub + flen, flen);
	dh->len = 2 * flen;
out:
	mpz_clears(x, y, NULL);
	ecc_point_clear(&r);
	ecc_scalar_clear(&s);
	return err;
}

/*
 * GMP (and nettle's ECC beneath it) allocates through these: every limb
 * that held a private value or an intermediate is wiped before it is freed.
 */
static void *dh_gmp_alloc(size_t n)
{
	void *p = malloc(n);

	if (!p)
		abort(); /* what GMP's default allocator does */
	return p;
}

static void dh_gmp_free(void *p, size_t n)
{
	if (p)
		explicit_bzero(p, n);
	free(p);
}

static void *dh_gmp_realloc(void *old, size_t oldn, size_t n)
{
	void *p = dh_gmp_alloc(n);

	memcpy(p, old, oldn < n ? oldn : n);
	dh_gmp_free(old, oldn);
	return p;
}

static void dh_gmp_wipe_on_free(void)
{
	static bool done;

	if (!done)
		mp_set_memory_functions(dh_gmp_alloc, dh_gmp_realloc,
					dh_gmp_free);
	done = true;
}

/* Takes @priv as the private value and computes the public one. */
static int dh_set_priv(struct ike_dh *dh, const uint8_t *priv, size_t len)
{
	dh_import(dh->priv, priv, len);
	return dh_curve(dh->group) ? dh_ecp_pub(dh) : dh_modp_pub(dh);
}

static int dh_setup(struct ike_dh *dh, uint8_t group)
{
	dh_gmp_wipe_on_free();
	memset(dh, 0, sizeof(*dh));
	dh->group = group;
	mpz_init(dh->priv);
	dh->live = true;
	return ike_dh_pub_len(group) ? 0 : -EINVAL;
}

int ike_dh_init_priv(struct ike_dh *dh, uint8_t group, const uint8_t *priv,
		     size_t len)
{
	int err = dh_setup(dh, group);

	return err ? err : dh_set_priv(dh, priv, len);
}

int ike_dh_init(struct ike_dh *dh, uint8_t group)
{
	uint8_t priv[IKE_DH_MAX];
	size_t len = ike_dh_secret_len(group);
	int err = dh_setup(dh, group), tries;

	/*
	 * MODP: a full-length exponent.  ECP: a field-length scalar, drawn
	 * again in the rare case it is not below the order (P-521: only the
	 * low bit of the top byte is kept, as the field has 521 bits).
	 */
	if (err)
		return err;
	for (tries = 0; tries < 16; tries++) {
		err = ike_random(priv, len);
		if (err)
			break;
		if (group == 21)
			priv[0] &= 0x01;
		err = dh_set_priv(dh, priv, len);
		if (err != -EINVAL)
			break;
	}
	explicit_bzero(priv, sizeof(priv));
	return err;
}

static int dh_modp_shared(const struct ike_dh *dh, const uint8_t *peer,
			  uint8_t *out)
{
	size_t len = dh_field_len(dh->group);
	mpz_t p, y, s;
	int err = 0;

	mpz_init_set_str(p, dh_modp_prime(dh->group), 16);
	mpz_inits(y, s, NULL);
	dh_import(y, peer, len);
	mpz_sub_ui(s, p, 1);
	if (mpz_cmp_ui(y, 1) <= 0 || mpz_cmp(y, s) >= 0) {
		err = -EINVAL; /* 0, 1, p - 1 or beyond: small subgroup */
		goto out;
	}
	mpz_powm_sec(s, y, dh->priv, p);
	dh_export(s, out, len);
out:
	mpz_clears(p, y, s, NULL);
	return err;
}

static int dh_ecp_shared(const struct ike_dh *dh, const uint8_t *peer,
			 uint8_t *out)
{
	const struct ecc_curve *ecc = dh_curve(dh->group);
	size_t flen = dh_field_len(dh->group);
	struct ecc_point q, r;
	struct ecc_scalar s;
	mpz_t x, y;
	int err = 0;

	ecc_point_init(&q, ecc);
	ecc_point_init(&r, ecc);
	ecc_scalar_init(&s, ecc);
	mpz_inits(x, y, NULL);
	dh_import(x, peer, flen);
	dh_import(y, peer + flen, flen);
	if (!ecc_point_set(&q, x, y) || !ecc_scalar_set(&s, dh->priv)) {
		err = -EINVAL; /* not on the curve */
		goto out;
	}
	ecc_point_mul(&r, &s, &q);
	ecc_point_get(&r, x, y);
	dh_export(x, out, flen);
out:
	mpz_clears(x, y, NULL);
	ecc_scalar_clear(&s);
	ecc_point_clear(&r);
	ecc_point_clear(&q);
	return err;
}

int ike_dh_shared(const struct ike_dh *dh, const uint8_t *peer, size_t len,
		  uint8_t *out)
{
	if (len != ike_dh_pub_len(dh->group))
		return -EINVAL;
	if (dh_curve(dh->group))
		return dh_ecp_shared(dh, peer, out);
	return dh_modp_shared(dh, peer, out);
}

void ike_dh_free(struct ike_dh *dh)
{
	if (!dh->live)
		return;
	dh->live = false;
	mpz_clear(dh->priv); /* wiped by dh_gmp_free() */
	explicit_bzero(dh->pub, sizeof(dh->pub));
}
