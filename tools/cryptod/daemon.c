// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's engine (privsep.h): installs the crypto maps bound to
 * interfaces, answers and starts IKEv1 negotiations on UDP port 500, and
 * installs the SAs they produce, all through the parent, in its sandbox.
 * One local address per family: the local-address interface's, or the
 * first one of the first bound interface that has one.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <syslog.h>

#include "ctlsock.h"
#include "daemon_int.h"
#include "kernel.h"
#include "kernel_map.h"
#include "parent.h"
#include "sandbox.h"

static volatile sig_atomic_t cd_stop;
static bool cd_syslog; /* -s: syslog, not stderr */

void cd_msg(int prio, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (cd_syslog) {
		vsyslog(prio, fmt, ap);
	} else {
		fputs("cryptod: ", stderr);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
	va_end(ap);
}

void cd_msg_syslog(void)
{
	/* connected now: the engine's root has no /dev/log */
	openlog("cryptod", LOG_PID | LOG_NDELAY, LOG_DAEMON);
	cd_syslog = true;
}

static void cd_on_signal(int sig)
{
	(void)sig;
	cd_stop = 1;
}

static struct cd_daemon *cd_of(struct ikev1_ctx *ctx)
{
	return (struct cd_daemon *)ctx->priv;
}

socklen_t cd_sockaddr(uint8_t family, const union nfsec_ip *ip,
		      struct sockaddr_storage *out)
{
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)out;
	struct sockaddr_in *v4 = (struct sockaddr_in *)out;

	memset(out, 0, sizeof(*out));
	if (family == AF_INET6) {
		v6->sin6_family = AF_INET6;
		v6->sin6_port = htons(500);
		memcpy(&v6->sin6_addr, ip->b, 16);
		return sizeof(*v6);
	}
	v4->sin_family = AF_INET;
	v4->sin_port = htons(500);
	memcpy(&v4->sin_addr, ip->b, 4);
	return sizeof(*v4);
}

/* @m's one control message: @len bytes of @data as (@level, @type). */
static void cd_cmsg(struct msghdr *m, int level, int type, const void *data,
		    size_t len)
{
	struct cmsghdr *c = CMSG_FIRSTHDR(m);

	c->cmsg_level = level;
	c->cmsg_type = type;
	c->cmsg_len = CMSG_LEN(len);
	memcpy(CMSG_DATA(c), data, len);
	m->msg_controllen = CMSG_SPACE(len);
}

/* The control message in @m that makes @sa's local address the source. */
static void cd_pktinfo(const struct ikev1_sa *sa, struct msghdr *m)
{
	struct in6_pktinfo pi6 = { 0 };
	struct in_pktinfo pi = { 0 };

	if (sa->family == AF_INET6) {
		memcpy(&pi6.ipi6_addr, sa->local.b, 16);
		cd_cmsg(m, IPPROTO_IPV6, IPV6_PKTINFO, &pi6, sizeof(pi6));
	} else {
		memcpy(&pi.ipi_spec_dst, sa->local.b, 4);
		cd_cmsg(m, IPPROTO_IP, IP_PKTINFO, &pi, sizeof(pi));
	}
}

/*
 * From our local address, whatever the route to the peer would pick: the
 * peer keys us by it, and it is our end of the SAs.  A peer reached over an
 * unnumbered link would otherwise see that link's preferred source.
 */
static int cd_send(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		   const uint8_t *buf, size_t len)
{
	struct cd_daemon *d = cd_of(ctx);
	struct sockaddr_storage to;
	union {
		struct cmsghdr c;
		uint8_t b[CMSG_SPACE(sizeof(struct in6_pktinfo))];
	} cb;
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr m = { .msg_name = &to,
			    .msg_iov = &iov,
			    .msg_iovlen = 1,
			    .msg_control = cb.b,
			    .msg_controllen = sizeof(cb.b) };
	int fd = sa->family == AF_INET6 ? d->udp6 : d->udp;

	m.msg_namelen = cd_sockaddr(sa->family, &sa->peer, &to);
	memset(&cb, 0, sizeof(cb));
	cd_pktinfo(sa, &m);
	if (sendmsg(fd, &m, 0) < 0)
		return -errno;
	return 0;
}

static int cd_spi(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		  uint8_t proto, uint8_t *spi)
{
	struct cd_daemon *d = cd_of(ctx);
	uint32_t v;
	int err;

	err = cd_kernel_spi(&d->k, proto, sa->family, &sa->peer, &sa->local,
			    &v);
	if (err)
		return err;
	v = htonl(v);
	memcpy(spi, &v, 4);
	return 0;
}

const union nfsec_ip *cd_local_for(const struct cd_daemon *d,
				   const struct conf_map_entry *e)
{
	const struct conf *c = d->conf;
	uint8_t f = e->npeers ? e->peers[0].family : AF_INET;
	const union nfsec_ip *l = ikev1_local(&d->ike, f);

	if (l)
		return l;
	if (c->local.ifname[0])
		cd_msg(LOG_ERR,
		       "crypto map %s %u: no IPv%c address on %s (local-address)",
		       e->map, e->seq, f == AF_INET6 ? '6' : '4',
		       c->local.name);
	else
		cd_msg(LOG_ERR,
		       "crypto map %s %u: no IPv%c address on an interface with a crypto map",
		       e->map, e->seq, f == AF_INET6 ? '6' : '4');
	return NULL;
}

void cd_nl_failed(const struct cd_daemon *d, const char *what, int err)
{
	cd_msg(LOG_ERR, "%s: %s%s%s", what, strerror(-err),
	       d->k.nl.errmsg[0] ? ": " : "", d->k.nl.errmsg);
}

/*
 * Entry @e into the kernel (NEW_POLICY replaces), through @tset, toward
 * @peer (NULL: the entry's current one).
 */
static int cd_put_entry(struct cd_daemon *d, const struct conf_map_entry *e,
			const struct conf_tset *tset,
			const struct conf_peer *peer)
{
	const union nfsec_ip *local = cd_local_for(d, e);
	struct nfsec_entry_info ei;
	int err;

	if (!local) {
		d->k.nl.errmsg[0] = '\0'; /* not the kernel's refusal */
		return -EADDRNOTAVAIL;
	}
	err = cd_entry_info(d->conf, e, tset, local,
			    peer ? peer : ikev1_entry_peer(&d->ike, e), &ei);
	if (err)
		return err;
	err = cd_kernel_policy(&d->k, &ei);
	nfsec_entry_free(&ei);
	return err;
}

/*
 * The entry takes the negotiated set's protocols and mode, then the SAs.
 * The responder's second step (outbound only) finds the entry set already.
 */
static int cd_install(struct ikev1_ctx *ctx, const struct ikev1_child *ch)
{
	struct cd_daemon *d = cd_of(ctx);
	struct nfsec_sa_info sas[4];
	size_t n, i;
	int err = 0;

	/* the entry goes toward the pair's peer: failover's current one */
	if (ch->dirs & IKEV1_DIR_IN) {
		struct conf_peer peer = { .family = ch->family,
					  .addr = ch->peer };

		err = cd_put_entry(d, ch->entry, ch->tset, &peer);
	}
	n = cd_child_sas(ch, sas);
	for (i = 0; i < n; i++) {
		if (!err)
			err = cd_kernel_sa(&d->k, &sas[i]);
		nfsec_sa_wipe(&sas[i]);
	}
	if (err)
		cd_nl_failed(d, "installing SAs", err);
	return err;
}

static int cd_del_sa(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		     uint32_t spi, const union nfsec_ip *dst)
{
	struct cd_daemon *d = cd_of(ctx);
	int err = cd_kernel_del_sa(&d->k, proto, spi, family, dst);

	return err == -ENOENT ? 0 : err; /* the one the kernel dropped */
}

/*
 * The syslog priority of an IOS event line, "%CRYPTO-5-..." (severities
 * are syslog's), or -1 for any other line.
 */
static int cd_event_priority(const char *line)
{
	if (strncmp(line, "%CRYPTO-", 8) || line[8] < '0' || line[8] > '7' ||
	    line[9] != '-')
		return -1;
	return line[8] - '0';
}

static void cd_log(struct ikev1_ctx *ctx, unsigned int conn_id,
		   const char *line)
{
	struct cd_daemon *d = cd_of(ctx);
	bool ipsec = !strncmp(line, "IPSEC", 5), failure;
	char text[600];
	int n, event;

	if (line[0] == '%')
		n = snprintf(text, sizeof(text), "%s\n", line);
	else if (conn_id)
		n = snprintf(text, sizeof(text), "ISAKMP (%u): %s\n", conn_id,
			     line);
	else
		n = snprintf(text, sizeof(text), "%s%s\n",
			     ipsec ? "" : "ISAKMP: ", line);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(text)) { /* cut, but still one line */
		n = (int)sizeof(text) - 1;
		text[n - 1] = '\n';
	}
	cd_debug_send(d, ipsec, text, (size_t)n);
	/* failures and events always; the rest with -d (debug crypto isakmp) */
	failure = !strcmp(line, ctx->failure);
	event = cd_event_priority(line);
	if (!d->debug && !failure && event < 0)
		return;
	if (cd_syslog)
		syslog(event >= 0 ? event
		       : failure  ? LOG_WARNING
				  : LOG_DEBUG,
		       "%.*s", n - 1, text);
	else
		fputs(text, stderr);
}

static const struct ikev1_ops cd_ops = {
	.send = cd_send,
	.spi_alloc = cd_spi,
	.install = cd_install,
	.del_sa = cd_del_sa,
	.log = cd_log,
};

unsigned int cd_ifindex(struct cd_daemon *d, const char *name)
{
	struct cd_ps_ifinfo info;

	return cd_ps_ifinfo(&d->ps, name, &info) ? 0 : info.ifindex;
}

int cd_install_map(struct cd_daemon *d, const struct conf_iface *f, bool bind)
{
	const struct conf *c = d->conf;
	unsigned int ifindex = cd_ifindex(d, f->ifname);
	size_t i;
	int err;

	if (!ifindex) {
		cd_msg(LOG_ERR, "interface %s (%s) does not exist", f->name,
		       f->ifname);
		return -ENODEV;
	}
	for (i = 0; i < c->nentries; i++) {
		const struct conf_map_entry *e = &c->entries[i];

		if (strcmp(e->map, f->map) || e->disabled)
			continue;
		err = cd_put_entry(d, e, conf_tset_find(c, e->tsets[0]), NULL);
		if (err) {
			cd_nl_failed(d, "installing a crypto map entry", err);
			return err;
		}
		err = e->manual ? cd_manual_install(d, c, e) : 0;
		if (err)
			return err;
	}
	err = bind ? cd_kernel_bind(&d->k, f->map, ifindex) : 0;
	if (err)
		cd_nl_failed(d, "binding a crypto map", err);
	return err;
}

/*
 * Our local addresses, one per family: the local-address interface's, or
 * else the first of that family on the bound interfaces, in their order.
 * An entry whose peer's family has none is refused when it goes in.
 */
static void cd_take_locals(struct cd_daemon *d, const struct cd_ps_ifinfo *in)
{
	if (in->has4 && !ikev1_local(&d->ike, AF_INET))
		ikev1_set_local(&d->ike, AF_INET, &in->ip4);
	if (in->has6 && !ikev1_local(&d->ike, AF_INET6))
		ikev1_set_local(&d->ike, AF_INET6, &in->ip6);
}

static void cd_find_locals(struct cd_daemon *d)
{
	const struct conf *c = d->conf;
	struct cd_ps_ifinfo in;
	size_t i;

	if (c->local.ifname[0]) {
		if (!cd_ps_ifinfo(&d->ps, c->local.ifname, &in))
			cd_take_locals(d, &in);
		return;
	}
	for (i = 0; i < c->nifaces && !(ikev1_local(&d->ike, AF_INET) &&
					ikev1_local(&d->ike, AF_INET6));
	     i++)
		if (c->ifaces[i].map[0] &&
		    !cd_ps_ifinfo(&d->ps, c->ifaces[i].ifname, &in))
			cd_take_locals(d, &in);
}

/* An entry (map, seq) or a binding (ifindex) our configuration lacks. */
struct cd_stale_one {
	char map[NFSEC_MAP_NAME_MAX];
	uint32_t seq, ifindex;
};

struct cd_stale {
	const struct conf *c;
	struct cd_stale_one *v;
	size_t n, cap;
};

static int cd_stale_add(struct cd_stale *s, const char *map, uint32_t seq,
			uint32_t ifindex)
{
	struct cd_stale_one *v = s->v;

	if (s->n == s->cap) {
		v = realloc(s->v, (s->cap * 2 + 16) * sizeof(*v));
		if (!v)
			return -ENOMEM;
		s->v = v;
		s->cap = s->cap * 2 + 16;
	}
	snprintf(v[s->n].map, sizeof(v[s->n].map), "%s", map);
	v[s->n].seq = seq;
	v[s->n++].ifindex = ifindex;
	return 0;
}

static int cd_stale_entry(const struct nfsec_entry_info *e, void *data)
{
	struct cd_stale *s = data;

	return cd_installs(s->c, e->map, e->seq)
		       ? 0
		       : cd_stale_add(s, e->map, e->seq, 0);
}

/* Every binding: which are ours is asked after the dump (cd_prune()). */
static int cd_stale_binding(const struct nfsec_binding_info *b, void *data)
{
	return cd_stale_add(data, b->map, 0, b->ifindex);
}

/*
 * Is @ifindex in @ours, the indexes of the interfaces our configuration
 * binds a map to (0 for the others)?
 */
static bool cd_binds(const uint32_t *ours, size_t n, uint32_t ifindex)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ours[i] == ifindex)
			return true;
	return false;
}

static void cd_stale_reset(void *data)
{
	((struct cd_stale *)data)->n = 0;
}

/*
 * A cryptod that died or was stopped left its crypto maps (so that what
 * they protect stayed dropped); ours are in now, and what is not ours
 * goes: bindings first, so no interface is left with a map half gone.
 */
static void cd_prune(struct cd_daemon *d)
{
	struct cd_stale b = { .c = d->conf }, e = { .c = d->conf };
	const struct conf *c = d->conf;
	uint32_t *ours = calloc(c->nifaces + 1, sizeof(*ours));
	size_t i;

	/*
	 * each interface asked of the parent once, not once per binding, and
	 * before the dumps: it answers in turn, never from inside one
	 */
	for (i = 0; ours && i < c->nifaces; i++)
		if (c->ifaces[i].map[0])
			ours[i] = cd_ifindex(d, c->ifaces[i].ifname);

	/* each its own list: a dump that starts over resets its list */
	if (!ours ||
	    nfsec_binding_dump(&d->k.nl, cd_stale_binding, cd_stale_reset,
			       &b) ||
	    nfsec_entry_dump(&d->k.nl, NULL, cd_stale_entry, cd_stale_reset,
			     &e)) {
		cd_msg(LOG_WARNING,
		       "cannot list the kernel's crypto maps; stale entries may stay");
	} else {
		for (i = 0; i < b.n; i++)
			if (!cd_binds(ours, c->nifaces, b.v[i].ifindex))
				cd_kernel_unbind(&d->k, b.v[i].ifindex);
		for (i = 0; i < e.n; i++)
			cd_kernel_del_policy(&d->k, e.v[i].map, e.v[i].seq);
	}
	free(ours);
	free(b.v);
	free(e.v);
}

static int cd_setup(struct cd_daemon *d)
{
	const struct conf *c = d->conf;
	size_t i;
	int err = 0;

	cd_find_locals(d);
	/* SAs left by an earlier run: no IKE state of ours knows them */
	err = cd_kernel_flush_sas(&d->k);
	if (err)
		cd_nl_failed(d, "deleting stale SAs", err);
	for (i = 0; !err && i < c->nifaces; i++)
		if (c->ifaces[i].map[0])
			err = cd_install_map(d, &c->ifaces[i], true);
	if (!err)
		cd_prune(d);
	return err;
}

/* IPv4's socket always; IPv6's when we have an IPv6 address to use. */
static int cd_udp_open(struct cd_daemon *d)
{
	d->udp = cd_ps_udp(&d->ps, AF_INET);
	if (d->udp < 0)
		return d->udp;
	if (!ikev1_local(&d->ike, AF_INET6))
		return 0;
	d->udp6 = cd_ps_udp(&d->ps, AF_INET6);
	return d->udp6 < 0 ? d->udp6 : 0;
}

/* The control socket, from the parent (who made it, as root). */
static int cd_ctl_open(struct cd_daemon *d)
{
	d->ctl = cd_ps_ctl(&d->ps);
	return d->ctl < 0 ? d->ctl : 0;
}

static void cd_acquire(void *arg, const char *map, uint32_t seq,
		       const struct nfsec_sel *flow)
{
	struct cd_daemon *d = arg;
	const struct conf_map_entry *e = NULL;
	const struct conf_acl_rule *r;
	size_t i;
	int err;

	for (i = 0; i < d->conf->nentries && !e; i++)
		if (!strcmp(d->conf->entries[i].map, map) &&
		    d->conf->entries[i].seq == seq)
			e = &d->conf->entries[i];
	r = e ? ikev1_acl_rule_for(d->conf, e, flow) : NULL;
	if (!r)
		return; /* not a map of ours, or not a permit line */
	/*
	 * The module raises ACQUIRE at most once a second per entry; one
	 * raised while we were installing SAs arrives after them: stale.
	 */
	if (cd_kernel_has_out_sa(&d->k, map, seq) == 1)
		return;
	/* IOS re-creates manual SAs that were cleared */
	if (e->manual) {
		cd_manual_install(d, d->conf, e);
		return;
	}
	err = ikev1_initiate(&d->ike, e, &r->sel);
	if (err && err != -EINPROGRESS)
		cd_msg(LOG_WARNING, "cannot negotiate for %s %u: %s", map, seq,
		       strerror(-err));
}

static void cd_sa_gone(void *arg, const struct nfsec_sa_info *sa)
{
	struct cd_daemon *d = arg;

	ikev1_sa_gone(&d->ike, sa->proto, sa->family, sa->spi, &sa->dst);
}

static void cd_sa_soft(void *arg, const struct nfsec_sa_info *sa)
{
	struct cd_daemon *d = arg;

	ikev1_sa_soft(&d->ike, sa->proto, sa->family, sa->spi, &sa->dst);
}

/*
 * Datagrams taken from a UDP socket per wake-up, at most: all that queued
 * (a peer's message must not wait behind a flood for one poll() each),
 * yet kernel events and the control socket still get their turn.
 */
#define CD_UDP_BURST 64

/* One datagram from @fd, without waiting; false when none was queued. */
static bool cd_udp_one(struct cd_daemon *d, int fd)
{
	static uint8_t buf[ISAKMP_MSG_MAX];
	struct sockaddr_storage from;
	const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)&from;
	const struct sockaddr_in *v4 = (const struct sockaddr_in *)&from;
	socklen_t flen = sizeof(from);
	union nfsec_ip peer = { 0 };
	ssize_t n;

	n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT,
		     (struct sockaddr *)&from, &flen);
	if (n < 0)
		return errno == EINTR;
	if (!n)
		return true; /* an empty datagram: nothing to read in it */
	if (from.ss_family == AF_INET && ntohs(v4->sin_port) == 500)
		memcpy(peer.b, &v4->sin_addr, 4);
	else if (from.ss_family == AF_INET6 && ntohs(v6->sin6_port) == 500)
		memcpy(peer.b, &v6->sin6_addr, 16);
	else
		return true;
	ikev1_input(&d->ike, (uint8_t)from.ss_family, &peer, buf, (size_t)n);
	return true;
}

static void cd_udp_input(struct cd_daemon *d, int fd)
{
	int i;

	for (i = 0; i < CD_UDP_BURST && cd_udp_one(d, fd); i++)
		;
}

static uint64_t cd_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Ticks the engine; how long poll() may wait for its next deadline. */
static int cd_tick(struct cd_daemon *d)
{
	uint64_t now = cd_now_ms(), next = ikev1_tick(&d->ike, now),
		 ctl = cd_ctl_next(d);

	if (d->nconfs > 1)
		cd_confs_release(d);
	if (ctl && (!next || ctl < next))
		next = ctl;
	if (!next || next > now + 1000)
		return 1000;
	return next > now ? (int)(next - now) : 0;
}

enum {
	CD_FD_UDP,
	CD_FD_UDP6,
	CD_FD_EVENTS,
	CD_FD_PARENT,
	CD_FD_CTL, /* and on: cd_ctl_pollfds() */
	CD_FDS = CD_FD_CTL + CD_CTL_CONNS + CD_DEBUG_STREAMS + 1
};

/*
 * What the parent sent unasked: a configuration to load.  False when the
 * parent is gone: nothing reaches the kernel any more.
 */
static bool cd_parent_input(struct cd_daemon *d)
{
	int err = cd_ps_input(&d->ps);

	if (err)
		cd_msg(LOG_ERR, "engine: the parent is gone (%s); stopping",
		       strerror(-err));
	return !err;
}

/*
 * A configuration the parent sent, whether it came on its own or while
 * the engine waited for an answer (engine_ps.c keeps it then).
 */
static void cd_reload_pending(struct cd_daemon *d)
{
	int fd = cd_ps_take_conf(&d->ps);

	if (fd >= 0)
		cd_reload(d, fd);
}

/*
 * Stopping: the SAs go (no one will rekey them), and the peers hear it:
 * the kernel's DEL_SA events make the engine send Deletes for the pairs,
 * then each ISAKMP SA is deleted with a Delete.  The crypto maps stay, so
 * what they protect is dropped until cryptod runs again (or `cryptoctl
 * flush` removes them), never sent in the clear.
 */
static void cd_shutdown(struct cd_daemon *d)
{
	const struct cd_events ev = { .gone = cd_sa_gone, .arg = d };
	struct pollfd p = { .fd = cd_kernel_event_fd(&d->k), .events = POLLIN };
	int i, err;

	err = cd_kernel_flush_sas(&d->k);
	if (err)
		cd_nl_failed(d, "deleting the SAs", err);
	for (i = 0; !err && i < 1000 && poll(&p, 1, 100) > 0; i++)
		if (cd_kernel_events(&d->k, &ev))
			break;
	ikev1_clear(&d->ike, 0);
}

/* Until SIGTERM: false when the parent went first. */
static bool cd_loop(struct cd_daemon *d)
{
	const struct cd_events ev = { .acquire = cd_acquire,
				      .gone = cd_sa_gone,
				      .soft = cd_sa_soft,
				      .arg = d };
	struct pollfd p[CD_FDS];
	int timeout = 1000;

	while (!cd_stop) {
		p[CD_FD_UDP] =
			(struct pollfd){ .fd = d->udp, .events = POLLIN };
		p[CD_FD_UDP6] =
			(struct pollfd){ .fd = d->udp6, .events = POLLIN };
		p[CD_FD_EVENTS] =
			(struct pollfd){ .fd = cd_kernel_event_fd(&d->k),
					 .events = POLLIN };
		p[CD_FD_PARENT] =
			(struct pollfd){ .fd = d->ps.fd, .events = POLLIN };
		cd_ctl_pollfds(d, p + CD_FD_CTL);
		if (poll(p, CD_FDS, timeout) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		cd_tick(d); /* what input and ACQUIRE send is timed from now */
		if (p[CD_FD_PARENT].revents && !cd_parent_input(d))
			return false;
		if (p[CD_FD_UDP].revents & POLLIN)
			cd_udp_input(d, d->udp);
		if (p[CD_FD_UDP6].revents & POLLIN)
			cd_udp_input(d, d->udp6);
		if (p[CD_FD_EVENTS].revents & POLLIN)
			cd_kernel_events(&d->k, &ev);
		cd_ctl_poll(d, p + CD_FD_CTL, cd_now_ms());
		cd_reload_pending(d);
		timeout = cd_tick(d);
	}
	return true;
}

int cd_ctl_lock(struct nfsec_ctl_server *s)
{
	int err = nfsec_ctl_lock(s);

	if (err == -EADDRINUSE)
		cd_msg(LOG_ERR,
		       "another cryptod runs in this network namespace");
	else if (err == -EPERM)
		cd_msg(LOG_ERR,
		       "%s must be a directory of root's that no one else can write",
		       NFSEC_RUNDIR);
	else if (err)
		cd_msg(LOG_ERR, "%s: %s", NFSEC_RUNDIR, strerror(-err));
	return err;
}

/*
 * The engine's first steps: SIGTERM and SIGINT stop it, SIGHUP is the
 * parent's; netlink requests go through the parent; then the sandbox,
 * and only then the configuration is read.  NULL (reported) on failure.
 */
static struct conf *cd_engine_enter(struct cd_daemon *d,
				    const struct cd_run *run,
				    const struct cd_sandbox *sb, int conf)
{
	struct sigaction sa = { .sa_handler = cd_on_signal };
	struct conf *c;

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGHUP, SIG_IGN);
	nfsec_nl_use_io(&d->k.nl, &d->ps.io);
	if (cd_sandbox_enter(sb)) {
		close(conf);
		return NULL;
	}
	c = conf_load_fd(run->file, conf);
	if (!c) {
		cd_msg(LOG_ERR, "%s: %s", run->file, strerror(errno));
		return NULL;
	}
	conf_print_diags(c, stderr);
	if (c->nerrors) {
		conf_free(c);
		return NULL;
	}
	return c;
}

int cd_engine_run(const struct cd_run *run, const struct cd_sandbox *sb, int ps,
		  int conf_fd, const struct cd_kernel *k)
{
	/*
	 * Static, so all zero without a memset: the engine's SA tables are
	 * touched only where used (see ikev1_init()).  Run once per process.
	 */
	static struct cd_daemon d;
	struct conf *conf;
	bool parent = true;
	size_t i;
	int err;

	d.k = *k;
	d.file = run->file;
	d.debug = run->debug;
	d.udp = -1;
	d.udp6 = -1;
	cd_ps_init(&d.ps, ps);
	cd_ctl_init(&d);
	conf = cd_engine_enter(&d, run, sb, conf_fd);
	d.confs = conf ? malloc(sizeof(*d.confs)) : NULL;
	if (!d.confs) {
		if (conf)
			conf_free(conf);
		cd_kernel_close(&d.k);
		cd_ps_close(&d.ps);
		return 1;
	}
	d.conf = conf;
	d.confs[d.nconfs++] = conf;
	ikev1_init(&d.ike, conf, &cd_ops);
	d.ike.priv = &d;
	/*
	 * The crypto maps go in first: what follows can fail for reasons
	 * outside our control (a socket taken by another program), and then
	 * the maps stay and the traffic they protect is dropped rather than
	 * sent in the clear.
	 */
	err = cd_setup(&d) ?: cd_ctl_open(&d) ?: cd_udp_open(&d);
	if (!err) {
		cd_msg(LOG_NOTICE, "running");
		parent = cd_loop(&d);
	} else {
		cd_msg(LOG_ERR,
		       "not running; the crypto maps stay installed and drop the traffic they protect (`cryptoctl flush` removes them)");
	}
	/*
	 * After a run the SAs go and the maps stay (cd_shutdown()).  A
	 * failed start leaves the maps too, whatever of ours went in and
	 * whatever an earlier run left: protection never ends by failing.
	 * Without the parent nothing reaches the kernel: it is left as it
	 * is, and the SAs expire.
	 */
	if (!err && parent)
		cd_shutdown(&d);
	ikev1_destroy(&d.ike);
	if (d.udp >= 0)
		close(d.udp);
	if (d.udp6 >= 0)
		close(d.udp6);
	cd_ctl_close_all(&d);
	cd_kernel_close(&d.k);
	cd_ps_close(&d.ps);
	for (i = 0; i < d.nconfs; i++)
		conf_free(d.confs[i]);
	free(d.confs);
	return err || !parent ? 1 : 0;
}
