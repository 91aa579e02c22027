/* SPDX-License-Identifier: MIT */
#include "util/error.h"

#include <stdarg.h>
#include <stdlib.h>

#include "util/xalloc.h"

goat_error *goat_error_new(const char *file, int line, int col, const char *fmt, ...)
{
    goat_error *err = goat_xcalloc(1, sizeof *err);
    err->file = file ? goat_xstrdup(file) : NULL;
    err->line = line;
    err->col = col;
    va_list ap;
    va_start(ap, fmt);
    err->message = goat_xvasprintf(fmt, ap);
    va_end(ap);
    return err;
}

goat_error *goat_error_wrap(goat_error *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *prefix = goat_xvasprintf(fmt, ap);
    va_end(ap);
    char *joined = goat_xasprintf("%s: %s", prefix, err->message);
    free(prefix);
    free(err->message);
    err->message = joined;
    return err;
}

char *goat_error_format(const goat_error *err)
{
    /* an empty file name (a //line directive's) leaves just the numbers */
    if (err->file && !*err->file && err->line > 0 && err->col != 0)
        return goat_xasprintf("%d:%d: %s", err->line, err->col, err->message);
    if (err->file && !*err->file && err->line > 0)
        return goat_xasprintf("%d: %s", err->line, err->message);
    if (err->file && !*err->file)
        return goat_xstrdup(err->message);
    if (err->file && err->line > 0 && err->col != 0)
        return goat_xasprintf("%s:%d:%d: %s", err->file, err->line, err->col, err->message);
    if (err->file && err->line > 0)
        return goat_xasprintf("%s:%d: %s", err->file, err->line, err->message);
    if (err->file)
        return goat_xasprintf("%s: %s", err->file, err->message);
    return goat_xstrdup(err->message);
}

void goat_error_print(const goat_error *err, FILE *out)
{
    char *s = goat_error_format(err);
    fprintf(out, "%s\n", s);
    free(s);
}

void goat_error_free(goat_error *err)
{
    if (!err)
        return;
    free(err->file);
    free(err->message);
    free(err);
}
