/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Addresses, prefixes, port ranges and hex keys as administrators type
 * them, and back.
 */
#ifndef NFSEC_ADDR_H
#define NFSEC_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <netinet/in.h>

/* An IPv4 address sits in the first 4 bytes; the rest is zero. */
union nfsec_ip {
	struct in_addr v4;
	struct in6_addr v6;
	uint8_t b[16];
};

struct nfsec_sel {
	uint8_t family; /* 0: not set */
	union nfsec_ip src, src_mask, dst, dst_mask;
	uint8_t proto;
	uint16_t sport_lo, sport_hi, dport_lo, dport_hi;
};

size_t nfsec_ip_len(uint8_t family);

/* "192.0.2.1" or "2001:db8::1"; sets *family.  0 or -EINVAL. */
int nfsec_ip_parse(const char *s, uint8_t *family, union nfsec_ip *ip);
const char *nfsec_ip_str(uint8_t family, const union nfsec_ip *ip, char *buf,
			 size_t len);

/*
 * "any", "ADDR", "ADDR/LEN" or "ADDR/MASK" (a dotted IPv4 mask, which
 * need not be contiguous).  The family must match *family unless that is
 * 0, in which case it is set (not by "any").
 */
int nfsec_prefix_parse(const char *s, uint8_t *family, union nfsec_ip *ip,
		       union nfsec_ip *mask);
/* Prefix length of a contiguous mask, or -1. */
int nfsec_mask_len(uint8_t family, const union nfsec_ip *mask);
/* "192.0.2.0/24", "any", or "192.0.2.0/255.0.255.0" when not contiguous. */
const char *nfsec_prefix_str(uint8_t family, const union nfsec_ip *ip,
			     const union nfsec_ip *mask, char *buf, size_t len);

/* "N" or "LO-HI" (0-65535). */
int nfsec_port_range_parse(const char *s, uint16_t *lo, uint16_t *hi);
/* "tcp", "udp", "icmp", "ipv6-icmp", "esp"... or a number; -EINVAL. */
int nfsec_proto_parse(const char *s, uint8_t *proto);
const char *nfsec_proto_str(uint8_t proto, char *buf, size_t len);

/* "0x0123ab..." or "0123ab..." into @out; returns the length or -EINVAL. */
int nfsec_hex_parse(const char *s, uint8_t *out, size_t max);
/* "0x" + hex of @len bytes. */
void nfsec_hex_str(const uint8_t *in, size_t len, char *buf, size_t buflen);

/* A number with an optional 0x prefix, within [0, max]. */
int nfsec_u64_parse(const char *s, uint64_t max, uint64_t *out);

#endif /* NFSEC_ADDR_H */
