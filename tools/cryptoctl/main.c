// SPDX-License-Identifier: GPL-2.0
/*
 * cryptoctl: the nfsec administrator's command line.
 *
 *   cryptoctl [-j] COMMAND [ARGS...]
 *   cryptoctl [-j] -b FILE
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "uapi/linux/nfsec.h"
#include "batch.h"
#include "exec.h"
#include "ctl.h"
#include "netns.h"

static int ctl_batch_file(struct ctl *ctl, const char *path)
{
	FILE *f = stdin;
	int ret;

	if (strcmp(path, "-")) {
		f = fopen(path, "re");
		if (!f) {
			fprintf(stderr, "cryptoctl: %s: %s\n", path,
				strerror(errno));
			return 1;
		}
	}
	ret = ctl_batch_run(ctl, f, path);
	if (f != stdin)
		fclose(f);
	return ret;
}

/* --complete WORDS... PARTIAL: the keywords PARTIAL may begin. */
static int ctl_complete(int argc, char **argv)
{
	cmd_print_completions(&ctl_exec_root, argc ? argc - 1 : 0, argv,
			      argc ? argv[argc - 1] : "", stdout);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "batch", required_argument, NULL, 'b' },
		{ "netns", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		/* bash completion: the keywords after the words */
		{ "complete", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctl ctl = { 0 };
	const char *batch = NULL, *netns = NULL;
	int c, ret;

	while ((c = getopt_long(argc, argv, "+jb:n:h", opts, NULL)) != -1) {
		switch (c) {
		case 'b':
			batch = optarg;
			break;
		case 'n':
			netns = optarg;
			break;
		case 'j':
			ctl.json = true;
			break;
		case 'h':
			ctl_exec_usage(stdout);
			return 0;
		case 'C':
			return ctl_complete(argc - optind, argv + optind);
		default:
			ctl_exec_usage(stderr);
			return 2;
		}
	}
	if (batch && optind < argc) {
		fprintf(stderr, "cryptoctl: -b takes no command words\n");
		return 2;
	}
	if (netns && ctl_netns_enter(netns))
		return 1;
	if (batch)
		ret = ctl_batch_file(&ctl, batch);
	else
		ret = ctl_exec(&ctl, argc - optind, argv + optind, NULL);
	if (ctl.nl_open)
		nfsec_nl_close(&ctl.nl);
	return ret;
}
