// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's side of the control socket (lib/ctlsock.h): connections
 * and `debug crypto` streams, none of which can hold up the event loop.
 * A connection is read and answered as its socket is ready, never waited
 * for: CD_CTL_CONNS of them at once (more wait in the listen backlog),
 * each done within CD_CTL_MS or closed.  A client that says nothing, or
 * reads nothing of a long answer, costs a slot, not the daemon's time.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include "control.h"
#include "ctlsock.h"
#include "daemon_int.h"

/* A connection has this long (ms) to send its request and take the answer. */
#define CD_CTL_MS 1000

void cd_ctl_init(struct cd_daemon *d)
{
	size_t i;

	d->ctl = -1;
	for (i = 0; i < CD_CTL_CONNS; i++)
		d->conns[i].fd = -1;
	for (i = 0; i < CD_DEBUG_STREAMS; i++)
		d->dbg[i] = -1;
}

static void cd_ctl_end(struct cd_ctl_conn *c)
{
	if (c->fd >= 0)
		close(c->fd);
	free(c->out);
	memset(c, 0, sizeof(*c));
	c->fd = -1;
}

/*
 * A line to the streams of its kind (IPSEC(...) lines are `debug crypto
 * ipsec`'s); a stream that cannot take it is ended, not waited for.
 */
void cd_debug_send(struct cd_daemon *d, bool ipsec, const char *text,
		   size_t len)
{
	size_t i;

	for (i = 0; i < CD_DEBUG_STREAMS; i++) {
		if (d->dbg[i] < 0 || d->dbg_ipsec[i] != ipsec)
			continue;
		if (send(d->dbg[i], text, len, MSG_DONTWAIT | MSG_NOSIGNAL) !=
		    (ssize_t)len) {
			close(d->dbg[i]);
			d->dbg[i] = -1;
		}
	}
}

static size_t cd_undebug(struct cd_daemon *d)
{
	size_t i, n = 0;

	for (i = 0; i < CD_DEBUG_STREAMS; i++)
		if (d->dbg[i] >= 0) {
			close(d->dbg[i]);
			d->dbg[i] = -1;
			n++;
		}
	return n;
}

void cd_ctl_close_all(struct cd_daemon *d)
{
	size_t i;

	for (i = 0; i < CD_CTL_CONNS; i++)
		if (d->conns[i].fd >= 0)
			cd_ctl_end(&d->conns[i]);
	cd_undebug(d);
	if (d->ctl >= 0)
		close(d->ctl);
	d->ctl = -1;
}

/* Keeps @fd as a debug stream; false when all slots are taken. */
static bool cd_debug_add(struct cd_daemon *d, int fd, bool ipsec)
{
	size_t i;

	for (i = 0; i < CD_DEBUG_STREAMS; i++)
		if (d->dbg[i] < 0) {
			d->dbg[i] = fd;
			d->dbg_ipsec[i] = ipsec;
			return true;
		}
	return false;
}

static bool cd_debug_full(const struct cd_daemon *d)
{
	size_t i;

	for (i = 0; i < CD_DEBUG_STREAMS; i++)
		if (d->dbg[i] < 0)
			return false;
	return true;
}

/* @c's request is in: its answer goes out from now on. */
static void cd_ctl_answer(struct cd_daemon *d, struct cd_ctl_conn *c)
{
	static const char denied[] = "error permission denied: root only\n";
	enum cd_control_action act = CD_CONTROL_DONE;
	FILE *m;

	m = open_memstream(&c->out, &c->outlen);
	if (!m) {
		cd_ctl_end(c);
		return;
	}
	c->req[c->len] = '\0';
	if (nfsec_ctl_peer_is(c->fd, 0))
		fputs(denied, m);
	else if (!strncmp(c->req, "debug", 5) && cd_debug_full(d))
		fputs("error too many debug streams\n", m);
	else
		act = cd_control_answer(&d->ike, c->req, m);
	if (act == CD_CONTROL_UNDEBUG)
		fprintf(m, "ok\nundebugged\t%zu\n", cd_undebug(d));
	if (fclose(m)) {
		cd_ctl_end(c);
		return;
	}
	c->then = act;
	c->answering = true;
}

/* Reads what @c's client sent; the answer once the line is whole. */
static void cd_ctl_read(struct cd_daemon *d, struct cd_ctl_conn *c)
{
	ssize_t n = recv(c->fd, c->req + c->len, sizeof(c->req) - 1 - c->len,
			 MSG_DONTWAIT);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n < 0 || (n == 0 && !c->len)) {
		cd_ctl_end(c);
		return;
	}
	c->len += (size_t)n;
	/* a line, the client's last word, or all the room there is */
	if (n == 0 || memchr(c->req, '\n', c->len) ||
	    c->len == sizeof(c->req) - 1)
		cd_ctl_answer(d, c);
}

/* Sends what the socket takes of @c's answer; then done or streaming. */
static void cd_ctl_write(struct cd_daemon *d, struct cd_ctl_conn *c)
{
	bool ipsec = c->then == CD_CONTROL_DEBUG_IPSEC;
	ssize_t n;

	n = send(c->fd, c->out + c->sent, c->outlen - c->sent,
		 MSG_DONTWAIT | MSG_NOSIGNAL);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		cd_ctl_end(c);
		return;
	}
	c->sent += (size_t)n;
	if (c->sent < c->outlen)
		return;
	if ((c->then == CD_CONTROL_DEBUG_ISAKMP || ipsec) &&
	    cd_debug_add(d, c->fd, ipsec))
		c->fd = -1; /* the stream's now */
	cd_ctl_end(c);
}

/* New connections, as many as there are free slots for. */
static void cd_ctl_accept(struct cd_daemon *d, uint64_t now)
{
	size_t i;
	int fd;

	for (i = 0; i < CD_CTL_CONNS; i++) {
		if (d->conns[i].fd >= 0)
			continue;
		fd = accept4(d->ctl, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (fd < 0)
			return;
		d->conns[i].fd = fd;
		d->conns[i].until = now + CD_CTL_MS;
	}
}

size_t cd_ctl_pollfds(const struct cd_daemon *d, struct pollfd *p)
{
	bool room = false;
	size_t i, n = 0;

	for (i = 0; i < CD_CTL_CONNS; i++) {
		const struct cd_ctl_conn *c = &d->conns[i];

		room |= c->fd < 0;
		p[n++] = (struct pollfd){ .fd = c->fd,
					  .events = c->answering ? POLLOUT
								 : POLLIN };
	}
	for (i = 0; i < CD_DEBUG_STREAMS; i++)
		p[n++] = (struct pollfd){ .fd = d->dbg[i], .events = POLLIN };
	/* full: the next connections wait in the backlog */
	p[n++] = (struct pollfd){ .fd = room ? d->ctl : -1, .events = POLLIN };
	return n;
}

void cd_ctl_poll(struct cd_daemon *d, const struct pollfd *p, uint64_t now)
{
	size_t i;

	for (i = 0; i < CD_CTL_CONNS; i++) {
		struct cd_ctl_conn *c = &d->conns[i];

		if (c->fd < 0 || p[i].fd != c->fd)
			continue;
		if (p[i].revents & (POLLERR | POLLNVAL))
			cd_ctl_end(c);
		else if (c->answering && (p[i].revents & (POLLOUT | POLLHUP)))
			cd_ctl_write(d, c);
		else if (!c->answering && (p[i].revents & (POLLIN | POLLHUP)))
			cd_ctl_read(d, c);
		if (c->fd >= 0 && now >= c->until)
			cd_ctl_end(
				c); /* too slow: the slot is someone else's */
	}
	p += CD_CTL_CONNS;
	/* a stream's client left (or wrote, which it should not) */
	for (i = 0; i < CD_DEBUG_STREAMS; i++)
		if (d->dbg[i] >= 0 && p[i].fd == d->dbg[i] && p[i].revents) {
			close(d->dbg[i]);
			d->dbg[i] = -1;
		}
	p += CD_DEBUG_STREAMS;
	if (p->revents & POLLIN)
		cd_ctl_accept(d, now);
}

uint64_t cd_ctl_next(const struct cd_daemon *d)
{
	uint64_t next = 0;
	size_t i;

	for (i = 0; i < CD_CTL_CONNS; i++)
		if (d->conns[i].fd >= 0 && (!next || d->conns[i].until < next))
			next = d->conns[i].until;
	return next;
}
