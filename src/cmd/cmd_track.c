/* goat track: insert tracking points into the code changed since oldBranch. */
#include <stdio.h>

#include "cmd/command.h"
#include "project/options.h"
#include "project/project.h"
#include "project/run.h"

static int run(int argc, char **argv)
{
    bool verbose = false, dry_run = false;
    const goat_option opts[] = {
        {"verbose", 'v', GOAT_OPT_BOOL, &verbose, NULL},
        {"dry-run", 'n', GOAT_OPT_BOOL, &dry_run, NULL},
    };
    int rc = goat_parse_options(&goat_cmd_track, argc, argv, opts, sizeof opts / sizeof *opts);
    if (rc != GOAT_EXIT_OK)
        return rc;
    goat_project project;
    goat_error *err = goat_project_open(&project, true);
    if (!err) {
        goat_run_options o = {.verbose = verbose || project.cfg.verbose, .dry_run = dry_run};
        err = goat_run_track(&project, &o);
        goat_project_close(&project);
    }
    if (err) {
        fputs("goat track: ", stderr);
        goat_error_print(err, stderr);
        goat_error_free(err);
        return GOAT_EXIT_FAILURE;
    }
    return GOAT_EXIT_OK;
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
