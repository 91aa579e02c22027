/* SPDX-License-Identifier: MIT */
/* Line starts of one source text: offsets become line:column on demand.
 *
 * Lines end at '\n' only (a CRLF line's '\r' is the last byte of its line),
 * exactly as go/token counts them. Columns are 1-based byte counts. */
#ifndef GOAT_UTIL_LINES_H
#define GOAT_UTIL_LINES_H

#include <stddef.h>

typedef struct goat_lines {
    size_t *starts; /* starts[i] is the offset of line i+1 */
    size_t count;   /* number of lines; at least 1 */
    size_t cap;
    /* for each block of GOAT_LINES_BLOCK bytes of the text, the index in
     * starts of the line holding its first byte: a lookup starts there
     * instead of searching all the lines */
    size_t *block_line;
    size_t blocks;
} goat_lines;

enum { GOAT_LINES_BLOCK = 64 };

void goat_lines_init(goat_lines *lines, const char *src, size_t len);
/* 1-based line and column of offset (offset may equal len). */
void goat_lines_position(const goat_lines *lines, size_t offset, int *line, int *col);
/* Offset of the first byte of 1-based line (the last line's for line > count). */
size_t goat_lines_start(const goat_lines *lines, int line);
void goat_lines_free(goat_lines *lines);

#endif
