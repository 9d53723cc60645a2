// SPDX-License-Identifier: GPL-2.0
/* Unit tests: SA and crypto map entry encoding and decoding (sa.c,
 * policy.c): what a request carries comes back from a reply unchanged,
 * and malformed replies are refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdlib.h>
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

/*
 * NFSEC_RULES_MAX IPv6 rules, the largest entry: no attribute may pass
 * 64 KiB (its 16-bit length would wrap), so the rules that do not fit in
 * NFSEC_POL_A_RULES follow in top-level NFSEC_A_RULES, in order.
 */
static void test_entry_max_rules(void **state)
{
	struct nfsec_entry_info in = { .seq = 10 }, out = { .seq = 0 };
	const struct nlattr *a, *pol = NULL, *r;
	unsigned int i, n = 0, nmore = 0;
	struct nlmsghdr *nlh;
	size_t size;
	void *big;

	(void)state;
	strcpy(in.map, "big");
	in.rules = calloc(NFSEC_RULES_MAX, sizeof(*in.rules));
	assert_non_null(in.rules);
	in.nrules = NFSEC_RULES_MAX;
	for (i = 0; i < in.nrules; i++) {
		in.rules[i].action = NFSEC_ACTION_PROTECT;
		in.rules[i].sel.family = AF_INET6;
		in.rules[i].sel.proto = IPPROTO_UDP;
		in.rules[i].sel.dport_lo = in.rules[i].sel.dport_hi =
			(uint16_t)(i + 1);
	}
	size = nfsec_entry_msg_size(&in);
	big = calloc(1, size);
	assert_non_null(big);
	nlh = mnl_nlmsg_put_header(big);
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct genlmsghdr));
	nfsec_entry_put(nlh, &in, true);
	assert_true(nlh->nlmsg_len <= size);
	/* the attributes tile the payload exactly: no length wrapped */
	mnl_attr_for_each (a, nlh, sizeof(struct genlmsghdr)) {
		assert_true(mnl_attr_get_len(a) <= UINT16_MAX);
		if (mnl_attr_get_type(a) == NFSEC_A_POLICY) {
			pol = a;
			continue;
		}
		assert_int_equal(mnl_attr_get_type(a), NFSEC_A_RULES);
		nmore++;
		mnl_attr_for_each_nested (r, a)
			n++;
	}
	assert_ptr_equal((char *)a, (char *)nlh + nlh->nlmsg_len);
	assert_non_null(pol);
	assert_true(nmore >= 2); /* 1024 * 144 bytes need three */
	assert_int_equal(nfsec_entry_parse(pol, &out), 0);
	assert_int_equal(out.nrules + n, NFSEC_RULES_MAX);
	/* each NFSEC_A_RULES goes on where the one before stopped */
	mnl_attr_for_each (a, nlh, sizeof(struct genlmsghdr))
		mnl_attr_for_each_nested (r, a) {
			const struct nlattr *tb[NFSEC_RULE_A_MAX + 1];
			struct nfsec_sel sel;

			if (mnl_attr_get_type(a) != NFSEC_A_RULES)
				break;
			assert_int_equal(
				nfsec_nest_parse(r, tb, NFSEC_RULE_A_MAX), 0);
			assert_int_equal(
				nfsec_sel_parse(tb[NFSEC_RULE_A_SELECTOR],
						&sel),
				0);
			assert_int_equal(sel.dport_lo, ++out.nrules);
		}
	assert_int_equal(out.nrules, NFSEC_RULES_MAX);
	nfsec_entry_free(&out);
	free(in.rules);
	free(big);
}

/* One reply part as the kernel sends it: @first 0 is the head. */
static const struct nlattr *part(struct nlmsghdr *nlh, uint32_t first,
				 uint32_t nrules, uint32_t from, uint32_t to)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, NFSEC_A_POLICY);
	struct nlattr *rules;
	struct nfsec_sel sel = { .family = AF_INET, .sport_hi = 65535 };

	mnl_attr_put_strz(nlh, NFSEC_POL_A_MAP, "big");
	mnl_attr_put_u32(nlh, NFSEC_POL_A_SEQ, 10);
	if (first)
		mnl_attr_put_u32(nlh, NFSEC_POL_A_RULES_FIRST, first);
	else
		mnl_attr_put_u32(nlh, NFSEC_POL_A_NRULES, nrules);
	rules = mnl_attr_nest_start(nlh, NFSEC_POL_A_RULES);
	for (; from < to; from++) {
		struct nlattr *r = mnl_attr_nest_start(nlh, NFSEC_RULES_A_RULE);

		sel.dport_lo = sel.dport_hi = (uint16_t)from;
		mnl_attr_put_u8(nlh, NFSEC_RULE_A_ACTION, NFSEC_ACTION_PROTECT);
		nfsec_sel_put(nlh, NFSEC_RULE_A_SELECTOR, &sel);
		mnl_attr_nest_end(nlh, r);
	}
	mnl_attr_nest_end(nlh, rules);
	mnl_attr_nest_end(nlh, nest);
	return nest;
}

/* A large entry's reply parts add up to it; parts out of order do not. */
static void test_entry_parts(void **state)
{
	struct nfsec_entry_info e = { .seq = 0 }, other = { .seq = 0 };
	const struct nlattr *p;

	(void)state;
	p = part(msg(), 0, 5, 0, 2);
	assert_false(nfsec_entry_continues(p));
	assert_int_equal(nfsec_entry_parse(p, &e), 0);
	assert_int_equal(e.nrules, 2);
	assert_int_equal(e.nrules_total, 5);
	p = part(msg(), 2, 0, 2, 4);
	assert_true(nfsec_entry_continues(p));
	assert_int_equal(nfsec_entry_parse_more(p, &e), 0);
	/* a part that skips rules, repeats them or is of another entry */
	assert_int_equal(nfsec_entry_parse_more(part(msg(), 5, 0, 5, 6), &e),
			 -EBADMSG);
	assert_int_equal(nfsec_entry_parse_more(part(msg(), 2, 0, 2, 3), &e),
			 -EBADMSG);
	assert_int_equal(nfsec_entry_parse(part(msg(), 4, 0, 4, 5), &other),
			 -EBADMSG);
	nfsec_entry_free(&other);
	p = part(msg(), 4, 0, 4, 6); /* more than NRULES */
	assert_int_equal(nfsec_entry_parse_more(p, &e), -EBADMSG);
	e.nrules = 4; /* a caller drops the entry; here it is reused */
	assert_int_equal(nfsec_entry_parse_more(part(msg(), 4, 0, 4, 5), &e),
			 0);
	assert_int_equal(e.nrules, e.nrules_total);
	assert_int_equal(e.rules[4].sel.dport_lo, 4);
	nfsec_entry_free(&e);
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
		cmocka_unit_test(test_entry_max_rules),
		cmocka_unit_test(test_entry_parts),
		cmocka_unit_test(test_actions),
	};

	return cmocka_run_group_tests_name("sa", tests, NULL, NULL);
}
