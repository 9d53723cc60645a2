/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IOS configuration reader's insides, shared by its files: the line
 * being read, the parser's state (the mode and the object it edits), the
 * word helpers that report errors at the word, and each mode's commands
 * (conf_isakmp.c, conf_ipsec.c, conf_map.c, conf_acl.c, conf_iface.c,
 * conf_pki.c; conf_parse.c reads lines and dispatches).
 *
 * A handler reads the line's words by index (word 0 is the command's
 * first) after conf_parse.c has spelled the keywords out in full
 * (conf_tree.h), reports an error with cp_err() at the word, and leaves
 * p->mode as the command leaves IOS's.
 */
#ifndef CRYPTOD_CONF_PARSE_INT_H
#define CRYPTOD_CONF_PARSE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "conf.h"

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

/* ---- words (conf_parse.c) ---- */

/* Word @i of the line, or NULL past its end. */
const char *cp_word(const struct conf_parser *p, size_t i);
/* Keywords compare case-insensitively, as IOS's. */
bool cp_is(const char *w, const char *kw);
bool cp_word_is(const struct conf_parser *p, size_t i, const char *kw);
/* An error at word @i (or at the line's end), as FILE:LINE:COL. */
void cp_err(struct conf_parser *p, size_t i, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Word @i must exist; otherwise "expected WHAT". */
const char *cp_need(struct conf_parser *p, size_t i, const char *what);
/* Nothing may follow word @i - 1. */
bool cp_at_end(struct conf_parser *p, size_t i);
bool cp_need_uint(struct conf_parser *p, size_t i, uint64_t lo, uint64_t hi,
		  const char *what, uint64_t *out);
bool cp_need_name(struct conf_parser *p, size_t i, const char *what, char *out,
		  size_t len);
bool cp_need_ip(struct conf_parser *p, size_t i, uint8_t want, const char *what,
		uint8_t *family, union nfsec_ip *ip);
/* A zeroed element appended to *@arr of *@n; NULL (and p->oom) on failure. */
void *cp_push(struct conf_parser *p, void **arr, size_t *n, size_t size);
#define CP_PUSH(p, arr, n) cp_push(p, (void **)&(arr), &(n), sizeof(*(arr)))

/* ---- crypto isakmp (conf_isakmp.c) ---- */
void cp_isakmp(struct conf_parser *p);
bool cp_in_policy(struct conf_parser *p);

/* ---- crypto ipsec (conf_ipsec.c) ---- */
void cp_ipsec(struct conf_parser *p);
bool cp_in_tset(struct conf_parser *p);
/* lifetime seconds N | kilobytes N, from word @i. */
void cp_lifetime(struct conf_parser *p, size_t i, uint32_t *sec, uint64_t *kb);
/* replay window-size N | replay disable, from word @i ("replay"). */
void cp_replay(struct conf_parser *p, size_t i, struct conf_replay *r);

/* ---- crypto map (conf_map.c) ---- */
void cp_map(struct conf_parser *p);
bool cp_in_map(struct conf_parser *p);

/* ---- access lists (conf_acl.c) ---- */
void cp_access_list(struct conf_parser *p);
bool cp_in_acl(struct conf_parser *p);
void cp_named_acl(struct conf_parser *p, size_t i, enum conf_acl_kind kind);

/* ---- interfaces, routes, hosts, nfsec (conf_iface.c) ---- */
void cp_interface(struct conf_parser *p);
bool cp_in_iface(struct conf_parser *p);
void cp_ip(struct conf_parser *p, bool v6);
void cp_nfsec(struct conf_parser *p);
/* Does the line leave an interface or other non-crypto block? */
bool cp_global_starter(const struct conf_parser *p);

/* ---- public keys and CAs (conf_pki.c) ---- */
void cp_hex(struct conf_parser *p);
bool cp_in_keychain(struct conf_parser *p);
bool cp_in_pubkey(struct conf_parser *p);
bool cp_in_ca_id(struct conf_parser *p);
bool cp_in_ca_chain(struct conf_parser *p);
void cp_crypto_key(struct conf_parser *p);
void cp_crypto_ca(struct conf_parser *p);

#endif /* CRYPTOD_CONF_PARSE_INT_H */
