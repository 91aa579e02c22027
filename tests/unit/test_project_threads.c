/* SPDX-License-Identifier: MIT */
/* Threads: goat patch, goat clean and goat track parse every file of a
 * module on one stack sized for the largest, not on a thread per file, and
 * a parse on a thread goat sized starts no thread of its own. Thread
 * starts are counted by wrapping pthread_create (linked with
 * -Wl,--wrap=pthread_create). */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "parser/parser.h"
#include "project/pool.h"
#include "project/project.h"
#include "project/run.h"
#include "scratch.h"
#include "scratch_git.h"

static atomic_int threads_started;

int __real_pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg);
int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg);
int __wrap_pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *), void *arg)
{
    atomic_fetch_add(&threads_started, 1);
    return __real_pthread_create(thread, attr, start, arg);
}

static void enter(void)
{
    scratch_enter();
    unsetenv("GOAT_CONFIG");
}

TestSuite(threads, .init = enter, .fini = scratch_leave);

/* Writes a module of one package, lib, of files lib/fNN.go whose texts
 * text() makes from a shared filler, and commits it: more than a few
 * hundred bytes each, or the parser would use the caller's stack anyway. */
static void make_package(const char *module, const char *yaml, int files,
                         void (*text)(char *out, size_t size, const char *filler, int i))
{
    char gomod[128];
    snprintf(gomod, sizeof gomod, "module %s\n\ngo 1.19\n", module);
    scratch_put("go.mod", gomod);
    scratch_put("goat.yaml", yaml);
    char filler[2048];
    memset(filler, 0, sizeof filler);
    for (int k = 0; k < 20; k++)
        strcat(filler, "// Some documentation, long enough to make the file a real one.\n");
    for (int i = 0; i < files; i++) {
        char path[64], body[4096];
        snprintf(path, sizeof path, "lib/f%02d.go", i);
        text(body, sizeof body, filler, i);
        scratch_put(path, body);
    }
    scratch_commit_all("many files\n"); /* patch needs newBranch's commit for its point table */
}

/* Each with a hand-placed tracking point. */
static void insert_point_text(char *out, size_t size, const char *filler, int i)
{
    snprintf(out, size,
             "package lib\n\n%s// F%d is one of many.\nfunc F%d(x int) int {\n\tif x > %d {\n"
             "\t\t// +goat:insert\n\t\treturn x - %d\n\t}\n\treturn x + %d\n}\n",
             filler, i, i, i, i, i);
}

static void make_module(int files)
{
    make_package("example.com/many", "appName: many\nappVersion: t1\nthreads: 1\n", files, insert_point_text);
}

static int run_counting(goat_error *(*command)(goat_project *, const goat_run_options *))
{
    goat_project p;
    goat_error *err = goat_project_open(&p, GOAT_CONFIG_REQUIRED);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_run_options o = {.verbose = false, .dry_run = false};
    int before = atomic_load(&threads_started);
    err = command(&p, &o);
    int started = atomic_load(&threads_started) - before;
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_project_close(&p);
    return started;
}

Test(threads, patch_and_clean_do_not_start_a_thread_per_file)
{
    make_module(40);
    int patch = run_counting(goat_run_patch);
    /* one stack for the rewrite of every file, one for the check that the
     * goat alias names nothing else in their packages, one for the
     * validation */
    cr_expect_leq(patch, 3, "goat patch on 40 files started %d threads", patch);
    int clean = run_counting(goat_run_clean);
    cr_expect_leq(clean, 2, "goat clean on 40 files started %d threads", clean);
}

/* Each declaring an init function: naming the functions of a file asks
 * for what the files before it add to init.N, and finding that parses the
 * package's other files. */
static void init_function_text(char *out, size_t size, const char *filler, int i)
{
    snprintf(out, size,
             "package lib\n\n%svar v%d int\n\nfunc init() {\n\tv%d = %d\n}\n\n"
             "// F%d is one of many.\nfunc F%d(x int) int {\n\treturn x + v%d\n}\n",
             filler, i, i, i, i, i, i);
}

Test(threads, track_does_not_start_a_thread_per_file)
{
    make_package("example.com/inits", "appName: inits\nappVersion: t1\nthreads: 1\noldBranch: INIT\ngranularity: line\n",
                 40, init_function_text);
    int track = run_counting(goat_run_track);
    /* one stack for the rewrite of every file (the package's other files
     * are parsed on it too), one for the alias check, one for the
     * validation; the change analysis runs on the caller's thread with
     * threads: 1 (the goat before this test started 43) */
    cr_expect_leq(track, 3, "goat track on 40 files started %d threads", track);
}

typedef struct parse_many {
    int files;
    size_t len;
    int failures;
} parse_many;

static void parse_files(void *arg)
{
    parse_many *job = arg;
    char *src = malloc(job->len + 1);
    cr_assert_not_null(src);
    memset(src, ' ', job->len);
    memcpy(src, "package p\nvar x = ((((1))))\n", 28);
    for (int i = 0; i < job->files; i++) {
        goat_arena arena;
        goat_arena_init(&arena);
        goat_node *file = NULL;
        goat_error *err = goat_parse_file(&arena, "p.go", src, job->len, &file);
        job->failures += err != NULL;
        goat_error_free(err);
        goat_arena_free(&arena);
    }
    free(src);
}

Test(threads, parses_on_a_sized_stack_start_no_thread)
{
    parse_many job = {.files = 50, .len = 64 * 1024, .failures = 0};
    int before = atomic_load(&threads_started);
    goat_run_with_parse_stack(job.len, parse_files, &job);
    cr_expect_eq(job.failures, 0);
    cr_expect_eq(atomic_load(&threads_started) - before, 1, "50 parses of 64 KiB on a 64 KiB stack");

    /* a larger input than the stack was sized for gets a thread of its own */
    parse_many big = {.files = 1, .len = 1024 * 1024, .failures = 0};
    before = atomic_load(&threads_started);
    goat_run_with_parse_stack(job.len, parse_files, &big);
    cr_expect_eq(big.failures, 0);
    cr_expect_eq(atomic_load(&threads_started) - before, 2);
}

static void pool_worker(void *arg)
{
    parse_many *job = arg;
    parse_many mine = {.files = job->files, .len = job->len, .failures = 0};
    parse_files(&mine);
    cr_expect_eq(mine.failures, 0);
}

Test(threads, pool_threads_parse_without_threads_of_their_own)
{
    parse_many job = {.files = 10, .len = 32 * 1024, .failures = 0};
    int before = atomic_load(&threads_started);
    goat_pool_run(3, job.len, pool_worker, &job);
    /* two workers, and a stack for this thread's share */
    cr_expect_eq(atomic_load(&threads_started) - before, 3);
}
