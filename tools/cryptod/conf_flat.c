// SPDX-License-Identifier: GPL-2.0
/*
 * Cutting a flattened configuration into commands (see conf_flat.h).
 */
#include <string.h>
#include <strings.h>

#include "conf_flat.h"
#include "conf_tree.h"

/* Commands are short: a tree never reads more words than this. */
#define FLAT_LOOKAHEAD 16

/* Is @w a keyword that starts a command of @tree, written in full? */
static bool flat_starts(const struct cmd_node *tree, const char *w)
{
	const struct cmd_node *k;

	for (k = tree ? tree->next : NULL; k && k->word; k++)
		if (k->type == CMD_KEYWORD && !strcasecmp(k->word, w))
			return true;
	return false;
}

/* How many of the words from @w @tree reads; *@enters: the mode it enters. */
static size_t flat_reach(const struct cmd_node *tree, char **w, size_t n,
			 const struct cmd_node **enters)
{
	size_t m = n < FLAT_LOOKAHEAD ? n : FLAT_LOOKAHEAD, reach;
	struct cmd_parse p;

	*enters = NULL;
	if (!tree || !flat_starts(tree, w[0]))
		return 0;
	cmd_parse(tree, (int)m, w, &p);
	reach = cmd_reach(&p);
	*enters = p.action;
	cmd_parse_free(&p);
	return reach;
}

static size_t flat_comment(char **w, size_t n, size_t pos)
{
	size_t j, len;

	if (!w[pos][1])
		return pos + 1;
	for (j = pos + 1; j < n; j++) {
		if (w[j][0] == '!')
			return j;
		len = strlen(w[j]);
		if (w[j][len - 1] == '.')
			return j + 1;
	}
	return n;
}

size_t conf_flat_next(const struct cmd_node *mode, bool hex, char **w, size_t n,
		      size_t pos, size_t max)
{
	const struct cmd_node *in_mode, *in_global, *enters, *next;
	size_t j, reach, rm, rg;

	if (hex) {
		if (!strcasecmp(w[pos], "quit"))
			return pos + 1;
		for (j = pos;
		     j < n && j - pos < max && strcasecmp(w[j], "quit"); j++)
			;
		return j;
	}
	if (w[pos][0] == '!')
		return flat_comment(w, n, pos);
	rm = flat_reach(mode, w + pos, n - pos, &in_mode);
	rg = flat_reach(&conf_tree_global, w + pos, n - pos, &in_global);
	reach = rm >= rg ? rm : rg;
	enters = rm >= rg ? in_mode : in_global;
	if (enters == &conf_tree_hex)
		return pos + reach;
	/* the words the tree read, or an unknown command's first */
	j = pos + (reach ? reach : 1);
	next = enters ? enters : mode;
	for (; j < n; j++)
		if (w[j][0] == '!' || flat_starts(next, w[j]) ||
		    flat_starts(&conf_tree_global, w[j]))
			break;
	return j;
}
