/* SPDX-License-Identifier: MIT */
/* The code the points stand in, read from the commit the sources were built
 * from (libgit2), not from the working tree: the tree may be tracked,
 * cleaned, or on another branch. */
#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "git/fetch.h"
#include "project/project.h"
#include "report/report.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

typedef struct code_file {
    char *file;
    char *text; /* NULL: the commit has no such file (err says why) */
    size_t len;
    char *problem;
} code_file;

struct goat_report_code {
    bool git;             /* libgit2 initialized for it (not for a module held in memory) */
    git_repository *repo; /* NULL for a module held in memory */
    git_tree *tree;       /* the module's directory at the commit */
    char *commit;
    char *module_path;
    code_file *files; /* sorted by name */
    size_t count, cap;
};

goat_report_code *goat_report_code_new(const char *module_path)
{
    goat_report_code *c = goat_xcalloc(1, sizeof *c);
    c->module_path = goat_xstrdup(module_path);
    return c;
}

static size_t find(const goat_report_code *c, const char *file, bool *found)
{
    size_t lo = 0, hi = c->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(c->files[mid].file, file);
        if (cmp == 0) {
            *found = true;
            return mid;
        }
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

static code_file *insert(goat_report_code *c, const char *file)
{
    bool found;
    size_t at = find(c, file, &found);
    if (found)
        return &c->files[at];
    goat_grow((void **)&c->files, &c->cap, c->count + 1, sizeof *c->files);
    memmove(&c->files[at + 1], &c->files[at], (c->count - at) * sizeof *c->files);
    c->count++;
    c->files[at] = (code_file){.file = goat_xstrdup(file)};
    return &c->files[at];
}

void goat_report_code_add(goat_report_code *c, const char *file, const char *text, size_t len)
{
    code_file *f = insert(c, file);
    free(f->text);
    f->text = goat_xmalloc(len + 1);
    memcpy(f->text, text, len);
    f->text[len] = '\0';
    f->len = len;
}

/* The blob at path in tree, as a fresh NUL-terminated string. */
static bool read_blob(git_repository *repo, git_tree *tree, const char *path, char **text, size_t *len)
{
    git_tree_entry *entry = NULL;
    if (git_tree_entry_bypath(&entry, tree, path) < 0)
        return false;
    git_blob *blob = NULL;
    bool ok = git_tree_entry_type(entry) == GIT_OBJECT_BLOB && git_blob_lookup(&blob, repo, git_tree_entry_id(entry)) == 0;
    if (ok) {
        git_object_size_t size = git_blob_rawsize(blob);
        ok = size < SIZE_MAX;
        if (ok) {
            *len = (size_t)size;
            *text = goat_xmalloc(*len + 1);
            memcpy(*text, git_blob_rawcontent(blob), *len);
            (*text)[*len] = '\0';
        }
    }
    git_blob_free(blob);
    git_tree_entry_free(entry);
    return ok;
}

/* dir relative to the repository's work tree: "" or "sub/dir". */
static char *relative_dir(git_repository *repo, const char *dir)
{
    const char *workdir = git_repository_workdir(repo);
    char *real_dir = realpath(dir, NULL), *real_work = workdir ? realpath(workdir, NULL) : NULL;
    char *rel = NULL;
    if (real_dir && real_work) {
        size_t n = strlen(real_work);
        if (strncmp(real_dir, real_work, n) == 0 && (real_dir[n] == '/' || real_dir[n] == '\0'))
            rel = goat_xstrdup(real_dir[n] == '/' ? real_dir + n + 1 : "");
    }
    free(real_dir);
    free(real_work);
    return rel;
}

static const char *git_message(void)
{
    const git_error *e = git_error_last();
    return e && e->message ? e->message : "unknown error";
}

/* The sources' commit is not in the repository: how to fetch it. A plain
 * `git fetch` brings only what the clone's refspec names, which in a
 * single-branch clone (a CI checkout) may not hold the commit; fetching it
 * by its id does (see git/fetch.h). */
static goat_error *missing_commit(git_repository *repo, const char *commit, const char *dir)
{
    goat_strbuf how = GOAT_STRBUF_INIT;
    /* a full id, as goat track records it; anything else would be taken
     * for a branch or tag name */
    bool id = strlen(commit) == GIT_OID_HEXSZ && strspn(commit, "0123456789abcdefABCDEF") == GIT_OID_HEXSZ;
    char *remote = id ? goat_git_fetch_commands(repo, commit, &how) : NULL;
    goat_error *err = goat_error_new(
        NULL, 0, 0,
        "the sources were built from commit %s, which the repository at %s does not have: fetch it %s%s%s, or "
        "run goat report in a clone that has it",
        commit, git_repository_workdir(repo) ? git_repository_workdir(repo) : dir,
        remote ? "(" : "from the repository it was cloned from", remote ? how.data : "", remote ? ")" : "");
    free(remote);
    goat_strbuf_free(&how);
    return err;
}

goat_error *goat_report_code_open(const char *dir, const char *commit, goat_report_code **out)
{
    *out = NULL;
    git_libgit2_init();
    goat_report_code *c = goat_xcalloc(1, sizeof *c);
    c->git = true;
    c->commit = goat_xstrdup(commit);
    goat_error *err = NULL;
    char *prefix = NULL;
    git_oid oid;
    git_commit *commit_obj = NULL;
    git_tree *root = NULL;
    if (git_repository_open_ext(&c->repo, dir, 0, NULL) < 0)
        err = goat_error_new(NULL, 0, 0, "%s is not in a git repository (%s): run goat report in a clone of the "
                             "project, in the module's root directory", dir, git_message());
    if (!err && !(prefix = relative_dir(c->repo, dir)))
        err = goat_error_new(NULL, 0, 0, "%s is not in the work tree of its git repository", dir);
    if (!err && (git_oid_fromstr(&oid, commit) < 0 || git_commit_lookup(&commit_obj, c->repo, &oid) < 0))
        err = missing_commit(c->repo, commit, dir);
    if (!err && git_commit_tree(&root, commit_obj) < 0)
        err = goat_error_new(NULL, 0, 0, "commit %.12s: cannot read its tree: %s", commit, git_message());
    if (!err && !*prefix) {
        c->tree = root;
        root = NULL;
    } else if (!err) {
        git_tree_entry *entry = NULL;
        if (git_tree_entry_bypath(&entry, root, prefix) < 0 || git_tree_entry_type(entry) != GIT_OBJECT_TREE ||
            git_tree_lookup(&c->tree, c->repo, git_tree_entry_id(entry)) < 0)
            err = goat_error_new(NULL, 0, 0, "commit %.12s has no directory %s: run goat report in the module's "
                                 "root directory", commit, prefix);
        git_tree_entry_free(entry);
    }
    char *gomod = NULL;
    size_t gomod_len = 0;
    if (!err && !read_blob(c->repo, c->tree, "go.mod", &gomod, &gomod_len))
        err = goat_error_new(NULL, 0, 0, "commit %.12s has no go.mod in %s: run goat report in the module's root "
                             "directory", commit, *prefix ? prefix : "the repository's root");
    if (!err)
        err = goat_gomod_module_path("go.mod", gomod, gomod_len, &c->module_path);
    free(gomod);
    free(prefix);
    git_tree_free(root);
    git_commit_free(commit_obj);
    if (err) {
        goat_report_code_free(c);
        return err;
    }
    *out = c;
    return NULL;
}

const char *goat_report_code_module(const goat_report_code *c)
{
    return c->module_path;
}

goat_error *goat_report_code_file(goat_report_code *c, const char *file, const char **text, size_t *len)
{
    bool found;
    size_t at = find(c, file, &found);
    code_file *f = found ? &c->files[at] : NULL;
    if (!f && c->repo) {
        f = insert(c, file);
        if (!read_blob(c->repo, c->tree, file, &f->text, &f->len))
            f->problem = goat_xasprintf("not in commit %.12s, which the sources were built from", c->commit);
    }
    if (!f || !f->text)
        return goat_error_new(file, 0, 0, "%s", f && f->problem ? f->problem : "no such file in the module");
    *text = f->text;
    *len = f->len;
    return NULL;
}

void goat_report_code_free(goat_report_code *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++) {
        free(c->files[i].file);
        free(c->files[i].text);
        free(c->files[i].problem);
    }
    free(c->files);
    free(c->module_path);
    free(c->commit);
    git_tree_free(c->tree);
    git_repository_free(c->repo);
    if (c->git)
        git_libgit2_shutdown();
    free(c);
}
