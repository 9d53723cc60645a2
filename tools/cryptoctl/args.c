// SPDX-License-Identifier: GPL-2.0
/*
 * Command argument reading (see args.h).
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "uapi/linux/nfsec.h"
#include "args.h"

const char *args_next(struct ctl_args *a)
{
	if (a->argc <= 0)
		return NULL;
	a->argc--;
	return *a->argv++;
}

bool args_done(const struct ctl_args *a)
{
	return a->argc <= 0;
}

int args_bad(const struct ctl_args *a, const char *what, const char *word)
{
	fprintf(stderr, "cryptoctl: %s: %s '%s'\n", a->cmd, what, word);
	return 2;
}

const char *args_value(struct ctl_args *a, const char *kw)
{
	const char *v = args_next(a);

	if (!v)
		fprintf(stderr, "cryptoctl: %s: '%s' needs a value\n", a->cmd,
			kw);
	return v;
}

int args_u64(struct ctl_args *a, const char *kw, uint64_t *out)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (nfsec_u64_parse(v, UINT64_MAX, out))
		return args_bad(a, "not a number", v);
	return 0;
}

int args_u32(struct ctl_args *a, const char *kw, uint32_t *out)
{
	const char *v = args_value(a, kw);
	uint64_t n;

	if (!v)
		return 2;
	if (nfsec_u64_parse(v, UINT32_MAX, &n))
		return args_bad(a, "not a 32-bit number", v);
	*out = (uint32_t)n;
	return 0;
}

int args_ip(struct ctl_args *a, const char *kw, uint8_t *family,
	    union nfsec_ip *ip)
{
	const char *v = args_value(a, kw);
	uint8_t f;

	if (!v)
		return 2;
	if (nfsec_ip_parse(v, &f, ip))
		return args_bad(a, "not an IP address", v);
	if (*family && *family != f)
		return args_bad(a, "address family differs from the others", v);
	*family = f;
	return 0;
}

int args_prefix(struct ctl_args *a, const char *kw, uint8_t *family,
		union nfsec_ip *ip, union nfsec_ip *mask)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (nfsec_prefix_parse(v, family, ip, mask))
		return args_bad(a, "not a prefix (ADDR[/LEN|/MASK] or any)", v);
	return 0;
}

int args_ports(struct ctl_args *a, const char *kw, uint16_t *lo, uint16_t *hi)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (nfsec_port_range_parse(v, lo, hi))
		return args_bad(a, "not a port or port range", v);
	return 0;
}

int args_proto(struct ctl_args *a, const char *kw, uint8_t *proto)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (nfsec_proto_parse(v, proto))
		return args_bad(a, "unknown protocol", v);
	return 0;
}

int args_map_name(struct ctl_args *a, const char *kw, char *out)
{
	const char *v = args_value(a, kw);

	if (!v)
		return 2;
	if (!*v || strlen(v) >= NFSEC_MAP_NAME_MAX)
		return args_bad(a, "map name empty or longer than 31 bytes", v);
	strcpy(out, v);
	return 0;
}

static bool args_is(const char *word, const char *prefix, const char *kw)
{
	size_t n = strlen(prefix);

	return !strncmp(word, prefix, n) && !strcmp(word + n, kw);
}

int args_selector(struct ctl_args *a, const char *word, const char *prefix,
		  struct nfsec_sel *sel)
{
	if (args_is(word, prefix, "src"))
		return args_prefix(a, word, &sel->family, &sel->src,
				   &sel->src_mask)
			       ?: 1;
	if (args_is(word, prefix, "dst"))
		return args_prefix(a, word, &sel->family, &sel->dst,
				   &sel->dst_mask)
			       ?: 1;
	if (args_is(word, prefix, "proto"))
		return args_proto(a, word, &sel->proto) ?: 1;
	if (args_is(word, prefix, "sport"))
		return args_ports(a, word, &sel->sport_lo, &sel->sport_hi) ?: 1;
	if (args_is(word, prefix, "dport"))
		return args_ports(a, word, &sel->dport_lo, &sel->dport_hi) ?: 1;
	return 0;
}

/* Ports default to all: a zero range means none was given. */
void args_selector_finish(struct nfsec_sel *sel, uint8_t family)
{
	if (!sel->family)
		sel->family = family ? family : AF_INET;
	if (!sel->sport_lo && !sel->sport_hi)
		sel->sport_hi = 65535;
	if (!sel->dport_lo && !sel->dport_hi)
		sel->dport_hi = 65535;
}
