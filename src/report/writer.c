/* SPDX-License-Identifier: MIT */
#include "report/writer.h"

#include <string.h>

goat_error *goat_report_file_text_open(goat_report_code *code, const char *file, goat_report_file_text *out)
{
    memset(out, 0, sizeof *out);
    goat_error *err = goat_report_code_file(code, file, &out->text, &out->len);
    if (err)
        return err;
    goat_lines_init(&out->lines, out->text, out->len);
    out->line_count = (int)out->lines.count;
    if (out->len == 0 || out->text[out->len - 1] == '\n')
        out->line_count--;
    return NULL;
}

const char *goat_report_file_line(const goat_report_file_text *f, int line, size_t *n)
{
    if (line < 1 || line > f->line_count)
        return NULL;
    size_t start = goat_lines_start(&f->lines, line);
    const char *s = f->text + start;
    const char *nl = memchr(s, '\n', f->len - start);
    size_t len = nl ? (size_t)(nl - s) : f->len - start;
    if (len && s[len - 1] == '\r')
        len--;
    *n = len;
    return s;
}

void goat_report_file_text_close(goat_report_file_text *f)
{
    goat_lines_free(&f->lines);
}
