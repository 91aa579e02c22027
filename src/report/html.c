/* SPDX-License-Identifier: MIT */
/* Writer: one self-contained HTML page (no script, no network, no external
 * asset), in the manner of `go tool cover -html`: the summary, then each
 * file with points, its changed lines green (ran) or red (did not run),
 * each also marked with a sign in the margin so that colour is not the only
 * cue, and its other lines as grey context. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report/writer.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

static const char style_sheet[] =
    "body{font-family:sans-serif;margin:1.5em;color:#1a1a1a;background:#fff}\n"
    "h1{font-size:1.4em}h2{font-size:1.1em;margin-top:1.6em}\n"
    "table{border-collapse:collapse}td,th{padding:2px 12px 2px 0;text-align:left}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".legend span{display:inline-block;padding:2px 10px;margin-right:1em;border:1px solid #999}\n"
    "pre{font-family:monospace;font-size:13px;line-height:1.35;tab-size:4;border:1px solid #ccc;padding:4px 0;"
    "overflow-x:auto}\n"
    "pre span.l{display:block;padding:0 8px}\n"
    "span.no{display:inline-block;width:4em;text-align:right;margin-right:1em;color:#777}\n"
    "span.m{display:inline-block;width:1.2em;font-weight:bold}\n"
    ".ran{background:#a8f0a0}.miss{background:#f5a3a3}.ctx{color:#6b6b6b}\n"
    "span.esc{color:#fff;background:#6b3fa0;border-radius:2px;padding:0 1px}\n";

static void put_escaped(goat_strbuf *sb, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        switch (s[i]) {
        case '&':
            goat_strbuf_puts(sb, "&amp;");
            break;
        case '<':
            goat_strbuf_puts(sb, "&lt;");
            break;
        case '>':
            goat_strbuf_puts(sb, "&gt;");
            break;
        case '"':
            goat_strbuf_puts(sb, "&quot;");
            break;
        case '\'':
            goat_strbuf_puts(sb, "&#39;");
            break;
        default:
            goat_strbuf_putc(sb, s[i]);
        }
    }
}

/* An escape standing for what the source holds (see goat_report_put_line):
 * set apart, so that it does not read as the code's own text. */
static void put_mark(goat_strbuf *sb, const char *s, size_t n)
{
    goat_strbuf_puts(sb, "<span class=\"esc\">");
    put_escaped(sb, s, n);
    goat_strbuf_puts(sb, "</span>");
}

/* Text for an attribute value or the title, where no markup may stand:
 * escapes as plain text. */
static void put_text(goat_strbuf *sb, const char *s)
{
    goat_report_put_line(sb, s, strlen(s), put_escaped, put_escaped);
}

/* Text of the page from the sources (names of files, components, the app):
 * shown as the code is, with what would hide or reorder it as escapes. */
static void put_shown(goat_strbuf *sb, const char *s)
{
    goat_report_put_line(sb, s, strlen(s), put_escaped, put_mark);
}

static void put_row(goat_strbuf *sb, const char *name, const char *anchor, size_t covered, size_t total)
{
    char pct[GOAT_REPORT_PERCENT_SIZE];
    goat_report_format_percent(pct, covered, total);
    goat_strbuf_puts(sb, "<tr><td>");
    if (anchor) {
        goat_strbuf_printf(sb, "<a href=\"#%s\">", anchor);
        put_shown(sb, name);
        goat_strbuf_puts(sb, "</a>");
    } else {
        put_shown(sb, name);
    }
    goat_strbuf_printf(sb, "</td><td class=\"n\">%zu of %zu</td><td class=\"n\">%s</td></tr>\n", covered, total, pct);
}

static void put_summary(goat_strbuf *sb, const goat_report *r, const goat_report_summary *s)
{
    char pct[GOAT_REPORT_PERCENT_SIZE];
    goat_report_format_percent(pct, r->covered, r->point_count);
    goat_strbuf_printf(sb, "<h1>goat report: %zu of %zu tracking points ran (%s)</h1>\n", r->covered,
                       r->point_count, pct);
    goat_strbuf_puts(sb, "<p>app ");
    put_shown(sb, r->app ? r->app : "(unknown)");
    goat_strbuf_puts(sb, ", version ");
    put_shown(sb, r->version ? r->version : "(unknown)");
    goat_strbuf_printf(sb, ", commit %s, point table %s, %s mode; %zu source%s answered.</p>\n", r->commit,
                       r->digest, r->mode == GOAT_REPORT_COUNT ? "count" : "bool", r->answered,
                       r->answered == 1 ? "" : "s");
    size_t n;
    int *ids = goat_report_unreported(r, &n);
    if (n) {
        goat_strbuf_printf(sb, "<p>Not counted: %zu point%s of the table in no component the sources report (", n,
                           n == 1 ? "" : "s");
        for (size_t i = 0; i < n; i++)
            goat_strbuf_printf(sb, "%sTRACK_ID_%d", i ? ", " : "", ids[i]);
        goat_strbuf_puts(sb, "): in a package no main package imports, which no program goat knows can run, or in a "
                             "component no source serves.</p>\n");
    }
    free(ids);
    goat_strbuf_puts(sb, "<p class=\"legend\"><span class=\"ran\">&#10003; ran</span>"
                         "<span class=\"miss\">&#10007; did not run</span>"
                         "<span class=\"ctx\">other lines: unchanged</span></p>\n");
    goat_strbuf_puts(sb, "<h2>Components</h2>\n<table>\n");
    for (size_t i = 0; i < s->component_count; i++)
        put_row(sb, s->components[i].name, NULL, s->components[i].covered, s->components[i].total);
    goat_strbuf_puts(sb, "</table>\n<h2>Files</h2>\n<table>\n");
    for (size_t i = 0; i < s->file_count; i++) {
        char anchor[32];
        snprintf(anchor, sizeof anchor, "file%zu", i);
        put_row(sb, s->files[i].name, anchor, s->files[i].covered, s->files[i].total);
    }
    goat_strbuf_puts(sb, "</table>\n");
}

/* For each line of a file, the point among points[0..count) that makes it
 * changed code (one that did not run, if any did not). */
static const goat_report_point **line_owners(const goat_report_point *const *points, size_t count, int line_count)
{
    const goat_report_point **owner = goat_xcalloc((size_t)line_count + 2, sizeof *owner);
    for (size_t i = 0; i < count; i++) {
        const goat_report_point *p = points[i];
        goat_report_range *ranges;
        size_t n;
        goat_report_point_ranges(p, &ranges, &n);
        for (size_t k = 0; k < n; k++)
            for (int line = ranges[k].first; line <= ranges[k].last && line <= line_count; line++)
                if (!owner[line] || (owner[line]->count > 0 && p->count == 0))
                    owner[line] = p;
        free(ranges);
    }
    return owner;
}

/* The file of group g, whose points are points[0..count), of a report in
 * mode. */
static goat_error *put_file(goat_strbuf *sb, goat_report_code *code, goat_report_mode mode, const goat_report_group *g,
                            size_t index, const goat_report_point *const *points, size_t count)
{
    goat_report_file_text f;
    goat_error *err = goat_report_file_text_open(code, g->name, &f);
    if (err)
        return err;
    char pct[GOAT_REPORT_PERCENT_SIZE];
    goat_report_format_percent(pct, g->covered, g->total);
    goat_strbuf_printf(sb, "<h2 id=\"file%zu\">", index);
    put_shown(sb, g->name);
    goat_strbuf_printf(sb, ": %zu of %zu ran (%s)</h2>\n<pre>", g->covered, g->total, pct);
    const goat_report_point **owner = line_owners(points, count, f.line_count);
    for (int line = 1; line <= f.line_count; line++) {
        size_t n;
        const char *text = goat_report_file_line(&f, line, &n);
        const goat_report_point *p = owner[line];
        if (!p) {
            goat_strbuf_printf(sb, "<span class=\"l ctx\"><span class=\"no\">%d</span><span class=\"m\"> </span>",
                               line);
        } else {
            bool ran = p->count > 0;
            goat_strbuf_printf(sb, "<span class=\"l %s\" title=\"TRACK_ID_%d in ", ran ? "ran" : "miss", p->id);
            put_text(sb, p->func);
            goat_strbuf_printf(sb, ": %s", ran ? "ran" : "did not run");
            /* In bool mode there is no count: "count 1" would read as once. */
            if (mode == GOAT_REPORT_COUNT)
                goat_strbuf_printf(sb, " (count %" PRIu64 ")", p->count);
            goat_strbuf_printf(sb, "\"><span class=\"no\">%d</span><span class=\"m\">%s</span>", line,
                               ran ? "&#10003;" : "&#10007;");
        }
        goat_report_put_line(sb, text, n, put_escaped, put_mark);
        goat_strbuf_puts(sb, "</span>");
    }
    goat_strbuf_puts(sb, "</pre>\n");
    free(owner);
    goat_report_file_text_close(&f);
    return NULL;
}

static int by_file(const void *a, const void *b)
{
    const goat_report_point *x = *(const goat_report_point *const *)a, *y = *(const goat_report_point *const *)b;
    return strcmp(x->file, y->file);
}

goat_error *goat_report_html(const goat_report *r, goat_report_code *code, char **text)
{
    *text = NULL;
    goat_report_summary s;
    goat_report_summarize(r, &s);
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_puts(&sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>goat report: ");
    put_text(&sb, r->app ? r->app : "");
    goat_strbuf_puts(&sb, " ");
    put_text(&sb, r->version ? r->version : "");
    goat_strbuf_printf(&sb, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style_sheet);
    put_summary(&sb, r, &s);
    /* Sorted as the summary's files are, each file's points are one run of
     * the list, whose length is the file's total. */
    const goat_report_point **points = goat_xcalloc(r->point_count + 1, sizeof *points);
    for (size_t i = 0; i < r->point_count; i++)
        points[i] = &r->points[i];
    goat_sort(points, r->point_count, sizeof *points, by_file);
    goat_error *err = NULL;
    for (size_t i = 0, first = 0; i < s.file_count && !err; i++) {
        err = put_file(&sb, code, r->mode, &s.files[i], i, points + first, s.files[i].total);
        first += s.files[i].total;
    }
    free(points);
    goat_strbuf_puts(&sb, "</body>\n</html>\n");
    goat_report_summary_free(&s);
    if (err) {
        goat_strbuf_free(&sb);
        return err;
    }
    *text = goat_strbuf_detach(&sb, NULL);
    return NULL;
}
