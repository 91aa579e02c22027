/* SPDX-License-Identifier: MIT */
/* goat patch: apply hand-placed +goat:insert and +goat:delete markers. */
#include "cmd/project_command.h"

static int run(int argc, char **argv)
{
    return goat_run_project_command(&goat_cmd_patch, argc, argv, GOAT_CONFIG_REQUIRED, goat_run_patch);
}

const goat_command goat_cmd_patch = {
    .name = "patch",
    .summary = "apply hand-placed +goat:insert and +goat:delete markers",
    .help = "usage: goat patch [-v] [--dry-run]\n"
            "\n"
            "Turns each '// +goat:insert' comment line into a tracking point, removes each\n"
            "'// +goat:delete' ... '// +goat:end' block, renumbers every tracking point\n"
            "from 1 (files in path order, each in source order), and regenerates the\n"
            "package and the main entries. With no tracking point left, the generated\n"
            "file is removed. All files are written, or none.\n"
            "\n"
            "Options:\n"
            "  -v, --verbose   log each file and its tracking points on stderr\n"
            "  -n, --dry-run   print the unified diff goat patch would apply; write nothing\n",
    .run = run,
};
