// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: algorithm names (lib/algs.c): nfsec's own, IOS's ESP and AH
 * transform names, and the transform strings `show crypto ipsec sa`
 * prints, ESP and AH.
 */
#include <netinet/in.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "uapi/linux/nfsec.h"
#include "algs.h"

static void test_enc_names(void **state)
{
	(void)state;
	assert_int_equal(nfsec_enc_parse("aes-gcm"), NFSEC_ENC_AES_GCM_16);
	assert_int_equal(nfsec_enc_parse("esp-des"), NFSEC_ENC_DES_CBC);
	assert_int_equal(nfsec_enc_parse("esp-3des"), NFSEC_ENC_3DES_CBC);
	assert_int_equal(nfsec_enc_parse("none"), -1);
	assert_int_equal(nfsec_enc_parse("ah-sha-hmac"), -1);
	assert_int_equal(nfsec_enc_parse(""), -1);
}

static void test_auth_names(void **state)
{
	(void)state;
	assert_int_equal(nfsec_auth_parse("hmac-sha1-96"),
			 NFSEC_AUTH_HMAC_SHA1_96);
	assert_int_equal(nfsec_auth_parse("esp-sha-hmac"),
			 NFSEC_AUTH_HMAC_SHA1_96);
	assert_int_equal(nfsec_auth_parse("ah-sha-hmac"),
			 NFSEC_AUTH_HMAC_SHA1_96);
	assert_int_equal(nfsec_auth_parse("ah-md5-hmac"),
			 NFSEC_AUTH_HMAC_MD5_96);
	assert_int_equal(nfsec_auth_parse("ah-sha256-hmac"),
			 NFSEC_AUTH_HMAC_SHA256_128);
	assert_int_equal(nfsec_auth_parse("none"), -1);
	assert_int_equal(nfsec_auth_parse("esp-des"), -1);
	assert_int_equal(nfsec_auth_parse(""), -1);
}

static void test_transform_str(void **state)
{
	char buf[96];

	(void)state;
	nfsec_transform_str(IPPROTO_AH, NFSEC_ENC_NONE, NFSEC_AUTH_HMAC_SHA1_96,
			    buf, sizeof(buf));
	assert_string_equal(buf, "ah-sha-hmac");
	nfsec_transform_str(IPPROTO_ESP, NFSEC_ENC_DES_CBC,
			    NFSEC_AUTH_HMAC_SHA1_96, buf, sizeof(buf));
	assert_string_equal(buf, "esp-des esp-sha-hmac");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enc_names),
		cmocka_unit_test(test_auth_names),
		cmocka_unit_test(test_transform_str),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
