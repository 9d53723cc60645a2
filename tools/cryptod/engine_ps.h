/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The engine's side of cryptod's privilege separation (privsep.h): what it
 * asks the parent for, and the configuration the parent sends on SIGHUP.
 * One question at a time: never from a netlink callback, whose request's
 * replies are still coming through the same socket.
 */
#ifndef NFSEC_CD_ENGINE_PS_H
#define NFSEC_CD_ENGINE_PS_H

#include "nl.h"
#include "privsep.h"

struct cd_ps {
	int fd; /* to the parent */
	int conf_fd; /* a configuration sent but not yet read, or -1 */
	struct nfsec_nl_io io; /* netlink requests, through the parent */
};

/* @fd: the engine's end of the socketpair. */
void cd_ps_init(struct cd_ps *ps, int fd);
void cd_ps_close(struct cd_ps *ps);

/* UDP port 500 of @family, bound by the parent: fd or -errno. */
int cd_ps_udp(struct cd_ps *ps, uint8_t family);
/* The namespace's control socket, listening: fd or -errno. */
int cd_ps_ctl(struct cd_ps *ps);
/* What the parent sees of interface @name: 0 or -errno. */
int cd_ps_ifinfo(struct cd_ps *ps, const char *name, struct cd_ps_ifinfo *out);

/*
 * The parent's socket is readable: takes what it sent unasked.  0, or
 * -EPIPE when the parent is gone (or -errno).
 */
int cd_ps_input(struct cd_ps *ps);
/* A configuration the parent sent (an fd to read it from), or -1. */
int cd_ps_take_conf(struct cd_ps *ps);

#endif /* NFSEC_CD_ENGINE_PS_H */
