// SPDX-License-Identifier: GPL-2.0
/*
 * The engine asks cryptod's parent (see engine_ps.h).  Questions are
 * answered in order; a configuration the parent sends unasked (SIGHUP) may
 * come before an answer and is kept for the main loop.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "engine_ps.h"

/* Keeps @fd as the configuration to read next (a newer one wins). */
static void cd_ps_keep_conf(struct cd_ps *ps, int fd)
{
	if (ps->conf_fd >= 0)
		close(ps->conf_fd);
	ps->conf_fd = fd;
}

/*
 * The next message that is not a configuration: its payload into @buf,
 * its descriptor into *@fd.  Payload length or -errno.
 */
static ssize_t cd_ps_next(struct cd_ps *ps, struct cd_ps_hdr *h, void *buf,
			  size_t cap, int *fd)
{
	ssize_t n;

	for (;;) {
		n = cd_ps_recv(ps->fd, h, buf, cap, fd);
		if (n < 0 || h->type != CD_PS_CONF)
			return n;
		cd_ps_keep_conf(ps, *fd);
	}
}

/* Sends a question of @type and waits for its answer. */
static ssize_t cd_ps_ask(struct cd_ps *ps, uint16_t type, const void *q,
			 size_t qlen, void *ans, size_t cap, int *fd)
{
	struct cd_ps_hdr h = { .type = type };
	ssize_t n;
	int err;

	*fd = -1;
	err = cd_ps_send(ps->fd, &h, q, qlen, -1);
	if (err)
		return err;
	n = cd_ps_next(ps, &h, ans, cap, fd);
	if (n < 0)
		return n;
	if (h.type != type) {
		if (*fd >= 0)
			close(*fd);
		*fd = -1;
		return -EPROTO;
	}
	return h.err ? h.err : n;
}

static ssize_t cd_ps_nl_send(void *arg, const void *buf, size_t len)
{
	struct cd_ps *ps = arg;
	struct cd_ps_hdr h = { .type = CD_PS_NL };
	int err = cd_ps_send(ps->fd, &h, buf, len, -1);

	if (err) {
		errno = -err;
		return -1;
	}
	return (ssize_t)len;
}

static ssize_t cd_ps_nl_recv(void *arg, void *buf, size_t len)
{
	struct cd_ps *ps = arg;
	struct cd_ps_hdr h;
	ssize_t n;
	int fd;

	n = cd_ps_next(ps, &h, buf, len, &fd);
	if (fd >= 0)
		close(fd);
	if (n >= 0 && h.type != CD_PS_NL)
		n = -EPROTO;
	else if (n >= 0 && h.err)
		n = h.err;
	if (n < 0) {
		errno = (int)-n;
		return -1;
	}
	return n;
}

void cd_ps_init(struct cd_ps *ps, int fd)
{
	ps->fd = fd;
	ps->conf_fd = -1;
	ps->io = (struct nfsec_nl_io){ .send = cd_ps_nl_send,
				       .recv = cd_ps_nl_recv,
				       .arg = ps };
}

void cd_ps_close(struct cd_ps *ps)
{
	cd_ps_keep_conf(ps, -1);
	if (ps->fd >= 0)
		close(ps->fd);
	ps->fd = -1;
}

/* A question whose answer is a descriptor: it, or -errno. */
static int cd_ps_ask_fd(struct cd_ps *ps, uint16_t type, const void *q,
			size_t qlen)
{
	ssize_t n;
	int fd;

	n = cd_ps_ask(ps, type, q, qlen, NULL, 0, &fd);
	if (n >= 0 && fd < 0)
		n = -EPROTO;
	if (n < 0) {
		if (fd >= 0)
			close(fd);
		return (int)n;
	}
	return fd;
}

int cd_ps_udp(struct cd_ps *ps, uint8_t family)
{
	return cd_ps_ask_fd(ps, CD_PS_UDP, &family, 1);
}

int cd_ps_ctl(struct cd_ps *ps)
{
	return cd_ps_ask_fd(ps, CD_PS_CTL, NULL, 0);
}

int cd_ps_ifinfo(struct cd_ps *ps, const char *name, struct cd_ps_ifinfo *out)
{
	ssize_t n;
	int fd;

	n = cd_ps_ask(ps, CD_PS_IFINFO, name, strlen(name), out, sizeof(*out),
		      &fd);
	if (fd >= 0)
		close(fd);
	if (n >= 0 && n != (ssize_t)sizeof(*out))
		n = -EPROTO;
	return n < 0 ? (int)n : 0;
}

int cd_ps_input(struct cd_ps *ps)
{
	struct cd_ps_hdr h;
	ssize_t n;
	int fd;

	n = cd_ps_recv(ps->fd, &h, NULL, 0, &fd);
	if (n < 0)
		return (int)n;
	if (h.type == CD_PS_CONF && fd >= 0) {
		cd_ps_keep_conf(ps, fd);
		return 0;
	}
	if (fd >= 0)
		close(fd);
	return -EPROTO; /* nothing else comes unasked */
}

int cd_ps_take_conf(struct cd_ps *ps)
{
	int fd = ps->conf_fd;

	ps->conf_fd = -1;
	return fd;
}
