// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: cryptod's objects as the kernel's (cryptod/kernel_map.c):
 * crypto map entries as SPD entries, negotiated SA pairs as the SAs to
 * install (inbound first, keys split cipher then authenticator, inbound
 * selectors mirrored, soft lifetimes before hard), through netlink and
 * back.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>
#include <linux/genetlink.h>

#include "kernel_map.h"

static const char cfg[] =
	"crypto ipsec transform-set seed ah-sha-hmac esp-des esp-sha-hmac\n"
	"crypto ipsec transform-set tr esp-aes 256 esp-sha256-hmac\n"
	" mode transport\n"
	"crypto map test 10 ipsec-isakmp\n"
	" set peer 198.51.100.2\n"
	" set transform-set seed tr\n"
	" set pfs group14\n"
	" set security-association lifetime seconds 1000\n"
	" match address 133\n"
	"access-list 133 deny ip host 192.0.2.66 any\n"
	"access-list 133 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n";

static struct conf *load(void)
{
	struct conf *c = conf_parse("t.conf", cfg, sizeof(cfg) - 1);

	assert_non_null(c);
	assert_int_equal(c->nerrors, 0);
	return c;
}

static void test_entry(void **state)
{
	struct conf *c = load();
	const struct conf_map_entry *e = &c->entries[0];
	struct nfsec_entry_info ei;
	union nfsec_ip local;
	uint8_t f = 0;

	(void)state;
	assert_int_equal(nfsec_ip_parse("198.51.100.1", &f, &local), 0);
	assert_int_equal(cd_entry_info(c, e, conf_tset_find(c, "seed"), &local,
				       NULL, &ei),
			 0);
	assert_string_equal(ei.map, "test");
	assert_int_equal(ei.seq, 10);
	assert_int_equal(ei.protos, NFSEC_PROTO_ESP | NFSEC_PROTO_AH);
	assert_int_equal(ei.mode, NFSEC_MODE_TUNNEL);
	assert_int_equal(ei.pfs_group, 14);
	assert_int_equal(ei.life.hard_seconds, 1000);
	assert_int_equal(ei.life.soft_seconds, 900);
	assert_int_equal(ei.life.hard_bytes, 4608000ULL * 1024);
	assert_int_equal(ei.nrules, 2);
	/* IOS deny: not this entry, try the next */
	assert_int_equal(ei.rules[0].action, NFSEC_ACTION_NEXT);
	assert_int_equal(ei.rules[1].action, NFSEC_ACTION_PROTECT);
	assert_memory_equal(&ei.peer, &e->peers[0].addr, 4);
	nfsec_entry_free(&ei);

	assert_int_equal(
		cd_entry_info(c, e, conf_tset_find(c, "tr"), &local, NULL, &ei),
		0);
	assert_int_equal(ei.protos, NFSEC_PROTO_ESP);
	assert_int_equal(ei.mode, NFSEC_MODE_TRANSPORT);
	nfsec_entry_free(&ei);
	assert_int_equal(cd_entry_info(c, e, NULL, &local, NULL, &ei), -EINVAL);
	conf_free(c);
}

static void child_of(const struct conf *c, struct ikev1_child *ch)
{
	uint8_t f = 0;
	size_t i;

	memset(ch, 0, sizeof(*ch));
	ch->dirs = IKEV1_DIR_IN | IKEV1_DIR_OUT;
	ch->entry = &c->entries[0];
	ch->tset = conf_tset_find(c, "seed");
	ch->family = AF_INET;
	assert_int_equal(nfsec_ip_parse("198.51.100.1", &f, &ch->local), 0);
	assert_int_equal(nfsec_ip_parse("198.51.100.2", &f, &ch->peer), 0);
	ch->sel = c->acls[0].rules[1].sel;
	ch->sel.proto = IPPROTO_TCP;
	ch->sel.sport_lo = ch->sel.sport_hi = 1234;
	ch->mode = NFSEC_MODE_TUNNEL;
	ch->life_sec = 3600;
	ch->life_kb = 4608000;
	ch->replay_window = conf_replay_window(c, ch->entry);
	ch->ah_spi_in = 0x1001;
	ch->ah_spi_out = 0x2001;
	ch->esp_spi_in = 0x1002;
	ch->esp_spi_out = 0x2002;
	ch->ah_keylen = 20;
	ch->esp_enclen = 8;
	ch->esp_authlen = 20;
	for (i = 0; i < 28; i++) {
		ch->esp_key_in[i] = (uint8_t)(0x10 + i);
		ch->esp_key_out[i] = (uint8_t)(0x80 + i);
	}
	memset(ch->ah_key_in, 0xa1, 20);
	memset(ch->ah_key_out, 0xa2, 20);
}

/*
 * security-association replay: the global window, an entry's own (which
 * wins), disable (no check); IOS's 64 when nothing is set.  The kernel
 * entry and the inbound SAs both carry it.
 */
static void test_replay(void **state)
{
	static const char text[] =
		"crypto ipsec transform-set seed esp-des esp-sha-hmac\n"
		"crypto ipsec security-association replay window-size 256\n"
		"crypto map test 10 ipsec-isakmp\n"
		" set peer 198.51.100.2\n"
		" set transform-set seed\n"
		" match address 133\n"
		"crypto map test 20 ipsec-isakmp\n"
		" set peer 198.51.100.3\n"
		" set transform-set seed\n"
		" set security-association replay disable\n"
		" match address 133\n"
		"crypto map test 30 ipsec-isakmp\n"
		" set peer 198.51.100.4\n"
		" set transform-set seed\n"
		" set sec rep win 4096\n"
		" match address 133\n"
		"access-list 133 deny ip host 192.0.2.66 any\n"
		"access-list 133 permit ip 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n";
	struct conf *c = conf_parse("t.conf", text, sizeof(text) - 1);
	struct nfsec_entry_info ei;
	struct nfsec_sa_info sas[4];
	struct ikev1_child ch;
	union nfsec_ip local;
	uint8_t f = 0;
	size_t n, i;

	(void)state;
	assert_non_null(c);
	assert_int_equal(c->nerrors, 0);
	assert_int_equal(conf_replay_window(c, &c->entries[0]), 256);
	assert_int_equal(conf_replay_window(c, &c->entries[1]), 0);
	assert_int_equal(conf_replay_window(c, &c->entries[2]), 4096);
	assert_int_equal(nfsec_ip_parse("198.51.100.1", &f, &local), 0);
	assert_int_equal(cd_entry_info(c, &c->entries[1],
				       conf_tset_find(c, "seed"), &local, NULL,
				       &ei),
			 0);
	assert_int_equal(ei.replay_window, 0);
	nfsec_entry_free(&ei);
	child_of(c, &ch);
	ch.entry = &c->entries[1];
	ch.replay_window = conf_replay_window(c, ch.entry);
	ch.ah_keylen = 0;
	n = cd_child_sas(&ch, sas);
	for (i = 0; i < n; i++) {
		if (sas[i].dir == NFSEC_SA_DIR_IN) {
			assert_true(sas[i].has_replay);
			assert_int_equal(sas[i].replay_window, 0);
		}
		nfsec_sa_wipe(&sas[i]);
	}
	conf_free(c);
	c = load();
	assert_int_equal(conf_replay_window(c, &c->entries[0]), 64);
	conf_free(c);
}

static void test_child(void **state)
{
	struct conf *c = load();
	struct nfsec_sa_info sas[4];
	struct ikev1_child ch;
	size_t n, i;

	(void)state;
	child_of(c, &ch);
	n = cd_child_sas(&ch, sas);
	assert_int_equal(n, 4);
	/* inbound before outbound: AH in, ESP in, ESP out, AH out */
	assert_int_equal(sas[0].proto, IPPROTO_AH);
	assert_int_equal(sas[0].dir, NFSEC_SA_DIR_IN);
	assert_int_equal(sas[0].spi, 0x1001);
	assert_int_equal(sas[1].proto, IPPROTO_ESP);
	assert_int_equal(sas[1].dir, NFSEC_SA_DIR_IN);
	assert_int_equal(sas[1].spi, 0x1002);
	assert_int_equal(sas[2].dir, NFSEC_SA_DIR_OUT);
	assert_int_equal(sas[2].spi, 0x2002);
	assert_int_equal(sas[3].proto, IPPROTO_AH);
	assert_int_equal(sas[3].spi, 0x2001);
	/* inbound: from the peer to us */
	assert_memory_equal(&sas[1].src, &ch.peer, 4);
	assert_memory_equal(&sas[1].dst, &ch.local, 4);
	assert_memory_equal(&sas[2].dst, &ch.peer, 4);
	/* keys: cipher first, then the authenticator */
	assert_int_equal(sas[1].enc, NFSEC_ENC_DES_CBC);
	assert_int_equal(sas[1].enckeylen, 8);
	assert_int_equal(sas[1].enckey[0], 0x10);
	assert_int_equal(sas[1].authkeylen, 20);
	assert_int_equal(sas[1].authkey[0], 0x18);
	assert_int_equal(sas[2].enckey[0], 0x80);
	assert_int_equal(sas[2].authkey[19], 0x80 + 27);
	assert_int_equal(sas[0].auth, NFSEC_AUTH_HMAC_SHA1_96);
	assert_int_equal(sas[0].authkey[0], 0xa1);
	assert_int_equal(sas[3].authkey[0], 0xa2);
	/* the inbound selector is mirrored, ports too */
	assert_memory_equal(&sas[1].sel.src, &ch.sel.dst, 4);
	assert_int_equal(sas[1].sel.dport_lo, 1234);
	assert_int_equal(sas[2].sel.sport_lo, 1234);
	/* both name their entry; inbound ones keep a window */
	assert_true(sas[2].has_map);
	assert_string_equal(sas[2].map, "test");
	assert_int_equal(sas[2].map_seq, 10);
	assert_true(sas[1].has_map);
	assert_string_equal(sas[1].map, "test");
	assert_int_equal(sas[1].map_seq, 10);
	assert_true(sas[1].has_replay);
	assert_int_equal(sas[1].replay_window, 64);
	assert_int_equal(sas[2].life.soft_seconds, 3240);
	assert_true(sas[2].life.soft_bytes < sas[2].life.hard_bytes);
	for (i = 0; i < n; i++)
		nfsec_sa_wipe(&sas[i]);
	/* the responder's two steps: inbound, then outbound */
	ch.dirs = IKEV1_DIR_IN;
	n = cd_child_sas(&ch, sas);
	assert_int_equal(n, 2);
	assert_int_equal(sas[0].spi, 0x1001);
	assert_int_equal(sas[1].spi, 0x1002);
	for (i = 0; i < n; i++)
		nfsec_sa_wipe(&sas[i]);
	ch.dirs = IKEV1_DIR_OUT;
	n = cd_child_sas(&ch, sas);
	assert_int_equal(n, 2);
	assert_int_equal(sas[0].spi, 0x2002);
	assert_int_equal(sas[1].spi, 0x2001);
	for (i = 0; i < n; i++)
		nfsec_sa_wipe(&sas[i]);
	conf_free(c);
}

/* What cd_child_sas() builds survives the NEW_SA encoding. */
static void test_child_netlink(void **state)
{
	static uint32_t buf[2048];
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct conf *c = load();
	struct nfsec_sa_info sas[4], back;
	struct ikev1_child ch;
	struct nlmsghdr *nlh;

	(void)state;
	child_of(c, &ch);
	cd_child_sas(&ch, sas);
	memset(buf, 0, sizeof(buf));
	nlh = mnl_nlmsg_put_header(buf);
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct genlmsghdr));
	nfsec_sa_put(nlh, &sas[2], NFSEC_SA_PUT_ALL);
	assert_int_equal(nfsec_msg_attrs(nlh, tb), 0);
	assert_int_equal(nfsec_sa_parse(tb[NFSEC_A_SA], &back), 0);
	assert_int_equal(back.spi, 0x2002);
	assert_memory_equal(back.enckey, sas[2].enckey, 8);
	assert_memory_equal(back.authkey, sas[2].authkey, 20);
	assert_string_equal(back.map, "test");
	assert_int_equal(back.life.soft_seconds, 3240);
	nfsec_sa_wipe(&back);
	nfsec_sa_wipe(&sas[2]);
	conf_free(c);
}

#define MANUAL_CONF NFSEC_TOP "/tools/tests/configs/manual.conf"

/* ipsec-manual: the session keys as SAs, inbound first, never expiring. */
static void test_manual(void **state)
{
	struct conf *c = conf_load(MANUAL_CONF);
	struct nfsec_sa_info sas[4];
	union nfsec_ip local, peer;
	uint8_t f = 0;
	size_t n, i;

	(void)state;
	assert_non_null(c);
	assert_int_equal(c->nerrors, 0);
	assert_int_equal(nfsec_ip_parse("198.51.100.1", &f, &local), 0);
	assert_int_equal(nfsec_ip_parse("198.51.100.2", &f, &peer), 0);
	n = cd_manual_sas(c, &c->entries[0], &local, sas);
	assert_int_equal(n, 4);
	assert_int_equal(sas[0].proto, IPPROTO_AH);
	assert_int_equal(sas[0].dir, NFSEC_SA_DIR_IN);
	assert_int_equal(sas[0].spi, 400);
	assert_int_equal(sas[0].authkeylen, 20);
	assert_int_equal(sas[0].authkey[0], 0x01);
	assert_int_equal(sas[1].proto, IPPROTO_ESP);
	assert_int_equal(sas[1].dir, NFSEC_SA_DIR_IN);
	assert_int_equal(sas[1].spi, 300);
	assert_int_equal(sas[1].enc, NFSEC_ENC_DES_CBC);
	assert_int_equal(sas[1].enckeylen, 8);
	assert_int_equal(sas[1].enckey[0], 0x01);
	assert_int_equal(sas[1].authkeylen, 16);
	assert_int_equal(sas[1].authkey[1], 0x11);
	assert_memory_equal(&sas[1].src, &peer, 4);
	assert_memory_equal(&sas[1].dst, &local, 4);
	assert_int_equal(sas[2].dir, NFSEC_SA_DIR_OUT);
	assert_int_equal(sas[2].spi, 301);
	assert_int_equal(sas[2].enckey[0], 0xfe);
	assert_memory_equal(&sas[2].src, &local, 4);
	assert_memory_equal(&sas[2].dst, &peer, 4);
	assert_int_equal(sas[3].proto, IPPROTO_AH);
	assert_int_equal(sas[3].dir, NFSEC_SA_DIR_OUT);
	assert_int_equal(sas[3].spi, 401);
	for (i = 0; i < n; i++) {
		assert_true(sas[i].has_map);
		assert_string_equal(sas[i].map, "m");
		assert_int_equal(sas[i].map_seq, 5);
		assert_int_equal(sas[i].mode, NFSEC_MODE_TUNNEL);
		/* no lifetime; inbound: window 0, as the kernel is told */
		assert_false(sas[i].has_life);
		assert_int_equal(sas[i].has_replay,
				 sas[i].dir == NFSEC_SA_DIR_IN);
		assert_int_equal(sas[i].replay_window, 0);
		nfsec_sa_wipe(&sas[i]);
	}

	/* ESP alone: two SAs, the whole AES-256 and HMAC-SHA256 keys */
	n = cd_manual_sas(c, &c->entries[1], &local, sas);
	assert_int_equal(n, 2);
	assert_int_equal(sas[0].spi, 500);
	assert_int_equal(sas[0].enc, NFSEC_ENC_AES_CBC);
	assert_int_equal(sas[0].enckeylen, 32);
	assert_int_equal(sas[0].authkeylen, 32);
	assert_int_equal(sas[0].authkey[31], 0x1f);
	assert_int_equal(sas[1].spi, 501);
	assert_int_equal(sas[1].enckey[0], 0x10);
	nfsec_sa_wipe(&sas[0]);
	nfsec_sa_wipe(&sas[1]);

	/* IKE keys the others */
	assert_int_equal(cd_manual_sas(c, &c->entries[2], &local, sas), 0);
	conf_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entry),
		cmocka_unit_test(test_replay),
		cmocka_unit_test(test_child),
		cmocka_unit_test(test_child_netlink),
		cmocka_unit_test(test_manual),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
