// SPDX-License-Identifier: GPL-2.0
/*
 * ipsec-manual crypto map entries in the kernel: their SAs, built from the
 * `set session-key` lines (kernel_map.c: cd_manual_sas), go in with the
 * entry, come back after `clear crypto sa` as IOS re-creates them (the
 * next packet raises ACQUIRE), and leave when a reload drops or changes
 * them.  No IKE is involved.
 */
#include <errno.h>
#include <string.h>
#include <syslog.h>

#include "daemon_int.h"
#include "kernel_map.h"

static void cd_manual_wipe(struct nfsec_sa_info *sas, size_t n)
{
	while (n)
		nfsec_sa_wipe(&sas[--n]);
}

/*
 * @e's SAs from @c, at our address of its peer's family (none without
 * one: cd_put_entry() has refused the entry and said why).
 */
static size_t manual_sas(const struct cd_daemon *d, const struct conf *c,
			 const struct conf_map_entry *e,
			 struct nfsec_sa_info *sas)
{
	const union nfsec_ip *l =
		e->npeers ? ikev1_local(&d->ike, e->peers[0].family) : NULL;

	return l ? cd_manual_sas(c, e, l, sas) : 0;
}

int cd_manual_install(struct cd_daemon *d, const struct conf *c,
		      const struct conf_map_entry *e)
{
	struct nfsec_sa_info sas[4];
	size_t n = manual_sas(d, c, e, sas), i;
	int err = 0;

	/* an SA that is in already (same SPI) stays: a reload kept it */
	for (i = 0; i < n && (!err || err == -EEXIST); i++)
		err = cd_kernel_sa(&d->k, &sas[i]);
	cd_manual_wipe(sas, n);
	if (err && err != -EEXIST) {
		cd_nl_failed(d, "installing ipsec-manual SAs", err);
		return err;
	}
	return 0;
}

void cd_manual_remove(struct cd_daemon *d, const struct conf *c,
		      const struct conf_map_entry *e)
{
	struct nfsec_sa_info sas[4];
	size_t n = manual_sas(d, c, e, sas), i;

	for (i = 0; i < n; i++)
		cd_kernel_del_sa(&d->k, sas[i].proto, sas[i].spi, sas[i].family,
				 &sas[i].dst);
	cd_manual_wipe(sas, n);
}

bool cd_manual_same(const struct cd_daemon *d, const struct conf *old,
		    const struct conf_map_entry *oe, const struct conf *c,
		    const struct conf_map_entry *ne)
{
	struct nfsec_sa_info a[4], b[4];
	size_t na = manual_sas(d, old, oe, a);
	size_t nb = ne ? manual_sas(d, c, ne, b) : 0, i;
	bool same = na == nb;

	for (i = 0; same && i < na; i++)
		same = !memcmp(&a[i], &b[i], sizeof(a[i]));
	cd_manual_wipe(a, na);
	cd_manual_wipe(b, nb);
	return same;
}
