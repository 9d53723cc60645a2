// SPDX-License-Identifier: GPL-2.0
/*
 * crypto map: entries (peers, transform sets, PFS, lifetimes, access
 * list, manual session keys) and the map's local address.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "algs.h"
#include "conf_parse_int.h"

/*
 * crypto map NAME local-address IFACE: IKE and the SAs from IFACE's
 * address.  cryptod has one local address, so every map must name the
 * same interface.
 */
static void map_local_address(struct conf_parser *p, const char *map)
{
	struct conf *c = p->c;
	char name[CONF_NAME_MAX];

	if (!cp_need_name(p, 4, "interface name", name, sizeof(name)) ||
	    !cp_at_end(p, 5))
		return;
	if (c->local.line && strcasecmp(c->local.name, name)) {
		cp_err(p, 4,
		       "crypto map %s local-address %s: cryptod has one local address, and line %u chose %s",
		       map, name, c->local.line, c->local.name);
		return;
	}
	if (c->local.line)
		return;
	strcpy(c->local.map, map);
	strcpy(c->local.name, name);
	c->local.line = p->l->no;
}

/* ---- crypto map ---- */

void cp_map(struct conf_parser *p)
{
	struct conf_map_entry *e;
	struct conf *c = p->c;
	char name[NFSEC_MAP_NAME_MAX];
	bool manual = false;
	uint64_t seq;
	size_t i;

	if (!cp_need_name(p, 2, "crypto map name", name, sizeof(name)))
		return;
	if (cp_word_is(p, 3, "local-address")) {
		map_local_address(p, name);
		return;
	}
	if (!cp_need_uint(p, 3, 1, 65535, "crypto map sequence number", &seq))
		return;
	if (cp_word_is(p, 4, "ipsec-manual"))
		manual = true;
	else if (cp_word(p, 4) && !cp_word_is(p, 4, "ipsec-isakmp")) {
		cp_err(p, 4,
		       "unknown crypto map type '%s' (ipsec-isakmp or ipsec-manual)",
		       cp_word(p, 4));
		return;
	}
	if (!cp_at_end(p, cp_word(p, 4) ? 5 : 4))
		return;
	for (i = 0; i < c->nentries; i++)
		if (!strcmp(c->entries[i].map, name) &&
		    c->entries[i].seq == seq)
			break;
	if (i < c->nentries && c->entries[i].manual != manual &&
	    cp_word(p, 4)) {
		cp_err(p, 4, "crypto map %s %llu is already %s", name,
		       (unsigned long long)seq,
		       manual ? "ipsec-isakmp" : "ipsec-manual");
		return;
	}
	if (i == c->nentries) {
		e = CP_PUSH(p, c->entries, c->nentries);
		if (!e)
			return;
		strcpy(e->map, name);
		e->seq = (uint32_t)seq;
		e->manual = manual;
		e->line = p->l->no;
	}
	p->cur = i;
	p->mode = MODE_MAP;
}

static void map_peer(struct conf_parser *p, struct conf_map_entry *e)
{
	struct conf_peer *peer;
	size_t i;

	if (!cp_need(p, 2, "a peer address or host name") || !cp_at_end(p, 3))
		return;
	for (i = 0; i < e->npeers; i++)
		if (!strcasecmp(e->peers[i].name, cp_word(p, 2)))
			return;
	if (e->npeers == CONF_PEERS_MAX) {
		cp_err(p, 2, "a crypto map entry has at most %d peers",
		       CONF_PEERS_MAX);
		return;
	}
	peer = &e->peers[e->npeers];
	if (!cp_need_name(p, 2, "peer", peer->name, sizeof(peer->name)))
		return;
	peer->line = p->l->no;
	e->npeers++;
}

static void map_tsets(struct conf_parser *p, struct conf_map_entry *e)
{
	size_t i;

	if (!cp_need(p, 2, "a transform set name"))
		return;
	if (p->l->n - 2 > CONF_TSETS_MAX) {
		cp_err(p, 2 + CONF_TSETS_MAX, "at most %d transform sets",
		       CONF_TSETS_MAX);
		return;
	}
	for (i = 2; i < p->l->n; i++)
		if (!cp_need_name(p, i, "transform set name", e->tsets[i - 2],
				  CONF_NAME_MAX))
			return;
	e->ntsets = p->l->n - 2;
	e->tsets_line = p->l->no;
}

static void map_pfs(struct conf_parser *p, struct conf_map_entry *e)
{
	const char *w = cp_word(p, 2);
	char *end;
	long g;

	if (!w) {
		e->pfs_group = 1; /* IOS: bare "set pfs" is group1 */
		return;
	}
	g = strncasecmp(w, "group", 5) ? -1 : strtol(w + 5, &end, 10);
	if (g < 0 || *end || !conf_group_known((unsigned int)g)) {
		cp_err(p, 2,
		       "unknown PFS group '%s' (group1, group2, group5, group14, group15, group16, group19, group20, group21)",
		       w);
		return;
	}
	if (cp_at_end(p, 3))
		e->pfs_group = (uint8_t)g;
}

/* A hex key at word @i into @out (never echoed). */
static bool need_hex_key(struct conf_parser *p, size_t i, const char *what,
			 uint8_t *out, size_t *len)
{
	const char *w = cp_need(p, i, what);
	int n;

	if (!w)
		return false;
	n = nfsec_hex_parse(w, out, CONF_KEY_MAX);
	if (n <= 0) {
		cp_err(p, i, "%s: expected up to %d bytes in hex", what,
		       CONF_KEY_MAX);
		return false;
	}
	*len = (size_t)n;
	return true;
}

/*
 * set session-key inbound|outbound esp SPI cipher HEX [authenticator HEX]
 * set session-key inbound|outbound esp SPI authenticator HEX
 * set session-key inbound|outbound ah SPI HEX
 */
static void map_session_key(struct conf_parser *p, struct conf_map_entry *e)
{
	struct conf_session_key k = { .set = true, .line = p->l->no };
	bool in = cp_word_is(p, 2, "inbound"), esp = cp_word_is(p, 3, "esp");
	struct conf_session_key *slot;
	uint64_t spi;
	size_t i = 5;

	if (!e->manual) {
		cp_err(p, 0,
		       "set session-key needs an ipsec-manual crypto map entry");
		return;
	}
	if (!in && !cp_word_is(p, 2, "outbound")) {
		if (cp_need(p, 2, "inbound or outbound"))
			cp_err(p, 2, "expected inbound or outbound, not '%s'",
			       cp_word(p, 2));
		return;
	}
	if (!esp && !cp_word_is(p, 3, "ah")) {
		if (cp_need(p, 3, "esp or ah"))
			cp_err(p, 3, "expected esp or ah, not '%s'",
			       cp_word(p, 3));
		return;
	}
	if (!cp_need_uint(p, 4, 256, 4294967295ULL, "SPI", &spi))
		return;
	k.spi = (uint32_t)spi;
	if (!esp) {
		if (!need_hex_key(p, 5, "AH key", k.auth, &k.authlen) ||
		    !cp_at_end(p, 6))
			goto wipe;
		slot = in ? &e->ah_in : &e->ah_out;
		goto store;
	}
	if (cp_word_is(p, i, "cipher")) {
		if (!need_hex_key(p, i + 1, "cipher key", k.cipher,
				  &k.cipherlen))
			goto wipe;
		i += 2;
	}
	if (cp_word_is(p, i, "authenticator")) {
		if (!need_hex_key(p, i + 1, "authenticator key", k.auth,
				  &k.authlen))
			goto wipe;
		i += 2;
	}
	if (i == 5) {
		if (cp_need(p, i, "cipher or authenticator"))
			cp_err(p, i,
			       "expected cipher or authenticator, not '%s'",
			       cp_word(p, i));
		goto wipe;
	}
	if (!cp_at_end(p, i))
		goto wipe;
	slot = in ? &e->esp_in : &e->esp_out;
store:
	*slot = k;
wipe:
	explicit_bzero(&k, sizeof(k));
}

bool cp_in_map(struct conf_parser *p)
{
	struct conf_map_entry *e = &p->c->entries[p->cur];

	if (cp_word_is(p, 0, "description"))
		return true;
	if (cp_word_is(p, 0, "match")) {
		if (!cp_word_is(p, 1, "address")) {
			if (cp_need(p, 1, "'address'"))
				cp_err(p, 1,
				       "expected 'match address', not 'match %s'",
				       cp_word(p, 1));
		} else if (cp_need_name(p, 2, "access list", e->acl,
					sizeof(e->acl)) &&
			   cp_at_end(p, 3)) {
			e->acl_line = p->l->no;
		}
		return true;
	}
	if (!cp_word_is(p, 0, "set"))
		return false;
	if (cp_word_is(p, 1, "peer"))
		map_peer(p, e);
	else if (cp_word_is(p, 1, "transform-set"))
		map_tsets(p, e);
	else if (cp_word_is(p, 1, "pfs"))
		map_pfs(p, e);
	else if (cp_word_is(p, 1, "security-association") &&
		 cp_word_is(p, 2, "lifetime"))
		cp_lifetime(p, 3, &e->life_sec, &e->life_kb);
	else if (cp_word_is(p, 1, "security-association") &&
		 cp_word_is(p, 2, "replay"))
		cp_replay(p, 2, &e->replay);
	else if (cp_word_is(p, 1, "session-key"))
		map_session_key(p, e);
	else if (cp_need(p, 1, "a crypto map setting"))
		cp_err(p, 1, "unknown crypto map setting 'set %s'",
		       cp_word(p, 1));
	return true;
}
