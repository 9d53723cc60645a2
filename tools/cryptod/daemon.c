// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's running part: installs the crypto maps bound to interfaces,
 * answers and starts IKEv1 negotiations on UDP port 500, and installs the
 * SAs they produce.  One IPv4 local address for now: the first one of the
 * first interface a crypto map is bound to.
 */
#include <errno.h>
#include <ifaddrs.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "daemon.h"
#include "kernel.h"
#include "kernel_map.h"

struct cd_daemon {
	const struct conf *conf;
	struct cd_kernel k;
	int udp;
	bool debug;
	union nfsec_ip local;
	struct ikev1_ctx ike;
};

static volatile sig_atomic_t cd_stop;

static void cd_on_signal(int sig)
{
	(void)sig;
	cd_stop = 1;
}

static struct cd_daemon *cd_of(struct ikev1_ctx *ctx)
{
	return (struct cd_daemon *)ctx->priv;
}

static int cd_send(struct ikev1_ctx *ctx, const union nfsec_ip *peer,
		   const uint8_t *buf, size_t len)
{
	struct sockaddr_in to = { .sin_family = AF_INET,
				  .sin_port = htons(500) };

	memcpy(&to.sin_addr, peer->b, 4);
	if (sendto(cd_of(ctx)->udp, buf, len, 0, (struct sockaddr *)&to,
		   sizeof(to)) < 0)
		return -errno;
	return 0;
}

static int cd_spi(struct ikev1_ctx *ctx, uint8_t proto,
		  const union nfsec_ip *peer, uint8_t *spi)
{
	struct cd_daemon *d = cd_of(ctx);
	uint32_t v;
	int err;

	err = cd_kernel_spi(&d->k, proto, AF_INET, peer, &d->local, &v);
	if (err)
		return err;
	v = htonl(v);
	memcpy(spi, &v, 4);
	return 0;
}

static void cd_nl_failed(const struct cd_daemon *d, const char *what, int err)
{
	fprintf(stderr, "cryptod: %s: %s%s%s\n", what, strerror(-err),
		d->k.nl.errmsg[0] ? ": " : "", d->k.nl.errmsg);
}

/* The entry takes the negotiated set's protocols and mode, then the SAs. */
static int cd_install(struct ikev1_ctx *ctx, const struct ikev1_child *ch)
{
	struct cd_daemon *d = cd_of(ctx);
	struct nfsec_entry_info ei;
	struct nfsec_sa_info sas[4];
	size_t n, i;
	int err;

	err = cd_entry_info(d->conf, ch->entry, ch->tset, &ch->local, &ei);
	if (!err) {
		err = cd_kernel_policy(&d->k, &ei);
		nfsec_entry_free(&ei);
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

static void cd_log(struct ikev1_ctx *ctx, unsigned int conn_id,
		   const char *line)
{
	/* failures always; the rest with -d (debug crypto isakmp) */
	if (!cd_of(ctx)->debug && strcmp(line, ctx->failure))
		return;
	if (conn_id)
		fprintf(stderr, "ISAKMP (%u): %s\n", conn_id, line);
	else
		fprintf(stderr, "ISAKMP: %s\n", line);
}

static const struct ikev1_ops cd_ops = {
	.send = cd_send,
	.spi_alloc = cd_spi,
	.install = cd_install,
	.log = cd_log,
};

static int cd_if_addr(const char *ifname, union nfsec_ip *out)
{
	struct ifaddrs *ifa, *i;
	int err = -EADDRNOTAVAIL;

	if (getifaddrs(&ifa))
		return -errno;
	for (i = ifa; i; i = i->ifa_next)
		if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET &&
		    !strcmp(i->ifa_name, ifname)) {
			memset(out, 0, sizeof(*out));
			memcpy(out->b,
			       &((struct sockaddr_in *)i->ifa_addr)->sin_addr,
			       4);
			err = 0;
			break;
		}
	freeifaddrs(ifa);
	return err;
}

/* Installs one bound map: its entries, then the binding. */
static int cd_install_map(struct cd_daemon *d, const struct conf_iface *f)
{
	const struct conf *c = d->conf;
	struct nfsec_entry_info ei;
	unsigned int ifindex = if_nametoindex(f->ifname);
	size_t i;
	int err;

	if (!ifindex) {
		fprintf(stderr, "cryptod: interface %s (%s) does not exist\n",
			f->name, f->ifname);
		return -ENODEV;
	}
	for (i = 0; i < c->nentries; i++) {
		const struct conf_map_entry *e = &c->entries[i];

		if (strcmp(e->map, f->map) || e->disabled)
			continue;
		err = cd_entry_info(c, e, conf_tset_find(c, e->tsets[0]),
				    &d->local, &ei);
		if (!err) {
			err = cd_kernel_policy(&d->k, &ei);
			nfsec_entry_free(&ei);
		}
		if (err) {
			cd_nl_failed(d, "installing a crypto map entry", err);
			return err;
		}
	}
	err = cd_kernel_bind(&d->k, f->map, ifindex);
	if (err)
		cd_nl_failed(d, "binding a crypto map", err);
	return err;
}

static int cd_setup(struct cd_daemon *d)
{
	const struct conf *c = d->conf;
	bool have_local = false;
	size_t i;
	int err;

	for (i = 0; i < c->nifaces; i++) {
		if (!c->ifaces[i].map[0])
			continue;
		if (!have_local && !cd_if_addr(c->ifaces[i].ifname, &d->local))
			have_local = true;
		err = cd_install_map(d, &c->ifaces[i]);
		if (err)
			return err;
	}
	if (!have_local) {
		fprintf(stderr,
			"cryptod: no IPv4 address on an interface with a crypto map\n");
		return -EADDRNOTAVAIL;
	}
	return 0;
}

static int cd_udp_open(struct cd_daemon *d)
{
	struct sockaddr_in a = { .sin_family = AF_INET,
				 .sin_port = htons(500) };

	d->udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (d->udp < 0)
		return -errno;
	if (bind(d->udp, (struct sockaddr *)&a, sizeof(a)) < 0) {
		fprintf(stderr, "cryptod: UDP port 500: %s\n", strerror(errno));
		return -errno;
	}
	return 0;
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
	err = ikev1_initiate(&d->ike, e, &r->sel);
	if (err && err != -EINPROGRESS)
		fprintf(stderr, "cryptod: cannot negotiate for %s %u: %s\n",
			map, seq, strerror(-err));
}

static void cd_udp_input(struct cd_daemon *d)
{
	static uint8_t buf[ISAKMP_MSG_MAX];
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	union nfsec_ip peer;
	ssize_t n;

	n = recvfrom(d->udp, buf, sizeof(buf), 0, (struct sockaddr *)&from,
		     &flen);
	if (n <= 0 || from.sin_family != AF_INET || ntohs(from.sin_port) != 500)
		return;
	memset(&peer, 0, sizeof(peer));
	memcpy(peer.b, &from.sin_addr, 4);
	ikev1_input(&d->ike, &peer, buf, (size_t)n);
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
	uint64_t now = cd_now_ms(), next = ikev1_tick(&d->ike, now);

	if (!next || next > now + 1000)
		return 1000;
	return (int)(next - now);
}

static void cd_loop(struct cd_daemon *d)
{
	struct pollfd p[2] = {
		{ .fd = d->udp, .events = POLLIN },
		{ .fd = cd_kernel_event_fd(&d->k), .events = POLLIN },
	};
	int timeout = 1000;

	while (!cd_stop) {
		if (poll(p, 2, timeout) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		cd_tick(d); /* what input and ACQUIRE send is timed from now */
		if (p[0].revents & POLLIN)
			cd_udp_input(d);
		if (p[1].revents & POLLIN)
			cd_kernel_events(&d->k, cd_acquire, d);
		timeout = cd_tick(d);
	}
}

int cd_daemon_run(const struct conf *conf, bool debug)
{
	static struct cd_daemon d;
	struct sigaction sa = { .sa_handler = cd_on_signal };
	int err;

	memset(&d, 0, sizeof(d));
	d.conf = conf;
	d.debug = debug;
	d.udp = -1;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	err = cd_kernel_open(&d.k);
	if (err) {
		fprintf(stderr, "cryptod: nfsec netlink: %s%s\n",
			strerror(-err),
			err == -ENOENT ? " (is nfsec.ko loaded?)" : "");
		return 1;
	}
	err = cd_setup(&d) ?: cd_udp_open(&d);
	if (!err) {
		ikev1_init(&d.ike, conf, &cd_ops, AF_INET, &d.local);
		d.ike.priv = &d;
		fprintf(stderr, "cryptod: running\n");
		cd_loop(&d);
		ikev1_destroy(&d.ike);
	}
	/* our policies and SAs go with us */
	cd_kernel_flush(&d.k);
	if (d.udp >= 0)
		close(d.udp);
	cd_kernel_close(&d.k);
	return err ? 1 : 0;
}
