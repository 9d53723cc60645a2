// SPDX-License-Identifier: GPL-2.0
/*
 * Command-word matching and dispatch (see cmd.h).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

int ctl_cmd_match(const struct ctl_cmd *cmds, const char *word)
{
	size_t len = strlen(word);
	int i, found = CTL_CMD_UNKNOWN;

	if (!len)
		return CTL_CMD_UNKNOWN;
	for (i = 0; cmds[i].name; i++) {
		if (!strcmp(cmds[i].name, word))
			return i;
		if (strncmp(cmds[i].name, word, len))
			continue;
		found = found == CTL_CMD_UNKNOWN ? i : CTL_CMD_AMBIGUOUS;
	}
	return found;
}

static void ctl_cmd_list(const struct ctl_cmd *cmds, const char *word)
{
	const char *sep = "";
	int i;

	for (i = 0; cmds[i].name; i++) {
		if (word && strncmp(cmds[i].name, word, strlen(word)))
			continue;
		fprintf(stderr, "%s%s", sep, cmds[i].name);
		sep = ", ";
	}
	fputc('\n', stderr);
}

int ctl_cmd_dispatch(struct ctl *ctl, const struct ctl_cmd *cmds,
		     const char *what, int argc, char **argv)
{
	int i;

	if (argc < 1) {
		fprintf(stderr, "cryptoctl: incomplete %s; one of: ", what);
		ctl_cmd_list(cmds, NULL);
		return 2;
	}
	i = ctl_cmd_match(cmds, argv[0]);
	if (i == CTL_CMD_AMBIGUOUS) {
		fprintf(stderr, "cryptoctl: ambiguous %s '%s': ", what,
			argv[0]);
		ctl_cmd_list(cmds, argv[0]);
		return 2;
	}
	if (i == CTL_CMD_UNKNOWN) {
		fprintf(stderr, "cryptoctl: unknown %s '%s'; one of: ", what,
			argv[0]);
		ctl_cmd_list(cmds, NULL);
		return 2;
	}
	return cmds[i].run(ctl, argc - 1, argv + 1);
}
