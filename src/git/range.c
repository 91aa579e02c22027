/* SPDX-License-Identifier: MIT */
#include "git/range.h"

#include <stdlib.h>
#include <string.h>

#include "git/repo.h"
#include "util/xalloc.h"

static size_t hash_oid(const git_oid *id)
{
    size_t h;
    memcpy(&h, id->id, sizeof h);
    return h;
}

long goat_range_find(const goat_range *range, const git_oid *id)
{
    if (!range->slot_count)
        return -1;
    for (size_t i = hash_oid(id) & (range->slot_count - 1);; i = (i + 1) & (range->slot_count - 1)) {
        long at = range->slots[i];
        if (at < 0)
            return -1;
        if (git_oid_equal(&range->commits[at].id, id))
            return at;
    }
}

static void index_commits(goat_range *range)
{
    size_t n = 16;
    while (n < 2 * range->count)
        n *= 2;
    range->slot_count = n;
    range->slots = goat_xmalloc(n * sizeof *range->slots);
    for (size_t i = 0; i < n; i++)
        range->slots[i] = -1;
    for (size_t c = 0; c < range->count; c++) {
        size_t i = hash_oid(&range->commits[c].id) & (n - 1);
        while (range->slots[i] >= 0)
            i = (i + 1) & (n - 1);
        range->slots[i] = (long)c;
    }
}

/* Oldest first, so that each commit's parents are decided before it. */
static goat_error *decide_reachability(goat_range *range, git_repository *repo, goat_reach *reach)
{
    for (size_t i = range->count; i-- > 0;) {
        goat_range_commit *c = &range->commits[i];
        bool inherited = false;
        for (size_t p = 0; p < c->parent_count && !inherited; p++)
            inherited = c->parent_index[p] >= 0 && !range->commits[c->parent_index[p]].reachable;
        if (inherited) {
            c->reachable = false; /* an ancestor of oldBranch has only such ancestors */
            continue;
        }
        goat_error *err = goat_reach_query(reach, repo, &c->id, &c->reachable);
        if (err)
            return err;
    }
    return NULL;
}

goat_error *goat_range_build(goat_range *range, git_repository *repo, goat_reach *reach, const git_oid *new_commit)
{
    memset(range, 0, sizeof *range);
    git_revwalk *walk = NULL;
    if (git_revwalk_new(&walk, repo) < 0 || git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL) < 0 ||
        git_revwalk_push(walk, new_commit) < 0 || git_revwalk_hide(walk, &reach->old) < 0) {
        git_revwalk_free(walk);
        return goat_git_error("cannot list the commits between oldBranch and newBranch");
    }
    size_t cap = 0;
    git_oid id;
    int rc;
    goat_error *err = NULL;
    while (!err && (rc = git_revwalk_next(&id, walk)) == 0) {
        git_commit *commit = NULL;
        if (git_commit_lookup(&commit, repo, &id) < 0) {
            err = goat_git_error("cannot read a commit between oldBranch and newBranch");
            break;
        }
        void *items = range->commits;
        goat_grow(&items, &cap, range->count + 1, sizeof *range->commits);
        range->commits = items;
        goat_range_commit *c = &range->commits[range->count++];
        git_oid_cpy(&c->id, &id);
        c->parent_count = git_commit_parentcount(commit);
        c->parents = goat_xcalloc(c->parent_count ? c->parent_count : 1, sizeof *c->parents);
        c->parent_index = goat_xcalloc(c->parent_count ? c->parent_count : 1, sizeof *c->parent_index);
        for (size_t p = 0; p < c->parent_count; p++)
            git_oid_cpy(&c->parents[p], git_commit_parent_id(commit, (unsigned)p));
        git_commit_free(commit);
    }
    if (!err && rc != GIT_ITEROVER)
        err = goat_git_error("cannot list the commits between oldBranch and newBranch");
    git_revwalk_free(walk);
    if (err) {
        goat_range_free(range);
        return err;
    }
    index_commits(range);
    for (size_t c = 0; c < range->count; c++)
        for (size_t p = 0; p < range->commits[c].parent_count; p++)
            range->commits[c].parent_index[p] = goat_range_find(range, &range->commits[c].parents[p]);
    goat_error *derr = decide_reachability(range, repo, reach);
    if (derr)
        goat_range_free(range);
    return derr;
}

void goat_range_free(goat_range *range)
{
    for (size_t c = 0; c < range->count; c++) {
        free(range->commits[c].parents);
        free(range->commits[c].parent_index);
    }
    free(range->commits);
    free(range->slots);
    memset(range, 0, sizeof *range);
}
