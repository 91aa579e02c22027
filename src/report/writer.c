/* SPDX-License-Identifier: MIT */
#include "report/writer.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

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

void goat_report_put_line(goat_strbuf *sb, const char *s, size_t n, goat_report_put_fn *plain,
                          goat_report_put_fn *mark)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0; /* start of the plain text not yet put */
    for (size_t i = 0; i < n;) {
        uint32_t rune = 0;
        size_t len = p[i] ? goat_utf8_decode(p + i, n - i, &rune) : 0;
        if (len > 0 && !goat_utf8_misleading(rune)) {
            i += len;
            continue;
        }
        if (i > run)
            plain(sb, s + run, i - run);
        char esc[12];
        int w = len == 0 || rune < 0x80 ? snprintf(esc, sizeof esc, "\\x%02x", p[i])
                : rune > 0xFFFF         ? snprintf(esc, sizeof esc, "\\U%08x", (unsigned)rune)
                                        : snprintf(esc, sizeof esc, "\\u%04x", (unsigned)rune);
        mark(sb, esc, (size_t)w);
        i += len ? len : 1;
        run = i;
    }
    if (n > run)
        plain(sb, s + run, n - run);
}
