/* SPDX-License-Identifier: MIT */
/* Main packages and components: which directories are main packages (not
 * test files, build-ignored files, vendor, testdata, .git, nested modules;
 * but "_" and "." directories, which `go build ./_x` builds, are), which
 * file declares func main, and the transitive
 * closure of module-internal imports (cycles, aliased, dot and grouped
 * imports, imports of other modules ignored). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "project/mains.h"
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

TestSuite(mains, .init = scratch_enter, .fini = scratch_leave);

Test(mains, components_and_closure)
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
    goat_error *err = goat_mains_find("example.com/m", &mains);
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

Test(mains, none)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("lib/a.go", "package lib\n");
    goat_mains mains;
    cr_assert_null(goat_mains_find("example.com/m", &mains));
    cr_expect_eq(mains.count, 0);
    goat_mains_free(&mains);
}

/* An empty directory has no names to sort (UBSan once caught a NULL
 * array handed to qsort there, after a crash test emptied one). */
Test(mains, empty_directory)
{
    scratch_put("go.mod", "module example.com/m\n");
    scratch_put("main.go", "package main\n\nfunc main() {}\n");
    cr_assert_eq(mkdir("empty", 0755), 0);
    goat_mains mains;
    cr_assert_null(goat_mains_find("example.com/m", &mains));
    cr_expect_eq(mains.count, 1);
    goat_mains_free(&mains);
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
