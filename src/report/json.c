/* SPDX-License-Identifier: MIT */
/* Writer: the report as JSON on one line, built and printed with cJSON.
 * Counts are written as integer text, so that 64-bit counts keep every
 * digit. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "report/report.h"
#include "util/xalloc.h"

static cJSON *must(cJSON *item)
{
    if (!item)
        goat_out_of_memory();
    return item;
}

static cJSON *add(cJSON *to, const char *key, cJSON *item)
{
    must(item);
    if (!(key ? cJSON_AddItemToObject(to, key, item) : cJSON_AddItemToArray(to, item)))
        goat_out_of_memory();
    return item;
}

static void add_string(cJSON *to, const char *key, const char *s)
{
    add(to, key, s ? cJSON_CreateString(s) : cJSON_CreateNull());
}

static void add_size(cJSON *to, const char *key, size_t n)
{
    add(to, key, cJSON_CreateNumber((double)n));
}

static void add_count(cJSON *to, const char *key, uint64_t n)
{
    char text[32];
    snprintf(text, sizeof text, "%" PRIu64, n);
    add(to, key, cJSON_CreateRaw(text));
}

static void add_groups(cJSON *root, const char *key, const char *name_key, const goat_report_group *groups,
                       size_t count)
{
    cJSON *list = add(root, key, cJSON_CreateArray());
    for (size_t i = 0; i < count; i++) {
        cJSON *g = add(list, NULL, cJSON_CreateObject());
        if (groups[i].file) {
            add_string(g, "file", groups[i].file);
            add_size(g, "line", (size_t)groups[i].line);
        }
        add_string(g, name_key, groups[i].name);
        add_size(g, "total", groups[i].total);
        add_size(g, "covered", groups[i].covered);
    }
}

static void add_point(cJSON *list, const goat_report *r, const goat_report_point *p)
{
    cJSON *o = add(list, NULL, cJSON_CreateObject());
    add_size(o, "id", (size_t)p->id);
    add_string(o, "file", p->file);
    add_size(o, "line", (size_t)p->line);
    add_string(o, "func", p->func);
    add_string(o, "lines", p->lines);
    add_string(o, "kind", p->kind);
    add_count(o, "count", p->count);
    add(o, "ran", cJSON_CreateBool(p->count > 0));
    cJSON *components = add(o, "components", cJSON_CreateArray());
    for (size_t k = 0; k < p->component_count; k++)
        add_string(components, NULL, p->components[k]);
    cJSON *sources = add(o, "sources", cJSON_CreateArray());
    for (size_t k = 0; k < p->source_count; k++)
        add_string(sources, NULL, r->sources[p->sources[k]].name);
}

char *goat_report_json(const goat_report *r)
{
    cJSON *root = must(cJSON_CreateObject());
    add_size(root, "total", r->point_count);
    add_size(root, "covered", r->covered);
    add(root, "percent", cJSON_CreateNumber(goat_report_percent(r->covered, r->point_count)));
    add_string(root, "app", r->app);
    add_string(root, "version", r->version);
    add_string(root, "commit", r->commit);
    add_string(root, "digest", r->digest);
    add_string(root, "mode", r->digest ? (r->mode == GOAT_REPORT_COUNT ? "count" : "bool") : NULL);
    cJSON *sources = add(root, "sources", cJSON_CreateArray());
    for (size_t i = 0; i < r->source_count; i++) {
        const goat_report_source *s = &r->sources[i];
        cJSON *o = add(sources, NULL, cJSON_CreateObject());
        add_string(o, "source", s->name);
        if (s->problem) {
            add_string(o, "error", s->problem);
        } else {
            add_size(o, "points", s->points);
            add_size(o, "covered", s->covered);
        }
    }
    goat_report_summary s;
    goat_report_summarize(r, &s);
    add_groups(root, "components", "name", s.components, s.component_count);
    add_groups(root, "files", "file", s.files, s.file_count);
    add_groups(root, "functions", "func", s.functions, s.function_count);
    goat_report_summary_free(&s);
    cJSON *points = add(root, "points", cJSON_CreateArray());
    for (size_t i = 0; i < r->point_count; i++)
        add_point(points, r, &r->points[i]);
    size_t n;
    int *ids = goat_report_unreported(r, &n);
    cJSON *unreported = add(root, "unreported", cJSON_CreateArray());
    for (size_t i = 0; i < n; i++)
        add_size(unreported, NULL, (size_t)ids[i]);
    free(ids);
    char *printed = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!printed)
        goat_out_of_memory();
    char *text = goat_xasprintf("%s\n", printed);
    cJSON_free(printed);
    return text;
}
