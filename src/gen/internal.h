/* SPDX-License-Identifier: MIT */
/* Internal to src/gen: what the renderer (gen.c) and the digest (digest.c)
 * share about the values they are given, and the embedded Go template. */
#ifndef GOAT_GEN_INTERNAL_H
#define GOAT_GEN_INTERNAL_H

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
 * line per component); the digest of such a text. */
void goat_gen_put_table(goat_strbuf *sb, const goat_gen_values *v, const goat_gen_runs *runs);
goat_error *goat_gen_hash_text(const char *table, size_t len, char digest[GOAT_GEN_DIGEST_LEN + 1]);

/* The row of TRACK_ID_<id>: v->points[id - 1], or an unknown location when
 * v->points is NULL; NULL strings read as "". */
goat_gen_point goat_gen_point_of(const goat_gen_values *v, int id);
const char *goat_gen_kind_name(goat_gen_point_kind kind);

/* Appends the row of TRACK_ID_<id> in the generated file's point table:
 * {"cmd/a.go", 12, "(*T).M", "12-14,17", "track"}. */
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
