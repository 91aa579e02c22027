/* SPDX-License-Identifier: MIT */
#include "util/path.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

char *goat_path_clean(const char *path)
{
    size_t n = strlen(path);
    if (n == 0)
        return goat_xstrdup(".");
    bool rooted = path[0] == '/';
    /* the output never grows: it is written over a copy, left to right */
    char *out = goat_xmalloc(n + 2);
    size_t w = 0, r = 0;
    size_t dotdot = 0; /* where ".." can no longer be undone */
    if (rooted) {
        out[w++] = '/';
        r = 1;
        dotdot = 1;
    }
    while (r < n) {
        if (path[r] == '/') {
            r++;
        } else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/')) {
            r++;
        } else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/')) {
            r += 2;
            if (w > dotdot) {
                /* back up over the last element */
                w--;
                while (w > dotdot && out[w] != '/')
                    w--;
            } else if (!rooted) {
                /* nothing to undo: a leading ".." stays */
                if (w > 0)
                    out[w++] = '/';
                out[w++] = '.';
                out[w++] = '.';
                dotdot = w;
            }
        } else {
            if ((rooted && w != 1) || (!rooted && w != 0))
                out[w++] = '/';
            while (r < n && path[r] != '/')
                out[w++] = path[r++];
        }
    }
    if (w == 0)
        out[w++] = '.';
    out[w] = '\0';
    return out;
}

char *goat_path_join(const char *dir, const char *name)
{
    if (*dir == '\0')
        return goat_path_clean(name);
    char *joined = goat_xasprintf("%s/%s", dir, name);
    char *clean = goat_path_clean(joined);
    free(joined);
    return clean;
}
