/* SPDX-License-Identifier: MIT */
/* The splice module: edits applied as if in reverse offset order. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "rewrite/splice.h"

static char *apply(goat_splices *s, const char *src)
{
    char *out;
    size_t n;
    cr_assert(goat_splices_apply(s, src, strlen(src), &out, &n));
    cr_assert_eq(n, strlen(out));
    return out;
}

Test(splice, no_edits_copies)
{
    goat_splices s = GOAT_SPLICES_INIT;
    char *out = apply(&s, "abc");
    cr_assert_str_eq(out, "abc");
    free(out);
    goat_splices_free(&s);
}

Test(splice, edits_in_any_order)
{
    goat_splices s = GOAT_SPLICES_INIT;
    goat_splices_add(&s, 4, 1, "E", 1);
    goat_splices_add(&s, 0, 0, ">", 1);
    goat_splices_add(&s, 1, 2, "", 0);
    char *out = apply(&s, "abcdefg");
    cr_assert_str_eq(out, ">adEfg");
    free(out);
    goat_splices_free(&s);
}

Test(splice, same_offset_keeps_order_and_insertion_before_deletion)
{
    goat_splices s = GOAT_SPLICES_INIT;
    goat_splices_add(&s, 2, 1, "X", 1);
    goat_splices_add(&s, 2, 0, "1", 1);
    goat_splices_add(&s, 2, 0, "2", 1);
    char *out = apply(&s, "abcd");
    cr_assert_str_eq(out, "ab12Xd");
    free(out);
    goat_splices_free(&s);
}

Test(splice, at_end)
{
    goat_splices s = GOAT_SPLICES_INIT;
    goat_splices_add(&s, 3, 0, "\n", 1);
    char *out = apply(&s, "abc");
    cr_assert_str_eq(out, "abc\n");
    free(out);
    goat_splices_free(&s);
}

Test(splice, overlap_is_refused)
{
    goat_splices s = GOAT_SPLICES_INIT;
    goat_splices_add(&s, 1, 3, "", 0);
    goat_splices_add(&s, 2, 1, "", 0);
    char *out;
    size_t n;
    cr_assert_not(goat_splices_apply(&s, "abcdef", 6, &out, &n));
    cr_assert_null(out);
    goat_splices_free(&s);
}

Test(splice, past_end_is_refused)
{
    goat_splices s = GOAT_SPLICES_INIT;
    goat_splices_add(&s, 2, 5, "", 0);
    char *out;
    size_t n;
    cr_assert_not(goat_splices_apply(&s, "abc", 3, &out, &n));
    goat_splices_free(&s);
}
