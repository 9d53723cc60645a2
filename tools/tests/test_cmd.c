// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: IOS-style command-word matching and dispatch (cmd.c), and
 * cryptoctl -b's lines (batch.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "batch.h"
#include "cmd.h"
#include "ctl.h"

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

static void test_batch_words(void **state)
{
	char line[] = "  sa add\tspi 0x10  # a comment\n";
	char blank[] = " \t\r\n";
	char comment[] = "# policy add map m";
	char *argv[CTL_BATCH_WORDS + 1];
	char many[4 * (CTL_BATCH_WORDS + 1) + 1] = "";
	int i;

	(void)state;
	assert_int_equal(ctl_batch_words(line, argv), 4);
	assert_string_equal(argv[0], "sa");
	assert_string_equal(argv[1], "add");
	assert_string_equal(argv[2], "spi");
	assert_string_equal(argv[3], "0x10");
	assert_int_equal(ctl_batch_words(blank, argv), 0);
	assert_int_equal(ctl_batch_words(comment, argv), 0);
	for (i = 0; i < CTL_BATCH_WORDS; i++)
		strcat(many, "w ");
	assert_int_equal(ctl_batch_words(many, argv), CTL_BATCH_WORDS);
	/* the first call cut the words apart: rebuild the line */
	memset(many, 0, sizeof(many));
	for (i = 0; i <= CTL_BATCH_WORDS; i++)
		strcat(many, "w ");
	assert_int_equal(ctl_batch_words(many, argv), -1);
}

static int lines_ran;

static int run_count(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	lines_ran++;
	return 0;
}

static int run_fail(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	return 1;
}

static const struct ctl_cmd batch_cmds[] = {
	{ "policy", run_count, "" },
	{ "fail", run_fail, "" },
	{ NULL, NULL, NULL },
};

/* Runs @text as a batch file; returns the status, lines_ran counts. */
static int batch(const char *text)
{
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct ctl ctl = { 0 };
	int ret;

	assert_non_null(f);
	lines_ran = 0;
	ret = ctl_batch_run(&ctl, batch_cmds, f, "test");
	assert_null(ctl.batch);
	fclose(f);
	return ret;
}

static void test_batch_run(void **state)
{
	(void)state;
	assert_int_equal(batch("policy add\n\n# x\npol add 2\npolicy"), 0);
	assert_int_equal(lines_ran, 3);
	/* the first failure stops the run with its status */
	assert_int_equal(batch("policy\nfail\npolicy\n"), 1);
	assert_int_equal(lines_ran, 1);
	/* an unknown command is a usage error, as on the command line */
	assert_int_equal(batch("policy\nbogus words\npolicy\n"), 2);
	assert_int_equal(lines_ran, 1);
	assert_int_equal(batch(""), 0);
	assert_int_equal(lines_ran, 0);
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
		cmocka_unit_test(test_batch_words),
		cmocka_unit_test(test_batch_run),
	};

	return cmocka_run_group_tests_name("cmd", tests, NULL, NULL);
}
