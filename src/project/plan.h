/* SPDX-License-Identifier: MIT */
/* A plan: the new contents of the project's files, computed in memory
 * before anything is written. A command builds one, validates it (every Go
 * file it would write must parse), then either prints it as a unified diff
 * (--dry-run) or commits it as one transaction. */
#ifndef GOAT_PROJECT_PLAN_H
#define GOAT_PROJECT_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rewrite/rewrite.h"
#include "util/error.h"

typedef struct goat_plan_file {
    char *path;     /* relative to the module root */
    char *old_text; /* NULL when the file does not exist yet */
    size_t old_len;
    char *new_text; /* NULL when the file is to be removed */
    size_t new_len;
    goat_known_body *known_bodies; /* goat_plan_set_known's, else NULL */
    size_t known_body_count;
} goat_plan_file;

typedef struct goat_plan {
    goat_plan_file *files; /* in the order first touched */
    size_t count, cap;
    char **prune_dirs; /* removed after the commit when empty */
    size_t prune_count;
    size_t *index; /* files by path hash (open addressing, count + 1: empty) */
    size_t index_cap;
} goat_plan;

void goat_plan_init(goat_plan *plan);
void goat_plan_free(goat_plan *plan);

/* The text path has in the plan so far (its new text once set, else what is
 * on disk). Reads the file the first time; *text stays owned by the plan. */
goat_error *goat_plan_text(goat_plan *plan, const char *path, const char **text, size_t *len);
/* The plan's entry for path, or NULL when the plan has not touched it
 * (a lookup in the plan's index, no file read). */
const goat_plan_file *goat_plan_file_of(const goat_plan *plan, const char *path);
/* Gives the plan path's text as it is on disk, which goat_plan_text would
 * otherwise read (takes ownership of text: malloc'd, len bytes and a NUL
 * after them, as util/file.h reads a file). For a caller that read the
 * file already (the change analysis, see git/changes.h): the plan then
 * reads it no more. The caller vouches that the bytes are the file's: the
 * plan diffs and writes its changes against them, and makes no check of
 * its own, as it makes none of a text it reads itself. (Read earlier in
 * the run, the text leaves a longer time for an edit by someone else to be
 * overwritten; goat never promised to notice one.) A path the plan has
 * touched already keeps what it has, and text is freed: its new text may
 * be set, and its text on disk was read when it was touched. */
void goat_plan_seed(goat_plan *plan, const char *path, char *text, size_t len);
/* Reads each of the count paths (as goat_plan_text does), and sets
 * *largest to the size of the largest. */
goat_error *goat_plan_load(goat_plan *plan, char *const *paths, size_t count, size_t *largest);
/* Sets path's new text (takes ownership of text, which must be malloc'd). */
void goat_plan_set(goat_plan *plan, const char *path, char *text, size_t len);
/* As goat_plan_set, for a text goat_rewrite_track made from the file's
 * text as read from disk: known_bodies (malloc'd, taken over) and count
 * are its goat_rewrite_result's, the function bodies it copied from that
 * text, which parsed. The validation passes over each one whose bytes it
 * finds the same in both texts (goat_parse_file_known_bodies) and parses
 * the rest. They are forgotten when the file's text had already been
 * replaced, and when it is set again. */
void goat_plan_set_known(goat_plan *plan, const char *path, char *text, size_t len, goat_known_body *known_bodies,
                         size_t count);
/* Plans the removal of path (when it exists). */
goat_error *goat_plan_remove(goat_plan *plan, const char *path);
void goat_plan_prune_dir(goat_plan *plan, const char *dir);

/* Number of files whose content would change. */
size_t goat_plan_changed_count(const goat_plan *plan);
/* Whether path's content would change. */
bool goat_plan_changes(const goat_plan *plan, const char *path);

/* Every changed ".go" file must parse and be safe to write; the error
 * names FILE:LINE:COL (the first failing file in plan order). Parses on up
 * to threads threads. */
goat_error *goat_plan_validate(const goat_plan *plan, int threads);
/* Writes a unified diff of every change to out, files in path order. */
goat_error *goat_plan_print_diff(const goat_plan *plan, FILE *out);
/* Writes every change at once, or none (see txn.h). */
goat_error *goat_plan_commit(const goat_plan *plan);

#endif
