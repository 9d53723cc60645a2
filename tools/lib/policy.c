// SPDX-License-Identifier: GPL-2.0
/*
 * Crypto map entries and bindings over netlink (see policy.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "policy.h"

static const char *const nfsec_actions[__NFSEC_ACTION_MAX] = {
	[NFSEC_ACTION_PROTECT] = "protect",
	[NFSEC_ACTION_BYPASS] = "bypass",
	[NFSEC_ACTION_DISCARD] = "discard",
	[NFSEC_ACTION_NEXT] = "next",
};

int nfsec_action_parse(const char *s)
{
	int i;

	if (!strcmp(s, "permit"))
		return NFSEC_ACTION_PROTECT;
	if (!strcmp(s, "deny"))
		return NFSEC_ACTION_NEXT;
	for (i = 0; i < __NFSEC_ACTION_MAX; i++)
		if (!strcmp(s, nfsec_actions[i]))
			return i;
	return -1;
}

const char *nfsec_action_str(uint8_t action)
{
	return action < __NFSEC_ACTION_MAX ? nfsec_actions[action] : "?";
}

const char *nfsec_protos_str(uint8_t protos)
{
	if (protos == (NFSEC_PROTO_AH | NFSEC_PROTO_ESP))
		return "ah-esp";
	return protos == NFSEC_PROTO_AH ? "ah" : "esp";
}

/*
 * Bytes one rule takes at most in a request (an IPv6 selector: 4-byte
 * headers, 16-byte addresses, every field) and a few per attribute of
 * rules, so 1024 + n * this is enough for a request with n rules.
 */
#define NFSEC_RULE_MSG_MAX 160

size_t nfsec_entry_msg_size(const struct nfsec_entry_info *e)
{
	return 1024 + (size_t)e->nrules * NFSEC_RULE_MSG_MAX;
}

/*
 * An attribute holds at most 64 KiB: rules go into NFSEC_POL_A_RULES while
 * it has room (leaving some for the entry around it), then into as many
 * top-level NFSEC_A_RULES as they need.  Rules from *@i on; returns when
 * the attribute is full.
 */
#define NFSEC_RULES_ROOM (UINT16_MAX - 1024)

static void nfsec_rules_put(struct nlmsghdr *nlh, uint16_t type,
			    const struct nfsec_entry_info *e, unsigned int *i)
{
	struct nlattr *rules = mnl_attr_nest_start(nlh, type);

	for (; *i < e->nrules; ++*i) {
		struct nlattr *r;

		if ((char *)mnl_nlmsg_get_payload_tail(nlh) - (char *)rules >
		    NFSEC_RULES_ROOM - NFSEC_RULE_MSG_MAX)
			break;
		r = mnl_attr_nest_start(nlh, NFSEC_RULES_A_RULE);
		mnl_attr_put_u8(nlh, NFSEC_RULE_A_ACTION, e->rules[*i].action);
		nfsec_sel_put(nlh, NFSEC_RULE_A_SELECTOR, &e->rules[*i].sel);
		mnl_attr_nest_end(nlh, r);
	}
	mnl_attr_nest_end(nlh, rules);
}

void nfsec_entry_put(struct nlmsghdr *nlh, const struct nfsec_entry_info *e,
		     bool full)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, NFSEC_A_POLICY);
	unsigned int i = 0;

	mnl_attr_put_strz(nlh, NFSEC_POL_A_MAP, e->map);
	mnl_attr_put_u32(nlh, NFSEC_POL_A_SEQ, e->seq);
	if (full) {
		if (e->family) {
			mnl_attr_put_u8(nlh, NFSEC_POL_A_FAMILY, e->family);
			mnl_attr_put(nlh, NFSEC_POL_A_PEER,
				     nfsec_ip_len(e->family), &e->peer);
			mnl_attr_put(nlh, NFSEC_POL_A_LOCAL,
				     nfsec_ip_len(e->family), &e->local);
		}
		mnl_attr_put_u8(nlh, NFSEC_POL_A_MODE, e->mode);
		mnl_attr_put_u8(nlh, NFSEC_POL_A_PROTOS, e->protos);
		if (e->has_replay)
			mnl_attr_put_u32(nlh, NFSEC_POL_A_REPLAY_WINDOW,
					 e->replay_window);
		if (e->pfs_group)
			mnl_attr_put_u16(nlh, NFSEC_POL_A_PFS_GROUP,
					 e->pfs_group);
		if (e->has_life)
			nfsec_life_put(nlh, NFSEC_POL_A_LIFETIME, &e->life);
		nfsec_rules_put(nlh, NFSEC_POL_A_RULES, e, &i);
	}
	mnl_attr_nest_end(nlh, nest);
	while (full && i < e->nrules)
		nfsec_rules_put(nlh, NFSEC_A_RULES, e, &i);
}

static int nfsec_u(const struct nlattr *a, enum mnl_attr_data_type t, void *out)
{
	if (!a)
		return 0;
	if (mnl_attr_validate(a, t) < 0)
		return -EBADMSG;
	switch (t) {
	case MNL_TYPE_U8:
		*(uint8_t *)out = mnl_attr_get_u8(a);
		break;
	case MNL_TYPE_U16:
		*(uint16_t *)out = mnl_attr_get_u16(a);
		break;
	case MNL_TYPE_U32:
		*(uint32_t *)out = mnl_attr_get_u32(a);
		break;
	default:
		*(uint64_t *)out = mnl_attr_get_u64(a);
		break;
	}
	return 0;
}

static int nfsec_rule_parse(const struct nlattr *nest,
			    struct nfsec_rule_info *r)
{
	const struct nlattr *tb[NFSEC_RULE_A_MAX + 1];

	if (nfsec_nest_parse(nest, tb, NFSEC_RULE_A_MAX) ||
	    !tb[NFSEC_RULE_A_SELECTOR] ||
	    nfsec_u(tb[NFSEC_RULE_A_ACTION], MNL_TYPE_U8, &r->action) ||
	    nfsec_u(tb[NFSEC_RULE_A_MATCHES], MNL_TYPE_U64, &r->matches))
		return -EBADMSG;
	return nfsec_sel_parse(tb[NFSEC_RULE_A_SELECTOR], &r->sel);
}

/* Appends the rules of @rules to e->rules. */
static int nfsec_rules_parse(const struct nlattr *rules,
			     struct nfsec_entry_info *e)
{
	struct nfsec_rule_info *more;
	const struct nlattr *r;
	unsigned int n = 0;

	mnl_attr_for_each_nested (r, rules)
		n++;
	if (e->nrules + n > NFSEC_RULES_MAX)
		return -EBADMSG;
	/* at least one, so an entry without rules has a non-NULL array */
	more = realloc(e->rules, ((e->nrules + n) ? (e->nrules + n) : 1) *
					 sizeof(*e->rules));
	if (!more)
		return -ENOMEM;
	e->rules = more;
	mnl_attr_for_each_nested (r, rules) {
		memset(&e->rules[e->nrules], 0, sizeof(*e->rules));
		if (nfsec_rule_parse(r, &e->rules[e->nrules]))
			return -EBADMSG;
		e->nrules++;
	}
	return 0;
}

static int nfsec_entry_parse_peer(const struct nlattr **tb,
				  struct nfsec_entry_info *e)
{
	size_t len;

	if (nfsec_u(tb[NFSEC_POL_A_FAMILY], MNL_TYPE_U8, &e->family))
		return -EBADMSG;
	if (!e->family)
		return 0;
	if (e->family != AF_INET && e->family != AF_INET6)
		return -EBADMSG;
	len = nfsec_ip_len(e->family);
	if (!tb[NFSEC_POL_A_PEER] ||
	    mnl_attr_get_payload_len(tb[NFSEC_POL_A_PEER]) != len)
		return -EBADMSG;
	memcpy(&e->peer, mnl_attr_get_payload(tb[NFSEC_POL_A_PEER]), len);
	if (tb[NFSEC_POL_A_LOCAL]) {
		if (mnl_attr_get_payload_len(tb[NFSEC_POL_A_LOCAL]) != len)
			return -EBADMSG;
		memcpy(&e->local, mnl_attr_get_payload(tb[NFSEC_POL_A_LOCAL]),
		       len);
	}
	return 0;
}

static int nfsec_entry_parse_stats(const struct nlattr *nest,
				   struct nfsec_entry_info *e)
{
	const struct nlattr *tb[NFSEC_POL_STATS_A_MAX + 1];

	if (!nest)
		return 0;
	if (nfsec_nest_parse(nest, tb, NFSEC_POL_STATS_A_MAX) ||
	    nfsec_u(tb[NFSEC_POL_STATS_A_ACQUIRES], MNL_TYPE_U64,
		    &e->acquires) ||
	    nfsec_u(tb[NFSEC_POL_STATS_A_NO_SA], MNL_TYPE_U64, &e->no_sa) ||
	    nfsec_u(tb[NFSEC_POL_STATS_A_OUT_SPI], MNL_TYPE_U32, &e->out_spi))
		return -EBADMSG;
	return 0;
}

int nfsec_entry_parse(const struct nlattr *nest, struct nfsec_entry_info *e)
{
	const struct nlattr *tb[NFSEC_POL_A_MAX + 1];
	const struct nlattr *map;

	memset(e, 0, sizeof(*e));
	if (nfsec_nest_parse(nest, tb, NFSEC_POL_A_MAX))
		return -EBADMSG;
	map = tb[NFSEC_POL_A_MAP];
	if (!map || mnl_attr_validate(map, MNL_TYPE_NUL_STRING) < 0 ||
	    strlen(mnl_attr_get_str(map)) >= sizeof(e->map))
		return -EBADMSG;
	strcpy(e->map, mnl_attr_get_str(map));
	e->has_replay = tb[NFSEC_POL_A_REPLAY_WINDOW];
	e->has_life = tb[NFSEC_POL_A_LIFETIME];
	if (nfsec_u(tb[NFSEC_POL_A_SEQ], MNL_TYPE_U32, &e->seq) ||
	    nfsec_u(tb[NFSEC_POL_A_MODE], MNL_TYPE_U8, &e->mode) ||
	    nfsec_u(tb[NFSEC_POL_A_PROTOS], MNL_TYPE_U8, &e->protos) ||
	    nfsec_u(tb[NFSEC_POL_A_REPLAY_WINDOW], MNL_TYPE_U32,
		    &e->replay_window) ||
	    nfsec_u(tb[NFSEC_POL_A_PFS_GROUP], MNL_TYPE_U16, &e->pfs_group) ||
	    nfsec_entry_parse_peer(tb, e) ||
	    (e->has_life &&
	     nfsec_life_parse(tb[NFSEC_POL_A_LIFETIME], &e->life)) ||
	    nfsec_entry_parse_stats(tb[NFSEC_POL_A_STATS], e))
		return -EBADMSG;
	if (tb[NFSEC_POL_A_RULES_FIRST] ||
	    (tb[NFSEC_POL_A_RULES] &&
	     nfsec_rules_parse(tb[NFSEC_POL_A_RULES], e)))
		return -EBADMSG;
	e->nrules_total = e->nrules;
	if (tb[NFSEC_POL_A_NRULES] &&
	    (nfsec_u(tb[NFSEC_POL_A_NRULES], MNL_TYPE_U32, &e->nrules_total) ||
	     e->nrules_total < e->nrules || e->nrules_total > NFSEC_RULES_MAX))
		return -EBADMSG;
	return 0;
}

bool nfsec_entry_continues(const struct nlattr *nest)
{
	const struct nlattr *tb[NFSEC_POL_A_MAX + 1];

	return !nfsec_nest_parse(nest, tb, NFSEC_POL_A_MAX) &&
	       tb[NFSEC_POL_A_RULES_FIRST];
}

int nfsec_entry_parse_more(const struct nlattr *nest,
			   struct nfsec_entry_info *e)
{
	const struct nlattr *tb[NFSEC_POL_A_MAX + 1];
	const struct nlattr *map;
	uint32_t seq, first;

	if (nfsec_nest_parse(nest, tb, NFSEC_POL_A_MAX))
		return -EBADMSG;
	map = tb[NFSEC_POL_A_MAP];
	if (!map || mnl_attr_validate(map, MNL_TYPE_NUL_STRING) < 0 ||
	    strcmp(mnl_attr_get_str(map), e->map) || !tb[NFSEC_POL_A_SEQ] ||
	    nfsec_u(tb[NFSEC_POL_A_SEQ], MNL_TYPE_U32, &seq) || seq != e->seq ||
	    !tb[NFSEC_POL_A_RULES_FIRST] ||
	    nfsec_u(tb[NFSEC_POL_A_RULES_FIRST], MNL_TYPE_U32, &first) ||
	    first != e->nrules || !tb[NFSEC_POL_A_RULES] ||
	    nfsec_rules_parse(tb[NFSEC_POL_A_RULES], e) ||
	    e->nrules > e->nrules_total)
		return -EBADMSG;
	return 0;
}

void nfsec_entry_free(struct nfsec_entry_info *e)
{
	free(e->rules);
	e->rules = NULL;
	e->nrules = 0;
}

struct nfsec_pol_dump_ctx {
	nfsec_entry_cb ecb;
	nfsec_binding_cb bcb;
	void *data;
	int err;
	bool pending; /* @e has come in part */
	struct nfsec_entry_info e;
};

/* The first part of an entry, or the next part of c->e. */
static int nfsec_entry_take(struct nfsec_pol_dump_ctx *c,
			    const struct nlattr *nest)
{
	if (!nest)
		return -EBADMSG;
	if (nfsec_entry_continues(nest))
		return c->pending ? nfsec_entry_parse_more(nest, &c->e)
				  : -EBADMSG;
	if (c->pending) /* the one before stopped short */
		return -EBADMSG;
	c->pending = true;
	return nfsec_entry_parse(nest, &c->e);
}

static int nfsec_entry_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nfsec_pol_dump_ctx *c = data;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	int ret;

	ret = nfsec_msg_attrs(nlh, tb)
		      ?: nfsec_entry_take(c, tb[NFSEC_A_POLICY]);
	if (!ret && c->e.nrules == c->e.nrules_total) {
		ret = c->ecb(&c->e, c->data);
		nfsec_entry_free(&c->e);
		c->pending = false;
	}
	if (ret) {
		c->err = ret;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

/* GET without NLM_F_DUMP: the entry's first part, as it is. */
static int nfsec_entry_get_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nfsec_pol_dump_ctx *c = data;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nfsec_entry_info e = { .rules = NULL };
	int ret;

	ret = nfsec_msg_attrs(nlh, tb)
		      ?: (tb[NFSEC_A_POLICY]
				  ? nfsec_entry_parse(tb[NFSEC_A_POLICY], &e)
				  : -EBADMSG);
	if (!ret)
		ret = c->ecb(&e, c->data);
	nfsec_entry_free(&e);
	if (ret) {
		c->err = ret;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

static int nfsec_binding_dump_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nfsec_pol_dump_ctx *c = data;
	const struct nlattr *tb[NFSEC_A_MAX + 1];
	struct nfsec_binding_info b = { { 0 }, 0 };
	const struct nlattr *m;
	int ret;

	ret = nfsec_msg_attrs(nlh, tb);
	m = tb[NFSEC_A_MAP_NAME];
	if (ret || !m || !tb[NFSEC_A_IFINDEX] ||
	    mnl_attr_validate(m, MNL_TYPE_NUL_STRING) < 0 ||
	    strlen(mnl_attr_get_str(m)) >= sizeof(b.map) ||
	    nfsec_u(tb[NFSEC_A_IFINDEX], MNL_TYPE_U32, &b.ifindex))
		ret = -EBADMSG;
	if (!ret) {
		strcpy(b.map, mnl_attr_get_str(m));
		ret = c->bcb(&b, c->data);
	}
	if (ret) {
		c->err = ret;
		return MNL_CB_ERROR;
	}
	return MNL_CB_OK;
}

static int nfsec_pol_dump(struct nfsec_nl *nl, uint8_t cmd, const char *map,
			  mnl_cb_t cb, const struct nfsec_pol_dump_ctx *proto,
			  void (*reset)(void *data))
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nfsec_pol_dump_ctx c;
	struct nlmsghdr *nlh;
	int tries, err;

	for (tries = 0; tries < NFSEC_DUMP_TRIES; tries++) {
		if (tries)
			nfsec_nl_dump_pause(tries);
		c = *proto;
		if (reset)
			reset(c.data);
		nlh = nfsec_nl_request(nl, buf, cmd, NLM_F_DUMP);
		if (map)
			mnl_attr_put_strz(nlh, NFSEC_A_MAP_NAME, map);
		err = nfsec_nl_talk(nl, nlh, cb, &c);
		if (c.pending) { /* an entry's parts ended early */
			nfsec_entry_free(&c.e);
			if (!err && !c.err)
				c.err = -EBADMSG;
		}
		if (c.err)
			return c.err;
		if (err != -EINTR) /* -EINTR: changed under the dump */
			return err;
	}
	return -EAGAIN;
}

int nfsec_entry_dump(struct nfsec_nl *nl, const char *map, nfsec_entry_cb cb,
		     void (*reset)(void *data), void *data)
{
	struct nfsec_pol_dump_ctx c = { .ecb = cb, .data = data };

	return nfsec_pol_dump(nl, NFSEC_CMD_GET_POLICY, map,
			      nfsec_entry_dump_cb, &c, reset);
}

int nfsec_entry_get(struct nfsec_nl *nl, const char *map, uint32_t seq,
		    nfsec_entry_cb cb, void *data)
{
	struct nfsec_pol_dump_ctx c = { .ecb = cb, .data = data };
	struct nfsec_entry_info e = { .seq = seq };
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlmsghdr *nlh;
	int err;

	if (strlen(map) >= sizeof(e.map))
		return -EINVAL;
	strcpy(e.map, map);
	nlh = nfsec_nl_request(nl, buf, NFSEC_CMD_GET_POLICY, 0);
	nfsec_entry_put(nlh, &e, false);
	err = nfsec_nl_talk(nl, nlh, nfsec_entry_get_cb, &c);
	return c.err ? c.err : err;
}

int nfsec_binding_dump(struct nfsec_nl *nl, nfsec_binding_cb cb,
		       void (*reset)(void *data), void *data)
{
	struct nfsec_pol_dump_ctx c = { .bcb = cb, .data = data };

	return nfsec_pol_dump(nl, NFSEC_CMD_GET_BINDING, NULL,
			      nfsec_binding_dump_cb, &c, reset);
}
