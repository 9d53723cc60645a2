/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What cryptod knows of a crypto map entry that the kernel does not: its
 * type, access list and transform set names, and the live state of the
 * ISAKMP SA with its peer (cryptod's `map` answer).  `show crypto map`
 * adds it to the kernel's entries when cryptod runs.
 */
#ifndef CRYPTOCTL_MAP_IKE_H
#define CRYPTOCTL_MAP_IKE_H

#include <stddef.h>
#include <stdint.h>

#include "uapi/linux/nfsec.h"

struct ctl_map_ike {
	char map[NFSEC_MAP_NAME_MAX];
	uint32_t seq;
	char type[16]; /* ipsec-isakmp | ipsec-manual */
	char acl[64]; /* "" when none */
	char tsets[256]; /* comma-separated, "" when none */
	char state[24]; /* the ISAKMP SA's (QM_IDLE...), "" when none */
	unsigned int conn_id, pairs;
};

/*
 * The records of cryptod's answer @reply (modified in place) into *@out
 * (free it).  0, or -1 for an answer that is not "ok" or a record that is
 * malformed (said on stderr).
 */
int ctl_map_ike_parse(char *reply, struct ctl_map_ike **out, size_t *n);

/*
 * cryptod's records, asked for now: 0 with *@n == 0 when cryptod does not
 * run in this namespace (the kernel's view stands alone then), -1 when it
 * answered wrongly.
 */
int ctl_map_ike_load(struct ctl_map_ike **out, size_t *n);

/* The record of entry MAP SEQ, or NULL. */
const struct ctl_map_ike *ctl_map_ike_find(const struct ctl_map_ike *mi,
					   size_t n, const char *map,
					   uint32_t seq);

#endif /* CRYPTOCTL_MAP_IKE_H */
