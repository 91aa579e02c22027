/* SPDX-License-Identifier: MIT */
/* Test driver: renders the generated Go package from command-line values.
 *
 *   gen_render [--package NAME] [--name APP] [--version V] [--ids N]
 *              [--count] [--race] [--component NAME=IDS]... [--commit C]
 *              [--point FILE|LINE|FUNC|LINES|KIND]... [--digest] OUTPUT
 *
 * IDS is a comma-separated list of IDs and ranges FIRST-LAST (may be empty).
 * --point gives the rows of the point table in ID order (none: locations
 * unknown); KIND is track or insert. --digest writes goat_gen_digest's
 * digest and a newline instead of the package. OUTPUT "-" writes to
 * standard output. Errors are printed and exit 1. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/gen.h"
#include "util/xalloc.h"

static int *parse_ids(const char *spec, size_t *count)
{
    int *ids = NULL;
    size_t cap = 0;
    *count = 0;
    const char *p = spec;
    while (*p) {
        char *end;
        long first = strtol(p, &end, 10), last = first;
        if (end == p)
            goto bad;
        if (*end == '-') {
            p = end + 1;
            last = strtol(p, &end, 10);
            if (end == p)
                goto bad;
        }
        for (long id = first; id <= last; id++) {
            goat_grow((void **)&ids, &cap, *count + 1, sizeof *ids);
            ids[(*count)++] = (int)id;
        }
        if (*end == ',')
            end++;
        else if (*end)
            goto bad;
        p = end;
    }
    return ids;
bad:
    fprintf(stderr, "gen_render: bad ID list %s\n", spec);
    exit(2);
}

/* FILE|LINE|FUNC|LINES|KIND, split in place. */
static goat_gen_point parse_point(char *spec)
{
    char *field[5];
    for (int i = 0; i < 5; i++) {
        field[i] = spec;
        spec = strchr(spec, '|');
        if ((i < 4) != (spec != NULL)) {
            fprintf(stderr, "gen_render: --point wants FILE|LINE|FUNC|LINES|KIND\n");
            exit(2);
        }
        if (spec)
            *spec++ = '\0';
    }
    goat_gen_point_kind kind = strcmp(field[4], "insert") == 0 ? GOAT_GEN_POINT_INSERT
                               : strcmp(field[4], "track") == 0 ? GOAT_GEN_POINT_TRACK
                                                                : (goat_gen_point_kind)atoi(field[4]);
    return (goat_gen_point){field[0], atoi(field[1]), field[2], field[3], kind};
}

int main(int argc, char **argv)
{
    goat_gen_values v = {.package_name = "goat", .app_name = "app", .app_version = "v1",
                         .data_type = GOAT_GEN_DATA_BOOL};
    goat_gen_component *components = goat_xcalloc((size_t)argc, sizeof *components);
    goat_gen_point *points = goat_xcalloc((size_t)argc, sizeof *points);
    size_t point_count = 0;
    bool digest_only = false;
    const char *output = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--count") == 0) {
            v.data_type = GOAT_GEN_DATA_COUNT;
        } else if (strcmp(a, "--race") == 0) {
            v.race = true;
        } else if (strcmp(a, "--digest") == 0) {
            digest_only = true;
        } else if (next && strcmp(a, "--commit") == 0) {
            v.commit = argv[++i];
        } else if (next && strcmp(a, "--point") == 0) {
            points[point_count++] = parse_point(argv[++i]);
        } else if (next && strcmp(a, "--package") == 0) {
            v.package_name = argv[++i];
        } else if (next && strcmp(a, "--name") == 0) {
            v.app_name = argv[++i];
        } else if (next && strcmp(a, "--version") == 0) {
            v.app_version = argv[++i];
        } else if (next && strcmp(a, "--ids") == 0) {
            v.track_id_count = atoi(argv[++i]);
        } else if (next && strcmp(a, "--component") == 0) {
            char *spec = argv[++i];
            char *eq = strrchr(spec, '=');
            if (!eq) {
                fprintf(stderr, "gen_render: --component wants NAME=IDS\n");
                return 2;
            }
            *eq = '\0';
            goat_gen_component *c = &components[v.component_count++];
            c->name = spec;
            c->track_ids = parse_ids(eq + 1, &c->track_id_count);
        } else if (!output && (a[0] != '-' || strcmp(a, "-") == 0)) {
            output = a;
        } else {
            fprintf(stderr, "gen_render: unknown argument %s\n", a);
            return 2;
        }
    }
    if (!output) {
        fprintf(stderr, "gen_render: no output file\n");
        return 2;
    }
    v.components = components;
    if (point_count > 0) {
        if (point_count != (size_t)v.track_id_count) {
            fprintf(stderr, "gen_render: %zu --point for %d IDs\n", point_count, v.track_id_count);
            return 2;
        }
        v.points = points;
    }
    char *text = NULL;
    size_t len = 0;
    char digest[GOAT_GEN_DIGEST_LEN + 2];
    goat_error *err;
    if (digest_only) {
        err = goat_gen_digest(&v, digest);
        if (!err) {
            strcat(digest, "\n");
            text = goat_xstrdup(digest);
            len = strlen(text);
        }
    } else {
        err = goat_gen_render(&v, &text, &len);
    }
    int status = 0;
    if (err) {
        goat_error_print(err, stderr);
        goat_error_free(err);
        status = 1;
    } else {
        FILE *out = strcmp(output, "-") == 0 ? stdout : fopen(output, "w");
        if (!out || fwrite(text, 1, len, out) != len || (out != stdout && fclose(out) != 0)) {
            perror(output);
            status = 1;
        }
        free(text);
    }
    for (size_t c = 0; c < v.component_count; c++)
        free((void *)components[c].track_ids);
    free(components);
    free(points);
    return status;
}
