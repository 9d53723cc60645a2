// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the IKEv1 engine's input, ikev1_input(), as responder and
 * as initiator.
 *
 * Input: one byte whose low bit picks the role (0: r2 answering, 1: r1
 * having initiated), then datagrams from the peer, each a 16-bit
 * big-endian length and its bytes.  The engine starts from the same state
 * and random stream for every input, so the seeds the recorder
 * (record.c) takes from a real exchange carry the fuzzer through Main
 * Mode's encrypted messages into Quick Mode and Informational exchanges.
 */
#include <stdint.h>
#include <stdlib.h>

#include "pair.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct fuzz_side sides[2];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_side *s;
	size_t at = 1;

	if (!size)
		return 0;
	s = &sides[data[0] & 1];
	if (!s->conf && fuzz_side_init(s, data[0] & 1))
		abort();
	fuzz_side_reset(s);
	if (s->r1)
		fuzz_side_initiate(s);
	while (at + 2 <= size) {
		size_t len = (size_t)data[at] << 8 | data[at + 1];

		at += 2;
		if (len > size - at)
			len = size - at;
		fuzz_side_input(s, data + at, len);
		at += len;
	}
	return 0;
}
