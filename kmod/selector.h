/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Traffic selectors: what a crypto-map ACL entry (SPD entry) or an SA's
 * proxy identities cover, and the flow of a packet matched against them.
 */
#ifndef _NFSEC_SELECTOR_H
#define _NFSEC_SELECTOR_H

#include <linux/in6.h>
#include <linux/types.h>

/* An IPv4 address sits in the first word; the rest is zero. */
union nfsec_addr {
	__be32 ip;
	struct in6_addr in6;
};

/*
 * A packet's selectors.  For ICMP and ICMPv6, sport carries the type and
 * dport the code (as XFRM does), so one range check serves both.
 * ports_opaque: a non-first fragment, whose ports are unknown.
 * proto_opaque: an IPv6 non-first fragment whose fragmentable part starts
 * with an extension header: its upper-layer protocol is unknown too.
 */
struct nfsec_flow {
	union nfsec_addr saddr;
	union nfsec_addr daddr;
	u16 sport;
	u16 dport;
	u8 family;
	u8 proto;
	bool ports_opaque;
	bool proto_opaque;
};

/*
 * Addresses match under a mask, which need not be contiguous: IOS ACLs allow
 * any wildcard mask (mask = ~wildcard).  proto 0 is any protocol; port
 * ranges are inclusive, in host order, 0-65535 for any.
 */
struct nfsec_selector {
	union nfsec_addr saddr;
	union nfsec_addr smask;
	union nfsec_addr daddr;
	union nfsec_addr dmask;
	u16 sport_lo, sport_hi;
	u16 dport_lo, dport_hi;
	u8 family;
	u8 proto;
};

/* Whether @proto carries ports (or ICMP type/code) a selector can name. */
bool nfsec_proto_has_ports(u8 family, u8 proto);

/*
 * NULL when @sel is well formed, else a message for extack.  Host bits
 * outside the masks are cleared, as IOS does with an ACL entry.
 */
const char *nfsec_selector_normalize(struct nfsec_selector *sel);

/*
 * Strict: what is unknown of @fl (a non-first fragment's ports, maybe its
 * protocol) matches only a selector that does not name it.  For SA
 * selectors, and for crypto-map rules that let traffic through.
 */
bool nfsec_selector_match(const struct nfsec_selector *sel,
			  const struct nfsec_flow *fl);

/*
 * Lenient: what is unknown of @fl matches whatever the selector names, so
 * a non-first fragment is judged by its addresses (and protocol when
 * known).  IOS matches non-initial fragments against permit entries so;
 * nfsec does it for the rules that protect or discard, which keeps a
 * fragment from leaving in the clear when its datagram would not.
 */
bool nfsec_selector_may_match(const struct nfsec_selector *sel,
			      const struct nfsec_flow *fl);

#endif /* _NFSEC_SELECTOR_H */
