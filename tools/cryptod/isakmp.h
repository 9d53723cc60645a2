/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ISAKMP (RFC 2408) messages as IKEv1 (RFC 2409) and the IPsec DOI
 * (RFC 2407) use them: the header, the payload chain, SA payloads with
 * their proposals, transforms and attributes, and a writer for all of it.
 *
 * Parsing never trusts a length: every payload must fit its parent, the
 * chain must end exactly where the message (or, once decrypted, its
 * padding) does, and counts must match what is there.  Parsed payloads
 * point into the caller's buffer.
 */
#ifndef NFSEC_ISAKMP_H
#define NFSEC_ISAKMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ISAKMP_HDR_LEN 28
#define ISAKMP_GEN_LEN 4 /* generic payload header */
#define ISAKMP_VERSION 0x10 /* major 1, minor 0 */
#define ISAKMP_MSG_MAX 65535

/* Exchange types (RFC 2408 3.1, RFC 2409 9) */
enum {
	ISAKMP_EXCH_IDPROT = 2, /* Main Mode */
	ISAKMP_EXCH_AGGRESSIVE = 4,
	ISAKMP_EXCH_INFO = 5,
	ISAKMP_EXCH_QUICK = 32,
};

/* Header flags */
#define ISAKMP_FLAG_ENC 0x01
#define ISAKMP_FLAG_COMMIT 0x02
#define ISAKMP_FLAG_AUTH 0x04

/* Payload types (RFC 2408 3.1, RFC 3947) */
enum {
	ISAKMP_PL_NONE = 0,
	ISAKMP_PL_SA = 1,
	ISAKMP_PL_P = 2,
	ISAKMP_PL_T = 3,
	ISAKMP_PL_KE = 4,
	ISAKMP_PL_ID = 5,
	ISAKMP_PL_CERT = 6,
	ISAKMP_PL_CR = 7,
	ISAKMP_PL_HASH = 8,
	ISAKMP_PL_SIG = 9,
	ISAKMP_PL_NONCE = 10,
	ISAKMP_PL_N = 11,
	ISAKMP_PL_D = 12,
	ISAKMP_PL_VID = 13,
	ISAKMP_PL_NAT_D = 20,
	ISAKMP_PL_NAT_OA = 21,
};

/* DOI, situation, protocols (RFC 2407 4.2, 4.4.1) */
#define ISAKMP_DOI_IPSEC 1
#define ISAKMP_SIT_IDENTITY_ONLY 1
enum {
	ISAKMP_PROTO_ISAKMP = 1,
	ISAKMP_PROTO_IPSEC_AH = 2,
	ISAKMP_PROTO_IPSEC_ESP = 3,
};

struct isakmp_hdr {
	uint8_t icky[8], rcky[8];
	uint8_t next, version, exchange, flags;
	uint32_t msgid, len;
};

struct isakmp_payload {
	uint8_t type;
	const uint8_t *body; /* after the generic header */
	size_t len; /* of body */
};

#define ISAKMP_PAYLOADS_MAX 32

struct isakmp_payloads {
	struct isakmp_payload pl[ISAKMP_PAYLOADS_MAX];
	size_t n;
};

/* SA attributes: TV (AF set, 16-bit value) or TLV (up to 8 bytes here). */
struct isakmp_attr {
	uint16_t type;
	uint64_t val;
};

#define ISAKMP_ATTRS_MAX 16
#define ISAKMP_TRANSFORMS_MAX 32
#define ISAKMP_PROPOSALS_MAX 8

struct isakmp_transform {
	uint8_t num, id;
	struct isakmp_attr attrs[ISAKMP_ATTRS_MAX];
	size_t nattrs;
};

struct isakmp_proposal {
	uint8_t num, proto, spi_size;
	uint8_t spi[16];
	struct isakmp_transform xf[ISAKMP_TRANSFORMS_MAX];
	size_t nxf;
};

struct isakmp_sa {
	uint32_t doi, situation;
	struct isakmp_proposal props[ISAKMP_PROPOSALS_MAX];
	size_t nprops;
};

/* Error codes as notify types would name them (RFC 2408 3.14.1). */
enum {
	ISAKMP_N_INVALID_PAYLOAD_TYPE = 1,
	ISAKMP_N_DOI_NOT_SUPPORTED = 2,
	ISAKMP_N_SITUATION_NOT_SUPPORTED = 3,
	ISAKMP_N_INVALID_COOKIE = 4,
	ISAKMP_N_INVALID_MAJOR_VERSION = 5,
	ISAKMP_N_INVALID_EXCHANGE_TYPE = 7,
	ISAKMP_N_INVALID_FLAGS = 8,
	ISAKMP_N_INVALID_MESSAGE_ID = 9,
	ISAKMP_N_INVALID_PROTOCOL_ID = 10,
	ISAKMP_N_INVALID_SPI = 11,
	ISAKMP_N_INVALID_TRANSFORM_ID = 12,
	ISAKMP_N_ATTRIBUTES_NOT_SUPPORTED = 13,
	ISAKMP_N_NO_PROPOSAL_CHOSEN = 14,
	ISAKMP_N_BAD_PROPOSAL_SYNTAX = 15,
	ISAKMP_N_PAYLOAD_MALFORMED = 16,
	ISAKMP_N_INVALID_KEY_INFORMATION = 17,
	ISAKMP_N_INVALID_ID_INFORMATION = 18,
	ISAKMP_N_AUTHENTICATION_FAILED = 24,
	ISAKMP_N_INVALID_HASH_INFORMATION = 23,
	ISAKMP_N_RESPONDER_LIFETIME = 24576, /* RFC 2407 4.6.3.1 */
	ISAKMP_N_INITIAL_CONTACT = 24578, /* RFC 2407 4.6.3.3 */
	ISAKMP_N_R_U_THERE = 36136, /* RFC 3706 */
	ISAKMP_N_R_U_THERE_ACK = 36137,
};

/*
 * A parse result: 0, or the notify type that says what was wrong, with a
 * message for the log in @why (static text).
 */
struct isakmp_err {
	uint16_t notify;
	const char *why;
};

/*
 * Attributes back to back in @p (a transform's, or a notification's data)
 * appended to @t->attrs.  0 or -EBADMSG with @e set.
 */
int isakmp_attrs_parse(const uint8_t *p, size_t len, struct isakmp_transform *t,
		       struct isakmp_err *e);

/* The fixed header; checks version and that len matches the datagram. */
int isakmp_hdr_parse(const uint8_t *buf, size_t len, struct isakmp_hdr *h,
		     struct isakmp_err *e);
/*
 * The payload chain from @first over @len bytes.  @padded: the bytes
 * after the last payload are encryption padding (allowed up to a block,
 * 16 bytes, as RFC 2409 appendix B pads) rather than garbage.
 */
int isakmp_payloads_parse(const uint8_t *buf, size_t len, uint8_t first,
			  bool padded, struct isakmp_payloads *out,
			  struct isakmp_err *e);
/* The first payload of @type, or NULL. */
const struct isakmp_payload *isakmp_find(const struct isakmp_payloads *p,
					 uint8_t type);
/* An SA payload's body (DOI, situation, proposals). */
int isakmp_sa_parse(const uint8_t *body, size_t len, struct isakmp_sa *sa,
		    struct isakmp_err *e);
/* The attribute @type of a transform, or NULL. */
const struct isakmp_attr *isakmp_attr_find(const struct isakmp_transform *t,
					   uint16_t type);

/* ---- writing ---- */

/*
 * A message under construction.  Payloads are chained as they are added:
 * each one's type goes into the previous one's next-payload field (or the
 * header's).  Overflows set ->err and are reported by isakmp_w_finish().
 */
struct isakmp_w {
	uint8_t *buf;
	size_t len, cap;
	size_t next_at; /* where the next payload's type goes */
	size_t pl_at; /* the open payload's start */
	bool err;
};

void isakmp_w_init(struct isakmp_w *w, uint8_t *buf, size_t cap,
		   const struct isakmp_hdr *h);
void isakmp_w_put(struct isakmp_w *w, const void *data, size_t len);
void isakmp_w_u8(struct isakmp_w *w, uint8_t v);
void isakmp_w_u16(struct isakmp_w *w, uint16_t v);
void isakmp_w_u32(struct isakmp_w *w, uint32_t v);
/* Opens a payload of @type (closing the open one); its body follows. */
void isakmp_w_payload(struct isakmp_w *w, uint8_t type);
/* A whole payload: type and body. */
void isakmp_w_simple(struct isakmp_w *w, uint8_t type, const void *body,
		     size_t len);
/* An attribute: TV when @val fits 16 bits and the type allows, else TLV. */
void isakmp_w_attr(struct isakmp_w *w, uint16_t type, uint64_t val);
/*
 * SA payload from @sa: proposals, transforms and attributes, each with its
 * own chain (P: 2 then 0, T: 3 then 0) and lengths.
 */
void isakmp_w_sa(struct isakmp_w *w, const struct isakmp_sa *sa);
/* Closes the open payload and sets the header length; total or -ENOSPC. */
int isakmp_w_finish(struct isakmp_w *w);
/* Offset of the open payload's body (for hashing what was written). */
size_t isakmp_w_body_at(const struct isakmp_w *w);

#endif /* NFSEC_ISAKMP_H */
