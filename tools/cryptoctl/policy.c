// SPDX-License-Identifier: GPL-2.0
/*
 * cryptoctl policy add|del|list and map bind|unbind|list: crypto map
 * entries and the interfaces they are applied to.
 *
 *   policy add map NAME seq N [peer ADDR] [local ADDR]
 *              [mode tunnel|transport] [transform esp|ah|ah-esp]
 *              [replay-window N] [pfs GROUP]
 *              rule ACTION [src P] [dst P] [proto P] [sport R] [dport R]
 *              [rule ...]
 *     ACTION: protect (IOS permit), bypass, discard, next (IOS deny)
 *   policy del map NAME seq N
 *   policy list [map NAME]
 *   map bind NAME DEV [replace] | map unbind DEV | map list
 */
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "uapi/linux/nfsec.h"
#include "args.h"
#include "exec.h"
#include "ctl.h"
#include "json.h"
#include "listing.h"
#include "print.h"
#include "policy.h"

static int pol_transform(struct ctl_args *a, const char *kw, uint8_t *protos)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (!strcmp(v, "esp"))
		*protos = NFSEC_PROTO_ESP;
	else if (!strcmp(v, "ah"))
		*protos = NFSEC_PROTO_AH;
	else if (!strcmp(v, "ah-esp"))
		*protos = NFSEC_PROTO_AH | NFSEC_PROTO_ESP;
	else
		return args_bad(a, "transform must be esp, ah or ah-esp, not",
				v);
	return 0;
}

static int pol_new_rule(struct ctl_args *a, const char *kw,
			struct nfsec_entry_info *e)
{
	const char *v = args_value(a, kw);
	struct nfsec_rule_info *r;
	int action;

	if (!v)
		return 2;
	action = nfsec_action_parse(v);
	if (action < 0)
		return args_bad(a, "unknown rule action", v);
	if (e->nrules >= NFSEC_RULES_MAX)
		return args_bad(a, "too many rules at", v);
	r = realloc(e->rules, (e->nrules + 1) * sizeof(*r));
	if (!r) {
		fprintf(stderr, "cryptoctl: out of memory\n");
		return 1;
	}
	e->rules = r;
	r = &e->rules[e->nrules++];
	memset(r, 0, sizeof(*r));
	r->action = (uint8_t)action;
	return 0;
}

static int pol_entry_word(struct ctl_args *a, const char *w,
			  struct nfsec_entry_info *e)
{
	if (!strcmp(w, "map"))
		return args_map_name(a, w, e->map) ?: 1;
	if (!strcmp(w, "seq"))
		return args_u32(a, w, &e->seq) ?: 1;
	if (!strcmp(w, "peer"))
		return args_ip(a, w, &e->family, &e->peer) ?: 1;
	if (!strcmp(w, "local"))
		return args_ip(a, w, &e->family, &e->local) ?: 1;
	if (!strcmp(w, "mode"))
		return ctl_mode_parse(a, w, &e->mode) ?: 1;
	if (!strcmp(w, "transform"))
		return pol_transform(a, w, &e->protos) ?: 1;
	if (!strcmp(w, "replay-window")) {
		e->has_replay = true;
		return args_u32(a, w, &e->replay_window) ?: 1;
	}
	if (!strcmp(w, "pfs")) {
		uint32_t g;
		int r = args_u32(a, w, &g);

		e->pfs_group = (uint16_t)g;
		return r ?: 1;
	}
	if (!strcmp(w, "rule"))
		return pol_new_rule(a, w, e) ?: 1;
	if (e->nrules)
		return args_selector(a, w, "", &e->rules[e->nrules - 1].sel);
	return 0;
}

static int pol_send(struct ctl *ctl, uint8_t cmd,
		    const struct nfsec_entry_info *e, bool full,
		    const char *fail)
{
	size_t size = nfsec_entry_msg_size(e);
	struct nlmsghdr *nlh;
	char *buf;
	int err;

	if (ctl_nl(ctl))
		return 1;
	buf = calloc(1, size);
	if (!buf)
		return ctl_nl_error(ctl, fail, -ENOMEM);
	nlh = nfsec_nl_request(&ctl->nl, buf, cmd, 0);
	nfsec_entry_put(nlh, e, full);
	err = nfsec_nl_talk(&ctl->nl, nlh, NULL, NULL);
	free(buf);
	return err ? ctl_nl_error(ctl, fail, err) : 0;
}

static int pol_check(struct ctl_args *a, struct nfsec_entry_info *e,
		     bool need_rules)
{
	unsigned int i;

	if (!e->map[0]) {
		fprintf(stderr, "cryptoctl: %s: missing map\n", a->cmd);
		return 2;
	}
	if (need_rules && !e->nrules) {
		fprintf(stderr, "cryptoctl: %s: missing rule\n", a->cmd);
		return 2;
	}
	for (i = 0; i < e->nrules; i++)
		args_selector_finish(&e->rules[i].sel, e->family);
	return 0;
}

int ctl_policy_add(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "policy add" };
	struct nfsec_entry_info e = { .protos = NFSEC_PROTO_ESP };
	const char *w;
	int r = 0;

	while (!r && (w = args_next(&a))) {
		r = pol_entry_word(&a, w, &e);
		r = r == 0 ? args_bad(&a, "unknown word", w) : r == 1 ? 0 : r;
	}
	if (!r)
		r = pol_check(&a, &e, true);
	if (!r)
		r = pol_send(ctl, NFSEC_CMD_NEW_POLICY, &e, true,
			     "cannot add the crypto map entry");
	nfsec_entry_free(&e);
	return r;
}

int ctl_policy_del(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "policy del" };
	struct nfsec_entry_info e = { .protos = 0 };
	const char *w;
	int r = 0;

	while (!r && (w = args_next(&a))) {
		if (!strcmp(w, "map"))
			r = args_map_name(&a, w, e.map);
		else if (!strcmp(w, "seq"))
			r = args_u32(&a, w, &e.seq);
		else
			r = args_bad(&a, "unknown word", w);
	}
	if (!r)
		r = pol_check(&a, &e, false);
	return r
		       ?: pol_send(ctl, NFSEC_CMD_DEL_POLICY, &e, false,
				   "cannot delete the crypto map entry");
}

static void pol_print_rule(FILE *f, const struct nfsec_rule_info *r)
{
	char s[96], d[96], p[16];
	const struct nfsec_sel *sel = &r->sel;

	fprintf(f, "\trule %s src %s dst %s proto %s",
		nfsec_action_str(r->action),
		nfsec_prefix_str(sel->family, &sel->src, &sel->src_mask, s,
				 sizeof(s)),
		nfsec_prefix_str(sel->family, &sel->dst, &sel->dst_mask, d,
				 sizeof(d)),
		nfsec_proto_str(sel->proto, p, sizeof(p)));
	if (sel->sport_lo || sel->sport_hi != 65535)
		fprintf(f, " sport %u-%u", sel->sport_lo, sel->sport_hi);
	if (sel->dport_lo || sel->dport_hi != 65535)
		fprintf(f, " dport %u-%u", sel->dport_lo, sel->dport_hi);
	fprintf(f, " matches %" PRIu64 "\n", r->matches);
}

static void pol_print(FILE *f, const struct nfsec_entry_info *e)
{
	char p[INET6_ADDRSTRLEN], l[INET6_ADDRSTRLEN];
	unsigned int i;

	fprintf(f, "map %s seq %" PRIu32, e->map, e->seq);
	if (e->family)
		fprintf(f, " peer %s local %s",
			nfsec_ip_str(e->family, &e->peer, p, sizeof(p)),
			nfsec_ip_str(e->family, &e->local, l, sizeof(l)));
	fprintf(f, " mode %s transform %s replay-window %" PRIu32 "\n",
		e->mode == NFSEC_MODE_TRANSPORT ? "transport" : "tunnel",
		nfsec_protos_str(e->protos), e->replay_window);
	for (i = 0; i < e->nrules; i++)
		pol_print_rule(f, &e->rules[i]);
	fprintf(f, "\tacquires %" PRIu64 " no-sa drops %" PRIu64, e->acquires,
		e->no_sa);
	if (e->out_spi)
		fprintf(f, " out-spi 0x%08" PRIx32, e->out_spi);
	fputc('\n', f);
}

static void pol_json(struct nfsec_json *j, const struct nfsec_entry_info *e)
{
	char buf[INET6_ADDRSTRLEN];
	unsigned int i;

	nfsec_json_object_open(j, NULL);
	nfsec_json_string(j, "map", e->map);
	nfsec_json_u64(j, "seq", e->seq);
	if (e->family) {
		nfsec_json_string(
			j, "peer",
			nfsec_ip_str(e->family, &e->peer, buf, sizeof(buf)));
		nfsec_json_string(
			j, "local",
			nfsec_ip_str(e->family, &e->local, buf, sizeof(buf)));
	}
	nfsec_json_string(j, "mode",
			  e->mode == NFSEC_MODE_TRANSPORT ? "transport"
							  : "tunnel");
	nfsec_json_u64(j, "protos", e->protos);
	nfsec_json_u64(j, "replay_window", e->replay_window);
	nfsec_json_u64(j, "pfs_group", e->pfs_group);
	nfsec_json_array_open(j, "rules");
	for (i = 0; i < e->nrules; i++) {
		nfsec_json_object_open(j, NULL);
		nfsec_json_string(j, "action",
				  nfsec_action_str(e->rules[i].action));
		ctl_sel_json(j, "selector", &e->rules[i].sel);
		nfsec_json_u64(j, "matches", e->rules[i].matches);
		nfsec_json_object_close(j);
	}
	nfsec_json_array_close(j);
	nfsec_json_u64(j, "acquires", e->acquires);
	nfsec_json_u64(j, "no_sa", e->no_sa);
	if (e->out_spi)
		nfsec_json_u64(j, "out_spi", e->out_spi);
	nfsec_json_object_close(j);
}

static int pol_list_cb(const struct nfsec_entry_info *e, void *data)
{
	struct ctl_listing *out = data;

	if (!out->f)
		return -ENOMEM;
	if (out->json)
		pol_json(&out->j, e);
	else
		pol_print(out->f, e);
	return 0;
}

int ctl_policy_list(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "policy list" };
	char map[NFSEC_MAP_NAME_MAX] = "";
	struct ctl_listing out;
	const char *w;
	int r = 0, closed;

	while (!r && (w = args_next(&a)))
		r = strcmp(w, "map") ? args_bad(&a, "unknown word", w)
				     : args_map_name(&a, w, map);
	if (r)
		return r;
	if (ctl_nl(ctl))
		return 1;
	r = ctl_listing_open(&out, ctl->json);
	if (!r)
		r = nfsec_entry_dump(&ctl->nl, map[0] ? map : NULL, pol_list_cb,
				     ctl_listing_reset_cb, &out);
	closed = ctl_listing_close(&out, !r);
	r = r ? r : closed;
	return r ? ctl_nl_error(ctl, "cannot list crypto map entries", r) : 0;
}

static int map_ifindex(struct ctl_args *a, const char *dev, uint32_t *ifindex)
{
	*ifindex = if_nametoindex(dev);
	if (!*ifindex)
		return args_bad(a, "no such interface", dev);
	return 0;
}

static int map_talk(struct ctl *ctl, uint8_t cmd, const char *map,
		    uint32_t ifindex, bool replace, const char *fail)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	if (ctl_nl(ctl))
		return 1;
	nlh = nfsec_nl_request(&ctl->nl, buf, cmd, 0);
	if (map)
		mnl_attr_put_strz(nlh, NFSEC_A_MAP_NAME, map);
	mnl_attr_put_u32(nlh, NFSEC_A_IFINDEX, ifindex);
	if (replace)
		mnl_attr_put(nlh, NFSEC_A_REPLACE, 0, NULL);
	err = nfsec_nl_talk(&ctl->nl, nlh, NULL, NULL);
	return err ? ctl_nl_error(ctl, fail, err) : 0;
}

int ctl_map_bind(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "map bind" };
	char map[NFSEC_MAP_NAME_MAX];
	bool replace = false;
	const char *dev;
	uint32_t ifindex;
	int r;

	r = args_map_name(&a, "map bind", map);
	if (r)
		return r;
	dev = args_value(&a, "DEV");
	if (!dev)
		return 2;
	/* replace: DEV's map, if it has another, gives way in one step */
	if (!args_done(&a) && !strcmp(a.argv[0], "replace")) {
		replace = true;
		args_next(&a);
	}
	if (!args_done(&a))
		return args_bad(&a, "unexpected word", a.argv[0]);
	r = map_ifindex(&a, dev, &ifindex);
	if (r)
		return r;
	return map_talk(ctl, NFSEC_CMD_BIND_MAP, map, ifindex, replace,
			"cannot apply the crypto map");
}

int ctl_map_unbind(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "map unbind" };
	const char *dev = args_value(&a, "DEV");
	uint32_t ifindex;

	if (!dev)
		return 2;
	if (!args_done(&a))
		return args_bad(&a, "unexpected word", a.argv[0]);
	return map_ifindex(&a, dev, &ifindex)
		       ?: map_talk(ctl, NFSEC_CMD_UNBIND_MAP, NULL, ifindex,
				   false, "cannot remove the crypto map");
}

static int map_list_cb(const struct nfsec_binding_info *b, void *data)
{
	struct ctl_listing *out = data;
	char dev[IF_NAMESIZE] = "?";

	if (!out->f)
		return -ENOMEM;
	if_indextoname(b->ifindex, dev);
	if (out->json) {
		nfsec_json_object_open(&out->j, NULL);
		nfsec_json_string(&out->j, "interface", dev);
		nfsec_json_u64(&out->j, "ifindex", b->ifindex);
		nfsec_json_string(&out->j, "map", b->map);
		nfsec_json_object_close(&out->j);
	} else {
		fprintf(out->f, "interface %s crypto map %s\n", dev, b->map);
	}
	return 0;
}

int ctl_map_list(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "map list" };
	struct ctl_listing out;
	int r, closed;

	if (!args_done(&a))
		return args_bad(&a, "unexpected word", a.argv[0]);
	if (ctl_nl(ctl))
		return 1;
	r = ctl_listing_open(&out, ctl->json);
	if (!r)
		r = nfsec_binding_dump(&ctl->nl, map_list_cb,
				       ctl_listing_reset_cb, &out);
	closed = ctl_listing_close(&out, !r);
	r = r ? r : closed;
	return r ? ctl_nl_error(ctl, "cannot list crypto map bindings", r) : 0;
}
