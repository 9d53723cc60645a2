/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ESP trailer (RFC 4303 section 2.4): padding 1, 2, 3..., the pad
 * length and the next-header byte, after the payload and before the ICV.
 */
#ifndef _NFSEC_ESP_TRAILER_H
#define _NFSEC_ESP_TRAILER_H

#include <linux/types.h>

#define NFSEC_ESP_TRAILER_LEN 2	/* pad length + next header */

/*
 * Padding for @len bytes of payload so that payload, padding and trailer
 * fill whole cipher blocks of @blksize (1 for stream and AEAD-counter
 * modes) and end on a 4-byte boundary.  @blksize is a power of two <= 256.
 */
unsigned int nfsec_esp_padlen(unsigned int len, unsigned int blksize);

/* Writes the padding, pad length and @nexthdr at @tail (after payload). */
void nfsec_esp_trailer_fill(u8 *tail, unsigned int padlen, u8 nexthdr);

/*
 * Reads the trailer at the end of @len decrypted bytes at @plain: on
 * success sets the payload length and next header and returns 0;
 * -EBADMSG when the pad length runs past the payload, -EINVAL when the
 * padding is not 1, 2, 3... (RFC 4303: the receiver SHOULD inspect it).
 */
int nfsec_esp_trailer_parse(const u8 *plain, unsigned int len,
			    unsigned int *payload_len, u8 *nexthdr);

#endif /* _NFSEC_ESP_TRAILER_H */
