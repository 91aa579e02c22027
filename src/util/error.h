/* SPDX-License-Identifier: MIT */
/* Errors are values.
 *
 * A function that can fail returns goat_error * (NULL on success). The error
 * carries where it happened: a file, and when known a 1-based line and a
 * 1-based byte column, or a configuration key. Printed, it reads
 *   FILE:LINE:COL: message      (file and position known)
 *   FILE:LINE: message          (file and line known)
 *   FILE: message               (file only)
 *   message                     (neither)
 * which is the form editors and CI logs jump to. An empty FILE (which a Go
 * //line directive can name) is left out with its colon, as go/token does. */
#ifndef GOAT_UTIL_ERROR_H
#define GOAT_UTIL_ERROR_H

#include <stdio.h>

typedef struct goat_error {
    char *file;    /* owned; NULL when not about a file */
    int line;      /* 1-based; 0 when unknown */
    int col;       /* 1-based byte column; 0 when unknown */
    char *message; /* owned */
} goat_error;

goat_error *goat_error_new(const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prefixes the message with context ("while writing x: " ...). Returns err. */
goat_error *goat_error_wrap(goat_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The printed form described above, freshly allocated. */
char *goat_error_format(const goat_error *err);
/* Writes the printed form and a newline. */
void goat_error_print(const goat_error *err, FILE *out);
void goat_error_free(goat_error *err);

#endif
