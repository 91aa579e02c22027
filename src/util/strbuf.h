/* SPDX-License-Identifier: MIT */
/* A growable byte buffer, always NUL-terminated, for building output text. */
#ifndef GOAT_UTIL_STRBUF_H
#define GOAT_UTIL_STRBUF_H

#include <stddef.h>

typedef struct goat_strbuf {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
} goat_strbuf;

#define GOAT_STRBUF_INIT {NULL, 0, 0}

void goat_strbuf_append(goat_strbuf *sb, const char *bytes, size_t n);
void goat_strbuf_puts(goat_strbuf *sb, const char *s);
void goat_strbuf_putc(goat_strbuf *sb, char c);
/* Makes room for extra more bytes, so the appends that follow do not
 * reallocate. */
void goat_strbuf_reserve(goat_strbuf *sb, size_t extra);
void goat_strbuf_printf(goat_strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the bytes to the caller (who frees them) and resets the buffer. */
char *goat_strbuf_detach(goat_strbuf *sb, size_t *len);
void goat_strbuf_free(goat_strbuf *sb);

#endif
