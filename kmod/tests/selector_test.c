// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: traffic selectors (selector.c).
 */
#include <kunit/test.h>
#include <linux/inet.h>
#include <net/ipv6.h>

#include "../selector.c"

static union nfsec_addr v4(const char *s)
{
	union nfsec_addr a = {};

	a.ip = in_aton(s);
	return a;
}

static union nfsec_addr v6(struct kunit *test, const char *s)
{
	union nfsec_addr a = {};

	KUNIT_ASSERT_EQ(test, in6_pton(s, -1, a.in6.s6_addr, -1, NULL), 1);
	return a;
}

/* 198.51.100.0/24 -> 203.0.113.0/24, any protocol, any ports. */
static struct nfsec_selector sel_v4_nets(void)
{
	struct nfsec_selector sel = {
		.family = AF_INET,
		.saddr = v4("198.51.100.0"), .smask = v4("255.255.255.0"),
		.daddr = v4("203.0.113.0"), .dmask = v4("255.255.255.0"),
		.sport_hi = U16_MAX, .dport_hi = U16_MAX,
	};
	return sel;
}

static struct nfsec_flow flow_v4(const char *src, const char *dst, u8 proto,
				 u16 sport, u16 dport)
{
	struct nfsec_flow fl = {
		.family = AF_INET, .saddr = v4(src), .daddr = v4(dst),
		.proto = proto, .sport = sport, .dport = dport,
	};
	return fl;
}

static void selector_test_v4_prefix(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();
	struct nfsec_flow in = flow_v4("198.51.100.7", "203.0.113.200",
				       IPPROTO_UDP, 5000, 53);
	struct nfsec_flow out_src = flow_v4("198.51.101.7", "203.0.113.200",
					    IPPROTO_UDP, 5000, 53);
	struct nfsec_flow reversed = flow_v4("203.0.113.200", "198.51.100.7",
					     IPPROTO_UDP, 53, 5000);

	KUNIT_EXPECT_NULL(test, nfsec_selector_normalize(&sel));
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &in));
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &out_src));
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &reversed));
}

static void selector_test_host_and_any(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();
	struct nfsec_flow fl = flow_v4("198.51.100.1", "192.0.2.9",
				       IPPROTO_TCP, 1, 2);

	sel.smask = v4("255.255.255.255");	/* host 198.51.100.1 */
	sel.saddr = v4("198.51.100.1");
	sel.dmask = v4("0.0.0.0");		/* any */
	KUNIT_EXPECT_NULL(test, nfsec_selector_normalize(&sel));
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &fl));
	fl.saddr = v4("198.51.100.2");
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &fl));
}

/* IOS "198.51.100.0 0.0.0.254": every even host of the /24. */
static void selector_test_noncontiguous_wildcard(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();
	struct nfsec_flow fl = flow_v4("198.51.100.4", "203.0.113.1",
				       IPPROTO_TCP, 1, 2);

	sel.smask = v4("255.255.255.1");
	KUNIT_EXPECT_NULL(test, nfsec_selector_normalize(&sel));
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &fl));
	fl.saddr = v4("198.51.100.254");
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &fl));
	fl.saddr = v4("198.51.100.5");
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &fl));
}

static void selector_test_v6(struct kunit *test)
{
	struct nfsec_selector sel = {
		.family = AF_INET6,
		.saddr = v6(test, "2001:db8:1::"),
		.smask = v6(test, "ffff:ffff:ffff:ffff::"),
		.daddr = v6(test, "2001:db8:2::"),
		.dmask = v6(test, "ffff:ffff:ffff:ffff::"),
		.sport_hi = U16_MAX, .dport_hi = U16_MAX,
	};
	struct nfsec_flow fl = {
		.family = AF_INET6, .proto = IPPROTO_UDP,
		.saddr = v6(test, "2001:db8:1::1234"),
		.daddr = v6(test, "2001:db8:2:0:ffff::1"),
	};
	/* any -> any over IPv4: only the family can tell the flow apart */
	struct nfsec_selector any4 = {
		.family = AF_INET, .sport_hi = U16_MAX, .dport_hi = U16_MAX,
	};

	KUNIT_EXPECT_NULL(test, nfsec_selector_normalize(&sel));
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &fl));
	fl.daddr = v6(test, "2001:db8:2:1::1");
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &fl));
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&any4, &fl));
}

static void selector_test_protocol(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();
	struct nfsec_flow udp = flow_v4("198.51.100.7", "203.0.113.1",
					IPPROTO_UDP, 1, 2);
	struct nfsec_flow esp = flow_v4("198.51.100.7", "203.0.113.1",
					IPPROTO_ESP, 0, 0);

	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &esp));
	sel.proto = IPPROTO_TCP;
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &udp));
	sel.proto = IPPROTO_UDP;
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &udp));
}

/* "range 1024 2047" on the destination, "eq 443" on the source. */
static void selector_test_port_edges(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();
	struct nfsec_flow fl = flow_v4("198.51.100.7", "203.0.113.1",
				       IPPROTO_TCP, 443, 1024);

	sel.proto = IPPROTO_TCP;
	sel.sport_lo = 443;
	sel.sport_hi = 443;
	sel.dport_lo = 1024;
	sel.dport_hi = 2047;
	KUNIT_EXPECT_NULL(test, nfsec_selector_normalize(&sel));
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &fl));
	fl.dport = 2047;
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &fl));
	fl.dport = 2048;
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &fl));
	fl.dport = 1023;
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &fl));
	fl.dport = 1500;
	fl.sport = 444;
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &fl));
}

/* "permit icmp ... echo": type 8 in sport, any code. */
static void selector_test_icmp_type(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();
	struct nfsec_flow echo = flow_v4("198.51.100.7", "203.0.113.1",
					 IPPROTO_ICMP, 8, 0);
	struct nfsec_flow reply = flow_v4("198.51.100.7", "203.0.113.1",
					  IPPROTO_ICMP, 0, 0);

	sel.proto = IPPROTO_ICMP;
	sel.sport_lo = 8;
	sel.sport_hi = 8;
	KUNIT_EXPECT_NULL(test, nfsec_selector_normalize(&sel));
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &echo));
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &reply));
}

/* A non-first fragment has no ports: only port-less selectors match it. */
static void selector_test_opaque_ports(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();
	/* port fields that would match: they must be ignored, not read */
	struct nfsec_flow frag = flow_v4("198.51.100.7", "203.0.113.1",
					 IPPROTO_UDP, 1234, 53);

	frag.ports_opaque = true;
	sel.proto = IPPROTO_UDP;
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &frag));
	sel.dport_lo = 53;
	sel.dport_hi = 53;
	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &frag));
	/* lenient: judged by addresses and protocol */
	KUNIT_EXPECT_TRUE(test, nfsec_selector_may_match(&sel, &frag));
	frag.proto = IPPROTO_TCP;
	KUNIT_EXPECT_FALSE(test, nfsec_selector_may_match(&sel, &frag));
	frag.proto = IPPROTO_UDP;
	frag.daddr = v4("203.0.114.1");
	KUNIT_EXPECT_FALSE(test, nfsec_selector_may_match(&sel, &frag));
}

/*
 * An IPv6 non-first fragment whose fragmentable part starts with an
 * extension header: its protocol is unknown as well.
 */
static void selector_test_opaque_proto(struct kunit *test)
{
	struct nfsec_selector sel = {
		.family = AF_INET6,
		.saddr = v6(test, "2001:db8:a::"),
		.smask = v6(test, "ffff:ffff:ffff:ffff::"),
		.daddr = v6(test, "2001:db8:b::"),
		.dmask = v6(test, "ffff:ffff:ffff:ffff::"),
		.proto = IPPROTO_TCP,
		.sport_hi = U16_MAX, .dport_hi = U16_MAX,
	};
	struct nfsec_flow frag = {
		.family = AF_INET6,
		.saddr = v6(test, "2001:db8:a::10"),
		.daddr = v6(test, "2001:db8:b::10"),
		.proto = NEXTHDR_DEST,
		.ports_opaque = true,
		.proto_opaque = true,
	};

	KUNIT_EXPECT_FALSE(test, nfsec_selector_match(&sel, &frag));
	KUNIT_EXPECT_TRUE(test, nfsec_selector_may_match(&sel, &frag));
	sel.proto = 0;
	KUNIT_EXPECT_TRUE(test, nfsec_selector_match(&sel, &frag));
}

static void selector_test_normalize(struct kunit *test)
{
	struct nfsec_selector sel = sel_v4_nets();

	sel.saddr = v4("198.51.100.77");	/* host bits under a /24 */
	KUNIT_EXPECT_NULL(test, nfsec_selector_normalize(&sel));
	KUNIT_EXPECT_EQ(test, sel.saddr.ip, in_aton("198.51.100.0"));

	sel = sel_v4_nets();
	sel.family = AF_UNSPEC;
	KUNIT_EXPECT_NOT_NULL(test, nfsec_selector_normalize(&sel));

	sel = sel_v4_nets();
	sel.proto = IPPROTO_TCP;
	sel.dport_lo = 80;
	sel.dport_hi = 79;
	KUNIT_EXPECT_NOT_NULL(test, nfsec_selector_normalize(&sel));

	sel = sel_v4_nets();		/* "ip ... eq 80" is not IOS either */
	sel.dport_lo = 80;
	sel.dport_hi = 80;
	KUNIT_EXPECT_NOT_NULL(test, nfsec_selector_normalize(&sel));

	sel = sel_v4_nets();
	sel.proto = IPPROTO_ICMPV6;	/* ICMPv6 types in an IPv4 selector */
	sel.sport_lo = 128;
	sel.sport_hi = 128;
	KUNIT_EXPECT_NOT_NULL(test, nfsec_selector_normalize(&sel));
}

static struct kunit_case nfsec_selector_test_cases[] = {
	KUNIT_CASE(selector_test_v4_prefix),
	KUNIT_CASE(selector_test_host_and_any),
	KUNIT_CASE(selector_test_noncontiguous_wildcard),
	KUNIT_CASE(selector_test_v6),
	KUNIT_CASE(selector_test_protocol),
	KUNIT_CASE(selector_test_port_edges),
	KUNIT_CASE(selector_test_icmp_type),
	KUNIT_CASE(selector_test_opaque_ports),
	KUNIT_CASE(selector_test_opaque_proto),
	KUNIT_CASE(selector_test_normalize),
	{}
};

static struct kunit_suite nfsec_selector_test_suite = {
	.name = "nfsec_selector",
	.test_cases = nfsec_selector_test_cases,
};

kunit_test_suite(nfsec_selector_test_suite);
