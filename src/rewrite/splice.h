/* SPDX-License-Identifier: MIT */
/* Text edits as splices: each edit replaces src[offset, offset+del) with
 * insert. Edits are collected in any order and applied together; the result
 * is what applying them one by one in reverse offset order would give.
 * Edits at the same offset keep the order they were added in (the first
 * added ends up first in the text). Bytes no edit touches are copied. */
#ifndef GOAT_REWRITE_SPLICE_H
#define GOAT_REWRITE_SPLICE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct goat_splice {
    size_t offset;
    size_t del;
    char *insert; /* owned */
    size_t insert_len;
    size_t seq; /* order of addition, for ties */
} goat_splice;

typedef struct goat_splices {
    goat_splice *items;
    size_t count;
    size_t cap;
} goat_splices;

#define GOAT_SPLICES_INIT {NULL, 0, 0}

void goat_splices_add(goat_splices *s, size_t offset, size_t del, const char *insert, size_t insert_len);
/* Takes ownership of insert (malloc'd). */
void goat_splices_add_owned(goat_splices *s, size_t offset, size_t del, char *insert, size_t insert_len);
/* Applies the edits to src[0, len). Returns false (and leaves *out NULL)
 * when two edits overlap or one reaches past the end. *out is malloc'd and
 * NUL-terminated. */
bool goat_splices_apply(goat_splices *s, const char *src, size_t len, char **out, size_t *out_len);
void goat_splices_free(goat_splices *s);

#endif
