/* SPDX-License-Identifier: MIT */
#include "util/find.h"

#include <string.h>

/* Stops at needle's first byte more often than once in this many bytes of
 * text (after the first few stops), and memchr no longer pays: each stop
 * costs a call and a comparison. */
enum { DENSE_STOP_DISTANCE = 16, STOPS_BEFORE_JUDGING = 64 };

const char *goat_find(const char *text, size_t len, const char *needle, size_t needle_len)
{
    if (needle_len == 0)
        return text;
    if (needle_len > len)
        return NULL;
    const char *p = text;
    const char *last = text + (len - needle_len); /* the last place an occurrence can start */
    size_t stops = 0;
    while (p <= last) {
        p = memchr(p, needle[0], (size_t)(last - p) + 1);
        if (!p)
            return NULL;
        if (memcmp(p + 1, needle + 1, needle_len - 1) == 0)
            return p;
        p++;
        if (++stops > STOPS_BEFORE_JUDGING && (size_t)(p - text) < stops * DENSE_STOP_DISTANCE)
            return memmem(p, (size_t)(text + len - p), needle, needle_len);
    }
    return NULL;
}
