// SPDX-License-Identifier: GPL-2.0
/*
 * show crypto session: one block per peer of each interface's crypto map,
 * as IOS 12.3 and later lay it out:
 *
 *   Crypto session current status
 *
 *   Interface: veth-r2
 *   Session status: UP-ACTIVE
 *   Peer: 198.51.100.2 port 500
 *     IKE SA: local 198.51.100.1/500 remote 198.51.100.2/500 Active
 *     IPSEC FLOW: permit ip 192.0.2.0/255.255.255.0 203.0.113.0/255.255.255.0
 *           Active SAs: 2, origin: crypto map
 *
 * The status: UP-ACTIVE (an ISAKMP SA in QM_IDLE and IPsec SAs), UP-IDLE
 * (the ISAKMP SA only), UP-NO-IKE (IPsec SAs, manual or whose ISAKMP SA
 * went), DOWN-NEGOTIATING (phase 1 under way), DOWN.  The ISAKMP SAs come
 * from cryptod when it runs in the namespace; the rest from the kernel.
 */
#include <inttypes.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "ctl.h"
#include "exec.h"
#include "isakmp_cmds.h"
#include "json.h"
#include "session.h"
#include "view.h"

#define SESSION_IKE_FIELDS 9

/* cryptod's ISAKMP SAs: "sa DST SRC STATE CONN SLOT ROLE LIFE" records. */
struct session_ike {
	char *reply;
	char *(*f)[SESSION_IKE_FIELDS];
	size_t n;
};

static void session_ike_load(struct session_ike *ike)
{
	char *save = NULL, *line;
	size_t cap = 0;

	memset(ike, 0, sizeof(*ike));
	ike->reply = ctl_cryptod_records("isakmp sa\n", true, &save);
	if (!ike->reply)
		return;
	while ((line = strtok_r(NULL, "\n", &save))) {
		char *f[SESSION_IKE_FIELDS];

		if (ctl_cryptod_fields(line, f, SESSION_IKE_FIELDS) != 8 ||
		    strcmp(f[0], "sa"))
			continue;
		if (ike->n == cap) {
			void *nf = realloc(ike->f,
					   (cap * 2 + 4) * sizeof(*ike->f));

			if (!nf)
				return;
			ike->f = nf;
			cap = cap * 2 + 4;
		}
		memcpy(ike->f[ike->n++], f, sizeof(f));
	}
}

static void session_ike_free(struct session_ike *ike)
{
	free(ike->f);
	free(ike->reply);
}

/* The ISAKMP SA between @local and @peer, either way round; NULL if none. */
static char **session_ike_find(const struct session_ike *ike, const char *local,
			       const char *peer)
{
	size_t i;

	for (i = 0; i < ike->n; i++) {
		char **f = ike->f[i];

		if ((!strcmp(f[1], peer) && !strcmp(f[2], local)) ||
		    (!strcmp(f[1], local) && !strcmp(f[2], peer)))
			return f;
	}
	return NULL;
}

static unsigned int session_sas(const struct view *v,
				const struct nfsec_entry_info *e)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < v->nsas; i++)
		n += view_sa_of_entry(&v->sas[i], e);
	return n;
}

const char *ctl_session_status(const char *ike_state, unsigned int nsas)
{
	if (ike_state && !strcmp(ike_state, "QM_IDLE"))
		return nsas ? "UP-ACTIVE" : "UP-IDLE";
	if (nsas)
		return "UP-NO-IKE";
	return ike_state ? "DOWN-NEGOTIATING" : "DOWN";
}

static const char *session_status(char **ikesa, unsigned int nsas)
{
	return ctl_session_status(ikesa ? ikesa[3] : NULL, nsas);
}

/* "permit ip 192.0.2.0/255.255.255.0 203.0.113.0/255.255.255.0" */
static void session_flow(const struct nfsec_rule_info *r, char *buf, size_t len)
{
	const struct nfsec_sel *s = &r->sel;
	char p[16], a[INET6_ADDRSTRLEN], am[INET6_ADDRSTRLEN],
		b[INET6_ADDRSTRLEN], bm[INET6_ADDRSTRLEN];

	nfsec_ip_str(s->family, &s->src, a, sizeof(a));
	nfsec_ip_str(s->family, &s->dst, b, sizeof(b));
	if (s->family == AF_INET) {
		nfsec_ip_str(s->family, &s->src_mask, am, sizeof(am));
		nfsec_ip_str(s->family, &s->dst_mask, bm, sizeof(bm));
	} else {
		snprintf(am, sizeof(am), "%d",
			 nfsec_mask_len(s->family, &s->src_mask));
		snprintf(bm, sizeof(bm), "%d",
			 nfsec_mask_len(s->family, &s->dst_mask));
	}
	snprintf(buf, len, "permit %s %s/%s %s/%s",
		 nfsec_proto_str(s->proto, p, sizeof(p)), a, am, b, bm);
}

static void session_entry(struct ctl *ctl, struct nfsec_json *j,
			  const struct view *v,
			  const struct nfsec_entry_info *e, const char *dev,
			  const struct session_ike *ike)
{
	char local[INET6_ADDRSTRLEN], peer[INET6_ADDRSTRLEN], flow[200];
	unsigned int nsas = session_sas(v, e), r;
	char **ikesa;

	nfsec_ip_str(e->family, &e->local, local, sizeof(local));
	nfsec_ip_str(e->family, &e->peer, peer, sizeof(peer));
	ikesa = session_ike_find(ike, local, peer);
	if (ctl->json) {
		nfsec_json_object_open(j, NULL);
		nfsec_json_string(j, "interface", dev);
		nfsec_json_string(j, "status", session_status(ikesa, nsas));
		nfsec_json_string(j, "peer", peer);
		nfsec_json_string(j, "local", local);
		if (ikesa) {
			nfsec_json_object_open(j, "ike");
			nfsec_json_string(j, "state", ikesa[3]);
			nfsec_json_u64(j, "conn_id",
				       strtoull(ikesa[4], NULL, 10));
			nfsec_json_object_close(j);
		}
		nfsec_json_array_open(j, "flows");
		for (r = 0; r < e->nrules; r++)
			if (e->rules[r].action == NFSEC_ACTION_PROTECT) {
				session_flow(&e->rules[r], flow, sizeof(flow));
				nfsec_json_string(j, NULL, flow);
			}
		nfsec_json_array_close(j);
		nfsec_json_u64(j, "active_sas", nsas);
		nfsec_json_object_close(j);
		return;
	}
	printf("Interface: %s\n", dev);
	printf("Session status: %s\n", session_status(ikesa, nsas));
	printf("Peer: %s port 500\n", peer);
	if (ikesa)
		printf("  IKE SA: local %s/500 remote %s/500 %s\n", local, peer,
		       strcmp(ikesa[3], "QM_IDLE") ? "Inactive" : "Active");
	for (r = 0; r < e->nrules; r++) {
		if (e->rules[r].action != NFSEC_ACTION_PROTECT)
			continue;
		session_flow(&e->rules[r], flow, sizeof(flow));
		printf("  IPSEC FLOW: %s\n", flow);
		printf("        Active SAs: %u, origin: crypto map\n", nsas);
	}
	printf("\n");
}

int ctl_show_crypto_session(struct ctl *ctl, int argc, char **argv)
{
	struct session_ike ike;
	char dev[IF_NAMESIZE];
	struct view v = { 0 };
	struct nfsec_json j;
	size_t b, i;
	int r;

	(void)argc;
	(void)argv;
	r = view_load(ctl, &v);
	if (r) {
		view_free(&v);
		return r;
	}
	session_ike_load(&ike);
	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_array_open(&j, NULL);
	} else {
		printf("Crypto session current status\n\n");
	}
	for (b = 0; b < v.nbinds; b++) {
		view_ifname(v.binds[b].ifindex, dev);
		for (i = 0; i < v.nentries; i++)
			if (v.entries[i].family &&
			    !strcmp(v.entries[i].map, v.binds[b].map))
				session_entry(ctl, &j, &v, &v.entries[i], dev,
					      &ike);
	}
	if (ctl->json) {
		nfsec_json_array_close(&j);
		nfsec_json_end(&j);
	}
	session_ike_free(&ike);
	view_free(&v);
	return 0;
}
