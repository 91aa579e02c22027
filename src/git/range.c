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

/* ---- shallow clones ---- */

/* A set of commit ids, open addressing; grows at half full. */
typedef struct oid_set {
    git_oid *ids;
    bool *used;
    size_t cap, count;
} oid_set;

static size_t oid_slot(const oid_set *set, const git_oid *id)
{
    for (size_t i = hash_oid(id) & (set->cap - 1);; i = (i + 1) & (set->cap - 1))
        if (!set->used[i] || git_oid_equal(&set->ids[i], id))
            return i;
}

static bool oid_set_has(const oid_set *set, const git_oid *id)
{
    return set->cap && set->used[oid_slot(set, id)];
}

/* Adds id; false when it was there already. */
static bool oid_set_add(oid_set *set, const git_oid *id)
{
    if (2 * (set->count + 1) > set->cap) {
        oid_set bigger = {NULL, NULL, set->cap ? 2 * set->cap : 64, 0};
        bigger.ids = goat_xcalloc(bigger.cap, sizeof *bigger.ids);
        bigger.used = goat_xcalloc(bigger.cap, sizeof *bigger.used);
        for (size_t i = 0; i < set->cap; i++)
            if (set->used[i])
                oid_set_add(&bigger, &set->ids[i]);
        free(set->ids);
        free(set->used);
        *set = bigger;
    }
    size_t i = oid_slot(set, id);
    if (set->used[i])
        return false;
    set->used[i] = true;
    git_oid_cpy(&set->ids[i], id);
    set->count++;
    return true;
}

static void oid_set_free(oid_set *set)
{
    free(set->ids);
    free(set->used);
    memset(set, 0, sizeof *set);
}

/* A commit's parents that the clone has; *missing when it lacks some. */
static goat_error *present_parents(git_repository *repo, git_odb *odb, const git_oid *id, git_oid **parents,
                                   size_t *count, bool *missing)
{
    git_commit *commit = NULL;
    if (git_commit_lookup(&commit, repo, id) < 0)
        return goat_git_error("cannot read a commit between oldBranch and newBranch");
    size_t n = git_commit_parentcount(commit);
    *parents = goat_xcalloc(n ? n : 1, sizeof **parents);
    *count = 0;
    *missing = false;
    for (size_t p = 0; p < n; p++) {
        const git_oid *parent = git_commit_parent_id(commit, (unsigned)p);
        if (git_odb_exists(odb, parent))
            git_oid_cpy(&(*parents)[(*count)++], parent);
        else
            *missing = true;
    }
    git_commit_free(commit);
    return NULL;
}

/* Marks in *seen every commit the clone has that start reaches. */
static goat_error *mark_ancestors(git_repository *repo, git_odb *odb, const git_oid *start, oid_set *seen)
{
    git_oid *stack = goat_xmalloc(sizeof *stack);
    size_t depth = 0, cap = 1;
    git_oid_cpy(&stack[depth++], start);
    oid_set_add(seen, start);
    goat_error *err = NULL;
    while (depth && !err) {
        git_oid id = stack[--depth];
        git_oid *parents = NULL;
        size_t count = 0;
        bool missing = false;
        err = present_parents(repo, odb, &id, &parents, &count, &missing);
        for (size_t p = 0; p < count && !err; p++) {
            if (!oid_set_add(seen, &parents[p]))
                continue;
            void *items = stack;
            goat_grow(&items, &cap, depth + 1, sizeof *stack);
            stack = items;
            git_oid_cpy(&stack[depth++], &parents[p]);
        }
        free(parents);
    }
    free(stack);
    return err;
}

/* The commits newBranch reaches and oldBranch does not, as git lists
 * them in a shallow clone, children before parents (Kahn's algorithm on
 * the count of children each has in the list). */
static goat_error *build_shallow(goat_range *range, git_repository *repo, const goat_reach *reach,
                                 const git_oid *new_commit)
{
    git_odb *odb = NULL;
    if (git_repository_odb(&odb, repo) < 0)
        return goat_git_error("cannot open the object database");
    oid_set old_side = {0};
    goat_error *err = mark_ancestors(repo, odb, &reach->old, &old_side);
    size_t cap = 0;
    /* Collect: each commit once, with its present parents. */
    if (!err && !oid_set_has(&old_side, new_commit)) {
        oid_set listed = {0};
        oid_set_add(&listed, new_commit);
        void *items = range->commits;
        goat_grow(&items, &cap, 1, sizeof *range->commits);
        range->commits = items;
        memset(range->commits, 0, sizeof *range->commits);
        git_oid_cpy(&range->commits[range->count++].id, new_commit);
        for (size_t next = 0; next < range->count && !err; next++) {
            goat_range_commit *c = &range->commits[next];
            err = present_parents(repo, odb, &c->id, &c->parents, &c->parent_count, &c->boundary);
            /* c moves when the list grows: index it afresh below */
            for (size_t p = 0; !err && p < range->commits[next].parent_count; p++) {
                git_oid parent = range->commits[next].parents[p];
                if (oid_set_has(&old_side, &parent) || !oid_set_add(&listed, &parent))
                    continue;
                items = range->commits;
                goat_grow(&items, &cap, range->count + 1, sizeof *range->commits);
                range->commits = items;
                memset(&range->commits[range->count], 0, sizeof *range->commits);
                git_oid_cpy(&range->commits[range->count++].id, &parent);
            }
        }
        oid_set_free(&listed);
    }
    oid_set_free(&old_side);
    git_odb_free(odb);
    if (err)
        return err;
    for (size_t c = 0; c < range->count; c++)
        range->commits[c].parent_index = goat_xcalloc(range->commits[c].parent_count + 1, sizeof(long));
    /* Order: a commit comes once all its children in the list have. */
    index_commits(range);
    size_t *children = goat_xcalloc(range->count + 1, sizeof *children);
    for (size_t c = 0; c < range->count; c++)
        for (size_t p = 0; p < range->commits[c].parent_count; p++) {
            long at = goat_range_find(range, &range->commits[c].parents[p]);
            range->commits[c].parent_index[p] = at;
            if (at >= 0)
                children[at]++;
        }
    goat_range_commit *sorted = goat_xcalloc(range->count + 1, sizeof *sorted);
    size_t done = 0;
    size_t *ready = goat_xcalloc(range->count + 1, sizeof *ready);
    size_t ready_count = 0;
    for (size_t c = 0; c < range->count; c++)
        if (children[c] == 0)
            ready[ready_count++] = c;
    while (ready_count) {
        size_t c = ready[--ready_count];
        sorted[done++] = range->commits[c];
        for (size_t p = 0; p < range->commits[c].parent_count; p++) {
            long at = range->commits[c].parent_index[p];
            if (at >= 0 && --children[at] == 0)
                ready[ready_count++] = (size_t)at;
        }
    }
    free(ready);
    free(children);
    free(range->commits);
    free(range->slots);
    range->commits = sorted;
    range->count = done; /* a commit graph has no cycle: every commit was placed */
    index_commits(range);
    for (size_t c = 0; c < range->count; c++) {
        goat_range_commit *rc = &range->commits[c];
        rc->reachable = false; /* decided by the walks: oldBranch does not reach it */
        range->boundary_count += rc->boundary;
        for (size_t p = 0; p < rc->parent_count; p++)
            rc->parent_index[p] = goat_range_find(range, &rc->parents[p]);
    }
    return NULL;
}

goat_error *goat_range_build(goat_range *range, git_repository *repo, goat_reach *reach, const git_oid *new_commit)
{
    memset(range, 0, sizeof *range);
    range->shallow = git_repository_is_shallow(repo) == 1;
    if (range->shallow) {
        goat_error *err = build_shallow(range, repo, reach, new_commit);
        if (err)
            goat_range_free(range);
        return err;
    }
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
        memset(c, 0, sizeof *c);
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
