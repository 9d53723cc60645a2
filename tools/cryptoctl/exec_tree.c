// SPDX-License-Identifier: GPL-2.0
/*
 * The exec command tree: every command cryptoctl takes, IOS's show, clear
 * and debug commands and nfsec's own sa, policy and map commands.  Lists
 * are built from the leaves up; a node's help is what "?" prints for it.
 */
#include "exec.h"

/* clang-format off */
#define END { .word = NULL }
#define OPT (CMD_OPTION)

/* The kinds of node, one line each (cmdtree.h). */
#define KW(w, h) { .word = (w), .help = (h) }
#define KN(w, h, n) { .word = (w), .help = (h), .next = (n) }
/* an option of a set given in any order: a flag, or with its value(s) */
#define FLAG(w, h) { .word = (w), .help = (h), .flags = OPT }
#define OPTION(w, h, n) { .word = (w), .help = (h), .next = (n), .flags = OPT }
/* a command: no more words; options that may all be left out; arguments */
#define RUN(w, h, fn) { .word = (w), .help = (h), .action = CTL_RUN(fn) }
#define RUN_OPTS(w, h, n, fn) \
	{ .word = (w), .help = (h), .next = (n), .action = CTL_RUN(fn), \
	  .flags = CMD_END }
#define RUN_ARGS(w, h, n, fn) \
	{ .word = (w), .help = (h), .next = (n), .action = CTL_RUN(fn) }
#define ARG(w, h, t) { .word = (w), .help = (h), .type = (t) }
#define ARGN(w, h, t, n) { .word = (w), .help = (h), .type = (t), .next = (n) }
/* clang-format on */

/* Arguments. */
static const struct cmd_node arg_addr[] = {
	ARG("A.B.C.D|X:X::X", "an IPv4 or IPv6 address", CMD_ADDR),
	END,
};

static const struct cmd_node arg_number[] = {
	ARG("<0-4294967295>", "a number (0x for hex)", CMD_NUMBER),
	END,
};

static const struct cmd_node arg_count[] = {
	ARG("<0-18446744073709551615>", "a number (0x for hex)", CMD_NUMBER),
	END,
};

static const struct cmd_node arg_map[] = {
	ARG("WORD", "crypto map name", CMD_WORD),
	END,
};

static const struct cmd_node arg_ifname[] = {
	ARG("WORD", "interface name", CMD_WORD),
	END,
};

static const struct cmd_node arg_prefix[] = {
	ARG("ADDR[/LEN|/MASK]|any", "addresses", CMD_WORD),
	END,
};

static const struct cmd_node arg_proto[] = {
	ARG("PROTO", "an IP protocol: name, number or any", CMD_WORD),
	END,
};

static const struct cmd_node arg_ports[] = {
	ARG("PORT[-PORT]", "a port or a range", CMD_WORD),
	END,
};

static const struct cmd_node arg_alg[] = {
	ARG("ALG", "an algorithm, as in a transform set", CMD_WORD),
	END,
};

static const struct cmd_node arg_key[] = {
	ARG("HEX", "key bytes in hex (0x optional)", CMD_WORD),
	END,
};

static const struct cmd_node val_ipsec_proto[] = {
	KW("esp", "Encapsulating Security Payload"),
	KW("ah", "Authentication Header"),
	END,
};

static const struct cmd_node val_mode[] = {
	KW("tunnel", "tunnel mode"),
	KW("transport", "transport mode"),
	END,
};

static const struct cmd_node val_dir[] = {
	KW("in", "inbound"),
	KW("out", "outbound"),
	END,
};

static const struct cmd_node val_transform[] = {
	KW("esp", "ESP"),
	KW("ah", "AH"),
	KW("ah-esp", "AH and ESP"),
	END,
};

static const struct cmd_node val_action[] = {
	KW("protect", "protect with the entry's SAs"),
	KW("permit", "protect (IOS's word)"),
	KW("bypass", "pass in the clear"),
	KW("discard", "drop"),
	KW("next", "leave to the map's next entry"),
	KW("deny", "leave to the map's next entry (IOS's word)"),
	END,
};

/* sa add|del|get|list */
#define SA_ID_OPTS                                                \
	OPTION("spi", "the SPI", arg_number),                     \
		{ .word = "proto",                                \
		  .help = "the IPsec protocol (esp)",             \
		  .next = val_ipsec_proto,                        \
		  .flags = OPT },                                 \
	{                                                         \
		.word = "dst", .help = "the destination address", \
		.next = arg_addr, .flags = OPT                    \
	}

static const struct cmd_node sa_add_opts[] = {
	SA_ID_OPTS,
	OPTION("src", "the source address", arg_addr),
	OPTION("dir", "the direction", val_dir),
	OPTION("mode", "the mode (tunnel)", val_mode),
	OPTION("enc", "the cipher", arg_alg),
	OPTION("auth", "the integrity algorithm", arg_alg),
	OPTION("key", "the cipher's key", arg_key),
	OPTION("authkey", "the integrity key", arg_key),
	FLAG("esn", "extended sequence numbers"),
	OPTION("replay-window", "the replay window (packets)", arg_number),
	OPTION("map", "the crypto map the SA belongs to", arg_map),
	OPTION("seq", "the map entry's sequence number", arg_number),
	OPTION("start-seq", "the first sequence number", arg_count),
	OPTION("sel-src", "the selector's source", arg_prefix),
	OPTION("sel-dst", "the selector's destination", arg_prefix),
	OPTION("sel-proto", "the selector's protocol", arg_proto),
	OPTION("sel-sport", "the selector's source ports", arg_ports),
	OPTION("sel-dport", "the selector's destination ports", arg_ports),
	OPTION("soft-bytes", "soft lifetime (bytes)", arg_count),
	OPTION("hard-bytes", "hard lifetime (bytes)", arg_count),
	OPTION("soft-packets", "soft lifetime (packets)", arg_count),
	OPTION("hard-packets", "hard lifetime (packets)", arg_count),
	OPTION("soft-seconds", "soft lifetime (seconds)", arg_count),
	OPTION("hard-seconds", "hard lifetime (seconds)", arg_count),
	END,
};

static const struct cmd_node sa_del_opts[] = {
	SA_ID_OPTS,
	END,
};

static const struct cmd_node sa_get_opts[] = {
	SA_ID_OPTS,
	FLAG("keys", "with the keys"),
	END,
};

static const struct cmd_node sa_list_opts[] = {
	FLAG("keys", "with the keys"),
	END,
};

static const struct cmd_node sa_cmds[] = {
	RUN_OPTS("add", "add an SA with static keys", sa_add_opts, ctl_sa_add),
	RUN_OPTS("del", "delete an SA", sa_del_opts, ctl_sa_del),
	RUN_OPTS("get", "show one SA", sa_get_opts, ctl_sa_get),
	RUN_OPTS("list", "list all SAs", sa_list_opts, ctl_sa_list),
	END,
};

/* policy add|del|list */
static const struct cmd_node policy_add_opts[] = {
	OPTION("map", "the crypto map", arg_map),
	OPTION("seq", "the entry's sequence number", arg_number),
	OPTION("peer", "the peer's address", arg_addr),
	OPTION("local", "the local address", arg_addr),
	OPTION("mode", "the mode (tunnel)", val_mode),
	OPTION("transform", "the protocols (esp)", val_transform),
	OPTION("replay-window", "the replay window (packets)", arg_number),
	OPTION("pfs", "the PFS group", arg_number),
	OPTION("rule", "a rule: its action, then its selector", val_action),
	OPTION("src", "the rule's source", arg_prefix),
	OPTION("dst", "the rule's destination", arg_prefix),
	OPTION("proto", "the rule's protocol", arg_proto),
	OPTION("sport", "the rule's source ports", arg_ports),
	OPTION("dport", "the rule's destination ports", arg_ports),
	END,
};

static const struct cmd_node policy_id_opts[] = {
	OPTION("map", "the crypto map", arg_map),
	OPTION("seq", "the entry's sequence number", arg_number),
	END,
};

static const struct cmd_node policy_list_opts[] = {
	OPTION("map", "this crypto map's entries only", arg_map),
	END,
};

static const struct cmd_node policy_cmds[] = {
	RUN_OPTS("add", "add or replace a crypto map entry", policy_add_opts,
		 ctl_policy_add),
	RUN_OPTS("del", "delete a crypto map entry", policy_id_opts,
		 ctl_policy_del),
	RUN_OPTS("list", "list crypto map entries", policy_list_opts,
		 ctl_policy_list),
	END,
};

/* map bind MAP DEV [replace] | unbind DEV | list */
static const struct cmd_node map_bind_replace[] = {
	KW("replace", "take DEV from the map it has, in one step"),
	END,
};

static const struct cmd_node map_bind_dev[] = {
	{ .word = "DEV",
	  .help = "the interface",
	  .next = map_bind_replace,
	  .type = CMD_WORD,
	  .flags = CMD_END },
	END,
};

static const struct cmd_node map_bind_map[] = {
	ARGN("MAP", "the crypto map", CMD_WORD, map_bind_dev),
	END,
};

static const struct cmd_node map_unbind_dev[] = {
	ARG("DEV", "the interface", CMD_WORD),
	END,
};

static const struct cmd_node map_cmds[] = {
	RUN_ARGS("bind", "apply a crypto map to an interface", map_bind_map,
		 ctl_map_bind),
	RUN_ARGS("unbind", "remove an interface's crypto map", map_unbind_dev,
		 ctl_map_unbind),
	RUN("list", "list interfaces with crypto maps", ctl_map_list),
	END,
};

/* show crypto ... */
static const struct cmd_node show_ipsec_sa_keys[] = {
	KW("--wireshark", "in Wireshark's esp_sa format"),
	END,
};

static const struct cmd_node show_ipsec_sa_opts[] = {
	OPTION("peer", "SAs with this peer", arg_addr),
	OPTION("map", "SAs of this crypto map", arg_map),
	OPTION("interface", "SAs of this interface's map", arg_ifname),
	FLAG("detail", "with the drop counters"),
	FLAG("address", "by destination address and protocol"),
	OPTION("keys", "the SAs' keys, for a capture tool", show_ipsec_sa_keys),
	END,
};

static const struct cmd_node show_tset_name[] = {
	ARG("WORD", "this transform set only", CMD_WORD),
	END,
};

static const struct cmd_node show_ipsec[] = {
	RUN_OPTS("sa", "IPsec security associations", show_ipsec_sa_opts,
		 ctl_show_ipsec_sa),
	RUN("session-key", "the SAs' lifetime", ctl_show_ipsec_session_key),
	RUN_OPTS("transform-proposal", "the transform sets", show_tset_name,
		 ctl_show_ipsec_transform_proposal),
	END,
};

static const struct cmd_node show_isakmp[] = {
	RUN("sa", "ISAKMP security associations", ctl_show_isakmp_sa),
	RUN("policy", "ISAKMP protection suites", ctl_show_isakmp_policy),
	END,
};

static const struct cmd_node show_engine_conn[] = {
	RUN("active", "the SAs in the engine", ctl_show_engine_active),
	RUN("dropped-packet", "packets dropped, by reason",
	    ctl_show_engine_dropped),
	END,
};

static const struct cmd_node show_engine[] = {
	KN("connections", "the engine's connections", show_engine_conn),
	RUN("configuration", "the engine and its algorithms' drivers",
	    ctl_show_engine_configuration),
	END,
};

static const struct cmd_node show_map_tag[] = {
	KN("tag", "this crypto map only", arg_map),
	KN("interface", "the crypto map of this interface", arg_ifname),
	END,
};

static const struct cmd_node show_crypto[] = {
	KN("ipsec", "IPsec", show_ipsec),
	KN("isakmp", "ISAKMP", show_isakmp),
	KN("engine", "the crypto engine", show_engine),
	RUN("session", "each peer's session: IKE, flows, SAs",
	    ctl_show_crypto_session),
	RUN_OPTS("map", "crypto maps", show_map_tag, ctl_show_map),
	END,
};

/* clear crypto ... */
static const struct cmd_node clear_spi_number[] = {
	ARG("<0-4294967295>", "the SPI", CMD_NUMBER),
	END,
};

static const struct cmd_node clear_spi_proto[] = {
	KN("esp", "ESP", clear_spi_number),
	KN("ah", "AH", clear_spi_number),
	END,
};

static const struct cmd_node clear_spi_addr[] = {
	ARGN("A.B.C.D|X:X::X", "the SA's destination", CMD_ADDR,
	     clear_spi_proto),
	END,
};

static const struct cmd_node clear_sa_what[] = {
	KN("peer", "the SAs with this peer", arg_addr),
	KN("spi", "one SA", clear_spi_addr),
	KN("map", "the SAs of this crypto map", arg_map),
	KW("counters", "the SAs' counters, not the SAs"),
	END,
};

static const struct cmd_node clear_isakmp_id[] = {
	ARG("<1-4294967295>", "this connection id only", CMD_NUMBER),
	END,
};

static const struct cmd_node clear_crypto[] = {
	RUN_OPTS("sa", "IPsec SAs (all of them)", clear_sa_what, ctl_clear_sa),
	RUN_OPTS("isakmp", "ISAKMP SAs (all of them)", clear_isakmp_id,
		 ctl_clear_isakmp),
	END,
};

/* debug crypto ..., undebug all */
static const struct cmd_node debug_crypto[] = {
	RUN("isakmp", "cryptod's ISAKMP debug lines, until ^C",
	    ctl_debug_isakmp),
	RUN("ipsec", "cryptod's IPsec debug lines, until ^C", ctl_debug_ipsec),
	END,
};

static const struct cmd_node show_top[] = {
	KN("crypto", "encryption", show_crypto),
	END,
};

static const struct cmd_node clear_top[] = {
	KN("crypto", "encryption", clear_crypto),
	END,
};

static const struct cmd_node debug_top[] = {
	KN("crypto", "encryption", debug_crypto),
	END,
};

static const struct cmd_node undebug_top[] = {
	RUN("all", "end every debug stream", ctl_undebug_all),
	END,
};

static const struct cmd_node monitor_opts[] = {
	OPTION("count", "stop after this many events", arg_count),
	END,
};

static int ctl_cmd_help(struct ctl *ctl, int argc, char **argv)
{
	(void)ctl;
	(void)argc;
	(void)argv;
	ctl_exec_usage(stdout);
	return 0;
}

static const struct cmd_node top[] = {
	RUN("version", "the tools' and the loaded module's versions",
	    ctl_cmd_version),
	RUN("status", "nfsec's state in this network namespace",
	    ctl_cmd_status),
	KN("sa", "SAs: add, del, get, list", sa_cmds),
	KN("policy", "crypto map entries: add, del, list", policy_cmds),
	KN("map", "crypto maps on interfaces: bind, unbind, list", map_cmds),
	KN("show", "show crypto ...: the IOS views", show_top),
	KN("clear", "clear crypto sa|isakmp", clear_top),
	KN("debug", "debug crypto isakmp|ipsec", debug_top),
	KN("undebug", "undebug all", undebug_top),
	RUN_OPTS("monitor", "print ACQUIRE, EXPIRE and SA deletion events",
		 monitor_opts, ctl_cmd_monitor),
	RUN("flush", "delete every SA, crypto map entry and binding",
	    ctl_cmd_flush),
	RUN("help", "the commands", ctl_cmd_help),
	END,
};

const struct cmd_node ctl_exec_root = KN("cryptoctl", "", top);
