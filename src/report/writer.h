/* SPDX-License-Identifier: MIT */
/* What the writers share: a file's text by line. Private to src/report. */
#ifndef GOAT_REPORT_WRITER_H
#define GOAT_REPORT_WRITER_H

#include <stddef.h>

#include "report/report.h"
#include "util/lines.h"
#include "util/strbuf.h"

typedef struct goat_report_file_text {
    const char *text; /* owned by the goat_report_code */
    size_t len;
    goat_lines lines;
    int line_count; /* lines of text (a final newline ends the last, it does not start one) */
} goat_report_file_text;

goat_error *goat_report_file_text_open(goat_report_code *code, const char *file, goat_report_file_text *out);
/* The text of 1-based line without its newline (and a CR before it), or
 * NULL when the file has no such line. */
const char *goat_report_file_line(const goat_report_file_text *f, int line, size_t *n);
void goat_report_file_text_close(goat_report_file_text *f);

/* Appends a line of source text s[0, n) (from the repository, so
 * untrusted) so that a reader sees what its bytes are: plain text goes
 * through plain, and what a terminal would act on or a reader could not
 * see or would misread (goat_utf8_misleading's runes, a byte that is not
 * UTF-8, a NUL) through mark, as the escape Go would write for it: \x1b,
 * \xff, \u202e, \U000e0041. */
typedef void goat_report_put_fn(goat_strbuf *sb, const char *s, size_t n);
void goat_report_put_line(goat_strbuf *sb, const char *s, size_t n, goat_report_put_fn *plain,
                          goat_report_put_fn *mark);

#endif
