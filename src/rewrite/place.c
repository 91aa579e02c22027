/* SPDX-License-Identifier: MIT */
/* The placement rules follow monshunter/goat's pkg/tracking (increment.go,
 * types.go): statements are visited in the same order, scopes are built
 * the same way (gaps between child scopes included), and the patch and
 * scope bookkeeping keys on (start line, end line) as the reference does.
 * Where the reference would put a block where no statement may stand (the
 * line after a single-line if inside a case list, the middle of a
 * signature, ...) the block is dropped instead. */
#include "rewrite/place.h"
#include <stddef.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/lines.h"
#include "util/xalloc.h"

typedef struct slot {
    bool valid;
    bool extra_tab;
    bool before_case; /* the slot is a case line: the block ends the clause above */
    size_t offset; /* line start of the line the block goes before */
    size_t indent_len;
} slot;

typedef struct fscope {
    int start, end; /* lines of '{' and '}' */
} fscope;

typedef struct tscope tscope;
struct tscope {
    int start, end;
    const goat_node_list *list; /* NULL for a gap */
    tscope *children;
    size_t nchildren, cap;
};


/* Scope keys (start line, end line) -> index, open addressing; a stored
 * key is key+1 so that 0 marks an empty cell. */
typedef struct keymap {
    uint64_t *keys;
    size_t *vals;
    size_t cap, count;
} keymap;

static uint64_t scope_key(int start, int end)
{
    return ((uint64_t)(uint32_t)start << 32) | (uint32_t)end;
}

static size_t *keymap_find(keymap *m, uint64_t key, bool *found)
{
    if (m->count * 2 + 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        uint64_t *nk = goat_xcalloc(ncap, sizeof *nk);
        size_t *nv = goat_xcalloc(ncap, sizeof *nv);
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->keys[i])
                continue;
            size_t h = (size_t)((m->keys[i] * 0x9e3779b97f4a7c15ULL) >> 20) & (ncap - 1);
            while (nk[h])
                h = (h + 1) & (ncap - 1);
            nk[h] = m->keys[i];
            nv[h] = m->vals[i];
        }
        free(m->keys);
        free(m->vals);
        m->keys = nk;
        m->vals = nv;
        m->cap = ncap;
    }
    uint64_t k = key + 1;
    size_t h = (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 20) & (m->cap - 1);
    while (m->keys[h] && m->keys[h] != k)
        h = (h + 1) & (m->cap - 1);
    *found = m->keys[h] == k;
    if (!*found) {
        m->keys[h] = k;
        m->count++;
    }
    return &m->vals[h];
}

static void keymap_free(keymap *m)
{
    free(m->keys);
    free(m->vals);
}

typedef struct ctx {
    const char *src;
    size_t len;
    goat_lines lines;
    int nlines;
    const goat_lineset *news;
    goat_granularity g;
    bool *comment; /* [1..nlines] blank or comment-only line */
    bool *marked;  /* [1..nlines] a block already goes before this line */
    slot *slots;   /* [1..nlines] */
    fscope *fs;
    size_t nfs, capfs;
    tscope *ts;
    size_t nts, capts;
    keymap visited; /* scope keys seen (scope granularity) */
    keymap ps_index; /* (scope, run) -> marked (patch granularity) */
    int *run_start;  /* [1..nlines] first line of the run of new-or-comment lines, 0 outside */
    long *func_of;           /* [1..nlines] innermost function scope (index into fs), -1 outside */
    long *top_of;            /* [1..nlines] innermost function track scope, -1 outside */
    const tscope **inner_of; /* [1..nlines] innermost track scope within it */
    const goat_node **singles;
    size_t nsingles, capsingles;
    const goat_node **empty_switch_bodies;
    size_t nesb, capesb;
    goat_places *out;
} ctx;

static int line_of(ctx *c, goat_pos pos)
{
    int line, col;
    goat_lines_position(&c->lines, (size_t)pos, &line, &col);
    return line;
}

static bool is_new(ctx *c, int line)
{
    if (line < 1 || line > c->nlines)
        return false;
    return goat_lineset_contains(c->news, line);
}

/* The reference's IsGoComment: blank, or starting with //, / * or * /. */
static bool comment_line(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\v' || s[i] == '\f'))
        i++;
    if (i == n)
        return true;
    if (n - i >= 2 && s[i] == '/' && (s[i + 1] == '/' || s[i + 1] == '*'))
        return true;
    if (n - i >= 2 && s[i] == '*' && s[i + 1] == '/')
        return true;
    return false;
}

static size_t line_start(ctx *c, int line)
{
    return goat_lines_start(&c->lines, line);
}

static size_t line_end(ctx *c, int line) /* offset of the '\n' (or len) */
{
    size_t p = line_start(c, line);
    while (p < c->len && c->src[p] != '\n')
        p++;
    return p;
}

/* True when only blanks precede pos on its line. */
static bool starts_line(ctx *c, goat_pos pos, size_t *ls)
{
    size_t p = (size_t)pos;
    while (p > 0 && (c->src[p - 1] == ' ' || c->src[p - 1] == '\t'))
        p--;
    if (p > 0 && c->src[p - 1] != '\n')
        return false;
    *ls = p;
    return true;
}

/* ---- slots: the lines before which a statement may stand ---- */

static void set_slot(ctx *c, int line, size_t offset, size_t indent_len, bool extra_tab)
{
    if (line < 1 || line > c->nlines)
        return;
    c->slots[line] = (slot){true, extra_tab, false, offset, indent_len};
}

static bool breakable(const goat_node *s)
{
    switch (s->kind) {
    case GOAT_FOR_STMT:
    case GOAT_RANGE_STMT:
    case GOAT_SWITCH_STMT:
    case GOAT_TYPE_SWITCH_STMT:
    case GOAT_SELECT_STMT:
        return true;
    default:
        return false;
    }
}

static void stmt_slot(ctx *c, const goat_node *s)
{
    size_t ls;
    if (!s || s->pos == GOAT_NOPOS || !starts_line(c, s->pos, &ls))
        return;
    int line = line_of(c, s->pos);
    bool labeled = s->kind == GOAT_LABELED_STMT;
    set_slot(c, line, ls, (size_t)s->pos - ls, labeled);
    if (!labeled)
        return;
    /* A labeled loop, switch or select keeps its label (break L and
     * continue L need it), and a label before a lone ';' keeps its
     * statement: their block goes before the label. Any other
     * labeled statement gets its block after the label, so that a goto
     * runs it too, as the reference places it. */
    const goat_node *inner = s;
    while (inner->kind == GOAT_LABELED_STMT && inner->u.labeled.stmt)
        inner = inner->u.labeled.stmt;
    size_t ils;
    if (inner == s || inner->pos == GOAT_NOPOS || line_of(c, inner->pos) == line || !starts_line(c, inner->pos, &ils))
        return;
    if (breakable(inner) || inner->kind == GOAT_EMPTY_STMT)
        set_slot(c, line_of(c, inner->pos), ls, (size_t)s->pos - ls, true);
    else
        stmt_slot(c, inner);
}

static bool is_empty_switch_body(ctx *c, const goat_node *b)
{
    for (size_t i = 0; i < c->nesb; i++)
        if (c->empty_switch_bodies[i] == b)
            return true;
    return false;
}

static bool slot_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    ctx *c = arg;
    switch (n->kind) {
    case GOAT_SWITCH_STMT:
    case GOAT_TYPE_SWITCH_STMT:
    case GOAT_SELECT_STMT: {
        const goat_node *body = n->kind == GOAT_SWITCH_STMT        ? n->u.switch_stmt.body
                                : n->kind == GOAT_TYPE_SWITCH_STMT ? n->u.type_switch.body
                                                                   : n->u.select_stmt.body;
        if (body && body->u.block.list.count == 0) {
            goat_grow((void **)&c->empty_switch_bodies, &c->capesb, c->nesb + 1, sizeof(void *));
            c->empty_switch_bodies[c->nesb++] = body;
        }
        break;
    }
    case GOAT_BLOCK_STMT: {
        const goat_node_list *l = &n->u.block.list;
        for (size_t i = 0; i < l->count; i++) {
            const goat_node *s = l->items[i];
            if (s->kind == GOAT_CASE_CLAUSE || s->kind == GOAT_COMM_CLAUSE) {
                size_t ls;
                /* Before a later case: the statement ends the previous clause. */
                if (i > 0 && starts_line(c, s->pos, &ls)) {
                    set_slot(c, line_of(c, s->pos), ls, (size_t)s->pos - ls, true);
                    c->slots[line_of(c, s->pos)].before_case = true;
                }
            } else {
                stmt_slot(c, s);
            }
        }
        size_t ls;
        if (n->u.block.rbrace != GOAT_NOPOS && (l->count > 0 || !is_empty_switch_body(c, n)) &&
            starts_line(c, n->u.block.rbrace, &ls) && line_of(c, n->u.block.rbrace) != line_of(c, n->u.block.lbrace))
            set_slot(c, line_of(c, n->u.block.rbrace), ls, (size_t)n->u.block.rbrace - ls, true);
        break;
    }
    case GOAT_CASE_CLAUSE:
        for (size_t i = 0; i < n->u.case_clause.body.count; i++)
            stmt_slot(c, n->u.case_clause.body.items[i]);
        break;
    case GOAT_COMM_CLAUSE:
        for (size_t i = 0; i < n->u.comm_clause.body.count; i++)
            stmt_slot(c, n->u.comm_clause.body.items[i]);
        break;
    default:
        break;
    }
    return true;
}

/* ---- function scopes ---- */

static int cmp_fscope(const void *a, const void *b)
{
    const fscope *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static void add_tscope(ctx *c, const goat_node *body);

static bool fscope_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    ctx *c = arg;
    const goat_node *body = NULL;
    if (n->kind == GOAT_FUNC_DECL)
        body = n->u.func_decl.body;
    else if (n->kind == GOAT_FUNC_LIT)
        body = n->u.func_lit.body;
    if (body) {
        goat_grow((void **)&c->fs, &c->capfs, c->nfs + 1, sizeof *c->fs);
        c->fs[c->nfs++] = (fscope){line_of(c, body->u.block.lbrace), line_of(c, body->u.block.rbrace)};
        add_tscope(c, body);
    }
    return true;
}

/* Both collections in one walk of the file: they are independent. */
static bool slot_and_fscope_visit(const goat_node *n, int depth, void *arg)
{
    slot_visit(n, depth, arg);
    return fscope_visit(n, depth, arg);
}

/* For each line, the index of the last scope in sorted order that strictly
 * contains it (start < line < end), or -1: the reference's Search over
 * sorted scopes. Painted from the last scope backwards, each line once,
 * skipping painted runs through a next-unpainted forest, so the cost is
 * linear in lines plus scopes whatever the nesting. */
static long *paint_last(int nlines, size_t n, const void *items, size_t size, size_t start_off, size_t end_off)
{
    long *owner = goat_xmalloc(((size_t)nlines + 2) * sizeof *owner);
    int *next = goat_xmalloc(((size_t)nlines + 3) * sizeof *next);
    for (int l = 0; l <= nlines + 1; l++)
        owner[l] = -1;
    for (int l = 0; l <= nlines + 2; l++)
        next[l] = l;
    for (size_t i = n; i-- > 0;) {
        const char *it = (const char *)items + i * size;
        int start, end;
        memcpy(&start, it + start_off, sizeof start);
        memcpy(&end, it + end_off, sizeof end);
        int lo = start + 1 < 1 ? 1 : start + 1;
        int hi = end - 1 > nlines ? nlines : end - 1;
        int l = lo;
        while (l <= hi) {
            int root = l;
            while (next[root] != root)
                root = next[root];
            while (next[l] != root) { /* path compression */
                int up = next[l];
                next[l] = root;
                l = up;
            }
            l = root;
            if (l > hi)
                break;
            owner[l] = (long)i;
            next[l] = l + 1;
            l++;
        }
    }
    free(next);
    return owner;
}

/* Index of the innermost function scope strictly containing line, or -1. */
static long func_search(ctx *c, int line)
{
    return line >= 1 && line <= c->nlines ? c->func_of[line] : -1;
}

/* ---- track scopes (patch and scope granularity) ---- */

static void add_tscope(ctx *c, const goat_node *body)
{
    goat_grow((void **)&c->ts, &c->capts, c->nts + 1, sizeof *c->ts);
    c->ts[c->nts++] = (tscope){line_of(c, body->u.block.lbrace), line_of(c, body->u.block.rbrace),
                               &body->u.block.list, NULL, 0, 0};
}

static void add_child(tscope *f, tscope child)
{
    goat_grow((void **)&f->children, &f->cap, f->nchildren + 1, sizeof *f->children);
    f->children[f->nchildren++] = child;
}

static void child_of_block(ctx *c, tscope *f, const goat_node *body)
{
    if (body)
        add_child(f, (tscope){line_of(c, body->u.block.lbrace), line_of(c, body->u.block.rbrace),
                              &body->u.block.list, NULL, 0, 0});
}

static void child_of_node(ctx *c, tscope *f, const goat_node *s)
{
    switch (s->kind) {
    case GOAT_IF_STMT:
        child_of_block(c, f, s->u.if_stmt.body);
        break;
    case GOAT_FOR_STMT:
        child_of_block(c, f, s->u.for_stmt.body);
        break;
    case GOAT_RANGE_STMT:
        child_of_block(c, f, s->u.range_stmt.body);
        break;
    case GOAT_SWITCH_STMT:
        child_of_block(c, f, s->u.switch_stmt.body);
        break;
    case GOAT_TYPE_SWITCH_STMT:
        child_of_block(c, f, s->u.type_switch.body);
        break;
    case GOAT_SELECT_STMT:
        child_of_block(c, f, s->u.select_stmt.body);
        break;
    case GOAT_CASE_CLAUSE:
    case GOAT_COMM_CLAUSE: {
        const goat_node_list *b = s->kind == GOAT_CASE_CLAUSE ? &s->u.case_clause.body : &s->u.comm_clause.body;
        if (b->count > 0)
            add_child(f, (tscope){line_of(c, b->items[0]->pos) - 1, line_of(c, b->items[b->count - 1]->end) + 1,
                                  b, NULL, 0, 0});
        break;
    }
    default:
        break;
    }
}

static int cmp_tscope(const void *a, const void *b)
{
    const tscope *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

static void prepare_children(ctx *c, tscope *f)
{
    if (!f->list)
        return;
    for (size_t i = 0; i < f->list->count; i++) {
        const goat_node *s = f->list->items[i];
        if (!s)
            continue;
        if (s->kind == GOAT_IF_STMT) {
            child_of_node(c, f, s);
            const goat_node *e = s->u.if_stmt.else_;
            while (e) {
                if (e->kind == GOAT_BLOCK_STMT) {
                    child_of_block(c, f, e);
                    e = NULL;
                } else if (e->kind == GOAT_IF_STMT) {
                    child_of_node(c, f, e);
                    e = e->u.if_stmt.else_;
                } else {
                    e = NULL;
                }
            }
        } else if (s->kind == GOAT_LABELED_STMT) {
            if (s->u.labeled.stmt)
                child_of_node(c, f, s->u.labeled.stmt);
        } else {
            child_of_node(c, f, s);
        }
    }
    if (f->nchildren == 0)
        return;
    if (f->nchildren > 1)
        qsort(f->children, f->nchildren, sizeof *f->children, cmp_tscope);
    for (size_t i = 0; i < f->nchildren; i++)
        prepare_children(c, &f->children[i]);

    /* Children plus the gaps before, between and after them. */
    tscope *old = f->children;
    size_t n = f->nchildren;
    f->children = NULL;
    f->nchildren = f->cap = 0;
    int last_end = f->start;
    if (f->start < old[0].start) {
        add_child(f, (tscope){f->start, old[0].start, NULL, NULL, 0, 0});
        last_end = old[0].start;
    }
    for (size_t i = 0; i < n; i++) {
        if (f->nchildren > 0 && last_end < old[i].start) {
            add_child(f, (tscope){last_end, old[i].start, NULL, NULL, 0, 0});
        }
        add_child(f, old[i]);
        last_end = old[i].end;
    }
    if (f->end > old[n - 1].end)
        add_child(f, (tscope){old[n - 1].end, f->end, NULL, NULL, 0, 0});
    free(old);
}

static void free_tscope(tscope *t)
{
    for (size_t i = 0; i < t->nchildren; i++)
        free_tscope(&t->children[i]);
    free(t->children);
}

/* Which function scope holds each line (the last one in sorted order, as
 * the reference's Search), and which scope within it (the first child
 * containing the line, recursively): computed once, in time linear in the
 * lines and scopes, so deep nesting costs nothing extra. */
static void assign_inner(ctx *c, long top, const tscope *s, int lo)
{
    int cur = s->start + 1 > lo ? s->start + 1 : lo;
    for (size_t i = 0; i < s->nchildren; i++) {
        const tscope *ch = &s->children[i];
        for (int l = cur; l <= ch->start && l < s->end; l++)
            if (l >= 1 && l <= c->nlines && c->top_of[l] == top)
                c->inner_of[l] = s;
        if (ch->start + 1 > cur)
            cur = ch->start + 1;
        if (cur < ch->end)
            assign_inner(c, top, ch, cur);
        if (ch->end > cur)
            cur = ch->end;
    }
    for (int l = cur; l < s->end; l++)
        if (l >= 1 && l <= c->nlines && c->top_of[l] == top)
            c->inner_of[l] = s;
}

static void index_scopes(ctx *c)
{
    c->top_of = paint_last(c->nlines, c->nts, c->ts, sizeof *c->ts, offsetof(tscope, start), offsetof(tscope, end));
    c->inner_of = goat_xcalloc((size_t)c->nlines + 2, sizeof *c->inner_of);
    for (size_t i = 0; i < c->nts; i++)
        assign_inner(c, (long)i, &c->ts[i], c->ts[i].start + 1);
}

static long tscope_search(ctx *c, int line)
{
    return line >= 1 && line <= c->nlines ? c->top_of[line] : -1;
}

static const tscope *tscope_inner(ctx *c, int line)
{
    return c->inner_of[line];
}

/* ---- marking ---- */

static void mark_insert(ctx *c, int line)
{
    int target = line;
    while (line >= 1 && line <= c->nlines && c->comment[line])
        line++;
    if (line < 1 || line > c->nlines)
        return;
    if (func_search(c, line) < 0)
        return;
    if (!c->slots[line].valid || c->marked[line])
        return;
    c->marked[line] = true;
    const slot *s = &c->slots[line];
    goat_grow((void **)&c->out->items, &c->out->cap, c->out->count + 1, sizeof *c->out->items);
    /* Comments above a case belong to that case: a block ending the clause
     * above goes before them, or gofmt would indent them into the clause. */
    size_t at = s->before_case && target >= 1 && target < line ? line_start(c, target) : s->offset;
    c->out->items[c->out->count++] = (goat_place){at, NULL, line, s->offset, s->indent_len, s->extra_tab};
}

static bool visited_key(ctx *c, int start, int end)
{
    bool found;
    keymap_find(&c->visited, scope_key(start, end), &found);
    return found;
}

/* Patch granularity, as the reference's patchScope: within one innermost
 * scope, one block per run of lines that are new or comments (runs clipped
 * to the function). Marking a line inserted marks its whole run (or, for a
 * line outside any run, the runs touching it), so the state is a set of
 * (scope, run) pairs. */
static bool base1(ctx *c, int line)
{
    return line >= 1 && line <= c->nlines && (is_new(c, line) || c->comment[line]);
}

static uint64_t run_key(const tscope *key, const tscope *fn, int x, ctx *c)
{
    int start = c->run_start[x];
    if (start <= fn->start)
        start = fn->start + 1;
    return ((uint64_t)(uint32_t)key->start << 42) ^ ((uint64_t)(uint32_t)key->end << 21) ^ (uint64_t)(uint32_t)start;
}

static bool run_marked(ctx *c, const tscope *key, const tscope *fn, int x)
{
    if (x <= fn->start || x >= fn->end || !base1(c, x))
        return false;
    bool found;
    uint64_t k = run_key(key, fn, x, c);
    size_t *v = keymap_find(&c->ps_index, k, &found);
    if (!found)
        *v = 0; /* inserted by the lookup: present but unmarked */
    return found && *v;
}

static void mark_run(ctx *c, const tscope *key, const tscope *fn, int x)
{
    if (x <= fn->start || x >= fn->end || !base1(c, x))
        return;
    bool found;
    size_t *v = keymap_find(&c->ps_index, run_key(key, fn, x, c), &found);
    *v = 1;
}

static bool patch_can_insert(ctx *c, const tscope *key, const tscope *fn, int line)
{
    if (run_marked(c, key, fn, line))
        return false;
    return !run_marked(c, key, fn, line - 1);
}

static void patch_mark_inserted(ctx *c, const tscope *key, const tscope *fn, int line)
{
    if (base1(c, line)) {
        mark_run(c, key, fn, line);
    } else {
        mark_run(c, key, fn, line - 1);
        mark_run(c, key, fn, line + 1);
    }
}

static void force_mark(ctx *c, int line)
{
    switch (c->g) {
    case GOAT_GRANULARITY_FUNC: {
        long idx = func_search(c, line);
        if (idx >= 0)
            mark_insert(c, c->fs[idx].start + 1);
        break;
    }
    case GOAT_GRANULARITY_SCOPE: {
        long idx = tscope_search(c, line);
        if (idx < 0)
            return;
        const tscope *s = tscope_inner(c, line);
        if (visited_key(c, s->start, s->end))
            return;
        mark_insert(c, line);
        break;
    }
    case GOAT_GRANULARITY_PATCH: {
        long idx = tscope_search(c, line);
        if (idx < 0)
            return;
        const tscope *s = tscope_inner(c, line);
        if (patch_can_insert(c, s, &c->ts[idx], line)) {
            mark_insert(c, line);
            patch_mark_inserted(c, s, &c->ts[idx], line);
        }
        break;
    }
    case GOAT_GRANULARITY_LINE:
    default:
        mark_insert(c, line);
        break;
    }
}

static void check_mark(ctx *c, int line)
{
    if (is_new(c, line))
        force_mark(c, line);
}

static bool single_line_body(ctx *c, const goat_node *body)
{
    return body && line_of(c, body->u.block.lbrace) == line_of(c, body->u.block.rbrace);
}

static void single_line(ctx *c, const goat_node *body)
{
    if (!is_new(c, line_of(c, body->u.block.list.items[0]->pos)))
        return;
    for (size_t i = 0; i < c->nsingles; i++)
        if (c->singles[i] == body)
            return;
    goat_grow((void **)&c->singles, &c->capsingles, c->nsingles + 1, sizeof(void *));
    c->singles[c->nsingles++] = body;
}

/* ---- the statement walk (processStatements / analyzeAndModifyExpr) ---- */

static void process_stmts(ctx *c, const goat_node_list *l);
static void process_stmt(ctx *c, const goat_node *s);

static void analyze_expr(ctx *c, const goat_node *e)
{
    if (!e)
        return;
    switch (e->kind) {
    case GOAT_FUNC_LIT: {
        const goat_node *body = e->u.func_lit.body;
        if (!body || body->u.block.list.count == 0)
            return;
        if (single_line_body(c, body)) {
            single_line(c, body);
            return;
        }
        process_stmts(c, &body->u.block.list);
        break;
    }
    case GOAT_CALL_EXPR:
        analyze_expr(c, e->u.call.fun);
        for (size_t i = 0; i < e->u.call.args.count; i++)
            analyze_expr(c, e->u.call.args.items[i]);
        break;
    case GOAT_STRUCT_TYPE:
        if (e->u.struct_type.fields)
            for (size_t i = 0; i < e->u.struct_type.fields->u.field_list.list.count; i++)
                analyze_expr(c, e->u.struct_type.fields->u.field_list.list.items[i]->u.field.type);
        break;
    case GOAT_COMPOSITE_LIT:
        for (size_t i = 0; i < e->u.composite_lit.elts.count; i++)
            analyze_expr(c, e->u.composite_lit.elts.items[i]);
        break;
    case GOAT_KEY_VALUE_EXPR:
        analyze_expr(c, e->u.key_value.value);
        break;
    case GOAT_UNARY_EXPR:
        analyze_expr(c, e->u.unary.x);
        break;
    default:
        break;
    }
}

static void analyze_list(ctx *c, const goat_node_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        analyze_expr(c, l->items[i]);
}

static bool decl_counts(const goat_node *s)
{
    const goat_node *d = s->u.decl_stmt.decl;
    if (!d || d->kind != GOAT_GEN_DECL)
        return false;
    if (d->u.gen_decl.tok != GOAT_TOK_VAR && d->u.gen_decl.tok != GOAT_TOK_CONST)
        return false;
    for (size_t i = 0; i < d->u.gen_decl.specs.count; i++) {
        const goat_node *sp = d->u.gen_decl.specs.items[i];
        if (sp->kind == GOAT_VALUE_SPEC && sp->u.value_spec.values.count > 0)
            return true;
    }
    return false;
}

static void process_stmt(ctx *c, const goat_node *s)
{
    if (!s)
        return;
    switch (s->kind) {
    case GOAT_ASSIGN_STMT:
        check_mark(c, line_of(c, s->pos));
        analyze_list(c, &s->u.assign.rhs);
        break;
    case GOAT_IF_STMT:
        if (s->u.if_stmt.body)
            process_stmts(c, &s->u.if_stmt.body->u.block.list);
        if (s->u.if_stmt.else_) {
            const goat_node *e = s->u.if_stmt.else_;
            if (e->kind == GOAT_IF_STMT)
                process_stmt(c, e);
            else if (e->kind == GOAT_BLOCK_STMT)
                process_stmts(c, &e->u.block.list);
        }
        break;
    case GOAT_FOR_STMT:
        if (s->u.for_stmt.body)
            process_stmts(c, &s->u.for_stmt.body->u.block.list);
        break;
    case GOAT_RANGE_STMT:
        if (s->u.range_stmt.body)
            process_stmts(c, &s->u.range_stmt.body->u.block.list);
        break;
    case GOAT_SWITCH_STMT:
        if (s->u.switch_stmt.body)
            process_stmts(c, &s->u.switch_stmt.body->u.block.list);
        break;
    case GOAT_TYPE_SWITCH_STMT:
        if (s->u.type_switch.body)
            process_stmts(c, &s->u.type_switch.body->u.block.list);
        break;
    case GOAT_SELECT_STMT:
        if (s->u.select_stmt.body)
            process_stmts(c, &s->u.select_stmt.body->u.block.list);
        break;
    case GOAT_CASE_CLAUSE:
        process_stmts(c, &s->u.case_clause.body);
        break;
    case GOAT_COMM_CLAUSE:
        process_stmts(c, &s->u.comm_clause.body);
        break;
    case GOAT_BLOCK_STMT:
        check_mark(c, line_of(c, s->pos));
        process_stmts(c, &s->u.block.list);
        break;
    case GOAT_RETURN_STMT:
        check_mark(c, line_of(c, s->pos));
        analyze_list(c, &s->u.return_stmt.results);
        break;
    case GOAT_DEFER_STMT:
    case GOAT_GO_STMT:
        check_mark(c, line_of(c, s->pos));
        if (s->u.go_defer.call && s->u.go_defer.call->kind == GOAT_CALL_EXPR)
            analyze_expr(c, s->u.go_defer.call->u.call.fun);
        break;
    case GOAT_EXPR_STMT: {
        const goat_node *x = s->u.expr_stmt.x;
        if (x && x->kind == GOAT_CALL_EXPR) {
            check_mark(c, line_of(c, s->pos));
            analyze_expr(c, x->u.call.fun);
            analyze_list(c, &x->u.call.args);
        }
        break;
    }
    case GOAT_LABELED_STMT:
        process_stmt(c, s->u.labeled.stmt);
        break;
    case GOAT_DECL_STMT:
        if (decl_counts(s))
            check_mark(c, line_of(c, s->pos));
        break;
    case GOAT_EMPTY_STMT:
        /* An implicit empty statement is no statement the user wrote. */
        if (!s->u.empty_stmt.implicit)
            check_mark(c, line_of(c, s->pos));
        break;
    default:
        check_mark(c, line_of(c, s->pos));
        break;
    }
}

static void process_stmts(ctx *c, const goat_node_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        process_stmt(c, l->items[i]);
}

/* ---- control statements whose header is new (processSpecialStatements) ---- */

static bool range_new(ctx *c, const goat_node *n)
{
    if (!n)
        return false;
    int a = line_of(c, n->pos), b = line_of(c, n->end);
    for (int i = a; i <= b; i++)
        if (is_new(c, i))
            return true;
    return false;
}

static void mark_clauses(ctx *c, const goat_node *body)
{
    if (!body)
        return;
    for (size_t i = 0; i < body->u.block.list.count; i++) {
        const goat_node *cc = body->u.block.list.items[i];
        if (cc->kind == GOAT_CASE_CLAUSE && cc->u.case_clause.body.count > 0)
            force_mark(c, line_of(c, cc->u.case_clause.colon) + 1);
    }
}

static bool special_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    ctx *c = arg;
    bool changed;
    switch (n->kind) {
    case GOAT_IF_STMT:
        if (!n->u.if_stmt.body)
            break;
        changed = is_new(c, line_of(c, n->u.if_stmt.if_pos)) || range_new(c, n->u.if_stmt.init) ||
                  range_new(c, n->u.if_stmt.cond);
        if (changed) {
            force_mark(c, line_of(c, n->u.if_stmt.body->u.block.lbrace) + 1);
            const goat_node *e = n->u.if_stmt.else_;
            if (e && e->kind == GOAT_BLOCK_STMT && e->u.block.list.count > 0)
                force_mark(c, line_of(c, e->u.block.lbrace) + 1);
        }
        break;
    case GOAT_SWITCH_STMT:
        changed = is_new(c, line_of(c, n->u.switch_stmt.switch_pos)) || range_new(c, n->u.switch_stmt.init) ||
                  range_new(c, n->u.switch_stmt.tag);
        if (changed)
            mark_clauses(c, n->u.switch_stmt.body);
        break;
    case GOAT_TYPE_SWITCH_STMT:
        changed = is_new(c, line_of(c, n->u.type_switch.switch_pos)) || range_new(c, n->u.type_switch.init) ||
                  range_new(c, n->u.type_switch.assign);
        if (changed)
            mark_clauses(c, n->u.type_switch.body);
        break;
    case GOAT_CASE_CLAUSE:
        changed = is_new(c, line_of(c, n->u.case_clause.case_pos));
        for (size_t i = 0; !changed && i < n->u.case_clause.list.count; i++)
            changed = range_new(c, n->u.case_clause.list.items[i]);
        if (changed)
            force_mark(c, line_of(c, n->u.case_clause.colon) + 1);
        break;
    case GOAT_COMM_CLAUSE:
        changed = is_new(c, line_of(c, n->u.comm_clause.case_pos)) || range_new(c, n->u.comm_clause.comm);
        if (changed)
            force_mark(c, line_of(c, n->u.comm_clause.colon) + 1);
        break;
    case GOAT_RANGE_STMT:
        if (!n->u.range_stmt.body)
            break;
        changed = is_new(c, line_of(c, n->u.range_stmt.for_pos)) || range_new(c, n->u.range_stmt.key) ||
                  range_new(c, n->u.range_stmt.value) || range_new(c, n->u.range_stmt.x);
        if (changed)
            force_mark(c, line_of(c, n->u.range_stmt.body->u.block.lbrace) + 1);
        break;
    case GOAT_FOR_STMT:
        if (!n->u.for_stmt.body)
            break;
        changed = is_new(c, line_of(c, n->u.for_stmt.for_pos)) || range_new(c, n->u.for_stmt.init) ||
                  range_new(c, n->u.for_stmt.cond) || range_new(c, n->u.for_stmt.post);
        if (changed)
            force_mark(c, line_of(c, n->u.for_stmt.body->u.block.lbrace) + 1);
        break;
    default:
        break;
    }
    return true;
}

/* ---- package-level function literals ---- */

static bool global_lit_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    ctx *c = arg;
    if (n->kind != GOAT_FUNC_LIT)
        return true;
    const goat_node *body = n->u.func_lit.body;
    if (!body || body->u.block.list.count == 0)
        return false;
    if (single_line_body(c, body)) {
        single_line(c, body);
        return false;
    }
    process_stmts(c, &body->u.block.list);
    return false;
}

static bool global_special_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    if (n->kind != GOAT_FUNC_LIT)
        return true;
    if (n->u.func_lit.body)
        goat_ast_inspect(n->u.func_lit.body, special_visit, arg);
    return false;
}

static void for_each_value(ctx *c, const goat_node *decl, goat_ast_visit_fn fn)
{
    for (size_t i = 0; i < decl->u.gen_decl.specs.count; i++) {
        const goat_node *sp = decl->u.gen_decl.specs.items[i];
        if (sp->kind != GOAT_VALUE_SPEC)
            continue;
        for (size_t j = 0; j < sp->u.value_spec.values.count; j++)
            goat_ast_inspect(sp->u.value_spec.values.items[j], fn, c);
    }
}

/* ---- single-line bodies ---- */

bool goat_place_can_open(const goat_node *file, const char *src, const goat_node *body)
{
    (void)src;
    if (!body)
        return false;
    goat_pos lb = body->u.block.lbrace, rb = body->u.block.rbrace;
    const goat_comment *cm = file->u.file.comments;
    size_t n = file->u.file.comment_count;
    size_t lo = 0, hi = n;
    while (lo < hi) { /* first comment ending after '{' */
        size_t mid = (lo + hi) / 2;
        if (cm[mid].end <= lb)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* Comments inside a statement travel with it; one between '{', the
     * statements and '}' would have to be laid out anew: not opened. */
    const goat_node_list *l = &body->u.block.list;
    size_t k = 0;
    for (size_t i = lo; i < n && cm[i].pos < rb; i++) {
        while (k < l->count && l->items[k]->end <= cm[i].pos)
            k++;
        if (k == l->count || cm[i].pos < l->items[k]->pos)
            return false;
    }
    return true;
}

static int cmp_single(const void *a, const void *b)
{
    const goat_node *x = *(const goat_node *const *)a, *y = *(const goat_node *const *)b;
    if (x->pos != y->pos)
        return x->pos < y->pos ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return ((uintptr_t)x > (uintptr_t)y) - ((uintptr_t)x < (uintptr_t)y);
}

static int cmp_place(const void *a, const void *b)
{
    const goat_place *x = a, *y = b;
    return (x->offset > y->offset) - (x->offset < y->offset);
}

void goat_place_blocks(const goat_node *file, const char *src, size_t len,
                       const goat_lineset *new_lines, goat_granularity granularity,
                       goat_places *out)
{
    memset(out, 0, sizeof *out);
    ctx c;
    memset(&c, 0, sizeof c);
    c.src = src;
    c.len = len;
    c.news = new_lines;
    c.g = granularity;
    c.out = out;
    goat_lines_init(&c.lines, src, len);
    c.nlines = (int)c.lines.count;
    c.comment = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.comment);
    c.marked = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.marked);
    c.slots = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.slots);
    for (int i = 1; i <= c.nlines; i++) {
        size_t a = line_start(&c, i), b = line_end(&c, i);
        c.comment[i] = comment_line(src + a, b - a);
    }

    c.run_start = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.run_start);
    for (int i = 1; i <= c.nlines; i++)
        if (base1(&c, i))
            c.run_start[i] = i > 1 && c.run_start[i - 1] ? c.run_start[i - 1] : i;
    goat_ast_inspect(file, slot_and_fscope_visit, &c);
    if (c.nfs > 1)
        qsort(c.fs, c.nfs, sizeof *c.fs, cmp_fscope);
    c.func_of = paint_last(c.nlines, c.nfs, c.fs, sizeof *c.fs, offsetof(fscope, start), offsetof(fscope, end));
    if (granularity == GOAT_GRANULARITY_PATCH || granularity == GOAT_GRANULARITY_SCOPE) {
        if (c.nts > 1)
            qsort(c.ts, c.nts, sizeof *c.ts, cmp_tscope);
        for (size_t i = 0; i < c.nts; i++)
            prepare_children(&c, &c.ts[i]);
        index_scopes(&c);
    }

    const goat_node_list *decls = &file->u.file.decls;
    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (d->kind == GOAT_FUNC_DECL) {
            const goat_node *body = d->u.func_decl.body;
            if (!body || body->u.block.list.count == 0)
                continue;
            if (single_line_body(&c, body))
                single_line(&c, body);
            process_stmts(&c, &body->u.block.list);
            goat_ast_inspect(body, special_visit, &c);
        } else if (d->kind == GOAT_GEN_DECL) {
            for_each_value(&c, d, global_lit_visit);
            for_each_value(&c, d, global_special_visit);
        }
    }

    /* Open the outermost single-line bodies that can be opened. */
    /* Sorted by start (outer first on a tie), a body is nested exactly when
     * an earlier, different one reaches at least as far. */
    if (c.nsingles > 1)
        qsort(c.singles, c.nsingles, sizeof *c.singles, cmp_single);
    goat_pos reach = 0;
    bool any = false;
    for (size_t i = 0; i < c.nsingles; i++) {
        const goat_node *b = c.singles[i];
        if (i > 0 && c.singles[i - 1] == b)
            continue;
        bool nested = any && reach >= b->end;
        if (!any || b->end > reach)
            reach = b->end;
        any = true;
        if (nested || !goat_place_can_open(file, src, b))
            continue;
        size_t ls = line_start(&c, line_of(&c, b->u.block.lbrace));
        size_t ind = ls;
        while (ind < len && (src[ind] == ' ' || src[ind] == '\t'))
            ind++;
        goat_grow((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items);
        out->items[out->count++] = (goat_place){(size_t)b->u.block.lbrace + 1, b, line_of(&c, b->u.block.lbrace),
                                                ls, ind - ls, true};
    }
    if (out->count > 1)
        qsort(out->items, out->count, sizeof *out->items, cmp_place);

    for (size_t i = 0; i < c.nts; i++)
        free_tscope(&c.ts[i]);
    free(c.run_start);
    free(c.func_of);
    free(c.top_of);
    free(c.inner_of);
    free(c.ts);
    free(c.fs);
    keymap_free(&c.visited);
    keymap_free(&c.ps_index);
    free(c.singles);
    free(c.empty_switch_bodies);
    free(c.comment);
    free(c.marked);
    free(c.slots);
    goat_lines_free(&c.lines);
}

/* ---- statement positions (goat patch's +goat:insert) ---- */

typedef struct position_walk {
    goat_pos pos;
    goat_stmt_position found;
    const goat_node *clause_body; /* a switch/select body already judged */
} position_walk;

static bool strictly_inside(goat_pos pos, goat_pos lo, goat_pos hi)
{
    return lo < pos && pos < hi;
}

/* Between the statements of list, or within one of them. */
static goat_stmt_position within_list(const goat_node_list *list, goat_pos pos)
{
    for (size_t i = 0; i < list->count; i++) {
        const goat_node *s = list->items[i];
        if (s && s->pos <= pos && pos < s->end)
            return GOAT_POSITION_INSIDE_STATEMENT;
    }
    return GOAT_POSITION_STATEMENT;
}

/* A switch or select body: a statement may stand only after the colon of
 * a clause, where it joins that clause. */
static goat_stmt_position within_clauses(const goat_node *body, goat_pos pos)
{
    const goat_node_list *clauses = &body->u.block.list;
    for (size_t i = clauses->count; i-- > 0;) {
        const goat_node *cl = clauses->items[i];
        if (!cl || cl->pos > pos)
            continue;
        bool is_case = cl->kind == GOAT_CASE_CLAUSE;
        goat_pos colon = is_case ? cl->u.case_clause.colon : cl->u.comm_clause.colon;
        if (pos <= colon)
            return GOAT_POSITION_INSIDE_STATEMENT;
        return within_list(is_case ? &cl->u.case_clause.body : &cl->u.comm_clause.body, pos);
    }
    return GOAT_POSITION_INSIDE_STATEMENT;
}

/* Descends only into nodes holding pos, so the last scope judged is the
 * innermost one and the walk costs the depth of pos times the fan-out. */
static bool position_visit(const goat_node *n, int depth, void *arg)
{
    position_walk *w = arg;
    if (depth > 0 && !(n->pos <= w->pos && w->pos < n->end))
        return false;
    const goat_node *clauses = NULL;
    switch (n->kind) {
    case GOAT_SWITCH_STMT:
        clauses = n->u.switch_stmt.body;
        break;
    case GOAT_TYPE_SWITCH_STMT:
        clauses = n->u.type_switch.body;
        break;
    case GOAT_SELECT_STMT:
        clauses = n->u.select_stmt.body;
        break;
    case GOAT_BLOCK_STMT:
        if (n != w->clause_body && strictly_inside(w->pos, n->u.block.lbrace, n->u.block.rbrace))
            w->found = within_list(&n->u.block.list, w->pos);
        break;
    default:
        break;
    }
    if (clauses && strictly_inside(w->pos, clauses->u.block.lbrace, clauses->u.block.rbrace)) {
        w->clause_body = clauses;
        w->found = within_clauses(clauses, w->pos);
    }
    return true;
}

goat_stmt_position goat_place_statement_position(const goat_node *file, goat_pos pos)
{
    position_walk w = {pos, GOAT_POSITION_OUTSIDE_FUNCTION, NULL};
    goat_ast_inspect(file, position_visit, &w);
    return w.found;
}

void goat_places_free(goat_places *p)
{
    free(p->items);
    memset(p, 0, sizeof *p);
}
