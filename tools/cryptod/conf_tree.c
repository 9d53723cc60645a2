// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration's IOS command trees (see conf_tree.h), from the
 * leaves up.
 */
#include "conf_tree.h"

#define K(w, h)                          \
	{                                \
		.word = (w), .help = (h) \
	}
#define KN(w, h, n)                                   \
	{                                             \
		.word = (w), .help = (h), .next = (n) \
	}
#define A(w, h, t)                                    \
	{                                             \
		.word = (w), .help = (h), .type = (t) \
	}
#define AN(w, h, t, n)                                             \
	{                                                          \
		.word = (w), .help = (h), .type = (t), .next = (n) \
	}
#define END                  \
	{                    \
		.word = NULL \
	}

/* A node whose command enters the mode of tree @m (its .action). */
#define KM(w, h, n, m)                                               \
	{                                                            \
		.word = (w), .help = (h), .next = (n), .action = (m) \
	}
#define AM(w, h, t, n, m)                                           \
	{                                                           \
		.word = (w), .help = (h), .type = (t), .next = (n), \
		.action = (m)                                       \
	}

static const struct cmd_node arg_word[] = {
	A("WORD", "a name", CMD_WORD),
	END,
};

static const struct cmd_node arg_number[] = {
	A("<number>", "a number", CMD_NUMBER),
	END,
};

/* ---- crypto isakmp ... ---- */

static const struct cmd_node isakmp_key_peer[] = {
	K("address", "the peer's address"),
	K("hostname", "the peer's host name"),
	END,
};

static const struct cmd_node isakmp_key_value[] = {
	AN("WORD", "the pre-shared key", CMD_WORD, isakmp_key_peer),
	END,
};

static const struct cmd_node isakmp_identity[] = {
	K("address", "by IP address"),
	K("hostname", "by host name"),
	K("dn", "by distinguished name"),
	END,
};

static const struct cmd_node keepalive_kind[] = {
	K("periodic", "every interval"),
	K("on-demand", "when traffic is unanswered"),
	END,
};

static const struct cmd_node keepalive_retry[] = {
	AN("<2-60>", "retry interval (seconds)", CMD_NUMBER, keepalive_kind),
	K("periodic", "every interval"),
	K("on-demand", "when traffic is unanswered"),
	END,
};

static const struct cmd_node keepalive_secs[] = {
	AN("<10-3600>", "interval (seconds)", CMD_NUMBER, keepalive_retry),
	END,
};

static const struct cmd_node aggressive_mode[] = {
	K("disable", "refuse aggressive mode"),
	END,
};

static const struct cmd_node policy_number[] = {
	AM("<1-10000>", "the suite's priority", CMD_NUMBER, NULL,
	   &conf_tree_policy),
	END,
};

static const struct cmd_node crypto_isakmp[] = {
	KN("policy", "an ISAKMP protection suite", policy_number),
	KN("key", "a pre-shared key", isakmp_key_value),
	KN("identity", "how this router names itself", isakmp_identity),
	KN("keepalive", "dead peer detection", keepalive_secs),
	KN("aggressive-mode", "aggressive mode", aggressive_mode),
	K("enable", "ISAKMP on (always)"),
	END,
};

/* ---- crypto ipsec ... ---- */

static const struct cmd_node lifetime_kind[] = {
	KN("seconds", "time-based lifetime", arg_number),
	KN("kilobytes", "volume-based lifetime", arg_number),
	END,
};

static const struct cmd_node replay_window[] = {
	A("<64-4096>", "packets, a power of two", CMD_NUMBER),
	END,
};

static const struct cmd_node replay_kind[] = {
	KN("window-size", "the anti-replay window", replay_window),
	K("disable", "no anti-replay check"),
	END,
};

static const struct cmd_node sa_lifetime[] = {
	KN("lifetime", "SA lifetime", lifetime_kind),
	KN("replay", "anti-replay", replay_kind),
	END,
};

static const struct cmd_node tset_name[] = {
	AM("WORD", "the set's name, then its transforms", CMD_WORD, NULL,
	   &conf_tree_tset),
	END,
};

static const struct cmd_node crypto_ipsec[] = {
	KN("transform-set", "a transform set", tset_name),
	KN("security-association", "SA parameters", sa_lifetime),
	END,
};

/* ---- crypto map NAME ... ---- */

static const struct cmd_node map_type[] = {
	K("ipsec-isakmp", "keys by IKE"),
	K("ipsec-manual", "keys from the configuration"),
	END,
};

static const struct cmd_node map_after_name[] = {
	KN("local-address", "the interface IKE and the SAs use", arg_word),
	{ .word = "<1-65535>",
	  .help = "sequence number",
	  .type = CMD_NUMBER,
	  .next = map_type,
	  .action = &conf_tree_map,
	  .flags = CMD_END },
	END,
};

static const struct cmd_node crypto_map[] = {
	AN("WORD", "crypto map name", CMD_WORD, map_after_name),
	END,
};

/* ---- crypto key / crypto ca ---- */

static const struct cmd_node pubkey_chain[] = {
	KM("rsa", "RSA keys", NULL, &conf_tree_keychain),
	END,
};

static const struct cmd_node crypto_key[] = {
	KN("pubkey-chain", "peers' public keys", pubkey_chain),
	K("generate", "(an EXEC command)"),
	K("zeroize", "(an EXEC command)"),
	END,
};

static const struct cmd_node ca_chain_name[] = {
	AM("WORD", "the CA's name", CMD_WORD, NULL, &conf_tree_ca_chain),
	END,
};

static const struct cmd_node ca_chain[] = {
	KN("chain", "a CA's certificates", ca_chain_name),
	END,
};

static const struct cmd_node ca_name[] = {
	AM("WORD", "the CA's name", CMD_WORD, NULL, &conf_tree_ca_id),
	END,
};

static const struct cmd_node crypto_ca[] = {
	KN("identity", "a certification authority", ca_name),
	KN("trustpoint", "a certification authority", ca_name),
	KN("certificate", "certificates", ca_chain),
	END,
};

static const struct cmd_node global_crypto[] = {
	KN("isakmp", "ISAKMP", crypto_isakmp),
	KN("ipsec", "IPsec", crypto_ipsec),
	KN("map", "crypto maps", crypto_map),
	KN("key", "keys", crypto_key),
	KN("ca", "certification authorities", crypto_ca),
	END,
};

/* ---- ip, ipv6, access-list, interface, nfsec ---- */

static const struct cmd_node acl_name[] = {
	AM("WORD", "the access list's name", CMD_WORD, NULL, &conf_tree_acl),
	END,
};

static const struct cmd_node acl_kind[] = {
	KN("extended", "an extended access list", acl_name),
	KN("standard", "a standard access list", acl_name),
	END,
};

static const struct cmd_node ip_domain[] = {
	K("name", "the domain name"),
	K("list", "(ignored)"),
	K("lookup", "(ignored)"),
	END,
};

static const struct cmd_node global_ip[] = {
	K("route", "a static route"),
	K("host", "a host name's address"),
	K("domain-name", "the domain name"),
	KN("domain", "the domain name", ip_domain),
	KN("access-list", "a named access list", acl_kind),
	/* cryptod's to ignore */
	K("classless", "(ignored)"),
	K("default-gateway", "(ignored)"),
	K("domain-list", "(ignored)"),
	K("domain-lookup", "(ignored)"),
	K("name-server", "(ignored)"),
	K("routing", "(ignored)"),
	K("subnet-zero", "(ignored)"),
	K("cef", "(ignored)"),
	K("http", "(ignored)"),
	K("unicast-routing", "(ignored)"),
	K("dhcp", "(ignored)"),
	K("nat", "(ignored)"),
	K("ssh", "(ignored)"),
	K("forward-protocol", "(ignored)"),
	END,
};

static const struct cmd_node global_ipv6[] = {
	K("route", "a static route"),
	KN("access-list", "an access list", acl_name),
	K("unicast-routing", "(ignored)"),
	K("cef", "(ignored)"),
	END,
};

/* A rule's first value: its protocol (ip, tcp, 50...) or, standard, the source. */
static const struct cmd_node acl_proto[] = {
	A("PROTO", "the protocol, or a standard list's source", CMD_WORD),
	END,
};

static const struct cmd_node access_list_rule[] = {
	KN("permit", "protect (in a crypto map's list)", acl_proto),
	KN("deny", "do not protect", acl_proto),
	K("remark", "a comment"),
	END,
};

static const struct cmd_node global_access_list[] = {
	AN("<1-2699>", "access list number", CMD_NUMBER, access_list_rule),
	END,
};

static const struct cmd_node iface_kind[] = {
	K("point-to-point", "a point-to-point subinterface"),
	K("multipoint", "a multipoint subinterface"),
	END,
};

static const struct cmd_node global_interface[] = {
	AM("WORD", "the interface", CMD_WORD, iface_kind, &conf_tree_iface),
	END,
};

static const struct cmd_node global_nfsec[] = {
	K("interface-map", "an IOS interface's Linux name"),
	END,
};

static const struct cmd_node global_cmds[] = {
	KN("crypto", "encryption", global_crypto),
	KN("access-list", "a numbered access list", global_access_list),
	KN("ip", "IPv4", global_ip),
	KN("ipv6", "IPv6", global_ipv6),
	KN("interface", "an interface", global_interface),
	K("hostname", "this router's name"),
	KN("nfsec", "nfsec's own commands", global_nfsec),
	K("end", "the end of the configuration"),
	/* the blocks and commands cryptod ignores */
	K("line", "(ignored)"),
	K("router", "(ignored)"),
	K("hub", "(ignored)"),
	K("controller", "(ignored)"),
	K("banner", "(ignored)"),
	K("aaa", "(ignored)"),
	K("boot", "(ignored)"),
	K("dialer-list", "(ignored)"),
	K("enable", "(ignored)"),
	K("logging", "(ignored)"),
	K("ntp", "(ignored)"),
	K("service", "(ignored)"),
	K("snmp-server", "(ignored)"),
	K("username", "(ignored)"),
	K("version", "(ignored)"),
	K("clock", "(ignored)"),
	K("no", "(ignored)"),
	END,
};

const struct cmd_node conf_tree_global = { .word = "", .next = global_cmds };

/* ---- crypto isakmp policy N ---- */

static const struct cmd_node aes_bits[] = {
	A("<128|192|256>", "key size", CMD_NUMBER),
	END,
};

static const struct cmd_node policy_encryption[] = {
	K("des", "DES"),
	K("3des", "triple DES"),
	KN("aes", "AES", aes_bits),
	END,
};

static const struct cmd_node policy_hash[] = {
	K("md5", "MD5"),	K("sha", "SHA-1"),	K("sha256", "SHA-256"),
	K("sha384", "SHA-384"), K("sha512", "SHA-512"), END,
};

static const struct cmd_node policy_auth[] = {
	K("pre-share", "pre-shared keys"),
	K("rsa-sig", "RSA signatures"),
	K("rsa-encr", "RSA-encrypted nonces"),
	END,
};

static const struct cmd_node policy_cmds[] = {
	KN("encryption", "the cipher", policy_encryption),
	KN("hash", "the hash", policy_hash),
	KN("authentication", "the authentication method", policy_auth),
	KN("group", "the Diffie-Hellman group", arg_number),
	KN("lifetime", "the ISAKMP SA's lifetime (seconds)", arg_number),
	K("exit", "back to global configuration"),
	END,
};

const struct cmd_node conf_tree_policy = { .word = "", .next = policy_cmds };

/* ---- crypto ipsec transform-set NAME ... ---- */

static const struct cmd_node tset_mode[] = {
	K("tunnel", "tunnel mode"),
	K("transport", "transport mode"),
	END,
};

static const struct cmd_node tset_cmds[] = {
	KN("mode", "the encapsulation mode", tset_mode),
	K("exit", "back to global configuration"),
	END,
};

const struct cmd_node conf_tree_tset = { .word = "", .next = tset_cmds };

/* ---- crypto map NAME SEQ ---- */

static const struct cmd_node session_key_ah_spi[] = {
	A("<256-4294967295>", "the SPI", CMD_NUMBER),
	END,
};

static const struct cmd_node session_key_esp_auth[] = {
	K("authenticator", "the integrity key"),
	END,
};

static const struct cmd_node session_key_cipher_key[] = {
	AN("HEX", "the cipher key", CMD_WORD, session_key_esp_auth),
	END,
};

static const struct cmd_node session_key_esp_what[] = {
	KN("cipher", "the cipher key", session_key_cipher_key),
	K("authenticator", "the integrity key"),
	END,
};

static const struct cmd_node session_key_esp_spi[] = {
	AN("<256-4294967295>", "the SPI", CMD_NUMBER, session_key_esp_what),
	END,
};

static const struct cmd_node session_key_proto[] = {
	KN("esp", "ESP", session_key_esp_spi),
	KN("ah", "AH", session_key_ah_spi),
	END,
};

static const struct cmd_node session_key_dir[] = {
	KN("inbound", "the inbound SA", session_key_proto),
	KN("outbound", "the outbound SA", session_key_proto),
	END,
};

static const struct cmd_node map_sa_lifetime[] = {
	KN("lifetime", "the SAs' lifetime", lifetime_kind),
	KN("replay", "the SAs' anti-replay", replay_kind),
	END,
};

static const struct cmd_node map_set[] = {
	K("peer", "a peer"),
	K("transform-set", "the transform sets, best first"),
	K("pfs", "perfect forward secrecy"),
	KN("security-association", "SA parameters", map_sa_lifetime),
	KN("session-key", "manual keys", session_key_dir),
	END,
};

static const struct cmd_node map_match[] = {
	K("address", "the access list"),
	END,
};

static const struct cmd_node map_cmds[] = {
	KN("set", "the entry's settings", map_set),
	KN("match", "the traffic to protect", map_match),
	K("description", "a comment"),
	K("exit", "back to global configuration"),
	END,
};

const struct cmd_node conf_tree_map = { .word = "", .next = map_cmds };

/* ---- ip access-list extended|standard NAME, ipv6 access-list NAME ---- */

static const struct cmd_node acl_cmds[] = {
	AN("<sequence>", "a rule's sequence number", CMD_NUMBER,
	   access_list_rule),
	KN("permit", "protect (in a crypto map's list)", acl_proto),
	KN("deny", "do not protect", acl_proto),
	K("remark", "a comment"),
	K("exit", "back to global configuration"),
	END,
};

const struct cmd_node conf_tree_acl = { .word = "", .next = acl_cmds };

/* ---- interface IFACE ---- */

static const struct cmd_node iface_crypto[] = {
	KN("map", "the interface's crypto map", arg_word),
	END,
};

/*
 * Interface mode has many commands that are not cryptod's; the common
 * ones are here so their prefixes are as ambiguous as on a router.
 */
static const struct cmd_node iface_ip[] = {
	K("address", "the interface's address"),
	K("access-group", "(ignored)"),
	K("accounting", "(ignored)"),
	K("helper-address", "(ignored)"),
	K("mtu", "(ignored)"),
	K("nat", "(ignored)"),
	K("ospf", "(ignored)"),
	K("policy", "(ignored)"),
	K("proxy-arp", "(ignored)"),
	K("redirects", "(ignored)"),
	K("route-cache", "(ignored)"),
	K("tcp", "(ignored)"),
	K("unnumbered", "(ignored)"),
	K("unreachables", "(ignored)"),
	K("directed-broadcast", "(ignored)"),
	K("virtual-reassembly", "(ignored)"),
	END,
};

static const struct cmd_node iface_ipv6[] = {
	K("address", "the interface's address"),
	KN("crypto", "encryption", iface_crypto),
	K("enable", "(ignored)"),
	K("mtu", "(ignored)"),
	K("nd", "(ignored)"),
	END,
};

static const struct cmd_node iface_no[] = {
	K("shutdown", "the interface is up"),
	KN("ip", "(ignored)", iface_ip),
	KN("ipv6", "(ignored)", iface_ipv6),
	END,
};

static const struct cmd_node iface_cmds[] = {
	KN("ip", "IPv4", iface_ip),
	KN("ipv6", "IPv6", iface_ipv6),
	KN("crypto", "encryption", iface_crypto),
	K("shutdown", "the interface is down"),
	KN("no", "undo", iface_no),
	K("exit", "back to global configuration"),
	/* the interface's own, cryptod's to ignore */
	K("description", "(ignored)"),
	K("encapsulation", "(ignored)"),
	K("bandwidth", "(ignored)"),
	K("clock", "(ignored)"),
	K("clockrate", "(ignored)"),
	K("delay", "(ignored)"),
	K("dialer", "(ignored)"),
	K("dialer-group", "(ignored)"),
	K("duplex", "(ignored)"),
	K("hold-queue", "(ignored)"),
	K("isdn", "(ignored)"),
	K("keepalive", "(ignored)"),
	K("load-interval", "(ignored)"),
	K("media-type", "(ignored)"),
	K("mtu", "(ignored)"),
	K("ppp", "(ignored)"),
	K("service-policy", "(ignored)"),
	K("speed", "(ignored)"),
	K("standby", "(ignored)"),
	K("tunnel", "(ignored)"),
	END,
};

const struct cmd_node conf_tree_iface = { .word = "", .next = iface_cmds };

/* ---- crypto key pubkey-chain rsa ---- */

static const struct cmd_node pubkey_usage[] = {
	K("encryption", "an encryption key"),
	K("signature", "a signature key"),
	K("usage-keys", "both"),
	END,
};

static const struct cmd_node pubkey_name[] = {
	AM("WORD", "the key's name or address", CMD_WORD, pubkey_usage,
	   &conf_tree_pubkey),
	END,
};

static const struct cmd_node keychain_cmds[] = {
	KN("named-key", "a peer's key, by name", pubkey_name),
	KN("addressed-key", "a peer's key, by address", pubkey_name),
	K("quit", "back to global configuration"),
	K("exit", "back to global configuration"),
	END,
};

const struct cmd_node conf_tree_keychain = { .word = "",
					     .next = keychain_cmds };

static const struct cmd_node pubkey_cmds[] = {
	KM("key-string", "the key, in hex, up to 'quit'", NULL, &conf_tree_hex),
	K("address", "the peer's address"),
	KN("named-key", "a peer's key, by name", pubkey_name),
	KN("addressed-key", "a peer's key, by address", pubkey_name),
	K("quit", "back to the key chain"),
	K("exit", "back to the key chain"),
	END,
};

const struct cmd_node conf_tree_pubkey = { .word = "", .next = pubkey_cmds };

/* ---- crypto ca identity NAME, crypto ca certificate chain NAME ---- */

static const struct cmd_node ca_enrollment[] = {
	K("url", "the CA's enrollment URL"),
	K("mode", "(ignored)"),
	K("retry", "(ignored)"),
	END,
};

static const struct cmd_node ca_crl[] = {
	K("optional", "accept peers' certificates without a CRL"),
	END,
};

static const struct cmd_node ca_id_cmds[] = {
	KN("enrollment", "enrollment", ca_enrollment),
	KN("crl", "certificate revocation lists", ca_crl),
	K("query", "(ignored)"),
	K("exit", "back to global configuration"),
	END,
};

const struct cmd_node conf_tree_ca_id = { .word = "", .next = ca_id_cmds };

static const struct cmd_node cert_serial[] = {
	AM("SERIAL", "the certificate's serial number", CMD_WORD, NULL,
	   &conf_tree_hex),
	END,
};

/* A serial of "ca" is read as the keyword, as IOS (and cryptod) did. */
static const struct cmd_node cert_kind[] = {
	KN("ca", "the CA's own certificate", cert_serial),
	AM("SERIAL", "the certificate's serial number", CMD_WORD, NULL,
	   &conf_tree_hex),
	END,
};

static const struct cmd_node ca_chain_cmds[] = {
	KN("certificate", "a certificate, in hex, up to 'quit'", cert_kind),
	K("exit", "back to global configuration"),
	END,
};

const struct cmd_node conf_tree_ca_chain = { .word = "",
					     .next = ca_chain_cmds };

const struct cmd_node conf_tree_hex = { .word = "" };
