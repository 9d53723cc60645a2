// SPDX-License-Identifier: GPL-2.0
/*
 * Access lists, numbered and named (IPv4 and IPv6), as crypto map
 * selectors: rules into the kernel's selectors, IOS wildcards inverted.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf_parse_int.h"

/* ---- access lists ---- */

static const struct {
	const char *name;
	uint16_t port;
} conf_ports[] = {
	{ "bgp", 179 },	   { "bootpc", 68 },
	{ "bootps", 67 },  { "domain", 53 },
	{ "ftp", 21 },	   { "ftp-data", 20 },
	{ "isakmp", 500 }, { "non500-isakmp", 4500 },
	{ "ntp", 123 },	   { "pop3", 110 },
	{ "smtp", 25 },	   { "snmp", 161 },
	{ "syslog", 514 }, { "tacacs", 49 },
	{ "telnet", 23 },  { "tftp", 69 },
	{ "www", 80 },
};

static bool need_port(struct conf_parser *p, size_t i, uint16_t *port)
{
	const char *w = cp_need(p, i, "a port");
	uint64_t v;
	size_t k;

	if (!w)
		return false;
	for (k = 0; k < sizeof(conf_ports) / sizeof(conf_ports[0]); k++)
		if (cp_is(w, conf_ports[k].name)) {
			*port = conf_ports[k].port;
			return true;
		}
	if (!cp_need_uint(p, i, 0, 65535, "port", &v))
		return false;
	*port = (uint16_t)v;
	return true;
}

/* eq P | lt P | gt P | range A B at *i, when there; false on error. */
static bool acl_ports(struct conf_parser *p, size_t *i, uint8_t proto,
		      uint16_t *lo, uint16_t *hi)
{
	const char *w = cp_word(p, *i);
	uint16_t a, b;

	*lo = 0;
	*hi = 65535;
	if (!cp_is(w, "eq") && !cp_is(w, "lt") && !cp_is(w, "gt") &&
	    !cp_is(w, "range") && !cp_is(w, "neq"))
		return true;
	if (proto != IPPROTO_TCP && proto != IPPROTO_UDP) {
		cp_err(p, *i, "ports need tcp or udp");
		return false;
	}
	if (cp_is(w, "neq")) {
		cp_err(p, *i,
		       "'neq' cannot be matched by a crypto access list; use ranges");
		return false;
	}
	if (!need_port(p, *i + 1, &a))
		return false;
	*i += 2;
	if (cp_is(w, "eq")) {
		*lo = *hi = a;
	} else if (cp_is(w, "lt") && a > 0) {
		*hi = a - 1;
	} else if (cp_is(w, "gt") && a < 65535) {
		*lo = a + 1;
	} else if (cp_is(w, "range")) {
		if (!need_port(p, *i, &b))
			return false;
		if (b < a) {
			cp_err(p, *i, "port range %u-%u is reversed", a, b);
			return false;
		}
		*lo = a;
		*hi = b;
		++*i;
	} else {
		cp_err(p, *i - 2, "'%s %u' matches no port", w, a);
		return false;
	}
	return true;
}

/* IPv4: any | host A | A WILDCARD.  IPv6: any | host A | A/LEN. */
static bool acl_addr(struct conf_parser *p, size_t *i, bool v6, uint8_t *family,
		     union nfsec_ip *ip, union nfsec_ip *mask)
{
	uint8_t want = v6 ? AF_INET6 : AF_INET, f = want;
	const char *w =
		cp_need(p, *i, "an address (any, host A or A WILDCARD)");
	union nfsec_ip wild;
	size_t k, len = nfsec_ip_len(want);

	if (!w)
		return false;
	memset(ip, 0, sizeof(*ip));
	memset(mask, 0, sizeof(*mask));
	if (cp_is(w, "any")) {
		++*i;
		*family = want;
		return true;
	}
	if (cp_is(w, "host")) {
		if (!cp_need_ip(p, *i + 1, want, "host", &f, ip))
			return false;
		memset(mask, 0xff, len);
		*i += 2;
	} else if (v6) {
		if (nfsec_prefix_parse(w, &f, ip, mask) || f != AF_INET6 ||
		    !strchr(w, '/')) {
			cp_err(p, *i,
			       "expected any, host A or PREFIX/LEN, not '%s'",
			       w);
			return false;
		}
		++*i;
	} else {
		if (!cp_need_ip(p, *i, want, "address", &f, ip) ||
		    !cp_need_ip(p, *i + 1, want, "wildcard mask", &f, &wild))
			return false;
		for (k = 0; k < len; k++)
			mask->b[k] = (uint8_t)~wild.b[k];
		*i += 2;
	}
	for (k = 0; k < len; k++)
		ip->b[k] &= mask->b[k];
	*family = want;
	return true;
}

static bool acl_proto(struct conf_parser *p, size_t i, bool v6, uint8_t *proto)
{
	const char *w = cp_need(p, i, "a protocol");
	uint64_t v;

	if (!w)
		return false;
	if (cp_is(w, v6 ? "ipv6" : "ip")) {
		*proto = 0;
		return true;
	}
	if (cp_is(w, "ahp")) {
		*proto = IPPROTO_AH;
		return true;
	}
	if (cp_is(w, "icmp") && v6) {
		*proto = IPPROTO_ICMPV6;
		return true;
	}
	if (isdigit((unsigned char)w[0])) {
		if (!cp_need_uint(p, i, 0, 255, "protocol", &v))
			return false;
		*proto = (uint8_t)v;
		return true;
	}
	if (!nfsec_proto_parse(w, proto))
		return true;
	cp_err(p, i, "unknown protocol '%s'", w);
	return false;
}

/* [SEQ] permit|deny ... at word @i of the line, into ACL @a. */
static void acl_rule(struct conf_parser *p, size_t i, struct conf_acl *a)
{
	struct conf_acl_rule r = { .line = p->l->no };
	bool v6 = p->acl_kind == ACL_IPV6;
	struct nfsec_sel *s = &r.sel;
	struct conf_acl_rule *slot;

	r.permit = cp_word_is(p, i, "permit");
	if (!r.permit && !cp_word_is(p, i, "deny")) {
		if (cp_need(p, i, "permit or deny"))
			cp_err(p, i,
			       "expected permit, deny or remark, not '%s'",
			       cp_word(p, i));
		return;
	}
	i++;
	if (p->acl_kind == ACL_STANDARD) {
		if (cp_word(p, i) && !cp_word(p, i + 1) &&
		    !cp_word_is(p, i, "any")) {
			/* "permit 192.0.2.1": a lone address is a host */
			if (!cp_need_ip(p, i, AF_INET, "address", &s->family,
					&s->src))
				return;
			memset(&s->src_mask, 0xff, 4);
			i++;
		} else if (!acl_addr(p, &i, false, &s->family, &s->src,
				     &s->src_mask)) {
			return;
		}
		s->dport_hi = s->sport_hi = 65535;
		goto tail;
	}
	if (!acl_proto(p, i++, v6, &s->proto) ||
	    !acl_addr(p, &i, v6, &s->family, &s->src, &s->src_mask) ||
	    !acl_ports(p, &i, s->proto, &s->sport_lo, &s->sport_hi) ||
	    !acl_addr(p, &i, v6, &s->family, &s->dst, &s->dst_mask) ||
	    !acl_ports(p, &i, s->proto, &s->dport_lo, &s->dport_hi))
		return;
tail:
	if (cp_word_is(p, i, "log") || cp_word_is(p, i, "log-input"))
		i++;
	if (cp_word(p, i) &&
	    (s->proto == IPPROTO_ICMP || s->proto == IPPROTO_ICMPV6) &&
	    p->acl_kind != ACL_STANDARD) {
		cp_err(p, i,
		       "a crypto access list cannot match ICMP message types ('%s')",
		       cp_word(p, i));
		return;
	}
	if (cp_word_is(p, i, "established")) {
		cp_err(p, i,
		       "'established' cannot be matched by a crypto access list");
		return;
	}
	if (!cp_at_end(p, i))
		return;
	slot = CP_PUSH(p, a->rules, a->nrules);
	if (slot)
		*slot = r;
}

/* The ACL named @name, created (of @kind) when new; NULL on error. */
static struct conf_acl *acl_get(struct conf_parser *p, size_t i,
				const char *name, enum conf_acl_kind kind)
{
	struct conf *c = p->c;
	struct conf_acl *a;
	size_t k;

	for (k = 0; k < c->nacls; k++) {
		a = &c->acls[k];
		if (strcmp(a->name, name))
			continue;
		if (a->standard != (kind == ACL_STANDARD) ||
		    a->ipv6 != (kind == ACL_IPV6)) {
			cp_err(p, i,
			       "access list %s is already of another kind",
			       name);
			return NULL;
		}
		p->cur = k;
		return a;
	}
	if (strlen(name) >= CONF_NAME_MAX) {
		cp_err(p, i, "access list name is longer than %d characters",
		       CONF_NAME_MAX - 1);
		return NULL;
	}
	a = CP_PUSH(p, c->acls, c->nacls);
	if (!a)
		return NULL;
	strcpy(a->name, name);
	a->standard = kind == ACL_STANDARD;
	a->ipv6 = kind == ACL_IPV6;
	a->line = p->l->no;
	p->cur = c->nacls - 1;
	return a;
}

/* access-list N permit|deny|remark ... */
void cp_access_list(struct conf_parser *p)
{
	struct conf_acl *a;
	uint64_t n;

	if (!cp_need_uint(p, 1, 1, 2699, "access list number", &n))
		return;
	if ((n >= 200 && n < 1300) || n < 1) {
		cp_err(p, 1,
		       "access list %llu is not an IP access list (1-199, 1300-2699)",
		       (unsigned long long)n);
		return;
	}
	p->acl_kind = n < 100 || (n >= 1300 && n < 2000) ? ACL_STANDARD
							 : ACL_EXTENDED;
	if (cp_word_is(p, 2, "remark"))
		return;
	a = acl_get(p, 1, cp_word(p, 1), p->acl_kind);
	if (a)
		acl_rule(p, 2, a);
}

bool cp_in_acl(struct conf_parser *p)
{
	size_t i = 0;

	if (cp_word_is(p, 0, "remark"))
		return true;
	if (cp_word(p, 0) && isdigit((unsigned char)cp_word(p, 0)[0]))
		i = 1; /* a sequence number, as IOS 12.3 shows them */
	if (!cp_word_is(p, i, "permit") && !cp_word_is(p, i, "deny")) {
		if (i)
			cp_err(p, 1,
			       "expected permit or deny after the sequence number");
		return i != 0;
	}
	acl_rule(p, i, &p->c->acls[p->cur]);
	return true;
}

void cp_named_acl(struct conf_parser *p, size_t i, enum conf_acl_kind kind)
{
	char name[CONF_NAME_MAX];

	if (!cp_need_name(p, i, "access list name", name, sizeof(name)) ||
	    !cp_at_end(p, i + 1))
		return;
	p->acl_kind = kind;
	if (acl_get(p, i, name, kind))
		p->mode = MODE_ACL;
}
