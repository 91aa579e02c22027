/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include <git2.h>

#include "cmd/command.h"
#include "goat-version.h"

static int run(int argc, char **argv)
{
    if (argc > 1)
        return goat_usage_error(&goat_cmd_version, "unexpected argument '%s'", argv[1]);
    int major, minor, rev;
    git_libgit2_version(&major, &minor, &rev);
    printf("goat version %s (libgit2 %d.%d.%d)\n", GOAT_VERSION, major, minor, rev);
    return GOAT_EXIT_OK;
}

const goat_command goat_cmd_version = {
    .name = "version",
    .summary = "print goat's version",
    .help = "usage: goat version\n"
            "\n"
            "Prints goat's version and the libgit2 version it uses. Same as 'goat --version'.\n"
            "Built from a git checkout, the version is what 'git describe' said at build\n"
            "time: 0.1.0-12-g58bfb45 is commit 58bfb45, 12 commits after version 0.1.0,\n"
            "and a -dirty suffix means the tree had changes not committed.\n",
    .run = run,
};
