// SPDX-License-Identifier: GPL-2.0
/*
 * cryptod's view of the crypto map entries (see map_ike.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "isakmp_cmds.h"
#include "map_ike.h"

#define MAP_IKE_FIELDS 10

/* Copies @src into @dst of @len bytes; "-" stands for nothing. */
static int map_ike_copy(char *dst, size_t len, const char *src)
{
	if (!strcmp(src, "-"))
		src = "";
	if (strlen(src) >= len)
		return -1;
	strcpy(dst, src);
	return 0;
}

static int map_ike_uint(const char *s, uint32_t *v)
{
	unsigned long x;
	char *end;

	errno = 0;
	x = strtoul(s, &end, 10);
	if (errno || end == s || *end || x > UINT32_MAX)
		return -1;
	*v = (uint32_t)x;
	return 0;
}

/* entry MAP SEQ TYPE ACL TSETS STATE CONN PAIRS */
static int map_ike_record(char *line, struct ctl_map_ike *r)
{
	char *f[MAP_IKE_FIELDS];
	size_t n = ctl_cryptod_fields(line, f, MAP_IKE_FIELDS);

	memset(r, 0, sizeof(*r));
	if (n != 9 || strcmp(f[0], "entry"))
		return -1;
	return map_ike_copy(r->map, sizeof(r->map), f[1]) ?:
	       map_ike_uint(f[2], &r->seq) ?:
	       map_ike_copy(r->type, sizeof(r->type), f[3]) ?:
	       map_ike_copy(r->acl, sizeof(r->acl), f[4]) ?:
	       map_ike_copy(r->tsets, sizeof(r->tsets), f[5]) ?:
	       map_ike_copy(r->state, sizeof(r->state), f[6]) ?:
	       map_ike_uint(f[7], &r->conn_id) ?:
	       map_ike_uint(f[8], &r->pairs);
}

int ctl_map_ike_parse(char *reply, struct ctl_map_ike **out, size_t *n)
{
	char *save = NULL, *line;
	struct ctl_map_ike *r, *nr;

	*out = NULL;
	*n = 0;
	line = strtok_r(reply, "\n", &save);
	if (!line || strcmp(line, "ok")) {
		fprintf(stderr, "cryptoctl: cryptod: %s\n",
			line ? line : "empty answer");
		return -1;
	}
	while ((line = strtok_r(NULL, "\n", &save))) {
		nr = realloc(*out, (*n + 1) * sizeof(**out));
		if (!nr)
			goto fail;
		*out = nr;
		r = &nr[*n];
		if (map_ike_record(line, r)) {
			fprintf(stderr, "cryptoctl: cryptod: bad map record\n");
			goto fail;
		}
		(*n)++;
	}
	return 0;
fail:
	free(*out);
	*out = NULL;
	*n = 0;
	return -1;
}

int ctl_map_ike_load(struct ctl_map_ike **out, size_t *n)
{
	char *reply = ctl_cryptod_request("map\n", true);
	int r;

	*out = NULL;
	*n = 0;
	if (!reply)
		return 0;
	r = ctl_map_ike_parse(reply, out, n);
	free(reply);
	return r;
}

const struct ctl_map_ike *ctl_map_ike_find(const struct ctl_map_ike *mi,
					   size_t n, const char *map,
					   uint32_t seq)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (mi[i].seq == seq && !strcmp(mi[i].map, map))
			return &mi[i];
	return NULL;
}
