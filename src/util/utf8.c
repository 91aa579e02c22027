/* SPDX-License-Identifier: MIT */
#include "util/utf8.h"

size_t goat_utf8_decode(const unsigned char *s, size_t n, uint32_t *rune)
{
    size_t len;
    uint32_t r, min;
    if (s[0] < 0x80) {
        *rune = s[0];
        return 1;
    } else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
        len = 2, r = s[0] & 0x1F, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3, r = s[0] & 0x0F, min = 0x800;
    } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
        len = 4, r = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        r = r << 6 | (s[i] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        return 0;
    *rune = r;
    return len;
}

bool goat_utf8_control(uint32_t r)
{
    return r < 0x20 || (r >= 0x7F && r <= 0x9F);
}

/* What a renderer shows nothing for: Unicode's default ignorable code
 * points (Default_Ignorable_Code_Point of DerivedCoreProperties.txt: the
 * invisible format characters of category Cf, bidi controls among them,
 * the Hangul fillers, which Go takes as letters of a name, and code points
 * kept for more of them), but the variation selectors, which choose how the
 * rune before them looks (an emoji's U+FE0F). Then the line and paragraph
 * separators, which break a line where Go sees none. Sorted, apart. */
static const struct {
    uint32_t lo, hi;
} invisible[] = {
    {0x00AD, 0x00AD},   /* soft hyphen */
    {0x034F, 0x034F},   /* combining grapheme joiner */
    {0x061C, 0x061C},   /* Arabic letter mark */
    {0x115F, 0x1160},   /* Hangul choseong and jungseong fillers */
    {0x17B4, 0x17B5},   /* Khmer inherent vowels */
    {0x180E, 0x180E},   /* Mongolian vowel separator */
    {0x200B, 0x200F},   /* zero width space, non-joiner, joiner; LRM, RLM */
    {0x2028, 0x202E},   /* line and paragraph separators; bidi embeddings */
    {0x2060, 0x206F},   /* word joiner, invisible operators, bidi isolates... */
    {0x3164, 0x3164},   /* Hangul filler */
    {0xFEFF, 0xFEFF},   /* zero width no-break space, the byte order mark */
    {0xFFA0, 0xFFA0},   /* halfwidth Hangul filler */
    {0xFFF0, 0xFFF8},   /* reserved */
    {0x1BCA0, 0x1BCA3}, /* shorthand format controls */
    {0x1D173, 0x1D17A}, /* musical symbol beam, tie, slur, phrase */
    {0xE0000, 0xE00FF}, /* tags (they spell hidden ASCII) */
    {0xE01F0, 0xE0FFF}, /* reserved, after the variation selectors */
};

bool goat_utf8_misleading(uint32_t r)
{
    if (r < 0xA0)
        return goat_utf8_control(r) && r != '\t';
    for (size_t i = 0; i < sizeof invisible / sizeof *invisible && invisible[i].lo <= r; i++)
        if (r <= invisible[i].hi)
            return true;
    return false;
}

size_t goat_utf8_unprintable(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        uint32_t rune;
        size_t len = goat_utf8_decode(p + i, n - i, &rune);
        if (!len || goat_utf8_control(rune))
            return i;
        i += len;
    }
    return n;
}
