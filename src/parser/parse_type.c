/* SPDX-License-Identifier: MIT */
/* Types, parameter lists, struct and interface bodies (go/parser's
 * parseType and friends, Go 1.19). */
#include "parser/parser_internal.h"

static goat_node *new_field(goat_parser *p, goat_node_list names, goat_node *type, goat_node *tag)
{
    goat_node *f = goat_p_new(p, GOAT_FIELD);
    f->u.field.names = names;
    f->u.field.type = type;
    f->u.field.tag = tag;
    return goat_p_finish_as(f, GOAT_FIELD);
}

static goat_node *new_field_list(goat_parser *p, goat_pos opening, goat_node_list list, goat_pos closing)
{
    goat_node *l = goat_p_new(p, GOAT_FIELD_LIST);
    l->u.field_list.opening = opening;
    l->u.field_list.list = list;
    l->u.field_list.closing = closing;
    return goat_p_finish_as(l, GOAT_FIELD_LIST);
}

static goat_node_list no_nodes(void)
{
    goat_node_list l = {NULL, 0};
    return l;
}

/* typeparams.PackIndexExpr: one index is an IndexExpr, more an IndexListExpr. */
goat_node *goat_p_pack_index(goat_parser *p, goat_node *x, goat_pos lbrack, goat_node_list args, goat_pos rbrack)
{
    if (args.count == 1) {
        goat_node *n = goat_p_new(p, GOAT_INDEX_EXPR);
        n->u.index.x = x;
        n->u.index.lbrack = lbrack;
        n->u.index.index = args.items[0];
        n->u.index.rbrack = rbrack;
        return goat_p_finish_as(n, GOAT_INDEX_EXPR);
    }
    goat_node *n = goat_p_new(p, GOAT_INDEX_LIST_EXPR);
    n->u.index_list.x = x;
    n->u.index_list.lbrack = lbrack;
    n->u.index_list.indices = args;
    n->u.index_list.rbrack = rbrack;
    return goat_p_finish_as(n, GOAT_INDEX_LIST_EXPR);
}

/* Type = TypeName [ TypeArgs ] | TypeLit | "(" Type ")" . */
goat_node *goat_p_type(goat_parser *p)
{
    goat_node *typ = goat_p_try_ident_or_type(p);
    if (!typ) {
        goat_pos pos = p->pos;
        goat_p_error_expected(p, pos, "type");
        goat_p_advance(p, GOAT_SYNC_EXPR_END);
        typ = goat_p_bad(p, GOAT_BAD_EXPR, pos, p->pos);
    }
    return typ;
}

/* QualifiedIdent = PackageName "." identifier [ TypeArgs ] . */
goat_node *goat_p_qualified_ident(goat_parser *p, goat_node *ident)
{
    goat_node *typ = goat_p_type_name(p, ident);
    if (p->tok == GOAT_TOK_LBRACK)
        typ = goat_p_type_instance(p, typ);
    return typ;
}

/* TypeName = identifier | QualifiedIdent . */
goat_node *goat_p_type_name(goat_parser *p, goat_node *ident)
{
    if (!ident)
        ident = goat_p_ident(p);
    if (p->tok == GOAT_TOK_PERIOD) {
        goat_p_next(p);
        goat_node *sel = goat_p_new(p, GOAT_SELECTOR_EXPR);
        sel->u.selector.x = ident;
        sel->u.selector.sel = goat_p_ident(p);
        return goat_p_finish(sel);
    }
    return ident;
}

/* ArrayType = "[" ArrayLength "]" ElementType .  ("[" already consumed) */
goat_node *goat_p_array_type(goat_parser *p, goat_pos lbrack, goat_node *len)
{
    if (!len) {
        p->expr_lev++;
        if (p->tok == GOAT_TOK_ELLIPSIS) {
            /* always permitted here for fault-tolerant parsing, as go/parser */
            len = goat_p_new(p, GOAT_ELLIPSIS);
            len->pos = p->pos;
            goat_p_finish_as(len, GOAT_ELLIPSIS);
            goat_p_next(p);
        } else if (p->tok != GOAT_TOK_RBRACK) {
            len = goat_p_rhs(p);
        }
        p->expr_lev--;
    }
    if (p->tok == GOAT_TOK_COMMA) {
        /* trailing commas belong to type parameter lists, not arrays */
        goat_p_error(p, p->pos, "unexpected comma; expecting ]");
        goat_p_next(p);
    }
    goat_p_expect(p, GOAT_TOK_RBRACK);
    goat_node *n = goat_p_new(p, GOAT_ARRAY_TYPE);
    n->u.array_type.lbrack = lbrack;
    n->u.array_type.len = len;
    n->u.array_type.elt = goat_p_type(p);
    return goat_p_finish_as(n, GOAT_ARRAY_TYPE);
}

/* x "[" ... : either a field x of array type [N]E / []E, or an
 * instantiated type x[T1, ...]. Returns the name (NULL when x is part of the
 * type) and stores the type in *typ. */
static goat_node *array_field_or_type_instance(goat_parser *p, goat_node *x, goat_node **typ)
{
    goat_pos lbrack = goat_p_expect(p, GOAT_TOK_LBRACK);
    size_t base = goat_p_list_begin(p);
    if (p->tok != GOAT_TOK_RBRACK) {
        p->expr_lev++;
        goat_p_list_push(p, goat_p_rhs_or_type(p));
        while (p->tok == GOAT_TOK_COMMA) {
            goat_p_next(p);
            goat_p_list_push(p, goat_p_rhs_or_type(p));
        }
        p->expr_lev--;
    }
    goat_node_list args = goat_p_list_end(p, base);
    goat_pos rbrack = goat_p_expect(p, GOAT_TOK_RBRACK);

    if (args.count == 0) { /* x []E */
        goat_node *a = goat_p_new(p, GOAT_ARRAY_TYPE);
        a->u.array_type.lbrack = lbrack;
        a->u.array_type.elt = goat_p_type(p);
        *typ = goat_p_finish_as(a, GOAT_ARRAY_TYPE);
        return x;
    }
    if (args.count == 1) { /* x [P]E or x[P] */
        goat_node *elt = goat_p_try_ident_or_type(p);
        if (elt) {
            goat_node *a = goat_p_new(p, GOAT_ARRAY_TYPE);
            a->u.array_type.lbrack = lbrack;
            a->u.array_type.len = args.items[0];
            a->u.array_type.elt = elt;
            *typ = goat_p_finish_as(a, GOAT_ARRAY_TYPE);
            return x;
        }
    }
    *typ = goat_p_pack_index(p, x, lbrack, args, rbrack);
    return NULL;
}

/* FieldDecl = (IdentifierList Type | EmbeddedField) [ Tag ] . */
static goat_node *field_decl(goat_parser *p)
{
    goat_node_list names = no_nodes();
    goat_node *typ;
    if (p->tok == GOAT_TOK_IDENT) {
        goat_node *name = goat_p_ident(p);
        if (p->tok == GOAT_TOK_PERIOD || p->tok == GOAT_TOK_STRING || p->tok == GOAT_TOK_SEMICOLON ||
            p->tok == GOAT_TOK_RBRACE) {
            /* embedded type */
            typ = name;
            if (p->tok == GOAT_TOK_PERIOD)
                typ = goat_p_qualified_ident(p, name);
        } else {
            size_t base = goat_p_list_begin(p);
            goat_p_list_push(p, name);
            while (p->tok == GOAT_TOK_COMMA) {
                goat_p_next(p);
                goat_p_list_push(p, goat_p_ident(p));
            }
            names = goat_p_list_end(p, base);
            /* T[P1, P2] embedded, or a field T of array type: undecided yet */
            if (names.count == 1 && p->tok == GOAT_TOK_LBRACK) {
                if (!array_field_or_type_instance(p, name, &typ))
                    names = no_nodes();
            } else {
                typ = goat_p_type(p);
            }
        }
    } else {
        /* embedded, possibly generic type */
        typ = goat_p_type(p);
    }

    goat_node *tag = NULL;
    if (p->tok == GOAT_TOK_STRING) {
        tag = goat_p_new(p, GOAT_BASIC_LIT);
        tag->pos = p->pos;
        tag->end = goat_p_string_end(p);
        tag->u.basic_lit.kind = GOAT_TOK_STRING;
        tag->u.basic_lit.value = goat_p_strdup(p, p->lit, p->lit_len);
        goat_p_next(p);
    }
    goat_p_expect_semi(p);
    return new_field(p, names, typ, tag);
}

/* StructType = "struct" "{" { FieldDecl ";" } "}" . */
static goat_node *struct_type(goat_parser *p)
{
    goat_pos pos = goat_p_expect(p, GOAT_TOK_STRUCT);
    goat_pos lbrace = goat_p_expect(p, GOAT_TOK_LBRACE);
    size_t base = goat_p_list_begin(p);
    while (p->tok == GOAT_TOK_IDENT || p->tok == GOAT_TOK_MUL || p->tok == GOAT_TOK_LPAREN)
        goat_p_list_push(p, field_decl(p));
    goat_node_list list = goat_p_list_end(p, base);
    goat_pos rbrace = goat_p_expect(p, GOAT_TOK_RBRACE);
    goat_node *n = goat_p_new(p, GOAT_STRUCT_TYPE);
    n->u.struct_type.struct_pos = pos;
    n->u.struct_type.fields = new_field_list(p, lbrace, list, rbrace);
    return goat_p_finish_as(n, GOAT_STRUCT_TYPE);
}

/* PointerType = "*" BaseType . */
static goat_node *pointer_type(goat_parser *p)
{
    goat_node *n = goat_p_new(p, GOAT_STAR_EXPR);
    n->pos = goat_p_expect(p, GOAT_TOK_MUL);
    n->u.star.x = goat_p_type(p);
    return goat_p_finish_as(n, GOAT_STAR_EXPR);
}

/* "..." Type  (the last parameter of a variadic function) */
static goat_node *dots_type(goat_parser *p)
{
    goat_node *n = goat_p_new(p, GOAT_ELLIPSIS);
    n->pos = goat_p_expect(p, GOAT_TOK_ELLIPSIS);
    n->u.ellipsis.elt = goat_p_type(p);
    return goat_p_finish_as(n, GOAT_ELLIPSIS);
}

static goat_node *binary(goat_parser *p, goat_node *x, goat_tok op, goat_pos op_pos, goat_node *y)
{
    goat_node *n = goat_p_new(p, GOAT_BINARY_EXPR);
    n->u.binary.x = x;
    n->u.binary.op = op;
    n->u.binary.op_pos = op_pos;
    n->u.binary.y = y;
    return goat_p_finish_as(n, GOAT_BINARY_EXPR);
}

/* TypeTerm = Type | UnderlyingType .  UnderlyingType = "~" Type . */
static goat_node *embedded_term(goat_parser *p)
{
    if (p->tok == GOAT_TOK_TILDE) {
        goat_node *n = goat_p_new(p, GOAT_UNARY_EXPR);
        n->u.unary.op_pos = p->pos;
        n->u.unary.op = GOAT_TOK_TILDE;
        goat_p_next(p);
        n->u.unary.x = goat_p_type(p);
        return goat_p_finish_as(n, GOAT_UNARY_EXPR);
    }
    goat_node *t = goat_p_try_ident_or_type(p);
    if (!t) {
        goat_pos pos = p->pos;
        goat_p_error_expected(p, pos, "~ term or type");
        goat_p_advance(p, GOAT_SYNC_EXPR_END);
        t = goat_p_bad(p, GOAT_BAD_EXPR, pos, p->pos);
    }
    return t;
}

/* TypeElem = TypeTerm { "|" TypeTerm } . */
static goat_node *embedded_elem(goat_parser *p, goat_node *x)
{
    if (!x)
        x = embedded_term(p);
    while (p->tok == GOAT_TOK_OR) {
        goat_pos op_pos = p->pos;
        goat_p_next(p);
        goat_node *y = embedded_term(p);
        x = binary(p, x, GOAT_TOK_OR, op_pos, y);
    }
    return x;
}

/* ParameterDecl = [ IdentifierList ] [ "..." ] Type .  (one entry) */
static void param_decl(goat_parser *p, goat_node *name, bool type_sets_ok, goat_node **fname, goat_node **ftyp)
{
    *fname = NULL;
    *ftyp = NULL;
    goat_tok tok = p->tok;
    if (name)
        tok = GOAT_TOK_IDENT; /* as go/parser: force the IDENT case */
    else if (type_sets_ok && p->tok == GOAT_TOK_TILDE) {
        *ftyp = embedded_elem(p, NULL);
        return;
    }

    switch (tok) {
    case GOAT_TOK_IDENT:
        *fname = name ? name : goat_p_ident(p);
        switch (p->tok) {
        case GOAT_TOK_IDENT: case GOAT_TOK_MUL: case GOAT_TOK_ARROW: case GOAT_TOK_FUNC:
        case GOAT_TOK_CHAN: case GOAT_TOK_MAP: case GOAT_TOK_STRUCT: case GOAT_TOK_INTERFACE:
        case GOAT_TOK_LPAREN:
            *ftyp = goat_p_type(p); /* name type */
            break;
        case GOAT_TOK_LBRACK:
            /* name "[" type1, ..., typeN "]" or name "[" n "]" type */
            *fname = array_field_or_type_instance(p, *fname, ftyp);
            break;
        case GOAT_TOK_ELLIPSIS:
            *ftyp = dots_type(p);
            return; /* no ...type "|" ... */
        case GOAT_TOK_PERIOD:
            *ftyp = goat_p_qualified_ident(p, *fname);
            *fname = NULL;
            break;
        case GOAT_TOK_TILDE:
            if (type_sets_ok) {
                *ftyp = embedded_elem(p, NULL);
                return;
            }
            break;
        case GOAT_TOK_OR:
            if (type_sets_ok) {
                *ftyp = embedded_elem(p, *fname);
                *fname = NULL;
                return;
            }
            break;
        default:
            break;
        }
        break;
    case GOAT_TOK_MUL: case GOAT_TOK_ARROW: case GOAT_TOK_FUNC: case GOAT_TOK_LBRACK:
    case GOAT_TOK_CHAN: case GOAT_TOK_MAP: case GOAT_TOK_STRUCT: case GOAT_TOK_INTERFACE:
    case GOAT_TOK_LPAREN:
        *ftyp = goat_p_type(p);
        break;
    case GOAT_TOK_ELLIPSIS:
        *ftyp = dots_type(p);
        return;
    default:
        /* (go/parser says ')' in type parameter lists too) */
        goat_p_error_expected(p, p->pos, "')'");
        goat_p_advance(p, GOAT_SYNC_EXPR_END);
        break;
    }

    if (type_sets_ok && p->tok == GOAT_TOK_OR && *ftyp)
        *ftyp = embedded_elem(p, *ftyp);
}

/* ParameterList = ParameterDecl { "," ParameterDecl } .
 * TypeParamList = TypeParamDecl { "," TypeParamDecl } .  (closing ']') */
goat_node_list goat_p_parameter_list(goat_parser *p, goat_node *name0, goat_node *typ0, goat_tok closing)
{
    bool tparams = closing == GOAT_TOK_RBRACK;
    bool type_sets_ok = tparams;
    goat_pos pos = name0 ? name0->pos : p->pos;

    /* (name, type) pairs, two scratch slots each */
    size_t base = goat_p_list_begin(p);
    size_t named = 0, count = 0;
    while (name0 || (p->tok != closing && p->tok != GOAT_TOK_EOF)) {
        goat_node *name, *typ;
        if (typ0) {
            if (type_sets_ok)
                typ0 = embedded_elem(p, typ0);
            name = name0;
            typ = typ0;
        } else {
            param_decl(p, name0, type_sets_ok, &name, &typ);
        }
        name0 = NULL;
        typ0 = NULL;
        if (name || typ) {
            goat_p_list_push(p, name);
            goat_p_list_push(p, typ);
            count++;
            if (name && typ)
                named++;
        }
        if (!goat_p_at_comma(p, "parameter list", closing))
            break;
        goat_p_next(p);
    }

    if (count == 0) {
        p->scratch_len = base;
        return no_nodes();
    }

    goat_node **pars = p->scratch + base; /* stable: nothing pushed until done */
    if (named == 0) {
        /* all unnamed: the names found are type names */
        for (size_t i = 0; i < count; i++) {
            if (pars[2 * i]) {
                pars[2 * i + 1] = pars[2 * i];
                pars[2 * i] = NULL;
            }
        }
        if (tparams)
            goat_p_error(p, pos, "all type parameters must be named");
    } else if (named != count) {
        /* some named: all must be named */
        bool ok = true;
        goat_node *typ = NULL;
        goat_pos missing = pos;
        for (size_t i = count; i-- > 0;) {
            if (pars[2 * i + 1]) {
                typ = pars[2 * i + 1];
                if (!pars[2 * i]) {
                    ok = false;
                    missing = typ->pos;
                    goat_node *id = goat_p_new(p, GOAT_IDENT);
                    id->pos = typ->pos;
                    id->end = typ->pos + 1;
                    id->u.ident.name = "_";
                    pars[2 * i] = id;
                }
            } else if (typ) {
                pars[2 * i + 1] = typ;
            } else {
                /* only a name: no type follows it */
                ok = false;
                missing = pars[2 * i]->pos;
                pars[2 * i + 1] = goat_p_bad(p, GOAT_BAD_EXPR, pars[2 * i]->pos, p->pos);
            }
        }
        if (!ok) {
            if (tparams)
                goat_p_error(p, missing, "all type parameters must be named");
            else
                goat_p_error(p, pos, "mixed named and unnamed parameters");
        }
    }

    /* group consecutive names sharing one type into a Field */
    goat_node_list out;
    if (named == 0) {
        out.count = count;
        out.items = goat_p_alloc(p, count * sizeof *out.items);
        for (size_t i = 0; i < count; i++)
            out.items[i] = new_field(p, no_nodes(), pars[2 * i + 1], NULL);
        p->scratch_len = base;
        return out;
    }
    size_t nfields = 0;
    for (size_t i = 0; i < count; i++)
        if (i == 0 || pars[2 * i + 1] != pars[2 * i - 1])
            nfields++;
    out.count = nfields;
    out.items = goat_p_alloc(p, nfields * sizeof *out.items);
    size_t k = 0;
    for (size_t i = 0; i < count;) {
        size_t j = i + 1;
        while (j < count && pars[2 * j + 1] == pars[2 * i + 1])
            j++;
        goat_node_list names = {goat_p_alloc(p, (j - i) * sizeof(goat_node *)), j - i};
        for (size_t m = i; m < j; m++)
            names.items[m - i] = pars[2 * m];
        out.items[k++] = new_field(p, names, pars[2 * i + 1], NULL);
        i = j;
    }
    p->scratch_len = base;
    return out;
}

/* Signature = Parameters [ Result ] .  Parameters = "(" [ ParameterList [ "," ] ] ")" .
 * TypeParameters = "[" TypeParamList [ "," ] "]" . */
void goat_p_parameters(goat_parser *p, bool accept_tparams, goat_node **tparams, goat_node **params)
{
    *tparams = NULL;
    if (accept_tparams && p->tok == GOAT_TOK_LBRACK) {
        goat_pos opening = p->pos;
        goat_p_next(p);
        goat_node_list list = goat_p_parameter_list(p, NULL, NULL, GOAT_TOK_RBRACK);
        goat_pos rbrack = goat_p_expect(p, GOAT_TOK_RBRACK);
        if (list.count == 0)
            goat_p_error(p, rbrack, "empty type parameter list"); /* and no list: no follow-on errors */
        else
            *tparams = new_field_list(p, opening, list, rbrack);
    }
    goat_pos opening = goat_p_expect(p, GOAT_TOK_LPAREN);
    goat_node_list fields = no_nodes();
    if (p->tok != GOAT_TOK_RPAREN)
        fields = goat_p_parameter_list(p, NULL, NULL, GOAT_TOK_RPAREN);
    goat_pos rparen = goat_p_expect(p, GOAT_TOK_RPAREN);
    *params = new_field_list(p, opening, fields, rparen);
}

/* Result = Parameters | Type . */
goat_node *goat_p_result(goat_parser *p)
{
    if (p->tok == GOAT_TOK_LPAREN) {
        goat_node *tparams, *results;
        goat_p_parameters(p, false, &tparams, &results);
        return results;
    }
    goat_node *typ = goat_p_try_ident_or_type(p);
    if (!typ)
        return NULL;
    return new_field_list(p, GOAT_NOPOS, goat_p_list1(p, new_field(p, no_nodes(), typ, NULL)), GOAT_NOPOS);
}

/* FunctionType = "func" Signature . */
goat_node *goat_p_func_type(goat_parser *p)
{
    goat_pos pos = goat_p_expect(p, GOAT_TOK_FUNC);
    goat_node *tparams, *params;
    goat_p_parameters(p, true, &tparams, &params);
    if (tparams)
        goat_p_error(p, tparams->pos, "function type must have no type parameters"); /* and dropped */
    goat_node *n = goat_p_new(p, GOAT_FUNC_TYPE);
    n->u.func_type.func_pos = pos;
    n->u.func_type.params = params;
    n->u.func_type.results = goat_p_result(p);
    return goat_p_finish_as(n, GOAT_FUNC_TYPE);
}

/* MethodElem's Signature: a FuncType without the "func" keyword. */
static goat_node *method_func_type(goat_parser *p)
{
    goat_node *tparams, *params;
    goat_p_parameters(p, false, &tparams, &params);
    goat_node *n = goat_p_new(p, GOAT_FUNC_TYPE);
    n->u.func_type.func_pos = GOAT_NOPOS;
    n->u.func_type.params = params;
    n->u.func_type.results = goat_p_result(p);
    return goat_p_finish_as(n, GOAT_FUNC_TYPE);
}

/* MethodSpec = MethodName Signature | InterfaceTypeName . */
static goat_node *method_spec(goat_parser *p)
{
    goat_node_list idents = no_nodes();
    goat_node *typ;
    goat_node *x = goat_p_type_name(p, NULL);
    if (x->kind == GOAT_IDENT) {
        goat_node *ident = x;
        if (p->tok == GOAT_TOK_LBRACK) {
            /* generic method or embedded instantiated type */
            goat_pos lbrack = p->pos;
            goat_p_next(p);
            p->expr_lev++;
            goat_node *x2 = goat_p_expr(p);
            p->expr_lev--;
            if (x2->kind == GOAT_IDENT && p->tok != GOAT_TOK_COMMA && p->tok != GOAT_TOK_RBRACK) {
                /* m[T any](...): parsed for the error and recovery */
                goat_p_parameter_list(p, x2, NULL, GOAT_TOK_RBRACK);
                goat_p_expect(p, GOAT_TOK_RBRACK);
                goat_p_error(p, lbrack, "interface method must have no type parameters");
                typ = method_func_type(p);
                idents = goat_p_list1(p, ident);
                return new_field(p, idents, typ, NULL);
            }
            size_t base = goat_p_list_begin(p);
            goat_p_list_push(p, x2);
            if (goat_p_at_comma(p, "type argument list", GOAT_TOK_RBRACK)) {
                p->expr_lev++;
                goat_p_next(p);
                while (p->tok != GOAT_TOK_RBRACK && p->tok != GOAT_TOK_EOF) {
                    goat_p_list_push(p, goat_p_type(p));
                    if (!goat_p_at_comma(p, "type argument list", GOAT_TOK_RBRACK))
                        break;
                    goat_p_next(p);
                }
                p->expr_lev--;
            }
            goat_node_list list = goat_p_list_end(p, base);
            goat_pos rbrack = goat_p_expect_closing(p, GOAT_TOK_RBRACK, "type argument list");
            typ = goat_p_pack_index(p, ident, lbrack, list, rbrack);
        } else if (p->tok == GOAT_TOK_LPAREN) {
            /* ordinary method */
            typ = method_func_type(p);
            idents = goat_p_list1(p, ident);
        } else {
            typ = x; /* embedded type */
        }
    } else {
        /* embedded, possibly instantiated type */
        typ = x;
        if (p->tok == GOAT_TOK_LBRACK)
            typ = goat_p_type_instance(p, typ);
    }
    return new_field(p, idents, typ, NULL);
}

/* InterfaceType = "interface" "{" { InterfaceElem ";" } "}" .
 * InterfaceElem = MethodElem | TypeElem . */
static goat_node *interface_type(goat_parser *p)
{
    goat_pos pos = goat_p_expect(p, GOAT_TOK_INTERFACE);
    goat_pos lbrace = goat_p_expect(p, GOAT_TOK_LBRACE);
    size_t base = goat_p_list_begin(p);
    for (;;) {
        if (p->tok == GOAT_TOK_IDENT) {
            goat_node *f = method_spec(p);
            if (f->u.field.names.count == 0) {
                f->u.field.type = embedded_elem(p, f->u.field.type);
                goat_p_finish(f);
            }
            goat_p_expect_semi(p);
            goat_p_list_push(p, f);
        } else if (p->tok == GOAT_TOK_TILDE) {
            goat_node *typ = embedded_elem(p, NULL);
            goat_p_expect_semi(p);
            goat_p_list_push(p, new_field(p, no_nodes(), typ, NULL));
        } else {
            goat_node *t = goat_p_try_ident_or_type(p);
            if (!t)
                break;
            goat_node *typ = embedded_elem(p, t);
            goat_p_expect_semi(p);
            goat_p_list_push(p, new_field(p, no_nodes(), typ, NULL));
        }
    }
    goat_node_list list = goat_p_list_end(p, base);
    goat_pos rbrace = goat_p_expect(p, GOAT_TOK_RBRACE);
    goat_node *n = goat_p_new(p, GOAT_INTERFACE_TYPE);
    n->u.interface_type.interface_pos = pos;
    n->u.interface_type.methods = new_field_list(p, lbrace, list, rbrace);
    return goat_p_finish_as(n, GOAT_INTERFACE_TYPE);
}

/* MapType = "map" "[" KeyType "]" ElementType . */
static goat_node *map_type(goat_parser *p)
{
    goat_node *n = goat_p_new(p, GOAT_MAP_TYPE);
    n->u.map_type.map_pos = goat_p_expect(p, GOAT_TOK_MAP);
    goat_p_expect(p, GOAT_TOK_LBRACK);
    n->u.map_type.key = goat_p_type(p);
    goat_p_expect(p, GOAT_TOK_RBRACK);
    n->u.map_type.value = goat_p_type(p);
    return goat_p_finish_as(n, GOAT_MAP_TYPE);
}

/* ChannelType = ( "chan" | "chan" "<-" | "<-" "chan" ) ElementType . */
static goat_node *chan_type(goat_parser *p)
{
    goat_node *n = goat_p_new(p, GOAT_CHAN_TYPE);
    n->u.chan_type.begin = p->pos;
    n->u.chan_type.arrow = GOAT_NOPOS;
    n->u.chan_type.dir = GOAT_CHAN_BOTH;
    if (p->tok == GOAT_TOK_CHAN) {
        goat_p_next(p);
        if (p->tok == GOAT_TOK_ARROW) {
            n->u.chan_type.arrow = p->pos;
            goat_p_next(p);
            n->u.chan_type.dir = GOAT_CHAN_SEND;
        }
    } else {
        n->u.chan_type.arrow = goat_p_expect(p, GOAT_TOK_ARROW);
        goat_p_expect(p, GOAT_TOK_CHAN);
        n->u.chan_type.dir = GOAT_CHAN_RECV;
    }
    n->u.chan_type.value = goat_p_type(p);
    return goat_p_finish_as(n, GOAT_CHAN_TYPE);
}

/* TypeArgs = "[" TypeList [ "," ] "]" . */
goat_node *goat_p_type_instance(goat_parser *p, goat_node *typ)
{
    goat_pos opening = goat_p_expect(p, GOAT_TOK_LBRACK);
    p->expr_lev++;
    size_t base = goat_p_list_begin(p);
    while (p->tok != GOAT_TOK_RBRACK && p->tok != GOAT_TOK_EOF) {
        goat_p_list_push(p, goat_p_type(p));
        if (!goat_p_at_comma(p, "type argument list", GOAT_TOK_RBRACK))
            break;
        goat_p_next(p);
    }
    p->expr_lev--;
    goat_node_list list = goat_p_list_end(p, base);
    goat_pos closing = goat_p_expect_closing(p, GOAT_TOK_RBRACK, "type argument list");
    if (list.count == 0) {
        goat_p_error_expected(p, closing, "type argument list");
        goat_node *n = goat_p_new(p, GOAT_INDEX_EXPR);
        n->u.index.x = typ;
        n->u.index.lbrack = opening;
        n->u.index.index = goat_p_bad(p, GOAT_BAD_EXPR, opening + 1, closing);
        n->u.index.rbrack = closing;
        return goat_p_finish_as(n, GOAT_INDEX_EXPR);
    }
    return goat_p_pack_index(p, typ, opening, list, closing);
}

/* TypeLit = ArrayType | StructType | PointerType | FunctionType |
 *           InterfaceType | SliceType | MapType | ChannelType .
 * Returns NULL (consuming nothing) when no type starts here. */
goat_node *goat_p_try_ident_or_type(goat_parser *p)
{
    goat_p_nest_inc(p);
    goat_node *typ = NULL;
    switch (p->tok) {
    case GOAT_TOK_IDENT:
        typ = goat_p_type_name(p, NULL);
        if (p->tok == GOAT_TOK_LBRACK)
            typ = goat_p_type_instance(p, typ);
        break;
    case GOAT_TOK_LBRACK: {
        goat_pos lbrack = goat_p_expect(p, GOAT_TOK_LBRACK);
        typ = goat_p_array_type(p, lbrack, NULL);
        break;
    }
    case GOAT_TOK_STRUCT:
        typ = struct_type(p);
        break;
    case GOAT_TOK_MUL:
        typ = pointer_type(p);
        break;
    case GOAT_TOK_FUNC:
        typ = goat_p_func_type(p);
        break;
    case GOAT_TOK_INTERFACE:
        typ = interface_type(p);
        break;
    case GOAT_TOK_MAP:
        typ = map_type(p);
        break;
    case GOAT_TOK_CHAN:
    case GOAT_TOK_ARROW:
        typ = chan_type(p);
        break;
    case GOAT_TOK_LPAREN: {
        goat_node *n = goat_p_new(p, GOAT_PAREN_EXPR);
        n->u.paren.lparen = p->pos;
        goat_p_next(p);
        n->u.paren.x = goat_p_type(p);
        n->u.paren.inner = goat_p_unparen(n->u.paren.x);
        n->u.paren.rparen = goat_p_expect(p, GOAT_TOK_RPAREN);
        typ = goat_p_finish_as(n, GOAT_PAREN_EXPR);
        break;
    }
    default:
        break;
    }
    p->nest_lev--;
    return typ;
}
