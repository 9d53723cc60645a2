// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's netlink requests and events (see kernel.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <linux/genetlink.h>

#include "kernel.h"

int cd_kernel_open(struct cd_kernel *k)
{
	int err;

	memset(k, 0, sizeof(*k));
	err = nfsec_nl_open(&k->nl);
	if (err)
		return err;
	err = nfsec_nl_open(&k->ev);
	if (!err)
		err = nfsec_nl_subscribe(&k->ev);
	if (err) {
		nfsec_nl_close(&k->nl);
		return err;
	}
	return 0;
}

void cd_kernel_close(struct cd_kernel *k)
{
	nfsec_nl_close(&k->ev);
	nfsec_nl_close(&k->nl);
}

int cd_kernel_event_fd(const struct cd_kernel *k)
{
	return mnl_socket_get_fd(k->ev.sock);
}

int cd_kernel_policy(struct cd_kernel *k, const struct nfsec_entry_info *e)
{
	size_t size = nfsec_entry_msg_size(e);
	struct nlmsghdr *nlh;
	char *buf = calloc(1, size);
	int err;

	if (!buf)
		return -ENOMEM;
	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_NEW_POLICY, 0);
	nfsec_entry_put(nlh, e, true);
	err = nfsec_nl_talk(&k->nl, nlh, NULL, NULL);
	free(buf);
	return err;
}

int cd_kernel_bind(struct cd_kernel *k, const char *map, uint32_t ifindex)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;

	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_BIND_MAP, 0);
	mnl_attr_put_strz(nlh, NFSEC_A_MAP_NAME, map);
	mnl_attr_put_u32(nlh, NFSEC_A_IFINDEX, ifindex);
	/* our configuration says what is bound: a crashed run's map goes */
	mnl_attr_put(nlh, NFSEC_A_REPLACE, 0, NULL);
	return nfsec_nl_talk(&k->nl, nlh, NULL, NULL);
}

int cd_kernel_unbind(struct cd_kernel *k, uint32_t ifindex)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;

	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_UNBIND_MAP, 0);
	mnl_attr_put_u32(nlh, NFSEC_A_IFINDEX, ifindex);
	return nfsec_nl_talk(&k->nl, nlh, NULL, NULL);
}

int cd_kernel_del_policy(struct cd_kernel *k, const char *map, uint32_t seq)
{
	struct nfsec_entry_info e = { .seq = seq };
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;

	snprintf(e.map, sizeof(e.map), "%s", map);
	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_DEL_POLICY, 0);
	nfsec_entry_put(nlh, &e, false);
	return nfsec_nl_talk(&k->nl, nlh, NULL, NULL);
}

static int cd_spi_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nfsec_sa_info sa;

	if (nfsec_msg_attrs(nlh, tb) || !tb[NFSEC_A_SA] ||
	    nfsec_sa_parse(tb[NFSEC_A_SA], &sa))
		return MNL_CB_ERROR;
	*(uint32_t *)data = sa.spi;
	return MNL_CB_OK;
}

int cd_kernel_spi(struct cd_kernel *k, uint8_t proto, uint8_t family,
		  const union nfsec_ip *src, const union nfsec_ip *dst,
		  uint32_t *spi)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	*spi = 0;
	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_ALLOC_SPI, 0);
	/* no SPI: the kernel picks it */
	nest = mnl_attr_nest_start(nlh, NFSEC_A_SA);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_PROTO, proto);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_FAMILY, family);
	mnl_attr_put(nlh, NFSEC_SA_A_DST, nfsec_ip_len(family), dst);
	mnl_attr_put(nlh, NFSEC_SA_A_SRC, nfsec_ip_len(family), src);
	mnl_attr_nest_end(nlh, nest);
	return nfsec_nl_talk(&k->nl, nlh, cd_spi_cb, spi) ?: (*spi ? 0 : -EIO);
}

int cd_kernel_sa(struct cd_kernel *k, const struct nfsec_sa_info *sa)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_NEW_SA, 0);
	nfsec_sa_put(nlh, sa, NFSEC_SA_PUT_ALL);
	err = nfsec_nl_talk(&k->nl, nlh, NULL, NULL);
	explicit_bzero(buf, sizeof(buf));
	return err;
}

int cd_kernel_del_sa(struct cd_kernel *k, uint8_t proto, uint32_t spi,
		     uint8_t family, const union nfsec_ip *dst)
{
	struct nfsec_sa_info sa = {
		.spi = spi, .proto = proto, .family = family, .dst = *dst
	};
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;

	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_DEL_SA, 0);
	nfsec_sa_put(nlh, &sa, NFSEC_SA_PUT_KEY);
	return nfsec_nl_talk(&k->nl, nlh, NULL, NULL);
}

static int cd_out_spi_cb(const struct nfsec_entry_info *e, void *data)
{
	*(bool *)data = e->out_spi != 0;
	return 0;
}

int cd_kernel_has_out_sa(struct cd_kernel *k, const char *map, uint32_t seq)
{
	bool found = false;
	int err = nfsec_entry_get(&k->nl, map, seq, cd_out_spi_cb, &found);

	return err ? err : found;
}

int cd_kernel_flush_sas(struct cd_kernel *k)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;

	nlh = nfsec_nl_request(&k->nl, buf, NFSEC_CMD_FLUSH, 0);
	mnl_attr_put_u8(nlh, NFSEC_A_FLUSH_SCOPE, NFSEC_FLUSH_ALL);
	return nfsec_nl_talk(&k->nl, nlh, NULL, NULL);
}

static void cd_event_acquire(const struct nlattr **tb,
			     const struct cd_events *ev)
{
	struct nfsec_entry_info e;
	struct nfsec_sel flow;

	if (!ev->acquire || !tb[NFSEC_A_POLICY] || !tb[NFSEC_A_FLOW] ||
	    nfsec_entry_parse(tb[NFSEC_A_POLICY], &e))
		return;
	if (!nfsec_sel_parse(tb[NFSEC_A_FLOW], &flow))
		ev->acquire(ev->arg, e.map, e.seq, &flow);
	nfsec_entry_free(&e);
}

/* DEL_SA, or an EXPIRE that is soft (a hard one is followed by DEL_SA) */
static void cd_event_sa(const struct nlattr **tb, uint8_t cmd,
			const struct cd_events *ev)
{
	struct nfsec_sa_info sa;

	if (!tb[NFSEC_A_SA] || nfsec_sa_parse(tb[NFSEC_A_SA], &sa))
		return;
	if (cmd == NFSEC_CMD_DEL_SA && ev->gone)
		ev->gone(ev->arg, &sa);
	else if (cmd != NFSEC_CMD_DEL_SA && !tb[NFSEC_A_EXPIRE_HARD] &&
		 ev->soft)
		ev->soft(ev->arg, &sa);
	nfsec_sa_wipe(&sa);
}

static int cd_event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	const struct cd_events *ev = data;

	if (nfsec_msg_attrs(nlh, tb))
		return MNL_CB_OK;
	if (g->cmd == NFSEC_CMD_ACQUIRE)
		cd_event_acquire(tb, ev);
	else if (g->cmd == NFSEC_CMD_DEL_SA || g->cmd == NFSEC_CMD_EXPIRE)
		cd_event_sa(tb, g->cmd, ev);
	return MNL_CB_OK;
}

int cd_kernel_events(struct cd_kernel *k, const struct cd_events *ev)
{
	char buf[NFSEC_NL_RECV_SIZE];
	ssize_t n;

	n = mnl_socket_recvfrom(k->ev.sock, buf, sizeof(buf));
	if (n < 0)
		return errno == ENOBUFS ? 0 : -errno; /* overrun: keep going */
	return mnl_cb_run(buf, (size_t)n, 0, 0, cd_event_cb, (void *)ev) < 0
		       ? -EBADMSG
		       : 0;
}
