// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: cryptoctl's batch reader (cryptoctl -b) and every command
 * it dispatches to, with their argument parsers and the netlink requests
 * they build.
 *
 * Nothing leaves the process: the netlink layer is replaced at link time
 * (-Wl,--wrap) by one that checks each request is a well-formed nfsec
 * message (header lengths, every attribute inside its parent) and answers
 * with an ACK and no replies; cryptod's control socket "does not run".
 * monitor and debug, which wait for events, are replaced by stubs: the
 * rest of the exec tree (exec_tree.c) is fuzzed as cryptoctl runs it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

#include "batch.h"
#include "exec.h"
#include "ctl.h"
#include "nl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int __wrap_nfsec_nl_open(struct nfsec_nl *nl);
void __wrap_nfsec_nl_close(struct nfsec_nl *nl);
int __wrap_nfsec_nl_talk(struct nfsec_nl *nl, struct nlmsghdr *req, mnl_cb_t cb,
			 void *data);
int __wrap_nfsec_nl_batch_flush(struct nfsec_nl *nl);
int __wrap_nfsec_ctl_connect(void);
int __wrap_ctl_cmd_monitor(struct ctl *ctl, int argc, char **argv);
int __wrap_ctl_debug_isakmp(struct ctl *ctl, int argc, char **argv);
int __wrap_ctl_debug_ipsec(struct ctl *ctl, int argc, char **argv);

/* The commands that wait for events end at once. */
int __wrap_ctl_cmd_monitor(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	return 0;
}

int __wrap_ctl_debug_isakmp(struct ctl *ctl, int argc, char **argv)
{
	return __wrap_ctl_cmd_monitor(ctl, argc, argv);
}

int __wrap_ctl_debug_ipsec(struct ctl *ctl, int argc, char **argv)
{
	return __wrap_ctl_cmd_monitor(ctl, argc, argv);
}

int __wrap_nfsec_nl_open(struct nfsec_nl *nl)
{
	memset(nl, 0, sizeof(*nl));
	nl->family_id = GENL_MIN_ID;
	nl->family_version = 1;
	return 0;
}

void __wrap_nfsec_nl_close(struct nfsec_nl *nl)
{
	(void)nl;
}

/* Attributes back to back over @len bytes at @p, nested ones too. */
static void check_attrs(const void *p, size_t len, int depth)
{
	const struct nlattr *a = p;
	size_t step;

	while (len) {
		if (len < sizeof(*a) || a->nla_len < sizeof(*a) ||
		    a->nla_len > len)
			abort(); /* would be "bytes leftover" in the kernel */
		if (depth < 4 && (a->nla_type & NLA_F_NESTED))
			check_attrs(mnl_attr_get_payload(a),
				    mnl_attr_get_payload_len(a), depth + 1);
		step = MNL_ALIGN(a->nla_len);
		if (step >= len)
			return;
		len -= step;
		a = (const void *)((const char *)a + step);
	}
}

int __wrap_nfsec_nl_talk(struct nfsec_nl *nl, struct nlmsghdr *req, mnl_cb_t cb,
			 void *data)
{
	const size_t hdr = MNL_ALIGN(sizeof(struct genlmsghdr));

	(void)cb;
	(void)data;
	if (req->nlmsg_len < mnl_nlmsg_size(hdr) ||
	    req->nlmsg_type != nl->family_id)
		abort();
	check_attrs((const char *)mnl_nlmsg_get_payload(req) + hdr,
		    req->nlmsg_len - mnl_nlmsg_size(hdr), 0);
	return 0;
}

int __wrap_nfsec_nl_batch_flush(struct nfsec_nl *nl)
{
	(void)nl;
	return 0;
}

int __wrap_nfsec_ctl_connect(void)
{
	return -ENOENT;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctl ctl = { 0 };
	FILE *f;

	if (!size)
		return 0;
	/* the first byte: JSON output or not */
	ctl.json = data[0] & 1;
	f = fmemopen((void *)(data + 1), size - 1, "r");
	if (!f)
		return 0;
	ctl_batch_run(&ctl, f, "fuzz");
	fclose(f);
	return 0;
}
