/* SPDX-License-Identifier: MIT */
#include "project/run.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen/gen.h"
#include "gen/limits.h"
#include "git/changes.h"
#include "git/filter.h"
#include "git/ids.h"
#include "parser/parser.h"
#include "project/goat_package.h"
#include "project/mains.h"
#include "project/pkgnames.h"
#include "project/plan.h"
#include "project/pool.h"
#include "rewrite/markers.h"
#include "rewrite/rewrite.h"
#include "util/file.h"
#include "util/find.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Which points each rewritten file holds, in path order, with their rows
 * of the point table. */
typedef struct tracked_file {
    char *path;
    int first_id;
    int points;
    goat_rewrite_point *table; /* points rows, one block with their strings */
} tracked_file;

typedef struct tracking {
    tracked_file *files;
    size_t count, cap;
    int total;
    char granularity[GOAT_GEN_GRANULARITY_MAX]; /* the points were placed at; "" when not known */
} tracking;

/* Takes res's table. */
static void tracking_add(tracking *tr, const char *path, int first_id, goat_rewrite_result *res)
{
    goat_grow((void **)&tr->files, &tr->cap, tr->count + 1, sizeof *tr->files);
    tr->files[tr->count++] = (tracked_file){goat_xstrdup(path), first_id, res->points, res->table};
    res->table = NULL;
    tr->total += res->points;
}

static void tracking_free(tracking *tr)
{
    for (size_t i = 0; i < tr->count; i++) {
        free(tr->files[i].table); /* the rows and their strings (rewrite.h) */
        free(tr->files[i].path);
    }
    free(tr->files);
    memset(tr, 0, sizeof *tr);
}

static void log_points(const goat_run_options *o, const tracked_file *f)
{
    if (!o->verbose)
        return;
    if (f->points == 1)
        fprintf(stderr, "goat: %s: 1 tracking point (TRACK_ID_%d)\n", f->path, f->first_id);
    else
        fprintf(stderr, "goat: %s: %d tracking points (TRACK_ID_%d..TRACK_ID_%d)\n", f->path, f->points,
                f->first_id, f->first_id + f->points - 1);
    for (int k = 0; f->table && k < f->points; k++) {
        const goat_rewrite_point *pt = &f->table[k];
        fprintf(stderr, "goat:   TRACK_ID_%d %s:%d %s lines %s (%s)\n", f->first_id + k, f->path, pt->line,
                pt->func[0] ? pt->func : "-", pt->lines[0] ? pt->lines : "-", pt->insert ? "insert" : "track");
    }
}

static goat_rewrite_options rewrite_options(const goat_project *p, const char *import_path, int first_id)
{
    goat_rewrite_options ro = {
        .granularity = p->cfg.granularity,
        .alias = p->cfg.goat_package_alias,
        .import_path = import_path,
        .first_id = first_id,
        .table = true,
    };
    return ro;
}

/* What changed between oldBranch and newBranch, as goat.yaml asks. */
static goat_change_options change_options(const goat_project *p, bool verbose)
{
    goat_change_options co = {
        .project_dir = p->dir,
        .old_ref = p->cfg.old_branch,
        .new_ref = p->cfg.new_branch,
        .precision = p->cfg.diff_precision,
        .threads = p->cfg.threads,
        .ignores = (const char *const *)p->cfg.ignores.items,
        .ignore_count = p->cfg.ignores.count,
        .skip_nested_modules = p->cfg.skip_nested_modules,
        .goat_package_path = p->cfg.goat_package_path,
        .verbose = verbose,
    };
    return co;
}

static goat_filter *new_filter(const goat_project *p, bool verbose)
{
    goat_filter_options fo = {
        .project_dir = p->dir,
        .ignores = (const char *const *)p->cfg.ignores.items,
        .ignore_count = p->cfg.ignores.count,
        .skip_nested_modules = p->cfg.skip_nested_modules,
        .goat_package_path = p->cfg.goat_package_path,
        .verbose = verbose,
    };
    return goat_filter_new(&fo);
}

static bool contains(const char *text, size_t len, const char *needle)
{
    return goat_find(text, len, needle, strlen(needle)) != NULL;
}

/* ---- components, main entries and the generated package ---- */

typedef struct component {
    char *name;
    int *ids;
    size_t id_count;
    const goat_main_pkg *main; /* NULL for the whole-module component */
} component;

static void free_components(component *c, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(c[i].name);
        free(c[i].ids);
    }
    free(c);
}

static void component_take_ids(component *c, const tracking *tr, const goat_main_pkg *m)
{
    for (size_t i = 0; i < tr->count; i++) {
        const tracked_file *f = &tr->files[i];
        if (m && !goat_main_pkg_covers(m, f->path))
            continue;
        c->ids = goat_xreallocarray(c->ids, c->id_count + (size_t)f->points + 1, sizeof *c->ids);
        for (int id = f->first_id; id < f->first_id + f->points; id++)
            c->ids[c->id_count++] = id;
    }
}

static int points_in(const tracking *tr, const char *path)
{
    for (size_t i = 0; i < tr->count; i++)
        if (strcmp(tr->files[i].path, path) == 0)
            return tr->files[i].points;
    return 0;
}

/* Removes the lines from a `// +goat:main` line to the next `// +goat:end`
 * line, for a file that keeps its tracking blocks (and so its import). */
static char *strip_main_blocks(const char *text, size_t len, size_t *out_len)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    size_t i = 0;
    bool in_block = false;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) + 1 : len;
        size_t t = i;
        while (t < end && (text[t] == ' ' || text[t] == '\t'))
            t++;
        bool starts_main = end - t >= 13 && memcmp(text + t, "// +goat:main", 13) == 0;
        bool is_end = end - t >= 12 && memcmp(text + t, "// +goat:end", 12) == 0;
        if (!in_block && starts_main)
            in_block = true;
        else if (in_block && is_end)
            in_block = false;
        else if (!in_block)
            goat_strbuf_append(&sb, text + i, end - i);
        i = end;
    }
    return goat_strbuf_detach(&sb, out_len);
}

/* Makes m's main file carry exactly the main entry wanted: the block for
 * COMPONENT_want, or none when want < 0. Existing blocks that do not match
 * (a component renumbered, a main no longer selected) are removed first. */
static goat_error *settle_main_entry(goat_project *p, goat_plan *plan, const goat_main_pkg *m, int want,
                                     const tracking *tr, const char *import_path, bool *inserted)
{
    *inserted = false;
    const char *text = NULL;
    size_t len = 0;
    goat_error *err = goat_plan_text(plan, m->main_file, &text, &len);
    if (err)
        return err;
    if (contains(text, len, "+goat:main")) {
        char *call = goat_xasprintf("%s.ServeHTTP(%s.COMPONENT_%d)", p->cfg.goat_package_alias,
                                    p->cfg.goat_package_alias, want);
        bool same = want >= 0 && contains(text, len, call);
        free(call);
        if (same) {
            *inserted = true;
            return NULL;
        }
        if (points_in(tr, m->main_file) == 0) {
            goat_rewrite_options ro = rewrite_options(p, import_path, 1);
            goat_rewrite_result res = {0};
            if ((err = goat_rewrite_clean(m->main_file, text, len, &ro, &res)))
                return err;
            goat_plan_set(plan, m->main_file, res.text, res.len);
        } else {
            size_t n = 0;
            char *stripped = strip_main_blocks(text, len, &n);
            goat_plan_set(plan, m->main_file, stripped, n);
        }
        if ((err = goat_plan_text(plan, m->main_file, &text, &len)))
            return err;
    }
    if (want < 0)
        return NULL;
    goat_rewrite_options ro = rewrite_options(p, import_path, 1);
    goat_rewrite_result res = {0};
    if ((err = goat_rewrite_main_entry(m->main_file, text, len, &ro, want, &res)))
        return err;
    goat_plan_set(plan, m->main_file, res.text, res.len);
    *inserted = true;
    return NULL;
}

/* A main package whose files goat.yaml's ignores (or the other filters)
 * exclude is not a component. */
static void drop_ignored_mains(goat_mains *mains, goat_filter *filter, bool verbose)
{
    size_t kept = 0;
    for (size_t i = 0; i < mains->count; i++) {
        goat_main_pkg *m = &mains->items[i];
        char *probe = m->main_file ? goat_xstrdup(m->main_file)
                      : strcmp(m->dir, ".") == 0 ? goat_xstrdup("main.go")
                                                 : goat_xasprintf("%s/main.go", m->dir);
        bool keep = goat_filter_path(filter, probe);
        free(probe);
        if (keep) {
            mains->items[kept++] = *m;
        } else {
            if (verbose)
                fprintf(stderr, "goat: main package %s is ignored: not a component\n", m->dir);
            goat_main_pkg_free(m);
        }
    }
    mains->count = kept;
}

/* Builds the components, settles the main entries in the plan and adds the
 * generated package; with no tracking point, removes the package and every
 * main entry instead. */
/* A mainEntries entry that names no main package of the module (a typo, a
 * package since moved) selects nothing, silently: say which, and what
 * the module has. */
static void warn_unmatched_main_entries(const goat_project *p, const goat_mains *mains)
{
    const goat_string_list *entries = &p->cfg.main_entries;
    for (size_t e = 0; e < entries->count; e++) {
        const char *entry = entries->items[e];
        bool matched = strcmp(entry, "*") == 0;
        for (size_t i = 0; i < mains->count && !matched; i++)
            matched = strcmp(entry, mains->items[i].dir) == 0;
        if (matched)
            continue;
        goat_strbuf have = GOAT_STRBUF_INIT;
        goat_strbuf_puts(&have, "");
        for (size_t i = 0; i < mains->count && i < 8; i++)
            goat_strbuf_printf(&have, "%s%s", i ? ", " : "", mains->items[i].dir);
        if (mains->count > 8)
            goat_strbuf_printf(&have, " and %zu more", mains->count - 8);
        fprintf(stderr,
                "goat: warning: %s: mainEntries: \"%s\" is not the directory of a main package of this module "
                "(%s%s): correct or remove it\n",
                p->config_path, entry, mains->count ? "main packages: " : "it has none", have.data);
        goat_strbuf_free(&have);
    }
}

static goat_error *plan_package(goat_project *p, const goat_run_options *o, goat_plan *plan, const tracking *tr,
                                const char *import_path, const char *commit, int *entries_out)
{
    *entries_out = 0;
    goat_mains mains;
    goat_error *err = goat_mains_find(p->module_path, plan, &mains);
    if (err)
        return err;
    goat_filter *filter = new_filter(p, false);
    drop_ignored_mains(&mains, filter, o->verbose);

    size_t selected = 0;
    for (size_t i = 0; i < mains.count; i++)
        selected += goat_config_is_main_entry(&p->cfg, mains.items[i].dir);

    component *comps = NULL;
    size_t comp_count = 0;
    if (selected == 0) {
        comps = goat_xcalloc(1, sizeof *comps);
        comp_count = 1;
        comps[0].name = goat_xstrdup(p->module_path);
        component_take_ids(&comps[0], tr, NULL);
    } else {
        comps = goat_xcalloc(mains.count, sizeof *comps);
        comp_count = mains.count;
        for (size_t i = 0; i < mains.count; i++) {
            comps[i].name = goat_xstrdup(mains.items[i].dir);
            comps[i].main = &mains.items[i];
            component_take_ids(&comps[i], tr, &mains.items[i]);
        }
    }

    int entries = 0;
    for (size_t i = 0; i < mains.count && !err; i++) {
        const goat_main_pkg *m = &mains.items[i];
        bool chosen = tr->total > 0 && selected > 0 && goat_config_is_main_entry(&p->cfg, m->dir);
        if (chosen && comps[i].id_count == 0) {
            if (o->verbose)
                fprintf(stderr, "goat: %s: no tracking point in this program, no main entry\n", m->dir);
            chosen = false;
        }
        if (!m->main_file) {
            if (chosen)
                fprintf(stderr, "goat: warning: main package %s: no func main found, no main entry inserted\n",
                        m->dir);
            continue;
        }
        bool inserted = false;
        err = settle_main_entry(p, plan, m, chosen ? (int)i : -1, tr, import_path, &inserted);
        if (!err && inserted) {
            entries++;
            if (o->verbose)
                fprintf(stderr, "goat: %s: main entry for component %s (COMPONENT_%zu, %zu tracking point%s)\n",
                        m->main_file, m->dir, i, comps[i].id_count, comps[i].id_count == 1 ? "" : "s");
        }
    }
    if (!err && tr->total > 0)
        warn_unmatched_main_entries(p, &mains);
    if (!err && entries == 0 && tr->total > 0)
        fprintf(stderr,
                "goat: warning: no main entry was inserted (%s): call %s.ServeHTTP(%s.COMPONENT_0) from your "
                "program to serve /metrics and /track\n",
                mains.count == 0 ? "no main package in this module"
                : selected == 0  ? "mainEntries selects no main package"
                                 : "no selected main package reaches a tracking point",
                p->cfg.goat_package_alias, p->cfg.goat_package_alias);

    char *gen_path = goat_config_generated_file(&p->cfg);
    if (!err && tr->total == 0) {
        err = goat_plan_remove(plan, gen_path);
        goat_plan_prune_dir(plan, p->cfg.goat_package_path);
    } else if (!err) {
        goat_gen_component *gc = goat_xcalloc(comp_count, sizeof *gc);
        for (size_t i = 0; i < comp_count; i++)
            gc[i] = (goat_gen_component){comps[i].name, comps[i].ids, comps[i].id_count};
        goat_gen_point *points = goat_xcalloc((size_t)tr->total + 1, sizeof *points);
        size_t k = 0;
        for (size_t i = 0; i < tr->count; i++)
            for (int j = 0; j < tr->files[i].points; j++) {
                const goat_rewrite_point *pt = &tr->files[i].table[j];
                points[k++] = (goat_gen_point){tr->files[i].path, pt->line, pt->func, pt->lines,
                                               pt->insert ? GOAT_GEN_POINT_INSERT : GOAT_GEN_POINT_TRACK};
            }
        goat_gen_values v = {
            .package_name = p->cfg.goat_package_name,
            .app_name = p->cfg.app_name,
            .app_version = p->cfg.app_version,
            .track_id_count = tr->total,
            .components = gc,
            .component_count = comp_count,
            .points = points,
            .commit = commit,
            .race = p->cfg.race,
            .data_type = p->cfg.data_type == GOAT_DATA_TYPE_COUNT ? GOAT_GEN_DATA_COUNT : GOAT_GEN_DATA_BOOL,
            .granularity = tr->granularity,
        };
        char *text = NULL;
        size_t len = 0;
        err = goat_gen_render(&v, &text, &len);
        if (err && !err->file)
            err->file = goat_xstrdup(p->config_path);
        if (!err)
            goat_plan_set(plan, gen_path, text, len);
        free(points);
        free(gc);
    }
    free(gen_path);
    *entries_out = entries;
    free_components(comps, comp_count);
    goat_filter_free(filter);
    goat_mains_free(&mains);
    return err;
}

/* goat report refuses a point table larger than goat_gen_max_points(), so
 * track and patch refuse to write one: checked once every point is counted
 * and before the plan is delivered, so a refused run changes no file. The
 * remedy is in goat.yaml (or the markers), hence the error names it. */
static goat_error *check_point_count(const goat_project *p, int total, const char *what_next)
{
    goat_error *err = goat_gen_check_point_count(total);
    if (!err)
        return NULL;
    char *msg = goat_xasprintf("%s: nothing written; %s", err->message, what_next);
    free(err->message);
    err->message = msg;
    free(err->file);
    err->file = goat_xstrdup(p->config_path);
    return err;
}

/* Validates, then prints or writes the plan. */
static goat_error *deliver(goat_plan *plan, const goat_run_options *o, int threads)
{
    goat_error *err = goat_plan_validate(plan, threads);
    if (err)
        return err;
    if (o->dry_run) {
        fflush(stdout);
        return goat_plan_print_diff(plan, stdout);
    }
    return goat_plan_commit(plan);
}

static FILE *summary_stream(const goat_run_options *o)
{
    return o->dry_run ? stderr : stdout;
}

/* ---- rewriting the changed files ----
 *
 * Tracking IDs depend on the points of every earlier file. One thread
 * rewrites the files in path order, each with its real first ID. Several
 * workers rewrite each file as if it came first (IDs from 1); the IDs are
 * then shifted in path order. The shift edits only the calls the rewriter
 * wrote, "ALIAS.Track(ALIAS.TRACK_ID_k)" for k = 1..points in source order,
 * and only when the input held no such call; otherwise the file is simply
 * rewritten again with its real first ID. Either way the output is exactly
 * what a single thread produces. */

typedef struct rewrite_job {
    const char *path;
    const char *src;
    size_t len;
    const goat_lineset *lines;
    goat_pkgnames_query names_query; /* see project/pkgnames.h */
    goat_funcname_before names_before;
    int first_id; /* the ID res.text starts at */
    goat_rewrite_result res;
    goat_error *err;
} rewrite_job;

typedef struct rewrite_pool {
    rewrite_job *jobs;
    size_t count;
    atomic_size_t next;
    goat_rewrite_options opts;
} rewrite_pool;

/* Every file, in path order, with its real first ID. */
static void rewrite_in_order(void *arg)
{
    rewrite_pool *pool = arg;
    for (size_t i = 0; i < pool->count; i++) {
        rewrite_job *j = &pool->jobs[i];
        goat_rewrite_options ro = pool->opts;
        ro.names_before = &j->names_before;
        j->first_id = pool->opts.first_id;
        j->err = goat_rewrite_track(j->path, j->src, j->len, j->lines, &ro, &j->res);
        if (j->err)
            return;
        pool->opts.first_id += j->res.points;
    }
}

/* Files off the shared counter, each with IDs from 1. */
static void rewrite_worker(void *arg)
{
    rewrite_pool *pool = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&pool->next, 1);
        if (i >= pool->count)
            return;
        rewrite_job *j = &pool->jobs[i];
        goat_rewrite_options ro = pool->opts;
        ro.names_before = &j->names_before;
        j->first_id = 1;
        j->err = goat_rewrite_track(j->path, j->src, j->len, j->lines, &ro, &j->res);
    }
}

/* Shifts the IDs of a text rewritten with first_id 1 so they start at
 * first_id; NULL when the calls are not exactly the expected ones. The
 * known bodies (known_count of them, in offset order) move with the text:
 * the calls lie in bodies that got a block, never in a known one. */
static char *shift_ids(const char *alias, const char *src, size_t src_len, const char *text, size_t len,
                       int points, int first_id, goat_known_body *known, size_t known_count, size_t *out_len)
{
    char *pattern = goat_xasprintf("%s.Track(%s.TRACK_ID_", alias, alias);
    size_t plen = strlen(pattern);
    char *result = NULL;
    if (goat_find(src, src_len, pattern, plen) == NULL) {
        goat_strbuf sb = GOAT_STRBUF_INIT;
        const char *p = text, *end = text + len;
        int k = 0;
        bool ok = true;
        const char *hit;
        size_t moved = 0; /* known bodies placed so far */
        while (ok && (hit = goat_find(p, (size_t)(end - p), pattern, plen)) != NULL) {
            const char *digits = hit + plen, *q = digits;
            long v = 0;
            while (q < end && *q >= '0' && *q <= '9' && v < 100000000)
                v = v * 10 + (*q++ - '0');
            k++;
            ok = q > digits && q < end && *q == ')' && v == k;
            goat_strbuf_append(&sb, p, (size_t)(digits - p));
            /* sb now holds the text up to digits */
            for (; moved < known_count && known[moved].at < (size_t)(digits - text); moved++)
                known[moved].at = sb.len - ((size_t)(digits - text) - known[moved].at);
            goat_strbuf_printf(&sb, "%d", first_id + k - 1);
            p = q;
        }
        for (; moved < known_count; moved++)
            known[moved].at = sb.len + (known[moved].at - (size_t)(p - text));
        if (ok && k == points) {
            goat_strbuf_append(&sb, p, (size_t)(end - p));
            result = goat_strbuf_detach(&sb, out_len);
        } else {
            goat_strbuf_free(&sb);
        }
    }
    free(pattern);
    return result;
}

/* Rewrites the changed files, IDs from 1 in path order, into plan and tr. */
static goat_error *rewrite_changes(goat_project *p, const goat_run_options *o, goat_changes *changes,
                                   const char *import_path, goat_plan *plan, tracking *tr)
{
    goat_error *err = NULL;
    rewrite_pool pool = {0};
    pool.jobs = goat_xcalloc(changes->count + 1, sizeof *pool.jobs);
    pool.count = changes->count;
    atomic_init(&pool.next, 0);
    pool.opts = rewrite_options(p, import_path, 1);
    goat_pkgnames *names = goat_pkgnames_new();
    for (size_t i = 0; i < changes->count && !err; i++) {
        rewrite_job *j = &pool.jobs[i];
        j->path = changes->files[i].path;
        j->lines = &changes->files[i].lines;
        j->names_query = (goat_pkgnames_query){names, j->path};
        j->names_before = goat_pkgnames_source(&j->names_query);
        /* The change analysis read the file already (with oldBranch INIT,
         * every file): the plan takes that text instead of reading it
         * again. Seeded in path order, as the plan would have read them. */
        if (changes->files[i].text) {
            goat_plan_seed(plan, j->path, changes->files[i].text, changes->files[i].text_len);
            changes->files[i].text = NULL;
        }
        err = goat_plan_text(plan, j->path, &j->src, &j->len);
    }
    size_t largest = 0;
    for (size_t i = 0; i < changes->count; i++)
        if (pool.jobs[i].len > largest)
            largest = pool.jobs[i].len;
    if (!err && p->cfg.threads > 1 && changes->count > 1)
        goat_pool_run(changes->count < (size_t)p->cfg.threads ? (int)changes->count : p->cfg.threads, largest,
                      rewrite_worker, &pool);
    else if (!err)
        goat_run_with_parse_stack(largest, rewrite_in_order, &pool);
    int next_id = 1;
    for (size_t i = 0; i < changes->count && !err; i++) {
        rewrite_job *j = &pool.jobs[i];
        if (j->err) {
            err = j->err;
            j->err = NULL;
            break;
        }
        if (j->res.points == 0) {
            if (o->verbose)
                fprintf(stderr, "goat: %s: changed, but no change inside a function body\n", j->path);
            continue;
        }
        if (j->first_id != next_id) {
            size_t n = 0;
            char *shifted = shift_ids(p->cfg.goat_package_alias, j->src, j->len, j->res.text, j->res.len,
                                      j->res.points, next_id, j->res.known_bodies, j->res.known_body_count, &n);
            int points = j->res.points;
            goat_rewrite_point *table = j->res.table; /* IDs do not enter it */
            goat_known_body *known = j->res.known_bodies;
            size_t known_count = j->res.known_body_count;
            j->res.table = NULL;
            j->res.known_bodies = NULL;
            goat_rewrite_result_free(&j->res);
            memset(&j->res, 0, sizeof j->res);
            j->res.points = points;
            j->res.table = table;
            if (shifted) {
                j->res.text = shifted;
                j->res.len = n;
                j->res.known_bodies = known;
                j->res.known_body_count = known_count;
            } else {
                free(known);
                goat_rewrite_result_free(&j->res);
                goat_rewrite_options ro = rewrite_options(p, import_path, next_id);
                ro.names_before = &j->names_before;
                if ((err = goat_rewrite_track(j->path, j->src, j->len, j->lines, &ro, &j->res)))
                    break;
            }
        }
        int points = j->res.points;
        /* the plan owns the text now, and what the check may pass over */
        goat_plan_set_known(plan, j->path, j->res.text, j->res.len, j->res.known_bodies, j->res.known_body_count);
        j->res.text = NULL;
        j->res.known_bodies = NULL;
        j->res.known_body_count = 0;
        tracking_add(tr, j->path, next_id, &j->res);
        log_points(o, &tr->files[tr->count - 1]);
        next_id += points;
    }
    for (size_t i = 0; i < pool.count; i++) {
        goat_rewrite_result_free(&pool.jobs[i].res);
        if (pool.jobs[i].err)
            goat_error_free(pool.jobs[i].err);
    }
    free(pool.jobs);
    goat_pkgnames_free(names);
    return err;
}

/* ---- track ---- */

/* What to do when track makes too many points: a coarser granularity than
 * goat.yaml's (func is the coarsest), fewer changed lines, fewer files. */
static char *track_fewer_points(goat_granularity g)
{
    if (g == GOAT_GRANULARITY_FUNC)
        return goat_xstrdup("for fewer points, set oldBranch to a later commit (fewer changed lines) or list "
                            "files in ignores, and run goat again");
    return goat_xasprintf("for fewer points, set granularity to %s (now %s; func places one point per changed "
                          "function) or oldBranch to a later commit (fewer changed lines), or list files in "
                          "ignores, and run goat again",
                          g == GOAT_GRANULARITY_SCOPE ? "func" : "scope or func", goat_granularity_name(g));
}

goat_error *goat_run_track(goat_project *p, const goat_run_options *o)
{
    goat_error *err = goat_config_resolve(&p->cfg, p->dir);
    if (!err)
        err = goat_check_package_dir(p, false);
    if (err)
        return err;

    goat_change_options co = change_options(p, o->verbose);
    co.keep_texts = true; /* rewrite_changes reads every changed file */
    goat_changes changes = {0};
    err = goat_changes_compute(&co, &changes);
    if (err)
        return err;

    char *import_path = goat_project_goat_import_path(p);
    goat_plan plan;
    goat_plan_init(&plan);
    tracking tr = {0};
    snprintf(tr.granularity, sizeof tr.granularity, "%s", goat_granularity_name(p->cfg.granularity));
    err = rewrite_changes(p, o, &changes, import_path, &plan, &tr);
    size_t changed_files = changes.count;
    goat_changes_free(&changes);
    if (!err) {
        char *what_next = track_fewer_points(p->cfg.granularity);
        err = check_point_count(p, tr.total, what_next);
        free(what_next);
    }

    int entries = 0;
    char commit[GOAT_GIT_ID_HEX + 1] = "";
    if (!err && tr.total > 0)
        err = goat_git_commit_id(p->dir, p->cfg.new_branch, "newBranch", commit);
    if (!err && tr.total == 0) {
        fprintf(summary_stream(o),
                "goat track: no tracking points: %zu changed Go file%s between %s and %s, no changed code "
                "inside a function body; nothing written\n",
                changed_files, changed_files == 1 ? "" : "s", p->cfg.old_branch, p->cfg.new_branch);
    } else if (!err) {
        err = plan_package(p, o, &plan, &tr, import_path, commit, &entries);
        if (!err)
            err = goat_check_alias_in_packages(&plan, p->cfg.goat_package_alias, import_path);
        if (!err)
            err = deliver(&plan, o, p->cfg.threads);
        if (!err)
            fprintf(summary_stream(o), "goat track: %s%d tracking point%s in %zu file%s, %d main entr%s\n",
                    o->dry_run ? "would insert " : "", tr.total, tr.total == 1 ? "" : "s", tr.count,
                    tr.count == 1 ? "" : "s", entries, entries == 1 ? "y" : "ies");
    }
    tracking_free(&tr);
    goat_plan_free(&plan);
    free(import_path);
    return err;
}

/* ---- patch ---- */

static bool mentions_any(const char *text, size_t len, const char *const *needles)
{
    for (size_t i = 0; needles[i]; i++)
        if (contains(text, len, needles[i]))
            return true;
    return false;
}

/* Plans the removal of every goat package found but the one whose
 * generated file is keep (NULL: all), and of their directories when that
 * empties them. A Go file goat did not write in such a directory would be
 * left behind as a package of its own: an error, before anything is
 * written. */
static goat_error *remove_goat_packages(goat_plan *plan, const goat_found_packages *found, const char *keep)
{
    for (size_t i = 0; i < found->count; i++) {
        const goat_found_package *f = &found->items[i];
        if (keep && strcmp(f->file, keep) == 0)
            continue;
        if (f->stray)
            return goat_error_new(f->stray, 0, 0,
                                  "this Go file is in the directory of a goat package (%s), which goat removes, "
                                  "and goat did not write it; move it out of %s (or delete it) and run goat again",
                                  f->file, f->dir);
        goat_error *err = goat_plan_remove(plan, f->file);
        if (err)
            return err;
        goat_plan_prune_dir(plan, f->dir);
    }
    return NULL;
}

/* patch and clean work on the working tree's Go files (not on git's view):
 * every file the shared filter accepts, in path order. */
typedef struct walked_files {
    goat_filter *filter;
    char **paths;
    size_t count;
} walked_files;

static goat_error *walk_project(goat_project *p, const goat_run_options *o, walked_files *out)
{
    out->filter = new_filter(p, o->verbose);
    out->paths = NULL;
    out->count = 0;
    goat_error *err = goat_list_project_files(out->filter, &out->paths, &out->count);
    if (err)
        goat_filter_free(out->filter);
    return err;
}

static void walked_files_free(walked_files *w)
{
    goat_free_paths(w->paths, w->count);
    goat_filter_free(w->filter);
}

/* patch's and clean's start: the files to rewrite and the goat packages
 * the tree holds (patch first checks goatPackagePath's directory). */
static goat_error *walk_with_packages(goat_project *p, const goat_run_options *o, bool check_package_dir,
                                      walked_files *walked, goat_found_packages *found)
{
    goat_error *err = walk_project(p, o, walked);
    if (err)
        return err;
    if ((check_package_dir && (err = goat_check_package_dir(p, true))) || (err = goat_find_goat_packages(p, found)))
        walked_files_free(walked);
    return err;
}

/* The changed lines patch attributes to the points: those track would
 * find (oldBranch to newBranch), but for files whose text without goat's
 * blocks is newBranch's. Without them (history gone, no git) the points
 * stand for no lines, with a warning. */
static void patch_changes(const goat_project *p, goat_changes *out)
{
    goat_change_options co = change_options(p, false);
    co.any_worktree = true;
    goat_error *err = goat_changes_compute(&co, out);
    if (err) {
        fprintf(stderr, "goat patch: warning: the point table lists no changed lines: %s\n", err->message);
        goat_error_free(err);
        memset(out, 0, sizeof *out);
    }
}

static int compare_changed_path(const void *key, const void *item)
{
    return strcmp(key, ((const goat_changed_file *)item)->path);
}

/* path's changed lines when its text (with goat's blocks) cleans to the
 * text newBranch has, else NULL. */
static const goat_lineset *changed_lines_of(const goat_changes *changes, const char *path, const char *text,
                                            size_t len, const goat_rewrite_options *ro, bool verbose)
{
    const goat_changed_file *f =
        changes->count ? bsearch(path, changes->files, changes->count, sizeof *f, compare_changed_path) : NULL;
    if (!f)
        return NULL;
    goat_rewrite_result clean = {0};
    goat_error *err = goat_rewrite_clean(path, text, len, ro, &clean);
    char blob[GOAT_GIT_ID_HEX + 1] = "";
    if (!err)
        err = goat_git_blob_id(clean.text, clean.len, blob);
    goat_error_free(err);
    goat_rewrite_result_free(&clean);
    if (strcmp(blob, f->blob) == 0)
        return &f->lines;
    if (verbose)
        fprintf(stderr, "goat: %s: not newBranch's text once cleaned: its points stand for no changed lines\n", path);
    return NULL;
}

/* The files of patch and clean are rewritten one after the other on one
 * stack large enough to parse the largest (goat_run_with_parse_stack), not
 * each on a thread of its own. */
typedef struct files_pass {
    goat_project *p;
    const goat_run_options *o;
    goat_plan *plan;
    const walked_files *walked;
    const char *import_path;
    const goat_found_packages *found;
    const goat_changes *changes; /* patch */
    tracking *tr;                /* patch */
    int points;                  /* clean */
    size_t files;                /* clean */
    goat_error *err;
} files_pass;

/* Reads every walked file into the plan, then runs fn(pass) over them on
 * one stack sized for the largest. */
static goat_error *over_walked_files(files_pass *pass, void (*fn)(void *))
{
    size_t largest = 0;
    goat_error *err = goat_plan_load(pass->plan, pass->walked->paths, pass->walked->count, &largest);
    if (err)
        return err;
    goat_run_with_parse_stack(largest, fn, pass);
    return pass->err;
}

static void patch_files(void *arg)
{
    files_pass *f = arg;
    goat_project *p = f->p;
    int next_id = 1;
    goat_pkgnames *names = goat_pkgnames_new();
    for (size_t i = 0; i < f->walked->count && !f->err; i++) {
        const char *path = f->walked->paths[i], *text = NULL;
        size_t len = 0;
        if ((f->err = goat_plan_text(f->plan, path, &text, &len)))
            break;
        goat_markers_warn_near_misses(path, text, len, stderr);
        if (!contains(text, len, "+goat:") && !mentions_any(text, len, f->found->import_paths))
            continue;
        goat_pkgnames_query query = {names, path};
        goat_funcname_before before = goat_pkgnames_source(&query);
        goat_rewrite_options ro = rewrite_options(p, f->import_path, next_id);
        ro.tree_import_paths = f->found->import_paths;
        ro.names_before = &before;
        ro.changed = changed_lines_of(f->changes, path, text, len, &ro, f->o->verbose);
        goat_rewrite_result res = {0};
        if ((f->err = goat_rewrite_patch(path, text, len, &ro, &res)))
            break;
        if (res.points > 0) {
            tracking_add(f->tr, path, next_id, &res);
            log_points(f->o, &f->tr->files[f->tr->count - 1]);
            next_id += res.points;
        }
        goat_plan_set(f->plan, path, res.text, res.len);
    }
    goat_pkgnames_free(names);
}

/* The granularity the project's points were placed at, as the header of
 * its goat package records it (the one at goatPackagePath first); "" when
 * none does (a package an earlier goat wrote). */
static goat_error *recorded_granularity(goat_plan *plan, const goat_found_packages *found, const goat_project *p,
                                        char out[GOAT_GEN_GRANULARITY_MAX])
{
    out[0] = '\0';
    char *gen_path = goat_config_generated_file(&p->cfg);
    goat_error *err = NULL;
    for (int at_path = 1; at_path >= 0 && !out[0] && !err; at_path--)
        for (size_t i = 0; i < found->count && !out[0] && !err; i++) {
            if ((strcmp(found->items[i].file, gen_path) == 0) != at_path)
                continue;
            const char *text;
            size_t len;
            if (!(err = goat_plan_text(plan, found->items[i].file, &text, &len)))
                goat_gen_recorded_granularity(text, len, out);
        }
    free(gen_path);
    return err;
}

/* patch cannot move points to another granularity: where they go depends
 * on the change, which only goat track reads whole. So it keeps them, and
 * says so while goat.yaml names another granularity. */
static void warn_granularity_kept(const goat_project *p, const char *placed)
{
    const char *wanted = goat_granularity_name(p->cfg.granularity);
    if (placed[0] && strcmp(placed, wanted) != 0)
        fprintf(stderr,
                "goat patch: warning: %s: granularity is %s, but the tracking points were placed at %s "
                "granularity; patch keeps them where they are: run goat clean, then goat track, to place them "
                "at %s granularity\n",
                p->config_path, wanted, placed, wanted);
}

goat_error *goat_run_patch(goat_project *p, const goat_run_options *o)
{
    walked_files walked;
    goat_found_packages found;
    goat_error *err = goat_config_resolve(&p->cfg, p->dir);
    if (err)
        return err;
    err = walk_with_packages(p, o, true, &walked, &found);
    if (err)
        return err;
    char *import_path = goat_project_goat_import_path(p);
    goat_plan plan;
    goat_plan_init(&plan);
    tracking tr = {0};
    err = recorded_granularity(&plan, &found, p, tr.granularity);
    if (err) {
        goat_plan_free(&plan);
        free(import_path);
        goat_found_packages_free(&found);
        walked_files_free(&walked);
        return err;
    }
    warn_granularity_kept(p, tr.granularity);
    goat_changes changes;
    patch_changes(p, &changes);
    files_pass pass = {.p = p, .o = o, .plan = &plan, .walked = &walked, .import_path = import_path,
                       .found = &found, .changes = &changes, .tr = &tr};
    err = over_walked_files(&pass, patch_files);
    goat_changes_free(&changes);
    if (!err)
        err = check_point_count(p, tr.total,
                                "for fewer points, remove tracking blocks (a +goat:generate made +goat:delete) or "
                                "+goat:insert markers, or run goat clean and goat track with a coarser granularity "
                                "or a later oldBranch");

    int entries = 0;
    char commit[GOAT_GIT_ID_HEX + 1] = "";
    if (!err && tr.total > 0)
        err = goat_git_commit_id(p->dir, p->cfg.new_branch, "newBranch", commit);
    if (!err)
        err = plan_package(p, o, &plan, &tr, import_path, commit, &entries);
    if (!err)
        err = goat_check_alias_in_packages(&plan, p->cfg.goat_package_alias, import_path);
    char *gen_path = goat_config_generated_file(&p->cfg);
    if (!err) /* goat packages an earlier goatPackagePath left */
        err = remove_goat_packages(&plan, &found, gen_path);
    free(gen_path);
    if (!err)
        err = deliver(&plan, o, p->cfg.threads);
    size_t changed = err ? 0 : goat_plan_changed_count(&plan);
    if (!err)
        fprintf(summary_stream(o), "goat patch: %s%d tracking point%s in %zu file%s, %d main entr%s, %zu file%s %s\n",
                o->dry_run ? "would leave " : "", tr.total, tr.total == 1 ? "" : "s", tr.count,
                tr.count == 1 ? "" : "s", entries, entries == 1 ? "y" : "ies", changed, changed == 1 ? "" : "s",
                o->dry_run ? "to change" : "changed");
    tracking_free(&tr);
    goat_plan_free(&plan);
    free(import_path);
    goat_found_packages_free(&found);
    walked_files_free(&walked);
    return err;
}

/* ---- clean ---- */

/* "A, B and C" of the found packages' generated files, for the summary. */
static char *removed_files(const goat_plan *plan, const goat_found_packages *found, size_t *count)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    *count = 0;
    for (size_t i = 0; i < found->count; i++)
        *count += goat_plan_changes(plan, found->items[i].file);
    size_t k = 0;
    for (size_t i = 0; i < found->count; i++) {
        if (!goat_plan_changes(plan, found->items[i].file))
            continue;
        goat_strbuf_puts(&sb, k == 0 ? "" : k + 1 == *count ? " and " : ", ");
        goat_strbuf_puts(&sb, found->items[i].file);
        k++;
    }
    goat_strbuf_puts(&sb, "");
    return goat_strbuf_detach(&sb, NULL);
}

static void clean_files(void *arg)
{
    files_pass *f = arg;
    for (size_t i = 0; i < f->walked->count && !f->err; i++) {
        const char *path = f->walked->paths[i], *text = NULL;
        size_t len = 0;
        if ((f->err = goat_plan_text(f->plan, path, &text, &len)))
            break;
        goat_markers_warn_near_misses(path, text, len, stderr);
        if (!goat_markers_possible(text, len) && !contains(text, len, f->import_path) &&
            !mentions_any(text, len, f->found->import_paths))
            continue; /* nothing goat_rewrite_clean would change */
        goat_rewrite_options ro = rewrite_options(f->p, f->import_path, 1);
        ro.tree_import_paths = f->found->import_paths;
        goat_rewrite_result res = {0};
        if ((f->err = goat_rewrite_clean(path, text, len, &ro, &res)))
            break;
        goat_plan_set(f->plan, path, res.text, res.len);
        if (goat_plan_changes(f->plan, path)) {
            f->files++;
            f->points += res.points;
            if (f->o->verbose)
                fprintf(stderr, "goat: %s: removed %d tracking point%s\n", path, res.points,
                        res.points == 1 ? "" : "s");
        }
    }
}

/* Without goat.yaml, clean knows the goat packages from the tree alone: it
 * says so on stderr, in one line. When it found none but files hold goat's
 * blocks or imports, it refuses: the package may be where the search does
 * not look (testdata, node_modules, a nested module), which only
 * goatPackagePath can name, and clean would leave it behind. */
static goat_error *check_without_config(const goat_project *p, const goat_found_packages *found, size_t files)
{
    if (found->count == 0 && files > 0)
        return goat_error_new(p->config_path, 0, 0,
                              "not found, and no goat package found in the tree (a %s starting with \"%s\"), "
                              "though %zu file%s hold%s goat's blocks or imports: the package may be where clean "
                              "does not look (testdata, node_modules, a nested module), which only goatPackagePath "
                              "names; put goat.yaml back or set GOAT_CONFIG to it (if the package is gone, 'goat "
                              "init' writes one), and run goat clean again; nothing written",
                              GOAT_GEN_FILE_NAME, GOAT_GEN_HEADER, files, files == 1 ? "" : "s",
                              files == 1 ? "s" : "");
    goat_strbuf sb = GOAT_STRBUF_INIT;
    for (size_t i = 0; i < found->count; i++) {
        goat_strbuf_puts(&sb, i == 0 ? "" : i + 1 == found->count ? " and " : ", ");
        goat_strbuf_puts(&sb, found->items[i].dir);
        goat_strbuf_puts(&sb, "/");
    }
    goat_strbuf_puts(&sb, "");
    char *dirs = goat_strbuf_detach(&sb, NULL);
    if (found->count == 0)
        fprintf(stderr, "goat clean: no %s found: working from the tree alone, which holds no goat package\n",
                p->config_path);
    else
        fprintf(stderr, "goat clean: no %s found: working from the tree alone, with the goat package%s %s (found "
                "by %s header) and the default settings\n",
                p->config_path, found->count == 1 ? "" : "s", dirs, found->count == 1 ? "its" : "their");
    free(dirs);
    return NULL;
}

/* clean works from what the tree holds: the blocks, the goat packages
 * found by their generated file's header, and the imports of them, so
 * that it still undoes everything after goat.yaml changed, or without
 * goat.yaml at all (the defaults then stand for its settings). */
goat_error *goat_run_clean(goat_project *p, const goat_run_options *o)
{
    walked_files walked;
    goat_found_packages found;
    goat_error *err = walk_with_packages(p, o, false, &walked, &found);
    if (err)
        return err;
    char *import_path = goat_project_goat_import_path(p);
    goat_plan plan;
    goat_plan_init(&plan);
    files_pass pass = {.p = p, .o = o, .plan = &plan, .walked = &walked, .import_path = import_path, .found = &found};
    err = over_walked_files(&pass, clean_files);
    int points = pass.points;
    size_t files = pass.files;
    if (!err && p->config_missing)
        err = check_without_config(p, &found, files);
    if (!err)
        err = remove_goat_packages(&plan, &found, NULL);
    if (!err)
        err = deliver(&plan, o, p->cfg.threads);
    if (!err) {
        size_t gen_count;
        char *gens = removed_files(&plan, &found, &gen_count);
        fprintf(summary_stream(o), "goat clean: %s %d tracking point%s from %zu file%s%s%s\n",
                o->dry_run ? "would remove" : "removed", points, points == 1 ? "" : "s", files, files == 1 ? "" : "s",
                gen_count ? " and " : "", gens);
        free(gens);
    }
    goat_plan_free(&plan);
    free(import_path);
    goat_found_packages_free(&found);
    walked_files_free(&walked);
    return err;
}
