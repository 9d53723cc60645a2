// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's control socket (see ctlsock.h).
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "ctlsock.h"

static socklen_t nfsec_ctl_addr(struct sockaddr_un *a)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = AF_UNIX;
	/* sun_path[0] stays 0: the abstract namespace */
	memcpy(a->sun_path + 1, NFSEC_CTL_NAME, strlen(NFSEC_CTL_NAME));
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
			   strlen(NFSEC_CTL_NAME));
}

int nfsec_ctl_listen(void)
{
	struct sockaddr_un a;
	socklen_t len = nfsec_ctl_addr(&a);
	int fd, err;

	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&a, len) < 0 || listen(fd, 8) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}

int nfsec_ctl_connect(void)
{
	struct sockaddr_un a;
	socklen_t len = nfsec_ctl_addr(&a);
	int fd, err;

	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (connect(fd, (struct sockaddr *)&a, len) < 0) {
		err = -errno;
		close(fd);
		return err;
	}
	return fd;
}

int nfsec_ctl_peer_root(int fd)
{
	struct ucred cr;
	socklen_t len = sizeof(cr);

	if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cr, &len) < 0)
		return -errno;
	return cr.uid == 0 ? 0 : -EPERM;
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
