/* SPDX-License-Identifier: MIT */
/* Declarations and the source file (go/parser's parseGenDecl,
 * parseFuncDecl, parseFile, Go 1.19). */
#include "parser/parser_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/unicode.h"
#include "util/xalloc.h"


/* ---- import path validation (go/parser's isValidImport) ---- */

/* The lexer has already rejected bad escapes: a non-digit cannot occur. */
static int hex_or_zero(char c)
{
    int v = goat_hex_digit_value((unsigned char)c);
    return v < 0 ? 0 : v;
}

/* Decodes one UTF-8 sequence at s[*i]; invalid bytes give U+FFFD. */
static uint32_t decode_rune(const unsigned char *s, size_t n, size_t *i)
{
    unsigned char c = s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    int len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (c >= 0xF5)
        len = 0;
    if (len == 0 || *i + (size_t)len > n) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t r = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; k++) {
        unsigned char cc = s[*i + (size_t)k];
        if ((cc & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        r = (r << 6) | (cc & 0x3F);
    }
    if ((len == 3 && (r < 0x800 || (r >= 0xD800 && r <= 0xDFFF))) || (len == 4 && (r < 0x10000 || r > 0x10FFFF))) {
        (*i)++;
        return 0xFFFD;
    }
    *i += (size_t)len;
    return r;
}

/* go/parser's test for an import path's characters: graphic, not a space,
 * not one of a few ASCII punctuation characters, not U+FFFD. (Graphic and
 * not a space is the same as printable and not U+0020: the other spaces
 * Go's IsGraphic allows are all IsSpace.) */
static bool valid_import_rune(uint32_t r)
{
    static const char illegal[] = "!\"#$%&'()*,:;<=>?[\\]^{|}`";
    if (r < 0x80)
        return r > ' ' && r < 0x7F && !strchr(illegal, (int)r);
    return r != 0xFFFD && goat_unicode_is_print(r);
}

/* The unquoted value of a string literal the scanner accepted. */
static char *unquote(const char *lit, size_t n, size_t *out_len)
{
    char *out = goat_xmalloc(n + 1);
    size_t o = 0;
    if (n < 2) {
        *out_len = 0;
        return out;
    }
    if (lit[0] == '`') {
        memcpy(out, lit + 1, n - 2);
        *out_len = n - 2;
        return out;
    }
    for (size_t i = 1; i + 1 < n;) {
        char c = lit[i];
        if (c != '\\') {
            out[o++] = c;
            i++;
            continue;
        }
        char e = i + 1 < n - 1 ? lit[i + 1] : 0;
        i += 2;
        switch (e) {
        case 'a': out[o++] = '\a'; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'v': out[o++] = '\v'; break;
        case 'x': {
            int v = 0;
            for (int k = 0; k < 2 && i < n - 1; k++)
                v = v * 16 + hex_or_zero(lit[i++]);
            out[o++] = (char)v;
            break;
        }
        case 'u': case 'U': {
            int digits = e == 'u' ? 4 : 8;
            uint32_t v = 0;
            for (int k = 0; k < digits && i < n - 1; k++)
                v = v * 16 + (uint32_t)hex_or_zero(lit[i++]);
            if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                v = 0xFFFD;
            if (v < 0x80) {
                out[o++] = (char)v;
            } else if (v < 0x800) {
                out[o++] = (char)(0xC0 | (v >> 6));
                out[o++] = (char)(0x80 | (v & 0x3F));
            } else if (v < 0x10000) {
                out[o++] = (char)(0xE0 | (v >> 12));
                out[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
                out[o++] = (char)(0x80 | (v & 0x3F));
            } else {
                out[o++] = (char)(0xF0 | (v >> 18));
                out[o++] = (char)(0x80 | ((v >> 12) & 0x3F));
                out[o++] = (char)(0x80 | ((v >> 6) & 0x3F));
                out[o++] = (char)(0x80 | (v & 0x3F));
            }
            break;
        }
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            int v = e - '0';
            for (int k = 0; k < 2 && i < n - 1; k++)
                v = v * 8 + (lit[i] - '0'), i++;
            out[o++] = (char)v;
            break;
        }
        default: /* \\ \" \' */
            out[o++] = e;
            break;
        }
    }
    *out_len = o;
    return out;
}

static bool is_valid_import(const char *lit, size_t n)
{
    size_t len;
    char *s = unquote(lit, n, &len);
    bool ok = len > 0;
    for (size_t i = 0; ok && i < len;)
        ok = valid_import_rune(decode_rune((const unsigned char *)s, len, &i));
    free(s);
    return ok;
}

/* ImportSpec = [ "." | PackageName ] ImportPath . */
static goat_node *import_spec(goat_parser *p)
{
    goat_node *s = goat_p_new(p, GOAT_IMPORT_SPEC);
    s->u.import_spec.end_pos = GOAT_NOPOS;
    if (p->tok == GOAT_TOK_PERIOD) {
        goat_node *id = goat_p_new(p, GOAT_IDENT);
        id->pos = p->pos;
        id->end = p->pos + 1;
        id->u.ident.name = ".";
        s->u.import_spec.name = id;
        goat_p_next(p);
    } else if (p->tok == GOAT_TOK_IDENT) {
        s->u.import_spec.name = goat_p_ident(p);
    }
    goat_pos pos = p->pos;
    goat_node *path = goat_p_new(p, GOAT_BASIC_LIT);
    path->pos = pos;
    path->u.basic_lit.kind = GOAT_TOK_STRING;
    if (p->tok == GOAT_TOK_STRING) {
        if (!is_valid_import(p->lit, p->lit_len))
            goat_p_error(p, pos, "invalid import path: %.*s", (int)p->lit_len, p->lit);
        path->end = goat_p_string_end(p);
        path->u.basic_lit.value = goat_p_strdup(p, p->lit, p->lit_len);
        goat_p_next(p);
    } else {
        goat_p_expect(p, GOAT_TOK_STRING); /* reports the error */
        path->end = pos;
        path->u.basic_lit.value = "";
    }
    s->u.import_spec.path = path;
    goat_p_expect_semi(p);

    if (p->import_count == p->import_cap) {
        void *items = p->imports;
        goat_grow(&items, &p->import_cap, p->import_count + 1, sizeof *p->imports);
        p->imports = items;
    }
    p->imports[p->import_count++] = s;
    return goat_p_finish_as(s, GOAT_IMPORT_SPEC);
}

/* ConstSpec = IdentifierList [ [ Type ] "=" ExpressionList ] .
 * VarSpec = IdentifierList ( Type [ "=" ExpressionList ] | "=" ExpressionList ) . */
static goat_node *value_spec(goat_parser *p, goat_tok keyword, int iota)
{
    goat_node *s = goat_p_new(p, GOAT_VALUE_SPEC);
    goat_pos pos = p->pos;
    s->u.value_spec.names = goat_p_ident_list(p);
    s->u.value_spec.type = goat_p_try_ident_or_type(p);
    if (p->tok == GOAT_TOK_ASSIGN) {
        goat_p_next(p);
        s->u.value_spec.values = goat_p_list(p, true);
    }
    goat_p_expect_semi(p);
    if (keyword == GOAT_TOK_VAR && !s->u.value_spec.type && !s->u.value_spec.values.count)
        goat_p_error(p, pos, "missing variable type or initialization");
    if (keyword == GOAT_TOK_CONST && !s->u.value_spec.values.count && (iota == 0 || s->u.value_spec.type))
        goat_p_error(p, pos, "missing constant value");
    return goat_p_finish_as(s, GOAT_VALUE_SPEC);
}

/* isTypeElem: x is certainly a type element, not possibly a value. */
static bool is_type_elem(const goat_node *x)
{
    for (;;) {
        switch (x->kind) {
        case GOAT_ARRAY_TYPE: case GOAT_STRUCT_TYPE: case GOAT_FUNC_TYPE:
        case GOAT_INTERFACE_TYPE: case GOAT_MAP_TYPE: case GOAT_CHAN_TYPE:
            return true;
        case GOAT_BINARY_EXPR:
            if (is_type_elem(x->u.binary.x))
                return true;
            x = x->u.binary.y;
            continue;
        case GOAT_UNARY_EXPR:
            return x->u.unary.op == GOAT_TOK_TILDE;
        case GOAT_PAREN_EXPR:
            x = x->u.paren.x;
            continue;
        default:
            return false;
        }
    }
}

/* extractName: splits x into a type parameter name and its constraint
 * when x can be read as "name constraint" (see go/parser). Returns the
 * name or NULL; *expr gets the constraint (NULL for a lone name). */
static goat_node *extract_name(goat_parser *p, goat_node *x, bool force, goat_node **expr)
{
    *expr = x;
    switch (x->kind) {
    case GOAT_IDENT:
        *expr = NULL;
        return x;
    case GOAT_BINARY_EXPR:
        if (x->u.binary.op == GOAT_TOK_MUL) {
            if (x->u.binary.x->kind == GOAT_IDENT && (force || is_type_elem(x->u.binary.y))) {
                goat_node *star = goat_p_new(p, GOAT_STAR_EXPR);
                star->pos = x->u.binary.op_pos;
                star->u.star.x = x->u.binary.y;
                *expr = goat_p_finish_as(star, GOAT_STAR_EXPR);
                return x->u.binary.x;
            }
        } else if (x->u.binary.op == GOAT_TOK_OR) {
            goat_node *lhs;
            goat_node *name = extract_name(p, x->u.binary.x, force || is_type_elem(x->u.binary.y), &lhs);
            if (name && lhs) {
                goat_node *op = goat_p_new(p, GOAT_BINARY_EXPR);
                op->u.binary = x->u.binary;
                op->u.binary.x = lhs;
                *expr = goat_p_finish_as(op, GOAT_BINARY_EXPR);
                return name;
            }
            *expr = x;
        }
        break;
    case GOAT_CALL_EXPR:
        if (x->u.call.fun->kind == GOAT_IDENT && x->u.call.args.count == 1 && x->u.call.ellipsis == GOAT_NOPOS &&
            (force || is_type_elem(x->u.call.args.items[0]))) {
            *expr = x->u.call.args.items[0];
            return x->u.call.fun;
        }
        break;
    default:
        break;
    }
    return NULL;
}

/* TypeDef = identifier TypeParameters Type .  (the parameters' "[" and
 * first name, maybe with its constraint, already parsed) */
static void generic_type(goat_parser *p, goat_node *spec, goat_pos open, goat_node *name0, goat_node *typ0)
{
    goat_node_list list = goat_p_parameter_list(p, name0, typ0, GOAT_TOK_RBRACK);
    goat_pos close = goat_p_expect(p, GOAT_TOK_RBRACK);
    goat_node *tp = goat_p_new(p, GOAT_FIELD_LIST);
    tp->u.field_list.opening = open;
    tp->u.field_list.list = list;
    tp->u.field_list.closing = close;
    spec->u.type_spec.type_params = goat_p_finish_as(tp, GOAT_FIELD_LIST);
    p->generic_type_specs++;
    if (p->tok == GOAT_TOK_ASSIGN) {
        /* the type checker decides about type parameters on aliases */
        spec->u.type_spec.assign = p->pos;
        goat_p_next(p);
    }
    spec->u.type_spec.type = goat_p_type(p);
}

/* TypeSpec = AliasDecl | TypeDef .  AliasDecl = identifier "=" Type .
 * TypeDef = identifier [ TypeParameters ] Type . */
static goat_node *type_spec(goat_parser *p)
{
    goat_node *spec = goat_p_new(p, GOAT_TYPE_SPEC);
    spec->u.type_spec.name = goat_p_ident(p);
    spec->u.type_spec.assign = GOAT_NOPOS;
    if (p->tok == GOAT_TOK_LBRACK) {
        /* an array or slice type, or a type parameter list */
        goat_pos lbrack = p->pos;
        goat_p_next(p);
        if (p->tok == GOAT_TOK_IDENT) {
            /* parse an expression x and see whether it splits into a type
             * parameter name and constraint (see go/parser's comments) */
            goat_node *x = goat_p_ident(p);
            if (p->tok != GOAT_TOK_LBRACK) {
                p->expr_lev++;
                goat_node *lhs = goat_p_primary_expr(p, x);
                x = goat_p_binary_expr(p, lhs, 1, false);
                p->expr_lev--;
            }
            goat_node *ptype;
            goat_node *pname = extract_name(p, x, p->tok == GOAT_TOK_COMMA, &ptype);
            if (pname && (ptype || p->tok != GOAT_TOK_RBRACK))
                generic_type(p, spec, lbrack, pname, ptype);
            else
                spec->u.type_spec.type = goat_p_array_type(p, lbrack, x);
        } else {
            spec->u.type_spec.type = goat_p_array_type(p, lbrack, NULL);
        }
    } else {
        if (p->tok == GOAT_TOK_ASSIGN) {
            spec->u.type_spec.assign = p->pos;
            goat_p_next(p);
        }
        spec->u.type_spec.type = goat_p_type(p);
    }
    goat_p_expect_semi(p);
    return goat_p_finish_as(spec, GOAT_TYPE_SPEC);
}

/* ImportDecl = "import" ( ImportSpec | "(" { ImportSpec ";" } ")" ) .
 * ConstDecl, VarDecl, TypeDecl likewise. */
goat_node *goat_p_gen_decl(goat_parser *p, goat_tok keyword)
{
    goat_node *d = goat_p_new(p, GOAT_GEN_DECL);
    d->u.gen_decl.tok = keyword;
    d->u.gen_decl.tok_pos = goat_p_expect(p, keyword);
    d->u.gen_decl.lparen = GOAT_NOPOS;
    d->u.gen_decl.rparen = GOAT_NOPOS;
    size_t base = goat_p_list_begin(p);
    if (p->tok == GOAT_TOK_LPAREN) {
        d->u.gen_decl.lparen = p->pos;
        goat_p_next(p);
        for (int iota = 0; p->tok != GOAT_TOK_RPAREN && p->tok != GOAT_TOK_EOF; iota++) {
            goat_node *spec = keyword == GOAT_TOK_IMPORT ? import_spec(p)
                              : keyword == GOAT_TOK_TYPE ? type_spec(p)
                                                         : value_spec(p, keyword, iota);
            goat_p_list_push(p, spec);
        }
        d->u.gen_decl.rparen = goat_p_expect(p, GOAT_TOK_RPAREN);
        goat_p_expect_semi(p);
    } else {
        goat_node *spec = keyword == GOAT_TOK_IMPORT ? import_spec(p)
                          : keyword == GOAT_TOK_TYPE ? type_spec(p)
                                                     : value_spec(p, keyword, 0);
        goat_p_list_push(p, spec);
    }
    d->u.gen_decl.specs = goat_p_list_end(p, base);
    return goat_p_finish_as(d, GOAT_GEN_DECL);
}

/* Whether the body whose '{' is at lbrace is one the caller of
 * goat_parse_file_known_bodies vouches for. Bodies come in offset order,
 * so the list is walked once per file. */
static bool known_body(goat_parser *p, goat_pos lbrace)
{
    while (p->known_body_next < p->known_body_count && (goat_pos)p->known_bodies[p->known_body_next] < lbrace)
        p->known_body_next++;
    return p->known_body_next < p->known_body_count && (goat_pos)p->known_bodies[p->known_body_next] == lbrace;
}

/* FunctionDecl = "func" FunctionName [ TypeParameters ] Signature [ FunctionBody ] .
 * MethodDecl = "func" Receiver MethodName Signature [ FunctionBody ] . */
static goat_node *func_decl(goat_parser *p)
{
    goat_pos pos = goat_p_expect(p, GOAT_TOK_FUNC);
    goat_node *recv = NULL;
    if (p->tok == GOAT_TOK_LPAREN) {
        goat_node *unused;
        goat_p_parameters(p, false, &unused, &recv);
    }
    goat_node *ident = goat_p_ident(p);
    goat_node *tparams, *params;
    goat_p_parameters(p, true, &tparams, &params);
    if (recv && tparams) {
        goat_p_error(p, tparams->u.field_list.opening, "method must have no type parameters");
        tparams = NULL;
    }
    goat_node *results = goat_p_result(p);

    goat_node *body = NULL;
    if (p->tok == GOAT_TOK_LBRACE &&
        ((p->outline && strcmp(ident->u.ident.name, "_") != 0) || known_body(p, p->pos))) {
        body = goat_p_skipped_body(p);
        goat_p_expect_semi(p);
    } else if (p->tok == GOAT_TOK_LBRACE) {
        body = goat_p_body(p);
        goat_p_expect_semi(p);
    } else if (p->tok == GOAT_TOK_SEMICOLON) {
        goat_p_next(p);
        if (p->tok == GOAT_TOK_LBRACE) {
            goat_p_error(p, p->pos, "unexpected semicolon or newline before {");
            body = goat_p_body(p);
            goat_p_expect_semi(p);
        }
    } else {
        goat_p_expect_semi(p);
    }

    goat_node *type = goat_p_new(p, GOAT_FUNC_TYPE);
    type->u.func_type.func_pos = pos;
    type->u.func_type.type_params = tparams;
    type->u.func_type.params = params;
    type->u.func_type.results = results;
    goat_p_finish_as(type, GOAT_FUNC_TYPE);
    goat_node *d = goat_p_new(p, GOAT_FUNC_DECL);
    d->u.func_decl.recv = recv;
    d->u.func_decl.name = ident;
    d->u.func_decl.type = type;
    d->u.func_decl.body = body;
    return goat_p_finish_as(d, GOAT_FUNC_DECL);
}

/* TopLevelDecl = Declaration | FunctionDecl | MethodDecl . */
goat_node *goat_p_decl(goat_parser *p)
{
    switch (p->tok) {
    case GOAT_TOK_CONST: case GOAT_TOK_VAR: case GOAT_TOK_TYPE:
        return goat_p_gen_decl(p, p->tok);
    case GOAT_TOK_FUNC:
        return func_decl(p);
    default: {
        goat_pos pos = p->pos;
        goat_p_error_expected(p, pos, "declaration");
        goat_p_advance(p, GOAT_SYNC_DECL);
        return goat_p_bad(p, GOAT_BAD_DECL, pos, p->pos);
    }
    }
}

/* SourceFile = PackageClause ";" { ImportDecl ";" } { TopLevelDecl ";" } . */
goat_node *goat_p_source_file(goat_parser *p)
{
    /* scanning the first token failed: likely not Go at all */
    if (p->error_count)
        return NULL;
    goat_node *f = goat_p_new(p, GOAT_FILE);
    f->u.file.package_pos = goat_p_expect(p, GOAT_TOK_PACKAGE);
    f->u.file.name = goat_p_ident(p);
    goat_p_expect_semi(p);
    /* a bad package clause: likely not a Go file */
    if (p->error_count)
        return NULL;

    size_t base = goat_p_list_begin(p);
    while (p->tok == GOAT_TOK_IMPORT)
        goat_p_list_push(p, goat_p_gen_decl(p, GOAT_TOK_IMPORT));
    while (p->tok != GOAT_TOK_EOF)
        goat_p_list_push(p, goat_p_decl(p));
    f->u.file.decls = goat_p_list_end(p, base);
    return goat_p_finish_as(f, GOAT_FILE);
}
