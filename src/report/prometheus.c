/* SPDX-License-Identifier: MIT */
/* Source: a Prometheus server that scraped the instances' /metrics (the
 * goat_build_info and per-point series src/gen/gen.h specifies), asked
 * through its HTTP query API. Taking the largest value each series reached
 * over a window, rather than its last value, keeps what instances that
 * restarted or are gone had run. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/http.h"
#include "report/json_read.h"
#include "report/report.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

#define DURATION_FORM "takes a duration such as 1w, 3d, 12h or 1d12h"
/* 2^63 - 1 nanoseconds, what a Go time.Duration holds, in whole seconds. */
#define DURATION_MAX UINT64_C(9223372036)
#define DURATION_MAX_TEXT "9223372036s"

const char *goat_report_duration_problem(const char *text)
{
    /* Prometheus's own rule (model.ParseDuration): units from the largest
     * down, each at most once, so "1h1d" or "1h1h" would reach the server
     * and come back as a parse error that looks like a wrong URL. */
    static const char units[] = "wdhms";
    static const uint64_t seconds[] = {604800, 86400, 3600, 60, 1};
    const char *p = text;
    size_t next = 0; /* the first unit still allowed */
    uint64_t total = 0;
    if (!*p)
        return DURATION_FORM;
    while (*p) {
        uint64_t n = 0;
        int digits = 0;
        /* n stops growing once past DURATION_MAX, so that no sum of five
         * can overflow: it is too long already. */
        for (; *p >= '0' && *p <= '9'; p++, digits++)
            if (n <= DURATION_MAX)
                n = n * 10 + (uint64_t)(*p - '0');
        const char *unit = *p ? strchr(units + next, *p) : NULL;
        if (digits == 0 || !unit)
            return DURATION_FORM;
        next = (size_t)(unit - units) + 1;
        total += n * seconds[unit - units];
        p++;
    }
    /* PromQL refuses an empty range, and one longer than DURATION_MAX. */
    if (total == 0)
        return "must be longer than 0";
    if (total > DURATION_MAX)
        return "must be at most " DURATION_MAX_TEXT " (about 292 years, what Prometheus takes)";
    return NULL;
}

/* What the server should give, in messages. */
#define QUERY_ANSWER "an answer of Prometheus's query API (is --prometheus the URL of a Prometheus server?)"

/* The value of a vector sample: [time, "value"]. */
static goat_error *sample_value(const char *source, const cJSON *series, const char *path, uint64_t *out)
{
    const cJSON *value;
    goat_error *err = goat_json_member(source, series, path, "value", cJSON_Array, true, &value);
    if (err)
        return err;
    const cJSON *text = cJSON_GetArrayItem(value, 1);
    char *end = NULL;
    double d = 0;
    if (cJSON_IsString(text)) {
        errno = 0;
        d = strtod(text->valuestring, &end);
    }
    /* Too large for a double ("1e999") is HUGE_VAL, a count that saturates;
     * too small is no whole number. */
    if (!cJSON_IsString(text) || end == text->valuestring || *end || (errno && d != HUGE_VAL) ||
        !goat_json_count_value(d, out))
        return goat_error_new(source, 0, 0, "%s.value: want [time, \"N\"] with a whole number N >= 0", path);
    return NULL;
}

/* data.result of a successful instant query answering a vector. */
static goat_error *vector_result(const char *source, const char *text, size_t len, cJSON **root,
                                 const cJSON **result)
{
    goat_error *err = goat_json_parse(source, QUERY_ANSWER, text, len, root);
    if (err)
        return err;
    const cJSON *data = NULL, *type = NULL;
    char *status = NULL;
    if (!cJSON_IsObject(*root))
        err = goat_error_new(source, 0, 0, "want a JSON object, " QUERY_ANSWER ", got %s", goat_json_kind(*root));
    if (!err && !cJSON_GetObjectItemCaseSensitive(*root, "status"))
        err = goat_error_new(source, 0, 0, "has no \"status\": not " QUERY_ANSWER);
    if (!err)
        err = goat_json_string(source, *root, "", "status", true, &status);
    if (!err && strcmp(status, "success") != 0)
        err = goat_error_new(source, 0, 0, "the query did not succeed (status \"%s\")", status);
    free(status);
    if (!err)
        err = goat_json_member(source, *root, "", "data", cJSON_Object, true, &data);
    if (!err)
        err = goat_json_member(source, data, "data", "resultType", cJSON_String, true, &type);
    if (!err && strcmp(type->valuestring, "vector") != 0)
        err = goat_error_new(source, 0, 0, "data.resultType: want \"vector\", got \"%.40s\"", type->valuestring);
    if (!err)
        err = goat_json_member(source, data, "data", "result", cJSON_Array, true, result);
    if (err) {
        cJSON_Delete(*root);
        *root = NULL;
    }
    return err;
}

/* A label holding a decimal integer in [min, INT_MAX]. */
static goat_error *int_label(const char *source, const cJSON *metric, const char *path, const char *key, int min,
                             int *out)
{
    char *text;
    goat_error *err = goat_json_string(source, metric, path, key, true, &text);
    if (err)
        return err;
    char *end = NULL;
    errno = 0;
    long v = text[0] >= '0' && text[0] <= '9' ? strtol(text, &end, 10) : -1;
    if (!end || *end || errno || v < min || v > INT_MAX)
        err = goat_error_new(source, 0, 0, "%s.%s: want a whole number from %d to %d, got \"%.40s\"", path, key,
                             min, INT_MAX, text);
    else
        *out = (int)v;
    free(text);
    return err;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts names and drops repeats (freeing them); returns the new count. */
static size_t sort_unique(char **names, size_t count)
{
    if (!count)
        return 0;
    goat_sort(names, count, sizeof *names, compare_strings);
    size_t n = 1;
    for (size_t i = 1; i < count; i++) {
        if (strcmp(names[i], names[n - 1]) == 0)
            free(names[i]);
        else
            names[n++] = names[i];
    }
    return n;
}

static goat_error *read_builds(const char *source, const char *what, const char *text, size_t len,
                               goat_report_answer *out)
{
    cJSON *root;
    const cJSON *result, *series;
    goat_error *err = vector_result(source, text, len, &root, &result);
    if (err)
        return err;
    size_t index = 0, cap = 0;
    bool all_count = true;
    cJSON_ArrayForEach(series, result)
    {
        char *path = goat_xasprintf("data.result[%zu]", index++);
        char *metric_path = goat_xasprintf("%s.metric", path);
        const cJSON *metric;
        char *commit = NULL, *digest = NULL, *mode = NULL, *component = NULL;
        int table_size = 0;
        err = goat_json_member(source, series, path, "metric", cJSON_Object, true, &metric);
        if (!err)
            err = goat_json_string(source, metric, metric_path, "commit", true, &commit);
        if (!err)
            err = goat_json_string(source, metric, metric_path, "digest", true, &digest);
        if (!err)
            err = goat_json_string(source, metric, metric_path, "mode", true, &mode);
        if (!err)
            err = goat_json_string(source, metric, metric_path, "component", false, &component);
        /* Series of older builds have no points label. */
        if (!err && cJSON_GetObjectItemCaseSensitive(metric, "points"))
            err = int_label(source, metric, metric_path, "points", 0, &table_size);
        if (!err && table_size && out->table_size && table_size != out->table_size)
            err = goat_error_new(source, 0, 0, "%s.points: %d, but %d in another series of the same build: not what "
                                 "goat serves", metric_path, table_size, out->table_size);
        if (!err && table_size)
            out->table_size = table_size;
        if (!err && (!goat_json_hex(commit, 40, 40) || !goat_json_hex(digest, 1, 64)))
            err = goat_error_new(source, 0, 0, "%s: want a commit of 40 and a digest of 1 to 64 lowercase hex digits",
                                 metric_path);
        if (!err && strcmp(mode, "bool") != 0 && strcmp(mode, "count") != 0)
            err = goat_error_new(source, 0, 0, "%s.mode: want \"bool\" or \"count\"", metric_path);
        if (!err && out->digest && strcmp(out->digest, digest) != 0)
            err = goat_error_new(source, 0, 0,
                                 "the series of %s come from different builds: point table digest %s (commit "
                                 "%.12s) and %s (commit %.12s): choose one with --version, or a shorter --since",
                                 what, out->digest, out->commit, digest, commit);
        if (!err && !out->digest) {
            out->digest = digest;
            out->commit = commit;
            digest = commit = NULL;
        }
        if (!err && component) {
            goat_grow((void **)&out->components, &cap, out->component_count + 1, sizeof *out->components);
            out->components[out->component_count++] = component;
            component = NULL;
        }
        if (!err)
            all_count = all_count && strcmp(mode, "count") == 0;
        free(commit);
        free(digest);
        free(mode);
        free(component);
        free(metric_path);
        free(path);
        if (err)
            break;
    }
    cJSON_Delete(root);
    if (!err && !out->digest)
        err = goat_error_new(source, 0, 0,
                             "no goat_build_info series for %s: is Prometheus scraping the instances' /metrics, "
                             "and are the app and version right (goat.yaml, or --app and --version)?",
                             what);
    out->mode = all_count ? GOAT_REPORT_COUNT : GOAT_REPORT_BOOL;
    out->component_count = sort_unique(out->components, out->component_count);
    return err;
}

/* One series of the points query. */
typedef struct series {
    goat_report_point point;
    char *component;
} series;

static int by_id(const void *a, const void *b)
{
    const series *x = a, *y = b;
    if (x->point.id != y->point.id)
        return x->point.id < y->point.id ? -1 : 1;
    return strcmp(x->component, y->component);
}

static goat_error *read_series(const char *source, const cJSON *item, const char *path, series *s)
{
    char *metric_path = goat_xasprintf("%s.metric", path);
    const cJSON *metric;
    goat_error *err = goat_json_member(source, item, path, "metric", cJSON_Object, true, &metric);
    if (!err)
        err = int_label(source, metric, metric_path, "id", 1, &s->point.id);
    if (!err)
        err = goat_json_string(source, metric, metric_path, "file", true, &s->point.file);
    if (!err)
        err = int_label(source, metric, metric_path, "line", 1, &s->point.line);
    if (!err)
        err = goat_json_string(source, metric, metric_path, "func", true, &s->point.func);
    if (!err)
        err = goat_json_string(source, metric, metric_path, "component", true, &s->component);
    if (!err && !goat_json_module_file(s->point.file))
        err = goat_error_new(source, 0, 0, "%s.file: want a module-relative path with '/' separators", metric_path);
    if (!err && !*s->point.func)
        err = goat_error_new(source, 0, 0, "%s.func: empty", metric_path);
    if (!err)
        err = sample_value(source, item, path, &s->point.count);
    free(metric_path);
    return err;
}

static void free_series(series *all, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(all[i].point.file);
        free(all[i].point.func);
        free(all[i].component);
    }
    free(all);
}

/* The series of each point (one per component serving it) become one
 * point: the components' processes are different ones, so counts add. */
static goat_error *gather(const char *source, series *all, size_t count, goat_report_answer *out)
{
    if (count)
        goat_sort(all, count, sizeof *all, by_id);
    out->points = goat_xcalloc(count + 1, sizeof *out->points);
    for (size_t i = 0, j; i < count; i = j) {
        const goat_report_point *first = &all[i].point;
        uint64_t total = 0;
        for (j = i; j < count && all[j].point.id == first->id; j++) {
            const goat_report_point *q = &all[j].point;
            if (strcmp(q->file, first->file) != 0 || q->line != first->line || strcmp(q->func, first->func) != 0)
                return goat_error_new(source, 0, 0, "TRACK_ID_%d has two places: %s:%d in %s and %s:%d in %s",
                                      q->id, first->file, first->line, first->func, q->file, q->line, q->func);
            if (j > i && strcmp(all[j].component, all[j - 1].component) == 0)
                return goat_error_new(source, 0, 0, "TRACK_ID_%d has two series for component \"%s\"", q->id,
                                      all[j].component);
            total = q->count > UINT64_MAX - total ? UINT64_MAX : total + q->count;
        }
        goat_report_point *p = &out->points[out->point_count++];
        *p = all[i].point;
        memset(&all[i].point, 0, sizeof all[i].point);
        p->count = total;
        p->components = goat_xcalloc(j - i, sizeof *p->components);
        for (size_t k = i; k < j; k++) {
            p->components[p->component_count++] = all[k].component;
            all[k].component = NULL;
        }
    }
    return NULL;
}

static goat_error *read_points(const char *source, const char *text, size_t len, goat_report_answer *out)
{
    cJSON *root;
    const cJSON *result, *item;
    goat_error *err = vector_result(source, text, len, &root, &result);
    if (err)
        return err;
    series *all = NULL;
    size_t count = 0, cap = 0;
    cJSON_ArrayForEach(item, result)
    {
        char *path = goat_xasprintf("data.result[%zu]", count);
        goat_grow((void **)&all, &cap, count + 1, sizeof *all);
        memset(&all[count], 0, sizeof all[count]);
        err = read_series(source, item, path, &all[count++]);
        free(path);
        if (err)
            break;
    }
    cJSON_Delete(root);
    if (!err)
        err = gather(source, all, count, out);
    free_series(all, count);
    if (err)
        return err;
    /* A component whose instances serve no point series (it has no points,
     * or GOAT_METRICS_POINTS=0) is known from goat_build_info only; one whose
     * build series fell out of the window, from its points only. */
    size_t n = out->component_count;
    for (size_t i = 0; i < out->point_count; i++)
        n += out->points[i].component_count;
    out->components = goat_xreallocarray(out->components, n + 1, sizeof *out->components);
    for (size_t i = 0; i < out->point_count; i++)
        for (size_t k = 0; k < out->points[i].component_count; k++)
            out->components[out->component_count++] = goat_xstrdup(out->points[i].components[k]);
    out->component_count = sort_unique(out->components, out->component_count);
    return NULL;
}

goat_error *goat_report_parse_prometheus(const char *source, const char *what, const char *builds,
                                         size_t builds_len, const char *points, size_t points_len,
                                         goat_report_answer *out)
{
    memset(out, 0, sizeof *out);
    goat_error *err = read_builds(source, what, builds, builds_len, out);
    if (!err)
        err = read_points(source, points, points_len, out);
    if (!err)
        err = goat_report_check_table_size(source, out);
    if (err)
        goat_report_answer_free(out);
    return err;
}

/* A PromQL string literal holding s. */
static void put_quoted(goat_strbuf *sb, const char *s)
{
    goat_strbuf_putc(sb, '"');
    for (; *s; s++) {
        switch (*s) {
        case '"':
        case '\\':
            goat_strbuf_putc(sb, '\\');
            goat_strbuf_putc(sb, *s);
            break;
        case '\n':
            goat_strbuf_puts(sb, "\\n");
            break;
        case '\r':
            goat_strbuf_puts(sb, "\\r");
            break;
        case '\t':
            goat_strbuf_puts(sb, "\\t");
            break;
        default:
            goat_strbuf_putc(sb, *s);
        }
    }
    goat_strbuf_putc(sb, '"');
}

/* The URL of the query API running promql. */
static char *query_url(CURLU *base, const char *base_path, const char *promql)
{
    size_t n = strlen(base_path);
    while (n && base_path[n - 1] == '/')
        n--;
    char *path = goat_xasprintf("%.*s/api/v1/query", (int)n, base_path);
    char *query = goat_xasprintf("query=%s", promql);
    CURLU *u = curl_url_dup(base);
    char *full = NULL, *url = NULL;
    if (u && curl_url_set(u, CURLUPART_PATH, path, 0) == CURLUE_OK && curl_url_set(u, CURLUPART_QUERY, NULL, 0) == CURLUE_OK &&
        curl_url_set(u, CURLUPART_QUERY, query, CURLU_APPENDQUERY | CURLU_URLENCODE) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
        url = goat_xstrdup(full);
    curl_free(full);
    curl_url_cleanup(u);
    free(query);
    free(path);
    if (!url)
        goat_out_of_memory();
    return url;
}

goat_error *goat_report_query_prometheus(const goat_report_prometheus *q, const goat_report_fetch_options *o,
                                         goat_report_answer *out)
{
    memset(out, 0, sizeof *out);
    const char *problem = goat_report_duration_problem(q->since);
    if (problem)
        return goat_error_new(NULL, 0, 0, "--since %s, not \"%s\"", problem, q->since);
    goat_error *err = NULL;
    CURLU *base = goat_http_parse_url(q->url, "--prometheus", &err);
    if (!base)
        return err;
    char *base_path = NULL;
    if (curl_url_get(base, CURLUPART_PATH, &base_path, 0) != CURLUE_OK)
        base_path = NULL;
    goat_strbuf selector = GOAT_STRBUF_INIT, what = GOAT_STRBUF_INIT;
    goat_strbuf_puts(&selector, "{app=");
    put_quoted(&selector, q->app);
    goat_strbuf_puts(&selector, ",version=");
    put_quoted(&selector, q->version);
    goat_strbuf_puts(&selector, "}");
    goat_strbuf_printf(&what, "app=\"%s\", version=\"%s\" over the last %s", q->app, q->version, q->since);
    char *builds = goat_xasprintf("max by (commit, digest, mode, points, component) (max_over_time(goat_build_info%s[%s]))",
                                  selector.data, q->since);
    char *points = goat_xasprintf(
        "sum by (id, file, line, func, component) (max_over_time("
        "{__name__=~\"goat_point_covered|goat_point_executions_total\",%s[%s]))",
        selector.data + 1, q->since);
    goat_http_get gets[2] = {
        {.url = query_url(base, base_path ? base_path : "", builds), .name = q->url, .want = QUERY_ANSWER},
        {.url = query_url(base, base_path ? base_path : "", points), .name = q->url, .want = QUERY_ANSWER},
    };
    goat_http_get_all(gets, 2, o);
    err = gets[0].err ? gets[0].err : gets[1].err;
    if (gets[0].err && gets[1].err)
        goat_error_free(gets[1].err);
    if (!err)
        err = goat_report_parse_prometheus(q->url, what.data, gets[0].body, gets[0].len, gets[1].body, gets[1].len,
                                           out);
    /* The series carry no appName or appVersion of their own but the labels
     * they were selected by: every one of them has exactly these. */
    if (!err) {
        out->app = goat_xstrdup(q->app);
        out->version = goat_xstrdup(q->version);
    }
    for (size_t i = 0; i < 2; i++) {
        free((char *)gets[i].url);
        free(gets[i].body);
    }
    free(builds);
    free(points);
    goat_strbuf_free(&selector);
    goat_strbuf_free(&what);
    curl_free(base_path);
    curl_url_cleanup(base);
    return err;
}
