/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Configurations pasted as the technical note prints them: a whole
 * "write terminal" on one line, command after command, comments and key
 * data in between.  conf_parse.c reads such a line command by command,
 * asking conf_flat_next() where each one ends.
 */
#ifndef CRYPTOD_CONF_FLAT_H
#define CRYPTOD_CONF_FLAT_H

#include <stdbool.h>
#include <stddef.h>

#include "cmdtree.h"

/*
 * The end (exclusive) of the command that starts at word @pos of the @n
 * words @w, read in the mode whose tree is @mode (NULL: global
 * configuration or a block cryptod ignores), or in hex data when @hex.
 *
 * - Hex data runs up to "quit" (at most @max words at a time); "quit" is
 *   a command of its own.
 * - "!" is a comment of one word; "!---" starts one that ends before the
 *   next "!" word or after a word that ends a sentence (".").  Comments
 *   name commands ("!--- the crypto map to an interface."), so a command
 *   does not end one.
 * - Otherwise the command takes the words its tree reads (the mode's or
 *   global configuration's, whichever reads more), then values up to the
 *   next word that starts a command: in the mode the command enters (the
 *   tree its .action names), else in its own mode, or in global
 *   configuration.  A command that enters hex data ends where its tree
 *   does.
 */
size_t conf_flat_next(const struct cmd_node *mode, bool hex, char **w, size_t n,
		      size_t pos, size_t max);

#endif /* CRYPTOD_CONF_FLAT_H */
