/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inbound anti-replay window (RFC 4303 section 3.4.3 and Appendix A), with
 * 64-bit Extended Sequence Numbers.
 */
#ifndef _NFSEC_REPLAY_H
#define _NFSEC_REPLAY_H

#include <linux/types.h>

/* Largest window, in packets (as Linux XFRM allows). */
#define NFSEC_REPLAY_WINDOW_MAX 4096

enum nfsec_replay_verdict {
	NFSEC_REPLAY_OK,
	NFSEC_REPLAY_DUP,	/* seen before, inside the window */
	NFSEC_REPLAY_OLD,	/* left of the window */
	NFSEC_REPLAY_ZERO,	/* sequence number 0 is never sent */
};

/*
 * State of one inbound SA.  @top is the highest sequence number whose ICV
 * verified (all 64 bits with ESN); bit (s & mask) of @bmp records whether s
 * was seen, for top - size < s <= top.  The caller serialises
 * nfsec_replay_advance() per SA; nfsec_replay_check() only reads, so a
 * packet checked before async decryption is checked again on advance.
 */
struct nfsec_replay {
	u64 top;
	u32 size;	/* window in packets; 0: anti-replay off (no ESN) */
	u32 mask;	/* bitmap bits - 1, a power of two minus one */
	bool esn;
	unsigned long bmp[];
};

/* A window of @size packets (0 to NFSEC_REPLAY_WINDOW_MAX), or ERR_PTR. */
struct nfsec_replay *nfsec_replay_alloc(u32 size, bool esn, gfp_t gfp);
void nfsec_replay_free(struct nfsec_replay *r);

/*
 * Before the ICV is checked: infers the full sequence number of a packet
 * carrying @seq_lo (RFC 4303 A2.2) into *@seq and says whether it may be
 * new.  With ESN the caller authenticates the high 32 bits of *@seq.
 */
enum nfsec_replay_verdict nfsec_replay_check(const struct nfsec_replay *r,
					     u32 seq_lo, u64 *seq);

/*
 * After the ICV verified: checks @seq again (another packet may have moved
 * the window meanwhile) and, when it is still new, records it.
 */
enum nfsec_replay_verdict nfsec_replay_advance(struct nfsec_replay *r,
					       u64 seq);

#endif /* _NFSEC_REPLAY_H */
