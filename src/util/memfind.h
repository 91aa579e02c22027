/* SPDX-License-Identifier: MIT */
/* Finding a short word in a text that mostly does not hold it, as the
 * rewriter asks of every file (does it spell the alias anywhere?). glibc's
 * memmem sets up a general search for each call and then looks at every
 * byte; memchr for the word's first byte skips most of the text in wide
 * strides and compares only where that byte stands. */
#ifndef GOAT_UTIL_MEMFIND_H
#define GOAT_UTIL_MEMFIND_H

#include <stddef.h>
#include <string.h>

/* The first occurrence of word[0, n) in text[0, len), or NULL (text for an
 * empty word). */
static inline const char *goat_memfind(const char *text, size_t len, const char *word, size_t n)
{
    if (n == 0)
        return text;
    const char *p = text, *end = text + len;
    while ((size_t)(end - p) >= n && (p = memchr(p, word[0], (size_t)(end - p) - n + 1)) != NULL) {
        if (memcmp(p + 1, word + 1, n - 1) == 0)
            return p;
        p++;
    }
    return NULL;
}

#endif
