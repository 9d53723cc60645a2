/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ESP (RFC 4303) transforms of one packet with one SA's AEAD, and the
 * per-packet state ESP and AH (ah.h) share.
 */
#ifndef _NFSEC_ESP_H
#define _NFSEC_ESP_H

#include <linux/skbuff.h>

struct nfsec_sa;

/*
 * nfsec's state in skb->cb while it owns a packet (between stealing it in
 * a hook and handing it back to the stack).
 */
struct nfsec_skb_cb {
	struct nfsec_sa *sa;		/* held: the transform under way */
	union {
		struct net_device *dev;	/* inbound: arrival device, held */
		struct nfsec_sa *ah;	/* outbound: AH after ESP, held */
	};
	void *tmp;			/* crypto request memory */
	void (*done)(struct sk_buff *skb, int err);
	u64 seq;			/* full sequence number */
	u16 hdr_len;			/* bytes in front of the ESP header */
	u8 family;			/* of the IP header in front */
	u8 nexthdr;			/* outbound: what ESP carries */
	u8 tos;				/* outbound: inner TOS/traffic class */
	bool df;			/* outbound: outer DF bit */
};

static inline struct nfsec_skb_cb *NFSEC_SKB_CB(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct nfsec_skb_cb) > sizeof(skb->cb));
	return (struct nfsec_skb_cb *)skb->cb;
}

/* Bytes ESP adds to @len bytes of payload. */
unsigned int nfsec_esp_overhead(const struct nfsec_sa *sa, unsigned int len);

/*
 * Inserts the ESP header after cb->hdr_len bytes and encrypts the rest in
 * place.  Returns -EINPROGRESS when cb->done will be called, otherwise the
 * result (cb->done is not called).  Errors: -EOVERFLOW (sequence numbers
 * exhausted), -ENOMEM, or the crypto API's.
 */
int nfsec_esp_output(struct sk_buff *skb);

/*
 * Checks, decrypts and strips the ESP header at cb->hdr_len, leaving the
 * payload right after those bytes and cb->nexthdr set.  Returns
 * -EINPROGRESS as above, or: -EINVAL malformed, -EEXIST replayed, -EBADMSG
 * ICV mismatch, -EPROTO bad padding, -ENOMEM, crypto API errors.
 */
int nfsec_esp_input(struct sk_buff *skb);

#endif /* _NFSEC_ESP_H */
