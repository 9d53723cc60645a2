/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IKEv1 identities (RFC 2407 4.6.2): phase 1's (an address or a host
 * name) and quick mode's proxy identities, which carry a crypto map ACL
 * line's addresses, protocol and port.
 *
 * A responder accepts proxy identities when they fall inside one of its
 * own ACL lines for that peer, mirrored (the peer's source is our
 * destination).  The ACL is read in order and the first line that
 * overlaps the proposal decides: a permit that contains it accepts, a
 * deny or a permit that only partly covers it refuses.  The SAs then
 * carry the peer's (possibly narrower) selectors.
 */
#ifndef NFSEC_IKEV1_ID_H
#define NFSEC_IKEV1_ID_H

#include <stddef.h>
#include <stdint.h>

#include "addr.h"
#include "conf.h"

enum {
	IKEV1_ID_IPV4_ADDR = 1,
	IKEV1_ID_FQDN = 2,
	IKEV1_ID_USER_FQDN = 3,
	IKEV1_ID_IPV4_ADDR_SUBNET = 4,
	IKEV1_ID_IPV6_ADDR = 5,
	IKEV1_ID_IPV6_ADDR_SUBNET = 6,
	IKEV1_ID_IPV4_ADDR_RANGE = 7,
	IKEV1_ID_IPV6_ADDR_RANGE = 8,
};

struct ikev1_id {
	uint8_t type, proto;
	uint16_t port;
	uint8_t family; /* address types */
	union nfsec_ip addr, mask; /* mask: netmask, or a range's end */
	char name[256]; /* FQDN types, NUL-terminated */
};

/* An ID payload body; -EINVAL when malformed or of an unknown type. */
int ikev1_id_parse(const uint8_t *body, size_t len, struct ikev1_id *id);
/* The body into @buf; its length, or 0 when it does not fit. */
size_t ikev1_id_write(const struct ikev1_id *id, uint8_t *buf, size_t cap);

/* Proxy identities for selector @sel: @src (IDci when we initiate), @dst. */
void ikev1_id_from_sel(const struct nfsec_sel *sel, struct ikev1_id *src,
		       struct ikev1_id *dst);
/* The selector two proxy identities describe; -EINVAL if they cannot. */
int ikev1_id_to_sel(const struct ikev1_id *src, const struct ikev1_id *dst,
		    struct nfsec_sel *sel);

/*
 * As responder: does @want (ours' view: src is our side) fall inside
 * entry @e's ACL?  0, or -EACCES with @why set (for the log).
 */
int ikev1_proxy_check(const struct conf *c, const struct conf_map_entry *e,
		      const struct nfsec_sel *want, const char **why);

/*
 * The ACL line whose traffic @flow (a packet's addresses, our side as
 * source) is, as the kernel found it: the first overlapping line, when it
 * is a permit containing the flow.  Its selector is what IOS proposes.
 */
const struct conf_acl_rule *ikev1_acl_rule_for(const struct conf *c,
					       const struct conf_map_entry *e,
					       const struct nfsec_sel *flow);

/* "192.0.2.0/255.255.255.0/0/0" as IOS's debug shows proxies. */
const char *ikev1_id_str(const struct ikev1_id *id, char *buf, size_t len);

#endif /* NFSEC_IKEV1_ID_H */
