// SPDX-License-Identifier: GPL-2.0
/*
 * IOS command trees: the walk, help, errors and completion (see cmdtree.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "addr.h"
#include "cmdtree.h"

const struct cmd_node *cmd_keyword(const struct cmd_node *list,
				   const char *word, bool *ambiguous)
{
	const struct cmd_node *found = NULL, *n;
	size_t len = strlen(word);

	*ambiguous = false;
	if (!list || !len)
		return NULL;
	for (n = list; n->word; n++) {
		if (n->type != CMD_KEYWORD)
			continue;
		if (!strcasecmp(n->word, word))
			return n;
		if (strncasecmp(n->word, word, len))
			continue;
		if (found)
			*ambiguous = true;
		found = n;
	}
	return *ambiguous ? NULL : found;
}

static bool cmd_is_number(const char *w)
{
	const char *digits = "0123456789";

	if (w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) {
		w += 2;
		digits = "0123456789abcdefABCDEF";
	}
	return *w && strspn(w, digits) == strlen(w);
}

static bool cmd_is_addr(const char *w)
{
	union nfsec_ip ip;
	uint8_t family;

	return !nfsec_ip_parse(w, &family, &ip);
}

static bool cmd_arg_takes(const struct cmd_node *n, const char *w)
{
	switch (n->type) {
	case CMD_WORD:
		return *w;
	case CMD_NUMBER:
		return cmd_is_number(w);
	case CMD_ADDR:
		return cmd_is_addr(w);
	case CMD_KEYWORD:
		break;
	}
	return false;
}

/*
 * The node of @list that @w names, or NULL with *@ambiguous telling why:
 * a keyword by name or prefix, else the first argument that takes it.
 */
static const struct cmd_node *cmd_match(const struct cmd_node *list,
					const char *w, bool *ambiguous)
{
	const struct cmd_node *n = cmd_keyword(list, w, ambiguous);
	bool amb = *ambiguous;

	if (n || !list)
		return n;
	for (n = list; n->word; n++)
		if (cmd_arg_takes(n, w)) {
			*ambiguous = false;
			return n;
		}
	*ambiguous = amb;
	return NULL;
}

static bool cmd_may_end(const struct cmd_node *n)
{
	return !n->next || (n->flags & CMD_END);
}

static bool cmd_is_help(const char *w)
{
	size_t len = strlen(w);

	return len && w[len - 1] == '?';
}

enum cmd_result cmd_parse(const struct cmd_node *root, int argc,
			  char *const *argv, struct cmd_parse *p)
{
	const struct cmd_node *cur = root, *loop = NULL, *n;
	bool ambiguous;
	int i;

	memset(p, 0, sizeof(*p));
	p->orig = argv;
	p->argc = argc;
	p->argv = calloc((size_t)argc + 1, sizeof(*p->argv));
	if (!p->argv)
		return p->result = CMD_NOMEM;
	/* as given, until a keyword is read */
	for (i = 0; i < argc; i++)
		p->argv[i] = argv[i];
	for (i = 0; i < argc; i++) {
		p->at = cur;
		p->bad = i;
		if (cmd_is_help(argv[i]))
			return p->result = CMD_HELP;
		n = cmd_match(cur->next, argv[i], &ambiguous);
		if (!n)
			return p->result =
				       ambiguous ? CMD_AMBIGUOUS : CMD_INVALID;
		p->argv[i] = n->type == CMD_KEYWORD ? (char *)n->word : argv[i];
		if (n->action) {
			p->action = n->action;
			p->action_at = i + 1;
		}
		/* an option's list comes back once its words are read */
		if (n->flags & CMD_OPTION)
			loop = cur;
		else if (cur == loop)
			loop = NULL;
		cur = n->next || !loop ? n : loop;
	}
	p->at = cur;
	p->bad = argc;
	if (!cmd_may_end(cur))
		return p->result = CMD_INCOMPLETE;
	return p->result = CMD_OK;
}

size_t cmd_reach(const struct cmd_parse *p)
{
	return p->result == CMD_OK || p->result == CMD_INCOMPLETE
		       ? (size_t)p->argc
		       : (size_t)p->bad;
}

void cmd_parse_free(struct cmd_parse *p)
{
	free(p->argv);
	p->argv = NULL;
}

void cmd_candidates(const struct cmd_parse *p, char *buf, size_t len)
{
	const char *w = p->orig[p->bad];
	const struct cmd_node *n;
	size_t used = 0;

	buf[0] = '\0';
	for (n = p->at->next; n && n->word && used < len; n++) {
		if (n->type != CMD_KEYWORD ||
		    strncasecmp(n->word, w, strlen(w)))
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 used ? ", " : "", n->word);
	}
}

/* The words before @upto as they were typed, one blank apart. */
static void cmd_print_words(const struct cmd_parse *p, int upto, FILE *f)
{
	int i;

	for (i = 0; i < upto && i < p->argc; i++)
		fprintf(f, "%s%s", i ? " " : "", p->orig[i]);
}

void cmd_print_error(const struct cmd_parse *p, FILE *f, const char *lead)
{
	size_t col = strlen(lead);
	char names[512];
	int i;

	switch (p->result) {
	case CMD_INVALID:
		for (i = 0; i < p->bad; i++)
			col += strlen(p->orig[i]) + 1;
		fprintf(f, "%s", lead);
		cmd_print_words(p, p->argc, f);
		fprintf(f, "\n%*s^\n", (int)col, "");
		fprintf(f, "%% Invalid input detected at '^' marker.\n");
		break;
	case CMD_AMBIGUOUS:
		cmd_candidates(p, names, sizeof(names));
		fprintf(f, "%% Ambiguous command: \"");
		cmd_print_words(p, p->bad + 1, f);
		fprintf(f, "\" (%s)\n", names);
		break;
	case CMD_INCOMPLETE:
		fprintf(f, "%% Incomplete command.\n");
		break;
	case CMD_NOMEM:
		fprintf(f, "%% Out of memory.\n");
		break;
	case CMD_OK:
	case CMD_HELP:
		break;
	}
}

void cmd_print_help(const struct cmd_parse *p, FILE *f)
{
	const char *w = p->bad < p->argc ? p->orig[p->bad] : "?";
	const struct cmd_node *n, *list = p->at->next;
	size_t len = strlen(w) - 1, width = 0;

	if (len) {
		/* "WORD?": the keywords it may begin, on one line */
		for (n = list; n && n->word; n++)
			if (n->type == CMD_KEYWORD &&
			    !strncasecmp(n->word, w, len))
				fprintf(f, "%s  ", n->word);
		fprintf(f, "\n");
		return;
	}
	for (n = list; n && n->word; n++)
		if (strlen(n->word) > width)
			width = strlen(n->word);
	for (n = list; n && n->word; n++)
		fprintf(f, "  %-*s  %s\n", (int)width, n->word, n->help);
	if (cmd_may_end(p->at))
		fprintf(f, "  <cr>\n");
}

void cmd_print_completions(const struct cmd_node *root, int argc,
			   char *const *argv, const char *partial, FILE *f)
{
	const struct cmd_node *n;
	struct cmd_parse p;
	size_t len = strlen(partial);

	cmd_parse(root, argc, argv, &p);
	if (p.result == CMD_OK || p.result == CMD_INCOMPLETE)
		for (n = p.at->next; n && n->word; n++)
			if (n->type == CMD_KEYWORD &&
			    !strncasecmp(n->word, partial, len))
				fprintf(f, "%s\n", n->word);
	cmd_parse_free(&p);
}

/* A syntax line being written: wraps before an item past 80 columns. */
struct cmd_line {
	FILE *f;
	size_t col;
};

static void cmd_line_item(struct cmd_line *l, const char *item)
{
	if (l->col + 1 + strlen(item) > 80) {
		fprintf(l->f, "\n       ");
		l->col = 7;
	}
	l->col += (size_t)fprintf(l->f, " %s", item);
}

static void cmd_render(const struct cmd_node *list, bool optional, char *buf,
		       size_t len);

/* NODE's word and what must follow it, into @buf. */
static void cmd_render_seq(const struct cmd_node *n, char *buf, size_t len)
{
	size_t used = (size_t)snprintf(buf, len, "%s", n->word);

	if (n->next && used + 1 < len) {
		buf[used++] = ' ';
		cmd_render(n->next, n->flags & CMD_END, buf + used, len - used);
	}
}

static bool cmd_all_options(const struct cmd_node *list)
{
	for (; list->word; list++)
		if (!(list->flags & CMD_OPTION))
			return false;
	return true;
}

/* One of @list's nodes: "{a|b}", "[a|b]", or "x" alone when required. */
static void cmd_render(const struct cmd_node *list, bool optional, char *buf,
		       size_t len)
{
	size_t used = 0, n = 0;
	char item[512];
	const struct cmd_node *i;

	for (i = list; i->word; i++)
		n++;
	buf[0] = '\0';
	for (i = list; i->word && used + 2 < len; i++) {
		if (i->flags & CMD_OPTION)
			/* options follow their own list back: no nesting */
			snprintf(item, sizeof(item), "%s%s", i->word,
				 i->next ? " ..." : "");
		else
			cmd_render_seq(i, item, sizeof(item));
		used += (size_t)snprintf(buf + used, len - used, "%s%s%s",
					 i == list ? (optional ? "["
						      : n > 1  ? "{"
							       : "")
						   : "|",
					 item,
					 i[1].word  ? ""
					 : optional ? "]"
					 : n > 1    ? "}"
						    : "");
	}
	if (used >= len)
		buf[len - 1] = '\0';
}

static void cmd_syntax_of(const struct cmd_node *n, const char *path, FILE *f,
			  const char *lead)
{
	char sub[256], item[1024];
	const struct cmd_node *i;
	struct cmd_line l = { f, 0 };

	if (n->action) {
		l.col = (size_t)fprintf(f, "%s%s", lead, path);
		if (n->next && cmd_all_options(n->next)) {
			for (i = n->next; i->word; i++) {
				char seq[512];

				cmd_render_seq(i, seq, sizeof(seq));
				snprintf(item, sizeof(item), "[%s]", seq);
				cmd_line_item(&l, item);
			}
		} else if (n->next) {
			/* alternatives, an item each: "[a" "| b" "| c]" */
			bool opt = n->flags & CMD_END;
			const char *open = opt		     ? "["
					   : n->next[1].word ? "{"
							     : "";
			const char *close = opt ? "]" : *open ? "}" : "";

			for (i = n->next; i->word; i++) {
				char seq[512];

				cmd_render_seq(i, seq, sizeof(seq));
				snprintf(item, sizeof(item), "%s%s%s",
					 i == n->next ? open : "| ", seq,
					 i[1].word ? "" : close);
				cmd_line_item(&l, item);
			}
		}
		fprintf(f, "\n");
		return;
	}
	for (i = n->next; i && i->word; i++) {
		snprintf(sub, sizeof(sub), "%s%s%s", path, *path ? " " : "",
			 i->word);
		cmd_syntax_of(i, sub, f, lead);
	}
}

void cmd_print_syntax(const struct cmd_node *root, FILE *f, const char *lead)
{
	cmd_syntax_of(root, "", f, lead);
}
