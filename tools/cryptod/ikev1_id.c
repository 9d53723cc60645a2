// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 identities and proxy identities (see ikev1_id.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>

#include "ikev1_id.h"

static bool id_is_subnet(uint8_t type)
{
	return type == IKEV1_ID_IPV4_ADDR_SUBNET ||
	       type == IKEV1_ID_IPV6_ADDR_SUBNET;
}

static bool id_is_range(uint8_t type)
{
	return type == IKEV1_ID_IPV4_ADDR_RANGE ||
	       type == IKEV1_ID_IPV6_ADDR_RANGE;
}

static uint8_t id_family(uint8_t type)
{
	switch (type) {
	case IKEV1_ID_IPV4_ADDR:
	case IKEV1_ID_IPV4_ADDR_SUBNET:
	case IKEV1_ID_IPV4_ADDR_RANGE:
		return AF_INET;
	case IKEV1_ID_IPV6_ADDR:
	case IKEV1_ID_IPV6_ADDR_SUBNET:
	case IKEV1_ID_IPV6_ADDR_RANGE:
		return AF_INET6;
	}
	return 0;
}

int ikev1_id_parse(const uint8_t *body, size_t len, struct ikev1_id *id)
{
	size_t alen;

	memset(id, 0, sizeof(*id));
	if (len < 4)
		return -EINVAL;
	id->type = body[0];
	id->proto = body[1];
	id->port = (uint16_t)(body[2] << 8 | body[3]);
	body += 4;
	len -= 4;
	if (id->type == IKEV1_ID_FQDN || id->type == IKEV1_ID_USER_FQDN) {
		if (!len || len >= sizeof(id->name) || memchr(body, 0, len))
			return -EINVAL;
		memcpy(id->name, body, len);
		return 0;
	}
	id->family = id_family(id->type);
	if (!id->family)
		return -EINVAL;
	alen = nfsec_ip_len(id->family);
	if (len !=
	    alen * (id_is_subnet(id->type) || id_is_range(id->type) ? 2 : 1))
		return -EINVAL;
	memcpy(id->addr.b, body, alen);
	if (len == 2 * alen)
		memcpy(id->mask.b, body + alen, alen);
	else
		memset(id->mask.b, 0xff, alen);
	return 0;
}

size_t ikev1_id_write(const struct ikev1_id *id, uint8_t *buf, size_t cap)
{
	size_t alen = id->family ? nfsec_ip_len(id->family) : 0;
	size_t len = 4;

	if (!alen)
		len += strlen(id->name);
	else
		len += alen * (id_is_subnet(id->type) || id_is_range(id->type)
				       ? 2
				       : 1);
	if (len > cap)
		return 0;
	buf[0] = id->type;
	buf[1] = id->proto;
	buf[2] = (uint8_t)(id->port >> 8);
	buf[3] = (uint8_t)id->port;
	if (!alen) {
		memcpy(buf + 4, id->name, len - 4);
		return len;
	}
	memcpy(buf + 4, id->addr.b, alen);
	if (len > 4 + alen)
		memcpy(buf + 4 + alen, id->mask.b, alen);
	return len;
}

/* One side of @sel as an identity: an address when the mask is full. */
static void id_side(uint8_t family, const union nfsec_ip *ip,
		    const union nfsec_ip *mask, uint8_t proto, uint16_t lo,
		    uint16_t hi, struct ikev1_id *id)
{
	size_t alen = nfsec_ip_len(family);
	uint8_t full[16];

	memset(id, 0, sizeof(*id));
	memset(full, 0xff, sizeof(full));
	id->family = family;
	id->proto = proto;
	id->port = lo == hi ? lo : 0; /* IDs carry one port or any */
	id->addr = *ip;
	id->mask = *mask;
	if (!memcmp(mask->b, full, alen))
		id->type = family == AF_INET ? IKEV1_ID_IPV4_ADDR
					     : IKEV1_ID_IPV6_ADDR;
	else
		id->type = family == AF_INET ? IKEV1_ID_IPV4_ADDR_SUBNET
					     : IKEV1_ID_IPV6_ADDR_SUBNET;
}

void ikev1_id_from_sel(const struct nfsec_sel *sel, struct ikev1_id *src,
		       struct ikev1_id *dst)
{
	id_side(sel->family, &sel->src, &sel->src_mask, sel->proto,
		sel->sport_lo, sel->sport_hi, src);
	id_side(sel->family, &sel->dst, &sel->dst_mask, sel->proto,
		sel->dport_lo, sel->dport_hi, dst);
}

/* A range is a selector only when it is a prefix: start/end of one. */
static int id_range_mask(const struct ikev1_id *id, union nfsec_ip *mask)
{
	size_t alen = nfsec_ip_len(id->family), i;

	memset(mask, 0, sizeof(*mask));
	for (i = 0; i < alen; i++) {
		mask->b[i] = (uint8_t) ~(id->addr.b[i] ^ id->mask.b[i]);
		/* the start's host bits 0, the end's 1 */
		if ((id->addr.b[i] & (uint8_t)~mask->b[i]) ||
		    (uint8_t)(id->mask.b[i] | mask->b[i]) != 0xff)
			return -EINVAL;
	}
	return nfsec_mask_len(id->family, mask) < 0 ? -EINVAL : 0;
}

static int id_to_side(const struct ikev1_id *id, union nfsec_ip *ip,
		      union nfsec_ip *mask, uint16_t *lo, uint16_t *hi)
{
	size_t alen = nfsec_ip_len(id->family), i;

	if (!id->family)
		return -EINVAL;
	*ip = id->addr;
	if (id_is_range(id->type)) {
		if (id_range_mask(id, mask))
			return -EINVAL;
	} else {
		*mask = id->mask;
	}
	for (i = 0; i < alen; i++)
		ip->b[i] &= mask->b[i];
	*lo = id->port;
	*hi = id->port ? id->port : 65535;
	return 0;
}

int ikev1_id_to_sel(const struct ikev1_id *src, const struct ikev1_id *dst,
		    struct nfsec_sel *sel)
{
	memset(sel, 0, sizeof(*sel));
	if (src->family != dst->family || src->proto != dst->proto)
		return -EINVAL;
	sel->family = src->family;
	sel->proto = src->proto;
	if (id_to_side(src, &sel->src, &sel->src_mask, &sel->sport_lo,
		       &sel->sport_hi) ||
	    id_to_side(dst, &sel->dst, &sel->dst_mask, &sel->dport_lo,
		       &sel->dport_hi))
		return -EINVAL;
	return 0;
}

/* Is (ip, mask) inside (net, netmask)?  Overlapping at all? */
static bool side_inside(uint8_t family, const union nfsec_ip *ip,
			const union nfsec_ip *mask, const union nfsec_ip *net,
			const union nfsec_ip *netmask)
{
	size_t i;

	for (i = 0; i < nfsec_ip_len(family); i++)
		if ((netmask->b[i] & ~mask->b[i]) ||
		    ((ip->b[i] ^ net->b[i]) & netmask->b[i]))
			return false;
	return true;
}

static bool side_overlaps(uint8_t family, const union nfsec_ip *ip,
			  const union nfsec_ip *mask, const union nfsec_ip *net,
			  const union nfsec_ip *netmask)
{
	size_t i;

	for (i = 0; i < nfsec_ip_len(family); i++)
		if ((ip->b[i] ^ net->b[i]) & mask->b[i] & netmask->b[i])
			return false;
	return true;
}

static bool ports_inside(uint16_t lo, uint16_t hi, uint16_t rlo, uint16_t rhi)
{
	return lo >= rlo && hi <= rhi;
}

static bool ports_overlap(uint16_t lo, uint16_t hi, uint16_t rlo, uint16_t rhi)
{
	return lo <= rhi && rlo <= hi;
}

static bool sel_inside(const struct nfsec_sel *w, const struct nfsec_sel *r)
{
	return (!r->proto || r->proto == w->proto) &&
	       side_inside(w->family, &w->src, &w->src_mask, &r->src,
			   &r->src_mask) &&
	       side_inside(w->family, &w->dst, &w->dst_mask, &r->dst,
			   &r->dst_mask) &&
	       ports_inside(w->sport_lo, w->sport_hi, r->sport_lo,
			    r->sport_hi) &&
	       ports_inside(w->dport_lo, w->dport_hi, r->dport_lo, r->dport_hi);
}

static bool sel_overlaps(const struct nfsec_sel *w, const struct nfsec_sel *r)
{
	return (!r->proto || !w->proto || r->proto == w->proto) &&
	       side_overlaps(w->family, &w->src, &w->src_mask, &r->src,
			     &r->src_mask) &&
	       side_overlaps(w->family, &w->dst, &w->dst_mask, &r->dst,
			     &r->dst_mask) &&
	       ports_overlap(w->sport_lo, w->sport_hi, r->sport_lo,
			     r->sport_hi) &&
	       ports_overlap(w->dport_lo, w->dport_hi, r->dport_lo,
			     r->dport_hi);
}

const struct conf_acl_rule *ikev1_acl_rule_for(const struct conf *c,
					       const struct conf_map_entry *e,
					       const struct nfsec_sel *flow)
{
	const struct conf_acl *a = e->acl[0] ? conf_acl_find(c, e->acl) : NULL;
	size_t i;

	for (i = 0; a && i < a->nrules; i++) {
		const struct conf_acl_rule *r = &a->rules[i];

		if (r->sel.family != flow->family ||
		    !sel_overlaps(flow, &r->sel))
			continue;
		return r->permit && sel_inside(flow, &r->sel) ? r : NULL;
	}
	return NULL;
}

int ikev1_proxy_check(const struct conf *c, const struct conf_map_entry *e,
		      const struct nfsec_sel *want, const char **why)
{
	const struct conf_acl *a = e->acl[0] ? conf_acl_find(c, e->acl) : NULL;
	const struct conf_acl_rule *r;
	size_t i;

	*why = "no access list";
	if (!a)
		return -EACCES;
	for (i = 0; i < a->nrules; i++) {
		r = &a->rules[i];
		if (r->sel.family != want->family ||
		    !sel_overlaps(want, &r->sel))
			continue;
		if (!r->permit) {
			*why = "denied by the access list";
			return -EACCES;
		}
		if (sel_inside(want, &r->sel))
			return 0;
		*why = "wider than the access list";
		return -EACCES;
	}
	*why = "not in the access list";
	return -EACCES;
}

const char *ikev1_id_str(const struct ikev1_id *id, char *buf, size_t len)
{
	char a[64], m[64];

	if (!id->family) {
		snprintf(buf, len, "%s/%u/%u", id->name, id->proto, id->port);
		return buf;
	}
	nfsec_ip_str(id->family, &id->addr, a, sizeof(a));
	nfsec_ip_str(id->family, &id->mask, m, sizeof(m));
	snprintf(buf, len, "%s/%s/%u/%u", a, m, id->proto, id->port);
	return buf;
}
