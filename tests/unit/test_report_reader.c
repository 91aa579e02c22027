/* SPDX-License-Identifier: MIT */
/* The readers of untrusted answers: a /track answer (as src/gen/gen.h
 * specifies it) and Prometheus's query API answers. Valid answers give the
 * points, each once, with their components; truncated text, wrong types,
 * numbers out of range, duplicate IDs, control characters and missing
 * fields are errors naming the source and the place; unknown fields are
 * ignored. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/xalloc.h"

#define COMMIT "0123456789abcdef0123456789abcdef01234567"

/* A /track answer with the given items in component "cmd/a" and, when
 * items_b is not NULL, in component "cmd/b". */
static char *answer(const char *items_a, const char *items_b)
{
    char *b = items_b ? goat_xasprintf(",{\"id\":1,\"name\":\"cmd/b\",\"metrics\":{\"version\":\"v\",\"total\":0,"
                                       "\"covered\":0,\"coveredRate\":0,\"items\":[%s]}}",
                                       items_b)
                      : goat_xstrdup("");
    char *text = goat_xasprintf("{\"name\":\"shop\",\"version\":\"v1\",\"commit\":\"" COMMIT "\",\"digest\":\"ab12\","
                                "\"mode\":\"count\",\"results\":[{\"id\":0,\"name\":\"cmd/a\",\"metrics\":{\"version\":"
                                "\"v\",\"total\":0,\"covered\":0,\"coveredRate\":0,\"items\":[%s]}}%s]}",
                                items_a, b);
    free(b);
    return text;
}

#define ITEM(id, count, file, line, func, lines)                                                                      \
    "{\"id\":" #id ",\"name\":\"TRACK_ID_" #id "\",\"count\":" count ",\"file\":\"" file "\",\"line\":" #line       \
    ",\"func\":\"" func "\",\"lines\":\"" lines "\",\"kind\":\"track\"}"

static goat_error *parse(const char *text, goat_report_answer *a)
{
    return goat_report_parse_track("src.json", text, strlen(text), a);
}

/* The message of the error text gives, freed. */
static char *fails(const char *text)
{
    goat_report_answer a;
    goat_error *err = parse(text, &a);
    cr_assert(err, "accepted: %s", text);
    char *msg = goat_error_format(err);
    goat_error_free(err);
    return msg;
}

static void expect_error(const char *text, const char *needle)
{
    char *msg = fails(text);
    cr_expect(strstr(msg, needle), "error \"%s\" lacks \"%s\"", msg, needle);
    cr_expect(strncmp(msg, "src.json:", 9) == 0, "error \"%s\" does not name the source", msg);
    free(msg);
}

Test(track_reader, valid_answer)
{
    char *text = answer(ITEM(2, "5", "b.go", 9, "(*T).M", "9-10,12") "," ITEM(1, "0", "a/a.go", 3, "main", "3"),
                        ITEM(2, "7", "b.go", 9, "(*T).M", "9-10,12"));
    goat_report_answer a;
    goat_error *err = parse(text, &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_str_eq(a.app, "shop");
    cr_expect_str_eq(a.version, "v1");
    cr_expect_str_eq(a.commit, COMMIT);
    cr_expect_str_eq(a.digest, "ab12");
    cr_expect_eq(a.mode, GOAT_REPORT_COUNT);
    cr_assert_eq(a.point_count, 2);
    cr_expect_eq(a.points[0].id, 1);
    cr_expect_str_eq(a.points[0].file, "a/a.go");
    cr_expect_eq(a.points[0].component_count, 1);
    cr_expect_eq(a.points[1].id, 2);
    cr_expect_str_eq(a.points[1].func, "(*T).M");
    cr_expect_str_eq(a.points[1].lines, "9-10,12");
    cr_expect_str_eq(a.points[1].kind, "track");
    /* One process counts a point once: the components show the same
     * counter, read at slightly different times. */
    cr_expect_eq(a.points[1].count, 7);
    cr_assert_eq(a.points[1].component_count, 2);
    cr_expect_str_eq(a.points[1].components[0], "cmd/a");
    cr_expect_str_eq(a.points[1].components[1], "cmd/b");
    cr_assert_eq(a.component_count, 2);
    goat_report_answer_free(&a);
    free(text);
}

Test(track_reader, unknown_fields_are_ignored)
{
    const char *text = "{\"future\":[1,{\"x\":null}],\"commit\":\"" COMMIT "\",\"digest\":\"ff\",\"mode\":\"bool\","
                       "\"results\":[{\"name\":\"m\",\"extra\":true,\"metrics\":{\"items\":[{\"id\":1,\"count\":1,"
                       "\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":\"\",\"new\":{}}]}}]}";
    goat_report_answer a;
    goat_error *err = parse(text, &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_null(a.app);
    cr_expect_null(a.points[0].kind);
    cr_expect_eq(a.mode, GOAT_REPORT_BOOL);
    goat_report_answer_free(&a);
}

/* points, the table's size, is optional (older builds do not give it). */
Test(track_reader, table_size)
{
    const char *head = "{\"commit\":\"" COMMIT "\",\"digest\":\"ab\",\"mode\":\"bool\",";
    char *text = goat_xasprintf("%s\"points\":9,\"results\":[]}", head);
    goat_report_answer a;
    goat_error *err = parse(text, &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_eq(a.table_size, 9);
    goat_report_answer_free(&a);
    free(text);
    text = goat_xasprintf("%s\"points\":2,\"results\":[{\"name\":\"m\",\"metrics\":{\"items\":[%s]}}]}", head,
                          ITEM(3, "0", "a.go", 1, "f", "1"));
    expect_error(text, "TRACK_ID_3 is past the end of the point table (2 points): not what goat serves");
    free(text);
    /* The size is bounded: the report lists the points no source reports. */
    text = goat_xasprintf("%s\"points\":4194304,\"results\":[]}", head);
    err = parse(text, &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_eq(a.table_size, 4194304);
    goat_report_answer_free(&a);
    free(text);
    text = goat_xasprintf("%s\"points\":4194305,\"results\":[]}", head);
    expect_error(text, "the point table has 4194305 points, more than goat reads (4194304): not what goat serves");
    free(text);
    const char *bad[][2] = {
        {"\"points\":\"9\"", "points: want a number, got a string"},
        {"\"points\":-1", "points: want a whole number from 0 to 2147483647"},
        {"\"points\":2.5", "points: want a whole number"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        text = goat_xasprintf("%s%s,\"results\":[]}", head, bad[i][0]);
        expect_error(text, bad[i][1]);
        free(text);
    }
}

Test(track_reader, truncated)
{
    char *text = answer(ITEM(1, "0", "a.go", 3, "main", "3"), NULL);
    size_t len = strlen(text);
    for (size_t cut = 0; cut < len; cut++) {
        goat_report_answer a;
        goat_error *err = goat_report_parse_track("src.json", text, cut, &a);
        cr_assert(err, "accepted the first %zu bytes", cut);
        cr_expect_str_eq(err->file, "src.json");
        goat_error_free(err);
    }
    char *msg = fails("{\"commit\":\n\"0123");
    cr_expect(strstr(msg, "src.json:2:2: not valid JSON"), "no line and column in %s", msg);
    free(msg);
    free(text);
}

Test(track_reader, not_json_or_not_goat)
{
    expect_error("", "empty answer");
    expect_error("goat_track_total{app=\"x\"} 3\n", "src.json:1:1: not valid JSON: want a goat /track answer");
    expect_error("[]", "want a JSON object");
    expect_error("{} {}", "unexpected text after the JSON value");
    expect_error("{\"name\":\"x\",\"version\":\"y\",\"results\":[]}",
                 "has no \"commit\": not a goat /track answer (what a tracked program serves, or curl saved from it), "
                 "or from a build of an older goat (track the project again)");
}

Test(track_reader, wrong_types)
{
    char *items[] = {
        answer("{\"id\":\"1\",\"count\":0,\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":\"1\"}", NULL),
        answer("{\"id\":1,\"count\":0,\"file\":\"a.go\",\"line\":\"1\",\"func\":\"f\",\"lines\":\"1\"}", NULL),
        answer("{\"id\":1,\"count\":null,\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":\"1\"}", NULL),
        answer("{\"id\":1,\"count\":0,\"file\":7,\"line\":1,\"func\":\"f\",\"lines\":\"1\"}", NULL),
        answer("{\"id\":1,\"count\":0,\"file\":\"a.go\",\"line\":1,\"func\":[],\"lines\":\"1\"}", NULL),
        answer("{\"id\":1,\"count\":0,\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":12}", NULL),
        answer("1", NULL),
    };
    const char *want[] = {
        "results[0].metrics.items[0].id: want a number, got a string",
        "results[0].metrics.items[0].line: want a number, got a string",
        "results[0].metrics.items[0].count: want a number, got null",
        "results[0].metrics.items[0].file: want a string, got a number",
        "results[0].metrics.items[0].func: want a string, got an array",
        "results[0].metrics.items[0].lines: want a string, got a number",
        "results[0].metrics.items[0]: want an object, got a number",
    };
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        expect_error(items[i], want[i]);
        free(items[i]);
    }
    expect_error("{\"commit\":1}", "commit: want a string, got a number");
    expect_error("{\"commit\":\"" COMMIT "\",\"digest\":\"ab\",\"mode\":\"bool\",\"results\":{}}",
                 "results: want an array, got an object");
    expect_error("{\"commit\":\"" COMMIT "\",\"digest\":\"ab\",\"mode\":\"bool\",\"results\":[{\"name\":\"a\","
                 "\"metrics\":{\"items\":{}}}]}",
                 "results[0].metrics.items: want an array, got an object");
    expect_error("{\"commit\":\"" COMMIT "\",\"digest\":\"ab\",\"mode\":\"both\",\"results\":[]}",
                 "mode: want \"bool\" or \"count\"");
    expect_error("{\"commit\":\"abc\",\"digest\":\"ab\",\"mode\":\"bool\",\"results\":[]}",
                 "commit: want 40 lowercase hex digits");
}

Test(track_reader, numbers_out_of_range)
{
    const char *bad[][2] = {
        {"\"count\":-1", "count: want a whole number >= 0, got -1"},
        {"\"count\":1.5", "count: want a whole number"},
        {"\"count\":-1e300", "count: want a whole number"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *item = goat_xasprintf("{\"id\":1,%s,\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":\"1\"}",
                                    bad[i][0]);
        char *text = answer(item, NULL);
        expect_error(text, bad[i][1]);
        free(text);
        free(item);
    }
    const char *bad_ids[] = {"0", "-3", "2147483648", "1e10", "99999999999999999999"};
    for (size_t i = 0; i < sizeof bad_ids / sizeof *bad_ids; i++) {
        char *item = goat_xasprintf("{\"id\":%s,\"count\":0,\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":"
                                    "\"1\"}",
                                    bad_ids[i]);
        char *text = answer(item, NULL);
        expect_error(text, "id: want a whole number from 1 to 2147483647");
        free(text);
        free(item);
    }
    /* Counts are read as exactly as cJSON's double allows (2^53 + 1 reads
     * as 2^53), never wrapped or negative; from 2^64 on, as cJSON reads them
     * (2^64 - 1 among them), they saturate. */
    const struct {
        const char *text;
        uint64_t want;
    } counts[] = {
        {"9007199254740992", UINT64_C(9007199254740992)},
        {"9007199254740993", UINT64_C(9007199254740992)},
        {"18446744073709549568", UINT64_C(18446744073709549568)},
        {"18446744073709551615", UINT64_MAX},
        {"18446744073709551616", UINT64_MAX},
        {"99999999999999999999999", UINT64_MAX},
        {"1e300", UINT64_MAX},
        {"1e999", UINT64_MAX},
    };
    for (size_t i = 0; i < sizeof counts / sizeof *counts; i++) {
        char *item = goat_xasprintf("{\"id\":1,\"count\":%s,\"file\":\"a.go\",\"line\":1,\"func\":\"f\","
                                    "\"lines\":\"1\"}",
                                    counts[i].text);
        char *text = answer(item, NULL);
        goat_report_answer a;
        goat_error *err = parse(text, &a);
        cr_assert_null(err, "count %s: %s", counts[i].text, err ? err->message : "");
        cr_expect_eq(a.points[0].count, counts[i].want, "count %s read as %llu", counts[i].text,
                     (unsigned long long)a.points[0].count);
        goat_report_answer_free(&a);
        free(text);
        free(item);
    }
}

Test(track_reader, duplicate_ids)
{
    char *text = answer(ITEM(3, "0", "a.go", 3, "f", "3") "," ITEM(3, "1", "a.go", 3, "f", "3"), NULL);
    expect_error(text, "TRACK_ID_3 appears twice in component \"cmd/a\"");
    free(text);
    text = answer(ITEM(3, "0", "a.go", 3, "f", "3"), ITEM(3, "0", "a.go", 4, "f", "3"));
    expect_error(text, "TRACK_ID_3 is at a.go:4 here but at a.go:3 in component \"cmd/a\"");
    free(text);
}

/* cJSON reads the first of two members of one name, Go the last. */
Test(track_reader, members_given_twice)
{
    char *text = answer("{\"id\":1,\"count\":0,\"count\":5,\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":\"1\"}",
                        NULL);
    expect_error(text, "results[0].metrics.items[0].count: given twice");
    free(text);
    expect_error("{\"commit\":\"" COMMIT "\",\"digest\":\"ab\",\"mode\":\"bool\",\"results\":[],\"results\":[]}",
                 "results: given twice");
    /* Unknown members may repeat: nothing reads them. */
    goat_report_answer a;
    goat_error *err = parse("{\"x\":1,\"x\":2,\"commit\":\"" COMMIT "\",\"digest\":\"ab\",\"mode\":\"bool\","
                            "\"results\":[]}",
                            &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_report_answer_free(&a);
}

Test(track_reader, strings_checked)
{
    const char *bad[][2] = {
        {"\"file\":\"a\\u001b[31m.go\"", "file: a control character or invalid UTF-8"},
        {"\"file\":\"/etc/passwd\"", "file: want a module-relative path"},
        {"\"file\":\"a/../b.go\"", "file: want a module-relative path"},
        {"\"file\":\"./b.go\"", "file: want a module-relative path"},
        {"\"file\":\"a//b.go\"", "file: want a module-relative path"},
        {"\"file\":\"a/\"", "file: want a module-relative path"},
        {"\"file\":\"a\\u007f.go\"", "file: a control character or invalid UTF-8"},
        {"\"file\":\"a\\u0085.go\"", "file: a control character or invalid UTF-8"},
        {"\"file\":\"\"", "file: want a module-relative path"},
        {"\"file\":\"a\\xff.go\"", "not valid JSON"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *item = goat_xasprintf("{\"id\":1,\"count\":0,%s,\"line\":1,\"func\":\"f\",\"lines\":\"1\"}", bad[i][0]);
        char *text = answer(item, NULL);
        expect_error(text, bad[i][1]);
        free(text);
        free(item);
    }
    const char *lines[] = {"x", "3-1", "1,1", "4,2", "0", "1-", ",1", "1,", "12345678901"};
    for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
        char *item = goat_xasprintf("{\"id\":1,\"count\":0,\"file\":\"a.go\",\"line\":1,\"func\":\"f\",\"lines\":\"%s\"}",
                                    lines[i]);
        char *text = answer(item, NULL);
        expect_error(text, "lines: want ascending line ranges");
        free(text);
        free(item);
    }
    /* Invalid UTF-8 that reaches cJSON as raw bytes. */
    char *text = answer("{\"id\":1,\"count\":0,\"file\":\"a\xc3\x28.go\",\"line\":1,\"func\":\"f\",\"lines\":\"1\"}",
                        NULL);
    expect_error(text, "file: a control character or invalid UTF-8");
    free(text);
}

/* cJSON would cut a string at a NUL and drop the rest without a word. */
Test(track_reader, nul_characters_refused)
{
    const char *bad[] = {
        "\"file\":\"a.go\\u0000/../../etc/passwd\"",
        "\"file\":\"a.go\",\"func\":\"f\\u0000\\u001b[31m\"",
        "\"file\":\"a.go\",\"id\\u0000x\":7",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char *item = goat_xasprintf("{\"id\":1,\"count\":0,%s,\"line\":1,\"func\":\"f\",\"lines\":\"1\"}", bad[i]);
        char *text = answer(item, NULL);
        expect_error(text, "a NUL character (a zero byte or \\u0000)");
        char *msg = fails(text);
        cr_expect(strstr(msg, "src.json:1:"), "no line and column in %s", msg);
        free(msg);
        free(text);
        free(item);
    }
    /* A raw zero byte, in a string, then after the value. */
    char *text = answer(ITEM(1, "0", "a.go", 1, "f", "1"), NULL);
    size_t len = strlen(text);
    goat_report_answer a;
    char *in_string = strstr(text, ".go");
    *in_string = '\0';
    goat_error *err = goat_report_parse_track("src.json", text, len, &a);
    *in_string = '.';
    cr_assert(err, "a zero byte in a string accepted");
    cr_expect(strstr(err->message, "a NUL character"), "%s", err->message);
    goat_error_free(err);
    err = goat_report_parse_track("src.json", text, len + 1, &a);
    cr_assert(err, "a zero byte after the value accepted");
    cr_expect(strstr(err->message, "a NUL character"), "%s", err->message);
    goat_error_free(err);
    free(text);
    /* An escaped backslash before u0000 is no NUL. */
    text = answer(ITEM(1, "0", "a\\\\u0000.go", 1, "f", "1"), NULL);
    err = parse(text, &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_str_eq(a.points[0].file, "a\\u0000.go");
    goat_report_answer_free(&a);
    free(text);
}

Test(track_reader, line_ranges)
{
    goat_report_range *r;
    size_t n;
    cr_assert(goat_report_parse_lines("12-14,17,20-21", &r, &n));
    cr_assert_eq(n, 3);
    cr_expect(r[0].first == 12 && r[0].last == 14);
    cr_expect(r[1].first == 17 && r[1].last == 17);
    cr_expect(r[2].first == 20 && r[2].last == 21);
    free(r);
    cr_assert(goat_report_parse_lines("", &r, &n));
    cr_expect_eq(n, 0);
    goat_report_point p = {.line = 5, .lines = ""};
    goat_report_point_ranges(&p, &r, &n);
    cr_assert_eq(n, 1);
    cr_expect(r[0].first == 5 && r[0].last == 5);
    free(r);
}

#define BUILDS(rows) "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[" rows "]}}"
#define BUILD(digest, mode, component)                                                                                \
    "{\"metric\":{\"commit\":\"" COMMIT "\",\"digest\":\"" digest "\",\"mode\":\"" mode "\",\"component\":\""       \
    component "\"},\"value\":[1700000000.5,\"1\"]}"
#define SERIES(id, file, line, func, component, value)                                                                \
    "{\"metric\":{\"id\":\"" #id "\",\"file\":\"" file "\",\"line\":\"" #line "\",\"func\":\"" func                  \
    "\",\"component\":\"" component "\"},\"value\":[1700000000.5,\"" value "\"]}"

static goat_error *parse_prometheus(const char *builds, const char *points, goat_report_answer *a)
{
    return goat_report_parse_prometheus("http://prom", "app=\"shop\"", builds, strlen(builds), points,
                                        strlen(points), a);
}

Test(prometheus_reader, series_become_points)
{
    goat_report_answer a;
    goat_error *err = parse_prometheus(
        BUILDS(BUILD("ab12", "count", "cmd/a") "," BUILD("ab12", "count", "cmd/b")),
        BUILDS(SERIES(4, "c.go", 6, "Add", "cmd/b", "2") "," SERIES(4, "c.go", 6, "Add", "cmd/a", "3") ","
               SERIES(2, "m.go", 12, "main", "cmd/b", "0")),
        &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_str_eq(a.digest, "ab12");
    cr_expect_str_eq(a.commit, COMMIT);
    cr_expect_eq(a.mode, GOAT_REPORT_COUNT);
    cr_assert_eq(a.point_count, 2);
    cr_expect_eq(a.points[0].id, 2);
    cr_expect_null(a.points[0].lines);
    cr_expect_eq(a.points[1].id, 4);
    /* Different components are different processes: their counts add. */
    cr_expect_eq(a.points[1].count, 5);
    cr_expect_eq(a.points[1].component_count, 2);
    cr_expect_eq(a.component_count, 2);
    goat_report_answer_free(&a);
}

static void expect_prometheus_error(const char *builds, const char *points, const char *needle)
{
    goat_report_answer a;
    goat_error *err = parse_prometheus(builds, points, &a);
    cr_assert(err, "accepted %s", points);
    char *msg = goat_error_format(err);
    cr_expect(strstr(msg, needle), "error \"%s\" lacks \"%s\"", msg, needle);
    cr_expect(strncmp(msg, "http://prom:", 12) == 0, "error \"%s\" does not name the source", msg);
    free(msg);
    goat_error_free(err);
}

Test(prometheus_reader, errors)
{
    const char *one = BUILDS(BUILD("ab12", "bool", "cmd/a"));
    expect_prometheus_error(BUILDS(""), BUILDS(""), "no goat_build_info series for app=\"shop\"");
    expect_prometheus_error(BUILDS(BUILD("ab12", "bool", "a") "," BUILD("cd34", "bool", "a")), BUILDS(""),
                            "come from different builds");
    expect_prometheus_error("{\"status\":\"error\",\"error\":\"bad\"}", BUILDS(""), "did not succeed");
    expect_prometheus_error(one, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}",
                            "want \"vector\"");
    expect_prometheus_error(one, BUILDS(SERIES(0, "a.go", 1, "f", "cmd/a", "1")), "id: want a whole number");
    expect_prometheus_error(one, BUILDS(SERIES(x, "a.go", 1, "f", "cmd/a", "1")), "id: want a whole number");
    expect_prometheus_error(one, BUILDS(SERIES(1, "a.go", 1, "f", "cmd/a", "NaN")), "value: want");
    expect_prometheus_error(one, BUILDS(SERIES(1, "a.go", 1, "f", "cmd/a", "-1")), "value: want");
    expect_prometheus_error(one, BUILDS(SERIES(1, "a.go", 1, "f", "cmd/a", "0.5")), "value: want");
    expect_prometheus_error(one, BUILDS(SERIES(1, "a.go", 1, "f", "cmd/a", "1e-999")), "value: want");
    expect_prometheus_error(one, BUILDS(SERIES(1, "a.go", 1, "f", "cmd/a", "1") "," SERIES(1, "a.go", 2, "f", "cmd/b", "1")),
                            "TRACK_ID_1 has two places");
    expect_prometheus_error(one, BUILDS(SERIES(1, "a.go", 1, "f", "cmd/a", "1") "," SERIES(1, "a.go", 1, "f", "cmd/a", "1")),
                            "two series for component");
    expect_prometheus_error(one, BUILDS("{\"metric\":{},\"value\":[1,\"1\"]}"), "has no \"id\"");
    expect_prometheus_error(one, "{\"status\":\"succ",
                            "1:12: not valid JSON: want an answer of Prometheus's query API "
                            "(is --prometheus the URL of a Prometheus server?)");
    expect_prometheus_error(one, "{\"name\":\"shop\",\"results\":[]}", "has no \"status\": not an answer of Prometheus's");
    expect_prometheus_error(one, BUILDS(SERIES(1, "a.go\\u0000x", 1, "f", "cmd/a", "1")), "a NUL character");
}

/* Prometheus keeps samples as doubles and sums them as doubles: counts from
 * 2^64 on, and +Inf, saturate; the sum over components too. */
Test(prometheus_reader, huge_values_saturate)
{
    const char *values[] = {"1.8446744073709552e+19", "3.6893488147419103e+19", "+Inf", "1e999"};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        char *series = goat_xasprintf("{\"metric\":{\"id\":\"1\",\"file\":\"a.go\",\"line\":\"1\",\"func\":\"f\","
                                      "\"component\":\"cmd/a\"},\"value\":[1,\"%s\"]}",
                                      values[i]);
        char *points = goat_xasprintf("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[%s,%s]}}",
                                series, SERIES(1, "a.go", 1, "f", "cmd/b", "7"));
        goat_report_answer a;
        goat_error *err = parse_prometheus(BUILDS(BUILD("ab12", "count", "cmd/a")), points, &a);
        cr_assert_null(err, "value %s: %s", values[i], err ? err->message : "");
        cr_expect_eq(a.points[0].count, UINT64_MAX, "value %s read as %llu", values[i],
                     (unsigned long long)a.points[0].count);
        goat_report_answer_free(&a);
        free(points);
        free(series);
    }
}

#define SIZED_BUILD(component, points)                                                                         \
    "{\"metric\":{\"commit\":\"" COMMIT "\",\"digest\":\"ab12\",\"mode\":\"bool\",\"component\":\"" component   \
    "\",\"points\":\"" points "\"},\"value\":[1,\"1\"]}"

/* goat_build_info's points label, the table's size, is optional (series of
 * older builds lack it) but the same in every series of the build. */
Test(prometheus_reader, table_size)
{
    goat_report_answer a;
    goat_error *err = parse_prometheus(BUILDS(BUILD("ab12", "bool", "cmd/a") "," SIZED_BUILD("cmd/b", "8")),
                                       BUILDS(SERIES(2, "a.go", 1, "f", "cmd/a", "1")), &a);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_eq(a.table_size, 8);
    goat_report_answer_free(&a);
    const char *points = BUILDS(SERIES(2, "a.go", 1, "f", "cmd/a", "1"));
    expect_prometheus_error(BUILDS(SIZED_BUILD("cmd/a", "8") "," SIZED_BUILD("cmd/b", "9")), points,
                            "data.result[1].metric.points: 9, but 8 in another series of the same build");
    expect_prometheus_error(BUILDS(SIZED_BUILD("cmd/a", "x")), points, "points: want a whole number");
    expect_prometheus_error(BUILDS(SIZED_BUILD("cmd/a", "1")), points, "TRACK_ID_2 is past the end of the point table (1 point)");
    expect_prometheus_error(BUILDS(SIZED_BUILD("cmd/a", "98070018")), points,
                            "the point table has 98070018 points, more than goat reads (4194304)");
}

Test(prometheus_reader, durations)
{
    const char *good[] = {"1w", "3d", "12h", "30m", "90s", "1d12h", "1w2d3h4m5s", "1d0h", "1234567890s", "9223372036s",
                          "15250w", "0001s"};
    /* What Prometheus refuses too: units out of order or twice. */
    const char *bad[] = {"", "w", "1", "1y", "-1h", "1.5h", "1h ", "1ms", "1h1d", "1h1h", "0s1s"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        cr_expect_null(goat_report_duration_problem(good[i]), "%s refused", good[i]);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        cr_expect_str_eq(goat_report_duration_problem(bad[i]), "takes a duration such as 1w, 3d, 12h or 1d12h",
                         "%s", bad[i]);
    /* An empty range is a parse error of PromQL, as is one past 2^63 - 1 ns. */
    const char *zero[] = {"0s", "0d", "0w", "000m", "0w0d0h0m0s"};
    for (size_t i = 0; i < sizeof zero / sizeof *zero; i++)
        cr_expect_str_eq(goat_report_duration_problem(zero[i]), "must be longer than 0", "%s", zero[i]);
    const char *long_[] = {"9223372037s", "15251w", "999999999w", "99999999999999999999999s", "1w99999999999999999999d"};
    for (size_t i = 0; i < sizeof long_ / sizeof *long_; i++)
        cr_expect_str_eq(goat_report_duration_problem(long_[i]),
                         "must be at most 9223372036s (about 292 years, what Prometheus takes)", "%s", long_[i]);
}
