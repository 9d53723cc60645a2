/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Generic-netlink transport to the nfsec module, over libmnl: resolves the
 * family, sends a request, runs a callback on each reply and turns kernel
 * errors into an errno plus the extack message.
 */
#ifndef NFSEC_NL_H
#define NFSEC_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <libmnl/libmnl.h>

#define NFSEC_NL_ERRMSG_MAX 256
/* Room for one receive: the kernel fills dump replies up to 32 KiB. */
#define NFSEC_NL_RECV_SIZE 32768

struct nfsec_nl_batch;

/*
 * A way to the kernel other than a socket of one's own.  cryptod's engine
 * may not talk to the kernel itself (it runs without privileges), so its
 * requests go through the privileged parent, which passes on what is
 * nfsec's and brings back the replies (cryptod/privsep.h).  Both return
 * what send() and recv() would: a count, or -1 with errno.
 */
struct nfsec_nl_io {
	ssize_t (*send)(void *arg, const void *buf, size_t len);
	ssize_t (*recv)(void *arg, void *buf, size_t len);
	void *arg;
};

struct nfsec_nl {
	struct mnl_socket *sock; /* NULL when @io carries the requests */
	const struct nfsec_nl_io *io;
	uint32_t portid;
	uint32_t seq;
	uint16_t family_id;
	uint8_t family_version;
	uint32_t events_group; /* multicast group id, 0 if none */
	/* extack text of the last failed request, "" when none */
	char errmsg[NFSEC_NL_ERRMSG_MAX];
	/* requests queued to go together, or NULL (nl_batch.h) */
	struct nfsec_nl_batch *batch;
};

/*
 * Opens a socket and resolves the "nfsec" family.  Returns 0, -ENOENT when
 * the module is not loaded (no such family), or another negative errno.
 */
int nfsec_nl_open(struct nfsec_nl *nl);
void nfsec_nl_close(struct nfsec_nl *nl);

/*
 * @nl's requests go through @io from now on; @nl's own socket is closed.
 * The family, its events group and the port id stay what @nl resolved:
 * replies come to the socket @io ends at, whose port id that was.
 */
void nfsec_nl_use_io(struct nfsec_nl *nl, const struct nfsec_nl_io *io);

/* One send and one receive, through @nl's socket or its io. */
ssize_t nfsec_nl_send(struct nfsec_nl *nl, const void *buf, size_t len);
ssize_t nfsec_nl_recv(struct nfsec_nl *nl, void *buf, size_t len);

/* Joins the "events" multicast group; 0 or a negative errno. */
int nfsec_nl_subscribe(struct nfsec_nl *nl);

/* Starts a request for @cmd of the nfsec family in @buf. */
struct nlmsghdr *nfsec_nl_request(struct nfsec_nl *nl, void *buf, uint8_t cmd,
				  uint16_t flags);

/*
 * Sends @req and runs @cb on every reply until the kernel's ACK (or the end
 * of a dump).  Returns 0 or a negative errno; on a kernel error nl->errmsg
 * holds its extack message.  With a batch attached, a request without @cb
 * is queued instead, and one with @cb sends the queue first (nl_batch.h).
 */
int nfsec_nl_talk(struct nfsec_nl *nl, struct nlmsghdr *req, mnl_cb_t cb,
		  void *data);

/*
 * Reads an NLMSG_ERROR message: returns its (negative) error, 0 for an ACK,
 * and copies an extack message, if any, into @msg.  -EBADMSG when the
 * message is truncated.
 */
int nfsec_nl_parse_error(const struct nlmsghdr *nlh, char *msg, size_t len);

/*
 * Clears NLM_F_DUMP_INTR on every message of @buf (@len bytes of one
 * receive) and returns whether any had it.  The kernel sets it when the
 * table changed under a dump; libmnl would stop mid-reply at such a message,
 * so nfsec_nl_talk() takes the flag off first, reads the whole reply, and
 * then returns -EINTR for the caller to dump again or, where its dump walks
 * a stable cursor, keep what it got.
 */
bool nfsec_nl_take_intr(void *buf, size_t len);

/*
 * How often a dump is done again while the table keeps changing under it:
 * a dump of thousands of SAs takes several reads, and a keying daemon may
 * be adding SAs all the while.  Then a policy dump fails with -EAGAIN (its
 * cursor, a map's place in the list, moves when maps come and go); an SA
 * dump keeps its last listing (see nfsec_sa_dump()).
 */
#define NFSEC_DUMP_TRIES 20

/*
 * Before dump try @tries (from 1) goes again: a pause of 1 ms, doubling up
 * to 64 ms (about 1 s over all the tries), so that a burst of changes can
 * pass instead of interrupting every try at once.
 */
void nfsec_nl_dump_pause(int tries);

#endif /* NFSEC_NL_H */
