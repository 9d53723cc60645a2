/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ESP/AH algorithm names: cryptoctl's words and IOS's transform names.
 */
#ifndef NFSEC_ALGS_H
#define NFSEC_ALGS_H

#include <stdint.h>

/* -1 when unknown. */
int nfsec_enc_parse(const char *s);
int nfsec_auth_parse(const char *s);
const char *nfsec_enc_str(uint8_t enc);
const char *nfsec_auth_str(uint8_t auth);

/* "esp-des esp-sha-hmac": the transform as IOS shows it. */
void nfsec_transform_str(uint8_t proto, uint8_t enc, uint8_t auth, char *buf,
			 size_t len);
/* IV bytes ESP carries with @enc. */
unsigned int nfsec_enc_ivlen(uint8_t enc);

#endif /* NFSEC_ALGS_H */
