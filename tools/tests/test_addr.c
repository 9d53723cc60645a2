// SPDX-License-Identifier: GPL-2.0
/* Unit tests: addresses, prefixes, ports, protocols and keys (addr.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "addr.h"

static void prefix_ok(const char *in, uint8_t want_family, const char *out)
{
	union nfsec_ip ip, mask;
	uint8_t family = 0;
	char buf[128];

	assert_int_equal(nfsec_prefix_parse(in, &family, &ip, &mask), 0);
	assert_int_equal(family, want_family);
	assert_string_equal(nfsec_prefix_str(family ? family : AF_INET, &ip,
					     &mask, buf, sizeof(buf)),
			    out);
}

static void test_prefixes(void **state)
{
	(void)state;
	prefix_ok("192.0.2.0/24", AF_INET, "192.0.2.0/24");
	prefix_ok("192.0.2.77/24", AF_INET, "192.0.2.0/24"); /* host bits */
	prefix_ok("192.0.2.7", AF_INET, "192.0.2.7");
	prefix_ok("192.0.2.0/255.255.255.0", AF_INET, "192.0.2.0/24");
	/* IOS wildcard 0.0.0.254 = mask 255.255.255.1: every even host */
	prefix_ok("198.51.100.0/255.255.255.1", AF_INET,
		  "198.51.100.0/255.255.255.1");
	prefix_ok("2001:db8::/32", AF_INET6, "2001:db8::/32");
	prefix_ok("any", 0, "any");
	prefix_ok("0.0.0.0/0", AF_INET, "any");
}

static void test_prefix_errors(void **state)
{
	static const char *const bad[] = {
		"192.0.2.0/33",
		"192.0.2.0/",
		"192.0.2/24",
		"2001:db8::/129",
		"192.0.2.0/ffff::",
		"host",
		"",
		"192.0.2.0/24x",
	};
	union nfsec_ip ip, mask;
	uint8_t family;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		family = 0;
		assert_int_equal(
			nfsec_prefix_parse(bad[i], &family, &ip, &mask),
			-EINVAL);
	}
	family = AF_INET6; /* a v4 prefix where v6 was set */
	assert_int_equal(
		nfsec_prefix_parse("192.0.2.0/24", &family, &ip, &mask),
		-EINVAL);
}

static void test_ports(void **state)
{
	uint16_t lo, hi;

	(void)state;
	assert_int_equal(nfsec_port_range_parse("80", &lo, &hi), 0);
	assert_int_equal(lo, 80);
	assert_int_equal(hi, 80);
	assert_int_equal(nfsec_port_range_parse("1024-65535", &lo, &hi), 0);
	assert_int_equal(lo, 1024);
	assert_int_equal(hi, 65535);
	assert_int_equal(nfsec_port_range_parse("90-80", &lo, &hi), -EINVAL);
	assert_int_equal(nfsec_port_range_parse("65536", &lo, &hi), -EINVAL);
	assert_int_equal(nfsec_port_range_parse("-1", &lo, &hi), -EINVAL);
	assert_int_equal(nfsec_port_range_parse("80-", &lo, &hi), -EINVAL);
}

static void test_protos(void **state)
{
	uint8_t p;
	char buf[16];

	(void)state;
	assert_int_equal(nfsec_proto_parse("tcp", &p), 0);
	assert_int_equal(p, 6);
	assert_int_equal(nfsec_proto_parse("ip", &p), 0);
	assert_int_equal(p, 0);
	assert_int_equal(nfsec_proto_parse("132", &p), 0);
	assert_int_equal(p, 132);
	assert_int_equal(nfsec_proto_parse("256", &p), -EINVAL);
	assert_int_equal(nfsec_proto_parse("tcpx", &p), -EINVAL);
	assert_string_equal(nfsec_proto_str(17, buf, sizeof(buf)), "udp");
	assert_string_equal(nfsec_proto_str(0, buf, sizeof(buf)), "ip");
	assert_string_equal(nfsec_proto_str(200, buf, sizeof(buf)), "200");
}

static void test_hex(void **state)
{
	uint8_t k[4];
	char buf[16];

	(void)state;
	assert_int_equal(nfsec_hex_parse("0x0a0B0c", k, sizeof(k)), 3);
	assert_int_equal(k[1], 0x0b);
	assert_int_equal(nfsec_hex_parse("0a0b0c0d", k, sizeof(k)), 4);
	assert_int_equal(nfsec_hex_parse("0a0b0c0d0e", k, sizeof(k)), -EINVAL);
	assert_int_equal(nfsec_hex_parse("0a0", k, sizeof(k)), -EINVAL);
	assert_int_equal(nfsec_hex_parse("0x", k, sizeof(k)), -EINVAL);
	assert_int_equal(nfsec_hex_parse("zz", k, sizeof(k)), -EINVAL);
	nfsec_hex_str(k, 2, buf, sizeof(buf));
	assert_string_equal(buf, "0x0a0b");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefixes),
		cmocka_unit_test(test_prefix_errors),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_protos),
		cmocka_unit_test(test_hex),
	};

	return cmocka_run_group_tests_name("addr", tests, NULL, NULL);
}
