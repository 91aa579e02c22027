/* SPDX-License-Identifier: MIT */
#include "git/refs.h"

#include <git2.h>
#include <stdlib.h>
#include <string.h>

#include "git/fetch.h"
#include "git/repo.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "util/sort.h"

/* The default branches people compare with, in the order goat tries them. */
static const char *const usual_defaults[] = {"main", "master", "origin/main", "origin/master"};

enum { MAX_SUGGESTED = 6 };

/* A branch or tag name and how far it is spelled from the one asked for. */
typedef struct candidate {
    char *name;
    size_t distance;
    int kind; /* 0 local branch, 1 remote branch, 2 tag: the order shown */
} candidate;

typedef struct candidate_list {
    candidate *items;
    size_t count, cap;
} candidate_list;

/* Levenshtein distance, two rows; names are short. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t n = strlen(b);
    size_t *prev = goat_xcalloc(n + 1, sizeof *prev), *cur = goat_xcalloc(n + 1, sizeof *cur);
    for (size_t j = 0; j <= n; j++)
        prev[j] = j;
    for (size_t i = 1; a[i - 1]; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            cur[j] = best;
        }
        size_t *t = prev;
        prev = cur;
        cur = t;
    }
    size_t d = prev[n];
    free(prev);
    free(cur);
    return d;
}

/* How close name is to spec: the closer of the whole name and, for a
 * remote branch, the part after the remote's name ("origin/mian" and
 * "mian" are both one edit from "main"). */
static size_t closeness(const char *spec, const char *name, int kind)
{
    size_t d = edit_distance(spec, name);
    const char *slash = kind == 1 ? strchr(name, '/') : NULL;
    if (slash) {
        size_t tail = edit_distance(spec, slash + 1);
        if (tail < d)
            d = tail;
    }
    return d;
}

static int compare_candidates(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->distance != b->distance)
        return a->distance < b->distance ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind - b->kind;
    return strcmp(a->name, b->name);
}

static void collect_candidates(git_repository *repo, const char *spec, candidate_list *out)
{
    git_reference_iterator *it = NULL;
    if (git_reference_iterator_new(&it, repo) < 0)
        return;
    git_reference *ref = NULL;
    while (git_reference_next(&ref, it) == 0) {
        const char *full = git_reference_name(ref);
        int kind = strncmp(full, "refs/heads/", 11) == 0     ? 0
                   : strncmp(full, "refs/remotes/", 13) == 0 ? 1
                   : strncmp(full, "refs/tags/", 10) == 0    ? 2
                                                             : -1;
        const char *name = git_reference_shorthand(ref);
        size_t len = strlen(name);
        /* origin/HEAD only points at another remote branch */
        bool remote_head = kind == 1 && len >= 5 && strcmp(name + len - 5, "/HEAD") == 0;
        if (kind >= 0 && !remote_head) {
            void *items = out->items;
            goat_grow(&items, &out->cap, out->count + 1, sizeof *out->items);
            out->items = items;
            out->items[out->count++] = (candidate){goat_xstrdup(name), closeness(spec, name, kind), kind};
        }
        git_reference_free(ref);
    }
    git_reference_iterator_free(it);
    goat_sort(out->items, out->count, sizeof *out->items, compare_candidates);
}

/* Whether spec names a commit, into *id; no error is made. */
static bool names_commit(git_repository *repo, const char *spec, git_oid *id)
{
    git_object *obj = NULL;
    if (git_revparse_single(&obj, repo, spec) < 0)
        return false;
    git_object *commit = NULL;
    bool ok = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) == 0;
    if (ok)
        git_oid_cpy(id, git_object_id(commit));
    git_object_free(commit);
    git_object_free(obj);
    return ok;
}

/* "; the closest names that exist: a, b" for names spelled close to spec;
 * otherwise "; names that exist here: ..." (the usual defaults first). */
static void suggest(git_repository *repo, const char *spec, goat_strbuf *sb)
{
    candidate_list all = {0};
    collect_candidates(repo, spec, &all);
    size_t near_limit = strlen(spec) / 3 > 2 ? strlen(spec) / 3 : 2;
    size_t shown = 0;
    for (size_t i = 0; i < all.count && shown < MAX_SUGGESTED && all.items[i].distance <= near_limit; i++)
        goat_strbuf_printf(sb, "%s%s", shown++ ? ", " : "; the closest names that exist: ", all.items[i].name);
    if (!shown && all.count) {
        /* nothing close: the usual defaults that exist, then local
         * branches, remote branches and tags */
        enum { SHOWN = 3 };
        for (size_t d = 0; d < sizeof usual_defaults / sizeof *usual_defaults; d++)
            for (size_t i = 0; i < all.count; i++)
                if (all.items[i].kind != SHOWN && strcmp(all.items[i].name, usual_defaults[d]) == 0) {
                    goat_strbuf_printf(sb, "%s%s", shown++ ? ", " : "; names that exist here: ",
                                       all.items[i].name);
                    all.items[i].kind = SHOWN;
                }
        for (int kind = 0; kind < SHOWN; kind++)
            for (size_t i = 0; i < all.count && shown < MAX_SUGGESTED; i++)
                if (all.items[i].kind == kind) {
                    goat_strbuf_printf(sb, "%s%s", shown++ ? ", " : "; names that exist here: ",
                                       all.items[i].name);
                    all.items[i].kind = SHOWN;
                }
        if (all.count > shown)
            goat_strbuf_printf(sb, " and %zu more", all.count - shown);
    }
    for (size_t i = 0; i < all.count; i++)
        free(all.items[i].name);
    free(all.items);
}

static bool has_references(git_repository *repo)
{
    git_reference_iterator *it = NULL;
    if (git_reference_iterator_new(&it, repo) < 0)
        return true;
    git_reference *ref = NULL;
    bool any = git_reference_next(&ref, it) == 0;
    git_reference_free(ref);
    git_reference_iterator_free(it);
    return any;
}

/* ". This is a shallow clone, which may lack it: fetch it (...)", with
 * commands that make spec resolve as printed (see fetch.h). They fetch
 * one commit, all diffPrecision 2 and 3 need; blame (precision 1) also
 * needs the commits in between, which one more command brings once the
 * name is here: git fetch --unshallow unshallows every shallow commit,
 * the fetched one too (a plain one, before, would not bring the name).
 * A full clone that fetches only some branches (git clone --single-branch)
 * may lack the name too, and gets the same commands, without a depth. */
static void fetch_advice(git_repository *repo, const char *spec, bool is_old, goat_strbuf *sb)
{
    bool shallow = git_repository_is_shallow(repo) == 1;
    char *remote = goat_git_fetch_remote(repo);
    if (!shallow && (!remote || goat_git_fetches_all_branches(repo, remote))) {
        free(remote); /* a clone of every branch lacks what its remote lacks */
        return;
    }
    const char *why = shallow ? "This is a shallow clone" : "This clone fetches only some branches of its remote";
    free(remote);
    goat_strbuf cmds = GOAT_STRBUF_INIT;
    remote = goat_git_fetch_commands(repo, spec, &cmds);
    if (remote) {
        goat_strbuf_printf(sb, ". %s, which may lack it: fetch it (%s)", why, cmds.data);
        if (shallow && is_old && !strpbrk(spec, "~^")) {
            goat_strbuf_puts(sb, ", then, for diffPrecision 1 to be exact, the history in between (");
            goat_git_unshallow_command(sb, remote);
            goat_strbuf_putc(sb, ')');
        }
    } else if (shallow && !(remote = goat_git_fetch_remote(repo))) {
        goat_strbuf_puts(sb, ". This is a shallow clone, which may lack it: fetch it from the repository it was "
                             "cloned from (this clone names no remote)");
    }
    free(remote);
    goat_strbuf_free(&cmds);
}

goat_error *goat_git_missing_revision(git_repository *repo, const char *spec, const char *key)
{
    /* what the failed look-up said, before other calls replace it */
    const git_error *ge = git_error_last();
    char *why = ge && ge->message ? goat_xstrdup(ge->message) : NULL;
    if (git_repository_head_unborn(repo) == 1 && (!has_references(repo) || strcmp(spec, "HEAD") == 0)) {
        free(why);
        return goat_error_new(NULL, 0, 0,
                              "%s \"%s\": the %s has no commits yet; goat compares commits: commit the module "
                              "first (git add -A && git commit), then run goat again",
                              key, spec, has_references(repo) ? "branch checked out" : "git repository");
    }
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_printf(&sb, "%s \"%s\": no branch, tag or commit of that name", key, spec);
    /* for "main~99" and the like, libgit2 says which part failed */
    if (strpbrk(spec, "~^:@{") && why)
        goat_strbuf_printf(&sb, " (%s)", why);
    free(why);
    suggest(repo, spec, &sb);
    bool is_old = strcmp(key, "oldBranch") == 0 || strcmp(key, "--old") == 0;
    goat_strbuf_printf(&sb, ". Set %s to a branch, tag or commit that exists%s", key,
                       is_old ? " (or to INIT to treat every line as new)" : "");
    fetch_advice(repo, spec, is_old, &sb);
    char *text = goat_strbuf_detach(&sb, NULL);
    goat_error *err = goat_error_new(NULL, 0, 0, "%s", text);
    free(text);
    return err;
}

/* Opens the repository holding project_dir, libgit2 initialized; callers
 * release both. */
static goat_error *open_repo(const char *project_dir, git_repository **repo)
{
    git_libgit2_init();
    char *workdir = NULL, *prefix = NULL;
    goat_error *err = goat_git_open(project_dir, repo, &workdir, &prefix);
    free(workdir);
    free(prefix);
    if (err)
        git_libgit2_shutdown();
    return err;
}

static void close_repo(git_repository *repo)
{
    git_repository_free(repo);
    git_libgit2_shutdown();
}

goat_error *goat_git_check_revision(const char *project_dir, const char *spec, const char *key)
{
    char hex[8];
    return goat_git_short_hash(project_dir, spec, key, hex);
}

char *goat_git_default_old_branch(const char *project_dir)
{
    git_repository *repo = NULL;
    goat_error *err = open_repo(project_dir, &repo);
    if (err) {
        goat_error_free(err);
        return NULL;
    }
    char *found = NULL;
    git_oid id;
    for (size_t i = 0; !found && i < sizeof usual_defaults / sizeof *usual_defaults; i++)
        if (names_commit(repo, usual_defaults[i], &id))
            found = goat_xstrdup(usual_defaults[i]);
    git_reference *head = NULL;
    if (!found && git_reference_lookup(&head, repo, "refs/remotes/origin/HEAD") == 0) {
        const char *target = git_reference_symbolic_target(head);
        if (target && strncmp(target, "refs/remotes/", 13) == 0 && names_commit(repo, target + 13, &id))
            found = goat_xstrdup(target + 13);
        git_reference_free(head);
    }
    close_repo(repo);
    return found;
}

bool goat_git_is_head(const char *project_dir, const char *spec)
{
    git_repository *repo = NULL;
    goat_error *err = open_repo(project_dir, &repo);
    if (err) {
        goat_error_free(err);
        return false;
    }
    git_oid head, id;
    bool same = names_commit(repo, "HEAD", &head) && names_commit(repo, spec, &id) && git_oid_equal(&head, &id);
    close_repo(repo);
    return same;
}

goat_error *goat_git_short_hash(const char *project_dir, const char *spec, const char *key, char out[8])
{
    git_repository *repo = NULL;
    goat_error *err = open_repo(project_dir, &repo);
    if (err)
        return err;
    git_oid id;
    err = goat_git_resolve_commit(repo, spec, key, &id);
    if (!err)
        git_oid_tostr(out, 8, &id);
    close_repo(repo);
    return err;
}
