/* SPDX-License-Identifier: MIT */
/* go/ast's Pos() and End() rules for a node whose kind the caller does not
 * name (the rules are in ast_pos.h). */
#include "parser/parser_internal.h"

goat_node *goat_p_finish(goat_node *n)
{
    return goat_p_finish_as(n, n->kind);
}
