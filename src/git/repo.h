/* SPDX-License-Identifier: MIT */
/* The repository side of the change analysis: opening, resolving
 * revisions, and the preconditions (HEAD, clean worktree). Private to
 * src/git. */
#ifndef GOAT_GIT_REPO_H
#define GOAT_GIT_REPO_H

#include <git2.h>

#include "util/error.h"

/* An error from the last failed libgit2 call, prefixed with what we tried. */
goat_error *goat_git_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Discovers the repository holding project_dir. *workdir is the
 * repository's working directory (with a trailing '/'), *prefix the project
 * directory relative to it ("" or "sub/dir/"). */
goat_error *goat_git_open(const char *project_dir, git_repository **repo, char **workdir, char **prefix);

/* Resolves any revspec to a commit; key names the goat.yaml setting in
 * error messages (oldBranch, newBranch), which suggest what exists (see
 * refs.h). */
goat_error *goat_git_resolve_commit(git_repository *repo, const char *spec, const char *key, git_oid *out);

/* The error for a spec that names no commit (refs.c). */
goat_error *goat_git_missing_revision(git_repository *repo, const char *spec, const char *key);

/* Fails unless new_oid is the commit checked out at HEAD. */
goat_error *goat_git_check_head(git_repository *repo, const git_oid *new_oid, const char *new_spec);

/* Fails when a tracked file under prefix (the project directory relative
 * to the work tree, "" or ending in '/') is modified or staged, listing up
 * to 10 of them. Untracked files are fine, and so is the project's
 * goat.yaml. */
goat_error *goat_git_check_clean(git_repository *repo, const char *prefix);

/* The tree of commit at prefix ("" for the root tree); *tree is NULL when
 * the commit has no such directory. */
goat_error *goat_git_subtree(git_repository *repo, const git_oid *commit, const char *prefix, git_tree **tree);

#endif
