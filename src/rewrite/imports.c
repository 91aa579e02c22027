/* SPDX-License-Identifier: MIT */
#include "rewrite/imports.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "rewrite/clash.h"
#include "rewrite/markers.h"
#include "util/lines.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static size_t line_begin(const char *src, size_t pos)
{
    while (pos > 0 && src[pos - 1] != '\n')
        pos--;
    return pos;
}

static size_t line_finish(const char *src, size_t len, size_t pos) /* after the '\n' */
{
    while (pos < len && src[pos] != '\n')
        pos++;
    return pos < len ? pos + 1 : len;
}

static bool blank_before(const char *src, size_t pos)
{
    size_t p = line_begin(src, pos);
    for (; p < pos; p++)
        if (src[p] != ' ' && src[p] != '\t')
            return false;
    return true;
}

/* Only blanks, a line comment or a one-line block comment up to the line end. */
static bool rest_is_trivia(const char *src, size_t len, size_t pos)
{
    while (pos < len && (src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\r'))
        pos++;
    if (pos >= len || src[pos] == '\n')
        return true;
    if (pos + 1 < len && src[pos] == '/' && src[pos + 1] == '/')
        return true;
    if (pos + 1 < len && src[pos] == '/' && src[pos + 1] == '*') {
        for (size_t p = pos + 2; p + 1 < len && src[p] != '\n'; p++)
            if (src[p] == '*' && src[p + 1] == '/')
                return rest_is_trivia(src, len, p + 2);
    }
    return false;
}

/* The import path without its quotes (interpreted strings with escapes
 * are compared literally: import paths never need them). */
static void spec_path(const goat_node *spec, const char **p, size_t *n)
{
    const char *v = spec->u.import_spec.path->u.basic_lit.value;
    size_t l = strlen(v);
    if (l >= 2) {
        *p = v + 1;
        *n = l - 2;
    } else {
        *p = v;
        *n = l;
    }
}

static bool path_is(const goat_node *spec, const char *path)
{
    const char *p;
    size_t n;
    spec_path(spec, &p, &n);
    return n == strlen(path) && memcmp(p, path, n) == 0;
}

static bool name_is(const goat_node *spec, const char *alias)
{
    const char *name;
    size_t n = goat_import_name(spec, &name);
    return n == strlen(alias) && memcmp(name, alias, n) == 0;
}

static int cmp_spec(const goat_node *spec, const char *alias, const char *path)
{
    const char *p;
    size_t n;
    spec_path(spec, &p, &n);
    size_t m = strlen(path);
    int c = memcmp(p, path, n < m ? n : m);
    if (c == 0 && n != m)
        c = n < m ? -1 : 1;
    if (c != 0)
        return c;
    const char *name = spec->u.import_spec.name ? spec->u.import_spec.name->u.ident.name : "";
    return strcmp(name, alias);
}

/* Whether a blank line (or more) separates from and to. */
static bool blank_line_between(const char *src, goat_pos from, goat_pos to)
{
    int newlines = 0;
    for (goat_pos i = from; i < to && newlines < 2; i++)
        newlines += src[i] == '\n';
    return newlines >= 2;
}

static bool joinable(const goat_node *decl, const char *src, size_t len)
{
    if (decl->u.gen_decl.lparen == GOAT_NOPOS || decl->u.gen_decl.specs.count == 0)
        return false;
    if (!blank_before(src, (size_t)decl->u.gen_decl.rparen))
        return false;
    for (size_t i = 0; i < decl->u.gen_decl.specs.count; i++) {
        const goat_node *s = decl->u.gen_decl.specs.items[i];
        if (path_is(s, "C"))
            return false;
        if (!blank_before(src, (size_t)s->pos) || !rest_is_trivia(src, len, (size_t)s->end))
            return false;
    }
    return true;
}

static void spec_text(goat_strbuf *sb, const char *alias, const char *path)
{
    goat_strbuf_printf(sb, "%s \"%s\"", alias, path);
}

/* "import ALIAS "PATH"" after end: on a line of its own (after a blank
 * line when blank_line) when only trivia follows end on its line, else
 * joined to it with "; ". */
static void import_decl_after(goat_strbuf *sb, goat_splices *edits, const char *src, size_t len, size_t end,
                              const char *nl, const char *alias, const char *path, bool blank_line)
{
    size_t at = end;
    if (rest_is_trivia(src, len, end)) {
        at = line_finish(src, len, end);
        if (at == len && (len == 0 || src[len - 1] != '\n'))
            goat_strbuf_puts(sb, nl);
        if (blank_line)
            goat_strbuf_puts(sb, nl);
        goat_strbuf_puts(sb, "import ");
        spec_text(sb, alias, path);
        goat_strbuf_puts(sb, nl);
    } else {
        goat_strbuf_puts(sb, "; import ");
        spec_text(sb, alias, path);
    }
    size_t n;
    char *text = goat_strbuf_detach(sb, &n);
    goat_splices_add_owned(edits, at, 0, text, n);
}

bool goat_import_add(const goat_node *file, const char *src, size_t len,
                     const char *alias, const char *path, goat_splices *edits)
{
    const goat_node_list *imports = &file->u.file.imports;
    for (size_t i = 0; i < imports->count; i++)
        if (path_is(imports->items[i], path) && name_is(imports->items[i], alias))
            return false;

    const char *nl = goat_file_line_ending(src, len);
    const goat_node_list *decls = &file->u.file.decls;
    const goat_node *group = NULL, *last_import = NULL;
    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (d->kind != GOAT_GEN_DECL || d->u.gen_decl.tok != GOAT_TOK_IMPORT)
            continue;
        last_import = d;
        if (!group && joinable(d, src, len))
            group = d;
    }

    goat_strbuf sb = GOAT_STRBUF_INIT;
    if (group) {
        const goat_node_list *specs = &group->u.gen_decl.specs;
        /* The last run: specs on consecutive lines, as gofmt sorts them. */
        size_t run = 0;
        for (size_t i = 1; i < specs->count; i++)
            if (blank_line_between(src, specs->items[i - 1]->end, specs->items[i]->pos))
                run = i;
        size_t indent_at = line_begin(src, (size_t)specs->items[run]->pos);
        size_t indent_len = (size_t)specs->items[run]->pos - indent_at;
        size_t at = (size_t)-1;
        for (size_t i = run; i < specs->count; i++) {
            if (cmp_spec(specs->items[i], alias, path) > 0) {
                at = line_begin(src, (size_t)specs->items[i]->pos);
                break;
            }
        }
        if (at == (size_t)-1)
            at = line_finish(src, len, (size_t)specs->items[specs->count - 1]->end);
        const char *lnl = goat_line_ending_at(src, len, (size_t)specs->items[run]->pos);
        goat_strbuf_append(&sb, src + indent_at, indent_len);
        spec_text(&sb, alias, path);
        goat_strbuf_puts(&sb, lnl);
        size_t n;
        char *text = goat_strbuf_detach(&sb, &n);
        goat_splices_add_owned(edits, at, 0, text, n);
        return true;
    }
    /* a declaration of its own: after the last import, or a blank line
     * after the package clause */
    if (last_import)
        import_decl_after(&sb, edits, src, len, (size_t)last_import->end, nl, alias, path, false);
    else
        import_decl_after(&sb, edits, src, len, (size_t)file->u.file.name->end, nl, alias, path, true);
    return true;
}

static size_t elem_start(const char *path, size_t end)
{
    while (end > 0 && path[end - 1] != '/')
        end--;
    return end;
}

static bool is_major_version(const char *elem, size_t n)
{
    if (n < 2 || elem[0] != 'v' || elem[1] == '0')
        return false;
    for (size_t i = 1; i < n; i++)
        if (elem[i] < '0' || elem[i] > '9')
            return false;
    return true;
}

size_t goat_import_name(const goat_node *spec, const char **name)
{
    const goat_node *ident = spec->u.import_spec.name;
    if (ident) {
        *name = ident->u.ident.name;
        return strlen(*name);
    }
    const char *p;
    size_t n;
    spec_path(spec, &p, &n);
    /* the last element, or the one before a major version suffix (v2, v3...) */
    size_t end = n, start = elem_start(p, end);
    if (start > 0 && is_major_version(p + start, end - start)) {
        end = start - 1;
        start = elem_start(p, end);
    }
    if (end - start >= 3 && memcmp(p + start, "go-", 3) == 0)
        start += 3;
    size_t stop = start;
    while (stop < end && (p[stop] == '_' || (unsigned char)p[stop] >= 0x80 ||
                          (p[stop] >= 'a' && p[stop] <= 'z') || (p[stop] >= 'A' && p[stop] <= 'Z') ||
                          (p[stop] >= '0' && p[stop] <= '9')))
        stop++;
    *name = p + start;
    return stop - start;
}

bool goat_import_path_is(const goat_node *spec, const char *path)
{
    return path_is(spec, path);
}

/* Whether the line holding pos has nothing but blanks and a line ending. */
static bool blank_line_at(const char *src, size_t len, size_t pos)
{
    size_t a = line_begin(src, pos), b = line_finish(src, len, pos);
    for (size_t p = a; p < b; p++)
        if (src[p] != '\n' && src[p] != '\r' && src[p] != ' ' && src[p] != '\t')
            return false;
    return true;
}

static const goat_node *decl_of(const goat_node *file, const goat_node *spec, size_t *import_decls)
{
    const goat_node *found = NULL;
    *import_decls = 0;
    const goat_node_list *decls = &file->u.file.decls;
    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (d->kind != GOAT_GEN_DECL || d->u.gen_decl.tok != GOAT_TOK_IMPORT)
            continue;
        ++*import_decls;
        for (size_t j = 0; j < d->u.gen_decl.specs.count; j++)
            if (d->u.gen_decl.specs.items[j] == spec)
                found = d;
    }
    return found;
}

bool goat_import_remove_spec(const goat_node *file, const char *src, size_t len, const goat_node *spec,
                             goat_splices *edits)
{
    size_t import_decls;
    const goat_node *decl = decl_of(file, spec, &import_decls);
    if (!decl)
        return false;
    if (decl->u.gen_decl.lparen != GOAT_NOPOS) {
        size_t a = line_begin(src, (size_t)spec->pos);
        if (!blank_before(src, (size_t)spec->pos) || !rest_is_trivia(src, len, (size_t)spec->end))
            return false;
        size_t b = line_finish(src, len, (size_t)spec->end);
        /* Alone in its run (a blank line above, the ')' or a blank line
         * below): the blank line above goes too, as gofmt would have it. */
        if (a > 0 && blank_line_at(src, len, a - 1)) {
            size_t q = b;
            while (q < len && (src[q] == ' ' || src[q] == '\t' || src[q] == '\r'))
                q++;
            if (q >= len || src[q] == ')' || src[q] == '\n')
                a = line_begin(src, a - 1);
        }
        goat_splices_add(edits, a, b - a, "", 0);
        return true;
    }
    size_t pos = (size_t)decl->pos, end = (size_t)decl->end;
    if (pos >= 2 && src[pos - 2] == ';' && src[pos - 1] == ' ') {
        goat_splices_add(edits, pos - 2, end - (pos - 2), "", 0);
        return true;
    }
    if (!blank_before(src, pos) || !rest_is_trivia(src, len, end))
        return false;
    size_t a = line_begin(src, pos);
    size_t b = line_finish(src, len, end);
    /* Added after the package clause together with a blank line. */
    if (import_decls == 1 && a > 0) {
        size_t prev = line_begin(src, a - 1);
        bool blank = true;
        for (size_t p = prev; p < a; p++)
            if (src[p] != '\n' && src[p] != '\r')
                blank = false;
        if (blank)
            a = prev;
    }
    goat_splices_add(edits, a, b - a, "", 0);
    return true;
}

/* ---- goat's imports ---- */

typedef struct name_span {
    const char *p;
    size_t n;
} name_span;

static bool ident_byte(unsigned char c)
{
    return c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* The NAME of every `NAME.Track(` and `NAME.ServeHTTP(` inside the file's
 * generate, main and delete blocks (the last were tracking blocks). */
static size_t block_aliases(const char *src, const goat_markers *marks, name_span **out)
{
    static const char *const calls[] = {".Track(", ".ServeHTTP("};
    name_span *names = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = 0; marks && i < marks->count; i++) {
        const goat_marker *m = &marks->items[i];
        if (m->kind != GOAT_MARKER_GENERATE && m->kind != GOAT_MARKER_MAIN && m->kind != GOAT_MARKER_DELETE)
            continue;
        for (size_t c = 0; c < 2; c++) {
            const char *from = src + m->start, *end = src + m->end, *hit;
            size_t clen = strlen(calls[c]);
            while ((hit = memmem(from, (size_t)(end - from), calls[c], clen)) != NULL) {
                const char *s = hit;
                while (s > src + m->start && ident_byte((unsigned char)s[-1]))
                    s--;
                bool known = s == hit;
                for (size_t k = 0; k < count && !known; k++)
                    known = names[k].n == (size_t)(hit - s) && memcmp(names[k].p, s, names[k].n) == 0;
                if (!known) {
                    goat_grow((void **)&names, &cap, count + 1, sizeof *names);
                    names[count++] = (name_span){s, (size_t)(hit - s)};
                }
                from = hit + clen;
            }
        }
    }
    *out = names;
    return count;
}

bool goat_import_is(const goat_node *spec, const char *alias, const char *path)
{
    const goat_node *name = spec->u.import_spec.name;
    return path_is(spec, path) && name && strcmp(name->u.ident.name, alias) == 0;
}

size_t goat_import_find_goat(const goat_node *file, const char *src, const goat_markers *marks, const char *alias,
                             const char *path, const char *const *tree_paths, const goat_node ***specs)
{
    name_span *aliases = NULL;
    size_t alias_count = block_aliases(src, marks, &aliases);
    const goat_node_list *imports = &file->u.file.imports;
    const goat_node **found = goat_xcalloc(imports->count + 1, sizeof *found);
    size_t count = 0;
    for (size_t i = 0; i < imports->count; i++) {
        const goat_node *spec = imports->items[i];
        bool goat = goat_import_is(spec, alias, path);
        for (size_t k = 0; tree_paths && tree_paths[k] && !goat; k++)
            goat = path_is(spec, tree_paths[k]);
        const char *bound;
        size_t n = goat_import_name(spec, &bound);
        for (size_t k = 0; k < alias_count && !goat; k++)
            goat = aliases[k].n == n && memcmp(aliases[k].p, bound, n) == 0;
        if (goat)
            found[count++] = spec;
    }
    free(aliases);
    *specs = found;
    return count;
}

static goat_error *error_at(const char *filename, const char *src, size_t len, size_t pos, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static goat_error *error_at(const char *filename, const char *src, size_t len, size_t pos, const char *fmt, ...)
{
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    int line, col;
    goat_lines_position(&lines, pos, &line, &col);
    goat_lines_free(&lines);
    va_list ap;
    va_start(ap, fmt);
    char *msg = goat_xvasprintf(fmt, ap);
    va_end(ap);
    goat_error *err = goat_error_new(filename, line, col, "%s", msg);
    free(msg);
    return err;
}

goat_error *goat_import_drop(const char *filename, const goat_node *file, const char *src, size_t len,
                             const goat_node *spec, const goat_markers *marks, bool user_blocks_stay,
                             goat_splices *edits)
{
    const char *path = spec->u.import_spec.path->u.basic_lit.value;
    const char *bound;
    size_t n = goat_import_name(spec, &bound);
    if (n == 1 && bound[0] == '.')
        return error_at(filename, src, len, (size_t)spec->pos,
                        "this dot import of %s imports the goat package, and goat cannot tell which names of the "
                        "file come from it; remove it by hand (or import the package as goatPackageAlias) and run "
                        "goat again",
                        path);
    if (!(n == 1 && bound[0] == '_')) {
        goat_clash_range *skip = goat_xcalloc(marks->count + 1, sizeof *skip);
        size_t skip_count = 0;
        for (size_t i = 0; i < marks->count; i++)
            if (!user_blocks_stay || marks->items[i].kind != GOAT_MARKER_USER)
                skip[skip_count++] = (goat_clash_range){marks->items[i].start, marks->items[i].end};
        char *name = goat_xstrndup(bound, n);
        const goat_node *use = goat_clash_first_use(file, name, skip, skip_count);
        free(skip);
        goat_error *err = NULL;
        if (use)
            err = error_at(filename, src, len, (size_t)use->pos,
                           "%s here refers to the goat package (%s) outside goat's blocks, and goat removes that "
                           "import; delete this use or put it between `// +goat:user` and `// +goat:end` lines "
                           "(which goat clean removes), then run goat again",
                           name, path);
        free(name);
        if (err)
            return err;
    }
    if (!goat_import_remove_spec(file, src, len, spec, edits))
        return error_at(filename, src, len, (size_t)spec->pos,
                        "this import of the goat package (%s) shares its line with other code, so goat cannot "
                        "remove it alone; put it on a line of its own (as gofmt does) and run goat again",
                        path);
    return NULL;
}
