/* SPDX-License-Identifier: MIT */
/* The Go syntax tree, modeled on go/ast.
 *
 * One tagged node type. Every node records pos and end: byte offsets equal
 * to what go/ast's Pos() and End() return for the same node (minus the
 * file base), or GOAT_NOPOS where go/ast returns token.NoPos. One
 * exception: a raw string literal holding carriage returns ends where its
 * closing '`' does, as do the nodes it ends, while go/ast ends it at
 * pos + len(Value), Value being the text without them. Offsets here are
 * into the source, which is what the rewriter splices. Further
 * offsets a node kind has in go/ast (Lbrace, Rparen, Colon, ...) are kept in
 * its union member, GOAT_NOPOS when absent. Child pointers are NULL where
 * go/ast's are nil.
 *
 * A node is allocated with room for its own kind's union member only, so
 * never copy a whole goat_node (copy the member instead) and never change
 * a node's kind in place.
 *
 * Every node, list and string lives in the goat_arena the parser was given;
 * goat_arena_free releases a whole tree at once. Strings are NUL-terminated
 * arena copies. A tree refers to its source text (comments are offsets into
 * it), so the text must outlive the tree.
 *
 * Switches over goat_node_kind are exhaustive; add a kind and the compiler
 * names every switch to update. */
#ifndef GOAT_PARSER_AST_H
#define GOAT_PARSER_AST_H

#include <stdbool.h>
#include <stddef.h>

#include "lexer/token.h"

#define GOAT_NOPOS (-1L)

typedef long goat_pos; /* byte offset, or GOAT_NOPOS */

typedef enum goat_node_kind {
    /* expressions and types */
    GOAT_BAD_EXPR,
    GOAT_IDENT,
    GOAT_ELLIPSIS,
    GOAT_BASIC_LIT,
    GOAT_FUNC_LIT,
    GOAT_COMPOSITE_LIT,
    GOAT_PAREN_EXPR,
    GOAT_SELECTOR_EXPR,
    GOAT_INDEX_EXPR,
    GOAT_INDEX_LIST_EXPR,
    GOAT_SLICE_EXPR,
    GOAT_TYPE_ASSERT_EXPR,
    GOAT_CALL_EXPR,
    GOAT_STAR_EXPR,
    GOAT_UNARY_EXPR,
    GOAT_BINARY_EXPR,
    GOAT_KEY_VALUE_EXPR,
    GOAT_ARRAY_TYPE,
    GOAT_STRUCT_TYPE,
    GOAT_FUNC_TYPE,
    GOAT_INTERFACE_TYPE,
    GOAT_MAP_TYPE,
    GOAT_CHAN_TYPE,

    /* statements */
    GOAT_BAD_STMT,
    GOAT_DECL_STMT,
    GOAT_EMPTY_STMT,
    GOAT_LABELED_STMT,
    GOAT_EXPR_STMT,
    GOAT_SEND_STMT,
    GOAT_INC_DEC_STMT,
    GOAT_ASSIGN_STMT,
    GOAT_GO_STMT,
    GOAT_DEFER_STMT,
    GOAT_RETURN_STMT,
    GOAT_BRANCH_STMT,
    GOAT_BLOCK_STMT,
    GOAT_IF_STMT,
    GOAT_CASE_CLAUSE,
    GOAT_SWITCH_STMT,
    GOAT_TYPE_SWITCH_STMT,
    GOAT_COMM_CLAUSE,
    GOAT_SELECT_STMT,
    GOAT_FOR_STMT,
    GOAT_RANGE_STMT,

    /* specifications */
    GOAT_IMPORT_SPEC,
    GOAT_VALUE_SPEC,
    GOAT_TYPE_SPEC,

    /* declarations */
    GOAT_BAD_DECL,
    GOAT_GEN_DECL,
    GOAT_FUNC_DECL,

    /* the rest */
    GOAT_FIELD,
    GOAT_FIELD_LIST,
    GOAT_FILE,

    GOAT_NODE_KIND_COUNT
} goat_node_kind;

typedef struct goat_node goat_node;

/* A list of child nodes (go/ast's []Expr, []Stmt, []*Ident, ...). */
typedef struct goat_node_list {
    goat_node **items;
    size_t count;
} goat_node_list;

/* A comment as written: text is src[pos, end). */
typedef struct goat_comment {
    goat_pos pos;
    goat_pos end;
} goat_comment;

/* ChanType direction, as go/ast.ChanDir. */
enum { GOAT_CHAN_SEND = 1, GOAT_CHAN_RECV = 2, GOAT_CHAN_BOTH = 3 };

struct goat_node {
    goat_node_kind kind;
    goat_pos pos; /* go/ast Pos() */
    goat_pos end; /* go/ast End(), but see above for raw strings */
    union {
        /* ---- expressions ---- */
        struct { goat_pos from, to; } bad;                   /* BadExpr/BadStmt/BadDecl */
        struct { const char *name; } ident;                  /* Ident */
        struct { goat_node *elt; } ellipsis;                 /* Ellipsis: Elt may be NULL */
        struct { goat_tok kind; const char *value; } basic_lit; /* value as go/scanner's literal */
        struct { goat_node *type, *body; } func_lit;         /* FuncType, BlockStmt */
        struct {
            goat_node *type; /* may be NULL */
            goat_pos lbrace, rbrace;
            goat_node_list elts;
            bool incomplete;
        } composite_lit;
        struct {
            goat_pos lparen, rparen;
            goat_node *x;
            goat_node *inner; /* x without any parentheses (go/parser's unparen) */
        } paren;
        struct { goat_node *x, *sel; } selector;
        struct { goat_node *x; goat_pos lbrack, rbrack; goat_node *index; } index;
        struct { goat_node *x; goat_pos lbrack, rbrack; goat_node_list indices; } index_list;
        struct {
            goat_node *x;
            goat_pos lbrack, rbrack;
            goat_node *low, *high, *max; /* each may be NULL */
            bool slice3;
        } slice;
        struct { goat_node *x; goat_pos lparen, rparen; goat_node *type; /* NULL for .(type) */ } type_assert;
        struct {
            goat_node *fun;
            goat_pos lparen, rparen, ellipsis; /* ellipsis: NOPOS unless f(x...) */
            goat_node_list args;
        } call;
        struct { goat_node *x; } star;
        struct { goat_tok op; goat_pos op_pos; goat_node *x; } unary;
        struct { goat_node *x; goat_tok op; goat_pos op_pos; goat_node *y; } binary;
        struct { goat_node *key; goat_pos colon; goat_node *value; } key_value;
        struct { goat_pos lbrack; goat_node *len; /* NULL: slice; Ellipsis: [...]T */ goat_node *elt; } array_type;
        struct { goat_pos struct_pos; goat_node *fields; bool incomplete; } struct_type;
        struct {
            goat_pos func_pos; /* NOPOS for interface methods */
            goat_node *type_params, *params, *results; /* FieldLists; type_params/results may be NULL */
        } func_type;
        struct { goat_pos interface_pos; goat_node *methods; bool incomplete; } interface_type;
        struct { goat_pos map_pos; goat_node *key, *value; } map_type;
        struct { goat_pos begin, arrow; int dir; goat_node *value; } chan_type;

        /* ---- statements ---- */
        struct { goat_node *decl; } decl_stmt;                       /* a GenDecl */
        struct { goat_pos semicolon; bool implicit; } empty_stmt;
        struct { goat_node *label; goat_pos colon; goat_node *stmt; } labeled;
        struct { goat_node *x; } expr_stmt;
        struct { goat_node *chan; goat_pos arrow; goat_node *value; } send;
        struct { goat_node *x; goat_pos tok_pos; goat_tok tok; } inc_dec;
        struct { goat_node_list lhs; goat_pos tok_pos; goat_tok tok; goat_node_list rhs; } assign;
        struct { goat_pos keyword; goat_node *call; } go_defer;     /* GoStmt, DeferStmt */
        struct { goat_pos return_pos; goat_node_list results; } return_stmt;
        struct { goat_pos tok_pos; goat_tok tok; goat_node *label; } branch;
        struct { goat_pos lbrace, rbrace; goat_node_list list; } block;
        struct {
            goat_pos if_pos;
            goat_node *init, *cond, *body, *else_; /* else_: BlockStmt or IfStmt or NULL */
        } if_stmt;
        struct { goat_pos case_pos; goat_node_list list; /* empty: default */ goat_pos colon; goat_node_list body; bool is_default; } case_clause;
        struct { goat_pos switch_pos; goat_node *init, *tag, *body; } switch_stmt;
        struct { goat_pos switch_pos; goat_node *init, *assign, *body; } type_switch;
        struct { goat_pos case_pos; goat_node *comm; /* NULL: default */ goat_pos colon; goat_node_list body; } comm_clause;
        struct { goat_pos select_pos; goat_node *body; } select_stmt;
        struct { goat_pos for_pos; goat_node *init, *cond, *post, *body; } for_stmt;
        struct {
            goat_pos for_pos;
            goat_node *key, *value; /* may be NULL */
            goat_pos tok_pos;       /* NOPOS when there is no key */
            goat_tok tok;           /* ILLEGAL when there is no key, else DEFINE or ASSIGN */
            goat_node *x, *body;
        } range_stmt;

        /* ---- specifications ---- */
        struct { goat_node *name; /* may be NULL */ goat_node *path; goat_pos end_pos; } import_spec;
        struct { goat_node_list names; goat_node *type; /* may be NULL */ goat_node_list values; } value_spec;
        struct { goat_node *name; goat_node *type_params; /* may be NULL */ goat_pos assign; goat_node *type; } type_spec;

        /* ---- declarations ---- */
        struct {
            goat_pos tok_pos;
            goat_tok tok; /* IMPORT, CONST, TYPE or VAR */
            goat_pos lparen, rparen; /* NOPOS when not parenthesized */
            goat_node_list specs;
        } gen_decl;
        struct {
            goat_node *recv; /* FieldList or NULL */
            goat_node *name;
            goat_node *type; /* FuncType; carries the type parameters */
            goat_node *body; /* BlockStmt or NULL */
        } func_decl;

        /* ---- the rest ---- */
        struct { goat_node_list names; goat_node *type; goat_node *tag; /* may be NULL */ } field;
        struct { goat_pos opening, closing; goat_node_list list; } field_list;
        struct {
            goat_pos package_pos;
            goat_node *name;
            goat_node_list decls;
            goat_node_list imports; /* every ImportSpec, in source order */
            goat_comment *comments; /* every comment, in source order */
            size_t comment_count;
            /* goat's, not go/ast's: every raw string literal that spans
             * lines, in source order (with the comments, the tokens that
             * do), for a reader of a line that starts inside one */
            goat_comment *multiline_strings;
            size_t multiline_string_count;
        } file;
    } u;
};

/* go/ast's type name for a kind: "FuncDecl", "IndexListExpr", ... */
const char *goat_node_kind_name(goat_node_kind kind);

/* Calls visit(node, depth, ctx) for node and its descendants in pre-order,
 * in exactly the order go/ast's ast.Inspect visits them (comments are not
 * nodes here and are never visited). When visit returns false the node's
 * children are skipped. Iterative: adversarially deep trees do not exhaust
 * the C stack. */
typedef bool (*goat_ast_visit_fn)(const goat_node *node, int depth, void *ctx);
void goat_ast_inspect(const goat_node *root, goat_ast_visit_fn visit, void *ctx);

#endif
