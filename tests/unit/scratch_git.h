/* SPDX-License-Identifier: MIT */
/* For the unit tests that need the scratch directory (scratch.h) to be a
 * git repository with its files committed. */
#ifndef GOAT_TESTS_UNIT_SCRATCH_GIT_H
#define GOAT_TESTS_UNIT_SCRATCH_GIT_H

#include <criterion/criterion.h>
#include <git2.h>
#include <stddef.h>

/* Commits every file of the scratch directory on HEAD, on top of HEAD's
 * commit when there is one (with libgit2, which applies the .gitattributes
 * filters as git add does). */
static inline void scratch_commit_all(const char *message)
{
    git_libgit2_init();
    git_repository *repo = NULL;
    cr_assert_eq(git_repository_init(&repo, ".", 0), 0);
    git_index *index = NULL;
    cr_assert_eq(git_repository_index(&index, repo), 0);
    cr_assert_eq(git_index_add_all(index, NULL, 0, NULL, NULL), 0);
    git_oid tree_id, commit_id;
    cr_assert_eq(git_index_write_tree(&tree_id, index), 0);
    cr_assert_eq(git_index_write(index), 0);
    git_tree *tree = NULL;
    cr_assert_eq(git_tree_lookup(&tree, repo, &tree_id), 0);
    git_signature *sig = NULL;
    cr_assert_eq(git_signature_new(&sig, "goat", "goat@example.com", 1600000000, 0), 0);
    git_commit *parent = NULL;
    git_oid head;
    size_t parents = git_reference_name_to_id(&head, repo, "HEAD") == 0 ? 1 : 0;
    if (parents)
        cr_assert_eq(git_commit_lookup(&parent, repo, &head), 0);
    const git_commit *parent_list[1] = {parent};
    cr_assert_eq(git_commit_create(&commit_id, repo, "HEAD", sig, sig, NULL, message, tree, parents, parent_list), 0);
    git_commit_free(parent);
    git_signature_free(sig);
    git_tree_free(tree);
    git_index_free(index);
    git_repository_free(repo);
    git_libgit2_shutdown();
}

#endif
