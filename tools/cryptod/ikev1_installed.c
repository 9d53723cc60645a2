// SPDX-License-Identifier: GPL-2.0
/*
 * The SA pairs the engine installed, and their end.  Whichever way one
 * SA of a pair goes, the pair goes as a whole and both ends learn it:
 *
 *   - the kernel deletes one (clear crypto sa, a hard limit) and says so
 *     with DEL_SA: ikev1_sa_gone() deletes the rest here and sends the
 *     peer a Delete for our inbound SPIs;
 *   - the peer sends a Delete for its inbound SPI, our outbound one:
 *     ikev1_installed_peer_deleted() deletes the pair here.
 *
 * The record goes first, so the DEL_SA events our own deletions raise
 * find nothing and cannot echo.
 *
 * A soft limit on a pair we initiated starts its successor
 * (ikev1_sa_soft()); once the successor is in, the old pair is retired
 * after a grace period with a Delete, so the peer drops it too.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>

#include "ikev1_int.h"

/* @r's SPI of @proto for one direction (0: none). */
static uint32_t inst_spi_of(const struct ikev1_installed *r, uint8_t proto,
			    bool in)
{
	if (proto == IPPROTO_ESP)
		return in ? r->esp_in : r->esp_out;
	return in ? r->ah_in : r->ah_out;
}

/*
 * The pair holding SA (@proto, @spi, @dst of @family): an inbound one when
 * @dst is the pair's local address, else an outbound one to its peer.
 */
static struct ikev1_installed *inst_by_sa(struct ikev1_ctx *ctx, uint8_t proto,
					  uint8_t family, uint32_t spi,
					  const union nfsec_ip *dst)
{
	struct ikev1_installed *r;
	size_t i;

	for (i = 0; i < IKEV1_INSTALLED_MAX; i++) {
		r = &ctx->installed[i];
		if (!r->used || r->family != family)
			continue;
		if (!memcmp(&r->local, dst, sizeof(*dst)) &&
		    inst_spi_of(r, proto, true) == spi)
			return r;
		if (!memcmp(&r->peer, dst, sizeof(*dst)) &&
		    inst_spi_of(r, proto, false) == spi)
			return r;
	}
	return NULL;
}

/* The pair holding our inbound SPI @esp or @ah (0: none of that) at @local. */
static struct ikev1_installed *inst_by_in(struct ikev1_ctx *ctx, uint8_t family,
					  const union nfsec_ip *local,
					  uint32_t ah, uint32_t esp)
{
	struct ikev1_installed *r = NULL;

	if (esp)
		r = inst_by_sa(ctx, IPPROTO_ESP, family, esp, local);
	if (!r && ah)
		r = inst_by_sa(ctx, IPPROTO_AH, family, ah, local);
	return r;
}

/* @r is in: the pairs it succeeds are retired after the grace period. */
static void inst_succeeded(struct ikev1_ctx *ctx,
			   const struct ikev1_installed *r)
{
	struct ikev1_installed *o;
	size_t i;

	for (i = 0; i < IKEV1_INSTALLED_MAX; i++) {
		o = &ctx->installed[i];
		if (o != r && o->used && o->rekeyed && !o->retire_at &&
		    o->entry == r->entry && o->family == r->family &&
		    !memcmp(&o->peer, &r->peer, sizeof(o->peer)) &&
		    !memcmp(&o->sel, &r->sel, sizeof(o->sel)))
			o->retire_at = ctx->now + IKEV1_REKEY_GRACE_MS;
	}
}

/*
 * @e's entry in the running configuration, when that still negotiates it
 * (defined, enabled, ipsec-isakmp); else NULL.
 */
static const struct conf_map_entry *inst_running(const struct ikev1_ctx *ctx,
						 const struct conf_map_entry *e)
{
	const struct conf_map_entry *n =
		conf_entry_find(ctx->conf, e->map, e->seq);

	return n && !n->disabled && !n->manual ? n : NULL;
}

void ikev1_installed_add(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
			 bool initiator, const struct ikev1_child *ch)
{
	const struct conf_map_entry *e;
	struct ikev1_installed *r;
	size_t i;

	/*
	 * A quick mode begun before a reload: its pair follows the running
	 * configuration (rekeyed by it, and the pair it succeeds found by
	 * it), so the one before can be freed.  When the reload removed the
	 * entry, the pair keeps the old one until it goes.
	 */
	e = inst_running(ctx, ch->entry);
	if (!e)
		e = ch->entry;
	r = inst_by_in(ctx, ch->family, &ch->local, ch->ah_spi_in,
		       ch->esp_spi_in);
	for (i = 0; !r && i < IKEV1_INSTALLED_MAX; i++)
		if (!ctx->installed[i].used)
			r = &ctx->installed[i];
	if (!r) {
		ikev1_logf(ctx, sa, true,
			   "too many SA pairs to track; this one is not");
		return;
	}
	r->used = true;
	r->initiator = initiator;
	r->dirs |= ch->dirs;
	r->conn_id = sa->conn_id;
	r->entry = e;
	r->sel = ch->sel;
	r->family = ch->family;
	r->local = ch->local;
	r->peer = ch->peer;
	r->ah_in = ch->ah_spi_in;
	r->ah_out = ch->ah_spi_out;
	r->esp_in = ch->esp_spi_in;
	r->esp_out = ch->esp_spi_out;
	if (r->initiator && (r->dirs & IKEV1_DIR_OUT))
		inst_succeeded(ctx, r);
}

/* Deletes one SA of @r, with IOS's line. */
static void inst_del_one(struct ikev1_ctx *ctx, const struct ikev1_installed *r,
			 uint8_t proto, uint32_t spi, bool in)
{
	const union nfsec_ip *dst = in ? &r->local : &r->peer;
	char a[64];

	if (!spi)
		return;
	ikev1_logf(
		ctx, NULL, false,
		"IPSEC(delete_sa): deleting SA, (sa) sa_dest= %s, sa_prot= %u, sa_spi= 0x%X(%u)",
		nfsec_ip_str(r->family, dst, a, sizeof(a)), proto, spi, spi);
	ctx->ops->del_sa(ctx, proto, r->family, spi, dst);
}

/* Deletes what is left of @r (its record first). */
static void inst_del(struct ikev1_ctx *ctx, struct ikev1_installed *r)
{
	struct ikev1_installed copy = *r;

	memset(r, 0, sizeof(*r));
	inst_del_one(ctx, &copy, IPPROTO_AH, copy.ah_in, true);
	inst_del_one(ctx, &copy, IPPROTO_ESP, copy.esp_in, true);
	if (copy.dirs & IKEV1_DIR_OUT) {
		inst_del_one(ctx, &copy, IPPROTO_ESP, copy.esp_out, false);
		inst_del_one(ctx, &copy, IPPROTO_AH, copy.ah_out, false);
	}
}

/* @r goes here and, by a Delete, at the peer. */
static void inst_end(struct ikev1_ctx *ctx, struct ikev1_installed *r)
{
	struct ikev1_sa *sa = ikev1_find_peer(ctx, r->family, &r->peer);

	if (sa && sa->state == IKEV1_QM_IDLE)
		ikev1_info_delete_ipsec(ctx, sa, r->ah_in, r->esp_in);
	inst_del(ctx, r);
}

void ikev1_sa_gone(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		   uint32_t spi, const union nfsec_ip *dst)
{
	struct ikev1_installed *r = inst_by_sa(ctx, proto, family, spi, dst);

	if (r && spi) /* else not ours, or already handled */
		inst_end(ctx, r);
}

void ikev1_installed_forget(struct ikev1_ctx *ctx, const struct ikev1_sa *sa)
{
	struct ikev1_installed *r;
	size_t i;

	for (i = 0; i < IKEV1_INSTALLED_MAX; i++) {
		r = &ctx->installed[i];
		if (r->used && r->family == sa->family &&
		    !memcmp(&r->peer, &sa->peer, sizeof(r->peer)))
			inst_del(ctx, r);
	}
}

void ikev1_installed_peer_deleted(struct ikev1_ctx *ctx,
				  const struct ikev1_sa *sa, uint8_t proto,
				  uint32_t spi)
{
	struct ikev1_installed *r =
		inst_by_sa(ctx, proto, sa->family, spi, &sa->peer);

	if (r && spi)
		inst_del(ctx, r);
}

/* Starts @r's successor, or leaves it due when a quick mode runs. */
static void inst_rekey(struct ikev1_ctx *ctx, struct ikev1_installed *r)
{
	int err = ikev1_initiate(ctx, r->entry, &r->sel);

	r->rekey = err == -EINPROGRESS;
	r->rekeyed = !err;
	if (err && err != -EINPROGRESS)
		ikev1_logf(ctx, NULL, false,
			   "rekeying crypto map %s %u failed: error %d",
			   r->entry->map, r->entry->seq, err);
}

void ikev1_sa_soft(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		   uint32_t spi, const union nfsec_ip *dst)
{
	struct ikev1_installed *r = inst_by_sa(ctx, proto, family, spi, dst);

	if (!r || !spi || !r->initiator || r->rekeyed || r->rekey ||
	    !(r->dirs & IKEV1_DIR_OUT))
		return;
	ikev1_logf(
		ctx, NULL, false,
		"IPSEC(rekey): crypto map %s %u, SA 0x%X reached a soft limit",
		r->entry->map, r->entry->seq, spi);
	inst_rekey(ctx, r);
}

bool ikev1_installed_serves(const struct ikev1_ctx *ctx,
			    const struct conf_map_entry *e)
{
	const struct ikev1_installed *r;
	size_t i;

	for (i = 0; i < IKEV1_INSTALLED_MAX; i++) {
		r = &ctx->installed[i];
		if (r->used && r->entry == e && (r->dirs & IKEV1_DIR_OUT) &&
		    !r->rekey && !r->rekeyed && !r->retire_at)
			return true;
	}
	return false;
}

uint64_t ikev1_installed_tick(struct ikev1_ctx *ctx)
{
	struct ikev1_installed *r;
	uint64_t next = 0;
	size_t i;

	for (i = 0; i < IKEV1_INSTALLED_MAX; i++) {
		r = &ctx->installed[i];
		if (r->used && r->rekey)
			inst_rekey(ctx, r);
		if (r->used && r->retire_at && ctx->now >= r->retire_at) {
			ikev1_logf(
				ctx, NULL, false,
				"IPSEC(rekey): crypto map %s %u, retiring SA 0x%X",
				r->entry->map, r->entry->seq,
				r->esp_out ? r->esp_out : r->ah_out);
			inst_end(ctx, r);
		}
		if (r->used && r->retire_at && (!next || r->retire_at < next))
			next = r->retire_at;
	}
	return next;
}

void ikev1_installed_reconf(struct ikev1_ctx *ctx)
{
	const struct conf_map_entry *e;
	struct ikev1_installed *r;
	size_t i;

	for (i = 0; i < IKEV1_INSTALLED_MAX; i++) {
		r = &ctx->installed[i];
		if (!r->used)
			continue;
		e = inst_running(ctx, r->entry);
		if (e) {
			r->entry = e; /* rekeyed by the new configuration */
			continue;
		}
		ikev1_logf(
			ctx, NULL, false,
			"crypto map %s %u is gone from the configuration: its SAs go",
			r->entry->map, r->entry->seq);
		inst_end(ctx, r);
	}
}

static uint32_t inst_spi(const uint8_t *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
	       (uint32_t)b[2] << 8 | b[3];
}

/* An SPI @sa reserved for an SA that will not be: back to the kernel. */
static void inst_release(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
			 uint8_t proto, uint32_t spi)
{
	ikev1_logf(ctx, NULL, false, "IPSEC: releasing unused SPI 0x%X", spi);
	ctx->ops->del_sa(ctx, proto, sa->family, spi, &sa->local);
}

void ikev1_installed_qm_end(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			    const struct ikev1_qm *qm, bool ok)
{
	uint32_t ah = inst_spi(qm->ah_spi), esp = inst_spi(qm->esp_spi);
	struct ikev1_installed *r =
		inst_by_in(ctx, sa->family, &sa->local, ah, esp);
	uint32_t held_ah = r ? r->ah_in : 0, held_esp = r ? r->esp_in : 0;

	if (r && !ok)
		inst_end(ctx, r); /* half a pair (the responder's inbound) */
	if (ah && ah != held_ah)
		inst_release(ctx, sa, IPPROTO_AH, ah);
	if (esp && esp != held_esp)
		inst_release(ctx, sa, IPPROTO_ESP, esp);
}
