/* SPDX-License-Identifier: MIT */
/* go/parser's identifier resolver, reduced to the one effect it has on
 * what go/parser accepts: ParseFile (without SkipObjectResolution) gives up
 * on a file whose syntax tree nests more than 1,000 scopes, with the error
 * "exceeded max scope depth during object resolution" (go/parser's
 * resolver.go, maxScopeDepth). Internal to the parser. */
#ifndef GOAT_PARSER_RESOLVE_DEPTH_H
#define GOAT_PARSER_RESOLVE_DEPTH_H

#include <stdbool.h>

#include "parser/ast.h"

/* go/parser's maxScopeDepth (the package scope counts as the first). */
#define GOAT_MAX_SCOPE_DEPTH 1000

/* The resolver's message for a file that nests too deeply. */
#define GOAT_SCOPE_DEPTH_MSG "exceeded max scope depth during object resolution"

/* Walks the File node file in the resolver's order, opening and closing
 * scopes where the resolver does. Returns true, with *pos set to the
 * position the resolver reports, when a scope goes past the limit; false
 * when the whole file stays within it. Iterative: any depth of tree is
 * safe on any stack. */
bool goat_resolve_depth_exceeded(const goat_node *file, goat_pos *pos);

#endif
