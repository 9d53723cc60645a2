// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the IOS command-tree engine (lib/cmdtree.c) on a small tree
 * of its own: prefixes, ambiguity, typed arguments, options in any order,
 * help, errors with the caret, completion and the syntax summary.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cmdtree.h"

static const int act_show_sa, act_sad, act_clear, act_bind;

static const struct cmd_node t_addr[] = {
	{ .word = "A.B.C.D", .help = "address", .type = CMD_ADDR },
	{ .word = NULL },
};

static const struct cmd_node t_num[] = {
	{ .word = "<0-9>", .help = "number", .type = CMD_NUMBER },
	{ .word = NULL },
};

static const struct cmd_node t_proto[] = {
	{ .word = "esp", .help = "ESP" },
	{ .word = "ah", .help = "AH" },
	{ .word = NULL },
};

static const struct cmd_node t_sa_opts[] = {
	{ .word = "peer",
	  .help = "by peer",
	  .next = t_addr,
	  .flags = CMD_OPTION },
	{ .word = "proto",
	  .help = "by protocol",
	  .next = t_proto,
	  .flags = CMD_OPTION },
	{ .word = "detail", .help = "more", .flags = CMD_OPTION },
	{ .word = NULL },
};

static const struct cmd_node t_show[] = {
	{ .word = "sa",
	  .help = "SAs",
	  .next = t_sa_opts,
	  .action = &act_show_sa,
	  .flags = CMD_END },
	{ .word = "sad", .help = "the SAD", .action = &act_sad },
	{ .word = "status", .help = "state", .action = &act_sad },
	{ .word = NULL },
};

static const struct cmd_node t_dev[] = {
	{ .word = "DEV", .help = "device", .type = CMD_WORD },
	{ .word = NULL },
};

static const struct cmd_node t_top[] = {
	{ .word = "show", .help = "show things", .next = t_show },
	{ .word = "clear",
	  .help = "clear things",
	  .next = t_num,
	  .action = &act_clear,
	  .flags = CMD_END },
	{ .word = "bind", .help = "bind", .next = t_dev, .action = &act_bind },
	{ .word = NULL },
};

static const struct cmd_node t_root = { .word = "t", .next = t_top };

/* Parses the blank-separated words of @line; the result. */
static enum cmd_result parse(const char *line, struct cmd_parse *p,
			     char **words, char *buf)
{
	int argc = 0;
	char *w;

	strcpy(buf, line);
	for (w = strtok(buf, " "); w; w = strtok(NULL, " "))
		words[argc++] = w;
	return cmd_parse(&t_root, argc, words, p);
}

/* The words of @p, canonical, one blank apart. */
static const char *canon(const struct cmd_parse *p)
{
	static char out[256];
	int i;

	out[0] = '\0';
	for (i = 0; i < p->argc; i++) {
		strcat(out, i ? " " : "");
		strcat(out, p->argv[i]);
	}
	return out;
}

#define PARSE(line)                \
	char buf[256], *words[32]; \
	struct cmd_parse p;        \
	enum cmd_result r = parse(line, &p, words, buf)

static void test_prefixes(void **state)
{
	PARSE("sh sa pe 192.0.2.1 pr e det");

	(void)state;
	assert_int_equal(r, CMD_OK);
	assert_string_equal(canon(&p),
			    "show sa peer 192.0.2.1 proto esp detail");
	assert_ptr_equal(p.action, &act_show_sa);
	assert_int_equal(p.action_at, 2);
	cmd_parse_free(&p);
}

/* A whole keyword names itself even when it begins another ("sa", "sad"). */
static void test_exact_beats_prefix(void **state)
{
	PARSE("show sad");

	(void)state;
	assert_int_equal(r, CMD_OK);
	assert_ptr_equal(p.action, &act_sad);
	cmd_parse_free(&p);
}

static void test_ambiguous(void **state)
{
	PARSE("show s");

	(void)state;
	assert_int_equal(r, CMD_AMBIGUOUS);
	assert_int_equal(p.bad, 1);
	cmd_parse_free(&p);
}

static void test_invalid(void **state)
{
	(void)state;
	{
		PARSE("show sa peer 192.0.2.300");

		assert_int_equal(r, CMD_INVALID);
		assert_int_equal(p.bad, 3);
		cmd_parse_free(&p);
	}
	{
		/* a leaf takes no more words */
		PARSE("show sad extra");

		assert_int_equal(r, CMD_INVALID);
		assert_int_equal(p.bad, 2);
		cmd_parse_free(&p);
	}
	{
		PARSE("clear 12x");

		assert_int_equal(r, CMD_INVALID);
		cmd_parse_free(&p);
	}
}

static void test_incomplete(void **state)
{
	(void)state;
	{
		PARSE("show");

		assert_int_equal(r, CMD_INCOMPLETE);
		assert_int_equal(p.bad, 1);
		cmd_parse_free(&p);
	}
	{
		/* an option's value is missing */
		PARSE("show sa peer");

		assert_int_equal(r, CMD_INCOMPLETE);
		cmd_parse_free(&p);
	}
	{
		PARSE("bind");

		assert_int_equal(r, CMD_INCOMPLETE);
		cmd_parse_free(&p);
	}
}

/* Options come in any order, any number of times; the end stays allowed. */
static void test_options_repeat(void **state)
{
	PARSE("show sa detail proto ah peer 192.0.2.9 detail");

	(void)state;
	assert_int_equal(r, CMD_OK);
	assert_string_equal(canon(&p),
			    "show sa detail proto ah peer 192.0.2.9 detail");
	cmd_parse_free(&p);
}

/* Typed arguments: a number in hex, a free word that is not a keyword. */
static void test_arguments(void **state)
{
	(void)state;
	{
		PARSE("cl 0x1f");

		assert_int_equal(r, CMD_OK);
		assert_string_equal(canon(&p), "clear 0x1f");
		assert_ptr_equal(p.action, &act_clear);
		cmd_parse_free(&p);
	}
	{
		PARSE("b s");

		/* "s" is the device's name, not an abbreviation */
		assert_int_equal(r, CMD_OK);
		assert_string_equal(canon(&p), "bind s");
		cmd_parse_free(&p);
	}
}

/* Runs @fn's printing into a string. */
static char *capture(void (*fn)(const struct cmd_parse *, FILE *),
		     const struct cmd_parse *p)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	fn(p, f);
	fclose(f);
	return out;
}

static void show_error(const struct cmd_parse *p, FILE *f)
{
	cmd_print_error(p, f, "t ");
}

static void test_error_caret(void **state)
{
	char *out;

	(void)state;
	{
		PARSE("sh sa frob");

		assert_int_equal(r, CMD_INVALID);
		out = capture(show_error, &p);
		assert_string_equal(
			out, "t sh sa frob\n"
			     "        ^\n"
			     "% Invalid input detected at '^' marker.\n");
		free(out);
		cmd_parse_free(&p);
	}
	{
		PARSE("sh s");

		assert_int_equal(r, CMD_AMBIGUOUS);
		out = capture(show_error, &p);
		assert_string_equal(
			out,
			"% Ambiguous command: \"sh s\" (sa, sad, status)\n");
		free(out);
		cmd_parse_free(&p);
	}
}

static void test_help(void **state)
{
	char *out;

	(void)state;
	{
		PARSE("sh sa ?");

		assert_int_equal(r, CMD_HELP);
		out = capture(cmd_print_help, &p);
		assert_string_equal(out, "  peer    by peer\n"
					 "  proto   by protocol\n"
					 "  detail  more\n"
					 "  <cr>\n");
		free(out);
		cmd_parse_free(&p);
	}
	{
		PARSE("show s?");

		assert_int_equal(r, CMD_HELP);
		out = capture(cmd_print_help, &p);
		assert_string_equal(out, "sa  sad  status  \n");
		free(out);
		cmd_parse_free(&p);
	}
	{
		/* after options, the options again */
		PARSE("show sa detail ?");

		assert_int_equal(r, CMD_HELP);
		out = capture(cmd_print_help, &p);
		assert_non_null(strstr(out, "  proto   by protocol\n"));
		free(out);
		cmd_parse_free(&p);
	}
}

static void test_completions(void **state)
{
	char *words[] = { "sh", "sa", "peer", "192.0.2.1" };
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	cmd_print_completions(&t_root, 1, words, "s", f);
	cmd_print_completions(&t_root, 4, words, "", f);
	/* after an argument's keyword: nothing to offer */
	cmd_print_completions(&t_root, 3, words, "", f);
	/* after a word that does not parse: nothing */
	words[1] = "frob";
	cmd_print_completions(&t_root, 2, words, "", f);
	fclose(f);
	assert_string_equal(out, "sa\nsad\nstatus\npeer\nproto\ndetail\n");
	free(out);
}

static void test_syntax(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	cmd_print_syntax(&t_root, f, "  ");
	fclose(f);
	assert_string_equal(
		out, "  show sa [peer A.B.C.D] [proto {esp|ah}] [detail]\n"
		     "  show sad\n"
		     "  show status\n"
		     "  clear [<0-9>]\n"
		     "  bind DEV\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_exact_beats_prefix),
		cmocka_unit_test(test_ambiguous),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_incomplete),
		cmocka_unit_test(test_options_repeat),
		cmocka_unit_test(test_arguments),
		cmocka_unit_test(test_error_caret),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_completions),
		cmocka_unit_test(test_syntax),
	};

	return cmocka_run_group_tests_name("cmdtree", tests, NULL, NULL);
}
