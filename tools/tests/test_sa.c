// SPDX-License-Identifier: GPL-2.0
/* Unit tests: SA and crypto map entry encoding and decoding (sa.c,
 * policy.c): what a request carries comes back from a reply unchanged,
 * and malformed replies are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>
#include <linux/genetlink.h>

#include "uapi/linux/nfsec.h"
#include "policy.h"
#include "sa.h"

static uint32_t buf[2048];

static struct nlmsghdr *msg(void)
{
	struct nlmsghdr *nlh;

	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct genlmsghdr));
	return nlh;
}

static void sample_sa(struct nfsec_sa_info *sa)
{
	uint8_t f = 0;

	memset(sa, 0, sizeof(*sa));
	sa->spi = 0x3262313;
	sa->proto = IPPROTO_ESP;
	assert_int_equal(nfsec_ip_parse("198.51.100.1", &f, &sa->src), 0);
	assert_int_equal(nfsec_ip_parse("198.51.100.2", &f, &sa->dst), 0);
	sa->family = f;
	sa->dir = NFSEC_SA_DIR_OUT;
	sa->enc = NFSEC_ENC_DES_CBC;
	sa->auth = NFSEC_AUTH_HMAC_SHA1_96;
	sa->enckeylen = 8;
	memset(sa->enckey, 0x11, 8);
	sa->authkeylen = 20;
	memset(sa->authkey, 0x22, 20);
	sa->esn = true;
	sa->has_replay = true;
	sa->replay_window = 4096;
	sa->has_map = true;
	strcpy(sa->map, "test");
	sa->map_seq = 10;
	sa->has_life = true;
	sa->life.hard_bytes = 4608000ULL * 1024;
	sa->life.hard_seconds = 3600;
	sa->has_sel = true;
	sa->sel.family = AF_INET;
	sa->sel.proto = IPPROTO_TCP;
	sa->sel.dport_lo = sa->sel.dport_hi = 443;
	sa->sel.sport_hi = 65535;
}

static void test_sa_round_trip(void **state)
{
	struct nfsec_sa_info in, out;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nlmsghdr *nlh = msg();

	(void)state;
	sample_sa(&in);
	nfsec_sa_put(nlh, &in, NFSEC_SA_PUT_ALL);
	assert_int_equal(nfsec_msg_attrs(nlh, tb), 0);
	assert_int_equal(nfsec_sa_parse(tb[NFSEC_A_SA], &out), 0);
	assert_int_equal(out.spi, in.spi);
	assert_int_equal(out.family, AF_INET);
	assert_memory_equal(&out.dst, &in.dst, 4);
	assert_memory_equal(&out.src, &in.src, 4);
	assert_int_equal(out.enc, NFSEC_ENC_DES_CBC);
	assert_int_equal(out.enckeylen, 8);
	assert_memory_equal(out.authkey, in.authkey, 20);
	assert_true(out.esn);
	assert_int_equal(out.replay_window, 4096);
	assert_string_equal(out.map, "test");
	assert_int_equal(out.map_seq, 10);
	assert_int_equal(out.life.hard_seconds, 3600);
	assert_int_equal(out.sel.dport_lo, 443);
	assert_int_equal(out.sel.proto, IPPROTO_TCP);
	nfsec_sa_wipe(&out);
	assert_int_equal(out.authkey[0], 0);
}

static void test_sa_key_only(void **state)
{
	struct nfsec_sa_info in, out;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nlmsghdr *nlh = msg();

	(void)state;
	sample_sa(&in);
	nfsec_sa_put(nlh, &in, NFSEC_SA_PUT_KEY);
	assert_int_equal(nfsec_msg_attrs(nlh, tb), 0);
	assert_int_equal(nfsec_sa_parse(tb[NFSEC_A_SA], &out), 0);
	assert_int_equal(out.enckeylen, 0); /* no keys in a key-only put */
	assert_false(out.has_map);
}

static void test_sa_malformed(void **state)
{
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nfsec_sa_info out;
	struct nlmsghdr *nlh;
	struct nlattr *nest;

	(void)state;
	/* an IPv4 SA with a 16-byte address */
	nlh = msg();
	nest = mnl_attr_nest_start(nlh, NFSEC_A_SA);
	mnl_attr_put_u32(nlh, NFSEC_SA_A_SPI, 0x1000);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_FAMILY, AF_INET);
	mnl_attr_put(nlh, NFSEC_SA_A_DST, 16, buf + 1000);
	mnl_attr_nest_end(nlh, nest);
	assert_int_equal(nfsec_msg_attrs(nlh, tb), 0);
	assert_int_equal(nfsec_sa_parse(tb[NFSEC_A_SA], &out), -EBADMSG);

	/* no SPI */
	nlh = msg();
	nest = mnl_attr_nest_start(nlh, NFSEC_A_SA);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_FAMILY, AF_INET);
	mnl_attr_put(nlh, NFSEC_SA_A_DST, 4, buf + 1000);
	mnl_attr_nest_end(nlh, nest);
	assert_int_equal(nfsec_msg_attrs(nlh, tb), 0);
	assert_int_equal(nfsec_sa_parse(tb[NFSEC_A_SA], &out), -EBADMSG);

	/* a key longer than any cipher's */
	nlh = msg();
	nest = mnl_attr_nest_start(nlh, NFSEC_A_SA);
	mnl_attr_put_u32(nlh, NFSEC_SA_A_SPI, 0x1000);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_FAMILY, AF_INET);
	mnl_attr_put(nlh, NFSEC_SA_A_DST, 4, buf + 1000);
	mnl_attr_put(nlh, NFSEC_SA_A_ENC_KEY, 40, buf + 1000);
	mnl_attr_nest_end(nlh, nest);
	assert_int_equal(nfsec_msg_attrs(nlh, tb), 0);
	assert_int_equal(nfsec_sa_parse(tb[NFSEC_A_SA], &out), -EBADMSG);

	/* no NFSEC_A_SA at all */
	assert_int_equal(nfsec_sa_parse(NULL, &out), -EBADMSG);
}

static void test_entry_round_trip(void **state)
{
	struct nfsec_rule_info rules[2];
	struct nfsec_entry_info in, out;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nlmsghdr *nlh = msg();
	uint8_t f = 0;

	(void)state;
	memset(&in, 0, sizeof(in));
	memset(rules, 0, sizeof(rules));
	strcpy(in.map, "test");
	in.seq = 10;
	assert_int_equal(nfsec_ip_parse("198.51.100.2", &f, &in.peer), 0);
	in.family = f;
	in.protos = NFSEC_PROTO_ESP;
	in.mode = NFSEC_MODE_TUNNEL;
	in.pfs_group = 14;
	rules[0].action = NFSEC_ACTION_NEXT;
	rules[0].sel.family = AF_INET;
	rules[1].action = NFSEC_ACTION_PROTECT;
	rules[1].sel.family = AF_INET;
	rules[1].sel.dport_hi = 65535;
	in.rules = rules;
	in.nrules = 2;
	nfsec_entry_put(nlh, &in, true);
	assert_int_equal(nfsec_msg_attrs(nlh, tb), 0);
	assert_int_equal(nfsec_entry_parse(tb[NFSEC_A_POLICY], &out), 0);
	assert_string_equal(out.map, "test");
	assert_int_equal(out.seq, 10);
	assert_int_equal(out.pfs_group, 14);
	assert_int_equal(out.nrules, 2);
	assert_int_equal(out.rules[0].action, NFSEC_ACTION_NEXT);
	assert_int_equal(out.rules[1].sel.dport_hi, 65535);
	nfsec_entry_free(&out);
}

static void test_actions(void **state)
{
	(void)state;
	assert_int_equal(nfsec_action_parse("permit"), NFSEC_ACTION_PROTECT);
	assert_int_equal(nfsec_action_parse("deny"), NFSEC_ACTION_NEXT);
	assert_int_equal(nfsec_action_parse("discard"), NFSEC_ACTION_DISCARD);
	assert_int_equal(nfsec_action_parse("allow"), -1);
	assert_string_equal(nfsec_action_str(NFSEC_ACTION_BYPASS), "bypass");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sa_round_trip),
		cmocka_unit_test(test_sa_key_only),
		cmocka_unit_test(test_sa_malformed),
		cmocka_unit_test(test_entry_round_trip),
		cmocka_unit_test(test_actions),
	};

	return cmocka_run_group_tests_name("sa", tests, NULL, NULL);
}
