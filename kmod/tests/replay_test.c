// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the anti-replay window (replay.c), including the ESN inference
 * cases of RFC 4303 Appendix A2.2.
 */
#include <kunit/test.h>

#include "../replay.c"

static struct nfsec_replay *replay_new(struct kunit *test, u32 size, bool esn)
{
	struct nfsec_replay *r = nfsec_replay_alloc(size, esn, GFP_KERNEL);

	KUNIT_ASSERT_FALSE(test, IS_ERR(r));
	return r;
}

/* A packet arriving whole: checked, "verified", then recorded. */
static enum nfsec_replay_verdict feed(struct nfsec_replay *r, u32 seq_lo)
{
	enum nfsec_replay_verdict v;
	u64 seq;

	v = nfsec_replay_check(r, seq_lo, &seq);
	return v == NFSEC_REPLAY_OK ? nfsec_replay_advance(r, seq) : v;
}

static void replay_test_alloc_bounds(struct kunit *test)
{
	struct nfsec_replay *r;

	KUNIT_EXPECT_EQ(test, PTR_ERR(nfsec_replay_alloc(4097, false,
							 GFP_KERNEL)),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, PTR_ERR(nfsec_replay_alloc(0, true, GFP_KERNEL)),
			-EINVAL);
	r = replay_new(test, 4096, true);
	KUNIT_EXPECT_EQ(test, r->mask, 4095U);
	nfsec_replay_free(r);
	r = replay_new(test, 1000, false);
	KUNIT_EXPECT_EQ(test, r->mask, 1023U);
	nfsec_replay_free(r);
	r = replay_new(test, 1, false);
	KUNIT_EXPECT_EQ(test, r->mask, (u32)BITS_PER_LONG - 1);
	nfsec_replay_free(r);
}

static void replay_test_in_order_then_replayed(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, false);
	u32 s;

	for (s = 1; s <= 200; s++)
		KUNIT_EXPECT_EQ(test, feed(r, s), NFSEC_REPLAY_OK);
	for (s = 1; s <= 136; s++)
		KUNIT_EXPECT_EQ(test, feed(r, s), NFSEC_REPLAY_OLD);
	for (s = 137; s <= 200; s++)
		KUNIT_EXPECT_EQ(test, feed(r, s), NFSEC_REPLAY_DUP);
	nfsec_replay_free(r);
}

static void replay_test_reorder_within_window(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, false);

	KUNIT_EXPECT_EQ(test, feed(r, 100), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 90), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 99), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 37), NFSEC_REPLAY_OK);	/* left edge */
	KUNIT_EXPECT_EQ(test, feed(r, 36), NFSEC_REPLAY_OLD);
	KUNIT_EXPECT_EQ(test, feed(r, 90), NFSEC_REPLAY_DUP);
	KUNIT_EXPECT_EQ(test, feed(r, 100), NFSEC_REPLAY_DUP);
	nfsec_replay_free(r);
}

static void replay_test_zero_never_valid(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, false);

	KUNIT_EXPECT_EQ(test, feed(r, 0), NFSEC_REPLAY_ZERO);
	nfsec_replay_free(r);
}

static void replay_test_window_of_one(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 1, false);

	KUNIT_EXPECT_EQ(test, feed(r, 5), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 5), NFSEC_REPLAY_DUP);
	KUNIT_EXPECT_EQ(test, feed(r, 4), NFSEC_REPLAY_OLD);
	KUNIT_EXPECT_EQ(test, feed(r, 6), NFSEC_REPLAY_OK);
	nfsec_replay_free(r);
}

static void replay_test_window_4096_edges(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 4096, false);

	KUNIT_EXPECT_EQ(test, feed(r, 5000), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 905), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 904), NFSEC_REPLAY_OLD);
	KUNIT_EXPECT_EQ(test, feed(r, 905), NFSEC_REPLAY_DUP);
	nfsec_replay_free(r);
}

/* A jump wider than the ring forgets everything before it. */
static void replay_test_big_jump(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, false);
	u32 s;

	for (s = 1; s <= 10; s++)
		feed(r, s);
	KUNIT_EXPECT_EQ(test, feed(r, 79), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 15), NFSEC_REPLAY_OLD);
	KUNIT_EXPECT_EQ(test, feed(r, 16), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 20), NFSEC_REPLAY_OK);
	nfsec_replay_free(r);
}

/* Sliding across the end of the ring clears both pieces, nothing more. */
static void replay_test_slide_wraps_ring(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, false);

	feed(r, 60);
	feed(r, 2);
	feed(r, 7);
	KUNIT_EXPECT_EQ(test, feed(r, 70), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 66), NFSEC_REPLAY_OK);	/* bit of 2 */
	KUNIT_EXPECT_EQ(test, feed(r, 7), NFSEC_REPLAY_DUP);
	KUNIT_EXPECT_EQ(test, feed(r, 6), NFSEC_REPLAY_OLD);
	KUNIT_EXPECT_EQ(test, feed(r, 60), NFSEC_REPLAY_DUP);
	KUNIT_EXPECT_EQ(test, feed(r, 61), NFSEC_REPLAY_OK);
	nfsec_replay_free(r);
}

/* Two copies decrypted at once: both pass the check, one is recorded. */
static void replay_test_async_recheck(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, false);
	u64 a, b, old;

	feed(r, 60);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 50, &a), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 50, &b), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 10, &old), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_advance(r, a), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_advance(r, b), NFSEC_REPLAY_DUP);
	/* The window moved past 10 while it was being decrypted. */
	KUNIT_EXPECT_EQ(test, nfsec_replay_advance(r, 200), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_advance(r, old), NFSEC_REPLAY_OLD);
	nfsec_replay_free(r);
}

/* Without ESN nothing is inferred: 0 after 2^32 - 1 is just invalid. */
static void replay_test_no_esn_no_wrap(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, false);

	KUNIT_EXPECT_EQ(test, feed(r, U32_MAX), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 0), NFSEC_REPLAY_ZERO);
	KUNIT_EXPECT_EQ(test, feed(r, 1), NFSEC_REPLAY_OLD);
	nfsec_replay_free(r);
}

static void replay_test_disabled(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 0, false);

	KUNIT_EXPECT_EQ(test, feed(r, 7), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 7), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 1), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 0), NFSEC_REPLAY_ZERO);
	nfsec_replay_free(r);
}

#define SUB(hi) ((u64)(hi) << 32)

/* A2.2 case A, window inside one subspace: same or next subspace. */
static void replay_test_esn_case_a(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, true);
	u64 seq;

	KUNIT_ASSERT_EQ(test, nfsec_replay_advance(r, SUB(1) + 100),
			NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 90, &seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(1) + 90);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 37, &seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(1) + 37);
	/* below the window bottom: the next subspace, ahead of the top */
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 20, &seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(2) + 20);
	nfsec_replay_free(r);
}

/* A2.2 case B, window spanning two subspaces. */
static void replay_test_esn_case_b(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, true);
	u64 seq;

	KUNIT_ASSERT_EQ(test, nfsec_replay_advance(r, SUB(1) + 10),
			NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 0xfffffff0, &seq),
			NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(0) + 0xfffffff0);
	KUNIT_EXPECT_EQ(test, nfsec_replay_advance(r, seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 0xfffffff0, &seq),
			NFSEC_REPLAY_DUP);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 5, &seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(1) + 5);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 0xffffff00, &seq),
			NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(1) + 0xffffff00);	/* ahead */
	nfsec_replay_free(r);
}

/* At the start there is no older subspace to fall back into. */
static void replay_test_esn_start(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 64, true);
	u64 seq;

	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 0xfffffff0, &seq),
			NFSEC_REPLAY_OLD);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 1, &seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, 1ULL);
	KUNIT_EXPECT_EQ(test, feed(r, 0), NFSEC_REPLAY_ZERO);
	nfsec_replay_free(r);
}

/* In-order traffic crosses 2^32: low half 0 is then valid. */
static void replay_test_esn_wrap(struct kunit *test)
{
	struct nfsec_replay *r = replay_new(test, 4096, true);
	u64 seq;

	KUNIT_ASSERT_EQ(test, nfsec_replay_advance(r, 0xfffffffeULL),
			NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, feed(r, 0xffffffff), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 0, &seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(1));
	KUNIT_EXPECT_EQ(test, nfsec_replay_advance(r, seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 1, &seq), NFSEC_REPLAY_OK);
	KUNIT_EXPECT_EQ(test, seq, SUB(1) + 1);
	/* the last packets of subspace 0 are still recognised as seen */
	KUNIT_EXPECT_EQ(test, nfsec_replay_check(r, 0xffffffff, &seq),
			NFSEC_REPLAY_DUP);
	KUNIT_EXPECT_EQ(test, seq, 0xffffffffULL);
	nfsec_replay_free(r);
}

static struct kunit_case nfsec_replay_test_cases[] = {
	KUNIT_CASE(replay_test_alloc_bounds),
	KUNIT_CASE(replay_test_in_order_then_replayed),
	KUNIT_CASE(replay_test_reorder_within_window),
	KUNIT_CASE(replay_test_zero_never_valid),
	KUNIT_CASE(replay_test_window_of_one),
	KUNIT_CASE(replay_test_window_4096_edges),
	KUNIT_CASE(replay_test_big_jump),
	KUNIT_CASE(replay_test_slide_wraps_ring),
	KUNIT_CASE(replay_test_async_recheck),
	KUNIT_CASE(replay_test_no_esn_no_wrap),
	KUNIT_CASE(replay_test_disabled),
	KUNIT_CASE(replay_test_esn_case_a),
	KUNIT_CASE(replay_test_esn_case_b),
	KUNIT_CASE(replay_test_esn_start),
	KUNIT_CASE(replay_test_esn_wrap),
	{}
};

static struct kunit_suite nfsec_replay_test_suite = {
	.name = "nfsec_replay",
	.test_cases = nfsec_replay_test_cases,
};

kunit_test_suite(nfsec_replay_test_suite);
