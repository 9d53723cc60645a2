// SPDX-License-Identifier: GPL-2.0
/*
 * Control requests (see control.h and lib/ctlsock.h):
 *
 *   isakmp sa            the ISAKMP SAs, as `show crypto isakmp sa`
 *   isakmp policy        the policies and the default protection suite
 *   map                  each crypto map entry's configuration and live
 *                        IKE state, for `show crypto map`
 *   clear isakmp [ID]    delete one ISAKMP SA, or all
 *   debug isakmp         stream `debug crypto isakmp` lines
 *   debug ipsec          stream `debug crypto ipsec` lines (IPSEC(...))
 *   undebug              end every stream
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "algs.h"
#include "control.h"
#include "ctlsock.h"

static const char *const cd_enc_words[] = {
	[CONF_IKE_DES] = "des", [CONF_IKE_3DES] = "3des", [CONF_IKE_AES] = "aes"
};
static const char *const cd_hash_words[] = {
	[CONF_HASH_MD5] = "md5",       [CONF_HASH_SHA1] = "sha",
	[CONF_HASH_SHA256] = "sha256", [CONF_HASH_SHA384] = "sha384",
	[CONF_HASH_SHA512] = "sha512",
};
static const char *const cd_auth_words[] = {
	[CONF_AUTH_PSK] = "pre-share",
	[CONF_AUTH_RSA_SIG] = "rsa-sig",
	[CONF_AUTH_RSA_ENCR] = "rsa-encr",
};

#define CD_WORD(words, i) \
	((i) < sizeof(words) / sizeof(words[0]) && words[i] ? words[i] : "?")

static void cd_control_sa(const struct ikev1_ctx *ike,
			  const struct ikev1_sa *sa, FILE *out)
{
	char l[64], p[64], left[24] = "-";

	nfsec_ip_str(sa->family, &sa->local, l, sizeof(l));
	nfsec_ip_str(sa->family, &sa->peer, p, sizeof(p));
	if (sa->expires)
		snprintf(left, sizeof(left), "%" PRIu64,
			 sa->expires > ike->now
				 ? (sa->expires - ike->now + 999) / 1000
				 : 0);
	/* dst is the responder, src the initiator, as IOS shows them */
	fprintf(out, "sa\t%s\t%s\t%s\t%u\t0\t%c\t%s\n", sa->initiator ? p : l,
		sa->initiator ? l : p, ikev1_state_str(sa->state), sa->conn_id,
		sa->initiator ? 'I' : 'R', left);
}

static void cd_control_sas(const struct ikev1_ctx *ike, FILE *out)
{
	size_t i;

	fputs("ok\n", out);
	for (i = 0; i < IKEV1_SAS_MAX; i++)
		if (ike->sas[i].used)
			cd_control_sa(ike, &ike->sas[i], out);
}

static void cd_control_policy(const struct conf_policy *p, bool dflt, FILE *out)
{
	char prio[16];

	snprintf(prio, sizeof(prio), "%u", p->prio);
	fprintf(out, "policy\t%s\t%s\t%u\t%s\t%s\t%u\t%" PRIu32 "\n",
		dflt ? "default" : prio, CD_WORD(cd_enc_words, p->enc),
		p->enc == CONF_IKE_AES ? p->keybits : 0,
		CD_WORD(cd_hash_words, p->hash),
		CD_WORD(cd_auth_words, p->auth), p->group, p->lifetime);
}

static void cd_control_policies(const struct conf *c, FILE *out)
{
	size_t i;

	fputs("ok\n", out);
	for (i = 0; i < c->npolicies; i++)
		cd_control_policy(&c->policies[i], false, out);
	cd_control_policy(&conf_default_policy, true, out);
}

/* IPsec SA pairs IKE installed for @e (by name: a reload copies entries). */
static unsigned int cd_control_pairs(const struct ikev1_ctx *ike,
				     const struct conf_map_entry *e)
{
	const struct ikev1_installed *p;
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < IKEV1_INSTALLED_MAX; i++) {
		p = &ike->installed[i];
		n += p->used && p->entry && p->entry->seq == e->seq &&
		     !strcmp(p->entry->map, e->map);
	}
	return n;
}

/*
 * entry MAP SEQ TYPE ACL TSETS STATE CONN PAIRS: what only cryptod knows of
 * an entry (its type, access list and transform set names) and the state
 * of the ISAKMP SA with its peer ("-" and 0 when there is none).
 */
static void cd_control_entry(struct ikev1_ctx *ike,
			     const struct conf_map_entry *e, FILE *out)
{
	const struct conf_peer *peer =
		e->npeers ? ikev1_entry_peer(ike, e) : NULL;
	const struct ikev1_sa *sa = NULL;
	size_t i;

	if (peer && !e->manual)
		sa = ikev1_find_peer(ike, peer->family, &peer->addr);
	fprintf(out, "entry\t%s\t%" PRIu32 "\t%s\t%s\t", e->map, e->seq,
		e->manual ? "ipsec-manual" : "ipsec-isakmp",
		e->acl[0] ? e->acl : "-");
	for (i = 0; i < e->ntsets; i++)
		fprintf(out, "%s%s", i ? "," : "", e->tsets[i]);
	fprintf(out, "%s\t%s\t%u\t%u\n", e->ntsets ? "" : "-",
		sa ? ikev1_state_str(sa->state) : "-", sa ? sa->conn_id : 0,
		cd_control_pairs(ike, e));
}

static void cd_control_maps(struct ikev1_ctx *ike, FILE *out)
{
	size_t i;

	fputs("ok\n", out);
	for (i = 0; i < ike->conf->nentries; i++)
		if (!ike->conf->entries[i].disabled)
			cd_control_entry(ike, &ike->conf->entries[i], out);
}

/* A transform set's ESP transforms as IOS writes them: "esp-aes 256 esp-sha-hmac". */
static void cd_control_esp(const struct conf_tset *t, char *buf, size_t len)
{
	char enc[48] = "", auth[48] = "";

	if (t->esp_enc)
		nfsec_transform_str(IPPROTO_ESP, t->esp_enc, NFSEC_AUTH_NONE,
				    enc, sizeof(enc));
	if (t->esp_keybits && t->esp_keybits != 128)
		snprintf(enc + strlen(enc), sizeof(enc) - strlen(enc), " %u",
			 t->esp_keybits);
	if (t->esp_auth)
		nfsec_transform_str(IPPROTO_ESP, NFSEC_ENC_NONE, t->esp_auth,
				    auth, sizeof(auth));
	snprintf(buf, len, "%s%s%s", enc, *enc && *auth ? " " : "", auth);
}

/*
 * lifetime KILOBYTES SECONDS, then tset NAME MODE AH ESP ("-": none): the
 * global IPsec settings (show crypto ipsec session-key, transform-proposal).
 */
static void cd_control_ipsec(const struct conf *c, FILE *out)
{
	char ah[48], esp[96];
	size_t i;

	fputs("ok\n", out);
	fprintf(out, "lifetime\t%" PRIu64 "\t%" PRIu32 "\n",
		c->sa_life_kb ? c->sa_life_kb : CONF_SA_LIFE_KB,
		c->sa_life_sec ? c->sa_life_sec : CONF_SA_LIFE_SEC);
	for (i = 0; i < c->ntsets; i++) {
		const struct conf_tset *t = &c->tsets[i];

		snprintf(ah, sizeof(ah), "-");
		if (t->ah_auth)
			nfsec_transform_str(IPPROTO_AH, NFSEC_ENC_NONE,
					    t->ah_auth, ah, sizeof(ah));
		snprintf(esp, sizeof(esp), "-");
		if (t->esp)
			cd_control_esp(t, esp, sizeof(esp));
		fprintf(out, "tset\t%s\t%s\t%s\t%s\n", t->name,
			t->mode == NFSEC_MODE_TRANSPORT ? "Transport"
							: "Tunnel",
			ah, esp);
	}
}

static void cd_control_clear(struct ikev1_ctx *ike, const char *arg, FILE *out)
{
	unsigned long id = 0;
	char *end;

	if (arg) {
		errno = 0;
		id = strtoul(arg, &end, 10);
		if (errno || *end || !id || id > UINT32_MAX) {
			fprintf(out, "error bad connection id '%s'\n", arg);
			return;
		}
	}
	fprintf(out, "ok\ncleared\t%u\n", ikev1_clear(ike, (unsigned int)id));
}

enum cd_control_action cd_control_answer(struct ikev1_ctx *ike, const char *req,
					 FILE *out)
{
	char buf[NFSEC_CTL_REQ_MAX], *w[5] = { NULL }, *save = NULL;
	size_t n = 0;

	snprintf(buf, sizeof(buf), "%s", req);
	/* up to 4 words: n == 4 is one too many for any request */
	for (w[0] = strtok_r(buf, " \t\r\n", &save); n < 4 && w[n];)
		w[++n] = strtok_r(NULL, " \t\r\n", &save);
	if (n == 2 && !strcmp(w[0], "isakmp") && !strcmp(w[1], "sa"))
		cd_control_sas(ike, out);
	else if (n == 2 && !strcmp(w[0], "isakmp") && !strcmp(w[1], "policy"))
		cd_control_policies(ike->conf, out);
	else if (n == 1 && !strcmp(w[0], "map"))
		cd_control_maps(ike, out);
	else if (n == 1 && !strcmp(w[0], "ipsec"))
		cd_control_ipsec(ike->conf, out);
	else if ((n == 2 || n == 3) && !strcmp(w[0], "clear") &&
		 !strcmp(w[1], "isakmp"))
		cd_control_clear(ike, w[2], out);
	else if (n == 2 && !strcmp(w[0], "debug") &&
		 (!strcmp(w[1], "isakmp") || !strcmp(w[1], "ipsec"))) {
		fputs("ok\n", out);
		return !strcmp(w[1], "isakmp") ? CD_CONTROL_DEBUG_ISAKMP
					       : CD_CONTROL_DEBUG_IPSEC;
	} else if (n == 1 && !strcmp(w[0], "undebug")) {
		return CD_CONTROL_UNDEBUG;
	} else {
		fprintf(out, "error unknown request '%s'\n", n ? w[0] : "");
	}
	return CD_CONTROL_DONE;
}
