/* SPDX-License-Identifier: MIT */
/* Harness 4: the readers of the answers goat report fetches from the
 * network, on arbitrary bytes.
 *
 * The input is a /track answer, or (when it holds a NUL byte) the two
 * Prometheus query answers before and after the first NUL. Either reader
 * returns an error naming the source, or an answer whose points have
 * strictly ascending IDs within the table's size, valid places and line
 * ranges, and sorted, distinct components. A valid answer then goes through
 * the union twice (the same build: no error, every count doubled unless it
 * saturates, the same points ran, the rest of the table unreported) and
 * through the JSON and text writers, whose JSON must parse back with the
 * same totals. Nothing is read outside the buffer
 * (libFuzzer's has no NUL after it) and nothing leaks. */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "report/report.h"

#define SOURCE "fuzz.json"

static void check_names(char *const *names, size_t count, const char *what)
{
    for (size_t i = 0; i < count; i++) {
        if (!names[i])
            fuzz_fail("%s %zu is missing", what, i);
        if (i > 0 && strcmp(names[i - 1], names[i]) >= 0)
            fuzz_fail("%ss not sorted and distinct: \"%s\" then \"%s\"", what, names[i - 1], names[i]);
    }
}

static void check_answer(const goat_report_answer *a)
{
    if (!a->commit || strlen(a->commit) != 40 || !a->digest || !a->digest[0])
        fuzz_fail("answer without a commit or digest");
    if (a->mode != GOAT_REPORT_BOOL && a->mode != GOAT_REPORT_COUNT)
        fuzz_fail("answer with mode %d", (int)a->mode);
    if (a->table_size < 0 || (a->table_size && a->point_count && a->points[a->point_count - 1].id > a->table_size))
        fuzz_fail("a point past the table's %d points", a->table_size);
    check_names(a->components, a->component_count, "component");
    for (size_t i = 0; i < a->point_count; i++) {
        const goat_report_point *p = &a->points[i];
        if (p->id < 1 || (i > 0 && a->points[i - 1].id >= p->id))
            fuzz_fail("point %zu has ID %d after %d", i, p->id, i ? a->points[i - 1].id : 0);
        if (!p->file || !p->file[0] || p->file[0] == '/' || p->line < 1 || !p->func || !p->func[0])
            fuzz_fail("TRACK_ID_%d has no valid place", p->id);
        goat_report_range *ranges;
        size_t n;
        if (p->lines && !goat_report_parse_lines(p->lines, &ranges, &n))
            fuzz_fail("TRACK_ID_%d has lines \"%s\"", p->id, p->lines);
        if (p->lines)
            free(ranges);
        if (!p->component_count)
            fuzz_fail("TRACK_ID_%d in no component", p->id);
        check_names(p->components, p->component_count, "component");
    }
}

static void check_union(goat_report_answer *first, goat_report_answer *second)
{
    size_t ran = 0, count = first->point_count;
    uint64_t *counts = malloc((count + 1) * sizeof *counts);
    if (!counts)
        abort();
    for (size_t i = 0; i < count; i++) {
        counts[i] = first->points[i].count;
        ran += counts[i] > 0;
    }
    goat_report r;
    goat_report_init(&r);
    goat_error *err = goat_report_add(&r, "one", first);
    if (!err)
        err = goat_report_add(&r, "two", second);
    else
        goat_report_answer_free(second);
    if (err)
        fuzz_fail("the union of an answer with itself failed: %s", err->message);
    if (r.point_count != count || r.covered != ran)
        fuzz_fail("the union of an answer with itself has %zu points, %zu ran; want %zu, %zu", r.point_count,
                  r.covered, count, ran);
    for (size_t i = 0; i < count; i++) {
        uint64_t want = counts[i] > UINT64_MAX / 2 ? UINT64_MAX : 2 * counts[i];
        if (r.points[i].count != want || r.points[i].source_count != (counts[i] ? 2u : 0u))
            fuzz_fail("TRACK_ID_%d: count %llu from %zu sources in the union with itself", r.points[i].id,
                      (unsigned long long)r.points[i].count, r.points[i].source_count);
    }
    free(counts);
    size_t unreported;
    free(goat_report_unreported(&r, &unreported));
    if (r.table_size && unreported != (size_t)r.table_size - r.point_count)
        fuzz_fail("%zu points unreported of a table of %d with %zu reported", unreported, r.table_size, r.point_count);
    char *json = goat_report_json(&r);
    cJSON *root = cJSON_Parse(json);
    if (!root)
        fuzz_fail("the JSON writer wrote what cJSON cannot read back");
    const cJSON *total = cJSON_GetObjectItem(root, "total"), *points = cJSON_GetObjectItem(root, "points");
    if (!cJSON_IsNumber(total) || total->valuedouble != (double)r.point_count ||
        cJSON_GetArraySize(points) != (int)r.point_count)
        fuzz_fail("the JSON writer's totals differ from the report's");
    cJSON_Delete(root);
    free(json);
    free(goat_report_text(&r, NULL, true));
    goat_report_free(&r);
}

static goat_error *read_answer(const char *data, size_t size, goat_report_answer *a)
{
    const char *nul = memchr(data, '\0', size);
    if (!nul)
        return goat_report_parse_track(SOURCE, data, size, a);
    size_t first = (size_t)(nul - data);
    return goat_report_parse_prometheus(SOURCE, "the fuzzed series", data, first, nul + 1, size - first - 1, a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    goat_report_answer a, b;
    goat_error *err = read_answer((const char *)data, size, &a);
    if (err) {
        if (!err->file || strcmp(err->file, SOURCE) != 0 || !err->message || !err->message[0])
            fuzz_fail("an error that does not name the source");
        goat_error_free(err);
        return 0;
    }
    check_answer(&a);
    err = read_answer((const char *)data, size, &b);
    if (err)
        fuzz_fail("the same input read twice failed the second time: %s", err->message);
    check_union(&a, &b);
    return 0;
}
