// SPDX-License-Identifier: GPL-2.0
/*
 * The IOS configuration reader: lines into words, words into the objects
 * of conf.h.
 *
 * IOS is modal.  A command such as `crypto map test 10 ipsec-isakmp`
 * enters a submode whose commands (`set peer ...`) follow it; a command
 * the submode does not know goes back to global configuration, as IOS's
 * parser does (a `!` line is only a comment).  Lines that are
 * not about crypto are accepted and ignored; a word that belongs to a
 * crypto submode but appears where it cannot be is an error, so a typo is
 * never silently dropped.  Keywords are case-insensitive, as in IOS.
 *
 * Before its handler reads a line, the line is walked through the IOS
 * command tree of its mode and of global configuration (conf_tree.h):
 * abbreviated keywords come out spelled in full, so the handlers below
 * compare whole words only.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf.h"
#include "conf_flat.h"
#include "conf_tree.h"

#define CONF_WORDS_MAX 64
#define CONF_DER_MAX 16384

struct conf_word {
	const char *s;
	unsigned int col;
};

struct conf_line {
	struct conf_word w[CONF_WORDS_MAX];
	size_t n;
	unsigned int no, endcol;
};

enum conf_mode {
	MODE_GLOBAL,
	MODE_POLICY,
	MODE_TSET,
	MODE_MAP,
	MODE_ACL,
	MODE_IFACE,
	MODE_KEYCHAIN,
	MODE_PUBKEY,
	MODE_HEX,
	MODE_CA_ID,
	MODE_CA_CHAIN,
	MODE_BLOCK, /* a non-crypto block (line con 0, router ...) */
	MODE_END,
};

static const char *const conf_mode_names[] = {
	[MODE_POLICY] = "crypto isakmp policy",
	[MODE_TSET] = "crypto transform",
	[MODE_MAP] = "crypto map",
	[MODE_ACL] = "access list",
	[MODE_KEYCHAIN] = "public key chain",
	[MODE_PUBKEY] = "public key",
	[MODE_CA_ID] = "ca identity",
	[MODE_CA_CHAIN] = "certificate chain",
};

enum conf_acl_kind { ACL_STANDARD, ACL_EXTENDED, ACL_IPV6 };

struct conf_parser {
	struct conf *c;
	const struct conf_line *l;
	enum conf_mode mode, hex_back;
	size_t cur, cert; /* index of the object the submode edits */
	unsigned int hex_line, hex_col; /* where key-string/certificate began */
	enum conf_acl_kind acl_kind;
	bool oom;
};

/* ---- words ---- */

static const char *word(const struct conf_parser *p, size_t i)
{
	return i < p->l->n ? p->l->w[i].s : NULL;
}

static bool is(const char *w, const char *kw)
{
	return w && !strcasecmp(w, kw);
}

static bool word_is(const struct conf_parser *p, size_t i, const char *kw)
{
	return is(word(p, i), kw);
}

static void perr(struct conf_parser *p, size_t i, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void perr(struct conf_parser *p, size_t i, const char *fmt, ...)
{
	unsigned int col = i < p->l->n ? p->l->w[i].col : p->l->endcol;
	char msg[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	conf_diag(p->c, true, p->l->no, col, "%s", msg);
}

/* Word @i must exist; otherwise "expected WHAT". */
static const char *need(struct conf_parser *p, size_t i, const char *what)
{
	const char *w = word(p, i);

	if (!w)
		perr(p, i, "expected %s after '%s'", what, word(p, i - 1));
	return w;
}

/* Nothing may follow word @i - 1. */
static bool at_end(struct conf_parser *p, size_t i)
{
	if (i >= p->l->n)
		return true;
	perr(p, i, "unexpected '%s'", word(p, i));
	return false;
}

static bool need_uint(struct conf_parser *p, size_t i, uint64_t lo, uint64_t hi,
		      const char *what, uint64_t *out)
{
	const char *w = need(p, i, what);
	char *end;

	if (!w)
		return false;
	if (!isdigit((unsigned char)w[0]))
		goto bad;
	errno = 0;
	*out = strtoull(w, &end, 10);
	if (*end || errno || *out < lo || *out > hi)
		goto bad;
	return true;
bad:
	perr(p, i, "%s must be %llu to %llu, not '%s'", what,
	     (unsigned long long)lo, (unsigned long long)hi, w);
	return false;
}

static bool need_name(struct conf_parser *p, size_t i, const char *what,
		      char *out, size_t size)
{
	const char *w = need(p, i, what);

	if (!w)
		return false;
	if (strlen(w) >= size) {
		perr(p, i, "%s '%s' is longer than %zu characters", what, w,
		     size - 1);
		return false;
	}
	strcpy(out, w);
	return true;
}

static bool need_ip(struct conf_parser *p, size_t i, uint8_t want,
		    const char *what, uint8_t *family, union nfsec_ip *ip)
{
	const char *w = need(p, i, what);
	uint8_t f = 0;

	if (!w)
		return false;
	if (nfsec_ip_parse(w, &f, ip) || (want && f != want)) {
		perr(p, i, "%s: '%s' is not an %s address", what, w,
		     want == AF_INET6 ? "IPv6"
		     : want	      ? "IPv4"
				      : "IP");
		return false;
	}
	*family = f;
	return true;
}

static void *conf_push(struct conf_parser *p, void **arr, size_t *n,
		       size_t size)
{
	char *a = realloc(*arr, (*n + 1) * size);

	if (!a) {
		p->oom = true;
		return NULL;
	}
	*arr = a;
	memset(a + *n * size, 0, size);
	return a + (*n)++ * size;
}

#define PUSH(p, arr, n) conf_push(p, (void **)&(arr), &(n), sizeof(*(arr)))

/* ---- crypto isakmp ---- */

static void parse_policy(struct conf_parser *p)
{
	struct conf *c = p->c;
	struct conf_policy *pol;
	uint64_t prio;
	size_t i;

	if (!need_uint(p, 3, 1, 10000, "policy priority", &prio) ||
	    !at_end(p, 4))
		return;
	for (i = 0; i < c->npolicies; i++)
		if (c->policies[i].prio == prio)
			break;
	if (i == c->npolicies) {
		pol = PUSH(p, c->policies, c->npolicies);
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

static int word_index(const char *w, const char *const *words, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (is(w, words[i]))
			return (int)i;
	return -1;
}

#define WORD_INDEX(w, words) \
	word_index(w, words, sizeof(words) / sizeof(words[0]))

static void policy_encryption(struct conf_parser *p, struct conf_policy *pol)
{
	const char *w = need(p, 1, "des, 3des or aes");
	uint64_t bits = 128;

	if (!w)
		return;
	if (is(w, "aes")) {
		if (word(p, 2)) {
			if (!need_uint(p, 2, 128, 256, "AES key size", &bits))
				return;
			if (bits != 128 && bits != 192 && bits != 256) {
				perr(p, 2,
				     "AES key size must be 128, 192 or 256");
				return;
			}
		}
		if (!at_end(p, word(p, 2) ? 3 : 2))
			return;
		pol->enc = CONF_IKE_AES;
		pol->keybits = (uint16_t)bits;
		return;
	}
	if (!is(w, "des") && !is(w, "3des")) {
		perr(p, 1, "unknown encryption '%s' (des, 3des or aes)", w);
		return;
	}
	if (at_end(p, 2))
		pol->enc = is(w, "des") ? CONF_IKE_DES : CONF_IKE_3DES;
}

static void policy_hash(struct conf_parser *p, struct conf_policy *pol)
{
	const char *w = need(p, 1, "a hash");
	int h;

	if (!w)
		return;
	h = WORD_INDEX(w, conf_hash_words);
	if (h < 0) {
		perr(p, 1,
		     "unknown hash '%s' (md5, sha, sha256, sha384 or sha512)",
		     w);
		return;
	}
	if (at_end(p, 2))
		pol->hash = (uint8_t)h;
}

static void policy_auth(struct conf_parser *p, struct conf_policy *pol)
{
	static const char *const names[] = {
		[CONF_AUTH_PSK] = "pre-share",
		[CONF_AUTH_RSA_SIG] = "rsa-sig",
		[CONF_AUTH_RSA_ENCR] = "rsa-encr",
	};
	const char *w = need(p, 1, "pre-share, rsa-sig or rsa-encr");
	int a;

	if (!w)
		return;
	a = WORD_INDEX(w, names);
	if (a < 0) {
		perr(p, 1,
		     "unknown authentication '%s' (pre-share, rsa-sig or rsa-encr)",
		     w);
		return;
	}
	if (at_end(p, 2))
		pol->auth = (uint8_t)a;
}

/* A Diffie-Hellman group number at word @i. */
static bool need_group(struct conf_parser *p, size_t i, uint8_t *group)
{
	uint64_t g;

	if (!need_uint(p, i, 1, 255, "Diffie-Hellman group", &g))
		return false;
	if (!conf_group_known((unsigned int)g)) {
		perr(p, i,
		     "Diffie-Hellman group %llu is not supported (1, 2, 5, 14, 15, 16, 19, 20, 21)",
		     (unsigned long long)g);
		return false;
	}
	*group = (uint8_t)g;
	return true;
}

/* Commands of crypto isakmp policy mode; false when not one of them. */
static bool parse_in_policy(struct conf_parser *p)
{
	struct conf_policy *pol = &p->c->policies[p->cur];
	uint64_t v;
	uint8_t g;

	if (word_is(p, 0, "encryption"))
		policy_encryption(p, pol);
	else if (word_is(p, 0, "hash"))
		policy_hash(p, pol);
	else if (word_is(p, 0, "authentication"))
		policy_auth(p, pol);
	else if (word_is(p, 0, "group")) {
		if (need_group(p, 1, &g) && at_end(p, 2))
			pol->group = g;
	} else if (word_is(p, 0, "lifetime")) {
		if (need_uint(p, 1, 60, 86400, "lifetime (seconds)", &v) &&
		    at_end(p, 2))
			pol->lifetime = (uint32_t)v;
	} else {
		return false;
	}
	return true;
}

/* Pre-shared key bytes from word @i; never echoed in messages. */
static bool psk_key(struct conf_parser *p, size_t *i, struct conf_psk *k)
{
	const char *w = need(p, *i, "a key");

	if (!w)
		return false;
	/* IOS 12: "key 0 SECRET" is a cleartext key, "key 6 ..." encrypted. */
	if ((is(w, "0") || is(w, "6")) && word(p, *i + 1) &&
	    !word_is(p, *i + 1, "address") && !word_is(p, *i + 1, "hostname")) {
		if (is(w, "6")) {
			perr(p, *i,
			     "type 6 (encrypted) keys are not supported; give the key in clear");
			return false;
		}
		w = word(p, ++*i);
	}
	if (strlen(w) > CONF_KEY_MAX) {
		perr(p, *i, "the key is longer than %d characters",
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
	const char *w = need(p, i, "an IPv6 PREFIX/LEN");
	size_t b;

	if (!w)
		return false;
	k->family = 0;
	if (nfsec_prefix_parse(w, &k->family, &k->addr, &k->mask) ||
	    k->family != AF_INET6) {
		perr(p, i, "expected an IPv6 PREFIX/LEN, not '%s'", w);
		return false;
	}
	for (b = 0; b < 16; b++)
		k->addr.b[b] &= k->mask.b[b];
	if (word_is(p, i + 1, "no-xauth"))
		i++;
	return at_end(p, i + 1);
}

static bool psk_address(struct conf_parser *p, size_t i, struct conf_psk *k)
{
	union nfsec_ip full;
	size_t len;

	if (word_is(p, i, "ipv6"))
		return psk_address6(p, i + 1, k);
	if (!need_ip(p, i, 0, "peer address", &k->family, &k->addr))
		return false;
	len = nfsec_ip_len(k->family);
	memset(&full, 0xff, len);
	memset(full.b + len, 0, sizeof(full) - len);
	k->mask = full;
	if (word(p, i + 1) && !word_is(p, i + 1, "no-xauth")) {
		uint8_t f;

		if (k->family != AF_INET) {
			perr(p, i + 1, "a mask goes with an IPv4 peer address");
			return false;
		}
		if (!need_ip(p, i + 1, AF_INET, "peer mask", &f, &k->mask))
			return false;
		for (len = 0; len < 4; len++)
			k->addr.b[len] &= k->mask.b[len];
		i++;
	}
	if (word_is(p, i + 1, "no-xauth"))
		i++;
	return at_end(p, i + 1);
}

static void parse_isakmp_key(struct conf_parser *p)
{
	struct conf_psk k = { .line = p->l->no };
	struct conf_psk *slot;
	size_t i = 3;
	bool ok;

	if (!psk_key(p, &i, &k))
		goto wipe;
	if (word_is(p, i, "address")) {
		ok = psk_address(p, i + 1, &k);
	} else if (word_is(p, i, "hostname")) {
		ok = need_name(p, i + 1, "peer host name", k.host,
			       sizeof(k.host)) &&
		     at_end(p, i + 2);
	} else {
		perr(p, i, "expected 'address' or 'hostname' after the key");
		ok = false;
	}
	if (ok) {
		slot = PUSH(p, p->c->psks, p->c->npsks);
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

	if (!need_uint(p, 3, 10, 3600, "keepalive interval (seconds)", &secs))
		return;
	if (word(p, 4) && isdigit((unsigned char)word(p, 4)[0])) {
		if (!need_uint(p, 4, 2, 60, "keepalive retry (seconds)",
			       &retry))
			return;
		i = 5;
	}
	if (word_is(p, i, "periodic") || word_is(p, i, "on-demand"))
		i++;
	if (!at_end(p, i))
		return;
	p->c->dpd_interval = (uint32_t)secs;
	p->c->dpd_retry = (uint32_t)retry;
}

static void parse_isakmp(struct conf_parser *p)
{
	const char *w = need(p, 2, "an isakmp command");

	if (!w)
		return;
	if (is(w, "policy")) {
		parse_policy(p);
	} else if (is(w, "key")) {
		parse_isakmp_key(p);
	} else if (is(w, "identity")) {
		if (word_is(p, 3, "address"))
			p->c->identity = CONF_ID_ADDRESS;
		else if (word_is(p, 3, "hostname"))
			p->c->identity = CONF_ID_HOSTNAME;
		else if (word_is(p, 3, "dn"))
			/* a certificate's name: never the address instead */
			perr(p, 3,
			     "crypto isakmp identity dn needs certificates (rsa-sig), which cryptod does not negotiate yet; use address or hostname");
		else if (need(p, 3, "address, hostname or dn"))
			perr(p, 3,
			     "unknown identity '%s' (address, hostname or dn)",
			     word(p, 3));
		at_end(p, 4);
	} else if (is(w, "keepalive")) {
		parse_isakmp_keepalive(p);
	} else if (is(w, "aggressive-mode")) {
		if (!need(p, 3, "disable"))
			return;
		if (!word_is(p, 3, "disable"))
			perr(p, 3,
			     "unknown aggressive-mode setting '%s' (disable)",
			     word(p, 3));
		else if (at_end(p, 4))
			p->c->aggressive_off = true;
	} else if (is(w, "enable")) {
		at_end(p, 3);
	} else {
		perr(p, 2, "unknown or unsupported command 'crypto isakmp %s'",
		     w);
	}
}

/* ---- crypto ipsec ---- */

/* One IOS transform at word *i (with its key size word); false on error. */
static bool tset_transform(struct conf_parser *p, size_t *i,
			   struct conf_tset *t)
{
	char w[32];
	uint64_t bits;
	size_t k;
	int a;

	for (k = 0; k < sizeof(w) - 1 && word(p, *i)[k]; k++)
		w[k] = (char)tolower((unsigned char)word(p, *i)[k]);
	w[k] = '\0';
	if (strlen(w) < 6 || word(p, *i)[k])
		goto unknown;

	if (!strncasecmp(w, "ah-", 3)) {
		a = nfsec_auth_parse(w);
		if (a < 0 || strcasecmp(w + strlen(w) - 5, "-hmac"))
			goto unknown;
		if (t->ah_auth) {
			perr(p, *i,
			     "'%s': a transform set has one AH transform", w);
			return false;
		}
		t->ah_auth = (uint8_t)a;
		++*i;
		return true;
	}
	if (strncasecmp(w, "esp-", 4))
		goto unknown;
	if (!strcasecmp(w + strlen(w) - 5, "-hmac")) {
		a = nfsec_auth_parse(w);
		if (a < 0)
			goto unknown;
		if (t->esp_auth) {
			perr(p, *i,
			     "'%s': a transform set has one ESP authenticator",
			     w);
			return false;
		}
		t->esp_auth = (uint8_t)a;
		t->esp = true;
		++*i;
		return true;
	}
	a = nfsec_enc_parse(w);
	if (a < 0 || is(w, "esp-chacha20-poly1305"))
		goto unknown;
	if (t->esp_enc) {
		perr(p, *i, "'%s': a transform set has one ESP cipher", w);
		return false;
	}
	t->esp_enc = (uint8_t)a;
	t->esp = true;
	++*i;
	if (a != NFSEC_ENC_AES_CBC && a != NFSEC_ENC_AES_GCM_16)
		return true;
	t->esp_keybits = 128;
	if (!word(p, *i) || !isdigit((unsigned char)word(p, *i)[0]))
		return true;
	if (!need_uint(p, *i, 128, 256, "AES key size", &bits))
		return false;
	if (bits != 128 && bits != 256 &&
	    (bits != 192 || a == NFSEC_ENC_AES_GCM_16)) {
		perr(p, *i, "'%s' takes %s bit keys", w,
		     a == NFSEC_ENC_AES_GCM_16 ? "128 or 256"
					       : "128, 192 or 256");
		return false;
	}
	t->esp_keybits = (uint16_t)bits;
	++*i;
	return true;
unknown:
	perr(p, *i, "unknown transform '%s'", word(p, *i));
	return false;
}

static bool tset_valid(struct conf_parser *p, const struct conf_tset *t)
{
	if (t->esp_enc == NFSEC_ENC_AES_GCM_16 && t->esp_auth) {
		perr(p, 3,
		     "esp-gcm authenticates by itself; drop the ESP authenticator");
		return false;
	}
	if (t->esp_enc == NFSEC_ENC_NULL && !t->esp_auth) {
		perr(p, 3,
		     "esp-null needs an ESP authenticator (esp-sha-hmac ...)");
		return false;
	}
	return true;
}

static void parse_tset(struct conf_parser *p)
{
	struct conf_tset t = { .mode = NFSEC_MODE_TUNNEL, .line = p->l->no };
	struct conf *c = p->c;
	size_t i = 4, n = 0, k;

	if (!need_name(p, 3, "transform set name", t.name, sizeof(t.name)) ||
	    !need(p, 4, "a transform"))
		return;
	while (word(p, i)) {
		if (++n > 3) {
			perr(p, i, "a transform set has at most 3 transforms");
			return;
		}
		if (!tset_transform(p, &i, &t))
			return;
	}
	if (!t.esp_enc && t.esp_auth)
		t.esp_enc = NFSEC_ENC_NULL;
	if (!tset_valid(p, &t))
		return;
	for (k = 0; k < c->ntsets; k++)
		if (!strcmp(c->tsets[k].name, t.name))
			break;
	if (k < c->ntsets)
		t.mode = c->tsets[k].mode; /* re-entered: keeps its mode */
	else if (!PUSH(p, c->tsets, c->ntsets))
		return;
	c->tsets[k] = t;
	p->cur = k;
	p->mode = MODE_TSET;
}

static bool parse_in_tset(struct conf_parser *p)
{
	if (!word_is(p, 0, "mode"))
		return false;
	if (word_is(p, 1, "tunnel"))
		p->c->tsets[p->cur].mode = NFSEC_MODE_TUNNEL;
	else if (word_is(p, 1, "transport"))
		p->c->tsets[p->cur].mode = NFSEC_MODE_TRANSPORT;
	else if (need(p, 1, "tunnel or transport"))
		perr(p, 1, "unknown mode '%s' (tunnel or transport)",
		     word(p, 1));
	at_end(p, 2);
	return true;
}

/*
 * crypto map NAME local-address IFACE: IKE and the SAs from IFACE's
 * address.  cryptod has one local address, so every map must name the
 * same interface.
 */
static void map_local_address(struct conf_parser *p, const char *map)
{
	struct conf *c = p->c;
	char name[CONF_NAME_MAX];

	if (!need_name(p, 4, "interface name", name, sizeof(name)) ||
	    !at_end(p, 5))
		return;
	if (c->local.line && strcasecmp(c->local.name, name)) {
		perr(p, 4,
		     "crypto map %s local-address %s: cryptod has one local address, and line %u chose %s",
		     map, name, c->local.line, c->local.name);
		return;
	}
	if (c->local.line)
		return;
	strcpy(c->local.map, map);
	strcpy(c->local.name, name);
	c->local.line = p->l->no;
}

/* lifetime seconds N | kilobytes N, from word @i. */
static void parse_lifetime(struct conf_parser *p, size_t i, uint32_t *sec,
			   uint64_t *kb)
{
	uint64_t v;

	if (word_is(p, i, "seconds")) {
		if (need_uint(p, i + 1, 120, 86400, "lifetime (seconds)", &v) &&
		    at_end(p, i + 2))
			*sec = (uint32_t)v;
	} else if (word_is(p, i, "kilobytes")) {
		if (need_uint(p, i + 1, 2560, 4294967295ULL,
			      "lifetime (kilobytes)", &v) &&
		    at_end(p, i + 2))
			*kb = v;
	} else if (need(p, i, "seconds or kilobytes")) {
		perr(p, i, "expected seconds or kilobytes, not '%s'",
		     word(p, i));
	}
}

/*
 * replay window-size N | replay disable, from word @i ("replay"): IOS's
 * window sizes, and the kernel's larger ones.
 */
static void parse_replay(struct conf_parser *p, size_t i, struct conf_replay *r)
{
	uint64_t v;

	if (word_is(p, i + 1, "disable")) {
		if (!at_end(p, i + 2))
			return;
		r->disabled = true;
		r->window = 0;
	} else if (word_is(p, i + 1, "window-size")) {
		if (!need_uint(p, i + 2, 64, 4096, "replay window (packets)",
			       &v) ||
		    !at_end(p, i + 3))
			return;
		if (v & (v - 1)) {
			perr(p, i + 2,
			     "replay window must be 64, 128, 256, 512, 1024, 2048 or 4096, not %llu",
			     (unsigned long long)v);
			return;
		}
		r->disabled = false;
		r->window = (uint16_t)v;
	} else {
		if (need(p, i + 1, "window-size or disable"))
			perr(p, i + 1,
			     "expected window-size or disable, not '%s'",
			     word(p, i + 1));
		return;
	}
	r->line = p->l->no;
}

static void parse_ipsec(struct conf_parser *p)
{
	const char *w = need(p, 2, "an ipsec command");

	if (!w)
		return;
	if (is(w, "transform-set"))
		parse_tset(p);
	else if (is(w, "security-association") && word_is(p, 3, "lifetime"))
		parse_lifetime(p, 4, &p->c->sa_life_sec, &p->c->sa_life_kb);
	else if (is(w, "security-association") && word_is(p, 3, "replay"))
		parse_replay(p, 3, &p->c->replay);
	else
		perr(p, 2, "unknown or unsupported command 'crypto ipsec %s'",
		     w);
}

/* ---- crypto map ---- */

static void parse_map(struct conf_parser *p)
{
	struct conf_map_entry *e;
	struct conf *c = p->c;
	char name[NFSEC_MAP_NAME_MAX];
	bool manual = false;
	uint64_t seq;
	size_t i;

	if (!need_name(p, 2, "crypto map name", name, sizeof(name)))
		return;
	if (word_is(p, 3, "local-address")) {
		map_local_address(p, name);
		return;
	}
	if (!need_uint(p, 3, 1, 65535, "crypto map sequence number", &seq))
		return;
	if (word_is(p, 4, "ipsec-manual"))
		manual = true;
	else if (word(p, 4) && !word_is(p, 4, "ipsec-isakmp")) {
		perr(p, 4,
		     "unknown crypto map type '%s' (ipsec-isakmp or ipsec-manual)",
		     word(p, 4));
		return;
	}
	if (!at_end(p, word(p, 4) ? 5 : 4))
		return;
	for (i = 0; i < c->nentries; i++)
		if (!strcmp(c->entries[i].map, name) &&
		    c->entries[i].seq == seq)
			break;
	if (i < c->nentries && c->entries[i].manual != manual && word(p, 4)) {
		perr(p, 4, "crypto map %s %llu is already %s", name,
		     (unsigned long long)seq,
		     manual ? "ipsec-isakmp" : "ipsec-manual");
		return;
	}
	if (i == c->nentries) {
		e = PUSH(p, c->entries, c->nentries);
		if (!e)
			return;
		strcpy(e->map, name);
		e->seq = (uint32_t)seq;
		e->manual = manual;
		e->line = p->l->no;
	}
	p->cur = i;
	p->mode = MODE_MAP;
}

static void map_peer(struct conf_parser *p, struct conf_map_entry *e)
{
	struct conf_peer *peer;
	size_t i;

	if (!need(p, 2, "a peer address or host name") || !at_end(p, 3))
		return;
	for (i = 0; i < e->npeers; i++)
		if (!strcasecmp(e->peers[i].name, word(p, 2)))
			return;
	if (e->npeers == CONF_PEERS_MAX) {
		perr(p, 2, "a crypto map entry has at most %d peers",
		     CONF_PEERS_MAX);
		return;
	}
	peer = &e->peers[e->npeers];
	if (!need_name(p, 2, "peer", peer->name, sizeof(peer->name)))
		return;
	peer->line = p->l->no;
	e->npeers++;
}

static void map_tsets(struct conf_parser *p, struct conf_map_entry *e)
{
	size_t i;

	if (!need(p, 2, "a transform set name"))
		return;
	if (p->l->n - 2 > CONF_TSETS_MAX) {
		perr(p, 2 + CONF_TSETS_MAX, "at most %d transform sets",
		     CONF_TSETS_MAX);
		return;
	}
	for (i = 2; i < p->l->n; i++)
		if (!need_name(p, i, "transform set name", e->tsets[i - 2],
			       CONF_NAME_MAX))
			return;
	e->ntsets = p->l->n - 2;
	e->tsets_line = p->l->no;
}

static void map_pfs(struct conf_parser *p, struct conf_map_entry *e)
{
	const char *w = word(p, 2);
	char *end;
	long g;

	if (!w) {
		e->pfs_group = 1; /* IOS: bare "set pfs" is group1 */
		return;
	}
	g = strncasecmp(w, "group", 5) ? -1 : strtol(w + 5, &end, 10);
	if (g < 0 || *end || !conf_group_known((unsigned int)g)) {
		perr(p, 2,
		     "unknown PFS group '%s' (group1, group2, group5, group14, group15, group16, group19, group20, group21)",
		     w);
		return;
	}
	if (at_end(p, 3))
		e->pfs_group = (uint8_t)g;
}

/* A hex key at word @i into @out (never echoed). */
static bool need_hex_key(struct conf_parser *p, size_t i, const char *what,
			 uint8_t *out, size_t *len)
{
	const char *w = need(p, i, what);
	int n;

	if (!w)
		return false;
	n = nfsec_hex_parse(w, out, CONF_KEY_MAX);
	if (n <= 0) {
		perr(p, i, "%s: expected up to %d bytes in hex", what,
		     CONF_KEY_MAX);
		return false;
	}
	*len = (size_t)n;
	return true;
}

/*
 * set session-key inbound|outbound esp SPI cipher HEX [authenticator HEX]
 * set session-key inbound|outbound esp SPI authenticator HEX
 * set session-key inbound|outbound ah SPI HEX
 */
static void map_session_key(struct conf_parser *p, struct conf_map_entry *e)
{
	struct conf_session_key k = { .set = true, .line = p->l->no };
	bool in = word_is(p, 2, "inbound"), esp = word_is(p, 3, "esp");
	struct conf_session_key *slot;
	uint64_t spi;
	size_t i = 5;

	if (!e->manual) {
		perr(p, 0,
		     "set session-key needs an ipsec-manual crypto map entry");
		return;
	}
	if (!in && !word_is(p, 2, "outbound")) {
		if (need(p, 2, "inbound or outbound"))
			perr(p, 2, "expected inbound or outbound, not '%s'",
			     word(p, 2));
		return;
	}
	if (!esp && !word_is(p, 3, "ah")) {
		if (need(p, 3, "esp or ah"))
			perr(p, 3, "expected esp or ah, not '%s'", word(p, 3));
		return;
	}
	if (!need_uint(p, 4, 256, 4294967295ULL, "SPI", &spi))
		return;
	k.spi = (uint32_t)spi;
	if (!esp) {
		if (!need_hex_key(p, 5, "AH key", k.auth, &k.authlen) ||
		    !at_end(p, 6))
			goto wipe;
		slot = in ? &e->ah_in : &e->ah_out;
		goto store;
	}
	if (word_is(p, i, "cipher")) {
		if (!need_hex_key(p, i + 1, "cipher key", k.cipher,
				  &k.cipherlen))
			goto wipe;
		i += 2;
	}
	if (word_is(p, i, "authenticator")) {
		if (!need_hex_key(p, i + 1, "authenticator key", k.auth,
				  &k.authlen))
			goto wipe;
		i += 2;
	}
	if (i == 5) {
		if (need(p, i, "cipher or authenticator"))
			perr(p, i, "expected cipher or authenticator, not '%s'",
			     word(p, i));
		goto wipe;
	}
	if (!at_end(p, i))
		goto wipe;
	slot = in ? &e->esp_in : &e->esp_out;
store:
	*slot = k;
wipe:
	explicit_bzero(&k, sizeof(k));
}

static bool parse_in_map(struct conf_parser *p)
{
	struct conf_map_entry *e = &p->c->entries[p->cur];

	if (word_is(p, 0, "description"))
		return true;
	if (word_is(p, 0, "match")) {
		if (!word_is(p, 1, "address")) {
			if (need(p, 1, "'address'"))
				perr(p, 1,
				     "expected 'match address', not 'match %s'",
				     word(p, 1));
		} else if (need_name(p, 2, "access list", e->acl,
				     sizeof(e->acl)) &&
			   at_end(p, 3)) {
			e->acl_line = p->l->no;
		}
		return true;
	}
	if (!word_is(p, 0, "set"))
		return false;
	if (word_is(p, 1, "peer"))
		map_peer(p, e);
	else if (word_is(p, 1, "transform-set"))
		map_tsets(p, e);
	else if (word_is(p, 1, "pfs"))
		map_pfs(p, e);
	else if (word_is(p, 1, "security-association") &&
		 word_is(p, 2, "lifetime"))
		parse_lifetime(p, 3, &e->life_sec, &e->life_kb);
	else if (word_is(p, 1, "security-association") &&
		 word_is(p, 2, "replay"))
		parse_replay(p, 2, &e->replay);
	else if (word_is(p, 1, "session-key"))
		map_session_key(p, e);
	else if (need(p, 1, "a crypto map setting"))
		perr(p, 1, "unknown crypto map setting 'set %s'", word(p, 1));
	return true;
}

/* ---- access lists ---- */

static const struct {
	const char *name;
	uint16_t port;
} conf_ports[] = {
	{ "bgp", 179 },	   { "bootpc", 68 },
	{ "bootps", 67 },  { "domain", 53 },
	{ "ftp", 21 },	   { "ftp-data", 20 },
	{ "isakmp", 500 }, { "non500-isakmp", 4500 },
	{ "ntp", 123 },	   { "pop3", 110 },
	{ "smtp", 25 },	   { "snmp", 161 },
	{ "syslog", 514 }, { "tacacs", 49 },
	{ "telnet", 23 },  { "tftp", 69 },
	{ "www", 80 },
};

static bool need_port(struct conf_parser *p, size_t i, uint16_t *port)
{
	const char *w = need(p, i, "a port");
	uint64_t v;
	size_t k;

	if (!w)
		return false;
	for (k = 0; k < sizeof(conf_ports) / sizeof(conf_ports[0]); k++)
		if (is(w, conf_ports[k].name)) {
			*port = conf_ports[k].port;
			return true;
		}
	if (!need_uint(p, i, 0, 65535, "port", &v))
		return false;
	*port = (uint16_t)v;
	return true;
}

/* eq P | lt P | gt P | range A B at *i, when there; false on error. */
static bool acl_ports(struct conf_parser *p, size_t *i, uint8_t proto,
		      uint16_t *lo, uint16_t *hi)
{
	const char *w = word(p, *i);
	uint16_t a, b;

	*lo = 0;
	*hi = 65535;
	if (!is(w, "eq") && !is(w, "lt") && !is(w, "gt") && !is(w, "range") &&
	    !is(w, "neq"))
		return true;
	if (proto != IPPROTO_TCP && proto != IPPROTO_UDP) {
		perr(p, *i, "ports need tcp or udp");
		return false;
	}
	if (is(w, "neq")) {
		perr(p, *i,
		     "'neq' cannot be matched by a crypto access list; use ranges");
		return false;
	}
	if (!need_port(p, *i + 1, &a))
		return false;
	*i += 2;
	if (is(w, "eq")) {
		*lo = *hi = a;
	} else if (is(w, "lt") && a > 0) {
		*hi = a - 1;
	} else if (is(w, "gt") && a < 65535) {
		*lo = a + 1;
	} else if (is(w, "range")) {
		if (!need_port(p, *i, &b))
			return false;
		if (b < a) {
			perr(p, *i, "port range %u-%u is reversed", a, b);
			return false;
		}
		*lo = a;
		*hi = b;
		++*i;
	} else {
		perr(p, *i - 2, "'%s %u' matches no port", w, a);
		return false;
	}
	return true;
}

/* IPv4: any | host A | A WILDCARD.  IPv6: any | host A | A/LEN. */
static bool acl_addr(struct conf_parser *p, size_t *i, bool v6, uint8_t *family,
		     union nfsec_ip *ip, union nfsec_ip *mask)
{
	uint8_t want = v6 ? AF_INET6 : AF_INET, f = want;
	const char *w = need(p, *i, "an address (any, host A or A WILDCARD)");
	union nfsec_ip wild;
	size_t k, len = nfsec_ip_len(want);

	if (!w)
		return false;
	memset(ip, 0, sizeof(*ip));
	memset(mask, 0, sizeof(*mask));
	if (is(w, "any")) {
		++*i;
		*family = want;
		return true;
	}
	if (is(w, "host")) {
		if (!need_ip(p, *i + 1, want, "host", &f, ip))
			return false;
		memset(mask, 0xff, len);
		*i += 2;
	} else if (v6) {
		if (nfsec_prefix_parse(w, &f, ip, mask) || f != AF_INET6 ||
		    !strchr(w, '/')) {
			perr(p, *i,
			     "expected any, host A or PREFIX/LEN, not '%s'", w);
			return false;
		}
		++*i;
	} else {
		if (!need_ip(p, *i, want, "address", &f, ip) ||
		    !need_ip(p, *i + 1, want, "wildcard mask", &f, &wild))
			return false;
		for (k = 0; k < len; k++)
			mask->b[k] = (uint8_t)~wild.b[k];
		*i += 2;
	}
	for (k = 0; k < len; k++)
		ip->b[k] &= mask->b[k];
	*family = want;
	return true;
}

static bool acl_proto(struct conf_parser *p, size_t i, bool v6, uint8_t *proto)
{
	const char *w = need(p, i, "a protocol");
	uint64_t v;

	if (!w)
		return false;
	if (is(w, v6 ? "ipv6" : "ip")) {
		*proto = 0;
		return true;
	}
	if (is(w, "ahp")) {
		*proto = IPPROTO_AH;
		return true;
	}
	if (is(w, "icmp") && v6) {
		*proto = IPPROTO_ICMPV6;
		return true;
	}
	if (isdigit((unsigned char)w[0])) {
		if (!need_uint(p, i, 0, 255, "protocol", &v))
			return false;
		*proto = (uint8_t)v;
		return true;
	}
	if (!nfsec_proto_parse(w, proto))
		return true;
	perr(p, i, "unknown protocol '%s'", w);
	return false;
}

/* [SEQ] permit|deny ... at word @i of the line, into ACL @a. */
static void acl_rule(struct conf_parser *p, size_t i, struct conf_acl *a)
{
	struct conf_acl_rule r = { .line = p->l->no };
	bool v6 = p->acl_kind == ACL_IPV6;
	struct nfsec_sel *s = &r.sel;
	struct conf_acl_rule *slot;

	r.permit = word_is(p, i, "permit");
	if (!r.permit && !word_is(p, i, "deny")) {
		if (need(p, i, "permit or deny"))
			perr(p, i, "expected permit, deny or remark, not '%s'",
			     word(p, i));
		return;
	}
	i++;
	if (p->acl_kind == ACL_STANDARD) {
		if (word(p, i) && !word(p, i + 1) && !word_is(p, i, "any")) {
			/* "permit 192.0.2.1": a lone address is a host */
			if (!need_ip(p, i, AF_INET, "address", &s->family,
				     &s->src))
				return;
			memset(&s->src_mask, 0xff, 4);
			i++;
		} else if (!acl_addr(p, &i, false, &s->family, &s->src,
				     &s->src_mask)) {
			return;
		}
		s->dport_hi = s->sport_hi = 65535;
		goto tail;
	}
	if (!acl_proto(p, i++, v6, &s->proto) ||
	    !acl_addr(p, &i, v6, &s->family, &s->src, &s->src_mask) ||
	    !acl_ports(p, &i, s->proto, &s->sport_lo, &s->sport_hi) ||
	    !acl_addr(p, &i, v6, &s->family, &s->dst, &s->dst_mask) ||
	    !acl_ports(p, &i, s->proto, &s->dport_lo, &s->dport_hi))
		return;
tail:
	if (word_is(p, i, "log") || word_is(p, i, "log-input"))
		i++;
	if (word(p, i) &&
	    (s->proto == IPPROTO_ICMP || s->proto == IPPROTO_ICMPV6) &&
	    p->acl_kind != ACL_STANDARD) {
		perr(p, i,
		     "a crypto access list cannot match ICMP message types ('%s')",
		     word(p, i));
		return;
	}
	if (word_is(p, i, "established")) {
		perr(p, i,
		     "'established' cannot be matched by a crypto access list");
		return;
	}
	if (!at_end(p, i))
		return;
	slot = PUSH(p, a->rules, a->nrules);
	if (slot)
		*slot = r;
}

/* The ACL named @name, created (of @kind) when new; NULL on error. */
static struct conf_acl *acl_get(struct conf_parser *p, size_t i,
				const char *name, enum conf_acl_kind kind)
{
	struct conf *c = p->c;
	struct conf_acl *a;
	size_t k;

	for (k = 0; k < c->nacls; k++) {
		a = &c->acls[k];
		if (strcmp(a->name, name))
			continue;
		if (a->standard != (kind == ACL_STANDARD) ||
		    a->ipv6 != (kind == ACL_IPV6)) {
			perr(p, i, "access list %s is already of another kind",
			     name);
			return NULL;
		}
		p->cur = k;
		return a;
	}
	if (strlen(name) >= CONF_NAME_MAX) {
		perr(p, i, "access list name is longer than %d characters",
		     CONF_NAME_MAX - 1);
		return NULL;
	}
	a = PUSH(p, c->acls, c->nacls);
	if (!a)
		return NULL;
	strcpy(a->name, name);
	a->standard = kind == ACL_STANDARD;
	a->ipv6 = kind == ACL_IPV6;
	a->line = p->l->no;
	p->cur = c->nacls - 1;
	return a;
}

/* access-list N permit|deny|remark ... */
static void parse_access_list(struct conf_parser *p)
{
	struct conf_acl *a;
	uint64_t n;

	if (!need_uint(p, 1, 1, 2699, "access list number", &n))
		return;
	if ((n >= 200 && n < 1300) || n < 1) {
		perr(p, 1,
		     "access list %llu is not an IP access list (1-199, 1300-2699)",
		     (unsigned long long)n);
		return;
	}
	p->acl_kind = n < 100 || (n >= 1300 && n < 2000) ? ACL_STANDARD
							 : ACL_EXTENDED;
	if (word_is(p, 2, "remark"))
		return;
	a = acl_get(p, 1, word(p, 1), p->acl_kind);
	if (a)
		acl_rule(p, 2, a);
}

static bool parse_in_acl(struct conf_parser *p)
{
	size_t i = 0;

	if (word_is(p, 0, "remark"))
		return true;
	if (word(p, 0) && isdigit((unsigned char)word(p, 0)[0]))
		i = 1; /* a sequence number, as IOS 12.3 shows them */
	if (!word_is(p, i, "permit") && !word_is(p, i, "deny")) {
		if (i)
			perr(p, 1,
			     "expected permit or deny after the sequence number");
		return i != 0;
	}
	acl_rule(p, i, &p->c->acls[p->cur]);
	return true;
}

static void parse_named_acl(struct conf_parser *p, size_t i,
			    enum conf_acl_kind kind)
{
	char name[CONF_NAME_MAX];

	if (!need_name(p, i, "access list name", name, sizeof(name)) ||
	    !at_end(p, i + 1))
		return;
	p->acl_kind = kind;
	if (acl_get(p, i, name, kind))
		p->mode = MODE_ACL;
}

/* ---- interfaces, routes, hosts ---- */

static void parse_interface(struct conf_parser *p)
{
	struct conf *c = p->c;
	struct conf_iface *f;
	char name[CONF_NAME_MAX];
	size_t i;

	if (!need_name(p, 1, "interface name", name, sizeof(name)))
		return;
	if (word(p, 2) && !word_is(p, 2, "point-to-point") &&
	    !word_is(p, 2, "multipoint")) {
		at_end(p, 2);
		return;
	}
	for (i = 0; i < c->nifaces; i++)
		if (!strcasecmp(c->ifaces[i].name, name))
			break;
	if (i == c->nifaces) {
		f = PUSH(p, c->ifaces, c->nifaces);
		if (!f)
			return;
		strcpy(f->name, name);
		f->line = p->l->no;
	}
	p->cur = i;
	p->mode = MODE_IFACE;
}

static void iface_address(struct conf_parser *p, struct conf_iface *f, bool v6)
{
	uint8_t fam;
	union nfsec_ip ip, mask;

	if (!v6 && (word_is(p, 2, "negotiated") || word_is(p, 2, "dhcp") ||
		    word_is(p, 2, "unnumbered")))
		return;
	if (f->naddrs == sizeof(f->addrs) / sizeof(f->addrs[0])) {
		perr(p, 2, "too many addresses on interface %s", f->name);
		return;
	}
	if (v6) {
		if (!need(p, 2, "PREFIX/LEN"))
			return;
		fam = 0;
		if (nfsec_prefix_parse(word(p, 2), &fam, &ip, &mask) ||
		    fam != AF_INET6) {
			perr(p, 2, "expected an IPv6 PREFIX/LEN, not '%s'",
			     word(p, 2));
			return;
		}
	} else if (!need_ip(p, 2, AF_INET, "interface address", &fam, &ip) ||
		   !need_ip(p, 3, AF_INET, "interface mask", &fam, &mask) ||
		   !(word_is(p, 4, "secondary") ? at_end(p, 5)
						: at_end(p, 4))) {
		return;
	}
	f->addrs[f->naddrs].family = fam;
	f->addrs[f->naddrs].addr = ip;
	f->addrs[f->naddrs].mask = mask;
	f->naddrs++;
}

/*
 * crypto map NAME, or ipv6 crypto map NAME (IOS's IPv6 binding), from word
 * @i.  The kernel binds one map to an interface; both may name that one.
 */
static void iface_map(struct conf_parser *p, struct conf_iface *f, size_t i)
{
	char name[NFSEC_MAP_NAME_MAX];

	if (!need_name(p, i, "crypto map name", name, sizeof(name)) ||
	    !at_end(p, i + 1))
		return;
	if (f->map_line && strcmp(f->map, name)) {
		perr(p, i,
		     "interface %s has crypto map %s (line %u); cryptod binds one map per interface, for IPv4 and IPv6 alike",
		     f->name, f->map, f->map_line);
		return;
	}
	strcpy(f->map, name);
	f->map_line = p->l->no;
}

/* Words that start a global command even inside a block (see below). */
static bool global_ip_word(const char *w)
{
	static const char *const words[] = {
		"access-list", "classless",   "default-gateway",
		"domain",      "domain-list", "domain-lookup",
		"domain-name", "host",	      "name-server",
		"route",       "routing",     "subnet-zero",
		"cef",	       "http",	      "unicast-routing",
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (is(w, words[i]))
			return true;
	return false;
}

/*
 * Inside interface or other non-crypto blocks, most words are the block's
 * own (ignored); these leave it.
 */
static bool global_starter(const struct conf_parser *p)
{
	static const char *const words[] = {
		"access-list", "aaa",	    "banner",  "boot",
		"dialer-list", "enable",    "end",     "hostname",
		"hub",	       "interface", "line",    "logging",
		"nfsec",       "ntp",	    "router",  "service",
		"snmp-server", "username",  "version",
	};
	const char *w = word(p, 0);
	size_t i;

	if ((is(w, "ip") || is(w, "ipv6")) && global_ip_word(word(p, 1)))
		return true;
	if (is(w, "crypto"))
		return !word_is(p, 1, "map") || p->l->n != 3;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (is(w, words[i]))
			return true;
	return false;
}

static bool parse_in_iface(struct conf_parser *p)
{
	struct conf_iface *f = &p->c->ifaces[p->cur];

	if (global_starter(p))
		return false;
	if (word_is(p, 0, "ip") && word_is(p, 1, "address"))
		iface_address(p, f, false);
	else if (word_is(p, 0, "ipv6") && word_is(p, 1, "address"))
		iface_address(p, f, true);
	else if (word_is(p, 0, "crypto") && word_is(p, 1, "map"))
		iface_map(p, f, 2);
	else if (word_is(p, 0, "ipv6") && word_is(p, 1, "crypto") &&
		 word_is(p, 2, "map"))
		iface_map(p, f, 3);
	else if (word_is(p, 0, "shutdown"))
		f->shutdown = true;
	else if (word_is(p, 0, "no") && word_is(p, 1, "shutdown"))
		f->shutdown = false;
	return true; /* the interface's other commands are not ours */
}

/* ip route PREFIX MASK NEXTHOP|IFACE [DISTANCE] ... / ipv6 route P/L ... */
static void parse_route(struct conf_parser *p, bool v6)
{
	struct conf_route r = { .line = p->l->no };
	struct conf_route *slot;
	size_t i = 4;
	uint8_t f;

	if (v6) {
		if (!need(p, 2, "PREFIX/LEN"))
			return;
		if (nfsec_prefix_parse(word(p, 2), &r.family, &r.prefix,
				       &r.mask) ||
		    r.family != AF_INET6) {
			perr(p, 2, "expected an IPv6 PREFIX/LEN, not '%s'",
			     word(p, 2));
			return;
		}
		i = 3;
	} else if (!need_ip(p, 2, AF_INET, "route prefix", &r.family,
			    &r.prefix) ||
		   !need_ip(p, 3, AF_INET, "route mask", &f, &r.mask)) {
		return;
	}
	if (!need(p, i, "a next hop or an interface"))
		return;
	f = 0;
	if (nfsec_ip_parse(word(p, i), &f, &r.via) || f != r.family) {
		if (strlen(word(p, i)) >= sizeof(r.dev))
			return;
		strcpy(r.dev, word(p, i));
	}
	slot = PUSH(p, p->c->routes, p->c->nroutes);
	if (slot)
		*slot = r;
}

/* ip host NAME [TCP-PORT] ADDR [ADDR...] */
static void parse_ip_host(struct conf_parser *p)
{
	struct conf_host h = { .line = p->l->no };
	struct conf_host *slot;
	size_t i = 3;

	if (!need_name(p, 2, "host name", h.name, sizeof(h.name)))
		return;
	if (word(p, 3) && !strpbrk(word(p, 3), ".:"))
		i = 4; /* a TCP port for telnet */
	if (!need_ip(p, i, 0, "host address", &h.family, &h.addr))
		return;
	slot = PUSH(p, p->c->hosts, p->c->nhosts);
	if (slot)
		*slot = h;
}

static void parse_ip(struct conf_parser *p, bool v6)
{
	if (word_is(p, 1, "route"))
		parse_route(p, v6);
	else if (!v6 && word_is(p, 1, "host"))
		parse_ip_host(p);
	else if (!v6 && (word_is(p, 1, "domain-name") ||
			 (word_is(p, 1, "domain") && word_is(p, 2, "name"))))
		need_name(p, word_is(p, 1, "domain") ? 3 : 2, "domain name",
			  p->c->domain, sizeof(p->c->domain));
	else if (!v6 && word_is(p, 1, "access-list") &&
		 word_is(p, 2, "extended"))
		parse_named_acl(p, 3, ACL_EXTENDED);
	else if (!v6 && word_is(p, 1, "access-list") &&
		 word_is(p, 2, "standard"))
		parse_named_acl(p, 3, ACL_STANDARD);
	else if (!v6 && word_is(p, 1, "access-list"))
		perr(p, 2,
		     "expected 'extended' or 'standard' after 'ip access-list'");
	else if (v6 && word_is(p, 1, "access-list"))
		parse_named_acl(p, 2, ACL_IPV6);
}

/* nfsec interface-map IOS-NAME LINUX-NAME */
static void parse_nfsec(struct conf_parser *p)
{
	struct conf_ifmap m = { .line = p->l->no };
	struct conf_ifmap *slot;

	if (!word_is(p, 1, "interface-map")) {
		if (need(p, 1, "interface-map"))
			perr(p, 1, "unknown nfsec command '%s' (interface-map)",
			     word(p, 1));
		return;
	}
	if (!need_name(p, 2, "IOS interface name", m.ios, sizeof(m.ios)) ||
	    !need(p, 3, "a Linux interface name"))
		return;
	if (!conf_ifname_ok(word(p, 3))) {
		perr(p, 3,
		     "'%s' cannot be a Linux interface name (1-15 characters, no '/', ':' or space)",
		     word(p, 3));
		return;
	}
	strcpy(m.ifname, word(p, 3));
	if (!at_end(p, 4))
		return;
	slot = PUSH(p, p->c->ifmaps, p->c->nifmaps);
	if (slot)
		*slot = m;
}

/* ---- crypto key pubkey-chain rsa, crypto ca ---- */

static void hex_begin(struct conf_parser *p, enum conf_mode back)
{
	p->hex_back = back;
	p->hex_line = p->l->no;
	p->hex_col = p->l->w[0].col;
	p->mode = MODE_HEX;
}

static uint8_t **hex_target(struct conf_parser *p, size_t **len)
{
	struct conf_cert *cert;

	if (p->hex_back == MODE_PUBKEY) {
		*len = &p->c->pubkeys[p->cur].derlen;
		return &p->c->pubkeys[p->cur].der;
	}
	cert = &p->c->cas[p->cur].certs[p->cert];
	*len = &cert->derlen;
	return &cert->der;
}

/* A line of hex words (key-string, certificate) or quit. */
static void parse_hex(struct conf_parser *p)
{
	size_t *len, i, k, n;
	uint8_t **der = hex_target(p, &len), *nd;
	const char *w;

	if (word_is(p, 0, "quit")) {
		at_end(p, 1);
		p->mode = p->hex_back;
		return;
	}
	for (i = 0; i < p->l->n; i++) {
		w = word(p, i);
		n = strlen(w);
		for (k = 0; k < n && isxdigit((unsigned char)w[k]); k++)
			;
		if (k < n || n % 2) {
			perr(p, i, "expected hex data or 'quit', not '%s'", w);
			return;
		}
		if (*len + n / 2 > CONF_DER_MAX) {
			perr(p, i, "key or certificate longer than %d bytes",
			     CONF_DER_MAX);
			return;
		}
		nd = realloc(*der, *len + n / 2);
		if (!nd) {
			p->oom = true;
			return;
		}
		*der = nd;
		nfsec_hex_parse(w, nd + *len, n / 2);
		*len += n / 2;
	}
}

static bool pubkey_new(struct conf_parser *p, bool by_address)
{
	struct conf_pubkey *k;
	const char *w = word(p, 2);

	if (!need(p, 1, by_address ? "an address" : "a key name"))
		return false;
	if (w && !is(w, "encryption") && !is(w, "signature") &&
	    !is(w, "usage-keys")) {
		perr(p, 2, "unexpected '%s'", w);
		return false;
	}
	if (!at_end(p, w ? 3 : 2))
		return false;
	k = PUSH(p, p->c->pubkeys, p->c->npubkeys);
	if (!k)
		return false;
	k->by_address = by_address;
	k->line = p->l->no;
	if (by_address)
		return need_ip(p, 1, 0, "key address", &k->family, &k->addr);
	return need_name(p, 1, "key name", k->name, sizeof(k->name));
}

static bool parse_in_keychain(struct conf_parser *p)
{
	if (word_is(p, 0, "named-key") || word_is(p, 0, "addressed-key")) {
		if (pubkey_new(p, word_is(p, 0, "addressed-key"))) {
			p->cur = p->c->npubkeys - 1;
			p->mode = MODE_PUBKEY;
		}
		return true;
	}
	if (!word_is(p, 0, "quit"))
		return false;
	p->mode = MODE_GLOBAL;
	return true;
}

static bool parse_in_pubkey(struct conf_parser *p)
{
	struct conf_pubkey *k = &p->c->pubkeys[p->cur];
	uint8_t f;

	if (word_is(p, 0, "key-string")) {
		if (at_end(p, 1))
			hex_begin(p, MODE_PUBKEY);
	} else if (word_is(p, 0, "address")) {
		if (need_ip(p, 1, 0, "key address", &f, &k->addr) &&
		    at_end(p, 2))
			k->family = f;
	} else if (word_is(p, 0, "quit")) {
		p->mode = MODE_KEYCHAIN;
	} else {
		return parse_in_keychain(p);
	}
	return true;
}

static struct conf_ca *ca_get(struct conf_parser *p, size_t i)
{
	struct conf *c = p->c;
	struct conf_ca *ca;
	size_t k;

	if (!need(p, i, "a CA name"))
		return NULL;
	for (k = 0; k < c->ncas; k++)
		if (!strcmp(c->cas[k].name, word(p, i))) {
			p->cur = k;
			return &c->cas[k];
		}
	ca = PUSH(p, c->cas, c->ncas);
	if (!ca)
		return NULL;
	ca->line = p->l->no;
	p->cur = c->ncas - 1;
	if (!need_name(p, i, "CA name", ca->name, sizeof(ca->name))) {
		c->ncas--;
		return NULL;
	}
	return ca;
}

static bool parse_in_ca_id(struct conf_parser *p)
{
	struct conf_ca *ca = &p->c->cas[p->cur];

	if (word_is(p, 0, "enrollment") && word_is(p, 1, "url"))
		need_name(p, 2, "enrollment URL", ca->url, sizeof(ca->url));
	else if (word_is(p, 0, "crl"))
		ca->crl_optional = word_is(p, 1, "optional");
	else if (!word_is(p, 0, "enrollment") && !word_is(p, 0, "query"))
		return false;
	return true;
}

static bool parse_in_ca_chain(struct conf_parser *p)
{
	struct conf_ca *ca = &p->c->cas[p->cur];
	struct conf_cert *cert;
	bool is_ca = word_is(p, 1, "ca");
	size_t i = is_ca ? 2 : 1;

	if (!word_is(p, 0, "certificate"))
		return false;
	if (!need(p, i, "a serial number") || !at_end(p, i + 1))
		return true;
	cert = PUSH(p, ca->certs, ca->ncerts);
	if (!cert)
		return true;
	cert->ca = is_ca;
	snprintf(cert->serial, sizeof(cert->serial), "%s", word(p, i));
	p->cert = ca->ncerts - 1;
	hex_begin(p, MODE_CA_CHAIN);
	return true;
}

static void parse_crypto_key(struct conf_parser *p)
{
	if (word_is(p, 2, "pubkey-chain") && word_is(p, 3, "rsa")) {
		if (at_end(p, 4))
			p->mode = MODE_KEYCHAIN;
	} else if (word_is(p, 2, "generate") || word_is(p, 2, "zeroize")) {
		perr(p, 2,
		     "'crypto key %s' is an EXEC command, not configuration",
		     word(p, 2));
	} else if (need(p, 2, "pubkey-chain rsa")) {
		perr(p, 2, "unknown or unsupported command 'crypto key %s'",
		     word(p, 2));
	}
}

static void parse_crypto_ca(struct conf_parser *p)
{
	if (word_is(p, 2, "identity") || word_is(p, 2, "trustpoint")) {
		if (ca_get(p, 3) && at_end(p, 4))
			p->mode = MODE_CA_ID;
	} else if (word_is(p, 2, "certificate") && word_is(p, 3, "chain")) {
		if (ca_get(p, 4) && at_end(p, 5))
			p->mode = MODE_CA_CHAIN;
	} else if (need(p, 2, "identity or certificate chain")) {
		perr(p, 2, "unknown or unsupported command 'crypto ca %s'",
		     word(p, 2));
	}
}

static void parse_crypto(struct conf_parser *p)
{
	const char *w = need(p, 1, "a crypto command");

	if (!w)
		return;
	if (is(w, "isakmp"))
		parse_isakmp(p);
	else if (is(w, "ipsec"))
		parse_ipsec(p);
	else if (is(w, "map"))
		parse_map(p);
	else if (is(w, "key"))
		parse_crypto_key(p);
	else if (is(w, "ca"))
		parse_crypto_ca(p);
	else
		perr(p, 1, "unknown or unsupported command 'crypto %s'", w);
}

/* ---- modes ---- */

/* Words of crypto submodes: outside them, an error rather than noise. */
static bool crypto_word(const char *w)
{
	static const char *const words[] = {
		"set",	      "match",		"encryption",
		"hash",	      "authentication", "group",
		"lifetime",   "mode",		"permit",
		"deny",	      "named-key",	"addressed-key",
		"key-string", "certificate",	"enrollment",
		"crl",
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (is(w, words[i]))
			return true;
	return false;
}

static void parse_global(struct conf_parser *p)
{
	const char *w = word(p, 0);

	p->mode = MODE_GLOBAL;
	if (is(w, "crypto"))
		parse_crypto(p);
	else if (is(w, "access-list"))
		parse_access_list(p);
	else if (is(w, "ip"))
		parse_ip(p, false);
	else if (is(w, "ipv6"))
		parse_ip(p, true);
	else if (is(w, "interface"))
		parse_interface(p);
	else if (is(w, "hostname")) {
		if (need_name(p, 1, "host name", p->c->hostname,
			      sizeof(p->c->hostname)))
			at_end(p, 2);
	} else if (is(w, "nfsec"))
		parse_nfsec(p);
	else if (is(w, "end"))
		p->mode = MODE_END;
	else if (is(w, "line") || is(w, "router") || is(w, "hub") ||
		 is(w, "controller") || is(w, "banner"))
		p->mode = MODE_BLOCK;
	else if (crypto_word(w))
		perr(p, 0, "'%s' outside the crypto mode it belongs to", w);
}

static bool parse_in_mode(struct conf_parser *p)
{
	switch (p->mode) {
	case MODE_POLICY:
		return parse_in_policy(p);
	case MODE_TSET:
		return parse_in_tset(p);
	case MODE_MAP:
		return parse_in_map(p);
	case MODE_ACL:
		return parse_in_acl(p);
	case MODE_IFACE:
		return parse_in_iface(p);
	case MODE_KEYCHAIN:
		return parse_in_keychain(p);
	case MODE_PUBKEY:
		return parse_in_pubkey(p);
	case MODE_CA_ID:
		return parse_in_ca_id(p);
	case MODE_CA_CHAIN:
		return parse_in_ca_chain(p);
	case MODE_BLOCK:
		return !global_starter(p);
	default:
		return false;
	}
}

static void parse_line(struct conf_parser *p)
{
	const char *w = word(p, 0);

	if (p->mode == MODE_HEX) {
		parse_hex(p);
		return;
	}
	if (w[0] == '!')
		return; /* a comment; as in IOS, it leaves no mode */
	if (is(w, "exit") && p->mode != MODE_GLOBAL) {
		at_end(p, 1);
		p->mode = p->mode == MODE_PUBKEY ? MODE_KEYCHAIN : MODE_GLOBAL;
		return;
	}
	if (parse_in_mode(p))
		return;
	/*
	 * Not the submode's: IOS goes back to global configuration.  An
	 * indented line (as IOS prints submode commands) or a crypto word
	 * was meant for the crypto submode, though: an error, not noise.
	 */
	if (p->mode != MODE_GLOBAL && p->mode != MODE_IFACE &&
	    p->mode != MODE_BLOCK && !global_starter(p) &&
	    (p->l->w[0].col > 1 || crypto_word(w))) {
		perr(p, 0, "unknown command '%s' in %s mode", w,
		     conf_mode_names[p->mode]);
		return;
	}
	parse_global(p);
}

/* ---- keywords spelled out (conf_tree.h) ---- */

static const struct cmd_node *const conf_mode_trees[] = {
	[MODE_POLICY] = &conf_tree_policy,
	[MODE_TSET] = &conf_tree_tset,
	[MODE_MAP] = &conf_tree_map,
	[MODE_ACL] = &conf_tree_acl,
	[MODE_IFACE] = &conf_tree_iface,
	[MODE_KEYCHAIN] = &conf_tree_keychain,
	[MODE_PUBKEY] = &conf_tree_pubkey,
	[MODE_CA_ID] = &conf_tree_ca_id,
	[MODE_CA_CHAIN] = &conf_tree_ca_chain,
};

/* How many of the line's words @cp read before it stopped. */
static size_t conf_canon_reach(const struct cmd_parse *cp)
{
	return cp->result == CMD_OK || cp->result == CMD_INCOMPLETE
		       ? (size_t)cp->argc
		       : (size_t)cp->bad;
}

/* The same, in halves: a word that begins two keywords is half read. */
static size_t conf_canon_score(const struct cmd_parse *cp)
{
	return 2 * conf_canon_reach(cp) + (cp->result == CMD_AMBIGUOUS);
}

/* How many of the words @cp read were abbreviated. */
static size_t conf_canon_short(const struct cmd_parse *cp)
{
	size_t i, n = 0, reach = conf_canon_reach(cp);

	for (i = 0; i < reach; i++)
		n += strcasecmp(cp->argv[i], cp->orig[i]) != 0;
	return n;
}

/* @a reads more of the line than @b, or as much with no more guessing. */
static bool conf_canon_better(const struct cmd_parse *a,
			      const struct cmd_parse *b)
{
	size_t ra = conf_canon_score(a), rb = conf_canon_score(b);

	if (ra != rb)
		return ra > rb;
	return conf_canon_short(a) <= conf_canon_short(b);
}

/*
 * Spells out the keywords of line @l: by its mode's tree or global
 * configuration's, whichever reads more of it, or as much with fewer
 * abbreviations ("ip route" in interface mode is global's, not "ip
 * route-cache"), the mode's on a tie; IOS too tries a submode and then
 * global configuration.  A prefix of two
 * keywords of a crypto command is an error (false); elsewhere cryptod
 * leaves it to the handler.
 */
static bool conf_canon(struct conf_parser *p, struct conf_line *l)
{
	const struct cmd_node *mode_tree =
		p->mode < sizeof(conf_mode_trees) / sizeof(conf_mode_trees[0])
			? conf_mode_trees[p->mode]
			: NULL;
	struct cmd_parse in_mode = { .result = CMD_INVALID }, global, *cp;
	char *words[CONF_WORDS_MAX], names[256];
	bool crypto, ok = true;
	size_t i;

	if (p->mode == MODE_HEX || l->w[0].s[0] == '!')
		return true;
	for (i = 0; i < l->n; i++)
		words[i] = (char *)l->w[i].s;
	if (mode_tree)
		cmd_parse(mode_tree, (int)l->n, words, &in_mode);
	cmd_parse(&conf_tree_global, (int)l->n, words, &global);
	if (in_mode.result == CMD_NOMEM || global.result == CMD_NOMEM) {
		p->oom = true;
		ok = false;
		goto out;
	}
	/*
	 * Interface mode and other blocks have commands cryptod does not
	 * know ("dialer" beside global "dialer-list"): on an indented line
	 * there, a global command's first word is taken whole only.
	 */
	if ((p->mode == MODE_IFACE || p->mode == MODE_BLOCK) &&
	    l->w[0].col > 1 && global.result != CMD_AMBIGUOUS &&
	    strcasecmp(global.argv[0], words[0])) {
		global.result = CMD_INVALID;
		global.bad = 0;
	}
	cp = mode_tree && conf_canon_better(&in_mode, &global) ? &in_mode
							       : &global;
	if (!conf_canon_reach(cp) && cp->result != CMD_AMBIGUOUS)
		goto out; /* neither knows the first word */
	crypto = cp == &in_mode ? p->mode != MODE_IFACE
				: !strcasecmp(cp->argv[0], "crypto") ||
					  !strcasecmp(cp->argv[0], "nfsec");
	if (cp->result == CMD_AMBIGUOUS && crypto) {
		cmd_candidates(cp, names, sizeof(names));
		perr(p, (size_t)cp->bad, "ambiguous '%s' (%s)",
		     word(p, (size_t)cp->bad), names);
		ok = false;
		goto out;
	}
	for (i = 0; i < l->n; i++)
		l->w[i].s = cp->argv[i];
out:
	if (mode_tree)
		cmd_parse_free(&in_mode);
	cmd_parse_free(&global);
	return ok;
}

/* ---- lines into words ---- */

/* Split @buf (one line, NUL-terminated, modified) into words; false on error. */
static bool conf_split(struct conf_parser *p, char *buf, struct conf_line *l)
{
	char *s = buf;

	l->n = 0;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		if (l->n == CONF_WORDS_MAX) {
			conf_diag(
				p->c, true, l->no, (unsigned int)(s - buf) + 1,
				"more than %d words on a line", CONF_WORDS_MAX);
			return false;
		}
		l->w[l->n].s = s;
		l->w[l->n++].col = (unsigned int)(s - buf) + 1;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = '\0';
	}
	l->endcol = (unsigned int)(s - buf) + 1;
	return true;
}

/* A control character or NUL in the line: an error at its column. */
static bool conf_line_clean(struct conf *c, const char *s, size_t len,
			    unsigned int no)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 && s[i] != '\t') {
			conf_diag(c, true, no, (unsigned int)i + 1,
				  "control character 0x%02x",
				  (unsigned char)s[i]);
			return false;
		}
	return true;
}

/* The words of @buf (modified), with their columns; how many, or -1. */
static long conf_words(char *buf, char ***w, unsigned int **col)
{
	size_t n = 0, cap = 0;
	char *s = buf;
	void *nw, *nc;

	*w = NULL;
	*col = NULL;
	for (;;) {
		s += strspn(s, " \t");
		if (!*s)
			return (long)n;
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			nw = realloc(*w, cap * sizeof(**w));
			nc = nw ? realloc(*col, cap * sizeof(**col)) : NULL;
			if (nw)
				*w = nw;
			if (!nc)
				return -1;
			*col = nc;
		}
		(*w)[n] = s;
		(*col)[n++] = (unsigned int)(s - buf) + 1;
		s += strcspn(s, " \t");
		if (*s)
			*s++ = '\0';
	}
}

/*
 * A line of more words than a command has: a configuration as the
 * technical note prints it, every command on one line.  Each command
 * (conf_flat.c cuts them in the mode the previous one left) is read as a
 * line of its own, at its columns.
 */
static void conf_parse_flat(struct conf_parser *p, char *buf,
			    struct conf_line *l)
{
	const struct cmd_node *mode;
	unsigned int *col;
	size_t pos, end, i;
	char **w;
	long n = conf_words(buf, &w, &col);

	if (n < 0) {
		p->oom = true;
		goto out;
	}
	for (pos = 0; pos < (size_t)n && p->mode != MODE_END && !p->oom;
	     pos = end) {
		mode = p->mode < sizeof(conf_mode_trees) /
					       sizeof(conf_mode_trees[0])
			       ? conf_mode_trees[p->mode]
			       : NULL;
		end = conf_flat_next(mode, p->mode == MODE_HEX, w, (size_t)n,
				     pos, CONF_WORDS_MAX);
		if (end - pos > CONF_WORDS_MAX) {
			conf_diag(p->c, true, l->no, col[pos + CONF_WORDS_MAX],
				  "more than %d words in a command",
				  CONF_WORDS_MAX);
			continue;
		}
		l->n = end - pos;
		for (i = 0; i < l->n; i++) {
			l->w[i].s = w[pos + i];
			l->w[i].col = col[pos + i];
		}
		l->endcol = col[end - 1] + (unsigned int)strlen(w[end - 1]);
		if (conf_canon(p, l))
			parse_line(p);
	}
out:
	free(w);
	free(col);
}

/* More words than a command may have: a flattened configuration. */
static bool conf_line_flat(const char *s)
{
	size_t n = 0;

	for (;;) {
		s += strspn(s, " \t");
		if (!*s)
			return false;
		if (++n > CONF_WORDS_MAX)
			return true;
		s += strcspn(s, " \t");
	}
}

static void conf_sort(struct conf *c);
static void conf_sort_diags(struct conf *c);

static void conf_parse_lines(struct conf_parser *p, const char *text,
			     size_t len)
{
	const char *s = text, *end = text + len, *nl;
	struct conf_line *l = malloc(sizeof(*l));
	char *buf;
	size_t n;

	if (!l) {
		p->oom = true;
		return;
	}
	p->l = l;
	l->no = 0;
	while (s < end && p->mode != MODE_END && !p->oom) {
		nl = memchr(s, '\n', (size_t)(end - s));
		n = (size_t)((nl ? nl : end) - s);
		l->no++;
		if (n && s[n - 1] == '\r')
			n--;
		/* Not strndup(): a NUL in the line would make the copy
		 * shorter than the n bytes wiped below. */
		buf = malloc(n + 1);
		if (!buf) {
			p->oom = true;
			break;
		}
		memcpy(buf, s, n);
		buf[n] = '\0';
		if (!conf_line_clean(p->c, s, n, l->no))
			;
		else if (conf_line_flat(buf))
			conf_parse_flat(p, buf, l);
		else if (conf_split(p, buf, l) && l->n && conf_canon(p, l))
			parse_line(p);
		explicit_bzero(buf, n + 1);
		free(buf);
		s = nl ? nl + 1 : end;
	}
	if (p->mode == MODE_HEX)
		conf_diag(p->c, true, p->hex_line, p->hex_col,
			  "'%s' data not closed by 'quit' before the end",
			  p->hex_back == MODE_PUBKEY ? "key-string"
						     : "certificate");
	free(l);
}

struct conf *conf_parse(const char *file, const char *text, size_t len)
{
	struct conf_parser p = { .mode = MODE_GLOBAL };
	struct conf *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	snprintf(c->file, sizeof(c->file), "%s", file);
	p.c = c;
	conf_parse_lines(&p, text, len);
	if (p.oom) {
		conf_free(c);
		return NULL;
	}
	conf_sort(c);
	conf_check(c);
	conf_sort_diags(c);
	return c;
}

static int conf_policy_cmp(const void *a, const void *b)
{
	const struct conf_policy *x = a, *y = b;

	return (x->prio > y->prio) - (x->prio < y->prio);
}

static int conf_entry_cmp(const void *a, const void *b)
{
	const struct conf_map_entry *x = a, *y = b;
	int r = strcmp(x->map, y->map);

	return r ? r : (x->seq > y->seq) - (x->seq < y->seq);
}

/* Diagnostics in line order, stable: parse errors before check notes. */
static void conf_sort_diags(struct conf *c)
{
	struct conf_diag d;
	size_t i, k;

	for (i = 1; i < c->ndiags; i++) {
		d = c->diags[i];
		for (k = i; k > 0 && c->diags[k - 1].line > d.line; k--)
			c->diags[k] = c->diags[k - 1];
		c->diags[k] = d;
	}
}

static void conf_sort(struct conf *c)
{
	if (c->npolicies)
		qsort(c->policies, c->npolicies, sizeof(*c->policies),
		      conf_policy_cmp);
	if (c->nentries)
		qsort(c->entries, c->nentries, sizeof(*c->entries),
		      conf_entry_cmp);
}
