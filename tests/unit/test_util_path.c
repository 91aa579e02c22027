/* SPDX-License-Identifier: MIT */
/* Lexical path cleaning and joining, checked against what Go's
 * path/filepath.Clean and Join return for the same inputs. */
#include <criterion/criterion.h>
#include <stdlib.h>

#include "util/path.h"

static void expect_clean(const char *in, const char *want)
{
    char *got = goat_path_clean(in);
    cr_expect_str_eq(got, want, "Clean(%s)", in);
    free(got);
}

Test(path, clean_like_filepath_clean)
{
    expect_clean("", ".");
    expect_clean(".", ".");
    expect_clean("./", ".");
    expect_clean("/", "/");
    expect_clean("//a//b/", "/a/b");
    expect_clean("a/./b/.", "a/b");
    expect_clean("a/b/../c", "a/c");
    expect_clean("a/../..", "..");
    expect_clean("../../x", "../../x");
    expect_clean("a/../../x/./y/..", "../x");
    expect_clean("/../a", "/a");
    expect_clean("/a/b/../../..", "/");
    expect_clean("...", "...");
    expect_clean("a/..b/.c", "a/..b/.c");
}

Test(path, join_cleans_and_skips_an_empty_dir)
{
    char *a = goat_path_join("", "./x.go");
    cr_expect_str_eq(a, "x.go");
    char *b = goat_path_join("test/fixedbugs/", "issue15611.go");
    cr_expect_str_eq(b, "test/fixedbugs/issue15611.go");
    char *c = goat_path_join("dir/", "../sub/./x.go");
    cr_expect_str_eq(c, "sub/x.go");
    char *d = goat_path_join("/", "x");
    cr_expect_str_eq(d, "/x");
    free(a);
    free(b);
    free(c);
    free(d);
}
