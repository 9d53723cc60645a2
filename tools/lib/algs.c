// SPDX-License-Identifier: GPL-2.0
/*
 * Algorithm names (see algs.h); the table order follows the uapi enums.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>

#include "uapi/linux/nfsec.h"
#include "algs.h"

static const struct {
	const char *name;
	const char *ios;
	unsigned int ivlen;
} nfsec_encs[__NFSEC_ENC_MAX] = {
	[NFSEC_ENC_NONE] = { "none", "", 0 },
	[NFSEC_ENC_NULL] = { "null", "esp-null", 0 },
	[NFSEC_ENC_DES_CBC] = { "des", "esp-des", 8 },
	[NFSEC_ENC_3DES_CBC] = { "3des", "esp-3des", 8 },
	[NFSEC_ENC_AES_CBC] = { "aes-cbc", "esp-aes", 16 },
	[NFSEC_ENC_AES_GCM_16] = { "aes-gcm", "esp-gcm", 8 },
	[NFSEC_ENC_CHACHA20_POLY1305] = { "chacha20-poly1305",
					  "esp-chacha20-poly1305", 8 },
};

static const struct {
	const char *name;
	const char *esp;
	const char *ah;
} nfsec_auths[__NFSEC_AUTH_MAX] = {
	[NFSEC_AUTH_NONE] = { "none", "", "" },
	[NFSEC_AUTH_HMAC_MD5_96] = { "hmac-md5-96", "esp-md5-hmac",
				     "ah-md5-hmac" },
	[NFSEC_AUTH_HMAC_SHA1_96] = { "hmac-sha1-96", "esp-sha-hmac",
				      "ah-sha-hmac" },
	[NFSEC_AUTH_HMAC_SHA256_128] = { "hmac-sha256-128", "esp-sha256-hmac",
					 "ah-sha256-hmac" },
	[NFSEC_AUTH_HMAC_SHA384_192] = { "hmac-sha384-192", "esp-sha384-hmac",
					 "ah-sha384-hmac" },
	[NFSEC_AUTH_HMAC_SHA512_256] = { "hmac-sha512-256", "esp-sha512-hmac",
					 "ah-sha512-hmac" },
};

int nfsec_enc_parse(const char *s)
{
	int i;

	for (i = 1; i < __NFSEC_ENC_MAX; i++)
		if (!strcmp(s, nfsec_encs[i].name) ||
		    !strcmp(s, nfsec_encs[i].ios))
			return i;
	return -1;
}

int nfsec_auth_parse(const char *s)
{
	int i;

	for (i = 1; i < __NFSEC_AUTH_MAX; i++)
		if (!strcmp(s, nfsec_auths[i].name) ||
		    !strcmp(s, nfsec_auths[i].esp) ||
		    !strcmp(s, nfsec_auths[i].ah))
			return i;
	return -1;
}

const char *nfsec_enc_str(uint8_t enc)
{
	return enc < __NFSEC_ENC_MAX ? nfsec_encs[enc].name : "unknown";
}

const char *nfsec_auth_str(uint8_t auth)
{
	return auth < __NFSEC_AUTH_MAX ? nfsec_auths[auth].name : "unknown";
}

unsigned int nfsec_enc_ivlen(uint8_t enc)
{
	return enc < __NFSEC_ENC_MAX ? nfsec_encs[enc].ivlen : 0;
}

void nfsec_transform_str(uint8_t proto, uint8_t enc, uint8_t auth, char *buf,
			 size_t len)
{
	const char *e = enc < __NFSEC_ENC_MAX ? nfsec_encs[enc].ios : "?";
	const char *a = "?";

	if (auth < __NFSEC_AUTH_MAX)
		a = proto == IPPROTO_AH ? nfsec_auths[auth].ah
					: nfsec_auths[auth].esp;
	snprintf(buf, len, "%s%s%s", e, *e && *a ? " " : "", a);
}
