// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's bindings, entries and SAs for the views (see view.h).
 */
#include <errno.h>
#include <inttypes.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

static void *grow(void *p, size_t n, size_t size)
{
	void *q = realloc(p, (n + 1) * size);

	if (!q) {
		fprintf(stderr, "cryptoctl: out of memory\n");
		exit(1);
	}
	return q;
}

static int view_bind_cb(const struct nfsec_binding_info *b, void *data)
{
	struct view *v = data;

	v->binds = grow(v->binds, v->nbinds, sizeof(*b));
	v->binds[v->nbinds++] = *b;
	return 0;
}

static int view_entry_cb(const struct nfsec_entry_info *e, void *data)
{
	struct view *v = data;
	struct nfsec_entry_info *c;

	v->entries = grow(v->entries, v->nentries, sizeof(*e));
	c = &v->entries[v->nentries++];
	*c = *e;
	c->rules = calloc(e->nrules ? e->nrules : 1, sizeof(*e->rules));
	if (!c->rules)
		return -ENOMEM;
	memcpy(c->rules, e->rules, e->nrules * sizeof(*e->rules));
	return 0;
}

static int view_sa_cb(const struct nfsec_sa_info *sa, void *data)
{
	struct view *v = data;

	v->sas = grow(v->sas, v->nsas, sizeof(*sa));
	v->sas[v->nsas++] = *sa;
	return 0;
}

void view_free(struct view *v)
{
	size_t i;

	for (i = 0; i < v->nentries; i++)
		nfsec_entry_free(&v->entries[i]);
	free(v->entries);
	free(v->binds);
	free(v->sas);
	memset(v, 0, sizeof(*v));
}

static void view_reset_entries(void *data)
{
	struct view *v = data;
	size_t i;

	for (i = 0; i < v->nentries; i++)
		nfsec_entry_free(&v->entries[i]);
	v->nentries = 0;
}

static void view_reset_sas(void *data)
{
	((struct view *)data)->nsas = 0;
}

static void view_reset_binds(void *data)
{
	((struct view *)data)->nbinds = 0;
}

int view_load(struct ctl *ctl, struct view *v)
{
	int err;

	if (ctl_nl(ctl))
		return 1;
	err = nfsec_binding_dump(&ctl->nl, view_bind_cb, view_reset_binds, v);
	if (!err)
		err = nfsec_entry_dump(&ctl->nl, NULL, view_entry_cb,
				       view_reset_entries, v);
	if (!err)
		err = nfsec_sa_dump(&ctl->nl, false, view_sa_cb, view_reset_sas,
				    v);
	return err ? ctl_nl_error(ctl, "cannot read the SPD and SAD", err) : 0;
}

bool view_sa_of_entry(const struct nfsec_sa_info *sa,
		      const struct nfsec_entry_info *e)
{
	return sa->has_map && sa->map_seq == e->seq && !strcmp(sa->map, e->map);
}

const char *view_ifname(uint32_t ifindex, char *buf)
{
	if (!if_indextoname(ifindex, buf))
		snprintf(buf, IF_NAMESIZE, "if%" PRIu32, ifindex);
	return buf;
}
