/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * nfsec: IPsec (ESP/AH) in the netfilter hook path, configured over the
 * generic-netlink family "nfsec".
 *
 * The family is per network namespace (netnsok): every command acts on the
 * namespace of the socket that sends it.  Commands that change or reveal
 * state need CAP_NET_ADMIN in the user namespace owning that network
 * namespace (GENL_UNS_ADMIN_PERM).  Unknown attributes are refused (strict
 * validation); every error carries an extack message naming the attribute.
 *
 * Commands and their attribute trees
 * ----------------------------------
 *
 * NFSEC_CMD_GET_STATUS
 *   Request: no attributes.  Any user may ask (read-only, no secrets).
 *   Reply, flat:
 *     NFSEC_A_VERSION:        NLA_NUL_STRING, module version, e.g. "0.1.0"
 *     NFSEC_A_ABI_VERSION:    NLA_U32, NFSEC_ABI_VERSION of the module
 *     NFSEC_A_KERNEL_RELEASE: NLA_NUL_STRING, utsname release the module
 *                             runs on
 *     NFSEC_A_STATUS:         NLA_NESTED, state of the caller's netns
 *       NFSEC_STATUS_A_HOOKS:      NLA_U32, netfilter hooks nfsec holds in
 *                                  this netns (IPv4 and IPv6)
 *       NFSEC_STATUS_A_RX_PACKETS: NLA_U64, packets seen entering the
 *                                  stack (PRE_ROUTING, IPv4 + IPv6)
 *       NFSEC_STATUS_A_RX_BYTES:   NLA_U64, their bytes (network header on)
 *       NFSEC_STATUS_A_TX_PACKETS: NLA_U64, packets seen leaving
 *                                  (POST_ROUTING, IPv4 + IPv6)
 *       NFSEC_STATUS_A_TX_BYTES:   NLA_U64, their bytes
 *       NFSEC_STATUS_A_LIMITS:     NLA_NESTED, what this netns holds and
 *                                  may hold (enum nfsec_limits_attr, each
 *                                  NLA_U32): SAS (larval included),
 *                                  LARVAL (SPIs reserved by ALLOC_SPI),
 *                                  ENTRIES, RULES, and each one's _MAX
 *     (NFSEC_STATUS_A_PAD pads the 64-bit attributes; never sent alone.)
 *
 * Limits
 * ------
 * Each network namespace holds at most the SAs, reserved SPIs, crypto map
 * entries and rules the module parameters max_sas, max_larval_sas,
 * max_entries and max_rules allow (set by the host's root; see
 * GET_STATUS).  NEW_SA, ALLOC_SPI and NEW_POLICY beyond them fail with
 * ENOSPC and an extack message naming the parameter.  Memory a request
 * allocates is charged to the caller's memory cgroup.
 *
 * Addresses
 * ---------
 * An address attribute is 4 bytes (AF_INET) or 16 bytes (AF_INET6), in
 * network order; the family attribute beside it says which, and the length
 * must agree.  SPIs are NLA_U32 in host order.
 *
 * NFSEC_CMD_NEW_SA, NFSEC_CMD_UPDATE_SA, NFSEC_CMD_DEL_SA, NFSEC_CMD_GET_SA
 *   NFSEC_A_SA:               NLA_NESTED
 *     NFSEC_SA_A_SPI:         NLA_U32, not 0-255 (RFC 4303 reserves them)
 *     NFSEC_SA_A_PROTO:       NLA_U8, IPPROTO_ESP or IPPROTO_AH
 *     NFSEC_SA_A_FAMILY:      NLA_U8, AF_INET or AF_INET6 (outer header)
 *     NFSEC_SA_A_SRC:         outer source address
 *     NFSEC_SA_A_DST:         outer destination address; (SPI, DST, PROTO)
 *                             names the SA
 *     NFSEC_SA_A_DIR:         NLA_U8, enum nfsec_dir_attr
 *     NFSEC_SA_A_MODE:        NLA_U8, enum nfsec_mode
 *     NFSEC_SA_A_ENC_ALG:     NLA_U8, enum nfsec_enc_alg; ESP needs one,
 *                             AH takes none (or NFSEC_ENC_NONE)
 *     NFSEC_SA_A_ENC_KEY:     NLA_BINARY, cipher key; for AES-GCM and
 *                             ChaCha20-Poly1305 the 4-byte salt follows it
 *     NFSEC_SA_A_AUTH_ALG:    NLA_U8, enum nfsec_auth_alg; AH needs one
 *     NFSEC_SA_A_AUTH_KEY:    NLA_BINARY, HMAC key
 *     NFSEC_SA_A_ESN:         NLA_FLAG, 64-bit Extended Sequence Numbers
 *     NFSEC_SA_A_REPLAY_WINDOW: NLA_U32, 0-4096 packets (inbound)
 *     NFSEC_SA_A_MAP:         NLA_NUL_STRING, crypto map name; an outbound SA
 *                             protects the traffic of entry MAP SEQ
 *     NFSEC_SA_A_MAP_SEQ:     NLA_U32, crypto map entry sequence number
 *     NFSEC_SA_A_SELECTOR:    NLA_NESTED, inner traffic the SA may carry
 *                             (checked on every decrypted packet); an
 *                             inbound SA without one but with MAP and
 *                             MAP_SEQ (a manual SA) may carry what that
 *                             entry protects, its rules mirrored
 *     NFSEC_SA_A_LIFETIME:    NLA_NESTED
 *       NFSEC_LIFE_A_SOFT_BYTES, _HARD_BYTES, _SOFT_PACKETS,
 *       _HARD_PACKETS, _SOFT_SECONDS, _HARD_SECONDS: NLA_U64, 0 = none
 *     NFSEC_SA_A_SEQ:         NLA_U64, outbound SAs only: the last
 *                             sequence number already sent (default 0),
 *                             as when an SA moves between hosts
 *   Replies and dumps add (these are refused in requests):
 *     NFSEC_SA_A_CONN_ID:     NLA_U32, the SA's connection id
 *     NFSEC_SA_A_SEQ:         NLA_U64, last sequence number sent or the
 *                             highest one received
 *     NFSEC_SA_A_ADD_TIME:    NLA_U64, seconds since the SA was added
 *     NFSEC_SA_A_STATS:       NLA_NESTED, enum nfsec_sa_stats_attr, NLA_U64
 *   Keys are sent back only when the request carries NFSEC_A_WITH_KEYS.
 *   NEW creates (NLM_F_EXCL implied: an existing SA is EEXIST).  UPDATE
 *   changes only the lifetimes.  DEL and GET need SPI, PROTO, FAMILY and
 *   DST.  GET with NLM_F_DUMP lists all SAs; a dump interrupted by a change
 *   is flagged NLM_F_DUMP_INTR and should be retried.
 *
 * NFSEC_CMD_ALLOC_SPI
 *   NFSEC_A_SA: PROTO, FAMILY, DST (and SRC) of a future inbound SA;
 *   NFSEC_A_SPI_MIN, NFSEC_A_SPI_MAX: NLA_U32 range (default 256-2^32-1).
 *   Reply: NFSEC_A_SA with the SPI, reserved as a larval SA that NEW_SA
 *   then fills (or that expires after NFSEC_LARVAL_SECONDS).
 *
 * NFSEC_CMD_NEW_POLICY, NFSEC_CMD_DEL_POLICY, NFSEC_CMD_GET_POLICY
 *   NFSEC_A_POLICY:           NLA_NESTED, one crypto map entry
 *     NFSEC_POL_A_MAP:        NLA_NUL_STRING, map name (1-31 bytes)
 *     NFSEC_POL_A_SEQ:        NLA_U32, entry number, evaluated in order
 *     NFSEC_POL_A_FAMILY, NFSEC_POL_A_PEER, NFSEC_POL_A_LOCAL: the peer
 *                             and our address toward it
 *     NFSEC_POL_A_MODE:       NLA_U8, enum nfsec_mode
 *     NFSEC_POL_A_PROTOS:     NLA_U8, NFSEC_PROTO_ESP, NFSEC_PROTO_AH, or
 *                             both: AH over ESP (ESP in MODE, then AH
 *                             over the outer header), an SA of each
 *     NFSEC_POL_A_REPLAY_WINDOW, NFSEC_POL_A_PFS_GROUP (NLA_U16, for the
 *                             daemon), NFSEC_POL_A_LIFETIME (as for SAs)
 *     NFSEC_POL_A_RULES:      NLA_NESTED, up to NFSEC_RULES_MAX of
 *       NFSEC_POL_A_RULE:     NLA_NESTED, evaluated in order, first match
 *         NFSEC_RULE_A_ACTION:   NLA_U8, enum nfsec_action
 *         NFSEC_RULE_A_SELECTOR: NLA_NESTED
 *   Replies add NFSEC_POL_A_STATS (enum nfsec_pol_stats_attr),
 *   NFSEC_POL_A_NRULES (NLA_U32, how many rules the entry has) and, per
 *   rule, NFSEC_RULE_A_MATCHES.  NEW replaces an entry with the same MAP
 *   and SEQ as one step; SAs attached to it stay attached.  DEL and GET
 *   need MAP and SEQ; GET with NLM_F_DUMP lists every entry (MAP filters).
 *   One attribute holds at most 64 KiB, about 680 IPv4 or 450 IPv6
 *   rules: NEW takes the rules beyond NFSEC_POL_A_RULES in top-level
 *   NFSEC_A_RULES attributes (NLA_NESTED, as NFSEC_POL_A_RULES), as many
 *   as needed, in order, so an entry of NFSEC_RULES_MAX rules is still
 *   one request and replaced as one step.
 *   An entry whose rules do not fit one reply is split: its first
 *   message has everything and the rules that fit; each following one
 *   has MAP, SEQ, NFSEC_POL_A_RULES_FIRST (NLA_U32, the index of its
 *   first rule) and the next rules, until NRULES have been sent.  A dump
 *   sends every part; GET without NLM_F_DUMP sends the first only, so a
 *   client that needs every rule of a large entry dumps it.
 *
 * Selectors (NFSEC_SA_A_SELECTOR, NFSEC_RULE_A_SELECTOR)
 *   NFSEC_SEL_A_FAMILY:       NLA_U8
 *   NFSEC_SEL_A_SRC, NFSEC_SEL_A_SRC_MASK, NFSEC_SEL_A_DST,
 *   NFSEC_SEL_A_DST_MASK:     addresses; a mask need not be contiguous (IOS
 *                             wildcards); absent means any
 *   NFSEC_SEL_A_PROTO:        NLA_U8, 0 = any
 *   NFSEC_SEL_A_SPORT_LO, _SPORT_HI, _DPORT_LO, _DPORT_HI: NLA_U16, host
 *                             order, inclusive; for ICMP the type (sport)
 *                             and code (dport)
 *
 * NFSEC_CMD_BIND_MAP, NFSEC_CMD_UNBIND_MAP, NFSEC_CMD_GET_BINDING
 *   NFSEC_A_MAP_NAME:         NLA_NUL_STRING
 *   NFSEC_A_IFINDEX:          NLA_U32, the interface the map is applied to
 *   Outbound traffic leaving the interface is matched against the map;
 *   inbound cleartext arriving on it that a protect rule covers (mirrored)
 *   is dropped.  An interface has at most one map; a map may serve many.
 *   BIND of the map an interface has changes nothing; of another map it
 *   fails with EBUSY, unless the request has NFSEC_A_REPLACE (NLA_FLAG):
 *   then the new map takes the old one's place in one step (no packet
 *   leaves between the two unmatched).  GET_BINDING is a dump.
 *
 * NFSEC_CMD_FLUSH
 *   Deletes SAs.  NFSEC_A_FLUSH_SCOPE: NLA_U8, enum nfsec_flush_scope;
 *   PEER needs NFSEC_A_SA with FAMILY and DST, MAP needs NFSEC_A_MAP_NAME,
 *   SPI needs NFSEC_A_SA as for DEL_SA.  POLICIES also removes every
 *   crypto map entry and binding.  Reply: NFSEC_A_COUNT (NLA_U32) SAs gone.
 *
 * NFSEC_CMD_GET_COUNTERS, NFSEC_CMD_CLEAR_COUNTERS
 *   Reply: NFSEC_A_DROPS, NLA_NESTED of NLA_U64 per enum nfsec_drop_reason
 *   (attribute type = reason + 1).  CLEAR also zeroes every SA's counters.
 *
 * Events, multicast group "events" (NFSEC_MCGRP_EVENTS)
 *   NFSEC_CMD_ACQUIRE:   NFSEC_A_POLICY (MAP, SEQ, FAMILY, PEER, LOCAL),
 *                        NFSEC_A_FLOW (NFSEC_A_SELECTOR-shaped: the
 *                        packet's addresses, protocol and ports) and
 *                        NFSEC_A_ACQUIRE_SEQ (NLA_U32)
 *   NFSEC_CMD_EXPIRE:    NFSEC_A_SA (as GET_SA), NFSEC_A_EXPIRE_HARD
 *                        (NLA_FLAG) and NFSEC_A_EXPIRE_LIMIT (NLA_U8,
 *                        enum nfsec_limit: bytes, packets or seconds)
 *   NFSEC_CMD_DEL_SA:    NFSEC_A_SA, sent whenever an SA goes away
 *
 * Versioning
 * ----------
 * NFSEC_ABI_VERSION is bumped on any incompatible change; new commands and
 * new attributes are added at the end of their enums and do not bump it.
 * Tools compare it with the module's and refuse to drive a module whose ABI
 * they do not know.
 */

#ifndef _UAPI_LINUX_NFSEC_H
#define _UAPI_LINUX_NFSEC_H

#define NFSEC_GENL_NAME		"nfsec"
#define NFSEC_GENL_VERSION	1
#define NFSEC_ABI_VERSION	1

enum nfsec_cmd {
	NFSEC_CMD_UNSPEC,
	NFSEC_CMD_GET_STATUS,
	NFSEC_CMD_NEW_SA,
	NFSEC_CMD_UPDATE_SA,
	NFSEC_CMD_DEL_SA,
	NFSEC_CMD_GET_SA,
	NFSEC_CMD_ALLOC_SPI,
	NFSEC_CMD_NEW_POLICY,
	NFSEC_CMD_DEL_POLICY,
	NFSEC_CMD_GET_POLICY,
	NFSEC_CMD_BIND_MAP,
	NFSEC_CMD_UNBIND_MAP,
	NFSEC_CMD_GET_BINDING,
	NFSEC_CMD_FLUSH,
	NFSEC_CMD_GET_COUNTERS,
	NFSEC_CMD_CLEAR_COUNTERS,
	NFSEC_CMD_ACQUIRE,
	NFSEC_CMD_EXPIRE,

	__NFSEC_CMD_MAX
};

#define NFSEC_CMD_MAX (__NFSEC_CMD_MAX - 1)

enum nfsec_attr {
	NFSEC_A_UNSPEC,
	NFSEC_A_VERSION,
	NFSEC_A_ABI_VERSION,
	NFSEC_A_KERNEL_RELEASE,
	NFSEC_A_STATUS,
	NFSEC_A_SA,
	NFSEC_A_POLICY,
	NFSEC_A_MAP_NAME,
	NFSEC_A_IFINDEX,
	NFSEC_A_WITH_KEYS,
	NFSEC_A_SPI_MIN,
	NFSEC_A_SPI_MAX,
	NFSEC_A_FLUSH_SCOPE,
	NFSEC_A_COUNT,
	NFSEC_A_DROPS,
	NFSEC_A_FLOW,
	NFSEC_A_ACQUIRE_SEQ,
	NFSEC_A_EXPIRE_HARD,
	NFSEC_A_EXPIRE_LIMIT,
	NFSEC_A_RULES,
	NFSEC_A_REPLACE,

	__NFSEC_A_MAX
};

#define NFSEC_A_MAX (__NFSEC_A_MAX - 1)

enum nfsec_status_attr {
	NFSEC_STATUS_A_UNSPEC,
	NFSEC_STATUS_A_PAD,
	NFSEC_STATUS_A_HOOKS,
	NFSEC_STATUS_A_RX_PACKETS,
	NFSEC_STATUS_A_RX_BYTES,
	NFSEC_STATUS_A_TX_PACKETS,
	NFSEC_STATUS_A_TX_BYTES,
	NFSEC_STATUS_A_LIMITS,

	__NFSEC_STATUS_A_MAX
};

#define NFSEC_STATUS_A_MAX (__NFSEC_STATUS_A_MAX - 1)

enum nfsec_limits_attr {
	NFSEC_LIMITS_A_UNSPEC,
	NFSEC_LIMITS_A_SAS,
	NFSEC_LIMITS_A_SAS_MAX,
	NFSEC_LIMITS_A_LARVAL,
	NFSEC_LIMITS_A_LARVAL_MAX,
	NFSEC_LIMITS_A_ENTRIES,
	NFSEC_LIMITS_A_ENTRIES_MAX,
	NFSEC_LIMITS_A_RULES,
	NFSEC_LIMITS_A_RULES_MAX,

	__NFSEC_LIMITS_A_MAX
};

#define NFSEC_LIMITS_A_MAX (__NFSEC_LIMITS_A_MAX - 1)

#define NFSEC_MCGRP_EVENTS	"events"
#define NFSEC_MAP_NAME_MAX	32	/* with the terminating NUL */
#define NFSEC_RULES_MAX		1024	/* rules in one crypto map entry */
#define NFSEC_REPLAY_MAX	4096	/* packets */
#define NFSEC_LARVAL_SECONDS	60

enum nfsec_dir_attr {
	NFSEC_SA_DIR_IN,
	NFSEC_SA_DIR_OUT,
};

enum nfsec_mode {
	NFSEC_MODE_TUNNEL,
	NFSEC_MODE_TRANSPORT,
};

/* ESP ciphers.  AEADs take no NFSEC_SA_A_AUTH_ALG. */
enum nfsec_enc_alg {
	NFSEC_ENC_NONE,			/* AH SAs */
	NFSEC_ENC_NULL,			/* RFC 2410, needs an auth alg */
	NFSEC_ENC_DES_CBC,		/* 8-byte key, legacy */
	NFSEC_ENC_3DES_CBC,		/* 24-byte key, legacy */
	NFSEC_ENC_AES_CBC,		/* 16, 24 or 32-byte key */
	NFSEC_ENC_AES_GCM_16,		/* RFC 4106, 16 or 32-byte key + salt */
	NFSEC_ENC_CHACHA20_POLY1305,	/* RFC 7634, 32-byte key + salt */
	__NFSEC_ENC_MAX
};

enum nfsec_auth_alg {
	NFSEC_AUTH_NONE,
	NFSEC_AUTH_HMAC_MD5_96,
	NFSEC_AUTH_HMAC_SHA1_96,
	NFSEC_AUTH_HMAC_SHA256_128,
	NFSEC_AUTH_HMAC_SHA384_192,
	NFSEC_AUTH_HMAC_SHA512_256,
	__NFSEC_AUTH_MAX
};

enum nfsec_sa_attr {
	NFSEC_SA_A_UNSPEC,
	NFSEC_SA_A_PAD,
	NFSEC_SA_A_SPI,
	NFSEC_SA_A_PROTO,
	NFSEC_SA_A_FAMILY,
	NFSEC_SA_A_SRC,
	NFSEC_SA_A_DST,
	NFSEC_SA_A_DIR,
	NFSEC_SA_A_MODE,
	NFSEC_SA_A_ENC_ALG,
	NFSEC_SA_A_ENC_KEY,
	NFSEC_SA_A_AUTH_ALG,
	NFSEC_SA_A_AUTH_KEY,
	NFSEC_SA_A_ESN,
	NFSEC_SA_A_REPLAY_WINDOW,
	NFSEC_SA_A_MAP,
	NFSEC_SA_A_MAP_SEQ,
	NFSEC_SA_A_SELECTOR,
	NFSEC_SA_A_LIFETIME,
	NFSEC_SA_A_CONN_ID,
	NFSEC_SA_A_SEQ,
	NFSEC_SA_A_ADD_TIME,
	NFSEC_SA_A_STATS,
	__NFSEC_SA_A_MAX
};

#define NFSEC_SA_A_MAX (__NFSEC_SA_A_MAX - 1)

enum nfsec_life_attr {
	NFSEC_LIFE_A_UNSPEC,
	NFSEC_LIFE_A_PAD,
	NFSEC_LIFE_A_SOFT_BYTES,
	NFSEC_LIFE_A_HARD_BYTES,
	NFSEC_LIFE_A_SOFT_PACKETS,
	NFSEC_LIFE_A_HARD_PACKETS,
	NFSEC_LIFE_A_SOFT_SECONDS,
	NFSEC_LIFE_A_HARD_SECONDS,
	__NFSEC_LIFE_A_MAX
};

#define NFSEC_LIFE_A_MAX (__NFSEC_LIFE_A_MAX - 1)

/* Per-SA counters, named as IOS's show crypto ipsec sa shows them. */
enum nfsec_sa_stats_attr {
	NFSEC_SA_STATS_A_UNSPEC,
	NFSEC_SA_STATS_A_PAD,
	NFSEC_SA_STATS_A_PACKETS,	/* encaps (out) or decaps (in) */
	NFSEC_SA_STATS_A_BYTES,		/* payload bytes protected */
	NFSEC_SA_STATS_A_CRYPTO,	/* encrypted or decrypted */
	NFSEC_SA_STATS_A_DIGEST,	/* ICV computed or verified */
	NFSEC_SA_STATS_A_ERRORS,	/* send errors or recv errors */
	NFSEC_SA_STATS_A_REPLAY,	/* replay failures (inbound) */
	NFSEC_SA_STATS_A_AUTH_FAIL,	/* ICV mismatches (inbound) */
	NFSEC_SA_STATS_A_PMTU,		/* path MTU seen by outer packets */
	__NFSEC_SA_STATS_A_MAX
};

#define NFSEC_SA_STATS_A_MAX (__NFSEC_SA_STATS_A_MAX - 1)

enum nfsec_sel_attr {
	NFSEC_SEL_A_UNSPEC,
	NFSEC_SEL_A_FAMILY,
	NFSEC_SEL_A_SRC,
	NFSEC_SEL_A_SRC_MASK,
	NFSEC_SEL_A_DST,
	NFSEC_SEL_A_DST_MASK,
	NFSEC_SEL_A_PROTO,
	NFSEC_SEL_A_SPORT_LO,
	NFSEC_SEL_A_SPORT_HI,
	NFSEC_SEL_A_DPORT_LO,
	NFSEC_SEL_A_DPORT_HI,
	__NFSEC_SEL_A_MAX
};

#define NFSEC_SEL_A_MAX (__NFSEC_SEL_A_MAX - 1)

#define NFSEC_PROTO_ESP	0x1
#define NFSEC_PROTO_AH	0x2

enum nfsec_action {
	NFSEC_ACTION_PROTECT,	/* IOS permit: through the entry's SAs */
	NFSEC_ACTION_BYPASS,	/* send in the clear, stop looking */
	NFSEC_ACTION_DISCARD,	/* drop */
	NFSEC_ACTION_NEXT,	/* IOS deny: not this entry, try the next */
	__NFSEC_ACTION_MAX
};

enum nfsec_pol_attr {
	NFSEC_POL_A_UNSPEC,
	NFSEC_POL_A_PAD,
	NFSEC_POL_A_MAP,
	NFSEC_POL_A_SEQ,
	NFSEC_POL_A_FAMILY,
	NFSEC_POL_A_PEER,
	NFSEC_POL_A_LOCAL,
	NFSEC_POL_A_MODE,
	NFSEC_POL_A_PROTOS,
	NFSEC_POL_A_REPLAY_WINDOW,
	NFSEC_POL_A_PFS_GROUP,
	NFSEC_POL_A_LIFETIME,
	NFSEC_POL_A_RULES,
	NFSEC_POL_A_STATS,
	NFSEC_POL_A_NRULES,
	NFSEC_POL_A_RULES_FIRST,
	__NFSEC_POL_A_MAX
};

#define NFSEC_POL_A_MAX (__NFSEC_POL_A_MAX - 1)

enum nfsec_rules_attr {
	NFSEC_RULES_A_UNSPEC,
	NFSEC_RULES_A_RULE,
	__NFSEC_RULES_A_MAX
};

#define NFSEC_RULES_A_MAX (__NFSEC_RULES_A_MAX - 1)

enum nfsec_rule_attr {
	NFSEC_RULE_A_UNSPEC,
	NFSEC_RULE_A_PAD,
	NFSEC_RULE_A_ACTION,
	NFSEC_RULE_A_SELECTOR,
	NFSEC_RULE_A_MATCHES,
	__NFSEC_RULE_A_MAX
};

#define NFSEC_RULE_A_MAX (__NFSEC_RULE_A_MAX - 1)

enum nfsec_pol_stats_attr {
	NFSEC_POL_STATS_A_UNSPEC,
	NFSEC_POL_STATS_A_PAD,
	NFSEC_POL_STATS_A_ACQUIRES,	/* ACQUIRE events raised */
	NFSEC_POL_STATS_A_NO_SA,	/* packets dropped waiting for an SA */
	/*
	 * NLA_U32: the SPI of the outbound SA the entry sends on (ESP, or
	 * AH alone); absent while it has none (it raises ACQUIRE then)
	 */
	NFSEC_POL_STATS_A_OUT_SPI,
	__NFSEC_POL_STATS_A_MAX
};

#define NFSEC_POL_STATS_A_MAX (__NFSEC_POL_STATS_A_MAX - 1)

enum nfsec_flush_scope {
	NFSEC_FLUSH_ALL,	/* every SA */
	NFSEC_FLUSH_PEER,	/* SAs to or from one peer */
	NFSEC_FLUSH_MAP,	/* SAs of one crypto map */
	NFSEC_FLUSH_SPI,	/* one SA */
	NFSEC_FLUSH_POLICIES,	/* SAs, map entries and bindings */
	__NFSEC_FLUSH_MAX
};

enum nfsec_limit {
	NFSEC_LIMIT_BYTES,
	NFSEC_LIMIT_PACKETS,
	NFSEC_LIMIT_SECONDS,
	NFSEC_LIMIT_SEQ,	/* outbound sequence numbers (near) used up */
};

/*
 * Why packets were dropped, as show crypto engine connections dropped-packet
 * lists them.  NFSEC_A_DROPS carries reason + 1 as the attribute type.
 */
enum nfsec_drop_reason {
	NFSEC_DROP_NO_SA,	/* protect rule, no outbound SA yet */
	NFSEC_DROP_POLICY,	/* discard rule */
	NFSEC_DROP_CLEARTEXT,	/* inbound cleartext a protect rule covers */
	NFSEC_DROP_UNKNOWN_SPI,	/* ESP/AH to us with no SA */
	NFSEC_DROP_AUTH,	/* ICV did not verify */
	NFSEC_DROP_REPLAY,	/* replayed or too old */
	NFSEC_DROP_PADDING,	/* bad ESP padding or trailer */
	NFSEC_DROP_SELECTOR,	/* decrypted packet its SA may not carry */
	NFSEC_DROP_MALFORMED,	/* truncated or bad headers */
	NFSEC_DROP_EXPIRED,	/* SA past a hard limit or seq exhausted */
	NFSEC_DROP_MTU,		/* too big with DF set: ICMP sent */
	NFSEC_DROP_NOMEM,	/* allocation failed */
	NFSEC_DROP_CRYPTO,	/* the crypto API failed */
	NFSEC_DROP_ROUTE,	/* no route to the peer */
	NFSEC_DROP_UNSUPPORTED,	/* packet shape the SA cannot carry */
	NFSEC_DROP_BACKLOG,	/* decrypted, but the CPU's reinject queue is full */
	__NFSEC_DROP_MAX
};

#define NFSEC_DROP_MAX (__NFSEC_DROP_MAX - 1)

#endif /* _UAPI_LINUX_NFSEC_H */
