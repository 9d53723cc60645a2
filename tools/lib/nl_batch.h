/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pipelined netlink requests: many requests go to the kernel in one
 * sendmsg, and their answers are read afterwards, instead of one round
 * trip each.  Only the last request of a sendmsg asks for an ACK; the
 * kernel answers the others only when they fail, so a run where all
 * succeed reads one message per sendmsg.  For installing thousands of
 * policies and SAs (cryptoctl -b).
 *
 * Attached to a channel (nl->batch), it changes nfsec_nl_talk(): a request
 * without a reply callback is queued, and its error is reported when the
 * queue is sent; a request with a callback first sends the queue, so that
 * requests still reach the kernel in the order they were made.
 */
#ifndef NFSEC_NL_BATCH_H
#define NFSEC_NL_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct nfsec_nl;
struct nlmsghdr;

/*
 * Requests per sendmsg.  If all of them fail, each error takes about
 * 1 KiB of the socket's receive buffer (truesize) until it is read; 128
 * stay well inside the default 208 KiB, so none is dropped.
 */
#define NFSEC_NL_BATCH_MAX 128
#define NFSEC_NL_BATCH_BYTES 65536

/* A failed request: its tag, the kernel's error and extack ("" if none). */
typedef void (*nfsec_nl_batch_report_t)(void *data, unsigned long tag, int err,
					const char *extack);

struct nfsec_nl_batch {
	char *buf; /* the queued requests, back to back */
	size_t len, cap;
	size_t last; /* offset of the request queued last */
	unsigned int n;
	uint32_t seq[NFSEC_NL_BATCH_MAX];
	unsigned long tags[NFSEC_NL_BATCH_MAX];
	bool acked[NFSEC_NL_BATCH_MAX];
	/* the tag of requests queued from now on (cryptoctl: a line number) */
	unsigned long tag;
	nfsec_nl_batch_report_t report;
	void *data;
};

/* 0 or -ENOMEM. */
int nfsec_nl_batch_init(struct nfsec_nl_batch *b,
			nfsec_nl_batch_report_t report, void *data);
/* Wipes the queue (requests may hold keys) and frees it. */
void nfsec_nl_batch_free(struct nfsec_nl_batch *b);

/*
 * Copies @req into the queue, sending the queue first when it is full.
 * The copy asks for an ACK (NLM_F_ACK), and the request queued before it
 * no longer does.  0, or the error of that send (see flush).
 */
int nfsec_nl_batch_queue(struct nfsec_nl *nl, struct nlmsghdr *req);

/*
 * Sends the queue in one sendmsg and reads the answers up to the last
 * request's ACK; each failed request goes to report().  Returns 0 when
 * all succeeded, -ECANCELED when one failed (it was reported), or the
 * errno of the socket.  The queue is empty afterwards.
 */
int nfsec_nl_batch_flush(struct nfsec_nl *nl);

/*
 * The ACKs in @len bytes of received messages: marks each request acked
 * and reports those that failed.  Returns how many of the queue's
 * requests it acked; *failed is set when one failed.  Messages that are
 * not ACKs of a queued request are ignored.
 */
unsigned int nfsec_nl_batch_acks(struct nfsec_nl_batch *b, const void *buf,
				 size_t len, bool *failed);

#endif /* NFSEC_NL_BATCH_H */
