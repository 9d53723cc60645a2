// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: ISAKMP messages (cryptod/isakmp.c).  What the writer builds
 * the parser reads back; truncated, oversized and garbage input is refused
 * with the notify type RFC 2408 would send, and never read out of bounds
 * (these run under ASan).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "isakmp.h"

static uint8_t msg[4096];

/* Main Mode message 1 as IOS sends it, plus a vendor ID. */
static size_t build_mm1(uint8_t *buf, size_t cap)
{
	static struct isakmp_sa sa;
	struct isakmp_hdr h = { .exchange = ISAKMP_EXCH_IDPROT };
	struct isakmp_transform *t;
	struct isakmp_w w;

	memcpy(h.icky, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
	memset(&sa, 0, sizeof(sa));
	sa.doi = ISAKMP_DOI_IPSEC;
	sa.situation = ISAKMP_SIT_IDENTITY_ONLY;
	sa.nprops = 1;
	sa.props[0].num = 1;
	sa.props[0].proto = ISAKMP_PROTO_ISAKMP;
	sa.props[0].nxf = 2;
	t = &sa.props[0].xf[0];
	t->num = 1;
	t->id = 1; /* KEY_IKE */
	t->attrs[0] = (struct isakmp_attr){ 1, 1 }; /* DES-CBC */
	t->attrs[1] = (struct isakmp_attr){ 2, 2 }; /* SHA */
	t->attrs[2] = (struct isakmp_attr){ 4, 2 }; /* group 2 */
	t->attrs[3] = (struct isakmp_attr){ 3, 1 }; /* pre-shared */
	t->attrs[4] = (struct isakmp_attr){ 11, 1 }; /* seconds */
	t->attrs[5] = (struct isakmp_attr){ 12, 86400 }; /* TLV */
	t->nattrs = 6;
	t = &sa.props[0].xf[1];
	t->num = 2;
	t->id = 1;
	t->attrs[0] = (struct isakmp_attr){ 1, 7 }; /* AES */
	t->attrs[1] = (struct isakmp_attr){ 14, 256 };
	t->attrs[2] = (struct isakmp_attr){ 12, 0x123456789aULL }; /* 8 B */
	t->nattrs = 3;
	isakmp_w_init(&w, buf, cap, &h);
	isakmp_w_sa(&w, &sa);
	isakmp_w_simple(&w, ISAKMP_PL_VID, "\x09\x00\x26\x89", 4);
	return (size_t)isakmp_w_finish(&w);
}

static void test_round_trip(void **state)
{
	size_t len = build_mm1(msg, sizeof(msg));
	const struct isakmp_payload *p;
	struct isakmp_payloads pls;
	struct isakmp_err e;
	struct isakmp_hdr h;
	static struct isakmp_sa sa;
	const struct isakmp_transform *t;

	(void)state;
	assert_int_equal(isakmp_hdr_parse(msg, len, &h, &e), 0);
	assert_int_equal(h.exchange, ISAKMP_EXCH_IDPROT);
	assert_int_equal(h.version, 0x10);
	assert_int_equal(h.next, ISAKMP_PL_SA);
	assert_int_equal(h.len, len);
	assert_memory_equal(h.icky, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
	assert_int_equal(isakmp_payloads_parse(msg + ISAKMP_HDR_LEN,
					       len - ISAKMP_HDR_LEN, h.next,
					       false, &pls, &e),
			 0);
	assert_int_equal(pls.n, 2);
	p = isakmp_find(&pls, ISAKMP_PL_VID);
	assert_non_null(p);
	assert_int_equal(p->len, 4);
	p = isakmp_find(&pls, ISAKMP_PL_SA);
	assert_int_equal(isakmp_sa_parse(p->body, p->len, &sa, &e), 0);
	assert_int_equal(sa.nprops, 1);
	assert_int_equal(sa.props[0].nxf, 2);
	t = &sa.props[0].xf[0];
	assert_int_equal(t->nattrs, 6);
	assert_int_equal(isakmp_attr_find(t, 4)->val, 2);
	assert_int_equal(isakmp_attr_find(t, 12)->val, 86400);
	assert_null(isakmp_attr_find(t, 14));
	t = &sa.props[0].xf[1];
	assert_int_equal(t->num, 2);
	assert_int_equal(isakmp_attr_find(t, 14)->val, 256);
	assert_int_equal(isakmp_attr_find(t, 12)->val, 0x123456789aULL);
}

/* The seed's phase 2: proposal 1 is AH and ESP together, 4-byte SPIs. */
static void test_bundle_proposal(void **state)
{
	static struct isakmp_sa sa, back;
	struct isakmp_hdr h = { .exchange = ISAKMP_EXCH_QUICK,
				.flags = ISAKMP_FLAG_ENC,
				.msgid = 0xdfe1c43c };
	struct isakmp_payloads pls;
	struct isakmp_err e;
	struct isakmp_w w;
	int len;

	(void)state;
	memset(&sa, 0, sizeof(sa));
	sa.doi = ISAKMP_DOI_IPSEC;
	sa.situation = ISAKMP_SIT_IDENTITY_ONLY;
	sa.nprops = 2;
	sa.props[0] =
		(struct isakmp_proposal){ .num = 1,
					  .proto = ISAKMP_PROTO_IPSEC_AH,
					  .spi_size = 4,
					  .spi = { 0x12, 0x34, 0x56, 0x78 },
					  .nxf = 1 };
	sa.props[0].xf[0] =
		(struct isakmp_transform){ .num = 1,
					   .id = 3,
					   .nattrs = 2,
					   .attrs = { { 4, 1 },
						      { 2, 4608000 } } };
	sa.props[1] = sa.props[0];
	sa.props[1].proto = ISAKMP_PROTO_IPSEC_ESP;
	sa.props[1].xf[0].id = 2; /* ESP_DES */
	isakmp_w_init(&w, msg, sizeof(msg), &h);
	isakmp_w_sa(&w, &sa);
	len = isakmp_w_finish(&w);
	assert_true(len > 0);
	assert_int_equal(isakmp_payloads_parse(msg + 28, (size_t)len - 28,
					       ISAKMP_PL_SA, false, &pls, &e),
			 0);
	assert_int_equal(
		isakmp_sa_parse(pls.pl[0].body, pls.pl[0].len, &back, &e), 0);
	assert_int_equal(back.nprops, 2);
	assert_int_equal(back.props[1].num, 1);
	assert_int_equal(back.props[1].proto, ISAKMP_PROTO_IPSEC_ESP);
	assert_memory_equal(back.props[1].spi, "\x12\x34\x56\x78", 4);
	/* 4608000 kilobytes does not fit 16 bits: a 4-byte TLV, as IOS */
	assert_int_equal(isakmp_attr_find(&back.props[0].xf[0], 2)->val,
			 4608000);
}

/* Every truncation of a valid message is refused, never overread. */
static void test_truncated(void **state)
{
	size_t len = build_mm1(msg, sizeof(msg)), cut;
	struct isakmp_payloads pls;
	struct isakmp_err e;
	struct isakmp_hdr h;
	uint8_t *copy;

	(void)state;
	for (cut = 0; cut < len; cut++) {
		copy = malloc(cut ? cut : 1);
		memcpy(copy, msg, cut);
		assert_int_equal(isakmp_hdr_parse(copy, cut, &h, &e), -EBADMSG);
		if (cut > ISAKMP_HDR_LEN)
			assert_int_equal(isakmp_payloads_parse(
						 copy + 28, cut - 28,
						 ISAKMP_PL_SA, false, &pls, &e),
					 -EBADMSG);
		free(copy);
	}
}

struct bad_case {
	size_t at; /* offset into build_mm1()'s message */
	uint8_t val;
	uint16_t notify;
	const char *why;
};

/*
 * Offsets: header 0-27; SA payload header 28-31, DOI 32-35, situation
 * 36-39; proposal header 40-43, num 44, proto 45, SPI size 46, count 47;
 * transform 1 header 48-51, num 52, id 53, attributes 56-83 (the life
 * duration a 4-byte TLV at 76: length at 78-79).
 */
static const struct bad_case bad_cases[] = {
	{ 17, 0x20, ISAKMP_N_INVALID_MAJOR_VERSION, "not ISAKMP version 1" },
	{ 19, 0x80, ISAKMP_N_INVALID_FLAGS, "unknown header flags" },
	{ 27, 0x01, ISAKMP_N_PAYLOAD_MALFORMED, "header length" },
	{ 16, 14, ISAKMP_N_INVALID_PAYLOAD_TYPE, "unknown payload type" },
	{ 31, 3, ISAKMP_N_PAYLOAD_MALFORMED, "payload length out of bounds" },
	{ 30, 0x7f, ISAKMP_N_PAYLOAD_MALFORMED,
	  "payload length out of bounds" },
	{ 35, 2, ISAKMP_N_DOI_NOT_SUPPORTED, "DOI is not IPsec" },
	{ 39, 2, ISAKMP_N_SITUATION_NOT_SUPPORTED, "situation" },
	{ 47, 3, ISAKMP_N_BAD_PROPOSAL_SYNTAX, "transform count" },
	{ 47, 0, ISAKMP_N_BAD_PROPOSAL_SYNTAX, "transform count" },
	{ 46, 17, ISAKMP_N_INVALID_SPI, "SPI size" },
	{ 40, 2, ISAKMP_N_BAD_PROPOSAL_SYNTAX, "past the SA" },
	{ 43, 0xff, ISAKMP_N_BAD_PROPOSAL_SYNTAX, "length out of bounds" },
	{ 48, 0, ISAKMP_N_BAD_PROPOSAL_SYNTAX, "does not end the SA" },
	{ 51, 5, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
	  "transform shorter than its header" },
	{ 51, 34, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
	  "attribute value past the transform" },
	{ 51, 38, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
	  "attribute header past the transform" },
	{ 79, 0, ISAKMP_N_BAD_PROPOSAL_SYNTAX, "empty attribute value" },
	{ 79, 9, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
	  "attribute value past the transform" },
};

static void test_malformed(void **state)
{
	size_t len, i;
	const struct isakmp_payload *sa_pl;
	struct isakmp_payloads pls;
	static struct isakmp_sa sa;
	struct isakmp_err e;
	struct isakmp_hdr h;
	int err;

	(void)state;
	for (i = 0; i < sizeof(bad_cases) / sizeof(bad_cases[0]); i++) {
		len = build_mm1(msg, sizeof(msg));
		msg[bad_cases[i].at] = bad_cases[i].val;
		memset(&e, 0, sizeof(e));
		err = isakmp_hdr_parse(msg, len, &h, &e);
		if (!err)
			err = isakmp_payloads_parse(msg + 28, len - 28, h.next,
						    false, &pls, &e);
		sa_pl = err ? NULL : isakmp_find(&pls, ISAKMP_PL_SA);
		if (sa_pl)
			err = isakmp_sa_parse(sa_pl->body, sa_pl->len, &sa, &e);
		if (err != -EBADMSG || e.notify != bad_cases[i].notify ||
		    !strstr(e.why, bad_cases[i].why))
			fail_msg("case %zu: got %d, notify %u, '%s'", i, err,
				 e.notify, e.why ? e.why : "");
	}
}

/* A TLV attribute of 9 bytes: not a number cryptod takes. */
static void test_long_attribute(void **state)
{
	static const uint8_t sa_body[] = {
		0, 0,  0, 1,  0, 0, 0, 1, /* DOI, situation */
		0, 0,  0, 29, 1, 1, 0, 1, /* P: 29 bytes, 1 T */
		0, 0,  0, 21, 1, 1, 0, 0, /* T: 21 bytes */
		0, 12, 0, 9,  1, 2, 3, 4, 5, 6, 7, 8, 9, /* life, 9 bytes */
	};
	static struct isakmp_sa sa;
	struct isakmp_err e;

	(void)state;
	assert_int_equal(isakmp_sa_parse(sa_body, sizeof(sa_body), &sa, &e),
			 -EBADMSG);
	assert_int_equal(e.notify, ISAKMP_N_ATTRIBUTES_NOT_SUPPORTED);
}

static void test_trailing(void **state)
{
	size_t len = build_mm1(msg, sizeof(msg));
	struct isakmp_payloads pls;
	struct isakmp_err e;

	(void)state;
	/* garbage after the chain; as decrypted padding it is fine */
	memset(msg + len, 0, 8);
	assert_int_equal(isakmp_payloads_parse(msg + 28, len - 28 + 8,
					       ISAKMP_PL_SA, false, &pls, &e),
			 -EBADMSG);
	assert_int_equal(isakmp_payloads_parse(msg + 28, len - 28 + 8,
					       ISAKMP_PL_SA, true, &pls, &e),
			 0);
	assert_int_equal(isakmp_payloads_parse(msg + 28, len - 28 + 300,
					       ISAKMP_PL_SA, true, &pls, &e),
			 -EBADMSG);
}

static void test_too_many_payloads(void **state)
{
	struct isakmp_hdr h = { .exchange = ISAKMP_EXCH_INFO };
	struct isakmp_payloads pls;
	struct isakmp_err e;
	struct isakmp_w w;
	int i, len;

	(void)state;
	isakmp_w_init(&w, msg, sizeof(msg), &h);
	for (i = 0; i < ISAKMP_PAYLOADS_MAX + 1; i++)
		isakmp_w_simple(&w, ISAKMP_PL_VID, "x", 1);
	len = isakmp_w_finish(&w);
	assert_int_equal(isakmp_payloads_parse(msg + 28, (size_t)len - 28,
					       ISAKMP_PL_VID, false, &pls, &e),
			 -EBADMSG);
	assert_string_equal(e.why, "too many payloads");
}

static void test_writer_overflow(void **state)
{
	struct isakmp_hdr h = { .exchange = ISAKMP_EXCH_IDPROT };
	uint8_t small[40];
	struct isakmp_w w;

	(void)state;
	isakmp_w_init(&w, small, sizeof(small), &h);
	isakmp_w_simple(&w, ISAKMP_PL_NONCE, msg, 20);
	assert_int_equal(isakmp_w_finish(&w), -ENOSPC);
	isakmp_w_init(&w, small, sizeof(small), &h);
	isakmp_w_simple(&w, ISAKMP_PL_NONCE, msg, 8);
	assert_int_equal(isakmp_w_finish(&w), 40);
	assert_int_equal(small[16], ISAKMP_PL_NONCE);
	assert_int_equal(small[31], 12); /* payload length */
}

/* Random damage to a valid message: refused or read, never overread. */
static void test_mutations(void **state)
{
	size_t len, i, k;
	const struct isakmp_payload *sa_pl;
	struct isakmp_payloads pls;
	static struct isakmp_sa sa;
	struct isakmp_err e;
	uint8_t *copy;

	(void)state;
	srand(2409);
	len = build_mm1(msg, sizeof(msg));
	copy = malloc(len);
	for (i = 0; i < 20000; i++) {
		memcpy(copy, msg, len);
		for (k = 0; k < 1 + (size_t)rand() % 4; k++)
			copy[28 + (size_t)rand() % (len - 28)] =
				(uint8_t)rand();
		if (isakmp_payloads_parse(copy + 28, len - 28, ISAKMP_PL_SA,
					  false, &pls, &e))
			continue;
		sa_pl = isakmp_find(&pls, ISAKMP_PL_SA);
		if (sa_pl)
			(void)isakmp_sa_parse(sa_pl->body, sa_pl->len, &sa, &e);
	}
	free(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_bundle_proposal),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_long_attribute),
		cmocka_unit_test(test_trailing),
		cmocka_unit_test(test_too_many_payloads),
		cmocka_unit_test(test_writer_overflow),
		cmocka_unit_test(test_mutations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
