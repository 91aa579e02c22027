/* SPDX-License-Identifier: MIT */
#include "util/file.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/sort.h"
#include "util/xalloc.h"

/* Reads fd into buf[*got, cap) until that is full or a read returns
 * nothing (*end then set). Returns 0, or the errno of a failed read. */
static int fill(int fd, char *buf, size_t cap, size_t *got, bool *end)
{
    while (*got < cap) {
        ssize_t n = read(fd, buf + *got, cap - *got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        if (n == 0) {
            *end = true;
            break;
        }
        *got += (size_t)n;
    }
    return 0;
}

/* Reads fd to its end into a fresh NUL-terminated buffer, sized by
 * size_hint (the file's size) and grown when the file turns out longer
 * (or is not a regular file). */
static goat_error *read_fd(int fd, const char *path, size_t size_hint, char **data, size_t *len)
{
    size_t cap = size_hint + 1, got = 0;
    char *buf = goat_xmalloc(cap + 1);
    bool end = false;
    for (;;) {
        int e = fill(fd, buf, cap, &got, &end);
        if (e) {
            free(buf);
            return goat_error_new(path, 0, 0, "cannot read: %s", strerror(e));
        }
        if (end)
            break;
        buf = goat_xrealloc(buf, (cap *= 2) + 1);
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return NULL;
}

/* One open, one fstat and (for a file that does not change meanwhile) two
 * reads: the whole file lands in its buffer without a copy. */
static goat_error *read_file(const char *path, char **data, size_t *len, bool *missing)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (missing && errno == ENOENT) {
            *missing = true;
            return NULL;
        }
        return goat_error_new(path, 0, 0, "cannot open: %s", strerror(errno));
    }
    struct stat st;
    size_t hint = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size : 4096;
    goat_error *err = read_fd(fd, path, hint, data, len);
    close(fd);
    return err;
}

goat_error *goat_read_file(const char *path, char **data, size_t *len)
{
    return read_file(path, data, len, NULL);
}

goat_error *goat_read_file_if_exists(const char *path, char **data, size_t *len)
{
    bool missing = false;
    *data = NULL;
    *len = 0;
    goat_error *err = read_file(path, data, len, &missing);
    if (!err && missing) {
        *data = NULL;
        *len = 0;
    }
    return err;
}

goat_error *goat_read_file_head(const char *path, size_t limit, char **data, size_t *len, bool *whole)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return goat_error_new(path, 0, 0, "cannot open: %s", strerror(errno));
    char *buf = goat_xmalloc(limit + 1);
    size_t got = 0;
    bool end = false;
    /* a short read is not taken for the end (a pipe, a signal): only a
     * read that returns nothing is */
    int e = fill(fd, buf, limit, &got, &end);
    close(fd);
    if (e) {
        free(buf);
        return goat_error_new(path, 0, 0, "cannot read: %s", strerror(e));
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    *whole = end;
    return NULL;
}

static int by_entry_name(const void *a, const void *b)
{
    return strcmp(((const goat_dir_entry *)a)->name, ((const goat_dir_entry *)b)->name);
}

static goat_entry_type entry_type(const char *dir, const char *name, unsigned char d_type)
{
    switch (d_type) {
    case DT_DIR:
        return GOAT_ENTRY_DIR;
    case DT_REG:
        return GOAT_ENTRY_FILE;
    case DT_UNKNOWN:
        break;
    default:
        return GOAT_ENTRY_OTHER;
    }
    /* some file systems (and some of their versions) do not fill d_type */
    char *path = goat_xasprintf("%s/%s", dir, name);
    struct stat st;
    goat_entry_type type = GOAT_ENTRY_OTHER;
    if (lstat(path, &st) == 0)
        type = S_ISDIR(st.st_mode) ? GOAT_ENTRY_DIR : S_ISREG(st.st_mode) ? GOAT_ENTRY_FILE : GOAT_ENTRY_OTHER;
    free(path);
    return type;
}

bool goat_list_dir(const char *dir, goat_dir_entry **entries, size_t *count)
{
    *entries = NULL;
    *count = 0;
    DIR *dh = opendir(dir);
    if (!dh)
        return false;
    goat_dir_entry *items = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dh)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        goat_grow((void **)&items, &cap, n + 1, sizeof *items);
        items[n].name = goat_xstrdup(e->d_name);
        items[n++].type = entry_type(dir, e->d_name, e->d_type);
    }
    closedir(dh);
    goat_sort(items, n, sizeof *items, by_entry_name);
    *entries = items;
    *count = n;
    return true;
}

void goat_dir_entries_free(goat_dir_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(entries[i].name);
    free(entries);
}
