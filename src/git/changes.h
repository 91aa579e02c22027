/* Which lines of which Go files are new between two commits.
 *
 * All git work goes through libgit2. The repository is discovered from
 * project_dir (the Go module root, where goat.yaml lives); only files below
 * project_dir are reported, with paths relative to it, '/'-separated, sorted
 * bytewise. Line numbers are 1-based lines of the file as committed in
 * new_ref (which must be the commit checked out at HEAD). */
#ifndef GOAT_GIT_CHANGES_H
#define GOAT_GIT_CHANGES_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"
#include "util/lineset.h"

typedef struct goat_change_options {
    const char *project_dir;
    const char *old_ref;  /* any revspec; "INIT": every line of every file is new */
    const char *new_ref;  /* any revspec; "" means HEAD */
    int precision;        /* 1 blame, 2 diff with renames, 3 diff without */
    int threads;          /* >= 1; the result does not depend on it */
    const char *const *ignores; /* goat.yaml `ignores`: exact paths or path prefixes */
    size_t ignore_count;
    bool skip_nested_modules;
    const char *goat_package_path; /* the generated package's directory, skipped */
    bool verbose;          /* log skipped files and why, on stderr */
} goat_change_options;

typedef struct goat_changed_file {
    char *path;          /* relative to project_dir */
    goat_lineset lines;  /* frozen; non-empty */
} goat_changed_file;

typedef struct goat_changes {
    goat_changed_file *files; /* sorted by path */
    size_t count;
} goat_changes;

goat_error *goat_changes_compute(const goat_change_options *opts, goat_changes *out);
void goat_changes_free(goat_changes *changes);

#endif
