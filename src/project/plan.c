/* SPDX-License-Identifier: MIT */
#include "project/plan.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "parser/parser.h"
#include "project/pool.h"
#include "project/txn.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/xalloc.h"
#include "util/sort.h"

void goat_plan_init(goat_plan *plan)
{
    memset(plan, 0, sizeof *plan);
}

void goat_plan_free(goat_plan *plan)
{
    for (size_t i = 0; i < plan->count; i++) {
        goat_plan_file *f = &plan->files[i];
        free(f->path);
        if (f->new_text != f->old_text)
            free(f->new_text);
        free(f->old_text);
        free(f->known_bodies);
    }
    free(plan->files);
    for (size_t i = 0; i < plan->prune_count; i++)
        free(plan->prune_dirs[i]);
    free(plan->prune_dirs);
    free(plan->index);
    memset(plan, 0, sizeof *plan);
}

/* ---- the index: a command looks up every file of the module, often more
 * than once ---- */

static size_t hash_path(const char *path)
{
    uint64_t h = 14695981039346656037u; /* FNV-1a */
    for (const unsigned char *c = (const unsigned char *)path; *c; c++)
        h = (h ^ *c) * 1099511628211u;
    return (size_t)h;
}

/* The slot where path is, or the empty slot where it would go. */
static size_t *slot_of(const goat_plan *plan, const char *path)
{
    size_t mask = plan->index_cap - 1;
    for (size_t i = hash_path(path) & mask;; i = (i + 1) & mask) {
        size_t *slot = &plan->index[i];
        if (*slot == 0 || strcmp(plan->files[*slot - 1].path, path) == 0)
            return slot;
    }
}

/* Makes room in the index for one more file (kept at most half full). */
static void index_reserve(goat_plan *plan)
{
    if ((plan->count + 1) * 2 <= plan->index_cap)
        return;
    free(plan->index);
    plan->index_cap = plan->index_cap ? plan->index_cap * 2 : 64;
    plan->index = goat_xcalloc(plan->index_cap, sizeof *plan->index);
    for (size_t i = 0; i < plan->count; i++)
        *slot_of(plan, plan->files[i].path) = i + 1;
}

static goat_plan_file *lookup(const goat_plan *plan, const char *path)
{
    if (plan->index_cap == 0)
        return NULL;
    size_t at = *slot_of(plan, path);
    return at ? &plan->files[at - 1] : NULL;
}

/* A new file entry for path, all else zero. */
static goat_plan_file *add_file(goat_plan *plan, const char *path)
{
    index_reserve(plan);
    goat_grow((void **)&plan->files, &plan->cap, plan->count + 1, sizeof *plan->files);
    goat_plan_file *f = &plan->files[plan->count++];
    memset(f, 0, sizeof *f);
    f->path = goat_xstrdup(path);
    *slot_of(plan, path) = plan->count;
    return f;
}

/* Adds path, not yet in the plan, with text (its bytes on disk, taken) as
 * both old and new: an untouched file shares its text. */
static goat_plan_file *adopt(goat_plan *plan, const char *path, char *text, size_t len)
{
    goat_plan_file *f = add_file(plan, path);
    f->old_text = text;
    f->old_len = len;
    f->new_text = text;
    f->new_len = len;
    return f;
}

/* Adds path with its on-disk text as both old and new. */
static goat_error *load(goat_plan *plan, const char *path, goat_plan_file **out)
{
    goat_plan_file *f = lookup(plan, path);
    if (f) {
        *out = f;
        return NULL;
    }
    char *text = NULL;
    size_t len = 0;
    goat_error *err = goat_read_file_if_exists(path, &text, &len);
    if (err)
        return err;
    *out = adopt(plan, path, text, len);
    return NULL;
}

void goat_plan_seed(goat_plan *plan, const char *path, char *text, size_t len)
{
    if (lookup(plan, path))
        free(text);
    else
        adopt(plan, path, text, len);
}

const goat_plan_file *goat_plan_file_of(const goat_plan *plan, const char *path)
{
    return lookup(plan, path);
}

goat_error *goat_plan_text(goat_plan *plan, const char *path, const char **text, size_t *len)
{
    goat_plan_file *f = NULL;
    goat_error *err = load(plan, path, &f);
    if (err)
        return err;
    if (!f->new_text)
        return goat_error_new(path, 0, 0, "cannot open: No such file or directory");
    *text = f->new_text;
    *len = f->new_len;
    return NULL;
}

goat_error *goat_plan_load(goat_plan *plan, char *const *paths, size_t count, size_t *largest)
{
    *largest = 0;
    for (size_t i = 0; i < count; i++) {
        goat_plan_file *f = NULL;
        goat_error *err = load(plan, paths[i], &f);
        if (err)
            return err;
        if (f->new_text && f->new_len > *largest)
            *largest = f->new_len;
    }
    return NULL;
}

void goat_plan_set(goat_plan *plan, const char *path, char *text, size_t len)
{
    goat_plan_set_known(plan, path, text, len, NULL, 0);
}

void goat_plan_set_known(goat_plan *plan, const char *path, char *text, size_t len, goat_known_body *known_bodies,
                         size_t count)
{
    goat_plan_file *f = lookup(plan, path);
    if (!f) {
        goat_error *err = load(plan, path, &f);
        if (err) {
            /* Unreadable now: treat as new; the commit will report the problem. */
            goat_error_free(err);
            f = add_file(plan, path);
        }
    }
    /* the bodies were copied from the text the rewrite read, which is
     * the old text only while nothing replaced it */
    if (f->new_text != f->old_text) {
        free(f->new_text);
        free(known_bodies);
        known_bodies = NULL;
        count = 0;
    }
    f->new_text = text;
    f->new_len = len;
    free(f->known_bodies);
    f->known_bodies = known_bodies;
    f->known_body_count = count;
}

goat_error *goat_plan_remove(goat_plan *plan, const char *path)
{
    goat_plan_file *f = NULL;
    goat_error *err = load(plan, path, &f);
    if (err)
        return err;
    if (f->new_text != f->old_text)
        free(f->new_text);
    f->new_text = NULL;
    f->new_len = 0;
    free(f->known_bodies);
    f->known_bodies = NULL;
    f->known_body_count = 0;
    return NULL;
}

void goat_plan_prune_dir(goat_plan *plan, const char *dir)
{
    plan->prune_dirs = goat_xreallocarray(plan->prune_dirs, plan->prune_count + 1, sizeof *plan->prune_dirs);
    plan->prune_dirs[plan->prune_count++] = goat_xstrdup(dir);
}

static bool file_changes(const goat_plan_file *f)
{
    if (!f->old_text || !f->new_text || f->old_text == f->new_text)
        return f->old_text != f->new_text; /* an untouched file shares its text */
    return f->old_len != f->new_len || memcmp(f->old_text, f->new_text, f->old_len) != 0;
}

bool goat_plan_changes(const goat_plan *plan, const char *path)
{
    const goat_plan_file *f = lookup(plan, path);
    return f && file_changes(f);
}

size_t goat_plan_changed_count(const goat_plan *plan)
{
    size_t n = 0;
    for (size_t i = 0; i < plan->count; i++)
        n += file_changes(&plan->files[i]);
    return n;
}

static bool is_go_file(const char *path)
{
    size_t n = strlen(path);
    return n > 3 && strcmp(path + n - 3, ".go") == 0;
}

static bool needs_validation(const goat_plan_file *f)
{
    return file_changes(f) && f->new_text && is_go_file(f->path);
}

/* The '{' offsets in the new text of the known bodies whose bytes are
 * there as they are in the old text, which parsed: compared here, so that
 * the check does not rest on the rewriter's account of its own edits.
 * NULL when there are none to pass over. */
static size_t *copied_bodies(const goat_plan_file *f, size_t *count)
{
    *count = 0;
    if (!f->known_bodies || !f->old_text)
        return NULL;
    size_t *at = goat_xcalloc(f->known_body_count + 1, sizeof *at);
    for (size_t i = 0; i < f->known_body_count; i++) {
        const goat_known_body *k = &f->known_bodies[i];
        if (k->at <= f->new_len && k->len <= f->new_len - k->at && k->from <= f->old_len &&
            k->len <= f->old_len - k->from && memcmp(f->new_text + k->at, f->old_text + k->from, k->len) == 0 &&
            (*count == 0 || at[*count - 1] < k->at))
            at[(*count)++] = k->at;
    }
    return at;
}

static goat_error *validate_file(const goat_plan_file *f, goat_path_memo *dirs)
{
    goat_error *err = goat_txn_check_path_memo(dirs, f->path);
    if (err)
        return err;
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    size_t count = 0;
    size_t *copied = copied_bodies(f, &count);
    err = copied ? goat_parse_file_known_bodies(&arena, f->path, f->new_text, f->new_len, copied, count, &file)
                 : goat_parse_file(&arena, f->path, f->new_text, f->new_len, &file);
    free(copied);
    goat_arena_free(&arena);
    if (err) {
        char *msg = goat_xasprintf("goat's output for this file does not parse (a bug in goat; nothing "
                                   "was written): %s", err->message);
        free(err->message);
        err->message = msg;
    }
    return err;
}

typedef struct validate_pool {
    const goat_plan *plan;
    goat_error **errors; /* one per plan file */
    atomic_size_t next;
} validate_pool;

static void validate_worker(void *arg)
{
    validate_pool *pool = arg;
    goat_path_memo dirs = GOAT_PATH_MEMO_INIT;
    for (;;) {
        size_t i = atomic_fetch_add(&pool->next, 1);
        if (i >= pool->plan->count)
            break;
        const goat_plan_file *f = &pool->plan->files[i];
        if (needs_validation(f))
            pool->errors[i] = validate_file(f, &dirs);
    }
    goat_path_memo_free(&dirs);
}

goat_error *goat_plan_validate(const goat_plan *plan, int threads)
{
    validate_pool pool = {plan, goat_xcalloc(plan->count + 1, sizeof(goat_error *)), 0};
    atomic_init(&pool.next, 0);
    size_t largest = 0, count = 0;
    for (size_t i = 0; i < plan->count; i++) {
        if (needs_validation(&plan->files[i])) {
            count++;
            if (plan->files[i].new_len > largest)
                largest = plan->files[i].new_len;
        }
    }
    if (count)
        goat_pool_run(count < (size_t)threads ? (int)count : threads, largest, validate_worker, &pool);
    /* The first failing file in plan order, whatever the threads did. */
    goat_error *err = NULL;
    for (size_t i = 0; i < plan->count; i++) {
        if (pool.errors[i] && !err)
            err = pool.errors[i];
        else if (pool.errors[i])
            goat_error_free(pool.errors[i]);
    }
    free(pool.errors);
    return err;
}

static int compare_files(const void *a, const void *b)
{
    return strcmp((*(goat_plan_file *const *)a)->path, (*(goat_plan_file *const *)b)->path);
}

goat_error *goat_plan_print_diff(const goat_plan *plan, FILE *out)
{
    goat_plan_file **sorted = goat_xcalloc(plan->count + 1, sizeof *sorted);
    size_t n = 0;
    for (size_t i = 0; i < plan->count; i++)
        if (file_changes(&plan->files[i]))
            sorted[n++] = &plan->files[i];
    goat_sort(sorted, n, sizeof *sorted, compare_files);
    git_libgit2_init();
    goat_error *err = NULL;
    git_diff_options opts;
    git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
    opts.context_lines = 3;
    for (size_t i = 0; i < n && !err; i++) {
        const goat_plan_file *f = sorted[i];
        git_patch *patch = NULL;
        git_buf buf = GIT_BUF_INIT;
        if (git_patch_from_buffers(&patch, f->old_text, f->old_text ? f->old_len : 0, f->old_text ? f->path : NULL,
                                   f->new_text, f->new_text ? f->new_len : 0, f->new_text ? f->path : NULL,
                                   &opts) < 0 ||
            git_patch_to_buf(&buf, patch) < 0) {
            const git_error *ge = git_error_last();
            err = goat_error_new(f->path, 0, 0, "cannot compute the diff: %s", ge ? ge->message : "unknown error");
        } else if (fwrite(buf.ptr, 1, buf.size, out) != buf.size) {
            err = goat_error_new(NULL, 0, 0, "cannot write the diff: %s", strerror(errno));
        }
        git_buf_dispose(&buf);
        git_patch_free(patch);
    }
    git_libgit2_shutdown();
    free(sorted);
    return err;
}

goat_error *goat_plan_commit(const goat_plan *plan)
{
    goat_txn *t = goat_txn_new();
    for (size_t i = 0; i < plan->count; i++) {
        const goat_plan_file *f = &plan->files[i];
        if (!file_changes(f))
            continue;
        if (f->new_text)
            goat_txn_write(t, f->path, f->new_text, f->new_len);
        else
            goat_txn_remove(t, f->path);
    }
    for (size_t i = 0; i < plan->prune_count; i++)
        goat_txn_remove_dir_if_empty(t, plan->prune_dirs[i]);
    goat_error *err = goat_txn_commit(t);
    goat_txn_free(t);
    return err;
}
