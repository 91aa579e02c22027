/* SPDX-License-Identifier: MIT */
/* goat_parse_file_known_bodies (parser.h): the function bodies at the
 * listed '{' offsets are passed over, everything else is parsed, and an
 * offset where no function body starts changes nothing. The texts hold a
 * syntax error on purpose: whether it is reported tells whether its part
 * was parsed. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"

/* Two functions; the second's body holds a syntax error ("x := := 1"). */
static const char two_funcs[] = "package p\n"
                                "\n"
                                "func a() {\n\tprintln(1)\n}\n"
                                "\n"
                                "func b() {\n\tif true {\n\t\tx := := 1\n\t}\n}\n";

static size_t offset_of(const char *src, const char *needle)
{
    const char *at = strstr(src, needle);
    cr_assert_not_null(at, "no %s", needle);
    return (size_t)(at - src);
}

/* Parses src with the given known bodies; returns the error's message
 * (malloc'd) or NULL, and the file's declarations' body extents. */
static char *parse_known(const char *src, const size_t *known, size_t count, goat_node **decl_bodies, size_t max)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file_known_bodies(&arena, "t.go", src, strlen(src), known, count, &file);
    char *msg = err ? goat_error_format(err) : NULL;
    goat_error_free(err);
    for (size_t i = 0; !msg && decl_bodies && i < max && i < file->u.file.decls.count; i++) {
        const goat_node *d = file->u.file.decls.items[i];
        const goat_node *body = d->kind == GOAT_FUNC_DECL ? d->u.func_decl.body : NULL;
        /* copy what the test reads: the arena goes away */
        decl_bodies[i] = NULL;
        if (body) {
            goat_node *copy = calloc(1, sizeof *copy);
            *copy = *body;
            decl_bodies[i] = copy;
        }
    }
    goat_arena_free(&arena);
    return msg;
}

Test(known_bodies, error_in_an_unlisted_body_is_reported)
{
    size_t known[] = {offset_of(two_funcs, "{\n\tprintln")};
    char *msg = parse_known(two_funcs, known, 1, NULL, 0);
    cr_assert_not_null(msg, "the second body was not parsed");
    cr_assert(strstr(msg, "t.go:9:") != NULL, "%s", msg);
    free(msg);
}

Test(known_bodies, a_listed_body_is_passed_over)
{
    size_t known[] = {offset_of(two_funcs, "{\n\tif true")};
    goat_node *bodies[2] = {NULL, NULL};
    char *msg = parse_known(two_funcs, known, 1, bodies, 2);
    cr_assert_null(msg, "%s", msg);
    /* the skipped body is an empty block between its real braces; the
     * other is parsed */
    cr_assert_eq(bodies[1]->u.block.list.count, 0);
    cr_assert_eq((size_t)bodies[1]->u.block.lbrace, known[0]);
    cr_assert_eq(two_funcs[bodies[1]->u.block.rbrace], '}');
    cr_assert_eq((size_t)bodies[1]->u.block.rbrace, strlen(two_funcs) - 2);
    cr_assert_eq(bodies[0]->u.block.list.count, 1);
    free(bodies[0]);
    free(bodies[1]);
}

Test(known_bodies, an_offset_inside_a_body_is_not_a_function_body)
{
    /* the '{' of the if statement, inside the faulty body: not a function
     * body's, so the function body around it is still parsed */
    size_t known[] = {offset_of(two_funcs, "{\n\t\tx")};
    char *msg = parse_known(two_funcs, known, 1, NULL, 0);
    cr_assert_not_null(msg, "an inner block was taken for a function body");
    free(msg);
}

Test(known_bodies, offsets_off_any_token_change_nothing)
{
    size_t known[] = {0, 3, offset_of(two_funcs, "func b"), strlen(two_funcs)};
    char *msg = parse_known(two_funcs, known, 4, NULL, 0);
    cr_assert_not_null(msg);
    free(msg);
    /* and nothing listed is goat_parse_file */
    msg = parse_known(two_funcs, NULL, 0, NULL, 0);
    cr_assert_not_null(msg);
    free(msg);
}

Test(known_bodies, every_listed_body_is_passed_over_in_order)
{
    static const char src[] = "package p\n"
                              "func a() { x := := 1 }\n"
                              "var v = func() { y := := 2 }\n"
                              "func b() { z := := 3 }\n"
                              "func c() { ok() }\n";
    size_t known[] = {offset_of(src, "{ x"), offset_of(src, "{ z")};
    /* the function literal of var v is no function declaration's body:
     * listed or not, it is parsed */
    char *msg = parse_known(src, known, 2, NULL, 0);
    cr_assert_not_null(msg);
    cr_assert(strstr(msg, "t.go:3:") != NULL, "%s", msg);
    free(msg);
    size_t with_literal[] = {offset_of(src, "{ x"), offset_of(src, "{ y"), offset_of(src, "{ z")};
    msg = parse_known(src, with_literal, 3, NULL, 0);
    cr_assert_not_null(msg);
    cr_assert(strstr(msg, "t.go:3:") != NULL, "%s", msg);
    free(msg);
}

Test(known_bodies, lexical_errors_in_a_listed_body_are_reported)
{
    static const char src[] = "package p\nfunc a() {\n\ts := \"open\n}\n";
    size_t known[] = {offset_of(src, "{")};
    char *msg = parse_known(src, known, 1, NULL, 0);
    cr_assert_not_null(msg, "a lexical error inside a passed-over body went unnoticed");
    free(msg);
}

Test(known_bodies, the_rest_of_the_file_is_parsed)
{
    /* an error outside every body, after a listed one */
    static const char src[] = "package p\nfunc a() { x := := 1 }\nvar = 3\n";
    size_t known[] = {offset_of(src, "{")};
    char *msg = parse_known(src, known, 1, NULL, 0);
    cr_assert_not_null(msg);
    cr_assert(strstr(msg, "t.go:3:") != NULL, "%s", msg);
    free(msg);
}
