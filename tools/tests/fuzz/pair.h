/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Two IKEv1 engines wired to each other in memory, for the fuzz targets
 * and their seed recorder: r1 (198.51.100.1) and r2 (198.51.100.2) with
 * the seed's pre-share configuration, an AH+ESP bundle under PFS.
 *
 * Randomness is deterministic: ike_random() is wrapped at link time
 * (-Wl,--wrap=ike_random) by a generator per side, reset by
 * fuzz_side_reset().  A side fed the same datagrams after a reset
 * answers with the same bytes, so a recorded exchange stays valid input
 * for the fuzzer past the Diffie-Hellman exchange, into the encrypted
 * messages.
 */
#ifndef NFSEC_FUZZ_PAIR_H
#define NFSEC_FUZZ_PAIR_H

#include <stddef.h>
#include <stdint.h>

#include "ikev1.h"

#define FUZZ_MSGS_MAX 16
#define FUZZ_MSG_MAX 4096

struct fuzz_msg {
	uint8_t data[FUZZ_MSG_MAX];
	size_t len;
};

struct fuzz_side {
	struct ikev1_ctx ctx;
	struct conf *conf;
	int r1; /* r1 (198.51.100.1), else r2 */
	uint8_t family;
	union nfsec_ip addr, peer;
	uint64_t rng; /* the generator's state */
	uint32_t next_spi;
	unsigned int installs;
	/* what this side sent, in order (not delivered by itself) */
	struct fuzz_msg sent[FUZZ_MSGS_MAX];
	size_t nsent;
};

/* The clock every call into an engine runs at (ms). */
#define FUZZ_NOW_MS 1000

/*
 * A new engine at r1 (@r1 true) or r2, all zero before; false when the
 * configuration does not parse.
 */
int fuzz_side_init(struct fuzz_side *s, int r1);
/* Back to the state fuzz_side_init() left, generator included. */
void fuzz_side_reset(struct fuzz_side *s);
void fuzz_side_destroy(struct fuzz_side *s);

/* Calls into @s's engine come next: its generator answers. */
void fuzz_side_enter(struct fuzz_side *s);

/* r1 starts its crypto map entry for the ACL's first line. */
int fuzz_side_initiate(struct fuzz_side *s);
/* A datagram from the side's peer, the generator switched to @s. */
void fuzz_side_input(struct fuzz_side *s, const uint8_t *buf, size_t len);

/*
 * r1 initiates and the two exchange everything until quiet.  0 when both
 * installed a pair.
 */
int fuzz_pair_exchange(struct fuzz_side *r1, struct fuzz_side *r2);

#endif /* NFSEC_FUZZ_PAIR_H */
