/* SPDX-License-Identifier: MIT */
/* goat_find keeps memmem's contract: the same answer as glibc's memmem on
 * every case below, including texts full of the needle's first byte (where
 * it hands over to memmem) and occurrences at both ends. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "util/find.h"

static void expect_as_memmem(const char *text, size_t len, const char *needle, size_t needle_len)
{
    const char *want = memmem(text, len, needle, needle_len);
    const char *got = goat_find(text, len, needle, needle_len);
    cr_expect_eq(got, want, "text of %zu bytes, needle \"%.*s\": at %td, memmem at %td", len, (int)needle_len,
                 needle, got ? got - text : -1, want ? want - text : -1);
}

Test(find, edges)
{
    expect_as_memmem("goat", 4, "goat", 4);
    expect_as_memmem("goa", 3, "goat", 4);
    expect_as_memmem("xgoat", 5, "goat", 4);
    expect_as_memmem("goatx", 5, "goat", 4);
    expect_as_memmem("gogoat", 6, "goat", 4);
    expect_as_memmem("ggoa", 4, "goat", 4);
    expect_as_memmem("abc", 3, "", 0);
    expect_as_memmem("", 0, "g", 1);
    expect_as_memmem("abcg", 4, "g", 1);
    /* the length bounds the search, not a NUL */
    expect_as_memmem("goat", 3, "goat", 4);
    expect_as_memmem("go\0goat", 7, "goat", 4);
    expect_as_memmem("go\0goat", 7, "\0goat", 5);
}

/* A text made of the needle's first byte: the dense case, past the
 * point where goat_find hands over, with the occurrence found by memmem. */
Test(find, dense_first_byte)
{
    size_t len = 100000;
    char *text = malloc(len);
    memset(text, 'g', len);
    expect_as_memmem(text, len, "goat", 4);
    memcpy(text + len - 4, "goat", 4);
    expect_as_memmem(text, len, "goat", 4);
    memcpy(text + 500, "goat", 4);
    expect_as_memmem(text, len, "goat", 4);
    free(text);
}

/* Random texts over a small alphabet, where partial matches are frequent,
 * against memmem; the seed is fixed, so a failure repeats. */
Test(find, random_against_memmem)
{
    unsigned seed = 12345;
    char text[512], needle[8];
    for (int round = 0; round < 20000; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 8) % sizeof text;
        size_t needle_len = 1 + (seed >> 20) % sizeof needle;
        const char *alphabet = round % 2 ? "ab" : "abcdefg";
        size_t letters = strlen(alphabet);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = alphabet[(seed >> 16) % letters];
        }
        for (size_t i = 0; i < needle_len; i++) {
            seed = seed * 1103515245u + 12345u;
            needle[i] = alphabet[(seed >> 16) % letters];
        }
        expect_as_memmem(text, len, needle, needle_len);
    }
}
