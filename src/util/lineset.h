/* SPDX-License-Identifier: MIT */
/* A set of 1-based line numbers: appended in any order, then frozen into a
 * sorted array without duplicates for binary-search lookups. The git
 * analysis produces one per file; the rewriter consumes it. */
#ifndef GOAT_UTIL_LINESET_H
#define GOAT_UTIL_LINESET_H

#include <stdbool.h>
#include <stddef.h>

typedef struct goat_lineset {
    int *lines;
    size_t count;
    size_t cap;
    bool all; /* every line is new (oldBranch INIT, added files) */
} goat_lineset;

#define GOAT_LINESET_INIT {NULL, 0, 0, false}

void goat_lineset_add(goat_lineset *set, int line);
void goat_lineset_add_range(goat_lineset *set, int first, int last);
/* Sorts and removes duplicates; call after the last add. */
void goat_lineset_freeze(goat_lineset *set);
/* On a frozen set (or one marked all). */
bool goat_lineset_contains(const goat_lineset *set, int line);
/* Whether the set holds a line of [first, last]; on a frozen set. */
bool goat_lineset_any_in(const goat_lineset *set, int first, int last);
void goat_lineset_free(goat_lineset *set);

#endif
