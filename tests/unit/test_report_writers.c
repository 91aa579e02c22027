/* SPDX-License-Identifier: MIT */
/* The writers on a small report over code held in memory: the Go cover
 * profile exactly (blocks per line range, columns from the first to past the
 * last non-blank byte, set and count modes, import paths), its refusal of
 * lines past the end of a file; the text (totals, groups, the code of the
 * points that did not run, colour only when asked); the JSON (parsed back);
 * the HTML page (self-contained, lines marked with colour and sign). */
#include <criterion/criterion.h>
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/xalloc.h"

#define COMMIT "0123456789abcdef0123456789abcdef01234567"

static const char main_go[] = "package main\n"
                              "\n"
                              "func main() {\n"
                              "\tx := 1\n"
                              "\tif x > 0 {   \n"
                              "\t\tprintln(\"<big> & 'small'\")\r\n"
                              "\t}\n"
                              "\n"
                              "\thelper()\n"
                              "}\n";

typedef struct spec {
    int id, line;
    const char *func, *lines;
    uint64_t count;
} spec;

static void build(goat_report *r, goat_report_mode mode, const spec *specs, size_t n)
{
    goat_report_answer a = {0};
    a.app = goat_xstrdup("shop");
    a.version = goat_xstrdup("v1");
    a.commit = goat_xstrdup(COMMIT);
    a.digest = goat_xstrdup("d1");
    a.mode = mode;
    a.points = goat_xcalloc(n, sizeof *a.points);
    a.components = goat_xcalloc(1, sizeof *a.components);
    a.components[a.component_count++] = goat_xstrdup(".");
    for (size_t i = 0; i < n; i++) {
        goat_report_point *p = &a.points[a.point_count++];
        p->id = specs[i].id;
        p->file = goat_xstrdup("cmd/main.go");
        p->line = specs[i].line;
        p->func = goat_xstrdup(specs[i].func);
        p->lines = specs[i].lines ? goat_xstrdup(specs[i].lines) : NULL;
        p->kind = goat_xstrdup("track");
        p->count = specs[i].count;
        p->components = goat_xcalloc(1, sizeof *p->components);
        p->components[p->component_count++] = goat_xstrdup(".");
    }
    goat_report_init(r);
    goat_error *err = goat_report_add(r, "http://a", &a);
    cr_assert_null(err);
}

static const spec points[] = {
    {1, 4, "main", "4-6", 3},
    {2, 9, "main", "9", 0},
    {3, 2, "init", "", 1}, /* stands for no line: its own line counts */
};

static goat_report_code *code(void)
{
    goat_report_code *c = goat_report_code_new("example.com/shop");
    goat_report_code_add(c, "cmd/main.go", main_go, strlen(main_go));
    return c;
}

Test(profile, blocks_per_range_in_set_mode)
{
    goat_report r;
    build(&r, GOAT_REPORT_BOOL, points, 3);
    goat_report_code *c = code();
    char *text;
    goat_error *err = goat_report_cover_profile(&r, c, &text);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_expect_str_eq(text, "mode: set\n"
                           "example.com/shop/cmd/main.go:2.1,2.1 1 1\n"
                           "example.com/shop/cmd/main.go:4.2,6.29 3 1\n"
                           "example.com/shop/cmd/main.go:9.2,9.10 1 0\n");
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

Test(profile, counts_in_count_mode_and_split_ranges)
{
    spec split[] = {{7, 4, "main", "4,6-7,9", 12}};
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, split, 1);
    goat_report_code *c = code();
    char *text;
    cr_assert_null(goat_report_cover_profile(&r, c, &text));
    cr_expect_str_eq(text, "mode: count\n"
                           "example.com/shop/cmd/main.go:4.2,4.8 1 12\n"
                           "example.com/shop/cmd/main.go:6.3,7.3 2 12\n"
                           "example.com/shop/cmd/main.go:9.2,9.10 1 12\n");
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

Test(profile, lines_past_the_end_or_missing_files)
{
    spec past[] = {{1, 9, "main", "9-11", 1}};
    goat_report r;
    build(&r, GOAT_REPORT_BOOL, past, 1);
    goat_report_code *c = code();
    char *text;
    goat_error *err = goat_report_cover_profile(&r, c, &text);
    cr_assert(err);
    cr_expect_str_eq(err->file, "cmd/main.go");
    cr_expect_eq(err->line, 11);
    cr_expect(strstr(err->message, "past the end of the file (10 lines)"), "%s", err->message);
    goat_error_free(err);
    goat_report_code_free(c);
    c = goat_report_code_new("example.com/shop");
    err = goat_report_cover_profile(&r, c, &text);
    cr_assert(err);
    cr_expect_str_eq(err->file, "cmd/main.go");
    goat_error_free(err);
    goat_report_code_free(c);
    goat_report_free(&r);
}

Test(text, totals_groups_and_code_of_points_that_did_not_run)
{
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, points, 3);
    goat_report_code *c = code();
    char *text = goat_report_text(&r, c, false);
    cr_expect(strncmp(text, "3 tracking points, 2 ran (66.6%)\n", 33) == 0, "%s", text);
    cr_expect(strstr(text, "app shop, version v1, commit 0123456789ab, point table d1, count mode\n"), "%s", text);
    cr_expect(strstr(text, "  http://a  3 points, 2 ran\n"), "%s", text);
    cr_expect(strstr(text, "by file\n  cmd/main.go      2/3   66.6%\n"), "%s", text);
    cr_expect(strstr(text, "cmd/main.go:4  main"), "%s", text);
    cr_expect(strstr(text, "did not run: 1 point\n  cmd/main.go:9: main (TRACK_ID_2)\n       9  \thelper()\n"), "%s",
              text);
    cr_expect_null(strchr(text, '\033'));
    free(text);
    text = goat_report_text(&r, NULL, true);
    /* Green when all ran, yellow when some did; what did not run in red. */
    cr_expect(strstr(text, "cmd/main.go      2/3  \033[33m 66.6%\033[0m"), "no yellow in %s", text);
    cr_expect(strstr(text, "cmd/main.go:2  init      1/1  \033[32m100.0%\033[0m"), "no green in %s", text);
    cr_expect(strstr(text, "\033[31mcmd/main.go:9\033[0m: main (TRACK_ID_2)"), "no red in %s", text);
    cr_expect_null(strstr(text, "helper()"));
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

/* The code that cannot be shown is said, point by point. */
Test(text, code_past_the_end_or_missing)
{
    spec past[] = {{1, 9, "main", "9-11", 0}, {2, 3, "main", "3", 0}};
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, past, 2);
    goat_report_code *c = code();
    char *text = goat_report_text(&r, c, false);
    cr_expect(strstr(text, "  cmd/main.go:3: main (TRACK_ID_2)\n       3  func main() {\n"
                           "  cmd/main.go:9: main (TRACK_ID_1)\n       9  \thelper()\n      10  }\n"
                           "      (line 11 is past the end of the file)\n"),
              "%s", text);
    free(text);
    goat_report_code_free(c);
    c = goat_report_code_new("example.com/shop");
    text = goat_report_text(&r, c, false);
    cr_expect(strstr(text, "  cmd/main.go:3: main (TRACK_ID_2)\n      (no source: cmd/main.go: no such file in the "
                           "module)\n  cmd/main.go:9: main (TRACK_ID_1)\n      (no source: cmd/main.go: no such "
                           "file in the module)\n"),
              "%s", text);
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

Test(json, parses_back)
{
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, points, 3);
    char *text = goat_report_json(&r);
    cJSON *root = cJSON_Parse(text);
    cr_assert(root, "not JSON: %s", text);
    cr_expect_eq(cJSON_GetObjectItem(root, "total")->valuedouble, 3);
    cr_expect_eq(cJSON_GetObjectItem(root, "covered")->valuedouble, 2);
    cr_expect_str_eq(cJSON_GetObjectItem(root, "mode")->valuestring, "count");
    cJSON *list = cJSON_GetObjectItem(root, "points");
    cr_assert_eq(cJSON_GetArraySize(list), 3);
    cJSON *first = cJSON_GetArrayItem(list, 0);
    cr_expect_eq(cJSON_GetObjectItem(first, "id")->valuedouble, 1);
    cr_expect_str_eq(cJSON_GetObjectItem(first, "file")->valuestring, "cmd/main.go");
    cr_expect_eq(cJSON_GetObjectItem(first, "line")->valuedouble, 4);
    cr_expect_str_eq(cJSON_GetObjectItem(first, "func")->valuestring, "main");
    cr_expect_str_eq(cJSON_GetObjectItem(first, "lines")->valuestring, "4-6");
    cr_expect_eq(cJSON_GetObjectItem(first, "count")->valuedouble, 3);
    cr_expect_str_eq(cJSON_GetArrayItem(cJSON_GetObjectItem(first, "sources"), 0)->valuestring, "http://a");
    cJSON *second = cJSON_GetArrayItem(list, 1);
    cr_expect_eq(cJSON_GetArraySize(cJSON_GetObjectItem(second, "sources")), 0);
    cr_expect(cJSON_IsFalse(cJSON_GetObjectItem(second, "ran")));
    cJSON_Delete(root);
    free(text);
    goat_report_free(&r);
}

Test(json, counts_keep_every_digit)
{
    spec huge[] = {{1, 4, "main", "4", UINT64_MAX}};
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, huge, 1);
    char *text = goat_report_json(&r);
    cr_expect(strstr(text, "18446744073709551615"), "%s", text);
    free(text);
    goat_report_free(&r);
}

/* A line two points stand for is marked as not run when one did not run:
 * the page never claims a line ran that may not have. */
Test(html, a_line_shared_by_points_that_ran_and_did_not)
{
    spec shared[] = {{1, 4, "main", "4-6", 1}, {2, 5, "main", "5", 0}, {3, 9, "main", "5,9", 2}};
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, shared, 3);
    goat_report_code *c = code();
    char *text;
    cr_assert_null(goat_report_html(&r, c, &text));
    cr_expect(strstr(text, "title=\"TRACK_ID_2 in main: did not run (count 0)\"><span class=\"no\">5</span>"), "%s",
              text);
    cr_expect(strstr(text, "title=\"TRACK_ID_1 in main: ran (count 1)\"><span class=\"no\">6</span>"), "%s", text);
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

/* In bool mode a point ran or did not: no count, which would read as
 * "ran once". */
Test(html, bool_mode_tooltips_give_no_count)
{
    spec ran_or_not[] = {{1, 4, "main", "4-6", 1}, {2, 9, "main", "9", 0}};
    goat_report r;
    build(&r, GOAT_REPORT_BOOL, ran_or_not, 2);
    goat_report_code *c = code();
    char *text;
    cr_assert_null(goat_report_html(&r, c, &text));
    cr_expect(strstr(text, "title=\"TRACK_ID_1 in main: ran\"><span class=\"no\">5</span>"), "%s", text);
    cr_expect(strstr(text, "title=\"TRACK_ID_2 in main: did not run\"><span class=\"no\">9</span>"), "%s", text);
    cr_expect_null(strstr(text, "count 1"), "%s", text);
    cr_expect_null(strstr(text, "(count"), "%s", text);
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

Test(html, self_contained_page_with_marked_lines)
{
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, points, 3);
    goat_report_code *c = code();
    char *text;
    cr_assert_null(goat_report_html(&r, c, &text));
    cr_expect(strncmp(text, "<!DOCTYPE html>", 15) == 0);
    cr_expect_null(strstr(text, "http://a\""), "a link to a source");
    cr_expect_null(strstr(text, "<script"));
    cr_expect_null(strstr(text, "src="));
    cr_expect_null(strstr(text, "<link"));
    cr_expect(strstr(text, "&#10003; ran") && strstr(text, "&#10007; did not run"), "no legend");
    cr_expect(strstr(text, "&lt;big&gt; &amp; &#39;small&#39;"), "source not escaped");
    /* Line 5 ran (point 1), line 9 did not (point 2), line 3 is context. */
    cr_expect(strstr(text, "<span class=\"l ran\" title=\"TRACK_ID_1 in main: ran (count 3)\"><span class=\"no\">5"
                           "</span><span class=\"m\">&#10003;</span>"),
              "%s", text);
    cr_expect(strstr(text, "<span class=\"l miss\" title=\"TRACK_ID_2 in main: did not run (count 0)\"><span "
                           "class=\"no\">9</span><span class=\"m\">&#10007;</span>\thelper()"),
              "%s", text);
    cr_expect(strstr(text, "<span class=\"l ctx\"><span class=\"no\">3</span>"), "%s", text);
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

/* Points of the table no source reports (a package no main package imports):
 * said by every writer that has a summary, counted in none of the totals. */
Test(writers, points_in_no_component)
{
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, points, 3);
    r.table_size = 5;
    goat_report_code *c = code();
    char *text = goat_report_text(&r, c, false);
    cr_expect(strncmp(text, "3 tracking points, 2 ran (66.6%)\n", 33) == 0, "%s", text);
    cr_expect(strstr(text, "\nin no component the sources report: 2 points, not counted above\n  TRACK_ID_4, "
                           "TRACK_ID_5\n  (in a package no main package imports"),
              "%s", text);
    free(text);
    text = goat_report_json(&r);
    cr_expect(strstr(text, "{\"total\":3,\"covered\":2,"), "%s", text);
    cr_expect(strstr(text, ",\"unreported\":[4,5]}"), "%s", text);
    free(text);
    cr_assert_null(goat_report_html(&r, c, &text));
    cr_expect(strstr(text, "<p>Not counted: 2 points of the table in no component the sources report (TRACK_ID_4, "
                           "TRACK_ID_5)"),
              "%s", text);
    free(text);
    /* Without the table's size, nothing is said. */
    r.table_size = 0;
    text = goat_report_text(&r, c, false);
    cr_expect_null(strstr(text, "in no component"), "%s", text);
    free(text);
    text = goat_report_json(&r);
    cr_expect(strstr(text, ",\"unreported\":[]}"), "%s", text);
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

/* The code comes from the repository, so it is untrusted: what a terminal
 * would act on (an escape sequence, a C1 control), what hides or reorders
 * code ("Trojan Source" bidi controls, a byte order mark, a zero width
 * space, a soft hyphen, a word joiner, a tag) and bytes that are not UTF-8
 * are shown as the escapes Go would write for them, in the text and on the
 * page; tabs and other UTF-8 (an emoji's variation selector) stay as they
 * are. */
static const char hostile_go[] = "package main\n"
                                 "\n"
                                 "func main() {\n"
                                 "\ts := `\033[2J\033]0;owned\a\xc2\x9b` // \xe2\x80\xae}ll{ \xd8\x9c\xef\xbb\xbf"
                                 " zero\xe2\x80\x8bwidth\xc2\xad\xe2\x81\xa0\xf3\xa0\x81\x81 \xe2\x9d\xa4\xef\xb8\x8f\n"
                                 "\tprintln(\"caf\xc3\xa9 \xe5\x90\x8d \xff\xc0\xaf\", s, \"a\rb\x7f\")\n"
                                 "}\n";

Test(writers, hostile_source_is_shown_escaped)
{
    spec missed[] = {{1, 4, "main", "4-5", 0}};
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, missed, 1);
    goat_report_code *c = goat_report_code_new("example.com/shop");
    goat_report_code_add(c, "cmd/main.go", hostile_go, sizeof hostile_go - 1);
    char *text = goat_report_text(&r, c, false);
    cr_expect(strstr(text, "       4  \ts := `\\x1b[2J\\x1b]0;owned\\x07\\u009b` // \\u202e}ll{ \\u061c\\ufeff"
                           " zero\\u200bwidth\\u00ad\\u2060\\U000e0041 \xe2\x9d\xa4\xef\xb8\x8f\n"),
              "%s", text);
    cr_expect(strstr(text, "       5  \tprintln(\"caf\xc3\xa9 \xe5\x90\x8d \\xff\\xc0\\xaf\", s, \"a\\x0db\\x7f\")\n"),
              "%s", text);
    cr_expect_null(strchr(text, '\033'));
    cr_expect_null(strstr(text, "\xe2\x80\xae"));
    free(text);
    cr_assert_null(goat_report_html(&r, c, &text));
    cr_expect(strstr(text, "\ts := `<span class=\"esc\">\\x1b</span>[2J<span class=\"esc\">\\x1b</span>]0;owned"
                           "<span class=\"esc\">\\x07</span><span class=\"esc\">\\u009b</span>` // "
                           "<span class=\"esc\">\\u202e</span>}ll{ "),
              "%s", text);
    cr_expect(strstr(text, " zero<span class=\"esc\">\\u200b</span>width<span class=\"esc\">\\u00ad</span>"
                           "<span class=\"esc\">\\u2060</span><span class=\"esc\">\\U000e0041</span> "
                           "\xe2\x9d\xa4\xef\xb8\x8f"),
              "%s", text);
    cr_expect_null(strstr(text, "\xe2\x80\x8b"));
    cr_expect(strstr(text, "caf\xc3\xa9 \xe5\x90\x8d <span class=\"esc\">\\xff</span><span class=\"esc\">\\xc0</span>"),
              "%s", text);
    cr_expect_null(strchr(text, '\033'));
    cr_expect_null(strstr(text, "\xe2\x80\xae"));
    cr_expect_null(strstr(text, "\xff"));
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

/* Names come from the answers: the JSON reader refuses control characters
 * in them, but a bidi control is valid UTF-8 (and git allows one in a
 * path), so the writers show it as an escape wherever a name is shown. */
Test(writers, names_with_bidi_controls_are_shown_escaped)
{
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, points, 3);
    free(r.app);
    r.app = goat_xstrdup("sh\xe2\x80\xaeop");
    for (size_t i = 0; i < r.point_count; i++) {
        free(r.points[i].file);
        r.points[i].file = goat_xstrdup("cmd/\xe2\x81\xa7main.go");
    }
    goat_report_code *c = goat_report_code_new("example.com/shop");
    goat_report_code_add(c, "cmd/\xe2\x81\xa7main.go", main_go, strlen(main_go));
    char *text = goat_report_text(&r, c, false);
    cr_expect(strstr(text, "app sh\\u202eop, version v1,"), "%s", text);
    cr_expect(strstr(text, "by file\n  cmd/\\u2067main.go      2/3   66.6%\n"), "%s", text);
    cr_expect(strstr(text, "  cmd/\\u2067main.go:9: main (TRACK_ID_2)\n       9  \thelper()\n"), "%s", text);
    cr_expect(strstr(text, "cmd/\\u2067main.go:4  main"), "%s", text);
    cr_expect_null(strstr(text, "\xe2\x80\xae"));
    cr_expect_null(strstr(text, "\xe2\x81\xa7"));
    free(text);
    cr_assert_null(goat_report_html(&r, c, &text));
    cr_expect(strstr(text, "<p>app sh<span class=\"esc\">\\u202e</span>op, version v1"), "%s", text);
    cr_expect(strstr(text, ">cmd/<span class=\"esc\">\\u2067</span>main.go: 2 of 3 ran"), "%s", text);
    cr_expect(strstr(text, "<title>goat report: sh\\u202eop v1</title>"), "%s", text);
    cr_expect_null(strstr(text, "\xe2\x80\xae"));
    cr_expect_null(strstr(text, "\xe2\x81\xa7"));
    free(text);
    goat_report_code_free(c);
    goat_report_free(&r);
}

/* Empty names (a source may send "" for the app or a function) print as
 * empty, under the sanitizers too. */
Test(writers, empty_names)
{
    spec unnamed[] = {{1, 4, "", "4", 0}};
    goat_report r;
    build(&r, GOAT_REPORT_COUNT, unnamed, 1);
    free(r.app);
    r.app = goat_xstrdup("");
    char *text = goat_report_text(&r, NULL, false);
    cr_expect(strstr(text, "app , version v1,"), "%s", text);
    cr_expect(strstr(text, "  cmd/main.go:4:  (TRACK_ID_1)\n"), "%s", text);
    free(text);
    goat_report_free(&r);
}
