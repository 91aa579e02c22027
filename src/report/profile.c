/* SPDX-License-Identifier: MIT */
/* Writer: Go's cover profile, so that `go tool cover -func/-html` and every
 * tool reading Go profiles show the canary's coverage of the changed code.
 *
 * Each line after "mode: set|count" is a block,
 *   IMPORT/PATH/file.go:LINE0.COL0,LINE1.COL1 STATEMENTS COUNT
 * with 1-based byte columns, the end column just past the block's last
 * byte. A point stands for ranges of lines; each range is a block, from its
 * first line's first non-blank byte to its last line's last non-blank one,
 * counting one statement per line, so that percentages weigh lines. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "report/writer.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

typedef struct block {
    const char *file;
    int first_line, first_col, last_line, last_col;
    int lines;
    uint64_t count;
} block;

static int by_place(const void *a, const void *b)
{
    const block *x = a, *y = b;
    int c = strcmp(x->file, y->file);
    if (c)
        return c;
    if (x->first_line != y->first_line)
        return x->first_line < y->first_line ? -1 : 1;
    return (x->first_col > y->first_col) - (x->first_col < y->first_col);
}

static bool blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* The columns of the first and just past the last non-blank byte of line
 * (both 1 on a blank line). */
static void text_columns(const char *text, size_t n, int *first, int *past_last)
{
    size_t a = 0, b = n;
    while (a < n && blank(text[a]))
        a++;
    while (b > a && blank(text[b - 1]))
        b--;
    *first = a < b ? (int)a + 1 : 1;
    *past_last = a < b ? (int)b + 1 : 1;
}

/* The blocks of p, appended to *blocks. */
static goat_error *point_blocks(const goat_report *r, const goat_report_point *p, const goat_report_file_text *f,
                                block **blocks, size_t *count, size_t *cap)
{
    goat_report_range *ranges;
    size_t n;
    goat_report_point_ranges(p, &ranges, &n);
    goat_error *err = NULL;
    for (size_t i = 0; i < n && !err; i++) {
        size_t first_len, last_len;
        const char *first = goat_report_file_line(f, ranges[i].first, &first_len);
        const char *last = goat_report_file_line(f, ranges[i].last, &last_len);
        if (!first || !last) {
            err = goat_error_new(p->file, ranges[i].last, 0,
                                 "TRACK_ID_%d stands for this line, past the end of the file (%d lines) in commit "
                                 "%.12s: the sources were not built from this code",
                                 p->id, f->line_count, r->commit);
            break;
        }
        block b = {.file = p->file, .first_line = ranges[i].first, .last_line = ranges[i].last,
                   .lines = ranges[i].last - ranges[i].first + 1,
                   .count = r->mode == GOAT_REPORT_COUNT ? p->count : p->count > 0};
        int unused;
        text_columns(first, first_len, &b.first_col, &unused);
        text_columns(last, last_len, &unused, &b.last_col);
        goat_grow((void **)blocks, cap, *count + 1, sizeof **blocks);
        (*blocks)[(*count)++] = b;
    }
    free(ranges);
    return err;
}

goat_error *goat_report_cover_profile(const goat_report *r, goat_report_code *code, char **text)
{
    *text = NULL;
    block *blocks = NULL;
    size_t count = 0, cap = 0;
    goat_error *err = NULL;
    /* Points sorted by ID are mostly grouped by file: open each file once
     * per run of points in it. */
    goat_report_file_text f = {0};
    const char *open_file = NULL;
    for (size_t i = 0; i < r->point_count && !err; i++) {
        const goat_report_point *p = &r->points[i];
        if (!open_file || strcmp(open_file, p->file) != 0) {
            if (open_file)
                goat_report_file_text_close(&f);
            open_file = NULL;
            if ((err = goat_report_file_text_open(code, p->file, &f)))
                break;
            open_file = p->file;
        }
        err = point_blocks(r, p, &f, &blocks, &count, &cap);
    }
    if (open_file)
        goat_report_file_text_close(&f);
    if (err) {
        free(blocks);
        return err;
    }
    if (count)
        goat_sort(blocks, count, sizeof *blocks, by_place);
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_printf(&sb, "mode: %s\n", r->mode == GOAT_REPORT_COUNT ? "count" : "set");
    const char *module = goat_report_code_module(code);
    for (size_t i = 0; i < count; i++) {
        const block *b = &blocks[i];
        goat_strbuf_printf(&sb, "%s/%s:%d.%d,%d.%d %d %" PRIu64 "\n", module, b->file, b->first_line, b->first_col,
                           b->last_line, b->last_col, b->lines, b->count);
    }
    free(blocks);
    *text = goat_strbuf_detach(&sb, NULL);
    return NULL;
}
