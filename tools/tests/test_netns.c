// SPDX-License-Identifier: GPL-2.0
/* Unit tests: cryptoctl -n NETNS, the name to file mapping (netns.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <cmocka.h>

#include "netns.h"

static void path_ok(const char *name, const char *want)
{
	char buf[64];

	assert_int_equal(ctl_netns_path(name, buf, sizeof(buf)), 0);
	assert_string_equal(buf, want);
}

static void test_names(void **state)
{
	(void)state;
	path_ok("r1", "/run/netns/r1");
	path_ok("hA", "/run/netns/hA");
	path_ok(".r1", "/run/netns/.r1"); /* only . and .. are refused */
	path_ok("/proc/1/ns/net", "/proc/1/ns/net");
	path_ok("./r1", "./r1"); /* a '/' makes it a path */
}

static void test_refused(void **state)
{
	char buf[16];

	(void)state;
	assert_int_equal(ctl_netns_path("", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(ctl_netns_path(".", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(ctl_netns_path("..", buf, sizeof(buf)), -EINVAL);
	/* "/run/netns/" is 11 bytes: 4 more and the NUL fill 16 */
	assert_int_equal(ctl_netns_path("abcd", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/run/netns/abcd");
	assert_int_equal(ctl_netns_path("abcde", buf, sizeof(buf)),
			 -ENAMETOOLONG);
	assert_int_equal(ctl_netns_path("/proc/self/ns/net", buf, sizeof(buf)),
			 -ENAMETOOLONG);
}

static void test_enter_errors(void **state)
{
	(void)state;
	/* Refused before anything is opened, and a missing file: both 1. */
	assert_int_equal(ctl_netns_enter(".."), 1);
	assert_int_equal(ctl_netns_enter("nfsec-test-no-such-netns"), 1);
	assert_int_equal(ctl_netns_enter("/nonexistent/ns"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_enter_errors),
	};

	return cmocka_run_group_tests_name("netns", tests, NULL, NULL);
}
