/* SPDX-License-Identifier: MIT */
/* Statements (go/parser's parseStmt and friends, Go 1.19). */
#include "parser/parser_internal.h"

#include <string.h>

enum simple_mode { BASIC, LABEL_OK, RANGE_OK };

static bool is_assign_op(goat_tok tok)
{
    switch (tok) {
    case GOAT_TOK_DEFINE: case GOAT_TOK_ASSIGN: case GOAT_TOK_ADD_ASSIGN: case GOAT_TOK_SUB_ASSIGN:
    case GOAT_TOK_MUL_ASSIGN: case GOAT_TOK_QUO_ASSIGN: case GOAT_TOK_REM_ASSIGN:
    case GOAT_TOK_AND_ASSIGN: case GOAT_TOK_OR_ASSIGN: case GOAT_TOK_XOR_ASSIGN:
    case GOAT_TOK_SHL_ASSIGN: case GOAT_TOK_SHR_ASSIGN: case GOAT_TOK_AND_NOT_ASSIGN:
        return true;
    default:
        return false;
    }
}

/* go/parser's checkAssignStmt: the left side of := holds only names. */
static void check_assign_stmt(goat_parser *p, goat_node *as)
{
    for (size_t i = 0; i < as->u.assign.lhs.count; i++) {
        goat_node *x = as->u.assign.lhs.items[i];
        if (x->kind != GOAT_IDENT)
            goat_p_error_expected(p, x->pos, "identifier on left side of :=");
    }
}

/* RangeClause's "range" Expression, kept (as go/parser does) as a unary
 * expression until the for statement takes it apart. */
static goat_node *range_unary(goat_parser *p)
{
    goat_node *u = goat_p_new(p, GOAT_UNARY_EXPR);
    u->u.unary.op_pos = p->pos;
    u->u.unary.op = GOAT_TOK_RANGE;
    goat_p_next(p);
    u->u.unary.x = goat_p_rhs(p);
    return goat_p_finish_as(u, GOAT_UNARY_EXPR);
}

/* SimpleStmt = EmptyStmt | ExpressionStmt | SendStmt | IncDecStmt |
 *              Assignment | ShortVarDecl .
 * With RANGE_OK, *is_range tells that the result is the assignment of a
 * range clause whose right-hand side is the unary "range x". */
static goat_node *simple_stmt(goat_parser *p, enum simple_mode mode, bool *is_range)
{
    if (is_range)
        *is_range = false;
    goat_node_list x = goat_p_list(p, false);

    if (is_assign_op(p->tok)) {
        goat_node *as = goat_p_new(p, GOAT_ASSIGN_STMT);
        goat_tok tok = p->tok;
        as->u.assign.lhs = x;
        as->u.assign.tok_pos = p->pos;
        as->u.assign.tok = tok;
        goat_p_next(p);
        if (mode == RANGE_OK && p->tok == GOAT_TOK_RANGE && (tok == GOAT_TOK_DEFINE || tok == GOAT_TOK_ASSIGN)) {
            as->u.assign.rhs = goat_p_list1(p, range_unary(p));
            if (is_range)
                *is_range = true;
        } else {
            as->u.assign.rhs = goat_p_list(p, true);
        }
        if (tok == GOAT_TOK_DEFINE)
            check_assign_stmt(p, as);
        return goat_p_finish_as(as, GOAT_ASSIGN_STMT);
    }

    if (x.count > 1)
        goat_p_error_expected(p, x.items[0]->pos, "1 expression");

    switch (p->tok) {
    case GOAT_TOK_COLON: {
        goat_pos colon = p->pos;
        goat_p_next(p);
        if (mode == LABEL_OK && x.items[0]->kind == GOAT_IDENT) {
            goat_node *s = goat_p_new(p, GOAT_LABELED_STMT);
            s->u.labeled.label = x.items[0];
            s->u.labeled.colon = colon;
            s->u.labeled.stmt = goat_p_stmt(p);
            return goat_p_finish_as(s, GOAT_LABELED_STMT);
        }
        /* reported at the colon: the line's one error names the label */
        goat_p_error(p, colon, "illegal label declaration");
        return goat_p_bad(p, GOAT_BAD_STMT, x.items[0]->pos, colon + 1);
    }
    case GOAT_TOK_ARROW: {
        goat_node *s = goat_p_new(p, GOAT_SEND_STMT);
        s->u.send.chan = x.items[0];
        s->u.send.arrow = p->pos;
        goat_p_next(p);
        s->u.send.value = goat_p_rhs(p);
        return goat_p_finish_as(s, GOAT_SEND_STMT);
    }
    case GOAT_TOK_INC:
    case GOAT_TOK_DEC: {
        goat_node *s = goat_p_new(p, GOAT_INC_DEC_STMT);
        s->u.inc_dec.x = x.items[0];
        s->u.inc_dec.tok_pos = p->pos;
        s->u.inc_dec.tok = p->tok;
        goat_p_next(p);
        return goat_p_finish_as(s, GOAT_INC_DEC_STMT);
    }
    default:
        break;
    }
    goat_node *s = goat_p_new(p, GOAT_EXPR_STMT);
    s->u.expr_stmt.x = x.items[0];
    return goat_p_finish_as(s, GOAT_EXPR_STMT);
}

/* GoStmt = "go" Expression .  DeferStmt = "defer" Expression . */
static goat_node *go_or_defer_stmt(goat_parser *p, goat_node_kind kind, const char *what)
{
    goat_pos pos = p->pos;
    goat_p_next(p);
    goat_node *x = goat_p_rhs_or_type(p); /* could be a conversion: (some type)(x) */
    bool is_call = x->kind == GOAT_CALL_EXPR;
    if (!is_call && x->kind != GOAT_BAD_EXPR) /* only a new error */
        goat_p_error(p, x->end > (goat_pos)p->len ? (goat_pos)p->len : x->end,
                     "function must be invoked in %s statement", what);
    goat_p_expect_semi(p);
    if (!is_call)
        return goat_p_bad(p, GOAT_BAD_STMT, pos, pos + (goat_pos)strlen(what));
    goat_node *s = goat_p_new(p, kind);
    s->u.go_defer.keyword = pos;
    s->u.go_defer.call = x;
    return goat_p_finish(s);
}

/* ReturnStmt = "return" [ ExpressionList ] . */
static goat_node *return_stmt(goat_parser *p)
{
    goat_node *s = goat_p_new(p, GOAT_RETURN_STMT);
    s->u.return_stmt.return_pos = goat_p_expect(p, GOAT_TOK_RETURN);
    if (p->tok != GOAT_TOK_SEMICOLON && p->tok != GOAT_TOK_RBRACE)
        s->u.return_stmt.results = goat_p_list(p, true);
    goat_p_expect_semi(p);
    return goat_p_finish_as(s, GOAT_RETURN_STMT);
}

/* BreakStmt = "break" [ Label ] .  ContinueStmt = "continue" [ Label ] .
 * GotoStmt = "goto" Label .  FallthroughStmt = "fallthrough" . */
static goat_node *branch_stmt(goat_parser *p, goat_tok tok)
{
    goat_node *s = goat_p_new(p, GOAT_BRANCH_STMT);
    s->u.branch.tok_pos = goat_p_expect(p, tok);
    s->u.branch.tok = tok;
    if (tok != GOAT_TOK_FALLTHROUGH && p->tok == GOAT_TOK_IDENT)
        s->u.branch.label = goat_p_ident(p);
    goat_p_expect_semi(p);
    return goat_p_finish_as(s, GOAT_BRANCH_STMT);
}

/* go/parser's makeExpr: the simple statement of a control clause must be
 * an expression. */
static goat_node *make_expr(goat_parser *p, goat_node *s, const char *want)
{
    if (!s)
        return NULL;
    if (s->kind == GOAT_EXPR_STMT)
        return goat_p_check_expr(p, s->u.expr_stmt.x);
    goat_p_error(p, s->pos, "expected %s, found %s (missing parentheses around composite literal?)", want,
                 s->kind == GOAT_ASSIGN_STMT ? "assignment" : "simple statement");
    return goat_p_bad(p, GOAT_BAD_EXPR, s->pos, s->end > (goat_pos)p->len ? (goat_pos)p->len : s->end);
}

/* IfStmt header: [ SimpleStmt ";" ] Expression . */
static void if_header(goat_parser *p, goat_node **init, goat_node **cond)
{
    *init = NULL;
    *cond = NULL;
    if (p->tok == GOAT_TOK_LBRACE) {
        goat_p_error(p, p->pos, "missing condition in if statement");
        *cond = goat_p_bad(p, GOAT_BAD_EXPR, p->pos, p->pos);
        return;
    }
    int prev_lev = p->expr_lev;
    p->expr_lev = -1;

    if (p->tok != GOAT_TOK_SEMICOLON) {
        /* accept a potential variable declaration but complain */
        if (p->tok == GOAT_TOK_VAR) {
            goat_p_next(p);
            goat_p_error(p, p->pos, "var declaration not allowed in 'IF' initializer");
        }
        *init = simple_stmt(p, BASIC, NULL);
    }

    goat_node *cond_stmt = NULL;
    goat_pos semi_pos = GOAT_NOPOS;
    bool semi_newline = false;
    if (p->tok != GOAT_TOK_LBRACE) {
        if (p->tok == GOAT_TOK_SEMICOLON) {
            semi_pos = p->pos;
            semi_newline = p->lit_len == 1 && p->lit[0] == '\n';
            goat_p_next(p);
        } else {
            goat_p_expect(p, GOAT_TOK_SEMICOLON);
        }
        if (p->tok != GOAT_TOK_LBRACE)
            cond_stmt = simple_stmt(p, BASIC, NULL);
    } else {
        cond_stmt = *init;
        *init = NULL;
    }

    if (cond_stmt)
        *cond = make_expr(p, cond_stmt, "boolean expression");
    else if (semi_pos != GOAT_NOPOS) {
        if (semi_newline)
            goat_p_error(p, semi_pos, "unexpected newline, expecting { after if clause");
        else
            goat_p_error(p, semi_pos, "missing condition in if statement");
    }
    if (!*cond) /* a valid tree all the same */
        *cond = goat_p_bad(p, GOAT_BAD_EXPR, p->pos, p->pos);
    p->expr_lev = prev_lev;
}

/* IfStmt = "if" [ SimpleStmt ";" ] Expression Block [ "else" ( IfStmt | Block ) ] . */
static goat_node *if_stmt(goat_parser *p)
{
    goat_p_nest_inc(p);
    goat_node *s = goat_p_new(p, GOAT_IF_STMT);
    s->u.if_stmt.if_pos = goat_p_expect(p, GOAT_TOK_IF);
    if_header(p, &s->u.if_stmt.init, &s->u.if_stmt.cond);
    s->u.if_stmt.body = goat_p_block_stmt(p);
    if (p->tok == GOAT_TOK_ELSE) {
        goat_p_next(p);
        if (p->tok == GOAT_TOK_IF) {
            s->u.if_stmt.else_ = if_stmt(p);
        } else if (p->tok == GOAT_TOK_LBRACE) {
            s->u.if_stmt.else_ = goat_p_block_stmt(p);
            goat_p_expect_semi(p);
        } else {
            goat_p_error_expected(p, p->pos, "if statement or block");
            s->u.if_stmt.else_ = goat_p_bad(p, GOAT_BAD_STMT, p->pos, p->pos);
        }
    } else {
        goat_p_expect_semi(p);
    }
    p->nest_lev--;
    return goat_p_finish_as(s, GOAT_IF_STMT);
}

/* TypeList = Type { "," Type } . */
static goat_node_list type_list(goat_parser *p)
{
    size_t base = goat_p_list_begin(p);
    goat_p_list_push(p, goat_p_type(p));
    while (p->tok == GOAT_TOK_COMMA) {
        goat_p_next(p);
        goat_p_list_push(p, goat_p_type(p));
    }
    return goat_p_list_end(p, base);
}

/* StatementList = { Statement ";" } . */
static goat_node_list stmt_list(goat_parser *p)
{
    size_t base = goat_p_list_begin(p);
    while (p->tok != GOAT_TOK_CASE && p->tok != GOAT_TOK_DEFAULT && p->tok != GOAT_TOK_RBRACE &&
           p->tok != GOAT_TOK_EOF)
        goat_p_list_push(p, goat_p_stmt(p));
    return goat_p_list_end(p, base);
}

/* ExprCaseClause = ExprSwitchCase ":" StatementList .
 * TypeCaseClause = TypeSwitchCase ":" StatementList . */
static goat_node *case_clause(goat_parser *p, bool type_switch)
{
    goat_node *c = goat_p_new(p, GOAT_CASE_CLAUSE);
    c->u.case_clause.case_pos = p->pos;
    if (p->tok == GOAT_TOK_CASE) {
        goat_p_next(p);
        c->u.case_clause.list = type_switch ? type_list(p) : goat_p_list(p, true);
    } else {
        goat_p_expect(p, GOAT_TOK_DEFAULT);
        c->u.case_clause.is_default = true;
    }
    c->u.case_clause.colon = goat_p_expect(p, GOAT_TOK_COLON);
    c->u.case_clause.body = stmt_list(p);
    return goat_p_finish_as(c, GOAT_CASE_CLAUSE);
}

static bool is_type_switch_assert(const goat_node *x)
{
    return x->kind == GOAT_TYPE_ASSERT_EXPR && !x->u.type_assert.type;
}

/* TypeSwitchGuard = [ identifier ":=" ] PrimaryExpr "." "(" "type" ")" . */
static bool is_type_switch_guard(goat_parser *p, const goat_node *s)
{
    if (!s)
        return false;
    if (s->kind == GOAT_EXPR_STMT)
        return is_type_switch_assert(s->u.expr_stmt.x);
    if (s->kind == GOAT_ASSIGN_STMT && s->u.assign.lhs.count == 1 && s->u.assign.rhs.count == 1 &&
        is_type_switch_assert(s->u.assign.rhs.items[0])) {
        if (s->u.assign.tok == GOAT_TOK_ASSIGN) {
            /* v = x.(type) is accepted with a complaint */
            goat_p_error(p, s->u.assign.tok_pos, "expected ':=', found '='");
            return true;
        }
        return s->u.assign.tok == GOAT_TOK_DEFINE;
    }
    return false;
}

static goat_node *new_block(goat_parser *p, goat_pos lbrace, goat_node_list list, goat_pos rbrace)
{
    goat_node *b = goat_p_new(p, GOAT_BLOCK_STMT);
    b->u.block.lbrace = lbrace;
    b->u.block.list = list;
    b->u.block.rbrace = rbrace;
    return goat_p_finish_as(b, GOAT_BLOCK_STMT);
}

/* SwitchStmt = ExprSwitchStmt | TypeSwitchStmt . */
static goat_node *switch_stmt(goat_parser *p)
{
    goat_pos pos = goat_p_expect(p, GOAT_TOK_SWITCH);
    goat_node *s1 = NULL, *s2 = NULL;
    if (p->tok != GOAT_TOK_LBRACE) {
        int prev_lev = p->expr_lev;
        p->expr_lev = -1;
        if (p->tok != GOAT_TOK_SEMICOLON)
            s2 = simple_stmt(p, BASIC, NULL);
        if (p->tok == GOAT_TOK_SEMICOLON) {
            goat_p_next(p);
            s1 = s2;
            s2 = NULL;
            if (p->tok != GOAT_TOK_LBRACE)
                s2 = simple_stmt(p, BASIC, NULL);
        }
        p->expr_lev = prev_lev;
    }
    bool type_switch = is_type_switch_guard(p, s2);
    goat_pos lbrace = goat_p_expect(p, GOAT_TOK_LBRACE);
    size_t base = goat_p_list_begin(p);
    while (p->tok == GOAT_TOK_CASE || p->tok == GOAT_TOK_DEFAULT)
        goat_p_list_push(p, case_clause(p, type_switch));
    goat_node_list list = goat_p_list_end(p, base);
    goat_pos rbrace = goat_p_expect(p, GOAT_TOK_RBRACE);
    goat_p_expect_semi(p);
    goat_node *body = new_block(p, lbrace, list, rbrace);

    if (type_switch) {
        goat_node *s = goat_p_new(p, GOAT_TYPE_SWITCH_STMT);
        s->u.type_switch.switch_pos = pos;
        s->u.type_switch.init = s1;
        s->u.type_switch.assign = s2;
        s->u.type_switch.body = body;
        return goat_p_finish_as(s, GOAT_TYPE_SWITCH_STMT);
    }
    goat_node *s = goat_p_new(p, GOAT_SWITCH_STMT);
    s->u.switch_stmt.switch_pos = pos;
    s->u.switch_stmt.init = s1;
    s->u.switch_stmt.tag = make_expr(p, s2, "switch expression");
    s->u.switch_stmt.body = body;
    return goat_p_finish_as(s, GOAT_SWITCH_STMT);
}

/* CommClause = CommCase ":" StatementList .
 * CommCase = "case" ( SendStmt | RecvStmt ) | "default" . */
static goat_node *comm_clause(goat_parser *p)
{
    goat_node *c = goat_p_new(p, GOAT_COMM_CLAUSE);
    c->u.comm_clause.case_pos = p->pos;
    if (p->tok == GOAT_TOK_CASE) {
        goat_p_next(p);
        goat_node_list lhs = goat_p_list(p, false);
        if (p->tok == GOAT_TOK_ARROW) {
            if (lhs.count > 1)
                goat_p_error_expected(p, lhs.items[0]->pos, "1 expression");
            goat_node *s = goat_p_new(p, GOAT_SEND_STMT);
            s->u.send.chan = lhs.items[0];
            s->u.send.arrow = p->pos;
            goat_p_next(p);
            s->u.send.value = goat_p_rhs(p);
            c->u.comm_clause.comm = goat_p_finish_as(s, GOAT_SEND_STMT);
        } else if (p->tok == GOAT_TOK_ASSIGN || p->tok == GOAT_TOK_DEFINE) {
            if (lhs.count > 2) {
                goat_p_error_expected(p, lhs.items[0]->pos, "1 or 2 expressions");
                lhs.count = 2; /* continue with the first two */
            }
            goat_node *as = goat_p_new(p, GOAT_ASSIGN_STMT);
            as->u.assign.lhs = lhs;
            as->u.assign.tok_pos = p->pos;
            as->u.assign.tok = p->tok;
            goat_p_next(p);
            as->u.assign.rhs = goat_p_list1(p, goat_p_rhs(p));
            if (as->u.assign.tok == GOAT_TOK_DEFINE)
                check_assign_stmt(p, as);
            c->u.comm_clause.comm = goat_p_finish_as(as, GOAT_ASSIGN_STMT);
        } else {
            if (lhs.count > 1)
                goat_p_error_expected(p, lhs.items[0]->pos, "1 expression");
            goat_node *s = goat_p_new(p, GOAT_EXPR_STMT);
            s->u.expr_stmt.x = lhs.items[0];
            c->u.comm_clause.comm = goat_p_finish(s);
        }
    } else {
        goat_p_expect(p, GOAT_TOK_DEFAULT);
    }
    c->u.comm_clause.colon = goat_p_expect(p, GOAT_TOK_COLON);
    c->u.comm_clause.body = stmt_list(p);
    return goat_p_finish_as(c, GOAT_COMM_CLAUSE);
}

/* SelectStmt = "select" "{" { CommClause } "}" . */
static goat_node *select_stmt(goat_parser *p)
{
    goat_node *s = goat_p_new(p, GOAT_SELECT_STMT);
    s->u.select_stmt.select_pos = goat_p_expect(p, GOAT_TOK_SELECT);
    goat_pos lbrace = goat_p_expect(p, GOAT_TOK_LBRACE);
    size_t base = goat_p_list_begin(p);
    while (p->tok == GOAT_TOK_CASE || p->tok == GOAT_TOK_DEFAULT)
        goat_p_list_push(p, comm_clause(p));
    goat_node_list list = goat_p_list_end(p, base);
    goat_pos rbrace = goat_p_expect(p, GOAT_TOK_RBRACE);
    goat_p_expect_semi(p);
    s->u.select_stmt.body = new_block(p, lbrace, list, rbrace);
    return goat_p_finish_as(s, GOAT_SELECT_STMT);
}

/* ForStmt = "for" [ Condition | ForClause | RangeClause ] Block . */
static goat_node *for_stmt(goat_parser *p)
{
    goat_pos pos = goat_p_expect(p, GOAT_TOK_FOR);
    goat_node *s1 = NULL, *s2 = NULL, *s3 = NULL;
    bool is_range = false;
    if (p->tok != GOAT_TOK_LBRACE) {
        int prev_lev = p->expr_lev;
        p->expr_lev = -1;
        if (p->tok != GOAT_TOK_SEMICOLON) {
            if (p->tok == GOAT_TOK_RANGE) {
                /* "for range x" (no left-hand side) */
                goat_node *as = goat_p_new(p, GOAT_ASSIGN_STMT);
                as->u.assign.tok_pos = GOAT_NOPOS;
                as->u.assign.tok = GOAT_TOK_ILLEGAL;
                as->u.assign.rhs = goat_p_list1(p, range_unary(p));
                s2 = as;
                is_range = true;
            } else {
                s2 = simple_stmt(p, RANGE_OK, &is_range);
            }
        }
        if (!is_range && p->tok == GOAT_TOK_SEMICOLON) {
            goat_p_next(p);
            s1 = s2;
            s2 = NULL;
            if (p->tok != GOAT_TOK_SEMICOLON)
                s2 = simple_stmt(p, BASIC, NULL);
            goat_p_expect_semi(p);
            if (p->tok != GOAT_TOK_LBRACE)
                s3 = simple_stmt(p, BASIC, NULL);
        }
        p->expr_lev = prev_lev;
    }

    goat_node *body = goat_p_block_stmt(p);
    goat_p_expect_semi(p);

    if (is_range) {
        goat_node_list lhs = s2->u.assign.lhs;
        if (lhs.count > 2) {
            goat_p_error_expected(p, lhs.items[lhs.count - 1]->pos, "at most 2 expressions");
            return goat_p_bad(p, GOAT_BAD_STMT, pos, body->end > (goat_pos)p->len ? (goat_pos)p->len : body->end);
        }
        goat_node *r = goat_p_new(p, GOAT_RANGE_STMT);
        r->u.range_stmt.for_pos = pos;
        r->u.range_stmt.key = lhs.count > 0 ? lhs.items[0] : NULL;
        r->u.range_stmt.value = lhs.count > 1 ? lhs.items[1] : NULL;
        r->u.range_stmt.tok_pos = s2->u.assign.tok_pos;
        r->u.range_stmt.tok = s2->u.assign.tok;
        r->u.range_stmt.x = s2->u.assign.rhs.items[0]->u.unary.x;
        r->u.range_stmt.body = body;
        return goat_p_finish_as(r, GOAT_RANGE_STMT);
    }
    goat_node *f = goat_p_new(p, GOAT_FOR_STMT);
    f->u.for_stmt.for_pos = pos;
    f->u.for_stmt.init = s1;
    f->u.for_stmt.cond = make_expr(p, s2, "boolean or range expression");
    f->u.for_stmt.post = s3;
    f->u.for_stmt.body = body;
    return goat_p_finish_as(f, GOAT_FOR_STMT);
}

/* Block = "{" StatementList "}" . */
goat_node *goat_p_block_stmt(goat_parser *p)
{
    goat_pos lbrace = goat_p_expect(p, GOAT_TOK_LBRACE);
    goat_node_list list = stmt_list(p);
    goat_pos rbrace = goat_p_expect2(p, GOAT_TOK_RBRACE);
    return new_block(p, lbrace, list, rbrace);
}

/* FunctionBody = Block . */
goat_node *goat_p_body(goat_parser *p)
{
    return goat_p_block_stmt(p);
}

goat_node *goat_p_skipped_body(goat_parser *p)
{
    goat_pos lbrace = goat_p_expect(p, GOAT_TOK_LBRACE);
    for (size_t depth = 1; p->tok != GOAT_TOK_EOF; goat_p_next(p)) {
        if (p->tok == GOAT_TOK_LBRACE)
            depth++;
        else if (p->tok == GOAT_TOK_RBRACE && --depth == 0)
            break;
    }
    goat_pos rbrace = goat_p_expect2(p, GOAT_TOK_RBRACE);
    goat_node_list empty = {NULL, 0};
    return new_block(p, lbrace, empty, rbrace);
}

/* Statement = Declaration | LabeledStmt | SimpleStmt | GoStmt | ReturnStmt |
 *             BreakStmt | ContinueStmt | GotoStmt | FallthroughStmt | Block |
 *             IfStmt | SwitchStmt | SelectStmt | ForStmt | DeferStmt . */
goat_node *goat_p_stmt(goat_parser *p)
{
    goat_p_nest_inc(p);
    goat_node *s;
    switch (p->tok) {
    case GOAT_TOK_CONST: case GOAT_TOK_TYPE: case GOAT_TOK_VAR:
        s = goat_p_new(p, GOAT_DECL_STMT);
        s->u.decl_stmt.decl = goat_p_gen_decl(p, p->tok);
        goat_p_finish_as(s, GOAT_DECL_STMT);
        break;
    case GOAT_TOK_IDENT: case GOAT_TOK_INT: case GOAT_TOK_FLOAT: case GOAT_TOK_IMAG: case GOAT_TOK_CHAR:
    case GOAT_TOK_STRING: case GOAT_TOK_FUNC: case GOAT_TOK_LPAREN:
    case GOAT_TOK_LBRACK: case GOAT_TOK_STRUCT: case GOAT_TOK_MAP: case GOAT_TOK_CHAN: case GOAT_TOK_INTERFACE:
    case GOAT_TOK_ADD: case GOAT_TOK_SUB: case GOAT_TOK_MUL: case GOAT_TOK_AND: case GOAT_TOK_XOR:
    case GOAT_TOK_ARROW: case GOAT_TOK_NOT:
        s = simple_stmt(p, LABEL_OK, NULL);
        /* a labeled statement has consumed its statement's semicolon */
        if (s->kind != GOAT_LABELED_STMT)
            goat_p_expect_semi(p);
        break;
    case GOAT_TOK_GO:
        s = go_or_defer_stmt(p, GOAT_GO_STMT, "go");
        break;
    case GOAT_TOK_DEFER:
        s = go_or_defer_stmt(p, GOAT_DEFER_STMT, "defer");
        break;
    case GOAT_TOK_RETURN:
        s = return_stmt(p);
        break;
    case GOAT_TOK_BREAK: case GOAT_TOK_CONTINUE: case GOAT_TOK_GOTO: case GOAT_TOK_FALLTHROUGH:
        s = branch_stmt(p, p->tok);
        break;
    case GOAT_TOK_LBRACE:
        s = goat_p_block_stmt(p);
        goat_p_expect_semi(p);
        break;
    case GOAT_TOK_IF:
        s = if_stmt(p);
        break;
    case GOAT_TOK_SWITCH:
        s = switch_stmt(p);
        break;
    case GOAT_TOK_SELECT:
        s = select_stmt(p);
        break;
    case GOAT_TOK_FOR:
        s = for_stmt(p);
        break;
    case GOAT_TOK_SEMICOLON:
        s = goat_p_new(p, GOAT_EMPTY_STMT);
        s->u.empty_stmt.semicolon = p->pos;
        s->u.empty_stmt.implicit = p->lit_len == 1 && p->lit[0] == '\n';
        goat_p_finish(s);
        goat_p_next(p);
        break;
    case GOAT_TOK_RBRACE:
        /* a semicolon may be omitted before a closing "}" */
        s = goat_p_new(p, GOAT_EMPTY_STMT);
        s->u.empty_stmt.semicolon = p->pos;
        s->u.empty_stmt.implicit = true;
        goat_p_finish(s);
        break;
    default: {
        goat_pos pos = p->pos;
        goat_p_error_expected(p, pos, "statement");
        goat_p_advance(p, GOAT_SYNC_STMT);
        s = goat_p_bad(p, GOAT_BAD_STMT, pos, p->pos);
        break;
    }
    }
    p->nest_lev--;
    return s;
}
