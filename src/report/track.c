/* SPDX-License-Identifier: MIT */
/* Reading a /track answer (the format src/gen/gen.h specifies), whether it
 * came over HTTP or from a saved file. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "report/json_read.h"
#include "report/report.h"
#include "util/xalloc.h"
#include "util/sort.h"

/* What a source should give, in messages. */
#define TRACK_ANSWER "a goat /track answer (what a tracked program serves, or curl saved from it)"

/* One item of one component, before the items of all components are
 * brought together per point. */
typedef struct entry {
    goat_report_point point; /* without components */
    const char *component_name;
    size_t result, item; /* where it is in the answer, for messages */
} entry;

static goat_error *field_error(const char *source, const char *path, const char *key, const char *what)
{
    char *at = goat_json_key_path(path, key);
    goat_error *err = goat_error_new(source, 0, 0, "%s: %s", at, what);
    free(at);
    return err;
}

static goat_error *read_item(const char *source, const cJSON *item, const char *path, goat_report_point *p)
{
    if (!cJSON_IsObject(item))
        return goat_error_new(source, 0, 0, "%s: want an object, got %s", path, goat_json_kind(item));
    goat_error *err = goat_json_int(source, item, path, "id", 1, INT_MAX, &p->id);
    if (!err)
        err = goat_json_count(source, item, path, "count", &p->count);
    if (!err)
        err = goat_json_string(source, item, path, "file", true, &p->file);
    if (!err && !goat_json_module_file(p->file))
        err = field_error(source, path, "file", "want a module-relative path with '/' separators");
    if (!err)
        err = goat_json_int(source, item, path, "line", 1, INT_MAX, &p->line);
    if (!err)
        err = goat_json_string(source, item, path, "func", true, &p->func);
    if (!err && !*p->func)
        err = field_error(source, path, "func", "empty");
    if (!err)
        err = goat_json_string(source, item, path, "lines", true, &p->lines);
    if (!err) {
        goat_report_range *ranges;
        size_t count;
        if (!goat_report_parse_lines(p->lines, &ranges, &count))
            err = field_error(source, path, "lines", "want ascending line ranges such as \"12-14,17\"");
        else
            free(ranges);
    }
    if (!err)
        err = goat_json_string(source, item, path, "kind", false, &p->kind);
    if (!err && p->kind && strcmp(p->kind, "track") != 0 && strcmp(p->kind, "insert") != 0)
        err = field_error(source, path, "kind", "want \"track\" or \"insert\"");
    return err;
}

static void free_entries(entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(entries[i].point.file);
        free(entries[i].point.func);
        free(entries[i].point.lines);
        free(entries[i].point.kind);
    }
    free(entries);
}

static int by_id_then_component(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->point.id != y->point.id)
        return x->point.id < y->point.id ? -1 : 1;
    int c = strcmp(x->component_name, y->component_name);
    if (c)
        return c;
    return (x->result > y->result) - (x->result < y->result);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool same_place(const goat_report_point *a, const goat_report_point *b)
{
    return strcmp(a->file, b->file) == 0 && a->line == b->line && strcmp(a->func, b->func) == 0 &&
           strcmp(a->lines, b->lines) == 0 &&
           (a->kind ? b->kind && strcmp(a->kind, b->kind) == 0 : !b->kind);
}

/* Brings the entries of one point (in several components) together: the
 * place must be the same; the count is the largest (components are read
 * one after the other, so a later one may have seen a few more runs). */
static goat_error *gather(const char *source, entry *entries, size_t count, goat_report_answer *out)
{
    if (count)
        goat_sort(entries, count, sizeof *entries, by_id_then_component);
    out->points = goat_xcalloc(count + 1, sizeof *out->points);
    for (size_t i = 0; i < count;) {
        size_t j = i + 1;
        while (j < count && entries[j].point.id == entries[i].point.id)
            j++;
        goat_report_point *p = &out->points[out->point_count++];
        *p = entries[i].point;
        memset(&entries[i].point, 0, sizeof entries[i].point);
        p->components = goat_xcalloc(j - i, sizeof *p->components);
        for (size_t k = i; k < j; k++) {
            const entry *e = &entries[k];
            if (k > i && strcmp(e->component_name, entries[k - 1].component_name) == 0)
                return goat_error_new(source, 0, 0,
                                      "results[%zu].metrics.items[%zu]: TRACK_ID_%d appears twice in component "
                                      "\"%s\"",
                                      e->result, e->item, p->id, e->component_name);
            if (k > i && !same_place(p, &e->point))
                return goat_error_new(source, 0, 0,
                                      "results[%zu].metrics.items[%zu]: TRACK_ID_%d is at %s:%d here but at %s:%d "
                                      "in component \"%s\"",
                                      e->result, e->item, p->id, e->point.file, e->point.line, p->file, p->line,
                                      entries[i].component_name);
            if (e->point.count > p->count)
                p->count = e->point.count;
            p->components[p->component_count++] = goat_xstrdup(e->component_name);
        }
        i = j;
    }
    return NULL;
}

static goat_error *read_header(const char *source, const cJSON *root, goat_report_answer *out)
{
    /* The reference's answer, and goat's before the point table, have no
     * commit: the likeliest wrong source, said as such. */
    if (!cJSON_GetObjectItemCaseSensitive(root, "commit"))
        return goat_error_new(source, 0, 0, "has no \"commit\": not " TRACK_ANSWER ", or from a build of an older "
                              "goat (track the project again)");
    goat_error *err = goat_json_string(source, root, "", "name", false, &out->app);
    if (!err)
        err = goat_json_string(source, root, "", "version", false, &out->version);
    if (!err)
        err = goat_json_string(source, root, "", "commit", true, &out->commit);
    if (!err && !goat_json_hex(out->commit, 40, 40))
        err = field_error(source, "", "commit", "want 40 lowercase hex digits");
    if (!err)
        err = goat_json_string(source, root, "", "digest", true, &out->digest);
    if (!err && !goat_json_hex(out->digest, 1, 64))
        err = field_error(source, "", "digest", "want 1 to 64 lowercase hex digits");
    /* Older builds do not say how many points their table has. */
    const cJSON *table_size = NULL;
    if (!err)
        err = goat_json_member(source, root, "", "points", cJSON_Number, false, &table_size);
    if (!err && table_size)
        err = goat_json_int(source, root, "", "points", 0, INT_MAX, &out->table_size);
    char *mode = NULL;
    if (!err)
        err = goat_json_string(source, root, "", "mode", true, &mode);
    if (!err) {
        if (strcmp(mode, "bool") == 0)
            out->mode = GOAT_REPORT_BOOL;
        else if (strcmp(mode, "count") == 0)
            out->mode = GOAT_REPORT_COUNT;
        else
            err = field_error(source, "", "mode", "want \"bool\" or \"count\"");
    }
    free(mode);
    return err;
}

/* The items of results[index], appended to *entries. */
static goat_error *read_result(const char *source, const cJSON *result, size_t index, char **name, entry **entries,
                               size_t *count, size_t *cap)
{
    char *path = goat_json_index_path("results", index);
    goat_error *err = NULL;
    const cJSON *metrics = NULL, *items = NULL;
    if (!cJSON_IsObject(result))
        err = goat_error_new(source, 0, 0, "%s: want an object, got %s", path, goat_json_kind(result));
    if (!err)
        err = goat_json_string(source, result, path, "name", true, name);
    if (!err)
        err = goat_json_member(source, result, path, "metrics", cJSON_Object, true, &metrics);
    char *metrics_path = goat_json_key_path(path, "metrics");
    if (!err)
        err = goat_json_member(source, metrics, metrics_path, "items", cJSON_Array, true, &items);
    size_t item_index = 0;
    const cJSON *item;
    if (!err) {
        cJSON_ArrayForEach(item, items)
        {
            char *item_path = goat_xasprintf("%s.items[%zu]", metrics_path, item_index);
            goat_grow((void **)entries, cap, *count + 1, sizeof **entries);
            entry *e = &(*entries)[(*count)++];
            memset(e, 0, sizeof *e);
            e->result = index;
            e->item = item_index++;
            err = read_item(source, item, item_path, &e->point);
            free(item_path);
            if (err)
                break;
        }
    }
    free(metrics_path);
    free(path);
    return err;
}

goat_error *goat_report_parse_track(const char *source, const char *text, size_t len, goat_report_answer *out)
{
    memset(out, 0, sizeof *out);
    if (len > GOAT_REPORT_MAX_ANSWER)
        return goat_error_new(source, 0, 0, "the answer is larger than %u MiB: not what goat serves",
                              GOAT_REPORT_MAX_ANSWER >> 20);
    cJSON *root = NULL;
    goat_error *err = goat_json_parse(source, TRACK_ANSWER, text, len, &root);
    if (err)
        return err;
    const cJSON *results = NULL;
    if (!cJSON_IsObject(root))
        err = goat_error_new(source, 0, 0, "want a JSON object, " TRACK_ANSWER ", got %s", goat_json_kind(root));
    if (!err)
        err = read_header(source, root, out);
    if (!err)
        err = goat_json_member(source, root, "", "results", cJSON_Array, true, &results);
    entry *entries = NULL;
    size_t count = 0, cap = 0, result_count = 0;
    char **names = NULL;
    if (!err) {
        names = goat_xcalloc((size_t)cJSON_GetArraySize(results) + 1, sizeof *names);
        const cJSON *result;
        cJSON_ArrayForEach(result, results)
        {
            size_t first = count;
            err = read_result(source, result, result_count, &names[result_count], &entries, &count, &cap);
            result_count++;
            if (err)
                break;
            for (size_t i = first; i < count; i++)
                entries[i].component_name = names[result_count - 1];
        }
    }
    if (!err)
        err = gather(source, entries, count, out);
    if (!err)
        err = goat_report_check_table_size(source, out);
    free_entries(entries, count);
    if (!err) {
        /* The components, sorted, each once (a component answered twice
         * with points is an error above). */
        goat_sort(names, result_count, sizeof *names, by_string);
        out->components = goat_xcalloc(result_count + 1, sizeof *out->components);
        for (size_t i = 0; i < result_count; i++)
            if (!out->component_count || strcmp(out->components[out->component_count - 1], names[i]) != 0)
                out->components[out->component_count++] = goat_xstrdup(names[i]);
    }
    for (size_t i = 0; i < result_count; i++)
        free(names[i]);
    free(names);
    cJSON_Delete(root);
    if (err)
        goat_report_answer_free(out);
    return err;
}
