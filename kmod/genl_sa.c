// SPDX-License-Identifier: GPL-2.0
/*
 * SA commands: NEW, UPDATE, DEL, GET (and dump), ALLOC_SPI.  See
 * uapi/linux/nfsec.h for the attribute tree.
 */
#include <linux/random.h>
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "genl.h"
#include "nfsec.h"
#include "nlattr.h"
#include "replay.h"

#define NFSEC_REPLY_ONLY(attr) \
	[attr] = { .type = NLA_REJECT, .reject_message = #attr " is reply-only" }

#define NFSEC_REPLAY_DEFAULT 64	/* IOS's window */

const struct nla_policy nfsec_sa_policy[NFSEC_SA_A_MAX + 1] = {
	[NFSEC_SA_A_PAD] = { .type = NLA_REJECT },
	[NFSEC_SA_A_SPI] = NLA_POLICY_MIN(NLA_U32, 256),
	[NFSEC_SA_A_PROTO] = NLA_POLICY_RANGE(NLA_U8, IPPROTO_ESP, IPPROTO_AH),
	[NFSEC_SA_A_FAMILY] = { .type = NLA_U8 },
	[NFSEC_SA_A_SRC] = NFSEC_POLICY_MAX_LEN(sizeof(struct in6_addr)),
	[NFSEC_SA_A_DST] = NFSEC_POLICY_MAX_LEN(sizeof(struct in6_addr)),
	[NFSEC_SA_A_DIR] = NLA_POLICY_MAX(NLA_U8, NFSEC_SA_DIR_OUT),
	[NFSEC_SA_A_MODE] = NLA_POLICY_MAX(NLA_U8, NFSEC_MODE_TRANSPORT),
	[NFSEC_SA_A_ENC_ALG] = NLA_POLICY_MAX(NLA_U8, __NFSEC_ENC_MAX - 1),
	[NFSEC_SA_A_ENC_KEY] = NFSEC_POLICY_MAX_LEN(36),
	[NFSEC_SA_A_AUTH_ALG] = NLA_POLICY_MAX(NLA_U8, __NFSEC_AUTH_MAX - 1),
	[NFSEC_SA_A_AUTH_KEY] = NFSEC_POLICY_MAX_LEN(64),
	[NFSEC_SA_A_ESN] = { .type = NLA_FLAG },
	[NFSEC_SA_A_REPLAY_WINDOW] = NLA_POLICY_MAX(NLA_U32, NFSEC_REPLAY_MAX),
	[NFSEC_SA_A_MAP] = { .type = NLA_NUL_STRING,
			     .len = NFSEC_MAP_NAME_MAX - 1 },
	[NFSEC_SA_A_MAP_SEQ] = { .type = NLA_U32 },
	[NFSEC_SA_A_SELECTOR] = NLA_POLICY_NESTED(nfsec_sel_policy),
	[NFSEC_SA_A_LIFETIME] = NLA_POLICY_NESTED(nfsec_life_policy),
	NFSEC_REPLY_ONLY(NFSEC_SA_A_CONN_ID),
	[NFSEC_SA_A_SEQ] = { .type = NLA_U64 },
	NFSEC_REPLY_ONLY(NFSEC_SA_A_ADD_TIME),
	NFSEC_REPLY_ONLY(NFSEC_SA_A_STATS),
};

static int nfsec_genl_sa_attrs(struct genl_info *info, struct nlattr **tb)
{
	struct nlattr *nest = info->attrs[NFSEC_A_SA];

	if (!nest) {
		NL_SET_ERR_MSG(info->extack, "missing NFSEC_A_SA");
		return -EINVAL;
	}
	return nla_parse_nested(tb, NFSEC_SA_A_MAX, nest, nfsec_sa_policy,
				info->extack);
}

static int nfsec_sa_key_parse(struct nlattr **tb, const struct nlattr *nest,
			      struct nfsec_sa_key *key,
			      struct netlink_ext_ack *extack)
{
	int err;

	memset(key, 0, sizeof(*key));
	err = NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_SPI) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_PROTO) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_FAMILY) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_DST);
	if (err)
		return err;
	key->spi = nla_get_u32(tb[NFSEC_SA_A_SPI]);
	key->proto = nla_get_u8(tb[NFSEC_SA_A_PROTO]);
	err = nfsec_nla_family(tb[NFSEC_SA_A_FAMILY], &key->family, extack);
	if (err)
		return err;
	return nfsec_nla_addr(tb[NFSEC_SA_A_DST], key->family, &key->daddr,
			      extack);
}

int nfsec_genl_sa_key(struct genl_info *info, struct nfsec_sa_key *key)
{
	struct nlattr *tb[NFSEC_SA_A_MAX + 1];
	int err;

	err = nfsec_genl_sa_attrs(info, tb);
	if (err)
		return err;
	return nfsec_sa_key_parse(tb, info->attrs[NFSEC_A_SA], key,
				  info->extack);
}

static const char *nfsec_lifetime_check(const struct nfsec_lifetime *l)
{
	if (l->hard_bytes && l->soft_bytes > l->hard_bytes)
		return "soft byte limit above the hard one";
	if (l->hard_packets && l->soft_packets > l->hard_packets)
		return "soft packet limit above the hard one";
	if (l->hard_seconds && l->soft_seconds > l->hard_seconds)
		return "soft time limit above the hard one";
	return NULL;
}

/* Algorithms and keys; the key bytes in the request are wiped. */
/* Checks the algorithms and key lengths of an ESP or AH SA. */
static const char *nfsec_sa_check_algs(struct nfsec_sa *sa, struct nlattr **tb)
{
	u8 enc = 0, auth = 0;

	if (tb[NFSEC_SA_A_ENC_ALG])
		enc = nla_get_u8(tb[NFSEC_SA_A_ENC_ALG]);
	if (tb[NFSEC_SA_A_AUTH_ALG])
		auth = nla_get_u8(tb[NFSEC_SA_A_AUTH_ALG]);
	if (sa->key.proto == IPPROTO_AH)
		return nfsec_algs_check_ah(enc, auth, sa->enckeylen,
					   sa->authkeylen, &sa->algs);
	return nfsec_algs_check(enc, auth, sa->enckeylen, sa->authkeylen,
				sa->esn, &sa->algs);
}

/* The keyed transform: an AEAD for ESP, an HMAC for AH. */
static int nfsec_sa_new_tfm(struct nfsec_sa *sa)
{
	if (sa->key.proto == IPPROTO_AH) {
		sa->ahash = nfsec_algs_new_ahash(&sa->algs, sa->authkey,
						 sa->authkeylen);
		if (!IS_ERR(sa->ahash))
			return 0;
		return PTR_ERR(xchg(&sa->ahash, NULL));
	}
	sa->aead = nfsec_algs_new_aead(&sa->algs, sa->enckey, sa->enckeylen,
				       sa->authkey, sa->authkeylen, sa->esn);
	if (!IS_ERR(sa->aead))
		return 0;
	return PTR_ERR(xchg(&sa->aead, NULL));
}

static int nfsec_sa_parse_crypto(struct nfsec_sa *sa, struct nlattr **tb,
				 const struct nlattr *nest,
				 struct netlink_ext_ack *extack)
{
	struct nlattr *ek = tb[NFSEC_SA_A_ENC_KEY], *ak = tb[NFSEC_SA_A_AUTH_KEY];
	struct nlattr *alg = tb[NFSEC_SA_A_ENC_ALG];
	const char *msg;
	int err;

	if (sa->key.proto == IPPROTO_AH) {
		alg = tb[NFSEC_SA_A_AUTH_ALG];
		err = NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_AUTH_ALG);
	} else {
		err = NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_ENC_ALG);
	}
	if (err)
		return err;
	sa->enckeylen = ek ? nla_len(ek) : 0;
	sa->authkeylen = ak ? nla_len(ak) : 0;
	msg = nfsec_sa_check_algs(sa, tb);
	if (msg) {
		nfsec_set_err(extack, alg, msg);
		return -EINVAL;
	}
	if (ek)
		nla_memcpy(sa->enckey, ek, sizeof(sa->enckey));
	if (ak)
		nla_memcpy(sa->authkey, ak, sizeof(sa->authkey));
	err = nfsec_sa_new_tfm(sa);
	if (err)
		NL_SET_ERR_MSG_ATTR(extack, alg,
				    "the kernel crypto API refused the algorithm or key");
	return err;
}

static int nfsec_sa_parse_map(struct nfsec_sa *sa, struct nlattr **tb,
			      const struct nlattr *nest,
			      struct netlink_ext_ack *extack)
{
	if (!tb[NFSEC_SA_A_MAP]) {
		if (tb[NFSEC_SA_A_MAP_SEQ]) {
			NL_SET_ERR_MSG_ATTR(extack, tb[NFSEC_SA_A_MAP_SEQ],
					    "NFSEC_SA_A_MAP_SEQ without NFSEC_SA_A_MAP");
			return -EINVAL;
		}
		return 0;
	}
	if (!nla_len(tb[NFSEC_SA_A_MAP]) ||
	    !nla_strscpy(sa->map, tb[NFSEC_SA_A_MAP], sizeof(sa->map))) {
		NL_SET_ERR_MSG_ATTR(extack, tb[NFSEC_SA_A_MAP],
				    "empty crypto map name");
		return -EINVAL;
	}
	if (NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_MAP_SEQ))
		return -EINVAL;
	sa->map_seq = nla_get_u32(tb[NFSEC_SA_A_MAP_SEQ]);
	return 0;
}

static int nfsec_sa_parse_replay(struct nfsec_sa *sa, struct nlattr **tb,
				 struct netlink_ext_ack *extack)
{
	sa->replay_window = NFSEC_REPLAY_DEFAULT;
	if (tb[NFSEC_SA_A_REPLAY_WINDOW])
		sa->replay_window = nla_get_u32(tb[NFSEC_SA_A_REPLAY_WINDOW]);
	if (sa->esn && !sa->replay_window) {
		NL_SET_ERR_MSG_ATTR(extack, tb[NFSEC_SA_A_REPLAY_WINDOW],
				    "ESN needs a replay window");
		return -EINVAL;
	}
	if (sa->dir != NFSEC_SA_DIR_IN)
		return 0;
	sa->replay = nfsec_replay_alloc(sa->replay_window, sa->esn,
					GFP_KERNEL_ACCOUNT);
	if (IS_ERR(sa->replay)) {
		int err = PTR_ERR(sa->replay);

		sa->replay = NULL;
		return err;
	}
	return 0;
}

/* Where an outbound SA's sequence numbers go on from (default 0). */
static int nfsec_sa_parse_seq(struct nfsec_sa *sa, struct nlattr **tb,
			      struct netlink_ext_ack *extack)
{
	const struct nlattr *a = tb[NFSEC_SA_A_SEQ];
	u64 seq;

	if (!a)
		return 0;
	seq = nla_get_u64(a);
	if (sa->dir != NFSEC_SA_DIR_OUT) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "a sequence number is set on outbound SAs only");
		return -EINVAL;
	}
	if (seq > nfsec_sa_seq_max(sa)) {
		NL_SET_ERR_MSG_ATTR(extack, a,
				    "a sequence number above 2^32-1 needs ESN");
		return -ERANGE;
	}
	atomic64_set(&sa->seq_out, seq);
	return 0;
}

static int nfsec_sa_parse_ids(struct nfsec_sa *sa, struct nlattr **tb,
			      const struct nlattr *nest,
			      struct netlink_ext_ack *extack)
{
	int err;

	err = nfsec_sa_key_parse(tb, nest, &sa->key, extack) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_SRC) ?:
	      NFSEC_REQUIRE(extack, nest, tb, NFSEC_SA_A_DIR);
	if (err)
		return err;
	err = nfsec_nla_addr(tb[NFSEC_SA_A_SRC], sa->key.family, &sa->saddr,
			     extack);
	if (err)
		return err;
	sa->dir = nla_get_u8(tb[NFSEC_SA_A_DIR]);
	if (tb[NFSEC_SA_A_MODE])
		sa->mode = nla_get_u8(tb[NFSEC_SA_A_MODE]);
	sa->esn = nla_get_flag(tb[NFSEC_SA_A_ESN]);
	return nfsec_sa_parse_seq(sa, tb, extack);
}

static int nfsec_sa_parse_limits(struct nfsec_sa *sa, struct nlattr **tb,
				 struct netlink_ext_ack *extack)
{
	const char *msg;
	int err;

	if (tb[NFSEC_SA_A_SELECTOR]) {
		err = nfsec_nla_selector(tb[NFSEC_SA_A_SELECTOR], &sa->sel,
					 extack);
		if (err)
			return err;
		sa->has_sel = true;
	}
	nfsec_nla_lifetime(tb[NFSEC_SA_A_LIFETIME], &sa->life);
	msg = nfsec_lifetime_check(&sa->life);
	if (msg) {
		nfsec_set_err(extack, tb[NFSEC_SA_A_LIFETIME], msg);
		return -EINVAL;
	}
	return 0;
}

/*
 * The request's key bytes, wiped whether the SA was taken or refused, and
 * found by walking the nest itself: a request refused for a malformed
 * attribute never got a parsed table.  (The SA's own copy is wiped when
 * it is freed.)
 */
static void nfsec_sa_wipe_keys(struct nlattr *nest)
{
	struct nlattr *a;
	int rem;

	if (!nest)
		return;
	nla_for_each_nested(a, nest, rem)
		if (nla_type(a) == NFSEC_SA_A_ENC_KEY ||
		    nla_type(a) == NFSEC_SA_A_AUTH_KEY)
			memzero_explicit(nla_data(a), nla_len(a));
}

static int nfsec_sa_parse(struct nfsec_sa *sa, struct genl_info *info)
{
	struct nlattr *tb[NFSEC_SA_A_MAX + 1];
	struct nlattr *nest = info->attrs[NFSEC_A_SA];
	int err;

	err = nfsec_genl_sa_attrs(info, tb) ?:
	      nfsec_sa_parse_ids(sa, tb, nest, info->extack) ?:
	      nfsec_sa_parse_map(sa, tb, nest, info->extack) ?:
	      nfsec_sa_parse_limits(sa, tb, info->extack) ?:
	      nfsec_sa_parse_replay(sa, tb, info->extack) ?:
	      nfsec_sa_parse_crypto(sa, tb, nest, info->extack);
	nfsec_sa_wipe_keys(nest);
	return err;
}

int nfsec_genl_new_sa(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct nfsec_sa *sa, *old;
	int err;

	sa = nfsec_sa_alloc(nn);
	if (IS_ERR(sa))
		return PTR_ERR(sa);
	err = nfsec_sa_parse(sa, info);
	if (err)
		goto err_free;

	mutex_lock(&nn->lock);
	old = nfsec_sad_find(nn, &sa->key);
	if (old && old->larval) {
		nfsec_sad_remove(nn, old);	/* ALLOC_SPI's reservation */
	} else if (old) {
		mutex_unlock(&nn->lock);
		NL_SET_ERR_MSG(info->extack,
			       "an SA with this SPI, destination and protocol exists");
		err = -EEXIST;
		goto err_free;
	}
	err = nfsec_sa_add(nn, sa, info->extack);	/* frees sa on error */
	mutex_unlock(&nn->lock);
	return err;

err_free:
	nfsec_sa_free_unhashed(sa);
	return err;
}

/* The SA named by the request, under nn->lock, or NULL with extack set. */
static struct nfsec_sa *nfsec_genl_find_sa(struct nfsec_net *nn,
					   const struct nfsec_sa_key *key,
					   struct genl_info *info)
{
	struct nfsec_sa *sa = nfsec_sad_find(nn, key);

	if (!sa || sa->larval) {
		NL_SET_ERR_MSG(info->extack, "no such SA");
		return NULL;
	}
	return sa;
}

int nfsec_genl_update_sa(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct nlattr *tb[NFSEC_SA_A_MAX + 1];
	struct nfsec_lifetime life;
	struct nfsec_sa_key key;
	struct nfsec_sa *sa;
	const char *msg;
	int err;

	err = nfsec_genl_sa_attrs(info, tb) ?:
	      nfsec_sa_key_parse(tb, info->attrs[NFSEC_A_SA], &key,
				 info->extack) ?:
	      NFSEC_REQUIRE(info->extack, info->attrs[NFSEC_A_SA], tb,
			    NFSEC_SA_A_LIFETIME);
	if (err)
		return err;
	nfsec_nla_lifetime(tb[NFSEC_SA_A_LIFETIME], &life);
	msg = nfsec_lifetime_check(&life);
	if (msg) {
		nfsec_set_err(info->extack, tb[NFSEC_SA_A_LIFETIME], msg);
		return -EINVAL;
	}
	mutex_lock(&nn->lock);
	sa = nfsec_genl_find_sa(nn, &key, info);
	if (sa) {
		sa->life = life;
		sa->soft_fired = 0;
	}
	mutex_unlock(&nn->lock);
	return sa ? 0 : -ENOENT;
}

int nfsec_genl_del_sa(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct nfsec_sa_key key;
	struct nfsec_sa *sa;
	int err;

	err = nfsec_genl_sa_key(info, &key);
	if (err)
		return err;
	mutex_lock(&nn->lock);
	sa = nfsec_genl_find_sa(nn, &key, info);
	if (sa)
		nfsec_sa_delete(nn, sa);
	mutex_unlock(&nn->lock);
	return sa ? 0 : -ENOENT;
}

static int nfsec_sa_fill_stats(struct sk_buff *msg, struct nfsec_sa *sa)
{
	static const u8 attr[NFSEC_SA_COUNTERS] = {
		[NFSEC_SA_PACKETS] = NFSEC_SA_STATS_A_PACKETS,
		[NFSEC_SA_BYTES] = NFSEC_SA_STATS_A_BYTES,
		[NFSEC_SA_CRYPTO] = NFSEC_SA_STATS_A_CRYPTO,
		[NFSEC_SA_DIGEST] = NFSEC_SA_STATS_A_DIGEST,
		[NFSEC_SA_ERRORS] = NFSEC_SA_STATS_A_ERRORS,
		[NFSEC_SA_REPLAY] = NFSEC_SA_STATS_A_REPLAY,
		[NFSEC_SA_AUTH_FAIL] = NFSEC_SA_STATS_A_AUTH_FAIL,
	};
	u64 c[NFSEC_SA_COUNTERS];
	struct nlattr *nest;
	int i;

	nfsec_sa_counters(sa, c);
	nest = nla_nest_start(msg, NFSEC_SA_A_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < NFSEC_SA_COUNTERS; i++)
		if (nla_put_u64_64bit(msg, attr[i], c[i], NFSEC_SA_STATS_A_PAD))
			goto err;
	if (nla_put_u32(msg, NFSEC_SA_STATS_A_PMTU, READ_ONCE(sa->pmtu)))
		goto err;
	nla_nest_end(msg, nest);
	return 0;
err:
	nla_nest_cancel(msg, nest);
	return -EMSGSIZE;
}

static u64 nfsec_sa_seq(const struct nfsec_sa *sa)
{
	if (sa->dir == NFSEC_SA_DIR_OUT)
		return atomic64_read(&sa->seq_out);
	return sa->replay ? READ_ONCE(sa->replay->top) : 0;
}

static int nfsec_sa_fill_keys(struct sk_buff *msg, const struct nfsec_sa *sa)
{
	if (sa->enckeylen &&
	    nla_put(msg, NFSEC_SA_A_ENC_KEY, sa->enckeylen, sa->enckey))
		return -EMSGSIZE;
	if (sa->authkeylen &&
	    nla_put(msg, NFSEC_SA_A_AUTH_KEY, sa->authkeylen, sa->authkey))
		return -EMSGSIZE;
	return 0;
}

static int nfsec_sa_fill_ids(struct sk_buff *msg, const struct nfsec_sa *sa)
{
	const struct nfsec_sa_key *k = &sa->key;

	if (nla_put_u32(msg, NFSEC_SA_A_SPI, k->spi) ||
	    nla_put_u8(msg, NFSEC_SA_A_PROTO, k->proto) ||
	    nla_put_u8(msg, NFSEC_SA_A_FAMILY, k->family) ||
	    nfsec_nla_put_addr(msg, NFSEC_SA_A_SRC, k->family, &sa->saddr) ||
	    nfsec_nla_put_addr(msg, NFSEC_SA_A_DST, k->family, &k->daddr) ||
	    nla_put_u8(msg, NFSEC_SA_A_DIR, sa->dir) ||
	    nla_put_u8(msg, NFSEC_SA_A_MODE, sa->mode) ||
	    nla_put_u32(msg, NFSEC_SA_A_CONN_ID, sa->conn_id))
		return -EMSGSIZE;
	if (sa->map[0] && (nla_put_string(msg, NFSEC_SA_A_MAP, sa->map) ||
			   nla_put_u32(msg, NFSEC_SA_A_MAP_SEQ, sa->map_seq)))
		return -EMSGSIZE;
	return 0;
}

static int nfsec_sa_fill_state(struct sk_buff *msg, struct nfsec_sa *sa)
{
	time64_t age = ktime_get_boottime_seconds() - sa->add_time;

	if (nla_put_u8(msg, NFSEC_SA_A_ENC_ALG, sa->algs.enc) ||
	    nla_put_u8(msg, NFSEC_SA_A_AUTH_ALG, sa->algs.auth) ||
	    (sa->esn && nla_put_flag(msg, NFSEC_SA_A_ESN)) ||
	    nla_put_u32(msg, NFSEC_SA_A_REPLAY_WINDOW, sa->replay_window) ||
	    nla_put_u64_64bit(msg, NFSEC_SA_A_SEQ, nfsec_sa_seq(sa),
			      NFSEC_SA_A_PAD) ||
	    nla_put_u64_64bit(msg, NFSEC_SA_A_ADD_TIME, age, NFSEC_SA_A_PAD))
		return -EMSGSIZE;
	if (sa->has_sel &&
	    nfsec_selector_fill(msg, NFSEC_SA_A_SELECTOR, &sa->sel))
		return -EMSGSIZE;
	if (nfsec_nla_put_lifetime(msg, NFSEC_SA_A_LIFETIME, &sa->life))
		return -EMSGSIZE;
	return nfsec_sa_fill_stats(msg, sa);
}

int nfsec_sa_fill(struct sk_buff *msg, struct nfsec_sa *sa, bool keys)
{
	struct nlattr *nest = nla_nest_start(msg, NFSEC_A_SA);
	int err;

	if (!nest)
		return -EMSGSIZE;
	err = nfsec_sa_fill_ids(msg, sa) ?: nfsec_sa_fill_state(msg, sa);
	if (!err && keys)
		err = nfsec_sa_fill_keys(msg, sa);
	if (err) {
		nla_nest_cancel(msg, nest);
		return err;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static bool nfsec_genl_with_keys(struct nlattr **attrs)
{
	return attrs[NFSEC_A_WITH_KEYS];
}

int nfsec_genl_get_sa(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct nfsec_sa_key key;
	struct sk_buff *msg;
	struct nfsec_sa *sa;
	void *hdr;
	int err;

	err = nfsec_genl_sa_key(info, &key);
	if (err)
		return err;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = nfsec_genl_put(msg, info, NFSEC_CMD_GET_SA);
	mutex_lock(&nn->lock);
	sa = nfsec_genl_find_sa(nn, &key, info);
	err = !hdr ? -EMSGSIZE : !sa ? -ENOENT :
	      nfsec_sa_fill(msg, sa, nfsec_genl_with_keys(info->attrs));
	mutex_unlock(&nn->lock);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

static int nfsec_dump_one_sa(struct sk_buff *skb, struct netlink_callback *cb,
			     struct nfsec_sa *sa, bool keys)
{
	void *hdr;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &nfsec_genl_family, NLM_F_MULTI, NFSEC_CMD_GET_SA);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (nfsec_sa_fill(skb, sa, keys)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/* cb->args[0]: the next conn_id to send; cb->seq: the SAD's generation. */
int nfsec_genl_dump_sa(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nfsec_net *nn = nfsec_net(sock_net(skb->sk));
	bool keys = nfsec_genl_with_keys(nfsec_dump_attrs(cb));
	unsigned long id = cb->args[0];
	struct nfsec_sa *sa;

	mutex_lock(&nn->lock);
	cb->seq = nn->sad.genid;
	for (; (sa = nfsec_sad_get_by_id(nn, &id)); id++) {
		if (sa->larval)
			continue;
		if (nfsec_dump_one_sa(skb, cb, sa, keys))
			break;
	}
	mutex_unlock(&nn->lock);
	cb->args[0] = id;
	return skb->len;
}

static u32 nfsec_spi_pick(u32 lo, u32 hi)
{
	return lo + get_random_u32_below(hi - lo + 1);
}

/* A free SPI in [lo, hi]: random tries, then a linear probe. */
static int nfsec_spi_find(struct nfsec_net *nn, struct nfsec_sa_key *key,
			  u32 lo, u32 hi)
{
	u64 n;
	int i;

	if (hi - lo < U32_MAX)
		for (i = 0; i < 16; i++) {
			key->spi = nfsec_spi_pick(lo, hi);
			if (!nfsec_sad_find(nn, key))
				return 0;
		}
	for (n = lo; n <= hi; n++) {
		key->spi = n;
		if (!nfsec_sad_find(nn, key))
			return 0;
		cond_resched();
	}
	return -ENOSPC;
}

static int nfsec_genl_spi_range(struct genl_info *info, u32 *lo, u32 *hi)
{
	*lo = info->attrs[NFSEC_A_SPI_MIN] ?
	      nla_get_u32(info->attrs[NFSEC_A_SPI_MIN]) : 256;
	*hi = info->attrs[NFSEC_A_SPI_MAX] ?
	      nla_get_u32(info->attrs[NFSEC_A_SPI_MAX]) : U32_MAX;
	/* SPIs 1-255 are reserved (RFC 4303 2.1): clamp, then check. */
	*lo = max_t(u32, *lo, 256);
	if (*lo <= *hi)
		return 0;
	NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[NFSEC_A_SPI_MAX],
			    "SPI range is empty once the reserved SPIs 0-255 are left out");
	return -EINVAL;
}

static int nfsec_genl_larval(struct nfsec_net *nn, struct genl_info *info,
			     struct nfsec_sa *sa)
{
	struct nlattr *tb[NFSEC_SA_A_MAX + 1];
	struct nlattr *nest = info->attrs[NFSEC_A_SA];
	int err;

	err = nfsec_genl_sa_attrs(info, tb);
	if (err)
		return err;
	tb[NFSEC_SA_A_SPI] = NULL;	/* we pick it */
	if (!tb[NFSEC_SA_A_PROTO] || !tb[NFSEC_SA_A_FAMILY] ||
	    !tb[NFSEC_SA_A_DST]) {
		NL_SET_ERR_MSG_ATTR(info->extack, nest,
				    "needs NFSEC_SA_A_PROTO, _FAMILY and _DST");
		return -EINVAL;
	}
	sa->key.proto = nla_get_u8(tb[NFSEC_SA_A_PROTO]);
	err = nfsec_nla_family(tb[NFSEC_SA_A_FAMILY], &sa->key.family,
			       info->extack) ?:
	      nfsec_nla_addr(tb[NFSEC_SA_A_DST], sa->key.family,
			     &sa->key.daddr, info->extack);
	if (err)
		return err;
	if (tb[NFSEC_SA_A_SRC])
		err = nfsec_nla_addr(tb[NFSEC_SA_A_SRC], sa->key.family,
				     &sa->saddr, info->extack);
	sa->larval = true;
	sa->dir = NFSEC_SA_DIR_IN;
	sa->life.hard_seconds = NFSEC_LARVAL_SECONDS;
	return err;
}

static int nfsec_genl_spi_reply(struct genl_info *info, struct nfsec_sa *sa)
{
	struct sk_buff *msg;
	struct nlattr *nest;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = nfsec_genl_put(msg, info, NFSEC_CMD_ALLOC_SPI);
	nest = hdr ? nla_nest_start(msg, NFSEC_A_SA) : NULL;
	if (!nest || nla_put_u32(msg, NFSEC_SA_A_SPI, sa->key.spi) ||
	    nla_put_u8(msg, NFSEC_SA_A_PROTO, sa->key.proto) ||
	    nla_put_u8(msg, NFSEC_SA_A_FAMILY, sa->key.family) ||
	    nfsec_nla_put_addr(msg, NFSEC_SA_A_DST, sa->key.family,
			       &sa->key.daddr)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);
}

int nfsec_genl_alloc_spi(struct sk_buff *skb, struct genl_info *info)
{
	struct nfsec_net *nn = nfsec_net(genl_info_net(info));
	struct nfsec_sa *sa;
	u32 lo, hi;
	int err;

	err = nfsec_genl_spi_range(info, &lo, &hi);
	if (err)
		return err;
	sa = nfsec_sa_alloc(nn);
	if (IS_ERR(sa))
		return PTR_ERR(sa);
	err = nfsec_genl_larval(nn, info, sa);
	if (err) {
		nfsec_sa_free_unhashed(sa);
		return err;
	}
	mutex_lock(&nn->lock);
	err = nfsec_spi_find(nn, &sa->key, lo, hi);
	if (err) {
		NL_SET_ERR_MSG(info->extack, "no free SPI in the range");
		nfsec_sa_free_unhashed(sa);
	} else {
		err = nfsec_sad_insert(nn, sa, info->extack); /* frees on error */
	}
	if (!err)
		err = nfsec_genl_spi_reply(info, sa);
	mutex_unlock(&nn->lock);
	return err;
}
