/* SPDX-License-Identifier: MIT */
/* Adding and removing the goat import as splices, gofmt-compatibly.
 *
 * Added: at its sorted position in the last run of the first parenthesized
 * import declaration that can take it (never one importing "C"); else as a
 * new `import ALIAS "PATH"` line after the last import declaration; else,
 * in a file without imports, as a blank line and that line after the
 * package clause. Removal undoes exactly these three shapes (and removes
 * any other import standing alone on its line).
 *
 * goat's own imports are told apart from the file's others by what they
 * import, not by goat.yaml alone (rewrite.h, "goat's imports"), so that
 * clean and patch still find them after goatPackageAlias or
 * goatPackagePath changed. */
#ifndef GOAT_REWRITE_IMPORTS_H
#define GOAT_REWRITE_IMPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/ast.h"
#include "rewrite/markers.h"
#include "rewrite/splice.h"
#include "util/error.h"

/* Adds the edit importing path as alias, unless the file already imports
 * it under that name. Returns whether an edit was added. */
bool goat_import_add(const goat_node *file, const char *src, size_t len,
                     const char *alias, const char *path, goat_splices *edits);

/* The name spec binds in its file: its explicit name ("." and "_"
 * included), else the package name guessed from the path as Go tools
 * guess it: the last element (the one before it when the last is a major
 * version such as v2), without a "go-" prefix, up to the first byte that
 * cannot be part of an identifier. *name points into the tree; returns
 * the name's length. */
size_t goat_import_name(const goat_node *spec, const char **name);

/* Whether the ImportSpec spec imports path. */
bool goat_import_path_is(const goat_node *spec, const char *path);

/* Adds the edit removing spec, an ImportSpec of file: undoes the shapes
 * goat_import_add writes, and removes any other spec standing alone on its
 * line. Returns false, adding nothing, when spec shares its line with other
 * code. */
bool goat_import_remove_spec(const goat_node *file, const char *src, size_t len, const goat_node *spec,
                             goat_splices *edits);

/* Whether spec imports path as alias (by an explicit name). */
bool goat_import_is(const goat_node *spec, const char *alias, const char *path);

/* goat's imports of file (see "goat's imports" in rewrite.h), in source
 * order: *specs is malloc'd; returns their number. marks may be NULL. */
size_t goat_import_find_goat(const goat_node *file, const char *src, const goat_markers *marks, const char *alias,
                             const char *path, const char *const *tree_paths, const goat_node ***specs);

/* Adds the edit removing spec, one of goat's imports, once the blocks in
 * marks are gone (all of them, or all but the `// +goat:user` ones when
 * user_blocks_stay). Refused, adding nothing, by an error at FILE:LINE:COL
 * when the file would not compile or goat cannot tell: a dot import, a
 * use of the import's name outside those blocks (a local declaration of
 * the name is no use), the import sharing its line with other code. */
goat_error *goat_import_drop(const char *filename, const goat_node *file, const char *src, size_t len,
                             const goat_node *spec, const goat_markers *marks, bool user_blocks_stay,
                             goat_splices *edits);

#endif
