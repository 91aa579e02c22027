/* SPDX-License-Identifier: MIT */
/* The goat package in the module's working tree, as it is, whatever
 * goat.yaml says now.
 *
 * A goat package is a directory holding a file GOAT_GEN_FILE_NAME whose
 * first line is GOAT_GEN_HEADER. clean and patch find every one (an earlier
 * goatPackagePath leaves one elsewhere), so that they remove the packages
 * and recognise the imports of them (rewrite.h, "goat's imports"). track
 * refuses to put its package into a directory holding other Go code, and
 * refuses an alias that a package-level declaration of a package it
 * imports the goat package into already takes (clash.h). */
#ifndef GOAT_PROJECT_GOAT_PACKAGE_H
#define GOAT_PROJECT_GOAT_PACKAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "project/plan.h"
#include "project/project.h"
#include "util/error.h"

typedef struct goat_found_package {
    char *dir;         /* relative to the module root */
    char *file;        /* dir/GOAT_GEN_FILE_NAME */
    char *import_path; /* MODULE/dir */
    char *stray;       /* the first other .go file of dir (by name), or NULL */
} goat_found_package;

typedef struct goat_found_packages {
    goat_found_package *items; /* by directory */
    size_t count;
    const char **import_paths; /* the items' import paths, NULL-terminated */
} goat_found_packages;

/* Every goat package below the module root: the walk skips .git, vendor,
 * testdata, node_modules and nested modules (directories with a go.mod)
 * and never follows a symbolic link; goatPackagePath is looked at even
 * when the walk skips it. A goatPackagePath/GOAT_GEN_FILE_NAME without
 * the header is an error (goat did not write it and leaves it alone),
 * unless goat.yaml is missing (p->config_missing): nobody named it then. */
goat_error *goat_find_goat_packages(const goat_project *p, goat_found_packages *out);
void goat_found_packages_free(goat_found_packages *found);

/* Whether text starts with GOAT_GEN_HEADER on a line of its own. */
bool goat_is_generated_text(const char *text, size_t len);

/* Before anything is computed: goatPackagePath must be missing or a
 * directory without Go files, or (when tracked, for patch) goat's package.
 * The error names goat.yaml's key, the directory and what to do: choose
 * another directory when it holds other Go code or is not a directory;
 * for track, run goat clean (or goat patch) when the goat package is
 * already there. */
goat_error *goat_check_package_dir(const goat_project *p, bool tracked);

/* For every Go file the plan would write that imports import_path as
 * alias, no Go file of its package (the Go files of its directory whose
 * package clause names the same package, build constraints regardless) may
 * declare alias at package level. The error names the declaration's
 * FILE:LINE:COL, in the text on disk. */
goat_error *goat_check_alias_in_packages(goat_plan *plan, const char *alias, const char *import_path);

#endif
