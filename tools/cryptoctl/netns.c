// SPDX-License-Identifier: GPL-2.0
/*
 * cryptoctl -n NETNS.  Only the network namespace changes: netlink and
 * cryptod's control socket (named by the namespace's inode) follow it, and
 * cryptoctl reads nothing from /sys, so unlike `ip netns exec` there is no mount namespace
 * to set up, which keeps a call cheap for scripts that make many.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "netns.h"

#define CTL_NETNS_DIR "/run/netns/"

int ctl_netns_path(const char *name, char *buf, size_t size)
{
	int n;

	if (!*name || !strcmp(name, ".") || !strcmp(name, ".."))
		return -EINVAL;
	if (strchr(name, '/'))
		n = snprintf(buf, size, "%s", name);
	else
		n = snprintf(buf, size, CTL_NETNS_DIR "%s", name);
	if (n < 0 || (size_t)n >= size)
		return -ENAMETOOLONG;
	return 0;
}

int ctl_netns_enter(const char *name)
{
	char path[4096];
	int fd, err;

	err = ctl_netns_path(name, path, sizeof(path));
	if (err) {
		fprintf(stderr, "cryptoctl: -n '%s': %s\n", name,
			strerror(-err));
		return 1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "cryptoctl: network namespace '%s': %s: %s\n",
			name, path, strerror(errno));
		return 1;
	}
	if (setns(fd, CLONE_NEWNET)) {
		fprintf(stderr, "cryptoctl: network namespace '%s': %s\n", name,
			strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}
