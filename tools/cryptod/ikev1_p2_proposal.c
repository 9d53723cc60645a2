// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 quick mode proposals (see ikev1_p2_proposal.h).
 */
#include <errno.h>
#include <string.h>

#include "ikev1_p2_proposal.h"

/* RFC 2407 4.4.3 / 4.4.4 (and RFC 4106 for GCM) against nfsec's enums. */
static const struct {
	uint8_t enc, id;
	const char *name;
} esp_ids[] = {
	{ NFSEC_ENC_DES_CBC, 2, "ESP_DES" },
	{ NFSEC_ENC_3DES_CBC, 3, "ESP_3DES" },
	{ NFSEC_ENC_NULL, 11, "ESP_NULL" },
	{ NFSEC_ENC_AES_CBC, 12, "ESP_AES" },
	{ NFSEC_ENC_AES_GCM_16, 20, "ESP_AES_GCM_16" },
};

static const struct {
	uint8_t auth, ah_id, attr;
	const char *ah_name, *attr_name;
} auth_ids[] = {
	{ NFSEC_AUTH_HMAC_MD5_96, 2, 1, "AH_MD5_HMAC", "HMAC-MD5" },
	{ NFSEC_AUTH_HMAC_SHA1_96, 3, 2, "AH_SHA_HMAC", "HMAC-SHA" },
	{ NFSEC_AUTH_HMAC_SHA256_128, 5, 5, "AH_SHA256_HMAC", "HMAC-SHA256" },
	{ NFSEC_AUTH_HMAC_SHA384_192, 6, 6, "AH_SHA384_HMAC", "HMAC-SHA384" },
	{ NFSEC_AUTH_HMAC_SHA512_256, 7, 7, "AH_SHA512_HMAC", "HMAC-SHA512" },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static uint8_t esp_id(uint8_t enc)
{
	size_t i;

	for (i = 0; i < N(esp_ids); i++)
		if (esp_ids[i].enc == enc)
			return esp_ids[i].id;
	return 0;
}

static size_t auth_index(uint8_t auth)
{
	size_t i;

	for (i = 0; i < N(auth_ids); i++)
		if (auth_ids[i].auth == auth)
			return i;
	return N(auth_ids);
}

static const char *xf_name(uint8_t proto, uint8_t id)
{
	size_t i;

	for (i = 0; proto == ISAKMP_PROTO_IPSEC_ESP && i < N(esp_ids); i++)
		if (esp_ids[i].id == id)
			return esp_ids[i].name;
	for (i = 0; proto == ISAKMP_PROTO_IPSEC_AH && i < N(auth_ids); i++)
		if (auth_ids[i].ah_id == id)
			return auth_ids[i].ah_name;
	return "unknown";
}

uint32_t ikev1_p2_life_sec(const struct conf *c, const struct conf_map_entry *e)
{
	if (e->life_sec)
		return e->life_sec;
	return c->sa_life_sec ? c->sa_life_sec : CONF_SA_LIFE_SEC;
}

uint64_t ikev1_p2_life_kb(const struct conf *c, const struct conf_map_entry *e)
{
	if (e->life_kb)
		return e->life_kb;
	return c->sa_life_kb ? c->sa_life_kb : CONF_SA_LIFE_KB;
}

/* ---- the responder ---- */

/* What one transform asks for. */
struct p2_attrs {
	uint8_t encaps, auth_attr, group;
	uint16_t keybits;
	uint32_t life_sec;
	uint64_t life_kb;
	bool unknown;
};

static void p2_log_attr(const struct isakmp_attr *a, ikev1_log_fn log,
			void *arg)
{
	size_t i;

	switch (a->type) {
	case IKEV1_P2_LIFE_TYPE:
		log(arg, false, "     SA life type in %s",
		    a->val == IKEV1_LIFE_KILOBYTES ? "kilobytes" : "seconds");
		break;
	case IKEV1_P2_LIFE:
		ikev1_log_duration(log, arg, "SA life", a->val);
		break;
	case IKEV1_P2_GROUP:
		log(arg, false, "     group is %llu",
		    (unsigned long long)a->val);
		break;
	case IKEV1_P2_ENCAPS:
		log(arg, false, "     encaps is %llu",
		    (unsigned long long)a->val);
		break;
	case IKEV1_P2_AUTH:
		for (i = 0; i < N(auth_ids) && auth_ids[i].attr != a->val; i++)
			;
		log(arg, false, "     authenticator is %s",
		    i < N(auth_ids) ? auth_ids[i].attr_name : "unknown");
		break;
	case IKEV1_P2_KEYLEN:
		log(arg, false, "     key length is %llu",
		    (unsigned long long)a->val);
		break;
	default:
		log(arg, false, "     unknown attribute %u", a->type);
	}
}

static void p2_attrs_read(const struct isakmp_transform *t, struct p2_attrs *pa,
			  ikev1_log_fn log, void *arg)
{
	uint64_t life_type = IKEV1_LIFE_SECONDS;
	const struct isakmp_attr *a;
	size_t i;

	memset(pa, 0, sizeof(*pa));
	pa->encaps = IKEV1_ENCAPS_TUNNEL; /* IOS's default when absent */
	log(arg, false, "     attributes in transform:");
	for (i = 0, a = t->attrs; i < t->nattrs; i++, a++) {
		p2_log_attr(a, log, arg);
		switch (a->type) {
		case IKEV1_P2_LIFE_TYPE:
			life_type = a->val;
			break;
		case IKEV1_P2_LIFE:
			if (life_type == IKEV1_LIFE_KILOBYTES)
				pa->life_kb = a->val;
			else
				pa->life_sec = a->val > UINT32_MAX
						       ? UINT32_MAX
						       : (uint32_t)a->val;
			break;
		case IKEV1_P2_GROUP:
			pa->group = a->val < 256 ? (uint8_t)a->val : 0;
			break;
		case IKEV1_P2_ENCAPS:
			pa->encaps = a->val < 256 ? (uint8_t)a->val : 0;
			break;
		case IKEV1_P2_AUTH:
			pa->auth_attr = a->val < 256 ? (uint8_t)a->val : 0;
			break;
		case IKEV1_P2_KEYLEN:
			pa->keybits = a->val <= 0xffff ? (uint16_t)a->val : 0;
			break;
		default:
			pa->unknown = true;
		}
	}
}

/* Does one transform (of protocol @proto) give what @t asks for? */
static bool p2_transform_fits(const struct conf_map_entry *e,
			      const struct conf_tset *t, uint8_t proto,
			      const struct isakmp_transform *x,
			      const struct p2_attrs *pa)
{
	uint8_t want_encaps = t->mode == NFSEC_MODE_TRANSPORT
				      ? IKEV1_ENCAPS_TRANSPORT
				      : IKEV1_ENCAPS_TUNNEL;
	size_t ai;

	if (pa->unknown || pa->encaps != want_encaps)
		return false;
	if (e->pfs_group && pa->group != e->pfs_group)
		return false;
	if (pa->group && !conf_group_known(pa->group))
		return false;
	if (proto == ISAKMP_PROTO_IPSEC_AH) {
		ai = auth_index(t->ah_auth);
		return ai < N(auth_ids) && x->id == auth_ids[ai].ah_id &&
		       (!pa->auth_attr || pa->auth_attr == auth_ids[ai].attr);
	}
	if (x->id != esp_id(t->esp_enc))
		return false;
	if ((t->esp_enc == NFSEC_ENC_AES_CBC ||
	     t->esp_enc == NFSEC_ENC_AES_GCM_16) &&
	    (pa->keybits ? pa->keybits : 128) != t->esp_keybits)
		return false;
	if (!t->esp_auth)
		return !pa->auth_attr;
	ai = auth_index(t->esp_auth);
	return ai < N(auth_ids) && pa->auth_attr == auth_ids[ai].attr;
}

/*
 * Lifetimes: the shorter of the peer's and ours.  A kind the peer did not
 * propose is unlimited (kilobytes) or RFC 2407's default of 28800 seconds,
 * so ours of that kind is shorter.
 */
static void p2_lifetimes(const struct conf *c, const struct conf_map_entry *e,
			 const struct p2_attrs *pa, struct ikev1_p2_choice *out)
{
	uint32_t sec = ikev1_p2_life_sec(c, e);
	uint64_t kb = ikev1_p2_life_kb(c, e);
	uint32_t peer_sec =
		pa->life_sec ? pa->life_sec : IKEV1_P2_LIFE_SEC_DEFAULT;

	out->life_sec = peer_sec < sec ? peer_sec : sec;
	out->life_kb = pa->life_kb && pa->life_kb < kb ? pa->life_kb : kb;
	out->lifetime_ours =
		out->life_sec != pa->life_sec || out->life_kb != pa->life_kb;
}

/* One proposal (one protocol of a bundle) against transform set @t. */
static bool
p2_proposal_fits(const struct conf *c, const struct conf_map_entry *e,
		 const struct conf_tset *t, const struct isakmp_proposal *p,
		 struct ikev1_p2_choice *out, ikev1_log_fn log, void *arg)
{
	struct p2_attrs pa;
	size_t i;

	if (p->spi_size != 4)
		return false;
	for (i = 0; i < p->nxf; i++) {
		log(arg, false, "     transform %u, %s", p->xf[i].num,
		    xf_name(p->proto, p->xf[i].id));
		p2_attrs_read(&p->xf[i], &pa, log, arg);
		if (p2_transform_fits(e, t, p->proto, &p->xf[i], &pa)) {
			log(arg, true, "atts are acceptable.");
			memcpy(p->proto == ISAKMP_PROTO_IPSEC_AH ? out->ah_spi
								 : out->esp_spi,
			       p->spi, 4);
			out->pfs_group = pa.group;
			p2_lifetimes(c, e, &pa, out);
			return true;
		}
		log(arg, true, "atts not acceptable. Next payload is %u",
		    i + 1 < p->nxf ? ISAKMP_PL_T : ISAKMP_PL_NONE);
	}
	return false;
}

/* The bundle props[first..last) against transform set @t. */
static bool p2_bundle_fits(const struct conf *c, const struct conf_map_entry *e,
			   const struct conf_tset *t,
			   const struct isakmp_sa *sa, size_t first,
			   size_t last, struct ikev1_p2_choice *out,
			   ikev1_log_fn log, void *arg)
{
	bool ah = false, esp = false;
	size_t i;

	for (i = first; i < last; i++) {
		const struct isakmp_proposal *p = &sa->props[i];

		log(arg, true, "Checking IPSec proposal %u", p->num);
		if (p->proto == ISAKMP_PROTO_IPSEC_AH && t->ah_auth && !ah)
			ah = p2_proposal_fits(c, e, t, p, out, log, arg);
		else if (p->proto == ISAKMP_PROTO_IPSEC_ESP && t->esp && !esp)
			esp = p2_proposal_fits(c, e, t, p, out, log, arg);
		else
			return false; /* a protocol the set does not have */
		if (!(p->proto == ISAKMP_PROTO_IPSEC_AH ? ah : esp))
			return false;
	}
	return ah == !!t->ah_auth && esp == t->esp;
}

int ikev1_p2_select(const struct conf *c, const struct conf_map_entry *e,
		    const struct isakmp_sa *sa, struct ikev1_p2_choice *out,
		    ikev1_log_fn log, void *arg)
{
	const struct conf_tset *t;
	size_t first, last, k;

	for (first = 0; first < sa->nprops; first = last) {
		for (last = first + 1;
		     last < sa->nprops &&
		     sa->props[last].num == sa->props[first].num;
		     last++)
			;
		for (k = 0; k < e->ntsets; k++) {
			t = conf_tset_find(c, e->tsets[k]);
			memset(out, 0, sizeof(*out));
			if (t && p2_bundle_fits(c, e, t, sa, first, last, out,
						log, arg)) {
				out->tset = t;
				out->prop_num = sa->props[first].num;
				return 0;
			}
		}
	}
	return -ENOENT;
}

/* ---- the initiator ---- */

static void p2_put_attrs(const struct conf *c, const struct conf_map_entry *e,
			 const struct conf_tset *t, uint8_t auth_attr,
			 bool keylen, struct isakmp_transform *x)
{
	struct isakmp_attr *a = x->attrs;

	*a++ = (struct isakmp_attr){ IKEV1_P2_ENCAPS,
				     t->mode == NFSEC_MODE_TRANSPORT
					     ? IKEV1_ENCAPS_TRANSPORT
					     : IKEV1_ENCAPS_TUNNEL };
	*a++ = (struct isakmp_attr){ IKEV1_P2_LIFE_TYPE, IKEV1_LIFE_SECONDS };
	*a++ = (struct isakmp_attr){ IKEV1_P2_LIFE, ikev1_p2_life_sec(c, e) };
	*a++ = (struct isakmp_attr){ IKEV1_P2_LIFE_TYPE, IKEV1_LIFE_KILOBYTES };
	*a++ = (struct isakmp_attr){ IKEV1_P2_LIFE, ikev1_p2_life_kb(c, e) };
	if (auth_attr)
		*a++ = (struct isakmp_attr){ IKEV1_P2_AUTH, auth_attr };
	if (keylen)
		*a++ = (struct isakmp_attr){ IKEV1_P2_KEYLEN, t->esp_keybits };
	if (e->pfs_group)
		*a++ = (struct isakmp_attr){ IKEV1_P2_GROUP, e->pfs_group };
	x->nattrs = (size_t)(a - x->attrs);
}

static struct isakmp_proposal *p2_new_prop(struct isakmp_sa *sa, uint8_t num,
					   uint8_t proto, const uint8_t *spi)
{
	struct isakmp_proposal *p = &sa->props[sa->nprops++];

	p->num = num;
	p->proto = proto;
	p->spi_size = 4;
	memcpy(p->spi, spi, 4);
	p->nxf = 1;
	p->xf[0].num = 1;
	return p;
}

void ikev1_p2_offer(const struct conf *c, const struct conf_map_entry *e,
		    const uint8_t *ah_spi, const uint8_t *esp_spi,
		    struct isakmp_sa *sa)
{
	const struct conf_tset *t;
	struct isakmp_proposal *p;
	size_t k, ai;
	uint8_t num = 0;

	memset(sa, 0, sizeof(*sa));
	sa->doi = ISAKMP_DOI_IPSEC;
	sa->situation = ISAKMP_SIT_IDENTITY_ONLY;
	for (k = 0; k < e->ntsets; k++) {
		t = conf_tset_find(c, e->tsets[k]);
		if (!t || sa->nprops + 2 > ISAKMP_PROPOSALS_MAX)
			continue;
		num++;
		if (t->ah_auth) {
			ai = auth_index(t->ah_auth);
			p = p2_new_prop(sa, num, ISAKMP_PROTO_IPSEC_AH, ah_spi);
			p->xf[0].id = auth_ids[ai].ah_id;
			p2_put_attrs(c, e, t, auth_ids[ai].attr, false,
				     &p->xf[0]);
		}
		if (t->esp) {
			ai = auth_index(t->esp_auth);
			p = p2_new_prop(sa, num, ISAKMP_PROTO_IPSEC_ESP,
					esp_spi);
			p->xf[0].id = esp_id(t->esp_enc);
			p2_put_attrs(c, e, t,
				     ai < N(auth_ids) ? auth_ids[ai].attr : 0,
				     t->esp_enc == NFSEC_ENC_AES_CBC ||
					     t->esp_enc == NFSEC_ENC_AES_GCM_16,
				     &p->xf[0]);
		}
	}
}
