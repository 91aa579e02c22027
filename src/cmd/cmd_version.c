/* SPDX-License-Identifier: MIT */
#include <stdio.h>

#include <git2.h>

#include "cmd/command.h"
#include "config.h"

static int run(int argc, char **argv)
{
    if (argc > 1)
        return goat_usage_error(&goat_cmd_version, "unexpected argument '%s'", argv[1]);
    int major, minor, rev;
    git_libgit2_version(&major, &minor, &rev);
    printf("goat version %s (libgit2 %d.%d.%d)\n", PACKAGE_VERSION, major, minor, rev);
    return GOAT_EXIT_OK;
}

const goat_command goat_cmd_version = {
    .name = "version",
    .summary = "print goat's version",
    .help = "usage: goat version\n"
            "\n"
            "Prints goat's version and the libgit2 version it uses. Same as 'goat --version'.\n",
    .run = run,
};
