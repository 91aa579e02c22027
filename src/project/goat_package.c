/* SPDX-License-Identifier: MIT */
#include "project/goat_package.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gen/gen.h"
#include "lexer/lexer.h"
#include "parser/parser.h"
#include "project/mains.h"
#include "rewrite/clash.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/find.h"
#include "util/path.h"
#include "util/xalloc.h"

bool goat_is_generated_text(const char *text, size_t len)
{
    size_t n = sizeof GOAT_GEN_HEADER - 1;
    if (len < n || memcmp(text, GOAT_GEN_HEADER, n) != 0)
        return false;
    return len == n || text[n] == '\n' || (text[n] == '\r' && len > n + 1 && text[n + 1] == '\n');
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void free_names(char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
}

/* What one directory holds of Go code. */
typedef struct dir_scan {
    bool generated;   /* a GOAT_GEN_FILE_NAME with the header */
    char *stray;      /* the first other .go file (GOAT_GEN_FILE_NAME without the header included) */
    char **subdirs;   /* directories the walk goes on into */
    size_t subdir_count, subdir_cap;
} dir_scan;

static void dir_scan_free(dir_scan *s)
{
    free(s->stray);
    free_names(s->subdirs, s->subdir_count);
}

static bool skipped_dir(const char *name)
{
    return strcmp(name, ".git") == 0 || strcmp(name, "vendor") == 0 || strcmp(name, "testdata") == 0 ||
           strcmp(name, "node_modules") == 0;
}

static goat_error *scan_dir(const char *dir, dir_scan *out)
{
    memset(out, 0, sizeof *out);
    goat_dir_entry *entries = NULL;
    size_t n = 0;
    if (!goat_list_dir(dir, &entries, &n))
        return goat_error_new(dir, 0, 0, "cannot open directory: %s", strerror(errno));
    goat_error *err = NULL;
    for (size_t i = 0; i < n && !err; i++) {
        const char *name = entries[i].name;
        char *path = goat_path_join(dir, name);
        /* lstat, not the listing's type: an entry gone meanwhile is an
         * error here */
        struct stat st;
        if (lstat(path, &st) != 0) {
            err = goat_error_new(path, 0, 0, "cannot stat: %s", strerror(errno));
        } else if (S_ISDIR(st.st_mode) && !skipped_dir(name)) {
            char *gomod = goat_xasprintf("%s/go.mod", path);
            if (access(gomod, F_OK) != 0) {
                goat_grow((void **)&out->subdirs, &out->subdir_cap, out->subdir_count + 1, sizeof *out->subdirs);
                out->subdirs[out->subdir_count++] = path;
                path = NULL;
            }
            free(gomod);
        } else if (S_ISREG(st.st_mode) && has_suffix(name, ".go")) {
            bool generated = false;
            if (strcmp(name, GOAT_GEN_FILE_NAME) == 0) {
                char *text = NULL;
                size_t len = 0;
                if (!(err = goat_read_file(path, &text, &len)))
                    generated = goat_is_generated_text(text, len);
                free(text);
            }
            if (generated)
                out->generated = true;
            else if (!out->stray) {
                out->stray = path;
                path = NULL;
            }
        }
        free(path);
    }
    goat_dir_entries_free(entries, n);
    if (err)
        dir_scan_free(out);
    return err;
}

static void add_found(goat_found_packages *f, size_t *cap, const char *module_path, const char *dir, char *stray)
{
    goat_grow((void **)&f->items, cap, f->count + 1, sizeof *f->items);
    goat_found_package *it = &f->items[f->count++];
    it->dir = goat_xstrdup(dir);
    it->file = goat_path_join(dir, GOAT_GEN_FILE_NAME);
    it->import_path = strcmp(dir, ".") == 0 ? goat_xstrdup(module_path) : goat_xasprintf("%s/%s", module_path, dir);
    it->stray = stray;
}

static goat_error *walk(const char *dir, const char *module_path, goat_found_packages *f, size_t *cap)
{
    dir_scan s;
    goat_error *err = scan_dir(dir, &s);
    if (err)
        return err;
    if (s.generated) {
        add_found(f, cap, module_path, dir, s.stray);
        s.stray = NULL;
    }
    for (size_t i = 0; i < s.subdir_count && !err; i++)
        err = walk(s.subdirs[i], module_path, f, cap);
    dir_scan_free(&s);
    return err;
}

static bool found_dir(const goat_found_packages *f, const char *dir)
{
    for (size_t i = 0; i < f->count; i++)
        if (strcmp(f->items[i].dir, dir) == 0)
            return true;
    return false;
}

goat_error *goat_find_goat_packages(const goat_project *p, goat_found_packages *out)
{
    memset(out, 0, sizeof *out);
    size_t cap = 0;
    goat_error *err = walk(".", p->module_path, out, &cap);
    const char *dir = p->cfg.goat_package_path;
    struct stat st;
    /* without goat.yaml no one named the default directory: a
     * goat_generated.go goat did not write there is simply not goat's */
    if (!err && !p->config_missing && !found_dir(out, dir) && stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
        dir_scan s;
        if (!(err = scan_dir(dir, &s))) {
            char *gen = goat_path_join(dir, GOAT_GEN_FILE_NAME);
            if (s.generated) {
                add_found(out, &cap, p->module_path, dir, s.stray);
                s.stray = NULL;
            } else if (s.stray && strcmp(s.stray, gen) == 0) {
                err = goat_error_new(gen, 0, 0,
                                     "goat did not write this file (its first line is not \"%s\"), so goat leaves "
                                     "it alone; remove it, or set goatPackagePath in %s to goat's directory",
                                     GOAT_GEN_HEADER, p->config_path);
            }
            free(gen);
            dir_scan_free(&s);
        }
    }
    out->import_paths = goat_xcalloc(out->count + 1, sizeof *out->import_paths);
    for (size_t i = 0; i < out->count; i++)
        out->import_paths[i] = out->items[i].import_path;
    if (err)
        goat_found_packages_free(out);
    return err;
}

void goat_found_packages_free(goat_found_packages *found)
{
    for (size_t i = 0; i < found->count; i++) {
        free(found->items[i].dir);
        free(found->items[i].file);
        free(found->items[i].import_path);
        free(found->items[i].stray);
    }
    free(found->items);
    free(found->import_paths);
    memset(found, 0, sizeof *found);
}

/* The name in a Go file's package clause, or NULL when it has none. */
static char *package_name(const char *path, const char *text, size_t len)
{
    goat_lexer lx;
    goat_lexer_config lc = {.filename = path, .src = text, .len = len, .mode = GOAT_LEX_COMMENTS};
    goat_lexer_init(&lx, &lc);
    goat_token t;
    do
        t = goat_lexer_next(&lx);
    while (t.kind == GOAT_TOK_COMMENT);
    char *name = NULL;
    if (t.kind == GOAT_TOK_PACKAGE) {
        do
            t = goat_lexer_next(&lx);
        while (t.kind == GOAT_TOK_COMMENT);
        if (t.kind == GOAT_TOK_IDENT)
            name = goat_xstrndup(t.lit, t.lit_len);
    }
    goat_lexer_free(&lx);
    return name;
}

goat_error *goat_check_package_dir(const goat_project *p, bool tracked)
{
    const char *dir = p->cfg.goat_package_path;
    struct stat st;
    if (stat(dir, &st) != 0)
        return NULL; /* goat creates it */
    if (!S_ISDIR(st.st_mode))
        return goat_error_new(p->config_path, 0, 0,
                              "goatPackagePath: %s is not a directory, and goat writes its generated package "
                              "there; set goatPackagePath to a directory that holds no Go files (goat creates it) "
                              "and run goat again",
                              dir);
    dir_scan s;
    goat_error *err = scan_dir(dir, &s);
    if (err)
        return err;
    if (s.generated && !tracked) {
        char *gen = goat_path_join(dir, GOAT_GEN_FILE_NAME);
        err = goat_error_new(gen, 0, 0,
                             "already exists: this project is already tracked; run 'goat clean' first (or 'goat "
                             "patch' to update the tracking points)");
        free(gen);
    } else if (s.stray && !s.generated) {
        char *text = NULL;
        size_t len = 0;
        char *name = NULL;
        goat_error *rerr = goat_read_file(s.stray, &text, &len);
        if (!rerr)
            name = package_name(s.stray, text, len);
        goat_error_free(rerr);
        free(text);
        char *holds = name ? goat_xasprintf("package %s (%s)", name, s.stray) : goat_xstrdup(s.stray);
        err = goat_error_new(p->config_path, 0, 0,
                             "goatPackagePath: %s/ already holds Go code, %s, and goat would write its generated "
                             "package there; set goatPackagePath to a directory that holds no Go files (goat "
                             "creates it) and run goat again",
                             dir, holds);
        free(holds);
        free(name);
    }
    dir_scan_free(&s);
    return err;
}

/* ---- package-level declarations of the alias ---- */

static bool is_go(const char *path)
{
    return has_suffix(path, ".go");
}

/* One Go file of a directory the alias check looks at, read while the
 * directories are listed. */
typedef struct alias_check_item {
    char *path;
    const char *package;
    const char *text; /* NULL when the alias does not occur in the file (or on err) */
    size_t len;
    char *owned;      /* the text when read here, not the plan's */
    goat_error *err;  /* the file could not be read */
} alias_check_item;

/* Reads path unless the plan has its text (the one on disk), and keeps the
 * text only if alias occurs in it: no package-level declaration of alias
 * can be without it. */
static void alias_check_item_read(alias_check_item *it, const goat_plan *plan, const char *alias)
{
    const goat_plan_file *pf = goat_plan_file_of(plan, it->path);
    const char *text = NULL;
    size_t len = 0;
    if (pf && pf->old_text) {
        text = pf->old_text;
        len = pf->old_len;
    } else if ((it->err = goat_read_file(it->path, &it->owned, &len)) != NULL) {
        return;
    } else {
        text = it->owned;
    }
    if (goat_find(text, len, alias, strlen(alias))) {
        it->text = text;
        it->len = len;
    } else {
        free(it->owned);
        it->owned = NULL;
    }
}

/* The package-level declaration of alias in one file of the directory, as
 * an error, or NULL. The text is the one on disk; a file of another
 * package (an external test package, a build-ignored program) does not
 * count, nor does one that does not parse (it is not built either). */
static goat_error *check_file(const alias_check_item *it, const char *alias)
{
    if (it->err || !it->text)
        return it->err;
    goat_error *err = NULL;
    char *name = package_name(it->path, it->text, it->len);
    if (name && strcmp(name, it->package) == 0) {
        goat_arena arena;
        goat_arena_init(&arena);
        goat_node *file = NULL;
        goat_error *perr = goat_parse_file(&arena, it->path, it->text, it->len, &file);
        const char *what = NULL;
        const goat_node *decl = perr ? NULL : goat_clash_package_decl(file, alias, &what);
        if (decl)
            err = goat_clash_package_error(it->path, it->text, it->len, decl, what, alias);
        goat_error_free(perr);
        goat_arena_free(&arena);
    }
    free(name);
    return err;
}

typedef struct alias_check {
    const char *alias;
    alias_check_item *items;
    size_t count, cap;
    goat_error *err;
} alias_check;

static void check_files(void *arg)
{
    alias_check *job = arg;
    for (size_t i = 0; i < job->count && !job->err; i++) {
        job->err = check_file(&job->items[i], job->alias);
        job->items[i].err = NULL; /* now job->err's, or none */
    }
}

goat_error *goat_check_alias_in_packages(goat_plan *plan, const char *alias, const char *import_path)
{
    char *needle = goat_xasprintf("%s \"%s\"", alias, import_path);
    /* each directory once, with the package its instrumented files are in */
    char **dirs = NULL, **packages = NULL;
    size_t dir_count = 0, dir_cap = 0, package_cap = 0;
    for (size_t i = 0; i < plan->count; i++) {
        const goat_plan_file *f = &plan->files[i];
        if (!f->new_text || !is_go(f->path) || !goat_plan_changes(plan, f->path) ||
            !goat_find(f->new_text, f->new_len, needle, strlen(needle)))
            continue;
        char *dir = goat_path_dir(f->path);
        bool known = false;
        for (size_t k = 0; k < dir_count && !known; k++)
            known = strcmp(dirs[k], dir) == 0;
        char *package = known ? NULL : package_name(f->path, f->new_text, f->new_len);
        if (!package) {
            free(dir);
            continue;
        }
        goat_grow((void **)&dirs, &dir_cap, dir_count + 1, sizeof *dirs);
        goat_grow((void **)&packages, &package_cap, dir_count + 1, sizeof *packages);
        dirs[dir_count] = dir;
        packages[dir_count++] = package;
    }
    free(needle);
    /* every file first, so that all are parsed on one stack sized for the
     * largest instead of each on a thread of its own; a file is read as it
     * is listed, so its length needs no stat, and only files naming the
     * alias are parsed */
    alias_check job = {alias, NULL, 0, 0, NULL};
    size_t largest = 0;
    goat_error *err = NULL;
    for (size_t d = 0; d < dir_count && !err; d++) {
        goat_dir_entry *entries = NULL;
        size_t n = 0;
        if (!goat_list_dir(dirs[d], &entries, &n)) {
            err = goat_error_new(dirs[d], 0, 0, "cannot open directory: %s", strerror(errno));
            break;
        }
        for (size_t i = 0; i < n; i++) {
            if (entries[i].type != GOAT_ENTRY_FILE || !is_go(entries[i].name))
                continue;
            goat_grow((void **)&job.items, &job.cap, job.count + 1, sizeof *job.items);
            alias_check_item *it = &job.items[job.count++];
            *it = (alias_check_item){.path = goat_path_join(dirs[d], entries[i].name), .package = packages[d]};
            alias_check_item_read(it, plan, alias);
            if (it->text && it->len > largest)
                largest = it->len;
        }
        goat_dir_entries_free(entries, n);
    }
    if (!err)
        goat_run_with_parse_stack(largest, check_files, &job);
    for (size_t i = 0; i < job.count; i++) {
        free(job.items[i].path);
        free(job.items[i].owned);
        goat_error_free(job.items[i].err);
    }
    free(job.items);
    if (!err)
        err = job.err;
    free_names(dirs, dir_count);
    free_names(packages, dir_count);
    return err;
}
