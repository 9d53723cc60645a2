// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: show crypto ipsec sa address (cryptoctl/show_address.c):
 * SAs grouped by destination, AH before ESP, filtered by the caller; the
 * same groups in -j.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <cmocka.h>

#include "uapi/linux/nfsec.h"
#include "ctl.h"
#include "print.h"

static struct nfsec_sa_info sas[4];

static void sa_set(struct nfsec_sa_info *sa, const char *dst, uint8_t proto,
		   uint32_t spi, uint8_t dir)
{
	memset(sa, 0, sizeof(*sa));
	sa->family = AF_INET;
	assert_int_equal(inet_pton(AF_INET, dst, &sa->dst), 1);
	sa->proto = proto;
	sa->spi = spi;
	sa->dir = dir;
	sa->mode = NFSEC_MODE_TUNNEL;
	sa->enc = proto == IPPROTO_ESP ? NFSEC_ENC_DES_CBC : NFSEC_ENC_NONE;
	sa->auth = NFSEC_AUTH_HMAC_SHA1_96;
	sa->has_map = true;
	strcpy(sa->map, "test");
	sa->conn_id = spi & 0xff;
	sa->replay_window = 64;
}

static bool all(const struct nfsec_sa_info *sa, const void *arg)
{
	(void)sa;
	(void)arg;
	return true;
}

static bool not_ah(const struct nfsec_sa_info *sa, const void *arg)
{
	(void)arg;
	return sa->proto != IPPROTO_AH;
}

/* The view's stdout, for @json and @wanted. */
static char *show(bool json,
		  bool (*wanted)(const struct nfsec_sa_info *, const void *))
{
	struct ctl ctl = { .json = json };
	FILE *f = tmpfile();
	int saved = dup(1);
	char *out = calloc(1, 8192);
	size_t n;

	assert_non_null(f);
	assert_non_null(out);
	fflush(stdout);
	dup2(fileno(f), 1);
	ctl_show_sa_address(&ctl, sas, 4, wanted, NULL);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	rewind(f);
	n = fread(out, 1, 8191, f);
	out[n] = '\0';
	fclose(f);
	return out;
}

static void setup_sas(void)
{
	sa_set(&sas[0], "198.51.100.2", IPPROTO_ESP, 0x200, NFSEC_SA_DIR_OUT);
	sa_set(&sas[1], "198.51.100.1", IPPROTO_ESP, 0x100, NFSEC_SA_DIR_IN);
	sa_set(&sas[2], "198.51.100.2", IPPROTO_AH, 0x201, NFSEC_SA_DIR_OUT);
	sa_set(&sas[3], "198.51.100.1", IPPROTO_AH, 0x101, NFSEC_SA_DIR_IN);
}

static void test_grouped(void **state)
{
	char *out;

	(void)state;
	setup_sas();
	out = show(false, all);
	assert_string_equal(
		out,
		"dest address: 198.51.100.1\n"
		"   protocol: AH\n"
		"      spi: 0x101(257)\n"
		"        transform: ah-sha-hmac ,\n"
		"        in use settings ={Tunnel, }\n"
		"        slot: 0, conn id: 1, crypto map: test\n"
		"        sa timing: remaining key lifetime (k/sec): (unlimited/unlimited)\n"
		"        replay detection support: Y\n"
		"\n"
		"   protocol: ESP\n"
		"      spi: 0x100(256)\n"
		"        transform: esp-des esp-sha-hmac ,\n"
		"        in use settings ={Tunnel, }\n"
		"        slot: 0, conn id: 0, crypto map: test\n"
		"        sa timing: remaining key lifetime (k/sec): (unlimited/unlimited)\n"
		"        IV size: 8 bytes\n"
		"        replay detection support: Y\n"
		"\n"
		"dest address: 198.51.100.2\n"
		"   protocol: AH\n"
		"      spi: 0x201(513)\n"
		"        transform: ah-sha-hmac ,\n"
		"        in use settings ={Tunnel, }\n"
		"        slot: 0, conn id: 1, crypto map: test\n"
		"        sa timing: remaining key lifetime (k/sec): (unlimited/unlimited)\n"
		"        replay detection support: Y\n"
		"\n"
		"   protocol: ESP\n"
		"      spi: 0x200(512)\n"
		"        transform: esp-des esp-sha-hmac ,\n"
		"        in use settings ={Tunnel, }\n"
		"        slot: 0, conn id: 0, crypto map: test\n"
		"        sa timing: remaining key lifetime (k/sec): (unlimited/unlimited)\n"
		"        IV size: 8 bytes\n"
		"        replay detection support: Y\n"
		"\n");
	free(out);
}

static void test_filtered_and_json(void **state)
{
	char *out;

	(void)state;
	setup_sas();
	out = show(false, not_ah);
	assert_null(strstr(out, "protocol: AH"));
	assert_non_null(strstr(out, "dest address: 198.51.100.2\n"
				    "   protocol: ESP\n"));
	free(out);
	out = show(true, all);
	/* two destinations, two SAs each */
	assert_non_null(strstr(out, "[{\"dest\":\"198.51.100.1\",\"sas\":[{"));
	assert_non_null(strstr(out, "{\"dest\":\"198.51.100.2\",\"sas\":[{"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grouped),
		cmocka_unit_test(test_filtered_and_json),
	};

	return cmocka_run_group_tests_name("show_address", tests, NULL, NULL);
}
