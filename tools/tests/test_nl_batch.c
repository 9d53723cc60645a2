// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: pipelined netlink requests (nl_batch.c): what the queue
 * holds, and how ACKs arriving together are matched to requests and
 * their errors reported with the request's tag.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <cmocka.h>
#include <linux/netlink.h>

#include "nl.h"
#include "nl_batch.h"

static struct nfsec_nl_batch b;
static struct nfsec_nl nl = { .batch = &b };

static unsigned long reported_tag;
static int reported_err;
static char reported_msg[NFSEC_NL_ERRMSG_MAX];
static int reports;

static void report(void *data, unsigned long tag, int err, const char *msg)
{
	assert_ptr_equal(data, &nl);
	reports++;
	reported_tag = tag;
	reported_err = err;
	strcpy(reported_msg, msg);
}

static int setup(void **state)
{
	(void)state;
	reports = 0;
	return nfsec_nl_batch_init(&b, report, &nl);
}

static int teardown(void **state)
{
	(void)state;
	nfsec_nl_batch_free(&b);
	return 0;
}

/* Queues a request numbered @seq carrying @payload bytes, tagged @tag. */
static void queue(uint32_t seq, size_t payload, unsigned long tag)
{
	uint32_t buf[1024] = { 0 };
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);

	nlh->nlmsg_type = 0x20;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nlh->nlmsg_seq = seq;
	memset(mnl_nlmsg_put_extra_header(nlh, payload), 0xab, payload);
	b.tag = tag;
	assert_int_equal(nfsec_nl_batch_queue(&nl, nlh), 0);
}

/* Appends to @rx an ACK (or error, with @extack) for request @seq. */
static void ack(char *rx, size_t *len, uint32_t seq, int error,
		const char *extack)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(rx + *len);
	struct nlmsgerr *e;

	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = NLM_F_CAPPED | (extack ? NLM_F_ACK_TLVS : 0);
	nlh->nlmsg_seq = seq;
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	e->error = error;
	e->msg.nlmsg_len = sizeof(struct nlmsghdr);
	e->msg.nlmsg_seq = seq;
	if (extack)
		mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, extack);
	*len += nlh->nlmsg_len;
}

static void test_queue_layout(void **state)
{
	const struct nlmsghdr *nlh;
	int left;

	(void)state;
	queue(10, 5, 1);
	queue(11, 16, 2);
	assert_int_equal(b.n, 2);
	/* padded to 4 bytes, back to back; only the last asks for an ACK */
	assert_int_equal(b.len, MNL_ALIGN(16 + 5) + 16 + 16);
	nlh = (const struct nlmsghdr *)b.buf;
	left = (int)b.len;
	assert_true(mnl_nlmsg_ok(nlh, left));
	assert_int_equal(nlh->nlmsg_seq, 10);
	assert_false(nlh->nlmsg_flags & NLM_F_ACK);
	assert_true(nlh->nlmsg_flags & NLM_F_REQUEST);
	nlh = mnl_nlmsg_next(nlh, &left);
	assert_true(mnl_nlmsg_ok(nlh, left));
	assert_int_equal(nlh->nlmsg_seq, 11);
	assert_true(nlh->nlmsg_flags & NLM_F_ACK);
	assert_int_equal(b.tags[0], 1);
	assert_int_equal(b.tags[1], 2);
}

/* ACKs come in any grouping; the failed one is reported with its tag. */
static void test_acks_matched(void **state)
{
	uint32_t rx32[1024] = { 0 };
	char *rx = (char *)rx32;
	size_t len = 0;
	bool failed = false;

	(void)state;
	queue(10, 8, 101);
	queue(11, 8, 102);
	queue(12, 8, 103);
	ack(rx, &len, 11, -EEXIST, "the entry exists");
	ack(rx, &len, 99, 0, NULL); /* not ours */
	ack(rx, &len, 10, 0, NULL);
	ack(rx, &len, 10, 0, NULL); /* a repeat counts once */
	assert_int_equal(nfsec_nl_batch_acks(&b, rx, len, &failed), 2);
	assert_true(failed);
	assert_int_equal(reports, 1);
	assert_int_equal(reported_tag, 102);
	assert_int_equal(reported_err, -EEXIST);
	assert_string_equal(reported_msg, "the entry exists");

	len = 0;
	failed = false;
	ack(rx, &len, 12, 0, NULL);
	assert_int_equal(nfsec_nl_batch_acks(&b, rx, len, &failed), 1);
	assert_false(failed);
	assert_int_equal(reports, 1);
}

/* A truncated message ends the walk instead of being read past. */
static void test_acks_truncated(void **state)
{
	uint32_t rx32[64] = { 0 };
	char *rx = (char *)rx32;
	size_t len = 0;
	bool failed = false;

	(void)state;
	queue(10, 8, 1);
	ack(rx, &len, 10, -EINVAL, NULL);
	assert_int_equal(nfsec_nl_batch_acks(&b, rx, len - 1, &failed), 0);
	assert_false(failed);
	assert_int_equal(reports, 0);
}

static void test_too_big(void **state)
{
	static uint32_t big[NFSEC_NL_BATCH_BYTES / 4 + 64];
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(big);

	(void)state;
	mnl_nlmsg_put_extra_header(nlh, NFSEC_NL_BATCH_BYTES);
	assert_int_equal(nfsec_nl_batch_queue(&nl, nlh), -EMSGSIZE);
	assert_int_equal(b.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_queue_layout, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_acks_matched, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_acks_truncated, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_too_big, setup, teardown),
	};

	return cmocka_run_group_tests_name("nl_batch", tests, NULL, NULL);
}
