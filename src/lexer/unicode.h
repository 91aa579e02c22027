/* SPDX-License-Identifier: MIT */
/* Unicode character classes the Go scanner needs, as Go 1.19 defines them
 * (unicode.IsLetter, unicode.IsDigit, strconv.IsPrint). */
#ifndef GOAT_LEXER_UNICODE_H
#define GOAT_LEXER_UNICODE_H

#include <stdbool.h>

/* Category L. */
bool goat_unicode_is_letter(unsigned c);
/* Category Nd. */
bool goat_unicode_is_digit(unsigned c);
/* Categories L, M, N, P, S and U+0020: what Go's %#U quotes. */
bool goat_unicode_is_print(unsigned c);

#endif
