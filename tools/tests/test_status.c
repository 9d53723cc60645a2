// SPDX-License-Identifier: GPL-2.0
/* Unit tests: NFSEC_CMD_GET_STATUS reply decoding (status.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <cmocka.h>
#include <linux/genetlink.h>

#include "uapi/linux/nfsec.h"
#include "status.h"

static uint32_t buf[1024];

enum {
	OMIT_NEST = 1 << 0,
	HOOKS_U16 = 1 << 1,
	VERSION_RAW = 1 << 2, /* version without its NUL */
	VERSION_LONG = 1 << 3,
	EXTRA_ATTRS = 1 << 4, /* attributes newer than the tool */
	OMIT_TX_BYTES = 1 << 5,
	LIMITS = 1 << 6, /* NFSEC_STATUS_A_LIMITS, whole */
	LIMITS_SHORT = 1 << 7, /* ... without RULES_MAX */
};

static void put_limits(struct nlmsghdr *nlh, unsigned int how)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, NFSEC_STATUS_A_LIMITS);
	uint16_t a;

	for (a = NFSEC_LIMITS_A_SAS; a <= NFSEC_LIMITS_A_MAX; a++)
		if (a != NFSEC_LIMITS_A_RULES_MAX || !(how & LIMITS_SHORT))
			mnl_attr_put_u32(nlh, a, 100 * a);
	mnl_attr_nest_end(nlh, nest);
}

static struct nlmsghdr *reply(unsigned int how)
{
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;
	struct nlattr *nest;

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = NFSEC_CMD_GET_STATUS;
	if (how & VERSION_RAW)
		mnl_attr_put(nlh, NFSEC_A_VERSION, 5, "0.1.0");
	else if (how & VERSION_LONG)
		mnl_attr_put_strz(nlh, NFSEC_A_VERSION,
				  "0.1.0-this-version-string-is-far-too-long");
	else
		mnl_attr_put_strz(nlh, NFSEC_A_VERSION, "0.1.0");
	mnl_attr_put_u32(nlh, NFSEC_A_ABI_VERSION, 1);
	mnl_attr_put_strz(nlh, NFSEC_A_KERNEL_RELEASE, "6.1.0-56-amd64");
	if (how & EXTRA_ATTRS)
		mnl_attr_put_u32(nlh, NFSEC_A_MAX + 7, 42);
	if (how & OMIT_NEST)
		return nlh;
	nest = mnl_attr_nest_start(nlh, NFSEC_A_STATUS);
	if (how & HOOKS_U16)
		mnl_attr_put_u16(nlh, NFSEC_STATUS_A_HOOKS, 4);
	else
		mnl_attr_put_u32(nlh, NFSEC_STATUS_A_HOOKS, 4);
	mnl_attr_put_u64(nlh, NFSEC_STATUS_A_RX_PACKETS, 10);
	mnl_attr_put_u64(nlh, NFSEC_STATUS_A_RX_BYTES, 840);
	mnl_attr_put_u64(nlh, NFSEC_STATUS_A_TX_PACKETS, 5000000000ULL);
	if (!(how & OMIT_TX_BYTES))
		mnl_attr_put_u64(nlh, NFSEC_STATUS_A_TX_BYTES, 1ULL << 40);
	if (how & (LIMITS | LIMITS_SHORT))
		put_limits(nlh, how);
	if (how & EXTRA_ATTRS)
		mnl_attr_put_u32(nlh, NFSEC_STATUS_A_MAX + 3, 1);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static void test_valid(void **state)
{
	struct nfsec_status st;

	(void)state;
	assert_int_equal(nfsec_status_parse(reply(0), &st), 0);
	assert_string_equal(st.version, "0.1.0");
	assert_int_equal(st.abi_version, 1);
	assert_string_equal(st.kernel_release, "6.1.0-56-amd64");
	assert_int_equal(st.hooks, 4);
	assert_int_equal(st.rx_packets, 10);
	assert_int_equal(st.rx_bytes, 840);
	assert_int_equal(st.tx_packets, 5000000000ULL);
	assert_int_equal(st.tx_bytes, 1ULL << 40);
	assert_false(st.has_limits); /* an older module sends none */
}

static void test_limits(void **state)
{
	struct nfsec_status st;

	(void)state;
	assert_int_equal(nfsec_status_parse(reply(LIMITS), &st), 0);
	assert_true(st.has_limits);
	assert_int_equal(st.sas.used, 100 * NFSEC_LIMITS_A_SAS);
	assert_int_equal(st.sas.max, 100 * NFSEC_LIMITS_A_SAS_MAX);
	assert_int_equal(st.larval.used, 100 * NFSEC_LIMITS_A_LARVAL);
	assert_int_equal(st.larval.max, 100 * NFSEC_LIMITS_A_LARVAL_MAX);
	assert_int_equal(st.entries.used, 100 * NFSEC_LIMITS_A_ENTRIES);
	assert_int_equal(st.entries.max, 100 * NFSEC_LIMITS_A_ENTRIES_MAX);
	assert_int_equal(st.rules.used, 100 * NFSEC_LIMITS_A_RULES);
	assert_int_equal(st.rules.max, 100 * NFSEC_LIMITS_A_RULES_MAX);
}

static void test_newer_attrs_skipped(void **state)
{
	struct nfsec_status st;

	(void)state;
	assert_int_equal(nfsec_status_parse(reply(EXTRA_ATTRS), &st), 0);
	assert_int_equal(st.hooks, 4);
}

static void test_rejects(void **state)
{
	static const unsigned int bad[] = {
		OMIT_NEST,    HOOKS_U16,     VERSION_RAW,
		VERSION_LONG, OMIT_TX_BYTES, LIMITS_SHORT,
	};
	struct nfsec_status st;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(nfsec_status_parse(reply(bad[i]), &st),
				 -EBADMSG);
}

static void test_truncated(void **state)
{
	struct nlmsghdr *nlh = reply(0);
	struct nfsec_status st;

	(void)state;
	nlh->nlmsg_len = sizeof(*nlh) + 2; /* shorter than genlmsghdr */
	assert_int_equal(nfsec_status_parse(nlh, &st), -EBADMSG);
	nlh->nlmsg_len = sizeof(*nlh) + sizeof(struct genlmsghdr) + 12;
	assert_int_equal(nfsec_status_parse(nlh, &st), -EBADMSG);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_newer_attrs_skipped),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_truncated),
	};

	return cmocka_run_group_tests_name("status", tests, NULL, NULL);
}
