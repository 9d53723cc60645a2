// SPDX-License-Identifier: GPL-2.0
/*
 * The commands cryptod answers (see lib/ctlsock.h):
 *
 *   show crypto isakmp sa | policy
 *   clear crypto isakmp [CONN-ID]
 *   debug crypto isakmp|ipsec  streams the daemon's debug lines until ^C
 *   undebug all
 *
 * Output as the seed's IOS shows it:
 *
 *   dst             src             state           conn-id slot
 *   198.51.100.2    198.51.100.1    QM_IDLE               1    0
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "args.h"
#include "ctl.h"
#include "exec.h"
#include "ctlsock.h"
#include "isakmp_cmds.h"
#include "json.h"

#define ISAKMP_FIELDS 9

struct isakmp_word {
	const char *word, *text;
};

static const struct isakmp_word isakmp_enc_text[] = {
	{ "des", "DES - Data Encryption Standard (56 bit keys)." },
	{ "3des", "Three key triple DES" },
	{ "aes", "AES - Advanced Encryption Standard" },
	{ NULL, NULL },
};
static const struct isakmp_word isakmp_hash_text[] = {
	{ "md5", "Message Digest 5" },
	{ "sha", "Secure Hash Standard" },
	{ "sha256", "Secure Hash Standard 2 (256 bit)" },
	{ "sha384", "Secure Hash Standard 2 (384 bit)" },
	{ "sha512", "Secure Hash Standard 2 (512 bit)" },
	{ NULL, NULL },
};
static const struct isakmp_word isakmp_auth_text[] = {
	{ "pre-share", "Pre-Shared Key" },
	{ "rsa-sig", "Rivest-Shamir-Adleman Signature" },
	{ "rsa-encr", "Rivest-Shamir-Adleman Encryption" },
	{ NULL, NULL },
};
static const struct isakmp_word isakmp_group_text[] = {
	{ "1", "#1 (768 bit)" },       { "2", "#2 (1024 bit)" },
	{ "5", "#5 (1536 bit)" },      { "14", "#14 (2048 bit)" },
	{ "15", "#15 (3072 bit)" },    { "16", "#16 (4096 bit)" },
	{ "19", "#19 (256 bit ECP)" }, { "20", "#20 (384 bit ECP)" },
	{ "21", "#21 (521 bit ECP)" }, { NULL, NULL },
};

static const char *isakmp_text(const struct isakmp_word *t, const char *w)
{
	for (; t->word; t++)
		if (!strcmp(t->word, w))
			return t->text;
	return w;
}

/* Splits a record at tabs; returns the number of fields. */
size_t ctl_cryptod_fields(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *save = NULL, *tok;

	for (tok = strtok_r(line, "\t", &save); tok && n < max;
	     tok = strtok_r(NULL, "\t", &save))
		f[n++] = tok;
	return n;
}

static void isakmp_sa_text(char **f, FILE *out)
{
	fprintf(out, "%-15s %-15s %-15s %7s %4s\n", f[1], f[2], f[3], f[4],
		f[5]);
}

static void isakmp_sa_json(struct nfsec_json *j, char **f)
{
	nfsec_json_object_open(j, NULL);
	nfsec_json_string(j, "dst", f[1]);
	nfsec_json_string(j, "src", f[2]);
	nfsec_json_string(j, "state", f[3]);
	nfsec_json_u64(j, "conn_id", strtoull(f[4], NULL, 10));
	nfsec_json_u64(j, "slot", strtoull(f[5], NULL, 10));
	nfsec_json_string(j, "role",
			  f[6][0] == 'I' ? "initiator" : "responder");
	if (strcmp(f[7], "-"))
		nfsec_json_u64(j, "lifetime_left", strtoull(f[7], NULL, 10));
	nfsec_json_object_close(j);
}

static void isakmp_policy_text(char **f, FILE *out)
{
	if (strcmp(f[1], "default"))
		fprintf(out, "Protection suite of priority %s\n", f[1]);
	else
		fprintf(out, "Default protection suite\n");
	fprintf(out, "\tencryption algorithm:\t%s",
		isakmp_text(isakmp_enc_text, f[2]));
	if (!strcmp(f[2], "aes"))
		fprintf(out, " (%s bit keys).", f[3]);
	fprintf(out, "\n\thash algorithm:\t\t%s\n",
		isakmp_text(isakmp_hash_text, f[4]));
	fprintf(out, "\tauthentication method:\t%s\n",
		isakmp_text(isakmp_auth_text, f[5]));
	fprintf(out, "\tDiffie-Hellman group:\t%s\n",
		isakmp_text(isakmp_group_text, f[6]));
	fprintf(out, "\tlifetime:\t\t%s seconds, no volume limit\n", f[7]);
}

static void isakmp_policy_json(struct nfsec_json *j, char **f)
{
	nfsec_json_object_open(j, NULL);
	if (strcmp(f[1], "default"))
		nfsec_json_u64(j, "priority", strtoull(f[1], NULL, 10));
	else
		nfsec_json_bool(j, "default", true);
	nfsec_json_string(j, "encryption", f[2]);
	if (!strcmp(f[2], "aes"))
		nfsec_json_u64(j, "key_bits", strtoull(f[3], NULL, 10));
	nfsec_json_string(j, "hash", f[4]);
	nfsec_json_string(j, "authentication", f[5]);
	nfsec_json_u64(j, "group", strtoull(f[6], NULL, 10));
	nfsec_json_u64(j, "lifetime", strtoull(f[7], NULL, 10));
	nfsec_json_object_close(j);
}

/* One record; false when it is not one we know (a newer daemon). */
static bool isakmp_record(char *line, bool json, struct nfsec_json *j,
			  FILE *out)
{
	char *f[ISAKMP_FIELDS];
	size_t n = ctl_cryptod_fields(line, f, ISAKMP_FIELDS);

	if (n == 8 && !strcmp(f[0], "sa")) {
		if (json)
			isakmp_sa_json(j, f);
		else
			isakmp_sa_text(f, out);
	} else if (n == 8 && !strcmp(f[0], "policy")) {
		if (json)
			isakmp_policy_json(j, f);
		else
			isakmp_policy_text(f, out);
	} else if (n == 2 &&
		   (!strcmp(f[0], "cleared") || !strcmp(f[0], "undebugged"))) {
		if (json) {
			nfsec_json_object_open(j, NULL);
			nfsec_json_u64(j, f[0], strtoull(f[1], NULL, 10));
			nfsec_json_object_close(j);
		}
	} else {
		return false;
	}
	return true;
}

/* "cryptoctl: cryptod: WHY" for an answer that is not "ok". */
static void cryptod_refused(const char *line)
{
	fprintf(stderr, "cryptoctl: cryptod: %s\n",
		line && !strncmp(line, "error ", 6) ? line + 6
						    : "malformed answer");
}

int ctl_isakmp_print(char *reply, bool json, bool sa_header, FILE *out)
{
	char *save = NULL, *line = strtok_r(reply, "\n", &save);
	struct nfsec_json j;

	if (!line || strcmp(line, "ok")) {
		cryptod_refused(line);
		return 1;
	}
	if (json) {
		nfsec_json_init(&j, out);
		nfsec_json_array_open(&j, NULL);
	} else if (sa_header) {
		fprintf(out, "%-15s %-15s %-15s %7s %4s\n", "dst", "src",
			"state", "conn-id", "slot");
	}
	while ((line = strtok_r(NULL, "\n", &save)))
		if (!isakmp_record(line, json, &j, out))
			fprintf(stderr,
				"cryptoctl: skipped an unknown or short record '%.20s'\n",
				line);
	if (json) {
		nfsec_json_array_close(&j);
		nfsec_json_end(&j);
	}
	return 0;
}

static int isakmp_connect(bool quiet)
{
	int fd = nfsec_ctl_connect();

	if (quiet && (fd == -ECONNREFUSED || fd == -ENOENT))
		return fd;
	if (fd == -ECONNREFUSED || fd == -ENOENT)
		fprintf(stderr,
			"cryptoctl: cryptod is not running in this network namespace\n");
	else if (fd == -EACCES)
		fprintf(stderr,
			"cryptoctl: cryptod's control socket: root only\n");
	else if (fd == -EPERM)
		fprintf(stderr,
			"cryptoctl: cryptod's control socket is not root's; not talking to it\n");
	else if (fd < 0)
		fprintf(stderr, "cryptoctl: cryptod's control socket: %s\n",
			strerror(-fd));
	return fd;
}

/* Reads the whole answer (the daemon closes after it); NULL on error. */
static char *isakmp_read_all(int fd)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap), *nb;
	ssize_t n;

	while (buf && (n = read(fd, buf + len, cap - len - 1)) > 0) {
		len += (size_t)n;
		if (cap - len > 1)
			continue;
		nb = realloc(buf, cap * 2);
		if (!nb)
			break;
		buf = nb;
		cap *= 2;
	}
	if (buf)
		buf[len] = '\0';
	return buf;
}

char *ctl_cryptod_request(const char *req, bool quiet)
{
	char *reply;
	int fd;

	fd = isakmp_connect(quiet);
	if (fd < 0)
		return NULL;
	if (nfsec_ctl_write(fd, req, strlen(req))) {
		close(fd);
		fprintf(stderr, "cryptoctl: cryptod went away\n");
		return NULL;
	}
	reply = isakmp_read_all(fd);
	close(fd);
	return reply;
}

char *ctl_cryptod_records(const char *req, bool quiet, char **save)
{
	char *reply = ctl_cryptod_request(req, quiet), *line;

	if (!reply)
		return NULL;
	line = strtok_r(reply, "\n", save);
	if (line && !strcmp(line, "ok"))
		return reply;
	if (!quiet)
		cryptod_refused(line);
	free(reply);
	return NULL;
}

/* Sends @req and prints the answer. */
static int isakmp_ask(struct ctl *ctl, const char *req, bool sa_header)
{
	char *reply = ctl_cryptod_request(req, false);
	int r;

	if (!reply)
		return 1;
	r = ctl_isakmp_print(reply, ctl->json, sa_header, stdout);
	free(reply);
	return r;
}

int ctl_show_isakmp_sa(struct ctl *ctl, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return isakmp_ask(ctl, "isakmp sa\n", true);
}

int ctl_show_isakmp_policy(struct ctl *ctl, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return isakmp_ask(ctl, "isakmp policy\n", false);
}

/* clear crypto isakmp [ID] */
int ctl_clear_isakmp(struct ctl *ctl, int argc, char **argv)
{
	struct ctl_args a = { argc, argv, "clear crypto isakmp" };
	const char *id = args_next(&a);
	char req[64] = "clear isakmp\n";
	uint64_t v;

	if (id && !args_done(&a))
		return args_bad(&a, "unexpected word", a.argv[0]);
	if (id) {
		if (nfsec_u64_parse(id, UINT32_MAX, &v) || !v)
			return args_bad(&a, "not a connection id", id);
		snprintf(req, sizeof(req), "clear isakmp %llu\n",
			 (unsigned long long)v);
	}
	return isakmp_ask(ctl, req, false);
}

/* Copies the stream to stdout, line by line, until the daemon ends it. */
static int isakmp_stream(int fd)
{
	char buf[4096];
	ssize_t n;

	setvbuf(stdout, NULL, _IOLBF, 0);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (fwrite(buf, 1, (size_t)n, stdout) != (size_t)n)
			return 1;
	return 0;
}

/* debug crypto isakmp|ipsec: @what names the stream */
static int debug_stream(const char *what)
{
	char ok[3], req[32];
	int fd, r = 1;

	fd = isakmp_connect(false);
	if (fd < 0)
		return 1;
	snprintf(req, sizeof(req), "debug %s\n", what);
	if (nfsec_ctl_write(fd, req, strlen(req)) ||
	    read(fd, ok, sizeof(ok)) != (ssize_t)sizeof(ok) ||
	    memcmp(ok, "ok\n", 3)) {
		fprintf(stderr,
			"cryptoctl: cryptod refused the debug stream\n");
		goto out;
	}
	fprintf(stderr, "%s debugging is on (until ^C or undebug all)\n",
		strcmp(what, "isakmp") ? "Crypto IPSEC" : "ISAKMP");
	r = isakmp_stream(fd);
out:
	close(fd);
	return r;
}

int ctl_debug_isakmp(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	return debug_stream("isakmp");
}

int ctl_debug_ipsec(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	return debug_stream("ipsec");
}

int ctl_undebug_all(struct ctl *ctl, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return isakmp_ask(ctl, "undebug\n", false);
}
