/* SPDX-License-Identifier: MIT */
/* Lexical file path operations, as Go's path/filepath does them on Unix. */
#ifndef GOAT_UTIL_PATH_H
#define GOAT_UTIL_PATH_H

/* filepath.Clean: the shortest path naming the same file by lexical
 * processing alone (no "." elements, no "x/..", single slashes; "." for
 * an empty result). Caller frees. */
char *goat_path_clean(const char *path);

/* filepath.Join(dir, name) for a dir that may be empty: the two joined by
 * a slash, then cleaned. Caller frees. */
char *goat_path_join(const char *dir, const char *name);

#endif
