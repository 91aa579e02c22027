/* SPDX-License-Identifier: MIT */
#include "git/ids.h"

#include <git2.h>
#include <stdlib.h>

#include "git/repo.h"

goat_error *goat_git_commit_id(const char *project_dir, const char *ref, const char *key,
                               char hex[GOAT_GIT_ID_HEX + 1])
{
    hex[0] = '\0';
    git_libgit2_init();
    git_repository *repo = NULL;
    char *workdir = NULL, *prefix = NULL;
    goat_error *err = goat_git_open(project_dir, &repo, &workdir, &prefix);
    git_oid oid;
    if (!err && !(err = goat_git_resolve_commit(repo, ref, key, &oid)))
        git_oid_tostr(hex, GOAT_GIT_ID_HEX + 1, &oid);
    git_repository_free(repo);
    free(workdir);
    free(prefix);
    git_libgit2_shutdown();
    return err;
}

void goat_git_blob_id(const char *text, size_t len, char hex[GOAT_GIT_ID_HEX + 1])
{
    git_oid oid;
    git_libgit2_init();
    if (git_odb_hash(&oid, text, len, GIT_OBJECT_BLOB) == 0)
        git_oid_tostr(hex, GOAT_GIT_ID_HEX + 1, &oid);
    else
        hex[0] = '\0';
    git_libgit2_shutdown();
}
