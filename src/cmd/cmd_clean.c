/* goat clean: remove everything goat added. */
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
    int rc = goat_parse_options(&goat_cmd_clean, argc, argv, opts, sizeof opts / sizeof *opts);
    if (rc != GOAT_EXIT_OK)
        return rc;
    goat_project project;
    goat_error *err = goat_project_open(&project, true);
    if (!err) {
        goat_run_options o = {.verbose = verbose || project.cfg.verbose, .dry_run = dry_run};
        err = goat_run_clean(&project, &o);
        goat_project_close(&project);
    }
    if (err) {
        fputs("goat clean: ", stderr);
        goat_error_print(err, stderr);
        goat_error_free(err);
        return GOAT_EXIT_FAILURE;
    }
    return GOAT_EXIT_OK;
}

const goat_command goat_cmd_clean = {
    .name = "clean",
    .summary = "remove everything goat added",
    .help = "usage: goat clean [-v] [--dry-run]\n"
            "\n"
            "Removes every tracking block, main entry and goat import from the project's\n"
            "Go files, restoring them byte for byte, deletes the generated file and the\n"
            "goat package directory when it is left empty. All files are written, or none.\n"
            "\n"
            "Options:\n"
            "  -v, --verbose   log each file cleaned on stderr\n"
            "  -n, --dry-run   print the unified diff goat clean would apply; write nothing\n",
    .run = run,
};
