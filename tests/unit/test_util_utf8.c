/* SPDX-License-Identifier: MIT */
/* goat_utf8_misleading, which decides what the report and the generated
 * package show as escapes: the ends of each range it holds, their
 * neighbours, and the runes it leaves alone on purpose. tests/gen/escape.sh
 * checks the whole set against Go's own Unicode tables. */
#include <criterion/criterion.h>

#include "util/utf8.h"

Test(utf8, misleading_runes)
{
    const uint32_t yes[] = {
        0x00, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x85, 0x9F, /* controls but the tab */
        0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E,
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, /* zero width space, joiners, marks */
        0x2028, 0x2029, 0x202A, 0x202E,         /* separators, bidi embeddings */
        0x2060, 0x2061, 0x2064, 0x2065, 0x2066, 0x2069, 0x206A, 0x206F,
        0x3164, 0xFEFF, 0xFFA0, 0xFFF0, 0xFFF8,
        0x1BCA0, 0x1BCA3, 0x1D173, 0x1D17A,
        0xE0000, 0xE0001, 0xE0020, 0xE0041, 0xE007F, 0xE00FF, 0xE01F0, 0xE0FFF,
    };
    const uint32_t no[] = {
        '\t', ' ', 'a', '~', 0xA0, 0xAC, 0xAE, 0xE9, 0x034E, 0x0350, 0x061B, 0x061D, 0x115E, 0x1161,
        0x17B3, 0x17B6, 0x180B, 0x180D, 0x180F, /* Mongolian variation selectors */
        0x200A, 0x2010, 0x2027, 0x202F, 0x205F, 0x2070, 0x3163, 0x3165, 0x540D,
        0xFE00, 0xFE0F, /* variation selectors: an emoji's U+FE0F */
        0xFEFE, 0xFF00, 0xFF9F, 0xFFA1, 0xFFEF, 0xFFF9, 0xFFFD, 0x1F410,
        0x1BC9F, 0x1BCA4, 0x1D172, 0x1D17B, 0xDFFFF,
        0xE0100, 0xE01EF, /* variation selectors supplement */
        0xE1000, 0x10FFFF,
    };
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        cr_expect(goat_utf8_misleading(yes[i]), "U+%04X is not misleading", (unsigned)yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        cr_expect_not(goat_utf8_misleading(no[i]), "U+%04X is misleading", (unsigned)no[i]);
}
