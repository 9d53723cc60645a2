/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside cryptod's engine: what daemon.c, daemon_ctl.c, reload.c and
 * manual.c share (and parent.c, its messages).
 */
#ifndef NFSEC_CD_DAEMON_INT_H
#define NFSEC_CD_DAEMON_INT_H

#include <stdbool.h>

#include <poll.h>
#include <sys/socket.h>

#include "control.h"
#include "ctlsock.h"
#include "engine_ps.h"
#include "ikev1.h"
#include "kernel.h"

#define CD_DEBUG_STREAMS 4
/* Control connections read and answered at once (daemon_ctl.c). */
#define CD_CTL_CONNS 8

struct cd_ctl_conn {
	int fd; /* -1: a free slot */
	uint64_t until; /* closed then, done or not (ms) */
	char req[NFSEC_CTL_REQ_MAX];
	size_t len; /* of req, so far */
	bool answering; /* req is whole; out goes */
	char *out; /* the answer */
	size_t outlen, sent;
	enum cd_control_action then; /* once out has gone */
};

struct cd_daemon {
	const char *file; /* for messages */
	const struct conf *conf; /* the running configuration */
	struct conf **confs; /* the running one, and older ones exchanges
			      * under way still point into */
	size_t nconfs;
	struct cd_kernel k;
	int udp, udp6; /* udp6: only with an IPv6 local address */
	struct cd_ps ps; /* to the parent */
	int ctl; /* the control socket, listening */
	struct cd_ctl_conn conns[CD_CTL_CONNS];
	bool debug;
	struct ikev1_ctx ike; /* holds our local addresses (ikev1_local()) */
	int dbg[CD_DEBUG_STREAMS]; /* `debug crypto ...` clients, or -1 */
	bool dbg_ipsec[CD_DEBUG_STREAMS]; /* that one wants IPSEC lines */
};

/* Does @c put entry MAP SEQ into the kernel (defined, enabled, bound)? */
bool cd_installs(const struct conf *c, const char *map, uint32_t seq);
/* "cryptod: ..." on stderr, or to syslog at @prio without the prefix. */
void cd_msg(int prio, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A failed netlink request, with the kernel's extack text. */
void cd_nl_failed(const struct cd_daemon *d, const char *what, int err);
/*
 * Our address toward @e's peers, or NULL (reported) when we have none of
 * their family.
 */
const union nfsec_ip *cd_local_for(const struct cd_daemon *d,
				   const struct conf_map_entry *e);
/* Installs one bound map's entries (NEW_POLICY replaces), then binds it. */
int cd_install_map(struct cd_daemon *d, const struct conf_iface *f, bool bind);
/*
 * ipsec-manual entries (manual.c).  install: @e's SAs from @c into the
 * kernel, those already there left as they are; 0 or -errno (reported).
 * remove: the SAs @e of @c installed.  same: would @ne of @c install
 * exactly the SAs @oe of @old did (NULL @ne: no)?
 */
int cd_manual_install(struct cd_daemon *d, const struct conf *c,
		      const struct conf_map_entry *e);
void cd_manual_remove(struct cd_daemon *d, const struct conf *c,
		      const struct conf_map_entry *e);
bool cd_manual_same(const struct cd_daemon *d, const struct conf *old,
		    const struct conf_map_entry *oe, const struct conf *c,
		    const struct conf_map_entry *ne);
/* SIGHUP: the file again (@fd); a bad one leaves everything as it was. */
void cd_reload(struct cd_daemon *d, int fd);
/* Frees (wiping their keys) the older configurations nothing uses now. */
void cd_confs_release(struct cd_daemon *d);

/* @ip:500 as a socket address in @out; returns its length. */
socklen_t cd_sockaddr(uint8_t family, const union nfsec_ip *ip,
		      struct sockaddr_storage *out);
/* Interface @name's index, from the parent; 0 when there is none. */
unsigned int cd_ifindex(struct cd_daemon *d, const char *name);
/* This namespace is cryptod's: 0 or -errno (reported).  The parent's. */
int cd_ctl_lock(struct nfsec_ctl_server *s);
/* -s: cd_msg() to syslog from now on. */
void cd_msg_syslog(void);

/*
 * Control connections and debug streams (daemon_ctl.c).  pollfds fills
 * CD_CTL_CONNS + CD_DEBUG_STREAMS + 1 entries of @p (the listening socket
 * last, or -1 while every slot is taken); poll takes their revents;
 * next is the earliest deadline of a connection (ms), or 0.
 */
void cd_ctl_init(struct cd_daemon *d);
size_t cd_ctl_pollfds(const struct cd_daemon *d, struct pollfd *p);
void cd_ctl_poll(struct cd_daemon *d, const struct pollfd *p, uint64_t now);
uint64_t cd_ctl_next(const struct cd_daemon *d);
void cd_ctl_close_all(struct cd_daemon *d);
/* A log line to the `debug crypto` streams of its kind. */
void cd_debug_send(struct cd_daemon *d, bool ipsec, const char *text,
		   size_t len);

#endif /* NFSEC_CD_DAEMON_INT_H */
