/* SPDX-License-Identifier: MIT */
/* The package-wide counts of init.N and glob..funcN (project/pkgnames.h):
 * the files compiled before a file, in the go command's order (name
 * order, the files importing "C" last), of its package clause and
 * selected by name and build constraint; a query for a file that does not
 * import "C" reads no file named after it; several threads at once. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parser/parser.h"
#include "project/pkgnames.h"
#include "scratch.h"
#include "util/arena.h"

/* Every file of the package directory p, with what it adds when compiled. */
static const struct {
    const char *name, *text;
} files[] = {
    {"p/a.go", "package p\n\nfunc init() {}\n\nvar A = func() {}\n"},                      /* 1 1 */
    {"p/a_cgo.go", "package p\n\nimport \"C\"\n\nfunc init() {}\n"},                        /* 1 0, "C" */
    {"p/b.go", "package p\n\nfunc init() {}\nfunc init() {}\n\nvar B, _ = func() {}, func() {}\n"}, /* 2 2 */
    {"p/c_cgo.go", "package p\n\n// #include <stdio.h>\nimport \"C\"\n\nvar C = func() {}\n"},   /* 0 1, "C" */
    {"p/d.go", "package other\n\nfunc init() {}\n\nvar D = func() {}\n"},                   /* another package */
    {"p/e.go", "//go:build ignore\n\npackage p\n\nfunc init() {}\n"},                       /* never compiled */
    {"p/e_plan9.go", "package p\n\nfunc init() {}\n"},                                      /* another GOOS */
    {"p/f.go", "package p\n\nfunc init() {}\n\nfunc _() { _ = func() {} }\n"},              /* 1 1 */
    {"p/f_test.go", "package p\n\nfunc init() {}\n"},                                       /* a test */
    {"p/_f.go", "package p\n\nfunc init() {}\n"},                                           /* ignored */
    {"p/g.go", "package p\n\nvar G = func() { func() {}() }\n"},                            /* 0 1 */
};
#define NFILES (sizeof files / sizeof files[0])

/* The counts before each file, in the order of files[] (a path not there
 * last): the compile order is a, b, f, g, then a_cgo, c_cgo. */
static const goat_funcname_counts expected[NFILES + 1] = {
    {0, 0}, /* a */
    {4, 5}, /* a_cgo: a, b, f, g */
    {1, 1}, /* b: a */
    {5, 5}, /* c_cgo: a, b, f, g, a_cgo */
    {0, 0}, /* d: nothing of its package before it */
    {0, 0}, {0, 0},
    {3, 3}, /* f: a, b */
    {0, 0}, {0, 0},
    {4, 4}, /* g: a, b, f */
    {0, 0}, /* p/missing.go */
};

static const char *path_at(size_t i)
{
    return i < NFILES ? files[i].name : "p/missing.go";
}

/* The target is fixed, whatever machine runs the tests. */
static void setup(void)
{
    scratch_enter();
    setenv("GOOS", "linux", 1);
    setenv("GOARCH", "amd64", 1);
    unsetenv("CGO_ENABLED");
    for (size_t i = 0; i < NFILES; i++)
        scratch_put(files[i].name, files[i].text);
}

TestSuite(pkgnames, .init = setup, .fini = scratch_leave);

static void expect_counts(goat_pkgnames *pn, size_t i)
{
    goat_funcname_counts got;
    goat_pkgnames_before(pn, path_at(i), &got);
    cr_expect_eq(got.inits, expected[i].inits, "%s: %d inits before it, not %d", path_at(i), got.inits,
                 expected[i].inits);
    cr_expect_eq(got.globals, expected[i].globals, "%s: %d literals before it, not %d", path_at(i), got.globals,
                 expected[i].globals);
}

/* What goat_pkgnames_before writes to stderr for path. */
static char *stderr_of_before(goat_pkgnames *pn, const char *path, goat_funcname_counts *out)
{
    fflush(stderr);
    int saved = dup(2);
    FILE *log = tmpfile();
    cr_assert(saved >= 0 && log);
    dup2(fileno(log), 2);
    goat_pkgnames_before(pn, path, out);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    long n = ftell(log);
    cr_assert(n >= 0);
    char *text = calloc((size_t)n + 1, 1);
    rewind(log);
    cr_assert_eq(fread(text, 1, (size_t)n, log), (size_t)n);
    fclose(log);
    return text;
}

Test(pkgnames, compile_order_read_from_disk)
{
    goat_pkgnames *pn = goat_pkgnames_new();
    for (size_t i = 0; i <= NFILES; i++)
        expect_counts(pn, i);
    goat_pkgnames_free(pn);
    /* the first query for a file importing "C", the first one that needs
     * every file */
    pn = goat_pkgnames_new();
    expect_counts(pn, 3);
    for (size_t i = 0; i <= NFILES; i++)
        expect_counts(pn, i);
    goat_pkgnames_free(pn);
}

Test(pkgnames, without_cgo)
{
    setenv("CGO_ENABLED", "0", 1);
    goat_pkgnames *pn = goat_pkgnames_new();
    goat_funcname_counts got;
    goat_pkgnames_before(pn, "p/g.go", &got);
    cr_expect(got.inits == 4 && got.globals == 4);
    goat_pkgnames_before(pn, "p/c_cgo.go", &got);
    cr_expect(got.inits == 0 && got.globals == 0, "not compiled: %d %d", got.inits, got.globals);
    goat_pkgnames_free(pn);
}

Test(pkgnames, no_file_named_after_a_file_without_cgo_is_read)
{
    scratch_put("p/b_bad.go", "package p\n\nvar X = func() {\n");
    scratch_put("p/z_bad.go", "package p\n\nvar Z = func() {\n");
    goat_pkgnames *pn = goat_pkgnames_new();
    goat_funcname_counts got;
    char *log = stderr_of_before(pn, "p/f.go", &got);
    cr_expect(strstr(log, "p/b_bad.go:"), "%s", log);
    cr_expect_null(strstr(log, "z_bad.go"), "%s", log);
    free(log);
    cr_expect(got.inits == 3 && got.globals == 3);
    log = stderr_of_before(pn, "p/g.go", &got);
    cr_expect_str_eq(log, ""); /* each file read once */
    free(log);
    cr_expect(got.inits == 4 && got.globals == 4);
    /* a file importing "C" comes after every file that does not: all are read */
    log = stderr_of_before(pn, "p/a_cgo.go", &got);
    cr_expect(strstr(log, "p/z_bad.go:") && !strstr(log, "b_bad"), "%s", log);
    free(log);
    cr_expect(got.inits == 4 && got.globals == 5);
    goat_pkgnames_free(pn);
}

/* A thread's queries, every file from its own start (no Criterion
 * assertion off the main thread). */
typedef struct worker {
    goat_pkgnames *pn;
    size_t start;
    goat_funcname_counts got[NFILES + 1];
} worker;

static void *ask(void *arg)
{
    worker *w = arg;
    for (size_t k = 0; k <= NFILES; k++) {
        size_t i = (w->start + k * 5) % (NFILES + 1); /* 5 and NFILES + 1 have no common factor */
        goat_pkgnames_before(w->pn, path_at(i), &w->got[i]);
    }
    return NULL;
}

Test(pkgnames, threads)
{
    static worker w[4];
    for (size_t round = 0; round < 20; round++) {
        goat_pkgnames *pn = goat_pkgnames_new();
        pthread_t threads[4];
        for (size_t t = 0; t < 4; t++) {
            w[t].pn = pn;
            w[t].start = t * 3 + round;
            cr_assert_eq(pthread_create(&threads[t], NULL, ask, &w[t]), 0);
        }
        for (size_t t = 0; t < 4; t++)
            pthread_join(threads[t], NULL);
        goat_pkgnames_free(pn);
        for (size_t t = 0; t < 4; t++)
            for (size_t i = 0; i <= NFILES; i++)
                cr_assert(w[t].got[i].inits == expected[i].inits && w[t].got[i].globals == expected[i].globals,
                          "round %zu, thread %zu, %s: %d %d", round, t, path_at(i), w[t].got[i].inits,
                          w[t].got[i].globals);
    }
}
