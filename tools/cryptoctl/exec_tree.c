// SPDX-License-Identifier: GPL-2.0
/*
 * The exec command tree: every command cryptoctl takes, IOS's show, clear
 * and debug commands and nfsec's own sa, policy and map commands.  Lists
 * are built from the leaves up; a node's help is what "?" prints for it.
 */
#include "exec.h"

#define END                  \
	{                    \
		.word = NULL \
	}
#define OPT (CMD_OPTION)

/* Arguments. */
static const struct cmd_node arg_addr[] = {
	{ .word = "A.B.C.D|X:X::X",
	  .help = "an IPv4 or IPv6 address",
	  .type = CMD_ADDR },
	END,
};

static const struct cmd_node arg_number[] = {
	{ .word = "<0-4294967295>",
	  .help = "a number (0x for hex)",
	  .type = CMD_NUMBER },
	END,
};

static const struct cmd_node arg_count[] = {
	{ .word = "<0-18446744073709551615>",
	  .help = "a number (0x for hex)",
	  .type = CMD_NUMBER },
	END,
};

static const struct cmd_node arg_map[] = {
	{ .word = "WORD", .help = "crypto map name", .type = CMD_WORD },
	END,
};

static const struct cmd_node arg_ifname[] = {
	{ .word = "WORD", .help = "interface name", .type = CMD_WORD },
	END,
};

static const struct cmd_node arg_prefix[] = {
	{ .word = "ADDR[/LEN|/MASK]|any",
	  .help = "addresses",
	  .type = CMD_WORD },
	END,
};

static const struct cmd_node arg_proto[] = {
	{ .word = "PROTO",
	  .help = "an IP protocol: name, number or any",
	  .type = CMD_WORD },
	END,
};

static const struct cmd_node arg_ports[] = {
	{ .word = "PORT[-PORT]", .help = "a port or a range", .type = CMD_WORD },
	END,
};

static const struct cmd_node arg_alg[] = {
	{ .word = "ALG",
	  .help = "an algorithm, as in a transform set",
	  .type = CMD_WORD },
	END,
};

static const struct cmd_node arg_key[] = {
	{ .word = "HEX",
	  .help = "key bytes in hex (0x optional)",
	  .type = CMD_WORD },
	END,
};

static const struct cmd_node val_ipsec_proto[] = {
	{ .word = "esp", .help = "Encapsulating Security Payload" },
	{ .word = "ah", .help = "Authentication Header" },
	END,
};

static const struct cmd_node val_mode[] = {
	{ .word = "tunnel", .help = "tunnel mode" },
	{ .word = "transport", .help = "transport mode" },
	END,
};

static const struct cmd_node val_dir[] = {
	{ .word = "in", .help = "inbound" },
	{ .word = "out", .help = "outbound" },
	END,
};

static const struct cmd_node val_transform[] = {
	{ .word = "esp", .help = "ESP" },
	{ .word = "ah", .help = "AH" },
	{ .word = "ah-esp", .help = "AH and ESP" },
	END,
};

static const struct cmd_node val_action[] = {
	{ .word = "protect", .help = "protect with the entry's SAs" },
	{ .word = "permit", .help = "protect (IOS's word)" },
	{ .word = "bypass", .help = "pass in the clear" },
	{ .word = "discard", .help = "drop" },
	{ .word = "next", .help = "leave to the map's next entry" },
	{ .word = "deny",
	  .help = "leave to the map's next entry (IOS's word)" },
	END,
};

/* sa add|del|get|list */
#define SA_ID_OPTS                                                              \
	{ .word = "spi", .help = "the SPI", .next = arg_number, .flags = OPT }, \
		{ .word = "proto",                                              \
		  .help = "the IPsec protocol (esp)",                           \
		  .next = val_ipsec_proto,                                      \
		  .flags = OPT },                                               \
	{                                                                       \
		.word = "dst", .help = "the destination address",               \
		.next = arg_addr, .flags = OPT                                  \
	}

static const struct cmd_node sa_add_opts[] = {
	SA_ID_OPTS,
	{ .word = "src",
	  .help = "the source address",
	  .next = arg_addr,
	  .flags = OPT },
	{ .word = "dir",
	  .help = "the direction",
	  .next = val_dir,
	  .flags = OPT },
	{ .word = "mode",
	  .help = "the mode (tunnel)",
	  .next = val_mode,
	  .flags = OPT },
	{ .word = "enc", .help = "the cipher", .next = arg_alg, .flags = OPT },
	{ .word = "auth",
	  .help = "the integrity algorithm",
	  .next = arg_alg,
	  .flags = OPT },
	{ .word = "key",
	  .help = "the cipher's key",
	  .next = arg_key,
	  .flags = OPT },
	{ .word = "authkey",
	  .help = "the integrity key",
	  .next = arg_key,
	  .flags = OPT },
	{ .word = "esn", .help = "extended sequence numbers", .flags = OPT },
	{ .word = "replay-window",
	  .help = "the replay window (packets)",
	  .next = arg_number,
	  .flags = OPT },
	{ .word = "map",
	  .help = "the crypto map the SA belongs to",
	  .next = arg_map,
	  .flags = OPT },
	{ .word = "seq",
	  .help = "the map entry's sequence number",
	  .next = arg_number,
	  .flags = OPT },
	{ .word = "start-seq",
	  .help = "the first sequence number",
	  .next = arg_count,
	  .flags = OPT },
	{ .word = "sel-src",
	  .help = "the selector's source",
	  .next = arg_prefix,
	  .flags = OPT },
	{ .word = "sel-dst",
	  .help = "the selector's destination",
	  .next = arg_prefix,
	  .flags = OPT },
	{ .word = "sel-proto",
	  .help = "the selector's protocol",
	  .next = arg_proto,
	  .flags = OPT },
	{ .word = "sel-sport",
	  .help = "the selector's source ports",
	  .next = arg_ports,
	  .flags = OPT },
	{ .word = "sel-dport",
	  .help = "the selector's destination ports",
	  .next = arg_ports,
	  .flags = OPT },
	{ .word = "soft-bytes",
	  .help = "soft lifetime (bytes)",
	  .next = arg_count,
	  .flags = OPT },
	{ .word = "hard-bytes",
	  .help = "hard lifetime (bytes)",
	  .next = arg_count,
	  .flags = OPT },
	{ .word = "soft-packets",
	  .help = "soft lifetime (packets)",
	  .next = arg_count,
	  .flags = OPT },
	{ .word = "hard-packets",
	  .help = "hard lifetime (packets)",
	  .next = arg_count,
	  .flags = OPT },
	{ .word = "soft-seconds",
	  .help = "soft lifetime (seconds)",
	  .next = arg_count,
	  .flags = OPT },
	{ .word = "hard-seconds",
	  .help = "hard lifetime (seconds)",
	  .next = arg_count,
	  .flags = OPT },
	END,
};

static const struct cmd_node sa_del_opts[] = {
	SA_ID_OPTS,
	END,
};

static const struct cmd_node sa_get_opts[] = {
	SA_ID_OPTS,
	{ .word = "keys", .help = "with the keys", .flags = OPT },
	END,
};

static const struct cmd_node sa_list_opts[] = {
	{ .word = "keys", .help = "with the keys", .flags = OPT },
	END,
};

static const struct cmd_node sa_cmds[] = {
	{ .word = "add",
	  .help = "add an SA with static keys",
	  .next = sa_add_opts,
	  .action = CTL_RUN(ctl_sa_add),
	  .flags = CMD_END },
	{ .word = "del",
	  .help = "delete an SA",
	  .next = sa_del_opts,
	  .action = CTL_RUN(ctl_sa_del),
	  .flags = CMD_END },
	{ .word = "get",
	  .help = "show one SA",
	  .next = sa_get_opts,
	  .action = CTL_RUN(ctl_sa_get),
	  .flags = CMD_END },
	{ .word = "list",
	  .help = "list all SAs",
	  .next = sa_list_opts,
	  .action = CTL_RUN(ctl_sa_list),
	  .flags = CMD_END },
	END,
};

/* policy add|del|list */
static const struct cmd_node policy_add_opts[] = {
	{ .word = "map",
	  .help = "the crypto map",
	  .next = arg_map,
	  .flags = OPT },
	{ .word = "seq",
	  .help = "the entry's sequence number",
	  .next = arg_number,
	  .flags = OPT },
	{ .word = "peer",
	  .help = "the peer's address",
	  .next = arg_addr,
	  .flags = OPT },
	{ .word = "local",
	  .help = "the local address",
	  .next = arg_addr,
	  .flags = OPT },
	{ .word = "mode",
	  .help = "the mode (tunnel)",
	  .next = val_mode,
	  .flags = OPT },
	{ .word = "transform",
	  .help = "the protocols (esp)",
	  .next = val_transform,
	  .flags = OPT },
	{ .word = "replay-window",
	  .help = "the replay window (packets)",
	  .next = arg_number,
	  .flags = OPT },
	{ .word = "pfs",
	  .help = "the PFS group",
	  .next = arg_number,
	  .flags = OPT },
	{ .word = "rule",
	  .help = "a rule: its action, then its selector",
	  .next = val_action,
	  .flags = OPT },
	{ .word = "src",
	  .help = "the rule's source",
	  .next = arg_prefix,
	  .flags = OPT },
	{ .word = "dst",
	  .help = "the rule's destination",
	  .next = arg_prefix,
	  .flags = OPT },
	{ .word = "proto",
	  .help = "the rule's protocol",
	  .next = arg_proto,
	  .flags = OPT },
	{ .word = "sport",
	  .help = "the rule's source ports",
	  .next = arg_ports,
	  .flags = OPT },
	{ .word = "dport",
	  .help = "the rule's destination ports",
	  .next = arg_ports,
	  .flags = OPT },
	END,
};

static const struct cmd_node policy_id_opts[] = {
	{ .word = "map",
	  .help = "the crypto map",
	  .next = arg_map,
	  .flags = OPT },
	{ .word = "seq",
	  .help = "the entry's sequence number",
	  .next = arg_number,
	  .flags = OPT },
	END,
};

static const struct cmd_node policy_list_opts[] = {
	{ .word = "map",
	  .help = "this crypto map's entries only",
	  .next = arg_map,
	  .flags = OPT },
	END,
};

static const struct cmd_node policy_cmds[] = {
	{ .word = "add",
	  .help = "add or replace a crypto map entry",
	  .next = policy_add_opts,
	  .action = CTL_RUN(ctl_policy_add),
	  .flags = CMD_END },
	{ .word = "del",
	  .help = "delete a crypto map entry",
	  .next = policy_id_opts,
	  .action = CTL_RUN(ctl_policy_del),
	  .flags = CMD_END },
	{ .word = "list",
	  .help = "list crypto map entries",
	  .next = policy_list_opts,
	  .action = CTL_RUN(ctl_policy_list),
	  .flags = CMD_END },
	END,
};

/* map bind MAP DEV [replace] | unbind DEV | list */
static const struct cmd_node map_bind_replace[] = {
	{ .word = "replace",
	  .help = "take DEV from the map it has, in one step" },
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
	{ .word = "MAP",
	  .help = "the crypto map",
	  .next = map_bind_dev,
	  .type = CMD_WORD },
	END,
};

static const struct cmd_node map_unbind_dev[] = {
	{ .word = "DEV", .help = "the interface", .type = CMD_WORD },
	END,
};

static const struct cmd_node map_cmds[] = {
	{ .word = "bind",
	  .help = "apply a crypto map to an interface",
	  .next = map_bind_map,
	  .action = CTL_RUN(ctl_map_bind) },
	{ .word = "unbind",
	  .help = "remove an interface's crypto map",
	  .next = map_unbind_dev,
	  .action = CTL_RUN(ctl_map_unbind) },
	{ .word = "list",
	  .help = "list interfaces with crypto maps",
	  .action = CTL_RUN(ctl_map_list) },
	END,
};

/* show crypto ... */
static const struct cmd_node show_ipsec_sa_keys[] = {
	{ .word = "--wireshark", .help = "in Wireshark's esp_sa format" },
	END,
};

static const struct cmd_node show_ipsec_sa_opts[] = {
	{ .word = "peer",
	  .help = "SAs with this peer",
	  .next = arg_addr,
	  .flags = OPT },
	{ .word = "map",
	  .help = "SAs of this crypto map",
	  .next = arg_map,
	  .flags = OPT },
	{ .word = "interface",
	  .help = "SAs of this interface's map",
	  .next = arg_ifname,
	  .flags = OPT },
	{ .word = "detail", .help = "with the drop counters", .flags = OPT },
	{ .word = "address",
	  .help = "by destination address and protocol",
	  .flags = OPT },
	{ .word = "keys",
	  .help = "the SAs' keys, for a capture tool",
	  .next = show_ipsec_sa_keys,
	  .flags = OPT },
	END,
};

static const struct cmd_node show_tset_name[] = {
	{ .word = "WORD", .help = "this transform set only", .type = CMD_WORD },
	END,
};

static const struct cmd_node show_ipsec[] = {
	{ .word = "sa",
	  .help = "IPsec security associations",
	  .next = show_ipsec_sa_opts,
	  .action = CTL_RUN(ctl_show_ipsec_sa),
	  .flags = CMD_END },
	{ .word = "session-key",
	  .help = "the SAs' lifetime",
	  .action = CTL_RUN(ctl_show_ipsec_session_key) },
	{ .word = "transform-proposal",
	  .help = "the transform sets",
	  .next = show_tset_name,
	  .action = CTL_RUN(ctl_show_ipsec_transform_proposal),
	  .flags = CMD_END },
	END,
};

static const struct cmd_node show_isakmp[] = {
	{ .word = "sa",
	  .help = "ISAKMP security associations",
	  .action = CTL_RUN(ctl_show_isakmp_sa) },
	{ .word = "policy",
	  .help = "ISAKMP protection suites",
	  .action = CTL_RUN(ctl_show_isakmp_policy) },
	END,
};

static const struct cmd_node show_engine_conn[] = {
	{ .word = "active",
	  .help = "the SAs in the engine",
	  .action = CTL_RUN(ctl_show_engine_active) },
	{ .word = "dropped-packet",
	  .help = "packets dropped, by reason",
	  .action = CTL_RUN(ctl_show_engine_dropped) },
	END,
};

static const struct cmd_node show_engine[] = {
	{ .word = "connections",
	  .help = "the engine's connections",
	  .next = show_engine_conn },
	{ .word = "configuration",
	  .help = "the engine and its algorithms' drivers",
	  .action = CTL_RUN(ctl_show_engine_configuration) },
	END,
};

static const struct cmd_node show_map_tag[] = {
	{ .word = "tag", .help = "this crypto map only", .next = arg_map },
	{ .word = "interface",
	  .help = "the crypto map of this interface",
	  .next = arg_ifname },
	END,
};

static const struct cmd_node show_crypto[] = {
	{ .word = "ipsec", .help = "IPsec", .next = show_ipsec },
	{ .word = "isakmp", .help = "ISAKMP", .next = show_isakmp },
	{ .word = "engine", .help = "the crypto engine", .next = show_engine },
	{ .word = "session",
	  .help = "each peer's session: IKE, flows, SAs",
	  .action = CTL_RUN(ctl_show_crypto_session) },
	{ .word = "map",
	  .help = "crypto maps",
	  .next = show_map_tag,
	  .action = CTL_RUN(ctl_show_map),
	  .flags = CMD_END },
	END,
};

/* clear crypto ... */
static const struct cmd_node clear_spi_number[] = {
	{ .word = "<0-4294967295>", .help = "the SPI", .type = CMD_NUMBER },
	END,
};

static const struct cmd_node clear_spi_proto[] = {
	{ .word = "esp", .help = "ESP", .next = clear_spi_number },
	{ .word = "ah", .help = "AH", .next = clear_spi_number },
	END,
};

static const struct cmd_node clear_spi_addr[] = {
	{ .word = "A.B.C.D|X:X::X",
	  .help = "the SA's destination",
	  .next = clear_spi_proto,
	  .type = CMD_ADDR },
	END,
};

static const struct cmd_node clear_sa_what[] = {
	{ .word = "peer", .help = "the SAs with this peer", .next = arg_addr },
	{ .word = "spi", .help = "one SA", .next = clear_spi_addr },
	{ .word = "map", .help = "the SAs of this crypto map", .next = arg_map },
	{ .word = "counters", .help = "the SAs' counters, not the SAs" },
	END,
};

static const struct cmd_node clear_isakmp_id[] = {
	{ .word = "<1-4294967295>",
	  .help = "this connection id only",
	  .type = CMD_NUMBER },
	END,
};

static const struct cmd_node clear_crypto[] = {
	{ .word = "sa",
	  .help = "IPsec SAs (all of them)",
	  .next = clear_sa_what,
	  .action = CTL_RUN(ctl_clear_sa),
	  .flags = CMD_END },
	{ .word = "isakmp",
	  .help = "ISAKMP SAs (all of them)",
	  .next = clear_isakmp_id,
	  .action = CTL_RUN(ctl_clear_isakmp),
	  .flags = CMD_END },
	END,
};

/* debug crypto ..., undebug all */
static const struct cmd_node debug_crypto[] = {
	{ .word = "isakmp",
	  .help = "cryptod's ISAKMP debug lines, until ^C",
	  .action = CTL_RUN(ctl_debug_isakmp) },
	{ .word = "ipsec",
	  .help = "cryptod's IPsec debug lines, until ^C",
	  .action = CTL_RUN(ctl_debug_ipsec) },
	END,
};

static const struct cmd_node show_top[] = {
	{ .word = "crypto", .help = "encryption", .next = show_crypto },
	END,
};

static const struct cmd_node clear_top[] = {
	{ .word = "crypto", .help = "encryption", .next = clear_crypto },
	END,
};

static const struct cmd_node debug_top[] = {
	{ .word = "crypto", .help = "encryption", .next = debug_crypto },
	END,
};

static const struct cmd_node undebug_top[] = {
	{ .word = "all",
	  .help = "end every debug stream",
	  .action = CTL_RUN(ctl_undebug_all) },
	END,
};

static const struct cmd_node monitor_opts[] = {
	{ .word = "count",
	  .help = "stop after this many events",
	  .next = arg_count,
	  .flags = OPT },
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
	{ .word = "version",
	  .help = "the tools' and the loaded module's versions",
	  .action = CTL_RUN(ctl_cmd_version) },
	{ .word = "status",
	  .help = "nfsec's state in this network namespace",
	  .action = CTL_RUN(ctl_cmd_status) },
	{ .word = "sa", .help = "SAs: add, del, get, list", .next = sa_cmds },
	{ .word = "policy",
	  .help = "crypto map entries: add, del, list",
	  .next = policy_cmds },
	{ .word = "map",
	  .help = "crypto maps on interfaces: bind, unbind, list",
	  .next = map_cmds },
	{ .word = "show",
	  .help = "show crypto ...: the IOS views",
	  .next = show_top },
	{ .word = "clear", .help = "clear crypto sa|isakmp", .next = clear_top },
	{ .word = "debug",
	  .help = "debug crypto isakmp|ipsec",
	  .next = debug_top },
	{ .word = "undebug", .help = "undebug all", .next = undebug_top },
	{ .word = "monitor",
	  .help = "print ACQUIRE, EXPIRE and SA deletion events",
	  .next = monitor_opts,
	  .action = CTL_RUN(ctl_cmd_monitor),
	  .flags = CMD_END },
	{ .word = "flush",
	  .help = "delete every SA, crypto map entry and binding",
	  .action = CTL_RUN(ctl_cmd_flush) },
	{ .word = "help",
	  .help = "the commands",
	  .action = CTL_RUN(ctl_cmd_help) },
	END,
};

const struct cmd_node ctl_exec_root = { .word = "cryptoctl",
					.help = "",
					.next = top };
