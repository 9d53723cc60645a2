// SPDX-License-Identifier: GPL-2.0
/*
 * crypto isakmp: policies (the protection suites), pre-shared keys, the
 * identity, keepalives (dead peer detection) and aggressive mode.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf_parse_int.h"

/* ---- crypto isakmp ---- */

static void parse_policy(struct conf_parser *p)
{
	struct conf *c = p->c;
	struct conf_policy *pol;
	uint64_t prio;
	size_t i;

	if (!cp_need_uint(p, 3, 1, 10000, "policy priority", &prio) ||
	    !cp_at_end(p, 4))
		return;
	for (i = 0; i < c->npolicies; i++)
		if (c->policies[i].prio == prio)
			break;
	if (i == c->npolicies) {
		pol = CP_PUSH(p, c->policies, c->npolicies);
		if (!pol)
			return;
		*pol = conf_default_policy;
		pol->prio = (unsigned int)prio;
		pol->line = p->l->no;
	}
	p->cur = i;
	p->mode = MODE_POLICY;
}

static const char *const conf_hash_words[] = {
	[CONF_HASH_MD5] = "md5",       [CONF_HASH_SHA1] = "sha",
	[CONF_HASH_SHA256] = "sha256", [CONF_HASH_SHA384] = "sha384",
	[CONF_HASH_SHA512] = "sha512",
};

static int cp_word_index(const char *w, const char *const *words, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (cp_is(w, words[i]))
			return (int)i;
	return -1;
}

#define CP_WORD_INDEX(w, words) \
	cp_word_index(w, words, sizeof(words) / sizeof(words[0]))

static void policy_encryption(struct conf_parser *p, struct conf_policy *pol)
{
	const char *w = cp_need(p, 1, "des, 3des or aes");
	uint64_t bits = 128;

	if (!w)
		return;
	if (cp_is(w, "aes")) {
		if (cp_word(p, 2)) {
			if (!cp_need_uint(p, 2, 128, 256, "AES key size",
					  &bits))
				return;
			if (bits != 128 && bits != 192 && bits != 256) {
				cp_err(p, 2,
				       "AES key size must be 128, 192 or 256");
				return;
			}
		}
		if (!cp_at_end(p, cp_word(p, 2) ? 3 : 2))
			return;
		pol->enc = CONF_IKE_AES;
		pol->keybits = (uint16_t)bits;
		return;
	}
	if (!cp_is(w, "des") && !cp_is(w, "3des")) {
		cp_err(p, 1, "unknown encryption '%s' (des, 3des or aes)", w);
		return;
	}
	if (cp_at_end(p, 2))
		pol->enc = cp_is(w, "des") ? CONF_IKE_DES : CONF_IKE_3DES;
}

static void policy_hash(struct conf_parser *p, struct conf_policy *pol)
{
	const char *w = cp_need(p, 1, "a hash");
	int h;

	if (!w)
		return;
	h = CP_WORD_INDEX(w, conf_hash_words);
	if (h < 0) {
		cp_err(p, 1,
		       "unknown hash '%s' (md5, sha, sha256, sha384 or sha512)",
		       w);
		return;
	}
	if (cp_at_end(p, 2))
		pol->hash = (uint8_t)h;
}

static void policy_auth(struct conf_parser *p, struct conf_policy *pol)
{
	static const char *const names[] = {
		[CONF_AUTH_PSK] = "pre-share",
		[CONF_AUTH_RSA_SIG] = "rsa-sig",
		[CONF_AUTH_RSA_ENCR] = "rsa-encr",
	};
	const char *w = cp_need(p, 1, "pre-share, rsa-sig or rsa-encr");
	int a;

	if (!w)
		return;
	a = CP_WORD_INDEX(w, names);
	if (a < 0) {
		cp_err(p, 1,
		       "unknown authentication '%s' (pre-share, rsa-sig or rsa-encr)",
		       w);
		return;
	}
	if (cp_at_end(p, 2))
		pol->auth = (uint8_t)a;
}

/* A Diffie-Hellman group number at word @i. */
static bool need_group(struct conf_parser *p, size_t i, uint8_t *group)
{
	uint64_t g;

	if (!cp_need_uint(p, i, 1, 255, "Diffie-Hellman group", &g))
		return false;
	if (!conf_group_known((unsigned int)g)) {
		cp_err(p, i,
		       "Diffie-Hellman group %llu is not supported (1, 2, 5, 14, 15, 16, 19, 20, 21)",
		       (unsigned long long)g);
		return false;
	}
	*group = (uint8_t)g;
	return true;
}

/* Commands of crypto isakmp policy mode; false when not one of them. */
bool cp_in_policy(struct conf_parser *p)
{
	struct conf_policy *pol = &p->c->policies[p->cur];
	uint64_t v;
	uint8_t g;

	if (cp_word_is(p, 0, "encryption"))
		policy_encryption(p, pol);
	else if (cp_word_is(p, 0, "hash"))
		policy_hash(p, pol);
	else if (cp_word_is(p, 0, "authentication"))
		policy_auth(p, pol);
	else if (cp_word_is(p, 0, "group")) {
		if (need_group(p, 1, &g) && cp_at_end(p, 2))
			pol->group = g;
	} else if (cp_word_is(p, 0, "lifetime")) {
		if (cp_need_uint(p, 1, 60, 86400, "lifetime (seconds)", &v) &&
		    cp_at_end(p, 2))
			pol->lifetime = (uint32_t)v;
	} else {
		return false;
	}
	return true;
}

/* Pre-shared key bytes from word @i; never echoed in messages. */
static bool psk_key(struct conf_parser *p, size_t *i, struct conf_psk *k)
{
	const char *w = cp_need(p, *i, "a key");

	if (!w)
		return false;
	/* IOS 12: "key 0 SECRET" is a cleartext key, "key 6 ..." encrypted. */
	if ((cp_is(w, "0") || cp_is(w, "6")) && cp_word(p, *i + 1) &&
	    !cp_word_is(p, *i + 1, "address") &&
	    !cp_word_is(p, *i + 1, "hostname")) {
		if (cp_is(w, "6")) {
			cp_err(p, *i,
			       "type 6 (encrypted) keys are not supported; give the key in clear");
			return false;
		}
		w = cp_word(p, ++*i);
	}
	if (strlen(w) > CONF_KEY_MAX) {
		cp_err(p, *i, "the key is longer than %d characters",
		       CONF_KEY_MAX);
		return false;
	}
	k->keylen = strlen(w);
	memcpy(k->key, w, k->keylen);
	++*i;
	return true;
}

/* crypto isakmp key K address ipv6 PREFIX/LEN (IOS's IPv6 form) */
static bool psk_address6(struct conf_parser *p, size_t i, struct conf_psk *k)
{
	const char *w = cp_need(p, i, "an IPv6 PREFIX/LEN");
	size_t b;

	if (!w)
		return false;
	k->family = 0;
	if (nfsec_prefix_parse(w, &k->family, &k->addr, &k->mask) ||
	    k->family != AF_INET6) {
		cp_err(p, i, "expected an IPv6 PREFIX/LEN, not '%s'", w);
		return false;
	}
	for (b = 0; b < 16; b++)
		k->addr.b[b] &= k->mask.b[b];
	if (cp_word_is(p, i + 1, "no-xauth"))
		i++;
	return cp_at_end(p, i + 1);
}

static bool psk_address(struct conf_parser *p, size_t i, struct conf_psk *k)
{
	union nfsec_ip full;
	size_t len;

	if (cp_word_is(p, i, "ipv6"))
		return psk_address6(p, i + 1, k);
	if (!cp_need_ip(p, i, 0, "peer address", &k->family, &k->addr))
		return false;
	len = nfsec_ip_len(k->family);
	memset(&full, 0xff, len);
	memset(full.b + len, 0, sizeof(full) - len);
	k->mask = full;
	if (cp_word(p, i + 1) && !cp_word_is(p, i + 1, "no-xauth")) {
		uint8_t f;

		if (k->family != AF_INET) {
			cp_err(p, i + 1,
			       "a mask goes with an IPv4 peer address");
			return false;
		}
		if (!cp_need_ip(p, i + 1, AF_INET, "peer mask", &f, &k->mask))
			return false;
		for (len = 0; len < 4; len++)
			k->addr.b[len] &= k->mask.b[len];
		i++;
	}
	if (cp_word_is(p, i + 1, "no-xauth"))
		i++;
	return cp_at_end(p, i + 1);
}

static void parse_isakmp_key(struct conf_parser *p)
{
	struct conf_psk k = { .line = p->l->no };
	struct conf_psk *slot;
	size_t i = 3;
	bool ok;

	if (!psk_key(p, &i, &k))
		goto wipe;
	if (cp_word_is(p, i, "address")) {
		ok = psk_address(p, i + 1, &k);
	} else if (cp_word_is(p, i, "hostname")) {
		ok = cp_need_name(p, i + 1, "peer host name", k.host,
				  sizeof(k.host)) &&
		     cp_at_end(p, i + 2);
	} else {
		cp_err(p, i, "expected 'address' or 'hostname' after the key");
		ok = false;
	}
	if (ok) {
		slot = CP_PUSH(p, p->c->psks, p->c->npsks);
		if (slot)
			*slot = k;
	}
wipe:
	explicit_bzero(&k, sizeof(k));
}

static void parse_isakmp_keepalive(struct conf_parser *p)
{
	uint64_t secs, retry = 2;
	size_t i = 4;

	if (!cp_need_uint(p, 3, 10, 3600, "keepalive interval (seconds)",
			  &secs))
		return;
	if (cp_word(p, 4) && isdigit((unsigned char)cp_word(p, 4)[0])) {
		if (!cp_need_uint(p, 4, 2, 60, "keepalive retry (seconds)",
				  &retry))
			return;
		i = 5;
	}
	if (cp_word_is(p, i, "periodic") || cp_word_is(p, i, "on-demand"))
		i++;
	if (!cp_at_end(p, i))
		return;
	p->c->dpd_interval = (uint32_t)secs;
	p->c->dpd_retry = (uint32_t)retry;
}

void cp_isakmp(struct conf_parser *p)
{
	const char *w = cp_need(p, 2, "an isakmp command");

	if (!w)
		return;
	if (cp_is(w, "policy")) {
		parse_policy(p);
	} else if (cp_is(w, "key")) {
		parse_isakmp_key(p);
	} else if (cp_is(w, "identity")) {
		if (cp_word_is(p, 3, "address"))
			p->c->identity = CONF_ID_ADDRESS;
		else if (cp_word_is(p, 3, "hostname"))
			p->c->identity = CONF_ID_HOSTNAME;
		else if (cp_word_is(p, 3, "dn"))
			/* a certificate's name: never the address instead */
			cp_err(p, 3,
			       "crypto isakmp identity dn needs certificates (rsa-sig), which cryptod does not negotiate yet; use address or hostname");
		else if (cp_need(p, 3, "address, hostname or dn"))
			cp_err(p, 3,
			       "unknown identity '%s' (address, hostname or dn)",
			       cp_word(p, 3));
		cp_at_end(p, 4);
	} else if (cp_is(w, "keepalive")) {
		parse_isakmp_keepalive(p);
	} else if (cp_is(w, "aggressive-mode")) {
		if (!cp_need(p, 3, "disable"))
			return;
		if (!cp_word_is(p, 3, "disable"))
			cp_err(p, 3,
			       "unknown aggressive-mode setting '%s' (disable)",
			       cp_word(p, 3));
		else if (cp_at_end(p, 4))
			p->c->aggressive_off = true;
	} else if (cp_is(w, "enable")) {
		cp_at_end(p, 3);
	} else {
		cp_err(p, 2,
		       "unknown or unsupported command 'crypto isakmp %s'", w);
	}
}
