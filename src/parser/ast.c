/* SPDX-License-Identifier: MIT */
/* Node kind names and the iterative pre-order walk (go/ast's Inspect). */
#include "parser/ast.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

const char *goat_node_kind_name(goat_node_kind kind)
{
    switch (kind) {
    case GOAT_BAD_EXPR: return "BadExpr";
    case GOAT_IDENT: return "Ident";
    case GOAT_ELLIPSIS: return "Ellipsis";
    case GOAT_BASIC_LIT: return "BasicLit";
    case GOAT_FUNC_LIT: return "FuncLit";
    case GOAT_COMPOSITE_LIT: return "CompositeLit";
    case GOAT_PAREN_EXPR: return "ParenExpr";
    case GOAT_SELECTOR_EXPR: return "SelectorExpr";
    case GOAT_INDEX_EXPR: return "IndexExpr";
    case GOAT_INDEX_LIST_EXPR: return "IndexListExpr";
    case GOAT_SLICE_EXPR: return "SliceExpr";
    case GOAT_TYPE_ASSERT_EXPR: return "TypeAssertExpr";
    case GOAT_CALL_EXPR: return "CallExpr";
    case GOAT_STAR_EXPR: return "StarExpr";
    case GOAT_UNARY_EXPR: return "UnaryExpr";
    case GOAT_BINARY_EXPR: return "BinaryExpr";
    case GOAT_KEY_VALUE_EXPR: return "KeyValueExpr";
    case GOAT_ARRAY_TYPE: return "ArrayType";
    case GOAT_STRUCT_TYPE: return "StructType";
    case GOAT_FUNC_TYPE: return "FuncType";
    case GOAT_INTERFACE_TYPE: return "InterfaceType";
    case GOAT_MAP_TYPE: return "MapType";
    case GOAT_CHAN_TYPE: return "ChanType";
    case GOAT_BAD_STMT: return "BadStmt";
    case GOAT_DECL_STMT: return "DeclStmt";
    case GOAT_EMPTY_STMT: return "EmptyStmt";
    case GOAT_LABELED_STMT: return "LabeledStmt";
    case GOAT_EXPR_STMT: return "ExprStmt";
    case GOAT_SEND_STMT: return "SendStmt";
    case GOAT_INC_DEC_STMT: return "IncDecStmt";
    case GOAT_ASSIGN_STMT: return "AssignStmt";
    case GOAT_GO_STMT: return "GoStmt";
    case GOAT_DEFER_STMT: return "DeferStmt";
    case GOAT_RETURN_STMT: return "ReturnStmt";
    case GOAT_BRANCH_STMT: return "BranchStmt";
    case GOAT_BLOCK_STMT: return "BlockStmt";
    case GOAT_IF_STMT: return "IfStmt";
    case GOAT_CASE_CLAUSE: return "CaseClause";
    case GOAT_SWITCH_STMT: return "SwitchStmt";
    case GOAT_TYPE_SWITCH_STMT: return "TypeSwitchStmt";
    case GOAT_COMM_CLAUSE: return "CommClause";
    case GOAT_SELECT_STMT: return "SelectStmt";
    case GOAT_FOR_STMT: return "ForStmt";
    case GOAT_RANGE_STMT: return "RangeStmt";
    case GOAT_IMPORT_SPEC: return "ImportSpec";
    case GOAT_VALUE_SPEC: return "ValueSpec";
    case GOAT_TYPE_SPEC: return "TypeSpec";
    case GOAT_BAD_DECL: return "BadDecl";
    case GOAT_GEN_DECL: return "GenDecl";
    case GOAT_FUNC_DECL: return "FuncDecl";
    case GOAT_FIELD: return "Field";
    case GOAT_FIELD_LIST: return "FieldList";
    case GOAT_FILE: return "File";
    case GOAT_NODE_KIND_COUNT: break;
    }
    return "?";
}

typedef struct frame {
    const goat_node *node;
    int depth;
} frame;

/* The nodes still to visit, the next on top. A node's children are pushed
 * in visiting order and the run is then reversed, so that the first child
 * comes off first. */
typedef struct walk {
    frame *stack;
    size_t len, cap;
    frame *local; /* the first stack, in the caller's frame */
} walk;

/* Most walks (a statement, a function) never outgrow the local stack, and
 * a rewrite runs about a hundred thousand of them: only a deep or wide
 * tree moves the stack to the heap. */
enum { LOCAL_FRAMES = 64 };

static void reserve(walk *w, size_t more)
{
    if (w->cap - w->len < more) {
        bool local = w->stack == w->local;
        void *items = local ? NULL : w->stack;
        size_t cap = local ? 0 : w->cap;
        goat_grow(&items, &cap, w->len + more, sizeof *w->stack);
        if (local)
            memcpy(items, w->local, w->len * sizeof *w->stack);
        w->stack = items;
        w->cap = cap;
    }
}

/* Room for a node's children is reserved before they are pushed: at most
 * four single ones, and each list reserves its own. */
enum { MAX_SINGLE_KIDS = 4 };

static inline void kid(walk *w, const goat_node *n, int depth)
{
    if (n) {
        w->stack[w->len].node = n;
        w->stack[w->len].depth = depth;
        w->len++;
    }
}

/* A list's items, last first. */
static inline void kids_reversed(walk *w, goat_node_list l, int depth)
{
    reserve(w, l.count + MAX_SINGLE_KIDS);
    for (size_t i = l.count; i-- > 0;)
        kid(w, l.items[i], depth);
}

/* Pushes the children go/ast's Walk visits at depth d, in the reverse of
 * its order, so that the first comes off the stack first. */
static void push_children(walk *w, const goat_node *n, int d)
{
    switch (n->kind) {
    case GOAT_BAD_EXPR: case GOAT_IDENT: case GOAT_BASIC_LIT:
    case GOAT_BAD_STMT: case GOAT_EMPTY_STMT: case GOAT_BAD_DECL:
        break;
    case GOAT_ELLIPSIS: kid(w, n->u.ellipsis.elt, d); break;
    case GOAT_FUNC_LIT: kid(w, n->u.func_lit.body, d); kid(w, n->u.func_lit.type, d); break;
    case GOAT_COMPOSITE_LIT:
        kids_reversed(w, n->u.composite_lit.elts, d); kid(w, n->u.composite_lit.type, d); break;
    case GOAT_PAREN_EXPR: kid(w, n->u.paren.x, d); break;
    case GOAT_SELECTOR_EXPR: kid(w, n->u.selector.sel, d); kid(w, n->u.selector.x, d); break;
    case GOAT_INDEX_EXPR: kid(w, n->u.index.index, d); kid(w, n->u.index.x, d); break;
    case GOAT_INDEX_LIST_EXPR: kids_reversed(w, n->u.index_list.indices, d); kid(w, n->u.index_list.x, d); break;
    case GOAT_SLICE_EXPR:
        kid(w, n->u.slice.max, d); kid(w, n->u.slice.high, d); kid(w, n->u.slice.low, d); kid(w, n->u.slice.x, d);
        break;
    case GOAT_TYPE_ASSERT_EXPR: kid(w, n->u.type_assert.type, d); kid(w, n->u.type_assert.x, d); break;
    case GOAT_CALL_EXPR: kids_reversed(w, n->u.call.args, d); kid(w, n->u.call.fun, d); break;
    case GOAT_STAR_EXPR: kid(w, n->u.star.x, d); break;
    case GOAT_UNARY_EXPR: kid(w, n->u.unary.x, d); break;
    case GOAT_BINARY_EXPR: kid(w, n->u.binary.y, d); kid(w, n->u.binary.x, d); break;
    case GOAT_KEY_VALUE_EXPR: kid(w, n->u.key_value.value, d); kid(w, n->u.key_value.key, d); break;
    case GOAT_ARRAY_TYPE: kid(w, n->u.array_type.elt, d); kid(w, n->u.array_type.len, d); break;
    case GOAT_STRUCT_TYPE: kid(w, n->u.struct_type.fields, d); break;
    case GOAT_FUNC_TYPE:
        kid(w, n->u.func_type.results, d); kid(w, n->u.func_type.params, d); kid(w, n->u.func_type.type_params, d);
        break;
    case GOAT_INTERFACE_TYPE: kid(w, n->u.interface_type.methods, d); break;
    case GOAT_MAP_TYPE: kid(w, n->u.map_type.value, d); kid(w, n->u.map_type.key, d); break;
    case GOAT_CHAN_TYPE: kid(w, n->u.chan_type.value, d); break;
    case GOAT_DECL_STMT: kid(w, n->u.decl_stmt.decl, d); break;
    case GOAT_LABELED_STMT: kid(w, n->u.labeled.stmt, d); kid(w, n->u.labeled.label, d); break;
    case GOAT_EXPR_STMT: kid(w, n->u.expr_stmt.x, d); break;
    case GOAT_SEND_STMT: kid(w, n->u.send.value, d); kid(w, n->u.send.chan, d); break;
    case GOAT_INC_DEC_STMT: kid(w, n->u.inc_dec.x, d); break;
    case GOAT_ASSIGN_STMT: kids_reversed(w, n->u.assign.rhs, d); kids_reversed(w, n->u.assign.lhs, d); break;
    case GOAT_GO_STMT: case GOAT_DEFER_STMT: kid(w, n->u.go_defer.call, d); break;
    case GOAT_RETURN_STMT: kids_reversed(w, n->u.return_stmt.results, d); break;
    case GOAT_BRANCH_STMT: kid(w, n->u.branch.label, d); break;
    case GOAT_BLOCK_STMT: kids_reversed(w, n->u.block.list, d); break;
    case GOAT_IF_STMT:
        kid(w, n->u.if_stmt.else_, d); kid(w, n->u.if_stmt.body, d); kid(w, n->u.if_stmt.cond, d);
        kid(w, n->u.if_stmt.init, d); break;
    case GOAT_CASE_CLAUSE:
        kids_reversed(w, n->u.case_clause.body, d); kids_reversed(w, n->u.case_clause.list, d); break;
    case GOAT_SWITCH_STMT:
        kid(w, n->u.switch_stmt.body, d); kid(w, n->u.switch_stmt.tag, d); kid(w, n->u.switch_stmt.init, d); break;
    case GOAT_TYPE_SWITCH_STMT:
        kid(w, n->u.type_switch.body, d); kid(w, n->u.type_switch.assign, d); kid(w, n->u.type_switch.init, d);
        break;
    case GOAT_COMM_CLAUSE: kids_reversed(w, n->u.comm_clause.body, d); kid(w, n->u.comm_clause.comm, d); break;
    case GOAT_SELECT_STMT: kid(w, n->u.select_stmt.body, d); break;
    case GOAT_FOR_STMT:
        kid(w, n->u.for_stmt.body, d); kid(w, n->u.for_stmt.post, d); kid(w, n->u.for_stmt.cond, d);
        kid(w, n->u.for_stmt.init, d); break;
    case GOAT_RANGE_STMT:
        kid(w, n->u.range_stmt.body, d); kid(w, n->u.range_stmt.x, d); kid(w, n->u.range_stmt.value, d);
        kid(w, n->u.range_stmt.key, d); break;
    case GOAT_IMPORT_SPEC: kid(w, n->u.import_spec.path, d); kid(w, n->u.import_spec.name, d); break;
    case GOAT_VALUE_SPEC:
        kids_reversed(w, n->u.value_spec.values, d); kid(w, n->u.value_spec.type, d);
        kids_reversed(w, n->u.value_spec.names, d); break;
    case GOAT_TYPE_SPEC:
        kid(w, n->u.type_spec.type, d); kid(w, n->u.type_spec.type_params, d); kid(w, n->u.type_spec.name, d);
        break;
    case GOAT_GEN_DECL: kids_reversed(w, n->u.gen_decl.specs, d); break;
    case GOAT_FUNC_DECL:
        kid(w, n->u.func_decl.body, d); kid(w, n->u.func_decl.type, d); kid(w, n->u.func_decl.name, d);
        kid(w, n->u.func_decl.recv, d); break;
    case GOAT_FIELD:
        kid(w, n->u.field.tag, d); kid(w, n->u.field.type, d); kids_reversed(w, n->u.field.names, d); break;
    case GOAT_FIELD_LIST: kids_reversed(w, n->u.field_list.list, d); break;
    case GOAT_FILE: kids_reversed(w, n->u.file.decls, d); kid(w, n->u.file.name, d); break;
    case GOAT_NODE_KIND_COUNT: break;
    }
}

void goat_ast_inspect(const goat_node *root, goat_ast_visit_fn visit, void *ctx)
{
    if (!root)
        return;
    frame local[LOCAL_FRAMES];
    walk w = {local, 0, LOCAL_FRAMES, local};
    kid(&w, root, 0);
    while (w.len) {
        frame f = w.stack[--w.len];
        if (!visit(f.node, f.depth, ctx))
            continue;
        reserve(&w, MAX_SINGLE_KIDS);
        push_children(&w, f.node, f.depth + 1);
    }
    if (w.stack != local)
        free(w.stack);
}
