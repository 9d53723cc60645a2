// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod: the nfsec IKE keying daemon.
 *
 *   cryptod [-f FILE] -t     check a configuration and exit
 *   cryptod [-f FILE] [-d] [-s] [-u USER]
 *                            run (as root): install the crypto maps,
 *                            negotiate (IKEv1 Main Mode with pre-shared
 *                            keys, Quick Mode) when traffic needs SAs; -d
 *                            logs as `debug crypto isakmp` does; -s logs to
 *                            syslog; the engine runs as USER (privsep.h)
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "parent.h"

#define CRYPTOD_CONF "/etc/nfsec/cryptod.conf"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cryptod [-f FILE] [-t | [-d] [-s] [-u USER]]\n\n"
		"  -f, --config FILE  the IOS-style configuration (default " CRYPTOD_CONF
		")\n"
		"  -t, --test         check the configuration and exit\n"
		"  -d, --debug        log negotiations (debug crypto isakmp)\n"
		"  -s, --syslog       log to syslog (daemon) instead of stderr\n"
		"  -u, --user USER    the engine's user (default " CD_ENGINE_USER
		")\n"
		"  -V, --version      print the version\n");
}

static size_t bindings(const struct conf *c)
{
	size_t i, n = 0;

	for (i = 0; i < c->nifaces; i++)
		n += c->ifaces[i].map[0] != '\0';
	return n;
}

/* -t: diagnostics on stderr, a summary on stdout; 0 when usable. */
static int check_config(const char *file)
{
	struct conf *c = conf_load(file);
	int rc;

	if (!c) {
		fprintf(stderr, "cryptod: %s: %s\n", file, strerror(errno));
		return 1;
	}
	conf_print_diags(c, stderr);
	rc = c->nerrors ? 1 : 0;
	if (rc)
		fprintf(stderr,
			"cryptod: %s: %zu error%s; configuration rejected\n",
			file, c->nerrors, c->nerrors == 1 ? "" : "s");
	else
		printf("%s: OK: %zu isakmp policies, %zu pre-shared keys, %zu transform sets, %zu crypto map entries, %zu access lists, %zu crypto map bindings\n",
		       file, c->npolicies, c->npsks, c->ntsets, c->nentries,
		       c->nacls, bindings(c));
	conf_free(c);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'f' },
		{ "test", no_argument, NULL, 't' },
		{ "debug", no_argument, NULL, 'd' },
		{ "syslog", no_argument, NULL, 's' },
		{ "user", required_argument, NULL, 'u' },
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cd_run run = { .file = CRYPTOD_CONF, .user = CD_ENGINE_USER };
	bool test = false;
	int o;

	while ((o = getopt_long(argc, argv, "f:tdsu:Vh", opts, NULL)) != -1) {
		switch (o) {
		case 'f':
			run.file = optarg;
			break;
		case 't':
			test = true;
			break;
		case 'd':
			run.debug = true;
			break;
		case 's':
			run.use_syslog = true;
			break;
		case 'u':
			run.user = optarg;
			break;
		case 'V':
			printf("cryptod %s\n", NFSEC_VERSION);
			return 0;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "cryptod: unexpected argument '%s'\n",
			argv[optind]);
		return 2;
	}
	if (test)
		return check_config(run.file);
	if (geteuid() != 0) {
		fprintf(stderr,
			"cryptod: must start as root (its engine then runs as %s)\n",
			run.user);
		return 1;
	}
	return cd_parent_run(&run);
}
