/* SPDX-License-Identifier: MIT */
#include "util/lineset.h"

#include <stdlib.h>

#include "util/xalloc.h"
#include "util/sort.h"

void goat_lineset_add(goat_lineset *set, int line)
{
    void *items = set->lines;
    goat_grow(&items, &set->cap, set->count + 1, sizeof(int));
    set->lines = items;
    set->lines[set->count++] = line;
}

void goat_lineset_add_range(goat_lineset *set, int first, int last)
{
    for (int line = first; line <= last; line++)
        goat_lineset_add(set, line);
}

static int compare_ints(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

void goat_lineset_freeze(goat_lineset *set)
{
    if (set->count == 0)
        return;
    /* diffs and blame add lines in ascending order: sort only when not */
    bool sorted = true;
    for (size_t i = 1; i < set->count && sorted; i++)
        sorted = set->lines[i - 1] <= set->lines[i];
    if (!sorted)
        goat_sort(set->lines, set->count, sizeof(int), compare_ints);
    size_t kept = 1;
    for (size_t i = 1; i < set->count; i++)
        if (set->lines[i] != set->lines[kept - 1])
            set->lines[kept++] = set->lines[i];
    set->count = kept;
}

bool goat_lineset_contains(const goat_lineset *set, int line)
{
    if (set->all)
        return true;
    size_t lo = 0, hi = set->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (set->lines[mid] < line)
            lo = mid + 1;
        else if (set->lines[mid] > line)
            hi = mid;
        else
            return true;
    }
    return false;
}

bool goat_lineset_any_in(const goat_lineset *set, int first, int last)
{
    if (first > last)
        return false;
    if (set->all)
        return true;
    size_t lo = 0, hi = set->count; /* the first line >= first */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (set->lines[mid] < first)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < set->count && set->lines[lo] <= last;
}

void goat_lineset_free(goat_lineset *set)
{
    free(set->lines);
    set->lines = NULL;
    set->count = set->cap = 0;
    set->all = false;
}
