/* SPDX-License-Identifier: MIT */
/* Marker lines found with PCRE2: kinds, spans, hints, CRLF, errors; and
 * the comments that look meant as markers but are not. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Near misses: "LINE:COL: message" of each warning, one per line. */
static char *near_misses(const char *src)
{
    size_t count = 0;
    goat_error *list = goat_markers_near_misses("f.go", src, strlen(src), &count);
    size_t cap = 1;
    for (size_t i = 0; i < count; i++)
        cap += strlen(list[i].message) + 32;
    char *out = calloc(cap, 1);
    for (size_t i = 0; i < count; i++) {
        cr_assert_str_eq(list[i].file, "f.go");
        sprintf(out + strlen(out), "%d:%d: %s\n", list[i].line, list[i].col, list[i].message);
    }
    goat_markers_near_misses_free(list, count);
    return out;
}

Test(markers, near_misses_are_named_with_their_position)
{
    const char *src = "package p\n\nfunc f() {\n"
                      "\t//+goat:insert\n"              /* 4: no space after // */
                      "\t// +goat: insert\n"            /* 5: a space after the colon */
                      "\t// +goat:inserts\n"            /* 6: a longer word */
                      "\t// +Goat:Insert\n"             /* 7: capitals */
                      "\t// goat:insert\n"              /* 8: no '+' */
                      "\t/* +goat:insert */\n"          /* 9: a block comment */
                      "\tx() // +goat:insert\n"         /* 10: after code */
                      "\t// +goat:delet\n"              /* 11: a letter short */
                      "\t// +goat:track\n"              /* 12: no such marker */
                      "\t//  +goat:generate\n"          /* 13: two spaces */
                      "}\n";
    char *got = near_misses(src);
    const char *want =
        "4:2: warning: \"//+goat:insert\" is not a goat marker, so goat ignores it (write \"// +goat:insert\" alone on its line)\n"
        "5:2: warning: \"// +goat: insert\" is not a goat marker, so goat ignores it (write \"// +goat:insert\" alone on its line)\n"
        "6:2: warning: \"// +goat:inserts\" is not a goat marker, so goat ignores it (write \"// +goat:insert\" alone on its line)\n"
        "7:2: warning: \"// +Goat:Insert\" is not a goat marker, so goat ignores it (write \"// +goat:insert\" alone on its line)\n"
        "8:2: warning: \"// goat:insert\" is not a goat marker, so goat ignores it (write \"// +goat:insert\" alone on its line)\n"
        "9:2: warning: \"/* +goat:insert */\" is not a goat marker, so goat ignores it (write \"// +goat:insert\" alone on its line)\n"
        "10:6: warning: \"// +goat:insert\" is not a goat marker: a marker stands alone on its line, so goat ignores it (move it to a line of its own)\n"
        "11:2: warning: \"// +goat:delet\" is not a goat marker, so goat ignores it (write \"// +goat:delete\" alone on its line)\n"
        "12:2: warning: \"// +goat:track\" names no goat marker, so goat ignores it (the markers: // +goat:insert, and // +goat:generate, main, user or delete ... // +goat:end)\n"
        "13:2: warning: \"//  +goat:generate\" is not a goat marker, so goat ignores it (write \"// +goat:generate\" alone on its line)\n";
    cr_expect_str_eq(got, want);
    free(got);
}

Test(markers, real_markers_and_prose_are_no_near_misses)
{
    const char *src = "package p\n\n// Package p mentions goat: a farm animal.\n"
                      "func f() {\n"
                      "\t// +goat:generate opened \" \" \" \"\n"
                      "\t// +goat:tips: do not edit the block between the +goat comments\n"
                      "\tgoat.Track(goat.TRACK_ID_1)\n"
                      "\t// +goat:end\n"
                      "\t// +goat:insert\r\n"
                      "\t// goat: end of the herd\n"
                      "\t// goat:endless\n"
                      "\t// see the +goat:insert marker\n"
                      "\ts := \"//+goat:insert\"\n"
                      "\t_ = `\n// +goat:inserts\n`\n"
                      "}\n";
    char *got = near_misses(src);
    cr_expect_str_eq(got, "");
    free(got);
    size_t count = 7;
    cr_expect_null(goat_markers_near_misses("f.go", "package p\n", 10, &count));
    cr_expect_eq(count, 0);
}
