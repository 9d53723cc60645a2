/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod's two processes (privsep.h): the privileged parent (parent.c)
 * and the engine it forks (daemon.c).
 */
#ifndef NFSEC_CD_PARENT_H
#define NFSEC_CD_PARENT_H

#include <stdbool.h>

#include "kernel.h"
#include "sandbox.h"

/* How cryptod was asked to run. */
struct cd_run {
	const char *file; /* the configuration */
	const char *user; /* the engine's */
	bool debug; /* -d: every `debug crypto isakmp` line */
	bool use_syslog; /* -s */
};

/*
 * Runs until SIGTERM or SIGINT, as root: takes the namespace, forks the
 * engine and serves it.  The exit status.
 */
int cd_parent_run(const struct cd_run *run);

/*
 * The engine, in the forked child: @ps its end of the socketpair, @conf
 * the configuration file opened, @k the parent's netlink sockets (the
 * events one it keeps, the requests one it closes).  Enters @sb, reads
 * the file, installs the crypto maps and negotiates.  The exit status.
 */
int cd_engine_run(const struct cd_run *run, const struct cd_sandbox *sb, int ps,
		  int conf, const struct cd_kernel *k);

#endif /* NFSEC_CD_PARENT_H */
