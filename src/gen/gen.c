/* SPDX-License-Identifier: MIT */
/* Renders the generated package: the embedded template with its
 * placeholders filled (the template's top comment describes them). */
#include "gen/gen.h"

#include <stdlib.h>
#include <string.h>

#include "gen/internal.h"
#include "util/xalloc.h"

typedef struct render_ctx {
    const goat_gen_values *v;
    const goat_gen_runs *runs; /* per component */
    const char *digest;
    const char *table; /* goat_gen_put_table's text */
    const goat_gen_span *rows; /* where each point's row lies in it */
} render_ctx;

static void put_bool(goat_strbuf *sb, bool b)
{
    goat_strbuf_puts(sb, b ? "true" : "false");
}

static void fill_package(goat_strbuf *sb, const render_ctx *c)
{
    goat_strbuf_printf(sb,
                       GOAT_GEN_HEADER "\n\n"
                       "// Package %s records which tracking points of the program ran and reports\n"
                       "// them over HTTP: /metrics in the Prometheus text format and /track as JSON\n"
                       "// (see goat(1)). goat track writes this file and goat clean removes it.\n"
                       "//\n"
                       "// Settings: dataType %s, race %s",
                       c->v->package_name, c->v->data_type == GOAT_GEN_DATA_COUNT ? "count" : "bool",
                       c->v->race ? "true" : "false");
    if (c->v->granularity && *c->v->granularity)
        goat_strbuf_printf(sb, ", " SETTINGS_GRANULARITY "%s", c->v->granularity);
    goat_strbuf_printf(sb, ".\npackage %s\n\n", c->v->package_name);
}

static void put_const_string(goat_strbuf *sb, const char *name, const char *value)
{
    goat_strbuf_puts(sb, "const ");
    goat_strbuf_puts(sb, name);
    goat_strbuf_puts(sb, " = ");
    goat_gen_put_go_string(sb, value ? value : "");
    goat_strbuf_putc(sb, '\n');
}

static void fill_name(goat_strbuf *sb, const render_ctx *c)
{
    put_const_string(sb, "NAME", c->v->app_name);
}

static void fill_version(goat_strbuf *sb, const render_ctx *c)
{
    put_const_string(sb, "VERSION", c->v->app_version);
}

static void fill_commit(goat_strbuf *sb, const render_ctx *c)
{
    put_const_string(sb, "commit", c->v->commit);
}

static void fill_digest(goat_strbuf *sb, const render_ctx *c)
{
    put_const_string(sb, "digest", c->digest);
}

static void fill_count_data(goat_strbuf *sb, const render_ctx *c)
{
    goat_strbuf_puts(sb, "const countData = ");
    put_bool(sb, c->v->data_type == GOAT_GEN_DATA_COUNT);
    goat_strbuf_putc(sb, '\n');
}

static void fill_race(goat_strbuf *sb, const render_ctx *c)
{
    goat_strbuf_puts(sb, "const raceSafe = ");
    put_bool(sb, c->v->race);
    goat_strbuf_putc(sb, '\n');
}

static void fill_track_ids(goat_strbuf *sb, const render_ctx *c)
{
    goat_gen_counter id;
    goat_gen_counter_init(&id);
    for (int i = 0; i < c->v->track_id_count; i++, goat_gen_counter_next(&id)) {
        char *o = goat_gen_room(sb, sizeof "\t" GOAT_GEN_TRACK_ID_PREFIX "\n" - 1 + id.len);
        o = goat_gen_copy(o, "\t" GOAT_GEN_TRACK_ID_PREFIX, sizeof "\t" GOAT_GEN_TRACK_ID_PREFIX - 1);
        o = goat_gen_copy(o, id.digits, id.len);
        *o++ = '\n';
        goat_gen_room_done(sb, o);
    }
}

static void fill_component_ids(goat_strbuf *sb, const render_ctx *c)
{
    if (c->v->component_count == 0)
        return;
    goat_strbuf_puts(sb, "// The components: goat inserts ServeHTTP(COMPONENT_N) at the top of the\n"
                         "// main function of each selected main package.\n"
                         "const (\n\t" GOAT_GEN_COMPONENT_PREFIX "0 = iota\n");
    for (size_t i = 1; i < c->v->component_count; i++) {
        goat_strbuf_puts(sb, "\t" GOAT_GEN_COMPONENT_PREFIX);
        goat_gen_put_uint(sb, i);
        goat_strbuf_putc(sb, '\n');
    }
    goat_strbuf_puts(sb, ")\n\n");
}

static void fill_component_names(goat_strbuf *sb, const render_ctx *c)
{
    for (size_t i = 0; i < c->v->component_count; i++) {
        goat_strbuf_putc(sb, '\t');
        goat_gen_put_go_string(sb, c->v->components[i].name ? c->v->components[i].name : "");
        goat_strbuf_puts(sb, ",\n");
    }
}

enum { RUNS_PER_LINE = 8 };

static void put_run(goat_strbuf *sb, goat_gen_run run)
{
    goat_strbuf_putc(sb, '{');
    goat_gen_put_uint(sb, (unsigned long)run.first);
    goat_strbuf_puts(sb, ", ");
    goat_gen_put_uint(sb, (unsigned long)run.last);
    goat_strbuf_putc(sb, '}');
}

static void fill_component_ranges(goat_strbuf *sb, const render_ctx *c)
{
    for (size_t i = 0; i < c->v->component_count; i++) {
        const goat_gen_runs *r = &c->runs[i];
        goat_strbuf_puts(sb, "\t{");
        if (r->count <= RUNS_PER_LINE) {
            for (size_t k = 0; k < r->count; k++) {
                if (k > 0)
                    goat_strbuf_puts(sb, ", ");
                put_run(sb, r->runs[k]);
            }
        } else {
            for (size_t k = 0; k < r->count; k++) {
                goat_strbuf_puts(sb, k % RUNS_PER_LINE == 0 ? "\n\t\t" : " ");
                put_run(sb, r->runs[k]);
                goat_strbuf_putc(sb, ',');
            }
            goat_strbuf_puts(sb, "\n\t");
        }
        goat_strbuf_puts(sb, "},\n");
    }
}

/* One raw string, a row a line, continuing the template's `"" +`. The rows
 * are the table's (goat_gen_put_table): formatted once for the digest and
 * copied here. */
static void fill_points(goat_strbuf *sb, const render_ctx *c)
{
    if (c->v->track_id_count == 0)
        return;
    goat_strbuf_puts(sb, "\t`");
    for (int i = 0; i < c->v->track_id_count; i++) {
        const goat_gen_span *row = &c->rows[i];
        char *o = goat_gen_room(sb, row->len + 1);
        o = goat_gen_copy(o, c->table + row->at, row->len);
        *o++ = '\n';
        goat_gen_room_done(sb, o);
    }
    goat_strbuf_puts(sb, "` +\n");
}

static const struct fill {
    const char *name;
    void (*put)(goat_strbuf *sb, const render_ctx *c);
} fills[] = {
    {"package", fill_package},
    {"name", fill_name},
    {"version", fill_version},
    {"commit", fill_commit},
    {"digest", fill_digest},
    {"count_data", fill_count_data},
    {"race", fill_race},
    {"track_ids", fill_track_ids},
    {"component_ids", fill_component_ids},
    {"component_names", fill_component_names},
    {"component_ranges", fill_component_ranges},
    {"points", fill_points},
};
enum { FILL_COUNT = sizeof fills / sizeof fills[0] };

static const char *line_end(const char *p)
{
    const char *nl = strchr(p, '\n');
    return nl ? nl + 1 : p + strlen(p);
}

static const char *skip_indent(const char *p)
{
    while (*p == '\t' || *p == ' ')
        p++;
    return p;
}

/* If p starts with prefix followed by a name ([a-z_]+) that ends the line,
 * returns the name's length and points *name at it; otherwise 0. */
static size_t marker_at(const char *p, const char *prefix, const char **name)
{
    size_t plen = strlen(prefix);
    if (strncmp(p, prefix, plen) != 0)
        return 0;
    const char *q = p + plen;
    while ((*q >= 'a' && *q <= 'z') || *q == '_')
        q++;
    if (q == p + plen || (*q != '\n' && *q != '\0'))
        return 0;
    *name = p + plen;
    return (size_t)(q - *name);
}

/* A line that is only "// fill:NAME" (after its indentation) starts a block
 * that a "// end:NAME" line closes. */
static size_t block_start(const char *line, const char **name)
{
    return marker_at(skip_indent(line), "// fill:", name);
}

/* A line of code that ends in " // fill:NAME" is replaced as a whole. */
static size_t line_fill(const char *line, const char *end, const char **name)
{
    const char *code = skip_indent(line);
    for (const char *p = code; p < end; p++) {
        size_t len;
        if (p > code && *p == ' ' && (len = marker_at(p + 1, "// fill:", name)) > 0)
            return len;
    }
    return 0;
}

static int line_number(const char *text, const char *p)
{
    int n = 1;
    for (const char *q = text; q < p; q++)
        n += *q == '\n';
    return n;
}

/* The template is ours: an error here is a bug in it, which the tests catch. */
static goat_error *template_error(const char *text, const char *at, const char *what, size_t len,
                                  const char *name)
{
    return goat_error_new(NULL, 0, 0, "generated package: template line %d: %s %.*s", line_number(text, at),
                          what, (int)len, name);
}

static goat_error *render_template(goat_strbuf *sb, const render_ctx *c)
{
    const char *text = (const char *)goat_gen_template;
    bool used[FILL_COUNT] = {false};
    const char *p = text, *name;
    size_t len;
    /* Above the first placeholder is the template's own preamble. */
    while (*p && !block_start(p, &name) && !line_fill(p, line_end(p), &name))
        p = line_end(p);
    while (*p) {
        const char *end = line_end(p), *next = end;
        bool block = (len = block_start(p, &name)) > 0;
        if (!block && !(len = line_fill(p, end, &name))) {
            goat_strbuf_append(sb, p, (size_t)(end - p));
            p = end;
            continue;
        }
        size_t f = 0;
        while (f < FILL_COUNT && (strlen(fills[f].name) != len || strncmp(fills[f].name, name, len) != 0))
            f++;
        if (f == FILL_COUNT || used[f])
            return template_error(text, p, f == FILL_COUNT ? "unknown placeholder" : "placeholder used twice",
                                  len, name);
        used[f] = true;
        if (block) {
            const char *end_name;
            size_t end_len = 0;
            while (*next && !((end_len = marker_at(skip_indent(next), "// end:", &end_name)) == len &&
                              strncmp(end_name, name, len) == 0))
                next = line_end(next);
            if (!*next)
                return template_error(text, p, "no end line for", len, name);
            next = line_end(next);
        }
        size_t before = sb->len;
        fills[f].put(sb, c);
        /* gofmt writes an empty list as {} on one line. */
        if (block && sb->len == before && sb->len >= 2 && memcmp(sb->data + sb->len - 2, "{\n", 2) == 0 &&
            *skip_indent(next) == '}') {
            sb->data[--sb->len] = '\0';
            next = skip_indent(next);
        }
        p = next;
    }
    for (size_t f = 0; f < FILL_COUNT; f++)
        if (!used[f])
            return template_error(text, text, "placeholder not found:", strlen(fills[f].name), fills[f].name);
    return NULL;
}

/* At most 4 bytes of a Go string literal per byte of s (\xNN), and its
 * quotes. */
static size_t quoted_bound(const char *s)
{
    return s ? 4 * strlen(s) + 2 : 2;
}

/* An upper bound of the rendered text's length, reserved at once so that
 * the megabytes of a large table are not copied as the buffer grows: the
 * template with its placeholders; per point a line in the ID block and a
 * row, six bytes more than its table line ("point N ROW\n" against
 * "\tTRACK_ID_N\n" and "\tROW,\n"); per component its name (in the table
 * too), its ID line and its runs as {first, last}, wrapped. */
static size_t render_bound(const goat_gen_values *v, const goat_gen_runs *runs, size_t table_len)
{
    size_t n = goat_gen_template_size + table_len + 6 * (size_t)v->track_id_count;
    n += 2 * quoted_bound(v->package_name) + quoted_bound(v->app_name) + quoted_bound(v->app_version) +
         quoted_bound(v->commit) + quoted_bound(v->granularity) + GOAT_GEN_DIGEST_LEN;
    for (size_t i = 0; i < v->component_count; i++)
        n += 64 + runs[i].count * (2 * 24 + 8);
    return n;
}

goat_error *goat_gen_render(const goat_gen_values *v, char **text, size_t *len)
{
    *text = NULL;
    if (len)
        *len = 0;
    goat_gen_runs *runs;
    goat_error *err = goat_gen_prepare(v, &runs);
    if (err)
        return err;
    goat_strbuf table = GOAT_STRBUF_INIT;
    goat_strbuf_reserve(&table, 0); /* data is not NULL even for an empty table */
    goat_gen_span *rows = goat_xcalloc((size_t)v->track_id_count + 1, sizeof *rows);
    goat_gen_put_table(&table, v, runs, rows);
    char digest[GOAT_GEN_DIGEST_LEN + 1];
    err = goat_gen_hash_text(table.data, table.len, digest);
    if (err) {
        free(rows);
        goat_strbuf_free(&table);
        goat_gen_runs_free(runs, v->component_count);
        return err;
    }
    render_ctx c = {v, runs, digest, table.data, rows};
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_reserve(&sb, render_bound(v, runs, table.len));
    err = render_template(&sb, &c);
    free(rows);
    goat_strbuf_free(&table);
    goat_gen_runs_free(runs, v->component_count);
    if (err) {
        goat_strbuf_free(&sb);
        return err;
    }
    *text = goat_strbuf_detach(&sb, len);
    return NULL;
}
