/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parts of `show crypto` that live in files of their own.
 */
#ifndef CRYPTOCTL_SHOW_H
#define CRYPTOCTL_SHOW_H

#include "args.h"
#include "ctl.h"

/* show crypto map [tag NAME] (show_map.c); the exit status. */
int ctl_show_map(struct ctl *ctl, struct ctl_args *a);

#endif /* CRYPTOCTL_SHOW_H */
