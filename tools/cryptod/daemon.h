/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod's running part (daemon.c).
 */
#ifndef NFSEC_CD_DAEMON_H
#define NFSEC_CD_DAEMON_H

#include <stdbool.h>

#include "conf.h"

/*
 * Runs until SIGTERM or SIGINT; the exit status.  Owns @conf (loaded
 * from @file, read again on SIGHUP) and frees it.  @debug logs every
 * `debug crypto isakmp` line, not only failures; @use_syslog logs to
 * syslog (facility daemon; failures at warning, debug lines at debug)
 * rather than stderr.
 */
int cd_daemon_run(const char *file, struct conf *conf, bool debug,
		  bool use_syslog);

#endif /* NFSEC_CD_DAEMON_H */
