/* SPDX-License-Identifier: MIT */
/* The transaction: all writes land or none; permissions kept; temporaries
 * and backups cleaned up; symbolic links and paths leaving the directory
 * refused; a failure while applying puts back the files already replaced;
 * and go.mod's module directive. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

#include "project/project.h"
#include "project/txn.h"
#include "util/file.h"
#include "scratch.h"

static void enter(void)
{
    scratch_enter();
    unsetenv("GOAT_TEST_FAIL_WRITE");
}

static void put(const char *path, const char *text, mode_t mode)
{
    scratch_put(path, text);
    chmod(path, mode);
}

static void expect_content(const char *path, const char *want)
{
    char *data = NULL;
    size_t len = 0;
    goat_error *err = goat_read_file(path, &data, &len);
    cr_assert_null(err, "cannot read %s", path);
    cr_expect_str_eq(data, want, "%s", path);
    free(data);
}

/* Only the named entries are left in dir: no temporaries, no backups. */
static int entry_count(const char *dir)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    closedir(d);
    return n;
}

TestSuite(txn, .init = enter, .fini = scratch_leave);

Test(txn, writes_creates_removes_and_keeps_modes)
{
    put("a.go", "old a\n", 0755);
    put("b.go", "old b\n", 0640);
    put("c.go", "old c\n", 0644);
    put("d.go", "old d\n", 0666);
    mode_t mask = umask(022); /* takes bits d.go has: they must come back */
    goat_txn *t = goat_txn_new();
    goat_txn_write(t, "a.go", "new a\n", 6);
    goat_txn_write(t, "b.go", "new b\n", 6);
    goat_txn_write(t, "pkg/goat/x.go", "new x\n", 6);
    goat_txn_write(t, "d.go", "new d\n", 6);
    goat_txn_remove(t, "c.go");
    cr_expect_eq(goat_txn_count(t), 5);
    goat_error *err = goat_txn_commit(t);
    umask(mask);
    cr_assert_null(err);
    goat_txn_free(t);
    expect_content("a.go", "new a\n");
    expect_content("d.go", "new d\n");
    expect_content("b.go", "new b\n");
    expect_content("pkg/goat/x.go", "new x\n");
    cr_expect_neq(access("c.go", F_OK), 0);
    struct stat st;
    stat("a.go", &st);
    cr_expect_eq(st.st_mode & 07777, 0755);
    stat("b.go", &st);
    cr_expect_eq(st.st_mode & 07777, 0640);
    stat("d.go", &st);
    cr_expect_eq(st.st_mode & 07777, 0666);
    cr_expect_eq(entry_count("."), 4); /* a.go b.go d.go pkg */
    cr_expect_eq(entry_count("pkg/goat"), 1);
}

Test(txn, failure_while_applying_puts_everything_back)
{
    put("a.go", "old a\n", 0644);
    put("b.go", "old b\n", 0600);
    put("z.go", "old z\n", 0644);
    setenv("GOAT_TEST_FAIL_WRITE", "z.go", 1);
    goat_txn *t = goat_txn_new();
    goat_txn_write(t, "a.go", "new a\n", 6);
    goat_txn_write(t, "b.go", "new b\n", 6);
    goat_txn_write(t, "goat/goat_generated.go", "gen\n", 4);
    goat_txn_remove(t, "y.go");
    goat_txn_write(t, "z.go", "new z\n", 6);
    goat_error *err = goat_txn_commit(t);
    unsetenv("GOAT_TEST_FAIL_WRITE");
    cr_assert_not_null(err);
    cr_expect_str_eq(err->file, "z.go");
    cr_expect(strstr(err->message, "nothing changed") != NULL, "%s", err->message);
    goat_error_free(err);
    goat_txn_free(t);
    expect_content("a.go", "old a\n");
    expect_content("b.go", "old b\n");
    expect_content("z.go", "old z\n");
    struct stat st;
    stat("b.go", &st);
    cr_expect_eq(st.st_mode & 07777, 0600);
    cr_expect_neq(access("goat", F_OK), 0, "created directory left behind");
    cr_expect_eq(entry_count("."), 3);
}

Test(txn, removal_rolled_back)
{
    put("a.go", "old a\n", 0644);
    put("gone.go", "keep me\n", 0644);
    setenv("GOAT_TEST_FAIL_WRITE", "a.go", 1);
    goat_txn *t = goat_txn_new();
    goat_txn_remove(t, "gone.go");
    goat_txn_write(t, "a.go", "new a\n", 6);
    goat_error *err = goat_txn_commit(t);
    unsetenv("GOAT_TEST_FAIL_WRITE");
    cr_assert_not_null(err);
    goat_error_free(err);
    goat_txn_free(t);
    expect_content("gone.go", "keep me\n");
    expect_content("a.go", "old a\n");
    cr_expect_eq(entry_count("."), 2);
}

Test(txn, refuses_symlinks_and_escapes)
{
    cr_assert_eq(mkdir("real", 0755), 0);
    put("real/f.go", "x\n", 0644);
    cr_assert_eq(symlink("real", "link"), 0);
    cr_assert_eq(symlink("real/f.go", "flink.go"), 0);
    /* after real/f.go, real/ is known to be safe: what follows it must
     * still be checked */
    static const char *const bad[] = {"link/f.go", "flink.go", "../x.go", "/tmp/x.go", "a/../b.go", "./a.go", "",
                                      "real/..", "real/.", "real/", "real//f.go", "/f.go"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        goat_txn *t = goat_txn_new();
        goat_txn_write(t, "real/f.go", "changed\n", 8);
        goat_txn_write(t, bad[i], "y\n", 2);
        goat_error *err = goat_txn_commit(t);
        cr_expect_not_null(err, "accepted %s", bad[i]);
        goat_error_free(err);
        goat_txn_free(t);
        expect_content("real/f.go", "x\n");
        goat_error *refused = goat_txn_check_path(bad[i]);
        cr_expect_not_null(refused, "check_path accepted %s", bad[i]);
        goat_error_free(refused);
    }
    cr_expect_eq(entry_count("real"), 1);
    goat_error *ok = goat_txn_check_path("real/f.go");
    cr_expect_null(ok);
    goat_error_free(ok);
}

Test(txn, empty_directory_pruned_after_commit)
{
    cr_assert_eq(mkdir("goat", 0755), 0);
    put("goat/goat_generated.go", "gen\n", 0644);
    goat_txn *t = goat_txn_new();
    goat_txn_remove(t, "goat/goat_generated.go");
    goat_txn_remove_dir_if_empty(t, "goat");
    cr_assert_null(goat_txn_commit(t));
    goat_txn_free(t);
    cr_expect_neq(access("goat", F_OK), 0);
}

/* A nested goatPackagePath: the directories the package's removal leaves
 * empty go with it, up to the module root, and no further than the first
 * one holding anything. */
static void remove_package(const char *dir)
{
    char *file = NULL;
    cr_assert(asprintf(&file, "%s/goat_generated.go", dir) > 0);
    goat_txn *t = goat_txn_new();
    goat_txn_remove(t, file);
    goat_txn_remove_dir_if_empty(t, dir);
    cr_assert_null(goat_txn_commit(t));
    goat_txn_free(t);
    free(file);
}

Test(txn, empty_parents_pruned_up_to_the_root)
{
    put("a/b/c/goat_generated.go", "gen\n", 0644);
    put("keep.go", "k\n", 0644);
    remove_package("a/b/c");
    cr_expect_neq(access("a", F_OK), 0, "a/ left behind");
    cr_expect_eq(entry_count("."), 1);
}

Test(txn, parents_holding_anything_kept)
{
    put("a/.gitkeep", "", 0644);
    put("a/b/c/goat_generated.go", "gen\n", 0644);
    cr_assert_eq(mkdir("a/b/d", 0755), 0); /* an empty directory is something */
    remove_package("a/b/c");
    cr_expect_neq(access("a/b/c", F_OK), 0);
    cr_expect_eq(access("a/b/d", F_OK), 0);
    cr_expect_eq(entry_count("a"), 2); /* .gitkeep b */

    put("x/.gitkeep", "", 0644);
    put("x/y/goat_generated.go", "gen\n", 0644);
    remove_package("x/y");
    cr_expect_eq(entry_count("x"), 1); /* .gitkeep */
}

Test(txn, failed_commit_prunes_nothing)
{
    put("a/b/c/goat_generated.go", "gen\n", 0644);
    put("z.go", "old z\n", 0644);
    setenv("GOAT_TEST_FAIL_WRITE", "z.go", 1);
    goat_txn *t = goat_txn_new();
    goat_txn_remove(t, "a/b/c/goat_generated.go");
    goat_txn_remove_dir_if_empty(t, "a/b/c");
    goat_txn_write(t, "z.go", "new z\n", 6);
    goat_error *err = goat_txn_commit(t);
    unsetenv("GOAT_TEST_FAIL_WRITE");
    cr_assert_not_null(err);
    goat_error_free(err);
    goat_txn_free(t);
    expect_content("a/b/c/goat_generated.go", "gen\n");
    expect_content("z.go", "old z\n");
}

Test(txn, pruning_never_follows_a_link_nor_leaves_the_root)
{
    cr_assert_eq(mkdir("real", 0755), 0);
    cr_assert_eq(mkdir("real/c", 0755), 0);
    cr_assert_eq(symlink("real", "link"), 0);
    cr_assert_eq(mkdir("sub", 0755), 0);
    cr_assert_eq(chdir("sub"), 0);
    goat_txn *t = goat_txn_new();
    goat_txn_remove_dir_if_empty(t, "../real/c");
    goat_txn_remove_dir_if_empty(t, "../link/c");
    cr_assert_null(goat_txn_commit(t));
    goat_txn_free(t);
    cr_assert_eq(chdir(".."), 0);
    t = goat_txn_new();
    goat_txn_remove_dir_if_empty(t, "link/c");
    cr_assert_null(goat_txn_commit(t));
    goat_txn_free(t);
    cr_expect_eq(access("real/c", F_OK), 0, "pruned through a link or outside the root");
    cr_expect_eq(access("sub", F_OK), 0, "the root itself pruned");
}

Test(gomod, module_directive)
{
    static const struct {
        const char *text, *want;
    } cases[] = {
        {"module example.com/app\n\ngo 1.19\n", "example.com/app"},
        {"// comment\nmodule \"example.com/q\" // trailing\n", "example.com/q"},
        {"go 1.19\nmodule (\n\texample.com/block\n)\n", "example.com/block"},
        {"module\texample.com/tab\r\n", "example.com/tab"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = NULL;
        goat_error *err = goat_gomod_module_path("go.mod", cases[i].text, strlen(cases[i].text), &path);
        cr_assert_null(err, "case %zu", i);
        cr_expect_str_eq(path, cases[i].want);
        free(path);
    }
    char *path = NULL;
    goat_error *err = goat_gomod_module_path("go.mod", "go 1.19\n", 8, &path);
    cr_expect_not_null(err);
    goat_error_free(err);
}
