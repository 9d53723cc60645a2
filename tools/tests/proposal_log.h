/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For the proposal tests: collect what proposal matching logs, one line
 * each, prefixed as cryptod prints it ("ISAKMP (1): " or "ISAKMP: ").
 */
#ifndef NFSEC_TEST_PROPOSAL_LOG_H
#define NFSEC_TEST_PROPOSAL_LOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static char logbuf[16384];

static void log_line(void *arg, bool conn, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void log_line(void *arg, bool conn, const char *fmt, ...)
{
	size_t used = strlen(logbuf);
	va_list ap;

	(void)arg;
	snprintf(logbuf + used, sizeof(logbuf) - used, "%s",
		 conn ? "ISAKMP (1): " : "ISAKMP: ");
	used = strlen(logbuf);
	va_start(ap, fmt);
	vsnprintf(logbuf + used, sizeof(logbuf) - used, fmt, ap);
	va_end(ap);
	used = strlen(logbuf);
	snprintf(logbuf + used, sizeof(logbuf) - used, "\n");
}

#endif /* NFSEC_TEST_PROPOSAL_LOG_H */
