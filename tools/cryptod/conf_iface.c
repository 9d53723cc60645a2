// SPDX-License-Identifier: GPL-2.0
/*
 * Interfaces (their addresses and crypto map), static routes, ip host,
 * the domain name, and nfsec interface-map.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf_parse_int.h"

/* ---- interfaces, routes, hosts ---- */

void cp_interface(struct conf_parser *p)
{
	struct conf *c = p->c;
	struct conf_iface *f;
	char name[CONF_NAME_MAX];
	size_t i;

	if (!cp_need_name(p, 1, "interface name", name, sizeof(name)))
		return;
	if (cp_word(p, 2) && !cp_word_is(p, 2, "point-to-point") &&
	    !cp_word_is(p, 2, "multipoint")) {
		cp_at_end(p, 2);
		return;
	}
	for (i = 0; i < c->nifaces; i++)
		if (!strcasecmp(c->ifaces[i].name, name))
			break;
	if (i == c->nifaces) {
		f = CP_PUSH(p, c->ifaces, c->nifaces);
		if (!f)
			return;
		strcpy(f->name, name);
		f->line = p->l->no;
	}
	p->cur = i;
	p->mode = MODE_IFACE;
}

static void iface_address(struct conf_parser *p, struct conf_iface *f, bool v6)
{
	uint8_t fam;
	union nfsec_ip ip, mask;

	if (!v6 && (cp_word_is(p, 2, "negotiated") ||
		    cp_word_is(p, 2, "dhcp") || cp_word_is(p, 2, "unnumbered")))
		return;
	if (f->naddrs == sizeof(f->addrs) / sizeof(f->addrs[0])) {
		cp_err(p, 2, "too many addresses on interface %s", f->name);
		return;
	}
	if (v6) {
		if (!cp_need(p, 2, "PREFIX/LEN"))
			return;
		fam = 0;
		if (nfsec_prefix_parse(cp_word(p, 2), &fam, &ip, &mask) ||
		    fam != AF_INET6) {
			cp_err(p, 2, "expected an IPv6 PREFIX/LEN, not '%s'",
			       cp_word(p, 2));
			return;
		}
	} else if (!cp_need_ip(p, 2, AF_INET, "interface address", &fam, &ip) ||
		   !cp_need_ip(p, 3, AF_INET, "interface mask", &fam, &mask) ||
		   !(cp_word_is(p, 4, "secondary") ? cp_at_end(p, 5)
						   : cp_at_end(p, 4))) {
		return;
	}
	f->addrs[f->naddrs].family = fam;
	f->addrs[f->naddrs].addr = ip;
	f->addrs[f->naddrs].mask = mask;
	f->naddrs++;
}

/*
 * crypto map NAME, or ipv6 crypto map NAME (IOS's IPv6 binding), from word
 * @i.  The kernel binds one map to an interface; both may name that one.
 */
static void iface_map(struct conf_parser *p, struct conf_iface *f, size_t i)
{
	char name[NFSEC_MAP_NAME_MAX];

	if (!cp_need_name(p, i, "crypto map name", name, sizeof(name)) ||
	    !cp_at_end(p, i + 1))
		return;
	if (f->map_line && strcmp(f->map, name)) {
		cp_err(p, i,
		       "interface %s has crypto map %s (line %u); cryptod binds one map per interface, for IPv4 and IPv6 alike",
		       f->name, f->map, f->map_line);
		return;
	}
	strcpy(f->map, name);
	f->map_line = p->l->no;
}

/* Words that start a global command even inside a block (see below). */
static bool global_ip_word(const char *w)
{
	static const char *const words[] = {
		"access-list", "classless",   "default-gateway",
		"domain",      "domain-list", "domain-lookup",
		"domain-name", "host",	      "name-server",
		"route",       "routing",     "subnet-zero",
		"cef",	       "http",	      "unicast-routing",
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (cp_is(w, words[i]))
			return true;
	return false;
}

/*
 * Inside interface or other non-crypto blocks, most words are the block's
 * own (ignored); these leave it.
 */
bool cp_global_starter(const struct conf_parser *p)
{
	static const char *const words[] = {
		"access-list", "aaa",	    "banner",  "boot",
		"dialer-list", "enable",    "end",     "hostname",
		"hub",	       "interface", "line",    "logging",
		"nfsec",       "ntp",	    "router",  "service",
		"snmp-server", "username",  "version",
	};
	const char *w = cp_word(p, 0);
	size_t i;

	if ((cp_is(w, "ip") || cp_is(w, "ipv6")) &&
	    global_ip_word(cp_word(p, 1)))
		return true;
	if (cp_is(w, "crypto"))
		return !cp_word_is(p, 1, "map") || p->l->n != 3;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (cp_is(w, words[i]))
			return true;
	return false;
}

bool cp_in_iface(struct conf_parser *p)
{
	struct conf_iface *f = &p->c->ifaces[p->cur];

	if (cp_global_starter(p))
		return false;
	if (cp_word_is(p, 0, "ip") && cp_word_is(p, 1, "address"))
		iface_address(p, f, false);
	else if (cp_word_is(p, 0, "ipv6") && cp_word_is(p, 1, "address"))
		iface_address(p, f, true);
	else if (cp_word_is(p, 0, "crypto") && cp_word_is(p, 1, "map"))
		iface_map(p, f, 2);
	else if (cp_word_is(p, 0, "ipv6") && cp_word_is(p, 1, "crypto") &&
		 cp_word_is(p, 2, "map"))
		iface_map(p, f, 3);
	else if (cp_word_is(p, 0, "shutdown"))
		f->shutdown = true;
	else if (cp_word_is(p, 0, "no") && cp_word_is(p, 1, "shutdown"))
		f->shutdown = false;
	return true; /* the interface's other commands are not ours */
}

/* ip route PREFIX MASK NEXTHOP|IFACE [DISTANCE] ... / ipv6 route P/L ... */
static void parse_route(struct conf_parser *p, bool v6)
{
	struct conf_route r = { .line = p->l->no };
	struct conf_route *slot;
	size_t i = 4;
	uint8_t f;

	if (v6) {
		if (!cp_need(p, 2, "PREFIX/LEN"))
			return;
		if (nfsec_prefix_parse(cp_word(p, 2), &r.family, &r.prefix,
				       &r.mask) ||
		    r.family != AF_INET6) {
			cp_err(p, 2, "expected an IPv6 PREFIX/LEN, not '%s'",
			       cp_word(p, 2));
			return;
		}
		i = 3;
	} else if (!cp_need_ip(p, 2, AF_INET, "route prefix", &r.family,
			       &r.prefix) ||
		   !cp_need_ip(p, 3, AF_INET, "route mask", &f, &r.mask)) {
		return;
	}
	if (!cp_need(p, i, "a next hop or an interface"))
		return;
	f = 0;
	if (nfsec_ip_parse(cp_word(p, i), &f, &r.via) || f != r.family) {
		if (strlen(cp_word(p, i)) >= sizeof(r.dev))
			return;
		strcpy(r.dev, cp_word(p, i));
	}
	slot = CP_PUSH(p, p->c->routes, p->c->nroutes);
	if (slot)
		*slot = r;
}

/* ip host NAME [TCP-PORT] ADDR [ADDR...] */
static void parse_ip_host(struct conf_parser *p)
{
	struct conf_host h = { .line = p->l->no };
	struct conf_host *slot;
	size_t i = 3;

	if (!cp_need_name(p, 2, "host name", h.name, sizeof(h.name)))
		return;
	if (cp_word(p, 3) && !strpbrk(cp_word(p, 3), ".:"))
		i = 4; /* a TCP port for telnet */
	if (!cp_need_ip(p, i, 0, "host address", &h.family, &h.addr))
		return;
	slot = CP_PUSH(p, p->c->hosts, p->c->nhosts);
	if (slot)
		*slot = h;
}

void cp_ip(struct conf_parser *p, bool v6)
{
	if (cp_word_is(p, 1, "route"))
		parse_route(p, v6);
	else if (!v6 && cp_word_is(p, 1, "host"))
		parse_ip_host(p);
	else if (!v6 &&
		 (cp_word_is(p, 1, "domain-name") ||
		  (cp_word_is(p, 1, "domain") && cp_word_is(p, 2, "name"))))
		cp_need_name(p, cp_word_is(p, 1, "domain") ? 3 : 2,
			     "domain name", p->c->domain, sizeof(p->c->domain));
	else if (!v6 && cp_word_is(p, 1, "access-list") &&
		 cp_word_is(p, 2, "extended"))
		cp_named_acl(p, 3, ACL_EXTENDED);
	else if (!v6 && cp_word_is(p, 1, "access-list") &&
		 cp_word_is(p, 2, "standard"))
		cp_named_acl(p, 3, ACL_STANDARD);
	else if (!v6 && cp_word_is(p, 1, "access-list"))
		cp_err(p, 2,
		       "expected 'extended' or 'standard' after 'ip access-list'");
	else if (v6 && cp_word_is(p, 1, "access-list"))
		cp_named_acl(p, 2, ACL_IPV6);
}

/* nfsec interface-map IOS-NAME LINUX-NAME */
void cp_nfsec(struct conf_parser *p)
{
	struct conf_ifmap m = { .line = p->l->no };
	struct conf_ifmap *slot;

	if (!cp_word_is(p, 1, "interface-map")) {
		if (cp_need(p, 1, "interface-map"))
			cp_err(p, 1,
			       "unknown nfsec command '%s' (interface-map)",
			       cp_word(p, 1));
		return;
	}
	if (!cp_need_name(p, 2, "IOS interface name", m.ios, sizeof(m.ios)) ||
	    !cp_need(p, 3, "a Linux interface name"))
		return;
	if (!conf_ifname_ok(cp_word(p, 3))) {
		cp_err(p, 3,
		       "'%s' cannot be a Linux interface name (1-15 characters, no '/', ':' or space)",
		       cp_word(p, 3));
		return;
	}
	strcpy(m.ifname, cp_word(p, 3));
	if (!cp_at_end(p, 4))
		return;
	slot = CP_PUSH(p, p->c->ifmaps, p->c->nifmaps);
	if (slot)
		*slot = m;
}
