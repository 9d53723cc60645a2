/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers shared by the known-answer suites (esp_test.c, ah_test.c):
 * a packet in an skb as nfsec's hooks hand it over, and a run of a
 * transform that waits for an async completion.
 */
#ifndef _NFSEC_KAT_UTIL_H
#define _NFSEC_KAT_UTIL_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/skbuff.h>

#include "../esp.h"
#include "../scratch.h"

struct kat_ctx {
	struct completion done;
	int err;
};

static struct kat_ctx *kat_current;

static void kat_done(struct sk_buff *skb, int err)
{
	kat_current->err = err;
	complete(&kat_current->done);
}

static struct sk_buff *kat_skb(struct kunit *test, struct nfsec_sa *sa,
			       const u8 *data, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(128 + len + 128, GFP_KERNEL);
	struct nfsec_skb_cb *cb;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_reserve(skb, 128);
	skb_put_data(skb, data, len);
	skb_reset_network_header(skb);
	cb = NFSEC_SKB_CB(skb);
	memset(cb, 0, sizeof(*cb));
	cb->sa = sa;
	cb->done = kat_done;
	return skb;
}

/* The suites' packets take their crypto scratch from scratch_test.c's slots. */
static int kat_suite_init(struct kunit_suite *suite)
{
	return nfsec_scratch_init();
}

static void kat_suite_exit(struct kunit_suite *suite)
{
	nfsec_scratch_exit();
}

/*
 * Runs @fn, waiting for an async completion; returns its result.  Success
 * or failure, the packet's scratch must have been given back.
 */
static int kat_run(int (*fn)(struct sk_buff *skb), struct sk_buff *skb)
{
	struct kat_ctx ctx;
	int err;

	init_completion(&ctx.done);
	kat_current = &ctx;
	err = fn(skb);
	if (err == -EINPROGRESS) {
		wait_for_completion(&ctx.done);
		err = ctx.err;
	}
	KUNIT_EXPECT_NULL(current->kunit_test, NFSEC_SKB_CB(skb)->tmp);
	KUNIT_EXPECT_EQ(current->kunit_test, nfsec_scratch_busy(), 0);
	return err;
}

#endif /* _NFSEC_KAT_UTIL_H */
