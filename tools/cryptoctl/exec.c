// SPDX-License-Identifier: GPL-2.0
/*
 * Running a command of the exec tree (see exec.h).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ctl.h"
#include "exec.h"
#include "nl_batch.h"
#include "pipe.h"

static int ctl_exec_words(struct ctl *ctl, int argc, char **argv,
			  const struct ctl_origin *origin,
			  const struct ctl_pipe *pipe);

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

/*
 * Runs @act with its output through @pipe: the command in a child whose
 * standard output is a pipe, filtered here line by line as it comes (so
 * debug streams can be filtered too).  The child's status is the run's.
 */
static int ctl_exec_piped(struct ctl *ctl, const struct ctl_action *act,
			  int argc, char **argv, const struct ctl_pipe *pipe)
{
	int fds[2], status, ret;
	FILE *in;
	pid_t pid;

	/* queued requests go now, or the child and we would both send them */
	if (ctl->batch && ctl->nl_open && nfsec_nl_batch_flush(&ctl->nl))
		return 1;
	fflush(stdout);
	fflush(stderr);
	if (pipe2(fds, O_CLOEXEC) < 0) {
		perror("cryptoctl: pipe");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("cryptoctl: fork");
		close(fds[0]);
		close(fds[1]);
		return 1;
	}
	if (!pid) {
		close(fds[0]);
		if (dup2(fds[1], STDOUT_FILENO) < 0)
			_exit(1);
		close(fds[1]);
		ret = act->run(ctl, argc, argv);
		fflush(stdout);
		_exit(ret);
	}
	close(fds[1]);
	in = fdopen(fds[0], "r");
	if (!in) {
		close(fds[0]);
		waitpid(pid, &status, 0);
		return 1;
	}
	ctl_pipe_filter(pipe, in, stdout);
	fclose(in);
	if (waitpid(pid, &status, 0) < 0)
		return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

int ctl_exec(struct ctl *ctl, int argc, char **argv,
	     const struct ctl_origin *origin)
{
	struct ctl_pipe pipe;
	int r;

	r = ctl_pipe_parse(&argc, argv, &pipe);
	if (r)
		return r == 1 ? 0 : 2;
	if (pipe.kind != CTL_PIPE_NONE && ctl->json) {
		fprintf(stderr,
			"cryptoctl: '|' filters text; filter -j's JSON with jq\n");
		ctl_pipe_free(&pipe);
		return 2;
	}
	r = ctl_exec_words(ctl, argc, argv, origin,
			   pipe.kind != CTL_PIPE_NONE ? &pipe : NULL);
	ctl_pipe_free(&pipe);
	return r;
}

static int ctl_exec_words(struct ctl *ctl, int argc, char **argv,
			  const struct ctl_origin *origin,
			  const struct ctl_pipe *pipe)
{
	const struct ctl_action *act;
	struct cmd_parse p;
	int ret = 2;

	switch (cmd_parse(&ctl_exec_root, argc, argv, &p)) {
	case CMD_OK:
		act = p.action;
		if (act) {
			ret = pipe ? ctl_exec_piped(ctl, act,
						    p.argc - p.action_at,
						    p.argv + p.action_at, pipe)
				   : act->run(ctl, p.argc - p.action_at,
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
