/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptoctl -b FILE: many commands on one netlink channel, one per line,
 * as ip -batch does.  For installing thousands of SAs and policies without
 * a process, or a round trip, per command.
 */
#ifndef CRYPTOCTL_BATCH_H
#define CRYPTOCTL_BATCH_H

#include <stdio.h>

struct ctl;

#define CTL_BATCH_WORDS 64

/*
 * Splits @line in place into at most CTL_BATCH_WORDS words separated by
 * blanks; '#' starts a comment.  Returns the word count (0 for a blank or
 * comment line), or -1 when the line has too many words.
 */
int ctl_batch_words(char *line, char **argv);

/*
 * Runs each line of @f as a command of the exec tree (exec.h), on one
 * netlink channel whose requests without replies (adds, deletes, binds)
 * are pipelined (nl_batch.h).  Stops at the first line that fails, after printing
 * "cryptoctl: NAME:LINE: ..." on stderr, and returns its status (1 for a
 * kernel error); 0 when every line succeeded.  A pipelined request fails
 * when its queue is sent, so up to NFSEC_NL_BATCH_MAX - 1 lines after it
 * may already have been applied; each failure is reported with its line.
 */
int ctl_batch_run(struct ctl *ctl, FILE *f, const char *name);

#endif /* CRYPTOCTL_BATCH_H */
