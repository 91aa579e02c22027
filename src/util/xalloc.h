/* SPDX-License-Identifier: MIT */
/* Allocation that never returns NULL.
 *
 * Every function here either succeeds or prints "goat: out of memory" and
 * exits with status 1, so callers never test for NULL. Size arithmetic is
 * checked for overflow before it reaches malloc. */
#ifndef GOAT_UTIL_XALLOC_H
#define GOAT_UTIL_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* Prints "goat: out of memory" and exits with status 1. */
_Noreturn void goat_out_of_memory(void);

void *goat_xmalloc(size_t size);
void *goat_xcalloc(size_t count, size_t size);
void *goat_xrealloc(void *ptr, size_t size);
/* realloc for an array of count elements of size bytes each. */
void *goat_xreallocarray(void *ptr, size_t count, size_t size);
char *goat_xstrdup(const char *s);
char *goat_xstrndup(const char *s, size_t n);
/* printf into a freshly allocated string. */
char *goat_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *goat_xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Grows *items (of *cap elements of elem_size bytes) so that it can hold at
 * least need elements; capacity doubles to keep appends amortised O(1). */
void goat_grow(void **items, size_t *cap, size_t need, size_t elem_size);

#endif
