// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the ISAKMP decoder (cryptod/isakmp.c) on a whole datagram:
 * header, payload chain (as cleartext and as decrypted, padded), every
 * SA payload's proposals and transforms, every notification's data as
 * attributes.  What parses is written back with the encoder and must
 * parse to the same proposals: decoder and encoder agree.
 */
#include <stdlib.h>
#include <string.h>

#include "isakmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void sa_roundtrip(const struct isakmp_sa *sa)
{
	static uint8_t buf[ISAKMP_MSG_MAX];
	static struct isakmp_sa again;
	struct isakmp_payloads pls;
	struct isakmp_hdr h = { .version = ISAKMP_VERSION };
	struct isakmp_err e;
	struct isakmp_w w;
	size_t i, j;
	int len;

	isakmp_w_init(&w, buf, sizeof(buf), &h);
	isakmp_w_sa(&w, sa);
	len = isakmp_w_finish(&w);
	if (len < 0)
		return; /* too big to write back: not the decoder's fault */
	if (isakmp_payloads_parse(buf + ISAKMP_HDR_LEN,
				  (size_t)len - ISAKMP_HDR_LEN, ISAKMP_PL_SA,
				  false, &pls, &e) ||
	    pls.n != 1 ||
	    isakmp_sa_parse(pls.pl[0].body, pls.pl[0].len, &again, &e))
		abort();
	if (again.doi != sa->doi || again.situation != sa->situation ||
	    again.nprops != sa->nprops)
		abort();
	for (i = 0; i < sa->nprops; i++) {
		const struct isakmp_proposal *a = &sa->props[i],
					     *b = &again.props[i];

		if (a->num != b->num || a->proto != b->proto ||
		    a->spi_size != b->spi_size || a->nxf != b->nxf ||
		    memcmp(a->spi, b->spi, a->spi_size))
			abort();
		for (j = 0; j < a->nxf; j++)
			if (a->xf[j].id != b->xf[j].id ||
			    a->xf[j].nattrs != b->xf[j].nattrs ||
			    memcmp(a->xf[j].attrs, b->xf[j].attrs,
				   a->xf[j].nattrs * sizeof(a->xf[j].attrs[0])))
				abort();
	}
}

static void payloads(const uint8_t *p, size_t len, uint8_t first, bool padded)
{
	static struct isakmp_sa sa;
	static struct isakmp_transform t;
	struct isakmp_payloads pls;
	struct isakmp_err e;
	size_t i;

	if (isakmp_payloads_parse(p, len, first, padded, &pls, &e))
		return;
	for (i = 0; i < pls.n; i++) {
		const struct isakmp_payload *pl = &pls.pl[i];

		if (pl->type == ISAKMP_PL_SA &&
		    !isakmp_sa_parse(pl->body, pl->len, &sa, &e))
			sa_roundtrip(&sa);
		if (pl->type == ISAKMP_PL_N) {
			t.nattrs = 0;
			isakmp_attrs_parse(pl->body, pl->len, &t, &e);
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct isakmp_hdr h;
	struct isakmp_err e;

	if (isakmp_hdr_parse(data, size, &h, &e))
		return 0;
	payloads(data + ISAKMP_HDR_LEN, size - ISAKMP_HDR_LEN, h.next, false);
	payloads(data + ISAKMP_HDR_LEN, size - ISAKMP_HDR_LEN, h.next, true);
	return 0;
}
