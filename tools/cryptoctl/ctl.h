/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptoctl's shared state and the commands it offers.
 */
#ifndef CRYPTOCTL_CTL_H
#define CRYPTOCTL_CTL_H

#include <stdbool.h>

#include "nl.h"

struct nfsec_nl_batch;

struct ctl {
	bool json;
	bool nl_open;
	struct nfsec_nl nl;
	/* cryptoctl -b: requests queued on the channel once it is open */
	struct nfsec_nl_batch *batch;
};

/*
 * Opens the netlink channel to the module on first use.  Returns 0, or
 * prints why it cannot (module not loaded, ABI mismatch) and returns 1.
 */
int ctl_nl(struct ctl *ctl);

/* Prints "cryptoctl: <what>: <strerror>[: <extack>]" and returns 1. */
int ctl_nl_error(struct ctl *ctl, const char *what, int err);

int ctl_cmd_version(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_status(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_sa(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_policy(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_map(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_flush(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_clear(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_monitor(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_show(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_debug(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_undebug(struct ctl *ctl, int argc, char **argv);

struct ctl_args;
/* The ISAKMP words after "show crypto isakmp" / "clear crypto isakmp". */
int ctl_isakmp_show(struct ctl *ctl, struct ctl_args *a);
int ctl_isakmp_clear(struct ctl *ctl, struct ctl_args *a);

#endif /* CRYPTOCTL_CTL_H */
