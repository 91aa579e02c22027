/* SPDX-License-Identifier: MIT */
#include "util/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/xalloc.h"

/* Reads fd to its end into a fresh NUL-terminated buffer, sized by
 * size_hint (the file's size) and grown when the file turns out longer
 * (or is not a regular file). */
static goat_error *read_fd(int fd, const char *path, size_t size_hint, char **data, size_t *len)
{
    size_t cap = size_hint + 1, got = 0;
    char *buf = goat_xmalloc(cap + 1);
    for (;;) {
        if (got == cap)
            buf = goat_xrealloc(buf, (cap *= 2) + 1);
        ssize_t n = read(fd, buf + got, cap - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            free(buf);
            return goat_error_new(path, 0, 0, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        got += (size_t)n;
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
