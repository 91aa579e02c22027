/* SPDX-License-Identifier: MIT */
/* goat_rewrite_result.known_bodies (rewrite.h): after goat_rewrite_track,
 * exactly the function bodies no block went into are listed, at their '{'
 * in the result, each a byte copy of the input's body; and the result then
 * passes goat_parse_file_known_bodies. Both texts are parsed in full here
 * to find the bodies, independently of what the rewriter reports. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "rewrite/rewrite.h"

typedef struct span {
    size_t lbrace, rbrace;
} span;

/* The function declarations' bodies of src, in order (at most max). */
static size_t bodies_of(const char *src, size_t len, span *out, size_t max)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file(&arena, "t.go", src, len, &file);
    cr_assert_null(err, "%s", err ? err->message : "");
    size_t n = 0;
    for (size_t i = 0; i < file->u.file.decls.count && n < max; i++) {
        const goat_node *d = file->u.file.decls.items[i];
        if (d->kind == GOAT_FUNC_DECL && d->u.func_decl.body)
            out[n++] = (span){(size_t)d->u.func_decl.body->u.block.lbrace,
                              (size_t)d->u.func_decl.body->u.block.rbrace};
    }
    goat_arena_free(&arena);
    return n;
}

/* Tracks src at granularity g with new_lines (NULL: every line), checks the
 * known bodies against both texts' bodies and returns how many are known. */
static size_t check(const char *src, goat_granularity g, const int *new_lines, size_t line_count)
{
    goat_lineset lines = GOAT_LINESET_INIT;
    if (new_lines) {
        for (size_t i = 0; i < line_count; i++)
            goat_lineset_add(&lines, new_lines[i]);
        goat_lineset_freeze(&lines);
    } else {
        lines.all = true;
    }
    goat_rewrite_options o = {.granularity = g, .alias = "goat", .import_path = "example.com/m/goat", .first_id = 1};
    goat_rewrite_result r;
    goat_error *err = goat_rewrite_track("t.go", src, strlen(src), &lines, &o, &r);
    cr_assert_null(err, "%s", err ? err->message : "");
    span in[32], out[32];
    size_t at[32];
    size_t n_in = bodies_of(src, strlen(src), in, 32);
    size_t n_out = bodies_of(r.text, r.len, out, 32);
    cr_assert_eq(n_in, n_out);
    /* known: exactly the bodies the result holds unchanged, in order */
    size_t k = 0;
    for (size_t i = 0; i < n_out; i++) {
        size_t in_len = in[i].rbrace - in[i].lbrace + 1, out_len = out[i].rbrace - out[i].lbrace + 1;
        bool same = in_len == out_len && memcmp(src + in[i].lbrace, r.text + out[i].lbrace, in_len) == 0;
        bool known = k < r.known_body_count && r.known_bodies[k].at == out[i].lbrace;
        cr_assert_eq(known, same, "body %zu (at %zu): known %d, unchanged %d, granularity %s", i, out[i].lbrace,
                     known, same, goat_granularity_name(g));
        if (known) {
            cr_assert_eq(r.known_bodies[k].from, in[i].lbrace);
            cr_assert_eq(r.known_bodies[k].len, in_len);
            at[k] = r.known_bodies[k].at;
        }
        k += known;
    }
    cr_assert_eq(k, r.known_body_count, "a known body is no function body of the result");
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    err = goat_parse_file_known_bodies(&arena, "t.go", r.text, r.len, at, k, &file);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_arena_free(&arena);
    goat_rewrite_result_free(&r);
    cr_assert_null(r.known_bodies);
    goat_lineset_free(&lines);
    return k;
}

static const char three[] = "package p\n"                      /* 1 */
                            "\n"                               /* 2 */
                            "func a() {\n\tx()\n}\n"           /* 3-5 */
                            "\n"                               /* 6 */
                            "func b() {\n\ty()\n\tz()\n}\n"    /* 7-10 */
                            "\n"                               /* 11 */
                            "func (t T) c() int { return 1 }\n" /* 12 */;

Test(known_bodies, blocks_in_one_body_leave_the_others_known)
{
    static const int middle[] = {8, 9};
    for (int g = 0; g < 4; g++)
        cr_assert_eq(check(three, (goat_granularity)g, middle, 2), 2);
}

Test(known_bodies, an_opened_one_line_body_is_not_known)
{
    static const int last[] = {12};
    for (int g = 0; g < 4; g++)
        cr_assert_eq(check(three, (goat_granularity)g, last, 1), 2);
}

Test(known_bodies, every_body_tracked_none_known)
{
    for (int g = 0; g < 4; g++)
        cr_assert_eq(check(three, (goat_granularity)g, NULL, 0), 0);
}

Test(known_bodies, nothing_new_every_body_known_where_it_was)
{
    static const int outside[] = {1};
    cr_assert_eq(check(three, GOAT_GRANULARITY_LINE, outside, 1), 3);
}

Test(known_bodies, after_an_import_block_crlf_and_literals)
{
    static const char src[] = "package p\r\n\r\nimport (\r\n\t\"fmt\"\r\n)\r\n\r\n"  /* 1-6 */
                              "var f = func() {\r\n\tfmt.Println()\r\n}\r\n\r\n"   /* 7-10 */
                              "func a() {\r\n\tg := func() {\r\n\t\th()\r\n\t}\r\n\tg()\r\n}\r\n\r\n" /* 11-17 */
                              "func b() {\r\n\tfmt.Println(\"b\")\r\n}\r\n";     /* 18-20 */
    static const int in_literal[] = {8};
    static const int in_nested[] = {13};
    static const int in_b[] = {19};
    for (int g = 0; g < 4; g++) {
        cr_assert_eq(check(src, (goat_granularity)g, in_literal, 1), 2);
        cr_assert_eq(check(src, (goat_granularity)g, in_nested, 1), 1);
        cr_assert_eq(check(src, (goat_granularity)g, in_b, 1), 1);
    }
}
