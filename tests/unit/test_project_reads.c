/* SPDX-License-Identifier: MIT */
/* goat track reads each changed file once: the change analysis hands the
 * texts it read from the working tree over to the plan (git/changes.h,
 * goat_plan_seed), which does not read them again, and the scan for main
 * packages reads the plan's texts. Reads are counted by wrapping
 * goat_read_file, goat_read_file_if_exists and goat_read_file_head (linked
 * with -Wl,--wrap=...). A file whose text was handed over wrongly (another
 * file's, a cut one) would be tracked wrongly: goat clean after goat track
 * must give back every file byte for byte. */
#include <criterion/criterion.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "project/project.h"
#include "project/run.h"
#include "util/file.h"
#include "scratch.h"
#include "scratch_git.h"

#define MAX_FILES 8

/* The module's files lib/fNN.go, and how often each was read whole: the
 * analysis reads by absolute path, the plan by path relative to the
 * module, so a read is counted by the name it ends in. */
static char names[MAX_FILES][32];
static int file_count;
static atomic_int reads[MAX_FILES];

static void count_read(const char *path)
{
    size_t n = strlen(path);
    for (int i = 0; i < file_count; i++) {
        size_t k = strlen(names[i]);
        if (n >= k && strcmp(path + n - k, names[i]) == 0 && (n == k || path[n - k - 1] == '/'))
            atomic_fetch_add(&reads[i], 1);
    }
}

__typeof__(goat_read_file) __real_goat_read_file, __wrap_goat_read_file; /* its own type: see bench/timed.c */
goat_error *__wrap_goat_read_file(const char *path, char **data, size_t *len)
{
    count_read(path);
    return __real_goat_read_file(path, data, len);
}

__typeof__(goat_read_file_if_exists) __real_goat_read_file_if_exists, __wrap_goat_read_file_if_exists; /* its own type: see bench/timed.c */
goat_error *__wrap_goat_read_file_if_exists(const char *path, char **data, size_t *len)
{
    count_read(path);
    return __real_goat_read_file_if_exists(path, data, len);
}

/* A head read (the scan for main packages, project/mains.h) counts as a
 * read: with the plan's texts it needs none. */
__typeof__(goat_read_file_head) __real_goat_read_file_head, __wrap_goat_read_file_head; /* its own type: see bench/timed.c */
goat_error *__wrap_goat_read_file_head(const char *path, size_t limit, char **data, size_t *len, bool *whole)
{
    count_read(path);
    return __real_goat_read_file_head(path, limit, data, len, whole);
}

static void enter(void)
{
    scratch_enter();
    unsetenv("GOAT_CONFIG");
}

TestSuite(reads, .init = enter, .fini = scratch_leave);

/* Writes lib/fNN.go, a function whose body changes with i and version. */
static void put_file(int i, int version, const char *extra)
{
    snprintf(names[i], sizeof names[i], "lib/f%02d.go", i);
    char body[512];
    snprintf(body, sizeof body,
             "package lib\n\n%s// F%d is one of many.\nfunc F%d(x int) int {\n\tif x > %d {\n\t\treturn x - %d\n\t}\n"
             "\treturn x + %d\n}\n",
             extra, i, i, i, version, i);
    scratch_put(names[i], body);
    if (i >= file_count)
        file_count = i + 1;
}

static void put_module(const char *yaml)
{
    scratch_put("go.mod", "module example.com/reads\n\ngo 1.19\n");
    scratch_put("goat.yaml", yaml);
}

/* The texts of the module's files now, to compare after a clean. */
static char *texts[MAX_FILES];

static void remember_texts(void)
{
    for (int i = 0; i < file_count; i++) {
        size_t len = 0;
        free(texts[i]);
        texts[i] = NULL;
        cr_assert_null(__real_goat_read_file(names[i], &texts[i], &len));
    }
}

static void run(goat_error *(*command)(goat_project *, const goat_run_options *))
{
    goat_project p;
    goat_error *err = goat_project_open(&p, GOAT_CONFIG_REQUIRED);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_run_options o = {.verbose = false, .dry_run = false};
    err = command(&p, &o);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_project_close(&p);
}

/* Tracks, checks that file i was read reads_of(i) times and tracked (it
 * now names the goat package), then cleans and checks that every file is
 * back as it was. */
static void track_and_check(int (*reads_of)(int))
{
    remember_texts();
    for (int i = 0; i < file_count; i++)
        atomic_store(&reads[i], 0);
    run(goat_run_track);
    for (int i = 0; i < file_count; i++) {
        int want = reads_of(i);
        cr_expect_eq(atomic_load(&reads[i]), want, "%s read %d times, not %d", names[i], atomic_load(&reads[i]),
                     want);
        char *text = NULL;
        size_t len = 0;
        cr_assert_null(__real_goat_read_file(names[i], &text, &len));
        cr_expect(strstr(text, "goat.Track(") != NULL, "%s is not tracked:\n%s", names[i], text);
        free(text);
    }
    run(goat_run_clean);
    for (int i = 0; i < file_count; i++) {
        char *text = NULL;
        size_t len = 0;
        cr_assert_null(__real_goat_read_file(names[i], &text, &len));
        cr_expect_str_eq(text, texts[i], "%s after track and clean", names[i]);
        free(text);
        free(texts[i]);
        texts[i] = NULL;
    }
}

static int once(int i)
{
    (void)i;
    return 1;
}

static void init_module(int threads)
{
    char yaml[160];
    snprintf(yaml, sizeof yaml,
             "appName: reads\nappVersion: t1\nthreads: %d\noldBranch: INIT\ngranularity: line\n", threads);
    put_module(yaml);
    for (int i = 0; i < 6; i++)
        put_file(i, 0, "");
    scratch_commit_all("all files\n");
}

Test(reads, track_at_init_reads_each_file_once)
{
    init_module(1);
    track_and_check(once);
}

Test(reads, track_at_init_on_threads_reads_each_file_once)
{
    init_module(3);
    track_and_check(once);
}

/* Precision 2: the analysis reads an added file from the working tree and
 * hands it over; a modified file's new side is its blob, and the plan reads
 * the file. Either way, one read. */
Test(reads, track_at_precision_2_reads_each_file_once)
{
    put_module("appName: reads\nappVersion: t1\nthreads: 1\noldBranch: HEAD~1\ndiffPrecision: 2\n"
               "granularity: line\n");
    put_file(0, 0, "");
    scratch_commit_all("base\n");
    put_file(0, 1, ""); /* modified */
    put_file(1, 0, ""); /* added */
    put_file(2, 0, "");
    scratch_commit_all("changed\n");
    track_and_check(once);
}

/* A filter that changes the size (ident fills in $Id$) makes the file on
 * disk differ from its blob: the analysis reads the blob instead and hands
 * over nothing, and the plan reads the file itself, with its $Id line. */
static int twice_for_the_filtered(int i)
{
    return i == 1 ? 2 : 1;
}

Test(reads, a_file_unlike_its_blob_is_read_by_the_plan)
{
    put_module("appName: reads\nappVersion: t1\nthreads: 1\noldBranch: INIT\ngranularity: line\n");
    scratch_put(".gitattributes", "lib/f01.go ident\n");
    put_file(0, 0, "");
    put_file(1, 0, "// $Id: not the blob's $\n");
    put_file(2, 0, "");
    scratch_commit_all("filtered\n");
    track_and_check(twice_for_the_filtered);
}
