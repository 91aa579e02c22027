/* SPDX-License-Identifier: MIT */
/* The phases of a goat run, for bench/track.sh: linked into a benchmark
 * copy of goat (bench/goat-timed, never installed) with the linker's
 * --wrap, so the program itself carries no timing code. Each wrapped
 * function charges the wall-clock and CPU time spent inside it to one
 * phase; at exit the split is appended to the file named by
 * GOAT_BENCH_SPLIT as one line:
 *
 *   total WALL CPU git WALL CPU read WALL CPU parse WALL CPU ...
 *
 * in microseconds. Phases: git (change analysis), read (reading the
 * module's files: the plan's loads and the main-package scan), parse
 * (parsing, for the rewrite), check (validating the output, its parses
 * included), write (the transaction), place (the rest of the rewrite:
 * everything between the change analysis and the validation that is not
 * reading or parsing), rest (start-up, configuration, exit). Phases nest:
 * time inside a nested call counts for the inner phase only, except that
 * the validation's parses count as check. Assumes one thread at work at a
 * time (threads: 1), which is how the benchmark runs goat. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "git/changes.h"
#include "parser/parser.h"
#include "project/mains.h"
#include "project/plan.h"

enum phase { REST, GIT, READ, PARSE, PLACE, CHECK, WRITE, PHASE_COUNT };
static const char *const phase_names[PHASE_COUNT] = {"rest", "git", "read", "parse", "place", "check", "write"};

static struct {
    pthread_mutex_t lock;
    enum phase stack[64];
    int depth;
    struct timespec wall_mark, cpu_mark, wall_start, cpu_start;
    double wall[PHASE_COUNT], cpu[PHASE_COUNT];
    /* between the change analysis and the validation, time outside any
     * wrapped call is the rewrite's own: place */
    enum phase outside;
} timing = {PTHREAD_MUTEX_INITIALIZER, {REST}, 0, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0}, {0}, REST};

static double elapsed_us(struct timespec *mark, clockid_t clock)
{
    struct timespec now;
    clock_gettime(clock, &now);
    double us = (double)(now.tv_sec - mark->tv_sec) * 1e6 + (double)(now.tv_nsec - mark->tv_nsec) / 1e3;
    *mark = now;
    return us;
}

/* Charges the time since the last mark to the phase at work. */
static void charge(void)
{
    enum phase at = timing.depth > 0 ? timing.stack[timing.depth - 1] : timing.outside;
    timing.wall[at] += elapsed_us(&timing.wall_mark, CLOCK_MONOTONIC);
    timing.cpu[at] += elapsed_us(&timing.cpu_mark, CLOCK_PROCESS_CPUTIME_ID);
}

static void enter(enum phase p)
{
    pthread_mutex_lock(&timing.lock);
    charge();
    if (p == PARSE && timing.depth > 0 && timing.stack[timing.depth - 1] == CHECK)
        p = CHECK;
    if (timing.depth < 64)
        timing.stack[timing.depth] = p;
    timing.depth++;
    pthread_mutex_unlock(&timing.lock);
}

static void leave(enum phase then_outside)
{
    pthread_mutex_lock(&timing.lock);
    charge();
    timing.depth--;
    if (timing.depth == 0 && then_outside != PHASE_COUNT)
        timing.outside = then_outside;
    pthread_mutex_unlock(&timing.lock);
}

static void report(void)
{
    const char *out = getenv("GOAT_BENCH_SPLIT");
    if (!out)
        return;
    charge();
    FILE *f = fopen(out, "a");
    if (!f)
        return;
    double wall = elapsed_us(&timing.wall_start, CLOCK_MONOTONIC);
    double cpu = elapsed_us(&timing.cpu_start, CLOCK_PROCESS_CPUTIME_ID);
    fprintf(f, "total %.0f %.0f", wall, cpu);
    for (int i = 0; i < PHASE_COUNT; i++)
        fprintf(f, " %s %.0f %.0f", phase_names[i], timing.wall[i], timing.cpu[i]);
    fputc('\n', f);
    fclose(f);
}

__attribute__((constructor)) static void start(void)
{
    clock_gettime(CLOCK_MONOTONIC, &timing.wall_start);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &timing.cpu_start);
    timing.wall_mark = timing.wall_start;
    timing.cpu_mark = timing.cpu_start;
    atexit(report);
}

/* The wrapped functions: each calls the real one inside its phase. Each
 * wrapper and real is declared with its function's own type (__typeof__),
 * so that a signature changed without its wrapper stops the build here
 * instead of passing the real function garbage in a timed run. */

__typeof__(goat_changes_compute) __real_goat_changes_compute, __wrap_goat_changes_compute;
goat_error *__wrap_goat_changes_compute(const goat_change_options *opts, goat_changes *out)
{
    enter(GIT);
    goat_error *err = __real_goat_changes_compute(opts, out);
    leave(PLACE);
    return err;
}

__typeof__(goat_mains_find) __real_goat_mains_find, __wrap_goat_mains_find;
goat_error *__wrap_goat_mains_find(const char *module_path, const struct goat_plan *known, goat_mains *out)
{
    enter(READ);
    goat_error *err = __real_goat_mains_find(module_path, known, out);
    leave(PHASE_COUNT);
    return err;
}

__typeof__(goat_plan_text) __real_goat_plan_text, __wrap_goat_plan_text;
goat_error *__wrap_goat_plan_text(goat_plan *plan, const char *path, const char **text, size_t *len)
{
    enter(READ);
    goat_error *err = __real_goat_plan_text(plan, path, text, len);
    leave(PHASE_COUNT);
    return err;
}

__typeof__(goat_parse_file) __real_goat_parse_file, __wrap_goat_parse_file;
goat_error *__wrap_goat_parse_file(goat_arena *arena, const char *filename, const char *src, size_t len,
                                   goat_node **file)
{
    enter(PARSE);
    goat_error *err = __real_goat_parse_file(arena, filename, src, len, file);
    leave(PHASE_COUNT);
    return err;
}

__typeof__(goat_plan_validate) __real_goat_plan_validate, __wrap_goat_plan_validate;
goat_error *__wrap_goat_plan_validate(const goat_plan *plan, int threads)
{
    enter(CHECK);
    goat_error *err = __real_goat_plan_validate(plan, threads);
    leave(REST);
    return err;
}

__typeof__(goat_plan_commit) __real_goat_plan_commit, __wrap_goat_plan_commit;
goat_error *__wrap_goat_plan_commit(const goat_plan *plan)
{
    enter(WRITE);
    goat_error *err = __real_goat_plan_commit(plan);
    leave(REST);
    return err;
}
