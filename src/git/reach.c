/* SPDX-License-Identifier: MIT */
#include "git/reach.h"

#include <stdlib.h>
#include <string.h>

#include "git/repo.h"
#include "util/xalloc.h"

void goat_reach_init(goat_reach *reach, const git_oid *old)
{
    memset(reach, 0, sizeof *reach);
    git_oid_cpy(&reach->old, old);
    reach->cap = 64;
    reach->slots = goat_xcalloc(reach->cap, sizeof *reach->slots);
    pthread_mutex_init(&reach->lock, NULL);
}

void goat_reach_free(goat_reach *reach)
{
    free(reach->slots);
    reach->slots = NULL;
    pthread_mutex_destroy(&reach->lock);
}

static size_t slot_of(const goat_reach_entry *slots, size_t cap, const git_oid *id)
{
    size_t h;
    memcpy(&h, id->id, sizeof h); /* object ids are uniformly distributed */
    for (size_t i = h & (cap - 1);; i = (i + 1) & (cap - 1))
        if (!slots[i].used || git_oid_equal(&slots[i].id, id))
            return i;
}

/* Called with the lock held. */
static void insert(goat_reach *reach, const git_oid *id, bool reachable)
{
    if (2 * (reach->count + 1) > reach->cap) {
        size_t cap = reach->cap * 2;
        goat_reach_entry *slots = goat_xcalloc(cap, sizeof *slots);
        for (size_t i = 0; i < reach->cap; i++)
            if (reach->slots[i].used)
                slots[slot_of(slots, cap, &reach->slots[i].id)] = reach->slots[i];
        free(reach->slots);
        reach->slots = slots;
        reach->cap = cap;
    }
    goat_reach_entry *e = &reach->slots[slot_of(reach->slots, reach->cap, id)];
    if (!e->used)
        reach->count++;
    e->used = true;
    git_oid_cpy(&e->id, id);
    e->reachable = reachable;
}

void goat_reach_remember(goat_reach *reach, const git_oid *commit, bool reachable)
{
    pthread_mutex_lock(&reach->lock);
    insert(reach, commit, reachable);
    pthread_mutex_unlock(&reach->lock);
}

goat_error *goat_reach_query(goat_reach *reach, git_repository *repo, const git_oid *commit, bool *reachable)
{
    if (git_oid_equal(commit, &reach->old)) {
        *reachable = true;
        return NULL;
    }
    pthread_mutex_lock(&reach->lock);
    goat_reach_entry *e = &reach->slots[slot_of(reach->slots, reach->cap, commit)];
    bool known = e->used;
    bool answer = e->reachable;
    pthread_mutex_unlock(&reach->lock);
    if (known) {
        *reachable = answer;
        return NULL;
    }
    /* Two threads may ask about the same commit at once; both get the same
     * answer, so the race costs time, never correctness. */
    int rc = git_graph_descendant_of(repo, &reach->old, commit);
    if (rc < 0) {
        char hex[GIT_OID_HEXSZ + 1];
        git_oid_tostr(hex, sizeof hex, commit);
        return goat_git_error("cannot decide whether commit %.12s is an ancestor of oldBranch", hex);
    }
    *reachable = rc == 1;
    goat_reach_remember(reach, commit, *reachable);
    return NULL;
}
