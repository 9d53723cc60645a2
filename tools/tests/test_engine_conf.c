// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: show crypto engine configuration's reading of /proc/crypto
 * (cryptoctl/engine_conf.c): nfsec's algorithms only, each with its
 * highest-priority driver.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "engine_conf.h"

static const char proc_crypto[] =
	"name         : rfc4106(gcm(aes))\n"
	"driver       : rfc4106(gcm_base(ctr(aes-generic),ghash-generic))\n"
	"module       : kernel\n"
	"priority     : 100\n"
	"type         : aead\n"
	"\n"
	"name         : rfc4106(gcm(aes))\n"
	"driver       : rfc4106-gcm-aesni\n"
	"priority     : 400\n"
	"\n"
	"name         : aes\n"
	"driver       : aes-aesni\n"
	"priority     : 300\n"
	"\n"
	"name         : authenc(hmac(sha1),cbc(aes))\n"
	"driver       : authenc(hmac(sha1-generic),cbc(aes-generic))\n"
	"priority     : 100\n"
	"\n"
	"name         : hmac(sha256)\n"
	"driver       : hmac(sha256-generic)\n"
	"priority     : 100"; /* the last block, no blank line after it */

static void test_parse(void **state)
{
	static struct ctl_engine_algs algs;
	FILE *f = fmemopen((void *)proc_crypto, sizeof(proc_crypto) - 1, "r");

	(void)state;
	assert_non_null(f);
	ctl_engine_algs_parse(f, &algs);
	fclose(f);
	assert_int_equal(algs.n, 3);
	assert_string_equal(algs.a[0].name, "authenc(hmac(sha1),cbc(aes))");
	assert_string_equal(algs.a[1].name, "hmac(sha256)");
	assert_int_equal(algs.a[1].priority, 100);
	assert_string_equal(algs.a[2].name, "rfc4106(gcm(aes))");
	/* the driver the kernel picks: the higher priority */
	assert_string_equal(algs.a[2].driver, "rfc4106-gcm-aesni");
	assert_int_equal(algs.a[2].priority, 400);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
	};

	return cmocka_run_group_tests_name("engine_conf", tests, NULL, NULL);
}
