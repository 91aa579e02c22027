/* SPDX-License-Identifier: MIT */
/* A growable byte buffer, always NUL-terminated, for building output text. */
#ifndef GOAT_UTIL_STRBUF_H
#define GOAT_UTIL_STRBUF_H

#include <stddef.h>
#include <string.h>

typedef struct goat_strbuf {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
} goat_strbuf;

#define GOAT_STRBUF_INIT {NULL, 0, 0}

/* Makes room for extra more bytes, so the appends that follow do not
 * reallocate. */
void goat_strbuf_reserve(goat_strbuf *sb, size_t extra);

/* Inline: the rewriter appends hundreds of thousands of short pieces. */
static inline void goat_strbuf_append(goat_strbuf *sb, const char *bytes, size_t n)
{
    if (sb->cap - sb->len <= n) /* no room for the bytes and the NUL */
        goat_strbuf_reserve(sb, n);
    memcpy(sb->data + sb->len, bytes, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void goat_strbuf_puts(goat_strbuf *sb, const char *s);
void goat_strbuf_putc(goat_strbuf *sb, char c);
void goat_strbuf_printf(goat_strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the bytes to the caller (who frees them) and resets the buffer. */
char *goat_strbuf_detach(goat_strbuf *sb, size_t *len);
void goat_strbuf_free(goat_strbuf *sb);

#endif
