// SPDX-License-Identifier: GPL-2.0
/*
 * The IKEv1 engine's clock: retransmission with backoff, giving up an
 * exchange the peer does not answer, and the end of an ISAKMP SA's
 * lifetime.  Time comes only through ikev1_tick(); see ikev1.h for the
 * numbers.
 *
 * Every message we send is kept (ikev1_send) and arms the timer.  When
 * it fires, the message goes again only if the SA still waits for an
 * answer: not yet authenticated, or a quick mode running.  The last
 * message of an exchange (Main Mode 6, Quick Mode 3) leaves the SA
 * waiting for nothing; if it is lost, the peer repeats its request and
 * ikev1_input() answers it again.
 */
#include <stdio.h>

#include "ikev1_int.h"

static bool ikev1_waiting(const struct ikev1_sa *sa)
{
	return sa->state != IKEV1_QM_IDLE || sa->qm.active;
}

static uint64_t ikev1_rtx_delay(unsigned int n)
{
	uint64_t ms = (uint64_t)IKEV1_RTX_FIRST_MS << n;

	return ms < IKEV1_RTX_MAX_MS ? ms : IKEV1_RTX_MAX_MS;
}

void ikev1_timer_arm(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	sa->rtx_n = 0;
	sa->rtx_at = ctx->now + ikev1_rtx_delay(0);
}

void ikev1_established(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	sa->last_heard = ctx->now;
	if (sa->choice.lifetime)
		sa->expires = ctx->now + (uint64_t)sa->choice.lifetime * 1000;
}

static void ikev1_retransmit(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	ikev1_logf(ctx, sa, true, "retransmitting phase %d %s...",
		   sa->state == IKEV1_QM_IDLE ? 2 : 1,
		   ikev1_state_str(sa->state));
	ctx->ops->send(ctx, sa, sa->last, sa->lastlen);
	sa->rtx_at = ctx->now + ikev1_rtx_delay(++sa->rtx_n);
}

static void ikev1_give_up(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	char a[64];

	nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a));
	if (sa->state != IKEV1_QM_IDLE) {
		ikev1_fail(
			ctx, sa,
			"deleting SA reason \"Death by retransmission P1\" state (%c) %s (peer %s)",
			sa->initiator ? 'I' : 'R', ikev1_state_str(sa->state),
			a);
		return;
	}
	snprintf(
		ctx->failure, sizeof(ctx->failure),
		"deleting node %d error TRUE reason \"Death by retransmission P2\" (peer %s)",
		(int32_t)sa->qm.msgid, a);
	ikev1_logf(ctx, sa, true, "%s", ctx->failure);
	ikev1_installed_qm_end(ctx, sa, false);
	ikev1_qm_free(&sa->qm);
	sa->rtx_at = 0;
	ikev1_qm_next(ctx, sa);
}

static void ikev1_sa_tick(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	if (sa->expires && ctx->now >= sa->expires) {
		ikev1_reap(ctx, sa);
		return;
	}
	ikev1_dpd_tick(ctx, sa);
	if (!sa->used)
		return; /* the peer is dead */
	if (!ikev1_waiting(sa))
		sa->rtx_at = 0; /* answered: nothing to repeat */
	if (!sa->rtx_at || ctx->now < sa->rtx_at)
		return;
	if (sa->rtx_n == IKEV1_RTX_TRIES)
		ikev1_give_up(ctx, sa);
	else
		ikev1_retransmit(ctx, sa);
}

static uint64_t ikev1_earliest(uint64_t a, uint64_t b)
{
	if (!a)
		return b;
	return b && b < a ? b : a;
}

uint64_t ikev1_tick(struct ikev1_ctx *ctx, uint64_t now)
{
	uint64_t next;
	size_t i;

	ctx->now = now;
	next = ikev1_installed_tick(ctx);
	for (i = 0; i < IKEV1_SAS_MAX; i++) {
		struct ikev1_sa *sa = &ctx->sas[i];

		if (!sa->used)
			continue;
		ikev1_sa_tick(ctx, sa);
		if (!sa->used)
			continue;
		next = ikev1_earliest(next, sa->rtx_at);
		next = ikev1_earliest(next, sa->expires);
		next = ikev1_earliest(next, ikev1_dpd_next(ctx, sa));
	}
	return next;
}

unsigned int ikev1_half_open(const struct ikev1_ctx *ctx)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++)
		if (ctx->sas[i].used && !ctx->sas[i].initiator &&
		    ctx->sas[i].state != IKEV1_QM_IDLE)
			n++;
	return n;
}
