// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: cryptoctl's exec tree (exec_tree.c) and its runs from the
 * command line and from cryptoctl -b (exec.c, batch.c).  Every keyword of
 * every command is tried at its shortest unambiguous prefix, and every
 * shorter one must be refused as ambiguous.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "batch.h"
#include "ctl.h"
#include "exec.h"

static enum cmd_result parse_line(const char *line, struct cmd_parse *p,
				  char *buf, char **words)
{
	int argc = 0;
	char *w;

	strcpy(buf, line);
	for (w = strtok(buf, " "); w; w = strtok(NULL, " "))
		words[argc++] = w;
	return cmd_parse(&ctl_exec_root, argc, words, p);
}

static const struct ctl_action *action_of(const char *line, const char *canon)
{
	static const struct ctl_action *act;
	char buf[256], *words[64], out[256] = "";
	struct cmd_parse p;
	int i;

	assert_int_equal(parse_line(line, &p, buf, words), CMD_OK);
	for (i = 0; i < p.argc; i++) {
		strcat(out, i ? " " : "");
		strcat(out, p.argv[i]);
	}
	assert_string_equal(out, canon);
	act = p.action;
	cmd_parse_free(&p);
	return act;
}

/* The commands admins type, as they type them. */
static void test_ios_abbreviations(void **state)
{
	(void)state;
	assert_ptr_equal(
		action_of("sh cry ips sa", "show crypto ipsec sa")->run,
		ctl_show_ipsec_sa);
	assert_ptr_equal(
		action_of("sh cry isa sa", "show crypto isakmp sa")->run,
		ctl_show_isakmp_sa);
	assert_ptr_equal(
		action_of("sh cry isa pol", "show crypto isakmp policy")->run,
		ctl_show_isakmp_policy);
	assert_ptr_equal(action_of("sh cry eng conn act",
				   "show crypto engine connections active")
				 ->run,
			 ctl_show_engine_active);
	assert_ptr_equal(
		action_of("sh cry map t vpn", "show crypto map tag vpn")->run,
		ctl_show_map);
	assert_ptr_equal(action_of("cle cry sa pe 198.51.100.2",
				   "clear crypto sa peer 198.51.100.2")
				 ->run,
			 ctl_clear_sa);
	assert_ptr_equal(action_of("cl cr sa sp 198.51.100.2 e 0x100",
				   "clear crypto sa spi 198.51.100.2 esp 0x100")
				 ->run,
			 ctl_clear_sa);
	assert_ptr_equal(action_of("cl cr isa 3", "clear crypto isakmp 3")->run,
			 ctl_clear_isakmp);
	assert_ptr_equal(action_of("deb cry isa", "debug crypto isakmp")->run,
			 ctl_debug_isakmp);
	assert_ptr_equal(action_of("und a", "undebug all")->run,
			 ctl_undebug_all);
	assert_ptr_equal(action_of("sh cry ips sa int eth0 det k --w",
				   "show crypto ipsec sa interface eth0 detail "
				   "keys --wireshark")
				 ->run,
			 ctl_show_ipsec_sa);
	assert_ptr_equal(action_of("sa a sp 0x10 pro a dst 192.0.2.1 dir o "
				   "mode tra",
				   "sa add spi 0x10 proto ah dst 192.0.2.1 "
				   "dir out mode transport")
				 ->run,
			 ctl_sa_add);
	assert_ptr_equal(action_of("pol a ma m rule perm sr any",
				   "policy add map m rule permit src any")
				 ->run,
			 ctl_policy_add);
	assert_ptr_equal(
		action_of("map b m eth0 r", "map bind m eth0 replace")->run,
		ctl_map_bind);
}

/* Every keyword, at its shortest unambiguous prefix, under @n. */
static int walk(const struct cmd_node *n, char **path, int depth)
{
	const struct cmd_node *k, *other;
	char *words[64];
	struct cmd_parse p;
	bool amb;
	int count = 0, i;
	size_t len;

	for (k = n->next; k && k->word; k++) {
		if (k->type != CMD_KEYWORD)
			continue;
		for (len = 1; len <= strlen(k->word); len++) {
			char prefix[64];

			snprintf(prefix, sizeof(prefix), "%.*s", (int)len,
				 k->word);
			other = cmd_keyword(n->next, prefix, &amb);
			if (other == k)
				break;
			/* a shorter prefix names another keyword whole
			 * ("ah" beside "ah-esp"), or is refused */
			if (other) {
				assert_string_equal(other->word, prefix);
				continue;
			}
			assert_true(amb);
			path[depth] = prefix;
			for (i = 0; i <= depth; i++)
				words[i] = path[i];
			assert_int_equal(
				cmd_parse(&ctl_exec_root, depth + 1, words, &p),
				CMD_AMBIGUOUS);
			cmd_parse_free(&p);
		}
		{
			char prefix[64];

			snprintf(prefix, sizeof(prefix), "%.*s", (int)len,
				 k->word);
			path[depth] = prefix;
			for (i = 0; i <= depth; i++)
				words[i] = path[i];
			cmd_parse(&ctl_exec_root, depth + 1, words, &p);
			/* the path so far is whole or wants more words */
			assert_true(p.result == CMD_OK ||
				    p.result == CMD_INCOMPLETE);
			assert_string_equal(p.argv[depth], k->word);
			cmd_parse_free(&p);
			count++;
			/* next[] only: an option's loop back is not followed */
			if (k->next)
				count += walk(k, path, depth + 1);
		}
	}
	return count;
}

static void test_every_keyword(void **state)
{
	char *path[16];

	(void)state;
	/* the exec tree has more than 100 keywords: all were tried */
	assert_true(walk(&ctl_exec_root, path, 0) > 100);
}

static void test_ambiguous_names_candidates(void **state)
{
	char buf[256], *words[16];
	struct cmd_parse p;

	(void)state;
	assert_int_equal(parse_line("sh cry i", &p, buf, words), CMD_AMBIGUOUS);
	assert_int_equal(p.bad, 2);
	cmd_parse_free(&p);
	assert_int_equal(parse_line("s", &p, buf, words), CMD_AMBIGUOUS);
	cmd_parse_free(&p);
	assert_int_equal(parse_line("sh cry ipsex sa", &p, buf, words),
			 CMD_INVALID);
	assert_int_equal(p.bad, 2);
	cmd_parse_free(&p);
	/* a peer must be an address */
	assert_int_equal(parse_line("sh cry ips sa peer r2", &p, buf, words),
			 CMD_INVALID);
	assert_int_equal(p.bad, 5);
	cmd_parse_free(&p);
}

/* Runs @fn with stdout and stderr into files; their text in @out/@err. */
static int run_captured(int (*fn)(void *), void *arg, char *out, char *err,
			size_t len)
{
	FILE *o = tmpfile(), *e = tmpfile();
	int so = dup(1), se = dup(2), r;
	size_t n;

	assert_non_null(o);
	assert_non_null(e);
	fflush(stdout);
	fflush(stderr);
	dup2(fileno(o), 1);
	dup2(fileno(e), 2);
	r = fn(arg);
	fflush(stdout);
	fflush(stderr);
	dup2(so, 1);
	dup2(se, 2);
	close(so);
	close(se);
	rewind(o);
	rewind(e);
	n = fread(out, 1, len - 1, o);
	out[n] = '\0';
	n = fread(err, 1, len - 1, e);
	err[n] = '\0';
	fclose(o);
	fclose(e);
	return r;
}

/* Runs the words of @line as cryptoctl does, with -j when @json. */
static int run_line(const char *line, bool json)
{
	char buf[256], *words[32], *w;
	struct ctl ctl = { .json = json };
	int argc = 0;

	strcpy(buf, line);
	for (w = strtok(buf, " "); w; w = strtok(NULL, " "))
		words[argc++] = w;
	return ctl_exec(&ctl, argc, words, NULL);
}

static int run_words(void *arg)
{
	return run_line(arg, false);
}

static void test_exec_messages(void **state)
{
	char out[4096], err[4096];

	(void)state;
	assert_int_equal(run_captured(run_words, "sh cry ipsex sa", out, err,
				      sizeof(out)),
			 2);
	assert_string_equal(err, "cryptoctl sh cry ipsex sa\n"
				 "                 ^\n"
				 "% Invalid input detected at '^' marker.\n");
	assert_int_equal(
		run_captured(run_words, "sh cry i", out, err, sizeof(out)), 2);
	assert_string_equal(err, "% Ambiguous command: \"sh cry i\" "
				 "(ipsec, isakmp)\n");
	/* incomplete: what may follow is listed */
	assert_int_equal(
		run_captured(run_words, "sh cry", out, err, sizeof(out)), 2);
	assert_non_null(strstr(err, "% Incomplete command.\n"));
	assert_non_null(strstr(err, "\n  ipsec "));
	assert_non_null(strstr(err, " IPsec\n"));
	/* help goes to stdout and succeeds */
	assert_int_equal(
		run_captured(run_words, "sh cry ?", out, err, sizeof(out)), 0);
	assert_non_null(strstr(out, "\n  isakmp "));
	assert_non_null(strstr(out, " ISAKMP\n"));
	assert_string_equal(err, "");
	/* cryptoctl help lists every command from the tree */
	assert_int_equal(run_captured(run_words, "he", out, err, sizeof(out)),
			 0);
	assert_non_null(strstr(out, "  show crypto ipsec sa [peer "));
	assert_non_null(strstr(out, "  undebug all\n"));
}

static int run_json_words(void *arg)
{
	return run_line(arg, true);
}

/* IOS's output modifiers, on cryptoctl help's text (pipe.c). */
static void test_output_modifiers(void **state)
{
	char out[8192], err[4096];

	(void)state;
	assert_int_equal(run_captured(run_words, "help | inc undebug", out, err,
				      sizeof(out)),
			 0);
	assert_string_equal(out, "  undebug all\n");
	/* one modifier: the rest of the line is the regex, "|" and all */
	assert_int_equal(run_captured(run_words, "help | exclude ^ | count",
				      out, err, sizeof(out)),
			 0);
	assert_null(strstr(out, "  version"));
	assert_non_null(strstr(out, "usage:"));
	assert_int_equal(run_captured(run_words,
				      "help | count ^ +show crypto isakmp", out,
				      err, sizeof(out)),
			 0);
	assert_string_equal(out, "Number of lines which match regexp = 2\n");
	assert_int_equal(run_captured(run_words, "help | b ^ +undebug", out,
				      err, sizeof(out)),
			 0);
	assert_true(!strncmp(out, "  undebug all\n  monitor", 23));
	/* a section: its first line and the lines indented under it */
	assert_int_equal(run_captured(run_words, "help | sec ^commands:", out,
				      err, sizeof(out)),
			 0);
	assert_true(!strncmp(out, "commands:\n  version\n", 20));
	assert_null(strstr(out, "usage"));
	assert_null(strstr(out, "abbreviated"));
	/* the regex is the rest of the line, blanks included */
	assert_int_equal(run_captured(run_words, "help | include clear crypto",
				      out, err, sizeof(out)),
			 0);
	assert_non_null(strstr(out, "  clear crypto isakmp"));
	assert_null(strstr(out, "show"));
	/* refusals */
	assert_int_equal(run_captured(run_words, "help | inclx a", out, err,
				      sizeof(out)),
			 2);
	assert_string_equal(err, "| inclx a\n"
				 "  ^\n"
				 "% Invalid input detected at '^' marker.\n");
	assert_int_equal(run_captured(run_words, "help | include (", out, err,
				      sizeof(out)),
			 2);
	assert_non_null(strstr(err, "cryptoctl: '(': "));
	assert_int_equal(run_captured(run_words, "help | include", out, err,
				      sizeof(out)),
			 2);
	assert_non_null(strstr(err, "% Incomplete command.\n"));
	assert_int_equal(run_captured(run_json_words, "help | include a", out,
				      err, sizeof(out)),
			 2);
	/* the command's own status comes back through the filter */
	assert_int_equal(run_captured(run_words, "sa add spi 1 | include x",
				      out, err, sizeof(out)),
			 2);
	assert_non_null(strstr(err, "missing src and dst"));
}

static int batch_text(void *arg)
{
	FILE *f = fmemopen(arg, strlen(arg), "r");
	struct ctl ctl = { 0 };
	int r;

	assert_non_null(f);
	r = ctl_batch_run(&ctl, f, "cmds");
	assert_null(ctl.batch);
	fclose(f);
	return r;
}

static void test_batch(void **state)
{
	char out[8192], err[4096];
	char ok[] = "help\n\n# x\nhel\n",
	     bad[] = "help\n  sh  cry ipsex sa\nhelp\n",
	     usage[] = "sa add spi 1\n";

	(void)state;
	assert_int_equal(run_captured(batch_text, ok, out, err, sizeof(out)),
			 0);
	/* the error names file, line and column, then points at the word */
	assert_int_equal(run_captured(batch_text, bad, out, err, sizeof(out)),
			 2);
	assert_string_equal(err, "cryptoctl: cmds:2:11:\n"
				 "  sh cry ipsex sa\n"
				 "         ^\n"
				 "% Invalid input detected at '^' marker.\n");
	/* a handler's usage error is a failure of its line */
	assert_int_equal(run_captured(batch_text, usage, out, err, sizeof(out)),
			 2);
	assert_non_null(strstr(err, "cryptoctl: cmds:1: command failed\n"));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ios_abbreviations),
		cmocka_unit_test(test_every_keyword),
		cmocka_unit_test(test_ambiguous_names_candidates),
		cmocka_unit_test(test_exec_messages),
		cmocka_unit_test(test_output_modifiers),
		cmocka_unit_test(test_batch),
		cmocka_unit_test(test_batch_words),
	};

	return cmocka_run_group_tests_name("exec", tests, NULL, NULL);
}
