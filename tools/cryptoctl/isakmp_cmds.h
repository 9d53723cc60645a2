/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What cryptod answers on its control socket, printed: the ISAKMP side
 * of `show crypto` and `clear crypto` (protocol in lib/ctlsock.h).
 */
#ifndef CRYPTOCTL_ISAKMP_CMDS_H
#define CRYPTOCTL_ISAKMP_CMDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/*
 * Prints the records of @reply (after its "ok" line; modified in place)
 * as IOS shows them, under the `show crypto isakmp sa` header when
 * @sa_header, or as one JSON document.  Returns 0, or prints the
 * daemon's error to stderr and returns 1.
 */
int ctl_isakmp_print(char *reply, bool json, bool sa_header, FILE *out);

/*
 * Sends @req to cryptod and returns its whole answer (free it), or NULL
 * after saying why on stderr; with @quiet, a cryptod that does not run in
 * this namespace is not worth a message.
 */
char *ctl_cryptod_request(const char *req, bool quiet);

/*
 * The same, for an answer of records: NULL also when it is not "ok" (said
 * on stderr unless @quiet); otherwise the answer (free it), with
 * strtok_r(NULL, "\n", @save) giving its records one by one.
 */
char *ctl_cryptod_records(const char *req, bool quiet, char **save);

/*
 * Splits one record of an answer at its tabs, in place, into at most @max
 * fields; returns how many.
 */
size_t ctl_cryptod_fields(char *line, char **f, size_t max);

#endif /* CRYPTOCTL_ISAKMP_CMDS_H */
