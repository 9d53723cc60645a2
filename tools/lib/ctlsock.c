// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's control socket (see ctlsock.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "ctlsock.h"

/* RUNDIR/cryptod.net-INODE.@ext for the calling thread's namespace. */
static int nfsec_ctl_path(char *buf, size_t len, const char *ext)
{
	struct stat st;
	int n;

	if (stat("/proc/thread-self/ns/net", &st) < 0)
		return -errno;
	n = snprintf(buf, len, NFSEC_RUNDIR "/cryptod.net-%llu.%s",
		     (unsigned long long)st.st_ino, ext);
	return n > 0 && (size_t)n < len ? 0 : -ENAMETOOLONG;
}

/* RUNDIR, made if missing; -EPERM unless it is ours and only ours. */
static int nfsec_ctl_rundir(void)
{
	struct stat st;

	if (mkdir(NFSEC_RUNDIR, 0755) < 0 && errno != EEXIST)
		return -errno;
	if (lstat(NFSEC_RUNDIR, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & (S_IWGRP | S_IWOTH)))
		return -EPERM;
	return 0;
}

int nfsec_ctl_lock(struct nfsec_ctl_server *s)
{
	char lock[sizeof(s->path)];
	int err;

	s->lock = s->fd = -1;
	s->path[0] = '\0';
	err = nfsec_ctl_rundir() ?: nfsec_ctl_path(lock, sizeof(lock), "lock");
	if (err)
		return err;
	s->lock = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (s->lock < 0)
		return -errno;
	if (flock(s->lock, LOCK_EX | LOCK_NB) < 0) {
		err = errno == EWOULDBLOCK ? -EADDRINUSE : -errno;
		close(s->lock);
		s->lock = -1;
		return err;
	}
	return 0;
}

int nfsec_ctl_listen(struct nfsec_ctl_server *s)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	mode_t old;
	int err;

	err = nfsec_ctl_path(s->path, sizeof(s->path), "sock");
	if (err)
		return err;
	memcpy(a.sun_path, s->path, strlen(s->path));
	/* a socket left by a cryptod that died: the lock says it is gone */
	if (unlink(s->path) < 0 && errno != ENOENT)
		return -errno;
	s->fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (s->fd < 0)
		return -errno;
	old = umask(0177); /* born 0600: no moment when others may connect */
	err = bind(s->fd, (struct sockaddr *)&a, sizeof(a));
	umask(old);
	if (err < 0 || listen(s->fd, 8) < 0) {
		err = -errno;
		close(s->fd);
		s->fd = -1;
		return err;
	}
	return 0;
}

void nfsec_ctl_close(struct nfsec_ctl_server *s)
{
	if (s->fd >= 0) {
		unlink(s->path);
		close(s->fd);
	}
	/* the lock file stays: removing it would let two lock at once */
	if (s->lock >= 0)
		close(s->lock);
	s->fd = s->lock = -1;
}

int nfsec_ctl_connect(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd, err;

	err = nfsec_ctl_path(a.sun_path, sizeof(a.sun_path), "sock");
	if (err)
		return err;
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
		err = -errno;
	else
		err = nfsec_ctl_peer_is(fd, 0); /* cryptod runs as root */
	if (err) {
		close(fd);
		return err;
	}
	return fd;
}

int nfsec_ctl_peer_is(int fd, uid_t uid)
{
	struct ucred cr;
	socklen_t len = sizeof(cr);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) < 0)
		return -errno;
	return cr.uid == uid ? 0 : -EPERM;
}

int nfsec_ctl_write(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = send(fd, buf, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -errno : -EPIPE;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}
