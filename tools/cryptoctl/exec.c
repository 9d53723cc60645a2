// SPDX-License-Identifier: GPL-2.0
/*
 * Running a command of the exec tree (see exec.h).
 */
#include <stdio.h>
#include <string.h>

#include "exec.h"

/* "cryptoctl: FILE:LINE:COL:" before a batch line's error. */
static void ctl_exec_where(const struct cmd_parse *p,
			   const struct ctl_origin *o)
{
	size_t col = 1;

	if (p->bad < p->argc && o->text)
		col = (size_t)(p->orig[p->bad] - o->text) + 1;
	else if (p->argc && o->text)
		col = (size_t)(p->orig[p->argc - 1] - o->text) +
		      strlen(p->orig[p->argc - 1]) + 1;
	fprintf(stderr, "cryptoctl: %s:%lu:%zu:\n", o->file, o->line, col);
}

int ctl_exec(struct ctl *ctl, int argc, char **argv,
	     const struct ctl_origin *origin)
{
	const struct ctl_action *act;
	struct cmd_parse p;
	int ret = 2;

	switch (cmd_parse(&ctl_exec_root, argc, argv, &p)) {
	case CMD_OK:
		act = p.action;
		if (act) {
			ret = act->run(ctl, p.argc - p.action_at,
				       p.argv + p.action_at);
			if (ret && origin && origin->file)
				fprintf(stderr,
					"cryptoctl: %s:%lu: command failed\n",
					origin->file, origin->line);
			break;
		}
		fprintf(stderr, "%% Incomplete command.\n");
		break;
	case CMD_HELP:
		cmd_print_help(&p, stdout);
		ret = 0;
		break;
	default:
		if (origin && origin->file) {
			ctl_exec_where(&p, origin);
			cmd_print_error(&p, stderr, "  ");
		} else {
			cmd_print_error(&p, stderr, "cryptoctl ");
		}
		if (p.result == CMD_INCOMPLETE)
			cmd_print_help(&p, stderr);
		break;
	}
	cmd_parse_free(&p);
	return ret;
}

void ctl_exec_usage(FILE *f)
{
	fprintf(f, "usage: cryptoctl [-n NETNS] [-j] COMMAND [ARGS...]\n"
		   "       cryptoctl [-n NETNS] [-j] -b FILE\n\n"
		   "  -n, --netns NETNS act in network namespace NETNS "
		   "(as ip -n)\n"
		   "  -j, --json        JSON output\n"
		   "  -b, --batch FILE  run FILE's commands, one per line "
		   "(- for stdin)\n\ncommands:\n");
	cmd_print_syntax(&ctl_exec_root, f, "  ");
	fprintf(f, "\nEvery word may be abbreviated while unambiguous, as on "
		   "IOS; '?' after the\nwords lists what may follow "
		   "(cryptoctl show crypto '?').\n");
}
