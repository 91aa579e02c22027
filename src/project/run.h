/* SPDX-License-Identifier: MIT */
/* The work behind `goat track`, `goat patch` and `goat clean`, run from the
 * module root with goat.yaml loaded (for clean, its defaults when there is
 * none: p->config_missing). Each computes every new file in memory,
 * checks that each Go file it would write parses, and then writes them all
 * in one transaction (or, with dry_run, prints the unified diff instead).
 * On error nothing is written. Progress goes to stderr, the summary to
 * stdout (to stderr with dry_run, so stdout is exactly the diff). */
#ifndef GOAT_PROJECT_RUN_H
#define GOAT_PROJECT_RUN_H

#include <stdbool.h>

#include "project/project.h"
#include "util/error.h"

typedef struct goat_run_options {
    bool verbose; /* -v, or verbose: true in goat.yaml */
    bool dry_run;
} goat_run_options;

/* Inserts tracking points where code changed between oldBranch and
 * newBranch, the generated package, and the main entries. Refuses to run
 * when the generated file exists. Track and patch refuse a point table
 * larger than goat report reads (gen/limits.h), naming goat.yaml. */
goat_error *goat_run_track(goat_project *p, const goat_run_options *o);
/* Applies // +goat:insert and // +goat:delete markers, renumbers every
 * point from 1 in path order, regenerates the package and main entries. */
goat_error *goat_run_patch(goat_project *p, const goat_run_options *o);
/* Removes everything goat added. */
goat_error *goat_run_clean(goat_project *p, const goat_run_options *o);

#endif
