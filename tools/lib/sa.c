// SPDX-License-Identifier: GPL-2.0
/*
 * SAs over netlink (see sa.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "uapi/linux/nfsec.h"
#include "sa.h"

void nfsec_sel_put(struct nlmsghdr *nlh, uint16_t type,
		   const struct nfsec_sel *sel)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);
	size_t len = nfsec_ip_len(sel->family);

	mnl_attr_put_u8(nlh, NFSEC_SEL_A_FAMILY, sel->family);
	mnl_attr_put(nlh, NFSEC_SEL_A_SRC, len, &sel->src);
	mnl_attr_put(nlh, NFSEC_SEL_A_SRC_MASK, len, &sel->src_mask);
	mnl_attr_put(nlh, NFSEC_SEL_A_DST, len, &sel->dst);
	mnl_attr_put(nlh, NFSEC_SEL_A_DST_MASK, len, &sel->dst_mask);
	mnl_attr_put_u8(nlh, NFSEC_SEL_A_PROTO, sel->proto);
	mnl_attr_put_u16(nlh, NFSEC_SEL_A_SPORT_LO, sel->sport_lo);
	mnl_attr_put_u16(nlh, NFSEC_SEL_A_SPORT_HI, sel->sport_hi);
	mnl_attr_put_u16(nlh, NFSEC_SEL_A_DPORT_LO, sel->dport_lo);
	mnl_attr_put_u16(nlh, NFSEC_SEL_A_DPORT_HI, sel->dport_hi);
	mnl_attr_nest_end(nlh, nest);
}

void nfsec_life_put(struct nlmsghdr *nlh, uint16_t type,
		    const struct nfsec_life *l)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	mnl_attr_put_u64(nlh, NFSEC_LIFE_A_SOFT_BYTES, l->soft_bytes);
	mnl_attr_put_u64(nlh, NFSEC_LIFE_A_HARD_BYTES, l->hard_bytes);
	mnl_attr_put_u64(nlh, NFSEC_LIFE_A_SOFT_PACKETS, l->soft_packets);
	mnl_attr_put_u64(nlh, NFSEC_LIFE_A_HARD_PACKETS, l->hard_packets);
	mnl_attr_put_u64(nlh, NFSEC_LIFE_A_SOFT_SECONDS, l->soft_seconds);
	mnl_attr_put_u64(nlh, NFSEC_LIFE_A_HARD_SECONDS, l->hard_seconds);
	mnl_attr_nest_end(nlh, nest);
}

static void nfsec_sa_put_rest(struct nlmsghdr *nlh,
			      const struct nfsec_sa_info *sa)
{
	mnl_attr_put(nlh, NFSEC_SA_A_SRC, nfsec_ip_len(sa->family), &sa->src);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_DIR, sa->dir);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_MODE, sa->mode);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_ENC_ALG, sa->enc);
	if (sa->enckeylen)
		mnl_attr_put(nlh, NFSEC_SA_A_ENC_KEY, sa->enckeylen,
			     sa->enckey);
	if (sa->auth)
		mnl_attr_put_u8(nlh, NFSEC_SA_A_AUTH_ALG, sa->auth);
	if (sa->authkeylen)
		mnl_attr_put(nlh, NFSEC_SA_A_AUTH_KEY, sa->authkeylen,
			     sa->authkey);
	if (sa->esn)
		mnl_attr_put(nlh, NFSEC_SA_A_ESN, 0, NULL);
	if (sa->has_replay)
		mnl_attr_put_u32(nlh, NFSEC_SA_A_REPLAY_WINDOW,
				 sa->replay_window);
	if (sa->has_map) {
		mnl_attr_put_strz(nlh, NFSEC_SA_A_MAP, sa->map);
		mnl_attr_put_u32(nlh, NFSEC_SA_A_MAP_SEQ, sa->map_seq);
	}
	if (sa->has_sel)
		nfsec_sel_put(nlh, NFSEC_SA_A_SELECTOR, &sa->sel);
	if (sa->has_seq)
		mnl_attr_put_u64(nlh, NFSEC_SA_A_SEQ, sa->seq);
	if (sa->has_life)
		nfsec_life_put(nlh, NFSEC_SA_A_LIFETIME, &sa->life);
}

void nfsec_sa_put(struct nlmsghdr *nlh, const struct nfsec_sa_info *sa,
		  enum nfsec_sa_put_what what)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, NFSEC_A_SA);

	mnl_attr_put_u32(nlh, NFSEC_SA_A_SPI, sa->spi);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_PROTO, sa->proto);
	mnl_attr_put_u8(nlh, NFSEC_SA_A_FAMILY, sa->family);
	mnl_attr_put(nlh, NFSEC_SA_A_DST, nfsec_ip_len(sa->family), &sa->dst);
	if (what == NFSEC_SA_PUT_ALL)
		nfsec_sa_put_rest(nlh, sa);
	mnl_attr_nest_end(nlh, nest);
}

/* Attributes of one nest, indexed by type; types above @max skipped. */
struct nfsec_tb {
	const struct nlattr **tb;
	uint16_t max;
};

static int nfsec_tb_cb(const struct nlattr *attr, void *data)
{
	struct nfsec_tb *t = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type <= t->max)
		t->tb[type] = attr;
	return MNL_CB_OK;
}

int nfsec_nest_parse(const struct nlattr *nest, const struct nlattr **tb,
		     uint16_t max)
{
	struct nfsec_tb t = { tb, max };

	memset(tb, 0, sizeof(*tb) * (max + 1u));
	if (!nest || mnl_attr_validate(nest, MNL_TYPE_NESTED) < 0 ||
	    mnl_attr_parse_nested(nest, nfsec_tb_cb, &t) < 0)
		return -EBADMSG;
	return 0;
}

int nfsec_msg_attrs(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	struct nfsec_tb t = { tb, NFSEC_A_MAX };

	memset(tb, 0, sizeof(*tb) * (NFSEC_A_MAX + 1));
	if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(struct genlmsghdr)) ||
	    mnl_attr_parse(nlh, sizeof(struct genlmsghdr), nfsec_tb_cb, &t) < 0)
		return -EBADMSG;
	return 0;
}

/* Typed getters: absent is fine (leaves *out), malformed is not. */
static int get_u8(const struct nlattr *a, uint8_t *out)
{
	if (!a)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_U8) < 0)
		return -EBADMSG;
	*out = mnl_attr_get_u8(a);
	return 0;
}

static int get_u16(const struct nlattr *a, uint16_t *out)
{
	if (!a)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_U16) < 0)
		return -EBADMSG;
	*out = mnl_attr_get_u16(a);
	return 0;
}

static int get_u32(const struct nlattr *a, uint32_t *out)
{
	if (!a)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
		return -EBADMSG;
	*out = mnl_attr_get_u32(a);
	return 0;
}

static int get_u64(const struct nlattr *a, uint64_t *out)
{
	if (!a)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_U64) < 0)
		return -EBADMSG;
	*out = mnl_attr_get_u64(a);
	return 0;
}

static int get_ip(const struct nlattr *a, uint8_t family, union nfsec_ip *ip)
{
	if (!a)
		return 0;
	if (mnl_attr_get_payload_len(a) != nfsec_ip_len(family))
		return -EBADMSG;
	memset(ip, 0, sizeof(*ip));
	memcpy(ip, mnl_attr_get_payload(a), nfsec_ip_len(family));
	return 0;
}

static int get_bin(const struct nlattr *a, uint8_t *out, size_t max,
		   uint8_t *len)
{
	if (!a)
		return 0;
	if (mnl_attr_get_payload_len(a) > max)
		return -EBADMSG;
	*len = (uint8_t)mnl_attr_get_payload_len(a);
	memcpy(out, mnl_attr_get_payload(a), *len);
	return 0;
}

static int get_str(const struct nlattr *a, char *out, size_t max)
{
	if (!a)
		return 0;
	if (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0 ||
	    strlen(mnl_attr_get_str(a)) >= max)
		return -EBADMSG;
	strcpy(out, mnl_attr_get_str(a));
	return 0;
}

int nfsec_sel_parse(const struct nlattr *nest, struct nfsec_sel *sel)
{
	const struct nlattr *tb[NFSEC_SEL_A_MAX + 1];

	memset(sel, 0, sizeof(*sel));
	if (nfsec_nest_parse(nest, tb, NFSEC_SEL_A_MAX) ||
	    get_u8(tb[NFSEC_SEL_A_FAMILY], &sel->family) ||
	    (sel->family != AF_INET && sel->family != AF_INET6))
		return -EBADMSG;
	if (get_ip(tb[NFSEC_SEL_A_SRC], sel->family, &sel->src) ||
	    get_ip(tb[NFSEC_SEL_A_SRC_MASK], sel->family, &sel->src_mask) ||
	    get_ip(tb[NFSEC_SEL_A_DST], sel->family, &sel->dst) ||
	    get_ip(tb[NFSEC_SEL_A_DST_MASK], sel->family, &sel->dst_mask) ||
	    get_u8(tb[NFSEC_SEL_A_PROTO], &sel->proto) ||
	    get_u16(tb[NFSEC_SEL_A_SPORT_LO], &sel->sport_lo) ||
	    get_u16(tb[NFSEC_SEL_A_SPORT_HI], &sel->sport_hi) ||
	    get_u16(tb[NFSEC_SEL_A_DPORT_LO], &sel->dport_lo) ||
	    get_u16(tb[NFSEC_SEL_A_DPORT_HI], &sel->dport_hi))
		return -EBADMSG;
	return 0;
}

int nfsec_life_parse(const struct nlattr *nest, struct nfsec_life *l)
{
	const struct nlattr *tb[NFSEC_LIFE_A_MAX + 1];

	memset(l, 0, sizeof(*l));
	if (nfsec_nest_parse(nest, tb, NFSEC_LIFE_A_MAX) ||
	    get_u64(tb[NFSEC_LIFE_A_SOFT_BYTES], &l->soft_bytes) ||
	    get_u64(tb[NFSEC_LIFE_A_HARD_BYTES], &l->hard_bytes) ||
	    get_u64(tb[NFSEC_LIFE_A_SOFT_PACKETS], &l->soft_packets) ||
	    get_u64(tb[NFSEC_LIFE_A_HARD_PACKETS], &l->hard_packets) ||
	    get_u64(tb[NFSEC_LIFE_A_SOFT_SECONDS], &l->soft_seconds) ||
	    get_u64(tb[NFSEC_LIFE_A_HARD_SECONDS], &l->hard_seconds))
		return -EBADMSG;
	return 0;
}

static int nfsec_sa_stats_parse(const struct nlattr *nest,
				struct nfsec_sa_info *sa)
{
	const struct nlattr *tb[NFSEC_SA_STATS_A_MAX + 1];

	if (!nest)
		return 0;
	if (nfsec_nest_parse(nest, tb, NFSEC_SA_STATS_A_MAX) ||
	    get_u64(tb[NFSEC_SA_STATS_A_PACKETS], &sa->packets) ||
	    get_u64(tb[NFSEC_SA_STATS_A_BYTES], &sa->bytes) ||
	    get_u64(tb[NFSEC_SA_STATS_A_CRYPTO], &sa->crypto) ||
	    get_u64(tb[NFSEC_SA_STATS_A_DIGEST], &sa->digest) ||
	    get_u64(tb[NFSEC_SA_STATS_A_ERRORS], &sa->errors) ||
	    get_u64(tb[NFSEC_SA_STATS_A_REPLAY], &sa->replay) ||
	    get_u64(tb[NFSEC_SA_STATS_A_AUTH_FAIL], &sa->auth_fail) ||
	    get_u32(tb[NFSEC_SA_STATS_A_PMTU], &sa->pmtu))
		return -EBADMSG;
	return 0;
}

static int nfsec_sa_parse_opt(const struct nlattr **tb,
			      struct nfsec_sa_info *sa)
{
	sa->has_replay = tb[NFSEC_SA_A_REPLAY_WINDOW];
	sa->has_map = tb[NFSEC_SA_A_MAP];
	sa->has_sel = tb[NFSEC_SA_A_SELECTOR];
	sa->has_life = tb[NFSEC_SA_A_LIFETIME];
	sa->esn = tb[NFSEC_SA_A_ESN];
	if (get_u32(tb[NFSEC_SA_A_REPLAY_WINDOW], &sa->replay_window) ||
	    get_str(tb[NFSEC_SA_A_MAP], sa->map, sizeof(sa->map)) ||
	    get_u32(tb[NFSEC_SA_A_MAP_SEQ], &sa->map_seq) ||
	    (sa->has_sel &&
	     nfsec_sel_parse(tb[NFSEC_SA_A_SELECTOR], &sa->sel)) ||
	    (sa->has_life &&
	     nfsec_life_parse(tb[NFSEC_SA_A_LIFETIME], &sa->life)))
		return -EBADMSG;
	return 0;
}

int nfsec_sa_parse(const struct nlattr *nest, struct nfsec_sa_info *sa)
{
	const struct nlattr *tb[NFSEC_SA_A_MAX + 1];

	memset(sa, 0, sizeof(*sa));
	if (nfsec_nest_parse(nest, tb, NFSEC_SA_A_MAX))
		return -EBADMSG;
	if (!tb[NFSEC_SA_A_SPI] || !tb[NFSEC_SA_A_FAMILY] ||
	    !tb[NFSEC_SA_A_DST] || get_u32(tb[NFSEC_SA_A_SPI], &sa->spi) ||
	    get_u8(tb[NFSEC_SA_A_PROTO], &sa->proto) ||
	    get_u8(tb[NFSEC_SA_A_FAMILY], &sa->family) ||
	    (sa->family != AF_INET && sa->family != AF_INET6))
		return -EBADMSG;
	if (get_ip(tb[NFSEC_SA_A_SRC], sa->family, &sa->src) ||
	    get_ip(tb[NFSEC_SA_A_DST], sa->family, &sa->dst) ||
	    get_u8(tb[NFSEC_SA_A_DIR], &sa->dir) ||
	    get_u8(tb[NFSEC_SA_A_MODE], &sa->mode) ||
	    get_u8(tb[NFSEC_SA_A_ENC_ALG], &sa->enc) ||
	    get_u8(tb[NFSEC_SA_A_AUTH_ALG], &sa->auth) ||
	    get_bin(tb[NFSEC_SA_A_ENC_KEY], sa->enckey, sizeof(sa->enckey),
		    &sa->enckeylen) ||
	    get_bin(tb[NFSEC_SA_A_AUTH_KEY], sa->authkey, sizeof(sa->authkey),
		    &sa->authkeylen) ||
	    get_u32(tb[NFSEC_SA_A_CONN_ID], &sa->conn_id) ||
	    get_u64(tb[NFSEC_SA_A_SEQ], &sa->seq) ||
	    get_u64(tb[NFSEC_SA_A_ADD_TIME], &sa->age))
		return -EBADMSG;
	if (nfsec_sa_parse_opt(tb, sa) ||
	    nfsec_sa_stats_parse(tb[NFSEC_SA_A_STATS], sa))
		return -EBADMSG;
	return 0;
}

void nfsec_sa_wipe(struct nfsec_sa_info *sa)
{
	explicit_bzero(sa->enckey, sizeof(sa->enckey));
	explicit_bzero(sa->authkey, sizeof(sa->authkey));
}

struct nfsec_sa_dump_ctx {
	nfsec_sa_cb cb;
	void *data;
	int err;
};

static int nfsec_sa_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nfsec_sa_dump_ctx *c = data;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nfsec_sa_info sa;
	int ret;

	if (nfsec_msg_attrs(nlh, tb) || nfsec_sa_parse(tb[NFSEC_A_SA], &sa)) {
		c->err = -EBADMSG;
		return MNL_CB_ERROR;
	}
	ret = c->cb(&sa, c->data);
	nfsec_sa_wipe(&sa);
	if (ret) {
		c->err = ret;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

int nfsec_sa_dump(struct nfsec_nl *nl, bool keys, nfsec_sa_cb cb,
		  void (*reset)(void *data), void *data)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nfsec_sa_dump_ctx c;
	struct nlmsghdr *nlh;
	int tries, err;

	for (tries = 1;; tries++) {
		c = (struct nfsec_sa_dump_ctx){ .cb = cb, .data = data };
		if (reset)
			reset(data);
		nlh = nfsec_nl_request(nl, buf, NFSEC_CMD_GET_SA, NLM_F_DUMP);
		if (keys)
			mnl_attr_put(nlh, NFSEC_A_WITH_KEYS, 0, NULL);
		err = nfsec_nl_talk(nl, nlh, nfsec_sa_dump_cb, &c);
		if (c.err)
			return c.err;
		if (err != -EINTR) /* -EINTR: changed under the dump */
			return err;
		/*
		 * The kernel walks SAs by their ids, which never change: an SA
		 * that lived through the whole dump was sent exactly once even
		 * so.  When changes never pause long enough for a snapshot,
		 * that listing stands.
		 */
		if (tries == NFSEC_DUMP_TRIES)
			return 0;
		nfsec_nl_dump_pause(tries);
	}
}
