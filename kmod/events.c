// SPDX-License-Identifier: GPL-2.0
/*
 * Events on the "events" multicast group: ACQUIRE, EXPIRE and SA deletion
 * (see uapi/linux/nfsec.h).  Built only when someone listens; never carry
 * keys.  ACQUIRE comes from the datapath, so everything allocates atomically.
 */
#include <net/genetlink.h>

#include "nfsec.h"

static struct sk_buff *nfsec_event_new(struct nfsec_net *nn, u8 cmd,
				       void **hdr)
{
	struct sk_buff *msg;

	if (!genl_has_listeners(&nfsec_genl_family, nn->net, 0))
		return NULL;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_ATOMIC);
	if (!msg)
		return NULL;
	*hdr = genlmsg_put(msg, 0, 0, &nfsec_genl_family, 0, cmd);
	if (!*hdr) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

static void nfsec_event_send(struct nfsec_net *nn, struct sk_buff *msg,
			     void *hdr, int err)
{
	if (err) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&nfsec_genl_family, nn->net, msg, 0, 0,
				GFP_ATOMIC);
}

void nfsec_event_expire(struct nfsec_net *nn, struct nfsec_sa *sa, bool hard,
			u8 limit)
{
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = nfsec_event_new(nn, NFSEC_CMD_EXPIRE, &hdr);
	if (!msg)
		return;
	err = nfsec_sa_fill(msg, sa, false) ?:
	      nla_put_u8(msg, NFSEC_A_EXPIRE_LIMIT, limit);
	if (!err && hard)
		err = nla_put_flag(msg, NFSEC_A_EXPIRE_HARD);
	nfsec_event_send(nn, msg, hdr, err);
}

void nfsec_event_sa_deleted(struct nfsec_net *nn, struct nfsec_sa *sa)
{
	struct sk_buff *msg;
	void *hdr;

	msg = nfsec_event_new(nn, NFSEC_CMD_DEL_SA, &hdr);
	if (msg)
		nfsec_event_send(nn, msg, hdr, nfsec_sa_fill(msg, sa, false));
}

static int nfsec_acquire_fill(struct sk_buff *msg,
			      const struct nfsec_entry *e,
			      const struct nfsec_flow *fl, u32 seq)
{
	struct nlattr *nest = nla_nest_start(msg, NFSEC_A_POLICY);

	if (!nest || nfsec_entry_fill_id(msg, e))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	if (nfsec_flow_fill(msg, NFSEC_A_FLOW, fl) ||
	    nla_put_u32(msg, NFSEC_A_ACQUIRE_SEQ, seq))
		return -EMSGSIZE;
	return 0;
}

void nfsec_event_acquire(struct nfsec_net *nn, const struct nfsec_entry *e,
			 const struct nfsec_flow *fl, u32 seq)
{
	struct sk_buff *msg;
	void *hdr;

	msg = nfsec_event_new(nn, NFSEC_CMD_ACQUIRE, &hdr);
	if (msg)
		nfsec_event_send(nn, msg, hdr,
				 nfsec_acquire_fill(msg, e, fl, seq));
}
