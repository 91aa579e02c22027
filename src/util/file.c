/* SPDX-License-Identifier: MIT */
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"

goat_error *goat_read_file(const char *path, char **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return goat_error_new(path, 0, 0, "cannot open: %s", strerror(errno));
    goat_strbuf sb = GOAT_STRBUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        goat_strbuf_append(&sb, chunk, n);
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (failed) {
        goat_strbuf_free(&sb);
        return goat_error_new(path, 0, 0, "cannot read: %s", strerror(saved));
    }
    *data = goat_strbuf_detach(&sb, len);
    return NULL;
}
