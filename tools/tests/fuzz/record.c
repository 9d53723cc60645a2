// SPDX-License-Identifier: GPL-2.0
/*
 * The fuzz targets' recorded seeds: one real exchange between two
 * engines (pair.h), written as inputs for fuzz_ikev1 (each role's view),
 * fuzz_isakmp (every datagram) and fuzz_control (requests, and cryptod's
 * answers as cryptoctl reads them).  The engines are deterministic, so
 * the seeds are the same on every run and stay valid as long as the
 * engine answers the same way; `make fuzz` records them afresh.
 *
 *   record DIR     writes DIR/ikev1/, DIR/isakmp/, DIR/control/
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "control.h"
#include "ikev1_int.h"
#include "pair.h"

static struct fuzz_side r1, r2;
static const char *top;

static void put(const char *target, const char *name, uint8_t first,
		const void *data, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", top, target);
	if (mkdir(path, 0755) && errno != EEXIST)
		goto fail;
	snprintf(path, sizeof(path), "%s/%s/%s", top, target, name);
	f = fopen(path, "we");
	if (!f)
		goto fail;
	if (first != 0xff)
		fputc(first, f);
	fwrite(data, 1, len, f);
	if (fclose(f))
		goto fail;
	return;
fail:
	perror(path);
	exit(1);
}

/* fuzz_ikev1's input: @role, then what @from sent, length-prefixed. */
static void put_role(const char *name, uint8_t role,
		     const struct fuzz_side *from, size_t n)
{
	static uint8_t buf[FUZZ_MSGS_MAX * (FUZZ_MSG_MAX + 2)];
	size_t i, len = 0;

	for (i = 0; i < n; i++) {
		buf[len++] = (uint8_t)(from->sent[i].len >> 8);
		buf[len++] = (uint8_t)from->sent[i].len;
		memcpy(buf + len, from->sent[i].data, from->sent[i].len);
		len += from->sent[i].len;
	}
	put("ikev1", name, role, buf, len);
}

/* cryptod's answer to @req, as a server seed and as client seeds. */
static void put_control(const char *name, const char *req)
{
	char *ans = NULL, file[64];
	size_t len = 0;
	FILE *m = open_memstream(&ans, &len);

	if (!m)
		exit(1);
	fuzz_side_enter(&r1);
	cd_control_answer(&r1.ctx, req, m);
	fclose(m);
	snprintf(file, sizeof(file), "req-%s", name);
	put("control", file, 0, req, strlen(req));
	snprintf(file, sizeof(file), "text-%s", name);
	put("control", file, 1, ans, len);
	snprintf(file, sizeof(file), "json-%s", name);
	put("control", file, 2, ans, len);
	if (!strcmp(req, "map")) {
		snprintf(file, sizeof(file), "map-%s", name);
		put("control", file, 3, ans, len);
	}
	free(ans);
}

int main(int argc, char **argv)
{
	char name[32];
	size_t i, n1, n2;

	if (argc != 2) {
		fprintf(stderr, "usage: record DIR\n");
		return 2;
	}
	top = argv[1];
	if ((mkdir(top, 0755) && errno != EEXIST) || fuzz_side_init(&r1, 1) ||
	    fuzz_side_init(&r2, 0) || fuzz_pair_exchange(&r1, &r2)) {
		fprintf(stderr, "record: the exchange did not complete\n");
		return 1;
	}
	put_control("isakmp-sa", "isakmp sa");
	put_control("isakmp-policy", "isakmp policy");
	put_control("map", "map");
	put_control("debug", "debug isakmp");
	/* not run here: it would end the exchange the rest records */
	put("control", "req-clear", 0, "clear isakmp 1", 14);
	n1 = r1.nsent;
	n2 = r2.nsent;
	/* and the end: r1's Delete for the ISAKMP SA and the pair */
	fuzz_side_enter(&r1);
	ikev1_clear(&r1.ctx, 0);
	for (i = n1; i < r1.nsent; i++)
		fuzz_side_input(&r2, r1.sent[i].data, r1.sent[i].len);
	put_role("responder", 0, &r1, r1.nsent);
	put_role("initiator", 1, &r2, n2);
	for (i = 0; i < r1.nsent; i++) {
		snprintf(name, sizeof(name), "r1-%02zu", i);
		put("isakmp", name, 0xff, r1.sent[i].data, r1.sent[i].len);
	}
	for (i = 0; i < r2.nsent; i++) {
		snprintf(name, sizeof(name), "r2-%02zu", i);
		put("isakmp", name, 0xff, r2.sent[i].data, r2.sent[i].len);
	}
	printf("record: %zu and %zu datagrams from r1 and r2\n", r1.nsent,
	       r2.nsent);
	fuzz_side_destroy(&r1);
	fuzz_side_destroy(&r2);
	return 0;
}
