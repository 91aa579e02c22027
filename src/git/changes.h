/* SPDX-License-Identifier: MIT */
/* Which lines of which Go files are new between two commits.
 *
 * All git work goes through libgit2. The repository is discovered from
 * project_dir (the Go module root, where goat.yaml lives); only files below
 * project_dir are reported, with paths relative to it, '/'-separated, sorted
 * bytewise. Line numbers are 1-based lines of the file as committed in
 * new_ref (which must be the commit checked out at HEAD), counted at '\n'.
 *
 * Preconditions, each a goat_error naming what is wrong: both refs resolve
 * to commits (any revspec: branch, tag, full or short hash, HEAD~2,
 * v1^{commit}; "" means HEAD); new_ref is the commit at HEAD; no tracked
 * file is modified or staged (untracked files, and goat.yaml in
 * project_dir, are allowed; up to 10 offenders are listed). The last two
 * are not checked with any_worktree.
 *
 * Which files: those passing the filter of git/filter.h (by path, then by
 * the content at new_ref). Deleted files, deleted lines, binary files (as
 * libgit2's diff decides), symbolic links and submodules give nothing. A
 * file whose content at new_ref equals its content at old_ref under the
 * same path gives nothing at any precision (for blame too: even if history
 * in between changed and restored it, or another branch reached the same
 * content independently, the code is the code oldBranch already has).
 *
 * Precision 3: tree-to-tree diff old -> new without rename detection; the
 * added lines of each file ('+' lines of the diff, as `git diff
 * --no-renames` reports them; git's indent heuristic on). A renamed file is
 * a new file: all its lines are new.
 * Precision 2: the same with libgit2's similarity-based rename detection
 * (default threshold 50%, like `git diff -M`): a renamed file's new lines
 * are those changed relative to its old path. Renames are detected within
 * project_dir only.
 * Precision 1: a line is new when the commit that last changed it (blame
 * from new_ref) is not reachable from old_ref, decided by commit ancestry
 * (git_graph_descendant_of, once per commit, and inherited along parent
 * links), never by commit time. The blame is git's algorithm confined to
 * the commits of old..new (see git/blame.h): it never reads history below
 * oldBranch, and it reads blobs only of commits that changed the file. A
 * file is followed across a rename when, in the commit that renamed it,
 * libgit2's similarity-based rename detection (as libgit2's own blame uses
 * it) pairs the old path with the new one; otherwise that commit is blamed
 * for all lines it could not follow. Only files that differ between old
 * and new are blamed. In a shallow clone the commits are those git lists
 * there, and a line that reaches a commit at the clone's boundary (a parent
 * missing) unchanged is old, as git blame's boundary lines (git/range.h);
 * goat warns when that happens.
 * old_ref "INIT": no old version; every line of every Go file (passing the
 * filter) at new_ref is new, whatever the precision. A Go file on disk that
 * git does not track is not in new_ref, so it gives nothing; with verbose,
 * each such file (passing the filter) is named on stderr.
 *
 * The result does not depend on threads: the files are split over that
 * many threads, each with its own libgit2 repository handle. */
#ifndef GOAT_GIT_CHANGES_H
#define GOAT_GIT_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "util/lineset.h"

typedef struct goat_change_options {
    const char *project_dir;
    const char *old_ref;  /* any revspec; "INIT": every line of every file is new */
    const char *new_ref;  /* any revspec; "" means HEAD */
    int precision;        /* 1 blame, 2 diff with renames, 3 diff without */
    int threads;          /* >= 1; the result does not depend on it */
    const char *const *ignores; /* goat.yaml `ignores`: files, or directories and all below */
    size_t ignore_count;
    bool skip_nested_modules;
    const char *goat_package_path; /* the generated package's directory, skipped */
    bool verbose;          /* on stderr: what is compared, and each skipped file and why */
    bool any_worktree;     /* skip the HEAD and clean-worktree preconditions: the
                            * caller compares each file's text with its blob id
                            * (goat patch, whose files hold tracking blocks) */
    bool keep_texts;       /* hand over the texts read from the working tree
                            * (goat_changed_file.text) instead of freeing them */
} goat_change_options;

typedef struct goat_changed_file {
    char *path;          /* relative to project_dir */
    goat_lineset lines;  /* frozen; non-empty; `all` set when every line of the file is new */
    char blob[41];       /* the id of its blob at new_ref, 40 hex digits */
    /* With keep_texts, the file's bytes as the analysis read them from the
     * working tree (malloc'd, text_len bytes and a NUL after them, as
     * util/file.h reads a file), so that the caller need not read the file
     * again; else NULL. Only a file with no version at old_ref (every one
     * with INIT) is read from there, not with diffPrecision 1 unless
     * old_ref is INIT (blame reads blobs), and only when the HEAD and
     * clean-worktree checks ran (not with any_worktree) and the file has
     * its blob's size (a filter that changes the size makes it differ from
     * the blob; the blob is then read instead, and text is NULL). Owned by
     * the goat_changes: goat_changes_free frees it; a caller that takes it
     * sets the field to NULL. */
    char *text;
    size_t text_len;
} goat_changed_file;

typedef struct goat_changes {
    goat_changed_file *files; /* sorted by path */
    size_t count;
} goat_changes;

/* Calls git_libgit2_init/shutdown itself (they are reference-counted). */
goat_error *goat_changes_compute(const goat_change_options *opts, goat_changes *out);
void goat_changes_free(goat_changes *changes);

#endif
