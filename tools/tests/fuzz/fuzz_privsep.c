// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: what cryptod's parent takes from the engine, which it
 * treats as compromised (privsep.h).  The input is a question as it comes
 * off the socketpair: a struct cd_ps_hdr, then its payload.  cd_ps_check()
 * decides; whatever it lets through is checked again here, the slow way,
 * against what the parent then does with it: a netlink request the kernel
 * would take as nfsec's alone, a family byte the parent binds, a name
 * if_nametoindex() reads.  A disagreement aborts.
 */
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <sys/socket.h>

#include "privsep.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAMILY 0x1d

/* Every message of @p inside @len, nfsec's, a request: walked anew. */
static bool nl_all_nfsec(const uint8_t *p, size_t len)
{
	size_t off = 0;
	struct nlmsghdr h;

	while (off < len) {
		if (len - off < sizeof(h))
			return false;
		memcpy(&h, p + off, sizeof(h));
		if (h.nlmsg_len < NLMSG_HDRLEN + GENL_HDRLEN ||
		    h.nlmsg_len > len - off || h.nlmsg_type != FAMILY ||
		    !(h.nlmsg_flags & NLM_F_REQUEST))
			return false;
		off += NLMSG_ALIGN(h.nlmsg_len);
	}
	return len > 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cd_ps_hdr h;
	uint8_t *p;
	size_t len;

	if (size < sizeof(h))
		return 0;
	memcpy(&h, data, sizeof(h));
	len = size - sizeof(h);
	/* a copy of its own size, so ASan sees any read beyond it */
	p = malloc(len ? len : 1);
	if (!p)
		return 0;
	memcpy(p, data + sizeof(h), len);
	if (!cd_ps_check(&h, p, len, FAMILY)) {
		if (h.err || h.pad)
			abort();
		if (h.type == CD_PS_NL && !nl_all_nfsec(p, len))
			abort();
		if (h.type == CD_PS_UDP &&
		    (len != 1 || (p[0] != AF_INET && p[0] != AF_INET6)))
			abort();
		if (h.type == CD_PS_IFINFO &&
		    (!len || len >= IFNAMSIZ || memchr(p, 0, len)))
			abort();
		if (h.type != CD_PS_NL && h.type != CD_PS_UDP &&
		    h.type != CD_PS_IFINFO && (h.type != CD_PS_CTL || len))
			abort();
	}
	free(p);
	return 0;
}
