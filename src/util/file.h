/* SPDX-License-Identifier: MIT */
/* Whole-file reading, reading a file's head, and directory listings.
 * (Writing project files goes through the transaction
 * module, which never leaves a half-written file.) */
#ifndef GOAT_UTIL_FILE_H
#define GOAT_UTIL_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Reads path into a fresh NUL-terminated buffer (the NUL is not counted in
 * *len; the file itself may contain NUL bytes). */
goat_error *goat_read_file(const char *path, char **data, size_t *len);
/* The same, except that a file that does not exist is no error: *data is
 * then NULL. */
goat_error *goat_read_file_if_exists(const char *path, char **data, size_t *len);

/* Reads at most the first limit bytes of path into a fresh NUL-terminated
 * buffer (*len of them; the NUL is not counted). *whole is true when they
 * are the whole file: its end came before limit bytes (a file of exactly
 * limit bytes reports false). For a caller that needs only the head of
 * each file (a package clause, imports): no fstat, and one read of a
 * longer file's first limit bytes. */
goat_error *goat_read_file_head(const char *path, size_t limit, char **data, size_t *len, bool *whole);

/* A directory entry's type as lstat(2) tells it, symbolic links not
 * followed. */
typedef enum goat_entry_type {
    GOAT_ENTRY_OTHER, /* a symbolic link, device, socket, ..., or gone meanwhile */
    GOAT_ENTRY_DIR,
    GOAT_ENTRY_FILE, /* a regular file */
} goat_entry_type;

typedef struct goat_dir_entry {
    char *name;
    goat_entry_type type;
} goat_dir_entry;

/* The entries of dir but "." and "..", sorted bytewise by name. The types
 * come from readdir's d_type, and from one lstat of dir/name where the file
 * system leaves d_type unknown. Returns false (errno set, *entries NULL)
 * when dir cannot be opened. */
bool goat_list_dir(const char *dir, goat_dir_entry **entries, size_t *count);
void goat_dir_entries_free(goat_dir_entry *entries, size_t count);

#endif
