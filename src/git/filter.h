/* SPDX-License-Identifier: MIT */
/* Which files of a project goat looks at, shared by the git analysis
 * (track) and the working-tree walk (patch, clean).
 *
 * A file counts when it ends in ".go", not "_test.go", and no directory
 * component is vendor, testdata, node_modules or .git; it is not under the
 * generated package's directory, not matched by an `ignores` entry, and
 * (with skip_nested_modules) no directory between it and the project root
 * holds its own go.mod (checked on disk, below project_dir only).
 *
 * An `ignores` entry (leading "./" and trailing "/" dropped; empty entries
 * ignored) names a file or a directory and everything below it: it matches
 * a file when it equals the file's path or the path of one of the file's
 * directories. "pkg/gen" skips pkg/gen/x.go and pkg/gen/a/y.go but not
 * pkg/generated/z.go (the reference compares bytes, so it skips that one
 * too; goat.yaml's documentation promises a directory, and we keep that
 * promise); "cmd/main.go" skips that one file.
 *
 * Beyond that, goat_filter_content skips files whose header marks them
 * generated (a `// Code generated ... DO NOT EDIT.` line comment before the
 * package clause, the Go convention) and files whose build constraint
 * (`//go:build`, or the older `// +build` lines when there is none) can
 * never hold because it requires the tag `ignore`. */
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

/* The same decisions without logging: why the file is skipped, or NULL
 * when it counts. The reasons are static strings. goat_filter_path_reason
 * caches nested-module lookups, so one filter serves one thread at a time;
 * goat_filter_content_reason reads nothing but its arguments and may be
 * called from any thread. */
const char *goat_filter_path_reason(goat_filter *filter, const char *relpath);
const char *goat_filter_content_reason(const char *src, size_t len);
/* Why a directory of this name is never looked into (vendor, testdata,
 * node_modules, .git), or NULL. */
const char *goat_filter_dir_name_reason(const char *name, size_t len);
/* Whether the build constraint before src's package clause (its
 * //go:build line, else its // +build lines) holds when exactly the tags
 * is_set accepts are set; true without a constraint, and for one that
 * does not parse. */
bool goat_build_constraint_holds(const char *src, size_t len, bool (*is_set)(const char *tag, size_t len, void *ctx),
                                 void *ctx);
/* Prints "goat: skipping PATH: REASON" when the filter is verbose. */
void goat_filter_log_skip(const goat_filter *filter, const char *relpath, const char *reason);

/* Lists the project's Go files on disk that pass both filters, sorted, as
 * relative paths; never follows a symbolic link. */
goat_error *goat_list_project_files(goat_filter *filter, char ***paths, size_t *count);
void goat_free_paths(char **paths, size_t count);

#endif
