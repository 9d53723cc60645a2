// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's objects as the kernel's (see kernel_map.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>

#include "kernel_map.h"

#define N_ORDER (sizeof(cd_install_order) / sizeof(cd_install_order[0]))

static void cd_life(uint32_t sec, uint64_t kb, struct nfsec_life *l)
{
	memset(l, 0, sizeof(*l));
	l->hard_seconds = sec;
	l->soft_seconds = (uint64_t)sec * CD_SOFT_PERCENT / 100;
	l->hard_bytes = kb * 1024;
	l->soft_bytes = l->hard_bytes / 100 * CD_SOFT_PERCENT;
}

int cd_entry_info(const struct conf *c, const struct conf_map_entry *e,
		  const struct conf_tset *tset, const union nfsec_ip *local,
		  const struct conf_peer *peer, struct nfsec_entry_info *out)
{
	const struct conf_acl *a = conf_acl_find(c, e->acl);
	size_t i;

	memset(out, 0, sizeof(*out));
	if (!a || !tset || !e->npeers || a->nrules > NFSEC_RULES_MAX)
		return -EINVAL;
	strcpy(out->map, e->map);
	out->seq = e->seq;
	out->family = peer ? peer->family : e->peers[0].family;
	out->peer = peer ? peer->addr : e->peers[0].addr;
	out->local = *local;
	out->mode = tset->mode;
	out->protos = (tset->esp ? NFSEC_PROTO_ESP : 0) |
		      (tset->ah_auth ? NFSEC_PROTO_AH : 0);
	out->has_replay = true;
	out->replay_window = conf_replay_window(c, e);
	out->pfs_group = e->pfs_group;
	out->has_life = true;
	cd_life(ikev1_p2_life_sec(c, e), ikev1_p2_life_kb(c, e), &out->life);
	out->rules = calloc(a->nrules ? a->nrules : 1, sizeof(*out->rules));
	if (!out->rules)
		return -ENOMEM;
	for (i = 0; i < a->nrules; i++) {
		out->rules[i].action = a->rules[i].permit ? NFSEC_ACTION_PROTECT
							  : NFSEC_ACTION_NEXT;
		out->rules[i].sel = a->rules[i].sel;
	}
	out->nrules = (unsigned int)a->nrules;
	return 0;
}

/* The inner traffic an SA carries: ours as source going out, mirrored in. */
static void cd_sel(const struct ikev1_child *ch, bool in, struct nfsec_sel *s)
{
	*s = ch->sel;
	if (!in)
		return;
	s->src = ch->sel.dst;
	s->src_mask = ch->sel.dst_mask;
	s->dst = ch->sel.src;
	s->dst_mask = ch->sel.src_mask;
	s->sport_lo = ch->sel.dport_lo;
	s->sport_hi = ch->sel.dport_hi;
	s->dport_lo = ch->sel.sport_lo;
	s->dport_hi = ch->sel.sport_hi;
}

static void cd_sa_common(const struct ikev1_child *ch, bool in, uint8_t proto,
			 struct nfsec_sa_info *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->proto = proto;
	sa->family = ch->family;
	sa->src = in ? ch->peer : ch->local;
	sa->dst = in ? ch->local : ch->peer;
	sa->dir = in ? NFSEC_SA_DIR_IN : NFSEC_SA_DIR_OUT;
	sa->mode = ch->mode;
	sa->has_sel = true;
	cd_sel(ch, in, &sa->sel);
	sa->has_life = true;
	cd_life(ch->life_sec, ch->life_kb, &sa->life);
	if (in) {
		sa->has_replay = true;
		sa->replay_window = ch->replay_window;
	}
	/*
	 * Both directions name their entry: `show crypto ipsec sa` lists
	 * them under it and `clear crypto sa map` takes both; only an
	 * outbound SA is attached to it for sending.
	 */
	if (ch->entry) {
		sa->has_map = true;
		strcpy(sa->map, ch->entry->map);
		sa->map_seq = ch->entry->seq;
	}
}

static void cd_ah(const struct ikev1_child *ch, bool in,
		  struct nfsec_sa_info *sa)
{
	cd_sa_common(ch, in, IPPROTO_AH, sa);
	sa->spi = in ? ch->ah_spi_in : ch->ah_spi_out;
	sa->enc = NFSEC_ENC_NONE;
	sa->auth = ch->tset->ah_auth;
	sa->authkeylen = (uint8_t)ch->ah_keylen;
	memcpy(sa->authkey, in ? ch->ah_key_in : ch->ah_key_out, ch->ah_keylen);
}

static void cd_esp(const struct ikev1_child *ch, bool in,
		   struct nfsec_sa_info *sa)
{
	const uint8_t *k = in ? ch->esp_key_in : ch->esp_key_out;

	cd_sa_common(ch, in, IPPROTO_ESP, sa);
	sa->spi = in ? ch->esp_spi_in : ch->esp_spi_out;
	sa->enc = ch->tset->esp_enc;
	sa->auth = ch->tset->esp_auth;
	/* RFC 2409: the cipher's key first, then the authenticator's */
	sa->enckeylen = (uint8_t)ch->esp_enclen;
	memcpy(sa->enckey, k, ch->esp_enclen);
	sa->authkeylen = (uint8_t)ch->esp_authlen;
	memcpy(sa->authkey, k + ch->esp_enclen, ch->esp_authlen);
}

/*
 * The order SAs go into the kernel: inbound before outbound, so the peer's
 * first packet on a new pair finds its SA; AH outside ESP.
 */
static const struct {
	bool in;
	uint8_t proto;
} cd_install_order[] = {
	{ true, IPPROTO_AH },
	{ true, IPPROTO_ESP },
	{ false, IPPROTO_ESP },
	{ false, IPPROTO_AH },
};

/* Does transform set @t carry @proto? */
static bool cd_tset_has(const struct conf_tset *t, uint8_t proto)
{
	return proto == IPPROTO_AH ? t->ah_auth : t->esp;
}

size_t cd_child_sas(const struct ikev1_child *ch, struct nfsec_sa_info *sas)
{
	uint8_t dir, proto;
	size_t n = 0, i;

	for (i = 0; i < N_ORDER; i++) {
		dir = cd_install_order[i].in ? IKEV1_DIR_IN : IKEV1_DIR_OUT;
		proto = cd_install_order[i].proto;
		if (!(ch->dirs & dir) || !cd_tset_has(ch->tset, proto))
			continue;
		if (proto == IPPROTO_AH)
			cd_ah(ch, cd_install_order[i].in, &sas[n++]);
		else
			cd_esp(ch, cd_install_order[i].in, &sas[n++]);
	}
	return n;
}

/*
 * One SA of ipsec-manual entry @e with @k's SPI and keys; false when a key
 * does not fit (conf_check() has refused such a file already).
 */
static bool cd_manual_sa(const struct conf_map_entry *e,
			 const struct conf_tset *t, const union nfsec_ip *local,
			 bool in, uint8_t proto,
			 const struct conf_session_key *k,
			 struct nfsec_sa_info *sa)
{
	memset(sa, 0, sizeof(*sa));
	if (k->cipherlen > sizeof(sa->enckey) ||
	    k->authlen > sizeof(sa->authkey))
		return false;
	sa->proto = proto;
	sa->family = e->peers[0].family;
	sa->src = in ? e->peers[0].addr : *local;
	sa->dst = in ? *local : e->peers[0].addr;
	sa->dir = in ? NFSEC_SA_DIR_IN : NFSEC_SA_DIR_OUT;
	sa->mode = t->mode;
	sa->spi = k->spi;
	sa->has_replay = in;
	sa->has_map = true;
	strcpy(sa->map, e->map);
	sa->map_seq = e->seq;
	sa->enc = proto == IPPROTO_AH ? NFSEC_ENC_NONE : t->esp_enc;
	sa->auth = proto == IPPROTO_AH ? t->ah_auth : t->esp_auth;
	if (proto == IPPROTO_ESP) {
		sa->enckeylen = (uint8_t)k->cipherlen;
		memcpy(sa->enckey, k->cipher, k->cipherlen);
	}
	sa->authkeylen = (uint8_t)k->authlen;
	memcpy(sa->authkey, k->auth, k->authlen);
	return true;
}

size_t cd_manual_sas(const struct conf *c, const struct conf_map_entry *e,
		     const union nfsec_ip *local, struct nfsec_sa_info *sas)
{
	const struct conf_session_key *k;
	const struct conf_tset *t;
	bool ok = true, in;
	uint8_t proto;
	size_t n = 0, i;

	if (!e->manual || e->disabled || !e->npeers || !e->ntsets)
		return 0;
	t = conf_tset_find(c, e->tsets[0]);
	if (!t)
		return 0;
	for (i = 0; i < N_ORDER; i++) {
		in = cd_install_order[i].in;
		proto = cd_install_order[i].proto;
		if (!cd_tset_has(t, proto))
			continue;
		k = proto == IPPROTO_AH ? (in ? &e->ah_in : &e->ah_out)
					: (in ? &e->esp_in : &e->esp_out);
		ok &= cd_manual_sa(e, t, local, in, proto, k, &sas[n++]);
	}
	if (ok)
		return n;
	while (n)
		nfsec_sa_wipe(&sas[--n]);
	return 0;
}
