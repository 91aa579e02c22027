/* SPDX-License-Identifier: MIT */
/* Node kind names and the iterative pre-order walk (go/ast's Inspect). */
#include "parser/ast.h"

#include <stdlib.h>

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

typedef struct walk {
    frame *stack;
    size_t len, cap;
    /* children of the node being expanded, in visiting order */
    const goat_node **kids;
    size_t nkids, kids_cap;
} walk;

static void kid(walk *w, const goat_node *n)
{
    if (!n)
        return;
    if (w->nkids == w->kids_cap) {
        void *items = w->kids;
        goat_grow(&items, &w->kids_cap, w->nkids + 1, sizeof *w->kids);
        w->kids = items;
    }
    w->kids[w->nkids++] = n;
}

static void kids(walk *w, goat_node_list l)
{
    for (size_t i = 0; i < l.count; i++)
        kid(w, l.items[i]);
}

/* The children go/ast's Walk visits, in its order. */
static void children(walk *w, const goat_node *n)
{
    switch (n->kind) {
    case GOAT_BAD_EXPR: case GOAT_IDENT: case GOAT_BASIC_LIT:
    case GOAT_BAD_STMT: case GOAT_EMPTY_STMT: case GOAT_BAD_DECL:
        break;
    case GOAT_ELLIPSIS: kid(w, n->u.ellipsis.elt); break;
    case GOAT_FUNC_LIT: kid(w, n->u.func_lit.type); kid(w, n->u.func_lit.body); break;
    case GOAT_COMPOSITE_LIT: kid(w, n->u.composite_lit.type); kids(w, n->u.composite_lit.elts); break;
    case GOAT_PAREN_EXPR: kid(w, n->u.paren.x); break;
    case GOAT_SELECTOR_EXPR: kid(w, n->u.selector.x); kid(w, n->u.selector.sel); break;
    case GOAT_INDEX_EXPR: kid(w, n->u.index.x); kid(w, n->u.index.index); break;
    case GOAT_INDEX_LIST_EXPR: kid(w, n->u.index_list.x); kids(w, n->u.index_list.indices); break;
    case GOAT_SLICE_EXPR:
        kid(w, n->u.slice.x); kid(w, n->u.slice.low); kid(w, n->u.slice.high); kid(w, n->u.slice.max);
        break;
    case GOAT_TYPE_ASSERT_EXPR: kid(w, n->u.type_assert.x); kid(w, n->u.type_assert.type); break;
    case GOAT_CALL_EXPR: kid(w, n->u.call.fun); kids(w, n->u.call.args); break;
    case GOAT_STAR_EXPR: kid(w, n->u.star.x); break;
    case GOAT_UNARY_EXPR: kid(w, n->u.unary.x); break;
    case GOAT_BINARY_EXPR: kid(w, n->u.binary.x); kid(w, n->u.binary.y); break;
    case GOAT_KEY_VALUE_EXPR: kid(w, n->u.key_value.key); kid(w, n->u.key_value.value); break;
    case GOAT_ARRAY_TYPE: kid(w, n->u.array_type.len); kid(w, n->u.array_type.elt); break;
    case GOAT_STRUCT_TYPE: kid(w, n->u.struct_type.fields); break;
    case GOAT_FUNC_TYPE:
        kid(w, n->u.func_type.type_params); kid(w, n->u.func_type.params); kid(w, n->u.func_type.results);
        break;
    case GOAT_INTERFACE_TYPE: kid(w, n->u.interface_type.methods); break;
    case GOAT_MAP_TYPE: kid(w, n->u.map_type.key); kid(w, n->u.map_type.value); break;
    case GOAT_CHAN_TYPE: kid(w, n->u.chan_type.value); break;
    case GOAT_DECL_STMT: kid(w, n->u.decl_stmt.decl); break;
    case GOAT_LABELED_STMT: kid(w, n->u.labeled.label); kid(w, n->u.labeled.stmt); break;
    case GOAT_EXPR_STMT: kid(w, n->u.expr_stmt.x); break;
    case GOAT_SEND_STMT: kid(w, n->u.send.chan); kid(w, n->u.send.value); break;
    case GOAT_INC_DEC_STMT: kid(w, n->u.inc_dec.x); break;
    case GOAT_ASSIGN_STMT: kids(w, n->u.assign.lhs); kids(w, n->u.assign.rhs); break;
    case GOAT_GO_STMT: case GOAT_DEFER_STMT: kid(w, n->u.go_defer.call); break;
    case GOAT_RETURN_STMT: kids(w, n->u.return_stmt.results); break;
    case GOAT_BRANCH_STMT: kid(w, n->u.branch.label); break;
    case GOAT_BLOCK_STMT: kids(w, n->u.block.list); break;
    case GOAT_IF_STMT:
        kid(w, n->u.if_stmt.init); kid(w, n->u.if_stmt.cond); kid(w, n->u.if_stmt.body);
        kid(w, n->u.if_stmt.else_);
        break;
    case GOAT_CASE_CLAUSE: kids(w, n->u.case_clause.list); kids(w, n->u.case_clause.body); break;
    case GOAT_SWITCH_STMT:
        kid(w, n->u.switch_stmt.init); kid(w, n->u.switch_stmt.tag); kid(w, n->u.switch_stmt.body);
        break;
    case GOAT_TYPE_SWITCH_STMT:
        kid(w, n->u.type_switch.init); kid(w, n->u.type_switch.assign); kid(w, n->u.type_switch.body);
        break;
    case GOAT_COMM_CLAUSE: kid(w, n->u.comm_clause.comm); kids(w, n->u.comm_clause.body); break;
    case GOAT_SELECT_STMT: kid(w, n->u.select_stmt.body); break;
    case GOAT_FOR_STMT:
        kid(w, n->u.for_stmt.init); kid(w, n->u.for_stmt.cond); kid(w, n->u.for_stmt.post);
        kid(w, n->u.for_stmt.body);
        break;
    case GOAT_RANGE_STMT:
        kid(w, n->u.range_stmt.key); kid(w, n->u.range_stmt.value); kid(w, n->u.range_stmt.x);
        kid(w, n->u.range_stmt.body);
        break;
    case GOAT_IMPORT_SPEC: kid(w, n->u.import_spec.name); kid(w, n->u.import_spec.path); break;
    case GOAT_VALUE_SPEC:
        kids(w, n->u.value_spec.names); kid(w, n->u.value_spec.type); kids(w, n->u.value_spec.values);
        break;
    case GOAT_TYPE_SPEC:
        kid(w, n->u.type_spec.name); kid(w, n->u.type_spec.type_params); kid(w, n->u.type_spec.type);
        break;
    case GOAT_GEN_DECL: kids(w, n->u.gen_decl.specs); break;
    case GOAT_FUNC_DECL:
        kid(w, n->u.func_decl.recv); kid(w, n->u.func_decl.name); kid(w, n->u.func_decl.type);
        kid(w, n->u.func_decl.body);
        break;
    case GOAT_FIELD: kids(w, n->u.field.names); kid(w, n->u.field.type); kid(w, n->u.field.tag); break;
    case GOAT_FIELD_LIST: kids(w, n->u.field_list.list); break;
    case GOAT_FILE: kid(w, n->u.file.name); kids(w, n->u.file.decls); break;
    case GOAT_NODE_KIND_COUNT: break;
    }
}

static void push(walk *w, const goat_node *n, int depth)
{
    if (w->len == w->cap) {
        void *items = w->stack;
        goat_grow(&items, &w->cap, w->len + 1, sizeof *w->stack);
        w->stack = items;
    }
    w->stack[w->len].node = n;
    w->stack[w->len].depth = depth;
    w->len++;
}

void goat_ast_inspect(const goat_node *root, goat_ast_visit_fn visit, void *ctx)
{
    if (!root)
        return;
    walk w = {0};
    push(&w, root, 0);
    while (w.len) {
        frame f = w.stack[--w.len];
        if (!visit(f.node, f.depth, ctx))
            continue;
        w.nkids = 0;
        children(&w, f.node);
        for (size_t i = w.nkids; i-- > 0;)
            push(&w, w.kids[i], f.depth + 1);
    }
    free(w.stack);
    free(w.kids);
}
