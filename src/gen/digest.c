/* SPDX-License-Identifier: MIT */
/* The digest of the point table: a git blob ID of its canonical text (see
 * goat_gen_digest in gen.h), so that anyone can recompute it with
 * `git hash-object`. */
#include <git2.h>
#include <string.h>

#include "gen/internal.h"

void goat_gen_put_table(goat_strbuf *sb, const goat_gen_values *v, const goat_gen_runs *runs)
{
    for (int id = 1; id <= v->track_id_count; id++) {
        goat_strbuf_puts(sb, "point ");
        goat_gen_put_uint(sb, (unsigned long)id);
        goat_strbuf_putc(sb, ' ');
        goat_gen_put_point_row(sb, v, id);
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
    goat_error *err = NULL;
    git_libgit2_init();
    git_oid oid;
    if (git_odb_hash(&oid, table, len, GIT_OBJECT_BLOB) != 0) {
        const git_error *e = git_error_last();
        err = goat_error_new(NULL, 0, 0, "generated package: cannot hash the point table: %s",
                             e && e->message ? e->message : "unknown libgit2 error");
    } else {
        char hex[GIT_OID_HEXSZ + 1];
        git_oid_tostr(hex, sizeof hex, &oid);
        memcpy(digest, hex, GOAT_GEN_DIGEST_LEN);
        digest[GOAT_GEN_DIGEST_LEN] = '\0';
    }
    git_libgit2_shutdown();
    return err;
}

static goat_error *hash_table(const goat_gen_values *v, const goat_gen_runs *runs,
                              char digest[GOAT_GEN_DIGEST_LEN + 1])
{
    goat_strbuf table = GOAT_STRBUF_INIT;
    goat_strbuf_reserve(&table, 0); /* data is not NULL even for an empty table */
    goat_gen_put_table(&table, v, runs);
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
