/* SPDX-License-Identifier: MIT */
#include "rewrite/rewrite.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "parser/parser.h"
#include "rewrite/align.h"
#include "rewrite/attribute.h"
#include "rewrite/funcname.h"
#include "rewrite/clash.h"
#include "rewrite/imports.h"
#include "rewrite/markers.h"
#include "rewrite/place.h"
#include "rewrite/splice.h"
#include "util/arena.h"
#include "util/find.h"
#include "util/lines.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

static const char *const granularity_names[] = {"line", "patch", "scope", "func"};

int goat_granularity_parse(const char *name)
{
    for (int i = 0; i < 4; i++)
        if (name && strcmp(name, granularity_names[i]) == 0)
            return i;
    return -1;
}

const char *goat_granularity_name(goat_granularity g)
{
    return (unsigned)g < 4 ? granularity_names[g] : "unknown";
}

void goat_rewrite_result_free(goat_rewrite_result *out)
{
    free(out->table); /* the rows and their strings */
    free(out->text);
    free(out->lines);
    free(out->known_bodies);
    out->text = NULL;
    out->lines = NULL;
    out->table = NULL;
    out->known_bodies = NULL;
    out->known_body_count = 0;
    out->len = 0;
}

/* ---- the point table ---- */

/* The rows of count blocks at offsets (ascending) of the committed text
 * src, parsed as file, whose line starts are lines and func words words;
 * insert (may be NULL) says which came from a +goat:insert. One block
 * holds the rows, then "" (the function of a row outside every function),
 * each function's name that a row names (once, however many rows name it:
 * a function has tens of rows), then every row's changed lines, which
 * goat_attribute writes one after the other. */
static goat_rewrite_point *describe(const goat_node *file, const char *src, size_t len, const goat_lines *lines,
                                    const goat_func_words *words, const size_t *offsets, const bool *insert,
                                    size_t count, const goat_lineset *changed, const goat_rewrite_options *opts)
{
    goat_funcnames names;
    goat_funcnames_build(file, words, opts->names_before, &names);
    goat_lineset none = GOAT_LINESET_INIT;
    goat_lineset_freeze(&none);
    goat_block_info *info = goat_xcalloc(count + 1, sizeof *info);
    goat_strbuf ranges = GOAT_STRBUF_INIT;
    goat_attribute(src, len, lines, file, &names, changed ? changed : &none, offsets, count, info, &ranges);
    /* where each named function's name goes among the strings (0: named
     * by no row, as "" is at 0) */
    size_t *name_at = goat_xcalloc(names.count + 1, sizeof *name_at);
    size_t names_end = 1;
    for (size_t i = 0; i < count; i++) {
        long f = info[i].func;
        if (f >= 0 && name_at[f] == 0) {
            name_at[f] = names_end;
            names_end += strlen(names.items[f].name) + 1;
        }
    }
    size_t strings_size = names_end + ranges.len; /* held in memory already: no overflow */
    if (count > (SIZE_MAX - strings_size) / sizeof(goat_rewrite_point))
        goat_out_of_memory();
    size_t rows_size = count * sizeof(goat_rewrite_point);
    goat_rewrite_point *table = goat_xmalloc(rows_size + strings_size);
    char *strings = (char *)table + rows_size;
    strings[0] = '\0';
    for (size_t f = 0; f < names.count; f++)
        if (name_at[f] > 0)
            memcpy(strings + name_at[f], names.items[f].name, strlen(names.items[f].name) + 1);
    if (ranges.len > 0)
        memcpy(strings + names_end, ranges.data, ranges.len);
    for (size_t i = 0; i < count; i++) {
        long f = info[i].func;
        table[i] = (goat_rewrite_point){info[i].line, strings + (f < 0 ? 0 : name_at[f]),
                                        strings + names_end + info[i].lines, insert && insert[i]};
    }
    free(name_at);
    goat_strbuf_free(&ranges);
    free(info);
    goat_lineset_free(&none);
    goat_funcnames_free(&names);
    return table;
}

static const char opened_hint[] = " opened";
static const char split_hint[] = " split";

/* ---- block text ---- */

static void put_indent(goat_strbuf *sb, const char *ind, size_t ind_len, int tabs)
{
    goat_strbuf_append(sb, ind, ind_len);
    for (int i = 0; i < tabs; i++)
        goat_strbuf_putc(sb, '\t');
}

static const char tips_line[] = "// +goat:tips: do not edit the block between the +goat comments";
static const char end_line[] = "// +goat:end";

/* The four lines of a block; word is "generate" or "main", call the statement. */
static void block_text(goat_strbuf *sb, const char *ind, size_t ind_len, int tabs, const char *word,
                       const char *hint, size_t hint_len, const char *call, const char *nl)
{
    size_t word_len = strlen(word), call_len = strlen(call), nl_len = strlen(nl);
    goat_strbuf_reserve(sb, 4 * (ind_len + (size_t)tabs + nl_len) + sizeof "// +goat:" + word_len + hint_len +
                                sizeof tips_line + call_len + sizeof end_line);
    put_indent(sb, ind, ind_len, tabs);
    goat_strbuf_append(sb, "// +goat:", sizeof "// +goat:" - 1);
    goat_strbuf_append(sb, word, word_len);
    goat_strbuf_append(sb, hint, hint_len);
    goat_strbuf_append(sb, nl, nl_len);
    put_indent(sb, ind, ind_len, tabs);
    goat_strbuf_append(sb, tips_line, sizeof tips_line - 1);
    goat_strbuf_append(sb, nl, nl_len);
    put_indent(sb, ind, ind_len, tabs);
    goat_strbuf_append(sb, call, call_len);
    goat_strbuf_append(sb, nl, nl_len);
    put_indent(sb, ind, ind_len, tabs);
    goat_strbuf_append(sb, end_line, sizeof end_line - 1);
    goat_strbuf_append(sb, nl, nl_len);
}

/* Replaces del bytes at at with a block (block_text's arguments). */
static void splice_block(goat_splices *edits, size_t at, size_t del, const char *ind, size_t ind_len,
                         int tabs, const char *word, const char *hint, size_t hint_len, const char *call,
                         const char *nl)
{
    goat_strbuf *texts = goat_splices_texts(edits);
    size_t before = texts->len;
    block_text(texts, ind, ind_len, tabs, word, hint, hint_len, call, nl);
    goat_splices_add_written(edits, at, del, before);
}

/* "ALIAS.Track(ALIAS.TRACK_ID_<id>)", built without printf into sb (its
 * old text replaced), which a caller writing tens of thousands of them
 * reuses: no allocation per call. Returns sb's text. */
static const char *track_call_in(goat_strbuf *sb, const goat_rewrite_options *o, int id)
{
    char digits[24];
    size_t n = 0;
    unsigned v = id < 0 ? 0u : (unsigned)id;
    do
        digits[sizeof digits - ++n] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    size_t alias_len = strlen(o->alias);
    sb->len = 0;
    goat_strbuf_reserve(sb, 2 * alias_len + n + sizeof ".Track(.TRACK_ID_)");
    goat_strbuf_append(sb, o->alias, alias_len);
    goat_strbuf_append(sb, ".Track(", sizeof ".Track(" - 1);
    goat_strbuf_append(sb, o->alias, alias_len);
    goat_strbuf_append(sb, ".TRACK_ID_", sizeof ".TRACK_ID_" - 1);
    goat_strbuf_append(sb, digits + sizeof digits - n, n);
    goat_strbuf_putc(sb, ')');
    return sb->data;
}

/* The same, malloc'd. */
static char *track_call(const goat_rewrite_options *o, int id)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    track_call_in(&sb, o, id);
    return goat_strbuf_detach(&sb, NULL);
}

static void quote_gap(goat_strbuf *sb, const char *s, size_t n)
{
    goat_strbuf_putc(sb, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        switch (ch) {
        case '"': goat_strbuf_puts(sb, "\\\""); break;
        case '\\': goat_strbuf_puts(sb, "\\\\"); break;
        case '\t': goat_strbuf_puts(sb, "\\t"); break;
        case '\r': goat_strbuf_puts(sb, "\\r"); break;
        case '\n': goat_strbuf_puts(sb, "\\n"); break;
        default:
            if (ch < 0x20 || ch == 0x7f)
                goat_strbuf_printf(sb, "\\x%02x", ch);
            else
                goat_strbuf_putc(sb, (char)ch);
        }
    }
    goat_strbuf_putc(sb, '"');
}

typedef struct gaps {
    goat_strbuf *items;
    size_t count, cap;
} gaps;

static void gaps_free(gaps *g)
{
    for (size_t i = 0; i < g->count; i++)
        goat_strbuf_free(&g->items[i]);
    free(g->items);
}

/* Reads the quoted gaps after " opened"; false when the hint is malformed. */
static bool parse_gaps(const char *h, size_t n, gaps *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    for (;;) {
        while (i < n && h[i] == ' ')
            i++;
        if (i == n || h[i] != '"')
            break;
        i++;
        goat_strbuf sb = GOAT_STRBUF_INIT;
        goat_strbuf_append(&sb, "", 0);
        bool closed = false;
        while (i < n) {
            char ch = h[i++];
            if (ch == '"') {
                closed = true;
                break;
            }
            if (ch == '\\' && i < n) {
                char e = h[i++];
                int hi, lo;
                if (e == 't')
                    ch = '\t';
                else if (e == 'r')
                    ch = '\r';
                else if (e == 'n')
                    ch = '\n';
                else if (e == 'x' && i + 1 < n && (hi = goat_hex_digit_value((unsigned char)h[i])) >= 0 &&
                         (lo = goat_hex_digit_value((unsigned char)h[i + 1])) >= 0) {
                    ch = (char)(hi * 16 + lo);
                    i += 2;
                } else
                    ch = e;
            }
            goat_strbuf_putc(&sb, ch);
        }
        goat_grow((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items);
        out->items[out->count++] = sb;
        if (!closed)
            return false;
    }
    return out->count >= 1;
}

/* The end of the comment starting at p (a gap holds no newline, so a
 * line comment cannot be in one; it would run to the gap's end). */
static size_t comment_end(const char *src, size_t p, size_t to)
{
    if (src[p + 1] == '/')
        return to;
    size_t q = p + 2;
    while (q + 1 < to && !(src[q] == '*' && src[q + 1] == '/'))
        q++;
    return q + 1 < to ? q + 2 : to;
}

static bool comment_at(const char *src, size_t p, size_t to)
{
    return p + 1 < to && src[p] == '/' && (src[p + 1] == '*' || src[p + 1] == '/');
}

/* The comments in src[from, to), part of a gap of a single-line body
 * (blanks, semicolons and comments): *cs..*ce spans them, verbatim;
 * false when there are none. */
static bool gap_comments(const char *src, size_t from, size_t to, size_t *cs, size_t *ce)
{
    bool any = false;
    for (size_t p = from; p < to; p++) {
        if (!comment_at(src, p, to))
            continue;
        if (!any)
            *cs = p;
        any = true;
        p = comment_end(src, p, to);
        *ce = p--;
    }
    return any;
}

/* Where a gap between two statements splits: the comments before its
 * first ';' stay with the statement before it, the rest go with the one
 * after it. */
static size_t gap_split(const char *src, size_t from, size_t to)
{
    for (size_t p = from; p < to; p++) {
        if (src[p] == ';')
            return p;
        if (comment_at(src, p, to))
            p = comment_end(src, p, to) - 1;
    }
    return to;
}

/* The width gofmt's alignment gives text: its UTF-8 characters. */
static size_t runes(const char *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xc0) != 0x80;
    return w;
}

/* Where a statement's text ends: a label with no statement after it (an
 * implicit empty one, which go/ast ends at the next token) ends at its
 * colon. */
static size_t stmt_end(const goat_node *s)
{
    if (s->kind == GOAT_LABELED_STMT && s->u.labeled.stmt && s->u.labeled.stmt->kind == GOAT_EMPTY_STMT &&
        s->u.labeled.stmt->u.empty_stmt.implicit)
        return (size_t)s->u.labeled.colon + 1;
    if (s->kind == GOAT_LABELED_STMT && s->u.labeled.stmt)
        return s->end == s->u.labeled.stmt->end ? stmt_end(s->u.labeled.stmt) : (size_t)s->end;
    return (size_t)s->end;
}

/* Whether a newline right after s would not end it: Go inserts no
 * semicolon after `goto` (a label must follow, but the parser takes
 * `goto;`), so that one keeps its ';'. */
static bool needs_semicolon(const goat_node *s)
{
    while (s->kind == GOAT_LABELED_STMT && s->u.labeled.stmt)
        s = s->u.labeled.stmt;
    return s->kind == GOAT_BRANCH_STMT && s->u.branch.tok == GOAT_TOK_GOTO && !s->u.branch.label;
}

/* Opens the single-line body onto separate lines, the block first, laid
 * out as gofmt lays out a body: one statement a line, indented one tab
 * deeper than its '}'. The '}' is indented like the line holding '{' once
 * the bodies around it are opened: src[ind, ind+ind_len) and as many more
 * tabs as tabs says. The hint records every gap as it was. */
static void open_body(goat_splices *edits, const char *src, size_t len, const goat_node *body, size_t ind,
                      size_t ind_len, int tabs, const char *word, const char *call, const goat_strbuf *extra)
{
    const char *nl = goat_line_ending_at(src, len, (size_t)body->u.block.lbrace);
    const goat_node_list *l = &body->u.block.list;
    size_t lb = (size_t)body->u.block.lbrace + 1, rb = (size_t)body->u.block.rbrace;

    goat_strbuf hint = GOAT_STRBUF_INIT;
    goat_strbuf_puts(&hint, opened_hint);
    size_t prev = lb;
    for (size_t i = 0; i <= l->count; i++) {
        size_t next = i < l->count ? (size_t)l->items[i]->pos : rb;
        goat_strbuf_putc(&hint, ' ');
        quote_gap(&hint, src + prev, next - prev);
        if (i < l->count)
            prev = stmt_end(l->items[i]);
    }
    if (extra && extra->len)
        goat_strbuf_append(&hint, extra->data, extra->len);

    /* Gap i runs from the end of statement i-1 (or '{') to the start of
     * statement i (or '}'). Its comments before its first ';' trail
     * statement i-1, aligned as gofmt aligns the comments ending
     * consecutive lines; the others get a line of their own above
     * statement i. */
    size_t n = l->count;
    size_t *from = goat_xcalloc(n + 2, sizeof *from), *to = goat_xcalloc(n + 2, sizeof *to);
    size_t *split = goat_xcalloc(n + 2, sizeof *split), *width = goat_xcalloc(n + 2, sizeof *width);
    size_t cs, ce;
    for (size_t i = 0; i <= n; i++) {
        from[i] = i == 0 ? lb : stmt_end(l->items[i - 1]);
        to[i] = i < n ? (size_t)l->items[i]->pos : rb;
        split[i] = i == 0 ? from[i] : i == n ? to[i] : gap_split(src, from[i], to[i]);
    }
    for (size_t i = 0; i < n; i++) {
        const goat_node *st = l->items[i];
        bool semicolon = i + 1 < n && needs_semicolon(st);
        width[i] = runes(src + st->pos, stmt_end(st) - (size_t)st->pos) + semicolon;
    }
    /* width becomes the blanks before the trailing comments, a run of
     * consecutive lines with trailing comments aligned on the widest */
    for (size_t i = 0; i < n;) {
        size_t j = i + 1, widest = width[i];
        if (gap_comments(src, from[i + 1], split[i + 1], &cs, &ce)) {
            while (j < n && gap_comments(src, from[j + 1], split[j + 1], &cs, &ce) &&
                   !gap_comments(src, split[j], to[j], &cs, &ce)) {
                widest = width[j] > widest ? width[j] : widest;
                j++;
            }
        }
        for (size_t k = i; k < j; k++)
            width[k] = widest - width[k] + 1;
        i = j;
    }
    goat_strbuf sb = GOAT_STRBUF_INIT;
    for (size_t i = 0; i <= n; i++) {
        if (i > 0 && i < n && needs_semicolon(l->items[i - 1]))
            goat_strbuf_putc(&sb, ';');
        if (i > 0 && gap_comments(src, from[i], split[i], &cs, &ce)) {
            for (size_t b = 0; b < width[i - 1]; b++)
                goat_strbuf_putc(&sb, ' ');
            goat_strbuf_append(&sb, src + cs, ce - cs);
        }
        goat_strbuf_puts(&sb, nl);
        if (i == 0)
            block_text(&sb, src + ind, ind_len, tabs + 1, word, hint.data, hint.len, call, nl);
        if (gap_comments(src, split[i], to[i], &cs, &ce)) {
            put_indent(&sb, src + ind, ind_len, tabs + 1);
            goat_strbuf_append(&sb, src + cs, ce - cs);
            goat_strbuf_puts(&sb, nl);
        }
        put_indent(&sb, src + ind, ind_len, i < n ? tabs + 1 : tabs);
        size_t len_text;
        char *t = goat_strbuf_detach(&sb, &len_text);
        goat_splices_add_owned(edits, from[i], to[i] - from[i], t, len_text);
    }
    free(from);
    free(to);
    free(split);
    free(width);
    goat_strbuf_free(&hint);
}

/* Applies the edits to src into out (sorting them); the caller frees
 * them, after reading where they fell if it needs to. */
static goat_error *apply_edits(goat_splices *edits, const char *filename, const char *src, size_t len,
                               goat_rewrite_result *out)
{
    char *text;
    size_t n;
    if (!goat_splices_apply(edits, src, len, &text, &n))
        return goat_error_new(filename, 0, 0, "internal error: overlapping edits");
    out->text = text;
    out->len = n;
    return NULL;
}

static goat_error *finish(goat_splices *edits, const char *filename, const char *src, size_t len,
                          goat_rewrite_result *out)
{
    goat_error *err = apply_edits(edits, filename, src, len, out);
    goat_splices_free(edits);
    return err;
}

static void map_offsets(const goat_splices *edits, size_t *offsets, size_t count);

/* finish, also mapping offsets[0, count) of src to the result. */
static goat_error *finish_mapped(goat_splices *edits, const char *filename, const char *src, size_t len,
                                 goat_rewrite_result *out, size_t *offsets, size_t count)
{
    goat_error *err = apply_edits(edits, filename, src, len, out);
    if (!err)
        map_offsets(edits, offsets, count);
    goat_splices_free(edits);
    return err;
}

/* The braces of each function declaration's body, in offset order:
 * what goat_rewrite_track tells the check of its output about the input. */
typedef struct body_span {
    size_t lbrace, rbrace;
} body_span;

static body_span *function_bodies(const goat_node *file, size_t *count)
{
    const goat_node_list *decls = &file->u.file.decls;
    body_span *spans = goat_xcalloc(decls->count + 1, sizeof *spans);
    size_t n = 0;
    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (d->kind == GOAT_FUNC_DECL && d->u.func_decl.body)
            spans[n++] = (body_span){(size_t)d->u.func_decl.body->u.block.lbrace,
                                     (size_t)d->u.func_decl.body->u.block.rbrace};
    }
    *count = n;
    return spans;
}

/* The bodies no edit touched, and where they begin in the result (edits
 * as goat_splices_apply leaves them: sorted, not overlapping, so their
 * ends ascend too). An edit touches a body when it deletes or inserts
 * anything from just before the '{' to just after the '}', to be safe at
 * the edges; the others are copied byte for byte and only move. */
static goat_known_body *untouched_bodies(const goat_splices *edits, const body_span *bodies, size_t count,
                                         size_t *out_count)
{
    goat_known_body *known = goat_xcalloc(count + 1, sizeof *known);
    size_t *at = goat_xcalloc(count + 1, sizeof *at);
    size_t n = 0, e = 0;
    for (size_t i = 0; i < count; i++) {
        while (e < edits->count && edits->items[e].offset + edits->items[e].del < bodies[i].lbrace)
            e++;
        if (e == edits->count || edits->items[e].offset > bodies[i].rbrace + 1) {
            known[n].from = at[n] = bodies[i].lbrace;
            known[n].len = bodies[i].rbrace - bodies[i].lbrace + 1;
            n++;
        }
    }
    map_offsets(edits, at, n);
    for (size_t i = 0; i < n; i++)
        known[i].at = at[i];
    free(at);
    *out_count = n;
    return known;
}

/* finish, also telling where the input's untouched function bodies are
 * in the result (goat_rewrite_result.known_bodies). */
static goat_error *finish_known(goat_splices *edits, const char *filename, const char *src, size_t len,
                                goat_rewrite_result *out, const body_span *bodies, size_t body_count)
{
    goat_error *err = apply_edits(edits, filename, src, len, out);
    if (!err)
        out->known_bodies = untouched_bodies(edits, bodies, body_count, &out->known_body_count);
    goat_splices_free(edits);
    return err;
}

static goat_error *parse(goat_arena *arena, const char *filename, const char *src, size_t len, goat_node **file)
{
    goat_arena_init(arena);
    goat_error *err = goat_parse_file(arena, filename, src, len, file);
    if (err)
        goat_arena_free(arena);
    return err;
}

/* ---- blocks that can be removed ---- */

typedef struct overlap_check {
    const goat_markers *marks;
    bool (*removed)(const goat_marker *m);
    const goat_marker *block; /* the first block found overlapping a node */
    const goat_node *node;
    bool foreign;             /*   or holding code goat did not write */
    const goat_marker *call;  /* the last block whose one call was seen */
} overlap_check;

/* The last removed block starting at or before offset, or NULL. */
static const goat_marker *block_at_or_before(const overlap_check *c, size_t offset)
{
    const goat_marker *found = NULL;
    size_t lo = 0, hi = c->marks->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->marks->items[mid].start <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i-- > 0 && !found;)
        if (c->removed(&c->marks->items[i]))
            found = &c->marks->items[i];
    return found;
}

static bool overlap_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    overlap_check *c = arg;
    if (c->block || n->pos < 0 || n->end <= n->pos)
        return c->block == NULL;
    size_t pos = (size_t)n->pos, end = (size_t)n->end;
    /* a node starting inside a block must end inside it ... */
    const goat_marker *b = block_at_or_before(c, pos);
    if (b && pos < b->end && end > b->end) {
        c->block = b;
        c->node = n;
        return false;
    }
    /* ... and one ending inside a block must start inside it, but for the
     * nodes that end where their last statement ends (case and select
     * clauses, labeled statements): losing whole statements leaves them
     * whole, the statements of a block being whole statements themselves */
    b = block_at_or_before(c, end - 1);
    if (b && pos < b->start && end > b->start && end <= b->end && n->kind != GOAT_CASE_CLAUSE &&
        n->kind != GOAT_COMM_CLAUSE && n->kind != GOAT_LABELED_STMT) {
        c->block = b;
        c->node = n;
        return false;
    }
    /* A generate, main or delete block (a generate block whose point is
     * to go) holds goat's one call and nothing else: any other statement
     * in it (user code, or a marker-like line in a raw string that made
     * the block reach further) would go with it. */
    b = block_at_or_before(c, pos);
    bool statement = n->kind >= GOAT_BAD_STMT && n->kind <= GOAT_RANGE_STMT;
    if (statement && b && pos >= b->start && end <= b->end &&
        (b->kind == GOAT_MARKER_GENERATE || b->kind == GOAT_MARKER_MAIN || b->kind == GOAT_MARKER_DELETE)) {
        bool call = n->kind == GOAT_EXPR_STMT && n->u.expr_stmt.x && n->u.expr_stmt.x->kind == GOAT_CALL_EXPR;
        if (!call || c->call == b) {
            c->block = b;
            c->node = n;
            c->foreign = true;
            return false;
        }
        c->call = b;
    }
    return true;
}

/* Removing a block must not cut code in two: one whose // +goat:end was
 * moved (or whose code was edited) could take half a statement with it and
 * leave a file that no longer compiles. Nor may it take code goat did not
 * write with it. Such a block is an error naming it, rather than broken
 * output or lost code. */
static goat_error *check_removable(const char *filename, const goat_node *file, const char *src, size_t len,
                                   const goat_markers *marks, bool (*removed)(const goat_marker *m))
{
    overlap_check c = {marks, removed, NULL, NULL, false, NULL};
    goat_ast_inspect(file, overlap_visit, &c);
    if (!c.block)
        return NULL;
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    int last_line, from_line, to_line, col;
    goat_lines_position(&lines, c.block->end > 0 ? c.block->end - 1 : 0, &last_line, &col);
    goat_lines_position(&lines, (size_t)c.node->pos, &from_line, &col);
    goat_lines_position(&lines, (size_t)c.node->end - 1, &to_line, &col);
    goat_lines_free(&lines);
    const char *word = src + c.block->start + c.block->indent_len;
    if (c.foreign)
        return goat_error_new(filename, c.block->line, (int)c.block->indent_len + 1,
                              "%.*s block (to line %d) holds code goat did not write (line %d): move that "
                              "code out of the block, or remove the block by hand",
                              (int)(src + c.block->hint - word), word, last_line, from_line);
    return goat_error_new(filename, c.block->line, (int)c.block->indent_len + 1,
                          "%.*s block (to line %d) overlaps the code of lines %d to %d: it no longer holds "
                          "whole statements, and removing it would cut that code in two",
                          (int)(src + c.block->hint - word), word, last_line, from_line, to_line);
}

static bool removed_by_clean(const goat_marker *m)
{
    (void)m;
    return true;
}

/* patch removes delete blocks, and writes a generate block anew when its
 * Track call is gone */
static bool replaced_by_patch(const goat_marker *m)
{
    return m->kind == GOAT_MARKER_DELETE || m->kind == GOAT_MARKER_GENERATE;
}

/* The parsed file and its marker blocks; on failure nothing to free. */
static goat_error *parse_with_markers(goat_arena *arena, const char *filename, const char *src, size_t len,
                                      goat_node **file, goat_markers *marks)
{
    goat_error *err = parse(arena, filename, src, len, file);
    if (err)
        return err;
    if ((err = goat_markers_find(filename, src, len, *file, marks)))
        goat_arena_free(arena);
    return err;
}

/* Splits a line that starts with comments (or a function's '{' line, a
 * head): after them a line ending, the block, and the line's indentation
 * (one tab deeper for a head) before its code, in place of the blanks
 * between them (which the hint records). word is "generate" or "main". */
static void split_line(goat_splices *edits, const char *src, size_t len, const goat_place *p, const char *word,
                       const char *call, const goat_strbuf *extra)
{
    const char *nl = goat_line_ending_at(src, len, p->offset);
    goat_strbuf hint = GOAT_STRBUF_INIT;
    goat_strbuf_puts(&hint, split_hint);
    goat_strbuf_putc(&hint, ' ');
    quote_gap(&hint, src + p->offset, p->split_len);
    if (extra && extra->len)
        goat_strbuf_append(&hint, extra->data, extra->len);
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_puts(&sb, nl);
    block_text(&sb, src + p->indent, p->indent_len, p->tabs, word, hint.data, hint.len, call, nl);
    put_indent(&sb, src + p->indent, p->indent_len, p->head ? p->tabs : 0);
    size_t n;
    char *t = goat_strbuf_detach(&sb, &n);
    goat_splices_add_owned(edits, p->offset, p->split_len, t, n);
    goat_strbuf_free(&hint);
}

/* Refuses goat code at the offsets at[0..count) (ascending) where the
 * alias would not name the goat package (clash.h). */
static goat_error *check_alias(const char *filename, const char *src, size_t len, const goat_node *file,
                               const goat_markers *marks, const goat_rewrite_options *opts, const size_t *at,
                               size_t count)
{
    goat_clash_own own = {0};
    const goat_node **imports = NULL;
    own.import_count = goat_import_find_goat(file, src, marks, opts->alias, opts->import_path,
                                             opts->tree_import_paths, &imports);
    own.imports = imports;
    goat_clash_range *blocks = goat_xcalloc((marks ? marks->count : 0) + 1, sizeof *blocks);
    for (size_t i = 0; marks && i < marks->count; i++)
        if (marks->items[i].kind != GOAT_MARKER_USER)
            blocks[own.code_count++] = (goat_clash_range){marks->items[i].start, marks->items[i].end};
    own.code = blocks;
    goat_error *err = goat_clash_check(filename, src, len, file, opts->alias, &own, at, count);
    free(blocks);
    free(imports);
    return err;
}

/* Gives the input's tree to the source of the package's counts, which
 * then need not parse the file again. */
static void tell_parsed(const goat_rewrite_options *opts, const goat_node *file, const char *src, size_t len)
{
    const goat_funcname_before *b = opts->names_before;
    if (b && b->parsed)
        b->parsed(b->ctx, file, src, len);
}

static goat_error *track(const char *filename, const char *src, size_t len, const goat_lineset *new_lines,
                         const goat_rewrite_options *opts, goat_rewrite_result *out)
{
    memset(out, 0, sizeof *out);
    goat_arena arena;
    goat_node *file;
    goat_error *err = parse(&arena, filename, src, len, &file);
    if (err)
        return err;
    tell_parsed(opts, file, src, len);
    /* one table of line starts for placing, aligning and describing, one
     * of func words for placing and naming */
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    goat_func_words words;
    goat_func_words_find(&words, src, len);
    goat_places places;
    goat_place_blocks(file, src, len, &lines, &words, new_lines, opts->granularity, &places);
    size_t *at = goat_xcalloc(places.count + 1, sizeof *at);
    for (size_t i = 0; i < places.count; i++)
        at[i] = places.items[i].offset;
    if (places.count > 0)
        err = check_alias(filename, src, len, file, NULL, opts, at, places.count);
    free(at);
    if (err) {
        goat_lines_free(&lines);
        goat_func_words_free(&words);
        goat_places_free(&places);
        goat_arena_free(&arena);
        return err;
    }
    goat_splices edits = GOAT_SPLICES_INIT;
    goat_strbuf *hints = goat_xcalloc(places.count + 1, sizeof *hints);
    goat_align_plan(file, src, len, &lines, &places, &edits, hints);
    goat_strbuf call_buf = GOAT_STRBUF_INIT;
    for (size_t i = 0; i < places.count; i++) {
        const goat_place *p = &places.items[i];
        const char *call = track_call_in(&call_buf, opts, opts->first_id + (int)i);
        if (p->opened) {
            open_body(&edits, src, len, p->opened, p->indent, p->indent_len, p->tabs, "generate", call, &hints[i]);
        } else if (p->split) {
            split_line(&edits, src, len, p, "generate", call, &hints[i]);
        } else {
            splice_block(&edits, p->offset, 0, src + p->indent, p->indent_len, p->tabs, "generate",
                         hints[i].data ? hints[i].data : "", hints[i].len, call,
                         goat_line_ending_at(src, len, p->offset));
        }
        goat_strbuf_free(&hints[i]);
    }
    goat_strbuf_free(&call_buf);
    free(hints);
    out->points = (int)places.count;
    if (places.count > 0) {
        out->lines = goat_xcalloc(places.count, sizeof *out->lines);
        size_t *offsets = goat_xcalloc(places.count, sizeof *offsets);
        for (size_t i = 0; i < places.count; i++) {
            out->lines[i] = places.items[i].line;
            offsets[i] = places.items[i].offset;
        }
        if (opts->table)
            out->table = describe(file, src, len, &lines, &words, offsets, NULL, places.count, new_lines, opts);
        free(offsets);
    }
    if (places.count > 0)
        goat_import_add(file, src, len, opts->alias, opts->import_path, &edits);
    size_t body_count = 0;
    body_span *bodies = function_bodies(file, &body_count);
    goat_func_words_free(&words);
    goat_lines_free(&lines);
    goat_places_free(&places);
    goat_arena_free(&arena);
    err = finish_known(&edits, filename, src, len, out, bodies, body_count);
    free(bodies);
    return err;
}

typedef struct track_call_args {
    const char *filename;
    const char *src;
    size_t len;
    const goat_lineset *new_lines;
    const goat_rewrite_options *opts;
    goat_rewrite_result *out;
    goat_error *err;
} track_call_args;

static void track_on_stack(void *arg)
{
    track_call_args *a = arg;
    a->err = track(a->filename, a->src, a->len, a->new_lines, a->opts, a->out);
}

/* The placement walk recurses once per nesting level, as the parse does:
 * both run on a stack sized for the file (where the parse then needs no
 * thread of its own). */
goat_error *goat_rewrite_track(const char *filename, const char *src, size_t len,
                               const goat_lineset *new_lines, const goat_rewrite_options *opts,
                               goat_rewrite_result *out)
{
    track_call_args a = {filename, src, len, new_lines, opts, out, NULL};
    goat_run_with_parse_stack(len, track_on_stack, &a);
    return a.err;
}

/* ---- patch ---- */

static goat_error *clean(const char *filename, const char *src, size_t len, const goat_rewrite_options *opts,
                         goat_rewrite_result *out, size_t *offsets, size_t count);

/* The hint of a block goat patch made from a +goat:insert. */
static const char insert_hint[] = " insert";

static bool made_by_insert(const goat_marker *m, const char *src)
{
    size_t n = sizeof insert_hint - 1;
    return m->hint_len >= n && memcmp(src + m->hint, insert_hint, n) == 0 &&
           (m->hint_len == n || src[m->hint + n] == ' ');
}

/* Maps ascending offsets of a text through edits that goat_splices_apply
 * has applied (and so sorted): an offset inside a replaced range goes to
 * the start of its replacement, one after an edit moves with the text. */
static void map_offsets(const goat_splices *edits, size_t *offsets, size_t count)
{
    size_t e = 0;
    ptrdiff_t delta = 0;
    for (size_t i = 0; i < count; i++) {
        size_t x = offsets[i];
        bool inside = false;
        for (; e < edits->count && edits->items[e].offset <= x; e++) {
            const goat_splice *sp = &edits->items[e];
            if (sp->del > 0 && x < sp->offset + sp->del) {
                inside = true;
                break;
            }
            delta += (ptrdiff_t)sp->insert_len - (ptrdiff_t)sp->del;
        }
        offsets[i] = inside ? (size_t)((ptrdiff_t)edits->items[e].offset + delta) : (size_t)((ptrdiff_t)x + delta);
    }
}

/* The table of a patched text: where its tracking blocks are in the text
 * clean would restore, described there as goat_rewrite_track describes
 * the blocks it places, so that a point keeps its row across patches. */
static goat_error *patch_table(const char *filename, const goat_rewrite_options *opts, goat_rewrite_result *out)
{
    goat_markers marks;
    goat_error *err = goat_markers_find(filename, out->text, out->len, NULL, &marks);
    if (err)
        return err;
    size_t *offsets = goat_xcalloc(marks.count + 1, sizeof *offsets);
    bool *insert = goat_xcalloc(marks.count + 1, sizeof *insert);
    size_t count = 0;
    for (size_t i = 0; i < marks.count; i++) {
        if (marks.items[i].kind != GOAT_MARKER_GENERATE)
            continue;
        offsets[count] = marks.items[i].start;
        insert[count++] = made_by_insert(&marks.items[i], out->text);
    }
    goat_markers_free(&marks);
    goat_rewrite_result cleaned;
    if ((int)count != out->points)
        err = goat_error_new(filename, 0, 0, "internal error: the patched file has %zu blocks, not %d", count,
                             out->points);
    else
        err = clean(filename, out->text, out->len, opts, &cleaned, offsets, count);
    if (!err) {
        goat_arena arena;
        goat_node *file;
        if ((err = parse(&arena, filename, cleaned.text, cleaned.len, &file)) == NULL) {
            goat_lines lines;
            goat_lines_init(&lines, cleaned.text, cleaned.len);
            goat_func_words words;
            goat_func_words_find(&words, cleaned.text, cleaned.len);
            out->table = describe(file, cleaned.text, cleaned.len, &lines, &words, offsets, insert, count,
                                  opts->changed, opts);
            goat_func_words_free(&words);
            goat_lines_free(&lines);
            goat_arena_free(&arena);
        }
        goat_rewrite_result_free(&cleaned);
    }
    free(offsets);
    free(insert);
    return err;
}

static void renumber(goat_splices *edits, const char *src, size_t len, const goat_marker *m,
                     const goat_rewrite_options *opts, int id, pcre2_code *re, pcre2_match_data *md)
{
    char *call = track_call(opts, id);
    int rc = pcre2_match(re, (PCRE2_SPTR)src, m->end, m->start, 0, md, NULL);
    if (rc >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        goat_splices_add(edits, ov[0], ov[1] - ov[0], call, strlen(call));
    } else {
        splice_block(edits, m->start, m->end - m->start, src + m->start, m->indent_len, 0, "generate",
                     src + m->hint, m->hint_len, call, goat_line_ending_at(src, len, m->start));
    }
    free(call);
}

/* A file keeping blocks keeps one goat import, opts->alias
 * "opts->import_path"; a file whose deletes removed its last block keeps
 * none; any other file keeps that import as it is. goat's other imports
 * (an earlier alias or path) always go. When one did, the import is added
 * to the result afterwards (*add_later): added now, at its sorted place,
 * it could fall inside the text a removal takes. */
static goat_error *patch_imports(const char *filename, const goat_node *file, const char *src, size_t len,
                                 const goat_markers *marks, const goat_rewrite_options *opts, bool keep,
                                 bool deleted, goat_splices *edits, bool *add_later)
{
    *add_later = false;
    const goat_node **own = NULL;
    size_t own_count = goat_import_find_goat(file, src, marks, opts->alias, opts->import_path,
                                             opts->tree_import_paths, &own);
    goat_error *err = NULL;
    bool dropped = false;
    for (size_t i = 0; i < own_count && !err; i++) {
        if ((keep || !deleted) && goat_import_is(own[i], opts->alias, opts->import_path))
            continue;
        err = goat_import_drop(filename, file, src, len, own[i], marks, true, edits);
        dropped = true;
    }
    free(own);
    if (!err && keep && dropped)
        *add_later = true;
    else if (!err && keep)
        goat_import_add(file, src, len, opts->alias, opts->import_path, edits);
    return err;
}

/* Adds the goat import to out's text. */
static goat_error *add_import(const char *filename, const goat_rewrite_options *opts, goat_rewrite_result *out)
{
    goat_arena arena;
    goat_node *file;
    goat_error *err = parse(&arena, filename, out->text, out->len, &file);
    if (err)
        return err;
    goat_splices edits = GOAT_SPLICES_INIT;
    goat_import_add(file, out->text, out->len, opts->alias, opts->import_path, &edits);
    goat_rewrite_result added = {0};
    err = finish(&edits, filename, out->text, out->len, &added);
    goat_arena_free(&arena);
    if (!err) {
        free(out->text);
        out->text = added.text;
        out->len = added.len;
    }
    return err;
}

/* patch writes a Track call into an insert block, and into a generate
 * block whose call is gone: only where a statement may stand (an edit
 * can leave a block elsewhere). A generate block keeping its call is
 * renumbered where it is. */
static goat_error *check_call_positions(const char *filename, const goat_node *file, const char *src,
                                        const goat_markers *marks, pcre2_code *re, pcre2_match_data *md)
{
    for (size_t i = 0; i < marks->count; i++) {
        const goat_marker *m = &marks->items[i];
        if (m->kind != GOAT_MARKER_INSERT && m->kind != GOAT_MARKER_GENERATE)
            continue;
        if (m->kind == GOAT_MARKER_GENERATE && pcre2_match(re, (PCRE2_SPTR)src, m->end, m->start, 0, md, NULL) >= 0)
            continue;
        goat_stmt_position where = goat_place_statement_position(file, (goat_pos)(m->start + m->indent_len));
        if (where == GOAT_POSITION_STATEMENT)
            continue;
        bool insert = m->kind == GOAT_MARKER_INSERT;
        const char *what = where == GOAT_POSITION_OUTSIDE_FUNCTION ? "is not inside a function body"
                           : where == GOAT_POSITION_AFTER_LOOP_LABEL
                               ? "stands between a label and the loop, switch or select it labels"
                               : "is not at a statement position";
        const char *fix = !insert ? "remove the block, from this line to its // +goat:end, by hand"
                          : where == GOAT_POSITION_AFTER_LOOP_LABEL ? "move it above the label"
                          : where == GOAT_POSITION_OUTSIDE_FUNCTION
                              ? "move it into a function body, on a line between two statements"
                              : "move it to a line of its own between two statements";
        return goat_error_new(filename, m->line, (int)m->indent_len + 1, "+goat:%s %s: %s",
                              insert ? "insert" : "generate", what, fix);
    }
    return NULL;
}

goat_error *goat_rewrite_patch(const char *filename, const char *src, size_t len,
                               const goat_rewrite_options *opts, goat_rewrite_result *out)
{
    memset(out, 0, sizeof *out);
    goat_arena arena;
    goat_node *file;
    goat_markers marks;
    goat_error *err = parse_with_markers(&arena, filename, src, len, &file, &marks);
    if (err)
        return err;
    tell_parsed(opts, file, src, len);
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "([A-Za-z_][A-Za-z0-9_]*)\\.Track\\(\\1\\.TRACK_ID_[0-9]+\\)",
                                   PCRE2_ZERO_TERMINATED, 0, &errcode, &erroff, NULL);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    size_t *at = goat_xcalloc(marks.count + 1, sizeof *at);
    size_t at_count = 0;
    for (size_t i = 0; i < marks.count; i++)
        if (marks.items[i].kind == GOAT_MARKER_INSERT || marks.items[i].kind == GOAT_MARKER_GENERATE)
            at[at_count++] = marks.items[i].start;
    err = check_call_positions(filename, file, src, &marks, re, md);
    if (!err)
        err = check_removable(filename, file, src, len, &marks, replaced_by_patch);
    if (!err && at_count > 0)
        err = check_alias(filename, src, len, file, &marks, opts, at, at_count);
    free(at);
    if (err) {
        pcre2_match_data_free(md);
        pcre2_code_free(re);
        goat_markers_free(&marks);
        goat_arena_free(&arena);
        return err;
    }

    goat_splices edits = GOAT_SPLICES_INIT;
    int id = opts->first_id;
    int deletes = 0, mains = 0;
    for (size_t i = 0; i < marks.count; i++) {
        const goat_marker *m = &marks.items[i];
        switch (m->kind) {
        case GOAT_MARKER_DELETE:
            goat_splices_add(&edits, m->start, m->end - m->start, "", 0);
            deletes++;
            break;
        case GOAT_MARKER_INSERT: {
            char *call = track_call(opts, id++);
            splice_block(&edits, m->start, m->end - m->start, src + m->start, m->indent_len, 0, "generate",
                         insert_hint, sizeof insert_hint - 1, call, goat_line_ending_at(src, len, m->start));
            free(call);
            break;
        }
        case GOAT_MARKER_GENERATE:
            renumber(&edits, src, len, m, opts, id++, re, md);
            break;
        case GOAT_MARKER_MAIN:
            mains++;
            break;
        case GOAT_MARKER_USER:
            break;
        }
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    out->points = id - opts->first_id;
    bool add_later = false;
    err = patch_imports(filename, file, src, len, &marks, opts, out->points > 0 || mains > 0, deletes > 0, &edits,
                        &add_later);
    goat_markers_free(&marks);
    goat_arena_free(&arena);
    if (err) {
        goat_splices_free(&edits);
        return err;
    }
    err = finish(&edits, filename, src, len, out);
    if (!err && add_later)
        err = add_import(filename, opts, out);
    if (!err && out->points > 0 && opts->table)
        err = patch_table(filename, opts, out);
    if (err)
        goat_rewrite_result_free(out);
    return err;
}

/* ---- main entry ---- */

/* Whether a general comment of file runs across offset at: it begins
 * before at and ends after it. */
static bool comment_across(const goat_node *file, size_t at)
{
    size_t i = goat_first_comment_from(file, at);
    return i > 0 && (size_t)file->u.file.comments[i - 1].end > at;
}

goat_error *goat_rewrite_main_entry(const char *filename, const char *src, size_t len,
                                    const goat_rewrite_options *opts, int component,
                                    goat_rewrite_result *out)
{
    memset(out, 0, sizeof *out);
    goat_arena arena;
    goat_node *file;
    goat_markers marks;
    goat_error *err = parse_with_markers(&arena, filename, src, len, &file, &marks);
    if (err)
        return err;
    bool has_main = false;
    for (size_t i = 0; i < marks.count; i++)
        if (marks.items[i].kind == GOAT_MARKER_MAIN)
            has_main = true;
    goat_markers_free(&marks);
    const goat_node *body = NULL;
    for (size_t i = 0; i < file->u.file.decls.count; i++) {
        const goat_node *d = file->u.file.decls.items[i];
        if (d->kind == GOAT_FUNC_DECL && !d->u.func_decl.recv && d->u.func_decl.body &&
            strcmp(d->u.func_decl.name->u.ident.name, "main") == 0 && !d->u.func_decl.type->u.func_type.type_params)
            body = d->u.func_decl.body;
    }
    goat_splices edits = GOAT_SPLICES_INIT;
    if (!body || has_main) {
        goat_arena_free(&arena);
        if (!body && !has_main)
            return goat_error_new(filename, 0, 0, "no func main with a body");
        return finish(&edits, filename, src, len, out);
    }
    char *call = goat_xasprintf("%s.ServeHTTP(%s.COMPONENT_%d)", opts->alias, opts->alias, component);
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    int lb_line, rb_line, col;
    goat_lines_position(&lines, (size_t)body->u.block.lbrace, &lb_line, &col);
    goat_lines_position(&lines, (size_t)body->u.block.rbrace, &rb_line, &col);
    size_t ls = goat_lines_start(&lines, lb_line);
    size_t ind = ls;
    while (ind < len && (src[ind] == ' ' || src[ind] == '\t'))
        ind++;
    /* A first statement that starts no line (on the line of '{', or after
     * a comment begun there; layouts gofmt never leaves): the block splits
     * its line before it, as a tracking block does. */
    size_t split = 0, code = 0;
    bool head = lb_line != rb_line && goat_place_head(file, src, body, &split, &code);
    if (!head && lb_line != rb_line && comment_across(file, goat_lines_start(&lines, lb_line + 1))) {
        /* No statement follows, but a comment runs from the line of '{'
         * into the next, whose start is no place for the block: it splits
         * the line after the '{'. */
        head = true;
        split = (size_t)body->u.block.lbrace + 1;
        for (code = split; code < len && (src[code] == ' ' || src[code] == '\t'); code++)
            ;
    }
    size_t at = lb_line == rb_line ? (size_t)body->u.block.lbrace + 1
                : head            ? split
                                  : goat_lines_start(&lines, lb_line + 1);
    if ((err = check_alias(filename, src, len, file, NULL, opts, &at, 1))) {
        free(call);
        goat_lines_free(&lines);
        goat_arena_free(&arena);
        return err;
    }
    if (lb_line == rb_line) {
        open_body(&edits, src, len, body, ls, ind - ls, 0, "main", call, NULL);
    } else if (head) {
        goat_place p = {split, NULL, lb_line, ls, ind - ls, 1, true, code - split, true};
        split_line(&edits, src, len, &p, "main", call, NULL);
    } else
        splice_block(&edits, at, 0, src + ls, ind - ls, 1, "main", "", 0, call, goat_line_ending_at(src, len, ls));
    goat_lines_free(&lines);
    free(call);
    out->points = 0;
    goat_import_add(file, src, len, opts->alias, opts->import_path, &edits);
    goat_arena_free(&arena);
    return finish(&edits, filename, src, len, out);
}

/* ---- clean ---- */

static bool hint_is(const goat_marker *m, const char *src, const char *word)
{
    size_t n = strlen(word);
    return (m->kind == GOAT_MARKER_GENERATE || m->kind == GOAT_MARKER_MAIN) && m->hint_len >= n &&
           memcmp(src + m->hint, word, n) == 0;
}

static bool is_opened(const goat_marker *m, const char *src)
{
    return hint_is(m, src, opened_hint);
}

/* Undoes the split line of marks->items[i]: the line ending before the
 * block gives way to the blanks the hint records, and the block and the
 * indentation after it go. Blocks right before it (func main's, above a
 * split '{' line of func main) were inserted after that line ending: they
 * stand between the two and go on their own. */
static goat_error *join_line(goat_splices *edits, const char *filename, const char *src, size_t len,
                             const goat_markers *marks, size_t i)
{
    const goat_marker *m = &marks->items[i];
    gaps g;
    size_t n = sizeof split_hint - 1;
    bool ok = parse_gaps(src + m->hint + n, m->hint_len - n, &g) && g.count == 1;
    size_t run = m->start;
    for (size_t j = i; j > 0 && marks->items[j - 1].end == run && !is_opened(&marks->items[j - 1], src); j--)
        run = marks->items[j - 1].start;
    size_t nl = run, to = m->end;
    if (ok && nl > 0 && src[nl - 1] == '\n') {
        nl--;
        if (nl > 0 && src[nl - 1] == '\r')
            nl--;
    } else {
        ok = false;
    }
    while (to < len && (src[to] == ' ' || src[to] == '\t'))
        to++;
    if (ok) {
        goat_splices_add(edits, nl, run - nl, g.items[0].data ? g.items[0].data : "", g.items[0].len);
        goat_splices_add(edits, m->start, to - m->start, "", 0);
    }
    gaps_free(&g);
    if (!ok)
        return goat_error_new(filename, m->line, (int)m->indent_len + 1,
                              "malformed +goat split hint, or the lines around the block were changed: put the "
                              "block back as goat wrote it, or remove it and rejoin the lines by hand");
    return NULL;
}

/* Gaps of opened bodies as clean restores them: other blocks inside one
 * (func main's right before a tracked one-line main, one `goat patch` put
 * between the statements) go with it. */
typedef struct gap_range {
    size_t from, to;
} gap_range;

typedef struct gap_ranges {
    gap_range *items;
    size_t count, cap;
} gap_ranges;

static void add_range(gap_ranges *r, size_t from, size_t to)
{
    goat_grow((void **)&r->items, &r->cap, r->count + 1, sizeof *r->items);
    r->items[r->count++] = (gap_range){from, to};
}

static int cmp_range(const void *a, const void *b)
{
    const gap_range *x = a, *y = b;
    return (x->from > y->from) - (x->from < y->from);
}

/* Whether [start, end) lies in one of the (sorted, disjoint) ranges. */
static bool in_range(const gap_ranges *r, size_t start, size_t end)
{
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->items[mid].from <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && end <= r->items[lo - 1].to;
}

/* The block statements whose '{' is at one of the offsets braces[0..n). */
typedef struct body_find {
    const size_t *braces; /* sorted */
    size_t n;
    const goat_node **bodies;
} body_find;

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

static bool body_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    body_find *f = arg;
    if (n->kind == GOAT_BLOCK_STMT && n->u.block.lbrace != GOAT_NOPOS) {
        size_t lb = (size_t)n->u.block.lbrace;
        const size_t *hit = bsearch(&lb, f->braces, f->n, sizeof lb, cmp_size);
        if (hit)
            f->bodies[hit - f->braces] = n;
    }
    return true;
}

/* Undoes an opened body (NULL when its '{' opens no block): the statements
 * after the block get back the gaps the hint records. */
static goat_error *close_body(goat_splices *edits, const char *filename, const char *src, const goat_marker *m,
                              const goat_node *body, gap_ranges *ranges, size_t *closing)
{
    gaps g;
    size_t n = sizeof opened_hint - 1;
    if (!parse_gaps(src + m->hint + n, m->hint_len - n, &g)) {
        gaps_free(&g);
        return goat_error_new(filename, m->line, (int)m->indent_len + 1,
                              "malformed +goat opened hint: put the block back as goat wrote it, or remove it "
                              "and rejoin the body by hand");
    }
    size_t stmts = g.count - 1, first = 0;
    const goat_node_list *l = body ? &body->u.block.list : NULL;
    while (l && first < l->count && (size_t)l->items[first]->pos < m->end)
        first++;
    if (!l || l->count - first != stmts) {
        gaps_free(&g);
        return goat_error_new(filename, m->line, (int)m->indent_len + 1,
                              "the body opened by goat no longer has the shape its hint records: put back the "
                              "statements it held, or remove the block and rejoin the body by hand");
    }
    size_t from = (size_t)body->u.block.lbrace + 1;
    for (size_t i = 0; i <= stmts; i++) {
        size_t to = i < stmts ? (size_t)l->items[first + i]->pos : (size_t)body->u.block.rbrace;
        goat_splices_add(edits, from, to - from, g.items[i].data ? g.items[i].data : "", g.items[i].len);
        add_range(ranges, from, to);
        if (i < stmts)
            from = stmt_end(l->items[first + i]);
    }
    *closing = (size_t)body->u.block.rbrace;
    gaps_free(&g);
    return NULL;
}

/* The '{' an opened block follows: blocks right before it (func main's
 * block above a tracked one-line main) stand between them. */
static goat_error *opened_brace(const char *filename, const char *src, const goat_markers *marks, size_t i,
                                size_t *brace)
{
    size_t start = marks->items[i].start;
    for (size_t j = i; j > 0 && marks->items[j - 1].end == start && !is_opened(&marks->items[j - 1], src); j--)
        start = marks->items[j - 1].start;
    size_t b = start;
    if (b > 0 && src[b - 1] == '\n')
        b--;
    if (b > 0 && src[b - 1] == '\r')
        b--;
    if (b == 0 || src[b - 1] != '{')
        return goat_error_new(filename, marks->items[i].line, (int)marks->items[i].indent_len + 1,
                              "+goat opened block does not follow a '{'");
    *brace = b - 1;
    return NULL;
}

/* Whether src names an import path of the goat package anywhere. */
static bool mentions_goat_package(const char *src, size_t len, const goat_rewrite_options *opts)
{
    if (goat_find(src, len, opts->import_path, strlen(opts->import_path)))
        return true;
    for (size_t i = 0; opts->tree_import_paths && opts->tree_import_paths[i]; i++)
        if (goat_find(src, len, opts->tree_import_paths[i], strlen(opts->tree_import_paths[i])))
            return true;
    return false;
}

/* goat_rewrite_clean; also maps offsets[0, count) (ascending) of src to
 * the cleaned text, as map_offsets says. */
static goat_error *clean(const char *filename, const char *src, size_t len, const goat_rewrite_options *opts,
                         goat_rewrite_result *out, size_t *offsets, size_t count)
{
    memset(out, 0, sizeof *out);
    goat_splices edits = GOAT_SPLICES_INIT;
    /* most files of a module hold no block and no goat import: they are
     * not even parsed */
    if (!goat_markers_possible(src, len) && !mentions_goat_package(src, len, opts))
        return finish(&edits, filename, src, len, out);
    goat_arena arena;
    goat_node *file;
    goat_markers marks;
    goat_error *err = parse_with_markers(&arena, filename, src, len, &file, &marks);
    if (err)
        return err;
    if ((err = check_removable(filename, file, src, len, &marks, removed_by_clean))) {
        goat_markers_free(&marks);
        goat_arena_free(&arena);
        return err;
    }
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    /* First the opened bodies, then every block not in one of their gaps. */
    size_t *braces = goat_xcalloc(marks.count + 1, sizeof *braces);
    size_t *opened = goat_xcalloc(marks.count + 1, sizeof *opened);
    size_t nopened = 0;
    for (size_t i = 0; i < marks.count && !err; i++)
        if (is_opened(&marks.items[i], src) && !(err = opened_brace(filename, src, &marks, i, &braces[nopened])))
            opened[nopened++] = i;
    body_find find = {braces, nopened, goat_xcalloc(nopened + 1, sizeof *find.bodies)};
    if (!err && nopened > 0)
        goat_ast_inspect(file, body_visit, &find);
    size_t *after = goat_xcalloc(marks.count + 1, sizeof *after);
    gap_ranges ranges = {NULL, 0, 0};
    for (size_t k = 0; k < nopened && !err; k++)
        err = close_body(&edits, filename, src, &marks.items[opened[k]], find.bodies[k], &ranges,
                         &after[opened[k]]);
    if (ranges.count > 1)
        goat_sort(ranges.items, ranges.count, sizeof *ranges.items, cmp_range);
    for (size_t i = 0; i < marks.count && !err; i++) {
        const goat_marker *m = &marks.items[i];
        if (m->kind == GOAT_MARKER_GENERATE)
            out->points++;
        if (!is_opened(m, src)) {
            if (in_range(&ranges, m->start, m->end))
                continue;
            if (hint_is(m, src, split_hint))
                err = join_line(&edits, filename, src, len, &marks, i);
            else
                goat_splices_add(&edits, m->start, m->end - m->start, "", 0);
            after[i] = m->end > 0 ? m->end - 1 : 0;
        }
        const char *pad = goat_align_find_pad(src + m->hint, m->hint_len);
        if (pad && !err) {
            size_t from = (size_t)(pad - src) + 1, to = from;
            while (to < m->hint + m->hint_len && src[to] != ' ')
                to++;
            int after_line, col;
            goat_lines_position(&lines, after[i], &after_line, &col);
            err = goat_align_restore(filename, file, src, len, src + from, to - from, m->line, after_line, &edits);
        }
    }
    free(ranges.items);
    free(after);
    free(find.bodies);
    free(opened);
    free(braces);
    goat_lines_free(&lines);
    const goat_node **own = NULL;
    size_t own_count = err ? 0
                           : goat_import_find_goat(file, src, &marks, opts->alias, opts->import_path,
                                                   opts->tree_import_paths, &own);
    for (size_t i = 0; i < own_count && !err; i++)
        err = goat_import_drop(filename, file, src, len, own[i], &marks, false, &edits);
    free(own);
    goat_markers_free(&marks);
    goat_arena_free(&arena);
    if (err) {
        goat_splices_free(&edits);
        return err;
    }
    return finish_mapped(&edits, filename, src, len, out, offsets, count);
}

goat_error *goat_rewrite_clean(const char *filename, const char *src, size_t len,
                               const goat_rewrite_options *opts, goat_rewrite_result *out)
{
    return clean(filename, src, len, opts, out, NULL, 0);
}
