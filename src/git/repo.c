/* SPDX-License-Identifier: MIT */
#include "git/repo.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/strbuf.h"
#include "util/xalloc.h"

goat_error *goat_git_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *what = goat_xvasprintf(fmt, ap);
    va_end(ap);
    const git_error *last = git_error_last();
    goat_error *err = goat_error_new(NULL, 0, 0, "%s: %s", what,
                                     last && last->message ? last->message : "unknown libgit2 error");
    free(what);
    return err;
}

goat_error *goat_git_open(const char *project_dir, git_repository **repo, char **workdir, char **prefix)
{
    *repo = NULL;
    *workdir = *prefix = NULL;
    char *real_project = realpath(project_dir, NULL);
    if (!real_project)
        return goat_error_new(project_dir, 0, 0, "cannot open the project directory: %s", strerror(errno));
    if (git_repository_open_ext(repo, real_project, 0, NULL) < 0) {
        goat_error *err = goat_git_error("%s: not inside a git repository", project_dir);
        free(real_project);
        return err;
    }
    const char *wd = git_repository_workdir(*repo);
    char *real_wd = wd ? realpath(wd, NULL) : NULL;
    if (!real_wd) {
        free(real_project);
        git_repository_free(*repo);
        *repo = NULL;
        return goat_error_new(project_dir, 0, 0, "the git repository has no working directory (bare repository?)");
    }
    size_t n = strlen(real_wd);
    if (strcmp(real_wd, "/") == 0)
        n = 0;
    if (strncmp(real_project, real_wd, n) != 0 || (real_project[n] != '/' && real_project[n] != '\0')) {
        goat_error *err = goat_error_new(project_dir, 0, 0, "the project directory is outside the repository's working directory %s", real_wd);
        free(real_project);
        free(real_wd);
        git_repository_free(*repo);
        *repo = NULL;
        return err;
    }
    const char *rest = real_project + n;
    while (*rest == '/')
        rest++;
    *prefix = *rest ? goat_xasprintf("%s/", rest) : goat_xstrdup("");
    *workdir = goat_xasprintf("%s/", n ? real_wd : "");
    free(real_project);
    free(real_wd);
    return NULL;
}

goat_error *goat_git_resolve_commit(git_repository *repo, const char *spec, const char *key, git_oid *out)
{
    const char *rev = spec && *spec ? spec : "HEAD";
    git_object *obj = NULL;
    if (git_revparse_single(&obj, repo, rev) < 0)
        return goat_git_missing_revision(repo, rev, key);
    git_object *commit = NULL;
    int rc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT);
    git_object_free(obj);
    if (rc < 0)
        return goat_git_error("%s \"%s\" does not name a commit", key, rev);
    git_oid_cpy(out, git_object_id(commit));
    git_object_free(commit);
    return NULL;
}

goat_error *goat_git_check_head(git_repository *repo, const git_oid *new_oid, const char *new_spec)
{
    git_object *head = NULL;
    if (git_revparse_single(&head, repo, "HEAD^{commit}") < 0)
        return git_repository_head_unborn(repo) == 1 ? goat_git_missing_revision(repo, "HEAD", "HEAD")
                                                     : goat_git_error("cannot read HEAD");
    bool same = git_oid_equal(git_object_id(head), new_oid);
    char head_hex[GIT_OID_HEXSZ + 1], new_hex[GIT_OID_HEXSZ + 1];
    git_oid_tostr(head_hex, sizeof head_hex, git_object_id(head));
    git_oid_tostr(new_hex, sizeof new_hex, new_oid);
    git_object_free(head);
    if (same)
        return NULL;
    return goat_error_new(NULL, 0, 0,
                          "newBranch \"%s\" is commit %.12s but HEAD is %.12s: check out newBranch first "
                          "(goat instruments the files of the checked-out commit)",
                          new_spec && *new_spec ? new_spec : "HEAD", new_hex, head_hex);
}

enum { MAX_LISTED_DIRTY = 10 };

goat_error *goat_git_check_clean(git_repository *repo, const char *prefix)
{
    git_status_options opts;
    git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    /* Only the project's files matter: in a monorepo, work in progress
     * elsewhere neither blocks goat nor costs it a look. The prefix is a
     * literal path, never a glob. */
    size_t prefix_len = strlen(prefix);
    char *dir = goat_xstrdup(prefix);
    if (prefix_len && dir[prefix_len - 1] == '/')
        dir[prefix_len - 1] = '\0';
    if (*dir) {
        opts.pathspec.strings = &dir;
        opts.pathspec.count = 1;
        opts.flags |= GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
    }
    git_status_list *list = NULL;
    int rc = git_status_list_new(&list, repo, &opts);
    free(dir);
    if (rc < 0)
        return goat_git_error("cannot read the status of the working tree");
    char *config = goat_xasprintf("%sgoat.yaml", prefix);
    goat_strbuf listed = GOAT_STRBUF_INIT;
    size_t dirty = 0;
    const unsigned int changed = GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED | GIT_STATUS_INDEX_DELETED |
                                 GIT_STATUS_INDEX_RENAMED | GIT_STATUS_INDEX_TYPECHANGE | GIT_STATUS_WT_MODIFIED |
                                 GIT_STATUS_WT_DELETED | GIT_STATUS_WT_TYPECHANGE | GIT_STATUS_WT_RENAMED |
                                 GIT_STATUS_WT_UNREADABLE | GIT_STATUS_CONFLICTED;
    size_t count = git_status_list_entrycount(list);
    for (size_t i = 0; i < count; i++) {
        const git_status_entry *entry = git_status_byindex(list, i);
        if (!(entry->status & changed))
            continue;
        const git_diff_delta *delta = entry->head_to_index ? entry->head_to_index : entry->index_to_workdir;
        const char *path = delta ? (delta->new_file.path ? delta->new_file.path : delta->old_file.path) : "?";
        if (strcmp(path, config) == 0)
            continue;
        if (dirty < MAX_LISTED_DIRTY)
            goat_strbuf_printf(&listed, "\n  %s", path);
        dirty++;
    }
    git_status_list_free(list);
    free(config);
    if (dirty == 0) {
        goat_strbuf_free(&listed);
        return NULL;
    }
    goat_error *err = goat_error_new(NULL, 0, 0,
                                     "the working tree has uncommitted changes to %zu tracked file%s; commit or "
                                     "stash them first:%s%s",
                                     dirty, dirty == 1 ? "" : "s", listed.data,
                                     dirty > MAX_LISTED_DIRTY ? "\n  ..." : "");
    goat_strbuf_free(&listed);
    return err;
}

goat_error *goat_git_subtree(git_repository *repo, const git_oid *commit_oid, const char *prefix, git_tree **tree)
{
    *tree = NULL;
    git_commit *commit = NULL;
    if (git_commit_lookup(&commit, repo, commit_oid) < 0)
        return goat_git_error("cannot read commit");
    git_tree *root = NULL;
    int rc = git_commit_tree(&root, commit);
    git_commit_free(commit);
    if (rc < 0)
        return goat_git_error("cannot read the tree of a commit");
    if (!*prefix) {
        *tree = root;
        return NULL;
    }
    char *dir = goat_xstrndup(prefix, strlen(prefix) - 1);
    git_tree_entry *entry = NULL;
    rc = git_tree_entry_bypath(&entry, root, dir);
    goat_error *err = NULL;
    if (rc == 0 && git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
        if (git_tree_lookup(tree, repo, git_tree_entry_id(entry)) < 0)
            err = goat_git_error("cannot read directory %s", dir);
    } else if (rc < 0 && rc != GIT_ENOTFOUND) {
        err = goat_git_error("cannot read directory %s", dir);
    }
    git_tree_entry_free(entry);
    git_tree_free(root);
    free(dir);
    return err;
}
