// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's confinement (see sandbox.h).  The order matters: the
 * chroot needs CAP_SYS_CHROOT, so it comes before the user changes; the
 * seccomp filter comes last, as no_new_privs lets an unprivileged process
 * load one, and allows nothing of what came before.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>

#include "ctlsock.h"
#include "daemon_int.h"
#include "sandbox.h"

int cd_sandbox_prepare(const char *user, struct cd_sandbox *sb)
{
	struct passwd *pw;
	struct stat st;

	errno = 0;
	pw = getpwnam(user);
	if (!pw) {
		cd_msg(LOG_ERR,
		       "user %s does not exist: the engine runs as it (create it: adduser --system --group --no-create-home %s, or name another with -u)",
		       user, user);
		return -ENOENT;
	}
	if (pw->pw_uid == 0 || pw->pw_gid == 0) {
		cd_msg(LOG_ERR, "user %s is root's; the engine needs its own",
		       user);
		return -EPERM;
	}
	sb->uid = pw->pw_uid;
	sb->gid = pw->pw_gid;
	sb->root = CD_ENGINE_ROOT;
	if (mkdir(sb->root, 0555) < 0 && errno != EEXIST)
		goto fail;
	if (lstat(sb->root, &st) < 0)
		goto fail;
	if (!S_ISDIR(st.st_mode) || st.st_uid != 0 || (st.st_mode & 0222)) {
		cd_msg(LOG_ERR,
		       "%s must be a directory of root's that no one can write",
		       sb->root);
		return -EPERM;
	}
	return 0;

fail:
	cd_msg(LOG_ERR, "%s: %s", sb->root, strerror(errno));
	return -errno;
}

/*
 * A system call outside the list: said, and the engine ends (the parent
 * then deletes the SAs and leaves the crypto maps dropping traffic).
 */
static void cd_sandbox_sigsys(int sig, siginfo_t *si, void *uc)
{
	static const char hex[] = "0123456789";
	char msg[] = "cryptod: engine: system call 000 is not allowed\n";
	int nr = si->si_syscall;

	(void)sig;
	(void)uc;
	msg[29] = hex[nr / 100 % 10];
	msg[30] = hex[nr / 10 % 10];
	msg[31] = hex[nr % 10];
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(126);
	_exit(126);
}

/* What the engine's loop calls, libc's and GnuTLS's calls included. */
static const int cd_sandbox_allowed[] = {
	SCMP_SYS(read),
	SCMP_SYS(write),
	SCMP_SYS(writev),
	SCMP_SYS(close),
	SCMP_SYS(poll),
	SCMP_SYS(ppoll),
	SCMP_SYS(recvfrom),
	SCMP_SYS(recvmsg),
	SCMP_SYS(sendto),
	SCMP_SYS(sendmsg),
	SCMP_SYS(accept4),
	SCMP_SYS(getsockopt),
	SCMP_SYS(shutdown),
	SCMP_SYS(fcntl),
	SCMP_SYS(fstat),
	SCMP_SYS(newfstatat),
	SCMP_SYS(lseek),
	SCMP_SYS(brk),
	SCMP_SYS(munmap),
	SCMP_SYS(mremap),
	SCMP_SYS(madvise),
	SCMP_SYS(clock_gettime),
	SCMP_SYS(clock_nanosleep),
	SCMP_SYS(nanosleep),
	SCMP_SYS(getrandom),
	SCMP_SYS(getpid),
	SCMP_SYS(gettid),
	SCMP_SYS(futex),
	SCMP_SYS(rt_sigreturn),
	SCMP_SYS(rt_sigprocmask),
	SCMP_SYS(restart_syscall),
	SCMP_SYS(exit),
	SCMP_SYS(exit_group),
	SCMP_SYS(sysinfo),
};

static int cd_sandbox_rules(scmp_filter_ctx f)
{
	size_t i;
	int err = 0;

	for (i = 0; !err && i < sizeof(cd_sandbox_allowed) / sizeof(int); i++)
		err = seccomp_rule_add(f, SCMP_ACT_ALLOW, cd_sandbox_allowed[i],
				       0);
	/* memory, never executable */
	err = err
		      ?: seccomp_rule_add(
				 f, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1,
				 SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	err = err
		      ?: seccomp_rule_add(
				 f, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1,
				 SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	/*
	 * Refused, not fatal: libc may try to open a file (there is none in
	 * the root) or a new syslog socket (the one opened before stays).
	 */
	err = err
		      ?: seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES),
					  SCMP_SYS(openat), 0);
	err = err
		      ?: seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES),
					  SCMP_SYS(open), 0);
	err = err
		      ?: seccomp_rule_add(f, SCMP_ACT_ERRNO(EACCES),
					  SCMP_SYS(socket), 0);
	return err;
}

static int cd_sandbox_seccomp(void)
{
	struct sigaction sa = { .sa_sigaction = cd_sandbox_sigsys,
				.sa_flags = SA_SIGINFO };
	scmp_filter_ctx f;
	int err;

	if (sigaction(SIGSYS, &sa, NULL) < 0)
		return -errno;
	f = seccomp_init(SCMP_ACT_TRAP);
	if (!f)
		return -ENOMEM;
	err = cd_sandbox_rules(f) ?: seccomp_load(f);
	seccomp_release(f);
	return err;
}

int cd_sandbox_enter(const struct cd_sandbox *sb)
{
	const char *step;
	int err;

	tzset(); /* syslog's time stamps: /etc/localtime, read now */
	step = "chroot";
	if (chroot(sb->root) < 0 || chdir("/") < 0)
		goto fail;
	step = "dropping to the engine's user";
	if (setgroups(1, &sb->gid) < 0 ||
	    setresgid(sb->gid, sb->gid, sb->gid) < 0 ||
	    setresuid(sb->uid, sb->uid, sb->uid) < 0)
		goto fail;
	if (setuid(0) == 0) { /* the way back must be closed */
		errno = EPERM;
		goto fail;
	}
	step = "no_new_privs";
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) < 0)
		goto fail;
	err = cd_sandbox_seccomp();
	if (err) {
		cd_msg(LOG_ERR, "engine: seccomp: %s", strerror(-err));
		return err;
	}
	return 0;

fail:
	err = -errno;
	cd_msg(LOG_ERR, "engine: %s: %s", step, strerror(errno));
	return err;
}
