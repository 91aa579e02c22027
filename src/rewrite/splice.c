/* SPDX-License-Identifier: MIT */
#include "rewrite/splice.h"

#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

static void add_item(goat_splices *s, size_t offset, size_t del, size_t insert_at, size_t insert_len)
{
    goat_grow((void **)&s->items, &s->cap, s->count + 1, sizeof *s->items);
    s->items[s->count] = (goat_splice){offset, del, insert_at, insert_len, s->count};
    s->count++;
}

void goat_splices_add(goat_splices *s, size_t offset, size_t del, const char *insert, size_t insert_len)
{
    size_t at = s->texts.len;
    goat_strbuf_append(&s->texts, insert_len ? insert : "", insert_len);
    add_item(s, offset, del, at, insert_len);
}

void goat_splices_add_owned(goat_splices *s, size_t offset, size_t del, char *insert, size_t insert_len)
{
    goat_splices_add(s, offset, del, insert, insert_len);
    free(insert);
}

goat_strbuf *goat_splices_texts(goat_splices *s)
{
    return &s->texts;
}

void goat_splices_add_written(goat_splices *s, size_t offset, size_t del, size_t texts_len_before)
{
    add_item(s, offset, del, texts_len_before, s->texts.len - texts_len_before);
}

static int by_offset(const void *a, const void *b)
{
    const goat_splice *x = a, *y = b;
    if (x->offset != y->offset)
        return x->offset < y->offset ? -1 : 1;
    /* A pure insertion goes before a deletion starting at the same place. */
    if ((x->del == 0) != (y->del == 0))
        return x->del == 0 ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

bool goat_splices_apply(goat_splices *s, const char *src, size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    if (s->count > 1)
        goat_sort(s->items, s->count, sizeof *s->items, by_offset);
    size_t pos = 0, inserted = 0, deleted = 0;
    for (size_t i = 0; i < s->count; i++) {
        const goat_splice *e = &s->items[i];
        if (e->offset < pos || e->offset > len || e->del > len - e->offset)
            return false;
        pos = e->offset + e->del;
        inserted += e->insert_len;
        deleted += e->del;
    }
    /* the whole text at once: growing it by doubling copied it again and
     * again (thousands of blocks double a file's size) */
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_reserve(&sb, len - deleted + inserted);
    pos = 0;
    for (size_t i = 0; i < s->count; i++) {
        const goat_splice *e = &s->items[i];
        goat_strbuf_append(&sb, src + pos, e->offset - pos);
        goat_strbuf_append(&sb, s->texts.data + e->insert_at, e->insert_len);
        pos = e->offset + e->del;
    }
    goat_strbuf_append(&sb, src + pos, len - pos);
    *out = goat_strbuf_detach(&sb, out_len);
    return true;
}

void goat_splices_free(goat_splices *s)
{
    free(s->items);
    goat_strbuf_free(&s->texts);
    s->items = NULL;
    s->count = s->cap = 0;
}
