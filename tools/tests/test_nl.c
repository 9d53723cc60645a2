// SPDX-License-Identifier: GPL-2.0
/* Unit tests: kernel error and extack decoding (nl.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include <linux/netlink.h>

#include "nl.h"

static uint32_t buf[1024]; /* aligned message buffer */

/* An NLMSG_ERROR for @error; uncapped ones carry a 12-byte fake request. */
static struct nlmsghdr *err_msg(int error, uint16_t flags)
{
	static const char orig[12] = "request-body";
	struct nlmsghdr *nlh;
	struct nlmsgerr *e;

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = NLMSG_ERROR;
	nlh->nlmsg_flags = flags;
	e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));
	e->error = error;
	e->msg.nlmsg_len = sizeof(struct nlmsghdr);
	if (!(flags & NLM_F_CAPPED)) {
		e->msg.nlmsg_len += sizeof(orig);
		memcpy(mnl_nlmsg_put_extra_header(nlh, sizeof(orig)), orig,
		       sizeof(orig));
	}
	return nlh;
}

static void test_ack(void **state)
{
	char msg[64] = "stale";

	(void)state;
	assert_int_equal(nfsec_nl_parse_error(err_msg(0, NLM_F_CAPPED), msg,
					      sizeof(msg)),
			 0);
	assert_string_equal(msg, "");
}

static void test_error_no_tlvs(void **state)
{
	char msg[64];

	(void)state;
	assert_int_equal(
		nfsec_nl_parse_error(err_msg(-EPERM, 0), msg, sizeof(msg)),
		-EPERM);
	assert_string_equal(msg, "");
}

static void test_extack_capped(void **state)
{
	struct nlmsghdr *nlh = err_msg(-EINVAL, NLM_F_CAPPED | NLM_F_ACK_TLVS);
	char msg[64];

	(void)state;
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG,
			  "NFSEC_A_VERSION is reply-only");
	mnl_attr_put_u32(nlh, NLMSGERR_ATTR_OFFS, 20);
	assert_int_equal(nfsec_nl_parse_error(nlh, msg, sizeof(msg)), -EINVAL);
	assert_string_equal(msg, "NFSEC_A_VERSION is reply-only");
}

/* Without NETLINK_CAP_ACK the request sits between header and TLVs. */
static void test_extack_uncapped(void **state)
{
	struct nlmsghdr *nlh = err_msg(-ERANGE, NLM_F_ACK_TLVS);
	char msg[64];

	(void)state;
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "out of range");
	assert_int_equal(nfsec_nl_parse_error(nlh, msg, sizeof(msg)), -ERANGE);
	assert_string_equal(msg, "out of range");
}

static void test_extack_truncated_to_buffer(void **state)
{
	struct nlmsghdr *nlh = err_msg(-EINVAL, NLM_F_CAPPED | NLM_F_ACK_TLVS);
	char msg[8];

	(void)state;
	mnl_attr_put_strz(nlh, NLMSGERR_ATTR_MSG, "a much longer message");
	assert_int_equal(nfsec_nl_parse_error(nlh, msg, sizeof(msg)), -EINVAL);
	assert_string_equal(msg, "a much ");
}

static void test_extack_unterminated_ignored(void **state)
{
	struct nlmsghdr *nlh = err_msg(-EINVAL, NLM_F_CAPPED | NLM_F_ACK_TLVS);
	char msg[64];

	(void)state;
	mnl_attr_put(nlh, NLMSGERR_ATTR_MSG, 4, "abcd");
	assert_int_equal(nfsec_nl_parse_error(nlh, msg, sizeof(msg)), -EINVAL);
	assert_string_equal(msg, "");
}

static void test_truncated(void **state)
{
	struct nlmsghdr *nlh = err_msg(-EINVAL, NLM_F_CAPPED);
	char msg[64];

	(void)state;
	nlh->nlmsg_len = sizeof(struct nlmsghdr) + 2;
	assert_int_equal(nfsec_nl_parse_error(nlh, msg, sizeof(msg)), -EBADMSG);
}

/* An embedded request whose length runs past the message. */
static void test_bogus_inner_length(void **state)
{
	struct nlmsghdr *nlh = err_msg(-EINVAL, NLM_F_ACK_TLVS);
	struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	char msg[64];

	(void)state;
	e->msg.nlmsg_len = 4000;
	assert_int_equal(nfsec_nl_parse_error(nlh, msg, sizeof(msg)), -EBADMSG);
	e->msg.nlmsg_len = 3; /* shorter than a header */
	assert_int_equal(nfsec_nl_parse_error(nlh, msg, sizeof(msg)), -EBADMSG);
}

/* Puts a bare message of @type and @seq after @len bytes of buf. */
static size_t put_msg(size_t len, uint16_t type, uint32_t seq, size_t payload)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header((char *)buf + len);

	nlh->nlmsg_type = type;
	nlh->nlmsg_seq = seq;
	memset(mnl_nlmsg_put_extra_header(nlh, payload), 0, payload);
	return len + nlh->nlmsg_len;
}

static double pause_ms(int tries)
{
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	nfsec_nl_dump_pause(tries);
	clock_gettime(CLOCK_MONOTONIC, &b);
	return (double)(b.tv_sec - a.tv_sec) * 1e3 +
	       (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

/* The pause between dump tries: 1 ms first, doubling, at most 64 ms. */
static void test_dump_pause(void **state)
{
	(void)state;
	assert_true(pause_ms(1) >= 1.0);
	assert_true(pause_ms(3) >= 4.0);
	assert_true(pause_ms(NFSEC_DUMP_TRIES) >= 64.0);
	assert_true(pause_ms(NFSEC_DUMP_TRIES) < 500.0);
}

static void test_take_intr(void **state)
{
	struct nlmsghdr *second;
	size_t n;

	(void)state;
	n = put_msg(0, 0x20, 5, 40);
	second = (struct nlmsghdr *)((char *)buf + n);
	n = put_msg(n, 0x20, 5, 16);
	n = put_msg(n, NLMSG_DONE, 5, 4);
	assert_false(nfsec_nl_take_intr(buf, n));
	second->nlmsg_flags |= NLM_F_MULTI | NLM_F_DUMP_INTR;
	assert_true(nfsec_nl_take_intr(buf, n));
	assert_int_equal(second->nlmsg_flags, NLM_F_MULTI); /* only INTR off */
	assert_false(nfsec_nl_take_intr(buf, n)); /* taken */
	second->nlmsg_flags |= NLM_F_DUMP_INTR;
	/* A receive cut before the flagged message does not see it. */
	assert_false(nfsec_nl_take_intr(buf, 40 + NLMSG_HDRLEN + 8));
	assert_false(nfsec_nl_take_intr(buf, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ack),
		cmocka_unit_test(test_take_intr),
		cmocka_unit_test(test_dump_pause),
		cmocka_unit_test(test_error_no_tlvs),
		cmocka_unit_test(test_extack_capped),
		cmocka_unit_test(test_extack_uncapped),
		cmocka_unit_test(test_extack_truncated_to_buffer),
		cmocka_unit_test(test_extack_unterminated_ignored),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bogus_inner_length),
	};

	return cmocka_run_group_tests_name("nl", tests, NULL, NULL);
}
