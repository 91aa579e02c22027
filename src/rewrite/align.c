/* SPDX-License-Identifier: MIT */
#include "rewrite/align.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/lines.h"
#include "util/xalloc.h"
#include "util/sort.h"

typedef struct cand {
    int line;
    char kind;         /* 'c' trailing comment, 'f' one-line func's '{' */
    size_t indent_len; /* leading blanks of the line */
    size_t line_start;
    size_t pad;        /* offset of the blanks before the aligned item */
    size_t pad_len;
    size_t width;      /* runes of the text before the blanks (after the indent) */
    bool removed;      /* an opened one-line func: leaves its run */
    size_t new_pad;
} cand;

typedef struct cands {
    cand *items;
    size_t count, cap;
} cands;

static size_t runes(const char *s, size_t n)
{
    size_t r = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xc0) != 0x80)
            r++;
    return r;
}

static int line_of(const goat_lines *lines, size_t pos)
{
    int line, col;
    goat_lines_position(lines, pos, &line, &col);
    return line;
}

/* The blanks before pos on its line: all spaces, at least one, with text
 * before them. Fills the candidate's geometry; false when it does not fit. */
static bool geometry(const char *src, size_t pos, cand *c)
{
    size_t p = pos;
    while (p > 0 && src[p - 1] == ' ')
        p--;
    if (p == pos || p == 0 || src[p - 1] == '\t' || src[p - 1] == '\n')
        return false;
    size_t ls = p;
    while (ls > 0 && src[ls - 1] != '\n')
        ls--;
    size_t ind = ls;
    while (ind < p && (src[ind] == '\t' || src[ind] == ' '))
        ind++;
    if (ind >= p)
        return false;
    for (size_t i = ind; i < p; i++)
        if (src[i] == '\t')
            return false; /* cells of their own: not a single column */
    c->line_start = ls;
    c->indent_len = ind - ls;
    c->pad = p;
    c->pad_len = pos - p;
    c->width = runes(src + ind, p - ind);
    return true;
}

static bool rest_blank(const char *src, size_t len, size_t pos)
{
    while (pos < len && (src[pos] == ' ' || src[pos] == '\t' || src[pos] == '\r'))
        pos++;
    return pos >= len || src[pos] == '\n';
}

static void push(cands *cs, cand c)
{
    goat_grow((void **)&cs->items, &cs->cap, cs->count + 1, sizeof *cs->items);
    cs->items[cs->count++] = c;
}

static void find_comment_cands(const goat_node *file, const char *src, size_t len, const goat_lines *lines,
                               cands *out)
{
    const goat_comment *cm = file->u.file.comments;
    for (size_t i = 0; i < file->u.file.comment_count; i++) {
        int line = line_of(lines, (size_t)cm[i].pos);
        if (line_of(lines, (size_t)cm[i].end) != line || !rest_blank(src, len, (size_t)cm[i].end))
            continue;
        cand c = {0};
        c.line = line;
        c.kind = 'c';
        if (!geometry(src, (size_t)cm[i].pos, &c))
            continue;
        /* Code before the comment must not end in another comment. */
        if (i > 0 && line_of(lines, (size_t)cm[i - 1].end) == line && (size_t)cm[i - 1].end == c.pad)
            continue;
        push(out, c);
    }
}

static void find_func_cands(const goat_node *file, const char *src, const goat_lines *lines, cands *out)
{
    for (size_t i = 0; i < file->u.file.decls.count; i++) {
        const goat_node *d = file->u.file.decls.items[i];
        if (d->kind != GOAT_FUNC_DECL || !d->u.func_decl.body)
            continue;
        const goat_node *b = d->u.func_decl.body;
        int line = line_of(lines, (size_t)d->pos);
        if (line_of(lines, (size_t)b->u.block.rbrace) != line || (d->pos > 0 && src[d->pos - 1] != '\n'))
            continue;
        cand c = {0};
        c.line = line;
        c.kind = 'f';
        if (!geometry(src, (size_t)b->u.block.lbrace, &c) || c.pad != (size_t)d->u.func_decl.type->end)
            continue;
        push(out, c);
    }
}

static void spec_cands_of(const goat_node *d, const char *src, size_t len, const goat_lines *lines, cands *out)
{
    if (d->kind != GOAT_GEN_DECL || d->u.gen_decl.lparen == GOAT_NOPOS ||
        (d->u.gen_decl.tok != GOAT_TOK_VAR && d->u.gen_decl.tok != GOAT_TOK_CONST))
        return;
    for (size_t j = 0; j < d->u.gen_decl.specs.count; j++) {
        const goat_node *sp = d->u.gen_decl.specs.items[j];
        if (sp->kind != GOAT_VALUE_SPEC || sp->u.value_spec.type || sp->u.value_spec.values.count == 0 ||
            sp->u.value_spec.names.count == 0)
            continue;
        size_t pos = (size_t)sp->pos, p = pos;
        while (p > 0 && (src[p - 1] == '\t' || src[p - 1] == ' '))
            p--;
        if (p > 0 && src[p - 1] != '\n')
            continue;
        size_t eq = (size_t)sp->u.value_spec.names.items[sp->u.value_spec.names.count - 1]->end;
        while (eq < len && src[eq] == ' ')
            eq++;
        if (eq >= len || src[eq] != '=')
            continue;
        cand c = {0};
        c.line = line_of(lines, pos);
        c.kind = 'v';
        if (line_of(lines, eq) != c.line || !geometry(src, eq, &c))
            continue;
        push(out, c);
    }
}

typedef struct kv_ctx {
    const char *src;
    const goat_lines *lines;
    cands *out;
} kv_ctx;

/* Keys of a composite literal's key: value lines, whose values gofmt aligns. */
static bool kv_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    kv_ctx *k = arg;
    if (n->kind != GOAT_COMPOSITE_LIT)
        return true;
    for (size_t i = 0; i < n->u.composite_lit.elts.count; i++) {
        const goat_node *e = n->u.composite_lit.elts.items[i];
        if (e->kind != GOAT_KEY_VALUE_EXPR || !e->u.key_value.value)
            continue;
        size_t pos = (size_t)e->pos;
        if (pos > 0 && k->src[pos - 1] != '\t' && k->src[pos - 1] != ' ' && k->src[pos - 1] != '\n')
            continue;
        size_t p = pos;
        while (p > 0 && (k->src[p - 1] == '\t' || k->src[p - 1] == ' '))
            p--;
        if (p > 0 && k->src[p - 1] != '\n')
            continue; /* not the first thing on its line */
        int line = line_of(k->lines, pos);
        if (line_of(k->lines, (size_t)e->u.key_value.value->pos) != line)
            continue;
        cand c = {0};
        c.line = line;
        c.kind = 'k';
        if (!geometry(k->src, (size_t)e->u.key_value.value->pos, &c) || c.pad != (size_t)e->u.key_value.colon + 1)
            continue;
        push(k->out, c);
    }
    return true;
}

/* Names of the specs of a parenthesized var or const declaration (at the
 * top level or in a function), whose '=' gofmt aligns (specs without a
 * type only: one column). */
typedef struct spec_ctx {
    const char *src;
    size_t len;
    const goat_lines *lines;
    cands *out;
} spec_ctx;

static bool spec_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    spec_ctx *k = arg;
    if (n->kind == GOAT_GEN_DECL)
        spec_cands_of(n, k->src, k->len, k->lines, k->out);
    return true;
}

static void find_spec_cands(const goat_node *file, const char *src, size_t len, const goat_lines *lines, cands *out)
{
    spec_ctx k = {src, len, lines, out};
    goat_ast_inspect(file, spec_visit, &k);
}

typedef struct kv_spec_ctx {
    kv_ctx kv;
    spec_ctx spec;
} kv_spec_ctx;

static bool kv_spec_visit(const goat_node *n, int depth, void *arg)
{
    kv_spec_ctx *both = arg;
    /* Either candidate stands first on its line, after a '{' or '(' of
     * its literal or declaration on an earlier line: a node on one line
     * holds none, and most expressions are on one line. */
    if (n->pos >= 0 && n->end >= n->pos && (size_t)n->end <= both->spec.len &&
        !memchr(both->spec.src + n->pos, '\n', (size_t)(n->end - n->pos)))
        return false;
    kv_visit(n, depth, &both->kv);
    return spec_visit(n, depth, &both->spec);
}

static int cmp_cand(const void *a, const void *b)
{
    const cand *x = a, *y = b;
    return (x->line > y->line) - (x->line < y->line);
}

/* Where blocks go, by input line: a block before the line (block[l],
 * place index in bi[l]) and/or a body opened on the line (opened[l], oi[l];
 * joins[l] when it is a top-level function's body, whose closing line gofmt
 * still aligns with the declarations after it). */
typedef struct marks {
    bool *block, *opened, *joins;
    size_t *bi, *oi;
    long *delta;  /* how much earlier re-padding on the line moved its comment */
    size_t *fcol; /* column of a one-line func's '{' (after re-padding), 0 if none */
    const char *src;
} marks;

const char *goat_align_find_pad(const char *hint, size_t hint_len)
{
    bool quoted = false;
    for (size_t i = 0; i < hint_len; i++) {
        if (quoted && hint[i] == '\\')
            i++; /* an escaped character, '"' among them */
        else if (hint[i] == '"')
            quoted = !quoted;
        else if (!quoted && hint_len - i >= 5 && memcmp(hint + i, " pad=", 5) == 0)
            return hint + i;
    }
    return NULL;
}

static void add_entry(goat_strbuf *hint, char kind, long rel, size_t n)
{
    if (hint->len == 0 || !goat_align_find_pad(hint->data, hint->len))
        goat_strbuf_puts(hint, " pad=");
    else
        goat_strbuf_putc(hint, ',');
    goat_strbuf_printf(hint, "%c%+ld:%zu", kind, rel, n);
}

static void plan_group(cand *g, size_t n, marks *mk, const goat_places *places, goat_splices *edits,
                       goat_strbuf *hints)
{
    size_t maxw = 0;
    for (size_t i = 0; i < n; i++)
        if (g[i].width > maxw)
            maxw = g[i].width;
    if (g[0].width + g[0].pad_len != maxw + 1)
        return; /* not a run gofmt aligned */
    bool split = false;
    for (size_t i = 0; i < n; i++) {
        int l = g[i].line;
        /* gofmt breaks a var block's alignment after a spec spanning lines,
         * not before it: an opened spec ends its part. Others leave theirs. */
        if (mk->opened[l] && g[i].kind == 'v')
            split = split || i + 1 < n;
        else if (mk->opened[l])
            g[i].removed = split = true;
        if (i > 0 && mk->block[l])
            split = true;
    }
    if (!split)
        return;
    if (g[0].kind == 'c')
        for (size_t i = 0; i < n; i++)
            g[i].width = (size_t)((long)g[i].width + mk->delta[g[i].line]);
    /* Parts: runs of kept lines with no block between them; a top-level
     * function opened on a line with a trailing comment leaves its closing
     * line (and the comment) at the head of the next part. */
    size_t i = 0;
    while (i < n) {
        bool head = false; /* g[i] is an opened line heading the part with its closing line */
        if (g[i].removed) {
            g[i].new_pad = 1;
            if (!(g[i].kind == 'c' && mk->joins[g[i].line] && i + 1 < n && !g[i + 1].removed &&
                  !mk->block[g[i + 1].line])) {
                i++;
                continue;
            }
            const goat_node *body = places->items[mk->oi[g[i].line]].opened;
            size_t rb = (size_t)body->u.block.rbrace;
            size_t cw = 1 + runes(mk->src + rb + 1, g[i].pad - rb - 1);
            size_t fc = mk->fcol[g[i + 1].line];
            if (fc) {
                /* The closing line's comment shares a column with the
                 * next one-line func's signature (tabwriter cell 0). */
                g[i].new_pad = fc > cw ? fc - cw : 1;
                i++;
                continue;
            }
            head = true;
            g[i].width = cw;
        }
        size_t j = i + 1;
        bool ends_open = g[i].kind == 'v' && mk->opened[g[i].line];
        while (!ends_open && j < n && !g[j].removed && !mk->block[g[j].line]) {
            ends_open = g[j].kind == 'v' && mk->opened[g[j].line];
            j++;
        }
        size_t w = 0;
        for (size_t k = i; k < j; k++)
            if (g[k].width > w)
                w = g[k].width;
        for (size_t k = i; k < j; k++)
            g[k].new_pad = w + 1 - g[k].width;
        /* The hint goes to the block right after the part, else the one before. */
        size_t place;
        long base;
        size_t from = head ? i + 1 : i;
        if (ends_open) {
            place = mk->oi[g[j - 1].line];
            base = g[j - 1].line + 1;
        } else if (j < n) {
            int next = g[j].line;
            if (mk->block[next]) {
                place = mk->bi[next];
                base = next; /* -1 is the line above the generate line */
            } else {
                place = mk->oi[next];
                base = next + 1;
            }
        } else if (head) {
            place = mk->oi[g[i].line];
            base = g[i].line; /* +1 is the line after the closing line */
        } else if (mk->block[g[i].line]) {
            place = mk->bi[g[i].line];
            base = g[i].line - 1; /* +1 is the first line after the block */
        } else if (i > 0 && mk->opened[g[i - 1].line]) {
            place = mk->oi[g[i - 1].line];
            base = g[i - 1].line;
        } else {
            i = j;
            continue;
        }
        for (size_t k = from; k < j; k++) {
            if (g[k].new_pad == g[k].pad_len)
                continue;
            add_entry(&hints[place], g[k].kind, (long)g[k].line - base, g[k].pad_len);
        }
        i = j;
    }
    for (size_t k = 0; k < n; k++) {
        if (g[k].new_pad == g[k].pad_len)
            continue;
        /* An opened line's comment ends up after the closing brace (+0). */
        if (g[k].removed)
            add_entry(&hints[mk->oi[g[k].line]], g[k].kind, g[k].kind == 'c' ? 0 : -1, g[k].pad_len);
        mk->delta[g[k].line] += (long)g[k].new_pad - (long)g[k].pad_len;
        if (g[k].kind == 'f')
            mk->fcol[g[k].line] = g[k].width + g[k].new_pad;
        char *sp = goat_xmalloc(g[k].new_pad + 1);
        memset(sp, ' ', g[k].new_pad);
        goat_splices_add_owned(edits, g[k].pad, g[k].pad_len, sp, g[k].new_pad);
    }
}

static void plan_kind(const char *src, cands *cs, marks *mk, const goat_places *places, goat_splices *edits,
                      goat_strbuf *hints)
{
    if (cs->count > 1)
        goat_sort(cs->items, cs->count, sizeof *cs->items, cmp_cand);
    size_t i = 0;
    while (i < cs->count) {
        size_t j = i + 1;
        while (j < cs->count && cs->items[j].line == cs->items[j - 1].line + 1 &&
               cs->items[j].indent_len == cs->items[i].indent_len &&
               memcmp(src + cs->items[j].line_start, src + cs->items[i].line_start, cs->items[i].indent_len) == 0 &&
               cs->items[j].width + cs->items[j].pad_len == cs->items[i].width + cs->items[i].pad_len)
            j++;
        if (j - i >= 2)
            plan_group(cs->items + i, j - i, mk, places, edits, hints);
        i = j;
    }
}

static int cmp_node_ptr(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t) * (const goat_node *const *)a, y = (uintptr_t) * (const goat_node *const *)b;
    return (x > y) - (x < y);
}

void goat_align_plan(const goat_node *file, const char *src, size_t len, const goat_lines *lines,
                     const goat_places *places, goat_splices *edits, goat_strbuf *hints)
{
    if (places->count == 0)
        return;
    size_t nl = lines->count + 2;
    marks mk;
    mk.block = goat_xcalloc(nl, sizeof *mk.block);
    mk.opened = goat_xcalloc(nl, sizeof *mk.opened);
    mk.joins = goat_xcalloc(nl, sizeof *mk.joins);
    mk.bi = goat_xcalloc(nl, sizeof *mk.bi);
    mk.oi = goat_xcalloc(nl, sizeof *mk.oi);
    mk.delta = goat_xcalloc(nl, sizeof *mk.delta);
    mk.fcol = goat_xcalloc(nl, sizeof *mk.fcol);
    mk.src = src;
    /* The bodies of function declarations, sorted, so that telling whether
     * an opened body is one costs a lookup, not a pass over the file. */
    const goat_node_list *decls = &file->u.file.decls;
    const goat_node **decl_bodies = goat_xmalloc((decls->count + 1) * sizeof *decl_bodies);
    size_t nbodies = 0;
    for (size_t d = 0; d < decls->count; d++)
        if (decls->items[d]->kind == GOAT_FUNC_DECL && decls->items[d]->u.func_decl.body)
            decl_bodies[nbodies++] = decls->items[d]->u.func_decl.body;
    goat_sort(decl_bodies, nbodies, sizeof *decl_bodies, cmp_node_ptr);
    for (size_t i = 0; i < places->count; i++) {
        const goat_place *p = &places->items[i];
        int l = line_of(lines, p->offset);
        if (p->opened && mk.opened[l]) {
            continue; /* a body nested in one opened on the same line: that one speaks for the line */
        } else if (p->opened) {
            mk.opened[l] = true;
            mk.oi[l] = i;
            mk.joins[l] = bsearch(&p->opened, decl_bodies, nbodies, sizeof *decl_bodies, cmp_node_ptr) != NULL;
        } else if (goat_lines_start(lines, l) == p->offset) {
            mk.block[l] = true;
            mk.bi[l] = i;
        }
    }
    /* Comments last: re-padding a '{' or a value moves the comment after it. */
    cands cs = {0};
    find_func_cands(file, src, lines, &cs);
    for (size_t i = 0; i < cs.count; i++)
        mk.fcol[cs.items[i].line] = cs.items[i].width + cs.items[i].pad_len;
    plan_kind(src, &cs, &mk, places, edits, hints);
    /* key: value and var/const candidates come from one walk of the file,
     * and are planned in that order */
    cands specs = {0};
    cs.count = 0;
    kv_spec_ctx both = {{src, lines, &cs}, {src, len, lines, &specs}};
    goat_ast_inspect(file, kv_spec_visit, &both);
    plan_kind(src, &cs, &mk, places, edits, hints);
    plan_kind(src, &specs, &mk, places, edits, hints);
    free(specs.items);
    cs.count = 0;
    find_comment_cands(file, src, len, lines, &cs);
    plan_kind(src, &cs, &mk, places, edits, hints);
    free(decl_bodies);
    free(cs.items);
    free(mk.block);
    free(mk.opened);
    free(mk.joins);
    free(mk.bi);
    free(mk.oi);
    free(mk.delta);
    free(mk.fcol);
}

/* ---- clean side ---- */

static bool pad_before(const char *src, size_t pos, size_t *start)
{
    size_t p = pos;
    while (p > 0 && src[p - 1] == ' ')
        p--;
    *start = p;
    return p < pos;
}

goat_error *goat_align_restore(const char *filename, const goat_node *file, const char *src, size_t len,
                               const char *pad, size_t pad_len, int before_base, int after_base,
                               goat_splices *edits)
{
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    goat_error *err = NULL;
    cands found = {0};
    size_t i = 0;
    if (pad_len >= 4 && memcmp(pad, "pad=", 4) == 0)
        i = 4;
    while (i < pad_len && !err) {
        char kind = pad[i++];
        char *end;
        char buf[64];
        size_t k = 0;
        while (i < pad_len && pad[i] != ',' && k + 1 < sizeof buf)
            buf[k++] = pad[i++];
        buf[k] = '\0';
        if (i < pad_len && pad[i] == ',')
            i++;
        long rel = strtol(buf, &end, 10);
        long n = -1;
        if (*end == ':')
            n = strtol(end + 1, &end, 10);
        if ((kind != 'c' && kind != 'f' && kind != 'k' && kind != 'v') || *end || n < 1 || n > 100000 || (rel == 0 && kind != 'c')) {
            err = goat_error_new(filename, before_base, 0, "malformed pad= hint");
            break;
        }
        long target = rel < 0 ? (long)before_base + rel : (long)after_base + rel;
        if (target < 1 || target > (long)lines.count) {
            err = goat_error_new(filename, before_base, 0, "pad= hint points outside the file");
            break;
        }
        size_t item = (size_t)-1;
        if (kind == 'c') {
            const goat_comment *cm = file->u.file.comments;
            for (size_t c = 0; c < file->u.file.comment_count; c++) {
                if (line_of(&lines, (size_t)cm[c].pos) == target && rest_blank(src, len, (size_t)cm[c].end))
                    item = (size_t)cm[c].pos;
            }
        } else if (kind == 'v') {
            found.count = 0;
            find_spec_cands(file, src, len, &lines, &found);
            for (size_t c = 0; c < found.count; c++)
                if (found.items[c].line == target)
                    item = found.items[c].pad + found.items[c].pad_len;
        } else if (kind == 'k') {
            kv_ctx kv = {src, &lines, &found};
            found.count = 0;
            goat_ast_inspect(file, kv_visit, &kv);
            for (size_t c = 0; c < found.count; c++)
                if (found.items[c].line == target)
                    item = found.items[c].pad + found.items[c].pad_len;
        } else {
            for (size_t d = 0; d < file->u.file.decls.count; d++) {
                const goat_node *fd = file->u.file.decls.items[d];
                if (fd->kind == GOAT_FUNC_DECL && fd->u.func_decl.body &&
                    line_of(&lines, (size_t)fd->u.func_decl.body->u.block.lbrace) == target)
                    item = (size_t)fd->u.func_decl.body->u.block.lbrace;
            }
        }
        size_t start;
        if (item == (size_t)-1 || !pad_before(src, item, &start)) {
            err = goat_error_new(filename, (int)target, 0, "the padding a pad= hint records is gone");
            break;
        }
        char *sp = goat_xmalloc((size_t)n + 1);
        memset(sp, ' ', (size_t)n);
        goat_splices_add_owned(edits, start, item - start, sp, (size_t)n);
    }
    free(found.items);
    goat_lines_free(&lines);
    return err;
}
