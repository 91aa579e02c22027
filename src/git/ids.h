/* SPDX-License-Identifier: MIT */
/* The git object ids goat reports: the commit a build comes from (the
 * generated package embeds newBranch's), and the blob id of a text, to
 * tell whether a file's text is the one committed. */
#ifndef GOAT_GIT_IDS_H
#define GOAT_GIT_IDS_H

#include <stddef.h>

#include "util/error.h"

#define GOAT_GIT_ID_HEX 40

/* The commit ref names (any revspec; "" means HEAD) in the repository
 * holding project_dir, as 40 lowercase hex digits. key names the setting
 * ref comes from in error messages (e.g. "newBranch"). */
goat_error *goat_git_commit_id(const char *project_dir, const char *ref, const char *key,
                               char hex[GOAT_GIT_ID_HEX + 1]);

/* The id git gives a blob holding text (what `git hash-object` prints), in
 * hex. Fails (hex "") only when libcrypto cannot compute a SHA-1. */
goat_error *goat_git_blob_id(const char *text, size_t len, char hex[GOAT_GIT_ID_HEX + 1]);

#endif
