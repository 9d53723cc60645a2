// SPDX-License-Identifier: GPL-2.0
/*
 * Traffic selectors (see selector.h).
 */
#include <linux/in.h>
#include <linux/socket.h>

#include "selector.h"

bool nfsec_proto_has_ports(u8 family, u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP:
	case IPPROTO_UDP:
	case IPPROTO_UDPLITE:
	case IPPROTO_SCTP:
	case IPPROTO_DCCP:
		return true;
	case IPPROTO_ICMP:
		return family == AF_INET;
	case IPPROTO_ICMPV6:
		return family == AF_INET6;
	}
	return false;
}

static unsigned int nfsec_addr_words(u8 family)
{
	return family == AF_INET ? 1 : 4;
}

static void nfsec_addr_apply_mask(union nfsec_addr *a,
				  const union nfsec_addr *m, u8 family)
{
	unsigned int i;

	for (i = 0; i < nfsec_addr_words(family); i++)
		a->in6.s6_addr32[i] &= m->in6.s6_addr32[i];
}

static bool nfsec_addr_match(const union nfsec_addr *a,
			     const union nfsec_addr *sel,
			     const union nfsec_addr *mask, u8 family)
{
	unsigned int i;

	for (i = 0; i < nfsec_addr_words(family); i++)
		if ((a->in6.s6_addr32[i] ^ sel->in6.s6_addr32[i]) &
		    mask->in6.s6_addr32[i])
			return false;
	return true;
}

static bool nfsec_ports_any(u16 lo, u16 hi)
{
	return lo == 0 && hi == U16_MAX;
}

const char *nfsec_selector_normalize(struct nfsec_selector *sel)
{
	if (sel->family != AF_INET && sel->family != AF_INET6)
		return "selector family must be IPv4 or IPv6";
	if (sel->sport_lo > sel->sport_hi)
		return "source port range is reversed";
	if (sel->dport_lo > sel->dport_hi)
		return "destination port range is reversed";
	if (!nfsec_proto_has_ports(sel->family, sel->proto) &&
	    !(nfsec_ports_any(sel->sport_lo, sel->sport_hi) &&
	      nfsec_ports_any(sel->dport_lo, sel->dport_hi)))
		return "port ranges need a protocol with ports (tcp, udp, sctp, icmp...)";
	nfsec_addr_apply_mask(&sel->saddr, &sel->smask, sel->family);
	nfsec_addr_apply_mask(&sel->daddr, &sel->dmask, sel->family);
	return NULL;
}

static bool nfsec_selector_ports_match(const struct nfsec_selector *sel,
				       const struct nfsec_flow *fl,
				       bool unknown_matches)
{
	bool any = nfsec_ports_any(sel->sport_lo, sel->sport_hi) &&
		   nfsec_ports_any(sel->dport_lo, sel->dport_hi);

	if (any)
		return true;
	if (fl->ports_opaque || fl->proto_opaque)
		return unknown_matches;
	return fl->sport >= sel->sport_lo && fl->sport <= sel->sport_hi &&
	       fl->dport >= sel->dport_lo && fl->dport <= sel->dport_hi;
}

static bool nfsec_selector_match_how(const struct nfsec_selector *sel,
				     const struct nfsec_flow *fl,
				     bool unknown_matches)
{
	if (sel->family != fl->family)
		return false;
	if (sel->proto && (fl->proto_opaque ? !unknown_matches :
					      sel->proto != fl->proto))
		return false;
	if (!nfsec_addr_match(&fl->saddr, &sel->saddr, &sel->smask,
			      sel->family) ||
	    !nfsec_addr_match(&fl->daddr, &sel->daddr, &sel->dmask,
			      sel->family))
		return false;
	return nfsec_selector_ports_match(sel, fl, unknown_matches);
}

bool nfsec_selector_match(const struct nfsec_selector *sel,
			  const struct nfsec_flow *fl)
{
	return nfsec_selector_match_how(sel, fl, false);
}

bool nfsec_selector_may_match(const struct nfsec_selector *sel,
			      const struct nfsec_flow *fl)
{
	return nfsec_selector_match_how(sel, fl, true);
}
