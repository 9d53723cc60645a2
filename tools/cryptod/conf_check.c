// SPDX-License-Identifier: GPL-2.0
/*
 * What a configuration means as a whole: references between its parts
 * (crypto map -> transform sets, access list, peers; interface -> crypto
 * map), what the kernel can hold, and warnings an IOS admin would want:
 * weak algorithms, incomplete entries, a peer routed out of another
 * interface than the one its crypto map is bound to.
 */
#include <string.h>
#include <strings.h>

#include "conf.h"

static void weak_policy(struct conf *c, const struct conf_policy *p)
{
	if (p->enc == CONF_IKE_DES)
		conf_diag(
			c, false, p->line, 0,
			"isakmp policy %u: DES (56-bit keys) is weak; accepted for compatibility",
			p->prio);
	if (p->hash == CONF_HASH_MD5)
		conf_diag(
			c, false, p->line, 0,
			"isakmp policy %u: MD5 is weak; accepted for compatibility",
			p->prio);
	if (p->group == 1 || p->group == 2 || p->group == 5)
		conf_diag(
			c, false, p->line, 0,
			"isakmp policy %u: Diffie-Hellman group %u (%u bits) is weak; accepted for compatibility",
			p->prio, p->group, conf_group_bits(p->group));
	if (p->auth != CONF_AUTH_PSK)
		conf_diag(
			c, false, p->line, 0,
			"isakmp policy %u: %s authentication is not negotiated yet; peers must use pre-share",
			p->prio,
			p->auth == CONF_AUTH_RSA_SIG ? "rsa-sig" : "rsa-encr");
}

static void weak_tset(struct conf *c, const struct conf_tset *t)
{
	if (t->esp_enc == NFSEC_ENC_DES_CBC)
		conf_diag(
			c, false, t->line, 0,
			"transform set %s: esp-des is weak; accepted for compatibility",
			t->name);
	if (t->esp_auth == NFSEC_AUTH_HMAC_MD5_96 ||
	    t->ah_auth == NFSEC_AUTH_HMAC_MD5_96)
		conf_diag(
			c, false, t->line, 0,
			"transform set %s: HMAC-MD5 is weak; accepted for compatibility",
			t->name);
}

/* @name as an address, or through `ip host`. */
static bool resolve(const struct conf *c, const char *name, uint8_t *family,
		    union nfsec_ip *addr)
{
	size_t i;

	*family = 0;
	if (!nfsec_ip_parse(name, family, addr))
		return true;
	for (i = 0; i < c->nhosts; i++)
		if (!strcasecmp(c->hosts[i].name, name)) {
			*family = c->hosts[i].family;
			*addr = c->hosts[i].addr;
			return true;
		}
	return false;
}

static void check_peers(struct conf *c, struct conf_map_entry *e)
{
	struct conf_peer *p;

	for (p = e->peers; p < e->peers + e->npeers; p++)
		if (!resolve(c, p->name, &p->family, &p->addr))
			conf_diag(
				c, true, p->line, 0,
				"crypto map %s %u: peer '%s' is neither an address nor an 'ip host' name",
				e->map, e->seq, p->name);
	for (p = e->peers + 1; p < e->peers + e->npeers; p++)
		if (p->family && e->peers[0].family &&
		    p->family != e->peers[0].family)
			conf_diag(
				c, true, p->line, 0,
				"crypto map %s %u: peer '%s' is IPv%c, and '%s' before it is not: an entry's peers share a family",
				e->map, e->seq, p->name,
				p->family == AF_INET6 ? '6' : '4',
				e->peers[0].name);
	if (e->manual && e->npeers > 1)
		conf_diag(
			c, true, e->peers[1].line, 0,
			"crypto map %s %u: an ipsec-manual entry has one peer",
			e->map, e->seq);
}

static void check_tsets(struct conf *c, struct conf_map_entry *e)
{
	size_t i;

	for (i = 0; i < e->ntsets; i++)
		if (!conf_tset_find(c, e->tsets[i]))
			conf_diag(
				c, true, e->tsets_line, 0,
				"crypto map %s %u: transform set '%s' does not exist",
				e->map, e->seq, e->tsets[i]);
	if (e->manual && e->ntsets > 1)
		conf_diag(
			c, true, e->tsets_line, 0,
			"crypto map %s %u: an ipsec-manual entry has one transform set",
			e->map, e->seq);
}

static void check_acl(struct conf *c, struct conf_map_entry *e)
{
	const struct conf_acl *a;
	size_t i;

	if (!e->acl[0])
		return;
	a = conf_acl_find(c, e->acl);
	if (!a) {
		conf_diag(c, true, e->acl_line, 0,
			  "crypto map %s %u: access list %s does not exist",
			  e->map, e->seq, e->acl);
		return;
	}
	if (a->standard) {
		conf_diag(
			c, true, e->acl_line, 0,
			"crypto map %s %u: access list %s is a standard list; a crypto map needs an extended one",
			e->map, e->seq, e->acl);
		return;
	}
	if (a->nrules > NFSEC_RULES_MAX)
		conf_diag(
			c, true, e->acl_line, 0,
			"crypto map %s %u: access list %s has %zu lines; at most %d",
			e->map, e->seq, e->acl, a->nrules, NFSEC_RULES_MAX);
	for (i = 0; i < a->nrules; i++)
		if (a->rules[i].permit)
			return;
	conf_diag(
		c, false, e->acl_line, 0,
		"crypto map %s %u: access list %s permits nothing, so nothing is protected",
		e->map, e->seq, e->acl);
}

static void check_key(struct conf *c, const struct conf_map_entry *e,
		      const struct conf_session_key *k, const char *what,
		      size_t cipherlen, size_t authlen)
{
	if (!k->set) {
		conf_diag(c, true, e->line, 0,
			  "crypto map %s %u: no 'set session-key %s'", e->map,
			  e->seq, what);
		return;
	}
	if (k->cipherlen != cipherlen)
		conf_diag(
			c, true, k->line, 0,
			"crypto map %s %u: session-key %s: the cipher key must be %zu bytes, not %zu",
			e->map, e->seq, what, cipherlen, k->cipherlen);
	if (k->authlen != authlen)
		conf_diag(
			c, true, k->line, 0,
			"crypto map %s %u: session-key %s: the authenticator key must be %zu bytes, not %zu",
			e->map, e->seq, what, authlen, k->authlen);
}

static void check_manual(struct conf *c, const struct conf_map_entry *e)
{
	const struct conf_tset *t;

	if (!e->ntsets)
		return;
	t = conf_tset_find(c, e->tsets[0]);
	if (!t)
		return;
	/*
	 * Their nonce is the sequence number, which starts at 1 again each
	 * time the SA is made: with a fixed key, nonces repeat and the
	 * cipher is broken (RFC 4106 and RFC 7634 forbid static keys).
	 */
	if (t->esp_enc == NFSEC_ENC_AES_GCM_16 ||
	    t->esp_enc == NFSEC_ENC_CHACHA20_POLY1305) {
		conf_diag(
			c, true, e->tsets_line, 0,
			"crypto map %s %u: transform set %s: %s cannot use manual keys (its nonces would repeat); use IKE (ipsec-isakmp) or a CBC cipher",
			e->map, e->seq, t->name,
			t->esp_enc == NFSEC_ENC_AES_GCM_16
				? "esp-gcm"
				: "esp-chacha20-poly1305");
		return;
	}
	if (t->esp) {
		check_key(c, e, &e->esp_in, "inbound esp",
			  conf_esp_enc_keylen(t),
			  conf_auth_keylen(t->esp_auth));
		check_key(c, e, &e->esp_out, "outbound esp",
			  conf_esp_enc_keylen(t),
			  conf_auth_keylen(t->esp_auth));
	}
	if (t->ah_auth) {
		check_key(c, e, &e->ah_in, "inbound ah", 0,
			  conf_auth_keylen(t->ah_auth));
		check_key(c, e, &e->ah_out, "outbound ah", 0,
			  conf_auth_keylen(t->ah_auth));
	}
}

static void check_entry(struct conf *c, struct conf_map_entry *e)
{
	check_peers(c, e);
	check_tsets(c, e);
	check_acl(c, e);
	if (!e->npeers || !e->ntsets || !e->acl[0]) {
		e->disabled = true;
		conf_diag(
			c, false, e->line, 0,
			"crypto map %s %u stays disabled until it has a peer, a transform set and an access list",
			e->map, e->seq);
		return;
	}
	if (e->manual)
		check_manual(c, e);
	if (e->replay.disabled)
		conf_diag(
			c, false, e->replay.line, 0,
			"crypto map %s %u: replay disable: its inbound SAs accept replayed packets",
			e->map, e->seq);
}

static bool map_exists(const struct conf *c, const char *map)
{
	size_t i;

	for (i = 0; i < c->nentries; i++)
		if (!strcmp(c->entries[i].map, map))
			return true;
	return false;
}

static void check_iface(struct conf *c, struct conf_iface *f)
{
	size_t i;

	for (i = 0; i < c->nifmaps; i++)
		if (!strcasecmp(c->ifmaps[i].ios, f->name)) {
			strcpy(f->ifname, c->ifmaps[i].ifname);
			break;
		}
	if (!f->ifname[0] && conf_ifname_ok(f->name))
		strcpy(f->ifname, f->name);
	if (!f->map[0])
		return;
	if (!map_exists(c, f->map))
		conf_diag(c, true, f->map_line, 0,
			  "interface %s: crypto map %s does not exist", f->name,
			  f->map);
	if (!f->ifname[0])
		conf_diag(
			c, true, f->line, 0,
			"interface %s cannot be a Linux name; add 'nfsec interface-map %s LINUX-NAME'",
			f->name, f->name);
}

/* crypto map MAP local-address IFACE: the map exists, IFACE is Linux's. */
static void check_local_address(struct conf *c)
{
	size_t i;

	if (!c->local.line)
		return;
	for (i = 0; i < c->nifmaps; i++)
		if (!strcasecmp(c->ifmaps[i].ios, c->local.name))
			strcpy(c->local.ifname, c->ifmaps[i].ifname);
	if (!c->local.ifname[0] && conf_ifname_ok(c->local.name))
		strcpy(c->local.ifname, c->local.name);
	if (!map_exists(c, c->local.map))
		conf_diag(c, true, c->local.line, 0,
			  "local-address: crypto map %s does not exist",
			  c->local.map);
	if (!c->local.ifname[0])
		conf_diag(
			c, true, c->local.line, 0,
			"local-address %s cannot be a Linux name; add 'nfsec interface-map %s LINUX-NAME'",
			c->local.name, c->local.name);
}

static bool in_prefix(uint8_t family, const union nfsec_ip *a,
		      const union nfsec_ip *net, const union nfsec_ip *mask)
{
	size_t i;

	for (i = 0; i < nfsec_ip_len(family); i++)
		if ((a->b[i] & mask->b[i]) != (net->b[i] & mask->b[i]))
			return false;
	return true;
}

/* The interface whose connected subnet holds @a, longest mask first. */
static const struct conf_iface *connected(const struct conf *c, uint8_t family,
					  const union nfsec_ip *a)
{
	const struct conf_iface *best = NULL;
	int plen, best_len = -1;
	size_t i, k;

	for (i = 0; i < c->nifaces; i++)
		for (k = 0; k < c->ifaces[i].naddrs; k++) {
			if (c->ifaces[i].addrs[k].family != family ||
			    !in_prefix(family, a, &c->ifaces[i].addrs[k].addr,
				       &c->ifaces[i].addrs[k].mask))
				continue;
			plen = nfsec_mask_len(family,
					      &c->ifaces[i].addrs[k].mask);
			if (plen > best_len) {
				best_len = plen;
				best = &c->ifaces[i];
			}
		}
	return best;
}

static const struct conf_iface *iface_named(const struct conf *c,
					    const char *name)
{
	size_t i;

	for (i = 0; i < c->nifaces; i++)
		if (!strcasecmp(c->ifaces[i].name, name))
			return &c->ifaces[i];
	return NULL;
}

/* Where the configuration sends @a: connected, else the longest route. */
static const struct conf_iface *egress(const struct conf *c, uint8_t family,
				       const union nfsec_ip *a)
{
	const struct conf_route *r, *best = NULL;
	const struct conf_iface *f = connected(c, family, a);
	int plen, best_len = -1;
	size_t i;

	if (f)
		return f;
	/* by index: routes is NULL when there are none */
	for (i = 0; i < c->nroutes; i++) {
		r = &c->routes[i];
		if (r->family != family ||
		    !in_prefix(family, a, &r->prefix, &r->mask))
			continue;
		plen = nfsec_mask_len(family, &r->mask);
		if (plen > best_len) {
			best_len = plen;
			best = r;
		}
	}
	if (!best)
		return NULL;
	if (best->dev[0])
		return iface_named(c, best->dev);
	return connected(c, family, &best->via);
}

/* A peer reached through another interface than the bound one. */
static void check_routing(struct conf *c, const struct conf_iface *f)
{
	const struct conf_iface *out;
	const struct conf_peer *p;
	size_t i;

	for (i = 0; i < c->nentries; i++) {
		if (strcmp(c->entries[i].map, f->map))
			continue;
		for (p = c->entries[i].peers;
		     p < c->entries[i].peers + c->entries[i].npeers; p++) {
			if (!p->family)
				continue;
			out = egress(c, p->family, &p->addr);
			if (out && out != f)
				conf_diag(
					c, false, f->map_line, 0,
					"crypto map %s is bound to %s, but peer %s is reached through %s",
					f->map, f->name, p->name, out->name);
		}
	}
}

void conf_check(struct conf *c)
{
	size_t i;

	for (i = 0; i < c->npolicies; i++)
		weak_policy(c, &c->policies[i]);
	for (i = 0; i < c->ntsets; i++)
		weak_tset(c, &c->tsets[i]);
	for (i = 0; i < c->nentries; i++)
		check_entry(c, &c->entries[i]);
	for (i = 0; i < c->nifaces; i++)
		check_iface(c, &c->ifaces[i]);
	check_local_address(c);
	for (i = 0; i < c->nifaces; i++)
		if (c->ifaces[i].map[0])
			check_routing(c, &c->ifaces[i]);
	if (c->replay.disabled)
		conf_diag(
			c, false, c->replay.line, 0,
			"security-association replay disable: inbound SAs accept replayed packets");
	if (c->identity == CONF_ID_HOSTNAME && !c->hostname[0])
		conf_diag(c, false, 0, 0,
			  "crypto isakmp identity hostname, but no 'hostname'");
	/* AM2 carries a hash of the key to anyone who sends AM1 */
	if (!c->aggressive_off && c->npsks)
		conf_diag(
			c, false, c->psks[0].line, 0,
			"Aggressive Mode answers any peer with a hash of its pre-shared key (an offline dictionary attack); add 'crypto isakmp aggressive-mode disable' unless a peer needs it");
}
