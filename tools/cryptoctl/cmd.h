/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command words, IOS style: a word may be abbreviated to any prefix that
 * names one command only ("sh cry isa sa").
 */
#ifndef CRYPTOCTL_CMD_H
#define CRYPTOCTL_CMD_H

#include <stddef.h>

struct ctl;

struct ctl_cmd {
	const char *name;
	/* runs with the words after this one; returns the exit status */
	int (*run)(struct ctl *ctl, int argc, char **argv);
	const char *help;
};

#define CTL_CMD_UNKNOWN (-1)
#define CTL_CMD_AMBIGUOUS (-2)

/*
 * Index of the command @word names in @cmds (terminated by a NULL name):
 * an exact match, else the only one it is a prefix of.
 */
int ctl_cmd_match(const struct ctl_cmd *cmds, const char *word);

/*
 * Runs the command argv[0] names, or reports on stderr why none does
 * (naming the word) and returns 2.  @what names the level, e.g. "command".
 */
int ctl_cmd_dispatch(struct ctl *ctl, const struct ctl_cmd *cmds,
		     const char *what, int argc, char **argv);

#endif /* CRYPTOCTL_CMD_H */
