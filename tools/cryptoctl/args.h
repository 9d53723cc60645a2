/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reading "KEYWORD VALUE..." command arguments, with usage errors that name
 * the offending word.
 */
#ifndef CRYPTOCTL_ARGS_H
#define CRYPTOCTL_ARGS_H

#include <stdbool.h>
#include <stdint.h>

#include "addr.h"

struct ctl_args {
	int argc;
	char **argv;
	const char *cmd; /* "sa add", for messages */
};

/* The next word, or NULL (after which args_value() reports it missing). */
const char *args_next(struct ctl_args *a);
bool args_done(const struct ctl_args *a);

/* The value after keyword @kw; prints "KW needs a value" and returns NULL. */
const char *args_value(struct ctl_args *a, const char *kw);

/* Print "cryptoctl: CMD: WHAT 'WORD'" and return 2. */
int args_bad(const struct ctl_args *a, const char *what, const char *word);

/* Value parsers: 0, or print the error and return 2. */
int args_u32(struct ctl_args *a, const char *kw, uint32_t *out);
int args_u64(struct ctl_args *a, const char *kw, uint64_t *out);
int args_ip(struct ctl_args *a, const char *kw, uint8_t *family,
	    union nfsec_ip *ip);
int args_prefix(struct ctl_args *a, const char *kw, uint8_t *family,
		union nfsec_ip *ip, union nfsec_ip *mask);
int args_ports(struct ctl_args *a, const char *kw, uint16_t *lo, uint16_t *hi);
int args_proto(struct ctl_args *a, const char *kw, uint8_t *proto);

/*
 * Selector words: src PREFIX, dst PREFIX, proto P, sport R, dport R (with
 * @prefix before each, e.g. "sel-").  Returns 1 when @word was one (and
 * consumed its value), 0 when not, 2 on a bad value.
 */
int args_selector(struct ctl_args *a, const char *word, const char *prefix,
		  struct nfsec_sel *sel);
/* A crypto map name (1 to NFSEC_MAP_NAME_MAX - 1 bytes) into @out. */
int args_map_name(struct ctl_args *a, const char *kw, char *out);

/* "tunnel" or "transport". */
int ctl_mode_parse(struct ctl_args *a, const char *kw, uint8_t *mode);

/* Fills the defaults a selector left open: any address, all ports. */
void args_selector_finish(struct nfsec_sel *sel, uint8_t family);

#endif /* CRYPTOCTL_ARGS_H */
