// SPDX-License-Identifier: GPL-2.0
/*
 * Streaming JSON writer (see json.h).
 */
#include <assert.h>
#include <inttypes.h>

#include "json.h"

void nfsec_json_init(struct nfsec_json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->need_comma[0] = false;
}

static void nfsec_json_quote(FILE *f, const char *s)
{
	const unsigned char *p;

	fputc('"', f);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

/* Comma and key before a value at the current depth. */
static void nfsec_json_member(struct nfsec_json *j, const char *key)
{
	if (j->need_comma[j->depth])
		fputc(',', j->f);
	j->need_comma[j->depth] = true;
	if (key) {
		nfsec_json_quote(j->f, key);
		fputc(':', j->f);
	}
}

static void nfsec_json_open(struct nfsec_json *j, const char *key, char c)
{
	nfsec_json_member(j, key);
	fputc(c, j->f);
	assert(j->depth + 1 < NFSEC_JSON_DEPTH);
	j->need_comma[++j->depth] = false;
}

static void nfsec_json_close(struct nfsec_json *j, char c)
{
	assert(j->depth > 0);
	j->depth--;
	fputc(c, j->f);
}

void nfsec_json_object_open(struct nfsec_json *j, const char *key)
{
	nfsec_json_open(j, key, '{');
}

void nfsec_json_object_close(struct nfsec_json *j)
{
	nfsec_json_close(j, '}');
}

void nfsec_json_array_open(struct nfsec_json *j, const char *key)
{
	nfsec_json_open(j, key, '[');
}

void nfsec_json_array_close(struct nfsec_json *j)
{
	nfsec_json_close(j, ']');
}

void nfsec_json_string(struct nfsec_json *j, const char *key, const char *v)
{
	nfsec_json_member(j, key);
	nfsec_json_quote(j->f, v);
}

void nfsec_json_u64(struct nfsec_json *j, const char *key, uint64_t v)
{
	nfsec_json_member(j, key);
	fprintf(j->f, "%" PRIu64, v);
}

void nfsec_json_bool(struct nfsec_json *j, const char *key, bool v)
{
	nfsec_json_member(j, key);
	fputs(v ? "true" : "false", j->f);
}

void nfsec_json_end(struct nfsec_json *j)
{
	assert(j->depth == 0);
	fputc('\n', j->f);
	fflush(j->f);
}
