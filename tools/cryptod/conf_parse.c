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
 * abbreviated keywords come out spelled in full, so the handlers compare
 * whole words only.  The handlers live by mode (conf_parse_int.h): this
 * file reads the lines (one command each, or a flattened configuration,
 * conf_flat.c), holds the word helpers and dispatches by mode.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf.h"
#include "conf_parse_int.h"
#include "conf_flat.h"
#include "conf_tree.h"

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

/* ---- words ---- */

const char *cp_word(const struct conf_parser *p, size_t i)
{
	return i < p->l->n ? p->l->w[i].s : NULL;
}

bool cp_is(const char *w, const char *kw)
{
	return w && !strcasecmp(w, kw);
}

bool cp_word_is(const struct conf_parser *p, size_t i, const char *kw)
{
	return cp_is(cp_word(p, i), kw);
}

void cp_err(struct conf_parser *p, size_t i, const char *fmt, ...)
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
const char *cp_need(struct conf_parser *p, size_t i, const char *what)
{
	const char *w = cp_word(p, i);

	if (!w)
		cp_err(p, i, "expected %s after '%s'", what, cp_word(p, i - 1));
	return w;
}

/* Nothing may follow word @i - 1. */
bool cp_at_end(struct conf_parser *p, size_t i)
{
	if (i >= p->l->n)
		return true;
	cp_err(p, i, "unexpected '%s'", cp_word(p, i));
	return false;
}

bool cp_need_uint(struct conf_parser *p, size_t i, uint64_t lo, uint64_t hi,
		  const char *what, uint64_t *out)
{
	const char *w = cp_need(p, i, what);
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
	cp_err(p, i, "%s must be %llu to %llu, not '%s'", what,
	       (unsigned long long)lo, (unsigned long long)hi, w);
	return false;
}

bool cp_need_name(struct conf_parser *p, size_t i, const char *what, char *out,
		  size_t size)
{
	const char *w = cp_need(p, i, what);

	if (!w)
		return false;
	if (strlen(w) >= size) {
		cp_err(p, i, "%s '%s' is longer than %zu characters", what, w,
		       size - 1);
		return false;
	}
	strcpy(out, w);
	return true;
}

bool cp_need_ip(struct conf_parser *p, size_t i, uint8_t want, const char *what,
		uint8_t *family, union nfsec_ip *ip)
{
	const char *w = cp_need(p, i, what);
	uint8_t f = 0;

	if (!w)
		return false;
	if (nfsec_ip_parse(w, &f, ip) || (want && f != want)) {
		cp_err(p, i, "%s: '%s' is not an %s address", what, w,
		       want == AF_INET6 ? "IPv6"
		       : want		? "IPv4"
					: "IP");
		return false;
	}
	*family = f;
	return true;
}

void *cp_push(struct conf_parser *p, void **arr, size_t *n, size_t size)
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

static void parse_crypto(struct conf_parser *p)
{
	const char *w = cp_need(p, 1, "a crypto command");

	if (!w)
		return;
	if (cp_is(w, "isakmp"))
		cp_isakmp(p);
	else if (cp_is(w, "ipsec"))
		cp_ipsec(p);
	else if (cp_is(w, "map"))
		cp_map(p);
	else if (cp_is(w, "key"))
		cp_crypto_key(p);
	else if (cp_is(w, "ca"))
		cp_crypto_ca(p);
	else
		cp_err(p, 1, "unknown or unsupported command 'crypto %s'", w);
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
		if (cp_is(w, words[i]))
			return true;
	return false;
}

static void parse_global(struct conf_parser *p)
{
	const char *w = cp_word(p, 0);

	p->mode = MODE_GLOBAL;
	if (cp_is(w, "crypto"))
		parse_crypto(p);
	else if (cp_is(w, "access-list"))
		cp_access_list(p);
	else if (cp_is(w, "ip"))
		cp_ip(p, false);
	else if (cp_is(w, "ipv6"))
		cp_ip(p, true);
	else if (cp_is(w, "interface"))
		cp_interface(p);
	else if (cp_is(w, "hostname")) {
		if (cp_need_name(p, 1, "host name", p->c->hostname,
				 sizeof(p->c->hostname)))
			cp_at_end(p, 2);
	} else if (cp_is(w, "nfsec"))
		cp_nfsec(p);
	else if (cp_is(w, "end"))
		p->mode = MODE_END;
	else if (cp_is(w, "line") || cp_is(w, "router") || cp_is(w, "hub") ||
		 cp_is(w, "controller") || cp_is(w, "banner"))
		p->mode = MODE_BLOCK;
	else if (crypto_word(w))
		cp_err(p, 0, "'%s' outside the crypto mode it belongs to", w);
}

static bool parse_in_mode(struct conf_parser *p)
{
	switch (p->mode) {
	case MODE_POLICY:
		return cp_in_policy(p);
	case MODE_TSET:
		return cp_in_tset(p);
	case MODE_MAP:
		return cp_in_map(p);
	case MODE_ACL:
		return cp_in_acl(p);
	case MODE_IFACE:
		return cp_in_iface(p);
	case MODE_KEYCHAIN:
		return cp_in_keychain(p);
	case MODE_PUBKEY:
		return cp_in_pubkey(p);
	case MODE_CA_ID:
		return cp_in_ca_id(p);
	case MODE_CA_CHAIN:
		return cp_in_ca_chain(p);
	case MODE_BLOCK:
		return !cp_global_starter(p);
	default:
		return false;
	}
}

static void parse_line(struct conf_parser *p)
{
	const char *w = cp_word(p, 0);

	if (p->mode == MODE_HEX) {
		cp_hex(p);
		return;
	}
	if (w[0] == '!')
		return; /* a comment; as in IOS, it leaves no mode */
	if (cp_is(w, "exit") && p->mode != MODE_GLOBAL) {
		cp_at_end(p, 1);
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
	    p->mode != MODE_BLOCK && !cp_global_starter(p) &&
	    (p->l->w[0].col > 1 || crypto_word(w))) {
		cp_err(p, 0, "unknown command '%s' in %s mode", w,
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

/* The tree of the parser's mode; NULL in global configuration or a block. */
static const struct cmd_node *conf_mode_tree(const struct conf_parser *p)
{
	return p->mode < sizeof(conf_mode_trees) / sizeof(conf_mode_trees[0])
		       ? conf_mode_trees[p->mode]
		       : NULL;
}

/* The same, in halves: a word that begins two keywords is half read. */
static size_t conf_canon_score(const struct cmd_parse *cp)
{
	return 2 * cmd_reach(cp) + (cp->result == CMD_AMBIGUOUS);
}

/* How many of the words @cp read were abbreviated. */
static size_t conf_canon_short(const struct cmd_parse *cp)
{
	size_t i, n = 0, reach = cmd_reach(cp);

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
	const struct cmd_node *mode_tree = conf_mode_tree(p);
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
	if (!cmd_reach(cp) && cp->result != CMD_AMBIGUOUS)
		goto out; /* neither knows the first word */
	crypto = cp == &in_mode ? p->mode != MODE_IFACE
				: !strcasecmp(cp->argv[0], "crypto") ||
					  !strcasecmp(cp->argv[0], "nfsec");
	if (cp->result == CMD_AMBIGUOUS && crypto) {
		cmd_candidates(cp, names, sizeof(names));
		cp_err(p, (size_t)cp->bad, "ambiguous '%s' (%s)",
		       cp_word(p, (size_t)cp->bad), names);
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

/* A line's words and their columns, the arrays kept from line to line. */
struct conf_words {
	char **w;
	unsigned int *col;
	size_t cap;
};

/* Cuts @buf (modified) into words; how many, or -1 when out of memory. */
static long conf_words(char *buf, struct conf_words *cw)
{
	size_t n = 0;
	char *s = buf;
	void *nw, *nc;

	for (;;) {
		s += strspn(s, " \t");
		if (!*s)
			return (long)n;
		if (n == cw->cap) {
			nw = realloc(cw->w,
				     2 * (cw->cap + 64) * sizeof(*cw->w));
			if (!nw)
				return -1;
			cw->w = nw;
			nc = realloc(cw->col,
				     2 * (cw->cap + 64) * sizeof(*cw->col));
			if (!nc)
				return -1;
			cw->col = nc;
			cw->cap = 2 * (cw->cap + 64);
		}
		cw->w[n] = s;
		cw->col[n++] = (unsigned int)(s - buf) + 1;
		s += strcspn(s, " \t");
		if (*s)
			*s++ = '\0';
	}
}

/*
 * Words @from to @to (at most CONF_WORDS_MAX) as the line @l the handlers
 * read, its end at column @endcol; spelled out and read.
 */
static void conf_read_command(struct conf_parser *p, struct conf_line *l,
			      const struct conf_words *cw, size_t from,
			      size_t to, unsigned int endcol)
{
	size_t i;

	l->n = to - from;
	for (i = 0; i < l->n; i++) {
		l->w[i].s = cw->w[from + i];
		l->w[i].col = cw->col[from + i];
	}
	l->endcol = endcol;
	if (conf_canon(p, l))
		parse_line(p);
}

/*
 * A line of more words than a command has: a configuration as the
 * technical note prints it, every command on one line.  Each command
 * (conf_flat.c cuts them in the mode the previous one left) is read as a
 * line of its own, at its columns.
 */
static void conf_parse_flat(struct conf_parser *p, struct conf_line *l,
			    const struct conf_words *cw, size_t n)
{
	size_t pos, end;

	for (pos = 0; pos < n && p->mode != MODE_END && !p->oom; pos = end) {
		end = conf_flat_next(conf_mode_tree(p), p->mode == MODE_HEX,
				     cw->w, n, pos, CONF_WORDS_MAX);
		if (end - pos > CONF_WORDS_MAX) {
			conf_diag(p->c, true, l->no,
				  cw->col[pos + CONF_WORDS_MAX],
				  "more than %d words in a command",
				  CONF_WORDS_MAX);
			continue;
		}
		conf_read_command(p, l, cw, pos, end,
				  cw->col[end - 1] +
					  (unsigned int)strlen(cw->w[end - 1]));
	}
}

static void conf_sort(struct conf *c);
static void conf_sort_diags(struct conf *c);

static void conf_parse_lines(struct conf_parser *p, const char *text,
			     size_t len)
{
	const char *s = text, *end = text + len, *nl;
	struct conf_line *l = malloc(sizeof(*l));
	struct conf_words cw = { .cap = 0 };
	char *buf;
	long words;
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
		words = conf_line_clean(p->c, s, n, l->no)
				? conf_words(buf, &cw)
				: 0;
		if (words < 0)
			p->oom = true;
		else if (words > CONF_WORDS_MAX)
			conf_parse_flat(p, l, &cw, (size_t)words);
		else if (words)
			conf_read_command(p, l, &cw, 0, (size_t)words,
					  (unsigned int)n + 1);
		explicit_bzero(buf, n + 1);
		free(buf);
		s = nl ? nl + 1 : end;
	}
	if (p->mode == MODE_HEX)
		conf_diag(p->c, true, p->hex_line, p->hex_col,
			  "'%s' data not closed by 'quit' before the end",
			  p->hex_back == MODE_PUBKEY ? "key-string"
						     : "certificate");
	free(cw.w);
	free(cw.col);
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
