// SPDX-License-Identifier: GPL-2.0
/*
 * IKEv1 phase-1 proposal offer and choice (see ikev1_proposal.h).
 */
#include <errno.h>
#include <string.h>

#include "ikev1_proposal.h"

/* conf.h's enums against the wire's (RFC 2409 appendix A). */
static const uint8_t enc_wire[] = {
	[CONF_IKE_DES] = 1, [CONF_IKE_3DES] = 5, [CONF_IKE_AES] = 7
};
static const uint8_t hash_wire[] = { [CONF_HASH_MD5] = 1,
				     [CONF_HASH_SHA1] = 2,
				     [CONF_HASH_SHA256] = 4,
				     [CONF_HASH_SHA384] = 5,
				     [CONF_HASH_SHA512] = 6 };
static const uint8_t auth_wire[] = {
	[CONF_AUTH_PSK] = 1, [CONF_AUTH_RSA_SIG] = 3, [CONF_AUTH_RSA_ENCR] = 4
};

static uint8_t from_wire(const uint8_t *table, size_t n, uint64_t v)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (table[i] && table[i] == v)
			return (uint8_t)i;
	return 0;
}

#define FROM_WIRE(t, v) from_wire(t, sizeof(t), v)

static const char *enc_name(uint8_t enc)
{
	static const char *const names[] = { [CONF_IKE_DES] = "DES-CBC",
					     [CONF_IKE_3DES] = "3DES-CBC",
					     [CONF_IKE_AES] = "AES-CBC" };

	return enc && enc <= CONF_IKE_AES ? names[enc] : "unknown";
}

static const char *hash_name(uint8_t hash)
{
	static const char *const names[] = {
		[CONF_HASH_MD5] = "MD5",       [CONF_HASH_SHA1] = "SHA",
		[CONF_HASH_SHA256] = "SHA256", [CONF_HASH_SHA384] = "SHA384",
		[CONF_HASH_SHA512] = "SHA512",
	};

	return hash && hash <= CONF_HASH_SHA512 ? names[hash] : "unknown";
}

static const char *auth_name(uint8_t auth)
{
	static const char *const names[] = { [CONF_AUTH_PSK] = "pre-share",
					     [CONF_AUTH_RSA_SIG] = "RSA sig",
					     [CONF_AUTH_RSA_ENCR] =
						     "RSA encr" };

	return auth && auth <= CONF_AUTH_RSA_ENCR ? names[auth] : "unknown";
}

int ikev1_p1_from_transform(const struct isakmp_transform *t,
			    struct ikev1_choice *out)
{
	uint64_t life_type = IKEV1_LIFE_SECONDS;
	const struct isakmp_attr *a;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->lifetime = IKEV1_DEFAULT_LIFE;
	out->xf_num = t->num;
	if (t->id != IKEV1_KEY_IKE)
		return -EINVAL;
	for (i = 0, a = t->attrs; i < t->nattrs; i++, a++) {
		switch (a->type) {
		case IKEV1_ATTR_ENC:
			out->enc = FROM_WIRE(enc_wire, a->val);
			break;
		case IKEV1_ATTR_HASH:
			out->hash = FROM_WIRE(hash_wire, a->val);
			break;
		case IKEV1_ATTR_AUTH:
			out->auth = FROM_WIRE(auth_wire, a->val);
			break;
		case IKEV1_ATTR_GROUP:
			out->group = conf_group_known((unsigned int)a->val)
					     ? (uint8_t)a->val
					     : 0;
			break;
		case IKEV1_ATTR_LIFE_TYPE:
			life_type = a->val;
			break;
		case IKEV1_ATTR_LIFE:
			/* a volume limit in phase 1 is accepted, not kept */
			if (life_type == IKEV1_LIFE_SECONDS)
				out->lifetime = a->val > UINT32_MAX
							? UINT32_MAX
							: (uint32_t)a->val;
			break;
		case IKEV1_ATTR_KEYLEN:
			out->keybits = (uint16_t)(a->val > 0xffff ? 0 : a->val);
			break;
		default:
			return -EINVAL; /* an attribute we do not know */
		}
	}
	if (out->enc == CONF_IKE_AES && !out->keybits)
		return -EINVAL; /* RFC 3602: AES needs its key length */
	return out->enc && out->hash && out->auth && out->group ? 0 : -EINVAL;
}

void ikev1_log_duration(ikev1_log_fn log, void *arg, const char *what,
			uint64_t val)
{
	if (val <= 0xffff) {
		log(arg, false, "     %s duration (basic) of %llu", what,
		    (unsigned long long)val);
		return;
	}
	/* IOS prints a variable-length value byte by byte */
	log(arg, false, "     %s duration (VPI) of 0x%x 0x%x 0x%x 0x%x", what,
	    (unsigned int)(val >> 24 & 0xff), (unsigned int)(val >> 16 & 0xff),
	    (unsigned int)(val >> 8 & 0xff), (unsigned int)(val & 0xff));
}

static void log_transform(const struct isakmp_transform *t, ikev1_log_fn log,
			  void *arg)
{
	const struct isakmp_attr *a;
	uint64_t type = IKEV1_LIFE_SECONDS;
	size_t i;

	for (i = 0, a = t->attrs; i < t->nattrs; i++, a++) {
		switch (a->type) {
		case IKEV1_ATTR_ENC:
			log(arg, false, "     encryption %s",
			    enc_name(FROM_WIRE(enc_wire, a->val)));
			break;
		case IKEV1_ATTR_HASH:
			log(arg, false, "     hash %s",
			    hash_name(FROM_WIRE(hash_wire, a->val)));
			break;
		case IKEV1_ATTR_AUTH:
			log(arg, false, "     auth %s",
			    auth_name(FROM_WIRE(auth_wire, a->val)));
			break;
		case IKEV1_ATTR_GROUP:
			log(arg, false, "     default group %llu",
			    (unsigned long long)a->val);
			break;
		case IKEV1_ATTR_LIFE_TYPE:
			type = a->val;
			log(arg, false, "     life type in %s",
			    type == IKEV1_LIFE_KILOBYTES ? "kilobytes"
							 : "seconds");
			break;
		case IKEV1_ATTR_LIFE:
			ikev1_log_duration(log, arg, "life", a->val);
			break;
		case IKEV1_ATTR_KEYLEN:
			log(arg, false, "     keylength of %llu",
			    (unsigned long long)a->val);
			break;
		default:
			log(arg, false, "     unknown attribute %u", a->type);
		}
	}
}

/* Does the peer's transform (as @got) fit @pol?  Lifetime: the shorter. */
static bool p1_fits(const struct conf_policy *pol,
		    const struct ikev1_choice *got)
{
	if (got->enc != pol->enc || got->hash != pol->hash ||
	    got->auth != pol->auth || got->group != pol->group)
		return false;
	if (pol->enc == CONF_IKE_AES && got->keybits != pol->keybits)
		return false;
	return got->lifetime <= pol->lifetime;
}

static int p1_check(const struct conf_policy *pol,
		    const struct isakmp_proposal *p, struct ikev1_choice *out,
		    ikev1_log_fn log, void *arg)
{
	struct ikev1_choice got;
	size_t i;
	int valid;

	for (i = 0; i < p->nxf; i++) {
		log(arg, true,
		    "Checking ISAKMP transform %u against priority %u policy",
		    p->xf[i].num, pol->prio);
		log_transform(&p->xf[i], log, arg);
		valid = ikev1_p1_from_transform(&p->xf[i], &got);
		if (!valid && p1_fits(pol, &got)) {
			log(arg, true,
			    "atts are acceptable. Next payload is %u",
			    i + 1 < p->nxf ? ISAKMP_PL_T : ISAKMP_PL_NONE);
			*out = got;
			out->prio = pol->prio;
			return 0;
		}
		log(arg, true, "atts are not acceptable. Next payload is %u",
		    i + 1 < p->nxf ? ISAKMP_PL_T : ISAKMP_PL_NONE);
	}
	return -ENOENT;
}

int ikev1_p1_select(const struct conf *c, const struct isakmp_proposal *p,
		    struct ikev1_choice *out, ikev1_log_fn log, void *arg)
{
	size_t i;

	if (p->proto != ISAKMP_PROTO_ISAKMP)
		return -ENOENT;
	for (i = 0; i < c->npolicies; i++)
		if (!p1_check(&c->policies[i], p, out, log, arg))
			return 0;
	return p1_check(&conf_default_policy, p, out, log, arg);
}

static void p1_transform(const struct conf_policy *pol, uint8_t num,
			 struct isakmp_transform *t)
{
	memset(t, 0, sizeof(*t));
	t->num = num;
	t->id = IKEV1_KEY_IKE;
	t->attrs[t->nattrs++] =
		(struct isakmp_attr){ IKEV1_ATTR_ENC, enc_wire[pol->enc] };
	if (pol->enc == CONF_IKE_AES)
		t->attrs[t->nattrs++] =
			(struct isakmp_attr){ IKEV1_ATTR_KEYLEN, pol->keybits };
	t->attrs[t->nattrs++] =
		(struct isakmp_attr){ IKEV1_ATTR_HASH, hash_wire[pol->hash] };
	t->attrs[t->nattrs++] =
		(struct isakmp_attr){ IKEV1_ATTR_GROUP, pol->group };
	t->attrs[t->nattrs++] =
		(struct isakmp_attr){ IKEV1_ATTR_AUTH, auth_wire[pol->auth] };
	t->attrs[t->nattrs++] = (struct isakmp_attr){ IKEV1_ATTR_LIFE_TYPE,
						      IKEV1_LIFE_SECONDS };
	t->attrs[t->nattrs++] =
		(struct isakmp_attr){ IKEV1_ATTR_LIFE, pol->lifetime };
}

void ikev1_p1_offer(const struct conf *c, struct isakmp_sa *sa)
{
	struct isakmp_proposal *p = &sa->props[0];
	size_t i;

	memset(sa, 0, sizeof(*sa));
	sa->doi = ISAKMP_DOI_IPSEC;
	sa->situation = ISAKMP_SIT_IDENTITY_ONLY;
	sa->nprops = 1;
	p->num = 1;
	p->proto = ISAKMP_PROTO_ISAKMP;
	for (i = 0; i < c->npolicies && i < ISAKMP_TRANSFORMS_MAX; i++)
		p1_transform(&c->policies[i], (uint8_t)(i + 1), &p->xf[i]);
	p->nxf = i;
	if (!p->nxf)
		p1_transform(&conf_default_policy, 1, &p->xf[p->nxf++]);
}
