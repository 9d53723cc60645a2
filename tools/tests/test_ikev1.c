// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the IKEv1 engine (cryptod/ikev1*.c), two engines wired to
 * each other in memory.  Main Mode and Quick Mode complete with the
 * seed's pre-share configuration (in documentation addresses), with the
 * seed's AH+ESP bundle under PFS; each side's outbound keys are the
 * other's inbound keys.  A wrong key, a transform set mismatch, an ACL
 * mismatch and a missing key each fail with the expected message and
 * install nothing.  With a clock of the tests' own: any one lost datagram
 * is recovered by retransmission, a silent peer is given up after the
 * backoff schedule, half-open responder SAs are bounded and die, and an
 * ISAKMP SA ends with its lifetime.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <cmocka.h>

#include "control.h"
#include "ikev1.h"
#include "ikev1_int.h"

struct side {
	struct ikev1_ctx ctx;
	struct conf *conf;
	uint8_t family;
	union nfsec_ip addr;
	uint32_t next_spi;
	struct ikev1_child child[8];
	size_t nchild, nin; /* complete pairs; inbound-only installs */
	unsigned int sends; /* datagrams this side sent */
	unsigned int out_after[8]; /* sends when child[i]'s outbound went in */
	struct {
		uint8_t proto;
		uint32_t spi;
		union nfsec_ip dst;
	} dels[8];
	size_t ndels;
	char log[262144];
};

static struct side A, B;

struct pkt {
	struct side *to;
	uint8_t family;
	union nfsec_ip from;
	uint8_t data[4096];
	size_t len;
};

static struct pkt queue[16];
static size_t qhead, qtail;
static unsigned int nsent; /* datagrams sent by either side */
static unsigned int lose; /* lose the datagram numbered so (from 1) */
static bool silent; /* lose everything */
static bool spoofing; /* lose what goes to neither side */
static uint64_t sent_at[16]; /* when A sent, in ms */
static unsigned int nsent_a;
static uint64_t clock_ms;

static struct side *side_of(const struct ikev1_ctx *ctx)
{
	return ctx == &A.ctx ? &A : &B;
}

static int t_send(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		  const uint8_t *buf, size_t len)
{
	struct side *s = side_of(ctx);
	struct pkt *p;

	if (s == &A && nsent_a < 16)
		sent_at[nsent_a++] = clock_ms;
	s->sends++;
	if (++nsent == lose || silent)
		return 0;
	if (spoofing &&
	    memcmp(&sa->peer, &(s == &A ? &B : &A)->addr, sizeof(sa->peer)))
		return 0; /* to a spoofed source: nowhere */
	p = &queue[qtail++ % 16];
	assert_true(len <= sizeof(p->data));
	p->to = s == &A ? &B : &A;
	assert_int_equal(sa->family, p->to->family);
	assert_memory_equal(&sa->peer, &p->to->addr, sizeof(sa->peer));
	assert_memory_equal(&sa->local, &s->addr, sizeof(sa->local));
	p->family = s->family;
	p->from = s->addr;
	memcpy(p->data, buf, len);
	p->len = len;
	return 0;
}

static int t_spi(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		 uint8_t proto, uint8_t *spi)
{
	uint32_t v = side_of(ctx)->next_spi++;

	(void)proto;
	assert_int_equal(sa->family, side_of(ctx)->family);
	spi[0] = (uint8_t)(v >> 24);
	spi[1] = (uint8_t)(v >> 16);
	spi[2] = (uint8_t)(v >> 8);
	spi[3] = (uint8_t)v;
	return 0;
}

static int t_install(struct ikev1_ctx *ctx, const struct ikev1_child *ch)
{
	struct side *s = side_of(ctx);

	if (!(ch->dirs & IKEV1_DIR_OUT)) {
		s->nin++; /* the responder's first step */
		return 0;
	}
	assert_true(s->nchild < 8);
	s->out_after[s->nchild] = s->sends;
	s->child[s->nchild++] = *ch;
	return 0;
}

static int t_del(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		 uint32_t spi, const union nfsec_ip *dst)
{
	struct side *s = side_of(ctx);

	assert_int_equal(family, s->family);
	assert_true(s->ndels < 8);
	s->dels[s->ndels].proto = proto;
	s->dels[s->ndels].spi = spi;
	s->dels[s->ndels].dst = *dst;
	s->ndels++;
	return 0;
}

static void t_log(struct ikev1_ctx *ctx, unsigned int conn_id, const char *line)
{
	struct side *s = side_of(ctx);
	size_t used = strlen(s->log);

	if (conn_id)
		snprintf(s->log + used, sizeof(s->log) - used,
			 "ISAKMP (%u): %s\n", conn_id, line);
	else
		snprintf(s->log + used, sizeof(s->log) - used, "ISAKMP: %s\n",
			 line);
}

static const struct ikev1_ops ops = {
	.send = t_send,
	.spi_alloc = t_spi,
	.install = t_install,
	.del_sa = t_del,
	.log = t_log,
};

static bool twice; /* deliver every datagram twice, as a lossy path */

/* Delivers the oldest datagram in flight. */
static void pump_one(void)
{
	struct pkt *p = &queue[qhead++ % 16];

	ikev1_input(&p->to->ctx, p->family, &p->from, p->data, p->len);
	if (twice)
		ikev1_input(&p->to->ctx, p->family, &p->from, p->data, p->len);
}

static void pump(void)
{
	int n = 0;

	while (qhead != qtail) {
		assert_true(++n < 64);
		pump_one();
	}
}

/* The seed's pre-share routers, in documentation addresses. */
static const char conf_fmt[] = "hostname %s\n"
			       "crypto isakmp policy 1\n"
			       " authentication pre-share\n"
			       " group 2\n"
			       "%s"
			       "crypto isakmp key %s address %s\n"
			       "crypto ipsec transform-set auth2 %s\n"
			       "crypto map test 10 ipsec-isakmp\n"
			       " set peer %s\n"
			       " set transform-set auth2\n"
			       " match address %s\n"
			       "%s"
			       "access-list 133 permit ip %s\n";

struct opts {
	const char *policy; /* more isakmp policy lines */
	const char *key, *tset, *acl, *extra;
	const char *match; /* the entry's access list; NULL: 133 */
};

static void setup_side(struct side *s, const char *name, const char *me,
		       const char *peer, const struct opts *o)
{
	char buf[2048];

	snprintf(buf, sizeof(buf), conf_fmt, name, o->policy, o->key, peer,
		 o->tset, peer, o->match ? o->match : "133", o->extra, o->acl);
	memset(s, 0, sizeof(*s));
	s->conf = conf_parse(name, buf, strlen(buf));
	assert_non_null(s->conf);
	if (s->conf->nerrors)
		conf_print_diags(s->conf, stderr);
	assert_int_equal(s->conf->nerrors, 0);
	assert_int_equal(nfsec_ip_parse(me, &s->family, &s->addr), 0);
	s->next_spi = name[1] == '1' ? 0x1001 : 0x2001;
	ikev1_init(&s->ctx, s->conf, &ops);
	ikev1_set_local(&s->ctx, s->family, &s->addr);
}

static const struct opts seed_r1 = {
	.policy = "",
	.key = "sharedkey",
	.tset = "esp-des esp-sha-hmac",
	.acl = "192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255",
	.extra = "",
};
static const struct opts seed_r2 = {
	.policy = "",
	.key = "sharedkey",
	.tset = "esp-des esp-sha-hmac",
	.acl = "203.0.113.0 0.0.0.255 192.0.2.0 0.0.0.255",
	.extra = "",
};

/* R1 at @a1 and R2 at @a2, each the other's peer. */
static void setup_sides_at(const struct opts *o1, const struct opts *o2,
			   const char *a1, const char *a2)
{
	qhead = qtail = 0;
	nsent = nsent_a = 0;
	clock_ms = 0;
	setup_side(&A, "r1", a1, a2, o1);
	setup_side(&B, "r2", a2, a1, o2);
}

static void setup_sides(const struct opts *o1, const struct opts *o2)
{
	setup_sides_at(o1, o2, "198.51.100.1", "198.51.100.2");
}

/* @s starts its first entry for its first ACL line's traffic. */
static int initiate_first(struct side *s)
{
	return ikev1_initiate(&s->ctx, &s->conf->entries[0],
			      &s->conf->acls[0].rules[0].sel);
}

static void run(const struct opts *o1, const struct opts *o2)
{
	setup_sides(o1, o2);
	assert_int_equal(initiate_first(&A), 0);
	pump();
}

static void teardown_sides(void)
{
	if (getenv("IKEV1_TEST_LOG"))
		fprintf(stderr, "--- r1\n%s--- r2\n%s", A.log, B.log);
	ikev1_destroy(&A.ctx);
	ikev1_destroy(&B.ctx);
	conf_free(A.conf);
	conf_free(B.conf);
}

/* Each side's outbound SA is the other's inbound one, same keys. */
static void assert_mirrored(void)
{
	const struct ikev1_child *a = &A.child[0], *b = &B.child[0];

	assert_int_equal(A.nchild, 1);
	assert_int_equal(B.nchild, 1);
	assert_int_equal(a->esp_spi_out, b->esp_spi_in);
	assert_int_equal(a->esp_spi_in, b->esp_spi_out);
	assert_int_equal(a->esp_enclen, b->esp_enclen);
	assert_int_equal(a->esp_authlen, b->esp_authlen);
	assert_memory_equal(a->esp_key_out, b->esp_key_in,
			    a->esp_enclen + a->esp_authlen);
	assert_memory_equal(a->esp_key_in, b->esp_key_out,
			    a->esp_enclen + a->esp_authlen);
	assert_memory_not_equal(a->esp_key_in, a->esp_key_out,
				a->esp_enclen + a->esp_authlen);
	assert_int_equal(a->ah_spi_out, b->ah_spi_in);
	assert_int_equal(a->ah_keylen, b->ah_keylen);
	assert_memory_equal(a->ah_key_out, b->ah_key_in, a->ah_keylen);
	assert_memory_equal(a->ah_key_in, b->ah_key_out, a->ah_keylen);
	/* selectors mirrored: our side as source */
	assert_memory_equal(&a->sel.src, &b->sel.dst, sizeof(a->sel.src));
	assert_memory_equal(&a->sel.dst, &b->sel.src, sizeof(a->sel.dst));
}

static void test_seed_preshare(void **state)
{
	struct ikev1_sa *sa;

	(void)state;
	run(&seed_r1, &seed_r2);
	sa = ikev1_find_peer(&A.ctx, B.family, &B.addr);
	assert_non_null(sa);
	assert_int_equal(sa->state, IKEV1_QM_IDLE);
	sa = ikev1_find_peer(&B.ctx, A.family, &A.addr);
	assert_non_null(sa);
	assert_int_equal(sa->state, IKEV1_QM_IDLE);
	assert_mirrored();
	/*
	 * The initiator's outbound SA goes in only after QM3, its last
	 * datagram (MM1, MM3, MM5, QM1, QM3): a peer that installs on QM3
	 * must not see ESP on the new SA first.
	 */
	assert_int_equal(A.sends, 5);
	assert_int_equal(A.out_after[0], 5);
	assert_int_equal(A.child[0].esp_enclen, 8);
	assert_int_equal(A.child[0].esp_authlen, 20);
	assert_int_equal(A.child[0].life_sec, 3600);
	assert_int_equal(A.child[0].mode, NFSEC_MODE_TUNNEL);
	assert_non_null(strstr(
		B.log,
		"Checking ISAKMP transform 1 against priority 1 policy"));
	assert_non_null(
		strstr(B.log, "atts are acceptable. Next payload is 0"));
	assert_non_null(strstr(B.log, "SA has been authenticated"));
	assert_non_null(strstr(A.log, "SA has been authenticated"));
	/* the event an NMS watches, on both ends */
	assert_non_null(strstr(A.log, "%CRYPTO-5-SESSION_STATUS: Crypto tunnel "
				      "is UP. Peer 198.51.100.2:500 Id: "
				      "198.51.100.2\n"));
	assert_non_null(strstr(B.log, "%CRYPTO-5-SESSION_STATUS: Crypto tunnel "
				      "is UP. Peer 198.51.100.1:500"));
	assert_null(strstr(A.log, "is DOWN"));
	assert_non_null(strstr(B.log, "Checking IPSec proposal 1"));
	assert_non_null(strstr(B.log, "transform 1, ESP_DES"));
	assert_non_null(strstr(A.log, "Creating IPSec SAs"));
	assert_non_null(strstr(B.log, "Creating IPSec SAs"));
	/* debug crypto ipsec, as the seed shows it */
	assert_non_null(strstr(
		B.log,
		"IPSEC(spi_response): getting spi 8193 for SA from 198.51.100.1 to 198.51.100.2 for prot 3"));
	assert_non_null(strstr(
		B.log,
		"IPSEC(create_sa): sa created, (sa) sa_dest= 198.51.100.2, sa_prot= 50, sa_spi= 0x2001(8193), sa_trans= esp-des esp-sha-hmac \n"));
	/* the key never shows */
	assert_null(strstr(A.log, "sharedkey"));
	assert_null(strstr(B.log, "sharedkey"));
	/* a second quick mode runs under the same ISAKMP SA */
	assert_int_equal(initiate_first(&A), 0);
	pump();
	assert_int_equal(A.nchild, 2);
	assert_int_equal(B.nchild, 2);
	assert_int_equal(A.child[1].esp_spi_out, B.child[1].esp_spi_in);
	assert_memory_equal(A.child[1].esp_key_out, B.child[1].esp_key_in, 28);
	teardown_sides();
}

/*
 * ACQUIREs for three crypto map entries while phase 1 runs: their quick
 * modes wait, then run one after another in order under the one ISAKMP
 * SA; one asked for again while it waits is not queued twice.
 */
static void test_queued_quick_modes(void **state)
{
	struct opts o1 = seed_r1;
	const struct conf_map_entry *e[3];
	const struct nfsec_sel *sel[3];
	int i;

	(void)state;
	o1.extra =
		"crypto map test 20 ipsec-isakmp\n"
		" set peer 198.51.100.2\n"
		" set transform-set auth2\n"
		" match address 134\n"
		"crypto map test 30 ipsec-isakmp\n"
		" set peer 198.51.100.2\n"
		" set transform-set auth2\n"
		" match address 135\n"
		"access-list 134 permit icmp 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n"
		"access-list 135 permit tcp 192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255\n";
	setup_sides(&o1, &seed_r2);
	for (i = 0; i < 3; i++) {
		e[i] = &A.conf->entries[i];
		sel[i] = &conf_acl_find(A.conf, e[i]->acl)->rules[0].sel;
		assert_int_equal(ikev1_initiate(&A.ctx, e[i], sel[i]), 0);
	}
	assert_int_equal(ikev1_initiate(&A.ctx, e[1], sel[1]), -EINPROGRESS);
	pump();
	assert_int_equal(A.nchild, 3);
	assert_int_equal(B.nchild, 3);
	for (i = 0; i < 3; i++) {
		assert_ptr_equal(A.child[i].entry, e[i]);
		assert_memory_equal(&A.child[i].sel, sel[i],
				    sizeof(A.child[i].sel));
		assert_int_equal(A.child[i].esp_spi_out, B.child[i].esp_spi_in);
		assert_int_equal(A.child[i].esp_spi_in, B.child[i].esp_spi_out);
	}
	assert_int_equal(B.child[1].sel.proto, IPPROTO_ICMP);
	assert_int_equal(B.child[2].sel.proto, IPPROTO_TCP);
	assert_null(strstr(strstr(A.log, "beginning Main Mode exchange") + 1,
			   "beginning Main Mode exchange"));
	assert_int_equal(ikev1_find_peer(&A.ctx, B.family, &B.addr)->nwant, 0);
	teardown_sides();
}

/*
 * Both ends start a quick mode at once under one ISAKMP SA (traffic from
 * both LANs, say, after a clear): each answers the other's while its own
 * runs, and both pairs go in at once, with no retransmission.
 */
static void check_crossing(void)
{
	size_t i, k;

	run(&seed_r1, &seed_r2);
	assert_int_equal(initiate_first(&A), 0);
	assert_int_equal(initiate_first(&B), 0);
	pump();
	assert_int_equal(A.nchild, 3);
	assert_int_equal(B.nchild, 3);
	for (i = 1; i < 3; i++) { /* each of A's new pairs is one of B's */
		for (k = 1; k < 3; k++)
			if (B.child[k].esp_spi_in == A.child[i].esp_spi_out)
				break;
		assert_true(k < 3);
		assert_int_equal(B.child[k].esp_spi_out, A.child[i].esp_spi_in);
		assert_memory_equal(
			B.child[k].esp_key_in, A.child[i].esp_key_out,
			A.child[i].esp_enclen + A.child[i].esp_authlen);
	}
	assert_null(strstr(A.log, "retransmitting"));
	assert_null(strstr(B.log, "retransmitting"));
	teardown_sides();
}

static void test_crossing_quick_modes(void **state)
{
	(void)state;
	check_crossing();
	/* every datagram twice: each quick mode knows its own repeats */
	twice = true;
	check_crossing();
	twice = false;
}

/*
 * Six entries at once to one peer: IKEV1_QM_MAX quick modes run, the rest
 * wait for a free slot, and every one makes its pair.
 */
static void test_many_quick_modes(void **state)
{
	struct opts o1 = seed_r1;
	char extra[2048];
	const struct conf_acl *acl;
	const char *first, *at;
	size_t n = 0, i;

	(void)state;
	for (i = 0; i < 5; i++)
		n += (size_t)snprintf(
			extra + n, sizeof(extra) - n,
			"crypto map test %zu ipsec-isakmp\n"
			" set peer 198.51.100.2\n"
			" set transform-set auth2\n"
			" match address %zu\n"
			"access-list %zu permit udp 192.0.2.0 0.0.0.255 "
			"203.0.113.0 0.0.0.255 eq %zu\n",
			20 + i, 140 + i, 140 + i, 1000 + i);
	o1.extra = extra;
	setup_sides(&o1, &seed_r2);
	for (i = 0; i < 6; i++) {
		acl = conf_acl_find(A.conf, A.conf->entries[i].acl);
		assert_int_equal(ikev1_initiate(&A.ctx, &A.conf->entries[i],
						&acl->rules[0].sel),
				 0);
	}
	pump();
	assert_int_equal(A.nchild, 6);
	assert_int_equal(B.nchild, 6);
	/* four began before the first pair went in: they ran together */
	first = strstr(A.log, "Creating IPSec SAs");
	assert_non_null(first);
	for (n = 0, at = A.log;
	     (at = strstr(at, "beginning Quick Mode exchange")) && at < first;
	     at++)
		n++;
	assert_int_equal(n, IKEV1_QM_MAX);
	for (i = 0; i < 6; i++)
		assert_int_equal(A.child[i].esp_spi_out, B.child[i].esp_spi_in);
	assert_int_equal(ikev1_find_peer(&A.ctx, B.family, &B.addr)->nwant, 0);
	teardown_sides();
}

/*
 * The responder's own ACQUIRE for the entry: during the peer's Main Mode
 * it waits for the kernel's next one; while the peer's quick mode runs
 * (its return traffic, before Quick Mode 3) it is queued, and once that
 * pair is in, the entry is served and no second pair is negotiated.
 */
static void test_acquire_while_responding(void **state)
{
	const struct conf_map_entry *e;

	(void)state;
	setup_sides(&seed_r1, &seed_r2);
	assert_int_equal(initiate_first(&A), 0);
	e = &B.conf->entries[0];
	pump_one(); /* MM1: B answers a Main Mode, and starts nothing yet */
	assert_int_equal(
		ikev1_initiate(&B.ctx, e, &B.conf->acls[0].rules[0].sel),
		-EINPROGRESS);
	assert_int_equal(ikev1_find_peer(&B.ctx, A.family, &A.addr)->nwant, 0);
	while (qhead != qtail && !B.nin)
		pump_one();
	assert_int_equal(B.nin, 1); /* QM2 is out: B's inbound SA is in */
	assert_int_equal(
		ikev1_initiate(&B.ctx, e, &B.conf->acls[0].rules[0].sel), 0);
	pump();
	assert_int_equal(A.nchild, 1);
	assert_int_equal(B.nchild, 1);
	assert_int_equal(ikev1_find_peer(&B.ctx, A.family, &A.addr)->nwant, 0);
	assert_false(ikev1_qm_runs_for(
		ikev1_find_peer(&B.ctx, A.family, &A.addr), e));
	teardown_sides();
}

/*
 * RESPONDER-LIFETIME: R2's lifetime is shorter than R1 proposes, so R2
 * says so in Quick Mode 2 and both ends install R2's.  With equal
 * lifetimes (the seed's run) nothing is sent.
 */
static void test_responder_lifetime(void **state)
{
	struct opts o2 = seed_r2;

	(void)state;
	run(&seed_r1, &seed_r2);
	assert_null(strstr(B.log, "RESPONDER-LIFETIME"));
	teardown_sides();
	o2.extra = " set security-association lifetime seconds 1800\n";
	run(&seed_r1, &o2);
	assert_mirrored();
	assert_non_null(strstr(
		B.log,
		"sending RESPONDER-LIFETIME: 1800 seconds, 4608000 kilobytes"));
	assert_non_null(strstr(
		A.log,
		"received RESPONDER-LIFETIME: 1800 seconds, 4608000 kilobytes"));
	assert_int_equal(A.child[0].life_sec, 1800);
	assert_int_equal(B.child[0].life_sec, 1800);
	teardown_sides();
}

/*
 * The notify read alone (as from an initiator's view whose SA payload
 * kept the proposed lifetimes): it lowers each lifetime it names, never
 * raises one, and a malformed one changes nothing.
 */
static void test_responder_lifetime_input(void **state)
{
	static const uint8_t lower[] = {
		0,    0,    0,	  1,	3,    4, 0x60, 0,
		0xaa, 0xbb, 0xcc, 0xdd, /* ESP */
		0x80, 1,    0,	  1,	0x80, 2, 0x07, 0x08, /* 1800 seconds */
		0x80, 1,    0,	  2,	0,    2, 0,    4,
		0,    1,    0,	  0, /* 65536 KB, TLV */
	};
	static const uint8_t higher[] = {
		0, 0, 0,    1, 3, 4, 0x60, 0, 1,    2,
		3, 4, 0x80, 1, 0, 1, 0x80, 2, 0x70, 0x80, /* 28800 seconds */
	};
	struct isakmp_payloads pls = { .n = 1 };
	struct ikev1_p2_choice c = { .life_sec = 3600, .life_kb = 4608000 };

	(void)state;
	setup_sides(&seed_r1, &seed_r2);
	pls.pl[0] =
		(struct isakmp_payload){ ISAKMP_PL_N, lower, sizeof(lower) };
	ikev1_responder_lifetime_input(&A.ctx, NULL, &pls, &c);
	assert_int_equal(c.life_sec, 1800);
	assert_int_equal(c.life_kb, 65536);
	pls.pl[0].body = higher;
	pls.pl[0].len = sizeof(higher);
	ikev1_responder_lifetime_input(&A.ctx, NULL, &pls, &c);
	assert_int_equal(c.life_sec, 1800);
	pls.pl[0].body = lower;
	pls.pl[0].len = sizeof(lower) - 3; /* the last attribute cut */
	c.life_kb = 4608000;
	ikev1_responder_lifetime_input(&A.ctx, NULL, &pls, &c);
	assert_int_equal(c.life_kb, 4608000);
	assert_non_null(strstr(A.log, "malformed RESPONDER-LIFETIME ignored"));
	teardown_sides();
}

/*
 * Every datagram arrives twice: each repeat is taken once, answered
 * again only when it is the request our last message answered, and the
 * exchange still ends with one SA pair on each side.
 */
static void test_repeats(void **state)
{
	(void)state;
	twice = true;
	run(&seed_r1, &seed_r2);
	twice = false;
	assert_mirrored();
	assert_non_null(
		strstr(B.log, "retransmission: sending our answer again"));
	assert_non_null(strstr(A.log, "dropped a repeated message"));
	teardown_sides();
}

static void test_bundle_pfs(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;

	(void)state;
	o1.tset = o2.tset = "ah-sha-hmac esp-aes 256 esp-sha256-hmac";
	o1.policy = o2.policy = "crypto isakmp policy 1\n"
				" encryption aes 256\n"
				" hash sha256\n"
				" group 14\n";
	o1.extra = o2.extra = " set pfs group14\n";
	run(&o1, &o2);
	assert_mirrored();
	assert_int_equal(A.child[0].ah_keylen, 20);
	assert_int_equal(A.child[0].esp_enclen, 32);
	assert_int_equal(A.child[0].esp_authlen, 32);
	assert_non_null(strstr(B.log, "encryption AES-CBC"));
	assert_int_equal(
		ikev1_find_peer(&B.ctx, A.family, &A.addr)->choice.group, 14);
	assert_non_null(strstr(B.log, "group is 14"));
	teardown_sides();
}

static void test_wrong_key(void **state)
{
	struct opts o2 = seed_r2;

	(void)state;
	o2.key = "otherkey";
	run(&seed_r1, &o2);
	assert_int_equal(A.nchild, 0);
	assert_int_equal(B.nchild, 0);
	assert_true(
		strstr(B.ctx.failure,
		       "IKE message from 198.51.100.1 failed its sanity check or is malformed") ||
		strstr(B.ctx.failure, "hash verification failed"));
	assert_null(ikev1_find_peer(&B.ctx, A.family, &A.addr));
	teardown_sides();
}

static void test_no_key(void **state)
{
	(void)state;
	/* B's only key is for another address */
	qhead = qtail = 0;
	setup_side(&A, "r1", "198.51.100.1", "198.51.100.2", &seed_r1);
	setup_side(&B, "r2", "198.51.100.2", "198.51.100.9", &seed_r2);
	assert_int_equal(initiate_first(&A), 0);
	pump();
	assert_string_equal(
		B.ctx.failure,
		"No cert, and no keys (public or pre-shared) with remote peer 198.51.100.1");
	assert_int_equal(A.nchild + B.nchild, 0);
	teardown_sides();
}

static void test_transform_mismatch(void **state)
{
	struct opts o2 = seed_r2;

	(void)state;
	o2.tset = "esp-3des esp-sha-hmac";
	run(&seed_r1, &o2);
	assert_int_equal(A.nchild + B.nchild, 0);
	assert_string_equal(
		B.ctx.failure,
		"Processing of Quick mode failed with peer at 198.51.100.1");
	assert_non_null(strstr(B.log, "atts not acceptable"));
	/* phase 1 stands */
	assert_int_equal(ikev1_find_peer(&B.ctx, A.family, &A.addr)->state,
			 IKEV1_QM_IDLE);
	teardown_sides();
}

/*
 * A quick mode that failed keeps answering for its message ID: the
 * peer's repeat of the same QM1 is dropped as a repeat, not failed again
 * (with its SPIs reserved and given back once more).
 */
static void test_failed_quick_mode_repeat(void **state)
{
	struct opts o2 = seed_r2;
	const char *at;
	int n = 0;

	(void)state;
	o2.tset = "esp-3des esp-sha-hmac";
	twice = true;
	run(&seed_r1, &o2);
	twice = false;
	for (at = B.log; (at = strstr(at, "Processing of Quick mode failed"));
	     at++)
		n++;
	assert_int_equal(n, 1);
	assert_non_null(strstr(B.log, "dropped a repeated message"));
	teardown_sides();
}

static void test_acl_mismatch(void **state)
{
	struct opts o2 = seed_r2;

	(void)state;
	o2.acl = "203.0.113.0 0.0.0.255 192.0.2.0 0.0.0.127";
	run(&seed_r1, &o2);
	assert_int_equal(A.nchild + B.nchild, 0);
	assert_non_null(strstr(
		B.log,
		"proxy identities not acceptable: wider than the access list"));
	assert_string_equal(
		B.ctx.failure,
		"Processing of Quick mode failed with peer at 198.51.100.1");
	teardown_sides();
}

static void test_phase1_mismatch(void **state)
{
	struct opts o2 = seed_r2;

	(void)state;
	o2.policy = "crypto isakmp policy 1\n group 14\n";
	run(&seed_r1, &o2);
	assert_int_equal(A.nchild + B.nchild, 0);
	assert_string_equal(B.ctx.failure,
			    "phase 1 SA not acceptable to our policies");
	assert_non_null(strstr(B.log, "atts are not acceptable"));
	teardown_sides();
}

static bool deleted(const struct side *s, uint8_t proto, uint32_t spi,
		    const struct side *dst)
{
	size_t i;

	for (i = 0; i < s->ndels; i++)
		if (s->dels[i].proto == proto && s->dels[i].spi == spi &&
		    !memcmp(&s->dels[i].dst, &dst->addr, sizeof(dst->addr)))
			return true;
	return false;
}

/* Moves both clocks by @ms, delivering what the ticks send. */
static void advance(uint64_t ms)
{
	clock_ms += ms;
	ikev1_tick(&A.ctx, clock_ms);
	ikev1_tick(&B.ctx, clock_ms);
	pump();
}

/*
 * Lose each datagram of Main Mode and Quick Mode in turn (1..9: MM1..6,
 * QM1..3): the exchange still ends with one SA pair on each side, by the
 * sender's timer or by the peer repeating its request.
 */
/*
 * A negotiation with datagram @n (from 1) lost: within three periods of
 * retransmission it still ends with one mirrored SA pair.
 */
static void run_losing(unsigned int n, const struct opts *o1,
		       const struct opts *o2)
{
	int t;

	lose = n;
	run(o1, o2);
	for (t = 0; t < 3 && (A.nchild == 0 || B.nchild == 0); t++)
		advance(IKEV1_RTX_FIRST_MS);
	lose = 0;
	assert_mirrored();
}

static void test_lost_datagram(void **state)
{
	static const char waits[] = "AAABAAABB";
	unsigned int i;

	(void)state;
	for (i = 1; i <= 9; i++) {
		run_losing(i, &seed_r1, &seed_r2);
		/* who must retransmit: the one waiting for an answer */
		assert_non_null(strstr(waits[i - 1] == 'A' ? A.log : B.log,
				       "retransmitting phase"));
		teardown_sides();
	}
	/* the one lost: MM1 goes again from A's timer */
	lose = 1;
	run(&seed_r1, &seed_r2);
	advance(IKEV1_RTX_FIRST_MS);
	lose = 0;
	assert_non_null(strstr(
		A.log, "ISAKMP (1): retransmitting phase 1 MM_NO_STATE..."));
	teardown_sides();
}

/* A peer that never answers: 2, 4, 8, 16, 16 s apart, then given up. */
static void test_silent_peer(void **state)
{
	static const uint64_t want[] = { 0, 2000, 6000, 14000, 30000, 46000 };
	unsigned int i;

	(void)state;
	silent = true;
	run(&seed_r1, &seed_r2);
	for (i = 0; i < 70; i++)
		advance(1000);
	silent = false;
	assert_int_equal(nsent_a, 6);
	for (i = 0; i < 6; i++)
		assert_int_equal(sent_at[i], want[i]);
	assert_string_equal(
		A.ctx.failure,
		"deleting SA reason \"Death by retransmission P1\" state (I) MM_NO_STATE (peer 198.51.100.2)");
	assert_null(ikev1_find_peer(&A.ctx, B.family, &B.addr));
	/* and the next packet starts afresh */
	assert_int_equal(initiate_first(&A), 0);
	pump();
	assert_mirrored();
	teardown_sides();
}

/*
 * Two `set peer` lines, the first silent: phase 1 with it dies by
 * retransmission, the entry moves to the second peer, and what the
 * kernel asked for is negotiated with it at once.
 */
static void test_peer_failover(void **state)
{
	struct opts o1 = seed_r1;
	unsigned int i;

	(void)state;
	o1.extra = " set peer 198.51.100.2\n"
		   "crypto isakmp key sharedkey address 198.51.100.2\n";
	qhead = qtail = 0;
	nsent = nsent_a = 0;
	clock_ms = 0;
	setup_side(&A, "r1", "198.51.100.1", "198.51.100.9", &o1);
	setup_side(&B, "r2", "198.51.100.2", "198.51.100.1", &seed_r2);
	assert_int_equal(A.conf->entries[0].npeers, 2);
	spoofing = true; /* what goes to 198.51.100.9 is lost */
	assert_int_equal(initiate_first(&A), 0);
	pump();
	assert_int_equal(A.nchild, 0);
	for (i = 0; i < 70 && !A.nchild; i++)
		advance(1000);
	spoofing = false;
	assert_non_null(strstr(A.log, "crypto map test 10: peer 198.51.100.9 "
				      "does not answer; trying 198.51.100.2"));
	assert_mirrored();
	assert_memory_equal(&A.child[0].peer, &B.addr, sizeof(B.addr));
	assert_ptr_equal(ikev1_entry_peer(&A.ctx, &A.conf->entries[0]),
			 &A.conf->entries[0].peers[1]);
	/* the next negotiation goes to the current peer too */
	assert_int_equal(ikev1_clear(&A.ctx, 0), 1);
	pump();
	assert_int_equal(initiate_first(&A), 0);
	pump();
	assert_non_null(ikev1_find_peer(&A.ctx, B.family, &B.addr));
	teardown_sides();
}

/* Quick Mode 1 unanswered: the node dies, the ISAKMP SA stays. */
static void test_silent_quick_mode(void **state)
{
	(void)state;
	run(&seed_r1, &seed_r2);
	silent = true;
	assert_int_equal(initiate_first(&A), 0);
	advance(2000);
	assert_non_null(strstr(A.log, "retransmitting phase 2 QM_IDLE..."));
	for (int i = 0; i < 60; i++)
		advance(1000);
	silent = false;
	assert_non_null(strstr(A.ctx.failure, "Death by retransmission P2"));
	/* its reserved SPI went back to the kernel */
	assert_int_equal(A.ndels, 1);
	assert_true(deleted(&A, IPPROTO_ESP, 0x1002, &A));
	assert_false(
		ikev1_qm_runs_for(ikev1_find_peer(&A.ctx, B.family, &B.addr),
				  &A.conf->entries[0]));
	assert_int_equal(ikev1_find_peer(&A.ctx, B.family, &B.addr)->state,
			 IKEV1_QM_IDLE);
	teardown_sides();
}

/*
 * Main Mode 1 from spoofed sources (ikev1.h, IKEV1_UNVERIFIED_*): each
 * gets one answer and no retransmission; past 128 the oldest is evicted;
 * one address gets 4; a repeated request is answered twice, no more; all
 * are gone after 10 s, said in one line.  A legitimate peer whose request
 * arrives amid the flood completes at once.
 */
static void spoof(const struct pkt *mm1, unsigned int cookie, uint8_t host)
{
	struct pkt p = *mm1;
	union nfsec_ip src = A.addr;

	p.data[0] = (uint8_t)(cookie >> 8); /* another initiator cookie */
	p.data[1] = (uint8_t)cookie;
	src.b[3] = host;
	ikev1_input(&B.ctx, A.family, &src, p.data, p.len);
}

/* more than IKEV1_UNVERIFIED_MAX, from as many addresses */
#define FLOOD (IKEV1_UNVERIFIED_MAX + 8)

static void test_half_open(void **state)
{
	unsigned int i;
	struct pkt mm1;

	(void)state;
	qhead = qtail = 0;
	nsent = nsent_a = 0;
	clock_ms = 0;
	setup_side(&A, "r1", "198.51.100.1", "198.51.100.2", &seed_r1);
	setup_side(&B, "r2", "198.51.100.2", "198.51.100.1", &seed_r2);
	assert_int_equal(initiate_first(&A), 0);
	mm1 = queue[qhead++ % 16];
	silent = true;
	for (i = 0; i < FLOOD; i++)
		spoof(&mm1, 0x1000 + i, (uint8_t)(10 + i));
	assert_int_equal(B.sends, FLOOD); /* one answer each */
	assert_int_equal(ikev1_unverified(&B.ctx), IKEV1_UNVERIFIED_MAX);
	assert_int_equal(B.ctx.flood.evicted, FLOOD - IKEV1_UNVERIFIED_MAX);
	for (i = 0; i < 6; i++)
		spoof(&mm1, 0x2000 + i, 200);
	assert_int_equal(B.sends, FLOOD + 4);
	assert_int_equal(B.ctx.flood.refused, 2);
	assert_non_null(strstr(B.log, "dropped Main Mode message 1 from "
				      "198.51.100.200: it has its share"));
	for (i = 0; i < 4; i++)
		spoof(&mm1, 0x2003, 200);
	assert_int_equal(B.sends,
			 FLOOD + 6); /* the same request: two answers */
	advance(IKEV1_UNVERIFIED_MS - 1000);
	assert_int_equal(B.sends, FLOOD + 6); /* nothing retransmitted */
	assert_int_equal(ikev1_unverified(&B.ctx), IKEV1_UNVERIFIED_MAX);
	assert_non_null(strstr(B.ctx.failure,
			       "Main Mode requests not followed by the peer: "
			       "0 expired, 12 evicted (at most 128 half open), "
			       "2 refused (at most 4 per peer)"));
	advance(1000);
	assert_int_equal(ikev1_half_open(&B.ctx), 0);
	advance(IKEV1_FLOOD_LOG_MS);
	assert_non_null(strstr(B.ctx.failure, ": 128 expired, 0 evicted"));
	/* amid a flood, a real peer */
	silent = false;
	spoofing = true;
	qhead = qtail = 0;
	ikev1_destroy(&A.ctx);
	ikev1_init(&A.ctx, A.conf, &ops);
	ikev1_set_local(&A.ctx, A.family, &A.addr);
	for (i = 0; i < FLOOD; i++)
		spoof(&mm1, 0x3000 + i, (uint8_t)(10 + i));
	assert_int_equal(initiate_first(&A), 0);
	pump_one(); /* MM1 */
	for (i = 0; i < IKEV1_UNVERIFIED_MAX - 1; i++)
		spoof(&mm1, 0x4000 + i, (uint8_t)(10 + i));
	pump();
	spoofing = false;
	assert_mirrored();
	teardown_sides();
}

/*
 * The seed's 240-second ISAKMP lifetime: the SA goes, and the next quick
 * mode (here the pair's rekey at its soft limit) redoes Main Mode.
 */
static void test_isakmp_lifetime(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;

	(void)state;
	o1.policy = o2.policy = " lifetime 240\n";
	run(&o1, &o2);
	assert_int_equal(ikev1_tick(&A.ctx, clock_ms), 240000);
	advance(239000);
	assert_non_null(ikev1_find_peer(&A.ctx, B.family, &B.addr));
	advance(1000);
	assert_null(ikev1_find_peer(&A.ctx, B.family, &B.addr));
	assert_null(ikev1_find_peer(&B.ctx, A.family, &A.addr));
	assert_non_null(strstr(
		A.log, "ISADB: reaper checking SA, conn_id = 1 DELETE IT!"));
	ikev1_sa_soft(&A.ctx, IPPROTO_ESP, B.family, A.child[0].esp_spi_out,
		      &B.addr);
	pump();
	assert_int_equal(A.nchild, 2);
	assert_int_equal(ikev1_find_peer(&A.ctx, B.family, &B.addr)->conn_id,
			 2);
	/* A still held SAs with B: no INITIAL-CONTACT, B's pair stays */
	assert_non_null(strstr(B.log, "ISAKMP (1): received INITIAL-CONTACT"));
	assert_null(strstr(B.log, "ISAKMP (2): received INITIAL-CONTACT"));
	assert_int_equal(B.ndels, 0);
	teardown_sides();
}

/* The control socket's answers for what the engines hold. */
static char *out;

static char *answer(struct side *s, const char *req,
		    enum cd_control_action want)
{
	size_t len;
	FILE *m;

	free(out);
	out = NULL;
	m = open_memstream(&out, &len);
	assert_non_null(m);
	assert_int_equal(cd_control_answer(&s->ctx, req, m), want);
	fclose(m);
	return out;
}

/* Both routers give @want to @req. */
static void answer_both(const char *req, const char *want)
{
	assert_string_equal(answer(&A, req, CD_CONTROL_DONE), want);
	assert_string_equal(answer(&B, req, CD_CONTROL_DONE), want);
}

static void test_control(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;

	(void)state;
	o1.policy = o2.policy = " lifetime 240\n";
	run(&o1, &o2);
	advance(1500);
	/* dst is the responder, as IOS shows it; 238.5 s left rounds up */
	assert_string_equal(
		answer(&A, "isakmp sa\n", CD_CONTROL_DONE),
		"ok\nsa\t198.51.100.2\t198.51.100.1\tQM_IDLE\t1\t0\tI\t239\n");
	assert_string_equal(
		answer(&B, "isakmp sa", CD_CONTROL_DONE),
		"ok\nsa\t198.51.100.2\t198.51.100.1\tQM_IDLE\t1\t0\tR\t239\n");
	assert_string_equal(
		answer(&A, "isakmp policy\n", CD_CONTROL_DONE),
		"ok\npolicy\t1\tdes\t0\tsha\tpre-share\t2\t240\n"
		"policy\tdefault\tdes\t0\tsha\trsa-sig\t1\t86400\n");
	/* show crypto map's part: names, and the live IKE state per entry */
	answer_both(
		"map\n",
		"ok\nentry\ttest\t10\tipsec-isakmp\t133\tauth2\tQM_IDLE\t1\t1\n");
	/* show crypto ipsec session-key and transform-proposal's part */
	answer_both("ipsec\n",
		    "ok\nlifetime\t4608000\t3600\n"
		    "tset\tauth2\tTunnel\t-\tesp-des esp-sha-hmac\n");
	assert_string_equal(answer(&A, "map test\n", CD_CONTROL_DONE),
			    "error unknown request 'map'\n");
	assert_string_equal(answer(&A, "clear isakmp 7\n", CD_CONTROL_DONE),
			    "ok\ncleared\t0\n");
	assert_string_equal(answer(&A, "clear isakmp x\n", CD_CONTROL_DONE),
			    "error bad connection id 'x'\n");
	assert_string_equal(answer(&A, "clear isakmp 1 2\n", CD_CONTROL_DONE),
			    "error unknown request 'clear'\n");
	assert_string_equal(answer(&A, "show\n", CD_CONTROL_DONE),
			    "error unknown request 'show'\n");
	assert_string_equal(answer(&A, "", CD_CONTROL_DONE),
			    "error unknown request ''\n");
	assert_string_equal(
		answer(&A, "debug isakmp\n", CD_CONTROL_DEBUG_ISAKMP), "ok\n");
	assert_string_equal(answer(&A, "debug ipsec\n", CD_CONTROL_DEBUG_IPSEC),
			    "ok\n");
	assert_string_equal(answer(&A, "debug ike\n", CD_CONTROL_DONE),
			    "error unknown request 'debug'\n");
	assert_string_equal(answer(&A, "undebug\n", CD_CONTROL_UNDEBUG), "");
	assert_string_equal(answer(&A, "clear isakmp 1\n", CD_CONTROL_DONE),
			    "ok\ncleared\t1\n");
	assert_non_null(strstr(
		A.log, "ISADB: reaper checking SA, conn_id = 1 DELETE IT!"));
	assert_string_equal(answer(&A, "isakmp sa\n", CD_CONTROL_DONE), "ok\n");
	/* the IPsec pair outlives its ISAKMP SA */
	assert_string_equal(
		answer(&A, "map\n", CD_CONTROL_DONE),
		"ok\nentry\ttest\t10\tipsec-isakmp\t133\tauth2\t-\t0\t1\n");
	assert_string_equal(answer(&B, "clear isakmp\n", CD_CONTROL_DONE),
			    "ok\ncleared\t1\n");
	assert_string_equal(answer(&B, "isakmp sa", CD_CONTROL_DONE), "ok\n");
	free(out);
	out = NULL;
	teardown_sides();
}

/*
 * IPv6 peers: Main Mode and Quick Mode between 2001:db8:1::1 and ::2 for
 * IPv6 LANs, the pair at IPv6 addresses, deleted on both ends at them.
 * A ctx with no IPv4 address refuses an IPv4 peer, sending nothing.
 */
/*
 * show crypto ipsec transform-proposal's part for a set with AH and ESP:
 * each as IOS writes it, AES with its key size, the set's mode, and the
 * global lifetime as configured.
 */
static void test_control_ipsec(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;

	(void)state;
	o1.tset = o2.tset = "ah-sha-hmac esp-aes 256 esp-sha256-hmac";
	o1.extra = o2.extra =
		"crypto ipsec security-association lifetime seconds 1800\n";
	run(&o1, &o2);
	assert_string_equal(
		answer(&A, "ipsec\n", CD_CONTROL_DONE),
		"ok\nlifetime\t4608000\t1800\n"
		"tset\tauth2\tTunnel\tah-sha-hmac\tesp-aes 256 esp-sha256-hmac\n");
	free(out);
	out = NULL;
	teardown_sides();
}

static void test_ipv6_peers(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;
	const struct conf_acl *acl;
	struct ikev1_sa *sa;
	size_t sent;

	(void)state;
	o1.match = o2.match = "lans";
	o1.extra = "crypto map test 20 ipsec-isakmp\n"
		   " set peer 198.51.100.2\n"
		   " set transform-set auth2\n"
		   " match address 133\n"
		   "ipv6 access-list lans\n"
		   " permit ipv6 2001:db8:a::/64 2001:db8:b::/64\n";
	o2.extra = "ipv6 access-list lans\n"
		   " permit ipv6 2001:db8:b::/64 2001:db8:a::/64\n";
	setup_sides_at(&o1, &o2, "2001:db8:1::1", "2001:db8:1::2");
	acl = conf_acl_find(A.conf, "lans");
	assert_int_equal(
		ikev1_initiate(&A.ctx, &A.conf->entries[0], &acl->rules[0].sel),
		0);
	pump();
	sa = ikev1_find_peer(&B.ctx, AF_INET6, &A.addr);
	assert_non_null(sa);
	assert_int_equal(sa->state, IKEV1_QM_IDLE);
	assert_mirrored();
	assert_int_equal(A.child[0].family, AF_INET6);
	assert_int_equal(A.child[0].sel.family, AF_INET6);
	assert_memory_equal(&A.child[0].local, &A.addr, sizeof(A.addr));
	assert_memory_equal(&A.child[0].peer, &B.addr, sizeof(B.addr));
	assert_non_null(strstr(
		B.log,
		"IPSEC(spi_response): getting spi 8193 for SA from 2001:db8:1::1 to 2001:db8:1::2 for prot 3"));
	/* the same bytes as an IPv4 address are not that peer */
	assert_null(ikev1_find_peer(&B.ctx, AF_INET, &A.addr));

	ikev1_sa_gone(&B.ctx, IPPROTO_ESP, AF_INET6, B.child[0].esp_spi_in,
		      &B.addr);
	pump();
	assert_true(deleted(&B, IPPROTO_ESP, B.child[0].esp_spi_in, &B));
	assert_true(deleted(&B, IPPROTO_ESP, B.child[0].esp_spi_out, &A));
	assert_true(deleted(&A, IPPROTO_ESP, A.child[0].esp_spi_out, &B));
	assert_true(deleted(&A, IPPROTO_ESP, A.child[0].esp_spi_in, &A));

	sent = nsent;
	assert_int_equal(
		ikev1_initiate(&A.ctx, &A.conf->entries[1],
			       &conf_acl_find(A.conf, "133")->rules[0].sel),
		-EADDRNOTAVAIL);
	assert_int_equal(nsent, sent);
	assert_non_null(
		strstr(A.log, "no local IPv4 address for peer 198.51.100.2"));
	teardown_sides();
}

/*
 * The kernel drops one SA of a pair on B (clear crypto sa, hard limit):
 * B deletes the rest and sends a Delete; A deletes its pair.  The DEL_SA
 * events of those deletions find nothing and send nothing.  The same for
 * an AH+ESP bundle from A's side.
 */
static void test_delete_pair(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;
	const struct ikev1_child *a, *b;
	size_t sent;

	(void)state;
	run(&seed_r1, &seed_r2);
	a = &A.child[0];
	b = &B.child[0];
	assert_int_equal(B.nin, 1); /* the responder's inbound step */
	ikev1_sa_gone(&B.ctx, IPPROTO_ESP, B.family, b->esp_spi_in, &B.addr);
	pump();
	assert_int_equal(B.ndels, 2);
	assert_true(deleted(&B, IPPROTO_ESP, b->esp_spi_in, &B));
	assert_true(deleted(&B, IPPROTO_ESP, b->esp_spi_out, &A));
	assert_int_equal(A.ndels, 2);
	assert_true(deleted(&A, IPPROTO_ESP, a->esp_spi_in, &A));
	assert_true(deleted(&A, IPPROTO_ESP, a->esp_spi_out, &B));
	assert_non_null(
		strstr(A.log, "processing DELETE payload. message ID = "));
	assert_non_null(strstr(
		A.log,
		"IPSEC(delete_sa): deleting SA, (sa) sa_dest= 198.51.100.2, sa_prot= 50, sa_spi= 0x"));
	/* the echoes of those deletions */
	sent = nsent;
	ikev1_sa_gone(&A.ctx, IPPROTO_ESP, B.family, a->esp_spi_out, &B.addr);
	ikev1_sa_gone(&B.ctx, IPPROTO_ESP, A.family, b->esp_spi_out, &A.addr);
	assert_int_equal(nsent, sent);
	assert_int_equal(A.ndels + B.ndels, 4);
	/* ISAKMP SAs stay */
	assert_non_null(ikev1_find_peer(&B.ctx, A.family, &A.addr));
	teardown_sides();

	o1.tset = o2.tset = "ah-sha-hmac esp-des esp-sha-hmac";
	run(&o1, &o2);
	a = &A.child[0];
	b = &B.child[0];
	ikev1_sa_gone(&A.ctx, IPPROTO_AH, B.family, a->ah_spi_out, &B.addr);
	pump();
	assert_int_equal(A.ndels, 4);
	assert_int_equal(B.ndels, 4);
	assert_true(deleted(&B, IPPROTO_AH, b->ah_spi_in, &B));
	assert_true(deleted(&B, IPPROTO_AH, b->ah_spi_out, &A));
	assert_true(deleted(&B, IPPROTO_ESP, b->esp_spi_in, &B));
	assert_true(deleted(&B, IPPROTO_ESP, b->esp_spi_out, &A));
	teardown_sides();
}

/* clear crypto isakmp on A: B hears the Delete and drops its SA too. */
static void test_delete_isakmp(void **state)
{
	(void)state;
	run(&seed_r1, &seed_r2);
	assert_int_equal(ikev1_clear(&A.ctx, 0), 1);
	pump();
	assert_null(ikev1_find_peer(&A.ctx, B.family, &B.addr));
	assert_null(ikev1_find_peer(&B.ctx, A.family, &A.addr));
	assert_non_null(strstr(A.log, "sending DELETE for the ISAKMP SA"));
	assert_non_null(strstr(
		B.log, "deleting SA reason \"Received DELETE\" state QM_IDLE"));
	assert_non_null(strstr(A.log, "%CRYPTO-5-SESSION_STATUS: Crypto tunnel "
				      "is DOWN. Peer 198.51.100.2:500"));
	assert_non_null(strstr(B.log, "%CRYPTO-5-SESSION_STATUS: Crypto tunnel "
				      "is DOWN. Peer 198.51.100.1:500"));
	/* IPsec SAs are not the ISAKMP SA's: they stay */
	assert_int_equal(A.ndels + B.ndels, 0);
	teardown_sides();
}

/* A Delete altered on the way, or sent in the clear, deletes nothing. */
static void test_info_forged(void **state)
{
	struct pkt p;

	(void)state;
	run(&seed_r1, &seed_r2);
	ikev1_sa_gone(&A.ctx, IPPROTO_ESP, A.family, A.child[0].esp_spi_in,
		      &A.addr);
	assert_int_equal(qtail - qhead, 1);
	p = queue[qhead++ % 16];
	p.data[p.len - 9] ^= 1; /* in the HASH or the Delete */
	ikev1_input(&B.ctx, A.family, &A.addr, p.data, p.len);
	p.data[p.len - 9] ^= 1;
	p.data[19] &= (uint8_t)~ISAKMP_FLAG_ENC;
	ikev1_input(&B.ctx, A.family, &A.addr, p.data, p.len);
	assert_int_equal(B.ndels, 0);
	assert_true(strstr(B.log, "HASH(1) does not verify") ||
		    strstr(B.log, "dropped a malformed Informational message"));
	assert_non_null(strstr(
		B.log, "dropped an unauthenticated Informational message"));
	teardown_sides();
}

/*
 * Rekeying: a soft limit on the responder's SAs does nothing; on the
 * initiator's it negotiates a successor once, while the old pair stays.
 * The old pair is retired on both ends after the grace period, and only
 * it.
 * A soft limit during another quick mode waits for it to end.
 */
static void test_rekey(void **state)
{
	const struct ikev1_child *a, *b;
	size_t sent;

	(void)state;
	run(&seed_r1, &seed_r2);
	a = &A.child[0];
	b = &B.child[0];
	sent = nsent;
	ikev1_sa_soft(&B.ctx, IPPROTO_ESP, A.family, b->esp_spi_out, &A.addr);
	assert_int_equal(nsent, sent);
	ikev1_sa_soft(&A.ctx, IPPROTO_ESP, B.family, a->esp_spi_out, &B.addr);
	pump();
	assert_int_equal(A.nchild, 2);
	assert_int_equal(B.nchild, 2);
	assert_int_not_equal(A.child[1].esp_spi_out, a->esp_spi_out);
	assert_int_equal(A.child[1].esp_spi_out, B.child[1].esp_spi_in);
	assert_non_null(strstr(A.log, "IPSEC(rekey): crypto map test 10"));
	/* the same pair's other SA reaching its limit: no second successor */
	sent = nsent;
	ikev1_sa_soft(&A.ctx, IPPROTO_ESP, A.family, a->esp_spi_in, &A.addr);
	assert_int_equal(nsent, sent);
	/* the old pair is retired after the grace period, on both ends */
	advance(IKEV1_REKEY_GRACE_MS - 1);
	assert_int_equal(A.ndels, 0);
	advance(1);
	assert_non_null(strstr(
		A.log, "IPSEC(rekey): crypto map test 10, retiring SA 0x"));
	assert_int_equal(A.ndels, 2);
	assert_true(deleted(&A, IPPROTO_ESP, a->esp_spi_out, &B));
	assert_int_equal(B.ndels, 2);
	assert_true(deleted(&B, IPPROTO_ESP, b->esp_spi_in, &B));
	assert_false(deleted(&B, IPPROTO_ESP, B.child[1].esp_spi_in, &B));
	/* the successor is rekeyed in turn, after a running quick mode */
	silent = true;
	assert_int_equal(initiate_first(&A), 0);
	sent = nsent;
	ikev1_sa_soft(&A.ctx, IPPROTO_ESP, B.family, A.child[1].esp_spi_out,
		      &B.addr);
	assert_int_equal(nsent, sent); /* due, not begun */
	for (int i = 0; i < 63; i++)
		advance(1000); /* the silent quick mode dies */
	silent = false;
	for (int i = 0; i < 3; i++)
		advance(1000); /* its QM1 may have been lost: retransmitted */
	assert_int_equal(A.nchild, 3);
	assert_non_null(strstr(A.ctx.failure, "Death by retransmission P2"));
	teardown_sides();
}

/*
 * A restarts and has lost everything: its Main Mode 5 carries
 * INITIAL-CONTACT, and B drops its old ISAKMP SA and pair, silently,
 * keeping only the new ones.
 */
static void test_initial_contact(void **state)
{
	const struct ikev1_child *b;
	size_t i, n = 0;

	(void)state;
	run(&seed_r1, &seed_r2);
	b = &B.child[0];
	ikev1_destroy(&A.ctx);
	ikev1_init(&A.ctx, A.conf, &ops);
	ikev1_set_local(&A.ctx, A.family, &A.addr);
	assert_int_equal(initiate_first(&A), 0);
	pump();
	assert_non_null(strstr(
		B.log,
		"received INITIAL-CONTACT: the peer's older SAs are gone"));
	assert_int_equal(B.ndels, 2);
	assert_true(deleted(&B, IPPROTO_ESP, b->esp_spi_in, &B));
	assert_true(deleted(&B, IPPROTO_ESP, b->esp_spi_out, &A));
	assert_int_equal(B.nchild, 2);
	for (i = 0; i < IKEV1_SAS_MAX; i++)
		n += B.ctx.sas[i].used;
	assert_int_equal(n, 1);
	assert_int_equal(ikev1_find_peer(&B.ctx, A.family, &A.addr)->conn_id,
			 2);
	teardown_sides();
}

/* A's configuration text for @o, with the map entry numbered @seq. */
static struct conf *conf_with_seq(const struct opts *o, const char *seq)
{
	char buf[2048], *at;
	struct conf *c;

	snprintf(buf, sizeof(buf), conf_fmt, "r1", o->policy, o->key,
		 "198.51.100.2", o->tset, "198.51.100.2",
		 o->match ? o->match : "133", o->extra, o->acl);
	at = strstr(buf, "test 10");
	assert_non_null(at);
	memcpy(at + 5, seq, 2);
	c = conf_parse("r1", buf, strlen(buf));
	assert_non_null(c);
	assert_int_equal(c->nerrors, 0);
	return c;
}

/*
 * A reload: with the entry still there the pair follows it (and is
 * rekeyed by the new file); with the entry gone, the pair is deleted on
 * both ends.  The ISAKMP SA stays either way.
 */
static void test_reconf(void **state)
{
	struct conf *same, *gone;
	size_t sent;

	(void)state;
	run(&seed_r1, &seed_r2);
	same = conf_with_seq(&seed_r1, "10");
	sent = nsent;
	ikev1_reconf(&A.ctx, same);
	assert_int_equal(nsent, sent);
	assert_ptr_equal(A.ctx.installed[0].entry, &same->entries[0]);
	ikev1_sa_soft(&A.ctx, IPPROTO_ESP, B.family, A.child[0].esp_spi_out,
		      &B.addr);
	pump();
	assert_int_equal(A.nchild, 2);
	assert_ptr_equal(A.child[1].entry, &same->entries[0]);
	gone = conf_with_seq(&seed_r1, "20");
	ikev1_reconf(&A.ctx, gone);
	pump();
	assert_non_null(strstr(
		A.log,
		"crypto map test 10 is gone from the configuration: its SAs go"));
	assert_int_equal(A.ndels, 4); /* both pairs */
	assert_int_equal(B.ndels, 4);
	assert_non_null(ikev1_find_peer(&A.ctx, B.family, &B.addr));
	assert_non_null(ikev1_find_peer(&B.ctx, A.family, &A.addr));
	teardown_sides();
	conf_free(same);
	conf_free(gone);
}

/*
 * SIGHUP while a rekey's quick mode runs: the old configuration is in use
 * until that quick mode ends, and not after (its pair follows the new
 * configuration, and the pair it succeeds is retired as usual); a reload
 * while nothing runs leaves the one before unused at once.  cryptod frees
 * (and wipes) a configuration as soon as it is unused.
 */
static void test_conf_in_use(void **state)
{
	struct conf *next, *third;

	(void)state;
	run(&seed_r1, &seed_r2);
	assert_true(ikev1_uses_conf(&A.ctx, A.conf));
	ikev1_sa_soft(&A.ctx, IPPROTO_ESP, B.family, A.child[0].esp_spi_out,
		      &B.addr);
	assert_true(qhead != qtail); /* QM1 on its way */
	next = conf_with_seq(&seed_r1, "10");
	ikev1_reconf(&A.ctx, next);
	assert_true(ikev1_uses_conf(&A.ctx, A.conf));
	assert_true(ikev1_uses_conf(&A.ctx, next));
	pump();
	assert_int_equal(A.nchild, 2);
	assert_ptr_equal(A.child[1].entry, &A.conf->entries[0]);
	assert_false(ikev1_uses_conf(&A.ctx, A.conf));
	advance(IKEV1_REKEY_GRACE_MS);
	assert_int_equal(A.ndels, 2); /* the old pair, retired */
	third = conf_with_seq(&seed_r1, "10");
	ikev1_reconf(&A.ctx, third);
	assert_false(ikev1_uses_conf(&A.ctx, next));
	assert_true(ikev1_uses_conf(&A.ctx, third));
	teardown_sides();
	conf_free(next);
	conf_free(third);
}

/*
 * DPD with `crypto isakmp keepalive 10 2` on both: a quiet SA probes
 * after 10 s and is answered; when the peer goes silent, 5 R-U-THEREs
 * 2 s apart go unanswered and the peer's SAs are deleted.
 */
static void test_dpd(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;
	int i;

	(void)state;
	o1.policy = o2.policy = "crypto isakmp keepalive 10 2\n";
	run(&o1, &o2);
	assert_true(ikev1_find_peer(&A.ctx, B.family, &B.addr)->dpd_peer);
	assert_true(ikev1_find_peer(&B.ctx, A.family, &A.addr)->dpd_peer);
	assert_int_equal(ikev1_tick(&A.ctx, clock_ms), 10000); /* 1st probe */
	advance(9000);
	assert_null(strstr(A.log, "sending DPD R-U-THERE"));
	advance(1000);
	assert_non_null(strstr(A.log, "sending DPD R-U-THERE 1"));
	assert_non_null(strstr(
		B.log, "received DPD R-U-THERE 1, sending R-U-THERE-ACK"));
	assert_non_null(strstr(A.log, "received DPD R-U-THERE-ACK 1"));
	silent = true;
	for (i = 0; i < 40 && ikev1_find_peer(&A.ctx, B.family, &B.addr); i++)
		advance(1000);
	silent = false;
	/* quiet since 10 s: probes at 20, 22, 24, 26, 28 s; dead at 30 s */
	assert_int_equal(clock_ms, 30000);
	assert_string_equal(
		A.ctx.failure,
		"DPD: peer 198.51.100.2 is not responding; deleting its SAs");
	assert_non_null(strstr(A.log, "sending DPD R-U-THERE 6"));
	assert_null(strstr(A.log, "sending DPD R-U-THERE 7"));
	assert_int_equal(A.ndels, 2);
	teardown_sides();
	/* without keepalive no probe goes out, but probes are answered */
	run(&seed_r1, &seed_r2);
	for (i = 0; i < 30; i++)
		advance(1000);
	assert_null(strstr(A.log, "R-U-THERE"));
	assert_null(strstr(B.log, "R-U-THERE"));
	teardown_sides();
}

/*
 * Aggressive Mode: r1 says who it is by name (the seed's wan2511 way),
 * r2 keys it by that name.  Then every one of its three datagrams lost
 * in turn is recovered, and a key for another name fails as the seed
 * shows it.
 */
static void test_aggressive(void **state)
{
	static const char waits[] = "AAB";
	struct opts o1 = seed_r1, o2 = seed_r2;
	unsigned int i;

	(void)state;
	o1.policy = "crypto isakmp identity hostname\n"
		    "ip domain-name example.com\n";
	o2.policy = "crypto isakmp key sharedkey hostname r1.example.com\n";
	o2.key = "notthisone"; /* by address: must not be the one used */
	run(&o1, &o2);
	assert_mirrored();
	assert_non_null(strstr(A.log, "beginning Aggressive Mode exchange"));
	assert_int_equal(ikev1_find_peer(&B.ctx, A.family, &A.addr)->state,
			 IKEV1_QM_IDLE);
	assert_true(ikev1_find_peer(&B.ctx, A.family, &A.addr)->aggressive);
	assert_null(strstr(A.log, "sharedkey"));
	assert_null(strstr(B.log, "sharedkey"));
	teardown_sides();
	for (i = 1; i <= 3; i++) {
		run_losing(i, &o1, &o2);
		assert_non_null(strstr(waits[i - 1] == 'A' ? A.log : B.log,
				       "retransmitting phase 1 AG_INIT_EXCH"));
		/*
		 * AM3 lost: QM1 went after it, yet AM3 is still phase 1's
		 * last and goes again on AM2's repeat
		 */
		assert_true(i != 3 ||
			    strstr(A.log,
				   "retransmission: sending our answer again"));
		teardown_sides();
	}
	/* a wrong key: the hash in AM2 does not verify */
	o2.policy = "crypto isakmp key otherkey hostname r1.example.com\n";
	run(&o1, &o2);
	assert_int_equal(A.nchild + B.nchild, 0);
	assert_non_null(strstr(A.log,
			       "%CRYPTO-6-IKMP_AUTH_FAIL: Authentication "
			       "method 1 failed with host "
			       "198.51.100.2\n"));
	assert_null(strstr(A.log, "Crypto tunnel is UP"));
	teardown_sides();
	o2.policy = "crypto isakmp key sharedkey hostname r9.example.com\n";
	run(&o1, &o2);
	assert_int_equal(A.nchild + B.nchild, 0);
	assert_non_null(strstr(
		B.log,
		"ISAKMP: no pre-shared key based on hostname r1.example.com!"));
	assert_string_equal(
		B.ctx.failure,
		"%CRYPTO-6-IKMP_MODE_FAILURE: Processing of Aggressive mode failed with peer at 198.51.100.1");
	assert_null(ikev1_find_peer(&B.ctx, A.family, &A.addr));
	teardown_sides();
}

/*
 * `crypto isakmp aggressive-mode disable`: as responder, AM1 gets no
 * answer and leaves no state (AM2 would carry a hash of the key to
 * anyone); as initiator with a name as identity, Main Mode is used and
 * the peer keys by address.
 */
static void test_aggressive_disabled(void **state)
{
	struct opts o1 = seed_r1, o2 = seed_r2;

	(void)state;
	o1.policy = "crypto isakmp identity hostname\n"
		    "ip domain-name example.com\n";
	o2.policy = "crypto isakmp key sharedkey hostname r1.example.com\n"
		    "crypto isakmp aggressive-mode disable\n";
	run(&o1, &o2);
	assert_int_equal(A.nchild + B.nchild, 0);
	assert_int_equal(nsent, 1); /* AM1, unanswered */
	assert_non_null(strstr(
		B.log,
		"dropped Aggressive Mode message 1 from 198.51.100.1: aggressive-mode disabled"));
	assert_null(ikev1_find_peer(&B.ctx, A.family, &A.addr));
	teardown_sides();

	o1.policy = "crypto isakmp identity hostname\n"
		    "ip domain-name example.com\n"
		    "crypto isakmp aggressive-mode disable\n";
	o2.policy = "crypto isakmp aggressive-mode disable\n";
	run(&o1, &o2);
	assert_mirrored();
	assert_null(strstr(A.log, "beginning Aggressive Mode exchange"));
	assert_false(ikev1_find_peer(&B.ctx, A.family, &A.addr)->aggressive);
	teardown_sides();
}

/*
 * r1 offers AH+ESP, then ESP alone; r2 takes only ESP.  r1 reserved an
 * AH SPI for the offer: it goes back to the kernel once the quick mode
 * is done, and nothing else is deleted.
 */
static void test_unused_spi(void **state)
{
	struct opts o1 = seed_r1;

	(void)state;
	o1.tset = "ah-sha-hmac esp-des esp-sha-hmac";
	o1.policy = "crypto ipsec transform-set esp2 esp-des esp-sha-hmac\n";
	o1.extra = " set transform-set auth2 esp2\n";
	run(&o1, &seed_r2);
	assert_mirrored();
	assert_int_equal(A.child[0].ah_keylen, 0);
	assert_int_equal(A.ndels, 1);
	assert_true(deleted(&A, IPPROTO_AH, 0x1001, &A));
	assert_int_equal(A.child[0].esp_spi_in, 0x1002);
	assert_int_equal(B.ndels, 0);
	teardown_sides();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_preshare),
		cmocka_unit_test(test_repeats),
		cmocka_unit_test(test_queued_quick_modes),
		cmocka_unit_test(test_crossing_quick_modes),
		cmocka_unit_test(test_many_quick_modes),
		cmocka_unit_test(test_responder_lifetime),
		cmocka_unit_test(test_responder_lifetime_input),
		cmocka_unit_test(test_acquire_while_responding),
		cmocka_unit_test(test_lost_datagram),
		cmocka_unit_test(test_silent_peer),
		cmocka_unit_test(test_peer_failover),
		cmocka_unit_test(test_silent_quick_mode),
		cmocka_unit_test(test_half_open),
		cmocka_unit_test(test_isakmp_lifetime),
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_control_ipsec),
		cmocka_unit_test(test_ipv6_peers),
		cmocka_unit_test(test_delete_pair),
		cmocka_unit_test(test_delete_isakmp),
		cmocka_unit_test(test_info_forged),
		cmocka_unit_test(test_rekey),
		cmocka_unit_test(test_initial_contact),
		cmocka_unit_test(test_reconf),
		cmocka_unit_test(test_conf_in_use),
		cmocka_unit_test(test_dpd),
		cmocka_unit_test(test_aggressive),
		cmocka_unit_test(test_aggressive_disabled),
		cmocka_unit_test(test_unused_spi),
		cmocka_unit_test(test_bundle_pfs),
		cmocka_unit_test(test_wrong_key),
		cmocka_unit_test(test_no_key),
		cmocka_unit_test(test_transform_mismatch),
		cmocka_unit_test(test_failed_quick_mode_repeat),
		cmocka_unit_test(test_acl_mismatch),
		cmocka_unit_test(test_phase1_mismatch),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
