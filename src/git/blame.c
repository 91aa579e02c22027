/* SPDX-License-Identifier: MIT */
#include "git/blame.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "git/repo.h"
#include "util/xalloc.h"
#include "util/sort.h"

/* A line of the file as some commit has it: its number there, and the
 * line of the file at newBranch it becomes. */
typedef struct blame_line {
    int lno;   /* 0 once handed to a parent */
    int final;
} blame_line;

/* The lines still looking for their commit, at one commit and path. */
typedef struct origin {
    char *path;
    git_oid blob;
    blame_line *lines;
    size_t count, cap;
    bool unsorted; /* lines arrived out of order (from several children) */
    struct origin *next; /* other paths at the same commit (renames) */
} origin;

/* One rename a parent -> commit tree diff found. */
typedef struct rename_pair {
    char *new_path;
    char *old_path;
    git_oid old_blob;
} rename_pair;

typedef struct rename_list {
    bool known;
    rename_pair *items; /* sorted by new_path */
    size_t count;
} rename_list;

struct goat_rename_cache {
    pthread_mutex_t lock;
    rename_list **by_commit; /* by position in the range, then by parent */
    size_t commits;
    const goat_range *range;
};

goat_rename_cache *goat_rename_cache_new(const goat_range *range)
{
    goat_rename_cache *cache = goat_xcalloc(1, sizeof *cache);
    pthread_mutex_init(&cache->lock, NULL);
    cache->range = range;
    cache->commits = range->count;
    cache->by_commit = goat_xcalloc(range->count ? range->count : 1, sizeof *cache->by_commit);
    return cache;
}

void goat_rename_cache_free(goat_rename_cache *cache)
{
    if (!cache)
        return;
    for (size_t c = 0; c < cache->commits; c++) {
        if (!cache->by_commit[c])
            continue;
        for (size_t p = 0; p < cache->range->commits[c].parent_count; p++) {
            rename_list *list = &cache->by_commit[c][p];
            for (size_t i = 0; i < list->count; i++) {
                free(list->items[i].new_path);
                free(list->items[i].old_path);
            }
            free(list->items);
        }
        free(cache->by_commit[c]);
    }
    free(cache->by_commit);
    pthread_mutex_destroy(&cache->lock);
    free(cache);
}

typedef struct blame_state {
    const goat_range *range;
    goat_rename_cache *renames;
    git_repository *repo;
    origin **at; /* by position in the range */
    goat_lineset *out;
} blame_state;

static void push_line(origin *o, int lno, int final)
{
    void *items = o->lines;
    goat_grow(&items, &o->cap, o->count + 1, sizeof *o->lines);
    o->lines = items;
    if (o->count && lno < o->lines[o->count - 1].lno)
        o->unsorted = true;
    o->lines[o->count].lno = lno;
    o->lines[o->count].final = final;
    o->count++;
}

static origin *origin_at(blame_state *st, long pos, const char *path, const git_oid *blob)
{
    for (origin *o = st->at[pos]; o; o = o->next)
        if (strcmp(o->path, path) == 0)
            return o;
    origin *o = goat_xcalloc(1, sizeof *o);
    o->path = goat_xstrdup(path);
    git_oid_cpy(&o->blob, blob);
    o->next = st->at[pos];
    st->at[pos] = o;
    return o;
}

static void free_origin(origin *o)
{
    free(o->path);
    free(o->lines);
    free(o);
}

static int compare_lines(const void *x, const void *y)
{
    const blame_line *a = x, *b = y;
    if (a->lno != b->lno)
        return (a->lno > b->lno) - (a->lno < b->lno);
    return (a->final > b->final) - (a->final < b->final);
}

/* The parent's version of the file: its path and blob. */
typedef struct parent_origin {
    bool found;
    char *path;
    git_oid blob;
} parent_origin;

static bool is_regular(git_filemode_t mode)
{
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

static goat_error *commit_tree(git_repository *repo, const git_oid *id, git_tree **tree)
{
    git_commit *commit = NULL;
    if (git_commit_lookup(&commit, repo, id) < 0)
        return goat_git_error("cannot read a commit");
    int rc = git_commit_tree(tree, commit);
    git_commit_free(commit);
    return rc < 0 ? goat_git_error("cannot read the tree of a commit") : NULL;
}

static int compare_renames(const void *x, const void *y)
{
    return strcmp(((const rename_pair *)x)->new_path, ((const rename_pair *)y)->new_path);
}

/* The renames from parent p of the commit at pos to it, detected once. */
static goat_error *detect_renames(blame_state *st, long pos, size_t p, rename_list *list)
{
    const goat_range_commit *c = &st->range->commits[pos];
    git_tree *parent_tree = NULL, *tree = NULL;
    goat_error *err = commit_tree(st->repo, &c->parents[p], &parent_tree);
    if (!err)
        err = commit_tree(st->repo, &c->id, &tree);
    git_diff *diff = NULL;
    if (!err) {
        git_diff_options opts;
        git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
        opts.flags |= GIT_DIFF_SKIP_BINARY_CHECK;
        git_diff_find_options find;
        git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
        find.flags = GIT_DIFF_FIND_RENAMES;
        if (git_diff_tree_to_tree(&diff, st->repo, parent_tree, tree, &opts) < 0 ||
            git_diff_find_similar(diff, &find) < 0)
            err = goat_git_error("cannot look for renamed files");
    }
    size_t cap = 0;
    for (size_t i = 0, n = err ? 0 : git_diff_num_deltas(diff); i < n; i++) {
        const git_diff_delta *d = git_diff_get_delta(diff, i);
        if (d->status != GIT_DELTA_RENAMED || !is_regular(d->old_file.mode))
            continue;
        void *items = list->items;
        goat_grow(&items, &cap, list->count + 1, sizeof *list->items);
        list->items = items;
        rename_pair *r = &list->items[list->count++];
        r->new_path = goat_xstrdup(d->new_file.path);
        r->old_path = goat_xstrdup(d->old_file.path);
        git_oid_cpy(&r->old_blob, &d->old_file.id);
    }
    if (list->count)
        goat_sort(list->items, list->count, sizeof *list->items, compare_renames);
    list->known = !err;
    git_diff_free(diff);
    git_tree_free(tree);
    git_tree_free(parent_tree);
    return err;
}

static goat_error *renames_of(blame_state *st, long pos, size_t p, const rename_list **out)
{
    goat_rename_cache *cache = st->renames;
    goat_error *err = NULL;
    /* Held while detecting: the others need the same answer and would
     * only compute it again. */
    pthread_mutex_lock(&cache->lock);
    if (!cache->by_commit[pos])
        cache->by_commit[pos] =
            goat_xcalloc(st->range->commits[pos].parent_count, sizeof *cache->by_commit[pos]);
    rename_list *list = &cache->by_commit[pos][p];
    if (!list->known)
        err = detect_renames(st, pos, p, list);
    pthread_mutex_unlock(&cache->lock);
    *out = list;
    return err;
}

/* Where the parent had the file: the same path, or (when the path is not
 * there) the source libgit2's rename detection pairs with it. */
static goat_error *find_parent_origin(blame_state *st, const goat_range_commit *c, size_t p, const origin *o,
                                      parent_origin *out)
{
    memset(out, 0, sizeof *out);
    git_tree *parent_tree = NULL;
    goat_error *err = commit_tree(st->repo, &c->parents[p], &parent_tree);
    if (err)
        return err;
    git_tree_entry *entry = NULL;
    int rc = git_tree_entry_bypath(&entry, parent_tree, o->path);
    if (rc == 0) {
        if (is_regular(git_tree_entry_filemode(entry))) {
            out->found = true;
            out->path = goat_xstrdup(o->path);
            git_oid_cpy(&out->blob, git_tree_entry_id(entry));
        }
        git_tree_entry_free(entry);
        git_tree_free(parent_tree);
        return NULL;
    }
    if (rc != GIT_ENOTFOUND) {
        git_tree_free(parent_tree);
        return goat_git_error("%s: cannot read a tree", o->path);
    }
    git_tree_free(parent_tree);
    long pos = goat_range_find(st->range, &c->id);
    const rename_list *list = NULL;
    if ((err = renames_of(st, pos, p, &list)))
        return err;
    size_t lo = 0, hi = list->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(list->items[mid].new_path, o->path);
        if (cmp == 0) {
            out->found = true;
            out->path = goat_xstrdup(list->items[mid].old_path);
            git_oid_cpy(&out->blob, &list->items[mid].old_blob);
            break;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Hands lines to parent p: old when the parent is outside old..new. */
static void hand_over(blame_state *st, const goat_range_commit *c, size_t p, const parent_origin *po, int lno,
                      int final)
{
    long pos = c->parent_index[p];
    if (pos < 0 || st->range->commits[pos].reachable)
        return;
    push_line(origin_at(st, pos, po->path, &po->blob), lno, final);
}

/* The same for all lines of o at once; the common case (a commit that did
 * not touch the file) costs no copying. */
static void hand_over_all(blame_state *st, const goat_range_commit *c, size_t p, const parent_origin *po, origin *o)
{
    long pos = c->parent_index[p];
    if (pos < 0 || st->range->commits[pos].reachable)
        return;
    bool existed = false;
    for (origin *q = st->at[pos]; q && !existed; q = q->next)
        existed = strcmp(q->path, po->path) == 0;
    origin *target = origin_at(st, pos, po->path, &po->blob);
    if (!existed) {
        target->lines = o->lines;
        target->count = o->count;
        target->cap = o->cap;
        target->unsorted = o->unsorted;
        o->lines = NULL;
        o->count = o->cap = 0;
        return;
    }
    for (size_t i = 0; i < o->count; i++)
        push_line(target, o->lines[i].lno, o->lines[i].final);
}

typedef struct hunk_list {
    git_diff_hunk *items;
    size_t count, cap;
} hunk_list;

static int collect_hunk(const git_diff_delta *delta, const git_diff_hunk *hunk, void *payload)
{
    (void)delta;
    hunk_list *list = payload;
    void *items = list->items;
    goat_grow(&items, &list->cap, list->count + 1, sizeof *list->items);
    list->items = items;
    list->items[list->count++] = *hunk;
    return 0;
}

/* The lines of o the parent's version has too go to the parent. */
static goat_error *hand_over_unchanged(blame_state *st, const goat_range_commit *c, size_t p,
                                       const parent_origin *po, origin *o)
{
    git_blob *parent_blob = NULL, *blob = NULL;
    if (git_blob_lookup(&parent_blob, st->repo, &po->blob) < 0 || git_blob_lookup(&blob, st->repo, &o->blob) < 0) {
        git_blob_free(parent_blob);
        return goat_git_error("%s: cannot read an older version", o->path);
    }
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.context_lines = 0;
    opts.interhunk_lines = 0;
    /* like git blame: every version is text, and equal blocks slide the
     * way git's default indent heuristic slides them; unnamed (""), so
     * that libgit2 looks up no diff driver (see work.c) */
    opts.flags |= GIT_DIFF_FORCE_TEXT | GIT_DIFF_INDENT_HEURISTIC;
    hunk_list hunks = {0};
    int rc = git_diff_blobs(parent_blob, "", blob, "", &opts, NULL, NULL, collect_hunk, NULL, &hunks);
    git_blob_free(parent_blob);
    git_blob_free(blob);
    if (rc < 0) {
        free(hunks.items);
        return goat_git_error("%s: cannot diff two versions", o->path);
    }
    /* Walk the sorted lines and the hunks together: between hunks, line n
     * of this version is line n + (pc - cc) of the parent's. */
    int cc = 1, pc = 1;
    size_t h = 0;
    for (size_t i = 0; i < o->count; i++) {
        blame_line *line = &o->lines[i];
        if (!line->lno)
            continue;
        int new_first = 0, new_lines = 0;
        while (h < hunks.count) {
            const git_diff_hunk *hk = &hunks.items[h];
            new_lines = hk->new_lines;
            new_first = new_lines ? hk->new_start : hk->new_start + 1;
            if (line->lno < new_first + new_lines)
                break;
            cc = new_first + new_lines;
            pc = (hk->old_lines ? hk->old_start : hk->old_start + 1) + hk->old_lines;
            h++;
        }
        if (h < hunks.count && line->lno >= new_first)
            continue; /* changed by this commit, relative to this parent */
        hand_over(st, c, p, po, pc + (line->lno - cc), line->final);
        line->lno = 0;
    }
    free(hunks.items);
    return NULL;
}

static goat_error *blame_origin(blame_state *st, long pos, origin *o)
{
    const goat_range_commit *c = &st->range->commits[pos];
    if (o->unsorted)
        goat_sort(o->lines, o->count, sizeof *o->lines, compare_lines);
    o->unsorted = false;
    size_t n = c->parent_count;
    parent_origin *po = goat_xcalloc(n ? n : 1, sizeof *po);
    goat_error *err = NULL;
    bool whole = false;
    for (size_t p = 0; p < n && !err && !whole; p++) {
        err = find_parent_origin(st, c, p, o, &po[p]);
        if (!err && po[p].found && git_oid_equal(&po[p].blob, &o->blob)) {
            /* the parent has this very content: everything comes from it */
            hand_over_all(st, c, p, &po[p], o);
            whole = true;
        }
    }
    for (size_t p = 0; p < n && !err && !whole; p++) {
        if (!po[p].found)
            continue;
        bool seen = false; /* an earlier parent with the same content already took its lines */
        for (size_t q = 0; q < p && !seen; q++)
            seen = po[q].found && git_oid_equal(&po[q].blob, &po[p].blob);
        if (!seen)
            err = hand_over_unchanged(st, c, p, &po[p], o);
    }
    /* What a commit kept is new, unless a parent the clone lacks (shallow)
     * may have had it: such a line is old, as git blame marks it boundary. */
    if (!err && !whole && !c->reachable && !c->boundary)
        for (size_t i = 0; i < o->count; i++)
            if (o->lines[i].lno)
                goat_lineset_add(st->out, o->lines[i].final);
    for (size_t p = 0; p < n; p++)
        free(po[p].path);
    free(po);
    return err;
}

goat_error *goat_blame_new_lines(const goat_range *range, goat_rename_cache *renames, git_repository *repo,
                                 const git_oid *new_commit, const char *repo_path, const git_oid *blob,
                                 int lines, goat_lineset *out)
{
    long start = goat_range_find(range, new_commit);
    if (start < 0 || range->commits[start].reachable || lines <= 0)
        return NULL; /* oldBranch reaches newBranch: nothing is new */
    blame_state st = {range, renames, repo, goat_xcalloc(range->count, sizeof(origin *)), out};
    origin *first = origin_at(&st, start, repo_path, blob);
    for (int l = 1; l <= lines; l++)
        push_line(first, l, l);
    goat_error *err = NULL;
    for (size_t pos = (size_t)start; pos < range->count; pos++) {
        while (st.at[pos]) {
            origin *o = st.at[pos];
            st.at[pos] = o->next;
            if (!err)
                err = blame_origin(&st, (long)pos, o);
            free_origin(o);
        }
    }
    free(st.at);
    return err;
}
