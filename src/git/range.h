/* SPDX-License-Identifier: MIT */
/* The commits that can hold new lines: those reachable from newBranch but
 * not from oldBranch (`old..new`), in topological order (children first),
 * with their parents. Built once, then read by every worker thread.
 * Private to src/git.
 *
 * The list comes from libgit2's revision walk hiding oldBranch. Its
 * stopping rule may let in a few commits that oldBranch does reach (as
 * with git rev-list, under clock skew) but never leaves one out, so each
 * commit of the list is then decided exactly, by ancestry: a commit with a
 * parent in the list that oldBranch does not reach is not reached either;
 * the others (typically the first commit of each branch since oldBranch)
 * are asked git_graph_descendant_of through the cache of reach.h.
 *
 * In a shallow clone (git clone --depth N, git fetch --depth 1 origin tag
 * v1) some commits name parents the clone does not have; libgit2's
 * revision walk and git_graph_descendant_of stop with "object not found"
 * there. The list is then built the way git itself sees such a clone,
 * with the missing parents cut off (git's shallow grafts): every commit
 * the clone has that oldBranch reaches is marked, then every commit
 * newBranch reaches that is not marked is listed, decided exactly within
 * what the clone holds. A listed commit that lacks a parent is a boundary
 * commit: the lines it did not take from a parent the clone has may come
 * from the missing one, so blame counts them old, as git blame marks them
 * as boundary lines (^). A commit the clone lists in .git/shallow whose
 * parents it has after all (a tag fetched later) is an ordinary commit. */
#ifndef GOAT_GIT_RANGE_H
#define GOAT_GIT_RANGE_H

#include <git2.h>
#include <stdbool.h>
#include <stddef.h>

#include "git/reach.h"

#include "util/error.h"

typedef struct goat_range_commit {
    git_oid id;
    size_t parent_count;
    git_oid *parents;
    long *parent_index; /* index in the list, or -1 when outside it (old) */
    bool reachable;     /* oldBranch reaches it after all (clock skew) */
    bool boundary;      /* a parent is missing (shallow clone); parents lists the others */
} goat_range_commit;

typedef struct goat_range {
    goat_range_commit *commits; /* topological, newest first */
    size_t count;
    bool shallow;          /* the repository is a shallow clone */
    size_t boundary_count; /* commits of the list with a missing parent */
    long *slots; /* open-addressing index: oid -> position, -1 empty */
    size_t slot_count;
} goat_range;

goat_error *goat_range_build(goat_range *range, git_repository *repo, goat_reach *reach, const git_oid *new_commit);
/* Position of id in the list, or -1. */
long goat_range_find(const goat_range *range, const git_oid *id);
void goat_range_free(goat_range *range);

#endif
