/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod's control socket, shared by the daemon and cryptoctl.
 *
 * A stream socket in the abstract UNIX namespace, "@nfsec-cryptod": it
 * belongs to the network namespace it was made in, as nfsec's SPD and
 * SAD do, so each namespace has its own cryptod and cryptoctl finds it.
 * Only root may talk to it: the daemon checks SO_PEERCRED.
 *
 * One request per connection: a line of words ("isakmp sa\n").  The
 * answer is "ok\n" followed by tab-separated records, or "error TEXT\n";
 * then the daemon closes, except for "debug ..." which streams log lines
 * until "undebug" or the client leaves.  Records:
 *
 *   sa       DST SRC STATE CONN-ID SLOT ROLE(I|R) LIFE-LEFT(s|-)
 *   policy   PRIO|default ENC KEYBITS HASH AUTH GROUP LIFETIME(s)
 *   cleared  N
 */
#ifndef NFSEC_CTLSOCK_H
#define NFSEC_CTLSOCK_H

#include <stddef.h>

#define NFSEC_CTL_NAME "nfsec-cryptod"
#define NFSEC_CTL_REQ_MAX 256

/* The daemon's listening socket, or -errno (-EADDRINUSE: one runs). */
int nfsec_ctl_listen(void);
/* A connection to this namespace's cryptod, or -errno. */
int nfsec_ctl_connect(void);
/* 0 when the peer of @fd is root, else -EPERM. */
int nfsec_ctl_peer_root(int fd);
/* Sends all of @len bytes; 0 or -errno. */
int nfsec_ctl_write(int fd, const char *buf, size_t len);

#endif /* NFSEC_CTLSOCK_H */
