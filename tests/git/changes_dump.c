/* SPDX-License-Identifier: MIT */
/* Test driver for src/git: prints what goat_changes_compute finds, one
 * line per file, "path: 1,2,5-9" (with " (all)" when every line of the file
 * is new), or with --list the files goat_list_project_files walks to.
 *
 *   changes_dump [--dir D] [--old REF] [--new REF] [--precision N]
 *                [--threads N] [--ignore ENTRY]... [--package DIR]
 *                [--no-skip-nested] [--verbose] [--list]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "git/changes.h"
#include "git/filter.h"
#include "util/xalloc.h"

static void print_lines(const goat_lineset *set)
{
    for (size_t i = 0; i < set->count;) {
        size_t j = i;
        while (j + 1 < set->count && set->lines[j + 1] == set->lines[j] + 1)
            j++;
        printf("%s%d", i ? "," : "", set->lines[i]);
        if (j > i)
            printf("-%d", set->lines[j]);
        i = j + 1;
    }
}

int main(int argc, char **argv)
{
    goat_change_options opts = {
        .project_dir = ".",
        .old_ref = "main",
        .new_ref = "",
        .precision = 2,
        .threads = 1,
        .skip_nested_modules = true,
        .goat_package_path = "goat",
    };
    const char **ignores = goat_xcalloc((size_t)argc, sizeof *ignores);
    size_t ignore_count = 0;
    int list = 0;
    enum { OPT_DIR = 1, OPT_OLD, OPT_NEW, OPT_PRECISION, OPT_THREADS, OPT_IGNORE, OPT_PACKAGE, OPT_NO_NESTED, OPT_VERBOSE, OPT_LIST };
    static const struct option longopts[] = {
        {"dir", required_argument, NULL, OPT_DIR},
        {"old", required_argument, NULL, OPT_OLD},
        {"new", required_argument, NULL, OPT_NEW},
        {"precision", required_argument, NULL, OPT_PRECISION},
        {"threads", required_argument, NULL, OPT_THREADS},
        {"ignore", required_argument, NULL, OPT_IGNORE},
        {"package", required_argument, NULL, OPT_PACKAGE},
        {"no-skip-nested", no_argument, NULL, OPT_NO_NESTED},
        {"verbose", no_argument, NULL, OPT_VERBOSE},
        {"list", no_argument, NULL, OPT_LIST},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case OPT_DIR: opts.project_dir = optarg; break;
        case OPT_OLD: opts.old_ref = optarg; break;
        case OPT_NEW: opts.new_ref = optarg; break;
        case OPT_PRECISION: opts.precision = atoi(optarg); break;
        case OPT_THREADS: opts.threads = atoi(optarg); break;
        case OPT_IGNORE: ignores[ignore_count++] = optarg; break;
        case OPT_PACKAGE: opts.goat_package_path = optarg; break;
        case OPT_NO_NESTED: opts.skip_nested_modules = false; break;
        case OPT_VERBOSE: opts.verbose = true; break;
        case OPT_LIST: list = 1; break;
        default:
            fprintf(stderr, "usage: changes_dump [--dir D] [--old REF] [--new REF] [--precision N] [--threads N]\n"
                            "       [--ignore ENTRY]... [--package DIR] [--no-skip-nested] [--verbose] [--list]\n");
            return 2;
        }
    }
    opts.ignores = ignores;
    opts.ignore_count = ignore_count;
    int status = 0;
    if (list) {
        goat_filter_options fo = {
            .project_dir = opts.project_dir,
            .ignores = ignores,
            .ignore_count = ignore_count,
            .skip_nested_modules = opts.skip_nested_modules,
            .goat_package_path = opts.goat_package_path,
            .verbose = opts.verbose,
        };
        goat_filter *filter = goat_filter_new(&fo);
        char **paths = NULL;
        size_t count = 0;
        goat_error *err = goat_list_project_files(filter, &paths, &count);
        if (err) {
            goat_error_print(err, stderr);
            goat_error_free(err);
            status = 1;
        }
        for (size_t i = 0; i < count; i++)
            printf("%s\n", paths[i]);
        goat_free_paths(paths, count);
        goat_filter_free(filter);
    } else {
        goat_changes changes;
        goat_error *err = goat_changes_compute(&opts, &changes);
        if (err) {
            goat_error_print(err, stderr);
            goat_error_free(err);
            status = 1;
        } else {
            for (size_t i = 0; i < changes.count; i++) {
                printf("%s: ", changes.files[i].path);
                print_lines(&changes.files[i].lines);
                printf("%s\n", changes.files[i].lines.all ? " (all)" : "");
            }
            goat_changes_free(&changes);
        }
    }
    free(ignores);
    return status;
}
