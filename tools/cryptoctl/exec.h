/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cryptoctl's commands: one IOS command tree (exec_tree.c, on the engine
 * of lib/cmdtree.h) and the handlers its commands run.  Every word of
 * every command may be abbreviated while unambiguous, "?" lists what
 * may follow, and an error points at the word.  A new command is a node
 * in the tree plus its handler.
 */
#ifndef CRYPTOCTL_EXEC_H
#define CRYPTOCTL_EXEC_H

#include "cmdtree.h"

struct ctl;

/*
 * A handler runs with the words after its node, keywords spelled out in
 * full, and returns the exit status (2 for a usage error).
 */
struct ctl_action {
	int (*run)(struct ctl *ctl, int argc, char **argv);
};

#define CTL_RUN(fn) (&(const struct ctl_action){ fn })

/* The tree: its next[] are the commands ("show", "clear", "sa", ...). */
extern const struct cmd_node ctl_exec_root;

/* Where a command came from, for its error messages. */
struct ctl_origin {
	const char *file; /* cryptoctl -b FILE; NULL: the command line */
	unsigned long line;
	const char *text; /* the line the words were cut from */
};

/*
 * Runs the command in @argc words of @argv: prints the help at a "?"
 * word (status 0), or the error pointing at the word (status 2), or runs
 * the handler and returns its status.
 */
int ctl_exec(struct ctl *ctl, int argc, char **argv,
	     const struct ctl_origin *origin);

/* cryptoctl help, and -h: the commands, from the tree. */
void ctl_exec_usage(FILE *f);

/* The handlers, by command. */
int ctl_cmd_version(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_status(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_flush(struct ctl *ctl, int argc, char **argv);
int ctl_cmd_monitor(struct ctl *ctl, int argc, char **argv);

int ctl_sa_add(struct ctl *ctl, int argc, char **argv);
int ctl_sa_del(struct ctl *ctl, int argc, char **argv);
int ctl_sa_get(struct ctl *ctl, int argc, char **argv);
int ctl_sa_list(struct ctl *ctl, int argc, char **argv);

int ctl_policy_add(struct ctl *ctl, int argc, char **argv);
int ctl_policy_del(struct ctl *ctl, int argc, char **argv);
int ctl_policy_list(struct ctl *ctl, int argc, char **argv);
int ctl_map_bind(struct ctl *ctl, int argc, char **argv);
int ctl_map_unbind(struct ctl *ctl, int argc, char **argv);
int ctl_map_list(struct ctl *ctl, int argc, char **argv);

int ctl_show_ipsec_sa(struct ctl *ctl, int argc, char **argv);
int ctl_show_ipsec_session_key(struct ctl *ctl, int argc, char **argv);
int ctl_show_ipsec_transform_proposal(struct ctl *ctl, int argc, char **argv);
int ctl_show_isakmp_sa(struct ctl *ctl, int argc, char **argv);
int ctl_show_isakmp_policy(struct ctl *ctl, int argc, char **argv);
int ctl_show_engine_active(struct ctl *ctl, int argc, char **argv);
int ctl_show_engine_dropped(struct ctl *ctl, int argc, char **argv);
int ctl_show_engine_configuration(struct ctl *ctl, int argc, char **argv);
int ctl_show_map(struct ctl *ctl, int argc, char **argv);

int ctl_show_crypto_session(struct ctl *ctl, int argc, char **argv);

int ctl_clear_sa(struct ctl *ctl, int argc, char **argv);
int ctl_clear_isakmp(struct ctl *ctl, int argc, char **argv);
int ctl_debug_isakmp(struct ctl *ctl, int argc, char **argv);
int ctl_debug_ipsec(struct ctl *ctl, int argc, char **argv);
int ctl_undebug_all(struct ctl *ctl, int argc, char **argv);

#endif /* CRYPTOCTL_EXEC_H */
