/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the IKEv1 engine: what ikev1.c, ikev1_main_mode.c and
 * ikev1_quick_mode.c share.
 */
#ifndef NFSEC_IKEV1_INT_H
#define NFSEC_IKEV1_INT_H

#include "ikev1.h"

#define IKEV1_NONCE_LEN 20
#define IKEV1_BUF 4096

/* A log line for @sa's connection ("ISAKMP (N): ...") or plain. */
void ikev1_logf(struct ikev1_ctx *ctx, const struct ikev1_sa *sa, bool conn,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A negotiation failed: logged, kept in ctx->failure, the SA dropped. */
void ikev1_fail(struct ikev1_ctx *ctx, struct ikev1_sa *sa, const char *fmt,
		...) __attribute__((format(printf, 3, 4)));

/* What proposal matching logs through: ikev1_proposal_log(&la, ...). */
struct ikev1_logarg {
	struct ikev1_ctx *ctx;
	struct ikev1_sa *sa;
};

void ikev1_proposal_log(void *arg, bool conn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A responder SA whose peer has not answered our cookie yet. */
static inline bool ikev1_sa_unverified(const struct ikev1_sa *sa)
{
	return !sa->initiator && !sa->verified;
}

/* A responder SA in use and not yet authenticated (ikev1_half_open()). */
static inline bool ikev1_sa_half_open(const struct ikev1_sa *sa)
{
	return sa->used && !sa->initiator && sa->state != IKEV1_QM_IDLE;
}

/* A new ISAKMP SA with @peer (of @family); NULL when full or no local address. */
struct ikev1_sa *ikev1_sa_new(struct ikev1_ctx *ctx, uint8_t family,
			      const union nfsec_ip *peer, bool initiator);
void ikev1_sa_free(struct ikev1_sa *sa);
/* Deletes @sa, as `clear crypto isakmp` and the lifetime's end do. */
void ikev1_reap(struct ikev1_ctx *ctx, struct ikev1_sa *sa);

/*
 * Send @len bytes of @buf to @sa's peer, kept in @x (the exchange's) for
 * retransmission and for the peer's repeat.
 */
int ikev1_xmit_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    struct ikev1_xmit *x, const uint8_t *buf, size_t len);
/* The same for phase 1 (sa->x). */
int ikev1_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa, const uint8_t *buf,
	       size_t len);
/*
 * A message of @sa's exchange @x seen before: true when it was, and then
 * answered again if what we sent last answered it (only then, so repeats
 * cannot bounce between the ends).  Else it is remembered as the last.
 */
bool ikev1_repeated(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    struct ikev1_xmit *x, const uint8_t *buf, size_t len);

/* Timers (ikev1_timer.c): @x's last message goes again unless answered. */
void ikev1_timer_arm(struct ikev1_ctx *ctx, struct ikev1_xmit *x);
/* @sa is authenticated: its lifetime starts. */
void ikev1_established(struct ikev1_ctx *ctx, struct ikev1_sa *sa);

/* The header for a message of @sa. */
void ikev1_hdr(const struct ikev1_sa *sa, uint8_t exchange, uint8_t flags,
	       uint32_t msgid, struct isakmp_hdr *h);

/*
 * Encrypt the body of the finished message in @buf (after the header),
 * zero-padded to the block; updates the header length and @iv.
 */
int ikev1_encrypt(const struct ikev1_sa *sa, uint8_t *iv, uint8_t *buf,
		  size_t *len, size_t cap);
/* Decrypt the body in place; @iv becomes the last ciphertext block. */
int ikev1_decrypt(const struct ikev1_sa *sa, uint8_t *iv, uint8_t *buf,
		  size_t len);

/* The pre-shared key for @peer: by address (longest mask). */
const struct conf_psk *ikev1_psk_for(const struct conf *c, uint8_t family,
				     const union nfsec_ip *peer);

/* prf(SKEYID_a, [0 |] M-ID | [nonce |] data): quick mode's and INFO's HASH */
int ikev1_p2_hash(const struct ikev1_sa *sa, bool zero, uint32_t msgid,
		  const uint8_t *nonce, size_t nlen, const uint8_t *data,
		  size_t dlen, uint8_t *out);

/*
 * Installed SAs (ikev1_installed.c): @ch went in under @sa, by a quick
 * mode we started (@initiator: we rekey it) or the peer did.
 */
void ikev1_installed_add(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
			 bool initiator, const struct ikev1_child *ch);
/*
 * Retries the successors that were due while a quick mode ran; retires
 * rekeyed pairs.  Returns the next retirement (ms), or 0.
 */
uint64_t ikev1_installed_tick(struct ikev1_ctx *ctx);

/*
 * @e has a pair whose outbound SA is in and not being replaced: the
 * kernel sends the entry's traffic on it, so a quick mode that waited for
 * @e (raised before that pair was made, by either end) is not needed.
 */
bool ikev1_installed_serves(const struct ikev1_ctx *ctx,
			    const struct conf_map_entry *e);
/*
 * @sa's quick mode @qm ends, @ok or not: the inbound SPIs it reserved and
 * no pair holds go back to the kernel (an offer's AH SPI the chosen set did
 * not use; everything, on failure); a failed one's half-installed pair
 * goes with a Delete.
 */
void ikev1_installed_qm_end(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			    const struct ikev1_qm *qm, bool ok);
/* A new ctx->conf: each pair follows its entry (map, seq), or goes. */
void ikev1_installed_reconf(struct ikev1_ctx *ctx);
/* @sa's peer deleted its inbound SA @spi (our outbound): ours go too. */
void ikev1_installed_peer_deleted(struct ikev1_ctx *ctx,
				  const struct ikev1_sa *sa, uint8_t proto,
				  uint32_t spi);

/* Informational exchanges (ikev1_info.c) */
int ikev1_info_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa, uint8_t type,
		    const uint8_t *body, size_t blen);
void ikev1_info_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		      const struct isakmp_hdr *h, uint8_t *buf, size_t len);
/*
 * INITIAL-CONTACT (RFC 2407 4.6.3.3), in Main Mode 5 or 6: whether we
 * send one (we hold nothing else with the peer), and what receiving one
 * does (everything else with the peer is stale: it goes, silently).
 */
bool ikev1_initial_contact_due(struct ikev1_ctx *ctx,
			       const struct ikev1_sa *sa);
void ikev1_initial_contact_write(const struct ikev1_sa *sa, struct isakmp_w *w);
void ikev1_initial_contact_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
				 const struct isakmp_payloads *pls);
/* Deletes every pair with @sa's peer, without a Delete (it lost them). */
void ikev1_installed_forget(struct ikev1_ctx *ctx, const struct ikev1_sa *sa);
/* A Delete for @sa itself, before it goes. */
int ikev1_info_delete_isakmp(struct ikev1_ctx *ctx, struct ikev1_sa *sa);
/* A Delete for our inbound SPIs (host order, 0: none) of one pair. */
int ikev1_info_delete_ipsec(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
			    uint32_t ah_in, uint32_t esp_in);

/* Dead peer detection (ikev1_dpd.c) */
void ikev1_dpd_vid_write(struct isakmp_w *w);
void ikev1_dpd_vid_seen(struct ikev1_sa *sa, const struct isakmp_payloads *pls);
/* An R-U-THERE or R-U-THERE-ACK notify body; false if neither. */
bool ikev1_dpd_notify(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		      const uint8_t *body, size_t len);
/* Time for @sa: probe when quiet, give the peer up when silent. */
void ikev1_dpd_tick(struct ikev1_ctx *ctx, struct ikev1_sa *sa);
/* When ikev1_dpd_tick() has something to do for @sa, or 0. */
uint64_t ikev1_dpd_next(const struct ikev1_ctx *ctx, const struct ikev1_sa *sa);

/* Phase 1, shared by Main Mode and Aggressive Mode (ikev1_main_mode.c) */
/* Finishes @w, encrypted with the phase-1 IV when @encrypt, and sends. */
int ikev1_p1_send(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		  struct isakmp_w *w, bool encrypt);
int ikev1_p1_parse(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		   const struct isakmp_hdr *h, const uint8_t *buf, size_t len,
		   struct isakmp_payloads *pls);
/* Our SA payload from @offer, its body kept as SAi_b for the HASHes. */
int ikev1_p1_put_offer(struct ikev1_sa *sa, struct isakmp_w *w,
		       const struct isakmp_sa *offer);
/* The answer: the peer's proposal with only the transform chosen. */
void ikev1_p1_put_answer(const struct ikev1_sa *sa, struct isakmp_w *w,
			 const struct isakmp_sa *in);
/* Our DH value and nonce (sa->choice.group chosen). */
int ikev1_p1_make_ke(struct ikev1_sa *sa);
/*
 * The peer's KE and nonce; then g^xy, SKEYID.. and the first IV, with
 * sa->psk, or the key for the peer's address when none is chosen yet.
 */
int ikev1_p1_take_ke(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		     const struct isakmp_payloads *pls);
/* Our phase-1 identity: our address, or hostname.domain. */
void ikev1_p1_my_id(const struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		    struct ikev1_id *id);
void ikev1_p1_authenticated(struct ikev1_ctx *ctx, struct ikev1_sa *sa);

/*
 * ikev1_events.c: IOS's %CRYPTO- syslog events.  UP when phase 1 is
 * authenticated; DOWN when an authenticated ISAKMP SA goes (before it is
 * freed; nothing for one that never came up); AUTH_FAIL (and Main Mode's
 * MODE_FAILURE) when the peer's hash does not verify.
 */
/*
 * ikev1_peer.c: failover to a crypto map entry's next `set peer`.  When
 * phase 1 that we started gets no answer, ikev1_failover() moves each
 * entry it was for (with more than one peer, still at the silent one) to
 * its next peer and keeps what it wanted; once the dead SA is gone,
 * ikev1_failover_start() negotiates that with the next peers.
 */
struct ikev1_failover {
	struct ikev1_want want[IKEV1_WANT_MAX];
	size_t n;
};

void ikev1_failover(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		    struct ikev1_failover *fo);
void ikev1_failover_start(struct ikev1_ctx *ctx,
			  const struct ikev1_failover *fo);

void ikev1_event_up(struct ikev1_ctx *ctx, const struct ikev1_sa *sa);
void ikev1_event_down(struct ikev1_ctx *ctx, const struct ikev1_sa *sa);
void ikev1_event_auth_fail(struct ikev1_ctx *ctx, const struct ikev1_sa *sa);

/* Aggressive Mode (ikev1_aggressive.c) */
int ikev1_am_start(struct ikev1_ctx *ctx, struct ikev1_sa *sa);
void ikev1_am_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len);
/* The pre-shared key for FQDN @name (crypto isakmp key K hostname H). */
const struct conf_psk *ikev1_psk_for_host(const struct conf *c,
					  const char *name);

/* Main Mode */
int ikev1_mm_start(struct ikev1_ctx *ctx, struct ikev1_sa *sa);
void ikev1_mm_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len);

/* Quick Mode */
/*
 * Starts waiting quick mode @k, taking it off the queue; on error nothing
 * runs.  -EBUSY when IKEV1_QM_MAX run already.  ikev1_qm_next() starts
 * waiting ones, oldest first, while phase 1 is done and slots are free; one
 * whose entry has a quick mode running (either end's) waits for it, and
 * one whose entry that made a pair meanwhile is dropped.
 */
int ikev1_qm_start(struct ikev1_ctx *ctx, struct ikev1_sa *sa, size_t k);
void ikev1_qm_next(struct ikev1_ctx *ctx, struct ikev1_sa *sa);
/* Is a quick mode for @e running on @sa, either end's? */
bool ikev1_qm_runs_for(const struct ikev1_sa *sa,
		       const struct conf_map_entry *e);
void ikev1_qm_input(struct ikev1_ctx *ctx, struct ikev1_sa *sa,
		    const struct isakmp_hdr *h, const uint8_t *buf, size_t len);
/* Wipes @qm: its secrets, and its memory of repeats. */
void ikev1_qm_free(struct ikev1_qm *qm);

/*
 * RESPONDER-LIFETIME (ikev1_responder_lifetime.c): the responder's notify
 * in Quick Mode 2 when its lifetimes are shorter than proposed, and the
 * initiator's reading of it into @c (only ever lowering a lifetime).
 */
void ikev1_responder_lifetime_write(struct ikev1_ctx *ctx,
				    const struct ikev1_sa *sa,
				    const struct ikev1_qm *qm,
				    struct isakmp_w *w);
void ikev1_responder_lifetime_input(struct ikev1_ctx *ctx,
				    const struct ikev1_sa *sa,
				    const struct isakmp_payloads *pls,
				    struct ikev1_p2_choice *c);

#endif /* NFSEC_IKEV1_INT_H */
