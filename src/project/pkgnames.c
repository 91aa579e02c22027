/* SPDX-License-Identifier: MIT */
/* File selection follows go/build 1.19 (goodOSArchFile, the known GOOS and
 * GOARCH lists of syslist.go, matchTag's implied tags) and the order
 * cmd/go passes files to the compiler (GoFiles, then the cgo files). */
#include "project/pkgnames.h"

#include <dirent.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "git/filter.h"
#include "parser/parser.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/xalloc.h"
#include "util/sort.h"

static const char *const known_os[] = {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
                                       "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris",
                                       "windows", "zos", NULL};
static const char *const unix_os[] = {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos",
                                      "ios", "linux", "netbsd", "openbsd", "solaris", NULL};
static const char *const known_arch[] = {
    "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
    "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
    "sparc", "sparc64", "wasm", NULL};

static bool in_list(const char *const *list, const char *s, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, s, n) == 0)
            return true;
    return false;
}

typedef struct target {
    const char *goos, *goarch;
    bool cgo;
} target;

static const char *host_os(void)
{
#if defined(__ANDROID__)
    return "android";
#elif defined(__linux__)
    return "linux";
#elif defined(__APPLE__)
    return "darwin";
#elif defined(__FreeBSD__)
    return "freebsd";
#elif defined(__NetBSD__)
    return "netbsd";
#elif defined(__OpenBSD__)
    return "openbsd";
#elif defined(__DragonFly__)
    return "dragonfly";
#elif defined(__sun)
    return "solaris";
#else
    return "linux";
#endif
}

static const char *host_arch(void)
{
#if defined(__x86_64__)
    return "amd64";
#elif defined(__aarch64__)
    return "arm64";
#elif defined(__i386__)
    return "386";
#elif defined(__arm__)
    return "arm";
#elif defined(__riscv) && __riscv_xlen == 64
    return "riscv64";
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
    return "ppc64le";
#elif defined(__powerpc64__)
    return "ppc64";
#elif defined(__s390x__)
    return "s390x";
#elif defined(__loongarch64)
    return "loong64";
#elif defined(__mips64) && defined(__MIPSEL__)
    return "mips64le";
#elif defined(__mips64)
    return "mips64";
#elif defined(__mips__) && defined(__MIPSEL__)
    return "mipsle";
#elif defined(__mips__)
    return "mips";
#else
    return "amd64";
#endif
}

static const char *env_or(const char *name, const char *fallback)
{
    const char *v = getenv(name);
    return v && *v ? v : fallback;
}

/* matchTag: the tags set for the target, and those GOOS implies. */
static bool tag_set(const char *tag, size_t n, void *ctx)
{
    const target *t = ctx;
#define IS(s) (n == strlen(s) && memcmp(tag, s, n) == 0)
    if (IS(t->goos) || IS(t->goarch) || IS("gc"))
        return true;
    if (IS("cgo"))
        return t->cgo;
    if (IS("unix"))
        return in_list(unix_os, t->goos, strlen(t->goos));
    if (IS("linux") && strcmp(t->goos, "android") == 0)
        return true;
    if (IS("solaris") && strcmp(t->goos, "illumos") == 0)
        return true;
    if (IS("darwin") && strcmp(t->goos, "ios") == 0)
        return true;
#undef IS
    if (n >= 5 && memcmp(tag, "go1.", 4) == 0) { /* release tags go1.1 .. go1.19 */
        int minor = 0;
        for (size_t i = 4; i < n; i++) {
            if (tag[i] < '0' || tag[i] > '9' || minor > 100)
                return false;
            minor = minor * 10 + (tag[i] - '0');
        }
        return minor >= 1 && minor <= 19;
    }
    return false;
}

/* goodOSArchFile: name's _GOOS, _GOARCH or _GOOS_GOARCH suffix (after its
 * first '_') fits the target. */
static bool os_arch_ok(const target *t, const char *name)
{
    size_t n = strcspn(name, "."); /* the name up to its first '.' */
    const char *u = memchr(name, '_', n);
    if (!u)
        return true;
    const char *rest = u, *end = name + n;
    /* the last two '_'-separated elements of rest */
    const char *last = end;
    while (last > rest && last[-1] != '_')
        last--;
    const char *prev_end = last - 1, *prev = prev_end;
    while (prev > rest && prev[-1] != '_')
        prev--;
    size_t ln = (size_t)(end - last), pn = prev_end > rest ? (size_t)(prev_end - prev) : 0;
    bool os_match, arch_match;
#define MATCH_OS(s, k) ((strlen(t->goos) == (k) && memcmp(t->goos, s, k) == 0) || \
                        ((k) == 5 && memcmp(s, "linux", 5) == 0 && strcmp(t->goos, "android") == 0) || \
                        ((k) == 7 && memcmp(s, "solaris", 7) == 0 && strcmp(t->goos, "illumos") == 0) || \
                        ((k) == 6 && memcmp(s, "darwin", 6) == 0 && strcmp(t->goos, "ios") == 0))
    if (pn > 0 && in_list(known_os, prev, pn) && in_list(known_arch, last, ln)) {
        os_match = MATCH_OS(prev, pn);
        arch_match = strlen(t->goarch) == ln && memcmp(t->goarch, last, ln) == 0;
        return os_match && arch_match;
    }
    if (in_list(known_os, last, ln))
        return MATCH_OS(last, ln);
#undef MATCH_OS
    if (in_list(known_arch, last, ln))
        return strlen(t->goarch) == ln && memcmp(t->goarch, last, ln) == 0;
    return true;
}

/* What is known of a file the directory lists. */
typedef enum file_state {
    FILE_UNREAD,   /* nothing yet */
    FILE_TOLD,     /* its text's facts (goat_pkgnames_tell), not yet
                    * whether it is a regular file */
    FILE_COMPILED, /* its facts, and it is compiled */
    FILE_LEFT_OUT, /* not compiled, or does not parse */
} file_state;

typedef struct pkg_file {
    char *name;
    file_state state;
    char *package; /* its package clause (told or compiled) */
    bool cgo;      /* imports "C" */
    goat_funcname_counts counts;
} pkg_file;

typedef struct pkg_dir {
    char *dir;
    bool listed;     /* files holds every name the directory lists */
    pkg_file *files; /* by name: compile order within the files importing
                      * "C" and within the others */
    size_t count, cap;
} pkg_dir;

struct goat_pkgnames {
    pthread_mutex_t lock; /* the rewrite's workers ask and tell at once */
    target target;
    pkg_dir *dirs;
    size_t count, cap;
};

goat_pkgnames *goat_pkgnames_new(void)
{
    goat_pkgnames *pn = goat_xcalloc(1, sizeof *pn);
    pthread_mutex_init(&pn->lock, NULL);
    pn->target.goos = env_or("GOOS", host_os());
    pn->target.goarch = env_or("GOARCH", host_arch());
    const char *cgo = getenv("CGO_ENABLED");
    pn->target.cgo = !(cgo && strcmp(cgo, "0") == 0);
    return pn;
}

static bool imports_c(const goat_node *file)
{
    for (size_t i = 0; i < file->u.file.imports.count; i++) {
        const goat_node *path = file->u.file.imports.items[i]->u.import_spec.path;
        if (path && strcmp(path->u.basic_lit.value, "\"C\"") == 0)
            return true;
    }
    return false;
}

/* Whether a file of this name can be compiled: the selection by name
 * alone. */
static bool name_selected(const goat_pkgnames *pn, const char *name)
{
    size_t n = strlen(name);
    return n >= 4 && strcmp(name + n - 3, ".go") == 0 && name[0] != '.' && name[0] != '_' &&
           !(n >= 8 && strcmp(name + n - 8, "_test.go") == 0) && os_arch_ok(&pn->target, name);
}

/* Takes the facts of f from file, its tree, once its build constraint
 * holds: FILE_TOLD, or FILE_LEFT_OUT when it imports "C" and cgo is
 * off (the implicit constraint). */
static void take_facts(const goat_pkgnames *pn, pkg_file *f, const goat_node *file)
{
    f->state = FILE_LEFT_OUT;
    f->cgo = imports_c(file);
    if (f->cgo && !pn->target.cgo)
        return;
    f->package = goat_xstrdup(file->u.file.name->u.ident.name);
    goat_funcname_count(file, &f->counts);
    f->state = FILE_TOLD;
}

/* Reads and parses f from disk when nothing was told of it; compiled or
 * left out after. */
static void resolve(const goat_pkgnames *pn, const char *dir, pkg_file *f)
{
    if (f->state == FILE_COMPILED || f->state == FILE_LEFT_OUT)
        return;
    char *path = strcmp(dir, ".") == 0 ? goat_xstrdup(f->name) : goat_xasprintf("%s/%s", dir, f->name);
    struct stat st;
    if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
        f->state = FILE_LEFT_OUT;
    } else if (f->state == FILE_UNREAD) {
        char *src = NULL;
        size_t len = 0;
        goat_error *err = goat_read_file(path, &src, &len);
        f->state = FILE_LEFT_OUT;
        if (err) {
            goat_error_free(err);
        } else if (goat_build_constraint_holds(src, len, tag_set, (void *)&pn->target)) {
            goat_arena arena;
            goat_arena_init(&arena);
            goat_node *file;
            if ((err = goat_parse_file_outline(&arena, path, src, len, &file)) != NULL) {
                fprintf(stderr, "goat: warning: %s:%d:%d: %s: left out when numbering init functions and "
                                "package-level function literals\n",
                        err->file ? err->file : path, err->line, err->col, err->message);
                goat_error_free(err);
            } else {
                take_facts(pn, f, file);
            }
            goat_arena_free(&arena);
        }
        free(src);
    }
    if (f->state == FILE_TOLD)
        f->state = FILE_COMPILED;
    free(path);
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const pkg_file *)a)->name, ((const pkg_file *)b)->name);
}

static int cmp_name(const void *key, const void *item)
{
    return strcmp(key, ((const pkg_file *)item)->name);
}

static pkg_file *find_file(const pkg_dir *d, const char *name)
{
    return d->count ? bsearch(name, d->files, d->count, sizeof *d->files, cmp_name) : NULL;
}

static pkg_dir *find_dir(goat_pkgnames *pn, const char *dir)
{
    for (size_t i = 0; i < pn->count; i++)
        if (strcmp(pn->dirs[i].dir, dir) == 0)
            return &pn->dirs[i];
    goat_grow((void **)&pn->dirs, &pn->cap, pn->count + 1, sizeof *pn->dirs);
    pkg_dir *d = &pn->dirs[pn->count++];
    memset(d, 0, sizeof *d);
    d->dir = goat_xstrdup(dir);
    return d;
}

/* Adds the names the directory lists that can be compiled, UNREAD, to
 * those told already. */
static void list_dir(const goat_pkgnames *pn, pkg_dir *d)
{
    d->listed = true;
    size_t told = d->count;
    DIR *dh = opendir(d->dir);
    struct dirent *e;
    while (dh && (e = readdir(dh)) != NULL) {
        if (!name_selected(pn, e->d_name) ||
            (told && bsearch(e->d_name, d->files, told, sizeof *d->files, cmp_name)))
            continue;
        goat_grow((void **)&d->files, &d->cap, d->count + 1, sizeof *d->files);
        d->files[d->count++] = (pkg_file){.name = goat_xstrdup(e->d_name), .state = FILE_UNREAD};
    }
    if (dh)
        closedir(dh);
    goat_sort(d->files, d->count, sizeof *d->files, cmp_file);
}

/* path's directory ("." for none) and its name within it. */
static char *split_path(const char *path, const char **name)
{
    const char *slash = strrchr(path, '/');
    *name = slash ? slash + 1 : path;
    return slash ? goat_xstrndup(path, (size_t)(slash - path)) : goat_xstrdup(".");
}

static void add_counts(goat_funcname_counts *out, const pkg_file *f)
{
    out->inits += f->counts.inits;
    out->globals += f->counts.globals;
}

/* The go command compiles the files importing "C" after the others, each
 * group in name order: before a file that does not import "C" come only
 * files named before it, and only those need reading. */
void goat_pkgnames_before(goat_pkgnames *pn, const char *path, goat_funcname_counts *out)
{
    out->inits = out->globals = 0;
    const char *name;
    char *dir = split_path(path, &name);
    pthread_mutex_lock(&pn->lock);
    pkg_dir *d = find_dir(pn, dir);
    free(dir);
    if (!d->listed)
        list_dir(pn, d);
    pkg_file *self = find_file(d, name);
    if (self)
        resolve(pn, d->dir, self);
    /* not compiled for the target: nothing before it counts */
    size_t end = !self || self->state != FILE_COMPILED ? 0 : self->cgo ? d->count : (size_t)(self - d->files);
    for (size_t i = 0; i < end; i++) {
        pkg_file *f = &d->files[i];
        if (f == self)
            continue;
        resolve(pn, d->dir, f);
        bool before = !f->cgo || (self->cgo && f < self); /* in compile order */
        if (f->state == FILE_COMPILED && before && strcmp(f->package, self->package) == 0)
            add_counts(out, f);
    }
    pthread_mutex_unlock(&pn->lock);
}

void goat_pkgnames_tell(goat_pkgnames *pn, const char *path, const char *src, size_t len, const goat_node *file)
{
    const char *name;
    char *dir = split_path(path, &name);
    if (!name_selected(pn, name)) {
        free(dir);
        return;
    }
    pthread_mutex_lock(&pn->lock);
    pkg_dir *d = find_dir(pn, dir);
    free(dir);
    pkg_file *f = find_file(d, name);
    if (!f) {
        /* the names stay sorted: its place is after those before it */
        size_t at = 0;
        while (at < d->count && strcmp(d->files[at].name, name) < 0)
            at++;
        goat_grow((void **)&d->files, &d->cap, d->count + 1, sizeof *d->files);
        memmove(&d->files[at + 1], &d->files[at], (d->count - at) * sizeof *d->files);
        d->count++;
        f = &d->files[at];
        *f = (pkg_file){.name = goat_xstrdup(name), .state = FILE_UNREAD};
    }
    if (f->state == FILE_UNREAD) { /* the first word counts: the same text */
        f->state = FILE_LEFT_OUT;
        if (goat_build_constraint_holds(src, len, tag_set, (void *)&pn->target))
            take_facts(pn, f, file);
    }
    pthread_mutex_unlock(&pn->lock);
}

static void count_before(void *ctx, goat_funcname_counts *out)
{
    const goat_pkgnames_query *q = ctx;
    goat_pkgnames_before(q->pn, q->path, out);
}

static void tell_parsed(void *ctx, const goat_node *file, const char *src, size_t len)
{
    const goat_pkgnames_query *q = ctx;
    goat_pkgnames_tell(q->pn, q->path, src, len, file);
}

goat_funcname_before goat_pkgnames_source(goat_pkgnames_query *query)
{
    return (goat_funcname_before){.count = count_before, .parsed = tell_parsed, .ctx = query};
}

void goat_pkgnames_free(goat_pkgnames *pn)
{
    if (!pn)
        return;
    for (size_t i = 0; i < pn->count; i++) {
        for (size_t j = 0; j < pn->dirs[i].count; j++) {
            free(pn->dirs[i].files[j].name);
            free(pn->dirs[i].files[j].package);
        }
        free(pn->dirs[i].files);
        free(pn->dirs[i].dir);
    }
    free(pn->dirs);
    pthread_mutex_destroy(&pn->lock);
    free(pn);
}
