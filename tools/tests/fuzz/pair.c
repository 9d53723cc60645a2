// SPDX-License-Identifier: GPL-2.0
/*
 * Two IKEv1 engines in memory with deterministic randomness (pair.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>

#include "ike_crypto.h"
#include "ikev1_int.h"
#include "pair.h"

/* The seed's pre-share routers (ACLs mirrored), in documentation ranges. */
static const char conf_fmt[] =
	"hostname %s\n"
	"crypto isakmp policy 1\n"
	" authentication pre-share\n"
	" group 2\n"
	"crypto isakmp key sharedkey address %s\n"
	"crypto ipsec transform-set auth2 ah-sha-hmac esp-des esp-sha-hmac\n"
	"crypto map test 10 ipsec-isakmp\n"
	" set peer %s\n"
	" set transform-set auth2\n"
	" set pfs group2\n"
	" match address 133\n"
	"access-list 133 permit ip %s\n";

static const char *const addr_str[2] = { "198.51.100.2", "198.51.100.1" };
static const char *const acl_str[2] = {
	"203.0.113.0 0.0.0.255 192.0.2.0 0.0.0.255",
	"192.0.2.0 0.0.0.255 203.0.113.0 0.0.0.255",
};

/* The side whose engine runs now: its generator answers ike_random(). */
static struct fuzz_side *current;

int __wrap_ike_random(void *buf, size_t len);

/* splitmix64: a fixed stream per side, nothing secret about it here. */
int __wrap_ike_random(void *buf, size_t len)
{
	uint64_t *state = current ? &current->rng : NULL;
	static uint64_t spare = 1;
	uint8_t *p = buf;
	uint64_t z;

	if (!state)
		state = &spare;
	while (len) {
		size_t n = len < 8 ? len : 8;

		z = (*state += 0x9e3779b97f4a7c15ULL);
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		z ^= z >> 31;
		memcpy(p, &z, n);
		p += n;
		len -= n;
	}
	return 0;
}

static struct fuzz_side *side_of(struct ikev1_ctx *ctx)
{
	return (struct fuzz_side *)((char *)ctx -
				    offsetof(struct fuzz_side, ctx));
}

static int f_send(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		  const uint8_t *buf, size_t len)
{
	struct fuzz_side *s = side_of(ctx);
	struct fuzz_msg *m;

	(void)sa;
	if (s->nsent == FUZZ_MSGS_MAX || len > FUZZ_MSG_MAX)
		return 0; /* lost, as on a real path */
	m = &s->sent[s->nsent++];
	memcpy(m->data, buf, len);
	m->len = len;
	return 0;
}

static int f_spi(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		 uint8_t proto, uint8_t *spi)
{
	uint32_t v = side_of(ctx)->next_spi++;

	(void)sa;
	(void)proto;
	spi[0] = (uint8_t)(v >> 24);
	spi[1] = (uint8_t)(v >> 16);
	spi[2] = (uint8_t)(v >> 8);
	spi[3] = (uint8_t)v;
	return 0;
}

static int f_install(struct ikev1_ctx *ctx, const struct ikev1_child *ch)
{
	(void)ch;
	side_of(ctx)->installs++;
	return 0;
}

static int f_del(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		 uint32_t spi, const union nfsec_ip *dst)
{
	(void)ctx;
	(void)proto;
	(void)family;
	(void)spi;
	(void)dst;
	return 0;
}

static void f_log(struct ikev1_ctx *ctx, unsigned int conn_id, const char *line)
{
	(void)ctx;
	(void)conn_id;
	(void)line;
}

static const struct ikev1_ops ops = {
	.send = f_send,
	.spi_alloc = f_spi,
	.install = f_install,
	.del_sa = f_del,
	.log = f_log,
};

int fuzz_side_init(struct fuzz_side *s, int r1)
{
	char buf[1024];
	int n;

	s->r1 = r1;
	n = snprintf(buf, sizeof(buf), conf_fmt, r1 ? "r1" : "r2",
		     addr_str[!r1], addr_str[!r1], acl_str[!!r1]);
	s->conf = conf_parse(r1 ? "r1" : "r2", buf, (size_t)n);
	if (!s->conf || s->conf->nerrors)
		return -EINVAL;
	if (nfsec_ip_parse(addr_str[!!r1], &s->family, &s->addr) ||
	    nfsec_ip_parse(addr_str[!r1], &s->family, &s->peer))
		return -EINVAL;
	fuzz_side_reset(s);
	return 0;
}

void fuzz_side_reset(struct fuzz_side *s)
{
	int r1 = s->r1;

	ikev1_destroy(&s->ctx);
	ikev1_init(&s->ctx, s->conf, &ops);
	ikev1_set_local(&s->ctx, s->family, &s->addr);
	current = s;
	ikev1_tick(&s->ctx, FUZZ_NOW_MS);
	s->rng = r1 ? 0x5eed0001 : 0x5eed0002;
	s->next_spi = r1 ? 0x1001 : 0x2001;
	s->installs = 0;
	s->nsent = 0;
}

void fuzz_side_destroy(struct fuzz_side *s)
{
	ikev1_destroy(&s->ctx);
	conf_free(s->conf);
	s->conf = NULL;
}

void fuzz_side_enter(struct fuzz_side *s)
{
	current = s;
}

int fuzz_side_initiate(struct fuzz_side *s)
{
	current = s;
	return ikev1_initiate(&s->ctx, &s->conf->entries[0],
			      &s->conf->acls[0].rules[0].sel);
}

void fuzz_side_input(struct fuzz_side *s, const uint8_t *buf, size_t len)
{
	current = s;
	ikev1_input(&s->ctx, s->family, &s->peer, buf, len);
}

/* Delivers what @from sent and @to has not had yet; how many. */
static size_t deliver(struct fuzz_side *from, size_t *done,
		      struct fuzz_side *to)
{
	size_t n = 0;

	for (; *done < from->nsent; (*done)++, n++)
		fuzz_side_input(to, from->sent[*done].data,
				from->sent[*done].len);
	return n;
}

int fuzz_pair_exchange(struct fuzz_side *r1, struct fuzz_side *r2)
{
	size_t d1 = 0, d2 = 0;
	int err;

	err = fuzz_side_initiate(r1);
	if (err && err != -EINPROGRESS)
		return err;
	while (deliver(r1, &d1, r2) + deliver(r2, &d2, r1))
		;
	return r1->installs && r2->installs ? 0 : -EPROTO;
}
