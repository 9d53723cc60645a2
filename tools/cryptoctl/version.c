// SPDX-License-Identifier: GPL-2.0
/*
 * `cryptoctl version` and `cryptoctl status`: the tools' and the module's
 * versions, and what nfsec sees in the current network namespace.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "uapi/linux/nfsec.h"
#include "ctl.h"
#include "exec.h"
#include "json.h"
#include "status.h"

static int ctl_no_args(const char *cmd, int argc, char **argv)
{
	if (argc == 0)
		return 0;
	fprintf(stderr, "cryptoctl: %s takes no arguments, got '%s'\n", cmd,
		argv[0]);
	return 2;
}

static int ctl_status_fetch(struct ctl *ctl, struct nfsec_status *st)
{
	int err;

	if (ctl_nl(ctl))
		return 1;
	err = nfsec_status_get(&ctl->nl, st);
	if (err)
		return ctl_nl_error(ctl, "status request failed", err);
	if (st->abi_version != NFSEC_ABI_VERSION) {
		fprintf(stderr,
			"cryptoctl: module ABI %" PRIu32
			" differs from the tools' ABI %d; install matching versions\n",
			st->abi_version, NFSEC_ABI_VERSION);
		return 1;
	}
	return 0;
}

static void ctl_version_json(const struct nfsec_status *st)
{
	struct nfsec_json j;

	nfsec_json_init(&j, stdout);
	nfsec_json_object_open(&j, NULL);
	nfsec_json_object_open(&j, "tools");
	nfsec_json_string(&j, "version", NFSEC_VERSION);
	nfsec_json_u64(&j, "abi", NFSEC_ABI_VERSION);
	nfsec_json_object_close(&j);
	nfsec_json_object_open(&j, "module");
	nfsec_json_string(&j, "version", st->version);
	nfsec_json_u64(&j, "abi", st->abi_version);
	nfsec_json_string(&j, "kernel", st->kernel_release);
	nfsec_json_object_close(&j);
	nfsec_json_object_close(&j);
	nfsec_json_end(&j);
}

int ctl_cmd_version(struct ctl *ctl, int argc, char **argv)
{
	struct nfsec_status st;
	int ret;

	ret = ctl_no_args("version", argc, argv);
	if (ret)
		return ret;
	if (!ctl->json) {
		printf("cryptoctl %s (ABI %d)\n", NFSEC_VERSION,
		       NFSEC_ABI_VERSION);
		fflush(stdout); /* before any error on stderr */
	}
	ret = ctl_status_fetch(ctl, &st);
	if (ret)
		return ret;
	if (ctl->json)
		ctl_version_json(&st);
	else
		printf("nfsec.ko  %s (ABI %" PRIu32 ") on Linux %s\n",
		       st.version, st.abi_version, st.kernel_release);
	return 0;
}

static void ctl_limit_json(struct nfsec_json *j, const char *name,
			   const struct nfsec_status_limit *l)
{
	nfsec_json_object_open(j, name);
	nfsec_json_u64(j, "used", l->used);
	nfsec_json_u64(j, "max", l->max);
	nfsec_json_object_close(j);
}

static void ctl_status_json(const struct nfsec_status *st)
{
	struct nfsec_json j;

	nfsec_json_init(&j, stdout);
	nfsec_json_object_open(&j, NULL);
	nfsec_json_string(&j, "version", st->version);
	nfsec_json_u64(&j, "hooks", st->hooks);
	nfsec_json_object_open(&j, "rx");
	nfsec_json_u64(&j, "packets", st->rx_packets);
	nfsec_json_u64(&j, "bytes", st->rx_bytes);
	nfsec_json_object_close(&j);
	nfsec_json_object_open(&j, "tx");
	nfsec_json_u64(&j, "packets", st->tx_packets);
	nfsec_json_u64(&j, "bytes", st->tx_bytes);
	nfsec_json_object_close(&j);
	if (st->has_limits) {
		nfsec_json_object_open(&j, "limits");
		ctl_limit_json(&j, "sas", &st->sas);
		ctl_limit_json(&j, "larval_sas", &st->larval);
		ctl_limit_json(&j, "entries", &st->entries);
		ctl_limit_json(&j, "rules", &st->rules);
		nfsec_json_object_close(&j);
	}
	nfsec_json_object_close(&j);
	nfsec_json_end(&j);
}

int ctl_cmd_status(struct ctl *ctl, int argc, char **argv)
{
	struct nfsec_status st;
	int ret;

	ret = ctl_no_args("status", argc, argv);
	if (ret)
		return ret;
	ret = ctl_status_fetch(ctl, &st);
	if (ret)
		return ret;
	if (ctl->json) {
		ctl_status_json(&st);
		return 0;
	}
	printf("nfsec %s in this network namespace\n", st.version);
	printf("  netfilter hooks: %" PRIu32 "\n", st.hooks);
	printf("  inbound:  %" PRIu64 " packets, %" PRIu64 " bytes\n",
	       st.rx_packets, st.rx_bytes);
	printf("  outbound: %" PRIu64 " packets, %" PRIu64 " bytes\n",
	       st.tx_packets, st.tx_bytes);
	if (!st.has_limits)
		return 0;
	printf("  held, of what nfsec.max_* allows a namespace:\n");
	printf("    SAs:                %" PRIu32 " of %" PRIu32
	       " (reserved SPIs: %" PRIu32 " of %" PRIu32 ")\n",
	       st.sas.used, st.sas.max, st.larval.used, st.larval.max);
	printf("    crypto map entries: %" PRIu32 " of %" PRIu32 "\n",
	       st.entries.used, st.entries.max);
	printf("    rules:              %" PRIu32 " of %" PRIu32 "\n",
	       st.rules.used, st.rules.max);
	return 0;
}
