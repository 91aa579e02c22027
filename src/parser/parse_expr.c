/* SPDX-License-Identifier: MIT */
/* Expressions (go/parser's parseOperand .. parseBinaryExpr, Go 1.19),
 * including go/parser's after-the-fact checks checkExpr and
 * checkExprOrType. */
#include "parser/parser_internal.h"

#include <stdint.h>

/* go/token's Precedence, as a table: it is asked after every operand. */
static const unsigned char precedence[GOAT_TOK_COUNT] = {
    [GOAT_TOK_LOR] = 1,
    [GOAT_TOK_LAND] = 2,
    [GOAT_TOK_EQL] = 3, [GOAT_TOK_NEQ] = 3, [GOAT_TOK_LSS] = 3,
    [GOAT_TOK_LEQ] = 3, [GOAT_TOK_GTR] = 3, [GOAT_TOK_GEQ] = 3,
    [GOAT_TOK_ADD] = 4, [GOAT_TOK_SUB] = 4, [GOAT_TOK_OR] = 4, [GOAT_TOK_XOR] = 4,
    [GOAT_TOK_MUL] = 5, [GOAT_TOK_QUO] = 5, [GOAT_TOK_REM] = 5, [GOAT_TOK_SHL] = 5,
    [GOAT_TOK_SHR] = 5, [GOAT_TOK_AND] = 5, [GOAT_TOK_AND_NOT] = 5,
};

/* identifier = letter { letter | unicode_digit } .  (at an IDENT) */
static inline goat_node *ident_here(goat_parser *p)
{
    const char *name;
    goat_node *n = goat_p_new_with_lit(p, GOAT_IDENT, &name);
    n->pos = p->pos;
    n->end = p->pos + (goat_pos)p->lit_len;
    n->u.ident.name = name;
    goat_p_next(p);
    return n;
}

goat_node *goat_p_ident(goat_parser *p)
{
    if (p->tok == GOAT_TOK_IDENT)
        return ident_here(p);
    goat_node *n = goat_p_new(p, GOAT_IDENT);
    n->pos = p->pos;
    goat_p_expect(p, GOAT_TOK_IDENT); /* reports the error */
    n->end = n->pos + 1;
    n->u.ident.name = "_";
    return n;
}

/* IdentifierList = identifier { "," identifier } . */
goat_node_list goat_p_ident_list(goat_parser *p)
{
    size_t base = goat_p_list_begin(p);
    goat_p_list_push(p, goat_p_ident(p));
    while (p->tok == GOAT_TOK_COMMA) {
        goat_p_next(p);
        goat_p_list_push(p, goat_p_ident(p));
    }
    return goat_p_list_end(p, base);
}

/* ExpressionList = Expression { "," Expression } . */
goat_node_list goat_p_expr_list(goat_parser *p)
{
    size_t base = goat_p_list_begin(p);
    goat_p_list_push(p, goat_p_check_expr(p, goat_p_expr(p)));
    while (p->tok == GOAT_TOK_COMMA) {
        goat_p_next(p);
        goat_p_list_push(p, goat_p_check_expr(p, goat_p_expr(p)));
    }
    return goat_p_list_end(p, base);
}

/* ExpressionList, as a left-hand or a right-hand side. */
goat_node_list goat_p_list(goat_parser *p, bool in_rhs)
{
    bool old = p->in_rhs;
    p->in_rhs = in_rhs;
    goat_node_list l = goat_p_expr_list(p);
    p->in_rhs = old;
    return l;
}

/* go/parser's safePos: an end past EOF (from error recovery) is EOF. */
static goat_pos safe_pos(goat_parser *p, goat_pos pos)
{
    return pos > (goat_pos)p->len ? (goat_pos)p->len : pos;
}

/* go/parser's checkExpr, when x is not an expression. */
goat_node *goat_p_check_expr_failed(goat_parser *p, goat_node *x)
{
    goat_p_error_expected(p, x->pos, "expression");
    return goat_p_bad(p, GOAT_BAD_EXPR, x->pos, safe_pos(p, x->end));
}

/* check_expr_or_type when x is a raw type such as [...]T. */
static goat_node * __attribute__((cold, noinline)) check_expr_or_type_failed(goat_parser *p, goat_node *x)
{
    goat_node *t = goat_p_unparen(x);
    goat_p_error(p, t->u.array_type.len->pos, "expected array length, found '...'");
    return goat_p_bad(p, GOAT_BAD_EXPR, x->pos, safe_pos(p, x->end));
}

/* go/parser's checkExprOrType: x must not be a raw type such as [...]T. */
static inline goat_node *check_expr_or_type(goat_parser *p, goat_node *x)
{
    goat_node *t = goat_p_unparen(x);
    if (__builtin_expect(t->kind == GOAT_ARRAY_TYPE, 0) && t->u.array_type.len &&
        t->u.array_type.len->kind == GOAT_ELLIPSIS)
        return check_expr_or_type_failed(p, x);
    return x;
}

/* FunctionLit = "func" Signature FunctionBody . */
goat_node *goat_p_func_type_or_lit(goat_parser *p)
{
    goat_node *typ = goat_p_func_type(p);
    if (p->tok != GOAT_TOK_LBRACE)
        return typ; /* function type only */
    p->expr_lev++;
    goat_node *body = goat_p_body(p);
    p->expr_lev--;
    goat_node *n = goat_p_new(p, GOAT_FUNC_LIT);
    n->u.func_lit.type = typ;
    n->u.func_lit.body = body;
    return goat_p_finish_as(n, GOAT_FUNC_LIT);
}

/* BasicLit (at an INT, FLOAT, IMAG, CHAR or STRING) */
static inline __attribute__((always_inline)) goat_node *basic_lit_here(goat_parser *p)
{
    const char *value;
    goat_node *n = goat_p_new_with_lit(p, GOAT_BASIC_LIT, &value);
    n->pos = p->pos;
    n->end = p->tok == GOAT_TOK_STRING ? goat_p_string_end(p) : goat_p_lit_end(p);
    n->u.basic_lit.kind = p->tok;
    n->u.basic_lit.value = value;
    goat_p_next(p);
    return n;
}

/* Operand = Literal | OperandName [ TypeArgs ] | "(" Expression ")" .
 * May return a type, even a raw one ([...]T): callers check. */
static goat_node *operand(goat_parser *p)
{
    switch (p->tok) {
    case GOAT_TOK_IDENT:
        return ident_here(p);
    case GOAT_TOK_INT: case GOAT_TOK_FLOAT: case GOAT_TOK_IMAG: case GOAT_TOK_CHAR: case GOAT_TOK_STRING:
        return basic_lit_here(p);
    case GOAT_TOK_LPAREN: {
        goat_node *n = goat_p_new(p, GOAT_PAREN_EXPR);
        n->u.paren.lparen = p->pos;
        goat_p_next(p);
        p->expr_lev++;
        n->u.paren.x = goat_p_rhs_or_type(p); /* types may be parenthesized: (some type) */
        n->u.paren.inner = goat_p_unparen(n->u.paren.x);
        p->expr_lev--;
        n->u.paren.rparen = goat_p_expect(p, GOAT_TOK_RPAREN);
        return goat_p_finish_as(n, GOAT_PAREN_EXPR);
    }
    case GOAT_TOK_FUNC:
        return goat_p_func_type_or_lit(p);
    default:
        break;
    }
    goat_node *typ = goat_p_try_ident_or_type(p);
    if (typ) /* a type for a composite literal or a conversion */
        return typ;
    goat_pos pos = p->pos;
    goat_p_error_expected(p, pos, "operand");
    goat_p_advance(p, GOAT_SYNC_STMT);
    return goat_p_bad(p, GOAT_BAD_EXPR, pos, p->pos);
}

/* TypeAssertion = "." "(" Type ")" .  ("." already consumed) */
static goat_node *type_assertion(goat_parser *p, goat_node *x)
{
    goat_node *n = goat_p_new(p, GOAT_TYPE_ASSERT_EXPR);
    n->u.type_assert.x = x;
    n->u.type_assert.lparen = goat_p_expect(p, GOAT_TOK_LPAREN);
    if (p->tok == GOAT_TOK_TYPE)
        goat_p_next(p); /* type switch guard: Type stays NULL */
    else
        n->u.type_assert.type = goat_p_type(p);
    n->u.type_assert.rparen = goat_p_expect(p, GOAT_TOK_RPAREN);
    return goat_p_finish_as(n, GOAT_TYPE_ASSERT_EXPR);
}

/* Index = "[" Expression [ "," ] "]" .
 * Slice = "[" [ Expression ] ":" [ Expression ] "]" |
 *         "[" [ Expression ] ":" Expression ":" Expression "]" .
 * TypeArgs = "[" TypeList [ "," ] "]" . */
static goat_node *index_or_slice_or_instance(goat_parser *p, goat_node *x)
{
    goat_pos lbrack = goat_p_expect(p, GOAT_TOK_LBRACK);
    if (p->tok == GOAT_TOK_RBRACK) {
        /* an empty index is accepted with a complaint */
        goat_p_error_expected(p, p->pos, "operand");
        goat_pos rbrack = p->pos;
        goat_p_next(p);
        goat_node *n = goat_p_new(p, GOAT_INDEX_EXPR);
        n->u.index.x = x;
        n->u.index.lbrack = lbrack;
        n->u.index.index = goat_p_bad(p, GOAT_BAD_EXPR, rbrack, rbrack);
        n->u.index.rbrack = rbrack;
        return goat_p_finish_as(n, GOAT_INDEX_EXPR);
    }
    p->expr_lev++;
    goat_node *index[3] = {NULL, NULL, NULL};
    goat_pos colons[2] = {GOAT_NOPOS, GOAT_NOPOS};
    size_t base = goat_p_list_begin(p);
    bool instance = false;
    if (p->tok != GOAT_TOK_COLON)
        index[0] = goat_p_rhs_or_type(p);
    int ncolons = 0;
    if (p->tok == GOAT_TOK_COLON) {
        while (p->tok == GOAT_TOK_COLON && ncolons < 2) {
            colons[ncolons++] = p->pos;
            goat_p_next(p);
            if (p->tok != GOAT_TOK_COLON && p->tok != GOAT_TOK_RBRACK && p->tok != GOAT_TOK_EOF)
                index[ncolons] = goat_p_rhs(p);
        }
    } else if (p->tok == GOAT_TOK_COMMA) {
        instance = true;
        goat_p_list_push(p, index[0]);
        while (p->tok == GOAT_TOK_COMMA) {
            goat_p_next(p);
            if (p->tok != GOAT_TOK_RBRACK && p->tok != GOAT_TOK_EOF)
                goat_p_list_push(p, goat_p_type(p));
        }
    }
    p->expr_lev--;
    goat_node_list args = goat_p_list_end(p, base);
    goat_pos rbrack = goat_p_expect(p, GOAT_TOK_RBRACK);

    if (ncolons > 0) {
        goat_node *n = goat_p_new(p, GOAT_SLICE_EXPR);
        if (ncolons == 2) {
            n->u.slice.slice3 = true;
            if (!index[1]) {
                goat_p_error(p, colons[0], "2nd index required in 3-index slice");
                index[1] = goat_p_bad(p, GOAT_BAD_EXPR, colons[0] + 1, colons[1]);
            }
            if (!index[2]) {
                goat_p_error(p, colons[1], "3rd index required in 3-index slice");
                index[2] = goat_p_bad(p, GOAT_BAD_EXPR, colons[1] + 1, rbrack);
            }
        }
        n->u.slice.x = x;
        n->u.slice.lbrack = lbrack;
        n->u.slice.low = index[0];
        n->u.slice.high = index[1];
        n->u.slice.max = index[2];
        n->u.slice.rbrack = rbrack;
        return goat_p_finish_as(n, GOAT_SLICE_EXPR);
    }
    if (!instance) {
        goat_node *n = goat_p_new(p, GOAT_INDEX_EXPR);
        n->u.index.x = x;
        n->u.index.lbrack = lbrack;
        n->u.index.index = index[0];
        n->u.index.rbrack = rbrack;
        return goat_p_finish_as(n, GOAT_INDEX_EXPR);
    }
    return goat_p_pack_index(p, x, lbrack, args, rbrack);
}

/* Arguments = "(" [ ( ExpressionList | Type [ "," ExpressionList ] ) [ "..." ] [ "," ] ] ")" . */
static goat_node *call_or_conversion(goat_parser *p, goat_node *fun)
{
    goat_node *n = goat_p_new(p, GOAT_CALL_EXPR);
    n->u.call.fun = fun;
    n->u.call.lparen = goat_p_expect(p, GOAT_TOK_LPAREN);
    n->u.call.ellipsis = GOAT_NOPOS;
    p->expr_lev++;
    size_t base = goat_p_list_begin(p);
    while (p->tok != GOAT_TOK_RPAREN && p->tok != GOAT_TOK_EOF && n->u.call.ellipsis == GOAT_NOPOS) {
        goat_p_list_push(p, goat_p_rhs_or_type(p)); /* builtins may take a type: make(T, n) */
        if (p->tok == GOAT_TOK_ELLIPSIS) {
            n->u.call.ellipsis = p->pos;
            goat_p_next(p);
        }
        if (!goat_p_at_comma(p, "argument list", GOAT_TOK_RPAREN))
            break;
        goat_p_next(p);
    }
    p->expr_lev--;
    n->u.call.args = goat_p_list_end(p, base);
    n->u.call.rparen = goat_p_expect_closing(p, GOAT_TOK_RPAREN, "argument list");
    n->pos = fun->pos;
    n->end = n->u.call.rparen + 1;
    return n;
}

static goat_node *literal_value(goat_parser *p, goat_node *typ);

/* Element = Expression | LiteralValue . */
static goat_node *value(goat_parser *p)
{
    if (p->tok == GOAT_TOK_LBRACE)
        return literal_value(p, NULL);
    return goat_p_check_expr(p, goat_p_expr(p));
}

/* KeyedElement = [ Key ":" ] Element . */
static goat_node *element(goat_parser *p)
{
    goat_node *x = value(p);
    if (p->tok == GOAT_TOK_COLON) {
        goat_node *kv = goat_p_new(p, GOAT_KEY_VALUE_EXPR);
        kv->u.key_value.key = x;
        kv->u.key_value.colon = p->pos;
        goat_p_next(p);
        kv->u.key_value.value = value(p);
        x = goat_p_finish_as(kv, GOAT_KEY_VALUE_EXPR);
    }
    return x;
}

/* LiteralValue = "{" [ ElementList [ "," ] ] "}" .
 * ElementList = KeyedElement { "," KeyedElement } . */
static goat_node *literal_value(goat_parser *p, goat_node *typ)
{
    goat_node *n = goat_p_new(p, GOAT_COMPOSITE_LIT);
    n->u.composite_lit.type = typ;
    n->u.composite_lit.lbrace = goat_p_expect(p, GOAT_TOK_LBRACE);
    p->expr_lev++;
    size_t base = goat_p_list_begin(p);
    while (p->tok != GOAT_TOK_RBRACE && p->tok != GOAT_TOK_EOF) {
        goat_p_list_push(p, element(p));
        if (!goat_p_at_comma(p, "composite literal", GOAT_TOK_RBRACE))
            break;
        goat_p_next(p);
    }
    p->expr_lev--;
    n->u.composite_lit.elts = goat_p_list_end(p, base);
    n->u.composite_lit.rbrace = goat_p_expect_closing(p, GOAT_TOK_RBRACE, "composite literal");
    return goat_p_finish_as(n, GOAT_COMPOSITE_LIT);
}

/* PrimaryExpr = Operand | Conversion | MethodExpr | PrimaryExpr Selector |
 *               PrimaryExpr Index | PrimaryExpr Slice |
 *               PrimaryExpr TypeAssertion | PrimaryExpr Arguments . */
goat_node *goat_p_primary_expr(goat_parser *p, goat_node *x)
{
    if (!x)
        x = operand(p);
    /* nesting is counted per suffix, as go/parser does */
    int n;
    for (n = 1;; n++) {
        goat_p_nest_inc(p);
        switch (p->tok) {
        case GOAT_TOK_PERIOD:
            goat_p_next(p);
            if (p->tok == GOAT_TOK_IDENT) {
                goat_node *sel = goat_p_new(p, GOAT_SELECTOR_EXPR);
                sel->u.selector.x = check_expr_or_type(p, x);
                sel->u.selector.sel = ident_here(p);
                sel->pos = sel->u.selector.x->pos;
                sel->end = sel->u.selector.sel->end;
                x = sel;
            } else if (p->tok == GOAT_TOK_LPAREN) {
                x = type_assertion(p, goat_p_check_expr(p, x));
            } else {
                goat_pos pos = p->pos;
                goat_p_error_expected(p, pos, "selector or type assertion");
                if (p->tok != GOAT_TOK_RBRACE)
                    goat_p_next(p); /* make progress */
                goat_node *sel = goat_p_new(p, GOAT_SELECTOR_EXPR);
                goat_node *id = goat_p_new(p, GOAT_IDENT);
                id->pos = pos;
                id->end = pos + 1;
                id->u.ident.name = "_";
                sel->u.selector.x = x;
                sel->u.selector.sel = id;
                x = goat_p_finish(sel);
            }
            break;
        case GOAT_TOK_LBRACK:
            x = index_or_slice_or_instance(p, goat_p_check_expr(p, x));
            break;
        case GOAT_TOK_LPAREN:
            x = call_or_conversion(p, check_expr_or_type(p, x));
            break;
        case GOAT_TOK_LBRACE: {
            /* a composite literal, or the block of a control clause? */
            goat_node *t = goat_p_unparen(x);
            switch (t->kind) {
            case GOAT_BAD_EXPR: case GOAT_IDENT: case GOAT_SELECTOR_EXPR:
            case GOAT_INDEX_EXPR: case GOAT_INDEX_LIST_EXPR:
                if (p->expr_lev < 0)
                    goto done;
                break;
            case GOAT_ARRAY_TYPE: case GOAT_STRUCT_TYPE: case GOAT_MAP_TYPE:
                break;
            default:
                goto done;
            }
            if (t != x)
                goat_p_error(p, t->pos, "cannot parenthesize type in composite literal");
            x = literal_value(p, x);
            break;
        }
        default:
            goto done;
        }
    }
done:
    p->nest_lev -= n;
    return x;
}

/* Whether tok starts a UnaryExpr that is not a PrimaryExpr (a unary
 * operator, or '*' and '<-' which may also start a type). */
static inline bool starts_unary_op(goat_tok tok)
{
    switch (tok) {
    case GOAT_TOK_ADD: case GOAT_TOK_SUB: case GOAT_TOK_NOT: case GOAT_TOK_XOR:
    case GOAT_TOK_AND: case GOAT_TOK_TILDE: case GOAT_TOK_ARROW: case GOAT_TOK_MUL:
        return true;
    default:
        return false;
    }
}

/* UnaryExpr = PrimaryExpr | unary_op UnaryExpr . */
static goat_node *unary_expr(goat_parser *p)
{
    goat_p_nest_inc(p);
    goat_node *result;
    switch (p->tok) {
    case GOAT_TOK_ADD: case GOAT_TOK_SUB: case GOAT_TOK_NOT: case GOAT_TOK_XOR:
    case GOAT_TOK_AND: case GOAT_TOK_TILDE: {
        goat_node *n = goat_p_new(p, GOAT_UNARY_EXPR);
        n->u.unary.op_pos = p->pos;
        n->u.unary.op = p->tok;
        goat_p_next(p);
        n->u.unary.x = goat_p_check_expr(p, unary_expr(p));
        result = goat_p_finish_as(n, GOAT_UNARY_EXPR);
        break;
    }
    case GOAT_TOK_ARROW: {
        /* a channel type <-chan T, or a receive <-x */
        goat_pos arrow = p->pos;
        goat_p_next(p);
        goat_node *x = unary_expr(p);
        if (x->kind == GOAT_CHAN_TYPE) {
            /* (<-type): re-associate the arrow with the channel type:
             *   <- (chan type)    =>  (<-chan type)
             *   <- (chan<- type)  =>  (<-chan (<-type)) */
            int dir = GOAT_CHAN_SEND;
            goat_node *typ = x;
            while (typ && dir == GOAT_CHAN_SEND) {
                if (typ->u.chan_type.dir == GOAT_CHAN_RECV)
                    goat_p_error_expected(p, typ->u.chan_type.arrow, "'chan'");
                goat_pos old_arrow = typ->u.chan_type.arrow;
                typ->u.chan_type.begin = arrow;
                typ->u.chan_type.arrow = arrow;
                arrow = old_arrow;
                dir = typ->u.chan_type.dir;
                typ->u.chan_type.dir = GOAT_CHAN_RECV;
                goat_p_finish(typ);
                typ = typ->u.chan_type.value->kind == GOAT_CHAN_TYPE ? typ->u.chan_type.value : NULL;
            }
            if (dir == GOAT_CHAN_SEND)
                goat_p_error_expected(p, arrow, "channel type");
            result = x;
        } else {
            goat_node *n = goat_p_new(p, GOAT_UNARY_EXPR);
            n->u.unary.op_pos = arrow;
            n->u.unary.op = GOAT_TOK_ARROW;
            n->u.unary.x = goat_p_check_expr(p, x);
            result = goat_p_finish_as(n, GOAT_UNARY_EXPR);
        }
        break;
    }
    case GOAT_TOK_MUL: {
        /* a pointer type or an indirection */
        goat_node *n = goat_p_new(p, GOAT_STAR_EXPR);
        n->pos = p->pos;
        goat_p_next(p);
        n->u.star.x = check_expr_or_type(p, unary_expr(p));
        result = goat_p_finish_as(n, GOAT_STAR_EXPR);
        break;
    }
    default:
        result = goat_p_primary_expr(p, NULL);
        break;
    }
    p->nest_lev--;
    return result;
}

/* Expression = UnaryExpr | Expression binary_op Expression .
 * If x is given it is the already parsed left operand. */
goat_node *goat_p_binary_expr(goat_parser *p, goat_node *x, int prec1, bool check)
{
    if (!x && starts_unary_op(p->tok)) {
        x = unary_expr(p);
    } else if (!x && (p->tok == GOAT_TOK_IDENT || (p->tok >= GOAT_TOK_INT && p->tok <= GOAT_TOK_STRING)) &&
               p->nest_lev <= GOAT_MAX_NEST_LEV - 2) {
        /* Most operands are a name or a literal that nothing follows
         * which extends it: no suffix and no operator binding at prec1.
         * Such an operand is the whole expression, without the calls
         * through primary_expr and the operator loop. Those would count
         * two levels of nesting and find no error in them (the cap is
         * not within reach), so only the deepest level is noted. */
        bool ident = p->tok == GOAT_TOK_IDENT;
        x = ident ? ident_here(p) : basic_lit_here(p);
        goat_tok op = p->tok;
        if (p->in_rhs && op == GOAT_TOK_ASSIGN)
            op = GOAT_TOK_EQL;
        if (precedence[op] < prec1 && op != GOAT_TOK_PERIOD && op != GOAT_TOK_LBRACK && op != GOAT_TOK_LPAREN &&
            (op != GOAT_TOK_LBRACE || !ident || p->expr_lev < 0)) {
            if (p->nest_lev + 2 > p->max_nest_lev)
                p->max_nest_lev = p->nest_lev + 2;
            return x;
        }
        goat_p_nest_inc(p);
        x = goat_p_primary_expr(p, x);
        p->nest_lev--;
    } else if (!x) {
        /* unary_expr's last case, without its call */
        goat_p_nest_inc(p);
        x = goat_p_primary_expr(p, NULL);
        p->nest_lev--;
    }
    int n;
    for (n = 1;; n++) {
        goat_p_nest_inc(p);
        goat_tok op = p->tok;
        if (p->in_rhs && op == GOAT_TOK_ASSIGN)
            op = GOAT_TOK_EQL; /* so that a = b = c reports "expected '=='" */
        int oprec = precedence[op];
        if (oprec < prec1)
            break;
        goat_pos pos = goat_p_expect(p, op);
        goat_node *y = goat_p_binary_expr(p, NULL, oprec + 1, check);
        if (check) {
            x = goat_p_check_expr(p, x);
            y = goat_p_check_expr(p, y);
        }
        goat_node *b = goat_p_new(p, GOAT_BINARY_EXPR);
        b->u.binary.x = x;
        b->u.binary.op = op;
        b->u.binary.op_pos = pos;
        b->u.binary.y = y;
        b->pos = x->pos;
        b->end = y->end;
        x = b;
    }
    p->nest_lev -= n;
    return x;
}

/* Expression, on a right-hand side (where "=" cannot follow). */
goat_node *goat_p_rhs(goat_parser *p)
{
    bool old = p->in_rhs;
    p->in_rhs = true;
    goat_node *x = goat_p_check_expr(p, goat_p_expr(p));
    p->in_rhs = old;
    return x;
}

/* Expression | Type, on a right-hand side (arguments, conversions). */
goat_node *goat_p_rhs_or_type(goat_parser *p)
{
    bool old = p->in_rhs;
    p->in_rhs = true;
    goat_node *x = check_expr_or_type(p, goat_p_expr(p));
    p->in_rhs = old;
    return x;
}
