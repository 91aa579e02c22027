/* SPDX-License-Identifier: MIT */
/* Precision 1 for one file: which lines were last changed by a commit
 * that oldBranch does not reach. Private to src/git.
 *
 * This is git's blame algorithm (the one libgit2's git_blame_file also
 * implements) confined to the commits of old..new: starting from the file
 * at newBranch, a commit hands each line it did not change to the parent it
 * came from (to the first parent holding identical content, when there is
 * one; otherwise through a line diff with each parent in turn, with git
 * blame's indent heuristic), and keeps the lines it changed. A line handed
 * to a commit outside old..new (or one oldBranch reaches after all, see
 * range.h) is old; a line a commit of old..new keeps is new. When the
 * file's path does not exist in a parent, the parent's version is found by
 * libgit2's rename detection between the two trees (as libgit2's blame
 * does); with none, the commit keeps the lines. In a shallow clone a
 * commit of old..new whose parent the clone lacks (see range.h) hands what
 * it keeps to nobody: those lines are old, like git blame's boundary
 * lines.
 *
 * Unlike libgit2's git_blame_file, which walks the whole history of the
 * file unless it meets one given commit, this never looks below old..new,
 * and it only reads the blobs of commits that changed the file. */
#ifndef GOAT_GIT_BLAME_H
#define GOAT_GIT_BLAME_H

#include <git2.h>

#include "git/range.h"
#include "util/error.h"
#include "util/lineset.h"

/* The renames libgit2 detects between a commit of the range and one of its
 * parents, computed once for all files (a moved directory would otherwise
 * cost one full rename detection per file) and shared by all threads. */
typedef struct goat_rename_cache goat_rename_cache;
goat_rename_cache *goat_rename_cache_new(const goat_range *range);
void goat_rename_cache_free(goat_rename_cache *cache);

/* Adds to out the new lines of the file at repo_path (relative to the
 * repository root) whose content at new_commit is blob (lines lines). */
goat_error *goat_blame_new_lines(const goat_range *range, goat_rename_cache *renames, git_repository *repo,
                                 const git_oid *new_commit, const char *repo_path, const git_oid *blob,
                                 int lines, goat_lineset *out);

#endif
