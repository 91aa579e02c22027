/* SPDX-License-Identifier: MIT */
/* The rewriter's contract (rewrite.h) on small sources: placement at each
 * granularity, opened one-line bodies, clean(track(x)) == x, patch
 * renumbering, main entry, and errors with positions. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "rewrite/rewrite.h"

static const goat_rewrite_options opts_line = {
    .granularity = GOAT_GRANULARITY_LINE, .alias = "goat", .import_path = "example.com/m/goat", .first_id = 1};

static char *track(const char *src, const goat_rewrite_options *o, int *points)
{
    goat_lineset all = GOAT_LINESET_INIT;
    all.all = true;
    goat_rewrite_result r;
    goat_error *err = goat_rewrite_track("t.go", src, strlen(src), &all, o, &r);
    cr_assert_null(err, "%s", err ? err->message : "");
    if (points)
        *points = r.points;
    free(r.lines);
    free(r.known_bodies);
    return r.text;
}

static char *clean(const char *src, const goat_rewrite_options *o)
{
    goat_rewrite_result r;
    goat_error *err = goat_rewrite_clean("t.go", src, strlen(src), o, &r);
    cr_assert_null(err, "%s", err ? err->message : "");
    return r.text;
}

static void round_trip(const char *src)
{
    for (int g = 0; g < 4; g++) {
        goat_rewrite_options o = opts_line;
        o.granularity = (goat_granularity)g;
        char *t = track(src, &o, NULL);
        char *c = clean(t, &o);
        cr_assert_str_eq(c, src, "granularity %s", goat_granularity_name(o.granularity));
        free(t);
        free(c);
    }
}

Test(rewrite_api, granularity_names)
{
    cr_assert_eq(goat_granularity_parse("line"), GOAT_GRANULARITY_LINE);
    cr_assert_eq(goat_granularity_parse("patch"), GOAT_GRANULARITY_PATCH);
    cr_assert_eq(goat_granularity_parse("scope"), GOAT_GRANULARITY_SCOPE);
    cr_assert_eq(goat_granularity_parse("func"), GOAT_GRANULARITY_FUNC);
    cr_assert_eq(goat_granularity_parse("file"), -1);
    cr_assert_str_eq(goat_granularity_name(GOAT_GRANULARITY_SCOPE), "scope");
}

Test(rewrite_api, line_block_text_and_import)
{
    int points;
    char *t = track("package p\n\nfunc f() {\n\tg()\n}\n\nfunc g() {}\n", &opts_line, &points);
    cr_assert_eq(points, 1);
    cr_assert_str_eq(t, "package p\n\nimport goat \"example.com/m/goat\"\n\nfunc f() {\n"
                        "\t// +goat:generate\n"
                        "\t// +goat:tips: do not edit the block between the +goat comments\n"
                        "\tgoat.Track(goat.TRACK_ID_1)\n"
                        "\t// +goat:end\n"
                        "\tg()\n}\n\nfunc g() {}\n");
    free(t);
}

Test(rewrite_api, opened_body_and_first_id)
{
    goat_rewrite_options o = opts_line;
    o.first_id = 7;
    int points;
    char *t = track("package p\n\nimport \"fmt\"\n\nfunc f() { fmt.Println(); return }\n", &o, &points);
    cr_assert_eq(points, 1);
    cr_assert_str_eq(t, "package p\n\nimport \"fmt\"\nimport goat \"example.com/m/goat\"\n\nfunc f() {\n"
                        "\t// +goat:generate opened \" \" \"; \" \" \"\n"
                        "\t// +goat:tips: do not edit the block between the +goat comments\n"
                        "\tgoat.Track(goat.TRACK_ID_7)\n"
                        "\t// +goat:end\n"
                        "\tfmt.Println()\n\treturn\n}\n");
    free(t);
}

Test(rewrite_api, block_lines_reported)
{
    const char *src = "package p\n\nfunc f() {\n\ta()\n\n\tb()\n}\n\nfunc g() { c() }\n";
    goat_lineset all = GOAT_LINESET_INIT;
    all.all = true;
    goat_rewrite_result r;
    cr_assert_null(goat_rewrite_track("t.go", src, strlen(src), &all, &opts_line, &r));
    cr_assert_eq(r.points, 3);
    cr_assert_eq(r.lines[0], 4);
    cr_assert_eq(r.lines[1], 6);
    cr_assert_eq(r.lines[2], 9);
    goat_rewrite_result_free(&r);
    cr_assert_null(r.lines);
}

Test(rewrite_api, func_granularity_one_block_per_function)
{
    goat_rewrite_options o = opts_line;
    o.granularity = GOAT_GRANULARITY_FUNC;
    int points;
    char *t = track("package p\n\nfunc f() {\n\ta()\n\tif x {\n\t\tb()\n\t}\n}\n", &o, &points);
    cr_assert_eq(points, 1);
    free(t);
}

Test(rewrite_api, nothing_new_nothing_changed)
{
    const char *src = "package p\n\nfunc f() {\n\ta()\n}\n";
    goat_lineset none = GOAT_LINESET_INIT;
    goat_lineset_freeze(&none);
    goat_rewrite_result r;
    cr_assert_null(goat_rewrite_track("t.go", src, strlen(src), &none, &opts_line, &r));
    cr_assert_eq(r.points, 0);
    cr_assert_str_eq(r.text, src);
    goat_rewrite_result_free(&r);
}

Test(rewrite_api, round_trips)
{
    round_trip("package p\n\nfunc f() int { return 1 }\n");
    round_trip("package p\r\n\r\nimport \"fmt\"\r\n\r\nfunc f() {\r\n\tfmt.Println(func() int { return 1 }())\r\n}\r\n");
    round_trip("package p\n\nimport (\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc f() {\n\tfmt.Fprintln(os.Stderr)\n}\n");
    round_trip("package p\n\n// #include <stdio.h>\nimport \"C\"\n\nfunc f() {\n\tC.puts(nil)\n}\n");
    round_trip("package p\n\nvar f = func() { g() }\n\nfunc g() {}\n");
    round_trip("package p\n\nfunc f(a, b int) {\n\ta++      // one\n\tb += 100 // two\n}\n");
    round_trip("package p\n\nfunc (t T) A() int   { return 1 } // a\nfunc (t T) Bcd() int { return 2 } // b\n");
}

Test(rewrite_api, parse_error_has_position)
{
    goat_lineset all = GOAT_LINESET_INIT;
    all.all = true;
    goat_rewrite_result r;
    const char *src = "package p\n\nfunc f() {\n";
    goat_error *err = goat_rewrite_track("bad.go", src, strlen(src), &all, &opts_line, &r);
    cr_assert_not_null(err);
    cr_assert_str_eq(err->file, "bad.go");
    cr_assert_gt(err->line, 0);
    goat_error_free(err);
}

Test(rewrite_api, clean_reports_unterminated_block)
{
    goat_rewrite_result r;
    const char *src = "package p\n\nfunc f() {\n\t// +goat:generate\n\tg()\n}\n";
    goat_error *err = goat_rewrite_clean("c.go", src, strlen(src), &opts_line, &r);
    cr_assert_not_null(err);
    cr_assert_eq(err->line, 4);
    cr_assert_eq(err->col, 2);
    goat_error_free(err);
}

Test(rewrite_api, patch_renumbers_and_inserts)
{
    const char *src = "package p\n\nimport goat \"example.com/m/goat\"\n\nfunc f() {\n"
                      "\t// +goat:insert\n\ta()\n"
                      "\t// +goat:generate\n\t// +goat:tips: do not edit the block between the +goat comments\n"
                      "\tgoat.Track(goat.TRACK_ID_9)\n\t// +goat:end\n\tb()\n}\n";
    goat_rewrite_options o = opts_line;
    o.first_id = 3;
    goat_rewrite_result r;
    cr_assert_null(goat_rewrite_patch("p.go", src, strlen(src), &o, &r));
    cr_assert_eq(r.points, 2);
    cr_assert_not_null(strstr(r.text, "goat.Track(goat.TRACK_ID_3)\n\t// +goat:end\n\ta()"));
    cr_assert_not_null(strstr(r.text, "goat.Track(goat.TRACK_ID_4)\n\t// +goat:end\n\tb()"));
    cr_assert_null(strstr(r.text, "+goat:insert"));
    goat_rewrite_result_free(&r);
}

Test(rewrite_api, main_entry_then_clean)
{
    const char *src = "package main\n\nfunc main() {\n\trun()\n}\n\nfunc run() {}\n";
    goat_rewrite_result r;
    cr_assert_null(goat_rewrite_main_entry("m.go", src, strlen(src), &opts_line, 3, &r));
    cr_assert_not_null(strstr(r.text, "func main() {\n\t// +goat:main\n"));
    cr_assert_not_null(strstr(r.text, "\tgoat.ServeHTTP(goat.COMPONENT_3)\n\t// +goat:end\n\trun()"));
    char *c = clean(r.text, &opts_line);
    cr_assert_str_eq(c, src);
    free(c);
    goat_rewrite_result_free(&r);
}
