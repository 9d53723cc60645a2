/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod in two processes, as OpenBSD's iked is:
 *
 *   parent (root)  holds the namespace's lock, the nfsec netlink socket
 *                  and the configuration file; opens the UDP and control
 *                  sockets; passes on the engine's netlink requests (the
 *                  nfsec family's only) and the kernel's replies; reads
 *                  no network input and parses no configuration (parent.c)
 *   engine         everything else: the configuration, IKE, the control
 *                  socket's requests, the kernel's events.  Runs as its
 *                  own system user, chrooted to an empty directory, with
 *                  no capabilities, no_new_privs and a seccomp allowlist
 *                  (sandbox.c); asks the parent for what it may not do
 *                  itself (engine_ps.c)
 *
 * They talk over a SOCK_SEQPACKET socketpair: one message per packet, a
 * struct cd_ps_hdr and its payload, a descriptor alongside for CD_PS_UDP,
 * CD_PS_CTL and CD_PS_CONF.  The engine asks and waits for the answer;
 * the parent answers in order and, on SIGHUP, sends CD_PS_CONF unasked.
 */
#ifndef NFSEC_CD_PRIVSEP_H
#define NFSEC_CD_PRIVSEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "addr.h"

enum cd_ps_type {
	/*
	 * engine: netlink requests of the nfsec family (one send's worth);
	 * parent: one receive's worth of the kernel's replies, or err
	 */
	CD_PS_NL = 1,
	/* engine: UDP 500 of payload's family (one byte); parent: the fd */
	CD_PS_UDP,
	/* engine: the control socket, listening; parent: the fd */
	CD_PS_CTL,
	/* engine: interface payload (a name); parent: struct cd_ps_ifinfo */
	CD_PS_IFINFO,
	/* parent: the configuration file, opened for reading (fd) */
	CD_PS_CONF,
};

struct cd_ps_hdr {
	uint16_t type; /* enum cd_ps_type */
	uint16_t pad;
	int32_t err; /* answers: 0 or -errno */
};

/* What the engine knows of an interface. */
struct cd_ps_ifinfo {
	uint32_t ifindex; /* 0: no such interface */
	uint8_t has4, has6;
	union nfsec_ip ip4, ip6; /* the first of each family (IPv6: global) */
};

/* Largest message: a netlink request of an entry with 1024 IPv6 rules. */
#define CD_PS_MSG_MAX (512 * 1024)

/*
 * One message: @hdr, @len bytes of @data and, when @fd >= 0, a copy of
 * @fd.  0 or -errno.
 */
int cd_ps_send(int sock, const struct cd_ps_hdr *hdr, const void *data,
	       size_t len, int fd);
/*
 * One message into @hdr and @buf (@cap bytes), its descriptor (if any,
 * else -1) in *@fd.  The payload's length, or -errno: -EPIPE when the
 * other end is gone, -EMSGSIZE when the message did not fit, -EBADMSG
 * when it is shorter than a header.
 */
ssize_t cd_ps_recv(int sock, struct cd_ps_hdr *hdr, void *buf, size_t cap,
		   int *fd);

/*
 * Are @len bytes at @buf netlink requests the parent may pass on: every
 * message whole, a generic-netlink request of family @family?
 */
bool cd_ps_nl_ok(const void *buf, size_t len, uint16_t family);

/*
 * Is a question from the engine (@hdr, @len bytes of payload at @p) one
 * the parent answers: a known type with a payload of its shape, netlink
 * of the nfsec family (@family) only, no error set, no padding?  The
 * parent takes the engine for compromised and checks each one before
 * it acts; an engine that asks anything else is stopped.  0 or -EPROTO.
 */
int cd_ps_check(const struct cd_ps_hdr *hdr, const uint8_t *p, size_t len,
		uint16_t family);

#endif /* NFSEC_CD_PRIVSEP_H */
