/* SPDX-License-Identifier: MIT */
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static void reserve(goat_strbuf *sb, size_t extra)
{
    if (sb->cap - sb->len > extra)
        return; /* room for the bytes and the NUL already */
    if (extra > (size_t)-1 - sb->len - 1)
        goat_out_of_memory();
    void *data = sb->data;
    /* never below 64 bytes: most buffers hold a line or more */
    size_t need = sb->len + extra + 1;
    goat_grow(&data, &sb->cap, need < 64 ? 64 : need, 1);
    sb->data = data;
    sb->data[sb->len] = '\0'; /* a fresh buffer is a valid empty string too */
}

void goat_strbuf_reserve(goat_strbuf *sb, size_t extra)
{
    reserve(sb, extra);
}

void goat_strbuf_puts(goat_strbuf *sb, const char *s)
{
    goat_strbuf_append(sb, s, strlen(s));
}

void goat_strbuf_putc(goat_strbuf *sb, char c)
{
    goat_strbuf_append(sb, &c, 1);
}

void goat_strbuf_printf(goat_strbuf *sb, const char *fmt, ...)
{
    /* One formatting pass when the text fits the space already there (or
     * a small stack buffer); a second only for long texts. */
    char local[256];
    bool in_place = sb->data && sb->cap - sb->len > sizeof local;
    char *dst = in_place ? sb->data + sb->len : local;
    size_t room = in_place ? sb->cap - sb->len : sizeof local;
    va_list ap;
    va_start(ap, fmt);
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(dst, room, fmt, copy);
    va_end(copy);
    if (n < 0)
        goat_out_of_memory();
    if ((size_t)n < room) {
        if (in_place)
            sb->len += (size_t)n;
        else
            goat_strbuf_append(sb, local, (size_t)n);
    } else {
        reserve(sb, (size_t)n);
        vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
        sb->len += (size_t)n;
    }
    va_end(ap);
}

char *goat_strbuf_detach(goat_strbuf *sb, size_t *len)
{
    if (!sb->data)
        reserve(sb, 0), sb->data[0] = '\0';
    char *data = sb->data;
    if (len)
        *len = sb->len;
    sb->data = NULL;
    sb->len = sb->cap = 0;
    return data;
}

void goat_strbuf_free(goat_strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}
