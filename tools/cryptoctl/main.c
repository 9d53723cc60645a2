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
#include "cmd.h"
#include "ctl.h"
#include "netns.h"

static int ctl_cmd_help(struct ctl *ctl, int argc, char **argv);

static const struct ctl_cmd ctl_top_cmds[] = {
	{ "version", ctl_cmd_version,
	  "the tools' and the loaded module's versions" },
	{ "status", ctl_cmd_status, "nfsec's state in this network namespace" },
	{ "sa", ctl_cmd_sa, "SAs: add, del, get, list" },
	{ "policy", ctl_cmd_policy, "crypto map entries: add, del, list" },
	{ "map", ctl_cmd_map, "crypto maps on interfaces: bind, unbind, list" },
	{ "show", ctl_cmd_show,
	  "show crypto ipsec sa|isakmp sa|isakmp policy|engine connections|map" },
	{ "clear", ctl_cmd_clear,
	  "clear crypto sa [peer A|spi A P S|map M|counters] | isakmp [ID]" },
	{ "debug", ctl_cmd_debug,
	  "debug crypto isakmp: cryptod's debug lines" },
	{ "undebug", ctl_cmd_undebug, "undebug all: end every debug stream" },
	{ "monitor", ctl_cmd_monitor,
	  "print ACQUIRE, EXPIRE and SA deletion events" },
	{ "flush", ctl_cmd_flush,
	  "delete every SA, crypto map entry and binding" },
	{ "help", ctl_cmd_help, "this text" },
	{ NULL, NULL, NULL },
};

static void ctl_usage(FILE *f)
{
	int i;

	fprintf(f, "usage: cryptoctl [-n NETNS] [-j] COMMAND [ARGS...]\n"
		   "       cryptoctl [-n NETNS] [-j] -b FILE\n\n"
		   "  -n, --netns NETNS act in network namespace NETNS "
		   "(as ip -n)\n"
		   "  -j, --json        JSON output\n"
		   "  -b, --batch FILE  run FILE's commands, one per line "
		   "(- for stdin)\n\ncommands:\n");
	for (i = 0; ctl_top_cmds[i].name; i++)
		fprintf(f, "  %-10s %s\n", ctl_top_cmds[i].name,
			ctl_top_cmds[i].help);
	fprintf(f, "\nCommand words may be abbreviated while unambiguous.\n");
}

static int ctl_cmd_help(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	ctl_usage(stdout);
	return 0;
}

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
	ret = ctl_batch_run(ctl, ctl_top_cmds, f, path);
	if (f != stdin)
		fclose(f);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "batch", required_argument, NULL, 'b' },
		{ "netns", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
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
			ctl_usage(stdout);
			return 0;
		default:
			ctl_usage(stderr);
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
		ret = ctl_cmd_dispatch(&ctl, ctl_top_cmds, "command",
				       argc - optind, argv + optind);
	if (ctl.nl_open)
		nfsec_nl_close(&ctl.nl);
	return ret;
}
