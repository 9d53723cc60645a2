/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside cryptod's running part: what daemon.c and reload.c share.
 */
#ifndef NFSEC_CD_DAEMON_INT_H
#define NFSEC_CD_DAEMON_INT_H

#include <stdbool.h>

#include "ctlsock.h"
#include "daemon.h"
#include "ikev1.h"
#include "kernel.h"

#define CD_DEBUG_STREAMS 4

struct cd_daemon {
	const char *file; /* for SIGHUP */
	const struct conf *conf; /* the running configuration */
	struct conf **confs; /* the running one, and older ones exchanges
			      * under way still point into */
	size_t nconfs;
	struct cd_kernel k;
	int udp, udp6; /* udp6: only with an IPv6 local address */
	struct nfsec_ctl_server ctl; /* the namespace's lock and socket */
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
/* SIGHUP: the file again; a bad one leaves everything as it was. */
void cd_reload(struct cd_daemon *d);
/* Frees (wiping their keys) the older configurations nothing uses now. */
void cd_confs_release(struct cd_daemon *d);

#endif /* NFSEC_CD_DAEMON_INT_H */
