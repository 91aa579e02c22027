/* SPDX-License-Identifier: MIT */
/* "Is this commit reachable from oldBranch?", answered by ancestry
 * (git_graph_descendant_of), never by commit time, and remembered per
 * commit. One cache is shared by all worker threads; each thread asks
 * through its own repository handle. Private to src/git. */
#ifndef GOAT_GIT_REACH_H
#define GOAT_GIT_REACH_H

#include <git2.h>
#include <pthread.h>
#include <stdbool.h>

#include "util/error.h"

typedef struct goat_reach_entry {
    git_oid id;
    bool used;
    bool reachable;
} goat_reach_entry;

typedef struct goat_reach {
    git_oid old;
    goat_reach_entry *slots;
    size_t cap, count; /* cap is a power of two */
    pthread_mutex_t lock;
} goat_reach;

void goat_reach_init(goat_reach *reach, const git_oid *old);
/* Records an answer known in advance (the merge base is reachable). */
void goat_reach_remember(goat_reach *reach, const git_oid *commit, bool reachable);
/* *reachable: commit equals old or is one of its ancestors. */
goat_error *goat_reach_query(goat_reach *reach, git_repository *repo, const git_oid *commit, bool *reachable);
void goat_reach_free(goat_reach *reach);

#endif
