// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: IKEv1 identities and proxy identities (cryptod/ikev1_id.c):
 * ID payloads both ways and refused when malformed, ACL lines to proxy
 * identities and back, and a responder's check of proposed proxies
 * against its ACL.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <cmocka.h>

#include "ikev1_id.h"

#define SEED NFSEC_TOP "/tools/tests/configs/seed/"

static void test_payloads(void **state)
{
	static const uint8_t v4[] = { 1, 17, 0x01, 0xf4, 20, 20, 20, 21 };
	static const uint8_t sub[] = { 4,  0, 0,   0,	50,  50,
				       50, 0, 255, 255, 255, 0 };
	static const uint8_t fqdn[] = { 2,   17,  0x01, 0xf4, 'w',
					'a', 'n', '2',	'5',  '1',
					'1', '.', 'c',	'o',  'm' };
	uint8_t buf[64];
	struct ikev1_id id;
	char s[80];

	(void)state;
	/* phase 1, identity address: UDP port 500, as IOS sends it */
	assert_int_equal(ikev1_id_parse(v4, sizeof(v4), &id), 0);
	assert_int_equal(id.type, IKEV1_ID_IPV4_ADDR);
	assert_int_equal(id.port, 500);
	assert_string_equal(ikev1_id_str(&id, s, sizeof(s)),
			    "20.20.20.21/255.255.255.255/17/500");
	assert_int_equal(ikev1_id_write(&id, buf, sizeof(buf)), sizeof(v4));
	assert_memory_equal(buf, v4, sizeof(v4));
	/* quick mode: the seed's LAN */
	assert_int_equal(ikev1_id_parse(sub, sizeof(sub), &id), 0);
	assert_string_equal(ikev1_id_str(&id, s, sizeof(s)),
			    "50.50.50.0/255.255.255.0/0/0");
	assert_int_equal(ikev1_id_write(&id, buf, sizeof(buf)), sizeof(sub));
	assert_memory_equal(buf, sub, sizeof(sub));
	/* identity hostname */
	assert_int_equal(ikev1_id_parse(fqdn, sizeof(fqdn), &id), 0);
	assert_string_equal(id.name, "wan2511.com");
	assert_int_equal(ikev1_id_write(&id, buf, sizeof(buf)), sizeof(fqdn));
	assert_memory_equal(buf, fqdn, sizeof(fqdn));
	assert_int_equal(ikev1_id_write(&id, buf, 10), 0);
}

static void test_malformed(void **state)
{
	static const uint8_t shortid[] = { 1, 0, 0 };
	static const uint8_t v4short[] = { 1, 0, 0, 0, 1, 2, 3 };
	static const uint8_t sublong[] = { 4, 0, 0, 0, 1, 2, 3, 4, 5 };
	static const uint8_t fqdn0[] = { 2, 0, 0, 0 };
	static const uint8_t fqdnnul[] = { 2, 0, 0, 0, 'a', 0, 'b' };
	static const uint8_t dn[] = { 9, 0, 0, 0, 0x30, 0 };
	static const uint8_t v6[] = { 5, 0, 0, 0, 1, 2, 3, 4 };
	struct ikev1_id id;

	(void)state;
	assert_int_equal(ikev1_id_parse(shortid, sizeof(shortid), &id),
			 -EINVAL);
	assert_int_equal(ikev1_id_parse(v4short, sizeof(v4short), &id),
			 -EINVAL);
	assert_int_equal(ikev1_id_parse(sublong, sizeof(sublong), &id),
			 -EINVAL);
	assert_int_equal(ikev1_id_parse(fqdn0, sizeof(fqdn0), &id), -EINVAL);
	assert_int_equal(ikev1_id_parse(fqdnnul, sizeof(fqdnnul), &id),
			 -EINVAL);
	assert_int_equal(ikev1_id_parse(dn, sizeof(dn), &id), -EINVAL);
	assert_int_equal(ikev1_id_parse(v6, sizeof(v6), &id), -EINVAL);
}

static void test_from_acl(void **state)
{
	struct conf *c = conf_load(SEED "preshare-cl-2513-2A.conf");
	struct ikev1_id src, dst;
	struct nfsec_sel back;
	char s[80];

	(void)state;
	assert_non_null(c);
	ikev1_id_from_sel(&c->acls[0].rules[0].sel, &src, &dst);
	assert_int_equal(src.type, IKEV1_ID_IPV4_ADDR_SUBNET);
	assert_string_equal(ikev1_id_str(&src, s, sizeof(s)),
			    "50.50.50.0/255.255.255.0/0/0");
	assert_string_equal(ikev1_id_str(&dst, s, sizeof(s)),
			    "60.60.60.0/255.255.255.0/0/0");
	assert_int_equal(ikev1_id_to_sel(&src, &dst, &back), 0);
	assert_memory_equal(&back, &c->acls[0].rules[0].sel, sizeof(back));
	conf_free(c);
}

static void test_to_sel(void **state)
{
	static const uint8_t host[] = { 1, 6, 0, 80, 192, 0, 2, 1 };
	static const uint8_t range[] = { 7,   6, 0,   0, 203, 0,
					 113, 0, 203, 0, 113, 255 };
	static const uint8_t odd[] = { 7,   6, 0,   0, 203, 0,
				       113, 1, 203, 0, 113, 5 };
	static const uint8_t v6[] = { 6, 6, 0, 0, 0x20, 0x01, 0x0d, 0xb8,
				      0, 0, 0, 0, 0,	0,    0,    0,
				      0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff,
				      0, 0, 0, 0, 0,	0,    0,    0,
				      0, 0, 0, 0 };
	struct ikev1_id a, b;
	struct nfsec_sel sel;
	char s[64];

	(void)state;
	assert_int_equal(ikev1_id_parse(host, sizeof(host), &a), 0);
	assert_int_equal(ikev1_id_parse(range, sizeof(range), &b), 0);
	assert_int_equal(ikev1_id_to_sel(&a, &b, &sel), 0);
	assert_int_equal(sel.proto, 6);
	assert_int_equal(sel.sport_lo, 80);
	assert_int_equal(sel.sport_hi, 80);
	assert_int_equal(sel.dport_hi, 65535);
	assert_string_equal(nfsec_prefix_str(AF_INET, &sel.dst, &sel.dst_mask,
					     s, sizeof(s)),
			    "203.0.113.0/24");
	/* a range that is no prefix cannot be a selector */
	assert_int_equal(ikev1_id_parse(odd, sizeof(odd), &b), 0);
	assert_int_equal(ikev1_id_to_sel(&a, &b, &sel), -EINVAL);
	/* both sides one family, one protocol */
	assert_int_equal(ikev1_id_parse(v6, sizeof(v6), &b), 0);
	assert_int_equal(ikev1_id_to_sel(&a, &b, &sel), -EINVAL);
}

static void sel_of(const char *src, const char *dst, uint8_t proto,
		   uint16_t dport, struct nfsec_sel *s)
{
	memset(s, 0, sizeof(*s));
	assert_int_equal(
		nfsec_prefix_parse(src, &s->family, &s->src, &s->src_mask), 0);
	assert_int_equal(
		nfsec_prefix_parse(dst, &s->family, &s->dst, &s->dst_mask), 0);
	s->proto = proto;
	s->sport_hi = 65535;
	s->dport_lo = dport;
	s->dport_hi = dport ? dport : 65535;
}

static void test_proxy_check(void **state)
{
	static const char cfg[] =
		"crypto ipsec transform-set t esp-aes\n"
		"crypto map m 10\n"
		" set peer 198.51.100.2\n"
		" set transform-set t\n"
		" match address 101\n"
		"access-list 101 deny ip host 192.0.2.66 any\n"
		"access-list 101 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n"
		"access-list 101 permit udp any host 198.51.100.9 eq 53\n";
	struct conf *c = conf_parse("t.conf", cfg, sizeof(cfg) - 1);
	const struct conf_map_entry *e = &c->entries[0];
	struct nfsec_sel w;
	const char *why;

	(void)state;
	assert_int_equal(c->nerrors, 0);
	/* the whole /24 would take in 192.0.2.66, which is denied first */
	sel_of("192.0.2.0/24", "203.0.113.0/24", 0, 0, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), -EACCES);
	assert_string_equal(why, "denied by the access list");
	sel_of("192.0.2.128/25", "203.0.113.0/24", 0, 0, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), 0);
	sel_of("192.0.2.10/32", "203.0.113.0/25", 6, 443, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), 0);
	sel_of("192.0.0.0/16", "203.0.113.0/24", 0, 0, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), -EACCES);
	assert_string_equal(why, "denied by the access list");
	sel_of("192.0.2.128/25", "203.0.112.0/23", 0, 0, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), -EACCES);
	assert_string_equal(why, "wider than the access list");
	sel_of("192.0.2.66/32", "203.0.113.1/32", 0, 0, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), -EACCES);
	assert_string_equal(why, "denied by the access list");
	sel_of("10.0.0.0/8", "198.51.100.9/32", IPPROTO_UDP, 53, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), 0);
	sel_of("10.0.0.0/8", "198.51.100.9/32", IPPROTO_TCP, 53, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), -EACCES);
	assert_string_equal(why, "not in the access list");
	sel_of("10.0.0.0/8", "198.51.100.9/32", IPPROTO_UDP, 0, &w);
	assert_int_equal(ikev1_proxy_check(c, e, &w, &why), -EACCES);
	assert_string_equal(why, "wider than the access list");

	/* ACQUIRE's flow to the ACL line IOS would propose */
	sel_of("192.0.2.10/32", "203.0.113.7/32", IPPROTO_ICMP, 0, &w);
	assert_ptr_equal(ikev1_acl_rule_for(c, e, &w), &c->acls[0].rules[1]);
	sel_of("192.0.2.66/32", "203.0.113.7/32", IPPROTO_ICMP, 0, &w);
	assert_null(ikev1_acl_rule_for(c, e, &w)); /* denied first */
	sel_of("10.1.2.3/32", "198.51.100.9/32", IPPROTO_UDP, 53, &w);
	assert_ptr_equal(ikev1_acl_rule_for(c, e, &w), &c->acls[0].rules[2]);
	sel_of("10.1.2.3/32", "198.51.100.8/32", IPPROTO_UDP, 53, &w);
	assert_null(ikev1_acl_rule_for(c, e, &w));
	conf_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_payloads),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_from_acl),
		cmocka_unit_test(test_to_sel),
		cmocka_unit_test(test_proxy_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
