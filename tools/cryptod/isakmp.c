// SPDX-License-Identifier: GPL-2.0
/*
 * ISAKMP message parsing and writing (see isakmp.h).
 */
#include <errno.h>
#include <string.h>

#include "isakmp.h"

#define ISAKMP_ATTR_AF 0x8000
#define ISAKMP_PAD_MAX 255

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static int isakmp_fail(struct isakmp_err *e, uint16_t notify, const char *why)
{
	e->notify = notify;
	e->why = why;
	return -EBADMSG;
}

int isakmp_hdr_parse(const uint8_t *buf, size_t len, struct isakmp_hdr *h,
		     struct isakmp_err *e)
{
	if (len < ISAKMP_HDR_LEN)
		return isakmp_fail(e, ISAKMP_N_PAYLOAD_MALFORMED,
				   "shorter than an ISAKMP header");
	memcpy(h->icky, buf, 8);
	memcpy(h->rcky, buf + 8, 8);
	h->next = buf[16];
	h->version = buf[17];
	h->exchange = buf[18];
	h->flags = buf[19];
	h->msgid = get32(buf + 20);
	h->len = get32(buf + 24);
	if (h->version >> 4 != 1)
		return isakmp_fail(e, ISAKMP_N_INVALID_MAJOR_VERSION,
				   "not ISAKMP version 1");
	if (h->len != len)
		return isakmp_fail(e, ISAKMP_N_PAYLOAD_MALFORMED,
				   "header length is not the datagram's");
	if (h->flags &
	    ~(ISAKMP_FLAG_ENC | ISAKMP_FLAG_COMMIT | ISAKMP_FLAG_AUTH))
		return isakmp_fail(e, ISAKMP_N_INVALID_FLAGS,
				   "unknown header flags");
	return 0;
}

/* Types a message may carry: RFC 2408's, NAT-T's and private use. */
static bool isakmp_type_known(uint8_t type)
{
	return (type >= ISAKMP_PL_SA && type <= ISAKMP_PL_VID) ||
	       type == ISAKMP_PL_NAT_D || type == ISAKMP_PL_NAT_OA ||
	       type >= 128;
}

int isakmp_payloads_parse(const uint8_t *buf, size_t len, uint8_t first,
			  bool padded, struct isakmp_payloads *out,
			  struct isakmp_err *e)
{
	uint8_t type = first;
	size_t off = 0, plen;

	out->n = 0;
	while (type != ISAKMP_PL_NONE) {
		if (!isakmp_type_known(type))
			return isakmp_fail(e, ISAKMP_N_INVALID_PAYLOAD_TYPE,
					   "unknown payload type");
		if (len - off < ISAKMP_GEN_LEN)
			return isakmp_fail(e, ISAKMP_N_PAYLOAD_MALFORMED,
					   "payload header past the end");
		plen = get16(buf + off + 2);
		if (plen < ISAKMP_GEN_LEN || plen > len - off)
			return isakmp_fail(e, ISAKMP_N_PAYLOAD_MALFORMED,
					   "payload length out of bounds");
		if (out->n == ISAKMP_PAYLOADS_MAX)
			return isakmp_fail(e, ISAKMP_N_PAYLOAD_MALFORMED,
					   "too many payloads");
		out->pl[out->n].type = type;
		out->pl[out->n].body = buf + off + ISAKMP_GEN_LEN;
		out->pl[out->n].len = plen - ISAKMP_GEN_LEN;
		out->n++;
		type = buf[off];
		off += plen;
	}
	if (off < len && (!padded || len - off > ISAKMP_PAD_MAX))
		return isakmp_fail(e, ISAKMP_N_PAYLOAD_MALFORMED,
				   "bytes after the last payload");
	return 0;
}

const struct isakmp_payload *isakmp_find(const struct isakmp_payloads *p,
					 uint8_t type)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->pl[i].type == type)
			return &p->pl[i];
	return NULL;
}

int isakmp_attrs_parse(const uint8_t *p, size_t len, struct isakmp_transform *t,
		       struct isakmp_err *e)
{
	size_t off = 0, alen, i;
	uint16_t type;

	while (off < len) {
		if (len - off < 4)
			return isakmp_fail(
				e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
				"attribute header past the transform");
		if (t->nattrs == ISAKMP_ATTRS_MAX)
			return isakmp_fail(e, ISAKMP_N_ATTRIBUTES_NOT_SUPPORTED,
					   "too many attributes");
		type = get16(p + off);
		t->attrs[t->nattrs].type = type & ~ISAKMP_ATTR_AF;
		if (type & ISAKMP_ATTR_AF) {
			t->attrs[t->nattrs++].val = get16(p + off + 2);
			off += 4;
			continue;
		}
		alen = get16(p + off + 2);
		if (alen > len - off - 4)
			return isakmp_fail(
				e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
				"attribute value past the transform");
		if (!alen)
			return isakmp_fail(e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
					   "empty attribute value");
		if (alen > 8)
			return isakmp_fail(e, ISAKMP_N_ATTRIBUTES_NOT_SUPPORTED,
					   "attribute value of over 8 bytes");
		t->attrs[t->nattrs].val = 0;
		for (i = 0; i < alen; i++)
			t->attrs[t->nattrs].val =
				t->attrs[t->nattrs].val << 8 | p[off + 4 + i];
		t->nattrs++;
		off += 4 + alen;
	}
	return 0;
}

/* A chain of @type payloads (P or T) inside @p; calls @one on each body. */
static int isakmp_chain(const uint8_t *p, size_t len, uint8_t type, size_t max,
			size_t *count,
			int (*one)(const uint8_t *body, size_t len, void *arg,
				   struct isakmp_err *e),
			void *arg, struct isakmp_err *e)
{
	size_t off = 0, plen;
	uint8_t next = type;
	int err;

	*count = 0;
	while (next == type) {
		if (len - off < ISAKMP_GEN_LEN)
			return isakmp_fail(e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
					   "proposal or transform past the SA");
		plen = get16(p + off + 2);
		next = p[off];
		if (plen < ISAKMP_GEN_LEN || plen > len - off)
			return isakmp_fail(
				e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
				"proposal or transform length out of bounds");
		if (*count == max)
			return isakmp_fail(e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
					   "too many proposals or transforms");
		err = one(p + off + ISAKMP_GEN_LEN, plen - ISAKMP_GEN_LEN, arg,
			  e);
		if (err)
			return err;
		++*count;
		off += plen;
	}
	if (next != ISAKMP_PL_NONE || off != len)
		return isakmp_fail(
			e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
			"proposal or transform chain does not end the SA");
	return 0;
}

static int isakmp_transform_one(const uint8_t *p, size_t len, void *arg,
				struct isakmp_err *e)
{
	struct isakmp_proposal *prop = arg;
	struct isakmp_transform *t = &prop->xf[prop->nxf];

	if (len < 4)
		return isakmp_fail(e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
				   "transform shorter than its header");
	memset(t, 0, sizeof(*t));
	t->num = p[0];
	t->id = p[1];
	prop->nxf++; /* isakmp_chain() counts separately and checks */
	return isakmp_attrs_parse(p + 4, len - 4, t, e);
}

static int isakmp_proposal_one(const uint8_t *p, size_t len, void *arg,
			       struct isakmp_err *e)
{
	struct isakmp_sa *sa = arg;
	struct isakmp_proposal *prop = &sa->props[sa->nprops];
	size_t ntf, count;
	int err;

	if (len < 4)
		return isakmp_fail(e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
				   "proposal shorter than its header");
	memset(prop, 0, sizeof(*prop));
	prop->num = p[0];
	prop->proto = p[1];
	prop->spi_size = p[2];
	ntf = p[3];
	if (prop->spi_size > sizeof(prop->spi) || prop->spi_size > len - 4)
		return isakmp_fail(e, ISAKMP_N_INVALID_SPI,
				   "SPI size out of bounds");
	if (sa->nprops && prop->num < sa->props[sa->nprops - 1].num)
		return isakmp_fail(e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
				   "proposal numbers go down");
	memcpy(prop->spi, p + 4, prop->spi_size);
	p += 4 + prop->spi_size;
	len -= 4 + prop->spi_size;
	err = isakmp_chain(p, len, ISAKMP_PL_T, ISAKMP_TRANSFORMS_MAX, &count,
			   isakmp_transform_one, prop, e);
	if (err)
		return err;
	if (count != ntf || !count)
		return isakmp_fail(e, ISAKMP_N_BAD_PROPOSAL_SYNTAX,
				   "transform count is not the proposal's");
	sa->nprops++;
	return 0;
}

int isakmp_sa_parse(const uint8_t *body, size_t len, struct isakmp_sa *sa,
		    struct isakmp_err *e)
{
	size_t count;

	memset(sa, 0, sizeof(*sa));
	if (len < 8)
		return isakmp_fail(e, ISAKMP_N_PAYLOAD_MALFORMED,
				   "SA payload shorter than DOI and situation");
	sa->doi = get32(body);
	sa->situation = get32(body + 4);
	if (sa->doi != ISAKMP_DOI_IPSEC)
		return isakmp_fail(e, ISAKMP_N_DOI_NOT_SUPPORTED,
				   "DOI is not IPsec");
	if (sa->situation != ISAKMP_SIT_IDENTITY_ONLY)
		return isakmp_fail(e, ISAKMP_N_SITUATION_NOT_SUPPORTED,
				   "situation is not identity-only");
	return isakmp_chain(body + 8, len - 8, ISAKMP_PL_P,
			    ISAKMP_PROPOSALS_MAX, &count, isakmp_proposal_one,
			    sa, e);
}

const struct isakmp_attr *isakmp_attr_find(const struct isakmp_transform *t,
					   uint16_t type)
{
	size_t i;

	for (i = 0; i < t->nattrs; i++)
		if (t->attrs[i].type == type)
			return &t->attrs[i];
	return NULL;
}

/* ---- writing ---- */

static void isakmp_w_set16(struct isakmp_w *w, size_t at, size_t v)
{
	if (w->err || at + 2 > w->len)
		return;
	if (v > 0xffff) {
		w->err = true;
		return;
	}
	w->buf[at] = (uint8_t)(v >> 8);
	w->buf[at + 1] = (uint8_t)v;
}

void isakmp_w_put(struct isakmp_w *w, const void *data, size_t len)
{
	if (w->err || len > w->cap - w->len) {
		w->err = true;
		return;
	}
	memcpy(w->buf + w->len, data, len);
	w->len += len;
}

void isakmp_w_u8(struct isakmp_w *w, uint8_t v)
{
	isakmp_w_put(w, &v, 1);
}

void isakmp_w_u16(struct isakmp_w *w, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	isakmp_w_put(w, b, 2);
}

void isakmp_w_u32(struct isakmp_w *w, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
			 (uint8_t)(v >> 8), (uint8_t)v };

	isakmp_w_put(w, b, 4);
}

void isakmp_w_init(struct isakmp_w *w, uint8_t *buf, size_t cap,
		   const struct isakmp_hdr *h)
{
	memset(w, 0, sizeof(*w));
	w->buf = buf;
	w->cap = cap > ISAKMP_MSG_MAX ? ISAKMP_MSG_MAX : cap;
	isakmp_w_put(w, h->icky, 8);
	isakmp_w_put(w, h->rcky, 8);
	isakmp_w_u8(w, ISAKMP_PL_NONE);
	isakmp_w_u8(w, ISAKMP_VERSION);
	isakmp_w_u8(w, h->exchange);
	isakmp_w_u8(w, h->flags);
	isakmp_w_u32(w, h->msgid);
	isakmp_w_u32(w, 0);
	w->next_at = 16;
}

static void isakmp_w_close(struct isakmp_w *w)
{
	if (w->pl_at)
		isakmp_w_set16(w, w->pl_at + 2, w->len - w->pl_at);
	w->pl_at = 0;
}

void isakmp_w_payload(struct isakmp_w *w, uint8_t type)
{
	isakmp_w_close(w);
	if (w->err)
		return;
	w->buf[w->next_at] = type;
	w->pl_at = w->len;
	w->next_at = w->len;
	isakmp_w_u32(w, 0); /* next, reserved, length */
}

void isakmp_w_simple(struct isakmp_w *w, uint8_t type, const void *body,
		     size_t len)
{
	isakmp_w_payload(w, type);
	isakmp_w_put(w, body, len);
}

void isakmp_w_attr(struct isakmp_w *w, uint16_t type, uint64_t val)
{
	if (val <= 0xffff) {
		isakmp_w_u16(w, type | ISAKMP_ATTR_AF);
		isakmp_w_u16(w, (uint16_t)val);
		return;
	}
	isakmp_w_u16(w, type);
	if (val <= 0xffffffffULL) {
		isakmp_w_u16(w, 4);
		isakmp_w_u32(w, (uint32_t)val);
		return;
	}
	isakmp_w_u16(w, 8);
	isakmp_w_u32(w, (uint32_t)(val >> 32));
	isakmp_w_u32(w, (uint32_t)val);
}

static void isakmp_w_transform(struct isakmp_w *w,
			       const struct isakmp_transform *t, bool last)
{
	size_t at = w->len, i;

	isakmp_w_u8(w, last ? ISAKMP_PL_NONE : ISAKMP_PL_T);
	isakmp_w_u8(w, 0);
	isakmp_w_u16(w, 0);
	isakmp_w_u8(w, t->num);
	isakmp_w_u8(w, t->id);
	isakmp_w_u16(w, 0);
	for (i = 0; i < t->nattrs; i++)
		isakmp_w_attr(w, t->attrs[i].type, t->attrs[i].val);
	isakmp_w_set16(w, at + 2, w->len - at);
}

static void isakmp_w_proposal(struct isakmp_w *w,
			      const struct isakmp_proposal *p, bool last)
{
	size_t at = w->len, i;

	isakmp_w_u8(w, last ? ISAKMP_PL_NONE : ISAKMP_PL_P);
	isakmp_w_u8(w, 0);
	isakmp_w_u16(w, 0);
	isakmp_w_u8(w, p->num);
	isakmp_w_u8(w, p->proto);
	isakmp_w_u8(w, p->spi_size);
	isakmp_w_u8(w, (uint8_t)p->nxf);
	isakmp_w_put(w, p->spi, p->spi_size);
	for (i = 0; i < p->nxf; i++)
		isakmp_w_transform(w, &p->xf[i], i + 1 == p->nxf);
	isakmp_w_set16(w, at + 2, w->len - at);
}

void isakmp_w_sa(struct isakmp_w *w, const struct isakmp_sa *sa)
{
	size_t i;

	isakmp_w_payload(w, ISAKMP_PL_SA);
	isakmp_w_u32(w, sa->doi);
	isakmp_w_u32(w, sa->situation);
	for (i = 0; i < sa->nprops; i++)
		isakmp_w_proposal(w, &sa->props[i], i + 1 == sa->nprops);
}

int isakmp_w_finish(struct isakmp_w *w)
{
	isakmp_w_close(w);
	if (w->err)
		return -ENOSPC;
	w->buf[24] = (uint8_t)(w->len >> 24);
	w->buf[25] = (uint8_t)(w->len >> 16);
	w->buf[26] = (uint8_t)(w->len >> 8);
	w->buf[27] = (uint8_t)w->len;
	return (int)w->len;
}

size_t isakmp_w_body_at(const struct isakmp_w *w)
{
	return w->pl_at + ISAKMP_GEN_LEN;
}
