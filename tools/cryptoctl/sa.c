// SPDX-License-Identifier: GPL-2.0
/*
 * cryptoctl sa add|del|get|list: SAs, in the spirit of `ip xfrm state`.
 *
 *   sa add dir in|out spi SPI [proto esp|ah] src ADDR dst ADDR
 *          [mode tunnel|transport] enc ALG key HEX [auth ALG authkey HEX]
 *          (AH: auth ALG authkey HEX, no enc)
 *          [esn] [replay-window N] [map NAME seq N] [start-seq N]
 *          [sel-src P] [sel-dst P] [sel-proto P] [sel-sport R] [sel-dport R]
 *          [soft-bytes N] [hard-bytes N] [soft-packets N] [hard-packets N]
 *          [soft-seconds N] [hard-seconds N]
 *   sa del|get spi SPI [proto esp|ah] dst ADDR [keys]
 *   sa list [keys]
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include "uapi/linux/nfsec.h"
#include "algs.h"
#include "args.h"
#include "exec.h"
#include "ctl.h"
#include "json.h"
#include "listing.h"
#include "print.h"
#include "sa.h"

static int sa_proto(struct ctl_args *a, const char *kw, uint8_t *proto)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (!strcmp(v, "esp"))
		*proto = IPPROTO_ESP;
	else if (!strcmp(v, "ah"))
		*proto = IPPROTO_AH;
	else
		return args_bad(a, "protocol must be esp or ah, not", v);
	return 0;
}

static int sa_key(struct ctl_args *a, const char *kw, uint8_t *out, size_t max,
		  uint8_t *len)
{
	const char *v = args_value(a, kw);
	int n;

	if (!v)
		return 2;
	n = nfsec_hex_parse(v, out, max);
	if (n < 0)
		return args_bad(a, "not a hex key (or too long)", kw);
	*len = (uint8_t)n;
	return 0;
}

static int sa_dir(struct ctl_args *a, const char *kw, uint8_t *dir)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (!strcmp(v, "in"))
		*dir = NFSEC_SA_DIR_IN;
	else if (!strcmp(v, "out"))
		*dir = NFSEC_SA_DIR_OUT;
	else
		return args_bad(a, "direction must be in or out, not", v);
	return 0;
}

int ctl_mode_parse(struct ctl_args *a, const char *kw, uint8_t *mode)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (!strcmp(v, "tunnel"))
		*mode = NFSEC_MODE_TUNNEL;
	else if (!strcmp(v, "transport"))
		*mode = NFSEC_MODE_TRANSPORT;
	else
		return args_bad(a, "mode must be tunnel or transport, not", v);
	return 0;
}

static int sa_alg(struct ctl_args *a, const char *kw, bool enc, uint8_t *out)
{
	const char *v = args_value(a, kw);
	int alg;

	if (!v)
		return 2;
	alg = enc ? nfsec_enc_parse(v) : nfsec_auth_parse(v);
	if (alg < 0)
		return args_bad(
			a, enc ? "unknown cipher" : "unknown auth algorithm",
			v);
	*out = (uint8_t)alg;
	return 0;
}

static int sa_life_word(struct ctl_args *a, const char *w,
			struct nfsec_sa_info *sa)
{
	static const char *const words[] = { "soft-bytes",   "hard-bytes",
					     "soft-packets", "hard-packets",
					     "soft-seconds", "hard-seconds" };
	uint64_t *f[] = { &sa->life.soft_bytes,	  &sa->life.hard_bytes,
			  &sa->life.soft_packets, &sa->life.hard_packets,
			  &sa->life.soft_seconds, &sa->life.hard_seconds };
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcmp(w, words[i])) {
			sa->has_life = true;
			return args_u64(a, w, f[i]) ?: 1;
		}
	return 0;
}

/* Words naming an SA: spi, proto, dst (and src, for add). */
static int sa_id_word(struct ctl_args *a, const char *w,
		      struct nfsec_sa_info *sa)
{
	if (!strcmp(w, "spi"))
		return args_u32(a, w, &sa->spi) ?: 1;
	if (!strcmp(w, "proto"))
		return sa_proto(a, w, &sa->proto) ?: 1;
	if (!strcmp(w, "dst"))
		return args_ip(a, w, &sa->family, &sa->dst) ?: 1;
	return 0;
}

static int sa_add_word(struct ctl_args *a, const char *w,
		       struct nfsec_sa_info *sa)
{
	int r = sa_id_word(a, w, sa);

	if (r)
		return r;
	if (!strcmp(w, "src"))
		return args_ip(a, w, &sa->family, &sa->src) ?: 1;
	if (!strcmp(w, "dir"))
		return sa_dir(a, w, &sa->dir) ?: 1;
	if (!strcmp(w, "mode"))
		return ctl_mode_parse(a, w, &sa->mode) ?: 1;
	if (!strcmp(w, "enc"))
		return sa_alg(a, w, true, &sa->enc) ?: 1;
	if (!strcmp(w, "auth"))
		return sa_alg(a, w, false, &sa->auth) ?: 1;
	if (!strcmp(w, "key"))
		return sa_key(a, w, sa->enckey, sizeof(sa->enckey),
			      &sa->enckeylen)
			       ?: 1;
	if (!strcmp(w, "authkey"))
		return sa_key(a, w, sa->authkey, sizeof(sa->authkey),
			      &sa->authkeylen)
			       ?: 1;
	if (!strcmp(w, "esn")) {
		sa->esn = true;
		return 1;
	}
	if (!strcmp(w, "replay-window")) {
		sa->has_replay = true;
		return args_u32(a, w, &sa->replay_window) ?: 1;
	}
	if (!strcmp(w, "map")) {
		sa->has_map = true;
		return args_map_name(a, w, sa->map) ?: 1;
	}
	if (!strcmp(w, "seq"))
		return args_u32(a, w, &sa->map_seq) ?: 1;
	if (!strcmp(w, "start-seq")) {
		sa->has_seq = true;
		return args_u64(a, w, &sa->seq) ?: 1;
	}
	r = args_selector(a, w, "sel-", &sa->sel);
	if (r == 1)
		sa->has_sel = true;
	return r ?: sa_life_word(a, w, sa);
}

static int sa_require(struct ctl_args *a, bool ok, const char *what)
{
	if (ok)
		return 0;
	fprintf(stderr, "cryptoctl: %s: missing %s\n", a->cmd, what);
	return 2;
}

static int sa_talk(struct ctl *ctl, uint8_t cmd, const struct nfsec_sa_info *sa,
		   enum nfsec_sa_put_what what, const char *fail)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	if (ctl_nl(ctl))
		return 1;
	nlh = nfsec_nl_request(&ctl->nl, buf, cmd, 0);
	nfsec_sa_put(nlh, sa, what);
	err = nfsec_nl_talk(&ctl->nl, nlh, NULL, NULL);
	explicit_bzero(buf, sizeof(buf));
	return err ? ctl_nl_error(ctl, fail, err) : 0;
}

int ctl_sa_add(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "sa add" };
	struct nfsec_sa_info sa = { .proto = IPPROTO_ESP };
	const char *w;
	int r;

	while ((w = args_next(&a))) {
		r = sa_add_word(&a, w, &sa);
		if (r == 0)
			r = args_bad(&a, "unknown word", w);
		if (r != 1)
			goto out;
	}
	r = sa_require(&a, sa.spi, "spi") ?:
	    sa_require(&a, sa.family, "src and dst") ?:
	    (sa.proto == IPPROTO_AH ? sa_require(&a, sa.auth, "auth")
				    : sa_require(&a, sa.enc, "enc"));
	if (r)
		goto out;
	if (sa.has_sel)
		args_selector_finish(&sa.sel, sa.family);
	r = sa_talk(ctl, NFSEC_CMD_NEW_SA, &sa, NFSEC_SA_PUT_ALL,
		    "cannot add the SA");
out:
	nfsec_sa_wipe(&sa);
	return r;
}

static int sa_parse_id(struct ctl_args *a, struct nfsec_sa_info *sa, bool *keys)
{
	const char *w;
	int r;

	while ((w = args_next(a))) {
		if (keys && !strcmp(w, "keys")) {
			*keys = true;
			continue;
		}
		r = sa_id_word(a, w, sa);
		if (r == 0)
			return args_bad(a, "unknown word", w);
		if (r != 1)
			return r;
	}
	return sa_require(a, sa->spi, "spi")
		       ?: sa_require(a, sa->family, "dst");
}

int ctl_sa_del(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "sa del" };
	struct nfsec_sa_info sa = { .proto = IPPROTO_ESP };
	int r = sa_parse_id(&a, &sa, NULL);

	return r
		       ?: sa_talk(ctl, NFSEC_CMD_DEL_SA, &sa, NFSEC_SA_PUT_KEY,
				  "cannot delete the SA");
}

static void sa_print_sel(FILE *f, const struct nfsec_sel *sel)
{
	char s[96], d[96], p[16];

	fprintf(f, "\tsel src %s dst %s proto %s",
		nfsec_prefix_str(sel->family, &sel->src, &sel->src_mask, s,
				 sizeof(s)),
		nfsec_prefix_str(sel->family, &sel->dst, &sel->dst_mask, d,
				 sizeof(d)),
		nfsec_proto_str(sel->proto, p, sizeof(p)));
	if (sel->sport_lo || sel->sport_hi != 65535)
		fprintf(f, " sport %u-%u", sel->sport_lo, sel->sport_hi);
	if (sel->dport_lo || sel->dport_hi != 65535)
		fprintf(f, " dport %u-%u", sel->dport_lo, sel->dport_hi);
	fprintf(f, "\n");
}

static void sa_print_keys(FILE *f, const struct nfsec_sa_info *sa)
{
	char hex[2 * 64 + 3];

	if (sa->enckeylen) {
		nfsec_hex_str(sa->enckey, sa->enckeylen, hex, sizeof(hex));
		fprintf(f, "\tkey %s\n", hex);
	}
	if (sa->authkeylen) {
		nfsec_hex_str(sa->authkey, sa->authkeylen, hex, sizeof(hex));
		fprintf(f, "\tauthkey %s\n", hex);
	}
	explicit_bzero(hex, sizeof(hex));
}

static void sa_print(FILE *f, const struct nfsec_sa_info *sa)
{
	char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
	const struct nfsec_life *l = &sa->life;

	fprintf(f,
		"src %s dst %s proto %s spi 0x%08" PRIx32
		" dir %s mode %s conn-id %" PRIu32 "\n",
		nfsec_ip_str(sa->family, &sa->src, s, sizeof(s)),
		nfsec_ip_str(sa->family, &sa->dst, d, sizeof(d)),
		sa->proto == IPPROTO_AH ? "ah" : "esp", sa->spi,
		sa->dir == NFSEC_SA_DIR_OUT ? "out" : "in",
		sa->mode == NFSEC_MODE_TRANSPORT ? "transport" : "tunnel",
		sa->conn_id);
	fprintf(f, "\tenc %s auth %s%s replay-window %" PRIu32,
		nfsec_enc_str(sa->enc), nfsec_auth_str(sa->auth),
		sa->esn ? " esn" : "", sa->replay_window);
	if (sa->has_map)
		fprintf(f, " map %s seq %" PRIu32, sa->map, sa->map_seq);
	fprintf(f, "\n");
	sa_print_keys(f, sa);
	if (sa->has_sel)
		sa_print_sel(f, &sa->sel);
	fprintf(f,
		"\tlifetime soft %" PRIu64 "B/%" PRIu64 "p/%" PRIu64
		"s hard %" PRIu64 "B/%" PRIu64 "p/%" PRIu64 "s (0: none)\n",
		l->soft_bytes, l->soft_packets, l->soft_seconds, l->hard_bytes,
		l->hard_packets, l->hard_seconds);
	fprintf(f,
		"\tpackets %" PRIu64 " bytes %" PRIu64 " errors %" PRIu64
		" replay %" PRIu64 " auth-fail %" PRIu64 " seq %" PRIu64
		" age %" PRIu64 "s\n",
		sa->packets, sa->bytes, sa->errors, sa->replay, sa->auth_fail,
		sa->seq, sa->age);
}

void ctl_sel_json(struct nfsec_json *j, const char *key,
		  const struct nfsec_sel *sel)
{
	char buf[96];

	nfsec_json_object_open(j, key);
	nfsec_json_string(j, "src",
			  nfsec_prefix_str(sel->family, &sel->src,
					   &sel->src_mask, buf, sizeof(buf)));
	nfsec_json_string(j, "dst",
			  nfsec_prefix_str(sel->family, &sel->dst,
					   &sel->dst_mask, buf, sizeof(buf)));
	nfsec_json_u64(j, "proto", sel->proto);
	nfsec_json_u64(j, "sport_lo", sel->sport_lo);
	nfsec_json_u64(j, "sport_hi", sel->sport_hi);
	nfsec_json_u64(j, "dport_lo", sel->dport_lo);
	nfsec_json_u64(j, "dport_hi", sel->dport_hi);
	nfsec_json_object_close(j);
}

static void sa_json_keys(struct nfsec_json *j, const struct nfsec_sa_info *sa)
{
	char hex[2 * 64 + 3];

	if (sa->enckeylen) {
		nfsec_hex_str(sa->enckey, sa->enckeylen, hex, sizeof(hex));
		nfsec_json_string(j, "key", hex);
	}
	if (sa->authkeylen) {
		nfsec_hex_str(sa->authkey, sa->authkeylen, hex, sizeof(hex));
		nfsec_json_string(j, "authkey", hex);
	}
	explicit_bzero(hex, sizeof(hex));
}

void ctl_sa_json(struct nfsec_json *j, const char *key,
		 const struct nfsec_sa_info *sa)
{
	char buf[INET6_ADDRSTRLEN];

	nfsec_json_object_open(j, key);
	nfsec_json_u64(j, "conn_id", sa->conn_id);
	nfsec_json_string(j, "src",
			  nfsec_ip_str(sa->family, &sa->src, buf, sizeof(buf)));
	nfsec_json_string(j, "dst",
			  nfsec_ip_str(sa->family, &sa->dst, buf, sizeof(buf)));
	nfsec_json_string(j, "proto", sa->proto == IPPROTO_AH ? "ah" : "esp");
	nfsec_json_u64(j, "spi", sa->spi);
	nfsec_json_string(j, "dir", sa->dir == NFSEC_SA_DIR_OUT ? "out" : "in");
	nfsec_json_string(j, "mode",
			  sa->mode == NFSEC_MODE_TRANSPORT ? "transport"
							   : "tunnel");
	nfsec_json_string(j, "enc", nfsec_enc_str(sa->enc));
	nfsec_json_string(j, "auth", nfsec_auth_str(sa->auth));
	nfsec_json_bool(j, "esn", sa->esn);
	nfsec_json_u64(j, "replay_window", sa->replay_window);
	if (sa->has_map) {
		nfsec_json_string(j, "map", sa->map);
		nfsec_json_u64(j, "seq", sa->map_seq);
	}
	sa_json_keys(j, sa);
	if (sa->has_sel)
		ctl_sel_json(j, "selector", &sa->sel);
	nfsec_json_object_open(j, "lifetime");
	nfsec_json_u64(j, "soft_bytes", sa->life.soft_bytes);
	nfsec_json_u64(j, "hard_bytes", sa->life.hard_bytes);
	nfsec_json_u64(j, "soft_packets", sa->life.soft_packets);
	nfsec_json_u64(j, "hard_packets", sa->life.hard_packets);
	nfsec_json_u64(j, "soft_seconds", sa->life.soft_seconds);
	nfsec_json_u64(j, "hard_seconds", sa->life.hard_seconds);
	nfsec_json_object_close(j);
	nfsec_json_object_open(j, "stats");
	nfsec_json_u64(j, "packets", sa->packets);
	nfsec_json_u64(j, "bytes", sa->bytes);
	nfsec_json_u64(j, "crypto", sa->crypto);
	nfsec_json_u64(j, "digest", sa->digest);
	nfsec_json_u64(j, "errors", sa->errors);
	nfsec_json_u64(j, "replay", sa->replay);
	nfsec_json_u64(j, "auth_fail", sa->auth_fail);
	nfsec_json_u64(j, "pmtu", sa->pmtu);
	nfsec_json_u64(j, "seq", sa->seq);
	nfsec_json_u64(j, "age", sa->age);
	nfsec_json_object_close(j);
	nfsec_json_object_close(j);
}

static int sa_list_cb(const struct nfsec_sa_info *sa, void *data)
{
	struct ctl_listing *out = data;

	if (!out->f)
		return -ENOMEM;
	if (out->json)
		ctl_sa_json(&out->j, NULL, sa);
	else
		sa_print(out->f, sa);
	return 0;
}

int ctl_sa_list(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "sa list" };
	struct ctl_listing out;
	bool keys = false;
	const char *w;
	int err, closed;

	while ((w = args_next(&a))) {
		if (strcmp(w, "keys"))
			return args_bad(&a, "unknown word", w);
		keys = true;
	}
	if (ctl_nl(ctl))
		return 1;
	err = ctl_listing_open(&out, ctl->json);
	if (!err)
		err = nfsec_sa_dump(&ctl->nl, keys, sa_list_cb,
				    ctl_listing_reset_cb, &out);
	closed = ctl_listing_close(&out, !err);
	err = err ? err : closed;
	return err ? ctl_nl_error(ctl, "cannot list SAs", err) : 0;
}

struct sa_get_ctx {
	struct nfsec_sa_info sa;
	int err;
};

static int sa_get_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct sa_get_ctx *c = data;

	c->err = nfsec_msg_attrs(nlh, tb)
			 ?: nfsec_sa_parse(tb[NFSEC_A_SA], &c->sa);
	return c->err ? MNL_CB_ERROR : MNL_CB_OK;
}

int ctl_sa_get(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "sa get" };
	struct nfsec_sa_info id = { .proto = IPPROTO_ESP };
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct sa_get_ctx c = { .err = 0 };
	struct nlmsghdr *nlh;
	bool keys = false;
	int r;

	r = sa_parse_id(&a, &id, &keys);
	if (r)
		return r;
	if (ctl_nl(ctl))
		return 1;
	nlh = nfsec_nl_request(&ctl->nl, buf, NFSEC_CMD_GET_SA, 0);
	nfsec_sa_put(nlh, &id, NFSEC_SA_PUT_KEY);
	if (keys)
		mnl_attr_put(nlh, NFSEC_A_WITH_KEYS, 0, NULL);
	r = nfsec_nl_talk(&ctl->nl, nlh, sa_get_cb, &c);
	if (r || c.err)
		return ctl_nl_error(ctl, "cannot get the SA", r ?: c.err);
	if (ctl->json) {
		struct nfsec_json j;

		nfsec_json_init(&j, stdout);
		ctl_sa_json(&j, NULL, &c.sa);
		nfsec_json_end(&j);
	} else {
		sa_print(stdout, &c.sa);
	}
	nfsec_sa_wipe(&c.sa);
	return 0;
}
