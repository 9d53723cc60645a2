/* SPDX-License-Identifier: GPL-2.0 */
/*
 * `show crypto ipsec sa keys --wireshark`: the ESP SAs as Wireshark's ESP
 * SA table (its esp_sa preference file), so an admin can decrypt a capture.
 */
#ifndef CRYPTOCTL_WIRESHARK_H
#define CRYPTOCTL_WIRESHARK_H

#include <stdio.h>

#include "ctl.h"
#include "sa.h"

/*
 * One esp_sa record for @sa on @f, or a comment saying why there is none
 * (AH, or an algorithm Wireshark does not decrypt).  Negative errno when
 * @f fails.
 */
int ctl_wireshark_sa(FILE *f, const struct nfsec_sa_info *sa);

/*
 * The SAs, with keys, as esp_sa records on stdout: those of crypto map
 * @map (NULL: any) and peer @peer of @family (0: any).  0 or the exit
 * status.
 */
int ctl_wireshark_show(struct ctl *ctl, const char *map, uint8_t family,
		       const union nfsec_ip *peer);

#endif /* CRYPTOCTL_WIRESHARK_H */
