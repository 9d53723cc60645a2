/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output pieces shared by cryptoctl's commands.
 */
#ifndef CRYPTOCTL_PRINT_H
#define CRYPTOCTL_PRINT_H

#include "json.h"
#include "sa.h"

void ctl_sel_json(struct nfsec_json *j, const char *key,
		  const struct nfsec_sel *sel);
void ctl_sa_json(struct nfsec_json *j, const char *key,
		 const struct nfsec_sa_info *sa);

#endif /* CRYPTOCTL_PRINT_H */
