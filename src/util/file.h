/* SPDX-License-Identifier: MIT */
/* Whole-file reading. (Writing project files goes through the transaction
 * module, which never leaves a half-written file.) */
#ifndef GOAT_UTIL_FILE_H
#define GOAT_UTIL_FILE_H

#include <stddef.h>

#include "util/error.h"

/* Reads path into a fresh NUL-terminated buffer (the NUL is not counted in
 * *len; the file itself may contain NUL bytes). */
goat_error *goat_read_file(const char *path, char **data, size_t *len);
/* The same, except that a file that does not exist is no error: *data is
 * then NULL. */
goat_error *goat_read_file_if_exists(const char *path, char **data, size_t *len);

#endif
