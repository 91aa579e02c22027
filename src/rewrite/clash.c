/* SPDX-License-Identifier: MIT */
#include "rewrite/clash.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rewrite/imports.h"
#include "util/lines.h"
#include "util/memfind.h"
#include "util/xalloc.h"
#include "util/sort.h"

/* ---- the scope walk ----
 *
 * One pre-order pass (goat_ast_inspect, iterative) over the file records
 * every local declaration of one name with the byte range where it is in
 * scope, and every identifier spelled like it. The enclosing scopes are a
 * stack of (node, end) popped as the walk passes their end: pre-order
 * visits a node's descendants right after it, so the nodes still open are
 * exactly those containing the current one. */

typedef struct local_decl {
    size_t from, to; /* in scope at offsets from <= q < to */
    const goat_node *ident;
    const char *what;
} local_decl;

typedef struct open_scope {
    const goat_node *node;
    size_t end;
} open_scope;

typedef struct scope_walk {
    const char *name;
    open_scope *scopes;
    size_t depth, scope_cap;
    local_decl *decls;
    size_t decl_count, decl_cap;
    const goat_node **idents; /* every Ident called name, in visit order */
    size_t ident_count, ident_cap;
    const goat_node **uses; /* the X of every NAME.X, in visit order */
    size_t use_count, use_cap;
    size_t file_end;
} scope_walk;

static bool is_name(const goat_node *n, const char *name)
{
    return n && n->kind == GOAT_IDENT && strcmp(n->u.ident.name, name) == 0;
}

static size_t innermost_end(const scope_walk *w)
{
    return w->depth ? w->scopes[w->depth - 1].end : w->file_end;
}

static void push_scope(scope_walk *w, const goat_node *n, size_t end)
{
    goat_grow((void **)&w->scopes, &w->scope_cap, w->depth + 1, sizeof *w->scopes);
    w->scopes[w->depth++] = (open_scope){n, end};
}

static void declare(scope_walk *w, const goat_node *ident, size_t from, size_t to, const char *what)
{
    if (!is_name(ident, w->name))
        return;
    goat_grow((void **)&w->decls, &w->decl_cap, w->decl_count + 1, sizeof *w->decls);
    w->decls[w->decl_count++] = (local_decl){from, to, ident, what};
}

static void declare_fields(scope_walk *w, const goat_node *fields, const goat_node *body, const char *what)
{
    if (!fields)
        return;
    for (size_t i = 0; i < fields->u.field_list.list.count; i++) {
        const goat_node *f = fields->u.field_list.list.items[i];
        for (size_t j = 0; j < f->u.field.names.count; j++)
            declare(w, f->u.field.names.items[j], (size_t)body->pos, (size_t)body->end, what);
    }
}

/* The type parameters a method's receiver names: `func (r *T[K, V]) ...`. */
static void declare_receiver_type_params(scope_walk *w, const goat_node *recv, const goat_node *body)
{
    if (!recv || recv->u.field_list.list.count == 0)
        return;
    const goat_node *t = recv->u.field_list.list.items[0]->u.field.type;
    while (t && (t->kind == GOAT_STAR_EXPR || t->kind == GOAT_PAREN_EXPR))
        t = t->kind == GOAT_STAR_EXPR ? t->u.star.x : t->u.paren.x;
    if (t && t->kind == GOAT_INDEX_EXPR)
        declare(w, t->u.index.index, (size_t)body->pos, (size_t)body->end, "type parameter");
    else if (t && t->kind == GOAT_INDEX_LIST_EXPR)
        for (size_t i = 0; i < t->u.index_list.indices.count; i++)
            declare(w, t->u.index_list.indices.items[i], (size_t)body->pos, (size_t)body->end, "type parameter");
}

/* A function's parameters and results are in scope in its whole body. */
static void declare_signature(scope_walk *w, const goat_node *recv, const goat_node *type, const goat_node *body)
{
    if (!body)
        return;
    declare_fields(w, recv, body, "receiver");
    declare_receiver_type_params(w, recv, body);
    declare_fields(w, type->u.func_type.type_params, body, "type parameter");
    declare_fields(w, type->u.func_type.params, body, "parameter");
    declare_fields(w, type->u.func_type.results, body, "named result");
}

/* A clause's block lasts until the next clause (or the '}' of the switch
 * or select), so that code after its last statement is inside it too. */
static size_t clause_end(const scope_walk *w, const goat_node *clause)
{
    const goat_node *body = w->depth ? w->scopes[w->depth - 1].node : NULL;
    if (!body || body->kind != GOAT_BLOCK_STMT)
        return (size_t)clause->end;
    const goat_node_list *l = &body->u.block.list;
    size_t lo = 0, hi = l->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->items[mid]->pos < clause->pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < l->count && l->items[lo] == clause)
        return lo + 1 < l->count ? (size_t)l->items[lo + 1]->pos : (size_t)body->u.block.rbrace;
    return (size_t)clause->end;
}

/* A local var or const is in scope from the end of its spec, a local type
 * from its name, both to the end of the innermost enclosing block. */
static void declare_local_decl(scope_walk *w, const goat_node *decl)
{
    const goat_node_list *specs = &decl->u.gen_decl.specs;
    for (size_t i = 0; i < specs->count; i++) {
        const goat_node *s = specs->items[i];
        if (s->kind == GOAT_TYPE_SPEC) {
            declare(w, s->u.type_spec.name, (size_t)s->u.type_spec.name->pos, innermost_end(w), "local type");
            continue;
        }
        const char *what = decl->u.gen_decl.tok == GOAT_TOK_CONST ? "local constant" : "local variable";
        for (size_t j = 0; j < s->u.value_spec.names.count; j++)
            declare(w, s->u.value_spec.names.items[j], (size_t)s->end, innermost_end(w), what);
    }
}

static void note(const goat_node ***list, size_t *count, size_t *cap, const goat_node *n)
{
    goat_grow((void **)list, cap, *count + 1, sizeof **list);
    (*list)[(*count)++] = n;
}

static bool walk_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    scope_walk *w = arg;
    if (n->pos != GOAT_NOPOS)
        while (w->depth && (size_t)n->pos >= w->scopes[w->depth - 1].end)
            w->depth--;
    switch (n->kind) {
    case GOAT_FUNC_DECL:
        declare_signature(w, n->u.func_decl.recv, n->u.func_decl.type, n->u.func_decl.body);
        break;
    case GOAT_FUNC_LIT:
        declare_signature(w, NULL, n->u.func_lit.type, n->u.func_lit.body);
        break;
    case GOAT_BLOCK_STMT:
    case GOAT_IF_STMT:
    case GOAT_FOR_STMT:
    case GOAT_SWITCH_STMT:
    case GOAT_TYPE_SWITCH_STMT:
    case GOAT_SELECT_STMT:
        push_scope(w, n, (size_t)n->end);
        break;
    case GOAT_RANGE_STMT:
        push_scope(w, n, (size_t)n->end);
        if (n->u.range_stmt.tok == GOAT_TOK_DEFINE) {
            size_t from = (size_t)n->u.range_stmt.body->pos;
            declare(w, n->u.range_stmt.key, from, (size_t)n->end, "local variable");
            declare(w, n->u.range_stmt.value, from, (size_t)n->end, "local variable");
        }
        break;
    case GOAT_CASE_CLAUSE:
    case GOAT_COMM_CLAUSE:
        push_scope(w, n, clause_end(w, n));
        break;
    case GOAT_DECL_STMT:
        declare_local_decl(w, n->u.decl_stmt.decl);
        break;
    case GOAT_ASSIGN_STMT:
        if (n->u.assign.tok == GOAT_TOK_DEFINE)
            for (size_t i = 0; i < n->u.assign.lhs.count; i++)
                declare(w, n->u.assign.lhs.items[i], (size_t)n->end, innermost_end(w), "local variable");
        break;
    case GOAT_SELECTOR_EXPR:
        if (is_name(n->u.selector.x, w->name))
            note(&w->uses, &w->use_count, &w->use_cap, n->u.selector.x);
        break;
    case GOAT_IDENT:
        if (strcmp(n->u.ident.name, w->name) == 0)
            note(&w->idents, &w->ident_count, &w->ident_cap, n);
        break;
    default:
        break;
    }
    return true;
}

static void walk(const goat_node *file, const char *name, size_t len, scope_walk *w)
{
    memset(w, 0, sizeof *w);
    w->name = name;
    w->file_end = len;
    goat_ast_inspect(file, walk_visit, w);
}

static void walk_free(scope_walk *w)
{
    free(w->scopes);
    free(w->decls);
    free(w->idents);
    free(w->uses);
}

/* ---- is an offset inside one of many ranges ----
 * The ranges nest or are disjoint; merged and sorted, one binary search
 * answers each question, so a file with many declarations and many blocks
 * costs n log n, not n*m. */

typedef struct coverage {
    goat_clash_range *runs;
    size_t count;
} coverage;

static int by_start(const void *a, const void *b)
{
    const goat_clash_range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void coverage_of(const local_decl *decls, size_t n, coverage *c)
{
    c->runs = goat_xcalloc(n + 1, sizeof *c->runs);
    c->count = 0;
    goat_clash_range *r = goat_xcalloc(n + 1, sizeof *r);
    for (size_t i = 0; i < n; i++)
        r[i] = (goat_clash_range){decls[i].from, decls[i].to};
    goat_sort(r, n, sizeof *r, by_start);
    for (size_t i = 0; i < n; i++) {
        if (r[i].start >= r[i].end)
            continue;
        if (c->count && r[i].start <= c->runs[c->count - 1].end) {
            if (r[i].end > c->runs[c->count - 1].end)
                c->runs[c->count - 1].end = r[i].end;
        } else {
            c->runs[c->count++] = r[i];
        }
    }
    free(r);
}

static bool in_ranges(const goat_clash_range *runs, size_t count, size_t q)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (runs[mid].start <= q)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && q < runs[lo - 1].end;
}

/* The innermost declaration in scope at q (one exists). */
static const local_decl *decl_at(const scope_walk *w, size_t q)
{
    const local_decl *best = NULL;
    for (size_t i = 0; i < w->decl_count; i++) {
        const local_decl *d = &w->decls[i];
        if (d->from <= q && q < d->to && (!best || d->from >= best->from))
            best = d;
    }
    return best;
}

/* ---- the checks ---- */

static const char *const predeclared[] = {
    "any",     "append",     "bool",    "byte",   "cap",     "close",   "comparable", "complex",
    "complex64", "complex128", "copy",  "delete", "error",   "false",   "float32",    "float64",
    "imag",    "int",        "int8",    "int16",  "int32",   "int64",   "iota",       "len",
    "make",    "new",        "nil",     "panic",  "print",   "println", "real",       "recover",
    "rune",    "string",     "true",    "uint",   "uint8",   "uint16",  "uint32",     "uint64",
    "uintptr",
};

static bool is_predeclared(const char *name)
{
    for (size_t i = 0; i < sizeof predeclared / sizeof *predeclared; i++)
        if (strcmp(name, predeclared[i]) == 0)
            return true;
    return false;
}

const goat_node *goat_clash_package_decl(const goat_node *file, const char *name, const char **what)
{
    if (strcmp(name, "_") == 0)
        return NULL;
    const goat_node_list *decls = &file->u.file.decls;
    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (d->kind == GOAT_FUNC_DECL) {
            if (!d->u.func_decl.recv && is_name(d->u.func_decl.name, name) && strcmp(name, "init") != 0) {
                *what = "function";
                return d->u.func_decl.name;
            }
            continue;
        }
        if (d->kind != GOAT_GEN_DECL || d->u.gen_decl.tok == GOAT_TOK_IMPORT)
            continue;
        for (size_t j = 0; j < d->u.gen_decl.specs.count; j++) {
            const goat_node *s = d->u.gen_decl.specs.items[j];
            if (s->kind == GOAT_TYPE_SPEC) {
                if (is_name(s->u.type_spec.name, name)) {
                    *what = "type";
                    return s->u.type_spec.name;
                }
                continue;
            }
            for (size_t k = 0; k < s->u.value_spec.names.count; k++) {
                if (is_name(s->u.value_spec.names.items[k], name)) {
                    *what = d->u.gen_decl.tok == GOAT_TOK_CONST ? "constant" : "variable";
                    return s->u.value_spec.names.items[k];
                }
            }
        }
    }
    return NULL;
}

/* A name for goatPackageAlias that the text does not hold. */
static char *suggestion(const char *src, size_t len, const char *alias)
{
    static const char *const bases[] = {"goattrack", "goat_track", "goattracking"};
    for (int round = 0;; round++) {
        for (size_t i = 0; i < sizeof bases / sizeof *bases; i++) {
            char *s = round ? goat_xasprintf("%s%d", bases[i], round + 1) : goat_xstrdup(bases[i]);
            if (strcmp(s, alias) != 0 && !memmem(src, len, s, strlen(s)))
                return s;
            free(s);
        }
    }
}

/* The refusal at offset at: "what" is the rest of the sentence before the
 * advice, which is the same for every clash. */
static goat_error *refusal(const char *filename, const char *src, size_t len, size_t at, const char *what,
                           const char *alias)
{
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    int line, col;
    goat_lines_position(&lines, at, &line, &col);
    goat_lines_free(&lines);
    char *other = suggestion(src, len, alias);
    goat_error *err = goat_error_new(filename, line, col,
                                     "%s; set goatPackageAlias in goat.yaml to a name this package does not use "
                                     "(for example %s) and run goat again",
                                     what, other);
    free(other);
    return err;
}

static char *package_decl_text(const char *what, const char *alias)
{
    return goat_xasprintf("%s %s is declared at package level, so the goat package cannot be imported as %s in "
                          "this package",
                          what, alias, alias);
}

goat_error *goat_clash_package_error(const char *filename, const char *src, size_t len, const goat_node *ident,
                                     const char *what, const char *alias)
{
    char *text = package_decl_text(what, alias);
    goat_error *err = refusal(filename, src, len, (size_t)ident->pos, text, alias);
    free(text);
    return err;
}

static bool is_own(const goat_node *spec, const goat_clash_own *own)
{
    for (size_t i = 0; i < own->import_count; i++)
        if (own->imports[i] == spec)
            return true;
    return false;
}

/* A clash found: the earliest in the file is reported. */
typedef struct clash {
    size_t at;
    char *what; /* NULL while none is found */
} clash;

static void consider(clash *c, size_t at, char *what)
{
    if (!c->what || at < c->at) {
        free(c->what);
        c->at = at;
        c->what = what;
    } else {
        free(what);
    }
}

static void check_imports(clash *c, const goat_node *file, const char *alias, const goat_clash_own *own)
{
    bool exported = alias[0] >= 'A' && alias[0] <= 'Z';
    const goat_node_list *imports = &file->u.file.imports;
    for (size_t i = 0; i < imports->count; i++) {
        const goat_node *spec = imports->items[i];
        if (is_own(spec, own))
            continue;
        const char *name;
        size_t n = goat_import_name(spec, &name);
        const char *path = spec->u.import_spec.path->u.basic_lit.value;
        if (n == 1 && name[0] == '.' && exported)
            consider(c, (size_t)spec->pos,
                     goat_xasprintf("this dot import of %s may declare %s, the name the goat package would be "
                                    "imported as (a dot import brings in exported names only, so a name starting "
                                    "with a lower-case letter is safe)",
                                    path, alias));
        else if (n == strlen(alias) && memcmp(name, alias, n) == 0)
            consider(c, (size_t)spec->pos,
                     spec->u.import_spec.name
                         ? goat_xasprintf("this file already imports %s as %s, the name the goat package would "
                                          "be imported as",
                                          path, alias)
                         : goat_xasprintf("this file already imports %s (package %s), the name the goat package "
                                          "would be imported as",
                                          path, alias));
    }
}

/* An identifier right after a '.' (blanks between) is a selector's
 * field or method name, which no import hides. */
static bool after_dot(const char *src, size_t pos)
{
    while (pos > 0 && (src[pos - 1] == ' ' || src[pos - 1] == '\t' || src[pos - 1] == '\n' || src[pos - 1] == '\r'))
        pos--;
    return pos > 0 && src[pos - 1] == '.';
}

/* With a predeclared alias, the import hides Go's meaning of that name in
 * the whole file: every spelling of it that is not ALIAS.X, a selector's
 * name or goat's own import is a use that would break. */
static void check_predeclared(clash *c, const scope_walk *w, const char *src, const char *alias,
                              const goat_clash_own *own)
{
    if (!is_predeclared(alias))
        return;
    size_t u = 0;
    for (size_t i = 0; i < w->ident_count; i++) {
        const goat_node *id = w->idents[i];
        if (u < w->use_count && w->uses[u] == id) {
            u++;
            continue;
        }
        bool own_name = false;
        for (size_t k = 0; k < own->import_count; k++)
            own_name |= own->imports[k]->u.import_spec.name == id;
        if (own_name || after_dot(src, (size_t)id->pos))
            continue;
        consider(c, (size_t)id->pos,
                 goat_xasprintf("%s here is Go's predeclared identifier, which importing the goat package as %s "
                                "would hide in this whole file",
                                alias, alias));
        return;
    }
}

static void check_locals(clash *c, const scope_walk *w, const char *src, size_t len, const char *alias,
                         const size_t *at, size_t at_count)
{
    if (w->decl_count == 0)
        return;
    coverage cov;
    coverage_of(w->decls, w->decl_count, &cov);
    for (size_t i = 0; i < at_count; i++) {
        if (!in_ranges(cov.runs, cov.count, at[i]))
            continue;
        const local_decl *d = decl_at(w, at[i]);
        goat_lines lines;
        goat_lines_init(&lines, src, len);
        int line, col;
        goat_lines_position(&lines, at[i], &line, &col);
        goat_lines_free(&lines);
        consider(c, (size_t)d->ident->pos,
                 goat_xasprintf("%s %s would hide the goat package's import at line %d, where goat inserts code "
                                "that refers to the package as %s",
                                d->what, alias, line, alias));
        break;
    }
    free(cov.runs);
}

/* Without the goat import, ALIAS.X outside goat's blocks names something
 * else: the import would take its place. */
static void check_free_uses(clash *c, const scope_walk *w, const char *alias, const goat_clash_own *own)
{
    if (own->import_count > 0 || w->use_count == 0)
        return;
    coverage cov;
    coverage_of(w->decls, w->decl_count, &cov);
    for (size_t i = 0; i < w->use_count; i++) {
        size_t q = (size_t)w->uses[i]->pos;
        if (in_ranges(cov.runs, cov.count, q) || in_ranges(own->code, own->code_count, q))
            continue;
        consider(c, q,
                 goat_xasprintf("%s here names a declaration of another file of the package (or nothing), and "
                                "importing the goat package as %s would change what it means",
                                alias, alias));
        break;
    }
    free(cov.runs);
}

goat_error *goat_clash_check(const char *filename, const char *src, size_t len, const goat_node *file,
                             const char *alias, const goat_clash_own *own_or_null, const size_t *at,
                             size_t at_count)
{
    static const goat_clash_own none = {NULL, 0, NULL, 0};
    const goat_clash_own *own = own_or_null ? own_or_null : &none;
    if (at_count == 0)
        return NULL;
    if (strcmp(alias, "init") == 0)
        return refusal(filename, src, len, (size_t)file->u.file.name->pos,
                       "goatPackageAlias is init, which cannot name an import in Go", alias);
    clash c = {0, NULL};
    check_imports(&c, file, alias, own);
    /* Every other clash spells the alias somewhere in the file. */
    if (goat_memfind(src, len, alias, strlen(alias))) {
        const char *what = NULL;
        const goat_node *decl = goat_clash_package_decl(file, alias, &what);
        if (decl)
            consider(&c, (size_t)decl->pos, package_decl_text(what, alias));
        scope_walk w;
        walk(file, alias, len, &w);
        check_predeclared(&c, &w, src, alias, own);
        check_locals(&c, &w, src, len, alias, at, at_count);
        check_free_uses(&c, &w, alias, own);
        walk_free(&w);
    }
    if (!c.what)
        return NULL;
    goat_error *err = refusal(filename, src, len, c.at, c.what, alias);
    free(c.what);
    return err;
}

const goat_node *goat_clash_first_use(const goat_node *file, const char *name, const goat_clash_range *skip,
                                      size_t skip_count)
{
    scope_walk w;
    walk(file, name, (size_t)file->end, &w);
    coverage cov;
    coverage_of(w.decls, w.decl_count, &cov);
    const goat_node *found = NULL;
    for (size_t i = 0; i < w.use_count && !found; i++) {
        size_t q = (size_t)w.uses[i]->pos;
        if (!in_ranges(cov.runs, cov.count, q) && !in_ranges(skip, skip_count, q))
            found = w.uses[i];
    }
    free(cov.runs);
    walk_free(&w);
    return found;
}
