/* SPDX-License-Identifier: MIT */
#include "util/samefile.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/path.h"
#include "util/xalloc.h"

static bool same_identity(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* The directory part of path, kept as written so that the kernel, not a
 * lexical rule, resolves its ".." and symbolic links ("." when there is
 * none); *base points at the name after it. Caller frees. */
static char *split(const char *path, const char **base)
{
    const char *slash = strrchr(path, '/');
    if (!slash) {
        *base = path;
        return goat_xstrdup(".");
    }
    *base = slash + 1;
    return slash == path ? goat_xstrdup("/") : goat_xstrndup(path, (size_t)(slash - path));
}

bool goat_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    bool has_a = stat(a, &sa) == 0, has_b = stat(b, &sb) == 0;
    if (has_a || has_b)
        return has_a && has_b && same_identity(&sa, &sb);
    const char *base_a, *base_b;
    char *dir_a = split(a, &base_a), *dir_b = split(b, &base_b);
    bool same;
    if (stat(dir_a, &sa) == 0 && stat(dir_b, &sb) == 0) {
        same = strcmp(base_a, base_b) == 0 && same_identity(&sa, &sb);
    } else {
        char *clean_a = goat_path_clean(a), *clean_b = goat_path_clean(b);
        same = strcmp(clean_a, clean_b) == 0;
        free(clean_a);
        free(clean_b);
    }
    free(dir_a);
    free(dir_b);
    return same;
}

bool goat_same_file_fd(const char *path, int fd)
{
    struct stat sp, sf;
    return fstat(fd, &sf) == 0 && S_ISREG(sf.st_mode) && stat(path, &sp) == 0 && same_identity(&sp, &sf);
}
