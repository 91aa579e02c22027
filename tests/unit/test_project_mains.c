/* SPDX-License-Identifier: MIT */
/* Main packages and components: which directories are main packages (not
 * test files, build-ignored files, vendor, testdata, .git, nested modules;
 * but "_" and "." directories, which `go build ./_x` builds, are), which
 * file declares func main, and the transitive
 * closure of module-internal imports (cycles, aliased, dot and grouped
 * imports, imports of other modules ignored). Each file's head is read
 * in bounded pieces: headers longer than the first piece, and cut by its
 * end anywhere, give what the whole file gives. A file the plan of the
 * command holds is scanned in its text, not read again. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "project/mains.h"
#include "project/plan.h"
#include "scratch.h"

static char *joined_dirs(const goat_main_pkg *m)
{
    size_t n = 1;
    for (size_t i = 0; i < m->pkg_dir_count; i++)
        n += strlen(m->pkg_dirs[i]) + 1;
    char *s = calloc(n, 1);
    for (size_t i = 0; i < m->pkg_dir_count; i++) {
        if (i)
            strcat(s, " ");
        strcat(s, m->pkg_dirs[i]);
    }
    return s;
}

/* Linked with -Wl,--wrap=readdir: while hide_d_type is set, every entry
 * comes with d_type DT_UNKNOWN, as on file systems that do not fill it. */
struct dirent *__real_readdir(DIR *dir);
struct dirent *__wrap_readdir(DIR *dir);
static bool hide_d_type;
static size_t hidden; /* entries whose type was hidden: the wrap is in use */

struct dirent *__wrap_readdir(DIR *dir)
{
    struct dirent *e = __real_readdir(dir);
    if (e && hide_d_type) {
        e->d_type = DT_UNKNOWN;
        hidden++;
    }
    return e;
}

TestSuite(mains, .init = scratch_enter, .fini = scratch_leave);

static void components_and_closure(void)
{
    scratch_put("go.mod", "module example.com/m\n\ngo 1.19\n");
    scratch_put("main.go", "package main\n\nimport \"example.com/m/lib/a\"\n\nfunc main() { a.A() }\n");
    scratch_put("cmd/tool/doc.go", "// Package main is a tool.\npackage main\n");
    scratch_put("cmd/tool/tool.go", "package main\n\nimport (\n\tb \"example.com/m/lib/b\"\n\t\"fmt\"\n"
                            "\t. \"example.com/m/lib/c\"\n\t\"example.com/other/x\"\n)\n\n"
                            "func main() { fmt.Println(b.B(), C()) }\n");
    scratch_put("cmd/tool/tool_test.go", "package main\n\nimport \"example.com/m/lib/d\"\n");
    scratch_put("cmd/nomain/x.go", "package main\n\nfunc helper() {}\n");
    scratch_put("cmd/gen/gen.go", "//go:build ignore\n\npackage main\n\nfunc main() {}\n");
    scratch_put("lib/a/a.go", "package a\n\nimport \"example.com/m/lib/b\"\n\nfunc A() int { return b.B() }\n");
    scratch_put("lib/b/b.go", "package b\n\nimport \"example.com/m/lib/a\"\n\nfunc B() int { return 1 }\n");
    scratch_put("lib/c/c.go", "package c\n\nfunc C() int { return 2 }\n");
    scratch_put("lib/d/d.go", "package d\n");
    scratch_put("vendor/example.com/v/main.go", "package main\n\nfunc main() {}\n");
    scratch_put("testdata/t/main.go", "package main\n\nfunc main() {}\n");
    scratch_put("_examples/hello/main.go", "package main\n\nimport \"example.com/m/lib/c\"\n\nfunc main() { c.C() }\n");
    scratch_put(".tools/gen/main.go", "package main\n\nfunc main() {}\n");
    scratch_put(".git/hooks/main.go", "package main\n\nfunc main() {}\n");
    scratch_put("lib/c/_scratch.go", "package main\n\nfunc main() {}\n");
    scratch_put("nested/go.mod", "module example.com/m/nested\n");
    scratch_put("nested/main.go", "package main\n\nfunc main() {}\n");

    goat_mains mains;
    goat_error *err = goat_mains_find("example.com/m", NULL, &mains);
    cr_assert_null(err);
    cr_assert_eq(mains.count, 5, "found %zu main packages", mains.count);

    cr_expect_str_eq(mains.items[0].dir, ".");
    cr_expect_str_eq(mains.items[0].main_file, "main.go");
    char *dirs = joined_dirs(&mains.items[0]);
    cr_expect_str_eq(dirs, ". lib/a lib/b");
    free(dirs);

    cr_expect_str_eq(mains.items[1].dir, ".tools/gen");
    cr_expect_str_eq(mains.items[1].main_file, ".tools/gen/main.go");

    cr_expect_str_eq(mains.items[2].dir, "_examples/hello");
    cr_expect_str_eq(mains.items[2].main_file, "_examples/hello/main.go");
    dirs = joined_dirs(&mains.items[2]);
    cr_expect_str_eq(dirs, "_examples/hello lib/c");
    free(dirs);

    cr_expect_str_eq(mains.items[3].dir, "cmd/nomain");
    cr_expect_null(mains.items[3].main_file);

    cr_expect_str_eq(mains.items[4].dir, "cmd/tool");
    cr_expect_str_eq(mains.items[4].main_file, "cmd/tool/tool.go");
    dirs = joined_dirs(&mains.items[4]);
    cr_expect_str_eq(dirs, "cmd/tool lib/a lib/b lib/c");
    free(dirs);

    cr_expect(goat_main_pkg_covers(&mains.items[4], "lib/c/c.go"));
    cr_expect_not(goat_main_pkg_covers(&mains.items[4], "lib/d/d.go"));
    cr_expect_not(goat_main_pkg_covers(&mains.items[4], "lib/c/sub/x.go"));
    cr_expect(goat_main_pkg_covers(&mains.items[0], "main.go"));
    goat_mains_free(&mains);
}

Test(mains, components_and_closure)
{
    components_and_closure();
}

/* Where readdir leaves d_type unknown, lstat tells directories, files and
 * symbolic links apart: the same components, and links still not
 * followed. */
Test(mains, unknown_entry_types)
{
    hide_d_type = true;
    cr_assert_eq(mkdir("links", 0755), 0);
    cr_assert_eq(symlink("../cmd/tool", "links/tool"), 0);
    cr_assert_eq(symlink("../main.go", "links/main.go"), 0);
    components_and_closure();
    cr_assert_gt(hidden, 0, "readdir was not wrapped: the listing's own types were used");
}

/* How many main packages the module in the current directory has. */
static size_t main_count(void)
{
    goat_mains mains;
    cr_assert_null(goat_mains_find("example.com/m", NULL, &mains));
    size_t n = mains.count;
    goat_mains_free(&mains);
    return n;
}

Test(mains, none)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("lib/a.go", "package lib\n");
    cr_expect_eq(main_count(), 0);
}

/* An empty directory has no names to sort (UBSan once caught a NULL
 * array handed to qsort there, after a crash test emptied one). */
Test(mains, empty_directory)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("main.go", "package main\n\nfunc main() {}\n");
    cr_assert_eq(mkdir("empty", 0755), 0);
    cr_expect_eq(main_count(), 1);
}

Test(mains, path_dir)
{
    char *d = goat_path_dir("a/b/c.go");
    cr_expect_str_eq(d, "a/b");
    free(d);
    d = goat_path_dir("c.go");
    cr_expect_str_eq(d, ".");
    free(d);
}

/* Writes before, n bytes of line comments (up to 70 bytes a line; a last
 * line too short to hold "//" is blanks), then after. */
static void put_padded(const char *path, const char *before, size_t n, const char *after)
{
    size_t nb = strlen(before), na = strlen(after);
    char *s = malloc(nb + n + na + 1);
    char *pad = s + nb;
    memcpy(s, before, nb);
    size_t last = n - n % 70; /* where the last, partial line starts */
    for (size_t i = 0; i < n; i++) {
        bool blank = i >= last && n - last < 3;
        pad[i] = i % 70 == 69 ? '\n' : blank ? ' ' : i % 70 < 2 ? '/' : 'x';
    }
    if (n)
        pad[n - 1] = '\n';
    memcpy(pad + n, after, na + 1);
    scratch_put(path, s);
    free(s);
}

static char *main_dirs(void)
{
    goat_mains mains;
    cr_assert_null(goat_mains_find("example.com/m", NULL, &mains));
    cr_assert_eq(mains.count, 1);
    char *dirs = joined_dirs(&mains.items[0]);
    goat_mains_free(&mains);
    return dirs;
}

/* A header of many imports, far longer than the first read: the last
 * import counts too. */
Test(mains, long_import_list)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("lib/c/c.go", "package c\n");
    size_t cap = 64 * 1024, n = 0;
    char *src = malloc(cap);
    n += (size_t)sprintf(src + n, "package main\n\nimport (\n");
    for (int i = 0; i < 900; i++)
        n += (size_t)sprintf(src + n, "\tx%d \"example.org/other/p%d\"\n", i, i);
    sprintf(src + n, "\t\"example.com/m/lib/c\"\n)\n\nfunc main() {}\n");
    scratch_put("main.go", src);
    free(src);
    char *dirs = main_dirs();
    cr_expect_str_eq(dirs, ". lib/c");
    free(dirs);
}

/* A block comment before the package clause longer than the first read,
 * and then twice that. */
Test(mains, huge_leading_comment)
{
    scratch_put("go.mod", "module example.com/m\n");
    put_padded("main.go", "/*\n", 20000, "*/\npackage main\n\nfunc main() {}\n");
    cr_expect_eq(main_count(), 1);
}

/* A build-ignore line after a long license comment still rules its file
 * out: the directory's func main is in no file of the package. */
Test(mains, build_ignore_after_long_comment)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("tool/a.go", "package main\n\nfunc helper() {}\n");
    put_padded("tool/gen.go", "", 9000, "\n//go:build ignore\n\npackage main\n\nfunc main() {}\n");
    goat_mains mains;
    cr_assert_null(goat_mains_find("example.com/m", NULL, &mains));
    cr_assert_eq(mains.count, 1);
    cr_expect_str_eq(mains.items[0].dir, "tool");
    cr_expect_null(mains.items[0].main_file);
    goat_mains_free(&mains);
}

/* The end of a read falls at every byte of a second import declaration
 * (its keyword, a raw-string path, the newline after it) and of the files
 * ending right there: each time the import is seen, as in the whole file.
 * Sizes around 4 KiB and 8 KiB, where reads end. */
Test(mains, header_cut_anywhere)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("lib/c/c.go", "package c\n");
    scratch_put("lib/d/d.go", "package d\n");
    const char *tails[] = {"\n\nfunc main() {}\n", ""};
    for (size_t base = 4096 - 96; base <= 8192; base += 4096)
        for (size_t pad = base; pad < base + 96; pad++)
            for (size_t t = 0; t < 2; t++) {
                char *after = NULL;
                cr_assert(asprintf(&after, "package main\nimport \"example.com/m/lib/d\"\nimport `example.com/m/lib/c`%s",
                                   tails[t]) > 0);
                put_padded("main.go", "", pad, after);
                free(after);
                char *dirs = main_dirs();
                cr_expect_str_eq(dirs, ". lib/c lib/d", "padding %zu, tail %zu", pad, t);
                free(dirs);
            }
}

/* A file of a few bytes, shorter than any read. */
Test(mains, tiny_file)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("main.go", "package main");
    cr_expect_eq(main_count(), 1);
}

/* Only a go.mod access(2) finds makes a nested module: one that is a
 * dangling link, or is named in other case on a file system that tells
 * case, does not, and the directory is walked. */
Test(mains, nested_module_needs_a_go_mod)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("dangling/main.go", "package main\n\nfunc main() {}\n");
    cr_assert_eq(symlink("nowhere/go.mod", "dangling/go.mod"), 0);
    scratch_put("upper/GO.MOD", "module example.com/m/upper\n");
    scratch_put("upper/main.go", "package main\n\nfunc main() {}\n");
    scratch_put("nested/go.mod", "module example.com/m/nested\n");
    scratch_put("nested/main.go", "package main\n\nfunc main() {}\n");
    scratch_put("linked/go.mod.txt", "module example.com/m/linked\n");
    cr_assert_eq(symlink("go.mod.txt", "linked/go.mod"), 0);
    scratch_put("linked/main.go", "package main\n\nfunc main() {}\n");
    goat_mains mains;
    cr_assert_null(goat_mains_find("example.com/m", NULL, &mains));
    bool upper_walked = access("upper/go.mod", F_OK) != 0; /* a file system that tells case */
    cr_assert_eq(mains.count, upper_walked ? 2 : 1);
    cr_expect_str_eq(mains.items[0].dir, "dangling");
    if (upper_walked)
        cr_expect_str_eq(mains.items[1].dir, "upper");
    goat_mains_free(&mains);
}

/* A file the plan holds is scanned in the plan's text (its bytes on disk
 * when the plan read them), not read again; the others are read. Here the
 * disk says otherwise, so only a scan of the plan's text finds the main
 * package in ".", its import of lib, and main.go as its main file. */
Test(mains, files_the_plan_holds_are_not_read_again)
{
    scratch_put("main.go", "package lib\n");
    scratch_put("lib/lib.go", "package lib\n");
    scratch_put("cmd/tool/tool.go", "package main\n\nfunc main() {}\n");
    static const char planned[] = "package main\n\nimport \"example.com/m/lib\"\n\nfunc main() { lib.F() }\n";
    goat_plan plan;
    goat_plan_init(&plan);
    goat_plan_seed(&plan, "main.go", strdup(planned), strlen(planned));
    goat_mains mains;
    cr_assert_null(goat_mains_find("example.com/m", &plan, &mains));
    cr_assert_eq(mains.count, 2, "found %zu main packages", mains.count);
    cr_expect_str_eq(mains.items[0].dir, ".");
    cr_expect_str_eq(mains.items[0].main_file, "main.go");
    char *dirs = joined_dirs(&mains.items[0]);
    cr_expect_str_eq(dirs, ". lib");
    free(dirs);
    cr_expect_str_eq(mains.items[1].dir, "cmd/tool");
    cr_expect_str_eq(mains.items[1].main_file, "cmd/tool/tool.go");
    goat_mains_free(&mains);
    /* without the plan, the disk's main.go is package lib */
    cr_assert_null(goat_mains_find("example.com/m", NULL, &mains));
    cr_assert_eq(mains.count, 1);
    cr_expect_str_eq(mains.items[0].dir, "cmd/tool");
    goat_mains_free(&mains);
    goat_plan_free(&plan);
}
