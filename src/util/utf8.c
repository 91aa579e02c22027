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

bool goat_utf8_misleading(uint32_t r)
{
    return (goat_utf8_control(r) && r != '\t') || r == 0x061C || r == 0x200E || r == 0x200F || r == 0x2028 ||
           r == 0x2029 || (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069) || r == 0xFEFF;
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
