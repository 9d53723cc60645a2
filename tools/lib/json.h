/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A small streaming JSON writer for the tools' -j output (one line per
 * document, like `ip -j`).  Objects and arrays nest; the writer tracks
 * commas.  Keys are NULL inside arrays.
 */
#ifndef NFSEC_JSON_H
#define NFSEC_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define NFSEC_JSON_DEPTH 16

struct nfsec_json {
	FILE *f;
	int depth;
	bool need_comma[NFSEC_JSON_DEPTH];
};

void nfsec_json_init(struct nfsec_json *j, FILE *f);
void nfsec_json_object_open(struct nfsec_json *j, const char *key);
void nfsec_json_object_close(struct nfsec_json *j);
void nfsec_json_array_open(struct nfsec_json *j, const char *key);
void nfsec_json_array_close(struct nfsec_json *j);
void nfsec_json_string(struct nfsec_json *j, const char *key, const char *v);
void nfsec_json_u64(struct nfsec_json *j, const char *key, uint64_t v);
void nfsec_json_bool(struct nfsec_json *j, const char *key, bool v);
/* Ends the document with a newline. */
void nfsec_json_end(struct nfsec_json *j);

#endif /* NFSEC_JSON_H */
