// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the ESP trailer (esp_trailer.c).
 */
#include <kunit/test.h>
#include <linux/in.h>

#include "../esp_trailer.c"

/* Payload + padding + trailer always fill whole max(block, 4) units. */
static void esp_trailer_test_padlen_alignment(struct kunit *test)
{
	static const unsigned int blocks[] = { 1, 4, 8, 16 };
	unsigned int b, len, pad, unit;

	for (b = 0; b < ARRAY_SIZE(blocks); b++) {
		unit = max(blocks[b], 4U);
		for (len = 0; len <= 1500; len++) {
			pad = nfsec_esp_padlen(len, blocks[b]);
			KUNIT_EXPECT_EQ(test, (len + pad + 2) % unit, 0U);
			KUNIT_EXPECT_LT(test, pad, unit);
		}
	}
}

/* Known values: a 84-byte ICMP echo in tunnel mode, a 1400-byte packet. */
static void esp_trailer_test_padlen_values(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, nfsec_esp_padlen(84, 16), 10U);	/* AES-CBC */
	KUNIT_EXPECT_EQ(test, nfsec_esp_padlen(84, 8), 2U);	/* 3DES */
	KUNIT_EXPECT_EQ(test, nfsec_esp_padlen(84, 1), 2U);	/* GCM */
	KUNIT_EXPECT_EQ(test, nfsec_esp_padlen(1400, 16), 6U);
	KUNIT_EXPECT_EQ(test, nfsec_esp_padlen(14, 16), 0U);
	KUNIT_EXPECT_EQ(test, nfsec_esp_padlen(15, 16), 15U);
}

static void esp_trailer_test_round_trip(struct kunit *test)
{
	u8 buf[64] = {};
	unsigned int payload, pad = nfsec_esp_padlen(20, 16);
	u8 nh = 0;

	memset(buf, 0xab, 20);
	nfsec_esp_trailer_fill(buf + 20, pad, IPPROTO_IPIP);
	KUNIT_EXPECT_EQ(test, buf[20], 1);
	KUNIT_EXPECT_EQ(test, buf[20 + pad - 1], pad);
	KUNIT_EXPECT_EQ(test, buf[20 + pad], pad);
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 20 + pad + 2,
						      &payload, &nh), 0);
	KUNIT_EXPECT_EQ(test, payload, 20U);
	KUNIT_EXPECT_EQ(test, nh, IPPROTO_IPIP);
}

static void esp_trailer_test_no_padding(struct kunit *test)
{
	u8 buf[16] = {};
	unsigned int payload;
	u8 nh;

	nfsec_esp_trailer_fill(buf + 14, 0, IPPROTO_TCP);
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 16, &payload, &nh),
			0);
	KUNIT_EXPECT_EQ(test, payload, 14U);
	KUNIT_EXPECT_EQ(test, nh, IPPROTO_TCP);
}

static void esp_trailer_test_bad_padding(struct kunit *test)
{
	u8 buf[32] = {};
	unsigned int payload;
	u8 nh;

	nfsec_esp_trailer_fill(buf + 16, 14, IPPROTO_UDP);
	buf[16 + 5] ^= 0x40;	/* one padding byte flipped */
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 32, &payload, &nh),
			-EINVAL);
	buf[16 + 5] ^= 0x40;
	buf[16] = 0;		/* first byte must be 1 */
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 32, &payload, &nh),
			-EINVAL);
}

/* A pad length that reaches past the start of the payload is malformed. */
static void esp_trailer_test_bad_padlen(struct kunit *test)
{
	u8 buf[16] = {};
	unsigned int payload;
	u8 nh;

	buf[14] = 15;
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 16, &payload, &nh),
			-EBADMSG);
	buf[14] = 255;
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 16, &payload, &nh),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 1, &payload, &nh),
			-EBADMSG);
	/* exactly fits: 14 padding bytes and no payload */
	nfsec_esp_trailer_fill(buf, 14, IPPROTO_UDP);
	KUNIT_EXPECT_EQ(test, nfsec_esp_trailer_parse(buf, 16, &payload, &nh),
			0);
	KUNIT_EXPECT_EQ(test, payload, 0U);
}

static struct kunit_case nfsec_esp_trailer_test_cases[] = {
	KUNIT_CASE(esp_trailer_test_padlen_alignment),
	KUNIT_CASE(esp_trailer_test_padlen_values),
	KUNIT_CASE(esp_trailer_test_round_trip),
	KUNIT_CASE(esp_trailer_test_no_padding),
	KUNIT_CASE(esp_trailer_test_bad_padding),
	KUNIT_CASE(esp_trailer_test_bad_padlen),
	{}
};

static struct kunit_suite nfsec_esp_trailer_test_suite = {
	.name = "nfsec_esp_trailer",
	.test_cases = nfsec_esp_trailer_test_cases,
};

kunit_test_suite(nfsec_esp_trailer_test_suite);
