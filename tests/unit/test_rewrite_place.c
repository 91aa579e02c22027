/* SPDX-License-Identifier: MIT */
/* goat_place_blocks gives its places in offset order (place.h), however
 * it came to find them: a function's statements, then its literals'
 * one-line bodies and the heads, each found in a pass of its own. */
#include <criterion/criterion.h>
#include <string.h>

#include "parser/parser.h"
#include "rewrite/funcname.h"
#include "rewrite/place.h"
#include "util/lines.h"
#include "util/lineset.h"

static void place_all(const char *src, goat_granularity g, goat_places *out)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file;
    goat_error *err = goat_parse_file(&arena, "t.go", src, strlen(src), &file);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_lines lines;
    goat_lines_init(&lines, src, strlen(src));
    goat_func_words words;
    goat_func_words_find(&words, src, strlen(src));
    goat_lineset all = GOAT_LINESET_INIT;
    all.all = true;
    goat_place_blocks(file, src, strlen(src), &lines, &words, &all, g, out);
    goat_func_words_free(&words);
    goat_lines_free(&lines);
    goat_arena_free(&arena);
}

/* Found as f's statements (lines 4, 5, 7) and k's (14), then k's head
 * (13), then the opened bodies of the literal (5) and of g (11): three
 * ascending runs, which come out as one. */
Test(place, in_offset_order_from_three_passes)
{
    const char *src = "package p\n"             /* 1 */
                      "\n"                      /* 2 */
                      "func f(x int) {\n"       /* 3 */
                      "\ta()\n"                 /* 4 */
                      "\th := func() { b() }\n" /* 5 */
                      "\tif x > 0 {\n"          /* 6 */
                      "\t\tc()\n"               /* 7 */
                      "\t}\n"                   /* 8 */
                      "}\n"                     /* 9 */
                      "\n"                      /* 10 */
                      "func g() { d() }\n"      /* 11 */
                      "\n"                      /* 12 */
                      "func k() { e()\n"        /* 13 */
                      "\tf2()\n"                /* 14 */
                      "}\n";                    /* 15 */
    goat_places p;
    place_all(src, GOAT_GRANULARITY_LINE, &p);
    int lines[] = {4, 5, 5, 7, 11, 13, 14};
    size_t at[] = {(size_t)(strstr(src, "\ta()") - src), (size_t)(strstr(src, "\th :=") - src),
                   (size_t)(strstr(src, "{ b()") - src) + 1, (size_t)(strstr(src, "\t\tc()") - src),
                   (size_t)(strstr(src, "{ d()") - src) + 1, (size_t)(strstr(src, "{ e()") - src) + 1,
                   (size_t)(strstr(src, "\tf2()") - src)};
    cr_assert_eq(p.count, 7);
    for (size_t i = 0; i < p.count; i++) {
        cr_assert_eq(p.items[i].line, lines[i], "place %zu", i);
        cr_assert_eq(p.items[i].offset, at[i], "place %zu", i);
        cr_assert_eq(p.items[i].opened != NULL, i == 2 || i == 4, "place %zu", i);
        cr_assert_eq(p.items[i].head, i == 5, "place %zu", i);
    }
    goat_places_free(&p);
}
