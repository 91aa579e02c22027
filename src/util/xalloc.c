/* SPDX-License-Identifier: MIT */
#include "util/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void goat_out_of_memory(void)
{
    fputs("goat: out of memory\n", stderr);
    exit(1);
}

void *goat_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        goat_out_of_memory();
    return p;
}

void *goat_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        goat_out_of_memory();
    return p;
}

void *goat_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        goat_out_of_memory();
    return p;
}

void *goat_xreallocarray(void *ptr, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        goat_out_of_memory();
    return goat_xrealloc(ptr, count * size);
}

char *goat_xstrdup(const char *s)
{
    return goat_xstrndup(s, strlen(s));
}

char *goat_xstrndup(const char *s, size_t n)
{
    char *p = goat_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *goat_xvasprintf(const char *fmt, va_list ap)
{
    char *s = NULL;
    if (vasprintf(&s, fmt, ap) < 0)
        goat_out_of_memory();
    return s;
}

char *goat_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = goat_xvasprintf(fmt, ap);
    va_end(ap);
    return s;
}

void goat_grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            goat_out_of_memory();
        ncap *= 2;
    }
    *items = goat_xreallocarray(*items, ncap, elem_size);
    *cap = ncap;
}
