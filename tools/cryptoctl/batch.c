// SPDX-License-Identifier: GPL-2.0
/*
 * cryptoctl -b: commands from a file (see batch.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "exec.h"
#include "ctl.h"
#include "nl_batch.h"

int ctl_batch_words(char *line, char **argv)
{
	int argc = 0;
	char *p = line;

	for (;;) {
		p += strspn(p, " \t\r\n");
		if (!*p || *p == '#')
			return argc;
		if (argc == CTL_BATCH_WORDS)
			return -1;
		argv[argc++] = p;
		p += strcspn(p, " \t\r\n");
		if (*p)
			*p++ = '\0';
	}
}

/* One line: 0 when it ran (or was empty), else its status. */
static int ctl_batch_line(struct ctl *ctl, char *line, const char *name,
			  unsigned long n)
{
	struct ctl_origin origin = { name, n, line };
	char *argv[CTL_BATCH_WORDS + 1];
	int argc;

	argc = ctl_batch_words(line, argv);
	if (argc < 0) {
		fprintf(stderr, "cryptoctl: %s:%lu: more than %d words\n", name,
			n, CTL_BATCH_WORDS);
		return 2;
	}
	if (!argc)
		return 0;
	argv[argc] = NULL;
	return ctl_exec(ctl, argc, argv, &origin);
}

/* A queued request that failed, named by its line. */
static void ctl_batch_report(void *data, unsigned long line, int err,
			     const char *extack)
{
	fprintf(stderr, "cryptoctl: %s:%lu: %s%s%s\n", (const char *)data, line,
		strerror(-err), extack[0] ? ": " : "", extack);
}

/* A queue for the run, attached to @ctl's channel (now or when it opens). */
static struct nfsec_nl_batch *ctl_batch_start(struct ctl *ctl, const char *name)
{
	struct nfsec_nl_batch *b = malloc(sizeof(*b));

	if (!b || nfsec_nl_batch_init(b, ctl_batch_report, (void *)name)) {
		free(b);
		fprintf(stderr, "cryptoctl: %s: out of memory\n", name);
		return NULL;
	}
	ctl->batch = b;
	if (ctl->nl_open)
		ctl->nl.batch = b;
	return b;
}

/*
 * Sends what is still queued, detaches and frees the queue; @ret is the
 * run's status so far.
 */
static int ctl_batch_finish(struct ctl *ctl, const char *name, int ret)
{
	int err = ctl->nl_open ? nfsec_nl_batch_flush(&ctl->nl) : 0;

	if (err && err != -ECANCELED)
		fprintf(stderr,
			"cryptoctl: %s: sending the queued requests: %s\n",
			name, strerror(-err));
	if (ctl->nl_open)
		ctl->nl.batch = NULL;
	nfsec_nl_batch_free(ctl->batch);
	free(ctl->batch);
	ctl->batch = NULL;
	return ret ?: err ? 1 : 0;
}

int ctl_batch_run(struct ctl *ctl, FILE *f, const char *name)
{
	struct nfsec_nl_batch *b = ctl_batch_start(ctl, name);
	unsigned long n = 0;
	size_t cap = 0;
	char *line = NULL;
	int ret = 0;

	if (!b)
		return 1;
	while (!ret && getline(&line, &cap, f) >= 0) {
		b->tag = ++n;
		ret = ctl_batch_line(ctl, line, name, n);
	}
	if (!ret && ferror(f)) {
		fprintf(stderr, "cryptoctl: %s: read error\n", name);
		ret = 1;
	}
	ret = ctl_batch_finish(ctl, name, ret);
	/* lines may hold keys */
	if (line)
		explicit_bzero(line, cap);
	free(line);
	return ret;
}
