// SPDX-License-Identifier: GPL-2.0
/*
 * Deleting SAs and policies, and the drop counters:
 *
 *   clear crypto sa [peer ADDR | spi ADDR esp|ah SPI | map NAME | counters]
 *   clear crypto isakmp [CONN-ID]   (cryptod's; see isakmp_cmds.c)
 *   flush                    every SA, crypto map entry and binding
 *   counters                 why packets were dropped (as clear resets them)
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "uapi/linux/nfsec.h"
#include "args.h"
#include "exec.h"
#include "ctl.h"
#include "json.h"
#include "sa.h"

struct flush_reply {
	uint32_t count;
	int err;
};

static int flush_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct flush_reply *r = data;

	if (nfsec_msg_attrs(nlh, tb) || !tb[NFSEC_A_COUNT] ||
	    mnl_attr_validate(tb[NFSEC_A_COUNT], MNL_TYPE_U32) < 0) {
		r->err = -EBADMSG;
		return MNL_CB_ERROR;
	}
	r->count = mnl_attr_get_u32(tb[NFSEC_A_COUNT]);
	return MNL_CB_OK;
}

static int ctl_flush_scope(struct ctl *ctl, uint8_t scope,
			   const struct nfsec_sa_info *sa, const char *map)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct flush_reply r = { 0, 0 };
	struct nlmsghdr *nlh;
	int err;

	if (ctl_nl(ctl))
		return 1;
	nlh = nfsec_nl_request(&ctl->nl, buf, NFSEC_CMD_FLUSH, 0);
	mnl_attr_put_u8(nlh, NFSEC_A_FLUSH_SCOPE, scope);
	if (sa)
		nfsec_sa_put(nlh, sa, NFSEC_SA_PUT_KEY);
	if (map)
		mnl_attr_put_strz(nlh, NFSEC_A_MAP_NAME, map);
	err = nfsec_nl_talk(&ctl->nl, nlh, flush_cb, &r);
	if (err || r.err)
		return ctl_nl_error(ctl, "cannot clear", err ?: r.err);
	if (ctl->json) {
		struct nfsec_json j;

		nfsec_json_init(&j, stdout);
		nfsec_json_object_open(&j, NULL);
		nfsec_json_u64(&j, "deleted", r.count);
		nfsec_json_object_close(&j);
		nfsec_json_end(&j);
	} else {
		printf("%" PRIu32 " SA%s deleted\n", r.count,
		       r.count == 1 ? "" : "s");
	}
	return 0;
}

int ctl_cmd_flush(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "flush" };

	if (!args_done(&a))
		return args_bad(&a, "unexpected word", a.argv[0]);
	return ctl_flush_scope(ctl, NFSEC_FLUSH_POLICIES, NULL, NULL);
}

static int ctl_clear_counters(struct ctl *ctl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	if (ctl_nl(ctl))
		return 1;
	nlh = nfsec_nl_request(&ctl->nl, buf, NFSEC_CMD_CLEAR_COUNTERS, 0);
	err = nfsec_nl_talk(&ctl->nl, nlh, NULL, NULL);
	return err ? ctl_nl_error(ctl, "cannot clear the counters", err) : 0;
}

static int clear_spi(struct ctl *ctl, struct ctl_args *a)
{
	struct nfsec_sa_info sa = { .proto = IPPROTO_ESP };
	const char *p;
	int r;

	r = args_ip(a, "spi", &sa.family, &sa.dst);
	if (r)
		return r;
	p = args_value(a, "spi ADDR");
	if (!p)
		return 2;
	if (!strcmp(p, "ah"))
		sa.proto = IPPROTO_AH;
	else if (strcmp(p, "esp"))
		return args_bad(a, "protocol must be esp or ah, not", p);
	r = args_u32(a, "spi ADDR PROTO", &sa.spi);
	if (r)
		return r;
	if (!args_done(a))
		return args_bad(a, "unexpected word", a->argv[0]);
	return ctl_flush_scope(ctl, NFSEC_FLUSH_SPI, &sa, NULL);
}

/* clear crypto sa [...]: the words after "sa". */
int ctl_clear_sa(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args args = { argc, argv, "clear crypto sa" };
	struct ctl_args *a = &args;
	struct nfsec_sa_info sa = { .proto = IPPROTO_ESP };
	const char *w = args_next(a), *v;
	int r;

	if (!w)
		return ctl_flush_scope(ctl, NFSEC_FLUSH_ALL, NULL, NULL);
	if (!strcmp(w, "counters"))
		return args_done(a)
			       ? ctl_clear_counters(ctl)
			       : args_bad(a, "unexpected word", a->argv[0]);
	if (!strcmp(w, "spi"))
		return clear_spi(ctl, a);
	if (!strcmp(w, "peer")) {
		r = args_ip(a, w, &sa.family, &sa.dst);
		return r ?: ctl_flush_scope(ctl, NFSEC_FLUSH_PEER, &sa, NULL);
	}
	if (!strcmp(w, "map")) {
		v = args_value(a, w);
		return v ? ctl_flush_scope(ctl, NFSEC_FLUSH_MAP, NULL, v) : 2;
	}
	return args_bad(a, "expected peer, spi, map or counters, not", w);
}
