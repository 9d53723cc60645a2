// SPDX-License-Identifier: GPL-2.0
/*
 * Inbound anti-replay window (see replay.h).
 *
 * The bitmap is a ring of a power-of-two number of bits, at least the window
 * size: sequence number s lives at bit (s & mask).  Moving the top forward
 * clears the bits the window slides over; nothing is ever shifted.
 */
#include <linux/bitmap.h>
#include <linux/err.h>
#include <linux/log2.h>
#include <linux/overflow.h>
#include <linux/slab.h>

#include "replay.h"

struct nfsec_replay *nfsec_replay_alloc(u32 size, bool esn, gfp_t gfp)
{
	struct nfsec_replay *r;
	u32 bits;

	/* ESN needs a window to infer the high bits against. */
	if (size > NFSEC_REPLAY_WINDOW_MAX || (esn && !size))
		return ERR_PTR(-EINVAL);
	bits = roundup_pow_of_two(max_t(u32, size, BITS_PER_LONG));
	r = kzalloc(struct_size(r, bmp, BITS_TO_LONGS(bits)), gfp);
	if (!r)
		return ERR_PTR(-ENOMEM);
	r->size = size;
	r->mask = bits - 1;
	r->esn = esn;
	return r;
}

void nfsec_replay_free(struct nfsec_replay *r)
{
	kfree(r);
}

/*
 * RFC 4303 A2.2: the high half is the top's, one more when the low half lies
 * below a window that sits in one subspace, one less when the window spans
 * two subspaces and the low half lies in the older one.  U64_MAX stands for
 * "before sequence number 0": older than anything.
 */
static u64 nfsec_replay_infer(const struct nfsec_replay *r, u32 seq_lo)
{
	u32 top_lo = lower_32_bits(r->top), top_hi = upper_32_bits(r->top);
	u32 bottom = top_lo - r->size + 1;

	if (top_lo >= r->size - 1) {
		if (seq_lo < bottom)
			top_hi++;
	} else if (seq_lo >= bottom) {
		if (!top_hi)
			return U64_MAX;
		top_hi--;
	}
	return (u64)top_hi << 32 | seq_lo;
}

static enum nfsec_replay_verdict
nfsec_replay_verdict(const struct nfsec_replay *r, u64 seq)
{
	if (!seq)
		return NFSEC_REPLAY_ZERO;
	if (!r->size || seq > r->top)
		return NFSEC_REPLAY_OK;
	if (r->top - seq >= r->size)
		return NFSEC_REPLAY_OLD;
	if (test_bit(seq & r->mask, r->bmp))
		return NFSEC_REPLAY_DUP;
	return NFSEC_REPLAY_OK;
}

enum nfsec_replay_verdict nfsec_replay_check(const struct nfsec_replay *r,
					     u32 seq_lo, u64 *seq)
{
	if (!r->esn) {
		*seq = seq_lo;
	} else {
		*seq = nfsec_replay_infer(r, seq_lo);
		if (*seq == U64_MAX)
			return NFSEC_REPLAY_OLD;
	}
	return nfsec_replay_verdict(r, *seq);
}

/* Clears the bits for top + 1 .. @seq, which the window now covers. */
static void nfsec_replay_slide(struct nfsec_replay *r, u64 seq)
{
	u64 diff = seq - r->top;
	u32 bits = r->mask + 1, start, n;

	if (diff >= bits) {
		bitmap_zero(r->bmp, bits);
		return;
	}
	start = (r->top + 1) & r->mask;
	n = diff;
	if (start + n <= bits) {
		bitmap_clear(r->bmp, start, n);
		return;
	}
	bitmap_clear(r->bmp, start, bits - start);
	bitmap_clear(r->bmp, 0, n - (bits - start));
}

enum nfsec_replay_verdict nfsec_replay_advance(struct nfsec_replay *r,
					       u64 seq)
{
	enum nfsec_replay_verdict v = nfsec_replay_verdict(r, seq);

	/* With anti-replay off the bitmap is kept but never consulted. */
	if (v != NFSEC_REPLAY_OK)
		return v;
	if (seq > r->top) {
		nfsec_replay_slide(r, seq);
		r->top = seq;
	}
	__set_bit(seq & r->mask, r->bmp);
	return NFSEC_REPLAY_OK;
}
