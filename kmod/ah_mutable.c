// SPDX-License-Identifier: GPL-2.0
/*
 * The parts of IP headers AH does not authenticate (RFC 4302 3.3.3.1,
 * Appendix A): they change in transit, so sender and receiver both zero
 * them before computing the ICV.
 *
 *   IPv4: TOS, flags + fragment offset, TTL, checksum; every option but
 *         security (130, 133, 134), router alert (148) and SDB (149).
 *         Loose and strict source routes: the final destination counts
 *         as the destination address.
 *   IPv6: traffic class, flow label, hop limit; option data of hop-by-hop
 *         and destination options whose type has the "may change" bit.
 */
#include <linux/errno.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/string.h>
#include <net/ipv6.h>

#include "ah.h"

#define NFSEC_IPOPT_ESEC 133
#define NFSEC_IPOPT_SDB 149
#define NFSEC_IPV6_OPT_MUTABLE 0x20

static bool nfsec_ah_opt4_immutable(u8 type)
{
	switch (type) {
	case IPOPT_SEC:
	case NFSEC_IPOPT_ESEC:
	case IPOPT_CIPSO:
	case IPOPT_RA:
	case NFSEC_IPOPT_SDB:
		return true;
	default:
		return false;
	}
}

/* Length of the option at @opt, @left bytes remaining; 0 if malformed. */
static unsigned int nfsec_ah_opt4_len(const u8 *opt, unsigned int left)
{
	if (opt[0] == IPOPT_NOOP)
		return 1;
	if (left < 2 || opt[1] < 2 || opt[1] > left)
		return 0;
	return opt[1];
}

int nfsec_ah_zero_mutable4(u8 *hdr, unsigned int len)
{
	struct iphdr *iph = (struct iphdr *)hdr;
	unsigned int i = sizeof(*iph), olen;

	if (len < sizeof(*iph) || len != iph->ihl * 4U)
		return -EINVAL;
	iph->tos = 0;
	iph->frag_off = 0;
	iph->ttl = 0;
	iph->check = 0;
	for (; i < len && hdr[i] != IPOPT_END; i += olen) {
		olen = nfsec_ah_opt4_len(hdr + i, len - i);
		if (!olen)
			return -EINVAL;
		if (nfsec_ah_opt4_immutable(hdr[i]) || olen == 1)
			continue;
		if ((hdr[i] == IPOPT_LSRR || hdr[i] == IPOPT_SSRR) && olen >= 7)
			memcpy(&iph->daddr, hdr + i + olen - 4, 4);
		memset(hdr + i, 0, olen);
	}
	return 0;
}

/* The TLV options of a hop-by-hop or destination options header. */
static int nfsec_ah_zero_opts6(u8 *h, unsigned int len)
{
	unsigned int i = 2, olen;

	while (i < len) {
		if (h[i] == IPV6_TLV_PAD1) {
			i++;
			continue;
		}
		if (len - i < 2 || h[i + 1] > len - i - 2)
			return -EINVAL;
		olen = h[i + 1] + 2;
		if (h[i] & NFSEC_IPV6_OPT_MUTABLE)
			memset(h + i + 2, 0, olen - 2);
		i += olen;
	}
	return 0;
}

int nfsec_ah_zero_mutable6(u8 *hdr, unsigned int len)
{
	struct ipv6hdr *ip6h = (struct ipv6hdr *)hdr;
	unsigned int off = sizeof(*ip6h), elen;
	u8 nexthdr;
	int err;

	if (len < sizeof(*ip6h))
		return -EINVAL;
	nexthdr = ip6h->nexthdr;
	ip6h->priority = 0;
	memset(ip6h->flow_lbl, 0, sizeof(ip6h->flow_lbl));
	ip6h->hop_limit = 0;
	while (off < len) {
		if (len - off < 2)
			return -EINVAL;
		elen = ipv6_optlen((struct ipv6_opt_hdr *)(hdr + off));
		if (elen > len - off)
			return -EINVAL;
		if (nexthdr != NEXTHDR_HOP && nexthdr != NEXTHDR_DEST)
			return -EAFNOSUPPORT;
		err = nfsec_ah_zero_opts6(hdr + off, elen);
		if (err)
			return err;
		nexthdr = hdr[off];
		off += elen;
	}
	return 0;
}
