/* SPDX-License-Identifier: MIT */
/* goat track: insert tracking points into the code changed since oldBranch. */
#include "cmd/project_command.h"

static int run(int argc, char **argv)
{
    return goat_run_project_command(&goat_cmd_track, argc, argv, GOAT_CONFIG_REQUIRED, goat_run_track);
}

const goat_command goat_cmd_track = {
    .name = "track",
    .summary = "insert tracking points into the code changed since oldBranch",
    .help = "usage: goat track [-v] [--dry-run]\n"
            "\n"
            "Finds the Go lines that changed between oldBranch and newBranch (goat.yaml),\n"
            "inserts a tracking point in the function bodies holding them (granularity\n"
            "decides how many), writes the generated package goatPackagePath/\n"
            "goat_generated.go, and inserts a call starting its HTTP server at the top of\n"
            "func main of each main package mainEntries selects. Tracking points are\n"
            "numbered from 1, files in path order, each file in source order.\n"
            "Every file is computed and checked first; then all are written, or none.\n"
            "Refuses to run when the generated file exists: run 'goat clean' first.\n"
            "\n"
            "Options:\n"
            "  -v, --verbose   log each file and its tracking points on stderr\n"
            "  -n, --dry-run   print the unified diff goat track would apply; write nothing\n",
    .run = run,
};
