/* SPDX-License-Identifier: MIT */
/* Region allocation for the syntax tree and everything that lives as long
 * as it: nodes, lists and strings are carved out of large chunks and freed
 * together by goat_arena_free, so no tree is ever walked to release it. */
#ifndef GOAT_UTIL_ARENA_H
#define GOAT_UTIL_ARENA_H

#include <stddef.h>

typedef struct goat_arena_chunk goat_arena_chunk;

typedef struct goat_arena {
    goat_arena_chunk *chunks; /* newest first */
} goat_arena;

void goat_arena_init(goat_arena *arena);
/* Zero-filled, aligned for any object type. Never returns NULL. */
void *goat_arena_alloc(goat_arena *arena, size_t size);
/* The same, not cleared: for callers that write every byte they use. */
void *goat_arena_alloc_raw(goat_arena *arena, size_t size);
/* Copies an array of count elements, each elem_size bytes. */
void *goat_arena_memdup(goat_arena *arena, const void *src, size_t count, size_t elem_size);
void goat_arena_free(goat_arena *arena);

#endif
