// SPDX-License-Identifier: GPL-2.0
/*
 * Public keys and certificate authorities: crypto key pubkey-chain rsa
 * (named-key, addressed-key, key-string), crypto ca identity and
 * certificate chain, and their hex data up to 'quit'.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf_parse_int.h"

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
void cp_hex(struct conf_parser *p)
{
	size_t *len, i, k, n;
	uint8_t **der = hex_target(p, &len), *nd;
	const char *w;

	if (cp_word_is(p, 0, "quit")) {
		cp_at_end(p, 1);
		p->mode = p->hex_back;
		return;
	}
	for (i = 0; i < p->l->n; i++) {
		w = cp_word(p, i);
		n = strlen(w);
		for (k = 0; k < n && isxdigit((unsigned char)w[k]); k++)
			;
		if (k < n || n % 2) {
			cp_err(p, i, "expected hex data or 'quit', not '%s'",
			       w);
			return;
		}
		if (*len + n / 2 > CONF_DER_MAX) {
			cp_err(p, i, "key or certificate longer than %d bytes",
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
	const char *w = cp_word(p, 2);

	if (!cp_need(p, 1, by_address ? "an address" : "a key name"))
		return false;
	if (w && !cp_is(w, "encryption") && !cp_is(w, "signature") &&
	    !cp_is(w, "usage-keys")) {
		cp_err(p, 2, "unexpected '%s'", w);
		return false;
	}
	if (!cp_at_end(p, w ? 3 : 2))
		return false;
	k = CP_PUSH(p, p->c->pubkeys, p->c->npubkeys);
	if (!k)
		return false;
	k->by_address = by_address;
	k->line = p->l->no;
	if (by_address)
		return cp_need_ip(p, 1, 0, "key address", &k->family, &k->addr);
	return cp_need_name(p, 1, "key name", k->name, sizeof(k->name));
}

bool cp_in_keychain(struct conf_parser *p)
{
	if (cp_word_is(p, 0, "named-key") ||
	    cp_word_is(p, 0, "addressed-key")) {
		if (pubkey_new(p, cp_word_is(p, 0, "addressed-key"))) {
			p->cur = p->c->npubkeys - 1;
			p->mode = MODE_PUBKEY;
		}
		return true;
	}
	if (!cp_word_is(p, 0, "quit"))
		return false;
	p->mode = MODE_GLOBAL;
	return true;
}

bool cp_in_pubkey(struct conf_parser *p)
{
	struct conf_pubkey *k = &p->c->pubkeys[p->cur];
	uint8_t f;

	if (cp_word_is(p, 0, "key-string")) {
		if (cp_at_end(p, 1))
			hex_begin(p, MODE_PUBKEY);
	} else if (cp_word_is(p, 0, "address")) {
		if (cp_need_ip(p, 1, 0, "key address", &f, &k->addr) &&
		    cp_at_end(p, 2))
			k->family = f;
	} else if (cp_word_is(p, 0, "quit")) {
		p->mode = MODE_KEYCHAIN;
	} else {
		return cp_in_keychain(p);
	}
	return true;
}

static struct conf_ca *ca_get(struct conf_parser *p, size_t i)
{
	struct conf *c = p->c;
	struct conf_ca *ca;
	size_t k;

	if (!cp_need(p, i, "a CA name"))
		return NULL;
	for (k = 0; k < c->ncas; k++)
		if (!strcmp(c->cas[k].name, cp_word(p, i))) {
			p->cur = k;
			return &c->cas[k];
		}
	ca = CP_PUSH(p, c->cas, c->ncas);
	if (!ca)
		return NULL;
	ca->line = p->l->no;
	p->cur = c->ncas - 1;
	if (!cp_need_name(p, i, "CA name", ca->name, sizeof(ca->name))) {
		c->ncas--;
		return NULL;
	}
	return ca;
}

bool cp_in_ca_id(struct conf_parser *p)
{
	struct conf_ca *ca = &p->c->cas[p->cur];

	if (cp_word_is(p, 0, "enrollment") && cp_word_is(p, 1, "url"))
		cp_need_name(p, 2, "enrollment URL", ca->url, sizeof(ca->url));
	else if (cp_word_is(p, 0, "crl"))
		ca->crl_optional = cp_word_is(p, 1, "optional");
	else if (!cp_word_is(p, 0, "enrollment") && !cp_word_is(p, 0, "query"))
		return false;
	return true;
}

bool cp_in_ca_chain(struct conf_parser *p)
{
	struct conf_ca *ca = &p->c->cas[p->cur];
	struct conf_cert *cert;
	bool is_ca = cp_word_is(p, 1, "ca");
	size_t i = is_ca ? 2 : 1;

	if (!cp_word_is(p, 0, "certificate"))
		return false;
	if (!cp_need(p, i, "a serial number") || !cp_at_end(p, i + 1))
		return true;
	cert = CP_PUSH(p, ca->certs, ca->ncerts);
	if (!cert)
		return true;
	cert->ca = is_ca;
	snprintf(cert->serial, sizeof(cert->serial), "%s", cp_word(p, i));
	p->cert = ca->ncerts - 1;
	hex_begin(p, MODE_CA_CHAIN);
	return true;
}

void cp_crypto_key(struct conf_parser *p)
{
	if (cp_word_is(p, 2, "pubkey-chain") && cp_word_is(p, 3, "rsa")) {
		if (cp_at_end(p, 4))
			p->mode = MODE_KEYCHAIN;
	} else if (cp_word_is(p, 2, "generate") ||
		   cp_word_is(p, 2, "zeroize")) {
		cp_err(p, 2,
		       "'crypto key %s' is an EXEC command, not configuration",
		       cp_word(p, 2));
	} else if (cp_need(p, 2, "pubkey-chain rsa")) {
		cp_err(p, 2, "unknown or unsupported command 'crypto key %s'",
		       cp_word(p, 2));
	}
}

void cp_crypto_ca(struct conf_parser *p)
{
	if (cp_word_is(p, 2, "identity") || cp_word_is(p, 2, "trustpoint")) {
		if (ca_get(p, 3) && cp_at_end(p, 4))
			p->mode = MODE_CA_ID;
	} else if (cp_word_is(p, 2, "certificate") &&
		   cp_word_is(p, 3, "chain")) {
		if (ca_get(p, 4) && cp_at_end(p, 5))
			p->mode = MODE_CA_CHAIN;
	} else if (cp_need(p, 2, "identity or certificate chain")) {
		cp_err(p, 2, "unknown or unsupported command 'crypto ca %s'",
		       cp_word(p, 2));
	}
}
