// SPDX-License-Identifier: GPL-2.0
/*
 * The IPsec settings cryptod holds, in the seed's layouts:
 *
 *   show crypto ipsec session-key
 *   Session key lifetime: 4608000 kilobytes/3600 seconds
 *
 *   show crypto ipsec transform-proposal [NAME]
 *   Transform proposal auth2: { ah-sha-hmac }
 *      supported settings = { Tunnel, },
 *      default settings = { Tunnel, },
 *      will negotiate = { Tunnel, },
 *      { esp-des esp-sha-hmac }
 *      ...
 *
 * From cryptod's "ipsec" answer: "lifetime KB SECONDS", then "tset NAME
 * MODE AH ESP" records ("-" for a part the set does not have).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "exec.h"
#include "isakmp_cmds.h"
#include "json.h"

#define IPSEC_FIELDS 6

int ctl_show_ipsec_session_key(struct ctl *ctl, int argc, char **argv)
{
	char *save = NULL,
	     *reply = ctl_cryptod_records("ipsec\n", false, &save), *line;
	char *f[IPSEC_FIELDS];
	struct nfsec_json j;
	int ret = 1;

	(void)argc;
	(void)argv;
	if (!reply)
		return 1;
	while ((line = strtok_r(NULL, "\n", &save))) {
		if (ctl_cryptod_fields(line, f, IPSEC_FIELDS) != 3 ||
		    strcmp(f[0], "lifetime"))
			continue;
		if (ctl->json) {
			nfsec_json_init(&j, stdout);
			nfsec_json_object_open(&j, NULL);
			nfsec_json_u64(&j, "lifetime_kilobytes",
				       strtoull(f[1], NULL, 10));
			nfsec_json_u64(&j, "lifetime_seconds",
				       strtoull(f[2], NULL, 10));
			nfsec_json_object_close(&j);
			nfsec_json_end(&j);
		} else {
			printf("Session key lifetime: %s kilobytes/%s seconds\n",
			       f[1], f[2]);
		}
		ret = 0;
		break;
	}
	if (ret)
		fprintf(stderr, "cryptoctl: cryptod: malformed answer\n");
	free(reply);
	return ret;
}

static void tset_settings(const char *mode)
{
	printf("   supported settings = { %s, },\n", mode);
	printf("   default settings = { %s, },\n", mode);
	printf("   will negotiate = { %s, },\n", mode);
}

/* One "tset NAME MODE AH ESP" record, as text or JSON. */
static void tset_show(struct ctl *ctl, struct nfsec_json *j, char **f)
{
	bool ah = strcmp(f[3], "-"), esp = strcmp(f[4], "-");

	if (ctl->json) {
		nfsec_json_object_open(j, NULL);
		nfsec_json_string(j, "name", f[1]);
		nfsec_json_string(j, "mode", f[2]);
		if (ah)
			nfsec_json_string(j, "ah", f[3]);
		if (esp)
			nfsec_json_string(j, "esp", f[4]);
		nfsec_json_object_close(j);
		return;
	}
	printf("Transform proposal %s: { %s }\n", f[1], ah ? f[3] : f[4]);
	tset_settings(f[2]);
	if (ah && esp) {
		printf("   { %s }\n", f[4]);
		tset_settings(f[2]);
	}
}

int ctl_show_ipsec_transform_proposal(struct ctl *ctl, int argc, char **argv)
{
	char *save = NULL,
	     *reply = ctl_cryptod_records("ipsec\n", false, &save), *line;
	const char *name = argc ? argv[0] : NULL;
	char *f[IPSEC_FIELDS];
	struct nfsec_json j;

	if (!reply)
		return 1;
	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_array_open(&j, NULL);
	}
	while ((line = strtok_r(NULL, "\n", &save))) {
		if (ctl_cryptod_fields(line, f, IPSEC_FIELDS) != 5 ||
		    strcmp(f[0], "tset"))
			continue;
		if (!name || !strcmp(name, f[1]))
			tset_show(ctl, &j, f);
	}
	if (ctl->json) {
		nfsec_json_array_close(&j);
		nfsec_json_end(&j);
	}
	free(reply);
	return 0;
}
