/* SPDX-License-Identifier: MIT */
/* Source: a saved /track answer (what `curl HOST:PORT/track > FILE` wrote). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/strbuf.h"

/* "127.0.0.1:57005", "localhost:57005": an instance, as curl would take it. */
static bool looks_like_host_port(const char *s)
{
    const char *colon = strrchr(s, ':');
    return colon && colon > s && colon[1] && !strchr(s, '/') && strspn(colon + 1, "0123456789") == strlen(colon + 1);
}

static goat_error *cannot_open(const char *path, int error)
{
    if (error == ENOENT && looks_like_host_port(path))
        return goat_error_new(path, 0, 0, "cannot open: %s: for the instance at %s, give http://%s", strerror(error),
                              path, path);
    if (error == ENOENT)
        return goat_error_new(path, 0, 0, "cannot open: %s: a source is a saved /track answer or http://HOST:PORT",
                              strerror(error));
    return goat_error_new(path, 0, 0, "cannot open: %s", strerror(error));
}

goat_error *goat_report_read_saved(const char *path, goat_report_answer *out)
{
    memset(out, 0, sizeof *out);
    bool is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? GOAT_REPORT_STDIN : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f)
        return cannot_open(path, errno);
    goat_strbuf text = GOAT_STRBUF_INIT;
    char chunk[65536];
    size_t n;
    /* Read no more than one byte past the limit, whatever the file holds. */
    while (text.len <= GOAT_REPORT_MAX_ANSWER && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        goat_strbuf_append(&text, chunk, n);
    int failed = ferror(f), saved_errno = errno;
    if (!is_stdin)
        fclose(f);
    goat_error *err = NULL;
    if (failed)
        err = goat_error_new(name, 0, 0, "cannot read: %s", strerror(saved_errno));
    else
        err = goat_report_parse_track(name, text.data ? text.data : "", text.len, out);
    goat_strbuf_free(&text);
    return err;
}
