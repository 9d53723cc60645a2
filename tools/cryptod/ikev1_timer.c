// SPDX-License-Identifier: GPL-2.0
/*
 * The IKEv1 engine's clock: retransmission with backoff, giving up an
 * exchange the peer does not answer, and the end of an ISAKMP SA's
 * lifetime.  Time comes only through ikev1_tick(); see ikev1.h for the
 * numbers.
 *
 * Every message we send is kept by its exchange (phase 1's, or each
 * quick mode's: struct ikev1_xmit) and arms that exchange's timer.  When
 * it fires, the message goes again only if the exchange still waits for
 * an answer: phase 1 not done, or the quick mode running.  The last
 * message of an exchange (Main Mode 6, Quick Mode 3) waits for nothing;
 * if it is lost, the peer repeats its request and the exchange answers it
 * again.  A quick mode given up ends alone; phase 1 given up ends the SA.
 */
#include <stdio.h>
#include <string.h>

#include "ikev1_int.h"

static uint64_t ikev1_earliest(uint64_t a, uint64_t b)
{
	if (!a)
		return b;
	return b && b < a ? b : a;
}

static uint64_t ikev1_rtx_delay(unsigned int n)
{
	uint64_t ms = (uint64_t)IKEV1_RTX_FIRST_MS << n;

	return ms < IKEV1_RTX_MAX_MS ? ms : IKEV1_RTX_MAX_MS;
}

void ikev1_timer_arm(struct ikev1_ctx *ctx, struct ikev1_xmit *x)
{
	x->rtx_n = 0;
	x->rtx_at = ctx->now + ikev1_rtx_delay(0);
}

void ikev1_established(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	sa->last_heard = ctx->now;
	if (sa->choice.lifetime)
		sa->expires = ctx->now + (uint64_t)sa->choice.lifetime * 1000;
}

static void ikev1_retransmit(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			     struct ikev1_xmit *x)
{
	ikev1_logf(ctx, sa, true, "retransmitting phase %d %s...",
		   x == &sa->x ? 1 : 2, ikev1_state_str(sa->state));
	ctx->ops->send(ctx, sa, x->last, x->lastlen);
	x->rtx_at = ctx->now + ikev1_rtx_delay(++x->rtx_n);
}

/* Is @x's timer due, with @waiting the exchange still waiting? */
static bool ikev1_rtx_due(const struct ikev1_ctx *ctx, struct ikev1_xmit *x,
			  bool waiting)
{
	if (!waiting)
		x->rtx_at = 0; /* answered: nothing to repeat */
	return x->rtx_at && ctx->now >= x->rtx_at;
}

static void ikev1_qm_give_up(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			     struct ikev1_qm *qm)
{
	char a[64];

	snprintf(
		ctx->failure, sizeof(ctx->failure),
		"deleting node %d error TRUE reason \"Death by retransmission P2\" (peer %s)",
		(int32_t)qm->msgid,
		nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)));
	ikev1_logf(ctx, sa, true, "%s", ctx->failure);
	ikev1_installed_qm_end(ctx, sa, qm, false);
	ikev1_qm_free(qm);
	ikev1_qm_next(ctx, sa);
}

static void ikev1_qm_tick(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	struct ikev1_qm *qm;
	size_t i;

	for (i = 0; i < IKEV1_QM_MAX && sa->used; i++) {
		qm = &sa->qms[i];
		if (!ikev1_rtx_due(ctx, &qm->x, qm->active))
			continue;
		if (qm->x.rtx_n == IKEV1_RTX_TRIES)
			ikev1_qm_give_up(ctx, sa, qm);
		else
			ikev1_retransmit(ctx, sa, &qm->x);
	}
}

static void ikev1_sa_tick(struct ikev1_ctx *ctx, struct ikev1_sa *sa)
{
	struct ikev1_failover fo;
	char a[64];

	if (sa->expires && ctx->now >= sa->expires) {
		ctx->flood.expired += ikev1_sa_unverified(sa);
		ikev1_reap(ctx, sa);
		return;
	}
	ikev1_dpd_tick(ctx, sa);
	if (!sa->used)
		return; /* the peer is dead */
	ikev1_qm_tick(ctx, sa);
	if (!sa->used ||
	    !ikev1_rtx_due(ctx, &sa->x, sa->state != IKEV1_QM_IDLE))
		return;
	if (sa->x.rtx_n < IKEV1_RTX_TRIES) {
		ikev1_retransmit(ctx, sa, &sa->x);
		return;
	}
	ikev1_failover(ctx, sa, &fo);
	ikev1_fail(
		ctx, sa,
		"deleting SA reason \"Death by retransmission P1\" state (%c) %s (peer %s)",
		sa->initiator ? 'I' : 'R', ikev1_state_str(sa->state),
		nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)));
	ikev1_failover_start(ctx, &fo);
}

/* When @sa's timers next want a tick, or 0. */
static uint64_t ikev1_sa_next(const struct ikev1_sa *sa)
{
	uint64_t next = ikev1_earliest(sa->x.rtx_at, sa->expires);
	size_t i;

	for (i = 0; i < IKEV1_QM_MAX; i++)
		next = ikev1_earliest(next, sa->qms[i].x.rtx_at);
	return next;
}

/* What unverified requests cost us lately, at most every so often. */
static void ikev1_flood_log(struct ikev1_ctx *ctx)
{
	unsigned int n =
		ctx->flood.expired + ctx->flood.evicted + ctx->flood.refused;

	if (!n || (ctx->flood.logged &&
		   ctx->now < ctx->flood.logged + IKEV1_FLOOD_LOG_MS))
		return;
	ikev1_fail(
		ctx, NULL,
		"Main Mode requests not followed by the peer: %u expired, %u evicted (at most %d half open), %u refused (at most %d per peer)",
		ctx->flood.expired, ctx->flood.evicted, IKEV1_UNVERIFIED_MAX,
		ctx->flood.refused, IKEV1_UNVERIFIED_PER_PEER);
	memset(&ctx->flood, 0, sizeof(ctx->flood));
	ctx->flood.logged = ctx->now;
}

uint64_t ikev1_tick(struct ikev1_ctx *ctx, uint64_t now)
{
	uint64_t next;
	size_t i;

	ctx->now = now;
	ikev1_flood_log(ctx);
	next = ikev1_installed_tick(ctx);
	for (i = 0; i < IKEV1_SAS_MAX; i++) {
		struct ikev1_sa *sa = &ctx->sas[i];

		if (!sa->used)
			continue;
		ikev1_sa_tick(ctx, sa);
		if (!sa->used)
			continue;
		next = ikev1_earliest(next, ikev1_sa_next(sa));
		next = ikev1_earliest(next, ikev1_dpd_next(ctx, sa));
	}
	return next;
}

unsigned int ikev1_unverified(const struct ikev1_ctx *ctx)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++)
		n += ctx->sas[i].used && ikev1_sa_unverified(&ctx->sas[i]);
	return n;
}

unsigned int ikev1_half_open(const struct ikev1_ctx *ctx)
{
	unsigned int n = 0;
	size_t i;

	for (i = 0; i < IKEV1_SAS_MAX; i++)
		n += ikev1_sa_half_open(&ctx->sas[i]);
	return n;
}
