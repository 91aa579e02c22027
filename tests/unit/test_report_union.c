/* SPDX-License-Identifier: MIT */
/* The union of answers: a point ran if it ran in any source, counts add,
 * each point lists the sources where it ran; answers of another build (table
 * digest) or placing a point elsewhere are errors that leave the report as
 * it was; lines missing from one source (Prometheus) come from another;
 * selecting components and the summaries by component, file and function. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/xalloc.h"

#define COMMIT "0123456789abcdef0123456789abcdef01234567"

typedef struct spec {
    int id;
    const char *file;
    int line;
    const char *func;
    const char *lines; /* NULL: unknown */
    uint64_t count;
    const char *component;
} spec;

static void make_answer(goat_report_answer *a, const char *digest, goat_report_mode mode, const spec *specs,
                        size_t n)
{
    memset(a, 0, sizeof *a);
    a->app = goat_xstrdup("shop");
    a->version = goat_xstrdup("v1");
    a->commit = goat_xstrdup(COMMIT);
    a->digest = goat_xstrdup(digest);
    a->mode = mode;
    a->points = goat_xcalloc(n + 1, sizeof *a->points);
    a->components = goat_xcalloc(n + 1, sizeof *a->components);
    for (size_t i = 0; i < n; i++) {
        goat_report_point *p = &a->points[a->point_count++];
        p->id = specs[i].id;
        p->file = goat_xstrdup(specs[i].file);
        p->line = specs[i].line;
        p->func = goat_xstrdup(specs[i].func);
        p->lines = specs[i].lines ? goat_xstrdup(specs[i].lines) : NULL;
        p->count = specs[i].count;
        p->components = goat_xcalloc(1, sizeof *p->components);
        p->components[p->component_count++] = goat_xstrdup(specs[i].component);
        bool known = false;
        for (size_t k = 0; k < a->component_count; k++)
            known = known || strcmp(a->components[k], specs[i].component) == 0;
        if (!known)
            a->components[a->component_count++] = goat_xstrdup(specs[i].component);
    }
}

static const spec instance_a[] = {
    {1, "a.go", 3, "main", "3-4", 1, "cmd/x"},
    {2, "a.go", 9, "helper", "9", 0, "cmd/x"},
    {4, "b.go", 5, "(*T).M", "5-7", 2, "cmd/x"},
};
static const spec instance_b[] = {
    {1, "a.go", 3, "main", "3-4", 4, "cmd/x"},
    {2, "a.go", 9, "helper", "9", 0, "cmd/x"},
    {3, "a.go", 20, "main.func1", "20", 1, "cmd/x"},
    {4, "b.go", 5, "(*T).M", "5-7", 0, "cmd/x"},
};

static void add_ok(goat_report *r, const char *source, const char *digest, goat_report_mode mode, const spec *specs,
                   size_t n)
{
    goat_report_answer a;
    make_answer(&a, digest, mode, specs, n);
    goat_error *err = goat_report_add(r, source, &a);
    cr_assert_null(err, "%s", err ? err->message : "");
}

Test(report_union, counts_add_and_ran_anywhere)
{
    goat_report r;
    goat_report_init(&r);
    add_ok(&r, "http://a", "d1", GOAT_REPORT_COUNT, instance_a, 3);
    add_ok(&r, "http://b", "d1", GOAT_REPORT_COUNT, instance_b, 4);
    cr_assert_eq(r.point_count, 4);
    cr_expect_eq(r.covered, 3);
    cr_expect_eq(r.answered, 2);
    cr_expect_eq(r.mode, GOAT_REPORT_COUNT);
    cr_expect_str_eq(r.digest, "d1");
    uint64_t counts[] = {5, 0, 1, 2};
    size_t ran_in[] = {2, 0, 1, 1};
    for (size_t i = 0; i < 4; i++) {
        cr_expect_eq(r.points[i].id, (int)i + 1);
        cr_expect_eq(r.points[i].count, counts[i], "TRACK_ID_%zu: %llu", i + 1,
                     (unsigned long long)r.points[i].count);
        cr_expect_eq(r.points[i].source_count, ran_in[i], "TRACK_ID_%zu", i + 1);
    }
    cr_expect_eq(r.points[2].sources[0], 1); /* http://b */
    cr_expect_eq(r.points[3].sources[0], 0); /* http://a */
    cr_expect_eq(r.sources[0].points, 3);
    cr_expect_eq(r.sources[0].covered, 2);
    cr_expect_eq(r.sources[1].covered, 2);
    goat_report_free(&r);
}

/* An answer that does not say its app and version (a saved one with null
 * there) leaves them to the next that does. */
Test(report_union, app_and_version_from_the_first_answer_that_says_them)
{
    goat_report r;
    goat_report_init(&r);
    goat_report_answer a;
    make_answer(&a, "d1", GOAT_REPORT_COUNT, instance_a, 3);
    free(a.app);
    free(a.version);
    a.app = a.version = NULL;
    cr_assert_null(goat_report_add(&r, "saved.json", &a));
    cr_expect_null(r.app);
    cr_expect_null(r.version);
    add_ok(&r, "http://b", "d1", GOAT_REPORT_COUNT, instance_b, 4);
    cr_expect_str_eq(r.app, "shop");
    cr_expect_str_eq(r.version, "v1");
    goat_report_free(&r);
}

Test(report_union, counts_saturate)
{
    spec big[] = {{1, "a.go", 3, "main", "3", UINT64_MAX - 1, "m"}};
    goat_report r;
    goat_report_init(&r);
    add_ok(&r, "a", "d1", GOAT_REPORT_COUNT, big, 1);
    add_ok(&r, "b", "d1", GOAT_REPORT_COUNT, big, 1);
    cr_expect_eq(r.points[0].count, UINT64_MAX);
    goat_report_free(&r);
}

Test(report_union, another_build_is_an_error_and_changes_nothing)
{
    goat_report r;
    goat_report_init(&r);
    add_ok(&r, "http://a", "d1", GOAT_REPORT_COUNT, instance_a, 3);
    goat_report_answer a;
    make_answer(&a, "d2", GOAT_REPORT_COUNT, instance_b, 4);
    goat_error *err = goat_report_add(&r, "saved.json", &a);
    cr_assert(err);
    char *msg = goat_error_format(err);
    cr_expect(strstr(msg, "http://a and saved.json are different builds"), "%s", msg);
    cr_expect(strstr(msg, "d1") && strstr(msg, "d2"), "%s", msg);
    free(msg);
    goat_error_free(err);
    cr_expect_eq(r.point_count, 3);
    cr_expect_eq(r.source_count, 1);
    cr_expect_eq(r.covered, 2);
    goat_report_free(&r);
}

Test(report_union, a_point_elsewhere_is_an_error_and_changes_nothing)
{
    goat_report r;
    goat_report_init(&r);
    add_ok(&r, "http://a", "d1", GOAT_REPORT_COUNT, instance_a, 3);
    spec moved[] = {{1, "a.go", 3, "main", "3-4", 1, "cmd/x"}, {4, "b.go", 6, "(*T).M", "5-7", 9, "cmd/x"}};
    goat_report_answer a;
    make_answer(&a, "d1", GOAT_REPORT_COUNT, moved, 2);
    goat_error *err = goat_report_add(&r, "http://b", &a);
    cr_assert(err);
    cr_expect(strstr(err->message, "TRACK_ID_4 is at b.go:6") && strstr(err->message, "in http://a"), "%s",
              err->message);
    goat_error_free(err);
    cr_expect_eq(r.points[0].count, 1);
    cr_expect_eq(r.points[2].count, 2);
    goat_report_free(&r);
}

Test(report_union, lines_come_from_the_source_that_has_them)
{
    spec from_prometheus[] = {{4, "b.go", 5, "(*T).M", NULL, 3, "cmd/y"}};
    goat_report r;
    goat_report_init(&r);
    add_ok(&r, "http://prom", "d1", GOAT_REPORT_BOOL, from_prometheus, 1);
    cr_expect_null(r.points[0].lines);
    add_ok(&r, "http://a", "d1", GOAT_REPORT_COUNT, instance_a, 3);
    cr_assert_eq(r.point_count, 3);
    cr_expect_str_eq(r.points[2].lines, "5-7");
    cr_expect_eq(r.points[2].count, 5);
    cr_assert_eq(r.points[2].component_count, 2);
    cr_expect_str_eq(r.points[2].components[0], "cmd/x");
    cr_expect_str_eq(r.points[2].components[1], "cmd/y");
    /* One source without counts makes the report a bool one, first or not. */
    cr_expect_eq(r.mode, GOAT_REPORT_BOOL);
    goat_report_free(&r);
    goat_report_init(&r);
    add_ok(&r, "http://a", "d1", GOAT_REPORT_COUNT, instance_a, 3);
    cr_expect_eq(r.mode, GOAT_REPORT_COUNT);
    add_ok(&r, "http://prom", "d1", GOAT_REPORT_BOOL, from_prometheus, 1);
    cr_expect_eq(r.mode, GOAT_REPORT_BOOL);
    goat_report_free(&r);
}

Test(report_union, problems_are_sources_without_points)
{
    goat_report r;
    goat_report_init(&r);
    goat_error *why = goat_error_new("http://gone", 0, 0, "cannot connect");
    goat_report_add_problem(&r, "http://gone", why);
    goat_error_free(why);
    add_ok(&r, "http://a", "d1", GOAT_REPORT_COUNT, instance_a, 3);
    cr_expect_eq(r.source_count, 2);
    cr_expect_eq(r.answered, 1);
    cr_expect_str_eq(r.sources[0].problem, "http://gone: cannot connect");
    cr_expect_eq(r.points[0].sources[0], 1);
    goat_report_free(&r);
}

Test(report_union, select_components)
{
    spec two[] = {{1, "a.go", 3, "main", "3", 1, "cmd/x"},
                  {4, "b.go", 3, "main", "3", 2, "cmd/z"},
                  {5, "c.go", 3, "main", "3", 0, "cmd/z"}};
    goat_report r;
    goat_report_init(&r);
    add_ok(&r, "a", "d1", GOAT_REPORT_BOOL, two, 3);
    const char *unknown[] = {"cmd/q"};
    goat_error *err = goat_report_select(&r, unknown, 1);
    cr_assert(err);
    cr_expect(strstr(err->message, "\"cmd/q\"") && strstr(err->message, "cmd/x, cmd/z"), "%s", err->message);
    goat_error_free(err);
    const char *z[] = {"cmd/z"};
    cr_assert_null(goat_report_select(&r, z, 1));
    cr_assert_eq(r.point_count, 2);
    cr_expect_eq(r.points[0].id, 4);
    cr_expect_eq(r.points[1].id, 5);
    cr_expect_eq(r.covered, 1);
    cr_assert_eq(r.component_count, 1);
    cr_expect_str_eq(r.components[0], "cmd/z");
    goat_report_free(&r);
}

Test(report_union, summaries)
{
    goat_report r;
    goat_report_init(&r);
    add_ok(&r, "a", "d1", GOAT_REPORT_COUNT, instance_a, 3);
    add_ok(&r, "b", "d1", GOAT_REPORT_COUNT, instance_b, 4);
    goat_report_summary s;
    goat_report_summarize(&r, &s);
    cr_assert_eq(s.component_count, 1);
    cr_expect(s.components[0].total == 4 && s.components[0].covered == 3);
    cr_assert_eq(s.file_count, 2);
    cr_expect_str_eq(s.files[0].name, "a.go");
    cr_expect(s.files[0].total == 3 && s.files[0].covered == 2);
    cr_expect(s.files[1].total == 1 && s.files[1].covered == 1);
    /* Functions by file, then by their first point's line. */
    cr_assert_eq(s.function_count, 4);
    const char *names[] = {"main", "helper", "main.func1", "(*T).M"};
    int lines[] = {3, 9, 20, 5};
    for (size_t i = 0; i < 4; i++) {
        cr_expect_str_eq(s.functions[i].name, names[i]);
        cr_expect_eq(s.functions[i].line, lines[i]);
    }
    cr_expect_eq(s.functions[1].covered, 0);
    goat_report_summary_free(&s);
    cr_expect_float_eq(goat_report_percent(3, 4), 75.0, 1e-9);
    cr_expect_float_eq(goat_report_percent(0, 0), 100.0, 1e-9);
    goat_report_free(&r);
}

/* The table's size: the IDs no source reports; every answer of the build
 * agrees on it and has its points in it; a selection forgets it. */
Test(report_union, points_in_no_component)
{
    goat_report r;
    goat_report_init(&r);
    goat_report_answer a;
    make_answer(&a, "d1", GOAT_REPORT_COUNT, instance_a, 3);
    a.table_size = 7;
    cr_assert_null(goat_report_add(&r, "http://a", &a));
    size_t n;
    int *ids = goat_report_unreported(&r, &n);
    cr_assert_eq(n, 4);
    int want[] = {3, 5, 6, 7};
    for (size_t i = 0; i < n; i++)
        cr_expect_eq(ids[i], want[i]);
    free(ids);
    /* A source that does not say the size (an older build) changes nothing. */
    add_ok(&r, "http://b", "d1", GOAT_REPORT_COUNT, instance_b, 4);
    cr_expect_eq(r.table_size, 7);
    ids = goat_report_unreported(&r, &n);
    cr_expect(n == 3 && ids[0] == 5, "%zu IDs from %d", n, n ? ids[0] : 0);
    free(ids);
    const char *x[] = {"cmd/x"};
    cr_assert_null(goat_report_select(&r, x, 1));
    ids = goat_report_unreported(&r, &n);
    cr_expect_eq(n, 0);
    free(ids);
    goat_report_free(&r);
}

Test(report_union, table_sizes_that_disagree)
{
    const struct {
        int first_size, second_size;
        const spec *second;
        size_t second_count;
        const char *want;
    } cases[] = {
        {7, 8, instance_b, 4, "the point table has 8 points here, but 7 in http://a"},
        {3, 0, instance_b, 4, "TRACK_ID_4 is past the end of the point table (3 points) of http://a"},
        {0, 3, instance_a, 2, "the point table has 3 points here, but http://a reports TRACK_ID_4"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        goat_report r;
        goat_report_init(&r);
        goat_report_answer a;
        make_answer(&a, "d1", GOAT_REPORT_COUNT, instance_a, cases[i].first_size == 3 ? 2 : 3);
        a.table_size = cases[i].first_size;
        cr_assert_null(goat_report_add(&r, "http://a", &a));
        make_answer(&a, "d1", GOAT_REPORT_COUNT, cases[i].second, cases[i].second_count);
        a.table_size = cases[i].second_size;
        goat_error *err = goat_report_add(&r, "http://b", &a);
        cr_assert(err, "case %zu accepted", i);
        cr_expect(strstr(err->message, cases[i].want), "case %zu: %s", i, err->message);
        cr_expect_str_eq(err->file, "http://b");
        goat_error_free(err);
        cr_expect_eq(r.table_size, cases[i].first_size, "case %zu: the report changed", i);
        goat_report_free(&r);
    }
}
