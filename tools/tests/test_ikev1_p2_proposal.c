// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: IKEv1 quick mode proposals (cryptod/ikev1_p2_proposal.c).
 * The seed's AH+ESP bundle is offered and accepted with the seed's debug
 * lines; algorithms, mode, key length, PFS and lifetimes decide as IOS
 * decides; the offer survives the wire.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ikev1_p2_proposal.h"
#include "proposal_log.h"

#define SEED NFSEC_TOP "/tools/tests/configs/seed/"

static const uint8_t ah_spi[4] = { 0xa1, 0xa2, 0xa3, 0xa4 };
static const uint8_t esp_spi[4] = { 0xe1, 0xe2, 0xe3, 0xe4 };

static struct conf *text(const char *s)
{
	struct conf *c = conf_parse("t.conf", s, strlen(s));

	assert_non_null(c);
	if (c->nerrors)
		conf_print_diags(c, stderr);
	assert_int_equal(c->nerrors, 0);
	return c;
}

/* A config with one entry using transform sets @sets (defined in @defs). */
static struct conf *entry_conf(const char *defs, const char *sets,
			       const char *extra)
{
	char buf[2048];

	snprintf(
		buf, sizeof(buf),
		"%s"
		"crypto map m 10 ipsec-isakmp\n"
		" set peer 198.51.100.2\n"
		" set transform-set %s\n"
		" match address 101\n"
		"%s"
		"access-list 101 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n",
		defs, sets, extra);
	return text(buf);
}

static int choose(struct conf *me, struct conf *peer,
		  struct ikev1_p2_choice *ch)
{
	static struct isakmp_sa offer;

	ikev1_p2_offer(peer, &peer->entries[0], ah_spi, esp_spi, &offer);
	logbuf[0] = '\0';
	return ikev1_p2_select(me, &me->entries[0], &offer, ch, log_line, NULL);
}

static void test_seed_bundle(void **state)
{
	struct conf *a = conf_load(SEED "rsa-encr-wan2511.conf");
	struct conf *b = conf_load(SEED "rsa-encr-wan2516.conf");
	struct ikev1_p2_choice ch;

	(void)state;
	assert_int_equal(choose(b, a, &ch), 0);
	assert_string_equal(ch.tset->name, "auth2");
	assert_int_equal(ch.prop_num, 1);
	assert_memory_equal(ch.ah_spi, ah_spi, 4);
	assert_memory_equal(ch.esp_spi, esp_spi, 4);
	assert_int_equal(ch.life_sec, 3600);
	assert_int_equal(ch.life_kb, 4608000);
	assert_int_equal(ch.pfs_group, 0);
	assert_false(ch.lifetime_ours);
	assert_string_equal(
		logbuf,
		"ISAKMP (1): Checking IPSec proposal 1\n"
		"ISAKMP:      transform 1, AH_SHA_HMAC\n"
		"ISAKMP:      attributes in transform:\n"
		"ISAKMP:      encaps is 1\n"
		"ISAKMP:      SA life type in seconds\n"
		"ISAKMP:      SA life duration (basic) of 3600\n"
		"ISAKMP:      SA life type in kilobytes\n"
		"ISAKMP:      SA life duration (VPI) of 0x0 0x46 0x50 0x0\n"
		"ISAKMP:      authenticator is HMAC-SHA\n"
		"ISAKMP (1): atts are acceptable.\n"
		"ISAKMP (1): Checking IPSec proposal 1\n"
		"ISAKMP:      transform 1, ESP_DES\n"
		"ISAKMP:      attributes in transform:\n"
		"ISAKMP:      encaps is 1\n"
		"ISAKMP:      SA life type in seconds\n"
		"ISAKMP:      SA life duration (basic) of 3600\n"
		"ISAKMP:      SA life type in kilobytes\n"
		"ISAKMP:      SA life duration (VPI) of 0x0 0x46 0x50 0x0\n"
		"ISAKMP:      authenticator is HMAC-SHA\n"
		"ISAKMP (1): atts are acceptable.\n");
	conf_free(a);
	conf_free(b);
}

static void test_mismatch(void **state)
{
	struct conf *me = entry_conf(
		"crypto ipsec transform-set t esp-des esp-sha-hmac\n", "t", "");
	struct conf *peer = entry_conf(
		"crypto ipsec transform-set t esp-3des esp-sha-hmac\n", "t",
		"");
	struct ikev1_p2_choice ch;

	(void)state;
	assert_int_equal(choose(me, peer, &ch), -ENOENT);
	assert_non_null(strstr(logbuf, "transform 1, ESP_3DES"));
	assert_non_null(
		strstr(logbuf, "atts not acceptable. Next payload is 0"));
	conf_free(me);
	conf_free(peer);
}

/* The peer's first bundle that fits any of our sets wins. */
static void test_alternatives(void **state)
{
	static const char defs[] =
		"crypto ipsec transform-set GCM esp-gcm 256\n"
		"crypto ipsec transform-set AES esp-aes 256 esp-sha256-hmac\n"
		"crypto ipsec transform-set DES esp-des esp-md5-hmac\n";
	struct conf *me = entry_conf(defs, "DES AES", "");
	struct conf *peer = entry_conf(defs, "GCM AES DES", "");
	struct ikev1_p2_choice ch;

	(void)state;
	assert_int_equal(choose(me, peer, &ch), 0);
	assert_int_equal(ch.prop_num, 2);
	assert_string_equal(ch.tset->name, "AES");
	conf_free(me);
	conf_free(peer);
}

static void test_pfs(void **state)
{
	static const char defs[] = "crypto ipsec transform-set t esp-aes\n";
	struct conf *me = entry_conf(defs, "t", " set pfs group14\n");
	struct conf *none = entry_conf(defs, "t", "");
	struct conf *g14 = entry_conf(defs, "t", " set pfs group14\n");
	struct conf *g2 = entry_conf(defs, "t", " set pfs group2\n");
	struct ikev1_p2_choice ch;

	(void)state;
	assert_int_equal(choose(me, none, &ch), -ENOENT);
	assert_int_equal(choose(me, g2, &ch), -ENOENT);
	assert_int_equal(choose(me, g14, &ch), 0);
	assert_int_equal(ch.pfs_group, 14);
	assert_non_null(strstr(logbuf, "group is 14"));
	/* without set pfs we follow the initiator */
	assert_int_equal(choose(none, g2, &ch), 0);
	assert_int_equal(ch.pfs_group, 2);
	conf_free(me);
	conf_free(none);
	conf_free(g14);
	conf_free(g2);
}

static void test_lifetimes(void **state)
{
	static const char defs[] = "crypto ipsec transform-set t esp-aes\n";
	struct conf *me = entry_conf(defs, "t", "");
	struct conf *lower = entry_conf(
		defs, "t", " set security-association lifetime seconds 1800\n");
	struct conf *higher = entry_conf(
		defs, "t",
		" set security-association lifetime kilobytes 9000000\n");
	struct ikev1_p2_choice ch;

	(void)state;
	assert_int_equal(choose(me, lower, &ch), 0);
	assert_int_equal(ch.life_sec, 1800);
	assert_false(ch.lifetime_ours);
	assert_int_equal(choose(me, higher, &ch), 0);
	assert_int_equal(ch.life_kb, CONF_SA_LIFE_KB);
	assert_true(ch.lifetime_ours);
	conf_free(me);
	conf_free(lower);
	conf_free(higher);
}

static void test_mode_keylen_bundle(void **state)
{
	struct conf *tr = entry_conf(
		"crypto ipsec transform-set t esp-aes\n mode transport\n", "t",
		"");
	struct conf *tun =
		entry_conf("crypto ipsec transform-set t esp-aes\n", "t", "");
	struct conf *aes256 = entry_conf(
		"crypto ipsec transform-set t esp-aes 256\n", "t", "");
	struct conf *both = entry_conf(
		"crypto ipsec transform-set t ah-sha-hmac esp-aes\n", "t", "");
	struct ikev1_p2_choice ch;

	(void)state;
	assert_int_equal(choose(tr, tun, &ch), -ENOENT);
	assert_int_equal(choose(tr, tr, &ch), 0);
	assert_int_equal(choose(tun, aes256, &ch), -ENOENT);
	/* a bundle must carry exactly the set's protocols */
	assert_int_equal(choose(tun, both, &ch), -ENOENT);
	assert_int_equal(choose(both, tun, &ch), -ENOENT);
	assert_int_equal(choose(both, both, &ch), 0);
	conf_free(tr);
	conf_free(tun);
	conf_free(aes256);
	conf_free(both);
}

static void test_offer_wire(void **state)
{
	struct conf *c = entry_conf(
		"crypto ipsec transform-set A ah-sha256-hmac esp-gcm 128\n"
		"crypto ipsec transform-set B esp-3des esp-sha-hmac\n",
		"A B", " set pfs group19\n");
	static struct isakmp_sa offer, back;
	struct isakmp_hdr h = { .exchange = ISAKMP_EXCH_QUICK };
	struct ikev1_p2_choice ch;
	struct isakmp_payloads pls;
	struct isakmp_err e;
	struct isakmp_w w;
	uint8_t buf[1024];
	int len;

	(void)state;
	ikev1_p2_offer(c, &c->entries[0], ah_spi, esp_spi, &offer);
	assert_int_equal(offer.nprops, 3);
	assert_int_equal(offer.props[0].num, 1);
	assert_int_equal(offer.props[1].num, 1);
	assert_int_equal(offer.props[2].num, 2);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_sa(&w, &offer);
	len = isakmp_w_finish(&w);
	assert_true(len > 0);
	assert_int_equal(isakmp_payloads_parse(buf + 28, (size_t)len - 28,
					       ISAKMP_PL_SA, false, &pls, &e),
			 0);
	assert_int_equal(
		isakmp_sa_parse(pls.pl[0].body, pls.pl[0].len, &back, &e), 0);
	logbuf[0] = '\0';
	assert_int_equal(
		ikev1_p2_select(c, &c->entries[0], &back, &ch, log_line, NULL),
		0);
	assert_string_equal(ch.tset->name, "A");
	assert_int_equal(ch.pfs_group, 19);
	assert_memory_equal(ch.ah_spi, ah_spi, 4);
	conf_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_bundle),
		cmocka_unit_test(test_mismatch),
		cmocka_unit_test(test_alternatives),
		cmocka_unit_test(test_pfs),
		cmocka_unit_test(test_lifetimes),
		cmocka_unit_test(test_mode_keylen_bundle),
		cmocka_unit_test(test_offer_wire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
