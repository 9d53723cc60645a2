// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the control socket's credential check (ctlsock.c), which
 * both ends run: the daemon on its client, cryptoctl on the daemon.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "ctlsock.h"

static void test_peer_is(void **state)
{
	int sv[2];

	(void)state;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	assert_int_equal(nfsec_ctl_peer_is(sv[0], getuid()), 0);
	assert_int_equal(nfsec_ctl_peer_is(sv[1], getuid() + 1), -EPERM);
	close(sv[0]);
	close(sv[1]);
	assert_int_equal(nfsec_ctl_peer_is(sv[0], getuid()), -EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_peer_is),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
