// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: cryptod's IOS configuration reader (cryptod/conf*.c).  The
 * seed's six router configurations read to the objects they describe;
 * malformed configurations are each refused with the right file, line,
 * column and message; secrets never show in a message.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "uapi/linux/nfsec.h"
#include "conf.h"

#define SEED NFSEC_TOP "/tools/tests/configs/seed/"

static struct conf *load(const char *name)
{
	struct conf *c = conf_load(name);

	assert_non_null(c);
	if (c->nerrors)
		conf_print_diags(c, stderr);
	assert_int_equal(c->nerrors, 0);
	return c;
}

static struct conf *text(const char *s)
{
	struct conf *c = conf_parse("t.conf", s, strlen(s));

	assert_non_null(c);
	return c;
}

static void assert_ip(uint8_t family, const union nfsec_ip *ip, const char *s)
{
	char buf[64];

	assert_string_equal(nfsec_ip_str(family, ip, buf, sizeof(buf)), s);
}

/* A warning whose message holds @needle, at @line. */
static bool has_warning(const struct conf *c, unsigned int line,
			const char *needle)
{
	size_t i;

	for (i = 0; i < c->ndiags; i++)
		if (!c->diags[i].error && c->diags[i].line == line &&
		    strstr(c->diags[i].msg, needle))
			return true;
	return false;
}

static void test_seed_preshare(void **state)
{
	struct conf *c = load(SEED "preshare-cl-2513-2A.conf");
	const struct conf_map_entry *e;
	const struct conf_acl_rule *r;
	const struct conf_tset *t;

	(void)state;
	assert_string_equal(c->hostname, "cl-2513-2A");
	assert_int_equal(c->npolicies, 1);
	assert_int_equal(c->policies[0].prio, 1);
	assert_int_equal(c->policies[0].auth, CONF_AUTH_PSK);
	assert_int_equal(c->policies[0].group, 2);
	/* what the policy does not say comes from IOS's defaults */
	assert_int_equal(c->policies[0].enc, CONF_IKE_DES);
	assert_int_equal(c->policies[0].hash, CONF_HASH_SHA1);
	assert_int_equal(c->policies[0].lifetime, 86400);

	assert_int_equal(c->npsks, 1);
	assert_int_equal(c->psks[0].keylen, 9);
	assert_memory_equal(c->psks[0].key, "sharedkey", 9);
	assert_ip(AF_INET, &c->psks[0].addr, "20.20.20.20");
	assert_ip(AF_INET, &c->psks[0].mask, "255.255.255.255");

	assert_int_equal(c->ntsets, 1);
	t = &c->tsets[0];
	assert_string_equal(t->name, "auth2");
	assert_int_equal(t->esp_enc, NFSEC_ENC_DES_CBC);
	assert_int_equal(t->esp_auth, NFSEC_AUTH_HMAC_SHA1_96);
	assert_int_equal(t->ah_auth, 0);
	assert_int_equal(t->mode, NFSEC_MODE_TUNNEL);

	assert_int_equal(c->nentries, 1);
	e = &c->entries[0];
	assert_string_equal(e->map, "test");
	assert_int_equal(e->seq, 10);
	assert_false(e->manual);
	assert_false(e->disabled);
	assert_int_equal(e->npeers, 1);
	assert_ip(e->peers[0].family, &e->peers[0].addr, "20.20.20.20");
	assert_int_equal(e->ntsets, 1);
	assert_string_equal(e->tsets[0], "auth2");
	assert_string_equal(e->acl, "133");

	assert_int_equal(c->nacls, 1);
	assert_int_equal(c->acls[0].nrules, 1);
	r = &c->acls[0].rules[0];
	assert_true(r->permit);
	assert_int_equal(r->sel.proto, 0);
	assert_ip(AF_INET, &r->sel.src, "50.50.50.0");
	assert_ip(AF_INET, &r->sel.src_mask, "255.255.255.0");
	assert_ip(AF_INET, &r->sel.dst, "60.60.60.0");
	assert_ip(AF_INET, &r->sel.dst_mask, "255.255.255.0");
	assert_int_equal(r->sel.dport_hi, 65535);

	assert_int_equal(c->nifaces, 2);
	assert_string_equal(c->ifaces[1].name, "Serial0");
	assert_string_equal(c->ifaces[1].ifname, "Serial0");
	assert_string_equal(c->ifaces[1].map, "test");
	assert_string_equal(c->ifaces[0].map, "");
	assert_int_equal(c->nroutes, 1);
	conf_free(c);

	c = load(SEED "preshare-cl-2513-2B.conf");
	assert_ip(AF_INET, &c->psks[0].addr, "20.20.20.21");
	assert_string_equal(c->entries[0].acl, "144");
	assert_string_equal(c->ifaces[1].map, "test");
	conf_free(c);
}

static void test_seed_rsa_encr(void **state)
{
	struct conf *c = load(SEED "rsa-encr-wan2511.conf");
	const struct conf_tset *t;

	(void)state;
	assert_int_equal(c->policies[0].auth, CONF_AUTH_RSA_ENCR);
	assert_int_equal(c->policies[0].lifetime, 240);
	assert_int_equal(c->identity, CONF_ID_HOSTNAME);
	assert_string_equal(c->domain, "cisco.com");
	assert_int_equal(c->nhosts, 1);
	assert_string_equal(c->hosts[0].name, "wan2516.cisco.com");
	/* the seed's bundle */
	t = &c->tsets[0];
	assert_int_equal(t->ah_auth, NFSEC_AUTH_HMAC_SHA1_96);
	assert_int_equal(t->esp_enc, NFSEC_ENC_DES_CBC);
	assert_int_equal(t->esp_auth, NFSEC_AUTH_HMAC_SHA1_96);
	/* the peer's public key: a 92-byte SubjectPublicKeyInfo */
	assert_int_equal(c->npubkeys, 1);
	assert_string_equal(c->pubkeys[0].name, "wan2516.cisco.com");
	assert_int_equal(c->pubkeys[0].derlen, 94);
	assert_int_equal(c->pubkeys[0].der[0], 0x30);
	assert_int_equal(c->pubkeys[0].der[93], 0x01);
	assert_int_equal(c->nroutes, 2);
	assert_true(has_warning(
		c, 19, "rsa-encr authentication is not negotiated yet"));
	conf_free(c);

	c = load(SEED "rsa-encr-wan2516.conf");
	assert_string_equal(c->pubkeys[0].name, "wan2511.cisco.com");
	assert_int_equal(c->pubkeys[0].derlen, 94);
	assert_int_equal(c->nifaces, 5);
	assert_string_equal(c->ifaces[2].name, "Serial0");
	assert_string_equal(c->ifaces[2].map, "test");
	assert_true(c->ifaces[3].shutdown);
	conf_free(c);
}

static void test_seed_rsa_sig(void **state)
{
	struct conf *c = load(SEED "rsa-sig-lab-isdn1.conf");
	const struct conf_ca *ca;

	(void)state;
	/* no isakmp policy: the default protection suite (rsa-sig) */
	assert_int_equal(c->npolicies, 0);
	assert_int_equal(conf_default_policy.auth, CONF_AUTH_RSA_SIG);
	assert_int_equal(c->ncas, 1);
	ca = &c->cas[0];
	assert_string_equal(ca->name, "bubba");
	assert_string_equal(ca->url, "http://ciscoca-ultra");
	assert_true(ca->crl_optional);
	assert_int_equal(ca->ncerts, 3);
	assert_false(ca->certs[0].ca);
	assert_true(ca->certs[1].ca);
	assert_string_equal(ca->certs[1].serial,
			    "3051DF7169BEE31B821DFE4B3A338E5F");
	/* DER: 30 82 01BC -> 4 + 0x1bc bytes */
	assert_int_equal(ca->certs[0].derlen, 4 + 0x1bc);
	assert_int_equal(ca->certs[1].derlen, 4 + 0x182);
	assert_string_equal(c->ifaces[1].name, "BRI0");
	assert_string_equal(c->ifaces[1].map, "test");
	assert_ip(AF_INET, &c->entries[0].peers[0].addr, "12.12.12.12");
	conf_free(c);

	c = load(SEED "rsa-sig-lab-isdn.conf");
	assert_string_equal(c->cas[0].name, "lab");
	assert_int_equal(c->cas[0].ncerts, 3);
	assert_int_equal(c->cas[0].certs[0].derlen, 4 + 0x1e0);
	assert_string_equal(c->ifaces[1].map, "test");
	conf_free(c);
}

static void test_features(void **state)
{
	static const char cfg[] =
		"hostname r1\n"
		"crypto isakmp policy 20\n"
		" encryption aes 256\n"
		" hash sha256\n"
		" authentication pre-share\n"
		" group 14\n"
		" lifetime 28800\n"
		"crypto isakmp policy 10\n"
		" encryption 3des\n"
		" hash md5\n"
		" authentication pre-share\n"
		"crypto isakmp key 0 Secret-1 address 198.51.100.0 255.255.255.0\n"
		"crypto isakmp key other hostname r2.example.com\n"
		"crypto isakmp keepalive 10 3 periodic\n"
		"crypto ipsec security-association lifetime seconds 1800\n"
		"crypto ipsec transform-set GCM esp-gcm 256\n"
		" mode transport\n"
		"crypto ipsec transform-set AES esp-aes 192 esp-sha256-hmac\n"
		"crypto ipsec transform-set AUTH esp-sha-hmac\n"
		"crypto map vpn 20 ipsec-isakmp\n"
		" set peer r2\n"
		" set peer 198.51.100.3\n"
		" set transform-set GCM AES\n"
		" set pfs group14\n"
		" set security-association lifetime kilobytes 10000\n"
		" match address web\n"
		"crypto map vpn 10\n"
		" set peer 198.51.100.2\n"
		" set transform-set AUTH\n"
		" match address v6\n"
		"ip host r2 198.51.100.2\n"
		"ip access-list extended web\n"
		" 10 permit tcp 192.0.2.0 0.0.0.255 host 203.0.113.1 eq www\n"
		" 20 deny udp any range 1000 2000 any gt 1023\n"
		" remark what follows is protected\n"
		" permit ip 192.0.2.0 0.0.255.0 any log\n"
		"access-list 5 permit 192.0.2.7\n"
		"ipv6 access-list v6\n"
		" permit ipv6 2001:db8:a::/64 2001:db8:b::/64\n"
		" permit icmp any host 2001:db8::1\n"
		"nfsec interface-map GigabitEthernet0/1 eth1\n"
		"crypto map vpn local-address GigabitEthernet0/1\n"
		"interface GigabitEthernet0/1\n"
		" ip address 198.51.100.1 255.255.255.0\n"
		" crypto map vpn\n";
	struct conf *c = text(cfg);
	const struct conf_acl_rule *r;
	const struct conf_acl *a;

	(void)state;
	if (c->nerrors)
		conf_print_diags(c, stderr);
	assert_int_equal(c->nerrors, 0);
	/* sorted by priority */
	assert_int_equal(c->policies[0].prio, 10);
	assert_int_equal(c->policies[0].enc, CONF_IKE_3DES);
	assert_int_equal(c->policies[0].hash, CONF_HASH_MD5);
	assert_int_equal(c->policies[1].enc, CONF_IKE_AES);
	assert_int_equal(c->policies[1].keybits, 256);
	assert_int_equal(c->policies[1].group, 14);
	assert_int_equal(c->policies[1].lifetime, 28800);
	assert_true(has_warning(c, 8, "MD5 is weak"));
	assert_false(has_warning(c, 2, "weak"));

	assert_int_equal(c->psks[0].keylen, 8);
	assert_ip(AF_INET, &c->psks[0].mask, "255.255.255.0");
	assert_string_equal(c->psks[1].host, "r2.example.com");
	assert_int_equal(c->dpd_interval, 10);
	assert_int_equal(c->dpd_retry, 3);
	assert_int_equal(c->sa_life_sec, 1800);

	assert_int_equal(conf_tset_find(c, "GCM")->mode, NFSEC_MODE_TRANSPORT);
	assert_int_equal(conf_tset_find(c, "GCM")->esp_keybits, 256);
	assert_int_equal(conf_tset_find(c, "AES")->esp_keybits, 192);
	assert_int_equal(conf_tset_find(c, "AUTH")->esp_enc, NFSEC_ENC_NULL);

	/* sorted by sequence number; "crypto map vpn 10" is ipsec-isakmp */
	assert_int_equal(c->entries[0].seq, 10);
	assert_false(c->entries[0].manual);
	assert_int_equal(c->entries[1].npeers, 2);
	assert_ip(AF_INET, &c->entries[1].peers[0].addr, "198.51.100.2");
	assert_int_equal(c->entries[1].ntsets, 2);
	assert_int_equal(c->entries[1].pfs_group, 14);
	assert_int_equal(c->entries[1].life_kb, 10000);

	a = conf_acl_find(c, "web");
	assert_int_equal(a->nrules, 3);
	r = &a->rules[0];
	assert_int_equal(r->sel.proto, IPPROTO_TCP);
	assert_ip(AF_INET, &r->sel.dst_mask, "255.255.255.255");
	assert_int_equal(r->sel.dport_lo, 80);
	assert_int_equal(r->sel.dport_hi, 80);
	assert_int_equal(r->sel.sport_hi, 65535);
	r = &a->rules[1];
	assert_false(r->permit);
	assert_int_equal(r->sel.sport_lo, 1000);
	assert_int_equal(r->sel.sport_hi, 2000);
	assert_int_equal(r->sel.dport_lo, 1024);
	/* a wildcard that is not a prefix */
	assert_ip(AF_INET, &a->rules[2].sel.src_mask, "255.255.0.255");
	a = conf_acl_find(c, "5");
	assert_true(a->standard);
	assert_ip(AF_INET, &a->rules[0].sel.src_mask, "255.255.255.255");
	a = conf_acl_find(c, "v6");
	assert_true(a->ipv6);
	assert_int_equal(a->rules[0].sel.family, AF_INET6);
	assert_ip(AF_INET6, &a->rules[0].sel.src, "2001:db8:a::");
	assert_int_equal(a->rules[1].sel.proto, IPPROTO_ICMPV6);

	assert_string_equal(c->ifaces[0].ifname, "eth1");
	assert_string_equal(c->local.map, "vpn");
	assert_string_equal(c->local.name, "GigabitEthernet0/1");
	assert_string_equal(c->local.ifname, "eth1");
	conf_free(c);
}

/* IOS's IPv6 forms: a key for a prefix, a peer, a binding. */
static void test_ipv6(void **state)
{
	static const char cfg[] =
		"crypto isakmp policy 1\n"
		" authentication pre-share\n"
		"crypto isakmp key one address ipv6 2001:db8:1::2/128\n"
		"crypto isakmp key many address ipv6 2001:db8:2::5/48 no-xauth\n"
		"crypto ipsec transform-set t esp-aes 256 esp-sha256-hmac\n"
		"crypto map v6 10 ipsec-isakmp\n"
		" set peer 2001:db8:1::2\n"
		" set transform-set t\n"
		" match address lans\n"
		"ipv6 access-list lans\n"
		" permit ipv6 2001:db8:a::/64 2001:db8:b::/64\n"
		"interface eth1\n"
		" ipv6 address 2001:db8:1::1/64\n"
		" ipv6 crypto map v6\n"
		" crypto map v6\n";
	struct conf *c = text(cfg);

	(void)state;
	if (c->nerrors)
		conf_print_diags(c, stderr);
	assert_int_equal(c->nerrors, 0);
	assert_int_equal(c->psks[0].family, AF_INET6);
	assert_ip(AF_INET6, &c->psks[0].addr, "2001:db8:1::2");
	assert_int_equal(nfsec_mask_len(AF_INET6, &c->psks[0].mask), 128);
	/* the prefix, not the host it was typed with */
	assert_ip(AF_INET6, &c->psks[1].addr, "2001:db8:2::");
	assert_int_equal(nfsec_mask_len(AF_INET6, &c->psks[1].mask), 48);
	assert_int_equal(c->entries[0].peers[0].family, AF_INET6);
	assert_ip(AF_INET6, &c->entries[0].peers[0].addr, "2001:db8:1::2");
	assert_string_equal(c->ifaces[0].map, "v6");
	assert_int_equal(c->ifaces[0].map_line, 15);
	conf_free(c);
}

static void test_manual(void **state)
{
	struct conf *c = load(NFSEC_TOP "/tools/tests/configs/manual.conf");
	const struct conf_map_entry *e = &c->entries[0];

	(void)state;
	assert_int_equal(c->nerrors, 0);
	assert_true(e->manual);
	assert_int_equal(e->esp_in.spi, 300);
	assert_int_equal(e->esp_in.cipherlen, 8);
	assert_int_equal(e->esp_in.authlen, 16);
	assert_int_equal(e->esp_out.cipher[0], 0xfe);
	assert_int_equal(e->ah_in.spi, 400);
	assert_int_equal(e->ah_out.authlen, 20);
	assert_int_equal(e->ah_out.auth[0], 0x11);
	conf_free(c);
}

static void test_warnings(void **state)
{
	static const char cfg[] =
		"crypto ipsec transform-set t esp-aes esp-sha-hmac\n"
		"crypto map m 10 ipsec-isakmp\n"
		" set transform-set t\n"
		"crypto map m 20 ipsec-isakmp\n"
		" set peer 198.51.100.2\n"
		" set transform-set t\n"
		" match address 101\n"
		"access-list 101 deny ip any any\n"
		"interface eth0\n"
		" ip address 192.0.2.1 255.255.255.0\n"
		" crypto map m\n"
		"interface eth1\n"
		" ip address 198.51.100.1 255.255.255.0\n"
		"crypto map m 20\n"
		" set security-association replay disable\n";
	struct conf *c = text(cfg);

	(void)state;
	assert_int_equal(c->nerrors, 0);
	assert_true(c->entries[0].disabled);
	assert_true(has_warning(c, 2, "stays disabled"));
	assert_false(c->entries[1].disabled);
	assert_true(has_warning(c, 7, "permits nothing"));
	assert_true(has_warning(
		c, 11,
		"bound to eth0, but peer 198.51.100.2 is reached through eth1"));
	/* replay protection turned off is said, not kept quiet */
	assert_true(has_warning(c, 15, "accept replayed packets"));
	conf_free(c);
}

/*
 * Aggressive Mode with a pre-shared key is warned about (its answer is
 * an offline dictionary attack on the key) until it is disabled.
 */
static void test_aggressive_mode(void **state)
{
	static const char cfg[] = "crypto isakmp policy 1\n"
				  " authentication pre-share\n"
				  "crypto isakmp key k address 198.51.100.2\n";
	static const char off[] = "crypto isakmp aggressive-mode disable\n";
	char buf[256];
	struct conf *c = text(cfg);

	(void)state;
	assert_int_equal(c->nerrors, 0);
	assert_false(c->aggressive_off);
	assert_true(has_warning(c, 3, "offline dictionary attack"));
	conf_free(c);
	snprintf(buf, sizeof(buf), "%s%s", cfg, off);
	c = text(buf);
	assert_int_equal(c->nerrors, 0);
	assert_true(c->aggressive_off);
	assert_false(has_warning(c, 3, "offline dictionary attack"));
	conf_free(c);
}

struct bad {
	const char *text;
	unsigned int line, col; /* col 0: the message has none */
	const char *msg;
};

/*
 * IOS abbreviations (conf_tree.c): a configuration typed with keywords cut
 * short, as IOS 12.2 and later print "encr", reads to the same objects
 * as the one spelled out, line for line.
 */
static void test_abbreviations(void **state)
{
	static const char whole[] =
		"hostname r1\n"
		"crypto isakmp policy 10\n"
		" encryption aes 256\n"
		" hash sha256\n"
		" authentication pre-share\n"
		" group 14\n"
		" lifetime 3600\n"
		"crypto isakmp key sharedkey address 198.51.100.2\n"
		"crypto ipsec transform-set ts esp-aes 256 esp-sha-hmac\n"
		" mode transport\n"
		"crypto map vpn 10 ipsec-isakmp\n"
		" set peer 198.51.100.2\n"
		" set transform-set ts\n"
		" set pfs group14\n"
		" set security-association lifetime seconds 1800\n"
		" match address 101\n"
		"interface eth0\n"
		" ip address 198.51.100.1 255.255.255.0\n"
		" dialer idle-timeout 99\n"
		" crypto map vpn\n"
		"ip route 0.0.0.0 0.0.0.0 198.51.100.254\n"
		"access-list 101 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n";
	static const char cut[] =
		"hostn r1\n"
		"cry isa pol 10\n"
		" encr aes 256\n"
		" ha sha256\n"
		" AUTH pre\n"
		" gr 14\n"
		" life 3600\n"
		"cry isa key sharedkey add 198.51.100.2\n"
		"cry ips transform-set ts esp-aes 256 esp-sha-hmac\n"
		" mo trans\n"
		"cry map vpn 10 ipsec-i\n"
		" set pe 198.51.100.2\n"
		" set tr ts\n"
		" set pf group14\n"
		" set sec life sec 1800\n"
		" mat add 101\n"
		"int eth0\n"
		" ip add 198.51.100.1 255.255.255.0\n"
		" dialer idle-timeout 99\n"
		" cry map vpn\n"
		"ip route 0.0.0.0 0.0.0.0 198.51.100.254\n"
		"acc 101 per ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n";
	struct conf *a = text(whole), *b = text(cut);

	(void)state;
	conf_print_diags(b, stderr);
	assert_int_equal(a->nerrors, 0);
	assert_int_equal(b->nerrors, 0);
	assert_string_equal(b->hostname, "r1");
	assert_int_equal(b->npolicies, 1);
	assert_memory_equal(&a->policies[0], &b->policies[0],
			    sizeof(a->policies[0]));
	assert_int_equal(b->policies[0].keybits, 256);
	assert_int_equal(b->npsks, 1);
	assert_int_equal(b->psks[0].family, AF_INET);
	assert_int_equal(b->ntsets, 1);
	assert_memory_equal(&a->tsets[0], &b->tsets[0], sizeof(a->tsets[0]));
	assert_int_equal(b->tsets[0].mode, NFSEC_MODE_TRANSPORT);
	assert_int_equal(b->nentries, 1);
	assert_int_equal(b->entries[0].npeers, 1);
	assert_string_equal(b->entries[0].tsets[0], "ts");
	assert_int_equal(b->entries[0].pfs_group, 14);
	assert_int_equal(b->entries[0].life_sec, 1800);
	assert_string_equal(b->entries[0].acl, "101");
	assert_int_equal(b->nifaces, 1);
	assert_string_equal(b->ifaces[0].map, "vpn");
	assert_int_equal(b->ifaces[0].naddrs, 1);
	assert_int_equal(b->nroutes, 1);
	assert_int_equal(b->nacls, 1);
	assert_int_equal(b->acls[0].nrules, a->acls[0].nrules);
	conf_free(a);
	conf_free(b);
}

/*
 * Order as IOS allows it: an interface bound to a crypto map defined
 * further down, and the Linux name of an IOS interface given after it.
 */
static void test_order(void **state)
{
	static const char cfg[] =
		"interface Serial0\n"
		" ip address 198.51.100.1 255.255.255.0\n"
		" crypto map vpn\n"
		"crypto isakmp key k address 198.51.100.2\n"
		"crypto ipsec transform-set ts esp-aes esp-sha-hmac\n"
		"crypto map vpn 10 ipsec-isakmp\n"
		" set peer 198.51.100.2\n"
		" set transform-set ts\n"
		" match address 101\n"
		"access-list 101 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n"
		"nfsec interface-map Serial0 veth0\n";
	struct conf *c = text(cfg);

	(void)state;
	conf_print_diags(c, stderr);
	assert_int_equal(c->nerrors, 0);
	assert_int_equal(c->nifaces, 1);
	assert_string_equal(c->ifaces[0].map, "vpn");
	assert_string_equal(c->ifaces[0].ifname, "veth0");
	assert_false(c->entries[0].disabled);
	conf_free(c);
}

#define SEED_FLAT NFSEC_TOP "/tools/tests/configs/seed-flat/"

/* @a and @b hold the same objects, line numbers aside. */
static void assert_same_conf(const struct conf *a, const struct conf *b)
{
	size_t i, k;

	assert_string_equal(a->hostname, b->hostname);
	assert_string_equal(a->domain, b->domain);
	assert_int_equal(a->identity, b->identity);
	assert_int_equal(a->npolicies, b->npolicies);
	for (i = 0; i < a->npolicies; i++) {
		const struct conf_policy *x = &a->policies[i],
					 *y = &b->policies[i];

		assert_int_equal(x->prio, y->prio);
		assert_int_equal(x->enc, y->enc);
		assert_int_equal(x->hash, y->hash);
		assert_int_equal(x->auth, y->auth);
		assert_int_equal(x->group, y->group);
		assert_int_equal(x->keybits, y->keybits);
		assert_int_equal(x->lifetime, y->lifetime);
	}
	assert_int_equal(a->npsks, b->npsks);
	for (i = 0; i < a->npsks; i++) {
		assert_int_equal(a->psks[i].keylen, b->psks[i].keylen);
		assert_memory_equal(a->psks[i].key, b->psks[i].key,
				    a->psks[i].keylen);
		assert_string_equal(a->psks[i].host, b->psks[i].host);
		assert_memory_equal(&a->psks[i].addr, &b->psks[i].addr,
				    sizeof(a->psks[i].addr));
	}
	assert_int_equal(a->ntsets, b->ntsets);
	for (i = 0; i < a->ntsets; i++) {
		const struct conf_tset *x = &a->tsets[i], *y = &b->tsets[i];

		assert_string_equal(x->name, y->name);
		assert_int_equal(x->esp_enc, y->esp_enc);
		assert_int_equal(x->esp_keybits, y->esp_keybits);
		assert_int_equal(x->esp_auth, y->esp_auth);
		assert_int_equal(x->ah_auth, y->ah_auth);
		assert_int_equal(x->mode, y->mode);
	}
	assert_int_equal(a->nentries, b->nentries);
	for (i = 0; i < a->nentries; i++) {
		const struct conf_map_entry *x = &a->entries[i],
					    *y = &b->entries[i];

		assert_string_equal(x->map, y->map);
		assert_int_equal(x->seq, y->seq);
		assert_int_equal(x->manual, y->manual);
		assert_int_equal(x->npeers, y->npeers);
		for (k = 0; k < x->npeers; k++)
			assert_string_equal(x->peers[k].name, y->peers[k].name);
		assert_int_equal(x->ntsets, y->ntsets);
		for (k = 0; k < x->ntsets; k++)
			assert_string_equal(x->tsets[k], y->tsets[k]);
		assert_string_equal(x->acl, y->acl);
		assert_int_equal(x->pfs_group, y->pfs_group);
		assert_int_equal(x->life_sec, y->life_sec);
		assert_int_equal(x->disabled, y->disabled);
	}
	assert_int_equal(a->nacls, b->nacls);
	for (i = 0; i < a->nacls; i++) {
		assert_string_equal(a->acls[i].name, b->acls[i].name);
		assert_int_equal(a->acls[i].nrules, b->acls[i].nrules);
		for (k = 0; k < a->acls[i].nrules; k++) {
			assert_int_equal(a->acls[i].rules[k].permit,
					 b->acls[i].rules[k].permit);
			assert_memory_equal(&a->acls[i].rules[k].sel,
					    &b->acls[i].rules[k].sel,
					    sizeof(a->acls[i].rules[k].sel));
		}
	}
	assert_int_equal(a->nifaces, b->nifaces);
	for (i = 0; i < a->nifaces; i++) {
		assert_string_equal(a->ifaces[i].name, b->ifaces[i].name);
		assert_string_equal(a->ifaces[i].map, b->ifaces[i].map);
		assert_int_equal(a->ifaces[i].naddrs, b->ifaces[i].naddrs);
		assert_int_equal(a->ifaces[i].shutdown, b->ifaces[i].shutdown);
	}
	assert_int_equal(a->nroutes, b->nroutes);
	assert_int_equal(a->nhosts, b->nhosts);
	assert_int_equal(a->npubkeys, b->npubkeys);
	for (i = 0; i < a->npubkeys; i++) {
		assert_string_equal(a->pubkeys[i].name, b->pubkeys[i].name);
		assert_int_equal(a->pubkeys[i].derlen, b->pubkeys[i].derlen);
		assert_memory_equal(a->pubkeys[i].der, b->pubkeys[i].der,
				    a->pubkeys[i].derlen);
	}
	assert_int_equal(a->ncas, b->ncas);
	for (i = 0; i < a->ncas; i++) {
		assert_string_equal(a->cas[i].name, b->cas[i].name);
		assert_string_equal(a->cas[i].url, b->cas[i].url);
		assert_int_equal(a->cas[i].crl_optional,
				 b->cas[i].crl_optional);
		assert_int_equal(a->cas[i].ncerts, b->cas[i].ncerts);
		for (k = 0; k < a->cas[i].ncerts; k++) {
			assert_string_equal(a->cas[i].certs[k].serial,
					    b->cas[i].certs[k].serial);
			assert_int_equal(a->cas[i].certs[k].derlen,
					 b->cas[i].certs[k].derlen);
			assert_memory_equal(a->cas[i].certs[k].der,
					    b->cas[i].certs[k].der,
					    a->cas[i].certs[k].derlen);
		}
	}
	assert_int_equal(a->ndiags, b->ndiags);
}

/*
 * The technical note prints each router's configuration on one line
 * (seed-flat/): cut into commands, it reads to the same objects as the
 * configuration restored to one command per line (seed/), keys,
 * certificates and comments included.
 */
static void test_seed_flattened(void **state)
{
	static const char *const names[] = {
		"preshare-cl-2513-2A", "preshare-cl-2513-2B",
		"rsa-encr-wan2511",    "rsa-encr-wan2516",
		"rsa-sig-lab-isdn",    "rsa-sig-lab-isdn1",
	};
	char flat[512], restored[512];
	struct conf *a, *b;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(flat, sizeof(flat), SEED_FLAT "%s.conf", names[i]);
		snprintf(restored, sizeof(restored), SEED "%s.conf", names[i]);
		a = load(restored);
		b = load(flat);
		assert_same_conf(a, b);
		conf_free(a);
		conf_free(b);
	}
}

/* Each must be refused, its first error where and what is said here. */
/* clang-format off */
static const struct bad bad_configs[] = {
	{ "crypto isakmp policy 0\n", 1, 22, "policy priority must be 1 to 10000, not '0'" },
	{ "crypto i\n", 1, 8, "ambiguous 'i' (isakmp, ipsec)" },
	{ "crypto ipsec security-association replay window-size 100\n", 1, 54, "replay window must be 64, 128, 256, 512, 1024, 2048 or 4096, not 100" },
	{ "crypto ipsec security-association replay window-size 32\n", 1, 54, "replay window (packets) must be 64 to 4096" },
	{ "crypto ipsec security-association replay sometimes\n", 1, 42, "expected window-size or disable, not 'sometimes'" },
	{ "crypto map m 10\n set security-association replay disable now\n", 2, 42, "unexpected 'now'" },
	{ "crypto isakmp identity dn\n", 1, 24, "crypto isakmp identity dn needs certificates (rsa-sig)" },
	{ "crypto isakmp policy 1\n e des\n", 2, 2, "ambiguous 'e' (encryption, exit)" },
	{ "crypto isakmp policy 1\n hash s\n", 2, 7, "ambiguous 's' (sha, sha256, sha384, sha512)" },
	{ "crypto map m 10\n set s 1\n", 2, 6, "ambiguous 's' (security-association, session-key)" },
	{ "interface e0\n ip ro 0.0.0.0 0.0.0.0 192.0.2.1\ncry i\n", 3, 5, "ambiguous 'i' (isakmp, ipsec)" },
	{ "crypto isakmp policy 1\n encryption blowfish\n", 2, 13, "unknown encryption 'blowfish'" },
	{ "crypto isakmp policy 1\n hash sha1\n", 2, 7, "unknown hash 'sha1'" },
	{ "crypto isakmp policy 1\n group 3\n", 2, 8, "Diffie-Hellman group 3 is not supported" },
	{ "crypto isakmp policy 1\n lifetime 30\n", 2, 11, "lifetime (seconds) must be 60 to 86400" },
	{ "crypto isakmp policy 1\n authentication psk\n", 2, 17, "unknown authentication 'psk'" },
	{ "crypto isakmp policy 1\n encryption aes 512\n", 2, 17, "AES key size must be 128 to 256, not '512'" },
	{ "crypto isakmp policy 1\n encryption aes 160\n", 2, 17, "AES key size must be 128, 192 or 256" },
	{ "crypto isakmp policy 1\n frobnicate\n", 2, 2, "unknown command 'frobnicate' in crypto isakmp policy mode" },
	{ "crypto isakmp key abc adress 192.0.2.1\n", 1, 23, "expected 'address' or 'hostname' after the key" },
	{ "crypto isakmp key abc address 192.0.2.300\n", 1, 31, "'192.0.2.300' is not an IP address" },
	{ "crypto isakmp key abc address 192.0.2.1 255.255.0.0 extra\n", 1, 53, "unexpected 'extra'" },
	{ "crypto isakmp key abc address 2001:db8::1 255.255.0.0\n", 1, 43, "a mask goes with an IPv4 peer address" },
	{ "crypto isakmp key abc address ipv6 192.0.2.1/32\n", 1, 36, "expected an IPv6 PREFIX/LEN, not '192.0.2.1/32'" },
	{ "crypto isakmp key abc address ipv6 2001:db8::/64 extra\n", 1, 50, "unexpected 'extra'" },
	{ "crypto isakmp policy 1\nhash sha\n frobnicate 2\n", 3, 2, "unknown command 'frobnicate' in crypto isakmp policy mode" },
	{ "crypto isakmp key 6 abc address 192.0.2.1\n", 1, 19, "type 6 (encrypted) keys are not supported" },
	{ "crypto isakmp key\n", 1, 18, "expected a key after 'key'" },
	{ "crypto isakmp identity fqdn\n", 1, 24, "unknown identity 'fqdn'" },
	{ "crypto isakmp aggressive-mode enable\n", 1, 31, "unknown aggressive-mode setting 'enable' (disable)" },
	{ "crypto isakmp aggressive-mode\n", 1, 30, "expected disable after 'aggressive-mode'" },
	{ "crypto isakmp aggressive-mode disable now\n", 1, 39, "unexpected 'now'" },
	{ "crypto isakmp nat keepalive 20\n", 1, 15, "unknown or unsupported command 'crypto isakmp nat'" },
	{ "crypto ipsec transform-set t1 esp-blowfish\n", 1, 31, "unknown transform 'esp-blowfish'" },
	{ "crypto ipsec transform-set t1 esp-des esp-3des\n", 1, 39, "a transform set has one ESP cipher" },
	{ "crypto ipsec transform-set t1 esp-gcm esp-sha-hmac\n", 1, 28, "esp-gcm authenticates by itself" },
	{ "crypto ipsec transform-set t1 esp-null\n", 1, 28, "esp-null needs an ESP authenticator" },
	{ "crypto ipsec transform-set t1 esp-aes 512\n", 1, 39, "AES key size must be 128 to 256" },
	{ "crypto ipsec transform-set t1 esp-gcm 192\n", 1, 39, "'esp-gcm' takes 128 or 256 bit keys" },
	{ "crypto ipsec transform-set t1 ah-md5-hmac ah-sha-hmac\n", 1, 43, "a transform set has one AH transform" },
	{ "crypto ipsec transform-set t1 ah-md5-hmac esp-des esp-md5-hmac esp-sha-hmac\n", 1, 64, "at most 3 transforms" },
	{ "crypto ipsec transform-set t1\n", 1, 30, "expected a transform after 't1'" },
	{ "crypto ipsec transform-set t1 esp-des\n mode tunel\n", 2, 7, "unknown mode 'tunel'" },
	{ "crypto ipsec security-association lifetime hours 1\n", 1, 44, "expected seconds or kilobytes, not 'hours'" },
	{ "crypto map m 10 ipsec-isakmp\n set peeer 192.0.2.1\n", 2, 6, "unknown crypto map setting 'set peeer'" },
	{ "crypto map m 10 ipsec-foo\n", 1, 17, "unknown crypto map type 'ipsec-foo'" },
	{ "crypto map m 70000\n", 1, 14, "crypto map sequence number must be 1 to 65535" },
	{ "crypto map a-map-name-that-is-far-too-long-for-it 10\n", 1, 12, "is longer than 31 characters" },
	{ "crypto map m 10 ipsec-isakmp\n set pfs group3\n", 2, 10, "unknown PFS group 'group3'" },
	{ "crypto map m 10 ipsec-isakmp\n set session-key inbound esp 300 cipher 00\n", 2, 2, "needs an ipsec-manual crypto map entry" },
	{ "crypto map m 10 ipsec-manual\n set session-key inbound esp 3 cipher 00\n", 2, 30, "SPI must be 256 to 4294967295" },
	{ "crypto map m 10 ipsec-manual\n set session-key inbound esp 300 cipher xyz\n", 2, 41, "cipher key: expected up to 128 bytes in hex" },
	{ "crypto map m 10 ipsec-isakmp\n set security-association lifetime hours 1\n", 2, 36, "expected seconds or kilobytes" },
	{ "crypto map m 10 ipsec-isakmp\n match adress 101\n", 2, 8, "expected 'match address', not 'match adress'" },
	{ "crypto map m 10 ipsec-isakmp\ncrypto map m 10 ipsec-manual\n", 2, 17, "crypto map m 10 is already ipsec-isakmp" },
	{ "set peer 192.0.2.1\n", 1, 1, "'set' outside the crypto mode it belongs to" },
	{ "access-list 300 permit ip any any\n", 1, 13, "access list 300 is not an IP access list" },
	{ "access-list 101 permit ip any\n", 1, 30, "expected an address (any, host A or A WILDCARD) after 'any'" },
	{ "access-list 101 permit ip 192.0.2.0 any\n", 1, 37, "wildcard mask: 'any' is not an IPv4 address" },
	{ "access-list 101 permit ip host 2001:db8::1 any\n", 1, 32, "host: '2001:db8::1' is not an IPv4 address" },
	{ "access-list 101 permit ip any any eq 80\n", 1, 35, "ports need tcp or udp" },
	{ "access-list 101 permit tcp any any neq 80\n", 1, 36, "'neq' cannot be matched by a crypto access list" },
	{ "access-list 101 permit tcp any any range 90 80\n", 1, 45, "port range 90-80 is reversed" },
	{ "access-list 101 permit tcp any any eq 70000\n", 1, 39, "port must be 0 to 65535" },
	{ "access-list 101 permit tcp any any lt 0\n", 1, 36, "'lt 0' matches no port" },
	{ "access-list 101 permit icmp any any echo\n", 1, 37, "cannot match ICMP message types ('echo')" },
	{ "access-list 101 permit tcp any any established\n", 1, 36, "'established' cannot be matched" },
	{ "access-list 101 permit foo any any\n", 1, 24, "unknown protocol 'foo'" },
	{ "access-list 101 allow ip any any\n", 1, 17, "expected permit, deny or remark, not 'allow'" },
	{ "access-list 10 permit 192.0.2.1\naccess-list 10 permit tcp any any\n", 2, 23, "address: 'tcp' is not an IPv4 address" },
	{ "ip access-list extended web\n permit tcp any host 192.0.2.1 eq www\n bogus\n", 3, 2, "unknown command 'bogus' in access list mode" },
	{ "ip access-list web\n", 1, 16, "expected 'extended' or 'standard' after 'ip access-list'" },
	{ "ipv6 access-list v6\n permit ipv6 2001:db8::1 any\n", 2, 14, "expected any, host A or PREFIX/LEN, not '2001:db8::1'" },
	{ "access-list 101 permit ip any any\nip access-list standard 101\n", 2, 25, "access list 101 is already of another kind" },
	{ "crypto map a 10 ipsec-isakmp\ninterface e0\n crypto map a\n ipv6 crypto map b\n", 4, 18, "interface e0 has crypto map a (line 3); cryptod binds one map per interface" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10\n set peer 192.0.2.1\n set peer 2001:db8::2\n set transform-set t\n match address 101\naccess-list 101 permit ip any any\n", 4, 0, "peer '2001:db8::2' is IPv6, and '192.0.2.1' before it is not" },
	{ "interface Serial0\n crypto map nosuch\n", 2, 0, "interface Serial0: crypto map nosuch does not exist" },
	{ "crypto map m 10 ipsec-isakmp\n set peer 192.0.2.1\n set transform-set nosuch\n match address 101\naccess-list 101 permit ip any any\n", 3, 0, "transform set 'nosuch' does not exist" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10 ipsec-isakmp\n set peer 192.0.2.1\n set transform-set t\n match address 199\n", 5, 0, "access list 199 does not exist" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10 ipsec-isakmp\n set peer 192.0.2.1\n set transform-set t\n match address 10\naccess-list 10 permit any\n", 5, 0, "a crypto map needs an extended one" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10 ipsec-isakmp\n set peer nowhere\n set transform-set t\n match address 101\naccess-list 101 permit ip any any\n", 3, 0, "peer 'nowhere' is neither an address nor an 'ip host' name" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10\n set peer 192.0.2.1\n set transform-set t\n match address 101\naccess-list 101 permit ip any any\ninterface Serial0/0\n crypto map m\n", 7, 0, "interface Serial0/0 cannot be a Linux name; add 'nfsec interface-map Serial0/0 LINUX-NAME'" },
	{ "nfsec interface-map Serial0/0 eth/1\n", 1, 31, "'eth/1' cannot be a Linux interface name" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10\n set peer 192.0.2.1\n set transform-set t\n match address 101\naccess-list 101 permit ip any any\ncrypto map m local-address lo\ncrypto map m local-address eth0\n", 8, 28, "crypto map m local-address eth0: cryptod has one local address, and line 7 chose lo" },
	{ "crypto map nosuch local-address lo\n", 1, 0, "local-address: crypto map nosuch does not exist" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10\n set peer 192.0.2.1\n set transform-set t\n match address 101\naccess-list 101 permit ip any any\ncrypto map m local-address Loopback0/1\n", 7, 0, "local-address Loopback0/1 cannot be a Linux name; add 'nfsec interface-map Loopback0/1 LINUX-NAME'" },
	{ "crypto map m local-address\n", 1, 27, "expected interface name after 'local-address'" },
	{ "nfsec interface-mapping a b\n", 1, 7, "unknown nfsec command 'interface-mapping'" },
	{ "crypto ipsec transform-set t esp-des\ncrypto map m 10 ipsec-manual\n set peer 192.0.2.1\n set transform-set t\n match address 101\n set session-key inbound esp 300 cipher 01020304\n set session-key outbound esp 301 cipher 0102030405060708\naccess-list 101 permit ip any any\n", 6, 0, "session-key inbound esp: the cipher key must be 8 bytes, not 4" },
	{ "crypto ipsec transform-set t ah-sha-hmac\ncrypto map m 10 ipsec-manual\n set peer 192.0.2.1\n set transform-set t\n match address 101\n set session-key inbound ah 300 0102030405060708090a0b0c0d0e0f1011121314\naccess-list 101 permit ip any any\n", 2, 0, "no 'set session-key outbound ah'" },
	{ "crypto ipsec transform-set g esp-gcm 128\ncrypto map m 10 ipsec-manual\n set peer 192.0.2.1\n set transform-set g\n match address 101\n set session-key inbound esp 300 cipher 000102030405060708090a0b0c0d0e0f10111213\n set session-key outbound esp 301 cipher 000102030405060708090a0b0c0d0e0f10111213\naccess-list 101 permit ip any any\n", 4, 0, "esp-gcm cannot use manual keys (its nonces would repeat)" },
	{ "crypto key pubkey-chain rsa\n named-key x\n  key-string\n   30 ZZ\n  quit\n", 4, 7, "expected hex data or 'quit', not 'ZZ'" },
	{ "crypto key pubkey-chain rsa\n named-key x\n  key-string\n   3082\n", 3, 3, "'key-string' data not closed by 'quit' before the end" },
	{ "crypto key generate rsa\n", 1, 12, "'crypto key generate' is an EXEC command, not configuration" },
	{ "crypto dynamic-map d 10\n", 1, 8, "unknown or unsupported command 'crypto dynamic-map'" },
	{ "crypto ca certificate chain\n", 1, 28, "expected a CA name after 'chain'" },
	{ "crypto isakmp policy 1\x01\n", 1, 23, "control character 0x01" },
	{ "hostname\n", 1, 9, "expected host name after 'hostname'" },
	{ "interface Serial0\n ip address 192.0.2.1\n", 2, 22, "expected interface mask after '192.0.2.1'" },
	{ "ip route 0.0.0.0 0.0.0.0\n", 1, 25, "expected a next hop or an interface after '0.0.0.0'" },
};
/* clang-format on */

static void test_bad_configs(void **state)
{
	const struct conf_diag *d;
	const struct bad *b;
	struct conf *c;
	size_t i;

	(void)state;
	assert_true(sizeof(bad_configs) / sizeof(bad_configs[0]) >= 30);
	for (i = 0; i < sizeof(bad_configs) / sizeof(bad_configs[0]); i++) {
		b = &bad_configs[i];
		c = text(b->text);
		for (d = c->diags; d < c->diags + c->ndiags && !d->error; d++)
			;
		if (d == c->diags + c->ndiags || d->line != b->line ||
		    d->col != b->col || !strstr(d->msg, b->msg)) {
			print_error("case %zu: %s", i, b->text);
			conf_print_diags(c, stderr);
			conf_free(c);
			fail_msg("want %u:%u: %s", b->line, b->col, b->msg);
		}
		conf_free(c);
	}
}

/*
 * A NUL byte inside a line (a text() helper would stop at it): refused at
 * its column, and the line's copy wiped within its bounds.  The overflow
 * this guards against was a wipe past the copy's end; GCC 12's ASan does
 * not see explicit_bzero(), so selftests/cryptod.sh checks the plain
 * build's exit status (it aborted, 134).
 */
static void test_nul_byte(void **state)
{
	static const char t[] =
		"hostname r1\0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n"
		"crypto isakmp policy 1\n";
	struct conf *c = conf_parse("t.conf", t, sizeof(t) - 1);

	(void)state;
	assert_non_null(c);
	assert_true(c->ndiags >= 1);
	assert_true(c->diags[0].error);
	assert_int_equal(c->diags[0].line, 1);
	assert_int_equal(c->diags[0].col, 12);
	assert_non_null(strstr(c->diags[0].msg, "control character 0x00"));
	assert_int_equal(c->npolicies, 1); /* the next line still parsed */
	conf_free(c);
}

static void test_diag_format(void **state)
{
	struct conf *c =
		text("crypto ipsec transform-set t esp-aes\n mode tunel\n");
	char buf[256] = "";
	FILE *f = fmemopen(buf, sizeof(buf) - 1, "w");

	(void)state;
	assert_non_null(f);
	conf_print_diags(c, f);
	fclose(f);
	assert_string_equal(
		buf,
		"t.conf:2:7: error: unknown mode 'tunel' (tunnel or transport)\n");
	conf_free(c);
}

/* A key is never in a message, however the line around it goes wrong. */
static void test_secrets_not_echoed(void **state)
{
	static const char *const cfgs[] = {
		"crypto isakmp key S3cretKey adress 192.0.2.1\n",
		"crypto isakmp key S3cretKey address 192.0.2.x\n",
		"crypto isakmp key S3cretKey\n",
		"crypto isakmp key 6 S3cretKey address 192.0.2.1\n",
		"crypto map m 1 ipsec-manual\n set session-key inbound esp 300 cipher 5ec2e7 authenticator\n",
		"crypto map m 1 ipsec-manual\n set session-key inbound esp 300 cipher 5ec2e7 bogus\n",
	};
	struct conf *c;
	size_t i, k;

	(void)state;
	for (i = 0; i < sizeof(cfgs) / sizeof(cfgs[0]); i++) {
		c = text(cfgs[i]);
		assert_true(c->nerrors > 0);
		for (k = 0; k < c->ndiags; k++) {
			assert_null(strstr(c->diags[k].msg, "S3cretKey"));
			assert_null(strstr(c->diags[k].msg, "5ec2e7"));
		}
		conf_free(c);
	}
}

/* IOS conventions: case, CRLF, re-entered objects, abbreviation-free. */
static void test_conventions(void **state)
{
	static const char cfg[] =
		"CRYPTO ISAKMP POLICY 5\r\n"
		" HASH SHA\r\n"
		"crypto isakmp policy 5\r\n"
		" group 14\r\n"
		"!\r\n"
		"no ip http server\r\n"
		"crypto isakmp policy 6\r\n"
		"snmp-server community public RO\r\n"
		"crypto isakmp policy 5\r\n"
		"crypto ipsec transform-set t ESP-AES 256 ESP-SHA-HMAC\r\n"
		" mode transport\r\n"
		"crypto ipsec transform-set t esp-3des esp-md5-hmac\r\n"
		"end\r\n"
		"this line is past 'end' and never read\r\n";
	struct conf *c = text(cfg);

	(void)state;
	assert_int_equal(c->nerrors, 0);
	assert_int_equal(c->npolicies, 2);
	assert_int_equal(c->policies[0].hash, CONF_HASH_SHA1);
	assert_int_equal(c->policies[0].group, 14);
	assert_int_equal(c->ntsets, 1);
	assert_int_equal(c->tsets[0].esp_enc, NFSEC_ENC_3DES_CBC);
	/* re-entering a transform set keeps its mode, as IOS */
	assert_int_equal(c->tsets[0].mode, NFSEC_MODE_TRANSPORT);
	conf_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_preshare),
		cmocka_unit_test(test_seed_rsa_encr),
		cmocka_unit_test(test_seed_rsa_sig),
		cmocka_unit_test(test_features),
		cmocka_unit_test(test_ipv6),
		cmocka_unit_test(test_manual),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_aggressive_mode),
		cmocka_unit_test(test_abbreviations),
		cmocka_unit_test(test_seed_flattened),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_bad_configs),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_diag_format),
		cmocka_unit_test(test_secrets_not_echoed),
		cmocka_unit_test(test_conventions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
