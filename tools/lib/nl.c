// SPDX-License-Identifier: GPL-2.0
/*
 * Generic-netlink transport to the nfsec module (see nl.h).
 */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "uapi/linux/nfsec.h"
#include "nl.h"
#include "nl_batch.h"

static int nfsec_nl_err_attr_cb(const struct nlattr *attr, void *data)
{
	const struct nlattr **tb = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type > NLMSGERR_ATTR_MAX)
		return MNL_CB_OK;
	tb[type] = attr;
	return MNL_CB_OK;
}

int nfsec_nl_parse_error(const struct nlmsghdr *nlh, char *msg, size_t len)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { NULL };
	const struct nlmsgerr *err;
	size_t hlen = sizeof(*err);

	if (len)
		msg[0] = '\0';
	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*err)))
		return -EBADMSG;
	err = mnl_nlmsg_get_payload(nlh);
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return err->error;
	/* Without NETLINK_CAP_ACK the original request follows. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (err->msg.nlmsg_len < sizeof(struct nlmsghdr))
			return -EBADMSG;
		hlen += err->msg.nlmsg_len - sizeof(struct nlmsghdr);
	}
	if (mnl_nlmsg_size(hlen) > nlh->nlmsg_len)
		return -EBADMSG;
	if (mnl_attr_parse(nlh, hlen, nfsec_nl_err_attr_cb, tb) < 0)
		return -EBADMSG;
	if (tb[NLMSGERR_ATTR_MSG] && len &&
	    mnl_attr_validate(tb[NLMSGERR_ATTR_MSG], MNL_TYPE_NUL_STRING) ==
		    0) {
		strncpy(msg, mnl_attr_get_str(tb[NLMSGERR_ATTR_MSG]), len - 1);
		msg[len - 1] = '\0';
	}
	return err->error;
}

/* What the receive callbacks share: mnl passes one pointer to all of them. */
struct nfsec_nl_ctx {
	struct nfsec_nl *nl;
	mnl_cb_t cb;
	void *data;
};

static int nfsec_nl_data_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nfsec_nl_ctx *ctx = data;

	return ctx->cb ? ctx->cb(nlh, ctx->data) : MNL_CB_OK;
}

static int nfsec_nl_error_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nfsec_nl_ctx *ctx = data;
	int err;

	err = nfsec_nl_parse_error(nlh, ctx->nl->errmsg,
				   sizeof(ctx->nl->errmsg));
	if (err == 0)
		return MNL_CB_STOP;
	errno = err < 0 ? -err : EPROTO;
	return MNL_CB_ERROR;
}

static int nfsec_nl_noop_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_OK;
}

static int nfsec_nl_done_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_STOP;
}

static mnl_cb_t nfsec_nl_ctl_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_NOOP] = nfsec_nl_noop_cb,
	[NLMSG_ERROR] = nfsec_nl_error_cb,
	[NLMSG_DONE] = nfsec_nl_done_cb,
	[NLMSG_OVERRUN] = nfsec_nl_noop_cb,
};

ssize_t nfsec_nl_send(struct nfsec_nl *nl, const void *buf, size_t len)
{
	if (nl->io)
		return nl->io->send(nl->io->arg, buf, len);
	return mnl_socket_sendto(nl->sock, buf, len);
}

ssize_t nfsec_nl_recv(struct nfsec_nl *nl, void *buf, size_t len)
{
	if (nl->io)
		return nl->io->recv(nl->io->arg, buf, len);
	return mnl_socket_recvfrom(nl->sock, buf, len);
}

bool nfsec_nl_take_intr(void *buf, size_t len)
{
	struct nlmsghdr *nlh = buf;
	int left = len > INT32_MAX ? INT32_MAX : (int)len;
	bool intr = false;

	for (; mnl_nlmsg_ok(nlh, left); nlh = mnl_nlmsg_next(nlh, &left)) {
		if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
			intr = true;
		nlh->nlmsg_flags &= ~NLM_F_DUMP_INTR;
	}
	return intr;
}

int nfsec_nl_talk(struct nfsec_nl *nl, struct nlmsghdr *req, mnl_cb_t cb,
		  void *data)
{
	struct nfsec_nl_ctx ctx = { .nl = nl, .cb = cb, .data = data };
	char buf[NFSEC_NL_RECV_SIZE];
	uint32_t seq = req->nlmsg_seq;
	bool intr = false;
	ssize_t n;
	int ret;

	if (nl->batch && !cb)
		return nfsec_nl_batch_queue(nl, req);
	if (nl->batch) {
		ret = nfsec_nl_batch_flush(nl);
		if (ret)
			return ret;
	}
	nl->errmsg[0] = '\0';
	req->nlmsg_flags |= NLM_F_ACK;
	if (nfsec_nl_send(nl, req, req->nlmsg_len) < 0)
		return -errno;
	do {
		n = nfsec_nl_recv(nl, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		intr |= nfsec_nl_take_intr(buf, (size_t)n);
		errno = 0;
		ret = mnl_cb_run2(buf, n, seq, nl->portid, nfsec_nl_data_cb,
				  &ctx, nfsec_nl_ctl_cbs, NLMSG_MIN_TYPE);
	} while (ret == MNL_CB_OK);
	if (ret == MNL_CB_ERROR)
		return errno ? -errno : -EIO;
	return intr ? -EINTR : 0;
}

static struct nlmsghdr *nfsec_nl_put_hdr(struct nfsec_nl *nl, void *buf,
					 uint16_t type, uint8_t cmd,
					 uint8_t version, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

struct nlmsghdr *nfsec_nl_request(struct nfsec_nl *nl, void *buf, uint8_t cmd,
				  uint16_t flags)
{
	return nfsec_nl_put_hdr(nl, buf, nl->family_id, cmd, NFSEC_GENL_VERSION,
				flags);
}

/* One CTRL_ATTR_MCAST_GROUPS entry: remember the events group's id. */
static void nfsec_nl_mcast_group(struct nfsec_nl *nl, const struct nlattr *grp)
{
	const struct nlattr *a, *name = NULL, *id = NULL;

	mnl_attr_for_each_nested (a, grp) {
		if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_NAME)
			name = a;
		else if (mnl_attr_get_type(a) == CTRL_ATTR_MCAST_GRP_ID)
			id = a;
	}
	if (name && id && mnl_attr_validate(name, MNL_TYPE_NUL_STRING) == 0 &&
	    mnl_attr_validate(id, MNL_TYPE_U32) == 0 &&
	    !strcmp(mnl_attr_get_str(name), NFSEC_MCGRP_EVENTS))
		nl->events_group = mnl_attr_get_u32(id);
}

static int nfsec_nl_family_attr_cb(const struct nlattr *attr, void *data)
{
	struct nfsec_nl *nl = data;
	const struct nlattr *grp;

	switch (mnl_attr_get_type(attr)) {
	case CTRL_ATTR_MCAST_GROUPS:
		if (mnl_attr_validate(attr, MNL_TYPE_NESTED) < 0)
			return MNL_CB_ERROR;
		mnl_attr_for_each_nested (grp, attr)
			nfsec_nl_mcast_group(nl, grp);
		break;
	case CTRL_ATTR_FAMILY_ID:
		if (mnl_attr_validate(attr, MNL_TYPE_U16) < 0)
			return MNL_CB_ERROR;
		nl->family_id = mnl_attr_get_u16(attr);
		break;
	case CTRL_ATTR_VERSION:
		if (mnl_attr_validate(attr, MNL_TYPE_U32) < 0)
			return MNL_CB_ERROR;
		nl->family_version = (uint8_t)mnl_attr_get_u32(attr);
		break;
	}
	return MNL_CB_OK;
}

static int nfsec_nl_family_cb(const struct nlmsghdr *nlh, void *data)
{
	return mnl_attr_parse(nlh, sizeof(struct genlmsghdr),
			      nfsec_nl_family_attr_cb, data);
}

static int nfsec_nl_resolve(struct nfsec_nl *nl)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	nlh = nfsec_nl_put_hdr(nl, buf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, NFSEC_GENL_NAME);
	err = nfsec_nl_talk(nl, nlh, nfsec_nl_family_cb, nl);
	if (err)
		return err;
	return nl->family_id ? 0 : -EPROTO;
}

int nfsec_nl_open(struct nfsec_nl *nl)
{
	int one = 1, err;

	memset(nl, 0, sizeof(*nl));
	nl->seq = (uint32_t)time(NULL);
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock)
		return -errno;
	/* Best effort: older kernels simply send no extack. */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0)
		goto err_bind;
	nl->portid = mnl_socket_get_portid(nl->sock);
	err = nfsec_nl_resolve(nl);
	if (err)
		goto err_resolve;
	return 0;

err_bind:
	err = -errno;
err_resolve:
	mnl_socket_close(nl->sock);
	nl->sock = NULL;
	return err;
}

int nfsec_nl_subscribe(struct nfsec_nl *nl)
{
	int grp = (int)nl->events_group;

	if (!grp)
		return -ENOENT;
	if (mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0)
		return -errno;
	return 0;
}

void nfsec_nl_close(struct nfsec_nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	nl->sock = NULL;
}

void nfsec_nl_use_io(struct nfsec_nl *nl, const struct nfsec_nl_io *io)
{
	nfsec_nl_close(nl);
	nl->io = io;
}

void nfsec_nl_dump_pause(int tries)
{
	long ms = tries > 6 ? 64 : 1L << (tries > 0 ? tries - 1 : 0);
	struct timespec ts = { .tv_nsec = ms * 1000000 };

	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}
