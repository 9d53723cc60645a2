// SPDX-License-Identifier: GPL-2.0
/*
 * cryptoctl monitor [count N]: prints the module's events (ACQUIRE, EXPIRE,
 * SA deleted) as they happen, until interrupted or after N events.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>

#include "uapi/linux/nfsec.h"
#include "args.h"
#include "ctl.h"
#include "exec.h"
#include "json.h"
#include "policy.h"
#include "print.h"
#include "sa.h"

struct monitor_ctx {
	struct ctl *ctl;
	uint64_t left; /* events still to print; 0: no limit */
	bool limited;
};

static const char *const limit_names[] = { "bytes", "packets", "seconds",
					   "sequence" };

static const char *limit_str(const struct nlattr *a)
{
	uint8_t l;

	if (!a || mnl_attr_validate(a, MNL_TYPE_U8) < 0)
		return "?";
	l = mnl_attr_get_u8(a);
	return l < sizeof(limit_names) / sizeof(limit_names[0]) ? limit_names[l]
								: "?";
}

static void print_sa_id(const char *what, const struct nfsec_sa_info *sa)
{
	char d[INET6_ADDRSTRLEN];

	printf("%s %s spi 0x%08" PRIx32 " dst %s dir %s conn-id %" PRIu32 "\n",
	       what, sa->proto == IPPROTO_AH ? "ah" : "esp", sa->spi,
	       nfsec_ip_str(sa->family, &sa->dst, d, sizeof(d)),
	       sa->dir == NFSEC_SA_DIR_OUT ? "out" : "in", sa->conn_id);
}

static int monitor_sa_event(struct monitor_ctx *m, const char *type,
			    const struct nlattr **tb)
{
	const char *limit = limit_str(tb[NFSEC_A_EXPIRE_LIMIT]);
	bool expire = !strcmp(type, "EXPIRE");
	bool hard = tb[NFSEC_A_EXPIRE_HARD];
	struct nfsec_sa_info sa;
	char what[64];

	if (nfsec_sa_parse(tb[NFSEC_A_SA], &sa))
		return -EBADMSG;
	if (m->ctl->json) {
		struct nfsec_json j;

		nfsec_json_init(&j, stdout);
		nfsec_json_object_open(&j, NULL);
		nfsec_json_string(&j, "event", type);
		if (expire) {
			nfsec_json_bool(&j, "hard", hard);
			nfsec_json_string(&j, "limit", limit);
		}
		ctl_sa_json(&j, "sa", &sa);
		nfsec_json_object_close(&j);
		nfsec_json_end(&j);
		return 0;
	}
	if (expire)
		snprintf(what, sizeof(what),
			 "EXPIRE %s %s:", hard ? "hard" : "soft", limit);
	else
		snprintf(what, sizeof(what), "DELETE");
	print_sa_id(what, &sa);
	return 0;
}

static int monitor_acquire(struct monitor_ctx *m, const struct nlattr **tb)
{
	struct nfsec_entry_info e;
	struct nfsec_sel fl;
	char s[96], d[96], p[16], peer[INET6_ADDRSTRLEN] = "-";
	uint32_t seq = 0;

	if (nfsec_entry_parse(tb[NFSEC_A_POLICY], &e) || !tb[NFSEC_A_FLOW] ||
	    nfsec_sel_parse(tb[NFSEC_A_FLOW], &fl))
		return -EBADMSG;
	if (tb[NFSEC_A_ACQUIRE_SEQ] &&
	    mnl_attr_validate(tb[NFSEC_A_ACQUIRE_SEQ], MNL_TYPE_U32) == 0)
		seq = mnl_attr_get_u32(tb[NFSEC_A_ACQUIRE_SEQ]);
	if (e.family)
		nfsec_ip_str(e.family, &e.peer, peer, sizeof(peer));
	if (m->ctl->json) {
		struct nfsec_json j;

		nfsec_json_init(&j, stdout);
		nfsec_json_object_open(&j, NULL);
		nfsec_json_string(&j, "event", "ACQUIRE");
		nfsec_json_string(&j, "map", e.map);
		nfsec_json_u64(&j, "seq", e.seq);
		nfsec_json_string(&j, "peer", peer);
		ctl_sel_json(&j, "flow", &fl);
		nfsec_json_u64(&j, "acquire_seq", seq);
		nfsec_json_object_close(&j);
		nfsec_json_end(&j);
	} else {
		printf("ACQUIRE map %s seq %" PRIu32
		       " peer %s: %s -> %s proto %s (#%" PRIu32 ")\n",
		       e.map, e.seq, peer,
		       nfsec_prefix_str(fl.family, &fl.src, &fl.src_mask, s,
					sizeof(s)),
		       nfsec_prefix_str(fl.family, &fl.dst, &fl.dst_mask, d,
					sizeof(d)),
		       nfsec_proto_str(fl.proto, p, sizeof(p)), seq);
	}
	nfsec_entry_free(&e);
	return 0;
}

static int monitor_cb(const struct nlmsghdr *nlh, void *data)
{
	struct monitor_ctx *m = data;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	int err;

	if (nfsec_msg_attrs(nlh, tb))
		return MNL_CB_ERROR;
	switch (g->cmd) {
	case NFSEC_CMD_ACQUIRE:
		err = monitor_acquire(m, tb);
		break;
	case NFSEC_CMD_EXPIRE:
		err = monitor_sa_event(m, "EXPIRE", tb);
		break;
	case NFSEC_CMD_DEL_SA:
		err = monitor_sa_event(m, "DELETE", tb);
		break;
	default:
		return MNL_CB_OK; /* newer events: skipped */
	}
	if (err)
		fprintf(stderr, "cryptoctl: monitor: malformed event %u\n",
			g->cmd);
	fflush(stdout);
	if (m->limited && --m->left == 0)
		return MNL_CB_STOP;
	return MNL_CB_OK;
}

int ctl_cmd_monitor(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "monitor" };
	struct monitor_ctx m = { .ctl = ctl };
	char buf[NFSEC_NL_RECV_SIZE];
	const char *w;
	int ret, err;

	while ((w = args_next(&a))) {
		if (strcmp(w, "count"))
			return args_bad(&a, "unknown word", w);
		err = args_u64(&a, w, &m.left);
		if (err)
			return err;
		m.limited = true;
	}
	if (ctl_nl(ctl))
		return 1;
	err = nfsec_nl_subscribe(&ctl->nl);
	if (err)
		return ctl_nl_error(ctl, "cannot join the events group", err);
	if (!ctl->json)
		printf("monitoring nfsec events\n");
	fflush(stdout);
	do {
		ssize_t n = mnl_socket_recvfrom(ctl->nl.sock, buf, sizeof(buf));

		if (n < 0)
			return ctl_nl_error(ctl, "receive failed", -errno);
		ret = mnl_cb_run(buf, (size_t)n, 0, 0, monitor_cb, &m);
	} while (ret == MNL_CB_OK && !(m.limited && !m.left));
	return 0;
}
