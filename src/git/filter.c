/* SPDX-License-Identifier: MIT */
#include "git/filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "git/filter_internal.h"
#include "util/xalloc.h"

struct goat_filter {
    char *project_dir;
    char **ignores;
    size_t ignore_count;
    bool skip_nested_modules;
    char *package_dir; /* NULL when not configured */
    bool verbose;
    /* The last directory asked about and whether it lies in a nested
     * module: callers go through files sorted by path, so consecutive
     * files almost always share their directory. */
    char *cached_dir;
    bool cached_nested;
};

/* Drops leading "./" and trailing "/" so entries compare with the
 * '/'-separated relative paths we produce. */
static char *normalize_entry(const char *entry)
{
    while (entry[0] == '.' && entry[1] == '/')
        entry += 2;
    while (entry[0] == '/')
        entry++;
    size_t len = strlen(entry);
    while (len > 0 && entry[len - 1] == '/')
        len--;
    if (len == 1 && entry[0] == '.')
        len = 0;
    return goat_xstrndup(entry, len);
}

goat_filter *goat_filter_new(const goat_filter_options *opts)
{
    goat_filter *filter = goat_xcalloc(1, sizeof *filter);
    filter->project_dir = goat_xstrdup(opts->project_dir && *opts->project_dir ? opts->project_dir : ".");
    filter->ignores = goat_xcalloc(opts->ignore_count + 1, sizeof *filter->ignores);
    for (size_t i = 0; i < opts->ignore_count; i++) {
        char *entry = normalize_entry(opts->ignores[i]);
        if (*entry)
            filter->ignores[filter->ignore_count++] = entry;
        else
            free(entry);
    }
    filter->skip_nested_modules = opts->skip_nested_modules;
    if (opts->goat_package_path) {
        char *dir = normalize_entry(opts->goat_package_path);
        if (*dir)
            filter->package_dir = dir;
        else
            free(dir);
    }
    filter->verbose = opts->verbose;
    return filter;
}

void goat_filter_free(goat_filter *filter)
{
    if (!filter)
        return;
    free(filter->project_dir);
    for (size_t i = 0; i < filter->ignore_count; i++)
        free(filter->ignores[i]);
    free(filter->ignores);
    free(filter->package_dir);
    free(filter->cached_dir);
    free(filter);
}

static bool has_suffix(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static bool is_under(const char *relpath, const char *dir)
{
    size_t n = strlen(dir);
    return strncmp(relpath, dir, n) == 0 && relpath[n] == '/';
}

const char *goat_filter_dir_name_reason(const char *name, size_t len)
{
    static const struct {
        const char *name;
        const char *reason;
    } skipped[] = {
        {"vendor", "in a vendor directory"},
        {"testdata", "in a testdata directory"},
        {"node_modules", "in a node_modules directory"},
        {".git", "in a .git directory"},
    };
    for (size_t i = 0; i < sizeof skipped / sizeof skipped[0]; i++)
        if (strlen(skipped[i].name) == len && memcmp(skipped[i].name, name, len) == 0)
            return skipped[i].reason;
    return NULL;
}

static bool has_go_mod(const goat_filter *filter, const char *dir, size_t len)
{
    char *path = goat_xasprintf("%s/%.*s/go.mod", filter->project_dir, (int)len, dir);
    struct stat st;
    bool found = stat(path, &st) == 0 && S_ISREG(st.st_mode);
    free(path);
    return found;
}

/* Whether dir or one of its ancestors below the project root holds a go.mod. */
static bool in_nested_module(goat_filter *filter, const char *dir)
{
    if (!*dir)
        return false;
    if (filter->cached_dir && strcmp(filter->cached_dir, dir) == 0)
        return filter->cached_nested;
    bool nested = false;
    for (size_t len = strlen(dir); len > 0 && !nested;) {
        nested = has_go_mod(filter, dir, len);
        while (len > 0 && dir[len - 1] != '/')
            len--;
        if (len > 0)
            len--; /* the '/' */
    }
    free(filter->cached_dir);
    filter->cached_dir = goat_xstrdup(dir);
    filter->cached_nested = nested;
    return nested;
}

const char *goat_filter_dir_reason(goat_filter *filter, const char *dir)
{
    if (filter->package_dir && (strcmp(dir, filter->package_dir) == 0 || is_under(dir, filter->package_dir)))
        return "in goat's generated package";
    for (size_t i = 0; i < filter->ignore_count; i++)
        if (strcmp(dir, filter->ignores[i]) == 0 || is_under(dir, filter->ignores[i]))
            return "matched by an ignores entry";
    if (filter->skip_nested_modules && in_nested_module(filter, dir))
        return "in a nested module (a directory with its own go.mod)";
    return NULL;
}


const char *goat_filter_path_reason(goat_filter *filter, const char *relpath)
{
    size_t len = strlen(relpath);
    if (!has_suffix(relpath, len, ".go"))
        return "not a Go file";
    if (has_suffix(relpath, len, "_test.go"))
        return "a test file";
    const char *slash = strrchr(relpath, '/');
    const char *base = slash ? slash + 1 : relpath;
    /* go build leaves such files out: their points could never run */
    if (base[0] == '_' || base[0] == '.')
        return "ignored by go build (its name starts with '_' or '.')";
    size_t dir_len = slash ? (size_t)(slash - relpath) : 0;
    for (const char *p = relpath; p < relpath + dir_len;) {
        const char *end = memchr(p, '/', (size_t)(relpath + dir_len - p));
        if (!end)
            end = relpath + dir_len;
        const char *reason = goat_filter_dir_name_reason(p, (size_t)(end - p));
        if (reason)
            return reason;
        p = end + 1;
    }
    for (size_t i = 0; i < filter->ignore_count; i++)
        if (strcmp(relpath, filter->ignores[i]) == 0)
            return "matched by an ignores entry";
    char *dir = goat_xstrndup(relpath, dir_len);
    const char *reason = goat_filter_dir_reason(filter, dir);
    free(dir);
    return reason;
}

void goat_filter_log_skip(const goat_filter *filter, const char *relpath, const char *reason)
{
    if (filter->verbose)
        fprintf(stderr, "goat: skipping %s: %s\n", relpath, reason);
}

bool goat_filter_path(goat_filter *filter, const char *relpath)
{
    const char *reason = goat_filter_path_reason(filter, relpath);
    /* Every non-Go file of a project would drown the interesting lines. */
    if (reason && has_suffix(relpath, strlen(relpath), ".go"))
        goat_filter_log_skip(filter, relpath, reason);
    return reason == NULL;
}

bool goat_filter_content(goat_filter *filter, const char *relpath, const char *src, size_t len)
{
    const char *reason = goat_filter_content_reason(src, len);
    if (reason)
        goat_filter_log_skip(filter, relpath, reason);
    return reason == NULL;
}

const char *goat_filter_project_dir(const goat_filter *filter)
{
    return filter->project_dir;
}
