// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: a list command's output (cryptoctl/listing.c) goes out
 * whole, once, after its dump: what a dump wrote before it started over
 * is not printed, and a listing whose dump failed prints nothing.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "listing.h"

static char got[4096];
static int saved = -1;
static FILE *capture;

/* stdout into a temporary file until captured() */
static void capture_start(void)
{
	fflush(stdout);
	capture = tmpfile();
	assert_non_null(capture);
	saved = dup(STDOUT_FILENO);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(capture), STDOUT_FILENO) >= 0);
}

static const char *captured(void)
{
	size_t n;

	fflush(stdout);
	assert_true(dup2(saved, STDOUT_FILENO) >= 0);
	close(saved);
	rewind(capture);
	n = fread(got, 1, sizeof(got) - 1, capture);
	got[n] = '\0';
	fclose(capture);
	return got;
}

static void test_text_after_reset(void **state)
{
	struct ctl_listing l;

	(void)state;
	assert_int_equal(ctl_listing_open(&l, false), 0);
	fprintf(l.f, "first try, half\n");
	ctl_listing_reset(&l);
	fprintf(l.f, "line 1\nline 2\n");
	capture_start();
	assert_int_equal(ctl_listing_close(&l, true), 0);
	assert_string_equal(captured(), "line 1\nline 2\n");
	assert_null(l.buf);
}

static void test_json_after_reset(void **state)
{
	struct ctl_listing l;
	int i;

	(void)state;
	assert_int_equal(ctl_listing_open(&l, true), 0);
	nfsec_json_object_open(&l.j, NULL);
	nfsec_json_u64(&l.j, "spi", 1);
	ctl_listing_reset_cb(&l);
	for (i = 2; i < 4; i++) {
		nfsec_json_object_open(&l.j, NULL);
		nfsec_json_u64(&l.j, "spi", (uint64_t)i);
		nfsec_json_object_close(&l.j);
	}
	capture_start();
	assert_int_equal(ctl_listing_close(&l, true), 0);
	assert_string_equal(captured(), "[{\"spi\":2},{\"spi\":3}]\n");
}

static void test_failed_dump_prints_nothing(void **state)
{
	struct ctl_listing l;

	(void)state;
	assert_int_equal(ctl_listing_open(&l, true), 0);
	nfsec_json_object_open(&l.j, NULL);
	nfsec_json_object_close(&l.j);
	capture_start();
	assert_int_equal(ctl_listing_close(&l, false), 0);
	assert_string_equal(captured(), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_after_reset),
		cmocka_unit_test(test_json_after_reset),
		cmocka_unit_test(test_failed_dump_prints_nothing),
	};

	return cmocka_run_group_tests_name("listing", tests, NULL, NULL);
}
