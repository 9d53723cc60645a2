/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What cryptod answers on its control socket, printed: the ISAKMP side
 * of `show crypto` and `clear crypto` (protocol in lib/ctlsock.h).
 */
#ifndef CRYPTOCTL_ISAKMP_CMDS_H
#define CRYPTOCTL_ISAKMP_CMDS_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Prints the records of @reply (after its "ok" line; modified in place)
 * as IOS shows them, under the `show crypto isakmp sa` header when
 * @sa_header, or as one JSON document.  Returns 0, or prints the
 * daemon's error to stderr and returns 1.
 */
int ctl_isakmp_print(char *reply, bool json, bool sa_header, FILE *out);

#endif /* CRYPTOCTL_ISAKMP_CMDS_H */
