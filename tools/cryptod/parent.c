// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's privileged parent (see privsep.h).  It takes the namespace's
 * lock, opens the nfsec netlink sockets, forks the engine into its
 * sandbox and then only answers it: netlink requests of the nfsec family
 * go to the kernel and the replies come back, UDP 500 and the control
 * socket are opened on request, interfaces are looked up, and on SIGHUP
 * the configuration file is opened again and sent.  SIGTERM and SIGINT
 * go on to the engine, which stops as cryptod always stopped, through the
 * parent.  An engine that dies otherwise leaves its SAs with no one to
 * rekey or delete them: the parent deletes them, and the crypto maps stay
 * and drop what they protect.
 */
#include <errno.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "daemon_int.h"
#include "parent.h"
#include "privsep.h"
#include "sandbox.h"

/* After SIGTERM, the engine's time to delete its SAs and tell the peers. */
#define CD_ENGINE_STOP_MS 10000

static volatile sig_atomic_t cd_parent_term, cd_parent_hup;

struct cd_parent {
	const struct cd_run *run;
	struct nfsec_ctl_server ctl;
	struct cd_kernel k; /* nl: the requests; ev goes to the engine */
	int ps; /* our end of the socketpair */
	pid_t engine;
	bool asked; /* the engine has sent netlink requests */
	uint8_t *buf; /* CD_PS_MSG_MAX */
};

static void cd_parent_on_signal(int sig)
{
	if (sig == SIGHUP)
		cd_parent_hup = 1;
	else
		cd_parent_term = 1;
}

static int cd_parent_answer(struct cd_parent *p, uint16_t type, int err,
			    const void *data, size_t len, int fd)
{
	struct cd_ps_hdr h = { .type = type, .err = err };

	return cd_ps_send(p->ps, &h, data, len, fd);
}

/* UDP 500 of @family, taking IPv6 only on an IPv6 socket; fd or -errno. */
static int cd_parent_udp(uint8_t family)
{
	struct sockaddr_storage a;
	union nfsec_ip any = { 0 };
	int one = 1, fd;

	fd = socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	if (family == AF_INET6 &&
	    setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) < 0)
		goto fail_fd;
	if (bind(fd, (struct sockaddr *)&a, cd_sockaddr(family, &any, &a)) < 0)
		goto fail_fd;
	return fd;

fail_fd:
	close(fd);
fail:
	cd_msg(LOG_ERR, "UDP port 500 (IPv%c): %s",
	       family == AF_INET6 ? '6' : '4', strerror(errno));
	return -errno;
}

/* The first address of each family on @ifname (IPv6: not link-local). */
static void cd_parent_addrs(const char *ifname, struct cd_ps_ifinfo *out)
{
	const struct sockaddr_in6 *v6;
	struct ifaddrs *ifa, *i;

	if (getifaddrs(&ifa))
		return;
	for (i = ifa; i; i = i->ifa_next) {
		if (!i->ifa_addr || strcmp(i->ifa_name, ifname))
			continue;
		v6 = (const struct sockaddr_in6 *)i->ifa_addr;
		if (i->ifa_addr->sa_family == AF_INET && !out->has4) {
			memcpy(out->ip4.b,
			       &((struct sockaddr_in *)i->ifa_addr)->sin_addr,
			       4);
			out->has4 = 1;
		} else if (i->ifa_addr->sa_family == AF_INET6 && !out->has6 &&
			   !IN6_IS_ADDR_LINKLOCAL(&v6->sin6_addr)) {
			memcpy(out->ip6.b, &v6->sin6_addr, 16);
			out->has6 = 1;
		}
	}
	freeifaddrs(ifa);
}

/* @len bytes of a name, checked (cd_ps_check()). */
static int cd_parent_ifinfo(struct cd_parent *p, size_t len)
{
	struct cd_ps_ifinfo info = { 0 };
	char name[IFNAMSIZ];

	memcpy(name, p->buf, len);
	name[len] = '\0';
	info.ifindex = if_nametoindex(name);
	if (info.ifindex)
		cd_parent_addrs(name, &info);
	return cd_parent_answer(p, CD_PS_IFINFO, 0, &info, sizeof(info), -1);
}

/* The control socket, listening; the parent keeps it to remove it. */
static int cd_parent_ctl(struct cd_parent *p)
{
	int err = p->ctl.fd >= 0 ? 0 : nfsec_ctl_listen(&p->ctl);

	if (err)
		cd_msg(LOG_ERR, "control socket %s: %s", p->ctl.path,
		       strerror(-err));
	return cd_parent_answer(p, CD_PS_CTL, err, NULL, 0, p->ctl.fd);
}

/* Netlink requests on to the kernel; the replies follow (cd_parent_nl()). */
static int cd_parent_request(struct cd_parent *p, size_t len)
{
	ssize_t n = mnl_socket_sendto(p->k.nl.sock, p->buf, len);
	int err = errno;

	p->asked = true;
	explicit_bzero(p->buf, len); /* a NEW_SA's keys, passed on unread */
	if (n < 0)
		return cd_parent_answer(p, CD_PS_NL, -err, NULL, 0, -1);
	return 0;
}

/* One question from the engine; -errno ends the engine. */
static int cd_parent_question(struct cd_parent *p)
{
	struct cd_ps_hdr h;
	ssize_t n;
	int fd, err;

	n = cd_ps_recv(p->ps, &h, p->buf, CD_PS_MSG_MAX, &fd);
	if (fd >= 0)
		close(fd); /* the engine has nothing to hand us */
	if (n < 0)
		return (int)n;
	if (cd_ps_check(&h, p->buf, (size_t)n, p->k.nl.family_id)) {
		cd_msg(LOG_ERR,
		       "engine: a question the parent does not take (type %u, %zd bytes); stopping it",
		       h.type, n);
		return -EPROTO;
	}
	switch (h.type) {
	case CD_PS_NL:
		return cd_parent_request(p, (size_t)n);
	case CD_PS_UDP:
		fd = cd_parent_udp(p->buf[0]);
		err = cd_parent_answer(p, CD_PS_UDP, fd < 0 ? fd : 0, NULL, 0,
				       fd);
		if (fd >= 0)
			close(fd);
		return err;
	case CD_PS_CTL:
		return cd_parent_ctl(p);
	case CD_PS_IFINFO:
		return cd_parent_ifinfo(p, (size_t)n);
	}
	return -EPROTO; /* cd_ps_check() let no other through */
}

/* The kernel's replies, one receive's worth, on to the engine. */
static int cd_parent_nl(struct cd_parent *p)
{
	ssize_t n =
		mnl_socket_recvfrom(p->k.nl.sock, p->buf, NFSEC_NL_RECV_SIZE);

	if (n < 0)
		return cd_parent_answer(p, CD_PS_NL, -errno, NULL, 0, -1);
	return cd_parent_answer(p, CD_PS_NL, 0, p->buf, (size_t)n, -1);
}

/* SIGHUP: the file again, opened here and read by the engine. */
static void cd_parent_reload(struct cd_parent *p)
{
	int fd = open(p->run->file, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		cd_msg(LOG_ERR,
		       "reload: %s: %s; the running configuration stays",
		       p->run->file, strerror(errno));
		return;
	}
	cd_parent_answer(p, CD_PS_CONF, 0, NULL, 0, fd);
	close(fd);
}

/* Serves the engine until it is gone. */
static void cd_parent_loop(struct cd_parent *p)
{
	struct timespec wait = { .tv_sec = CD_ENGINE_STOP_MS / 1000 };
	bool stopping = false;
	struct pollfd f[2];
	sigset_t none;
	int n;

	sigemptyset(&none);
	for (;;) {
		f[0] = (struct pollfd){ .fd = p->ps, .events = POLLIN };
		f[1] = (struct pollfd){ .fd = mnl_socket_get_fd(p->k.nl.sock),
					.events = POLLIN };
		n = ppoll(f, 2, stopping ? &wait : NULL, &none);
		if (n < 0 && errno != EINTR)
			break;
		if (n == 0 && stopping) {
			cd_msg(LOG_ERR, "engine did not stop; killing it");
			kill(p->engine, SIGKILL);
			break;
		}
		if (cd_parent_term && !stopping) {
			kill(p->engine, SIGTERM);
			stopping = true;
		}
		if (cd_parent_hup) {
			cd_parent_hup = 0;
			cd_parent_reload(p);
		}
		/* an error (ENOBUFS: a reply lost) goes to the engine too */
		if (f[1].revents & (POLLIN | POLLERR))
			cd_parent_nl(p);
		if ((f[0].revents & POLLIN) && cd_parent_question(p) < 0)
			break;
		if (!(f[0].revents & POLLIN) &&
		    (f[0].revents & (POLLHUP | POLLERR)))
			break;
	}
}

/* The engine is gone: how it went, and what that leaves.  Exit status. */
static int cd_parent_reap(struct cd_parent *p)
{
	int status, err;

	kill(p->engine, SIGKILL); /* it answers no more: it ends */
	while (waitpid(p->engine, &status, 0) < 0)
		if (errno != EINTR)
			return 1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFSIGNALED(status))
		cd_msg(LOG_ERR, "engine killed by signal %d (%s)",
		       WTERMSIG(status), strsignal(WTERMSIG(status)));
	if (!p->asked)
		return 1; /* it put nothing in: a bad file, say */
	err = cd_kernel_flush_sas(&p->k);
	if (err)
		cd_msg(LOG_ERR, "deleting the SAs: %s%s%s", strerror(-err),
		       p->k.nl.errmsg[0] ? ": " : "", p->k.nl.errmsg);
	cd_msg(LOG_ERR,
	       "engine ended; %s, the crypto maps stay and drop the traffic they protect (`cryptoctl flush` removes them)",
	       err ? "its SAs may stay" : "its SAs are deleted");
	return 1;
}

/* The lock, netlink, the sandbox's user and root, the file: all or none. */
static int cd_parent_open(struct cd_parent *p, struct cd_sandbox *sb, int *conf)
{
	int err = cd_ctl_lock(&p->ctl);

	if (err)
		return err;
	err = cd_kernel_open(&p->k);
	if (err) {
		cd_msg(LOG_ERR, "nfsec netlink: %s%s", strerror(-err),
		       err == -ENOENT ? " (is nfsec.ko loaded?)" : "");
		goto fail_kernel;
	}
	err = cd_sandbox_prepare(p->run->user, sb);
	if (err)
		goto fail_sandbox;
	*conf = open(p->run->file, O_RDONLY | O_CLOEXEC);
	if (*conf < 0) {
		err = -errno;
		cd_msg(LOG_ERR, "%s: %s", p->run->file, strerror(errno));
		goto fail_sandbox;
	}
	return 0;

fail_sandbox:
	cd_kernel_close(&p->k);
fail_kernel:
	nfsec_ctl_close(&p->ctl);
	return err;
}

/* Both ends room for the largest message (the parent may force it). */
static int cd_parent_pair(int sv[2])
{
	int size = 2 * CD_PS_MSG_MAX, i;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return -errno;
	for (i = 0; i < 2; i++)
		setsockopt(sv[i], SOL_SOCKET, SO_SNDBUFFORCE, &size,
			   sizeof(size));
	return 0;
}

int cd_parent_run(const struct cd_run *run)
{
	struct sigaction sa = { .sa_handler = cd_parent_on_signal };
	struct cd_parent p = { .run = run, .ps = -1 };
	struct cd_sandbox sb;
	sigset_t sigs, old;
	int sv[2], conf, rc;

	/* held back but for ppoll(): none comes between a check and a wait */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGHUP);
	sigprocmask(SIG_BLOCK, &sigs, &old);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	if (run->use_syslog)
		cd_msg_syslog(); /* before the fork: the engine has no /dev/log */
	p.buf = malloc(CD_PS_MSG_MAX);
	if (!p.buf || cd_parent_open(&p, &sb, &conf)) {
		free(p.buf);
		return 1;
	}
	if (cd_parent_pair(sv)) {
		cd_msg(LOG_ERR, "socketpair: %s", strerror(errno));
		rc = 1;
		goto out;
	}
	p.engine = fork();
	if (p.engine == 0) {
		close(sv[0]);
		free(p.buf);
		close(p.ctl.lock);
		sigprocmask(SIG_SETMASK, &old, NULL);
		_exit(cd_engine_run(run, &sb, sv[1], conf, &p.k));
	}
	close(sv[1]);
	close(conf);
	nfsec_nl_close(&p.k.ev); /* the engine's */
	if (p.engine < 0) {
		cd_msg(LOG_ERR, "fork: %s", strerror(errno));
		close(sv[0]);
		rc = 1;
		goto out;
	}
	p.ps = sv[0];
	cd_parent_loop(&p);
	rc = cd_parent_reap(&p);
	close(p.ps);
out:
	cd_kernel_close(&p.k);
	nfsec_ctl_close(&p.ctl);
	free(p.buf);
	return rc;
}
