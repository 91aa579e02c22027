/* SPDX-License-Identifier: MIT */
/* Internal to src/gen: what the renderer (gen.c) and the digest (digest.c)
 * share about the values they are given, and the embedded Go template. */
#ifndef GOAT_GEN_INTERNAL_H
#define GOAT_GEN_INTERNAL_H

#include <string.h>

#include "gen/gen.h"
#include "util/strbuf.h"

/* src/gen/template/template.go, NUL-terminated; written at build time by
 * src/gen/embed.sh. */
extern const unsigned char goat_gen_template[];
extern const size_t goat_gen_template_size;

/* A run of consecutive track IDs, first..last. */
typedef struct goat_gen_run {
    int first, last;
} goat_gen_run;

/* One component's track IDs as sorted, deduplicated runs. */
typedef struct goat_gen_runs {
    goat_gen_run *runs;
    size_t count;
} goat_gen_runs;

/* Where a row lies in goat_gen_put_table's text: render copies the rows
 * from there instead of formatting them twice. */
typedef struct goat_gen_span {
    size_t at, len;
} goat_gen_span;

/* A decimal number counted up by one: the tables number their lines
 * 1..N, and carrying a digit costs less than the divisions of
 * goat_gen_put_uint on each of hundreds of thousands of lines. */
typedef struct goat_gen_counter {
    char digits[24];
    size_t len;
} goat_gen_counter;

/* Starts c at 1, where the tables' numbers start. */
static inline void goat_gen_counter_init(goat_gen_counter *c)
{
    c->digits[0] = '1';
    c->len = 1;
}

static inline void goat_gen_counter_next(goat_gen_counter *c)
{
    size_t i = c->len;
    while (i > 0 && c->digits[i - 1] == '9')
        c->digits[--i] = '0';
    if (i > 0) {
        c->digits[i - 1]++;
    } else { /* 99 + 1: one digit more, all carried */
        c->digits[0] = '1';
        c->digits[c->len++] = '0';
    }
}

/* Room for n more bytes at the end of sb, written through the pointer
 * returned and closed with goat_gen_room_done(sb, end): a line of known
 * length without a bounds check and a NUL per piece. */
static inline char *goat_gen_room(goat_strbuf *sb, size_t n)
{
    if (sb->cap - sb->len <= n)
        goat_strbuf_reserve(sb, n);
    return sb->data + sb->len;
}

static inline void goat_gen_room_done(goat_strbuf *sb, char *end)
{
    *end = '\0';
    sb->len = (size_t)(end - sb->data);
}

static inline char *goat_gen_copy(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}

/* Checks v (the errors goat_gen_render documents), then computes the runs of
 * every component into *runs (v->component_count entries, freed with
 * goat_gen_runs_free). */
/* How the header's Settings line names the granularity (gen.c writes it,
 * settings.c reads it back). */
#define SETTINGS_GRANULARITY "granularity "

/* A name goat_gen_values.granularity may hold: lower-case ASCII letters,
 * shorter than GOAT_GEN_GRANULARITY_MAX. */
bool goat_gen_valid_granularity_name(const char *name);

goat_error *goat_gen_prepare(const goat_gen_values *v, goat_gen_runs **runs);
void goat_gen_runs_free(goat_gen_runs *runs, size_t count);

/* goat_gen_digest in two halves, for values goat_gen_prepare accepted, with
 * its runs: appends the text the digest is taken of (a line "point ID ROW"
 * per point in ID order, ROW as goat_gen_put_point_row writes it, then a
 * line per component), noting in rows (NULL, or track_id_count entries)
 * where each point's ROW lies in sb; the digest of such a text. */
void goat_gen_put_table(goat_strbuf *sb, const goat_gen_values *v, const goat_gen_runs *runs,
                        goat_gen_span *rows);
goat_error *goat_gen_hash_text(const char *table, size_t len, char digest[GOAT_GEN_DIGEST_LEN + 1]);

/* The row of TRACK_ID_<id>: v->points[id - 1], or an unknown location when
 * v->points is NULL; NULL strings read as "". */
goat_gen_point goat_gen_point_of(const goat_gen_values *v, int id);
const char *goat_gen_kind_name(goat_gen_point_kind kind);

/* Appends the row of TRACK_ID_<id> in the generated file's point table (a
 * raw string, a row a line): file, line, function, changed lines and kind,
 * separated by tabs, as in "cmd/a.go\t12\t(*T).M\t12-14,17\ttrack". A text
 * field is what a Go string literal holding it has between its quotes (see
 * goat_gen_put_go_string), a backquote escaped too (\x60): no tab, line end
 * or backquote is left raw in it. */
void goat_gen_put_point_row(goat_strbuf *sb, const goat_gen_values *v, int id);
/* Appends s (any bytes) as an interpreted Go string literal, quotes
 * included, holding exactly the bytes of s; controls, bytes that are not
 * UTF-8 and goat_utf8_misleading's runes are escapes in it, so that the
 * file shows what it holds. */
void goat_gen_put_go_string(goat_strbuf *sb, const char *s);
/* Appends a decimal number. */
void goat_gen_put_uint(goat_strbuf *sb, unsigned long v);
/* Appends runs as "1-3,5" (nothing for none). */
void goat_gen_put_runs(goat_strbuf *sb, const goat_gen_runs *runs);

#endif
