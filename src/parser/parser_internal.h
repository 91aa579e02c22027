/* SPDX-License-Identifier: MIT */
/* Shared state of the parser's translation units (not a public contract).
 *
 * The parser mirrors go/parser (Go 1.19) function by function; each parse
 * function carries the Go grammar production it recognises. Errors are
 * recorded and the parse goes on with go/parser's own recovery (BadExpr,
 * advance to a synchronisation token, ...), so that after go/parser's
 * sorting the first error is the one go/parser reports. Like go/parser it
 * bails out after too many errors or past the nesting cap (see
 * goat_p_bailout); everything allocated lives in the arena or in the
 * parser's buffers, freed by the entry point. */
#ifndef GOAT_PARSER_PARSER_INTERNAL_H
#define GOAT_PARSER_PARSER_INTERNAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lexer/lexer.h"
#include "parser/ast.h"
#include "parser/ast_pos.h"
#include "util/arena.h"
#include "util/lines.h"

typedef struct goat_parse_error {
    goat_pos pos;
    const char *file; /* the file's name, or a //line directive's (lexer-owned) */
    int line, col;    /* as the file or directive numbers them; col 0: unknown */
    char *msg;
} goat_parse_error;

/* go/parser's synchronisation sets for advance. */
enum goat_sync { GOAT_SYNC_STMT, GOAT_SYNC_DECL, GOAT_SYNC_EXPR_END };

/* How many tokens the parser takes from the lexer at a time. */
enum { GOAT_P_AHEAD = 128 };

/* go/parser's maxNestLev. */
#define GOAT_MAX_NEST_LEV 100000

typedef struct goat_parser {
    goat_arena *arena;
    const char *filename;
    const char *src;
    size_t len;
    goat_lexer lx;

    /* one-token look-ahead, as go/parser's p.pos, p.tok, p.lit */
    goat_tok tok;
    goat_pos pos;
    const char *lit;
    size_t lit_len;

    /* tokens the lexer scanned ahead (goat_lexer_scan_ahead), taken one by
     * one: ahead[ahead_next .. ahead_count) are still to come */
    unsigned ahead_next, ahead_count;
    goat_lexed ahead[GOAT_P_AHEAD];

    int expr_lev; /* < 0: in control clause, >= 0: in expression */
    bool in_rhs;  /* parsing a right-hand side (= is then ==) */
    int nest_lev;
    int max_nest_lev;          /* the deepest nest_lev reached */
    size_t generic_type_specs; /* type specs with type parameters */

    /* A stack of nodes for lists under construction: a list pushes its
     * items above the current top and copies them to the arena when done. */
    goat_node **scratch;
    size_t scratch_len, scratch_cap;

    /* Zeroed arena memory carved out without a call per node. */
    char *bump, *bump_end;

    goat_node **imports;
    size_t import_count, import_cap;

    goat_comment *comments;
    size_t comment_count, comment_cap;

    goat_comment *multiline_strings; /* the File's: raw strings spanning lines */
    size_t multiline_string_count, multiline_string_cap;

    /* go/parser's error list, reduced to what decides its outcome: how
     * many errors, the line of the last one (one error per line), and the
     * least by go/parser's order, which sorting would put first (msg
     * owned; valid when error_count > 0). */
    size_t error_count;
    int last_error_line;
    goat_parse_error least_error;
    unsigned long error_calls;
    goat_lines lines; /* built at the first error */
    bool lines_ready;

    goat_pos sync_pos; /* go/parser's syncPos and syncCnt, for advance */
    int sync_cnt;
    bool bailed;  /* parse over: every token is EOF, errors are ignored */
    bool outline; /* goat_parse_file_outline: skip function bodies */
    /* goat_parse_file_known_bodies: the '{' offsets of the function bodies
     * to skip, ascending, and the first not yet passed */
    const size_t *known_bodies;
    size_t known_body_count, known_body_next;
    jmp_buf bail; /* last resort against a recovery loop */
} goat_parser;

/* ---- parser_core.c ---- */

void *goat_p_alloc_slow(goat_parser *p, size_t size);

/* Zero-filled arena memory, 8-byte aligned. */
static inline void *goat_p_alloc(goat_parser *p, size_t size)
{
    size = (size + 7) & ~(size_t)7;
    if (size > (size_t)(p->bump_end - p->bump))
        return goat_p_alloc_slow(p, size);
    void *r = p->bump;
    p->bump += size;
    return r;
}

void goat_p_next_refill(goat_parser *p);

/* go/parser's next: the next token that is not a comment. Most come from
 * the tokens scanned ahead; the rest (comments, rarer tokens, the end, and
 * every token once the parse has bailed out) from goat_p_next_refill. */
static inline void goat_p_next(goat_parser *p)
{
    if (__builtin_expect(p->ahead_next < p->ahead_count, 1)) {
        const goat_lexed *t = &p->ahead[p->ahead_next++];
        p->tok = t->kind;
        p->pos = (goat_pos)t->pos;
        p->lit = p->src + t->pos;
        p->lit_len = t->lit_len;
        return;
    }
    goat_p_next_refill(p);
}
/* Errors are the rare path: cold, so that the compiler keeps them out of
 * the way of the parse functions' common paths. */
void goat_p_error(goat_parser *p, goat_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), cold));
void goat_p_error_expected(goat_parser *p, goat_pos pos, const char *what) __attribute__((cold));
void goat_p_bailout(goat_parser *p);
void goat_p_advance(goat_parser *p, enum goat_sync set);
/* A BadExpr, BadStmt or BadDecl covering [from, to). */
goat_node *goat_p_bad(goat_parser *p, goat_node_kind kind, goat_pos from, goat_pos to);
goat_pos goat_p_expect_failed(goat_parser *p, goat_tok tok) __attribute__((cold));

/* go/parser's expect: the position of the expected token, which is
 * consumed; anything else is reported and consumed all the same (make
 * progress). */
static inline goat_pos goat_p_expect(goat_parser *p, goat_tok tok)
{
    if (__builtin_expect(p->tok != tok, 0))
        return goat_p_expect_failed(p, tok);
    goat_pos pos = p->pos;
    goat_p_next(p);
    return pos;
}
goat_pos goat_p_expect2(goat_parser *p, goat_tok tok);
goat_pos goat_p_expect_closing_failed(goat_parser *p, goat_tok tok, const char *context) __attribute__((cold));

/* go/parser's expectClosing: a newline before the closing token is
 * reported as a missing ','. */
static inline goat_pos goat_p_expect_closing(goat_parser *p, goat_tok tok, const char *context)
{
    if (__builtin_expect(p->tok == tok, 1)) {
        goat_pos pos = p->pos;
        goat_p_next(p);
        return pos;
    }
    return goat_p_expect_closing_failed(p, tok, context);
}

void goat_p_expect_semi_other(goat_parser *p);

/* go/parser's expectSemi; the common cases inline (the functions that
 * call it are called once a statement or declaration). */
static inline void goat_p_expect_semi(goat_parser *p)
{
    /* a semicolon is optional before a closing ')' or '}' */
    if (p->tok == GOAT_TOK_RPAREN || p->tok == GOAT_TOK_RBRACE)
        return;
    if (__builtin_expect(p->tok == GOAT_TOK_SEMICOLON, 1))
        goat_p_next(p);
    else
        goat_p_expect_semi_other(p);
}

bool goat_p_at_comma_missing(goat_parser *p, const char *context) __attribute__((cold));

/* go/parser's atComma: at a ',', or at follow (false), or else reports a
 * missing ',' and carries on as if there were one. */
static inline bool goat_p_at_comma(goat_parser *p, const char *context, goat_tok follow)
{
    if (p->tok == GOAT_TOK_COMMA)
        return true;
    if (__builtin_expect(p->tok == follow, 1))
        return false;
    return goat_p_at_comma_missing(p, context);
}
void goat_p_nest_error(goat_parser *p) __attribute__((cold));

/* go/parser's incNestLev: counts a level of nesting, failing past the cap. */
static inline void goat_p_nest_inc(goat_parser *p)
{
    if (++p->nest_lev > p->max_nest_lev) {
        p->max_nest_lev = p->nest_lev;
        if (p->nest_lev > GOAT_MAX_NEST_LEV)
            goat_p_nest_error(p);
    }
}

/* Bytes a node of each kind occupies: the header and its union member,
 * rounded up to a multiple of 8 (goat_p_new relies on it). Defined here,
 * not in one file, so that the compiler knows the size of a node whose
 * kind a call site names, and clears it with a few stores. */
#define NODE_SIZE(member) \
    ((offsetof(goat_node, u) + sizeof(((goat_node *)0)->u.member) + 7) / 8 * 8)

static const unsigned char goat_p_node_size[GOAT_NODE_KIND_COUNT] = {
    [GOAT_BAD_EXPR] = NODE_SIZE(bad),
    [GOAT_IDENT] = NODE_SIZE(ident),
    [GOAT_ELLIPSIS] = NODE_SIZE(ellipsis),
    [GOAT_BASIC_LIT] = NODE_SIZE(basic_lit),
    [GOAT_FUNC_LIT] = NODE_SIZE(func_lit),
    [GOAT_COMPOSITE_LIT] = NODE_SIZE(composite_lit),
    [GOAT_PAREN_EXPR] = NODE_SIZE(paren),
    [GOAT_SELECTOR_EXPR] = NODE_SIZE(selector),
    [GOAT_INDEX_EXPR] = NODE_SIZE(index),
    [GOAT_INDEX_LIST_EXPR] = NODE_SIZE(index_list),
    [GOAT_SLICE_EXPR] = NODE_SIZE(slice),
    [GOAT_TYPE_ASSERT_EXPR] = NODE_SIZE(type_assert),
    [GOAT_CALL_EXPR] = NODE_SIZE(call),
    [GOAT_STAR_EXPR] = NODE_SIZE(star),
    [GOAT_UNARY_EXPR] = NODE_SIZE(unary),
    [GOAT_BINARY_EXPR] = NODE_SIZE(binary),
    [GOAT_KEY_VALUE_EXPR] = NODE_SIZE(key_value),
    [GOAT_ARRAY_TYPE] = NODE_SIZE(array_type),
    [GOAT_STRUCT_TYPE] = NODE_SIZE(struct_type),
    [GOAT_FUNC_TYPE] = NODE_SIZE(func_type),
    [GOAT_INTERFACE_TYPE] = NODE_SIZE(interface_type),
    [GOAT_MAP_TYPE] = NODE_SIZE(map_type),
    [GOAT_CHAN_TYPE] = NODE_SIZE(chan_type),
    [GOAT_BAD_STMT] = NODE_SIZE(bad),
    [GOAT_DECL_STMT] = NODE_SIZE(decl_stmt),
    [GOAT_EMPTY_STMT] = NODE_SIZE(empty_stmt),
    [GOAT_LABELED_STMT] = NODE_SIZE(labeled),
    [GOAT_EXPR_STMT] = NODE_SIZE(expr_stmt),
    [GOAT_SEND_STMT] = NODE_SIZE(send),
    [GOAT_INC_DEC_STMT] = NODE_SIZE(inc_dec),
    [GOAT_ASSIGN_STMT] = NODE_SIZE(assign),
    [GOAT_GO_STMT] = NODE_SIZE(go_defer),
    [GOAT_DEFER_STMT] = NODE_SIZE(go_defer),
    [GOAT_RETURN_STMT] = NODE_SIZE(return_stmt),
    [GOAT_BRANCH_STMT] = NODE_SIZE(branch),
    [GOAT_BLOCK_STMT] = NODE_SIZE(block),
    [GOAT_IF_STMT] = NODE_SIZE(if_stmt),
    [GOAT_CASE_CLAUSE] = NODE_SIZE(case_clause),
    [GOAT_SWITCH_STMT] = NODE_SIZE(switch_stmt),
    [GOAT_TYPE_SWITCH_STMT] = NODE_SIZE(type_switch),
    [GOAT_COMM_CLAUSE] = NODE_SIZE(comm_clause),
    [GOAT_SELECT_STMT] = NODE_SIZE(select_stmt),
    [GOAT_FOR_STMT] = NODE_SIZE(for_stmt),
    [GOAT_RANGE_STMT] = NODE_SIZE(range_stmt),
    [GOAT_IMPORT_SPEC] = NODE_SIZE(import_spec),
    [GOAT_VALUE_SPEC] = NODE_SIZE(value_spec),
    [GOAT_TYPE_SPEC] = NODE_SIZE(type_spec),
    [GOAT_BAD_DECL] = NODE_SIZE(bad),
    [GOAT_GEN_DECL] = NODE_SIZE(gen_decl),
    [GOAT_FUNC_DECL] = NODE_SIZE(func_decl),
    [GOAT_FIELD] = NODE_SIZE(field),
    [GOAT_FIELD_LIST] = NODE_SIZE(field_list),
    [GOAT_FILE] = NODE_SIZE(file),
};

/* A new node of the given kind, every field zero (pos and end are set by
 * goat_p_finish or by the caller). Only the node's own union member is
 * allocated (see ast.h): most nodes are identifiers and literals, and the
 * parser's time goes largely into writing nodes. */
static inline goat_node *goat_p_new(goat_parser *p, goat_node_kind kind)
{
    size_t size = goat_p_node_size[kind]; /* a multiple of 8 already */
    goat_node *n;
    if (__builtin_expect(size <= (size_t)(p->bump_end - p->bump), 1)) {
        n = (goat_node *)(void *)p->bump;
        p->bump += size;
    } else {
        n = goat_p_alloc_slow(p, size);
    }
    memset(n, 0, size);
    n->kind = kind;
    return n;
}
void goat_p_scratch_grow(goat_parser *p);

/* Lists: goat_p_list_begin marks the scratch stack's top, items are pushed
 * above it, goat_p_list_end copies them to the arena and pops them. */
static inline size_t goat_p_list_begin(goat_parser *p)
{
    return p->scratch_len;
}

static inline void goat_p_list_push(goat_parser *p, goat_node *n)
{
    if (p->scratch_len == p->scratch_cap)
        goat_p_scratch_grow(p);
    p->scratch[p->scratch_len++] = n;
}

void goat_p_list_copy(goat_node **items, goat_node *const *from, size_t count);

static inline goat_node_list goat_p_list_end(goat_parser *p, size_t base)
{
    goat_node_list l = {NULL, p->scratch_len - base};
    if (l.count) {
        l.items = goat_p_alloc(p, l.count * sizeof *l.items);
        if (__builtin_expect(l.count == 1, 1)) /* most lists hold one item */
            l.items[0] = p->scratch[base];
        else
            goat_p_list_copy(l.items, p->scratch + base, l.count);
    }
    p->scratch_len = base;
    return l;
}
goat_node_list goat_p_list1(goat_parser *p, goat_node *n);
/* Copies n bytes; short copies (most names and literals) inline, with two
 * overlapping loads and stores that touch no byte outside either range. */
static inline void goat_p_copy(char *dst, const char *src, size_t n)
{
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + n - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
    } else if (n > 0 && n < 4) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    } else if (n > 16) {
        memcpy(dst, src, n);
    }
}

/* An arena copy of s[0, n), NUL-terminated. */
static inline const char *goat_p_strdup(goat_parser *p, const char *s, size_t n)
{
    char *r = goat_p_alloc(p, n + 1);
    goat_p_copy(r, s, n);
    r[n] = '\0';
    return r;
}

/* goat_p_new followed by goat_p_strdup of the current token's literal,
 * carved out of the arena at once: a name or a literal value. The copy's
 * address goes to *text. */
static inline goat_node *goat_p_new_with_lit(goat_parser *p, goat_node_kind kind, const char **text)
{
    size_t size = goat_p_node_size[kind]; /* a multiple of 8 already */
    size_t n = p->lit_len;
    size_t total = size + ((n + 8) & ~(size_t)7);
    char *m;
    if (__builtin_expect(total <= (size_t)(p->bump_end - p->bump), 1)) {
        m = p->bump;
        p->bump += total;
    } else {
        m = goat_p_alloc_slow(p, total);
    }
    goat_node *node = (goat_node *)(void *)m;
    memset(node, 0, size);
    node->kind = kind;
    char *r = m + size;
    goat_p_copy(r, p->lit, n);
    r[n] = '\0';
    *text = r;
    return node;
}

goat_pos goat_p_stripped_lit_end(const goat_parser *p) __attribute__((cold));

/* Where the current literal token ends in the source. The literal is the
 * source text except for a raw string holding carriage returns, which the
 * lexer hands over stripped of them (go/scanner's Value): its source end
 * lies further on. go/ast would end it at pos + len(Value), inside the
 * string; goat's positions are source offsets, which the rewriter splices
 * at. */
static inline goat_pos goat_p_lit_end(const goat_parser *p)
{
    if (__builtin_expect(p->lit == p->src + p->pos, 1))
        return p->pos + (goat_pos)p->lit_len;
    return goat_p_stripped_lit_end(p);
}

void goat_p_note_raw_string(goat_parser *p, goat_pos end) __attribute__((cold));

/* goat_p_lit_end of the current string literal, noting a raw string that
 * spans lines for the File's multiline_strings. The token is read, not the
 * source: an error just reported may have ended the parse (bailed out,
 * every token EOF at the end of the text). */
static inline goat_pos goat_p_string_end(goat_parser *p)
{
    goat_pos end = goat_p_lit_end(p);
    if (__builtin_expect(p->tok == GOAT_TOK_STRING && p->lit_len > 0 && p->lit[0] == '`', 0))
        goat_p_note_raw_string(p, end);
    return end;
}

/* ---- parse_expr.c ---- */
goat_node *goat_p_ident(goat_parser *p);
goat_node_list goat_p_ident_list(goat_parser *p);
goat_node_list goat_p_expr_list(goat_parser *p);
goat_node_list goat_p_list(goat_parser *p, bool in_rhs);
goat_node *goat_p_binary_expr(goat_parser *p, goat_node *x, int prec1, bool check);

/* Expression = UnaryExpr | Expression binary_op Expression .
 * The result may be a type, even a raw one ([...]T): callers check it. */
static inline goat_node *goat_p_expr(goat_parser *p)
{
    return goat_p_binary_expr(p, NULL, 1, true);
}
goat_node *goat_p_rhs(goat_parser *p);
goat_node *goat_p_rhs_or_type(goat_parser *p);
goat_node *goat_p_check_expr_failed(goat_parser *p, goat_node *x) __attribute__((cold));

/* Constant time: each ParenExpr records its innermost operand, so deep
 * parentheses do not make the checks quadratic. */
static inline goat_node *goat_p_unparen(goat_node *x)
{
    return x->kind == GOAT_PAREN_EXPR ? x->u.paren.inner : x;
}

#define GOAT_P_KIND_BIT(k) ((uint64_t)1 << (k))
_Static_assert(GOAT_NODE_KIND_COUNT <= 64, "node kinds must fit a 64-bit mask");

/* Whether go/parser's checkExpr accepts x: an expression, not a type. */
static inline bool goat_p_is_expr(const goat_node *x)
{
    const uint64_t expr_kinds =
        GOAT_P_KIND_BIT(GOAT_BAD_EXPR) | GOAT_P_KIND_BIT(GOAT_IDENT) | GOAT_P_KIND_BIT(GOAT_BASIC_LIT) |
        GOAT_P_KIND_BIT(GOAT_FUNC_LIT) | GOAT_P_KIND_BIT(GOAT_COMPOSITE_LIT) |
        GOAT_P_KIND_BIT(GOAT_SELECTOR_EXPR) | GOAT_P_KIND_BIT(GOAT_INDEX_EXPR) |
        GOAT_P_KIND_BIT(GOAT_INDEX_LIST_EXPR) | GOAT_P_KIND_BIT(GOAT_SLICE_EXPR) |
        GOAT_P_KIND_BIT(GOAT_TYPE_ASSERT_EXPR) | GOAT_P_KIND_BIT(GOAT_CALL_EXPR) |
        GOAT_P_KIND_BIT(GOAT_STAR_EXPR) | GOAT_P_KIND_BIT(GOAT_UNARY_EXPR) | GOAT_P_KIND_BIT(GOAT_BINARY_EXPR);
    return (expr_kinds >> goat_p_unparen((goat_node *)x)->kind) & 1;
}

/* go/parser's checkExpr: x must be an expression (else a BadExpr). */
static inline goat_node *goat_p_check_expr(goat_parser *p, goat_node *x)
{
    if (__builtin_expect(goat_p_is_expr(x), 1))
        return x;
    return goat_p_check_expr_failed(p, x);
}
goat_node *goat_p_primary_expr(goat_parser *p, goat_node *x);
goat_node *goat_p_func_type_or_lit(goat_parser *p);

/* ---- parse_type.c ---- */
goat_node *goat_p_type(goat_parser *p);
goat_node *goat_p_try_ident_or_type(goat_parser *p);
goat_node *goat_p_type_name(goat_parser *p, goat_node *ident);
goat_node *goat_p_qualified_ident(goat_parser *p, goat_node *ident);
goat_node *goat_p_array_type(goat_parser *p, goat_pos lbrack, goat_node *len);
goat_node *goat_p_type_instance(goat_parser *p, goat_node *typ);
goat_node *goat_p_func_type(goat_parser *p);
void goat_p_parameters(goat_parser *p, bool accept_tparams, goat_node **tparams, goat_node **params);
goat_node *goat_p_result(goat_parser *p);
goat_node_list goat_p_parameter_list(goat_parser *p, goat_node *name0, goat_node *typ0, goat_tok closing);
goat_node *goat_p_pack_index(goat_parser *p, goat_node *x, goat_pos lbrack, goat_node_list args, goat_pos rbrack);

/* ---- parse_stmt.c ---- */
goat_node *goat_p_stmt(goat_parser *p);
goat_node *goat_p_body(goat_parser *p);
/* goat_parse_file_outline's body: its braces matched, its tokens passed over. */
goat_node *goat_p_skipped_body(goat_parser *p);
goat_node *goat_p_block_stmt(goat_parser *p);

/* ---- parse_decl.c ---- */
goat_node *goat_p_gen_decl(goat_parser *p, goat_tok keyword);
goat_node *goat_p_decl(goat_parser *p);
goat_node *goat_p_source_file(goat_parser *p);

#endif
