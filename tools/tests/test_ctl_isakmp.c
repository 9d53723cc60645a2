// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: cryptoctl's printing of cryptod's control answers
 * (cryptoctl/isakmp_cmds.c): `show crypto isakmp sa` and `policy` as the
 * seed's IOS shows them, the same as JSON, and errors from the daemon;
 * cryptod's `map` records for `show crypto map` (cryptoctl/map_ike.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "isakmp_cmds.h"
#include "map_ike.h"

static char *printed;
static char reply_buf[512];

/* ctl_isakmp_print() of @reply; stdout's text in `printed`. */
static int print(const char *reply, bool json, bool header)
{
	char *copy = strdup(reply);
	size_t len;
	FILE *m;
	int r;

	assert_non_null(copy);
	free(printed);
	m = open_memstream(&printed, &len);
	assert_non_null(m);
	r = ctl_isakmp_print(copy, json, header, m);
	fclose(m);
	free(copy);
	return r;
}

static const char sas[] =
	"ok\n"
	"sa\t198.51.100.2\t198.51.100.1\tQM_IDLE\t7\t0\tI\t239\n"
	"sa\t198.51.100.1\t198.51.100.9\tMM_KEY_EXCH\t8\t0\tR\t-\n";

static void test_sa(void **state)
{
	(void)state;
	assert_int_equal(print(sas, false, true), 0);
	assert_string_equal(
		printed,
		"dst             src             state           conn-id slot\n"
		"198.51.100.2    198.51.100.1    QM_IDLE               7    0\n"
		"198.51.100.1    198.51.100.9    MM_KEY_EXCH           8    0\n");
	assert_int_equal(print(sas, true, true), 0);
	assert_string_equal(
		printed,
		"[{\"dst\":\"198.51.100.2\",\"src\":\"198.51.100.1\",\"state\":\"QM_IDLE\",\"conn_id\":7,\"slot\":0,\"role\":\"initiator\",\"lifetime_left\":239},"
		"{\"dst\":\"198.51.100.1\",\"src\":\"198.51.100.9\",\"state\":\"MM_KEY_EXCH\",\"conn_id\":8,\"slot\":0,\"role\":\"responder\"}]\n");
	/* no SAs: the header alone, as IOS */
	assert_int_equal(print("ok\n", false, true), 0);
	assert_string_equal(
		printed,
		"dst             src             state           conn-id slot\n");
	assert_int_equal(print("ok\n", true, true), 0);
	assert_string_equal(printed, "[]\n");
}

/* The seed's wan2511: policy 1 and the default protection suite. */
static void test_policy(void **state)
{
	(void)state;
	assert_int_equal(
		print("ok\npolicy\t1\tdes\t0\tsha\tpre-share\t2\t240\n"
		      "policy\t2\taes\t256\tsha256\tpre-share\t14\t3600\n"
		      "policy\tdefault\tdes\t0\tsha\trsa-sig\t1\t86400\n",
		      false, false),
		0);
	assert_string_equal(
		printed,
		"Protection suite of priority 1\n"
		"\tencryption algorithm:\tDES - Data Encryption Standard (56 bit keys).\n"
		"\thash algorithm:\t\tSecure Hash Standard\n"
		"\tauthentication method:\tPre-Shared Key\n"
		"\tDiffie-Hellman group:\t#2 (1024 bit)\n"
		"\tlifetime:\t\t240 seconds, no volume limit\n"
		"Protection suite of priority 2\n"
		"\tencryption algorithm:\tAES - Advanced Encryption Standard (256 bit keys).\n"
		"\thash algorithm:\t\tSecure Hash Standard 2 (256 bit)\n"
		"\tauthentication method:\tPre-Shared Key\n"
		"\tDiffie-Hellman group:\t#14 (2048 bit)\n"
		"\tlifetime:\t\t3600 seconds, no volume limit\n"
		"Default protection suite\n"
		"\tencryption algorithm:\tDES - Data Encryption Standard (56 bit keys).\n"
		"\thash algorithm:\t\tSecure Hash Standard\n"
		"\tauthentication method:\tRivest-Shamir-Adleman Signature\n"
		"\tDiffie-Hellman group:\t#1 (768 bit)\n"
		"\tlifetime:\t\t86400 seconds, no volume limit\n");
	assert_int_equal(
		print("ok\npolicy\tdefault\tdes\t0\tsha\trsa-sig\t1\t86400\n",
		      true, false),
		0);
	assert_string_equal(
		printed,
		"[{\"default\":true,\"encryption\":\"des\",\"hash\":\"sha\",\"authentication\":\"rsa-sig\",\"group\":1,\"lifetime\":86400}]\n");
}

static void test_errors(void **state)
{
	(void)state;
	/* the daemon's error goes to stderr, nothing to stdout */
	assert_int_equal(print("error bad connection id 'x'\n", false, true),
			 1);
	assert_string_equal(printed, "");
	assert_int_equal(print("", false, false), 1);
	assert_int_equal(print("garbage\n", true, false), 1);
	assert_string_equal(printed, "");
	/* a record we do not know (or a short one) is skipped */
	assert_int_equal(
		print("ok\nsa\t1\t2\nnew\tthing\ncleared\t2\n", true, false),
		0);
	assert_string_equal(printed, "[{\"cleared\":2}]\n");
	free(printed);
	printed = NULL;
}

/* map_ike() of @reply: its status, records in `mi`/`nmi`. */
static struct ctl_map_ike *mi;
static size_t nmi;

static int map_ike(const char *reply)
{
	char *copy = strdup(reply);
	int r;

	assert_non_null(copy);
	free(mi);
	r = ctl_map_ike_parse(copy, &mi, &nmi);
	free(copy);
	return r;
}

static void test_map_records(void **state)
{
	(void)state;
	assert_int_equal(
		map_ike("ok\n"
			"entry\ttest\t10\tipsec-isakmp\t133\tauth2,esp2\tQM_IDLE\t7\t1\n"
			"entry\tm\t20\tipsec-manual\t101\tman\t-\t0\t0\n"
			"entry\tm\t30\tipsec-isakmp\t-\t-\t-\t0\t0\n"),
		0);
	assert_int_equal(nmi, 3);
	assert_string_equal(mi[0].map, "test");
	assert_int_equal(mi[0].seq, 10);
	assert_string_equal(mi[0].type, "ipsec-isakmp");
	assert_string_equal(mi[0].acl, "133");
	assert_string_equal(mi[0].tsets, "auth2,esp2");
	assert_string_equal(mi[0].state, "QM_IDLE");
	assert_int_equal(mi[0].conn_id, 7);
	assert_int_equal(mi[0].pairs, 1);
	assert_string_equal(mi[1].type, "ipsec-manual");
	assert_string_equal(mi[1].state, "");
	/* "-" is nothing */
	assert_string_equal(mi[2].acl, "");
	assert_string_equal(mi[2].tsets, "");
	assert_ptr_equal(ctl_map_ike_find(mi, nmi, "m", 20), &mi[1]);
	assert_ptr_equal(ctl_map_ike_find(mi, nmi, "m", 10), NULL);
	assert_ptr_equal(ctl_map_ike_find(mi, nmi, "test", 10), &mi[0]);
	assert_int_equal(map_ike("ok\n"), 0);
	assert_int_equal(nmi, 0);
}

static void test_map_bad(void **state)
{
	char acl[200];

	(void)state;
	/* the daemon's error, or no answer: nothing to add */
	assert_int_equal(map_ike("error unknown request 'map'\n"), -1);
	assert_int_equal(nmi, 0);
	assert_int_equal(map_ike(""), -1);
	/* a field short, a bad number, a name too long for its field */
	assert_int_equal(
		map_ike("ok\nentry\ttest\t10\tipsec-isakmp\t133\tauth2\tQM_IDLE\t7\n"),
		-1);
	assert_int_equal(nmi, 0);
	assert_null(mi);
	assert_int_equal(
		map_ike("ok\nentry\ttest\tten\tipsec-isakmp\t133\tauth2\t-\t0\t0\n"),
		-1);
	assert_int_equal(
		map_ike("ok\nentry\ttest\t10\tipsec-isakmp\t133\tauth2\t-\t0\t-1x\n"),
		-1);
	memset(acl, 'a', sizeof(acl) - 1);
	acl[sizeof(acl) - 1] = '\0';
	snprintf(reply_buf, sizeof(reply_buf),
		 "ok\nentry\ttest\t10\tipsec-isakmp\t%s\tauth2\t-\t0\t0\n",
		 acl);
	assert_int_equal(map_ike(reply_buf), -1);
	free(mi);
	mi = NULL;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sa),
		cmocka_unit_test(test_policy),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_map_records),
		cmocka_unit_test(test_map_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
