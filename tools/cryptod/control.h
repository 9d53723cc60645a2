/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The answers of cryptod's control socket (protocol in lib/ctlsock.h).
 * No sockets here: the daemon reads a request line and writes what
 * cd_control_answer() produced; the unit tests call it directly.
 */
#ifndef NFSEC_CD_CONTROL_H
#define NFSEC_CD_CONTROL_H

#include <stdio.h>

#include "ikev1.h"

enum cd_control_action {
	CD_CONTROL_DONE, /* answer written; close */
	CD_CONTROL_DEBUG_ISAKMP, /* "ok" written; stream ISAKMP lines to it */
	CD_CONTROL_DEBUG_IPSEC, /* ... the IPSEC(...) lines */
	CD_CONTROL_UNDEBUG, /* the daemon ends the streams and answers */
};

enum cd_control_action cd_control_answer(struct ikev1_ctx *ike, const char *req,
					 FILE *out);

#endif /* NFSEC_CD_CONTROL_H */
