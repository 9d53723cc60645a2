// SPDX-License-Identifier: GPL-2.0
/*
 * NFSEC_CMD_GET_STATUS request and reply decoding (see status.h).
 */
#include <errno.h>
#include <string.h>
#include <linux/genetlink.h>

#include "uapi/linux/nfsec.h"
#include "status.h"

struct nfsec_status_parse {
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	const struct nlattr *st[NFSEC_STATUS_A_MAX + 1];
};

/* One level of attributes into tb[0..max]. */
struct nfsec_status_level {
	const struct nlattr **tb;
	uint16_t max;
};

static int nfsec_status_attr_cb(const struct nlattr *attr, void *data)
{
	const struct nfsec_status_level *l = data;
	uint16_t type = mnl_attr_get_type(attr);

	/* Attributes newer than this tool are skipped, not refused. */
	if (type <= l->max)
		l->tb[type] = attr;
	return MNL_CB_OK;
}

static int nfsec_status_str(const struct nlattr *attr, char *out, size_t len)
{
	if (!attr || mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) < 0 ||
	    strlen(mnl_attr_get_str(attr)) >= len)
		return -EBADMSG;
	strcpy(out, mnl_attr_get_str(attr));
	return 0;
}

static int nfsec_status_u32(const struct nlattr *attr, uint32_t *out)
{
	if (!attr || mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
		return -EBADMSG;
	*out = mnl_attr_get_u32(attr);
	return 0;
}

static int nfsec_status_u64(const struct nlattr *attr, uint64_t *out)
{
	if (!attr || mnl_attr_validate(attr, MNL_TYPE_U64) < 0)
		return -EBADMSG;
	*out = mnl_attr_get_u64(attr);
	return 0;
}

/* NFSEC_STATUS_A_LIMITS, if the module sends it. */
static int nfsec_status_limits(const struct nlattr *nest,
			       struct nfsec_status *s)
{
	const struct nlattr *lim[NFSEC_LIMITS_A_MAX + 1] = { NULL };
	struct nfsec_status_level l = { lim, NFSEC_LIMITS_A_MAX };

	if (!nest)
		return 0;
	if (mnl_attr_validate(nest, MNL_TYPE_NESTED) < 0 ||
	    mnl_attr_parse_nested(nest, nfsec_status_attr_cb, &l) < 0 ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_SAS], &s->sas.used) ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_SAS_MAX], &s->sas.max) ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_LARVAL], &s->larval.used) ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_LARVAL_MAX], &s->larval.max) ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_ENTRIES], &s->entries.used) ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_ENTRIES_MAX],
			     &s->entries.max) ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_RULES], &s->rules.used) ||
	    nfsec_status_u32(lim[NFSEC_LIMITS_A_RULES_MAX], &s->rules.max))
		return -EBADMSG;
	s->has_limits = 1;
	return 0;
}

static int nfsec_status_netns(const struct nlattr **st, struct nfsec_status *s)
{
	if (nfsec_status_u32(st[NFSEC_STATUS_A_HOOKS], &s->hooks) ||
	    nfsec_status_u64(st[NFSEC_STATUS_A_RX_PACKETS], &s->rx_packets) ||
	    nfsec_status_u64(st[NFSEC_STATUS_A_RX_BYTES], &s->rx_bytes) ||
	    nfsec_status_u64(st[NFSEC_STATUS_A_TX_PACKETS], &s->tx_packets) ||
	    nfsec_status_u64(st[NFSEC_STATUS_A_TX_BYTES], &s->tx_bytes))
		return -EBADMSG;
	return nfsec_status_limits(st[NFSEC_STATUS_A_LIMITS], s);
}

int nfsec_status_parse(const struct nlmsghdr *nlh, struct nfsec_status *st)
{
	struct nfsec_status_parse p = { { NULL }, { NULL } };
	struct nfsec_status_level top = { p.tb, NFSEC_A_MAX };
	struct nfsec_status_level sub = { p.st, NFSEC_STATUS_A_MAX };
	const struct nlattr *nest;

	memset(st, 0, sizeof(*st));
	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(struct genlmsghdr)) ||
	    mnl_attr_parse(nlh, sizeof(struct genlmsghdr), nfsec_status_attr_cb,
			   &top) < 0)
		return -EBADMSG;
	if (nfsec_status_str(p.tb[NFSEC_A_VERSION], st->version,
			     sizeof(st->version)) ||
	    nfsec_status_u32(p.tb[NFSEC_A_ABI_VERSION], &st->abi_version) ||
	    nfsec_status_str(p.tb[NFSEC_A_KERNEL_RELEASE], st->kernel_release,
			     sizeof(st->kernel_release)))
		return -EBADMSG;
	nest = p.tb[NFSEC_A_STATUS];
	if (!nest || mnl_attr_validate(nest, MNL_TYPE_NESTED) < 0 ||
	    mnl_attr_parse_nested(nest, nfsec_status_attr_cb, &sub) < 0)
		return -EBADMSG;
	return nfsec_status_netns(p.st, st);
}

struct nfsec_status_reply {
	struct nfsec_status *st;
	int err;
};

static int nfsec_status_reply_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nfsec_status_reply *r = data;

	r->err = nfsec_status_parse(nlh, r->st);
	return r->err ? MNL_CB_ERROR : MNL_CB_OK;
}

int nfsec_status_get(struct nfsec_nl *nl, struct nfsec_status *st)
{
	struct nfsec_status_reply r = { .st = st, .err = -ENODATA };
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	nlh = nfsec_nl_request(nl, buf, NFSEC_CMD_GET_STATUS, 0);
	err = nfsec_nl_talk(nl, nlh, nfsec_status_reply_cb, &r);
	if (r.err == -EBADMSG)
		return r.err;
	return err ? err : r.err;
}
