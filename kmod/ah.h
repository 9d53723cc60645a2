/* SPDX-License-Identifier: GPL-2.0 */
/*
 * AH (RFC 4302) on one packet with one SA's keyed HMAC.
 */
#ifndef _NFSEC_AH_H
#define _NFSEC_AH_H

#include <linux/ip.h>
#include <linux/skbuff.h>

struct nfsec_sa;

/*
 * Bytes of the AH header (ICV and padding included) @sa sends over an
 * @family header: 8-byte aligned, as XFRM sends it.
 */
unsigned int nfsec_ah_hlen(const struct nfsec_sa *sa, u8 family);

/*
 * Zero the fields of an IP header that change in transit, as RFC 4302
 * section 3.3.3.1 and Appendix A list them, so the ICV covers only what
 * arrives as sent.  @hdr is @len bytes: the IPv4 header with its options,
 * or the IPv6 header with the extension headers in front of AH.  IPv4
 * source routes put the final destination in the destination field.
 * Returns -EINVAL for malformed options, -EAFNOSUPPORT for an IPv6
 * extension header nfsec does not authenticate (routing headers).
 */
int nfsec_ah_zero_mutable4(u8 *hdr, unsigned int len);
int nfsec_ah_zero_mutable6(u8 *hdr, unsigned int len);

/*
 * Inserts AH after the cb->hdr_len bytes of IP header at skb->data (which
 * become its protocol/next header and length) and computes the ICV.
 * cb->nexthdr is what AH carries.  Returns -EINPROGRESS when cb->done will
 * be called, otherwise the result: -EOVERFLOW (sequence numbers
 * exhausted), -ENOMEM, -EINVAL or the crypto API's.
 */
int nfsec_ah_output(struct sk_buff *skb);

/*
 * Verifies the AH at cb->hdr_len, then strips it, leaving cb->nexthdr set
 * and the IP header in front as it arrived (its protocol/next header and
 * length are the caller's to fix).  Returns -EINPROGRESS as above, or:
 * -EINVAL malformed, -EEXIST replayed, -EBADMSG ICV mismatch,
 * -EAFNOSUPPORT, -ENOMEM, crypto API errors.
 */
int nfsec_ah_input(struct sk_buff *skb);

#endif /* _NFSEC_AH_H */
