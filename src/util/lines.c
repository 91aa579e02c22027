/* SPDX-License-Identifier: MIT */
#include "util/lines.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

void goat_lines_init(goat_lines *lines, const char *src, size_t len)
{
    lines->starts = NULL;
    lines->cap = 0;
    lines->count = 0;
    void *items = NULL;
    goat_grow(&items, &lines->cap, 1, sizeof(size_t));
    lines->starts = items;
    lines->starts[lines->count++] = 0;
    const char *p = src, *end = src + len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        items = lines->starts;
        goat_grow(&items, &lines->cap, lines->count + 1, sizeof(size_t));
        lines->starts = items;
        lines->starts[lines->count++] = (size_t)(p - src);
    }
}

void goat_lines_position(const goat_lines *lines, size_t offset, int *line, int *col)
{
    size_t lo = 0, hi = lines->count; /* find the last start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (lines->starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = (int)lo + 1;
    *col = (int)(offset - lines->starts[lo]) + 1;
}

size_t goat_lines_start(const goat_lines *lines, int line)
{
    if (line < 1)
        return 0;
    if ((size_t)line > lines->count)
        return lines->starts[lines->count - 1];
    return lines->starts[line - 1];
}

void goat_lines_free(goat_lines *lines)
{
    free(lines->starts);
    lines->starts = NULL;
    lines->count = lines->cap = 0;
}
