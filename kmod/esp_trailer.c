// SPDX-License-Identifier: GPL-2.0
/*
 * The ESP trailer (see esp_trailer.h).
 */
#include <linux/errno.h>
#include <linux/kernel.h>

#include "esp_trailer.h"

unsigned int nfsec_esp_padlen(unsigned int len, unsigned int blksize)
{
	unsigned int align = max(blksize, 4U);

	return ALIGN(len + NFSEC_ESP_TRAILER_LEN, align) -
	       (len + NFSEC_ESP_TRAILER_LEN);
}

void nfsec_esp_trailer_fill(u8 *tail, unsigned int padlen, u8 nexthdr)
{
	unsigned int i;

	for (i = 0; i < padlen; i++)
		tail[i] = i + 1;
	tail[padlen] = padlen;
	tail[padlen + 1] = nexthdr;
}

int nfsec_esp_trailer_parse(const u8 *plain, unsigned int len,
			    unsigned int *payload_len, u8 *nexthdr)
{
	unsigned int padlen, i;
	const u8 *pad;

	if (len < NFSEC_ESP_TRAILER_LEN)
		return -EBADMSG;
	padlen = plain[len - 2];
	if (padlen + NFSEC_ESP_TRAILER_LEN > len)
		return -EBADMSG;
	pad = plain + len - NFSEC_ESP_TRAILER_LEN - padlen;
	for (i = 0; i < padlen; i++)
		if (pad[i] != i + 1)
			return -EINVAL;
	*payload_len = len - NFSEC_ESP_TRAILER_LEN - padlen;
	*nexthdr = plain[len - 1];
	return 0;
}
