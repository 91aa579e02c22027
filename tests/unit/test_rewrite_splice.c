/* SPDX-License-Identifier: MIT */
/* The splice module: edits applied as if in reverse offset order. */
#include <criterion/criterion.h>
#include <stdio.h>
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

/* Inserts written in place (goat_splices_add_written) mixed with copied
 * and owned ones, enough of them that the texts' buffer moves many times
 * while they are added: each keeps its own bytes. */
Test(splice, inserts_written_in_place_and_copied)
{
    goat_splices s = GOAT_SPLICES_INIT;
    enum { N = 3000 };
    char src[N + 1];
    memset(src, '.', N);
    src[N] = '\0';
    for (int i = N - 1; i >= 0; i--) {
        char piece[32];
        int n = snprintf(piece, sizeof piece, "<%d>", i);
        if (i % 3 == 0) {
            goat_strbuf *texts = goat_splices_texts(&s);
            size_t before = texts->len;
            goat_strbuf_append(texts, piece, (size_t)n);
            goat_splices_add_written(&s, (size_t)i, 1, before);
        } else if (i % 3 == 1) {
            goat_splices_add(&s, (size_t)i, 0, piece, (size_t)n);
        } else {
            goat_splices_add_owned(&s, (size_t)i, 0, strdup(piece), (size_t)n);
        }
    }
    goat_splices_add(&s, N, 0, "", 0);
    char *out = apply(&s, src);
    goat_strbuf want = GOAT_STRBUF_INIT;
    for (int i = 0; i < N; i++) {
        goat_strbuf_printf(&want, "<%d>", i);
        if (i % 3 != 0)
            goat_strbuf_putc(&want, '.');
    }
    cr_assert_str_eq(out, want.data);
    free(out);
    goat_strbuf_free(&want);
    goat_splices_free(&s);
}
