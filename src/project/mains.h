/* SPDX-License-Identifier: MIT */
/* Main packages and the components they define.
 *
 * A main package is a directory of the module whose Go files (not
 * _test.go, not build-ignored by a `//go:build ignore` or `// +build
 * ignore` line before the package clause) say `package main`. It is
 * a component, named by its directory relative to the module root ("." for
 * the root), whose tracking points are those of the files in the main
 * package and in every package of this module it imports, directly or
 * transitively. Imports are read with goat's own lexer from the top of each
 * file; an import belongs to this module when it is the module path or
 * starts with the module path and "/", and its directory exists and does
 * not belong to a nested module.
 *
 * The walk never follows symbolic links and skips .git, vendor, testdata,
 * node_modules and directories below the root holding their own go.mod.
 * Directories whose names start with "." or "_" are walked, as the
 * reference walks them: `go build ./...` leaves them out, but `go build
 * ./_example` builds a main package there, and goat tracks their files, so
 * such a main package is a component like any other. Files whose names
 * start with "." or "_" are not part of any package (the go tool ignores
 * them). Main packages are listed in bytewise order of their directories. */
#ifndef GOAT_PROJECT_MAINS_H
#define GOAT_PROJECT_MAINS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

struct goat_plan; /* project/plan.h: the scan reads only through it */

typedef struct goat_main_pkg {
    char *dir;       /* relative to the module root; "." for the root */
    char *main_file; /* the file declaring func main (relative path); NULL when none */
    char **pkg_dirs; /* dir and every module package dir it imports, sorted */
    size_t pkg_dir_count;
} goat_main_pkg;

typedef struct goat_mains {
    goat_main_pkg *items;
    size_t count;
} goat_mains;

/* Scans the module in the current directory. A file that known (may be
 * NULL) has read is scanned in the text it read (its old_text, the file's
 * bytes on disk), not read again: the plan of the command that asks holds
 * every file it rewrites. */
goat_error *goat_mains_find(const char *module_path, const struct goat_plan *known, goat_mains *out);
void goat_mains_free(goat_mains *mains);
void goat_main_pkg_free(goat_main_pkg *m);

/* Whether file (a path relative to the module root) lies in one of the
 * component's packages (its own directory, not a subdirectory). */
bool goat_main_pkg_covers(const goat_main_pkg *m, const char *file);

/* The directory of a relative file path: "a/b" for "a/b/c.go", "." for "c.go". */
char *goat_path_dir(const char *file);

#endif
