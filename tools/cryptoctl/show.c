// SPDX-License-Identifier: GPL-2.0
/*
 * The IOS-shaped views, laid out as the seed's outputs:
 *
 *   show crypto ipsec sa [peer ADDR | map NAME | interface IF | detail]
 *   show crypto ipsec sa [peer ADDR | map NAME] keys --wireshark
 *                                       (wireshark.c)
 *   show crypto engine connections active | dropped-packet
 *   show crypto map [tag NAME | interface IF]   (show_map.c)
 *   show crypto ipsec session-key | transform-proposal   (ipsec_conf.c)
 *   show crypto ipsec sa address        (show_address.c)
 *   show crypto session                 (session.c)
 *   show crypto isakmp sa | policy      (isakmp_cmds.c)
 *
 * Each reads the bindings, the crypto map entries and the SAs (view.c),
 * then groups SAs under interface, map entry and rule as IOS does.  -j
 * gives the same data as JSON.
 */
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "uapi/linux/nfsec.h"
#include "algs.h"
#include "args.h"
#include "exec.h"
#include "ctl.h"
#include "json.h"
#include "policy.h"
#include "wireshark.h"
#include "print.h"
#include "sa.h"
#include "exec.h"
#include "view.h"

static unsigned int media_mtu(const char *dev)
{
	struct ifreq ifr = { .ifr_mtu = 0 };
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	if (fd < 0)
		return 0;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", dev);
	if (ioctl(fd, SIOCGIFMTU, &ifr) < 0)
		ifr.ifr_mtu = 0;
	close(fd);
	return (unsigned int)ifr.ifr_mtu;
}

/* IOS's "(addr/mask/prot/port)": 192.0.2.0/255.255.255.0/0/0. */
static const char *ios_ident(uint8_t family, const union nfsec_ip *a,
			     const union nfsec_ip *m, uint8_t proto,
			     uint16_t port_lo, uint16_t port_hi, char *buf,
			     size_t len)
{
	char as[INET6_ADDRSTRLEN], ms[INET6_ADDRSTRLEN];
	unsigned int port = port_lo == port_hi ? port_lo : 0;

	nfsec_ip_str(family, a, as, sizeof(as));
	if (family == AF_INET)
		nfsec_ip_str(family, m, ms, sizeof(ms));
	else
		snprintf(ms, sizeof(ms), "%d", nfsec_mask_len(family, m));
	(void)port_hi;
	snprintf(buf, len, "(%s/%s/%u/%u)", as, ms, proto, port);
	return buf;
}

struct sums {
	uint64_t encaps, decaps, send_err, recv_err, replay, auth_fail;
	uint32_t pmtu;
	const struct nfsec_sa_info *current_out;
};

static void sums_of(const struct view *v, const struct nfsec_entry_info *e,
		    struct sums *s)
{
	/* A bundle's packets pass both SAs: count them by the ESP one. */
	uint8_t proto = e->protos & NFSEC_PROTO_ESP ? IPPROTO_ESP : IPPROTO_AH;
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < v->nsas; i++) {
		const struct nfsec_sa_info *sa = &v->sas[i];
		uint64_t pk = sa->proto == proto ? sa->packets : 0;

		if (!view_sa_of_entry(sa, e))
			continue;
		if (sa->dir == NFSEC_SA_DIR_OUT) {
			s->encaps += pk;
			s->send_err += sa->errors;
			if (sa->pmtu)
				s->pmtu = sa->pmtu;
			if (sa->proto == proto)
				s->current_out = sa; /* dumps: oldest first */
		} else {
			s->decaps += pk;
			s->recv_err += sa->errors;
			s->replay += sa->replay;
			s->auth_fail += sa->auth_fail;
		}
	}
}

static void remaining(const struct nfsec_sa_info *sa, char *buf, size_t len)
{
	char k[32] = "unlimited", t[32] = "unlimited";

	if (sa->life.hard_bytes)
		snprintf(k, sizeof(k), "%" PRIu64,
			 sa->life.hard_bytes > sa->bytes
				 ? (sa->life.hard_bytes - sa->bytes) / 1024
				 : 0);
	if (sa->life.hard_seconds)
		snprintf(t, sizeof(t), "%" PRIu64,
			 sa->life.hard_seconds > sa->age
				 ? sa->life.hard_seconds - sa->age
				 : 0);
	snprintf(buf, len, "(%s/%s)", k, t);
}

void ctl_sa_print_ios(const struct nfsec_sa_info *sa)
{
	char tr[96], rem[80];

	nfsec_transform_str(sa->proto, sa->enc, sa->auth, tr, sizeof(tr));
	remaining(sa, rem, sizeof(rem));
	printf("      spi: 0x%" PRIX32 "(%" PRIu32 ")\n", sa->spi, sa->spi);
	printf("        transform: %s ,\n", tr);
	printf("        in use settings ={%s, }\n",
	       sa->mode == NFSEC_MODE_TRANSPORT ? "Transport" : "Tunnel");
	printf("        slot: 0, conn id: %" PRIu32 ", crypto map: %s\n",
	       sa->conn_id, sa->has_map ? sa->map : "");
	printf("        sa timing: remaining key lifetime (k/sec): %s\n", rem);
	if (sa->proto == IPPROTO_ESP)
		printf("        IV size: %u bytes\n", nfsec_enc_ivlen(sa->enc));
	printf("        replay detection support: %s\n",
	       sa->replay_window ? "Y" : "N");
}

static void print_sa_block(const struct view *v,
			   const struct nfsec_entry_info *e, uint8_t dir,
			   uint8_t proto)
{
	size_t i;

	printf("\n     %s %s sas:\n",
	       dir == NFSEC_SA_DIR_IN ? "inbound" : "outbound",
	       proto == IPPROTO_AH ? "ah" : "esp");
	for (i = 0; i < v->nsas; i++) {
		const struct nfsec_sa_info *sa = &v->sas[i];

		if (view_sa_of_entry(sa, e) && sa->dir == dir &&
		    sa->proto == proto)
			ctl_sa_print_ios(sa);
	}
}

static void print_rule_block(const struct view *v,
			     const struct nfsec_entry_info *e,
			     const struct nfsec_rule_info *r, const char *dev,
			     bool detail)
{
	const struct nfsec_sel *sel = &r->sel;
	char l[128], rm[128], me[INET6_ADDRSTRLEN], peer[INET6_ADDRSTRLEN];
	struct sums s;

	sums_of(v, e, &s);
	nfsec_ip_str(e->family ? e->family : AF_INET, &e->local, me,
		     sizeof(me));
	nfsec_ip_str(e->family ? e->family : AF_INET, &e->peer, peer,
		     sizeof(peer));
	printf("\n   local  ident (addr/mask/prot/port): %s\n",
	       ios_ident(sel->family, &sel->src, &sel->src_mask, sel->proto,
			 sel->sport_lo, sel->sport_hi, l, sizeof(l)));
	printf("   remote ident (addr/mask/prot/port): %s\n",
	       ios_ident(sel->family, &sel->dst, &sel->dst_mask, sel->proto,
			 sel->dport_lo, sel->dport_hi, rm, sizeof(rm)));
	printf("   current_peer: %s\n", peer);
	printf("     PERMIT, flags={origin_is_acl,}\n");
	printf("    #pkts encaps: %" PRIu64 ", #pkts encrypt: %" PRIu64
	       ", #pkts digest %" PRIu64 "\n",
	       s.encaps, s.encaps, s.encaps);
	printf("    #pkts decaps: %" PRIu64 ", #pkts decrypt: %" PRIu64
	       ", #pkts verify %" PRIu64 "\n",
	       s.decaps, s.decaps, s.decaps);
	printf("    #send errors %" PRIu64 ", #recv errors %" PRIu64 "\n",
	       s.send_err, s.recv_err);
	if (detail) {
		printf("    #pkts no sa (send) %" PRIu64
		       ", #pkts replay failed (rcv): %" PRIu64 "\n",
		       e->no_sa, s.replay);
		printf("    #pkts verify failed: %" PRIu64
		       ", #pkts rule matches: %" PRIu64 "\n",
		       s.auth_fail, r->matches);
	}
	printf("\n     local crypto endpt.: %s, remote crypto endpt.: %s\n", me,
	       peer);
	printf("     path mtu %" PRIu32 ", media mtu %u\n",
	       s.pmtu ? s.pmtu : media_mtu(dev), media_mtu(dev));
	if (s.current_out)
		printf("     current outbound spi: %" PRIX32 "\n",
		       s.current_out->spi);
	else
		printf("     current outbound spi: 0\n");
	print_sa_block(v, e, NFSEC_SA_DIR_IN, IPPROTO_ESP);
	print_sa_block(v, e, NFSEC_SA_DIR_IN, IPPROTO_AH);
	print_sa_block(v, e, NFSEC_SA_DIR_OUT, IPPROTO_ESP);
	print_sa_block(v, e, NFSEC_SA_DIR_OUT, IPPROTO_AH);
}

struct ipsec_filter {
	const char *map;
	const char *ifname;
	uint8_t family;
	union nfsec_ip peer;
	bool detail;
};

static bool entry_wanted(const struct nfsec_entry_info *e,
			 const struct ipsec_filter *f)
{
	if (f->map && strcmp(e->map, f->map))
		return false;
	if (f->family && (e->family != f->family ||
			  memcmp(&e->peer, &f->peer, nfsec_ip_len(f->family))))
		return false;
	return true;
}

static void ipsec_sa_json_entry(struct nfsec_json *j, const struct view *v,
				const struct nfsec_entry_info *e,
				const char *dev)
{
	char buf[INET6_ADDRSTRLEN];
	struct sums s;
	size_t i;

	sums_of(v, e, &s);
	nfsec_json_object_open(j, NULL);
	nfsec_json_string(j, "interface", dev);
	nfsec_json_string(j, "map", e->map);
	nfsec_json_u64(j, "seq", e->seq);
	if (e->family) {
		nfsec_json_string(
			j, "local",
			nfsec_ip_str(e->family, &e->local, buf, sizeof(buf)));
		nfsec_json_string(
			j, "peer",
			nfsec_ip_str(e->family, &e->peer, buf, sizeof(buf)));
	}
	nfsec_json_u64(j, "encaps", s.encaps);
	nfsec_json_u64(j, "decaps", s.decaps);
	nfsec_json_u64(j, "send_errors", s.send_err);
	nfsec_json_u64(j, "recv_errors", s.recv_err);
	nfsec_json_u64(j, "replay_failed", s.replay);
	nfsec_json_u64(j, "verify_failed", s.auth_fail);
	nfsec_json_u64(j, "path_mtu", s.pmtu);
	nfsec_json_u64(j, "media_mtu", media_mtu(dev));
	nfsec_json_array_open(j, "sas");
	for (i = 0; i < v->nsas; i++)
		if (view_sa_of_entry(&v->sas[i], e))
			ctl_sa_json(j, NULL, &v->sas[i]);
	nfsec_json_array_close(j);
	nfsec_json_object_close(j);
}

static void show_ipsec_sa(struct ctl *ctl, const struct view *v,
			  const struct ipsec_filter *f)
{
	char dev[IF_NAMESIZE], me[INET6_ADDRSTRLEN];
	struct nfsec_json j;
	size_t b, i;
	unsigned int r;

	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_array_open(&j, NULL);
	}
	for (b = 0; b < v->nbinds; b++) {
		bool header = false;

		view_ifname(v->binds[b].ifindex, dev);
		if (f->ifname && strcmp(dev, f->ifname))
			continue;
		for (i = 0; i < v->nentries; i++) {
			const struct nfsec_entry_info *e = &v->entries[i];

			if (strcmp(e->map, v->binds[b].map) ||
			    !entry_wanted(e, f))
				continue;
			if (ctl->json) {
				ipsec_sa_json_entry(&j, v, e, dev);
				continue;
			}
			if (!header) {
				nfsec_ip_str(e->family ? e->family : AF_INET,
					     &e->local, me, sizeof(me));
				printf("interface: %s\n    Crypto map tag: %s, local addr. %s\n",
				       dev, e->map, me);
				header = true;
			}
			for (r = 0; r < e->nrules; r++)
				if (e->rules[r].action == NFSEC_ACTION_PROTECT)
					print_rule_block(v, e, &e->rules[r],
							 dev, f->detail);
		}
		if (header)
			printf("\n");
	}
	if (ctl->json) {
		nfsec_json_array_close(&j);
		nfsec_json_end(&j);
	}
}

struct sa_wanted_arg {
	const struct ipsec_filter *f;
	const struct view *v;
};

/* An SA of the address view passes the filters: its map, peer, interface. */
static bool sa_wanted(const struct nfsec_sa_info *sa, const void *data)
{
	const struct sa_wanted_arg *arg = data;
	const struct ipsec_filter *f = arg->f;
	const union nfsec_ip *peer =
		sa->dir == NFSEC_SA_DIR_OUT ? &sa->dst : &sa->src;
	char dev[IF_NAMESIZE];
	size_t b;

	if (f->map && (!sa->has_map || strcmp(sa->map, f->map)))
		return false;
	if (f->family && (sa->family != f->family ||
			  memcmp(peer, &f->peer, nfsec_ip_len(f->family))))
		return false;
	if (!f->ifname)
		return true;
	for (b = 0; b < arg->v->nbinds; b++)
		if (sa->has_map && !strcmp(arg->v->binds[b].map, sa->map) &&
		    !strcmp(view_ifname(arg->v->binds[b].ifindex, dev),
			    f->ifname))
			return true;
	return false;
}

int ctl_show_ipsec_sa(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args args = { argc, argv, "show crypto ipsec sa" };
	struct ctl_args *a = &args;
	struct ipsec_filter f = { .map = NULL };
	struct view v = { 0 };
	bool keys = false, address = false;
	const char *w;
	int r;

	while ((w = args_next(a))) {
		if (!strcmp(w, "address")) {
			address = true;
		} else if (!strcmp(w, "detail")) {
			f.detail = true;
		} else if (!strcmp(w, "keys")) {
			/* the keys only go where a format is named */
			w = args_next(a);
			if (!w || strcmp(w, "--wireshark"))
				return args_bad(
					a,
					"expected --wireshark after keys, not",
					w ? w : "nothing");
			keys = true;
		} else if (!strcmp(w, "peer")) {
			r = args_ip(a, w, &f.family, &f.peer);
			if (r)
				return r;
		} else if (!strcmp(w, "map")) {
			f.map = args_value(a, w);
			if (!f.map)
				return 2;
		} else if (!strcmp(w, "interface")) {
			f.ifname = args_value(a, w);
			if (!f.ifname)
				return 2;
		} else {
			return args_bad(
				a,
				"expected peer, map, interface, detail, address or keys, not",
				w);
		}
	}
	if (address && (keys || f.detail))
		return args_bad(a, "address has one layout, not",
				keys ? "keys" : "detail");
	if (keys && (ctl->json || f.detail))
		return args_bad(a, "keys --wireshark has one layout, not",
				ctl->json ? "-j" : "detail");
	if (keys && f.ifname)
		return args_bad(a,
				"keys --wireshark filters by peer or map, not",
				"interface");
	if (keys)
		return ctl_wireshark_show(ctl, f.map, f.family, &f.peer);
	r = view_load(ctl, &v);
	if (!r && address) {
		struct sa_wanted_arg arg = { &f, &v };

		ctl_show_sa_address(ctl, v.sas, v.nsas, sa_wanted, &arg);
	} else if (!r) {
		show_ipsec_sa(ctl, &v, &f);
	}
	view_free(&v);
	return r;
}

static const char *sa_ifname(const struct view *v,
			     const struct nfsec_sa_info *sa, char *buf)
{
	size_t b;

	for (b = 0; b < v->nbinds; b++)
		if (sa->has_map && !strcmp(v->binds[b].map, sa->map))
			return view_ifname(v->binds[b].ifindex, buf);
	return "-";
}

static void show_engine_active(struct ctl *ctl, const struct view *v)
{
	char dev[IF_NAMESIZE], ip[INET6_ADDRSTRLEN], alg[64];
	struct nfsec_json j;
	size_t i;

	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_array_open(&j, NULL);
	} else {
		printf("%5s %-12s %-16s %-5s %-28s %10s %10s\n", "ID",
		       "Interface", "IP-Address", "State", "Algorithm",
		       "Encrypt", "Decrypt");
	}
	for (i = 0; i < v->nsas; i++) {
		const struct nfsec_sa_info *sa = &v->sas[i];
		bool out = sa->dir == NFSEC_SA_DIR_OUT;
		uint64_t enc = out ? sa->packets : 0,
			 dec = out ? 0 : sa->packets;

		nfsec_ip_str(sa->family, out ? &sa->src : &sa->dst, ip,
			     sizeof(ip));
		nfsec_transform_str(sa->proto, sa->enc, sa->auth, alg,
				    sizeof(alg));
		if (ctl->json) {
			nfsec_json_object_open(&j, NULL);
			nfsec_json_u64(&j, "id", sa->conn_id);
			nfsec_json_string(&j, "interface",
					  sa_ifname(v, sa, dev));
			nfsec_json_string(&j, "ip_address", ip);
			nfsec_json_string(&j, "state", "set");
			nfsec_json_string(&j, "algorithm", alg);
			nfsec_json_u64(&j, "encrypt", enc);
			nfsec_json_u64(&j, "decrypt", dec);
			nfsec_json_object_close(&j);
		} else {
			printf("%5" PRIu32 " %-12s %-16s %-5s %-28s %10" PRIu64
			       " %10" PRIu64 "\n",
			       sa->conn_id, sa_ifname(v, sa, dev), ip, "set",
			       alg, enc, dec);
		}
	}
	if (ctl->json) {
		nfsec_json_array_close(&j);
		nfsec_json_end(&j);
	}
}

static const char *const drop_names[__NFSEC_DROP_MAX] = {
	[NFSEC_DROP_NO_SA] = "no SA yet (waiting for keys)",
	[NFSEC_DROP_POLICY] = "discarded by a crypto map rule",
	[NFSEC_DROP_CLEARTEXT] = "cleartext a crypto map protects",
	[NFSEC_DROP_UNKNOWN_SPI] = "unknown SPI",
	[NFSEC_DROP_AUTH] = "ICV mismatch (verify failed)",
	[NFSEC_DROP_REPLAY] = "replayed or too old",
	[NFSEC_DROP_PADDING] = "bad ESP padding",
	[NFSEC_DROP_SELECTOR] = "outside the SA's proxy identities",
	[NFSEC_DROP_MALFORMED] = "malformed packet",
	[NFSEC_DROP_EXPIRED] = "SA past its lifetime",
	[NFSEC_DROP_MTU] = "too big with DF set",
	[NFSEC_DROP_NOMEM] = "out of memory",
	[NFSEC_DROP_CRYPTO] = "crypto engine error",
	[NFSEC_DROP_ROUTE] = "no route to the peer",
	[NFSEC_DROP_UNSUPPORTED] = "unsupported packet",
	[NFSEC_DROP_BACKLOG] = "receive backlog full",
};

static const char *const drop_keys[__NFSEC_DROP_MAX] = {
	"no_sa",   "policy",   "cleartext",   "unknown_spi", "auth", "replay",
	"padding", "selector", "malformed",   "expired",     "mtu",  "nomem",
	"crypto",  "route",    "unsupported", "backlog",
};

struct drops {
	uint64_t n[__NFSEC_DROP_MAX];
	int err;
};

static int drops_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NFSEC_A_MAX + 1], *a;
	struct drops *d = data;

	if (nfsec_msg_attrs(nlh, tb) || !tb[NFSEC_A_DROPS] ||
	    mnl_attr_validate(tb[NFSEC_A_DROPS], MNL_TYPE_NESTED) < 0) {
		d->err = -EBADMSG;
		return MNL_CB_ERROR;
	}
	mnl_attr_for_each_nested (a, tb[NFSEC_A_DROPS]) {
		uint16_t t = mnl_attr_get_type(a);

		if (t < 1 || t > __NFSEC_DROP_MAX ||
		    mnl_attr_validate(a, MNL_TYPE_U64) < 0)
			continue;
		d->n[t - 1] = mnl_attr_get_u64(a);
	}
	return MNL_CB_OK;
}

static int show_engine_dropped(struct ctl *ctl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct drops d = { .err = 0 };
	struct nlmsghdr *nlh;
	struct nfsec_json j;
	int err, i;

	if (ctl_nl(ctl))
		return 1;
	nlh = nfsec_nl_request(&ctl->nl, buf, NFSEC_CMD_GET_COUNTERS, 0);
	err = nfsec_nl_talk(&ctl->nl, nlh, drops_cb, &d);
	if (err || d.err)
		return ctl_nl_error(ctl, "cannot read the drop counters",
				    err ?: d.err);
	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_object_open(&j, NULL);
		for (i = 0; i < __NFSEC_DROP_MAX; i++)
			nfsec_json_u64(&j, drop_keys[i], d.n[i]);
		nfsec_json_object_close(&j);
		nfsec_json_end(&j);
		return 0;
	}
	printf("%-40s %10s\n", "Reason", "Drop Count");
	for (i = 0; i < __NFSEC_DROP_MAX; i++)
		printf("%-40s %10" PRIu64 "\n", drop_names[i], d.n[i]);
	return 0;
}

int ctl_show_engine_active(struct ctl *ctl, int argc, char **argv)
{
	struct view v = { 0 };
	int r;

	(void)argc;
	(void)argv;
	r = view_load(ctl, &v);
	if (!r)
		show_engine_active(ctl, &v);
	view_free(&v);
	return r;
}

int ctl_show_engine_dropped(struct ctl *ctl, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return show_engine_dropped(ctl);
}
