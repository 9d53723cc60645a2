// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target: the configuration parser and checker, conf_parse() (which
 * runs conf_check()) on any bytes, as `cryptod -t` and SIGHUP read a
 * file; then the diagnostics are printed, as cryptod prints them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *null;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf *c;

	if (!null)
		null = fopen("/dev/null", "we");
	c = conf_parse("fuzz.conf", (const char *)data, size);
	if (!c)
		return 0;
	conf_print_diags(c, null);
	conf_free(c);
	return 0;
}
