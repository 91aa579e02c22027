/* SPDX-License-Identifier: MIT */
/* What `goat track`, `goat patch` and `goat clean` share: the same two
 * flags (-v, --dry-run), opening the project (goat.yaml, module, git), one
 * run over it, and an error printed as "goat CMD: FILE:LINE:COL: message". */
#ifndef GOAT_CMD_PROJECT_COMMAND_H
#define GOAT_CMD_PROJECT_COMMAND_H

#include "cmd/command.h"
#include "project/project.h"
#include "project/run.h"

typedef goat_error *(*goat_project_run_fn)(goat_project *project, const goat_run_options *options);

/* Parses argv for cmd, runs fn on the project opened with goat.yaml as need
 * says; returns an exit status. */
int goat_run_project_command(const goat_command *cmd, int argc, char **argv, goat_config_need need,
                             goat_project_run_fn fn);

#endif
