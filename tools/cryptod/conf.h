/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod's configuration: the crypto part of an IOS configuration, as
 * objects.  conf_parse.c reads the text, conf_check.c ties the references
 * together and warns, conf.c owns the memory (and wipes the secrets).
 * cryptod.conf(5) (Documentation/cryptod.conf.5) describes the language.
 */
#ifndef NFSEC_CONF_H
#define NFSEC_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <net/if.h>

#include "uapi/linux/nfsec.h"
#include "addr.h"

#define CONF_NAME_MAX 64
#define CONF_TSETS_MAX 6 /* transform sets per crypto map entry, as IOS */
#define CONF_PEERS_MAX 8
#define CONF_KEY_MAX 128 /* bytes of a pre-shared or manual session key */

/* IKE phase-1 choices (crypto isakmp policy). */
enum conf_ike_enc { CONF_IKE_DES = 1, CONF_IKE_3DES, CONF_IKE_AES };
enum conf_ike_hash {
	CONF_HASH_MD5 = 1,
	CONF_HASH_SHA1,
	CONF_HASH_SHA256,
	CONF_HASH_SHA384,
	CONF_HASH_SHA512,
};
enum conf_ike_auth { CONF_AUTH_PSK = 1, CONF_AUTH_RSA_SIG, CONF_AUTH_RSA_ENCR };
enum conf_identity { CONF_ID_ADDRESS = 0, CONF_ID_HOSTNAME, CONF_ID_DN };

struct conf_policy {
	unsigned int prio; /* 1..10000, lower first */
	uint8_t enc, hash, auth, group;
	uint16_t keybits; /* AES only */
	uint32_t lifetime; /* seconds */
	unsigned int line;
};

/* crypto isakmp key KEY address A [MASK] | hostname H */
struct conf_psk {
	uint8_t key[CONF_KEY_MAX];
	size_t keylen;
	char host[256]; /* empty: by address */
	uint8_t family;
	union nfsec_ip addr, mask;
	unsigned int line;
};

/* crypto ipsec transform-set NAME T1 [T2 [T3]] */
struct conf_tset {
	char name[CONF_NAME_MAX];
	bool esp; /* an ESP transform is present */
	uint8_t esp_enc; /* NFSEC_ENC_* (NULL when only an authenticator) */
	uint16_t esp_keybits;
	uint8_t esp_auth, ah_auth; /* NFSEC_AUTH_* */
	uint8_t mode; /* NFSEC_MODE_* */
	unsigned int line;
};

struct conf_acl_rule {
	bool permit;
	struct nfsec_sel sel; /* masks are netmasks (IOS wildcards inverted) */
	unsigned int line;
};

/* access-list N ... or ip access-list extended NAME / ipv6 access-list */
struct conf_acl {
	char name[CONF_NAME_MAX];
	bool standard; /* 1-99, 1300-1999: source only, no use for crypto */
	bool ipv6; /* ipv6 access-list */
	struct conf_acl_rule *rules;
	size_t nrules;
	unsigned int line;
};

struct conf_session_key {
	bool set;
	uint32_t spi;
	uint8_t cipher[CONF_KEY_MAX], auth[CONF_KEY_MAX];
	size_t cipherlen, authlen;
	unsigned int line;
};

struct conf_peer {
	char name[256]; /* as typed: an address or an `ip host` name */
	uint8_t family;
	union nfsec_ip addr; /* resolved by conf_check() */
	unsigned int line;
};

/* crypto map NAME SEQ ipsec-isakmp | ipsec-manual */
/*
 * security-association replay window-size N | disable: the inbound SAs'
 * anti-replay window; nothing set is IOS's 64 packets.
 */
struct conf_replay {
	uint16_t window; /* 0: not set */
	bool disabled;
	unsigned int line;
};

#define CONF_REPLAY_WINDOW 64

struct conf_map_entry {
	char map[NFSEC_MAP_NAME_MAX];
	uint32_t seq;
	bool manual;
	struct conf_peer peers[CONF_PEERS_MAX];
	size_t npeers;
	char tsets[CONF_TSETS_MAX][CONF_NAME_MAX];
	size_t ntsets;
	unsigned int tsets_line;
	char acl[CONF_NAME_MAX];
	unsigned int acl_line;
	uint8_t pfs_group; /* 0: no PFS */
	uint32_t life_sec; /* 0: the global lifetime */
	uint64_t life_kb;
	struct conf_replay replay; /* set security-association replay */
	/* ipsec-manual */
	struct conf_session_key esp_in, esp_out, ah_in, ah_out;
	bool disabled; /* incomplete, as IOS leaves it */
	unsigned int line;
};

struct conf_iface {
	char name[CONF_NAME_MAX]; /* the IOS name */
	char ifname[IFNAMSIZ]; /* the Linux name (mapped or the same) */
	char map[NFSEC_MAP_NAME_MAX];
	unsigned int map_line;
	struct {
		uint8_t family;
		union nfsec_ip addr, mask;
	} addrs[8];
	size_t naddrs;
	bool shutdown;
	unsigned int line;
};

/* ip route PREFIX MASK NEXTHOP|IFACE */
struct conf_route {
	uint8_t family;
	union nfsec_ip prefix, mask, via;
	char dev[CONF_NAME_MAX]; /* empty: via a next hop */
	unsigned int line;
};

struct conf_host {
	char name[256];
	uint8_t family;
	union nfsec_ip addr;
	unsigned int line;
};

/* nfsec interface-map IOS-NAME LINUX-NAME */
struct conf_ifmap {
	char ios[CONF_NAME_MAX];
	char ifname[IFNAMSIZ];
	unsigned int line;
};

/* crypto key pubkey-chain rsa: named-key / addressed-key */
struct conf_pubkey {
	char name[256];
	bool by_address;
	uint8_t family;
	union nfsec_ip addr;
	uint8_t *der;
	size_t derlen;
	unsigned int line;
};

struct conf_cert {
	char serial[80];
	bool ca;
	uint8_t *der;
	size_t derlen;
};

/* crypto ca identity NAME + crypto ca certificate chain NAME */
struct conf_ca {
	char name[CONF_NAME_MAX];
	char url[256];
	bool crl_optional;
	struct conf_cert *certs;
	size_t ncerts;
	unsigned int line;
};

struct conf_diag {
	bool error;
	unsigned int line, col;
	char msg[240];
};

struct conf {
	char file[256];
	char hostname[64], domain[192];
	uint8_t identity;
	bool aggressive_off; /* crypto isakmp aggressive-mode disable */
	uint32_t sa_life_sec; /* crypto ipsec security-association lifetime */
	uint64_t sa_life_kb;
	struct conf_replay replay; /* crypto ipsec security-association replay */
	uint32_t dpd_interval, dpd_retry; /* crypto isakmp keepalive */
	struct conf_policy *policies; /* sorted by prio after conf_check() */
	size_t npolicies;
	struct conf_psk *psks;
	size_t npsks;
	struct conf_tset *tsets;
	size_t ntsets;
	struct conf_acl *acls;
	size_t nacls;
	struct conf_map_entry *entries; /* sorted by (map, seq) after check */
	size_t nentries;
	struct conf_iface *ifaces;
	size_t nifaces;
	struct conf_route *routes;
	size_t nroutes;
	struct conf_host *hosts;
	size_t nhosts;
	struct conf_ifmap *ifmaps;
	size_t nifmaps;
	struct conf_pubkey *pubkeys;
	size_t npubkeys;
	struct conf_ca *cas;
	size_t ncas;
	/* crypto map MAP local-address IFACE (one local address for now) */
	struct {
		char map[NFSEC_MAP_NAME_MAX];
		char name[CONF_NAME_MAX]; /* the IOS name */
		char ifname[IFNAMSIZ]; /* the Linux name, after conf_check() */
		unsigned int line;
	} local;
	struct conf_diag *diags;
	size_t ndiags, nerrors;
};

/* IOS's defaults: the "Default protection suite" and SA lifetimes. */
extern const struct conf_policy conf_default_policy;
#define CONF_SA_LIFE_SEC 3600
#define CONF_SA_LIFE_KB 4608000

/*
 * Read @text (from @file, for messages) into a new configuration.  Returns
 * NULL only when out of memory; otherwise check ->nerrors: a configuration
 * with errors must not be used.  Runs conf_check().
 */
struct conf *conf_parse(const char *file, const char *text, size_t len);
/* conf_parse() on a file's contents; NULL with errno when unreadable. */
struct conf *conf_load(const char *file);
/* The same from @fd, opened by someone who may (closes @fd). */
struct conf *conf_load_fd(const char *file, int fd);
/* Cross-references and warnings; conf_parse() already ran it. */
void conf_check(struct conf *c);
/* Wipes the keys, frees everything. */
void conf_free(struct conf *c);

/* Append a diagnostic; errors count into ->nerrors. */
void conf_diag(struct conf *c, bool error, unsigned int line, unsigned int col,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* "FILE:LINE:COL: error: MSG\n" for each diagnostic. */
void conf_print_diags(const struct conf *c, FILE *f);

const struct conf_tset *conf_tset_find(const struct conf *c, const char *name);
const struct conf_acl *conf_acl_find(const struct conf *c, const char *name);
/* crypto map MAP SEQ, or NULL. */
const struct conf_map_entry *conf_entry_find(const struct conf *c,
					     const char *map, uint32_t seq);

/* A name Linux can give an interface: 1-15 bytes, no '/', ':' or space. */
bool conf_ifname_ok(const char *s);

/*
 * Key bytes of a transform set's ESP cipher (with the GCM salt) and of an
 * HMAC: manual session keys and KEYMAT both come in these sizes.
 */
size_t conf_esp_enc_keylen(const struct conf_tset *t);
size_t conf_auth_keylen(uint8_t auth);
/* Diffie-Hellman group bits, 0 when unknown. */
unsigned int conf_group_bits(uint8_t group);
bool conf_group_known(unsigned int group);

/*
 * The anti-replay window of @e's inbound SAs (packets; 0: no check): the
 * entry's setting, else the global one, else CONF_REPLAY_WINDOW.
 */
uint32_t conf_replay_window(const struct conf *c,
			    const struct conf_map_entry *e);

#endif /* NFSEC_CONF_H */
