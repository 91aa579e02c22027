/* SPDX-License-Identifier: MIT */
#include "project/mains.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "git/filter.h"
#include "lexer/lexer.h"
#include "parser/parser.h"
#include "project/plan.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/xalloc.h"
#include "util/sort.h"

/* One directory of the module: its Go files' package and imports. */
typedef struct pkg_dir {
    char *dir;
    char **files; /* relative paths of its non-test, non-ignored Go files */
    size_t file_count;
    bool is_main;
    char **imports; /* module-internal directories it imports */
    size_t import_count;
    bool visited; /* scratch for the closure */
} pkg_dir;

typedef struct scan {
    const char *module_path;
    const goat_plan *known; /* texts read already, or NULL */
    pkg_dir *dirs;
    size_t count, cap;
} scan;

char *goat_path_dir(const char *file)
{
    const char *slash = strrchr(file, '/');
    return slash ? goat_xstrndup(file, (size_t)(slash - file)) : goat_xstrdup(".");
}

static char *join(const char *dir, const char *name)
{
    return strcmp(dir, ".") == 0 ? goat_xstrdup(name) : goat_xasprintf("%s/%s", dir, name);
}

static void push_string(char ***items, size_t *count, const char *s)
{
    *items = goat_xreallocarray(*items, *count + 1, sizeof **items);
    (*items)[(*count)++] = goat_xstrdup(s);
}

static void add_string(char ***items, size_t *count, const char *s)
{
    for (size_t i = 0; i < *count; i++)
        if (strcmp((*items)[i], s) == 0)
            return;
    push_string(items, count, s);
}

/* An import path's directory inside this module, or NULL. */
static char *module_dir_of(const char *module_path, const char *import)
{
    size_t n = strlen(module_path);
    if (strcmp(import, module_path) == 0)
        return goat_xstrdup(".");
    if (strncmp(import, module_path, n) == 0 && import[n] == '/' && import[n + 1])
        return goat_xstrdup(import + n + 1);
    return NULL;
}

/* The text of an interpreted or raw string literal, without its quotes.
 * Import paths hold no escapes in practice; a backslash takes the next byte. */
static char *unquote(const char *lit, size_t len)
{
    if (len < 2)
        return goat_xstrdup("");
    char *out = goat_xmalloc(len);
    size_t n = 0;
    for (size_t i = 1; i + 1 < len; i++) {
        if (lit[0] == '"' && lit[i] == '\\' && i + 2 < len)
            i++;
        out[n++] = lit[i];
    }
    out[n] = '\0';
    return out;
}

static bool build_ignored_comment(const char *lit, size_t len)
{
    /* "//go:build ignore" or "// +build ignore", exactly (spaces trimmed). */
    while (len > 0 && (lit[len - 1] == ' ' || lit[len - 1] == '\t' || lit[len - 1] == '\r'))
        len--;
    static const char *const forms[] = {"//go:build ignore", "// +build ignore"};
    for (size_t i = 0; i < 2; i++)
        if (len == strlen(forms[i]) && memcmp(lit, forms[i], len) == 0)
            return true;
    return false;
}

/* What the head of one file says. */
typedef struct header {
    bool is_main;
    bool ignored;
    char **imports; /* the module-internal directories it imports */
    size_t import_count;
} header;

static void header_free(header *h)
{
    for (size_t i = 0; i < h->import_count; i++)
        free(h->imports[i]);
    free(h->imports);
    memset(h, 0, sizeof *h);
}

/* How far past the end of the last token it returned the lexer may have
 * looked: the next character (up to 4 bytes of UTF-8) and one byte beyond
 * it (peek, telling "..." from "."), 5 bytes; 8 leaves room to spare.
 * Every earlier token ends before the last one starts. */
enum { LEXER_LOOKAHEAD = 8 };

/* Reads the package clause and imports from the first len bytes of a file,
 * whole when they are all of it. Files that do not scan (a syntax error)
 * end the header there: the rewriter reports them. Returns whether the
 * bytes decide the header: the scan stopped on a token that ends far
 * enough before len that the rest of the file cannot change any token
 * read (a comment, an import list or a raw string going on past len can).
 * A semicolon or EOF as the last token never decides, since an automatic
 * one depends on what follows it (go/scanner's findLineEnd reads through
 * comments). */
static bool scan_header(const char *module_path, const char *path, const char *src, size_t len, bool whole,
                        header *h)
{
    memset(h, 0, sizeof *h);
    goat_lexer lx;
    goat_lexer_config lc = {.filename = path, .src = src, .len = len, .mode = GOAT_LEX_COMMENTS};
    goat_lexer_init(&lx, &lc);
    goat_token t = goat_lexer_next(&lx);
    while (t.kind == GOAT_TOK_COMMENT) {
        if (build_ignored_comment(t.lit, t.lit_len))
            h->ignored = true;
        t = goat_lexer_next(&lx);
    }
#define NEXT()                                    \
    do {                                          \
        t = goat_lexer_next(&lx);                 \
    } while (t.kind == GOAT_TOK_COMMENT)
    if (t.kind != GOAT_TOK_PACKAGE || h->ignored)
        goto done;
    NEXT();
    if (t.kind != GOAT_TOK_IDENT)
        goto done;
    h->is_main = t.lit_len == 4 && memcmp(t.lit, "main", 4) == 0;
    NEXT();
    for (;;) {
        if (t.kind == GOAT_TOK_SEMICOLON)
            NEXT();
        if (t.kind != GOAT_TOK_IMPORT)
            break;
        NEXT();
        bool group = t.kind == GOAT_TOK_LPAREN;
        if (group)
            NEXT();
        while (t.kind != GOAT_TOK_EOF) {
            if (group && t.kind == GOAT_TOK_RPAREN) {
                NEXT();
                break;
            }
            if (t.kind == GOAT_TOK_IDENT || t.kind == GOAT_TOK_PERIOD)
                NEXT();
            if (t.kind != GOAT_TOK_STRING)
                goto done;
            char *import = unquote(t.lit, t.lit_len);
            char *dir = module_dir_of(module_path, import);
            if (dir)
                add_string(&h->imports, &h->import_count, dir);
            free(dir);
            free(import);
            NEXT();
            if (!group)
                break;
            if (t.kind == GOAT_TOK_SEMICOLON)
                NEXT();
        }
    }
#undef NEXT
done:
    goat_lexer_free(&lx);
    return whole || (t.kind != GOAT_TOK_EOF && t.kind != GOAT_TOK_SEMICOLON && t.end <= len &&
                     len - t.end >= LEXER_LOOKAHEAD);
}

/* The first read of a file's head: most files' package clause and imports
 * (a license comment, a package comment, a dozen imports) fit. */
enum { HEAD_READ = 4096 };

/* Reads the head of path, as much as decides it: HEAD_READ bytes, then
 * twice as many each time until the header ends well inside them or they
 * are the whole file, so the result is what the whole file gives. */
static goat_error *read_header(const char *module_path, const goat_plan *known, const char *path, header *h)
{
    const goat_plan_file *f = known ? goat_plan_file_of(known, path) : NULL;
    if (f && f->old_text) {
        scan_header(module_path, path, f->old_text, f->old_len, true, h);
        return NULL;
    }
    for (size_t limit = HEAD_READ;; limit *= 2) {
        char *src = NULL;
        size_t len = 0;
        bool whole = false;
        goat_error *err = goat_read_file_head(path, limit, &src, &len, &whole);
        if (err)
            return err;
        bool decided = scan_header(module_path, path, src, len, whole, h);
        free(src);
        if (decided)
            return NULL;
        header_free(h);
    }
}

/* Whether dir holds a go.mod, as access(2) tells (following links). */
static bool holds_go_mod(const char *dir)
{
    char *gomod = goat_xasprintf("%s/go.mod", dir);
    bool found = access(gomod, F_OK) == 0;
    free(gomod);
    return found;
}

/* Whether a listing may show a go.mod: only then is access(2) asked.
 * Compared without case, for case-insensitive file systems, where
 * access("go.mod") finds a "GO.MOD". */
static bool may_list_go_mod(const goat_dir_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strcasecmp(entries[i].name, "go.mod") == 0)
            return true;
    return false;
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Walks dir, a directory of the module, and the directories below it,
 * except below the root those that hold their own go.mod: another module's,
 * left out. The listing of a directory tells whether it holds one, so
 * access(2) is asked only for a listed go.mod. */
static goat_error *walk(scan *s, const char *dir, bool root)
{
    goat_dir_entry *entries = NULL;
    size_t count = 0;
    if (!goat_list_dir(dir, &entries, &count)) {
        int e = errno;
        if (!root && holds_go_mod(dir))
            return NULL;
        return goat_error_new(dir, 0, 0, "cannot list directory: %s", strerror(e));
    }
    if (!root && may_list_go_mod(entries, count) && holds_go_mod(dir)) {
        goat_dir_entries_free(entries, count);
        return NULL;
    }

    goat_grow((void **)&s->dirs, &s->cap, s->count + 1, sizeof *s->dirs);
    size_t index = s->count++;
    memset(&s->dirs[index], 0, sizeof s->dirs[index]);
    s->dirs[index].dir = goat_xstrdup(dir);

    goat_error *err = NULL;
    bool any_main = false;
    for (size_t i = 0; i < count && !err; i++) {
        const char *name = entries[i].name;
        size_t nlen = strlen(name);
        if (entries[i].type == GOAT_ENTRY_DIR) {
            /* Directories starting with "_" or "." are walked: `./...`
             * skips them, but `go build ./_example` builds their main
             * packages, and their files are tracked like any other. */
            if (!goat_filter_dir_name_reason(name, nlen)) {
                char *path = join(dir, name);
                err = walk(s, path, false);
                free(path);
            }
        } else if (entries[i].type == GOAT_ENTRY_FILE && nlen > 3 && strcmp(name + nlen - 3, ".go") == 0 &&
                   !(nlen > 8 && strcmp(name + nlen - 8, "_test.go") == 0) && name[0] != '.' &&
                   name[0] != '_') {
            char *path = join(dir, name);
            header h;
            err = read_header(s->module_path, s->known, path, &h);
            if (!err && !h.ignored) {
                pkg_dir *d = &s->dirs[index]; /* s->dirs may move during the recursive walk */
                for (size_t j = 0; j < h.import_count; j++)
                    add_string(&d->imports, &d->import_count, h.imports[j]);
                push_string(&d->files, &d->file_count, path); /* names in a directory are unique */
                any_main = any_main || h.is_main;
            }
            if (!err)
                header_free(&h);
            free(path);
        }
    }
    s->dirs[index].is_main = any_main;
    goat_dir_entries_free(entries, count);
    return err;
}

static pkg_dir *find_dir(scan *s, const char *dir)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->dirs[i].dir, dir) == 0)
            return &s->dirs[i];
    return NULL;
}

static void closure(scan *s, pkg_dir *d, goat_main_pkg *m)
{
    if (d->visited)
        return;
    d->visited = true;
    add_string(&m->pkg_dirs, &m->pkg_dir_count, d->dir);
    for (size_t i = 0; i < d->import_count; i++) {
        pkg_dir *dep = find_dir(s, d->imports[i]);
        if (dep)
            closure(s, dep, m);
    }
}

/* The file of the main package that declares func main with a body. */
static char *find_main_file(const goat_plan *known, const pkg_dir *d)
{
    char *found = NULL;
    for (size_t i = 0; i < d->file_count && !found; i++) {
        const goat_plan_file *f = known ? goat_plan_file_of(known, d->files[i]) : NULL;
        char *owned = NULL;
        const char *src = f ? f->old_text : NULL;
        size_t len = f ? f->old_len : 0;
        if (!src) {
            goat_error *err = goat_read_file(d->files[i], &owned, &len);
            if (err) {
                goat_error_free(err);
                continue;
            }
            src = owned;
        }
        goat_arena arena;
        goat_arena_init(&arena);
        goat_node *file = NULL;
        goat_error *err = goat_parse_file(&arena, d->files[i], src, len, &file);
        if (err) {
            goat_error_free(err);
        } else {
            for (size_t j = 0; j < file->u.file.decls.count; j++) {
                const goat_node *decl = file->u.file.decls.items[j];
                if (decl->kind == GOAT_FUNC_DECL && !decl->u.func_decl.recv && decl->u.func_decl.body &&
                    strcmp(decl->u.func_decl.name->u.ident.name, "main") == 0) {
                    found = goat_xstrdup(d->files[i]);
                    break;
                }
            }
        }
        goat_arena_free(&arena);
        free(owned);
    }
    return found;
}

goat_error *goat_mains_find(const char *module_path, const goat_plan *known, goat_mains *out)
{
    memset(out, 0, sizeof *out);
    scan s = {module_path, known, NULL, 0, 0};
    goat_error *err = walk(&s, ".", true);
    if (!err) {
        /* Directories come out in walk order; mains are listed bytewise. */
        for (size_t i = 0; i < s.count; i++) {
            if (!s.dirs[i].is_main)
                continue;
            for (size_t j = 0; j < s.count; j++)
                s.dirs[j].visited = false;
            out->items = goat_xreallocarray(out->items, out->count + 1, sizeof *out->items);
            goat_main_pkg *m = &out->items[out->count++];
            memset(m, 0, sizeof *m);
            m->dir = goat_xstrdup(s.dirs[i].dir);
            m->main_file = find_main_file(known, &s.dirs[i]);
            closure(&s, &s.dirs[i], m);
            goat_sort(m->pkg_dirs, m->pkg_dir_count, sizeof *m->pkg_dirs, compare_strings);
        }
        for (size_t i = 1; i < out->count; i++)
            for (size_t j = i; j > 0 && strcmp(out->items[j - 1].dir, out->items[j].dir) > 0; j--) {
                goat_main_pkg tmp = out->items[j];
                out->items[j] = out->items[j - 1];
                out->items[j - 1] = tmp;
            }
    }
    for (size_t i = 0; i < s.count; i++) {
        pkg_dir *d = &s.dirs[i];
        for (size_t j = 0; j < d->file_count; j++)
            free(d->files[j]);
        free(d->files);
        for (size_t j = 0; j < d->import_count; j++)
            free(d->imports[j]);
        free(d->imports);
        free(d->dir);
    }
    free(s.dirs);
    if (err)
        goat_mains_free(out);
    return err;
}

void goat_main_pkg_free(goat_main_pkg *m)
{
    free(m->dir);
    free(m->main_file);
    for (size_t j = 0; j < m->pkg_dir_count; j++)
        free(m->pkg_dirs[j]);
    free(m->pkg_dirs);
    memset(m, 0, sizeof *m);
}

void goat_mains_free(goat_mains *mains)
{
    for (size_t i = 0; i < mains->count; i++)
        goat_main_pkg_free(&mains->items[i]);
    free(mains->items);
    mains->items = NULL;
    mains->count = 0;
}

bool goat_main_pkg_covers(const goat_main_pkg *m, const char *file)
{
    char *dir = goat_path_dir(file);
    bool found = bsearch(&dir, m->pkg_dirs, m->pkg_dir_count, sizeof *m->pkg_dirs, compare_strings) != NULL;
    free(dir);
    return found;
}
