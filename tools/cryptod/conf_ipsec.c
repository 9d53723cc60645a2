// SPDX-License-Identifier: GPL-2.0
/*
 * crypto ipsec: transform sets, and the SAs' lifetime and anti-replay
 * window (global, and a map entry's through cp_lifetime()/cp_replay()).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf_parse_int.h"

/* ---- crypto ipsec ---- */

/* One IOS transform at word *i (with its key size word); false on error. */
static bool tset_transform(struct conf_parser *p, size_t *i,
			   struct conf_tset *t)
{
	char w[32];
	uint64_t bits;
	size_t k;
	int a;

	for (k = 0; k < sizeof(w) - 1 && cp_word(p, *i)[k]; k++)
		w[k] = (char)tolower((unsigned char)cp_word(p, *i)[k]);
	w[k] = '\0';
	if (strlen(w) < 6 || cp_word(p, *i)[k])
		goto unknown;

	if (!strncasecmp(w, "ah-", 3)) {
		a = nfsec_auth_parse(w);
		if (a < 0 || strcasecmp(w + strlen(w) - 5, "-hmac"))
			goto unknown;
		if (t->ah_auth) {
			cp_err(p, *i,
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
			cp_err(p, *i,
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
	if (a < 0 || cp_is(w, "esp-chacha20-poly1305"))
		goto unknown;
	if (t->esp_enc) {
		cp_err(p, *i, "'%s': a transform set has one ESP cipher", w);
		return false;
	}
	t->esp_enc = (uint8_t)a;
	t->esp = true;
	++*i;
	if (a != NFSEC_ENC_AES_CBC && a != NFSEC_ENC_AES_GCM_16)
		return true;
	t->esp_keybits = 128;
	if (!cp_word(p, *i) || !isdigit((unsigned char)cp_word(p, *i)[0]))
		return true;
	if (!cp_need_uint(p, *i, 128, 256, "AES key size", &bits))
		return false;
	if (bits != 128 && bits != 256 &&
	    (bits != 192 || a == NFSEC_ENC_AES_GCM_16)) {
		cp_err(p, *i, "'%s' takes %s bit keys", w,
		       a == NFSEC_ENC_AES_GCM_16 ? "128 or 256"
						 : "128, 192 or 256");
		return false;
	}
	t->esp_keybits = (uint16_t)bits;
	++*i;
	return true;
unknown:
	cp_err(p, *i, "unknown transform '%s'", cp_word(p, *i));
	return false;
}

static bool tset_valid(struct conf_parser *p, const struct conf_tset *t)
{
	if (t->esp_enc == NFSEC_ENC_AES_GCM_16 && t->esp_auth) {
		cp_err(p, 3,
		       "esp-gcm authenticates by itself; drop the ESP authenticator");
		return false;
	}
	if (t->esp_enc == NFSEC_ENC_NULL && !t->esp_auth) {
		cp_err(p, 3,
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

	if (!cp_need_name(p, 3, "transform set name", t.name, sizeof(t.name)) ||
	    !cp_need(p, 4, "a transform"))
		return;
	while (cp_word(p, i)) {
		if (++n > 3) {
			cp_err(p, i,
			       "a transform set has at most 3 transforms");
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
	else if (!CP_PUSH(p, c->tsets, c->ntsets))
		return;
	c->tsets[k] = t;
	p->cur = k;
	p->mode = MODE_TSET;
}

bool cp_in_tset(struct conf_parser *p)
{
	if (!cp_word_is(p, 0, "mode"))
		return false;
	if (cp_word_is(p, 1, "tunnel"))
		p->c->tsets[p->cur].mode = NFSEC_MODE_TUNNEL;
	else if (cp_word_is(p, 1, "transport"))
		p->c->tsets[p->cur].mode = NFSEC_MODE_TRANSPORT;
	else if (cp_need(p, 1, "tunnel or transport"))
		cp_err(p, 1, "unknown mode '%s' (tunnel or transport)",
		       cp_word(p, 1));
	cp_at_end(p, 2);
	return true;
}

/* lifetime seconds N | kilobytes N, from word @i. */
void cp_lifetime(struct conf_parser *p, size_t i, uint32_t *sec, uint64_t *kb)
{
	uint64_t v;

	if (cp_word_is(p, i, "seconds")) {
		if (cp_need_uint(p, i + 1, 120, 86400, "lifetime (seconds)",
				 &v) &&
		    cp_at_end(p, i + 2))
			*sec = (uint32_t)v;
	} else if (cp_word_is(p, i, "kilobytes")) {
		if (cp_need_uint(p, i + 1, 2560, 4294967295ULL,
				 "lifetime (kilobytes)", &v) &&
		    cp_at_end(p, i + 2))
			*kb = v;
	} else if (cp_need(p, i, "seconds or kilobytes")) {
		cp_err(p, i, "expected seconds or kilobytes, not '%s'",
		       cp_word(p, i));
	}
}

/*
 * replay window-size N | replay disable, from word @i ("replay"): IOS's
 * window sizes, and the kernel's larger ones.
 */
void cp_replay(struct conf_parser *p, size_t i, struct conf_replay *r)
{
	uint64_t v;

	if (cp_word_is(p, i + 1, "disable")) {
		if (!cp_at_end(p, i + 2))
			return;
		r->disabled = true;
		r->window = 0;
	} else if (cp_word_is(p, i + 1, "window-size")) {
		if (!cp_need_uint(p, i + 2, 64, 4096, "replay window (packets)",
				  &v) ||
		    !cp_at_end(p, i + 3))
			return;
		if (v & (v - 1)) {
			cp_err(p, i + 2,
			       "replay window must be 64, 128, 256, 512, 1024, 2048 or 4096, not %llu",
			       (unsigned long long)v);
			return;
		}
		r->disabled = false;
		r->window = (uint16_t)v;
	} else {
		if (cp_need(p, i + 1, "window-size or disable"))
			cp_err(p, i + 1,
			       "expected window-size or disable, not '%s'",
			       cp_word(p, i + 1));
		return;
	}
	r->line = p->l->no;
}

void cp_ipsec(struct conf_parser *p)
{
	const char *w = cp_need(p, 2, "an ipsec command");

	if (!w)
		return;
	if (cp_is(w, "transform-set"))
		parse_tset(p);
	else if (cp_is(w, "security-association") &&
		 cp_word_is(p, 3, "lifetime"))
		cp_lifetime(p, 4, &p->c->sa_life_sec, &p->c->sa_life_kb);
	else if (cp_is(w, "security-association") && cp_word_is(p, 3, "replay"))
		cp_replay(p, 3, &p->c->replay);
	else
		cp_err(p, 2, "unknown or unsupported command 'crypto ipsec %s'",
		       w);
}
