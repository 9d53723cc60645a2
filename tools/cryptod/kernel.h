/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptod's netlink to the nfsec module: SPD entries and bindings, SPIs,
 * SAs, and the ACQUIRE events that start negotiations.
 */
#ifndef NFSEC_CD_KERNEL_H
#define NFSEC_CD_KERNEL_H

#include "nl.h"
#include "policy.h"
#include "sa.h"

struct cd_kernel {
	struct nfsec_nl nl; /* requests */
	struct nfsec_nl ev; /* the events group */
};

/*
 * What the events socket brings, each with the caller's @arg; a NULL
 * callback ignores its event.
 */
struct cd_events {
	void (*acquire)(void *arg, const char *map, uint32_t seq,
			const struct nfsec_sel *flow);
	/* an SA went away (DEL_SA) */
	void (*gone)(void *arg, const struct nfsec_sa_info *sa);
	/* an SA reached a soft limit (EXPIRE without HARD) */
	void (*soft)(void *arg, const struct nfsec_sa_info *sa);
	void *arg;
};

int cd_kernel_open(struct cd_kernel *k);
void cd_kernel_close(struct cd_kernel *k);
/* The events socket, for poll(). */
int cd_kernel_event_fd(const struct cd_kernel *k);

int cd_kernel_policy(struct cd_kernel *k, const struct nfsec_entry_info *e);
int cd_kernel_bind(struct cd_kernel *k, const char *map, uint32_t ifindex);
int cd_kernel_unbind(struct cd_kernel *k, uint32_t ifindex);
int cd_kernel_del_policy(struct cd_kernel *k, const char *map, uint32_t seq);
/* An inbound SPI from @src (the peer) to @dst (us); host order out. */
int cd_kernel_spi(struct cd_kernel *k, uint8_t proto, uint8_t family,
		  const union nfsec_ip *src, const union nfsec_ip *dst,
		  uint32_t *spi);
int cd_kernel_sa(struct cd_kernel *k, const struct nfsec_sa_info *sa);
/* Deletes SA (@proto, @spi host order, @dst); 0, -ENOENT or -errno. */
int cd_kernel_del_sa(struct cd_kernel *k, uint8_t proto, uint32_t spi,
		     uint8_t family, const union nfsec_ip *dst);
/*
 * Does crypto map entry MAP SEQ have an outbound SA to send on (one GET
 * of the entry, not a dump of the SAD)?  1, 0 or -errno.
 */
int cd_kernel_has_out_sa(struct cd_kernel *k, const char *map, uint32_t seq);
/* Every SA of the namespace; entries and bindings stay. */
int cd_kernel_flush_sas(struct cd_kernel *k);
/* Reads pending events and calls @ev's handlers. */
int cd_kernel_events(struct cd_kernel *k, const struct cd_events *ev);

#endif /* NFSEC_CD_KERNEL_H */
