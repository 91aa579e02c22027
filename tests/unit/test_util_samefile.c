/* SPDX-License-Identifier: MIT */
/* goat_same_file: one file by identity where it exists (./, .., hard and
 * symbolic links), by the directory it would be made in where it does not;
 * goat_same_file_fd: a path and an open regular file. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <unistd.h>

#include "scratch.h"
#include "util/samefile.h"

TestSuite(samefile, .init = scratch_enter, .fini = scratch_leave);

Test(samefile, existing_files_by_identity)
{
    scratch_put("d/a.json", "{}");
    scratch_put("b.json", "{}");
    cr_assert_eq(link("d/a.json", "hard.json"), 0);
    cr_assert_eq(symlink("d/a.json", "soft.json"), 0);
    cr_expect(goat_same_file("d/a.json", "d/a.json"));
    cr_expect(goat_same_file("./d/a.json", "d/a.json"));
    cr_expect(goat_same_file("d/../d/a.json", "d//a.json"));
    cr_expect(goat_same_file("hard.json", "d/a.json"));
    cr_expect(goat_same_file("soft.json", "d/a.json"));
    char abs[4200];
    snprintf(abs, sizeof abs, "%s/d/a.json", scratch_dir);
    cr_expect(goat_same_file(abs, "d/a.json"));
    /* The same bytes in another file are another file. */
    cr_expect_not(goat_same_file("b.json", "d/a.json"));
    cr_expect_not(goat_same_file("missing.json", "d/a.json"));
    cr_expect_not(goat_same_file("d/a.json", "missing.json"));
}

Test(samefile, missing_files_by_where_they_would_be)
{
    cr_assert_eq(mkdir("d", 0777), 0);
    cr_assert_eq(symlink("d", "link"), 0);
    cr_expect(goat_same_file("x.out", "./x.out"));
    cr_expect(goat_same_file("d/x.out", "./d/../d/x.out"));
    cr_expect(goat_same_file("link/x.out", "d/x.out"));
    cr_expect_not(goat_same_file("d/x.out", "x.out"));
    cr_expect_not(goat_same_file("d/x.out", "d/y.out"));
    /* No such directory: the paths, cleaned. */
    cr_expect(goat_same_file("nodir/x.out", "./nodir//x.out"));
    cr_expect_not(goat_same_file("nodir/x.out", "other/x.out"));
}

Test(samefile, open_file)
{
    scratch_put("a.json", "{}");
    scratch_put("b.json", "{}");
    int fd = open("a.json", O_RDONLY);
    cr_assert_geq(fd, 0);
    cr_expect(goat_same_file_fd("./a.json", fd));
    cr_expect_not(goat_same_file_fd("b.json", fd));
    cr_expect_not(goat_same_file_fd("missing.json", fd));
    close(fd);
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    cr_expect_not(goat_same_file_fd("a.json", fds[0]));
    close(fds[0]);
    close(fds[1]);
}
