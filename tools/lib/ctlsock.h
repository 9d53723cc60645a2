/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod's control socket, shared by the daemon and cryptoctl.
 *
 * A stream socket in the file system, RUNDIR/cryptod.net-INODE.sock,
 * where INODE names the network namespace (the inode of
 * /proc/thread-self/ns/net), so each namespace has its own cryptod and
 * cryptoctl finds the one of the namespace it runs in.  RUNDIR
 * (/run/nfsec) must be a directory of root's that no one else may write;
 * the socket is mode 0600.  Only root talks to it, both ways: the daemon
 * checks the client's SO_PEERCRED and the client the daemon's, so a
 * socket that is not root's is never believed.  One cryptod per namespace
 * holds an flock on RUNDIR/cryptod.net-INODE.lock, taken before it
 * touches the kernel, so a second one leaves the first one's state alone.
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
#include <sys/types.h>
#include <sys/un.h>

#ifndef NFSEC_RUNDIR
#define NFSEC_RUNDIR "/run/nfsec"
#endif
#define NFSEC_CTL_REQ_MAX 256

struct nfsec_ctl_server {
	int lock, fd; /* -1 when not held */
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
};

/*
 * This namespace's instance lock: 0, -EADDRINUSE when another cryptod
 * holds it, -EPERM when RUNDIR is not root's alone, or -errno.
 */
int nfsec_ctl_lock(struct nfsec_ctl_server *s);
/* Then the listening socket: 0 or -errno. */
int nfsec_ctl_listen(struct nfsec_ctl_server *s);
/* Removes the socket and lets the lock go. */
void nfsec_ctl_close(struct nfsec_ctl_server *s);
/*
 * A connection to this namespace's cryptod, or -errno (-ENOENT or
 * -ECONNREFUSED: none runs; -EPERM: the socket is not root's).
 */
int nfsec_ctl_connect(void);
/* 0 when the peer of @fd runs as @uid, else -EPERM (or -errno). */
int nfsec_ctl_peer_is(int fd, uid_t uid);
/* Sends all of @len bytes; 0 or -errno. */
int nfsec_ctl_write(int fd, const char *buf, size_t len);

#endif /* NFSEC_CTLSOCK_H */
