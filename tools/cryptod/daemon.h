/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod's running part (daemon.c).
 */
#ifndef NFSEC_CD_DAEMON_H
#define NFSEC_CD_DAEMON_H

#include <stdbool.h>

#include "conf.h"

/* Runs until SIGTERM or SIGINT; the exit status. */
int cd_daemon_run(const struct conf *conf, bool debug);

#endif /* NFSEC_CD_DAEMON_H */
