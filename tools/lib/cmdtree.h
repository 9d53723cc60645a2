/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IOS command trees: a command is a path of nodes, each a keyword or a
 * typed argument.  The rules are IOS's, for every word of every command:
 *
 * - a keyword may be given as any prefix that names it alone among the
 *   words allowed there ("sh cry ips sa"), in any case; a whole keyword
 *   always names itself, even when it is the prefix of another ("sa"
 *   beside "sad");
 * - a prefix of two or more keywords is ambiguous, an error naming them;
 * - "?" lists what may come next, one line each; "WORD?" lists the
 *   keywords that begin with WORD;
 * - an error points at the word ("% Invalid input detected at '^' marker.").
 *
 * A tree is static data: a node lists the nodes that may follow it (its
 * next[], ended by an entry whose word is NULL).  A node marked
 * CMD_OPTION is one of a set of options that may be given in any order
 * and repeated: once its words are read, the list it belongs to is
 * offered again.  The walk hands back the words with every keyword spelled
 * out in full, and the action of the deepest node on the path that has
 * one, so a handler reads canonical words only.
 */
#ifndef NFSEC_CMDTREE_H
#define NFSEC_CMDTREE_H

#include <stdbool.h>
#include <stdio.h>

enum cmd_type {
	CMD_KEYWORD = 0, /* the word itself, or an unambiguous prefix */
	CMD_WORD, /* any word (a name; its handler checks it) */
	CMD_NUMBER, /* an unsigned number, decimal or 0x hex */
	CMD_ADDR, /* an IPv4 or IPv6 address */
};

/* The command may end after this node (a node with no next[] always may). */
#define CMD_END (1u << 0)
/* An option: after its words, its own list is offered again. */
#define CMD_OPTION (1u << 1)

struct cmd_node {
	const char *word; /* the keyword, or the argument's name in help */
	const char *help; /* one line for "?" */
	const struct cmd_node *next; /* what may follow; NULL: the end */
	const void *action; /* the caller's, for the command ending here */
	enum cmd_type type;
	unsigned int flags;
};

enum cmd_result {
	CMD_OK, /* a whole command: run .action */
	CMD_HELP, /* a "?" word: print the help (cmd_print_help) */
	CMD_INVALID, /* .bad is not allowed where it stands */
	CMD_AMBIGUOUS, /* .bad abbreviates more than one keyword */
	CMD_INCOMPLETE, /* the words end where more are needed */
	CMD_NOMEM,
};

struct cmd_parse {
	enum cmd_result result;
	/* the words, keywords spelled out (the strings are the tree's or
	 * the caller's; the array is allocated); on a failure, the words
	 * from .bad on are as given */
	int argc;
	char **argv;
	/* the action of the deepest node on the path that has one, and the
	 * index of the first word after that node */
	const void *action;
	int action_at;
	/* the word in question (INVALID, AMBIGUOUS, HELP), or argc */
	int bad;
	/* the node whose next[] was offered at .bad */
	const struct cmd_node *at;
	/* the words as the caller gave them, for messages */
	char *const *orig;
};

/*
 * Walks @root's tree with @argc words of @argv (@root itself stands
 * before the first word; its own word is not read).  Fills @p; its
 * result says what the words were.  cmd_parse_free() releases it.
 */
enum cmd_result cmd_parse(const struct cmd_node *root, int argc,
			  char *const *argv, struct cmd_parse *p);
void cmd_parse_free(struct cmd_parse *p);

/* How many of the words the walk read: all of them, or those before .bad. */
size_t cmd_reach(const struct cmd_parse *p);

/*
 * The keyword of @list that @word names: an exact match, else the only
 * keyword it is a prefix of.  NULL when none; *@ambiguous is set when
 * more than one.  Argument nodes are not considered.
 */
const struct cmd_node *cmd_keyword(const struct cmd_node *list,
				   const char *word, bool *ambiguous);

/*
 * For CMD_AMBIGUOUS: the keywords the word at .bad may begin, "a, b", into
 * @buf of @len bytes (cut short if it must be).
 */
void cmd_candidates(const struct cmd_parse *p, char *buf, size_t len);

/*
 * For a result other than CMD_OK and CMD_HELP: the words echoed with a
 * caret under the one at fault and IOS's message, on @f.  @lead starts
 * the echoed line (e.g. "cryptoctl "); the caret lines up under it.
 */
void cmd_print_error(const struct cmd_parse *p, FILE *f, const char *lead);

/* For CMD_HELP: what may come at the "?" word, as IOS lists it, on @f. */
void cmd_print_help(const struct cmd_parse *p, FILE *f);

/*
 * Completion: the keywords that may follow @argc words and begin with
 * @partial, one per line on @f.  Prints nothing after words that do not
 * parse, or where an argument (not a keyword) comes next.
 */
void cmd_print_completions(const struct cmd_node *root, int argc,
			   char *const *argv, const char *partial, FILE *f);

/*
 * Every command of @root's tree, one per line after @lead: its keywords,
 * then what may follow as IOS's syntax summaries write it ([optional],
 * {one|other}), wrapped at 80 columns.
 */
void cmd_print_syntax(const struct cmd_node *root, FILE *f, const char *lead);

#endif /* NFSEC_CMDTREE_H */
