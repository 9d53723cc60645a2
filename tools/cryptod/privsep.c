// SPDX-License-Identifier: GPL-2.0
/*
 * The messages between cryptod's parent and engine (see privsep.h).
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "privsep.h"

int cd_ps_send(int sock, const struct cd_ps_hdr *hdr, const void *data,
	       size_t len, int fd)
{
	union {
		struct cmsghdr c;
		char b[CMSG_SPACE(sizeof(int))];
	} cb;
	struct iovec iov[2] = {
		{ .iov_base = (void *)hdr, .iov_len = sizeof(*hdr) },
		{ .iov_base = (void *)data, .iov_len = len },
	};
	struct msghdr m = { .msg_iov = iov, .msg_iovlen = len ? 2 : 1 };
	struct cmsghdr *c;

	if (fd >= 0) {
		memset(&cb, 0, sizeof(cb));
		m.msg_control = cb.b;
		m.msg_controllen = sizeof(cb.b);
		c = CMSG_FIRSTHDR(&m);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	while (sendmsg(sock, &m, MSG_NOSIGNAL) < 0)
		if (errno != EINTR)
			return -errno;
	return 0;
}

/* The descriptor @m carries, or -1; any other is closed. */
static int cd_ps_fd_of(struct msghdr *m)
{
	struct cmsghdr *c;
	int fd = -1, one;

	for (c = CMSG_FIRSTHDR(m); c; c = CMSG_NXTHDR(m, c)) {
		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		/* one each, as cd_ps_send() puts it */
		memcpy(&one, CMSG_DATA(c), sizeof(int));
		if (fd < 0 && c->cmsg_len == CMSG_LEN(sizeof(int)))
			fd = one;
		else
			close(one);
	}
	return fd;
}

ssize_t cd_ps_recv(int sock, struct cd_ps_hdr *hdr, void *buf, size_t cap,
		   int *fd)
{
	union {
		struct cmsghdr c;
		char b[CMSG_SPACE(sizeof(int))];
	} cb;
	struct iovec iov[2] = {
		{ .iov_base = hdr, .iov_len = sizeof(*hdr) },
		{ .iov_base = buf, .iov_len = cap },
	};
	struct msghdr m = { .msg_iov = iov,
			    .msg_iovlen = 2,
			    .msg_control = cb.b,
			    .msg_controllen = sizeof(cb.b) };
	ssize_t n;

	*fd = -1;
	do
		n = recvmsg(sock, &m, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	/* gone, having left some of our messages unread, or not */
	if ((n < 0 && errno == ECONNRESET) || n == 0)
		return -EPIPE;
	if (n < 0)
		return -errno;
	*fd = cd_ps_fd_of(&m);
	if ((m.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) ||
	    (size_t)n < sizeof(*hdr)) {
		if (*fd >= 0)
			close(*fd);
		*fd = -1;
		return (size_t)n < sizeof(*hdr) ? -EBADMSG : -EMSGSIZE;
	}
	return n - (ssize_t)sizeof(*hdr);
}

bool cd_ps_nl_ok(const void *buf, size_t len, uint16_t family)
{
	const uint8_t *p = buf;
	struct nlmsghdr h;
	size_t step;

	if (!len || !family)
		return false;
	while (len) {
		if (len < NLMSG_HDRLEN)
			return false;
		memcpy(&h, p, sizeof(h));
		if (h.nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN ||
		    h.nlmsg_len > len || h.nlmsg_type != family ||
		    !(h.nlmsg_flags & NLM_F_REQUEST))
			return false;
		step = NLMSG_ALIGN(h.nlmsg_len);
		if (step > len)
			step = len; /* the last one needs no padding */
		p += step;
		len -= step;
	}
	return true;
}

int cd_ps_check(const struct cd_ps_hdr *hdr, const uint8_t *p, size_t len,
		uint16_t family)
{
	bool ok = false;

	if (hdr->pad || hdr->err)
		return -EPROTO;
	switch (hdr->type) {
	case CD_PS_NL:
		ok = cd_ps_nl_ok(p, len, family);
		break;
	case CD_PS_UDP:
		ok = len == 1 && (p[0] == AF_INET || p[0] == AF_INET6);
		break;
	case CD_PS_CTL:
		ok = len == 0;
		break;
	case CD_PS_IFINFO: /* a name: no NUL, shorter than IFNAMSIZ */
		ok = len && len < IFNAMSIZ && !memchr(p, '\0', len);
		break;
	}
	return ok ? 0 : -EPROTO;
}
