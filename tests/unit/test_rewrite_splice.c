/* SPDX-License-Identifier: MIT */
/* The splice module: edits applied as if in reverse offset order. */
#include <criterion/criterion.h>
#include <stdint.h>
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

/* One edit of the orders below: at offset, deleting del bytes, inserting
 * "<id>"; same-offset edits are added in id order in every order, since
 * that order is theirs to keep. */
typedef struct edit {
    size_t offset, del;
    int id;
} edit;

/* What the edits make of src, built directly: at each offset, its
 * insertions in the order added, then a deletion starting there. */
static char *expected(const char *src, size_t len, const edit *e, size_t n)
{
    goat_strbuf want = GOAT_STRBUF_INIT;
    goat_strbuf_reserve(&want, 1);
    for (size_t pos = 0; pos <= len;) {
        for (size_t i = 0; i < n; i++)
            if (e[i].offset == pos && e[i].del == 0)
                goat_strbuf_printf(&want, "<%d>", e[i].id);
        size_t skip = 0;
        for (size_t i = 0; i < n; i++)
            if (e[i].offset == pos && e[i].del > 0) {
                goat_strbuf_printf(&want, "<%d>", e[i].id);
                skip = e[i].del;
            }
        if (skip == 0 && pos < len)
            goat_strbuf_putc(&want, src[pos]);
        pos += skip ? skip : 1;
    }
    return goat_strbuf_detach(&want, NULL);
}

static char *apply_in(const char *src, const edit *e, const size_t *order, size_t n)
{
    goat_splices s = GOAT_SPLICES_INIT;
    for (size_t k = 0; k < n; k++) {
        char piece[32];
        int len = snprintf(piece, sizeof piece, "<%d>", e[order[k]].id);
        goat_splices_add(&s, e[order[k]].offset, e[order[k]].del, piece, (size_t)len);
    }
    char *out = apply(&s, src);
    goat_splices_free(&s);
    return out;
}

/* The edits given in order, in the few ascending stretches a rewrite
 * gives (alignment edits, then the blocks, then the import at the top),
 * reversed, and shuffled, give the same text, and the right one: the
 * order of addition only decides among edits at one offset. */
Test(splice, same_text_in_order_and_out_of_order)
{
    enum { LEN = 4000, N = 700 };
    char src[LEN + 1];
    for (int i = 0; i < LEN; i++)
        src[i] = (char)('a' + i % 26);
    src[LEN] = '\0';
    edit e[N];
    size_t n = 0;
    for (size_t off = 0; n + 3 <= N && off + 3 < LEN; off += 17) {
        e[n] = (edit){off, 0, (int)n};
        n++;
        if (off % 3 == 0) { /* another insertion at the same offset */
            e[n] = (edit){off, 0, (int)n};
            n++;
        }
        if (off % 2 == 0) { /* and a deletion starting there */
            e[n] = (edit){off, 2, (int)n};
            n++;
        }
    }
    char *want = expected(src, LEN, e, n);
    size_t in_order[N], stretches[N], reversed[N], shuffled[N];
    for (size_t i = 0; i < n; i++)
        in_order[i] = i;
    /* every other offset's edits, then the others', then those at 0 */
    size_t k = 0;
    for (int parity = 1; parity >= 0; parity--)
        for (size_t i = 0; i < n; i++)
            if (e[i].offset > 0 && (e[i].offset / 17) % 2 == (size_t)parity)
                stretches[k++] = i;
    for (size_t i = 0; i < n && e[i].offset == 0; i++)
        stretches[k++] = i;
    cr_assert_eq(k, n);
    /* reversed offset by offset, each offset's edits in their order */
    k = 0;
    for (size_t end = n; end > 0;) {
        size_t start = end - 1;
        while (start > 0 && e[start - 1].offset == e[end - 1].offset)
            start--;
        for (size_t i = start; i < end; i++)
            reversed[k++] = i;
        end = start;
    }
    /* shuffled by offset group, again keeping each offset's order */
    memcpy(shuffled, reversed, sizeof reversed);
    uint64_t rng = 7;
    size_t groups[N + 1], ngroups = 0;
    for (size_t i = 0; i < n; i++)
        if (i == 0 || e[i].offset != e[i - 1].offset)
            groups[ngroups++] = i;
    groups[ngroups] = n;
    for (size_t g = ngroups - 1; g > 0; g--) {
        rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
        size_t h = (size_t)(rng >> 33) % (g + 1);
        size_t t = groups[g];
        groups[g] = groups[h];
        groups[h] = t;
    }
    k = 0;
    for (size_t g = 0; g < ngroups; g++)
        for (size_t i = groups[g]; i < n && (i == groups[g] || e[i].offset == e[groups[g]].offset); i++)
            shuffled[k++] = i;
    cr_assert_eq(k, n);
    const size_t *orders[] = {in_order, stretches, reversed, shuffled};
    for (size_t o = 0; o < 4; o++) {
        char *out = apply_in(src, e, orders[o], n);
        cr_assert_str_eq(out, want, "order %zu", o);
        free(out);
    }
    free(want);
}
