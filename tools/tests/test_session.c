// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: show crypto session's status word (cryptoctl/session.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "session.h"

static void test_status(void **state)
{
	(void)state;
	assert_string_equal(ctl_session_status("QM_IDLE", 2), "UP-ACTIVE");
	assert_string_equal(ctl_session_status("QM_IDLE", 0), "UP-IDLE");
	/* manual SAs, or IPsec SAs that outlived their ISAKMP SA */
	assert_string_equal(ctl_session_status(NULL, 4), "UP-NO-IKE");
	assert_string_equal(ctl_session_status("MM_KEY_EXCH", 0),
			    "DOWN-NEGOTIATING");
	/* rekeying phase 1 while the old pair still carries traffic */
	assert_string_equal(ctl_session_status("MM_KEY_EXCH", 2), "UP-NO-IKE");
	assert_string_equal(ctl_session_status(NULL, 0), "DOWN");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status),
	};

	return cmocka_run_group_tests_name("session", tests, NULL, NULL);
}
