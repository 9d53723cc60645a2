// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod: the nfsec IKE keying daemon.
 *
 *   cryptod [-f FILE] -t     check a configuration and exit
 *   cryptod [-f FILE] [-d] [-s]  run: install the crypto maps, negotiate
 *                            (IKEv1 Main Mode with pre-shared keys, Quick
 *                            Mode) when traffic needs SAs; -d logs as
 *                            `debug crypto isakmp` does; -s logs to syslog
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "daemon.h"

#define CRYPTOD_CONF "/etc/nfsec/cryptod.conf"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: cryptod [-f FILE] [-t | [-d] [-s]]\n\n"
		"  -f, --config FILE  the IOS-style configuration (default " CRYPTOD_CONF
		")\n"
		"  -t, --test         check the configuration and exit\n"
		"  -d, --debug        log negotiations (debug crypto isakmp)\n"
		"  -s, --syslog       log to syslog (daemon) instead of stderr\n"
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
		{ "version", no_argument, NULL, 'V' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *file = CRYPTOD_CONF;
	bool test = false, debug = false, use_syslog = false;
	struct conf *c;
	int o;

	while ((o = getopt_long(argc, argv, "f:tdsVh", opts, NULL)) != -1) {
		switch (o) {
		case 'f':
			file = optarg;
			break;
		case 't':
			test = true;
			break;
		case 'd':
			debug = true;
			break;
		case 's':
			use_syslog = true;
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
		return check_config(file);
	c = conf_load(file);
	if (!c) {
		fprintf(stderr, "cryptod: %s: %s\n", file, strerror(errno));
		return 1;
	}
	conf_print_diags(c, stderr);
	if (c->nerrors) {
		conf_free(c);
		return 1;
	}
	return cd_daemon_run(file, c, debug, use_syslog);
}
