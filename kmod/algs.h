/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ESP and AH transforms: which kernel crypto API AEAD carries each cipher
 * and HMAC pair of uapi/linux/nfsec.h (and which HMAC each AH SA uses),
 * with the sizes ESP and AH need.
 */
#ifndef _NFSEC_ALGS_H
#define _NFSEC_ALGS_H

#include <linux/types.h>

struct crypto_aead;
struct crypto_ahash;

/* What an SA's algorithms mean on the wire. */
struct nfsec_algs {
	u8 enc;		/* enum nfsec_enc_alg */
	u8 auth;	/* enum nfsec_auth_alg */
	u8 ivlen;	/* bytes of IV after the ESP header */
	u8 icvlen;	/* bytes of ICV at the end */
	u8 blksize;	/* payload alignment of the cipher (1 for counters) */
	bool iv_is_seq;	/* counter modes: the IV is the sequence number */
};

/*
 * Checks @enc/@auth and their key lengths; on success fills @algs and
 * returns NULL, otherwise returns a message for extack.
 */
const char *nfsec_algs_check(u8 enc, u8 auth, unsigned int enckeylen,
			     unsigned int authkeylen, bool esn,
			     struct nfsec_algs *algs);

/* The keyed AEAD for checked @algs, or ERR_PTR. */
struct crypto_aead *nfsec_algs_new_aead(const struct nfsec_algs *algs,
					const u8 *enckey, unsigned int enckeylen,
					const u8 *authkey,
					unsigned int authkeylen, bool esn);

/* The same for AH: no cipher (NFSEC_ENC_NONE), one of the HMACs. */
const char *nfsec_algs_check_ah(u8 enc, u8 auth, unsigned int enckeylen,
				unsigned int authkeylen, struct nfsec_algs *algs);

/* The keyed HMAC for checked AH @algs, or ERR_PTR. */
struct crypto_ahash *nfsec_algs_new_ahash(const struct nfsec_algs *algs,
					  const u8 *authkey,
					  unsigned int authkeylen);

const char *nfsec_enc_name(u8 enc);
const char *nfsec_auth_name(u8 auth);

#endif /* _NFSEC_ALGS_H */
