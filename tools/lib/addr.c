// SPDX-License-Identifier: GPL-2.0
/*
 * Addresses, prefixes, ports and keys in text (see addr.h).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "addr.h"

size_t nfsec_ip_len(uint8_t family)
{
	return family == AF_INET ? 4 : 16;
}

int nfsec_ip_parse(const char *s, uint8_t *family, union nfsec_ip *ip)
{
	memset(ip, 0, sizeof(*ip));
	if (inet_pton(AF_INET, s, &ip->v4) == 1) {
		*family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, &ip->v6) == 1) {
		*family = AF_INET6;
		return 0;
	}
	return -EINVAL;
}

const char *nfsec_ip_str(uint8_t family, const union nfsec_ip *ip, char *buf,
			 size_t len)
{
	if (!inet_ntop(family, ip, buf, (socklen_t)len))
		snprintf(buf, len, "?");
	return buf;
}

static void nfsec_mask_from_len(uint8_t family, unsigned int plen,
				union nfsec_ip *mask)
{
	unsigned int i;

	memset(mask, 0, sizeof(*mask));
	for (i = 0; i < nfsec_ip_len(family) * 8 && i < plen; i++)
		mask->b[i / 8] |= (uint8_t)(0x80 >> (i % 8));
}

int nfsec_mask_len(uint8_t family, const union nfsec_ip *mask)
{
	unsigned int i, n = nfsec_ip_len(family) * 8;
	int len = 0;
	bool zero = false;

	for (i = 0; i < n; i++) {
		bool bit = mask->b[i / 8] & (0x80 >> (i % 8));

		if (bit && zero)
			return -1;
		if (bit)
			len++;
		else
			zero = true;
	}
	return len;
}

static int nfsec_mask_parse(const char *s, uint8_t family, union nfsec_ip *mask)
{
	uint8_t mfamily;
	uint64_t plen;

	if (strchr(s, '.')) {
		if (nfsec_ip_parse(s, &mfamily, mask) || mfamily != family)
			return -EINVAL;
		return 0;
	}
	if (nfsec_u64_parse(s, nfsec_ip_len(family) * 8, &plen))
		return -EINVAL;
	nfsec_mask_from_len(family, (unsigned int)plen, mask);
	return 0;
}

int nfsec_prefix_parse(const char *s, uint8_t *family, union nfsec_ip *ip,
		       union nfsec_ip *mask)
{
	char addr[INET6_ADDRSTRLEN + 1];
	const char *slash = strchr(s, '/');
	size_t n = slash ? (size_t)(slash - s) : strlen(s);
	uint8_t f;
	size_t i;

	memset(ip, 0, sizeof(*ip));
	memset(mask, 0, sizeof(*mask));
	if (!strcmp(s, "any"))
		return 0;
	if (n >= sizeof(addr))
		return -EINVAL;
	memcpy(addr, s, n);
	addr[n] = '\0';
	if (nfsec_ip_parse(addr, &f, ip) || (*family && *family != f))
		return -EINVAL;
	*family = f;
	if (!slash)
		nfsec_mask_from_len(f, 128, mask);
	else if (nfsec_mask_parse(slash + 1, f, mask))
		return -EINVAL;
	for (i = 0; i < sizeof(ip->b); i++)
		ip->b[i] &= mask->b[i];
	return 0;
}

const char *nfsec_prefix_str(uint8_t family, const union nfsec_ip *ip,
			     const union nfsec_ip *mask, char *buf, size_t len)
{
	char a[INET6_ADDRSTRLEN], m[INET6_ADDRSTRLEN];
	int plen = nfsec_mask_len(family, mask);

	if (plen == 0) {
		snprintf(buf, len, "any");
		return buf;
	}
	nfsec_ip_str(family, ip, a, sizeof(a));
	if (plen == (int)nfsec_ip_len(family) * 8)
		snprintf(buf, len, "%s", a);
	else if (plen > 0)
		snprintf(buf, len, "%s/%d", a, plen);
	else
		snprintf(buf, len, "%s/%s", a,
			 nfsec_ip_str(family, mask, m, sizeof(m)));
	return buf;
}

int nfsec_u64_parse(const char *s, uint64_t max, uint64_t *out)
{
	char *end;

	if (!*s || *s == '-' || isspace((unsigned char)*s))
		return -EINVAL;
	errno = 0;
	*out = strtoull(s, &end, 0);
	if (errno || *end || *out > max)
		return -EINVAL;
	return 0;
}

int nfsec_port_range_parse(const char *s, uint16_t *lo, uint16_t *hi)
{
	char buf[16];
	const char *dash = strchr(s, '-');
	uint64_t a, b;

	if (!dash) {
		if (nfsec_u64_parse(s, 65535, &a))
			return -EINVAL;
		*lo = *hi = (uint16_t)a;
		return 0;
	}
	if ((size_t)(dash - s) >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, (size_t)(dash - s));
	buf[dash - s] = '\0';
	if (nfsec_u64_parse(buf, 65535, &a) ||
	    nfsec_u64_parse(dash + 1, 65535, &b) || a > b)
		return -EINVAL;
	*lo = (uint16_t)a;
	*hi = (uint16_t)b;
	return 0;
}

static const struct {
	const char *name;
	uint8_t proto;
} nfsec_protos[] = {
	{ "ip", 0 },
	{ "any", 0 },
	{ "icmp", IPPROTO_ICMP },
	{ "tcp", IPPROTO_TCP },
	{ "udp", IPPROTO_UDP },
	{ "ipv6-icmp", IPPROTO_ICMPV6 },
	{ "icmpv6", IPPROTO_ICMPV6 },
	{ "esp", IPPROTO_ESP },
	{ "ah", IPPROTO_AH },
	{ "gre", IPPROTO_GRE },
	{ "sctp", IPPROTO_SCTP },
};

int nfsec_proto_parse(const char *s, uint8_t *proto)
{
	uint64_t v;
	size_t i;

	for (i = 0; i < sizeof(nfsec_protos) / sizeof(nfsec_protos[0]); i++)
		if (!strcmp(s, nfsec_protos[i].name)) {
			*proto = nfsec_protos[i].proto;
			return 0;
		}
	if (nfsec_u64_parse(s, 255, &v))
		return -EINVAL;
	*proto = (uint8_t)v;
	return 0;
}

const char *nfsec_proto_str(uint8_t proto, char *buf, size_t len)
{
	size_t i;

	for (i = 1; i < sizeof(nfsec_protos) / sizeof(nfsec_protos[0]); i++)
		if (nfsec_protos[i].proto == proto) {
			snprintf(buf, len, "%s",
				 proto ? nfsec_protos[i].name : "ip");
			return buf;
		}
	snprintf(buf, len, "%u", proto);
	return buf;
}

static int nfsec_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)tolower((unsigned char)c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int nfsec_hex_parse(const char *s, uint8_t *out, size_t max)
{
	size_t n, i;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		s += 2;
	n = strlen(s);
	if (!n || n % 2 || n / 2 > max)
		return -EINVAL;
	for (i = 0; i < n / 2; i++) {
		int hi = nfsec_hex_digit(s[2 * i]),
		    lo = nfsec_hex_digit(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -EINVAL;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return (int)(n / 2);
}

void nfsec_hex_str(const uint8_t *in, size_t len, char *buf, size_t buflen)
{
	size_t i, o = 0;

	o += (size_t)snprintf(buf, buflen, "0x");
	for (i = 0; i < len && o + 3 <= buflen; i++)
		o += (size_t)snprintf(buf + o, buflen - o, "%02x", in[i]);
}
