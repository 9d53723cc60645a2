// SPDX-License-Identifier: GPL-2.0
/*
 * SIGHUP: cryptod reads its configuration again.  A file with any error
 * changes nothing (each error is reported as at start).  A good one
 * takes over as IOS applies a changed configuration: established ISAKMP
 * and IPsec SAs stay; crypto map entries and bindings the new file no
 * longer has are removed from the kernel (and the SA pairs of a removed
 * entry are deleted on both ends) after the new file's bound maps are
 * installed (NEW_POLICY replaces an entry, and BIND with NFSEC_A_REPLACE an
 * interface's map, in one step); new negotiations
 * follow the new file.  An ipsec-manual entry's SAs stay when the new
 * file would install the same ones, and are replaced when it changes
 * their keys, SPIs, peer or transform set.  Exchanges under way finish
 * under the old one, so an older configuration stays allocated while the
 * engine still points into it (ikev1_uses_conf()) and is freed, its keys
 * wiped, as soon as nothing does: at the reload, or at the tick after the
 * last such exchange ended.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "daemon_int.h"

/* Is crypto map @map bound to @ifname in @c? */
static bool cd_bound(const struct conf *c, const char *ifname, const char *map)
{
	size_t i;

	for (i = 0; i < c->nifaces; i++)
		if (!strcmp(c->ifaces[i].ifname, ifname) &&
		    !strcmp(c->ifaces[i].map, map))
			return true;
	return false;
}

/* Has @ifname a crypto map in @c? */
static bool cd_iface_bound(const struct conf *c, const char *ifname)
{
	size_t i;

	for (i = 0; i < c->nifaces; i++)
		if (!strcmp(c->ifaces[i].ifname, ifname) && c->ifaces[i].map[0])
			return true;
	return false;
}

/* Is @map bound anywhere in @c? */
static bool cd_map_bound(const struct conf *c, const char *map)
{
	size_t i;

	for (i = 0; i < c->nifaces; i++)
		if (!strcmp(c->ifaces[i].map, map))
			return true;
	return false;
}

/* Entry MAP SEQ of @c, or NULL when @c does not install it. */
static const struct conf_map_entry *cd_installed(const struct conf *c,
						 const char *map, uint32_t seq)
{
	const struct conf_map_entry *n = conf_entry_find(c, map, seq);

	return n && !n->disabled && cd_map_bound(c, map) ? n : NULL;
}

bool cd_installs(const struct conf *c, const char *map, uint32_t seq)
{
	return cd_installed(c, map, seq);
}

/* Manual SAs of @old that @c changes or drops: out before the new go in. */
static void cd_unapply_manual(struct cd_daemon *d, const struct conf *old,
			      const struct conf *c)
{
	const struct conf_map_entry *e;
	size_t i;

	for (i = 0; i < old->nentries; i++) {
		e = &old->entries[i];
		if (e->manual && !e->disabled && cd_map_bound(old, e->map) &&
		    !cd_manual_same(d, old, e, c,
				    cd_installed(c, e->map, e->seq)))
			cd_manual_remove(d, old, e);
	}
}

/* Entries and bindings of @old that @c does not have leave the kernel. */
static void cd_unapply(struct cd_daemon *d, const struct conf *old,
		       const struct conf *c)
{
	const struct conf_map_entry *e;
	const struct conf_iface *f;
	size_t i;

	for (i = 0; i < old->nentries; i++) {
		e = &old->entries[i];
		if (!e->disabled && cd_map_bound(old, e->map) &&
		    !cd_installed(c, e->map, e->seq))
			cd_kernel_del_policy(&d->k, e->map, e->seq);
	}
	for (i = 0; i < old->nifaces; i++) {
		f = &old->ifaces[i];
		/* one that changes map was rebound in one step */
		if (f->map[0] && !cd_iface_bound(c, f->ifname))
			cd_kernel_unbind(&d->k, cd_ifindex(d, f->ifname));
	}
}

/* The new file's bound maps go in; bindings it shares with @old stay. */
static int cd_apply(struct cd_daemon *d, const struct conf *old)
{
	const struct conf_iface *f;
	size_t i;
	int err;

	for (i = 0; i < d->conf->nifaces; i++) {
		f = &d->conf->ifaces[i];
		if (!f->map[0])
			continue;
		err = cd_install_map(d, f, !cd_bound(old, f->ifname, f->map));
		if (err)
			return err;
	}
	return 0;
}

/* Loads @d->file from @fd; NULL (reported) when it cannot be used. */
static struct conf *cd_reload_load(struct cd_daemon *d, int fd)
{
	struct conf *c = conf_load_fd(d->file, fd);

	if (!c) {
		cd_msg(LOG_ERR,
		       "reload: %s: %s; the running configuration stays",
		       d->file, strerror(errno));
		return NULL;
	}
	conf_print_diags(c, stderr);
	if (c->nerrors) {
		cd_msg(LOG_ERR,
		       "reload: %s: %zu error%s; the running configuration stays",
		       d->file, c->nerrors, c->nerrors == 1 ? "" : "s");
		conf_free(c);
		return NULL;
	}
	return c;
}

void cd_confs_release(struct cd_daemon *d)
{
	size_t i, n = 0;

	for (i = 0; i < d->nconfs; i++) {
		if (d->confs[i] == d->conf ||
		    ikev1_uses_conf(&d->ike, d->confs[i]))
			d->confs[n++] = d->confs[i];
		else
			conf_free(d->confs[i]); /* wipes its keys */
	}
	if (n < d->nconfs)
		cd_msg(LOG_INFO, "%zu earlier configuration%s released",
		       d->nconfs - n, d->nconfs - n == 1 ? "" : "s");
	d->nconfs = n;
}

void cd_reload(struct cd_daemon *d, int fd)
{
	const struct conf *old = d->conf;
	struct conf *c = cd_reload_load(d, fd), **confs;
	int err;

	if (!c)
		return;
	confs = realloc(d->confs, (d->nconfs + 1) * sizeof(*confs));
	if (!confs) {
		cd_msg(LOG_ERR, "reload: out of memory");
		conf_free(c);
		return;
	}
	d->confs = confs;
	d->confs[d->nconfs++] = c;
	d->conf = c;
	ikev1_reconf(&d->ike, c); /* pairs of removed entries go first */
	/*
	 * What the new file has goes in before what it lost goes out, so no
	 * packet meets an interface between its old map and its new one.
	 */
	cd_unapply_manual(d, old, c);
	err = cd_apply(d, old);
	cd_unapply(d, old, c);
	if (err)
		cd_msg(LOG_ERR, "reload: %s: not every crypto map went in",
		       d->file);
	else
		cd_msg(LOG_NOTICE, "reloaded %s", d->file);
	if (strcmp(old->local.ifname, c->local.ifname))
		cd_msg(LOG_WARNING,
		       "reload: local-address changes take effect when cryptod restarts");
	cd_confs_release(d);
}
