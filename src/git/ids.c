/* SPDX-License-Identifier: MIT */
#include "git/ids.h"

#include <git2.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <stdbool.h>
#include <stdio.h>
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

/* Plain SHA-1 from libcrypto, not libgit2's git_odb_hash: libgit2 has only
 * SHA-1 with collision detection, three to four times the instructions
 * (7% of a track run that hashes a point table of several megabytes).
 * Both give the same id for any text but a crafted collision, which
 * neither use here has to fear: the digest only names a table, and patch
 * compares a file with its own repository's blob. */
goat_error *goat_git_blob_id(const char *text, size_t len, char hex[GOAT_GIT_ID_HEX + 1])
{
    hex[0] = '\0';
    char header[32];
    int header_len = snprintf(header, sizeof header, "blob %zu", len) + 1; /* git hashes the header's NUL */
    unsigned char sha[EVP_MAX_MD_SIZE];
    unsigned int sha_len = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    bool ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha1(), NULL) == 1 &&
              EVP_DigestUpdate(ctx, header, (size_t)header_len) == 1 && EVP_DigestUpdate(ctx, text, len) == 1 &&
              EVP_DigestFinal_ex(ctx, sha, &sha_len) == 1 && sha_len * 2 == GOAT_GIT_ID_HEX;
    EVP_MD_CTX_free(ctx);
    if (!ok) {
        const char *reason = ERR_reason_error_string(ERR_peek_last_error());
        return goat_error_new(NULL, 0, 0,
                              "cannot compute a SHA-1 with OpenSSL's libcrypto (%s): check that its default "
                              "provider is installed and enabled (`openssl list -digest-algorithms` lists SHA1)",
                              reason ? reason : "no reason given");
    }
    git_oid oid;
    git_oid_fromraw(&oid, sha);
    git_oid_tostr(hex, GOAT_GIT_ID_HEX + 1, &oid);
    return NULL;
}
