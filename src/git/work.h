/* SPDX-License-Identifier: MIT */
/* One file's share of the change analysis, run by the worker threads.
 * Private to src/git. */
#ifndef GOAT_GIT_WORK_H
#define GOAT_GIT_WORK_H

#include <git2.h>
#include <stdbool.h>

#include "git/range.h"
#include "util/error.h"
#include "util/lineset.h"

typedef enum {
    GOAT_WORK_DIFF,  /* lines added relative to old_blob (or all lines when !has_old) */
    GOAT_WORK_BLAME, /* lines whose blame commit is not reachable from oldBranch */
} goat_work_kind;

typedef struct goat_work_item {
    /* input */
    char *path;      /* relative to the project directory (new side) */
    char *old_path;  /* relative to the project directory (old side) */
    char *repo_path; /* new side, relative to the repository root (for blame) */
    git_oid new_blob;
    git_oid old_blob;
    bool has_old;
    /* output */
    goat_lineset lines;       /* frozen */
    const char *skip_reason;  /* set when the content filter rejected the file */
    goat_error *err;
    /* The file as read from the working tree (malloc'd, NUL-terminated),
     * kept only when ctx->keep_text, the file was read from there (a diff,
     * no old version, ctx->worktree set, the blob's size: see work.c), the
     * content filter kept it, it has new lines and no error; else NULL.
     * The caller frees it. */
    char *text;
    size_t text_len;
} goat_work_item;

typedef struct goat_work_context {
    goat_work_kind kind;
    git_oid new_commit;
    const goat_range *range; /* blame: the commits of old..new */
    struct goat_rename_cache *renames; /* blame: renames found so far */
    /* The working tree's root ('/'-terminated) when it is known to hold
     * newBranch's files (the HEAD and clean-tree checks passed), else NULL.
     * A file with no old version is then read from it rather than
     * inflated from the object database, unless its size says a filter
     * made it differ from the blob (see work.c). */
    const char *worktree;
    /* Keep the text of a file read from the working tree in the item
     * (goat_change_options.keep_texts), instead of freeing it. */
    bool keep_text;
} goat_work_context;

/* Fills item's output fields, reading objects through repo. */
void goat_work_run(const goat_work_context *ctx, git_repository *repo, goat_work_item *item);

#endif
