/* SPDX-License-Identifier: MIT */
/* Test driver for src/git: prints what goat_changes_compute finds, one
 * line per file, "path: 1,2,5-9" (with " (all)" when every line of the file
 * is new), or with --list the files goat_list_project_files walks to.
 * With --texts the analysis hands over the texts it read from the working
 * tree (keep_texts), and each file that has one ends in " [text]" when it
 * is the file's bytes on disk, " [text differs from the file]" when not.
 *
 *   changes_dump [--dir D] [--old REF] [--new REF] [--precision N]
 *                [--threads N] [--ignore ENTRY]... [--package DIR]
 *                [--no-skip-nested] [--verbose] [--list] [--texts]
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "git/changes.h"
#include "git/filter.h"
#include "util/file.h"
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

/* Whether the text the analysis handed over is the file's bytes on disk
 * (the NUL after them included, as util/file.h promises). */
static bool same_as_file(const char *dir, const goat_changed_file *file)
{
    char *path = goat_xasprintf("%s/%s", dir, file->path);
    char *disk = NULL;
    size_t len = 0;
    goat_error *err = goat_read_file(path, &disk, &len);
    bool same = !err && len == file->text_len && memcmp(disk, file->text, len + 1) == 0;
    goat_error_free(err);
    free(disk);
    free(path);
    return same;
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
    enum { OPT_DIR = 1, OPT_OLD, OPT_NEW, OPT_PRECISION, OPT_THREADS, OPT_IGNORE, OPT_PACKAGE, OPT_NO_NESTED, OPT_VERBOSE, OPT_LIST,
           OPT_TEXTS };
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
        {"texts", no_argument, NULL, OPT_TEXTS},
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
        case OPT_TEXTS: opts.keep_texts = true; break;
        default:
            fprintf(stderr, "usage: changes_dump [--dir D] [--old REF] [--new REF] [--precision N] [--threads N]\n"
                            "       [--ignore ENTRY]... [--package DIR] [--no-skip-nested] [--verbose] [--list] [--texts]\n");
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
                printf("%s", changes.files[i].lines.all ? " (all)" : "");
                if (changes.files[i].text)
                    printf(" [text%s]", same_as_file(opts.project_dir, &changes.files[i]) ? "" : " differs from the file");
                putchar('\n');
            }
            goat_changes_free(&changes);
        }
    }
    free(ignores);
    return status;
}
