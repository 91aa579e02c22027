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
    char *dir;           /* absolute path of the module root */
    char *module_path;   /* the module directive of go.mod */
    char *config_path;   /* goat.yaml as named ($GOAT_CONFIG or "goat.yaml") */
    goat_config cfg;     /* loaded by goat_project_open when asked to */
    bool config_missing; /* GOAT_CONFIG_IF_PRESENT found none: cfg holds the defaults */
    bool git_initialized;
} goat_project;

/* What a command needs of goat.yaml. */
typedef enum goat_config_need {
    GOAT_CONFIG_NONE,     /* not read (goat init writes it) */
    GOAT_CONFIG_REQUIRED, /* missing is an error */
    /* read when there: the default goat.yaml missing gives the defaults
     * (goat clean, which works from the tree); a file GOAT_CONFIG names
     * must exist, as the user asked for that one */
    GOAT_CONFIG_IF_PRESENT,
} goat_config_need;

/* Checks that the current directory is a Go module root inside a git
 * repository (clear errors otherwise), reads the module path, and
 * goat.yaml as need says. */
goat_error *goat_project_open(goat_project *p, goat_config_need need);
void goat_project_close(goat_project *p);

/* The module path declared by go.mod's text, or an error naming the line. */
goat_error *goat_gomod_module_path(const char *filename, const char *text, size_t len, char **path);

/* The import path of the goat package: MODULE/goatPackagePath. */
char *goat_project_goat_import_path(const goat_project *p);

#endif
