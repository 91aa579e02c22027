/* SPDX-License-Identifier: MIT */
/* Marker lines found with PCRE2: kinds, spans, hints, CRLF, errors. */
#include <criterion/criterion.h>
#include <string.h>

#include "parser/parser.h"
#include "rewrite/markers.h"

static goat_markers find(const char *src)
{
    goat_markers m;
    goat_error *err = goat_markers_find("f.go", src, strlen(src), NULL, &m);
    cr_assert_null(err);
    return m;
}

Test(markers, generate_block_span_and_hint)
{
    const char *src = "func f() {\n"
                      "\t// +goat:generate opened \" \" \" \"\n"
                      "\t// +goat:tips: do not edit the block between the +goat comments\n"
                      "\tgoat.Track(goat.TRACK_ID_1)\n"
                      "\t// +goat:end\n"
                      "\tx()\n}\n";
    goat_markers m = find(src);
    cr_assert_eq(m.count, 1);
    cr_assert_eq(m.items[0].kind, GOAT_MARKER_GENERATE);
    cr_assert_eq(m.items[0].start, strlen("func f() {\n"));
    cr_assert_eq(m.items[0].indent_len, 1);
    cr_assert_eq(m.items[0].line, 2);
    cr_assert_str_eq(src + m.items[0].end, "\tx()\n}\n");
    cr_assert_eq(m.items[0].hint_len, strlen(" opened \" \" \" \""));
    cr_assert_eq(memcmp(src + m.items[0].hint, " opened", 7), 0);
    goat_markers_free(&m);
}

Test(markers, kinds_in_order)
{
    const char *src = "\t// +goat:insert\n"
                      "\t// +goat:delete\n\tx()\n\t// +goat:end\n"
                      "\t// +goat:main\n\t// +goat:end\n"
                      "\t// +goat:user\n\t// +goat:end\n";
    goat_markers m = find(src);
    cr_assert_eq(m.count, 4);
    cr_assert_eq(m.items[0].kind, GOAT_MARKER_INSERT);
    cr_assert_eq(m.items[1].kind, GOAT_MARKER_DELETE);
    cr_assert_eq(m.items[2].kind, GOAT_MARKER_MAIN);
    cr_assert_eq(m.items[3].kind, GOAT_MARKER_USER);
    cr_assert_eq(m.items[0].end, m.items[1].start);
    cr_assert_eq(m.items[3].end, strlen(src));
    goat_markers_free(&m);
}

Test(markers, crlf_and_no_final_newline)
{
    const char *src = "\t// +goat:generate\r\n\tgoat.Track(goat.TRACK_ID_1)\r\n\t// +goat:end";
    goat_markers m = find(src);
    cr_assert_eq(m.count, 1);
    cr_assert_eq(m.items[0].hint_len, 0);
    cr_assert_eq(m.items[0].end, strlen(src));
    cr_assert_str_eq(goat_line_ending_at(src, strlen(src), 0), "\r\n");
    goat_markers_free(&m);
}

Test(markers, not_a_marker)
{
    goat_markers m = find("x := 1 // +goat:generate\n// +goat:generated\n// +goat:tips: x\n");
    cr_assert_eq(m.count, 0);
    goat_markers_free(&m);
}

Test(markers, delete_without_end_names_position)
{
    goat_markers m;
    const char *src = "package p\n\n  // +goat:delete\nx\n";
    goat_error *err = goat_markers_find("f.go", src, strlen(src), NULL, &m);
    cr_assert_not_null(err);
    cr_assert_str_eq(err->file, "f.go");
    cr_assert_eq(err->line, 3);
    cr_assert_eq(err->col, 3);
    goat_error_free(err);
}

/* Marker text inside a raw string or a block comment is no marker, whether
 * the comments come from lexing or from the parsed tree. */
Test(markers, only_real_comments_count)
{
    const char *src = "package p\n\n"
                      "func f() {\n"
                      "\tx := `\n"
                      "\t// +goat:generate\n"
                      "\t// +goat:end\n"
                      "`\n"
                      "\t/*\n"
                      "\t// +goat:insert\n"
                      "\t*/\n"
                      "\t// +goat:insert\n"
                      "\t_ = x\n"
                      "}\n";
    goat_markers lexed = find(src);
    cr_assert_eq(lexed.count, 1);
    cr_expect_eq(lexed.items[0].kind, GOAT_MARKER_INSERT);
    cr_expect_eq(lexed.items[0].line, 11);

    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    cr_assert_null(goat_parse_file(&arena, "f.go", src, strlen(src), &file));
    goat_markers parsed;
    cr_assert_null(goat_markers_find("f.go", src, strlen(src), file, &parsed));
    cr_assert_eq(parsed.count, 1);
    cr_expect_eq(parsed.items[0].start, lexed.items[0].start);
    cr_expect_eq(parsed.items[0].end, lexed.items[0].end);
    goat_markers_free(&parsed);
    goat_markers_free(&lexed);
    goat_arena_free(&arena);
}

Test(markers, possible_is_a_cheap_superset)
{
    cr_expect(goat_markers_possible("x // +goat:whatever", 19));
    cr_expect_not(goat_markers_possible("x // goat:insert +goat:", 23));
}
