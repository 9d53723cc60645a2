/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptoctl -n NETNS: act on another network namespace, as `ip -n` does.
 */
#ifndef CRYPTOCTL_NETNS_H
#define CRYPTOCTL_NETNS_H

#include <stddef.h>

/*
 * The file naming @name: /run/netns/@name for a name `ip netns add` made,
 * or @name itself when it holds a '/' (/proc/PID/ns/net).  Returns 0, or
 * -EINVAL for an empty name, "." or "..", -ENAMETOOLONG when it does not
 * fit @size.
 */
int ctl_netns_path(const char *name, char *buf, size_t size);

/*
 * Moves this process into the network namespace @name names, before any
 * socket is opened.  Returns 0, or prints why it cannot and returns 1.
 */
int ctl_netns_enter(const char *name);

#endif /* CRYPTOCTL_NETNS_H */
