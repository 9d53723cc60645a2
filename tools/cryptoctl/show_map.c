// SPDX-License-Identifier: GPL-2.0
/*
 * show crypto map [tag NAME | interface IF], laid out as the seed's: each
 * kernel entry with its rules under the IOS access list, and, when cryptod
 * runs, the entry's type, access list and transform set names and the live
 * state of the ISAKMP SA with its peer (map_ike.c).  -j gives the same as
 * JSON.
 */
#include <inttypes.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uapi/linux/nfsec.h"
#include "addr.h"
#include "algs.h"
#include "args.h"
#include "json.h"
#include "map_ike.h"
#include "exec.h"
#include "view.h"

static void wildcard(uint8_t family, const union nfsec_ip *m, char *buf,
		     size_t len)
{
	union nfsec_ip w;
	size_t i;

	if (family != AF_INET) {
		snprintf(buf, len, "%d", nfsec_mask_len(family, m));
		return;
	}
	for (i = 0; i < sizeof(w.b); i++)
		w.b[i] = (uint8_t)~m->b[i];
	nfsec_ip_str(family, &w, buf, len);
}

/*
 * One rule; under its IOS access list (@acl) as "access-list 133 permit
 * ip", else in the kernel's words ("protect ip").
 */
static void print_map_rule(const struct nfsec_rule_info *r, const char *acl)
{
	const struct nfsec_sel *s = &r->sel;
	char sa[INET6_ADDRSTRLEN], sw[INET6_ADDRSTRLEN];
	char da[INET6_ADDRSTRLEN], dw[INET6_ADDRSTRLEN], p[16];
	const char *act = nfsec_action_str(r->action);

	nfsec_ip_str(s->family, &s->src, sa, sizeof(sa));
	nfsec_ip_str(s->family, &s->dst, da, sizeof(da));
	wildcard(s->family, &s->src_mask, sw, sizeof(sw));
	wildcard(s->family, &s->dst_mask, dw, sizeof(dw));
	if (acl)
		act = r->action == NFSEC_ACTION_PROTECT ? "permit"
		      : r->action == NFSEC_ACTION_NEXT	? "deny"
							: act;
	printf("\t    %s%s%s%s %s\n\t      source: addr = %s/%s\n\t      dest:   addr = %s/%s\n",
	       acl ? "access-list " : "", acl ? acl : "", acl ? " " : "", act,
	       nfsec_proto_str(s->proto, p, sizeof(p)), sa, sw, da, dw);
}

/* "Transform proposals={ a, b, }" from cryptod's "a,b". */
static void print_map_tsets(const char *tsets)
{
	const char *c;

	printf("\tTransform proposals={ ");
	for (c = tsets; *c; c++)
		if (*c == ',')
			printf(", ");
		else
			putchar(*c);
	printf(", }\n");
}

/* cryptod's part: the ISAKMP SA with the current peer, the pairs it made. */
static void print_map_ike(const struct ctl_map_ike *mi)
{
	printf("\tISAKMP SA with current peer: %s",
	       mi->state[0] ? mi->state : "none");
	if (mi->conn_id)
		printf(", conn-id %u", mi->conn_id);
	printf("\n\tIPsec SA pairs negotiated: %u\n", mi->pairs);
}

/*
 * One entry as the seed's `show crypto map`; @mi (cryptod's record, or
 * NULL when cryptod does not run) adds the type, access list, transform
 * sets and the live IKE state.
 */
static void print_map_entry(const struct view *v,
			    const struct nfsec_entry_info *e,
			    const struct ctl_map_ike *mi)
{
	char peer[INET6_ADDRSTRLEN] = "none", dev[IF_NAMESIZE];
	const char *acl = mi && mi->acl[0] ? mi->acl : NULL;
	unsigned int r;
	size_t b;

	if (e->family)
		nfsec_ip_str(e->family, &e->peer, peer, sizeof(peer));
	printf("Crypto Map \"%s\" %" PRIu32 " %s\n", e->map, e->seq,
	       mi ? mi->type : "ipsec");
	printf("\tPeer = %s\n", peer);
	if (acl)
		printf("\tExtended IP access list %s\n", acl);
	else
		printf("\tRules (in order, first match):\n");
	for (r = 0; r < e->nrules; r++)
		print_map_rule(&e->rules[r], acl);
	printf("\tCurrent peer: %s\n", peer);
	if (e->life.hard_bytes || e->life.hard_seconds)
		printf("\tSession key lifetime: %" PRIu64 " kilobytes/%" PRIu64
		       " seconds\n",
		       e->life.hard_bytes / 1024, e->life.hard_seconds);
	printf("\tPFS (Y/N): %s\n", e->pfs_group ? "Y" : "N");
	if (mi && mi->tsets[0])
		print_map_tsets(mi->tsets);
	printf("\tTransform: %s, mode %s, replay window %" PRIu32 "\n",
	       nfsec_protos_str(e->protos),
	       e->mode == NFSEC_MODE_TRANSPORT ? "transport" : "tunnel",
	       e->replay_window);
	if (mi && !strcmp(mi->type, "ipsec-isakmp"))
		print_map_ike(mi);
	printf("\tInterfaces using crypto map %s:", e->map);
	for (b = 0; b < v->nbinds; b++)
		if (!strcmp(v->binds[b].map, e->map))
			printf(" %s", view_ifname(v->binds[b].ifindex, dev));
	printf("\n\n");
}

/* cryptod's part of one entry in JSON (type, names, IKE state). */
static void map_json_ike(struct nfsec_json *j, const struct ctl_map_ike *mi)
{
	char tsets[sizeof(mi->tsets)], *save = NULL, *t;

	nfsec_json_string(j, "type", mi->type);
	nfsec_json_string(j, "access_list", mi->acl);
	nfsec_json_array_open(j, "transform_sets");
	snprintf(tsets, sizeof(tsets), "%s", mi->tsets);
	for (t = strtok_r(tsets, ",", &save); t; t = strtok_r(NULL, ",", &save))
		nfsec_json_string(j, NULL, t);
	nfsec_json_array_close(j);
	nfsec_json_string(j, "isakmp_state", mi->state);
	nfsec_json_u64(j, "isakmp_conn_id", mi->conn_id);
	nfsec_json_u64(j, "pairs", mi->pairs);
}

static void map_json_entry(struct nfsec_json *j, const struct view *v,
			   const struct nfsec_entry_info *e,
			   const struct ctl_map_ike *mi)
{
	char buf[INET6_ADDRSTRLEN], dev[IF_NAMESIZE];
	size_t b;

	nfsec_json_object_open(j, NULL);
	nfsec_json_string(j, "map", e->map);
	nfsec_json_u64(j, "seq", e->seq);
	if (e->family)
		nfsec_json_string(
			j, "peer",
			nfsec_ip_str(e->family, &e->peer, buf, sizeof(buf)));
	nfsec_json_u64(j, "rules", e->nrules);
	nfsec_json_u64(j, "lifetime_kilobytes", e->life.hard_bytes / 1024);
	nfsec_json_u64(j, "lifetime_seconds", e->life.hard_seconds);
	nfsec_json_u64(j, "pfs_group", e->pfs_group);
	nfsec_json_string(j, "transform", nfsec_protos_str(e->protos));
	nfsec_json_string(j, "mode",
			  e->mode == NFSEC_MODE_TRANSPORT ? "transport"
							  : "tunnel");
	if (mi)
		map_json_ike(j, mi);
	nfsec_json_array_open(j, "interfaces");
	for (b = 0; b < v->nbinds; b++)
		if (!strcmp(v->binds[b].map, e->map))
			nfsec_json_string(
				j, NULL, view_ifname(v->binds[b].ifindex, dev));
	nfsec_json_array_close(j);
	nfsec_json_object_close(j);
}

/* The entries of the view (those of @tag), with cryptod's records. */
static void show_map(struct ctl *ctl, const struct view *v, const char *tag,
		     const struct ctl_map_ike *mi, size_t nmi)
{
	const struct nfsec_entry_info *e;
	const struct ctl_map_ike *m;
	struct nfsec_json j;
	size_t i;

	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_array_open(&j, NULL);
	}
	for (i = 0; i < v->nentries; i++) {
		e = &v->entries[i];
		if (tag && strcmp(e->map, tag))
			continue;
		m = ctl_map_ike_find(mi, nmi, e->map, e->seq);
		if (ctl->json)
			map_json_entry(&j, v, e, m);
		else
			print_map_entry(v, e, m);
	}
	if (ctl->json) {
		nfsec_json_array_close(&j);
		nfsec_json_end(&j);
	}
}

int ctl_show_map(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args args = { argc, argv, "show crypto map" };
	struct ctl_args *a = &args;
	const char *w = args_next(a), *tag = NULL, *dev = NULL;
	char name[IF_NAMESIZE];
	struct ctl_map_ike *mi = NULL;
	struct view v = { 0 };
	size_t nmi = 0, b;
	int r;

	if (w) {
		if (strcmp(w, "tag") && strcmp(w, "interface"))
			return args_bad(a, "expected tag or interface, not", w);
		tag = args_value(a, w);
		if (!tag)
			return 2;
		if (!args_done(a))
			return args_bad(a, "unexpected word", a->argv[0]);
		if (!strcmp(w, "interface"))
			dev = tag;
	}
	r = view_load(ctl, &v);
	/* interface IF: the map bound to IF, and none if it has none */
	for (b = 0; !r && dev && b < v.nbinds; b++)
		if (!strcmp(view_ifname(v.binds[b].ifindex, name), dev))
			break;
	if (!r && dev)
		tag = b < v.nbinds ? v.binds[b].map : "";
	if (!r && ctl_map_ike_load(&mi, &nmi))
		r = 1;
	if (!r)
		show_map(ctl, &v, tag, mi, nmi);
	free(mi);
	view_free(&v);
	return r;
}
