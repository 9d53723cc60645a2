/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IOS's output modifiers: COMMAND | include|exclude|begin|section|count
 * REGEX.  The command's text output is filtered line by line with the
 * POSIX extended regular expression (the rest of the line, as IOS takes
 * it); the modifier word may be abbreviated ("| inc pkts").  Quote the
 * "|" from the shell: cryptoctl sh cry ips sa '|' inc pkts.
 */
#ifndef CRYPTOCTL_PIPE_H
#define CRYPTOCTL_PIPE_H

#include <regex.h>
#include <stdbool.h>
#include <stdio.h>

enum ctl_pipe_kind {
	CTL_PIPE_NONE,
	CTL_PIPE_INCLUDE, /* the lines that match */
	CTL_PIPE_EXCLUDE, /* the lines that do not */
	CTL_PIPE_BEGIN, /* from the first line that matches on */
	CTL_PIPE_SECTION, /* matching lines with the lines indented under them */
	CTL_PIPE_COUNT, /* how many lines match */
};

struct ctl_pipe {
	enum ctl_pipe_kind kind;
	regex_t re;
};

/*
 * Finds a "|" word in the @argc words of @argv: the words before it are
 * the command (*@argc is cut to them) and the rest the modifier, read
 * into @pipe.  Returns 0 (kind NONE when there is no "|"), 1 when the
 * modifier asked for help (printed), or 2 after printing why the
 * modifier is not one.  ctl_pipe_free() releases it.
 */
int ctl_pipe_parse(int *argc, char **argv, struct ctl_pipe *pipe);
void ctl_pipe_free(struct ctl_pipe *pipe);

/* Copies @in to @out, filtered by @pipe. */
void ctl_pipe_filter(const struct ctl_pipe *pipe, FILE *in, FILE *out);

#endif /* CRYPTOCTL_PIPE_H */
