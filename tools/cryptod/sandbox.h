/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The engine's confinement (privsep.h): its own system user and group,
 * chrooted to an empty directory of root's, no capabilities, no_new_privs,
 * not dumpable, and a seccomp allowlist of the system calls its loop makes.
 */
#ifndef NFSEC_CD_SANDBOX_H
#define NFSEC_CD_SANDBOX_H

#include <sys/types.h>

/* The engine's user unless -u names another. */
#define CD_ENGINE_USER "nfsec"
/* Its root: empty, root's, no one may write it. */
#define CD_ENGINE_ROOT NFSEC_RUNDIR "/empty"

struct cd_sandbox {
	uid_t uid;
	gid_t gid;
	const char *root;
};

/*
 * In the parent, as root: looks @user up and makes the empty root.
 * 0, or -errno with the reason reported.
 */
int cd_sandbox_prepare(const char *user, struct cd_sandbox *sb);
/*
 * In the engine, before it reads anything: enters the confinement for
 * good.  0, or -errno (reported): the engine must then exit.
 */
int cd_sandbox_enter(const struct cd_sandbox *sb);

#endif /* NFSEC_CD_SANDBOX_H */
