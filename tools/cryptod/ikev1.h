/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IKEv1 exchange engine: Main Mode and Aggressive Mode with
 * pre-shared keys, and Quick Mode
 * (with or without PFS), initiator and responder.  It holds no sockets
 * and no clock: packets come in through ikev1_input(), time through
 * ikev1_tick(), packets go out through the ops, and negotiated SAs leave
 * through ops->install.  The daemon wires the ops to UDP 500 and netlink
 * and ticks with CLOCK_MONOTONIC; the unit tests wire two engines to each
 * other and move a clock of their own.
 */
#ifndef NFSEC_IKEV1_H
#define NFSEC_IKEV1_H

#include <stdbool.h>
#include <stdint.h>

#include "conf.h"
#include "dh.h"
#include "ikev1_id.h"
#include "ikev1_keys.h"
#include "ikev1_p2_proposal.h"
#include "ikev1_proposal.h"
#include "isakmp.h"

/* Phase-1 states, named as `show crypto isakmp sa` names them. */
enum ikev1_state {
	IKEV1_MM_NO_STATE, /* initiator sent MM1 / responder got it */
	IKEV1_MM_SA_SETUP, /* SA agreed (MM2) */
	IKEV1_MM_KEY_EXCH, /* KE and nonces exchanged (MM4) */
	IKEV1_AG_INIT_EXCH, /* Aggressive Mode 1 sent / taken, not done */
	IKEV1_QM_IDLE, /* authenticated: ready for quick mode */
	IKEV1_DEAD,
};

const char *ikev1_state_str(enum ikev1_state s);

struct ikev1_ctx;

/* Which SAs of a child ops->install puts in. */
#define IKEV1_DIR_IN 1
#define IKEV1_DIR_OUT 2

/* One negotiated IPsec SA pair (a bundle counts as one: AH and ESP). */
struct ikev1_child {
	uint8_t dirs; /* IKEV1_DIR_*: what to install this time */
	const struct conf_map_entry *entry;
	const struct conf_tset *tset;
	uint8_t family;
	union nfsec_ip local, peer;
	struct nfsec_sel sel; /* our side as source */
	uint8_t mode; /* NFSEC_MODE_* */
	uint32_t life_sec;
	uint64_t life_kb;
	uint32_t replay_window; /* the inbound SAs'; 0: no check */
	uint32_t ah_spi_in, ah_spi_out, esp_spi_in,
		esp_spi_out; /* host order */
	uint8_t ah_key_in[64], ah_key_out[64];
	uint8_t esp_key_in[100], esp_key_out[100]; /* cipher | auth */
	size_t ah_keylen, esp_enclen, esp_authlen;
};

struct ikev1_sa;

struct ikev1_ops {
	/* A datagram to @sa's peer, from @sa's local address. */
	int (*send)(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
		    const uint8_t *buf, size_t len);
	/*
	 * An SPI from the kernel for our inbound SA from @sa's peer
	 * (network order out).
	 */
	int (*spi_alloc)(struct ikev1_ctx *ctx, const struct ikev1_sa *sa,
			 uint8_t proto, uint8_t *spi);
	/*
	 * Install the SAs @child->dirs names, inbound before outbound.
	 * The responder installs inbound before it sends QM2 and outbound
	 * on QM3; the initiator both on QM2.  So neither end ever sends on
	 * an SA the other cannot take yet.  0 or -errno.
	 */
	int (*install)(struct ikev1_ctx *ctx, const struct ikev1_child *child);
	/*
	 * Delete one SA we installed: @proto IPPROTO_ESP or IPPROTO_AH,
	 * @spi in host order, @dst (of @family) us (inbound) or the peer
	 * (outbound).
	 */
	int (*del_sa)(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		      uint32_t spi, const union nfsec_ip *dst);
	/* `debug crypto isakmp` lines; conn_id 0 prints "ISAKMP:". */
	void (*log)(struct ikev1_ctx *ctx, unsigned int conn_id,
		    const char *line);
};

/* The longest quick mode nonce taken (RFC 2409: 8 to 256 bytes). */
#define IKEV1_QM_NONCE_MAX 32

/*
 * One exchange's memory, for the peer's repeats and for retransmission:
 * what we sent last, and which of the peer's messages it answered.
 */
struct ikev1_xmit {
	uint8_t last[4096];
	size_t lastlen;
	uint8_t last_in[20]; /* SHA-1 of what we received last */
	uint8_t answered[20]; /* ... of what `last` answered, or zero */
	uint64_t rtx_at; /* when `last` goes again (ms), or 0 */
	unsigned int rtx_n; /* times `last` went again */
};

/*
 * A phase-2 exchange (one per message ID).  Once it ends, its slot keeps
 * the message ID and `x` (no secrets) until reused, so that a repeat of
 * the peer's last message is still answered.
 */
struct ikev1_qm {
	bool active, initiator;
	uint32_t msgid;
	struct ikev1_xmit x;
	uint64_t done_at; /* when it ended (ms), for reuse oldest first */
	uint8_t iv[IKE_BLOCK_MAX];
	uint8_t ni[IKEV1_QM_NONCE_MAX], nr[IKEV1_QM_NONCE_MAX];
	size_t nilen, nrlen;
	struct ike_dh dh;
	bool pfs;
	uint8_t gqm[IKE_DH_MAX];
	size_t gqmlen;
	const struct conf_map_entry *entry;
	struct nfsec_sel sel;
	uint8_t ah_spi[4], esp_spi[4]; /* ours, inbound */
	struct ikev1_p2_choice choice;
};

/* Entries whose current peer is not their first, at most. */
#define IKEV1_CUR_PEERS_MAX 64

/* A quick mode that waits: for phase 1, or for the one that runs. */
struct ikev1_want {
	const struct conf_map_entry *entry;
	struct nfsec_sel sel;
};

/* Quick modes that may wait per ISAKMP SA; the kernel asks again for more. */
#define IKEV1_WANT_MAX 64
/* Quick modes that may run at once per ISAKMP SA, both ends' together. */
#define IKEV1_QM_MAX 4

/* A phase-1 (ISAKMP) SA. */
struct ikev1_sa {
	bool used, initiator;
	enum ikev1_state state;
	unsigned int conn_id;
	uint8_t icky[8], rcky[8];
	uint8_t family;
	union nfsec_ip local, peer;
	struct ikev1_choice choice;
	const struct conf_psk *psk;
	bool aggressive; /* phase 1 by Aggressive Mode */
	uint8_t idi_b[300]; /* Aggressive Mode: the initiator's ID body */
	size_t idi_len;
	uint8_t sai_b[1024]; /* the initiator's SA payload body */
	size_t sai_len;
	struct ike_dh dh;
	uint8_t gxi[IKE_DH_MAX], gxr[IKE_DH_MAX];
	size_t gxlen;
	uint8_t ni[32], nr[32];
	size_t nilen, nrlen;
	struct ikev1_keys keys;
	uint8_t iv[IKE_BLOCK_MAX]; /* phase 1's running IV */
	struct ikev1_qm qms[IKEV1_QM_MAX]; /* ours and the peer's */
	/* quick modes to run next, oldest first */
	struct ikev1_want want[IKEV1_WANT_MAX];
	size_t nwant;
	struct ikev1_xmit x; /* phase 1's (Main or Aggressive Mode) */
	uint64_t expires; /* end of the ISAKMP SA's lifetime (ms), or 0 */
	uint64_t last_heard; /* the peer's last datagram for it (ms) */
	bool dpd_peer; /* the peer sent DPD's vendor ID */
	bool dpd_wait; /* an R-U-THERE is unanswered */
	unsigned int dpd_tries; /* R-U-THEREs sent since the last answer */
	uint32_t dpd_seq; /* ours, last sent */
	uint64_t dpd_at; /* the next R-U-THERE (while dpd_wait), ms */
	bool verified; /* responder: the peer answered our cookie */
	unsigned int answers; /* unverified: repeats answered */
};

#define IKEV1_SAS_MAX 256

/*
 * An SA pair (or AH+ESP bundle) we installed, kept so that when one of
 * its SAs goes (cleared, hard expiry) the rest go too and the peer is
 * told, and so that a Delete from the peer finds it.
 */
struct ikev1_installed {
	bool used;
	bool initiator; /* we started its quick mode: we rekey it */
	bool rekey; /* a successor is due (soft limit) but not yet begun */
	bool rekeyed; /* its successor's quick mode has begun */
	uint64_t retire_at; /* successor in: deleted then (ms), or 0 */
	uint8_t dirs; /* IKEV1_DIR_*: installed so far */
	unsigned int conn_id; /* the ISAKMP SA that made it */
	const struct conf_map_entry *entry;
	struct nfsec_sel sel;
	uint8_t family; /* of local and peer */
	union nfsec_ip local, peer;
	uint32_t ah_in, ah_out, esp_in, esp_out; /* host order; 0: none */
};

#define IKEV1_INSTALLED_MAX 256
/*
 * A rekeyed pair goes this long after its successor is in, with a
 * Delete to the peer: packets already on their way still find it.
 */
#define IKEV1_REKEY_GRACE_MS 5000
/*
 * A message that waits for an answer goes again after 2 s, then after
 * twice as long each time up to 16 s, 5 times in all; 16 s after the
 * last one the exchange is given up (62 s after the first send).
 */
#define IKEV1_RTX_FIRST_MS 2000
#define IKEV1_RTX_MAX_MS 16000
#define IKEV1_RTX_TRIES 5
/*
 * Half-open responder SAs.  Main Mode 1 (or Aggressive Mode 1) from
 * anyone creates one, from any source address, so until the peer answers
 * our cookie (MM3 or AM3 carry it: it receives at its address) the SA is
 * unverified and costs little: at most IKEV1_UNVERIFIED_MAX of them, the
 * oldest evicted for a newer one, IKEV1_UNVERIFIED_PER_PEER per address;
 * never retransmitted to (a spoofed source gets one answer per request,
 * IKEV1_UNVERIFIED_ANSWERS repeats at most); gone after
 * IKEV1_UNVERIFIED_MS.  A flood then costs the legitimate peer only the
 * time its own answer takes, as long as fewer than IKEV1_UNVERIFIED_MAX
 * spoofed requests arrive in that time.  Verified ones (the peer did its
 * part of the exchange, and we our Diffie-Hellman) are at most
 * IKEV1_HALF_OPEN_MAX, and die by retransmission like any other.
 * What was dropped is said at most every IKEV1_FLOOD_LOG_MS.
 */
#define IKEV1_UNVERIFIED_MAX 128
#define IKEV1_UNVERIFIED_PER_PEER 4
#define IKEV1_UNVERIFIED_ANSWERS 2
#define IKEV1_UNVERIFIED_MS 10000
#define IKEV1_HALF_OPEN_MAX 16
#define IKEV1_FLOOD_LOG_MS 10000
/* Unanswered R-U-THEREs (RFC 3706) before the peer is taken for dead. */
#define IKEV1_DPD_TRIES 5

struct ikev1_ctx {
	const struct conf *conf;
	const struct ikev1_ops *ops;
	void *priv;
	/* our addresses toward IPv4 and IPv6 peers, when we have them */
	bool has_local4, has_local6;
	union nfsec_ip local4, local6;
	struct ikev1_sa sas[IKEV1_SAS_MAX];
	struct ikev1_installed installed[IKEV1_INSTALLED_MAX];
	unsigned int next_conn_id;
	bool answering; /* inside ikev1_input(): sends are answers */
	uint64_t now; /* ms, as of the last ikev1_tick() */
	/* unverified responder SAs since flood_logged (IKEV1_FLOOD_LOG_MS) */
	struct {
		unsigned int expired, evicted, refused;
		uint64_t logged;
	} flood;
	char failure[160]; /* the last negotiation failure, for tests/show */
	/* entries past their first peer (several set peer lines) */
	struct ikev1_cur_peer {
		char map[NFSEC_MAP_NAME_MAX];
		uint32_t seq;
		uint8_t idx;
	} cur_peers[IKEV1_CUR_PEERS_MAX];
	size_t ncur_peers;
};

/*
 * The peer entry @e negotiates with: its first `set peer`, or the one
 * failover moved it to when phase 1 with the one before got no answer.
 */
const struct conf_peer *ikev1_entry_peer(const struct ikev1_ctx *ctx,
					 const struct conf_map_entry *e);

/*
 * @ctx must be all zero: static storage, or cleared by the caller, or
 * left so by ikev1_destroy().  Its SA tables are large (each ISAKMP SA
 * holds its quick modes' messages), and this way the pages of slots never
 * used are never touched: resident memory grows with the SAs in use.
 */
void ikev1_init(struct ikev1_ctx *ctx, const struct conf *conf,
		const struct ikev1_ops *ops);
/*
 * Our address toward peers of @family (AF_INET or AF_INET6).  Without
 * one, peers of that family are neither reached nor answered.
 */
void ikev1_set_local(struct ikev1_ctx *ctx, uint8_t family,
		     const union nfsec_ip *local);
/* Our address toward peers of @family, or NULL. */
const union nfsec_ip *ikev1_local(const struct ikev1_ctx *ctx, uint8_t family);
/* Wipes every key and DH secret, and leaves @ctx all zero. */
void ikev1_destroy(struct ikev1_ctx *ctx);

/*
 * A reloaded configuration for what comes next.  Established ISAKMP and
 * IPsec SAs stay (as IOS keeps them); a pair whose crypto map entry is
 * gone is deleted on both ends, the others are rekeyed by their entry in
 * @conf.  Exchanges under way finish under the old configuration, which
 * the caller keeps allocated while ikev1_uses_conf() says so.
 */
void ikev1_reconf(struct ikev1_ctx *ctx, const struct conf *conf);

/*
 * Does anything of @ctx still point into @c: the running configuration,
 * a quick mode under way or waiting, an installed pair, or a pre-shared
 * key chosen for a phase 1 whose keys are not yet derived?  When not,
 * the caller may free an older configuration (and its keys).
 */
bool ikev1_uses_conf(const struct ikev1_ctx *ctx, const struct conf *c);

/*
 * Start negotiating for @sel (our side as source) under entry @e with
 * its first peer: Main Mode first when no ISAKMP SA is up, then Quick
 * Mode.  0 or -errno.
 */
int ikev1_initiate(struct ikev1_ctx *ctx, const struct conf_map_entry *e,
		   const struct nfsec_sel *sel);

/* A datagram from @peer (of @family) on UDP 500. */
void ikev1_input(struct ikev1_ctx *ctx, uint8_t family,
		 const union nfsec_ip *peer, const uint8_t *buf, size_t len);

/*
 * Time has come to @now (ms, monotonic): retransmit what waits for an
 * answer, give up exchanges that had their retransmissions, and delete
 * ISAKMP SAs at the end of their lifetime.  Call it before
 * ikev1_input() and ikev1_initiate() too, so that what they send is
 * timed from now.  Returns when it wants to be called again, or 0.
 */
uint64_t ikev1_tick(struct ikev1_ctx *ctx, uint64_t now);

/*
 * clear crypto isakmp [CONN-ID]: deletes that ISAKMP SA, or all of them
 * when @conn_id is 0.  Returns how many went.
 */
unsigned int ikev1_clear(struct ikev1_ctx *ctx, unsigned int conn_id);

/*
 * The kernel says an SA went away (its DEL_SA event: cleared, or past a
 * hard limit).  When it was one of ours, the rest of its pair goes too
 * and the peer gets a Delete for our inbound SPIs, so both ends stop
 * together ("clear crypto sa" acts on both).  @proto is IPPROTO_ESP or
 * IPPROTO_AH, @spi host order, @dst the SA's destination (of @family).
 */
void ikev1_sa_gone(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		   uint32_t spi, const union nfsec_ip *dst);

/*
 * One of our SAs reached a soft limit (its EXPIRE event): when we
 * initiated its pair, negotiate the successor now; the old pair keeps
 * working until the successor is in (make-before-break: the kernel sends
 * on the newest outbound SA of an entry) and goes IKEV1_REKEY_GRACE_MS
 * later, on both ends.  The responder leaves rekeying
 * to the initiator, so two quick modes never cross.
 */
void ikev1_sa_soft(struct ikev1_ctx *ctx, uint8_t proto, uint8_t family,
		   uint32_t spi, const union nfsec_ip *dst);

/*
 * Responder SAs not yet authenticated (bounded by IKEV1_UNVERIFIED_MAX
 * plus IKEV1_HALF_OPEN_MAX), and of those the unverified ones.
 */
unsigned int ikev1_half_open(const struct ikev1_ctx *ctx);
unsigned int ikev1_unverified(const struct ikev1_ctx *ctx);

/*
 * The ISAKMP SA with @peer, if any: an authenticated one before one
 * still in Main Mode, the newest before older ones.
 */
struct ikev1_sa *ikev1_find_peer(struct ikev1_ctx *ctx, uint8_t family,
				 const union nfsec_ip *peer);

#endif /* NFSEC_IKEV1_H */
