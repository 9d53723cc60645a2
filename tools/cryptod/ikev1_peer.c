// SPDX-License-Identifier: GPL-2.0
/*
 * A crypto map entry's current peer, and failover to the next one, as IOS
 * does with several `set peer` lines: the first is tried first; when
 * phase 1 with it gets no answer (death by retransmission), the entry
 * moves on to the next, and after the last back to the first.  What the
 * silent peer was asked for (the kernel's ACQUIREs) is negotiated with the
 * next one at once.  The entry in the kernel follows when that pair is
 * installed (its peer is the SAs'), so `show crypto map` shows the current
 * peer.  Entries are known by name: a reload keeps their current peers.
 */
#include <string.h>

#include "ikev1_int.h"

static struct ikev1_cur_peer *cur_find(const struct ikev1_ctx *ctx,
				       const struct conf_map_entry *e)
{
	size_t i;

	for (i = 0; i < ctx->ncur_peers; i++)
		if (ctx->cur_peers[i].seq == e->seq &&
		    !strcmp(ctx->cur_peers[i].map, e->map))
			return (struct ikev1_cur_peer *)&ctx->cur_peers[i];
	return NULL;
}

const struct conf_peer *ikev1_entry_peer(const struct ikev1_ctx *ctx,
					 const struct conf_map_entry *e)
{
	const struct ikev1_cur_peer *c = cur_find(ctx, e);

	return c && c->idx < e->npeers ? &e->peers[c->idx] : &e->peers[0];
}

/* Moves @e from its current peer to the next; false when it cannot. */
static bool cur_advance(struct ikev1_ctx *ctx, const struct conf_map_entry *e)
{
	struct ikev1_cur_peer *c = cur_find(ctx, e);

	if (!c) {
		if (ctx->ncur_peers == IKEV1_CUR_PEERS_MAX)
			return false;
		c = &ctx->cur_peers[ctx->ncur_peers++];
		memset(c, 0, sizeof(*c));
		strcpy(c->map, e->map);
		c->seq = e->seq;
	}
	c->idx = (uint8_t)((c->idx + 1) % e->npeers);
	return true;
}

void ikev1_failover(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		    struct ikev1_failover *fo)
{
	const struct conf_peer *now;
	char a[64], b[64];
	size_t i, k;

	fo->n = 0;
	if (!sa->initiator)
		return;
	for (i = 0; i < sa->nwant; i++) {
		const struct conf_map_entry *e = sa->want[i].entry;

		/* an entry moves once, and takes all it wanted along */
		for (k = 0; k < fo->n && fo->want[k].entry != e; k++)
			;
		if (k < fo->n) {
			fo->want[fo->n++] = sa->want[i];
			continue;
		}
		now = ikev1_entry_peer(ctx, e);
		if (e->npeers < 2 || now->family != sa->family ||
		    memcmp(&now->addr, &sa->peer, sizeof(sa->peer)) ||
		    !cur_advance(ctx, e))
			continue;
		fo->want[fo->n++] = sa->want[i];
		now = ikev1_entry_peer(ctx, e);
		ikev1_logf(
			ctx, sa, false,
			"crypto map %s %u: peer %s does not answer; trying %s",
			e->map, e->seq,
			nfsec_ip_str(sa->family, &sa->peer, a, sizeof(a)),
			nfsec_ip_str(now->family, &now->addr, b, sizeof(b)));
	}
}

void ikev1_failover_start(struct ikev1_ctx *ctx,
			  const struct ikev1_failover *fo)
{
	size_t i;

	for (i = 0; i < fo->n; i++)
		ikev1_initiate(ctx, fo->want[i].entry, &fo->want[i].sel);
}
