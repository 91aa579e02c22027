/* SPDX-License-Identifier: MIT */
#include "rewrite/imports.h"

#include <string.h>

#include "rewrite/markers.h"
#include "util/strbuf.h"

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

static const char *last_elem(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static bool name_is(const goat_node *spec, const char *alias, const char *path)
{
    const goat_node *name = spec->u.import_spec.name;
    if (name)
        return strcmp(name->u.ident.name, alias) == 0;
    return strcmp(last_elem(path), alias) == 0;
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
        if (path_is(imports->items[i], path) && name_is(imports->items[i], alias, path))
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

bool goat_import_remove(const goat_node *file, const char *src, size_t len,
                        const char *alias, const char *path, goat_splices *edits)
{
    const goat_node_list *decls = &file->u.file.decls;
    size_t import_decls = 0;
    const goat_node *decl = NULL, *spec = NULL;
    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (d->kind != GOAT_GEN_DECL || d->u.gen_decl.tok != GOAT_TOK_IMPORT)
            continue;
        import_decls++;
        for (size_t j = 0; j < d->u.gen_decl.specs.count && !spec; j++) {
            const goat_node *s = d->u.gen_decl.specs.items[j];
            if (path_is(s, path) && s->u.import_spec.name && strcmp(s->u.import_spec.name->u.ident.name, alias) == 0) {
                decl = d;
                spec = s;
            }
        }
    }
    if (!spec)
        return false;
    if (decl->u.gen_decl.lparen != GOAT_NOPOS) {
        size_t a = line_begin(src, (size_t)spec->pos);
        if (!blank_before(src, (size_t)spec->pos) || !rest_is_trivia(src, len, (size_t)spec->end))
            return false;
        size_t b = line_finish(src, len, (size_t)spec->end);
        /* Alone in its run (a blank line above, the ')' or a blank line
         * below): the blank line above goes too, as gofmt would have it. */
        if (a > 0) {
            size_t prev = line_begin(src, a - 1);
            bool blank_above = true, end_below = true;
            for (size_t p = prev; p < a; p++)
                if (src[p] != '\n' && src[p] != '\r' && src[p] != ' ' && src[p] != '\t')
                    blank_above = false;
            size_t q = b;
            while (q < len && (src[q] == ' ' || src[q] == '\t' || src[q] == '\r'))
                q++;
            if (q < len && src[q] != ')' && src[q] != '\n')
                end_below = false;
            if (blank_above && end_below)
                a = prev;
        }
        goat_splices_add(edits, a, b - a, "", 0);
        return true;
    }
    size_t pos = (size_t)decl->pos, end = (size_t)decl->end;
    if (pos >= 2 && src[pos - 2] == ';' && src[pos - 1] == ' ') {
        goat_splices_add(edits, pos - 2, end - (pos - 2), "", 0);
        return true;
    }
    size_t a = line_begin(src, pos);
    size_t b = line_finish(src, len, end);
    if (import_decls == 1 && a > 0) {
        /* Added after the package clause together with a blank line. */
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
