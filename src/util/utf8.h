/* SPDX-License-Identifier: MIT */
/* UTF-8 as Go's unicode/utf8 accepts it. */
#ifndef GOAT_UTIL_UTF8_H
#define GOAT_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the sequence at s (n >= 1 bytes available): shortest form only,
 * no surrogates, nothing above U+10FFFF. Returns its length and sets
 * *rune, or returns 0 when s does not start a valid sequence. */
size_t goat_utf8_decode(const unsigned char *s, size_t n, uint32_t *rune);

#endif
