/* SPDX-License-Identifier: MIT */
/* The digest of the point table: a git blob ID of its canonical text (see
 * goat_gen_digest in gen.h), so that anyone can recompute it with
 * `git hash-object`. */
#include <string.h>

#include "gen/internal.h"
#include "git/ids.h"

void goat_gen_put_table(goat_strbuf *sb, const goat_gen_values *v, const goat_gen_runs *runs,
                        goat_gen_span *rows)
{
    goat_gen_counter id;
    goat_gen_counter_init(&id);
    for (int i = 0; i < v->track_id_count; i++, goat_gen_counter_next(&id)) {
        char *o = goat_gen_room(sb, sizeof "point  " - 1 + id.len);
        o = goat_gen_copy(o, "point ", 6);
        o = goat_gen_copy(o, id.digits, id.len);
        *o++ = ' ';
        goat_gen_room_done(sb, o);
        size_t at = sb->len;
        goat_gen_put_point_row(sb, v, i + 1);
        if (rows)
            rows[i] = (goat_gen_span){at, sb->len - at};
        goat_strbuf_putc(sb, '\n');
    }
    for (size_t c = 0; c < v->component_count; c++) {
        goat_strbuf_puts(sb, "component ");
        goat_gen_put_uint(sb, c);
        goat_strbuf_putc(sb, ' ');
        goat_gen_put_go_string(sb, v->components[c].name ? v->components[c].name : "");
        goat_strbuf_putc(sb, ' ');
        goat_gen_put_runs(sb, &runs[c]);
        goat_strbuf_putc(sb, '\n');
    }
}

goat_error *goat_gen_hash_text(const char *table, size_t len, char digest[GOAT_GEN_DIGEST_LEN + 1])
{
    digest[0] = '\0';
    char hex[GOAT_GIT_ID_HEX + 1];
    goat_error *err = goat_git_blob_id(table, len, hex);
    if (err)
        return goat_error_wrap(err, "generated package: cannot hash the point table");
    memcpy(digest, hex, GOAT_GEN_DIGEST_LEN);
    digest[GOAT_GEN_DIGEST_LEN] = '\0';
    return NULL;
}

static goat_error *hash_table(const goat_gen_values *v, const goat_gen_runs *runs,
                              char digest[GOAT_GEN_DIGEST_LEN + 1])
{
    goat_strbuf table = GOAT_STRBUF_INIT;
    goat_strbuf_reserve(&table, 0); /* data is not NULL even for an empty table */
    goat_gen_put_table(&table, v, runs, NULL);
    goat_error *err = goat_gen_hash_text(table.data, table.len, digest);
    goat_strbuf_free(&table);
    return err;
}

goat_error *goat_gen_digest(const goat_gen_values *v, char digest[GOAT_GEN_DIGEST_LEN + 1])
{
    digest[0] = '\0';
    goat_gen_runs *runs;
    goat_error *err = goat_gen_prepare(v, &runs);
    if (!err)
        err = hash_table(v, runs, digest);
    goat_gen_runs_free(runs, v->component_count);
    return err;
}
