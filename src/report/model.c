/* SPDX-License-Identifier: MIT */
/* The report's data model: answers, their union, the selection of
 * components, the summaries and a point's line ranges. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

static void free_names(char **names, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

static void free_point(goat_report_point *p)
{
    free(p->file);
    free(p->func);
    free(p->lines);
    free(p->kind);
    free_names(p->components, p->component_count);
    free(p->sources);
}

static void free_points(goat_report_point *points, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free_point(&points[i]);
    free(points);
}

void goat_report_answer_free(goat_report_answer *a)
{
    free(a->app);
    free(a->version);
    free(a->commit);
    free(a->digest);
    free_points(a->points, a->point_count);
    free_names(a->components, a->component_count);
    memset(a, 0, sizeof *a);
}

void goat_report_init(goat_report *r)
{
    memset(r, 0, sizeof *r);
}

void goat_report_free(goat_report *r)
{
    free(r->app);
    free(r->version);
    free(r->commit);
    free(r->digest);
    for (size_t i = 0; i < r->source_count; i++) {
        free(r->sources[i].name);
        free(r->sources[i].problem);
    }
    free(r->sources);
    free_points(r->points, r->point_count);
    free_names(r->components, r->component_count);
    memset(r, 0, sizeof *r);
}

static char *dup_or_null(const char *s)
{
    return s ? goat_xstrdup(s) : NULL;
}

/* The sorted union of two sorted lists of distinct names, freshly allocated. */
static char **merge_names(char *const *a, size_t a_count, char *const *b, size_t b_count, size_t *count)
{
    char **out = goat_xcalloc(a_count + b_count + 1, sizeof *out);
    size_t i = 0, j = 0, n = 0;
    while (i < a_count || j < b_count) {
        int c = i == a_count ? 1 : j == b_count ? -1 : strcmp(a[i], b[j]);
        out[n++] = goat_xstrdup(c <= 0 ? a[i] : b[j]);
        i += c <= 0;
        j += c >= 0;
    }
    *count = n;
    return out;
}

static const char *or_unknown(const char *s)
{
    return s ? s : "(unknown)";
}

/* Two sources with the same digest must place a point in the same code;
 * lines and kind only count where both say. */
static goat_error *check_same_place(const goat_report_point *had, const char *had_from, const goat_report_point *p,
                                    const char *source)
{
    bool same = strcmp(had->file, p->file) == 0 && had->line == p->line && strcmp(had->func, p->func) == 0 &&
                (!had->lines || !p->lines || strcmp(had->lines, p->lines) == 0) &&
                (!had->kind || !p->kind || strcmp(had->kind, p->kind) == 0);
    if (same)
        return NULL;
    return goat_error_new(source, 0, 0,
                          "TRACK_ID_%d is at %s:%d in %s (lines %s) here, but at %s:%d in %s (lines %s) in %s, "
                          "which has the same point table digest: one of the answers is not what goat serves",
                          p->id, p->file, p->line, p->func, or_unknown(p->lines), had->file, had->line, had->func,
                          or_unknown(had->lines), had_from);
}

static uint64_t add_saturating(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* The point p of the answer from source number index, united with had
 * (NULL when the report does not have it yet). */
static goat_report_point unite(const goat_report_point *had, const goat_report_point *p, size_t index)
{
    goat_report_point u = {0};
    u.id = p->id;
    u.file = goat_xstrdup(p->file);
    u.line = p->line;
    u.func = goat_xstrdup(p->func);
    u.lines = dup_or_null(had && had->lines ? had->lines : p->lines);
    u.kind = dup_or_null(had && had->kind ? had->kind : p->kind);
    u.count = add_saturating(had ? had->count : 0, p->count);
    u.components = merge_names(had ? had->components : NULL, had ? had->component_count : 0, p->components,
                               p->component_count, &u.component_count);
    size_t had_sources = had ? had->source_count : 0;
    u.sources = goat_xcalloc(had_sources + 1, sizeof *u.sources);
    if (had_sources)
        memcpy(u.sources, had->sources, had_sources * sizeof *u.sources);
    u.source_count = had_sources;
    if (p->count > 0)
        u.sources[u.source_count++] = index;
    return u;
}

/* The name of a source that gave point had (any source that answered when
 * had is NULL), for an error message. */
static const char *source_of(const goat_report *r, const goat_report_point *had)
{
    if (had && had->source_count)
        return r->sources[had->sources[0]].name;
    for (size_t i = 0; i < r->source_count; i++)
        if (!r->sources[i].problem)
            return r->sources[i].name;
    return "an earlier source";
}

static void add_source(goat_report *r, const char *name, const char *problem, size_t points, size_t covered)
{
    r->sources = goat_xreallocarray(r->sources, r->source_count + 1, sizeof *r->sources);
    r->sources[r->source_count++] = (goat_report_source){
        .name = goat_xstrdup(name), .problem = dup_or_null(problem), .points = points, .covered = covered};
}

static goat_error *check_same_build(const goat_report *r, const char *source, const goat_report_answer *a)
{
    if (!r->digest || strcmp(r->digest, a->digest) == 0)
        return NULL;
    const char *first = source_of(r, NULL);
    return goat_error_new(NULL, 0, 0,
                          "%s and %s are different builds: point table digest %s (commit %.12s) and %s "
                          "(commit %.12s); the same tracking ID may mean different code in them: "
                          "report on the sources of one build at a time",
                          first, source, r->digest, r->commit, a->digest, a->commit);
}

static int last_id(const goat_report_point *points, size_t count)
{
    return count ? points[count - 1].id : 0;
}

goat_error *goat_report_check_table_size(const char *source, const goat_report_answer *a)
{
    if (a->table_size > GOAT_REPORT_MAX_TABLE)
        return goat_error_new(source, 0, 0, "the point table has %d points, more than goat reads (%d): not what goat "
                              "serves",
                              a->table_size, GOAT_REPORT_MAX_TABLE);
    if (a->table_size && last_id(a->points, a->point_count) > a->table_size)
        return goat_error_new(source, 0, 0, "TRACK_ID_%d is past the end of the point table (%d point%s): not what "
                              "goat serves",
                              last_id(a->points, a->point_count), a->table_size, a->table_size == 1 ? "" : "s");
    return NULL;
}

/* The answers of one build give its table one size, with every point in it. */
static goat_error *check_table_size(const goat_report *r, const char *source, const goat_report_answer *a)
{
    const char *first = source_of(r, NULL);
    if (r->table_size && a->table_size && r->table_size != a->table_size)
        return goat_error_new(source, 0, 0,
                              "the point table has %d points here, but %d in %s, which has the same digest: one of "
                              "the answers is not what goat serves",
                              a->table_size, r->table_size, first);
    if (a->table_size && last_id(r->points, r->point_count) > a->table_size)
        return goat_error_new(source, 0, 0,
                              "the point table has %d points here, but %s reports TRACK_ID_%d, with the same digest: "
                              "one of the answers is not what goat serves",
                              a->table_size, first, last_id(r->points, r->point_count));
    if (r->table_size && last_id(a->points, a->point_count) > r->table_size)
        return goat_error_new(source, 0, 0,
                              "TRACK_ID_%d is past the end of the point table (%d point%s) of %s, which has the same "
                              "digest: one of the answers is not what goat serves",
                              last_id(a->points, a->point_count), r->table_size, r->table_size == 1 ? "" : "s", first);
    return NULL;
}

goat_error *goat_report_add(goat_report *r, const char *source, goat_report_answer *a)
{
    goat_error *err = check_same_build(r, source, a);
    if (!err)
        err = check_table_size(r, source, a);
    /* Both lists are sorted by ID: walk them together, first to check
     * (so that a conflict leaves r as it was), then to merge. */
    for (size_t i = 0, j = 0; !err && i < r->point_count && j < a->point_count;) {
        const goat_report_point *had = &r->points[i], *p = &a->points[j];
        if (had->id == p->id)
            err = check_same_place(had, source_of(r, had), p, source);
        i += had->id <= p->id;
        j += p->id <= had->id;
    }
    if (err) {
        goat_report_answer_free(a);
        return err;
    }
    size_t index = r->source_count, n = 0, covered = 0, answer_covered = 0;
    goat_report_point *merged = goat_xcalloc(r->point_count + a->point_count + 1, sizeof *merged);
    for (size_t i = 0, j = 0; i < r->point_count || j < a->point_count;) {
        goat_report_point *had = i < r->point_count ? &r->points[i] : NULL;
        goat_report_point *p = j < a->point_count ? &a->points[j] : NULL;
        if (had && (!p || had->id < p->id)) {
            merged[n] = *had;
            i++;
        } else {
            bool same = had && had->id == p->id;
            merged[n] = unite(same ? had : NULL, p, index);
            answer_covered += p->count > 0;
            if (same)
                free_point(had);
            i += same;
            j++;
        }
        covered += merged[n++].count > 0;
    }
    free(r->points);
    r->points = merged;
    r->point_count = n;
    r->covered = covered;
    size_t component_count;
    char **components = merge_names(r->components, r->component_count, a->components, a->component_count,
                                    &component_count);
    free_names(r->components, r->component_count);
    r->components = components;
    r->component_count = component_count;
    if (!r->table_size)
        r->table_size = a->table_size;
    /* from the first answer that says them: one that does not (a saved
     * answer with null there) leaves them to the next */
    if (!r->app)
        r->app = dup_or_null(a->app);
    if (!r->version)
        r->version = dup_or_null(a->version);
    if (!r->digest) {
        r->commit = goat_xstrdup(a->commit);
        r->digest = goat_xstrdup(a->digest);
        r->mode = a->mode;
    } else if (a->mode != GOAT_REPORT_COUNT) {
        r->mode = GOAT_REPORT_BOOL;
    }
    add_source(r, source, NULL, a->point_count, answer_covered);
    r->answered++;
    goat_report_answer_free(a);
    return NULL;
}

void goat_report_add_problem(goat_report *r, const char *source, const goat_error *problem)
{
    char *text = goat_error_format(problem);
    add_source(r, source, text, 0, 0);
    free(text);
}

static bool has_name(char *const *names, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

goat_error *goat_report_select(goat_report *r, const char *const *components, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (has_name(r->components, r->component_count, components[i]))
            continue;
        goat_strbuf known = GOAT_STRBUF_INIT;
        for (size_t k = 0; k < r->component_count; k++)
            goat_strbuf_printf(&known, "%s%s", k ? ", " : "", r->components[k]);
        goat_error *err = goat_error_new(NULL, 0, 0, "--component: no source knows a component \"%s\"; they know: %s",
                                         components[i], known.data ? known.data : "none");
        goat_strbuf_free(&known);
        return err;
    }
    size_t kept = 0;
    r->covered = 0;
    for (size_t i = 0; i < r->point_count; i++) {
        goat_report_point *p = &r->points[i];
        bool selected = false;
        for (size_t k = 0; k < count && !selected; k++)
            selected = has_name(p->components, p->component_count, components[k]);
        if (!selected) {
            free_point(p);
            continue;
        }
        r->covered += p->count > 0;
        r->points[kept++] = *p;
    }
    r->point_count = kept;
    size_t names = 0;
    for (size_t i = 0; i < r->component_count; i++) {
        bool selected = false;
        for (size_t k = 0; k < count && !selected; k++)
            selected = strcmp(r->components[i], components[k]) == 0;
        if (selected)
            r->components[names++] = r->components[i];
        else
            free(r->components[i]);
    }
    r->component_count = names;
    r->table_size = 0;
    return NULL;
}

int *goat_report_unreported(const goat_report *r, size_t *count)
{
    int *ids = goat_xcalloc((size_t)r->table_size + 1, sizeof *ids);
    size_t n = 0, i = 0;
    for (int id = 1; id <= r->table_size; id++) {
        while (i < r->point_count && r->points[i].id < id)
            i++;
        if (i == r->point_count || r->points[i].id != id)
            ids[n++] = id;
    }
    *count = n;
    return ids;
}

double goat_report_percent(size_t covered, size_t total)
{
    return total ? 100.0 * (double)covered / (double)total : 100.0;
}

void goat_report_format_percent(char buf[GOAT_REPORT_PERCENT_SIZE], size_t covered, size_t total)
{
    unsigned long long tenths = total ? (unsigned long long)covered * 1000ull / total : 1000ull;
    snprintf(buf, GOAT_REPORT_PERCENT_SIZE, "%llu.%llu%%", tenths / 10, tenths % 10);
}

/* A line number of at most 9 digits (so no overflow), >= 1. */
static bool parse_line_number(const char **s, int *out)
{
    const char *p = *s;
    long v = 0;
    int digits = 0;
    while (*p >= '0' && *p <= '9' && digits < 10) {
        v = v * 10 + (*p++ - '0');
        digits++;
    }
    if (digits == 0 || digits > 9 || v < 1)
        return false;
    *out = (int)v;
    *s = p;
    return true;
}

bool goat_report_parse_lines(const char *text, goat_report_range **ranges, size_t *count)
{
    goat_report_range *out = NULL;
    size_t n = 0, cap = 0;
    const char *s = text;
    while (*s) {
        goat_report_range r;
        if (n && *s++ != ',')
            goto bad;
        if (!parse_line_number(&s, &r.first))
            goto bad;
        r.last = r.first;
        if (*s == '-' && (++s, !parse_line_number(&s, &r.last)))
            goto bad;
        if (r.last < r.first || (n && r.first <= out[n - 1].last))
            goto bad;
        goat_grow((void **)&out, &cap, n + 1, sizeof *out);
        out[n++] = r;
    }
    *ranges = out;
    *count = n;
    return true;
bad:
    free(out);
    *ranges = NULL;
    *count = 0;
    return false;
}

void goat_report_point_ranges(const goat_report_point *p, goat_report_range **ranges, size_t *count)
{
    if (p->lines && goat_report_parse_lines(p->lines, ranges, count) && *count)
        return;
    *ranges = goat_xmalloc(sizeof **ranges);
    (*ranges)[0] = (goat_report_range){p->line, p->line};
    *count = 1;
}

/* ---- Summaries ---- */

static int by_file_then_func(const void *a, const void *b)
{
    const goat_report_point *x = *(const goat_report_point *const *)a, *y = *(const goat_report_point *const *)b;
    int c = strcmp(x->file, y->file);
    if (!c)
        c = strcmp(x->func, y->func);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static int by_file_then_line(const void *a, const void *b)
{
    const goat_report_group *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    return x->line != y->line ? (x->line > y->line) - (x->line < y->line) : strcmp(x->name, y->name);
}

static void count_in(goat_report_group *g, bool ran)
{
    g->total++;
    g->covered += ran;
}

static size_t find_name(char *const *sorted, size_t count, const char *name)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(sorted[mid], name);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return count;
}

void goat_report_summarize(const goat_report *r, goat_report_summary *s)
{
    memset(s, 0, sizeof *s);
    size_t n = r->point_count;
    s->components = goat_xcalloc(r->component_count + 1, sizeof *s->components);
    s->component_count = r->component_count;
    for (size_t i = 0; i < r->component_count; i++)
        s->components[i].name = r->components[i];
    /* Sorted by file, then function, then line, the points of one file and
     * of one function are neighbours. */
    const goat_report_point **sorted = goat_xcalloc(n + 1, sizeof *sorted);
    for (size_t i = 0; i < n; i++)
        sorted[i] = &r->points[i];
    goat_sort(sorted, n, sizeof *sorted, by_file_then_func);
    s->files = goat_xcalloc(n + 1, sizeof *s->files);
    s->functions = goat_xcalloc(n + 1, sizeof *s->functions);
    for (size_t i = 0; i < n; i++) {
        const goat_report_point *p = sorted[i];
        bool ran = p->count > 0;
        if (!s->file_count || strcmp(s->files[s->file_count - 1].name, p->file) != 0)
            s->files[s->file_count++] = (goat_report_group){.name = p->file};
        count_in(&s->files[s->file_count - 1], ran);
        goat_report_group *f = s->function_count ? &s->functions[s->function_count - 1] : NULL;
        if (!f || strcmp(f->file, p->file) != 0 || strcmp(f->name, p->func) != 0) {
            f = &s->functions[s->function_count++];
            *f = (goat_report_group){.name = p->func, .file = p->file, .line = p->line};
        }
        count_in(f, ran);
        for (size_t c = 0; c < p->component_count; c++) {
            size_t k = find_name(r->components, r->component_count, p->components[c]);
            if (k < r->component_count)
                count_in(&s->components[k], ran);
        }
    }
    free(sorted);
    if (s->function_count)
        goat_sort(s->functions, s->function_count, sizeof *s->functions, by_file_then_line);
}

void goat_report_summary_free(goat_report_summary *s)
{
    free(s->components);
    free(s->files);
    free(s->functions);
    memset(s, 0, sizeof *s);
}
