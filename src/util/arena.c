/* SPDX-License-Identifier: MIT */
#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

enum { CHUNK_SIZE = 64 * 1024 };

struct goat_arena_chunk {
    goat_arena_chunk *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

static goat_arena_chunk *new_chunk(size_t size)
{
    goat_arena_chunk *c = goat_xmalloc(sizeof *c + size);
    c->next = NULL;
    c->used = 0;
    c->size = size;
    return c;
}

void goat_arena_init(goat_arena *arena)
{
    arena->chunks = NULL;
}

void *goat_arena_alloc_raw(goat_arena *arena, size_t size)
{
    const size_t align = alignof(max_align_t);
    if (size > SIZE_MAX - align)
        goat_out_of_memory();
    size_t rounded = (size + align - 1) & ~(align - 1);
    goat_arena_chunk *c = arena->chunks;
    if (!c || c->size - c->used < rounded) {
        if (rounded > CHUNK_SIZE / 4) {
            /* A large object gets a chunk of its own, kept behind the current
             * chunk so the current chunk's free space is not wasted. */
            goat_arena_chunk *big = new_chunk(rounded);
            big->used = rounded;
            if (c) {
                big->next = c->next;
                c->next = big;
            } else {
                arena->chunks = big;
            }
            return big->data;
        }
        c = new_chunk(CHUNK_SIZE);
        c->next = arena->chunks;
        arena->chunks = c;
    }
    void *p = c->data + c->used;
    c->used += rounded;
    return p;
}

void *goat_arena_alloc(goat_arena *arena, size_t size)
{
    void *p = goat_arena_alloc_raw(arena, size);
    memset(p, 0, size);
    return p;
}

void *goat_arena_memdup(goat_arena *arena, const void *src, size_t count, size_t elem_size)
{
    if (elem_size && count > SIZE_MAX / elem_size)
        goat_out_of_memory();
    size_t n = count * elem_size;
    void *p = goat_arena_alloc(arena, n);
    if (n)
        memcpy(p, src, n);
    return p;
}

void goat_arena_free(goat_arena *arena)
{
    goat_arena_chunk *c = arena->chunks;
    while (c) {
        goat_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    arena->chunks = NULL;
}
