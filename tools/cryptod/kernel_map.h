/* SPDX-License-Identifier: GPL-2.0 */
/*
 * From cryptod's objects to the kernel's: a crypto map entry as an nfsec
 * SPD entry (NFSEC_CMD_NEW_POLICY), a negotiated SA pair or an
 * ipsec-manual entry's session keys as the nfsec SAs to install
 * (NFSEC_CMD_NEW_SA), inbound ones first.  No I/O here: the
 * netlink side sends what these build.
 */
#ifndef NFSEC_KERNEL_MAP_H
#define NFSEC_KERNEL_MAP_H

#include "ikev1.h"
#include "policy.h"
#include "sa.h"

/* Soft lifetimes at this share of the hard ones. */
#define CD_SOFT_PERCENT 90

/*
 * Entry @e as a kernel entry: permit lines protect, deny lines go to the
 * next entry (IOS), through @tset's protocols and mode.  @local is our
 * address toward @peer, the entry's current peer (NULL: its first).
 * Frees with nfsec_entry_free().  0 or -errno.
 */
int cd_entry_info(const struct conf *c, const struct conf_map_entry *e,
		  const struct conf_tset *tset, const union nfsec_ip *local,
		  const struct conf_peer *peer, struct nfsec_entry_info *out);

/*
 * The SAs of @ch that @ch->dirs names, in install order: AH in, ESP in,
 * ESP out, AH out.
 * Returns how many (up to 4); nfsec_sa_wipe() each after use.
 */
size_t cd_child_sas(const struct ikev1_child *ch, struct nfsec_sa_info *sas);

/*
 * The SAs of ipsec-manual entry @e, from its `set session-key` lines, in
 * the same order (AH in, ESP in, ESP out, AH out), between @local and the
 * entry's peer.  Manual SAs never expire and have no replay window: a
 * peer's sequence numbers start at 1 again whenever it re-creates its
 * SAs.  Returns how many (0 for an entry that is not manual or is
 * disabled); nfsec_sa_wipe() each after use.
 */
size_t cd_manual_sas(const struct conf *c, const struct conf_map_entry *e,
		     const union nfsec_ip *local, struct nfsec_sa_info *sas);

#endif /* NFSEC_KERNEL_MAP_H */
