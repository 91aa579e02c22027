/* Which files of a project goat looks at, shared by the git analysis
 * (track) and the working-tree walk (patch, clean).
 *
 * A file counts when it ends in ".go", not "_test.go", and no path component
 * is vendor, testdata, node_modules or .git; it is not under the generated
 * package's directory, an `ignores` entry (exact path or path prefix, as
 * the reference matches them), or (with skip_nested_modules) a directory
 * below the project root holding its own go.mod. Beyond that, files whose
 * header marks them generated (`// Code generated ... DO NOT EDIT.` before
 * the package clause) and files with a `//go:build ignore` constraint are
 * skipped by goat_filter_content. */
#ifndef GOAT_GIT_FILTER_H
#define GOAT_GIT_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

typedef struct goat_filter goat_filter;

typedef struct goat_filter_options {
    const char *project_dir;
    const char *const *ignores;
    size_t ignore_count;
    bool skip_nested_modules;
    const char *goat_package_path;
    bool verbose; /* say on stderr why each file is skipped */
} goat_filter_options;

goat_filter *goat_filter_new(const goat_filter_options *opts);
/* By path alone (relative to project_dir, '/'-separated). */
bool goat_filter_path(goat_filter *filter, const char *relpath);
/* By content: false for generated and build-ignored files. */
bool goat_filter_content(goat_filter *filter, const char *relpath, const char *src, size_t len);
void goat_filter_free(goat_filter *filter);

/* Lists the project's Go files on disk that pass both filters, sorted, as
 * relative paths; never follows a symbolic link. */
goat_error *goat_list_project_files(goat_filter *filter, char ***paths, size_t *count);
void goat_free_paths(char **paths, size_t count);

#endif
