/* SPDX-License-Identifier: MIT */
/* The change analysis: which files differ between the two commits (one
 * tree-to-tree diff, cheap), then the per-file line work (line diffs or
 * blame, expensive) spread over worker threads. */
#include "git/changes.h"

#include <git2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git/blame.h"
#include "git/filter.h"
#include "git/range.h"
#include "git/reach.h"
#include "git/repo.h"
#include "git/work.h"
#include "util/xalloc.h"
#include "util/sort.h"

typedef struct analysis {
    const goat_change_options *opts;
    git_repository *repo;
    char *workdir;
    char *prefix;
    goat_filter *filter;
    bool init;
    git_oid old_commit, new_commit;
    goat_reach reach;
    bool have_reach;
    goat_range range; /* zeroed unless blaming */
    goat_work_context ctx;
    goat_work_item *items;
    size_t count, cap;
    /* work distribution */
    pthread_mutex_t lock;
    size_t next;
    goat_error *thread_err;
} analysis;

static bool is_regular_blob(uint16_t mode)
{
    return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE;
}

static bool tree_has(git_tree *tree, const char *path)
{
    git_tree_entry *entry = NULL;
    if (!tree || git_tree_entry_bypath(&entry, tree, path) != 0)
        return false;
    git_tree_entry_free(entry);
    return true;
}

static void add_item(analysis *a, const git_diff_delta *delta, bool has_old)
{
    void *items = a->items;
    goat_grow(&items, &a->cap, a->count + 1, sizeof *a->items);
    a->items = items;
    goat_work_item *item = &a->items[a->count++];
    memset(item, 0, sizeof *item);
    item->path = goat_xstrdup(delta->new_file.path);
    item->old_path = goat_xstrdup(has_old ? delta->old_file.path : delta->new_file.path);
    item->repo_path = goat_xasprintf("%s%s", a->prefix, delta->new_file.path);
    git_oid_cpy(&item->new_blob, &delta->new_file.id);
    item->has_old = has_old;
    if (has_old)
        git_oid_cpy(&item->old_blob, &delta->old_file.id);
}

/* Fills a->items with the files whose lines need work. */
static goat_error *collect(analysis *a)
{
    git_tree *old_tree = NULL, *new_tree = NULL;
    goat_error *err = NULL;
    if (!a->init)
        err = goat_git_subtree(a->repo, &a->old_commit, a->prefix, &old_tree);
    if (!err)
        err = goat_git_subtree(a->repo, &a->new_commit, a->prefix, &new_tree);
    if (!err && !new_tree)
        err = goat_error_new(a->opts->project_dir, 0, 0,
                             "the project directory is not in newBranch's commit (is it committed?)");
    if (err) {
        git_tree_free(old_tree);
        return err;
    }
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.flags |= GIT_DIFF_SKIP_BINARY_CHECK; /* decided per file, by the workers */
    /* A path that turns from a file into a symbolic link or back stays one
     * delta, as in git, instead of becoming a deletion and an addition that
     * rename detection could pair with other files. */
    opts.flags |= GIT_DIFF_INCLUDE_TYPECHANGE;
    git_diff *diff = NULL;
    if (git_diff_tree_to_tree(&diff, a->repo, old_tree, new_tree, &opts) < 0)
        err = goat_git_error("cannot compare the trees of oldBranch and newBranch");
    if (!err && a->opts->precision == 2 && !a->init) {
        git_diff_find_options find;
        git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
        find.flags = GIT_DIFF_FIND_RENAMES;
        if (git_diff_find_similar(diff, &find) < 0)
            err = goat_git_error("cannot detect renamed files");
    }
    size_t deltas = err ? 0 : git_diff_num_deltas(diff);
    for (size_t i = 0; i < deltas; i++) {
        const git_diff_delta *delta = git_diff_get_delta(diff, i);
        switch (delta->status) {
        case GIT_DELTA_ADDED:
        case GIT_DELTA_MODIFIED:
        case GIT_DELTA_RENAMED:
        case GIT_DELTA_COPIED:
        case GIT_DELTA_TYPECHANGE:
            break;
        default:
            continue; /* deleted: nothing of it is in the new version */
        }
        /* symbolic links and submodules carry no Go lines */
        if (!is_regular_blob(delta->new_file.mode))
            continue;
        bool has_old = delta->status != GIT_DELTA_ADDED && is_regular_blob(delta->old_file.mode);
        /* libgit2 also pairs the halves of type changes (file <-> symbolic
         * link) as renames; git pairs only deleted with added paths. */
        if (delta->status == GIT_DELTA_RENAMED &&
            (tree_has(new_tree, delta->old_file.path) || tree_has(old_tree, delta->new_file.path)))
            has_old = false;
        /* Same content (a mode change, an exact rename): nothing new.
         * For blame this also decides that a file whose content at
         * newBranch equals its content at oldBranch has no new lines,
         * even when history in between changed and restored it or a
         * branch reached the same content independently. */
        if (has_old && git_oid_equal(&delta->old_file.id, &delta->new_file.id))
            continue;
        if (goat_filter_path(a->filter, delta->new_file.path))
            add_item(a, delta, has_old);
    }
    git_diff_free(diff);
    git_tree_free(old_tree);
    git_tree_free(new_tree);
    return err;
}

static void run_items(analysis *a, git_repository *repo)
{
    for (;;) {
        pthread_mutex_lock(&a->lock);
        size_t i = a->next++;
        bool stop = a->thread_err != NULL;
        pthread_mutex_unlock(&a->lock);
        if (i >= a->count || stop)
            return;
        goat_work_run(&a->ctx, repo, &a->items[i]);
    }
}

static void *worker(void *arg)
{
    analysis *a = arg;
    /* libgit2 objects are not shared between threads: each worker has its
     * own repository handle (and with it its own object cache). */
    git_repository *repo = NULL;
    if (git_repository_open_ext(&repo, a->workdir, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0) {
        goat_error *err = goat_git_error("%s: cannot open the repository", a->workdir);
        pthread_mutex_lock(&a->lock);
        if (!a->thread_err)
            a->thread_err = err;
        else
            goat_error_free(err);
        pthread_mutex_unlock(&a->lock);
        return NULL;
    }
    run_items(a, repo);
    git_repository_free(repo);
    return NULL;
}

static goat_error *run_workers(analysis *a)
{
    size_t threads = a->opts->threads > 1 ? (size_t)a->opts->threads : 1;
    if (!(git_libgit2_features() & GIT_FEATURE_THREADS))
        threads = 1;
    if (threads > a->count)
        threads = a->count;
    if (threads <= 1) {
        run_items(a, a->repo);
    } else {
        pthread_t *ids = goat_xcalloc(threads, sizeof *ids);
        size_t started = 0;
        for (; started < threads; started++)
            if (pthread_create(&ids[started], NULL, worker, a) != 0)
                break;
        if (started == 0)
            run_items(a, a->repo);
        for (size_t i = 0; i < started; i++)
            pthread_join(ids[i], NULL);
        free(ids);
    }
    if (a->thread_err) {
        goat_error *err = a->thread_err;
        a->thread_err = NULL;
        return err;
    }
    /* the first failing file in path order, whatever thread met it */
    for (size_t i = 0; i < a->count; i++)
        if (a->items[i].err) {
            goat_error *err = a->items[i].err;
            a->items[i].err = NULL;
            return err;
        }
    return NULL;
}

static int compare_files(const void *x, const void *y)
{
    return strcmp(((const goat_changed_file *)x)->path, ((const goat_changed_file *)y)->path);
}

static void harvest(analysis *a, goat_changes *out)
{
    out->files = goat_xcalloc(a->count ? a->count : 1, sizeof *out->files);
    out->count = 0;
    for (size_t i = 0; i < a->count; i++) {
        goat_work_item *item = &a->items[i];
        if (item->skip_reason)
            goat_filter_log_skip(a->filter, item->path, item->skip_reason);
        if (item->skip_reason || item->lines.count == 0)
            continue;
        goat_changed_file *file = &out->files[out->count++];
        file->path = item->path;
        item->path = NULL;
        file->lines = item->lines;
        item->lines = (goat_lineset)GOAT_LINESET_INIT;
        git_oid_tostr(file->blob, sizeof file->blob, &item->new_blob);
        file->text = item->text;
        file->text_len = item->text_len;
        item->text = NULL;
    }
    goat_sort(out->files, out->count, sizeof *out->files, compare_files);
}

/* What blame in a shallow clone could not see (see git/range.h). */
static void log_shallow(const goat_range *range)
{
    if (range->boundary_count == 0) {
        fputs("goat: this clone is shallow, but every commit between oldBranch and newBranch has its parents "
              "in it: blame sees all it needs\n",
              stderr);
        return;
    }
    const goat_range_commit *oldest = NULL;
    for (size_t i = 0; i < range->count; i++)
        if (range->commits[i].boundary)
            oldest = &range->commits[i];
    char hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(hex, sizeof hex, &oldest->id);
    fprintf(stderr,
            "goat: this clone is shallow: %zu commit%s between oldBranch and newBranch (the oldest %.12s) lack%s "
            "a parent in it, as git's shallow boundary; the lines such a commit did not take from a parent the "
            "clone has count as old (git blame marks them ^boundary). For git's full answer, fetch history down "
            "to oldBranch: git fetch --deepen=N with a larger N, or git fetch --unshallow\n",
            range->boundary_count, range->boundary_count == 1 ? "" : "s", hex,
            range->boundary_count == 1 ? "s" : "");
}

static void log_plan(const analysis *a)
{
    char new_hex[GIT_OID_HEXSZ + 1], old_hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(new_hex, sizeof new_hex, &a->new_commit);
    if (a->init) {
        fprintf(stderr, "goat: oldBranch INIT: every line of the Go files at %.12s is new (%zu file%s)\n", new_hex,
                a->count, a->count == 1 ? "" : "s");
        return;
    }
    git_oid_tostr(old_hex, sizeof old_hex, &a->old_commit);
    static const char *const how[] = {"", "blame", "diff with renames", "diff without renames"};
    fprintf(stderr, "goat: new lines from %.12s to %.12s by %s: %zu changed file%s to read", old_hex, new_hex,
            how[a->opts->precision], a->count, a->count == 1 ? "" : "s");
    if (a->ctx.kind == GOAT_WORK_BLAME)
        fprintf(stderr, ", %zu commit%s in between", a->range.count, a->range.count == 1 ? "" : "s");
    fputc('\n', stderr);
    if (a->ctx.kind == GOAT_WORK_BLAME && a->range.shallow)
        log_shallow(&a->range);
}

static goat_filter *new_filter(const goat_change_options *o, bool verbose)
{
    goat_filter_options fo = {
        .project_dir = o->project_dir && *o->project_dir ? o->project_dir : ".",
        .ignores = o->ignores,
        .ignore_count = o->ignore_count,
        .skip_nested_modules = o->skip_nested_modules,
        .goat_package_path = o->goat_package_path,
        .verbose = verbose,
    };
    return goat_filter_new(&fo);
}

/* The files goat instruments are in newBranch's commit (the working tree
 * matches it: goat_git_check_clean). A Go file on disk that git does not
 * track is compiled into the program but is in no commit, so it is not
 * instrumented whatever changed; -v names each (the reference, walking the
 * disk with oldBranch INIT, would instrument it). */
static goat_error *log_untracked(const analysis *a)
{
    goat_filter *quiet = new_filter(a->opts, false); /* the skipped files were named already */
    char **paths = NULL;
    size_t count = 0;
    goat_error *err = goat_list_project_files(quiet, &paths, &count);
    goat_filter_free(quiet);
    git_tree *tree = NULL;
    if (!err)
        err = goat_git_subtree(a->repo, &a->new_commit, a->prefix, &tree);
    for (size_t i = 0; !err && i < count; i++)
        if (!tree_has(tree, paths[i]))
            fprintf(stderr,
                    "goat: not instrumented: %s: git does not track it (goat instruments the Go files of "
                    "newBranch's commit; commit the file to include it)\n",
                    paths[i]);
    git_tree_free(tree);
    goat_free_paths(paths, count);
    return err;
}

static goat_error *prepare(analysis *a)
{
    const goat_change_options *o = a->opts;
    if (o->precision < 1 || o->precision > 3)
        return goat_error_new(NULL, 0, 0, "diffPrecision must be 1, 2 or 3, not %d", o->precision);
    goat_error *err = goat_git_open(o->project_dir && *o->project_dir ? o->project_dir : ".", &a->repo,
                                    &a->workdir, &a->prefix);
    if (err)
        return err;
    const char *new_ref = o->new_ref && *o->new_ref ? o->new_ref : "HEAD";
    if ((err = goat_git_resolve_commit(a->repo, new_ref, "newBranch", &a->new_commit)))
        return err;
    a->init = o->old_ref && strcmp(o->old_ref, "INIT") == 0;
    if (!a->init && (err = goat_git_resolve_commit(a->repo, o->old_ref, "oldBranch", &a->old_commit)))
        return err;
    if (!o->any_worktree && (err = goat_git_check_head(a->repo, &a->new_commit, new_ref)))
        return err;
    if (!o->any_worktree && (err = goat_git_check_clean(a->repo, a->prefix)))
        return err;
    a->filter = new_filter(o, o->verbose);
    git_oid_cpy(&a->ctx.new_commit, &a->new_commit);
    a->ctx.worktree = o->any_worktree ? NULL : a->workdir;
    a->ctx.keep_text = o->keep_texts;
    a->ctx.kind = o->precision == 1 && !a->init ? GOAT_WORK_BLAME : GOAT_WORK_DIFF;
    if (a->ctx.kind == GOAT_WORK_BLAME) {
        goat_reach_init(&a->reach, &a->old_commit);
        a->have_reach = true;
        if ((err = goat_range_build(&a->range, a->repo, &a->reach, &a->new_commit)))
            return err;
        a->ctx.range = &a->range;
        a->ctx.renames = goat_rename_cache_new(&a->range);
    }
    return NULL;
}

static void release(analysis *a)
{
    for (size_t i = 0; i < a->count; i++) {
        goat_work_item *item = &a->items[i];
        free(item->path);
        free(item->old_path);
        free(item->repo_path);
        goat_lineset_free(&item->lines);
        goat_error_free(item->err);
        free(item->text);
    }
    free(a->items);
    goat_filter_free(a->filter);
    if (a->have_reach)
        goat_reach_free(&a->reach);
    goat_rename_cache_free(a->ctx.renames);
    goat_range_free(&a->range);
    git_repository_free(a->repo);
    free(a->workdir);
    free(a->prefix);
    goat_error_free(a->thread_err);
    pthread_mutex_destroy(&a->lock);
}

goat_error *goat_changes_compute(const goat_change_options *opts, goat_changes *out)
{
    out->files = NULL;
    out->count = 0;
    git_libgit2_init();
    /* Like git itself, trust the object database instead of re-hashing
     * every object read (a sixth of the time of a diff). */
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    analysis a = {.opts = opts};
    pthread_mutex_init(&a.lock, NULL);
    goat_error *err = prepare(&a);
    if (!err)
        err = collect(&a);
    if (!err && opts->verbose)
        log_plan(&a);
    else if (!err && a.ctx.kind == GOAT_WORK_BLAME && a.range.boundary_count)
        fprintf(stderr,
                "goat: warning: this clone is shallow and lacks parents of %zu commit%s between oldBranch and "
                "newBranch: lines those commits did not take from a parent it has count as old (-v says more; "
                "git fetch --unshallow gives the full answer)\n",
                a.range.boundary_count, a.range.boundary_count == 1 ? "" : "s");
    if (!err && opts->verbose && !opts->any_worktree)
        err = log_untracked(&a);
    if (!err)
        err = run_workers(&a);
    if (!err)
        harvest(&a, out);
    release(&a);
    git_libgit2_shutdown();
    return err;
}

void goat_changes_free(goat_changes *changes)
{
    for (size_t i = 0; i < changes->count; i++) {
        free(changes->files[i].path);
        goat_lineset_free(&changes->files[i].lines);
        free(changes->files[i].text);
    }
    free(changes->files);
    changes->files = NULL;
    changes->count = 0;
}
