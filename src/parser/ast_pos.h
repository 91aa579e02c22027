/* SPDX-License-Identifier: MIT */
/* go/ast's Pos() and End() rules, applied once when a node is complete, so
 * that every node carries the offsets go/ast would compute on demand.
 * Inline, so that a call site naming the node's kind keeps only that kind's
 * rule: about two million nodes of the standard library are finished this
 * way, and a call with a switch on the kind cost 3% of parsing. */
#ifndef GOAT_PARSER_AST_POS_H
#define GOAT_PARSER_AST_POS_H

#include <string.h>

#include "lexer/token.h"
#include "parser/ast.h"

static inline goat_pos goat_p_end_of_list(goat_node_list l)
{
    return l.count ? l.items[l.count - 1]->end : GOAT_NOPOS;
}

/* Sets n->pos and n->end from its fields, n being of the given kind;
 * returns n. */
static inline __attribute__((always_inline)) goat_node *goat_p_finish_as(goat_node *n, goat_node_kind kind)
{
    switch (kind) {
    case GOAT_BAD_EXPR:
    case GOAT_BAD_STMT:
    case GOAT_BAD_DECL:
        n->pos = n->u.bad.from;
        n->end = n->u.bad.to;
        break;
    case GOAT_IDENT:
    case GOAT_BASIC_LIT:
        break; /* pos and end set by the parser from the token */
    case GOAT_ELLIPSIS:
        /* pos set by the parser (the "..." token) */
        n->end = n->u.ellipsis.elt ? n->u.ellipsis.elt->end : n->pos + 3;
        break;
    case GOAT_FUNC_LIT:
        n->pos = n->u.func_lit.type->pos;
        n->end = n->u.func_lit.body->end;
        break;
    case GOAT_COMPOSITE_LIT:
        n->pos = n->u.composite_lit.type ? n->u.composite_lit.type->pos : n->u.composite_lit.lbrace;
        n->end = n->u.composite_lit.rbrace + 1;
        break;
    case GOAT_PAREN_EXPR:
        n->pos = n->u.paren.lparen;
        n->end = n->u.paren.rparen + 1;
        break;
    case GOAT_SELECTOR_EXPR:
        n->pos = n->u.selector.x->pos;
        n->end = n->u.selector.sel->end;
        break;
    case GOAT_INDEX_EXPR:
        n->pos = n->u.index.x->pos;
        n->end = n->u.index.rbrack + 1;
        break;
    case GOAT_INDEX_LIST_EXPR:
        n->pos = n->u.index_list.x->pos;
        n->end = n->u.index_list.rbrack + 1;
        break;
    case GOAT_SLICE_EXPR:
        n->pos = n->u.slice.x->pos;
        n->end = n->u.slice.rbrack + 1;
        break;
    case GOAT_TYPE_ASSERT_EXPR:
        n->pos = n->u.type_assert.x->pos;
        n->end = n->u.type_assert.rparen + 1;
        break;
    case GOAT_CALL_EXPR:
        n->pos = n->u.call.fun->pos;
        n->end = n->u.call.rparen + 1;
        break;
    case GOAT_STAR_EXPR:
        /* pos set by the parser (the '*') */
        n->end = n->u.star.x->end;
        break;
    case GOAT_UNARY_EXPR:
        n->pos = n->u.unary.op_pos;
        n->end = n->u.unary.x->end;
        break;
    case GOAT_BINARY_EXPR:
        n->pos = n->u.binary.x->pos;
        n->end = n->u.binary.y->end;
        break;
    case GOAT_KEY_VALUE_EXPR:
        n->pos = n->u.key_value.key->pos;
        n->end = n->u.key_value.value->end;
        break;
    case GOAT_ARRAY_TYPE:
        n->pos = n->u.array_type.lbrack;
        n->end = n->u.array_type.elt->end;
        break;
    case GOAT_STRUCT_TYPE:
        n->pos = n->u.struct_type.struct_pos;
        n->end = n->u.struct_type.fields->end;
        break;
    case GOAT_FUNC_TYPE: {
        const goat_node *params = n->u.func_type.params;
        if (n->u.func_type.func_pos != GOAT_NOPOS || !params)
            n->pos = n->u.func_type.func_pos;
        else
            n->pos = params->pos;
        n->end = n->u.func_type.results ? n->u.func_type.results->end : params->end;
        break;
    }
    case GOAT_INTERFACE_TYPE:
        n->pos = n->u.interface_type.interface_pos;
        n->end = n->u.interface_type.methods->end;
        break;
    case GOAT_MAP_TYPE:
        n->pos = n->u.map_type.map_pos;
        n->end = n->u.map_type.value->end;
        break;
    case GOAT_CHAN_TYPE:
        n->pos = n->u.chan_type.begin;
        n->end = n->u.chan_type.value->end;
        break;
    case GOAT_DECL_STMT:
        n->pos = n->u.decl_stmt.decl->pos;
        n->end = n->u.decl_stmt.decl->end;
        break;
    case GOAT_EMPTY_STMT:
        n->pos = n->u.empty_stmt.semicolon;
        n->end = n->pos + (n->u.empty_stmt.implicit ? 0 : 1);
        break;
    case GOAT_LABELED_STMT:
        n->pos = n->u.labeled.label->pos;
        n->end = n->u.labeled.stmt->end;
        break;
    case GOAT_EXPR_STMT:
        n->pos = n->u.expr_stmt.x->pos;
        n->end = n->u.expr_stmt.x->end;
        break;
    case GOAT_SEND_STMT:
        n->pos = n->u.send.chan->pos;
        n->end = n->u.send.value->end;
        break;
    case GOAT_INC_DEC_STMT:
        n->pos = n->u.inc_dec.x->pos;
        n->end = n->u.inc_dec.tok_pos + 2;
        break;
    case GOAT_ASSIGN_STMT:
        n->pos = n->u.assign.lhs.count ? n->u.assign.lhs.items[0]->pos : GOAT_NOPOS;
        n->end = goat_p_end_of_list(n->u.assign.rhs);
        break;
    case GOAT_GO_STMT:
    case GOAT_DEFER_STMT:
        n->pos = n->u.go_defer.keyword;
        n->end = n->u.go_defer.call->end;
        break;
    case GOAT_RETURN_STMT:
        n->pos = n->u.return_stmt.return_pos;
        n->end = n->u.return_stmt.results.count ? goat_p_end_of_list(n->u.return_stmt.results) : n->pos + 6;
        break;
    case GOAT_BRANCH_STMT:
        n->pos = n->u.branch.tok_pos;
        n->end = n->u.branch.label ? n->u.branch.label->end
                                   : n->pos + (goat_pos)strlen(goat_token_string(n->u.branch.tok));
        break;
    case GOAT_BLOCK_STMT:
        n->pos = n->u.block.lbrace;
        if (n->u.block.rbrace != GOAT_NOPOS)
            n->end = n->u.block.rbrace + 1;
        else if (n->u.block.list.count)
            n->end = goat_p_end_of_list(n->u.block.list);
        else
            n->end = n->u.block.lbrace + 1;
        break;
    case GOAT_IF_STMT:
        n->pos = n->u.if_stmt.if_pos;
        n->end = n->u.if_stmt.else_ ? n->u.if_stmt.else_->end : n->u.if_stmt.body->end;
        break;
    case GOAT_CASE_CLAUSE:
        n->pos = n->u.case_clause.case_pos;
        n->end = n->u.case_clause.body.count ? goat_p_end_of_list(n->u.case_clause.body) : n->u.case_clause.colon + 1;
        break;
    case GOAT_SWITCH_STMT:
        n->pos = n->u.switch_stmt.switch_pos;
        n->end = n->u.switch_stmt.body->end;
        break;
    case GOAT_TYPE_SWITCH_STMT:
        n->pos = n->u.type_switch.switch_pos;
        n->end = n->u.type_switch.body->end;
        break;
    case GOAT_COMM_CLAUSE:
        n->pos = n->u.comm_clause.case_pos;
        n->end = n->u.comm_clause.body.count ? goat_p_end_of_list(n->u.comm_clause.body) : n->u.comm_clause.colon + 1;
        break;
    case GOAT_SELECT_STMT:
        n->pos = n->u.select_stmt.select_pos;
        n->end = n->u.select_stmt.body->end;
        break;
    case GOAT_FOR_STMT:
        n->pos = n->u.for_stmt.for_pos;
        n->end = n->u.for_stmt.body->end;
        break;
    case GOAT_RANGE_STMT:
        n->pos = n->u.range_stmt.for_pos;
        n->end = n->u.range_stmt.body->end;
        break;
    case GOAT_IMPORT_SPEC:
        n->pos = n->u.import_spec.name ? n->u.import_spec.name->pos : n->u.import_spec.path->pos;
        n->end = n->u.import_spec.end_pos != GOAT_NOPOS ? n->u.import_spec.end_pos : n->u.import_spec.path->end;
        break;
    case GOAT_VALUE_SPEC:
        n->pos = n->u.value_spec.names.items[0]->pos;
        if (n->u.value_spec.values.count)
            n->end = goat_p_end_of_list(n->u.value_spec.values);
        else if (n->u.value_spec.type)
            n->end = n->u.value_spec.type->end;
        else
            n->end = goat_p_end_of_list(n->u.value_spec.names);
        break;
    case GOAT_TYPE_SPEC:
        n->pos = n->u.type_spec.name->pos;
        n->end = n->u.type_spec.type->end;
        break;
    case GOAT_GEN_DECL:
        n->pos = n->u.gen_decl.tok_pos;
        if (n->u.gen_decl.rparen != GOAT_NOPOS)
            n->end = n->u.gen_decl.rparen + 1;
        else
            n->end = n->u.gen_decl.specs.items[0]->end;
        break;
    case GOAT_FUNC_DECL:
        n->pos = n->u.func_decl.type->pos;
        n->end = n->u.func_decl.body ? n->u.func_decl.body->end : n->u.func_decl.type->end;
        break;
    case GOAT_FIELD:
        if (n->u.field.names.count)
            n->pos = n->u.field.names.items[0]->pos;
        else if (n->u.field.type)
            n->pos = n->u.field.type->pos;
        else
            n->pos = GOAT_NOPOS;
        if (n->u.field.tag)
            n->end = n->u.field.tag->end;
        else if (n->u.field.type)
            n->end = n->u.field.type->end;
        else if (n->u.field.names.count)
            n->end = goat_p_end_of_list(n->u.field.names);
        else
            n->end = GOAT_NOPOS;
        break;
    case GOAT_FIELD_LIST: {
        goat_node_list l = n->u.field_list.list;
        if (n->u.field_list.opening != GOAT_NOPOS)
            n->pos = n->u.field_list.opening;
        else
            n->pos = l.count ? l.items[0]->pos : GOAT_NOPOS;
        if (n->u.field_list.closing != GOAT_NOPOS)
            n->end = n->u.field_list.closing + 1;
        else
            n->end = goat_p_end_of_list(l);
        break;
    }
    case GOAT_FILE:
        n->pos = n->u.file.package_pos;
        n->end = n->u.file.decls.count ? goat_p_end_of_list(n->u.file.decls) : n->u.file.name->end;
        break;
    case GOAT_NODE_KIND_COUNT:
        break;
    }
    return n;
}

/* The same for a node whose kind the caller does not know; returns n. */
goat_node *goat_p_finish(goat_node *n);

#endif
