/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * nfsec: IPsec (ESP/AH) in the netfilter hook path, configured over the
 * generic-netlink family "nfsec".
 *
 * The family is per network namespace (netnsok): every command acts on the
 * namespace of the socket that sends it.  Commands that change or reveal
 * state need CAP_NET_ADMIN in the user namespace owning that network
 * namespace (GENL_UNS_ADMIN_PERM).  Unknown attributes are refused (strict
 * validation); every error carries an extack message naming the attribute.
 *
 * Commands and their attribute trees
 * ----------------------------------
 *
 * NFSEC_CMD_GET_STATUS
 *   Request: no attributes.  Any user may ask (read-only, no secrets).
 *   Reply, flat:
 *     NFSEC_A_VERSION:        NLA_NUL_STRING, module version, e.g. "0.1.0"
 *     NFSEC_A_ABI_VERSION:    NLA_U32, NFSEC_ABI_VERSION of the module
 *     NFSEC_A_KERNEL_RELEASE: NLA_NUL_STRING, utsname release the module
 *                             runs on
 *     NFSEC_A_STATUS:         NLA_NESTED, state of the caller's netns
 *       NFSEC_STATUS_A_HOOKS:      NLA_U32, netfilter hooks nfsec holds in
 *                                  this netns (IPv4 and IPv6)
 *       NFSEC_STATUS_A_RX_PACKETS: NLA_U64, packets seen entering the
 *                                  stack (PRE_ROUTING, IPv4 + IPv6)
 *       NFSEC_STATUS_A_RX_BYTES:   NLA_U64, their bytes (network header on)
 *       NFSEC_STATUS_A_TX_PACKETS: NLA_U64, packets seen leaving
 *                                  (POST_ROUTING, IPv4 + IPv6)
 *       NFSEC_STATUS_A_TX_BYTES:   NLA_U64, their bytes
 *     (NFSEC_STATUS_A_PAD pads the 64-bit attributes; never sent alone.)
 *
 * Versioning
 * ----------
 * NFSEC_ABI_VERSION is bumped on any incompatible change; new commands and
 * new attributes are added at the end of their enums and do not bump it.
 * Tools compare it with the module's and refuse to drive a module whose ABI
 * they do not know.
 */

#ifndef _UAPI_LINUX_NFSEC_H
#define _UAPI_LINUX_NFSEC_H

#define NFSEC_GENL_NAME		"nfsec"
#define NFSEC_GENL_VERSION	1
#define NFSEC_ABI_VERSION	1

enum nfsec_cmd {
	NFSEC_CMD_UNSPEC,
	NFSEC_CMD_GET_STATUS,

	__NFSEC_CMD_MAX
};

#define NFSEC_CMD_MAX (__NFSEC_CMD_MAX - 1)

enum nfsec_attr {
	NFSEC_A_UNSPEC,
	NFSEC_A_VERSION,
	NFSEC_A_ABI_VERSION,
	NFSEC_A_KERNEL_RELEASE,
	NFSEC_A_STATUS,

	__NFSEC_A_MAX
};

#define NFSEC_A_MAX (__NFSEC_A_MAX - 1)

enum nfsec_status_attr {
	NFSEC_STATUS_A_UNSPEC,
	NFSEC_STATUS_A_PAD,
	NFSEC_STATUS_A_HOOKS,
	NFSEC_STATUS_A_RX_PACKETS,
	NFSEC_STATUS_A_RX_BYTES,
	NFSEC_STATUS_A_TX_PACKETS,
	NFSEC_STATUS_A_TX_BYTES,

	__NFSEC_STATUS_A_MAX
};

#define NFSEC_STATUS_A_MAX (__NFSEC_STATUS_A_MAX - 1)

#endif /* _UAPI_LINUX_NFSEC_H */
