// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: cryptod's control protocol (lib/ctlsock.h), both ends.
 * The first byte picks the end:
 *   0: cryptod's cd_control_answer() on the rest as a request line,
 *      against an engine holding an established ISAKMP SA and a quick
 *      mode's pair (so `isakmp sa`, `map` and `clear isakmp` have
 *      something to show and clear; a request that cleared it has the
 *      exchange run again before the next input);
 *   1, 2: cryptoctl printing the rest as cryptod's answer, as text or
 *      JSON (ctl_isakmp_print());
 *   3: cryptoctl reading the rest as the answer to `map`
 *      (ctl_map_ike_parse()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "control.h"
#include "ctlsock.h"
#include "ikev1_int.h"
#include "isakmp_cmds.h"
#include "map_ike.h"
#include "pair.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fuzz_side r1, r2;
static FILE *null;

/* r1 with an ISAKMP SA up, as after any completed exchange. */
static void establish(void)
{
	if (r1.conf) {
		fuzz_side_reset(&r1);
		fuzz_side_reset(&r2);
	} else if (fuzz_side_init(&r1, 1) || fuzz_side_init(&r2, 0)) {
		abort();
	}
	if (fuzz_pair_exchange(&r1, &r2))
		abort();
}

static void server(const uint8_t *data, size_t size)
{
	char req[NFSEC_CTL_REQ_MAX];

	if (!r1.conf || !ikev1_find_peer(&r1.ctx, r1.family, &r1.peer))
		establish();
	/* as cryptod reads it: one recv into a buffer of this size */
	if (size > sizeof(req) - 1)
		size = sizeof(req) - 1;
	memcpy(req, data, size);
	req[size] = '\0';
	fuzz_side_enter(&r1);
	cd_control_answer(&r1.ctx, req, null);
}

static void client(uint8_t how, const uint8_t *data, size_t size)
{
	char *reply = malloc(size + 1);
	struct ctl_map_ike *mi = NULL;
	size_t n = 0;

	if (!reply)
		return;
	memcpy(reply, data, size);
	reply[size] = '\0';
	if (how == 3) {
		if (!ctl_map_ike_parse(reply, &mi, &n))
			free(mi);
	} else {
		ctl_isakmp_print(reply, how == 2, true, null);
	}
	free(reply);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	if (!null)
		null = fopen("/dev/null", "we");
	if (data[0] & 3)
		client(data[0] & 3, data + 1, size - 1);
	else
		server(data + 1, size - 1);
	return 0;
}
