/* SPDX-License-Identifier: MIT */
/* The values the generated package is made from: their checks, the
 * components' track IDs as runs, and Go string literals. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gen/internal.h"
#include "gen/limits.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Go keywords, plus the names a package cannot usefully take: "main" makes a
 * command, which cannot be imported, and "init" cannot be referred to. */
static const char *const reserved_names[] = {
    "break",  "case",   "chan",      "const", "continue", "default", "defer",
    "else",   "fallthrough", "for",  "func",  "go",       "goto",    "if",
    "import", "interface", "map",    "package", "range",  "return",  "select",
    "struct", "switch", "type",      "var",   "_",        "main",    "init",
};

static bool is_ascii_letter(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool goat_gen_valid_package_name(const char *name)
{
    if (!name || !is_ascii_letter((unsigned char)name[0]))
        return false;
    for (const char *p = name + 1; *p; p++)
        if (!is_ascii_letter((unsigned char)*p) && !(*p >= '0' && *p <= '9'))
            return false;
    for (size_t i = 0; i < sizeof reserved_names / sizeof reserved_names[0]; i++)
        if (strcmp(name, reserved_names[i]) == 0)
            return false;
    return true;
}

/* Bytes a Go string literal holds as they are: printable ASCII but the
 * quote and the backslash. */
static inline bool plain_byte(unsigned char c)
{
    return (unsigned char)(c - 0x20) < 0x5F && c != '"' && c != '\\';
}

/* The bytes a field of the point table (a raw string) holds as they are:
 * plain bytes but the backquote, which would end the raw string. */
static inline bool plain_field_byte(unsigned char c)
{
    return plain_byte(c) && c != '`';
}

/* Whether a word of 8 bytes holds only bytes plain_field_byte takes: none
 * below 0x20 or above 0x7E, no quote, no backslash, no backquote. Each
 * test is the classic "has a byte less than" of a word, exact as a yes or
 * no. */
static inline bool plain_word(uint64_t x)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t quote = x ^ ones * '"', backslash = x ^ ones * '\\', backquote = x ^ ones * '`';
    uint64_t below_space = (x - ones * 0x20) & ~x;
    uint64_t above_tilde = (x + ones * (0x7F - 0x7E)) | x; /* 0x7F and up reach the high bit */
    uint64_t is_quote = (quote - ones) & ~quote, is_backslash = (backslash - ones) & ~backslash;
    uint64_t is_backquote = (backquote - ones) & ~backquote;
    return ((below_space | above_tilde | is_quote | is_backslash | is_backquote) & highs) == 0;
}

/* Whether the n bytes at s all go into a field of the point table as they
 * are: nearly every path, function name and line list does, and the table
 * holds three per point. Eight bytes at a time, the last word overlapping
 * the one before it. */
static bool all_plain(const char *s, size_t n)
{
    if (n < 8) {
        bool plain = true;
        for (size_t i = 0; i < n; i++)
            plain &= plain_field_byte((unsigned char)s[i]);
        return plain;
    }
    uint64_t w;
    for (size_t i = 0; i + 8 < n; i += 8) {
        memcpy(&w, s + i, 8);
        if (!plain_word(w))
            return false;
    }
    memcpy(&w, s + n - 8, 8);
    return plain_word(w);
}

/* Appends what a Go string literal holding the n bytes at s has between
 * its quotes; in_raw: for a raw string (a field of the point table), where
 * a backquote is escaped too. */
static void put_go_text(goat_strbuf *sb, const char *s, size_t n, bool in_raw)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        /* Most text (paths, function names, line lists) is printable ASCII
         * with nothing to escape: copied a run at a time, as the point table
         * holds a few strings per point and can have a hundred thousand. */
        size_t plain = i;
        while (plain < n && plain_field_byte(p[plain]))
            plain++;
        if (plain > i) {
            goat_strbuf_append(sb, s + i, plain - i);
            i = plain;
            continue;
        }
        unsigned char c = p[i];
        uint32_t rune;
        size_t len = goat_utf8_decode(p + i, n - i, &rune);
        char esc = 0;
        switch (c) {
        case '"': esc = '"'; break;
        case '\\': esc = '\\'; break;
        case '\a': esc = 'a'; break;
        case '\b': esc = 'b'; break;
        case '\f': esc = 'f'; break;
        case '\n': esc = 'n'; break;
        case '\r': esc = 'r'; break;
        case '\t': esc = 't'; break;
        case '\v': esc = 'v'; break;
        }
        if (esc) {
            char pair[2] = {'\\', esc};
            goat_strbuf_append(sb, pair, 2);
            i++;
        } else if (len == 0 || c < 0x20 || c == 0x7F || (c == '`' && in_raw)) {
            char x[4] = {'\\', 'x', hex[c >> 4], hex[c & 0xF]};
            goat_strbuf_append(sb, x, 4);
            i++;
        } else if (len > 1 && goat_utf8_misleading(rune)) {
            /* \uXXXX, or \UXXXXXXXX past the Basic Multilingual Plane (the tags). */
            int digits = rune > 0xFFFF ? 8 : 4;
            char u[10] = {'\\', digits == 8 ? 'U' : 'u'};
            for (int d = 0; d < digits; d++)
                u[2 + d] = hex[rune >> 4 * (digits - 1 - d) & 0xF];
            goat_strbuf_append(sb, u, (size_t)(2 + digits));
            i += len;
        } else {
            goat_strbuf_append(sb, s + i, len);
            i += len;
        }
    }
}

void goat_gen_put_go_string(goat_strbuf *sb, const char *s)
{
    goat_strbuf_putc(sb, '"');
    put_go_text(sb, s, strlen(s), false);
    goat_strbuf_putc(sb, '"');
}

/* Writes v in decimal ending just before end; returns where it starts. */
static char *format_uint(char *end, unsigned long v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

/* Without printf: the point table can run to hundreds of thousands of lines. */
void goat_gen_put_uint(goat_strbuf *sb, unsigned long v)
{
    char digits[24];
    char *start = format_uint(digits + sizeof digits, v);
    goat_strbuf_append(sb, start, (size_t)(digits + sizeof digits - start));
}

void goat_gen_put_runs(goat_strbuf *sb, const goat_gen_runs *runs)
{
    for (size_t i = 0; i < runs->count; i++) {
        if (i > 0)
            goat_strbuf_putc(sb, ',');
        goat_gen_put_uint(sb, (unsigned long)runs->runs[i].first);
        if (runs->runs[i].last != runs->runs[i].first) {
            goat_strbuf_putc(sb, '-');
            goat_gen_put_uint(sb, (unsigned long)runs->runs[i].last);
        }
    }
}

const char *goat_gen_kind_name(goat_gen_point_kind kind)
{
    return kind == GOAT_GEN_POINT_INSERT ? "insert" : "track";
}

void goat_gen_put_point_row(goat_strbuf *sb, const goat_gen_values *v, int id)
{
    goat_gen_point p = goat_gen_point_of(v, id);
    size_t file_len = strlen(p.file), func_len = strlen(p.func), lines_len = strlen(p.lines);
    const char *kind = goat_gen_kind_name(p.kind);
    size_t kind_len = strlen(kind);
    char number[24];
    char *line = format_uint(number + sizeof number, (unsigned long)p.line);
    size_t line_len = (size_t)(number + sizeof number - line);
    if (!all_plain(p.file, file_len) || !all_plain(p.func, func_len) || !all_plain(p.lines, lines_len)) {
        put_go_text(sb, p.file, file_len, true);
        goat_strbuf_putc(sb, '\t');
        goat_strbuf_append(sb, line, line_len);
        goat_strbuf_putc(sb, '\t');
        put_go_text(sb, p.func, func_len, true);
        goat_strbuf_putc(sb, '\t');
        put_go_text(sb, p.lines, lines_len, true);
        goat_strbuf_putc(sb, '\t');
        goat_strbuf_append(sb, kind, kind_len);
        return;
    }
    /* Nothing to escape: the row's length is known, and it is written in
     * one piece (the table has a row per point, tens of thousands). */
    char *o = goat_gen_room(sb, 4 + file_len + line_len + func_len + lines_len + kind_len);
    o = goat_gen_copy(o, p.file, file_len);
    *o++ = '\t';
    o = goat_gen_copy(o, line, line_len);
    *o++ = '\t';
    o = goat_gen_copy(o, p.func, func_len);
    *o++ = '\t';
    o = goat_gen_copy(o, p.lines, lines_len);
    *o++ = '\t';
    o = goat_gen_copy(o, kind, kind_len);
    goat_gen_room_done(sb, o);
}

goat_gen_point goat_gen_point_of(const goat_gen_values *v, int id)
{
    goat_gen_point p = {"", 0, "", "", GOAT_GEN_POINT_TRACK};
    if (v->points) {
        p = v->points[id - 1];
        p.file = p.file ? p.file : "";
        p.func = p.func ? p.func : "";
        p.lines = p.lines ? p.lines : "";
    }
    return p;
}

goat_error *goat_gen_check_point_count(int count)
{
    int limit = goat_gen_max_points();
    if (count <= limit)
        return NULL;
    return goat_error_new(NULL, 0, 0, "%d tracking points, more than goat report reads (%d)", count, limit);
}

static goat_error *check_values(const goat_gen_values *v)
{
    if (!goat_gen_valid_package_name(v->package_name)) {
        goat_strbuf quoted = GOAT_STRBUF_INIT;
        goat_gen_put_go_string(&quoted, v->package_name ? v->package_name : "");
        goat_error *err = goat_error_new(
            NULL, 0, 0,
            "goatPackageName: %s is not a valid Go package name: want an ASCII identifier "
            "(letters, digits, underscores, not starting with a digit) that is not a Go "
            "keyword, \"_\", \"main\" or \"init\"",
            quoted.data);
        goat_strbuf_free(&quoted);
        return err;
    }
    if (v->data_type != GOAT_GEN_DATA_BOOL && v->data_type != GOAT_GEN_DATA_COUNT)
        return goat_error_new(NULL, 0, 0, "dataType: unknown data type %d: want 1 (bool) or 2 (count)",
                              (int)v->data_type);
    if (v->granularity && *v->granularity && !goat_gen_valid_granularity_name(v->granularity))
        return goat_error_new(NULL, 0, 0, "generated package: granularity name of %zu bytes that is not "
                              "lower-case ASCII letters", strlen(v->granularity));
    if (v->track_id_count < 0)
        return goat_error_new(NULL, 0, 0, "generated package: negative number of track IDs %d",
                              v->track_id_count);
    goat_error *err = goat_gen_check_point_count(v->track_id_count);
    if (err)
        return err;
    if (v->component_count > 0 && !v->components)
        return goat_error_new(NULL, 0, 0, "generated package: %zu components but no component list",
                              v->component_count);
    for (size_t c = 0; c < v->component_count; c++)
        if (v->components[c].track_id_count > 0 && !v->components[c].track_ids)
            return goat_error_new(NULL, 0, 0, "generated package: component %zu has no track ID list", c);
    for (int id = 1; v->points && id <= v->track_id_count; id++) {
        const goat_gen_point *p = &v->points[id - 1];
        if (p->line < 0)
            return goat_error_new(NULL, 0, 0, "generated package: TRACK_ID_%d has line %d", id, p->line);
        if (p->kind != GOAT_GEN_POINT_TRACK && p->kind != GOAT_GEN_POINT_INSERT)
            return goat_error_new(NULL, 0, 0, "generated package: TRACK_ID_%d has unknown kind %d", id,
                                  (int)p->kind);
    }
    return NULL;
}

static goat_error *compute_runs(const goat_gen_values *v, goat_gen_runs *out)
{
    /* A mark per ID; cleared after each component through its own list, so
     * the cost is the IDs listed plus one scan of 1..track_id_count. */
    unsigned char *seen = goat_xcalloc((size_t)v->track_id_count + 1, 1);
    goat_error *err = NULL;
    for (size_t c = 0; c < v->component_count && !err; c++) {
        const goat_gen_component *comp = &v->components[c];
        size_t marked = 0;
        for (size_t i = 0; i < comp->track_id_count; i++) {
            int id = comp->track_ids[i];
            if (id < 1 || id > v->track_id_count) {
                err = goat_error_new(NULL, 0, 0,
                                     "generated package: component %zu lists track ID %d, outside 1..%d",
                                     c, id, v->track_id_count);
                break;
            }
            marked += !seen[id];
            seen[id] = 1;
        }
        size_t cap = 0;
        for (int id = 1; !err && marked > 0 && id <= v->track_id_count; id++) {
            if (!seen[id])
                continue;
            goat_gen_runs *r = &out[c];
            if (r->count > 0 && r->runs[r->count - 1].last == id - 1) {
                r->runs[r->count - 1].last = id;
            } else {
                goat_grow((void **)&r->runs, &cap, r->count + 1, sizeof *r->runs);
                r->runs[r->count++] = (goat_gen_run){id, id};
            }
            if (--marked == 0)
                break;
        }
        for (size_t i = 0; i < comp->track_id_count; i++) {
            int id = comp->track_ids[i];
            if (id >= 1 && id <= v->track_id_count)
                seen[id] = 0;
        }
    }
    free(seen);
    return err;
}

goat_error *goat_gen_prepare(const goat_gen_values *v, goat_gen_runs **runs)
{
    *runs = NULL;
    goat_error *err = check_values(v);
    if (err)
        return err;
    goat_gen_runs *all = goat_xcalloc(v->component_count ? v->component_count : 1, sizeof *all);
    err = compute_runs(v, all);
    if (err) {
        goat_gen_runs_free(all, v->component_count);
        return err;
    }
    *runs = all;
    return NULL;
}

void goat_gen_runs_free(goat_gen_runs *runs, size_t count)
{
    if (!runs)
        return;
    for (size_t c = 0; c < count; c++)
        free(runs[c].runs);
    free(runs);
}
