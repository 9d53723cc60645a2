// SPDX-License-Identifier: GPL-2.0
/*
 * Pipelined netlink requests (see nl_batch.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>

#include "nl.h"
#include "nl_batch.h"

int nfsec_nl_batch_init(struct nfsec_nl_batch *b,
			nfsec_nl_batch_report_t report, void *data)
{
	memset(b, 0, sizeof(*b));
	b->buf = calloc(1, NFSEC_NL_BATCH_BYTES);
	if (!b->buf)
		return -ENOMEM;
	b->cap = NFSEC_NL_BATCH_BYTES;
	b->report = report;
	b->data = data;
	return 0;
}

void nfsec_nl_batch_free(struct nfsec_nl_batch *b)
{
	if (b->buf)
		explicit_bzero(b->buf, b->cap);
	free(b->buf);
	b->buf = NULL;
}

/* The request queued last. */
static struct nlmsghdr *nfsec_nl_batch_last(struct nfsec_nl_batch *b)
{
	return (struct nlmsghdr *)(b->buf + b->last);
}

/* The queue's index of the request numbered @seq, or -1. */
static int nfsec_nl_batch_index(const struct nfsec_nl_batch *b, uint32_t seq)
{
	unsigned int i;

	for (i = 0; i < b->n; i++)
		if (b->seq[i] == seq)
			return (int)i;
	return -1;
}

/* One received message: 1 when it acked a queued request, else 0. */
static unsigned int nfsec_nl_batch_ack(struct nfsec_nl_batch *b,
				       const struct nlmsghdr *nlh, bool *failed)
{
	char msg[NFSEC_NL_ERRMSG_MAX];
	int i, err;

	if (nlh->nlmsg_type != NLMSG_ERROR)
		return 0;
	i = nfsec_nl_batch_index(b, nlh->nlmsg_seq);
	if (i < 0 || b->acked[i])
		return 0;
	b->acked[i] = true;
	err = nfsec_nl_parse_error(nlh, msg, sizeof(msg));
	if (err) {
		*failed = true;
		if (b->report)
			b->report(b->data, b->tags[i], err, msg);
	}
	return 1;
}

unsigned int nfsec_nl_batch_acks(struct nfsec_nl_batch *b, const void *buf,
				 size_t len, bool *failed)
{
	const struct nlmsghdr *nlh = buf;
	int left = (int)len;
	unsigned int acks = 0;

	while (mnl_nlmsg_ok(nlh, left)) {
		acks += nfsec_nl_batch_ack(b, nlh, failed);
		nlh = mnl_nlmsg_next(nlh, &left);
	}
	return acks;
}

/*
 * Reads until the last queued request has its ACK.  The kernel handles a
 * sendmsg's requests in order and answers each failed one with an error,
 * so every error has been read by then.
 */
static int nfsec_nl_batch_wait(struct nfsec_nl *nl, bool *failed)
{
	struct nfsec_nl_batch *b = nl->batch;
	char buf[NFSEC_NL_RECV_SIZE];
	ssize_t n;

	while (!b->acked[b->n - 1]) {
		n = nfsec_nl_recv(nl, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		nfsec_nl_batch_acks(b, buf, (size_t)n, failed);
	}
	return 0;
}

int nfsec_nl_batch_flush(struct nfsec_nl *nl)
{
	struct nfsec_nl_batch *b = nl->batch;
	bool failed = false;
	int err = 0;

	if (!b->n)
		return 0;
	if (nfsec_nl_send(nl, b->buf, b->len) < 0)
		err = -errno;
	else
		err = nfsec_nl_batch_wait(nl, &failed);
	explicit_bzero(b->buf, b->len);
	b->len = 0;
	b->n = 0;
	memset(b->acked, 0, sizeof(b->acked));
	return err ?: failed ? -ECANCELED : 0;
}

int nfsec_nl_batch_queue(struct nfsec_nl *nl, struct nlmsghdr *req)
{
	struct nfsec_nl_batch *b = nl->batch;
	size_t len = MNL_ALIGN(req->nlmsg_len);
	int err;

	if (len > b->cap)
		return -EMSGSIZE;
	if (b->n == NFSEC_NL_BATCH_MAX || b->len + len > b->cap) {
		err = nfsec_nl_batch_flush(nl);
		if (err)
			return err;
	}
	if (b->n)
		nfsec_nl_batch_last(b)->nlmsg_flags &= ~NLM_F_ACK;
	req->nlmsg_flags |= NLM_F_ACK;
	memcpy(b->buf + b->len, req, req->nlmsg_len);
	memset(b->buf + b->len + req->nlmsg_len, 0, len - req->nlmsg_len);
	b->last = b->len;
	b->seq[b->n] = req->nlmsg_seq;
	b->tags[b->n] = b->tag;
	b->len += len;
	b->n++;
	return 0;
}
