/* SPDX-License-Identifier: MIT */
/* UTF-8 as Go's unicode/utf8 accepts it. */
#ifndef GOAT_UTIL_UTF8_H
#define GOAT_UTIL_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the sequence at s (n >= 1 bytes available): shortest form only,
 * no surrogates, nothing above U+10FFFF. Returns its length and sets
 * *rune, or returns 0 when s does not start a valid sequence. */
size_t goat_utf8_decode(const unsigned char *s, size_t n, uint32_t *rune);

/* Whether rune r is a control character (Unicode's Cc: C0, DEL, C1). */
bool goat_utf8_control(uint32_t r);

/* The offset of the first byte of s[0..n) that is not valid UTF-8 or that
 * starts a control character (goat_utf8_control: the tab and the newline
 * too), or n when there is none. goat report refuses a string of an answer
 * that holds either; goat.yaml and goat init refuse them in appName and
 * appVersion, which the answers carry, by this same rule. */
size_t goat_utf8_unprintable(const char *s, size_t n);

/* Whether rune r, which Go source may hold in a string or a comment, is
 * invisible or misleading where the text is shown: a C0 control other than
 * the tab, DEL, a C1 control, the line and paragraph separators, or one of
 * Unicode's default ignorable code points (Default_Ignorable_Code_Point)
 * that is no variation selector: the bidi controls (what "Trojan Source"
 * hides code with), the byte order mark, the zero width space and joiners,
 * the word joiner, the soft hyphen, the Hangul fillers, the tags...
 * Whoever shows such text shows these as escapes. */
bool goat_utf8_misleading(uint32_t r);

#endif
