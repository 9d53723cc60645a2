// SPDX-License-Identifier: GPL-2.0
/* Unit tests: IOS-style command-word matching and dispatch (cmd.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cmd.h"

static int ran;

static int run_a(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argv;
	ran = 100 + argc;
	return 0;
}

static const struct ctl_cmd cmds[] = {
	{ "show", run_a, "" }, { "status", run_a, "" }, { "clear", run_a, "" },
	{ "sa", run_a, "" },   { "sad", run_a, "" },	{ NULL, NULL, NULL },
};

static void test_exact(void **state)
{
	(void)state;
	assert_int_equal(ctl_cmd_match(cmds, "show"), 0);
	assert_int_equal(ctl_cmd_match(cmds, "clear"), 2);
}

static void test_unique_prefix(void **state)
{
	(void)state;
	assert_int_equal(ctl_cmd_match(cmds, "sh"), 0);
	assert_int_equal(ctl_cmd_match(cmds, "st"), 1);
	assert_int_equal(ctl_cmd_match(cmds, "c"), 2);
}

/* An exact word wins over being a prefix of a longer one ("sa" vs "sad"). */
static void test_exact_beats_prefix(void **state)
{
	(void)state;
	assert_int_equal(ctl_cmd_match(cmds, "sa"), 3);
	assert_int_equal(ctl_cmd_match(cmds, "sad"), 4);
}

static void test_ambiguous(void **state)
{
	(void)state;
	assert_int_equal(ctl_cmd_match(cmds, "s"), CTL_CMD_AMBIGUOUS);
}

static void test_unknown(void **state)
{
	(void)state;
	assert_int_equal(ctl_cmd_match(cmds, "shows"), CTL_CMD_UNKNOWN);
	assert_int_equal(ctl_cmd_match(cmds, "x"), CTL_CMD_UNKNOWN);
	assert_int_equal(ctl_cmd_match(cmds, ""), CTL_CMD_UNKNOWN);
}

static void test_dispatch(void **state)
{
	char *ok[] = { "cl", "a", "b" };
	char *bad[] = { "bogus" };
	char *amb[] = { "s" };

	(void)state;
	ran = 0;
	assert_int_equal(ctl_cmd_dispatch(NULL, cmds, "command", 3, ok), 0);
	assert_int_equal(ran, 102);
	ran = 0;
	assert_int_equal(ctl_cmd_dispatch(NULL, cmds, "command", 1, bad), 2);
	assert_int_equal(ctl_cmd_dispatch(NULL, cmds, "command", 1, amb), 2);
	assert_int_equal(ctl_cmd_dispatch(NULL, cmds, "command", 0, NULL), 2);
	assert_int_equal(ran, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_unique_prefix),
		cmocka_unit_test(test_exact_beats_prefix),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_dispatch),
	};

	return cmocka_run_group_tests_name("cmd", tests, NULL, NULL);
}
