/* SPDX-License-Identifier: MIT */
/* Unit tests of the reachability cache (src/git/reach.c) on a repository
 * built with libgit2 itself: a main line of 150 commits and a side branch
 * of 100 commits forked from its 50th. */
#include <criterion/criterion.h>
#include <git2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git/reach.h"

enum { MAIN_LEN = 150, SIDE_LEN = 100, FORK_AT = 50 };

static char dir[] = "/tmp/goat-reach-XXXXXX";
static git_repository *repo;
static git_oid main_line[MAIN_LEN], side[SIDE_LEN];

static void make_commit(git_oid *out, const git_oid *parent, int n)
{
    git_treebuilder *tb;
    git_oid tree_id;
    cr_assert_eq(git_treebuilder_new(&tb, repo, NULL), 0);
    cr_assert_eq(git_treebuilder_write(&tree_id, tb), 0);
    git_treebuilder_free(tb);
    git_tree *tree;
    cr_assert_eq(git_tree_lookup(&tree, repo, &tree_id), 0);
    git_signature *sig;
    /* every commit in the same second: time must not matter */
    cr_assert_eq(git_signature_new(&sig, "goat", "goat@example.com", 1600000000, 0), 0);
    git_commit *parent_commit = NULL;
    if (parent)
        cr_assert_eq(git_commit_lookup(&parent_commit, repo, parent), 0);
    char msg[32];
    snprintf(msg, sizeof msg, "commit %d\n", n);
    const git_commit *parents[1] = {parent_commit};
    cr_assert_eq(git_commit_create(out, repo, NULL, sig, sig, NULL, msg, tree, parent ? 1 : 0, parents), 0);
    git_commit_free(parent_commit);
    git_signature_free(sig);
    git_tree_free(tree);
}

static void setup(void)
{
    git_libgit2_init();
    cr_assert_not_null(mkdtemp(dir));
    cr_assert_eq(git_repository_init(&repo, dir, 1), 0);
    for (int i = 0; i < MAIN_LEN; i++)
        make_commit(&main_line[i], i ? &main_line[i - 1] : NULL, i);
    for (int i = 0; i < SIDE_LEN; i++)
        make_commit(&side[i], i ? &side[i - 1] : &main_line[FORK_AT], 1000 + i);
}

static void teardown(void)
{
    git_repository_free(repo);
    char *cmd = NULL;
    cr_assert_neq(asprintf(&cmd, "rm -rf '%s'", dir), -1);
    cr_assert_eq(system(cmd), 0);
    free(cmd);
    git_libgit2_shutdown();
}

TestSuite(git_reach, .init = setup, .fini = teardown);

Test(git_reach, ancestry_decides_and_the_cache_agrees)
{
    goat_reach reach;
    goat_reach_init(&reach, &side[SIDE_LEN - 1]); /* old = tip of the side branch */
    for (int round = 0; round < 2; round++) {    /* the second round is answered from the cache */
        for (int i = 0; i < MAIN_LEN; i++) {
            bool reachable = i % 2 == 0; /* overwritten either way */
            cr_assert_null(goat_reach_query(&reach, repo, &main_line[i], &reachable));
            cr_assert_eq(reachable, i <= FORK_AT, "main commit %d", i);
        }
        for (int i = 0; i < SIDE_LEN; i++) {
            bool reachable = false;
            cr_assert_null(goat_reach_query(&reach, repo, &side[i], &reachable));
            cr_assert(reachable, "side commit %d", i);
        }
    }
    cr_assert_eq(reach.count, MAIN_LEN + SIDE_LEN - 1); /* old itself is never stored */
    goat_reach_free(&reach);
}

Test(git_reach, remembered_answers_win)
{
    goat_reach reach;
    goat_reach_init(&reach, &main_line[10]);
    goat_reach_remember(&reach, &main_line[20], true);
    bool reachable = false;
    cr_assert_null(goat_reach_query(&reach, repo, &main_line[20], &reachable));
    cr_assert(reachable);
    cr_assert_null(goat_reach_query(&reach, repo, &main_line[10], &reachable));
    cr_assert(reachable);
    cr_assert_null(goat_reach_query(&reach, repo, &main_line[11], &reachable));
    cr_assert_not(reachable);
    goat_reach_free(&reach);
}
