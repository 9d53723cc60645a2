/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output pieces shared by cryptoctl's commands.
 */
#ifndef CRYPTOCTL_PRINT_H
#define CRYPTOCTL_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "sa.h"

struct ctl;

void ctl_sel_json(struct nfsec_json *j, const char *key,
		  const struct nfsec_sel *sel);
void ctl_sa_json(struct nfsec_json *j, const char *key,
		 const struct nfsec_sa_info *sa);

/*
 * One SA as IOS's show crypto ipsec sa prints it ("spi: 0x...(...)",
 * transform, settings, conn id, remaining lifetime, IV size, replay),
 * indented under "protocol:" or "inbound esp sas:" (show.c).
 */
void ctl_sa_print_ios(const struct nfsec_sa_info *sa);

/*
 * show crypto ipsec sa address: the SAs for which @wanted says yes,
 * grouped by destination address and then protocol (show_address.c).
 */
void ctl_show_sa_address(struct ctl *ctl, const struct nfsec_sa_info *sas,
			 size_t nsas,
			 bool (*wanted)(const struct nfsec_sa_info *sa,
					const void *arg),
			 const void *arg);

#endif /* CRYPTOCTL_PRINT_H */
