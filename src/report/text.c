/* SPDX-License-Identifier: MIT */
/* Writer: the report for a terminal, in the manner of `go tool cover -func`. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report/writer.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

typedef struct style {
    const char *bold, *green, *yellow, *red, *dim, *reset;
} style;

static const style colored = {"\033[1m", "\033[32m", "\033[33m", "\033[31m", "\033[2m", "\033[0m"};
static const style plain = {"", "", "", "", "", ""};

/* Green when everything ran, red when nothing did, yellow in between. */
static const char *shade(const style *st, size_t covered, size_t total)
{
    return covered == total ? st->green : covered == 0 ? st->red : st->yellow;
}

static void put_ratio(goat_strbuf *sb, const style *st, size_t covered, size_t total)
{
    char pct[GOAT_REPORT_PERCENT_SIZE];
    goat_report_format_percent(pct, covered, total);
    char counts[48];
    snprintf(counts, sizeof counts, "%zu/%zu", covered, total);
    goat_strbuf_printf(sb, "%9s  %s%6s%s\n", counts, shade(st, covered, total), pct, st->reset);
}

/* A name from the sources (a file, function, component, the app) as the
 * terminal shows it: with what a terminal would act on or that would
 * reorder the line as escapes (goat_report_put_line). Freed by the caller. */
static char *shown(const char *s)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_report_put_line(&sb, s, strlen(s), goat_strbuf_append, goat_strbuf_append);
    return goat_strbuf_detach(&sb, NULL);
}

static void put_groups(goat_strbuf *sb, const style *st, const char *title, const goat_report_group *groups,
                       size_t count)
{
    if (!count)
        return;
    goat_strbuf_printf(sb, "\n%s%s%s\n", st->bold, title, st->reset);
    char **names = goat_xcalloc(count, sizeof *names);
    size_t w = 0;
    for (size_t i = 0; i < count; i++) {
        names[i] = shown(groups[i].name);
        if (strlen(names[i]) > w)
            w = strlen(names[i]);
    }
    w = w > 60 ? 60 : w;
    for (size_t i = 0; i < count; i++) {
        goat_strbuf_printf(sb, "  %-*s", (int)w, names[i]);
        put_ratio(sb, st, groups[i].covered, groups[i].total);
        free(names[i]);
    }
    free(names);
}

static void put_functions(goat_strbuf *sb, const style *st, const goat_report_summary *s)
{
    if (!s->function_count)
        return;
    goat_strbuf_printf(sb, "\n%sby function%s\n", st->bold, st->reset);
    size_t w_place = 0, w_name = 0;
    char **places = goat_xcalloc(s->function_count, sizeof *places);
    char **names = goat_xcalloc(s->function_count, sizeof *names);
    for (size_t i = 0; i < s->function_count; i++) {
        char *file = shown(s->functions[i].file);
        places[i] = goat_xasprintf("%s:%d", file, s->functions[i].line);
        names[i] = shown(s->functions[i].name);
        free(file);
        if (strlen(places[i]) > w_place)
            w_place = strlen(places[i]);
        if (strlen(names[i]) > w_name)
            w_name = strlen(names[i]);
    }
    w_place = w_place > 50 ? 50 : w_place;
    w_name = w_name > 30 ? 30 : w_name;
    for (size_t i = 0; i < s->function_count; i++) {
        const goat_report_group *g = &s->functions[i];
        goat_strbuf_printf(sb, "  %-*s  %-*s", (int)w_place, places[i], (int)w_name, names[i]);
        put_ratio(sb, st, g->covered, g->total);
        free(places[i]);
        free(names[i]);
    }
    free(places);
    free(names);
}

static void put_sources(goat_strbuf *sb, const style *st, const goat_report *r)
{
    goat_strbuf_printf(sb, "\n%ssources%s\n", st->bold, st->reset);
    for (size_t i = 0; i < r->source_count; i++) {
        const goat_report_source *src = &r->sources[i];
        if (src->problem)
            goat_strbuf_printf(sb, "  %s  %sno answer%s: %s\n", src->name, st->red, st->reset, src->problem);
        else
            goat_strbuf_printf(sb, "  %s  %zu points, %zu ran\n", src->name, src->points, src->covered);
    }
}

/* The code a point that did not run stands for, one line each, from f (NULL
 * with why set when the file cannot be read). */
static void put_code(goat_strbuf *sb, const style *st, const goat_report_point *p, const goat_report_file_text *f,
                     const char *why)
{
    if (!f) {
        goat_strbuf_printf(sb, "      %s(no source: %s)%s\n", st->dim, why, st->reset);
        return;
    }
    goat_report_range *ranges;
    size_t count;
    goat_report_point_ranges(p, &ranges, &count);
    for (size_t r = 0; r < count; r++) {
        for (int line = ranges[r].first; line <= ranges[r].last; line++) {
            size_t n;
            const char *text = goat_report_file_line(f, line, &n);
            if (!text) {
                goat_strbuf_printf(sb, "      %s(line %d is past the end of the file)%s\n", st->dim, line, st->reset);
                break;
            }
            goat_strbuf_printf(sb, "  %s%6d%s  ", st->dim, line, st->reset);
            goat_report_put_line(sb, text, n, goat_strbuf_append, goat_strbuf_append);
            goat_strbuf_putc(sb, '\n');
        }
    }
    free(ranges);
}

static int by_place(const void *a, const void *b)
{
    const goat_report_point *x = *(const goat_report_point *const *)a, *y = *(const goat_report_point *const *)b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

static void put_not_run(goat_strbuf *sb, const style *st, const goat_report *r, goat_report_code *code)
{
    size_t missing = r->point_count - r->covered;
    if (!missing)
        return;
    goat_strbuf_printf(sb, "\n%s%sdid not run: %zu point%s%s\n", st->bold, st->red, missing, missing == 1 ? "" : "s",
                       st->reset);
    /* In file and line order, as a reader walks the code. */
    const goat_report_point **order = goat_xcalloc(missing, sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < r->point_count; i++)
        if (r->points[i].count == 0)
            order[n++] = &r->points[i];
    goat_sort(order, n, sizeof *order, by_place);
    /* In that order the points of a file are neighbours: each file is read
     * (and its lines indexed) once. */
    goat_report_file_text f;
    bool open = false;
    char *why = NULL;
    for (size_t i = 0; i < n; i++) {
        const goat_report_point *p = order[i];
        char *file = shown(p->file), *func = shown(p->func);
        goat_strbuf_printf(sb, "  %s%s:%d%s: %s (TRACK_ID_%d)\n", st->red, file, p->line, st->reset, func, p->id);
        free(file);
        free(func);
        if (!code)
            continue;
        if (i == 0 || strcmp(order[i - 1]->file, p->file) != 0) {
            if (open)
                goat_report_file_text_close(&f);
            free(why);
            why = NULL;
            goat_error *err = goat_report_file_text_open(code, p->file, &f);
            open = !err;
            if (err) {
                why = goat_error_format(err);
                goat_error_free(err);
            }
        }
        put_code(sb, st, p, open ? &f : NULL, why);
    }
    if (open)
        goat_report_file_text_close(&f);
    free(why);
    free(order);
}

static void put_unreported(goat_strbuf *sb, const style *st, const goat_report *r)
{
    size_t n;
    int *ids = goat_report_unreported(r, &n);
    if (n) {
        goat_strbuf_printf(sb, "\n%sin no component the sources report: %zu point%s, not counted above%s\n ",
                           st->bold, n, n == 1 ? "" : "s", st->reset);
        for (size_t i = 0; i < n; i++)
            goat_strbuf_printf(sb, "%s TRACK_ID_%d", i ? "," : "", ids[i]);
        goat_strbuf_printf(sb, "\n  %s(in a package no main package imports, which no program goat knows can run,\n"
                               "  or in a component no source serves; the point table of goat_generated.go\n"
                               "  says where)%s\n",
                           st->dim, st->reset);
    }
    free(ids);
}

char *goat_report_text(const goat_report *r, goat_report_code *code, bool color)
{
    const style *st = color ? &colored : &plain;
    goat_strbuf sb = GOAT_STRBUF_INIT;
    char pct[GOAT_REPORT_PERCENT_SIZE];
    goat_report_format_percent(pct, r->covered, r->point_count);
    goat_strbuf_printf(&sb, "%s%zu tracking point%s, %zu ran%s (%s%s%s)\n", st->bold, r->point_count,
                       r->point_count == 1 ? "" : "s", r->covered, st->reset,
                       shade(st, r->covered, r->point_count), pct, st->reset);
    if (r->digest) {
        char *app = shown(r->app ? r->app : "(unknown)"), *version = shown(r->version ? r->version : "(unknown)");
        goat_strbuf_printf(&sb, "app %s, version %s, commit %.12s, point table %s, %s mode\n", app, version,
                           r->commit, r->digest, r->mode == GOAT_REPORT_COUNT ? "count" : "bool");
        free(app);
        free(version);
    }
    put_sources(&sb, st, r);
    goat_report_summary s;
    goat_report_summarize(r, &s);
    put_groups(&sb, st, "by component", s.components, s.component_count);
    put_groups(&sb, st, "by file", s.files, s.file_count);
    put_functions(&sb, st, &s);
    goat_report_summary_free(&s);
    put_not_run(&sb, st, r, code);
    put_unreported(&sb, st, r);
    return goat_strbuf_detach(&sb, NULL);
}
