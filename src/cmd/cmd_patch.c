/* goat patch: apply hand-placed +goat:insert and +goat:delete markers. */
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
    int rc = goat_parse_options(&goat_cmd_patch, argc, argv, opts, sizeof opts / sizeof *opts);
    if (rc != GOAT_EXIT_OK)
        return rc;
    goat_project project;
    goat_error *err = goat_project_open(&project, true);
    if (!err) {
        goat_run_options o = {.verbose = verbose || project.cfg.verbose, .dry_run = dry_run};
        err = goat_run_patch(&project, &o);
        goat_project_close(&project);
    }
    if (err) {
        fputs("goat patch: ", stderr);
        goat_error_print(err, stderr);
        goat_error_free(err);
        return GOAT_EXIT_FAILURE;
    }
    return GOAT_EXIT_OK;
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
