/* SPDX-License-Identifier: MIT */
#include "cmd/project_command.h"

#include <stdio.h>

#include "cmd/options.h"

int goat_run_project_command(const goat_command *cmd, int argc, char **argv, goat_config_need need,
                             goat_project_run_fn fn)
{
    bool verbose = false, dry_run = false;
    const goat_option opts[] = {
        {"verbose", 'v', GOAT_OPT_BOOL, &verbose, NULL},
        {"dry-run", 'n', GOAT_OPT_BOOL, &dry_run, NULL},
    };
    int rc = goat_parse_options(cmd, argc, argv, opts, sizeof opts / sizeof *opts);
    if (rc != GOAT_EXIT_OK)
        return rc;
    goat_project project;
    goat_error *err = goat_project_open(&project, need);
    if (!err) {
        goat_run_options o = {.verbose = verbose || project.cfg.verbose, .dry_run = dry_run};
        err = fn(&project, &o);
        goat_project_close(&project);
    }
    if (err) {
        fprintf(stderr, "goat %s: ", cmd->name);
        goat_error_print(err, stderr);
        goat_error_free(err);
        return GOAT_EXIT_FAILURE;
    }
    return GOAT_EXIT_OK;
}
