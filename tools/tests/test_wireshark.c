// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: `show crypto ipsec sa keys --wireshark` (cryptoctl/
 * wireshark.c) writes each ESP SA as one record of Wireshark's esp_sa
 * table, with Wireshark's own algorithm labels and the keys in hex (GCM's
 * salt included), and SAs Wireshark cannot decrypt as comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "uapi/linux/nfsec.h"
#include "wireshark.h"

static struct nfsec_sa_info sa4(uint8_t enc, uint8_t enclen, uint8_t auth,
				uint8_t authlen)
{
	struct nfsec_sa_info sa = {
		.spi = 0x1001,
		.proto = IPPROTO_ESP,
		.family = AF_INET,
		.enc = enc,
		.auth = auth,
		.enckeylen = enclen,
		.authkeylen = authlen,
	};
	uint8_t i;

	inet_pton(AF_INET, "198.51.100.1", &sa.src);
	inet_pton(AF_INET, "198.51.100.2", &sa.dst);
	for (i = 0; i < enclen; i++)
		sa.enckey[i] = i;
	for (i = 0; i < authlen; i++)
		sa.authkey[i] = 0xa0 + i;
	return sa;
}

/* What ctl_wireshark_sa() writes for @sa, in a static buffer. */
static const char *record(const struct nfsec_sa_info *sa)
{
	static char buf[1024];
	FILE *f = fmemopen(buf, sizeof(buf), "w");

	assert_non_null(f);
	assert_int_equal(ctl_wireshark_sa(f, sa), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void test_gcm_key_with_salt(void **state)
{
	struct nfsec_sa_info sa = sa4(NFSEC_ENC_AES_GCM_16, 20, 0, 0);

	(void)state;
	assert_string_equal(
		record(&sa),
		"\"IPv4\",\"198.51.100.1\",\"198.51.100.2\",\"0x00001001\","
		"\"AES-GCM with 16 octet ICV [RFC4106]\","
		"\"0x000102030405060708090a0b0c0d0e0f10111213\",\"NULL\",\"0x\"\n");
}

static void test_cbc_hmac(void **state)
{
	struct nfsec_sa_info sa =
		sa4(NFSEC_ENC_AES_CBC, 16, NFSEC_AUTH_HMAC_SHA1_96, 20);

	(void)state;
	assert_string_equal(
		record(&sa),
		"\"IPv4\",\"198.51.100.1\",\"198.51.100.2\",\"0x00001001\","
		"\"AES-CBC [RFC3602]\",\"0x000102030405060708090a0b0c0d0e0f\","
		"\"HMAC-SHA-1-96 [RFC2404]\","
		"\"0xa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3\"\n");
}

/* Every algorithm but ChaCha20 has its Wireshark label. */
static void test_labels(void **state)
{
	static const struct {
		uint8_t enc, auth;
		const char *want;
	} cases[] = {
		{ NFSEC_ENC_NULL, NFSEC_AUTH_HMAC_SHA256_128,
		  "\"NULL\",\"0x\",\"HMAC-SHA-256-128 [RFC4868]\"" },
		{ NFSEC_ENC_DES_CBC, NFSEC_AUTH_HMAC_MD5_96,
		  "\"DES-CBC [RFC2405]\",\"0x00\",\"HMAC-MD5-96 [RFC2403]\"" },
		{ NFSEC_ENC_3DES_CBC, NFSEC_AUTH_HMAC_SHA384_192,
		  "\"TripleDES-CBC [RFC2451]\",\"0x00\",\"HMAC-SHA-384-192 [RFC4868]\"" },
		{ NFSEC_ENC_AES_CBC, NFSEC_AUTH_HMAC_SHA512_256,
		  "\"AES-CBC [RFC3602]\",\"0x00\",\"HMAC-SHA-512-256 [RFC4868]\"" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct nfsec_sa_info sa =
			sa4(cases[i].enc, cases[i].enc != NFSEC_ENC_NULL,
			    cases[i].auth, 0);

		assert_non_null(strstr(record(&sa), cases[i].want));
	}
}

static void test_ipv6(void **state)
{
	struct nfsec_sa_info sa = sa4(NFSEC_ENC_AES_GCM_16, 0, 0, 0);

	(void)state;
	sa.family = AF_INET6;
	inet_pton(AF_INET6, "2001:db8:1::1", &sa.src);
	inet_pton(AF_INET6, "2001:db8:1::2", &sa.dst);
	assert_string_equal(
		record(&sa),
		"\"IPv6\",\"2001:db8:1::1\",\"2001:db8:1::2\","
		"\"0x00001001\",\"AES-GCM with 16 octet ICV [RFC4106]\","
		"\"0x\",\"NULL\",\"0x\"\n");
}

/* What Wireshark cannot decrypt is a comment, and carries no key. */
static void test_comments(void **state)
{
	struct nfsec_sa_info chacha =
		sa4(NFSEC_ENC_CHACHA20_POLY1305, 36, 0, 0);
	struct nfsec_sa_info ah =
		sa4(NFSEC_ENC_NONE, 0, NFSEC_AUTH_HMAC_SHA1_96, 20);

	(void)state;
	ah.proto = IPPROTO_AH;
	assert_string_equal(record(&chacha),
			    "# 198.51.100.1 198.51.100.2 spi 0x00001001 esp: "
			    "Wireshark's ESP dissector lacks its cipher\n");
	assert_string_equal(record(&ah),
			    "# 198.51.100.1 198.51.100.2 spi 0x00001001 ah: "
			    "Wireshark decrypts ESP only\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gcm_key_with_salt),
		cmocka_unit_test(test_cbc_hmac),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_comments),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
