/* SPDX-License-Identifier: MIT */
/* For the unit tests that work on files: each test runs in a scratch
 * directory of its own, made and entered before it and removed after it:
 *
 *   TestSuite(name, .init = scratch_enter, .fini = scratch_leave);
 *
 * (Criterion runs each test in a process of its own.) */
#ifndef GOAT_TESTS_UNIT_SCRATCH_H
#define GOAT_TESTS_UNIT_SCRATCH_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch_dir[64];
static char scratch_old_cwd[4096];

static inline void scratch_enter(void)
{
    cr_assert_not_null(getcwd(scratch_old_cwd, sizeof scratch_old_cwd));
    strcpy(scratch_dir, "/tmp/goat-test-XXXXXX");
    cr_assert_not_null(mkdtemp(scratch_dir));
    cr_assert_eq(chdir(scratch_dir), 0);
}

static inline void scratch_leave(void)
{
    cr_assert_eq(chdir(scratch_old_cwd), 0);
    char *cmd = NULL;
    cr_assert(asprintf(&cmd, "rm -rf '%s'", scratch_dir) > 0);
    cr_expect_eq(system(cmd), 0);
    free(cmd);
}

/* Writes text to path, making the directories on the way. */
static inline void scratch_put(const char *path, const char *text)
{
    char *dir = strdup(path);
    for (char *p = dir; (p = strchr(p, '/')); p++) {
        *p = '\0';
        mkdir(dir, 0755);
        *p = '/';
    }
    free(dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fputs(text, f);
    fclose(f);
}

#endif
