// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: `cryptoctl version` and `status` refuse extra words before
 * they touch netlink (version.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "ctl.h"
#include "exec.h"

static void test_version_extra_word(void **state)
{
	struct ctl ctl = { 0 };
	char *argv[] = { "brief" };

	(void)state;
	assert_int_equal(ctl_cmd_version(&ctl, 1, argv), 2);
	assert_false(ctl.nl_open);
}

static void test_status_extra_word(void **state)
{
	struct ctl ctl = { 0 };
	char *argv[] = { "detail", "more" };

	(void)state;
	assert_int_equal(ctl_cmd_status(&ctl, 2, argv), 2);
	assert_false(ctl.nl_open);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_extra_word),
		cmocka_unit_test(test_status_extra_word),
	};

	return cmocka_run_group_tests_name("version", tests, NULL, NULL);
}
