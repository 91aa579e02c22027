/* SPDX-License-Identifier: MIT */
/* `goat rewrite`: the rewriter on single files, without git or goat.yaml.
 * Prints the result to stdout, or with --out-dir writes one file per input
 * (so a test can rewrite thousands of files in one run). */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd/command.h"
#include "rewrite/rewrite.h"
#include "util/file.h"
#include "util/lineset.h"
#include "util/xalloc.h"


enum mode { MODE_TRACK, MODE_CLEAN, MODE_PATCH, MODE_MAIN };

enum { MAX_TREE_PATHS = 16 };

/* "all", or "3-7,12". */
static int parse_lines(const char *spec, goat_lineset *set)
{
    if (strcmp(spec, "all") == 0) {
        set->all = true;
        return 0;
    }
    const char *p = spec;
    while (*p) {
        char *end;
        long a = strtol(p, &end, 10);
        if (end == p || a < 1)
            return -1;
        long b = a;
        p = end;
        if (*p == '-') {
            p++;
            b = strtol(p, &end, 10);
            if (end == p || b < a)
                return -1;
            p = end;
        }
        if (a > 100000000 || b > 100000000)
            return -1;
        goat_lineset_add_range(set, (int)a, (int)b);
        if (*p == ',')
            p++;
        else if (*p)
            return -1;
    }
    goat_lineset_freeze(set);
    return 0;
}

/* DIR/path with every '/' of path turned into "__". */
static char *out_path(const char *dir, const char *path)
{
    size_t n = strlen(dir) + 2 * strlen(path) + 2;
    char *s = goat_xmalloc(n);
    char *q = s + sprintf(s, "%s/", dir);
    for (const char *p = path; *p; p++) {
        if (*p == '/') {
            if (p == path)
                continue;
            *q++ = '_';
            *q++ = '_';
        } else {
            *q++ = *p;
        }
    }
    *q = '\0';
    return s;
}

static int write_out(const char *dir, const char *path, const char *text, size_t len)
{
    if (!dir) {
        if (fwrite(text, 1, len, stdout) != len)
            return -1;
        return 0;
    }
    char *target = out_path(dir, path);
    FILE *f = fopen(target, "wb");
    int rc = 0;
    if (!f || fwrite(text, 1, len, f) != len)
        rc = -1;
    if (f && fclose(f) != 0)
        rc = -1;
    if (rc)
        fprintf(stderr, "goat rewrite: %s: %s\n", target, strerror(errno));
    free(target);
    return rc;
}

/* The point table, one row a point: ID, line, function, lines, kind. */
static void print_points(const char *file, const goat_rewrite_result *res, int first_id)
{
    if (file)
        printf("== %s\n", file);
    for (int i = 0; i < res->points; i++) {
        const goat_rewrite_point *pt = &res->table[i];
        printf("TRACK_ID_%d\t%d\t%s\t%s\t%s\n", first_id + i, pt->line, pt->func[0] ? pt->func : "-",
               pt->lines[0] ? pt->lines : "-", pt->insert ? "insert" : "track");
    }
}

static int run_files(int argc, char **argv, const goat_rewrite_options *o, enum mode mode, const char *lines_spec,
                     const char *out_dir, int component, bool count, bool points);

static int run(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"granularity", required_argument, NULL, 'g'},
        {"lines", required_argument, NULL, 'l'},
        {"alias", required_argument, NULL, 'a'},
        {"import-path", required_argument, NULL, 'i'},
        {"first-id", required_argument, NULL, 'f'},
        {"out-dir", required_argument, NULL, 'o'},
        {"clean", no_argument, NULL, 'c'},
        {"patch", no_argument, NULL, 'p'},
        {"main-entry", required_argument, NULL, 'm'},
        {"count", no_argument, NULL, 'n'},
        {"points", no_argument, NULL, 't'},
        {"goat-import-path", required_argument, NULL, 'G'},
        {NULL, 0, NULL, 0},
    };
    /* every --goat-import-path, NULL-terminated */
    const char *tree_paths[MAX_TREE_PATHS + 1] = {NULL};
    size_t tree_count = 0;
    goat_rewrite_options opts = {.granularity = GOAT_GRANULARITY_PATCH, .alias = "goat", .import_path = "goat", .first_id = 1};
    const char *lines_spec = NULL, *out_dir = NULL;
    enum mode mode = MODE_TRACK;
    int component = 0;
    bool count = false, points = false;
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (ch) {
        case 'g': {
            int g = goat_granularity_parse(optarg);
            if (g < 0)
                return goat_usage_error(&goat_cmd_rewrite, "unknown granularity '%s' (line, patch, scope, func)", optarg);
            opts.granularity = (goat_granularity)g;
            break;
        }
        case 'l':
            lines_spec = optarg;
            break;
        case 'a':
            opts.alias = optarg;
            break;
        case 'i':
            opts.import_path = optarg;
            break;
        case 'f': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 1 || v > 1000000000)
                return goat_usage_error(&goat_cmd_rewrite, "--first-id wants a number >= 1, not '%s'", optarg);
            opts.first_id = (int)v;
            break;
        }
        case 'o':
            out_dir = optarg;
            break;
        case 'c':
            mode = MODE_CLEAN;
            break;
        case 'p':
            mode = MODE_PATCH;
            break;
        case 'm': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || end == optarg || v < 0 || v > 1000000)
                return goat_usage_error(&goat_cmd_rewrite, "--main-entry wants a component number, not '%s'", optarg);
            component = (int)v;
            mode = MODE_MAIN;
            break;
        }
        case 'n':
            count = true;
            break;
        case 't':
            points = true;
            opts.table = true;
            break;
        case 'G':
            if (tree_count == MAX_TREE_PATHS)
                return goat_usage_error(&goat_cmd_rewrite, "at most %d --goat-import-path", MAX_TREE_PATHS);
            tree_paths[tree_count++] = optarg;
            break;
        default:
            return goat_usage_error(&goat_cmd_rewrite, "unknown option '%s'", argv[optind - 1]);
        }
    }
    opts.tree_import_paths = tree_paths;
    return run_files(argc, argv, &opts, mode, lines_spec, out_dir, component, count, points);
}

static int run_files(int argc, char **argv, const goat_rewrite_options *o, enum mode mode, const char *lines_spec,
                     const char *out_dir, int component, bool count, bool points)
{
    goat_rewrite_options opts = *o;
    if (optind >= argc)
        return goat_usage_error(&goat_cmd_rewrite, "no FILE given");
    if (points && mode != MODE_TRACK && mode != MODE_PATCH)
        return goat_usage_error(&goat_cmd_rewrite, "--points needs tracking (--lines) or --patch");
    if (argc - optind > 1 && !out_dir && !count && !points)
        return goat_usage_error(&goat_cmd_rewrite, "several files need --out-dir DIR");
    goat_lineset lines = GOAT_LINESET_INIT;
    if (mode == MODE_TRACK && !lines_spec)
        return goat_usage_error(&goat_cmd_rewrite, "--lines is required (e.g. --lines 3-7,12 or --lines all)");
    if (lines_spec && (mode == MODE_TRACK || mode == MODE_PATCH)) {
        if (mode == MODE_PATCH)
            opts.changed = &lines;
        if (parse_lines(lines_spec, &lines) != 0) {
            goat_lineset_free(&lines);
            return goat_usage_error(&goat_cmd_rewrite, "bad --lines '%s'", lines_spec);
        }
    }
    if (out_dir && mkdir(out_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "goat rewrite: %s: %s\n", out_dir, strerror(errno));
        goat_lineset_free(&lines);
        return GOAT_EXIT_FAILURE;
    }
    int status = GOAT_EXIT_OK;
    for (int i = optind; i < argc; i++) {
        char *src;
        size_t len;
        goat_error *err = goat_read_file(argv[i], &src, &len);
        goat_rewrite_result res = {0};
        if (!err) {
            switch (mode) {
            case MODE_TRACK:
                err = goat_rewrite_track(argv[i], src, len, &lines, &opts, &res);
                break;
            case MODE_CLEAN:
                err = goat_rewrite_clean(argv[i], src, len, &opts, &res);
                break;
            case MODE_PATCH:
                err = goat_rewrite_patch(argv[i], src, len, &opts, &res);
                break;
            case MODE_MAIN:
                err = goat_rewrite_main_entry(argv[i], src, len, &opts, component, &res);
                break;
            }
            free(src);
        }
        if (err) {
            goat_error_print(err, stderr);
            goat_error_free(err);
            status = GOAT_EXIT_FAILURE;
            continue;
        }
        if (count)
            printf("%s: %d\n", argv[i], res.points);
        else if (points)
            print_points(argc - optind > 1 ? argv[i] : NULL, &res, opts.first_id);
        else if (write_out(out_dir, argv[i], res.text, res.len) != 0)
            status = GOAT_EXIT_FAILURE;
        goat_rewrite_result_free(&res);
    }
    goat_lineset_free(&lines);
    return status;
}

const goat_command goat_cmd_rewrite = {
    .name = "rewrite",
    .summary = "rewrite single Go files (tracking blocks, clean, patch) without git",
    .help = "usage: goat rewrite [options] FILE...\n"
            "\n"
            "Runs the rewriter on each FILE and prints the result to stdout\n"
            "(or writes DIR/PATH with '/' turned into \"__\" under --out-dir).\n"
            "\n"
            "  --granularity G     line, patch (default), scope or func\n"
            "  --lines SPEC        new lines: 3-7,12 or all (required to track)\n"
            "  --alias A           the goat package's import alias (default goat)\n"
            "  --import-path P     the goat package's import path (default goat)\n"
            "  --first-id N        TRACK_ID of the first block (default 1)\n"
            "  --clean             remove goat's blocks, openings and import instead\n"
            "  --patch             apply +goat:insert / +goat:delete and renumber\n"
            "  --main-entry N      add the +goat:main block for COMPONENT_N to func main\n"
            "  --out-dir DIR       write results under DIR (needed for several files)\n"
            "  --count             print FILE: blocks instead of the text\n"
            "  --points            print the point table instead of the text: per point\n"
            "                      TRACK_ID, line, function, changed lines, kind\n"
            "                      (tab-separated; - for none)\n"
            "  --goat-import-path P  another import path of the goat package, whose imports\n"
            "                      clean and patch treat as goat's under any name (repeatable)\n",
    .run = run,
};
