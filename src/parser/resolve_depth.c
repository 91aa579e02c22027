/* SPDX-License-Identifier: MIT */
/* The scope depth check of go/parser's resolver (resolver.go): the same
 * walk over the tree, in the same order, with a depth counter in place of
 * the scopes. The walk is a loop over an explicit stack of steps (visit a
 * node, open a scope, close one), so adversarially deep trees cannot
 * exhaust the C stack. The order matters only for which of several
 * too-deep scopes is reported: the first the resolver opens. */
#include "parser/resolve_depth.h"

#include <stdlib.h>

#include "util/xalloc.h"

enum step_op { STEP_VISIT, STEP_OPEN, STEP_CLOSE };

typedef struct step {
    const goat_node *node; /* STEP_VISIT */
    goat_pos pos;          /* STEP_OPEN: where the resolver reports an overflow */
    enum step_op op;
} step;

typedef struct walker {
    step *steps;
    size_t len, cap;
} walker;

static void push(walker *w, enum step_op op, const goat_node *node, goat_pos pos)
{
    if (w->len == w->cap) {
        void *items = w->steps;
        goat_grow(&items, &w->cap, w->len + 1, sizeof *w->steps);
        w->steps = items;
    }
    w->steps[w->len++] = (step){.node = node, .pos = pos, .op = op};
}

/* ast.Walk of a node that may be absent; leaves that cannot hold a scope
 * are not worth a step. */
static void walk(walker *w, const goat_node *n)
{
    if (!n)
        return;
    switch (n->kind) {
    case GOAT_IDENT: case GOAT_BASIC_LIT: case GOAT_BAD_EXPR:
    case GOAT_BAD_STMT: case GOAT_EMPTY_STMT: case GOAT_BRANCH_STMT:
    case GOAT_BAD_DECL: case GOAT_IMPORT_SPEC:
        return;
    default:
        push(w, STEP_VISIT, n, GOAT_NOPOS);
    }
}

static void walk_list(walker *w, goat_node_list list)
{
    for (size_t i = 0; i < list.count; i++)
        walk(w, list.items[i]);
}

static void open_scope(walker *w, goat_pos pos)
{
    push(w, STEP_OPEN, NULL, pos);
}

static void close_scope(walker *w)
{
    push(w, STEP_CLOSE, NULL, GOAT_NOPOS);
}

/* The resolver's resolveList: the types of a field list, not the names. */
static void walk_field_types(walker *w, const goat_node *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->u.field_list.list.count; i++)
        walk(w, list->u.field_list.list.items[i]->u.field.type);
}

static void walk_block_list(walker *w, const goat_node *block)
{
    if (block)
        walk_list(w, block->u.block.list);
}

/* A GenDecl: a type spec with type parameters opens a scope that stays
 * open to the end of the whole declaration (the resolver defers its close
 * inside the loop over the specs). */
static void gen_decl(walker *w, const goat_node *n)
{
    size_t opened = 0;
    goat_node_list specs = n->u.gen_decl.specs;
    for (size_t i = 0; i < specs.count; i++) {
        const goat_node *s = specs.items[i];
        if (s->kind == GOAT_VALUE_SPEC) {
            walk_list(w, s->u.value_spec.values);
            walk(w, s->u.value_spec.type);
        } else if (s->kind == GOAT_TYPE_SPEC) {
            if (s->u.type_spec.type_params) {
                open_scope(w, s->pos);
                opened++;
                walk_field_types(w, s->u.type_spec.type_params);
            }
            walk(w, s->u.type_spec.type);
        }
    }
    while (opened--)
        close_scope(w);
}

/* Pushes the steps of one node in the order the resolver takes them: its
 * Visit case, or ast.Walk's order for the kinds Visit leaves to Walk. */
static void expand(walker *w, const goat_node *n)
{
    switch (n->kind) {
    case GOAT_FUNC_LIT: {
        const goat_node *t = n->u.func_lit.type;
        open_scope(w, n->pos);
        if (t) {
            walk_field_types(w, t->u.func_type.params);
            walk_field_types(w, t->u.func_type.results);
        }
        walk_block_list(w, n->u.func_lit.body);
        close_scope(w);
        break;
    }
    case GOAT_SELECTOR_EXPR:
        walk(w, n->u.selector.x);
        break;
    case GOAT_STRUCT_TYPE:
        open_scope(w, n->pos);
        walk_field_types(w, n->u.struct_type.fields);
        close_scope(w);
        break;
    case GOAT_FUNC_TYPE:
        open_scope(w, n->pos);
        walk_field_types(w, n->u.func_type.params);
        walk_field_types(w, n->u.func_type.results);
        close_scope(w);
        break;
    case GOAT_COMPOSITE_LIT:
        walk(w, n->u.composite_lit.type);
        for (size_t i = 0; i < n->u.composite_lit.elts.count; i++) {
            const goat_node *e = n->u.composite_lit.elts.items[i];
            if (e->kind == GOAT_KEY_VALUE_EXPR) {
                walk(w, e->u.key_value.key);
                walk(w, e->u.key_value.value);
            } else {
                walk(w, e);
            }
        }
        break;
    case GOAT_INTERFACE_TYPE:
        open_scope(w, n->pos);
        walk_field_types(w, n->u.interface_type.methods);
        close_scope(w);
        break;
    case GOAT_LABELED_STMT:
        walk(w, n->u.labeled.stmt);
        break;
    case GOAT_ASSIGN_STMT:
        walk_list(w, n->u.assign.rhs);
        /* the left of := only declares names; anything else there is skipped */
        if (n->u.assign.tok != GOAT_TOK_DEFINE)
            walk_list(w, n->u.assign.lhs);
        break;
    case GOAT_BLOCK_STMT:
        open_scope(w, n->pos);
        walk_list(w, n->u.block.list);
        close_scope(w);
        break;
    case GOAT_IF_STMT:
        open_scope(w, n->pos);
        walk(w, n->u.if_stmt.init);
        walk(w, n->u.if_stmt.cond);
        walk(w, n->u.if_stmt.body);
        walk(w, n->u.if_stmt.else_);
        close_scope(w);
        break;
    case GOAT_CASE_CLAUSE:
        walk_list(w, n->u.case_clause.list);
        open_scope(w, n->pos);
        walk_list(w, n->u.case_clause.body);
        close_scope(w);
        break;
    case GOAT_SWITCH_STMT: {
        const goat_node *tag = n->u.switch_stmt.tag;
        bool tag_scope = tag && n->u.switch_stmt.init;
        open_scope(w, n->pos);
        walk(w, n->u.switch_stmt.init);
        if (tag_scope)
            open_scope(w, tag->pos);
        walk(w, tag);
        walk_block_list(w, n->u.switch_stmt.body);
        if (tag_scope)
            close_scope(w);
        close_scope(w);
        break;
    }
    case GOAT_TYPE_SWITCH_STMT: {
        const goat_node *init = n->u.type_switch.init, *assign = n->u.type_switch.assign;
        if (init) {
            open_scope(w, n->pos);
            walk(w, init);
        }
        open_scope(w, assign ? assign->pos : GOAT_NOPOS);
        walk(w, assign);
        walk_block_list(w, n->u.type_switch.body);
        close_scope(w);
        if (init)
            close_scope(w);
        break;
    }
    case GOAT_COMM_CLAUSE:
        open_scope(w, n->pos);
        walk(w, n->u.comm_clause.comm);
        walk_list(w, n->u.comm_clause.body);
        close_scope(w);
        break;
    case GOAT_SELECT_STMT:
        walk_block_list(w, n->u.select_stmt.body);
        break;
    case GOAT_FOR_STMT:
        open_scope(w, n->pos);
        walk(w, n->u.for_stmt.init);
        walk(w, n->u.for_stmt.cond);
        walk(w, n->u.for_stmt.post);
        walk(w, n->u.for_stmt.body);
        close_scope(w);
        break;
    case GOAT_RANGE_STMT:
        open_scope(w, n->pos);
        walk(w, n->u.range_stmt.x);
        walk(w, n->u.range_stmt.key);
        walk(w, n->u.range_stmt.value);
        walk(w, n->u.range_stmt.body);
        close_scope(w);
        break;
    case GOAT_GEN_DECL:
        gen_decl(w, n);
        break;
    case GOAT_FUNC_DECL: {
        const goat_node *t = n->u.func_decl.type;
        open_scope(w, n->pos);
        /* the receiver's types, in walkRecv's order (which, scopes
         * aside, is ast.Walk's) */
        walk_field_types(w, n->u.func_decl.recv);
        if (t) {
            walk_field_types(w, t->u.func_type.type_params);
            walk_field_types(w, t->u.func_type.params);
            walk_field_types(w, t->u.func_type.results);
        }
        /* the body's statements: the body is no scope of its own */
        walk_block_list(w, n->u.func_decl.body);
        close_scope(w);
        break;
    }

    /* the kinds the resolver leaves to ast.Walk */
    case GOAT_ELLIPSIS:
        walk(w, n->u.ellipsis.elt);
        break;
    case GOAT_PAREN_EXPR:
        walk(w, n->u.paren.x);
        break;
    case GOAT_INDEX_EXPR:
        walk(w, n->u.index.x);
        walk(w, n->u.index.index);
        break;
    case GOAT_INDEX_LIST_EXPR:
        walk(w, n->u.index_list.x);
        walk_list(w, n->u.index_list.indices);
        break;
    case GOAT_SLICE_EXPR:
        walk(w, n->u.slice.x);
        walk(w, n->u.slice.low);
        walk(w, n->u.slice.high);
        walk(w, n->u.slice.max);
        break;
    case GOAT_TYPE_ASSERT_EXPR:
        walk(w, n->u.type_assert.x);
        walk(w, n->u.type_assert.type);
        break;
    case GOAT_CALL_EXPR:
        walk(w, n->u.call.fun);
        walk_list(w, n->u.call.args);
        break;
    case GOAT_STAR_EXPR:
        walk(w, n->u.star.x);
        break;
    case GOAT_UNARY_EXPR:
        walk(w, n->u.unary.x);
        break;
    case GOAT_BINARY_EXPR:
        walk(w, n->u.binary.x);
        walk(w, n->u.binary.y);
        break;
    case GOAT_KEY_VALUE_EXPR:
        walk(w, n->u.key_value.key);
        walk(w, n->u.key_value.value);
        break;
    case GOAT_ARRAY_TYPE:
        walk(w, n->u.array_type.len);
        walk(w, n->u.array_type.elt);
        break;
    case GOAT_MAP_TYPE:
        walk(w, n->u.map_type.key);
        walk(w, n->u.map_type.value);
        break;
    case GOAT_CHAN_TYPE:
        walk(w, n->u.chan_type.value);
        break;
    case GOAT_DECL_STMT:
        walk(w, n->u.decl_stmt.decl);
        break;
    case GOAT_EXPR_STMT:
        walk(w, n->u.expr_stmt.x);
        break;
    case GOAT_SEND_STMT:
        walk(w, n->u.send.chan);
        walk(w, n->u.send.value);
        break;
    case GOAT_INC_DEC_STMT:
        walk(w, n->u.inc_dec.x);
        break;
    case GOAT_GO_STMT:
    case GOAT_DEFER_STMT:
        walk(w, n->u.go_defer.call);
        break;
    case GOAT_RETURN_STMT:
        walk_list(w, n->u.return_stmt.results);
        break;
    case GOAT_VALUE_SPEC:
        walk(w, n->u.value_spec.type);
        walk_list(w, n->u.value_spec.values);
        break;
    case GOAT_TYPE_SPEC:
        walk(w, n->u.type_spec.type_params);
        walk(w, n->u.type_spec.type);
        break;
    case GOAT_FIELD:
        walk(w, n->u.field.type);
        break;
    case GOAT_FIELD_LIST:
        walk_list(w, n->u.field_list.list);
        break;
    case GOAT_FILE:
        walk_list(w, n->u.file.decls);
        break;

    /* nothing inside that could open a scope */
    case GOAT_BAD_EXPR: case GOAT_IDENT: case GOAT_BASIC_LIT:
    case GOAT_BAD_STMT: case GOAT_EMPTY_STMT: case GOAT_BRANCH_STMT:
    case GOAT_IMPORT_SPEC: case GOAT_BAD_DECL:
    case GOAT_NODE_KIND_COUNT:
        break;
    }
}

/* The steps of a node are pushed in the order they are taken; reversing
 * them makes the stack pop them in that order. */
static void reverse_from(walker *w, size_t mark)
{
    for (size_t i = mark, j = w->len; i + 1 < j; i++, j--) {
        step t = w->steps[i];
        w->steps[i] = w->steps[j - 1];
        w->steps[j - 1] = t;
    }
}

bool goat_resolve_depth_exceeded(const goat_node *file, goat_pos *pos)
{
    walker w = {NULL, 0, 0};
    int depth = 1; /* the package scope */
    bool exceeded = false;
    push(&w, STEP_VISIT, file, GOAT_NOPOS);
    while (w.len > 0) {
        step s = w.steps[--w.len];
        if (s.op == STEP_CLOSE) {
            depth--;
        } else if (s.op == STEP_OPEN) {
            if (++depth > GOAT_MAX_SCOPE_DEPTH) {
                *pos = s.pos;
                exceeded = true;
                break;
            }
        } else {
            size_t mark = w.len;
            expand(&w, s.node);
            reverse_from(&w, mark);
        }
    }
    free(w.steps);
    return exceeded;
}
