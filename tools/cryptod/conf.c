// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration's memory, diagnostics and names (see conf.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"

/* What IOS uses when no policy matches: `show crypto isakmp policy`. */
const struct conf_policy conf_default_policy = {
	.prio = 65535,
	.enc = CONF_IKE_DES,
	.hash = CONF_HASH_SHA1,
	.auth = CONF_AUTH_RSA_SIG,
	.group = 1,
	.lifetime = 86400,
};

void conf_diag(struct conf *c, bool error, unsigned int line, unsigned int col,
	       const char *fmt, ...)
{
	struct conf_diag *d, *diags;
	va_list ap;

	diags = realloc(c->diags, (c->ndiags + 1) * sizeof(*diags));
	if (!diags)
		return;
	c->diags = diags;
	d = &diags[c->ndiags++];
	d->error = error;
	d->line = line;
	d->col = col;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
	c->nerrors += error;
}

void conf_print_diags(const struct conf *c, FILE *f)
{
	const struct conf_diag *d;
	size_t i;

	/* by index: diags is NULL when there are none */
	for (i = 0; i < c->ndiags; i++) {
		d = &c->diags[i];
		fprintf(f, "%s:", c->file);
		if (d->line)
			fprintf(f, "%u:", d->line);
		if (d->col)
			fprintf(f, "%u:", d->col);
		fprintf(f, " %s: %s\n", d->error ? "error" : "warning", d->msg);
	}
}

static void conf_wipe(void *p, size_t len)
{
	explicit_bzero(p, len);
}

void conf_free(struct conf *c)
{
	size_t i, j;

	if (!c)
		return;
	if (c->psks)
		conf_wipe(c->psks, c->npsks * sizeof(*c->psks));
	if (c->entries)
		conf_wipe(c->entries, c->nentries * sizeof(*c->entries));
	for (i = 0; i < c->nacls; i++)
		free(c->acls[i].rules);
	for (i = 0; i < c->npubkeys; i++)
		free(c->pubkeys[i].der);
	for (i = 0; i < c->ncas; i++) {
		for (j = 0; j < c->cas[i].ncerts; j++)
			free(c->cas[i].certs[j].der);
		free(c->cas[i].certs);
	}
	free(c->policies);
	free(c->psks);
	free(c->tsets);
	free(c->acls);
	free(c->entries);
	free(c->ifaces);
	free(c->routes);
	free(c->hosts);
	free(c->ifmaps);
	free(c->pubkeys);
	free(c->cas);
	free(c->diags);
	free(c);
}

static char *conf_read_all(int fd, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap), *nbuf;
	ssize_t r;

	while (buf) {
		if (n == cap) {
			nbuf = realloc(buf, cap *= 2);
			if (!nbuf)
				break;
			buf = nbuf;
		}
		r = read(fd, buf + n, cap - n);
		if (r == 0) {
			*len = n;
			return buf;
		}
		if (r < 0 && errno != EINTR)
			break;
		n += r > 0 ? (size_t)r : 0;
	}
	free(buf);
	return NULL;
}

struct conf *conf_load(const char *file)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);

	return fd < 0 ? NULL : conf_load_fd(file, fd);
}

struct conf *conf_load_fd(const char *file, int fd)
{
	struct conf *c;
	size_t len;
	char *text;
	int err;

	text = conf_read_all(fd, &len);
	err = errno;
	close(fd);
	if (!text) {
		errno = err ? err : ENOMEM;
		return NULL;
	}
	c = conf_parse(file, text, len);
	/* The text holds the keys as typed. */
	conf_wipe(text, len);
	free(text);
	if (!c)
		errno = ENOMEM;
	return c;
}

bool conf_ifname_ok(const char *s)
{
	size_t len = strlen(s);

	return len && len < IFNAMSIZ && !strpbrk(s, "/ \t:") &&
	       strcmp(s, ".") && strcmp(s, "..");
}

const struct conf_tset *conf_tset_find(const struct conf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->ntsets; i++)
		if (!strcmp(c->tsets[i].name, name))
			return &c->tsets[i];
	return NULL;
}

const struct conf_map_entry *conf_entry_find(const struct conf *c,
					     const char *map, uint32_t seq)
{
	size_t i;

	for (i = 0; i < c->nentries; i++)
		if (c->entries[i].seq == seq && !strcmp(c->entries[i].map, map))
			return &c->entries[i];
	return NULL;
}

const struct conf_acl *conf_acl_find(const struct conf *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nacls; i++)
		if (!strcmp(c->acls[i].name, name))
			return &c->acls[i];
	return NULL;
}

size_t conf_esp_enc_keylen(const struct conf_tset *t)
{
	switch (t->esp_enc) {
	case NFSEC_ENC_DES_CBC:
		return 8;
	case NFSEC_ENC_3DES_CBC:
		return 24;
	case NFSEC_ENC_AES_CBC:
		return t->esp_keybits / 8u;
	case NFSEC_ENC_AES_GCM_16:
		return t->esp_keybits / 8u + 4; /* + salt, RFC 4106 */
	}
	return 0;
}

size_t conf_auth_keylen(uint8_t auth)
{
	static const size_t len[] = {
		[NFSEC_AUTH_HMAC_MD5_96] = 16,
		[NFSEC_AUTH_HMAC_SHA1_96] = 20,
		[NFSEC_AUTH_HMAC_SHA256_128] = 32,
		[NFSEC_AUTH_HMAC_SHA384_192] = 48,
		[NFSEC_AUTH_HMAC_SHA512_256] = 64,
	};

	return auth < sizeof(len) / sizeof(len[0]) ? len[auth] : 0;
}

/* RFC 2409 (1, 2), RFC 3526 (5, 14-16), RFC 5903 (19-21). */
static const struct {
	uint8_t group;
	uint16_t bits;
} conf_groups[] = {
	{ 1, 768 },   { 2, 1024 }, { 5, 1536 }, { 14, 2048 }, { 15, 3072 },
	{ 16, 4096 }, { 19, 256 }, { 20, 384 }, { 21, 521 },
};

unsigned int conf_group_bits(uint8_t group)
{
	size_t i;

	for (i = 0; i < sizeof(conf_groups) / sizeof(conf_groups[0]); i++)
		if (conf_groups[i].group == group)
			return conf_groups[i].bits;
	return 0;
}

bool conf_group_known(unsigned int group)
{
	return group < 256 && conf_group_bits((uint8_t)group);
}

static bool conf_replay_set(const struct conf_replay *r)
{
	return r->disabled || r->window;
}

uint32_t conf_replay_window(const struct conf *c,
			    const struct conf_map_entry *e)
{
	const struct conf_replay *r =
		e && conf_replay_set(&e->replay) ? &e->replay : &c->replay;

	if (r->disabled)
		return 0;
	return r->window ? r->window : CONF_REPLAY_WINDOW;
}
