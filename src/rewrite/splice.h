/* SPDX-License-Identifier: MIT */
/* Text edits as splices: each edit replaces src[offset, offset+del) with
 * insert. Edits are collected in any order and applied together; the result
 * is what applying them one by one in reverse offset order would give.
 * Edits at the same offset keep the order they were added in (the first
 * added ends up first in the text). Bytes no edit touches are copied.
 *
 * The inserted texts are kept one after the other in one buffer of the
 * collection: a rewrite at line granularity adds tens of thousands of
 * blocks, and an allocation for each was about a hundredth of a run. */
#ifndef GOAT_REWRITE_SPLICE_H
#define GOAT_REWRITE_SPLICE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"

typedef struct goat_splice {
    size_t offset;
    size_t del;
    size_t insert_at; /* the insert's first byte in the collection's texts */
    size_t insert_len;
    size_t seq; /* order of addition, for ties */
} goat_splice;

typedef struct goat_splices {
    goat_splice *items;
    size_t count;
    size_t cap;
    goat_strbuf texts; /* every insert, in the order added */
} goat_splices;

#define GOAT_SPLICES_INIT {NULL, 0, 0, GOAT_STRBUF_INIT}

void goat_splices_add(goat_splices *s, size_t offset, size_t del, const char *insert, size_t insert_len);
/* As goat_splices_add, and frees insert (malloc'd). */
void goat_splices_add_owned(goat_splices *s, size_t offset, size_t del, char *insert, size_t insert_len);
/* For an insert written in place: append its bytes to goat_splices_texts(s),
 * then call goat_splices_add_written with the length the texts had before
 * (the insert is everything appended since). Nothing else may be added in
 * between. */
goat_strbuf *goat_splices_texts(goat_splices *s);
void goat_splices_add_written(goat_splices *s, size_t offset, size_t del, size_t texts_len_before);
/* Applies the edits to src[0, len). Returns false (and leaves *out NULL)
 * when two edits overlap or one reaches past the end. *out is malloc'd and
 * NUL-terminated. */
bool goat_splices_apply(goat_splices *s, const char *src, size_t len, char **out, size_t *out_len);
void goat_splices_free(goat_splices *s);

#endif
