/* SPDX-License-Identifier: MIT */
/* The package-wide counts of init.N and glob..funcN (project/pkgnames.h):
 * the files compiled before a file, in the go command's order (name
 * order, the files importing "C" last), of its package clause and
 * selected by name and build constraint; the same counts whether the
 * files are read from disk or told from trees the caller parsed; a told
 * file is not read again; a query for a file that does not import "C"
 * reads no file named after it; several threads at once. */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parser/parser.h"
#include "project/pkgnames.h"
#include "rewrite/rewrite.h"
#include "scratch.h"
#include "util/arena.h"
#include "util/file.h"

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

/* Tells pn of path as the rewrite does: from a full parse of src. */
static void tell_text(goat_pkgnames *pn, const char *path, const char *src)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file;
    goat_error *err = goat_parse_file(&arena, path, src, strlen(src), &file);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_pkgnames_tell(pn, path, src, strlen(src), file);
    goat_arena_free(&arena);
}

/* Tells pn of path from its text on disk. */
static void tell_disk(goat_pkgnames *pn, const char *path)
{
    char *src;
    size_t len;
    goat_error *err = goat_read_file(path, &src, &len);
    cr_assert_null(err, "%s", err ? err->message : "");
    tell_text(pn, path, src);
    free(src);
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

Test(pkgnames, told_files_count_as_read_ones)
{
    /* every file told, each before or after the first query */
    for (size_t first = 0; first <= NFILES; first++) {
        goat_pkgnames *pn = goat_pkgnames_new();
        for (size_t i = 0; i < NFILES; i++)
            if (i != first)
                tell_disk(pn, files[i].name);
        expect_counts(pn, first);
        for (size_t i = 0; i <= NFILES; i++)
            expect_counts(pn, (i + first) % (NFILES + 1));
        goat_pkgnames_free(pn);
    }
    /* only some, the queried file among them or not */
    for (size_t told = 0; told < NFILES; told++) {
        goat_pkgnames *pn = goat_pkgnames_new();
        tell_disk(pn, files[told].name);
        tell_disk(pn, files[(told + 3) % NFILES].name);
        for (size_t i = 0; i <= NFILES; i++)
            expect_counts(pn, i);
        goat_pkgnames_free(pn);
    }
}

Test(pkgnames, a_told_file_is_not_read)
{
    goat_pkgnames *pn = goat_pkgnames_new();
    tell_disk(pn, "p/b.go");
    tell_disk(pn, "p/a_cgo.go");
    /* the disk now says otherwise: what was told stands */
    scratch_put("p/b.go", "package p\n\nfunc init() {\n"); /* does not parse */
    scratch_put("p/a_cgo.go", "package p\n\nfunc init() {}\n");
    goat_funcname_counts got;
    char *log = stderr_of_before(pn, "p/f.go", &got);
    cr_expect_str_eq(log, "");
    free(log);
    cr_expect_eq(got.inits, 3);
    cr_expect_eq(got.globals, 3);
    for (size_t i = 0; i <= NFILES; i++)
        expect_counts(pn, i);
    goat_pkgnames_free(pn);

    /* read from disk, the same queries see the new texts */
    pn = goat_pkgnames_new();
    log = stderr_of_before(pn, "p/f.go", &got);
    cr_expect(strstr(log, "p/b.go:") && strstr(log, "left out when numbering init functions"), "%s", log);
    free(log);
    cr_expect_eq(got.inits, 2); /* a.go, and a_cgo.go, no longer importing "C" */
    cr_expect_eq(got.globals, 1);
    goat_pkgnames_before(pn, "p/c_cgo.go", &got);
    cr_expect_eq(got.inits, 3);
    cr_expect_eq(got.globals, 3);
    goat_pkgnames_free(pn);
}

Test(pkgnames, what_is_known_stays)
{
    goat_pkgnames *pn = goat_pkgnames_new();
    expect_counts(pn, 7); /* reads a.go and b.go */
    tell_text(pn, "p/b.go", "package p\n\nfunc init() {}\n");
    tell_disk(pn, "p/g.go");
    tell_text(pn, "p/g.go", "package p\n\nvar G, H = func() {}, func() {}\n");
    for (size_t i = 0; i <= NFILES; i++)
        expect_counts(pn, i);
    goat_pkgnames_free(pn);
}

Test(pkgnames, told_files_are_selected_as_read_ones)
{
    /* a link is not compiled, nor is a file that is no longer there */
    cr_assert_eq(symlink("a.go", "p/h.go"), 0);
    scratch_put("p/gone.go", "package p\n\nfunc init() {}\n");
    goat_pkgnames *pn = goat_pkgnames_new();
    tell_disk(pn, "p/h.go");
    tell_disk(pn, "p/gone.go");
    cr_assert_eq(unlink("p/gone.go"), 0);
    /* nor are files of another name, GOOS or build constraint */
    tell_disk(pn, "p/e.go");
    tell_disk(pn, "p/e_plan9.go");
    tell_disk(pn, "p/f_test.go");
    tell_disk(pn, "p/_f.go");
    for (size_t i = 0; i <= NFILES; i++)
        expect_counts(pn, i);
    goat_funcname_counts got;
    goat_pkgnames_before(pn, "p/h.go", &got);
    cr_expect(got.inits == 0 && got.globals == 0);
    goat_pkgnames_free(pn);
}

Test(pkgnames, without_cgo)
{
    setenv("CGO_ENABLED", "0", 1);
    for (int tell = 0; tell < 2; tell++) {
        goat_pkgnames *pn = goat_pkgnames_new();
        for (size_t i = 0; tell && i < NFILES; i++)
            tell_disk(pn, files[i].name);
        goat_funcname_counts got;
        goat_pkgnames_before(pn, "p/g.go", &got);
        cr_expect(got.inits == 4 && got.globals == 4);
        goat_pkgnames_before(pn, "p/c_cgo.go", &got);
        cr_expect(got.inits == 0 && got.globals == 0, "not compiled: %d %d", got.inits, got.globals);
        goat_pkgnames_free(pn);
    }
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

/* The rewrite tells the source of the counts the tree it parsed. */
Test(pkgnames, track_and_patch_tell)
{
    goat_lineset none = GOAT_LINESET_INIT;
    goat_lineset_freeze(&none);
    goat_pkgnames *pn = goat_pkgnames_new();
    for (int patch = 0; patch < 2; patch++) {
        const char *path = patch ? "p/b.go" : "p/a.go";
        char *src;
        size_t len;
        cr_assert_null(goat_read_file(path, &src, &len));
        goat_pkgnames_query query = {pn, path};
        goat_funcname_before before = goat_pkgnames_source(&query);
        goat_rewrite_options ro = {.granularity = GOAT_GRANULARITY_LINE, .alias = "goat",
                                   .import_path = "example.com/m/goat", .first_id = 1, .names_before = &before};
        goat_rewrite_result res;
        goat_error *err = patch ? goat_rewrite_patch(path, src, len, &ro, &res)
                                : goat_rewrite_track(path, src, len, &none, &ro, &res);
        cr_assert_null(err, "%s", err ? err->message : "");
        goat_rewrite_result_free(&res);
        free(src);
        scratch_put(path, "package p\n");
    }
    expect_counts(pn, 7);
    goat_pkgnames_free(pn);
    goat_lineset_free(&none);
}

/* A thread's queries, every file from its own start, and with odd starts
 * a tell before each (no Criterion assertion off the main thread). */
typedef struct worker {
    goat_pkgnames *pn;
    size_t start;
    goat_arena arena;
    goat_node *trees[NFILES];
    char *texts[NFILES];
    goat_funcname_counts got[NFILES + 1];
} worker;

static void *ask_and_tell(void *arg)
{
    worker *w = arg;
    for (size_t k = 0; k <= NFILES; k++) {
        size_t i = (w->start + k * 5) % (NFILES + 1); /* 5 and NFILES + 1 have no common factor */
        if (i < NFILES && w->start % 2)
            goat_pkgnames_tell(w->pn, files[i].name, w->texts[i], strlen(w->texts[i]), w->trees[i]);
        goat_pkgnames_before(w->pn, path_at(i), &w->got[i]);
    }
    return NULL;
}

Test(pkgnames, threads)
{
    static worker w[4];
    for (size_t t = 0; t < 4; t++) { /* the trees, parsed on the main thread */
        goat_arena_init(&w[t].arena);
        for (size_t i = 0; i < NFILES; i++) {
            w[t].texts[i] = (char *)files[i].text;
            goat_error *err = goat_parse_file(&w[t].arena, files[i].name, files[i].text, strlen(files[i].text),
                                              &w[t].trees[i]);
            cr_assert_null(err, "%s", err ? err->message : "");
        }
    }
    for (size_t round = 0; round < 20; round++) {
        goat_pkgnames *pn = goat_pkgnames_new();
        pthread_t threads[4];
        for (size_t t = 0; t < 4; t++) {
            w[t].pn = pn;
            w[t].start = t * 3 + round;
            cr_assert_eq(pthread_create(&threads[t], NULL, ask_and_tell, &w[t]), 0);
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
    for (size_t t = 0; t < 4; t++)
        goat_arena_free(&w[t].arena);
}
