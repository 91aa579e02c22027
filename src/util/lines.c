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
    lines->block_line = NULL;
    lines->blocks = 0;
    void *items = NULL;
    goat_grow(&items, &lines->cap, 1, sizeof(size_t));
    lines->starts = items;
    lines->starts[lines->count++] = 0;
    const char *p = src, *end = src + len;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        p++;
        /* checked here, not by a call per line: texts run to thousands */
        if (lines->count == lines->cap) {
            items = lines->starts;
            goat_grow(&items, &lines->cap, lines->count + 1, sizeof(size_t));
            lines->starts = items;
        }
        lines->starts[lines->count++] = (size_t)(p - src);
    }
    lines->blocks = len / GOAT_LINES_BLOCK + 1;
    lines->block_line = goat_xmalloc(lines->blocks * sizeof *lines->block_line);
    size_t line = 0;
    for (size_t b = 0; b < lines->blocks; b++) {
        size_t offset = b * GOAT_LINES_BLOCK;
        while (line + 1 < lines->count && lines->starts[line + 1] <= offset)
            line++;
        lines->block_line[b] = line;
    }
}

void goat_lines_position(const goat_lines *lines, size_t offset, int *line, int *col)
{
    /* the last start <= offset, from the line where offset's block starts
     * (offsets past the text count from its last block) */
    size_t block = offset / GOAT_LINES_BLOCK;
    size_t lo = lines->block_line[block < lines->blocks ? block : lines->blocks - 1];
    while (lo + 1 < lines->count && lines->starts[lo + 1] <= offset)
        lo++;
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
    free(lines->block_line);
    lines->starts = NULL;
    lines->block_line = NULL;
    lines->count = lines->cap = lines->blocks = 0;
}
