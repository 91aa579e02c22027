/* SPDX-License-Identifier: MIT */
/* Sorting a possibly empty array. qsort's base must not be NULL even for
 * zero elements (C11 7.22.5), and arrays goat grows on demand are NULL
 * until their first element: goat_sort accepts them. */
#ifndef GOAT_UTIL_SORT_H
#define GOAT_UTIL_SORT_H

#include <stdlib.h>

static inline void goat_sort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *))
{
    if (count > 1)
        qsort(base, count, size, compare);
}

#endif
