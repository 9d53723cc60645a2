// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: IKEv1 phase-1 proposals (cryptod/ikev1_proposal.c).  The
 * seed's routers agree as the seed's debug output shows; policies are
 * tried in priority order against each offered transform; lifetimes,
 * key lengths and unknown attributes decide as IOS decides.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "ikev1_proposal.h"
#include "proposal_log.h"

#define SEED NFSEC_TOP "/tools/tests/configs/seed/"

static struct conf *text(const char *s)
{
	struct conf *c = conf_parse("t.conf", s, strlen(s));

	assert_non_null(c);
	assert_int_equal(c->nerrors, 0);
	return c;
}

/* cl-2513-2B offers, cl-2513-2A chooses: the seed's exchange. */
static void test_seed_preshare(void **state)
{
	struct conf *a = conf_load(SEED "preshare-cl-2513-2A.conf");
	struct conf *b = conf_load(SEED "preshare-cl-2513-2B.conf");
	static struct isakmp_sa offer;
	struct ikev1_choice ch;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	ikev1_p1_offer(b, &offer);
	assert_int_equal(offer.props[0].nxf, 1);
	logbuf[0] = '\0';
	assert_int_equal(
		ikev1_p1_select(a, &offer.props[0], &ch, log_line, NULL), 0);
	assert_int_equal(ch.prio, 1);
	assert_int_equal(ch.enc, CONF_IKE_DES);
	assert_int_equal(ch.hash, CONF_HASH_SHA1);
	assert_int_equal(ch.auth, CONF_AUTH_PSK);
	assert_int_equal(ch.group, 2);
	assert_int_equal(ch.lifetime, 86400);
	assert_string_equal(
		logbuf,
		"ISAKMP (1): Checking ISAKMP transform 1 against priority 1 policy\n"
		"ISAKMP:      encryption DES-CBC\n"
		"ISAKMP:      hash SHA\n"
		"ISAKMP:      default group 2\n"
		"ISAKMP:      auth pre-share\n"
		"ISAKMP:      life type in seconds\n"
		"ISAKMP:      life duration (VPI) of 0x0 0x1 0x51 0x80\n"
		"ISAKMP (1): atts are acceptable. Next payload is 0\n");
	conf_free(a);
	conf_free(b);
}

static void test_priority_order(void **state)
{
	struct conf *me = text("crypto isakmp policy 20\n"
			       " encryption 3des\n"
			       " authentication pre-share\n"
			       " group 2\n"
			       "crypto isakmp policy 10\n"
			       " encryption aes 256\n"
			       " hash sha256\n"
			       " authentication pre-share\n"
			       " group 14\n");
	struct conf *peer = text("crypto isakmp policy 1\n"
				 " encryption 3des\n"
				 " authentication pre-share\n"
				 " group 2\n"
				 "crypto isakmp policy 2\n"
				 " encryption aes 256\n"
				 " hash sha256\n"
				 " authentication pre-share\n"
				 " group 14\n"
				 " lifetime 3600\n");
	static struct isakmp_sa offer;
	struct ikev1_choice ch;

	(void)state;
	ikev1_p1_offer(peer, &offer);
	assert_int_equal(offer.props[0].nxf, 2);
	logbuf[0] = '\0';
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL), 0);
	/* our priority 10 wins, though the peer listed 3DES first */
	assert_int_equal(ch.prio, 10);
	assert_int_equal(ch.xf_num, 2);
	assert_int_equal(ch.keybits, 256);
	/* the peer's shorter lifetime */
	assert_int_equal(ch.lifetime, 3600);
	assert_non_null(strstr(
		logbuf,
		"Checking ISAKMP transform 1 against priority 10 policy"));
	assert_non_null(strstr(
		logbuf,
		"atts are not acceptable. Next payload is 3\n"
		"ISAKMP (1): Checking ISAKMP transform 2 against priority 10 policy"));
	assert_null(strstr(logbuf, "priority 20"));
	conf_free(me);
	conf_free(peer);
}

/* A longer lifetime than ours is refused by every policy. */
static void test_lifetime_longer(void **state)
{
	struct conf *me = text("crypto isakmp policy 1\n"
			       " authentication pre-share\n"
			       " lifetime 3600\n");
	struct conf *peer = text("crypto isakmp policy 1\n"
				 " authentication pre-share\n"
				 " lifetime 7200\n");
	static struct isakmp_sa offer;
	struct ikev1_choice ch;

	(void)state;
	ikev1_p1_offer(peer, &offer);
	logbuf[0] = '\0';
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL),
		-ENOENT);
	/* then the default protection suite, which wants rsa-sig */
	assert_non_null(strstr(logbuf, "against priority 65535 policy"));
	conf_free(me);
	conf_free(peer);
}

/* With no policy configured, the default suite: the seed's rsa-sig case. */
static void test_default_suite(void **state)
{
	struct conf *me = text("hostname lab-isdn\n");
	static struct isakmp_sa offer;
	struct ikev1_choice ch;

	(void)state;
	ikev1_p1_offer(me, &offer);
	assert_int_equal(offer.props[0].nxf, 1);
	logbuf[0] = '\0';
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL), 0);
	assert_int_equal(ch.prio, 65535);
	assert_int_equal(ch.auth, CONF_AUTH_RSA_SIG);
	assert_int_equal(ch.group, 1);
	assert_non_null(strstr(
		logbuf,
		"Checking ISAKMP transform 1 against priority 65535 policy\n"
		"ISAKMP:      encryption DES-CBC\n"
		"ISAKMP:      hash SHA\n"
		"ISAKMP:      default group 1\n"
		"ISAKMP:      auth RSA sig\n"));
	conf_free(me);
}

static void test_bad_transforms(void **state)
{
	struct conf *me = text("crypto isakmp policy 1\n"
			       " encryption aes\n"
			       " authentication pre-share\n");
	static struct isakmp_sa offer;
	struct isakmp_transform *t;
	struct ikev1_choice ch;
	size_t i;

	(void)state;
	ikev1_p1_offer(me, &offer);
	t = &offer.props[0].xf[0];
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL), 0);
	/* AES without its key length */
	for (i = 0; i < t->nattrs; i++)
		if (t->attrs[i].type == IKEV1_ATTR_KEYLEN)
			t->attrs[i] = t->attrs[--t->nattrs];
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL),
		-ENOENT);
	/* an attribute we do not know */
	ikev1_p1_offer(me, &offer);
	t->attrs[t->nattrs++] = (struct isakmp_attr){ 16, 1 };
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL),
		-ENOENT);
	/* another transform ID, another protocol */
	ikev1_p1_offer(me, &offer);
	t->id = 2;
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL),
		-ENOENT);
	ikev1_p1_offer(me, &offer);
	offer.props[0].proto = ISAKMP_PROTO_IPSEC_ESP;
	assert_int_equal(
		ikev1_p1_select(me, &offer.props[0], &ch, log_line, NULL),
		-ENOENT);
	conf_free(me);
}

/* The offer survives the wire. */
static void test_offer_wire(void **state)
{
	struct conf *me = text("crypto isakmp policy 5\n"
			       " encryption aes 192\n"
			       " hash sha384\n"
			       " authentication pre-share\n"
			       " group 20\n"
			       " lifetime 600\n");
	static struct isakmp_sa offer, back;
	struct isakmp_hdr h = { .exchange = ISAKMP_EXCH_IDPROT };
	struct isakmp_payloads pls;
	struct ikev1_choice ch;
	struct isakmp_err e;
	struct isakmp_w w;
	uint8_t buf[512];
	int len;

	(void)state;
	ikev1_p1_offer(me, &offer);
	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_sa(&w, &offer);
	len = isakmp_w_finish(&w);
	assert_true(len > 0);
	assert_int_equal(isakmp_payloads_parse(buf + 28, (size_t)len - 28,
					       ISAKMP_PL_SA, false, &pls, &e),
			 0);
	assert_int_equal(
		isakmp_sa_parse(pls.pl[0].body, pls.pl[0].len, &back, &e), 0);
	assert_int_equal(ikev1_p1_from_transform(&back.props[0].xf[0], &ch), 0);
	assert_int_equal(ch.enc, CONF_IKE_AES);
	assert_int_equal(ch.keybits, 192);
	assert_int_equal(ch.hash, CONF_HASH_SHA384);
	assert_int_equal(ch.group, 20);
	assert_int_equal(ch.lifetime, 600);
	conf_free(me);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_preshare),
		cmocka_unit_test(test_priority_order),
		cmocka_unit_test(test_lifetime_longer),
		cmocka_unit_test(test_default_suite),
		cmocka_unit_test(test_bad_transforms),
		cmocka_unit_test(test_offer_wire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
