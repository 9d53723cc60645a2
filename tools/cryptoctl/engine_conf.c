// SPDX-License-Identifier: GPL-2.0
/*
 * show crypto engine configuration: the seed's slot, engine name and type,
 * platform and crypto library lines, for nfsec: the kernel's crypto API is
 * the engine, and the drivers it chose for the algorithms nfsec's SAs use
 * (the highest-priority implementation of each, from /proc/crypto) say
 * whether the SAs run on AES-NI, AVX2 or generic C.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include "ctl.h"
#include "engine_conf.h"
#include "exec.h"
#include "json.h"

/* The algorithm names nfsec's SAs instantiate (kmod/algs.c). */
static bool engine_alg_ours(const char *name)
{
	static const char *const prefixes[] = {
		"rfc4106(",    "rfc7539esp(", "authenc(",
		"authencesn(", "hmac(",	      "ecb(cipher_null)",
	};
	size_t i;

	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/* Keeps @a (name, driver, priority) when it beats the entry by its name. */
static void engine_alg_add(struct ctl_engine_algs *algs,
			   const struct ctl_engine_alg *a)
{
	size_t i;

	if (!engine_alg_ours(a->name))
		return;
	for (i = 0; i < algs->n; i++)
		if (!strcmp(algs->a[i].name, a->name)) {
			if (a->priority > algs->a[i].priority)
				algs->a[i] = *a;
			return;
		}
	if (algs->n < CTL_ENGINE_ALGS_MAX)
		algs->a[algs->n++] = *a;
}

static int engine_alg_cmp(const void *x, const void *y)
{
	return strcmp(((const struct ctl_engine_alg *)x)->name,
		      ((const struct ctl_engine_alg *)y)->name);
}

/* "key : value" into @out (of CTL_ENGINE_NAME_MAX bytes) when @key. */
static bool engine_field(const char *line, const char *key, char *out)
{
	size_t n = strlen(key);
	const char *v;

	if (strncmp(line, key, n) || (line[n] != ' ' && line[n] != '\t'))
		return false;
	v = strchr(line, ':');
	if (!v)
		return false;
	v += strspn(v + 1, " \t") + 1;
	snprintf(out, CTL_ENGINE_NAME_MAX, "%.*s", (int)strcspn(v, "\n"), v);
	return true;
}

void ctl_engine_algs_parse(FILE *f, struct ctl_engine_algs *algs)
{
	struct ctl_engine_alg a = { .priority = 0 };
	char *line = NULL, prio[CTL_ENGINE_NAME_MAX];
	size_t cap = 0;

	algs->n = 0;
	/* blocks of "key : value" lines, a blank line after each */
	while (getline(&line, &cap, f) >= 0) {
		if (line[0] == '\n') {
			if (a.name[0] && a.driver[0])
				engine_alg_add(algs, &a);
			memset(&a, 0, sizeof(a));
			continue;
		}
		if (engine_field(line, "priority", prio))
			a.priority = atoi(prio);
		else if (!engine_field(line, "name", a.name))
			engine_field(line, "driver", a.driver);
	}
	if (a.name[0] && a.driver[0])
		engine_alg_add(algs, &a);
	free(line);
	qsort(algs->a, algs->n, sizeof(algs->a[0]), engine_alg_cmp);
}

/* The loaded module's version, or "not loaded". */
static void engine_module_version(char *buf, size_t len)
{
	FILE *f = fopen("/sys/module/nfsec/version", "re");

	snprintf(buf, len, "not loaded");
	if (f && fgets(buf, (int)len, f))
		buf[strcspn(buf, "\n")] = '\0';
	if (f)
		fclose(f);
}

int ctl_show_engine_configuration(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_engine_algs algs = { .n = 0 };
	char module[64], platform[256];
	struct utsname u;
	struct nfsec_json j;
	FILE *f;
	size_t i;

	(void)argc;
	(void)argv;
	f = fopen("/proc/crypto", "re");
	if (f) {
		ctl_engine_algs_parse(f, &algs);
		fclose(f);
	}
	engine_module_version(module, sizeof(module));
	if (uname(&u))
		snprintf(platform, sizeof(platform), "Linux");
	else
		snprintf(platform, sizeof(platform), "%s %s %s", u.sysname,
			 u.release, u.machine);
	if (ctl->json) {
		nfsec_json_init(&j, stdout);
		nfsec_json_object_open(&j, NULL);
		nfsec_json_string(&j, "engine_name", "nfsec");
		nfsec_json_string(&j, "engine_type", "software");
		nfsec_json_string(&j, "platform", platform);
		nfsec_json_string(&j, "module_version", module);
		nfsec_json_string(&j, "tools_version", NFSEC_VERSION);
		nfsec_json_array_open(&j, "algorithms");
		for (i = 0; i < algs.n; i++) {
			nfsec_json_object_open(&j, NULL);
			nfsec_json_string(&j, "name", algs.a[i].name);
			nfsec_json_string(&j, "driver", algs.a[i].driver);
			nfsec_json_u64(&j, "priority",
				       (uint64_t)algs.a[i].priority);
			nfsec_json_object_close(&j);
		}
		nfsec_json_array_close(&j);
		nfsec_json_object_close(&j);
		nfsec_json_end(&j);
		return 0;
	}
	printf("        slot: 0\n");
	printf(" engine name: nfsec\n");
	printf(" engine type: software\n");
	printf("    platform: %s, kernel crypto API\n", platform);
	printf("crypto lib version: nfsec module %s, tools %s\n", module,
	       NFSEC_VERSION);
	printf("\nAlgorithms in use (kernel driver, priority):\n");
	if (!algs.n)
		printf("  none yet (instantiated with the first SA)\n");
	for (i = 0; i < algs.n; i++)
		printf("  %-40s %s (%d)\n", algs.a[i].name, algs.a[i].driver,
		       algs.a[i].priority);
	return 0;
}
