/* SPDX-License-Identifier: MIT */
/* goat clean: remove everything goat added. */
#include "cmd/project_command.h"

/* clean works from the tree (the goat packages and the blocks), so it needs
 * no goat.yaml, which is untracked and easily lost (git stash -u, a fresh
 * checkout of a tracked tree). */
static int run(int argc, char **argv)
{
    return goat_run_project_command(&goat_cmd_clean, argc, argv, GOAT_CONFIG_IF_PRESENT, goat_run_clean);
}

const goat_command goat_cmd_clean = {
    .name = "clean",
    .summary = "remove everything goat added",
    .help = "usage: goat clean [-v] [--dry-run]\n"
            "\n"
            "Removes every tracking block, main entry and goat import from the project's\n"
            "Go files, restoring them byte for byte, deletes the generated file and the\n"
            "goat package directory when it is left empty, with each parent directory that\n"
            "leaves empty (up to the module root). All files are written, or none.\n"
            "Without goat.yaml it works from the tree alone, with the default settings.\n"
            "\n"
            "Options:\n"
            "  -v, --verbose   log each file cleaned on stderr\n"
            "  -n, --dry-run   print the unified diff goat clean would apply; write nothing\n",
    .run = run,
};
