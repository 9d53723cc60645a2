// SPDX-License-Identifier: GPL-2.0
/*
 * A list command's output, whole or not at all (see listing.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "listing.h"

static void listing_free(struct ctl_listing *l)
{
	if (l->f)
		fclose(l->f);
	l->f = NULL;
	if (l->buf)
		explicit_bzero(l->buf, l->len);
	free(l->buf);
	l->buf = NULL;
	l->len = 0;
}

int ctl_listing_open(struct ctl_listing *l, bool json)
{
	l->json = json;
	l->buf = NULL;
	l->len = 0;
	l->f = open_memstream(&l->buf, &l->len);
	if (!l->f)
		return -errno;
	if (json) {
		nfsec_json_init(&l->j, l->f);
		nfsec_json_array_open(&l->j, NULL);
	}
	return 0;
}

void ctl_listing_reset(struct ctl_listing *l)
{
	listing_free(l);
	ctl_listing_open(l, l->json);
}

void ctl_listing_reset_cb(void *listing)
{
	ctl_listing_reset(listing);
}

int ctl_listing_close(struct ctl_listing *l, bool print)
{
	int err = 0;

	if (!l->f)
		return -ENOMEM;
	if (l->json) {
		nfsec_json_array_close(&l->j);
		nfsec_json_end(&l->j);
	}
	if (fflush(l->f))
		err = -errno;
	if (!err && print && fwrite(l->buf, 1, l->len, stdout) != l->len)
		err = -EIO;
	listing_free(l);
	return err;
}
