/* SPDX-License-Identifier: GPL-2.0 */
/*
 * show crypto engine configuration (engine_conf.c).
 */
#ifndef CRYPTOCTL_ENGINE_CONF_H
#define CRYPTOCTL_ENGINE_CONF_H

#include <stdio.h>

#define CTL_ENGINE_NAME_MAX 128
#define CTL_ENGINE_ALGS_MAX 64

struct ctl_engine_alg {
	char name[CTL_ENGINE_NAME_MAX], driver[CTL_ENGINE_NAME_MAX];
	int priority;
};

struct ctl_engine_algs {
	struct ctl_engine_alg a[CTL_ENGINE_ALGS_MAX];
	size_t n;
};

/*
 * The algorithms of /proc/crypto's text @f that nfsec's SAs use, each with
 * its highest-priority driver, sorted by name.
 */
void ctl_engine_algs_parse(FILE *f, struct ctl_engine_algs *algs);

#endif /* CRYPTOCTL_ENGINE_CONF_H */
