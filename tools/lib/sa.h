/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SAs over netlink: encoding requests, decoding replies and dumps.
 */
#ifndef NFSEC_SA_H
#define NFSEC_SA_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

#include "uapi/linux/nfsec.h"
#include "addr.h"
#include "nl.h"

struct nfsec_life {
	uint64_t soft_bytes, hard_bytes;
	uint64_t soft_packets, hard_packets;
	uint64_t soft_seconds, hard_seconds;
};

struct nfsec_sa_info {
	uint32_t spi;
	uint8_t proto, family;
	union nfsec_ip src, dst;
	uint8_t dir, mode, enc, auth;
	bool esn;
	uint8_t enckey[36], authkey[64];
	uint8_t enckeylen, authkeylen;
	bool has_replay, has_map, has_sel, has_life, has_seq;
	uint32_t replay_window;
	char map[NFSEC_MAP_NAME_MAX];
	uint32_t map_seq;
	struct nfsec_sel sel;
	struct nfsec_life life;
	uint32_t conn_id; /* replies only */
	/* requests (has_seq, outbound): the last sequence number sent */
	uint64_t seq;
	uint64_t age; /* replies only */
	uint64_t packets, bytes, crypto, digest, errors, replay, auth_fail;
	uint32_t pmtu;
};

/* Which attributes nfsec_sa_put() writes. */
enum nfsec_sa_put_what {
	NFSEC_SA_PUT_KEY, /* SPI, PROTO, FAMILY, DST */
	NFSEC_SA_PUT_ALL, /* everything a NEW_SA takes */
};

void nfsec_sa_put(struct nlmsghdr *nlh, const struct nfsec_sa_info *sa,
		  enum nfsec_sa_put_what what);
void nfsec_sel_put(struct nlmsghdr *nlh, uint16_t type,
		   const struct nfsec_sel *sel);
void nfsec_life_put(struct nlmsghdr *nlh, uint16_t type,
		    const struct nfsec_life *life);

/* An NFSEC_A_SA nest into @sa; -EBADMSG when malformed. */
int nfsec_sa_parse(const struct nlattr *nest, struct nfsec_sa_info *sa);
int nfsec_sel_parse(const struct nlattr *nest, struct nfsec_sel *sel);
int nfsec_life_parse(const struct nlattr *nest, struct nfsec_life *life);

/*
 * The attributes of @nest (NULL is malformed) into @tb, indexed by type;
 * types above @max, newer than the tool, are skipped.  0 or -EBADMSG.
 */
int nfsec_nest_parse(const struct nlattr *nest, const struct nlattr **tb,
		     uint16_t max);

/* Top-level attributes of a genl message, unknown types skipped. */
int nfsec_msg_attrs(const struct nlmsghdr *nlh, const struct nlattr **tb);

typedef int (*nfsec_sa_cb)(const struct nfsec_sa_info *sa, void *data);

/*
 * Every SA, through @cb; a dump interrupted by a change is retried (up to
 * NFSEC_DUMP_TRIES times) and @reset is called before each attempt.  If
 * every try was interrupted, the last listing stands: it holds each SA
 * that lived through it exactly once.
 */
int nfsec_sa_dump(struct nfsec_nl *nl, bool keys, nfsec_sa_cb cb,
		  void (*reset)(void *data), void *data);

/* Zeroes the keys of @sa. */
void nfsec_sa_wipe(struct nfsec_sa_info *sa);

#endif /* NFSEC_SA_H */
