// SPDX-License-Identifier: GPL-2.0
/*
 * IOS's output modifiers (see pipe.h).
 */
#include <stdlib.h>
#include <string.h>

#include "cmdtree.h"
#include "pipe.h"

static const struct cmd_node pipe_regex[] = {
	{ .word = "LINE",
	  .help = "a regular expression (the rest of the line)",
	  .type = CMD_WORD },
	{ .word = NULL },
};

static const struct cmd_node pipe_kinds[] = {
	{ .word = "begin",
	  .help = "begin with the line that matches",
	  .next = pipe_regex },
	{ .word = "count",
	  .help = "count the lines that match",
	  .next = pipe_regex },
	{ .word = "exclude",
	  .help = "exclude the lines that match",
	  .next = pipe_regex },
	{ .word = "include",
	  .help = "include the lines that match",
	  .next = pipe_regex },
	{ .word = "section",
	  .help = "the sections whose first line matches",
	  .next = pipe_regex },
	{ .word = NULL },
};

static const struct cmd_node pipe_root = { .word = "|", .next = pipe_kinds };

static enum ctl_pipe_kind ctl_pipe_kind_of(const char *w)
{
	static const char *const names[] = {
		[CTL_PIPE_INCLUDE] = "include", [CTL_PIPE_EXCLUDE] = "exclude",
		[CTL_PIPE_BEGIN] = "begin",	[CTL_PIPE_SECTION] = "section",
		[CTL_PIPE_COUNT] = "count",
	};
	size_t i;

	for (i = 1; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(w, names[i]))
			return (enum ctl_pipe_kind)i;
	return CTL_PIPE_NONE;
}

/* The words from @argv[0] on, one blank apart, as one regex. */
static int ctl_pipe_compile(struct ctl_pipe *pipe, int argc, char **argv)
{
	size_t len = 1;
	char *re, msg[128];
	int i, err;

	for (i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	re = calloc(1, len);
	if (!re) {
		fprintf(stderr, "cryptoctl: out of memory\n");
		return 2;
	}
	for (i = 0; i < argc; i++) {
		strcat(re, i ? " " : "");
		strcat(re, argv[i]);
	}
	err = regcomp(&pipe->re, re, REG_EXTENDED | REG_NOSUB);
	if (err) {
		regerror(err, &pipe->re, msg, sizeof(msg));
		fprintf(stderr, "cryptoctl: '%s': %s\n", re, msg);
	}
	free(re);
	return err ? 2 : 0;
}

int ctl_pipe_parse(int *argc, char **argv, struct ctl_pipe *pipe)
{
	struct cmd_parse p;
	int k, rest, n, ret = 2;

	pipe->kind = CTL_PIPE_NONE;
	for (k = 0; k < *argc && strcmp(argv[k], "|"); k++)
		;
	if (k == *argc)
		return 0;
	rest = *argc - k - 1;
	/* the regex is any words: the tree reads the modifier (or a "?") */
	if (rest >= 2 && strcmp(argv[k + 2], "?"))
		n = 1;
	else
		n = rest > 2 ? 2 : rest;
	switch (cmd_parse(&pipe_root, n, argv + k + 1, &p)) {
	case CMD_HELP:
		cmd_print_help(&p, stdout);
		ret = 1;
		break;
	case CMD_OK:
	case CMD_INCOMPLETE:
		if (rest >= 2) {
			pipe->kind = ctl_pipe_kind_of(p.argv[0]);
			ret = ctl_pipe_compile(pipe, rest - 1, argv + k + 2);
			if (ret)
				pipe->kind = CTL_PIPE_NONE;
			break;
		}
		fprintf(stderr, "%% Incomplete command.\n");
		cmd_print_help(&p, stderr);
		break;
	default:
		p.argc = rest; /* echo the regex too */
		cmd_print_error(&p, stderr, "| ");
		break;
	}
	cmd_parse_free(&p);
	*argc = k;
	return ret;
}

void ctl_pipe_free(struct ctl_pipe *pipe)
{
	if (pipe->kind != CTL_PIPE_NONE)
		regfree(&pipe->re);
	pipe->kind = CTL_PIPE_NONE;
}

void ctl_pipe_filter(const struct ctl_pipe *pipe, FILE *in, FILE *out)
{
	bool begun = false, section = false, nl, match, top;
	unsigned long count = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, in)) >= 0) {
		nl = n && line[n - 1] == '\n';
		if (nl)
			line[n - 1] = '\0';
		match = !regexec(&pipe->re, line, 0, NULL, 0);
		/* a section: an unindented line and the lines under it */
		top = line[0] != ' ' && line[0] != '\t';
		switch (pipe->kind) {
		case CTL_PIPE_INCLUDE:
			if (!match)
				continue;
			break;
		case CTL_PIPE_EXCLUDE:
			if (match)
				continue;
			break;
		case CTL_PIPE_BEGIN:
			begun = begun || match;
			if (!begun)
				continue;
			break;
		case CTL_PIPE_SECTION:
			if (top)
				section = match;
			if (!section)
				continue;
			break;
		case CTL_PIPE_COUNT:
			count += match;
			continue;
		case CTL_PIPE_NONE:
			break;
		}
		fprintf(out, "%s%s", line, nl ? "\n" : "");
		fflush(out); /* debug streams: each line as it comes */
	}
	free(line);
	if (pipe->kind == CTL_PIPE_COUNT)
		fprintf(out, "Number of lines which match regexp = %lu\n",
			count);
}
