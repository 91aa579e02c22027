/* SPDX-License-Identifier: MIT */
/* Whether the goat package's import name (goatPackageAlias) is free where
 * goat's code goes, and where a file still refers to that package.
 *
 * Inserted code names the goat package ALIAS (`ALIAS.Track(...)`,
 * `ALIAS.ServeHTTP(...)`) and the file imports it as `ALIAS "PATH"`. That
 * compiles only when, by the Go specification's scope rules:
 *   - no other import of the file binds ALIAS (by its explicit name or,
 *     without one, by the package name its path suggests, see
 *     goat_import_name);
 *   - no package-level func, var, const or type of the package is named
 *     ALIAS (the file block and the package block cannot share a name):
 *     this file's are checked here, the other files' with
 *     goat_clash_package_decl;
 *   - no declaration in scope where a block goes names ALIAS: a receiver,
 *     type parameter, parameter, named result, local variable, constant or
 *     type of an enclosing function or function literal (labels live in a
 *     name space of their own and do not count);
 *   - no dot import could declare ALIAS: only exported names come in that
 *     way, so an ALIAS starting with an upper-case letter is refused beside
 *     a dot import (goat cannot see the other package's names);
 *   - ALIAS is not "init" (which cannot name an import) and, when it is a
 *     predeclared identifier (len, string, ...), the file does not use that
 *     identifier, which the import would hide.
 * A refusal is an error at the FILE:LINE:COL of the clashing declaration
 * (or use) that says to choose another goatPackageAlias. */
#ifndef GOAT_REWRITE_CLASH_H
#define GOAT_REWRITE_CLASH_H

#include <stddef.h>

#include "parser/ast.h"
#include "util/error.h"

/* A byte range [start, end) of a source text. */
typedef struct goat_clash_range {
    size_t start, end;
} goat_clash_range;

/* What of the file is goat's own and no clash. */
typedef struct goat_clash_own {
    const goat_node *const *imports; /* the file's imports of the goat package */
    size_t import_count;
    const goat_clash_range *code; /* goat's blocks already in the file (ascending) */
    size_t code_count;
} goat_clash_own;

/* The first clash in file (the parsed src) for goat code inserted at the
 * byte offsets at[0..at_count) (ascending, each where a statement starts or
 * just after a '{'), or NULL; own may be NULL. Besides the clashes above, a
 * file that does not import the goat package as ALIAS yet may not use
 * `ALIAS.X` outside goat's blocks and local declarations: such a use
 * refers to a declaration in another file of the package (or to nothing),
 * and the import would change its meaning. */
goat_error *goat_clash_check(const char *filename, const char *src, size_t len, const goat_node *file,
                             const char *alias, const goat_clash_own *own, const size_t *at, size_t at_count);

/* The name of file's package-level func, var, const or type called name
 * (methods, init functions and "_" declare nothing there), or NULL; *what
 * says which ("function", "variable", "constant", "type"). */
const goat_node *goat_clash_package_decl(const goat_node *file, const char *name, const char **what);

/* The refusal for such a declaration (ident, of kind what) in another file
 * of a package that goat imports its package into as alias. */
goat_error *goat_clash_package_error(const char *filename, const char *src, size_t len, const goat_node *ident,
                                     const char *what, const char *alias);

/* The first `NAME.X` of file whose NAME is not a local declaration (so it
 * refers to the package imported as name), outside the ranges
 * skip[0..skip_count) (ascending, disjoint), or NULL. */
const goat_node *goat_clash_first_use(const goat_node *file, const char *name, const goat_clash_range *skip,
                                      size_t skip_count);

#endif
