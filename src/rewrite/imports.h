/* SPDX-License-Identifier: MIT */
/* Adding and removing the goat import as splices, gofmt-compatibly.
 *
 * Added: at its sorted position in the last run of the first parenthesized
 * import declaration that can take it (never one importing "C"); else as a
 * new `import ALIAS "PATH"` line after the last import declaration; else,
 * in a file without imports, as a blank line and that line after the
 * package clause. Removal undoes exactly these three shapes. */
#ifndef GOAT_REWRITE_IMPORTS_H
#define GOAT_REWRITE_IMPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/ast.h"
#include "rewrite/splice.h"

/* Adds the edit importing path as alias, unless the file already imports
 * it under that name. Returns whether an edit was added. */
bool goat_import_add(const goat_node *file, const char *src, size_t len,
                     const char *alias, const char *path, goat_splices *edits);

/* Adds the edit removing the import of path as alias. Returns whether the
 * file had it. */
bool goat_import_remove(const goat_node *file, const char *src, size_t len,
                        const char *alias, const char *path, goat_splices *edits);

#endif
