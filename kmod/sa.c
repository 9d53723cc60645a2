// SPDX-License-Identifier: GPL-2.0
/*
 * SA life cycle across the SAD, the SPD and the events: an outbound SA is
 * attached to its crypto map entry when added (the newest takes over, the
 * older keeps its place in the SAD until it expires: make-before-break),
 * and the entry falls back to the next newest when it goes.
 */
#include <linux/string.h>

#include "nfsec.h"

int nfsec_sa_add(struct nfsec_net *nn, struct nfsec_sa *sa,
		 struct netlink_ext_ack *extack)
{
	int err;

	lockdep_assert_held(&nn->lock);
	err = nfsec_sad_insert(nn, sa, extack);
	if (err)
		return err;
	if (sa->dir == NFSEC_SA_DIR_OUT && sa->map[0])
		nfsec_spd_attach(nn, sa->map, sa->map_seq);
	return 0;
}

/*
 * The entry stops pointing at @sa before the SAD drops its reference: a
 * reader that found @sa through the entry under RCU must never see its
 * count reach zero while the entry still names it, or the free's grace
 * period could end before that reader's.  Marked dead first, @sa is no
 * longer a candidate for nfsec_spd_attach().
 */
void nfsec_sa_delete(struct nfsec_net *nn, struct nfsec_sa *sa)
{
	bool out = sa->dir == NFSEC_SA_DIR_OUT && sa->map[0];

	lockdep_assert_held(&nn->lock);
	nfsec_event_sa_deleted(nn, sa);
	WRITE_ONCE(sa->dead, true);
	if (out)
		nfsec_spd_attach(nn, sa->map, sa->map_seq);
	nfsec_sad_remove(nn, sa);	/* sa may be gone after this */
}

static bool nfsec_sa_in_scope(const struct nfsec_sa *sa, u8 scope,
			      const struct nfsec_sa_key *key, const char *map)
{
	switch (scope) {
	case NFSEC_FLUSH_PEER:
		return sa->key.family == key->family &&
		       (!memcmp(&sa->key.daddr, &key->daddr, sizeof(key->daddr)) ||
			!memcmp(&sa->saddr, &key->daddr, sizeof(key->daddr)));
	case NFSEC_FLUSH_MAP:
		return !strcmp(sa->map, map);
	case NFSEC_FLUSH_SPI:
		return !memcmp(&sa->key, key, sizeof(*key));
	default:
		return true;
	}
}

unsigned int nfsec_sa_flush(struct nfsec_net *nn, u8 scope,
			    const struct nfsec_sa_key *key, const char *map)
{
	unsigned int n = 0;
	struct nfsec_sa *sa;
	unsigned long id;

	lockdep_assert_held(&nn->lock);
	xa_for_each(&nn->sad.ids, id, sa) {
		if (sa->larval || !nfsec_sa_in_scope(sa, scope, key, map))
			continue;
		nfsec_sa_delete(nn, sa);
		n++;
	}
	return n;
}
