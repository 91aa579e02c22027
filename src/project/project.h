/* SPDX-License-Identifier: MIT */
/* The project goat works on: the Go module in the current directory, inside
 * a git repository, configured by goat.yaml.
 *
 * goat runs from the module root (the directory holding go.mod); every path
 * it reports or writes is relative to that root and never leaves it. */
#ifndef GOAT_PROJECT_PROJECT_H
#define GOAT_PROJECT_PROJECT_H

#include <stdbool.h>

#include "config/config.h"
#include "util/error.h"

typedef struct goat_project {
    char *dir;         /* absolute path of the module root */
    char *module_path; /* the module directive of go.mod */
    char *config_path; /* goat.yaml as named ($GOAT_CONFIG or "goat.yaml") */
    goat_config cfg;   /* loaded by goat_project_open when asked to */
    bool git_initialized;
} goat_project;

/* Checks that the current directory is a Go module root inside a git
 * repository (clear errors otherwise), reads the module path, and with
 * load_config reads goat.yaml. */
goat_error *goat_project_open(goat_project *p, bool load_config);
void goat_project_close(goat_project *p);

/* The module path declared by go.mod's text, or an error naming the line. */
goat_error *goat_gomod_module_path(const char *filename, const char *text, size_t len, char **path);

/* The import path of the goat package: MODULE/goatPackagePath. */
char *goat_project_goat_import_path(const goat_project *p);

#endif
