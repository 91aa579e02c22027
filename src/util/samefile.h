/* SPDX-License-Identifier: MIT */
/* Whether two names stand for one file, so that a command can refuse to
 * write over what it reads, or to write two outputs to one place. */
#ifndef GOAT_UTIL_SAMEFILE_H
#define GOAT_UTIL_SAMEFILE_H

#include <stdbool.h>

/* Whether paths a and b name the same file. Where both exist, by identity
 * (device and inode: "./a", "a", "d/../a", a symbolic link to it and a hard
 * link all count). Where neither does, as the file each would create: the
 * same name in the same directory (compared by identity too), else the same
 * path once cleaned. An existing file and a missing one are never the same. */
bool goat_same_file(const char *a, const char *b);

/* Whether path names the regular file open as fd (a redirected standard
 * input, say). */
bool goat_same_file_fd(const char *path, int fd);

#endif
