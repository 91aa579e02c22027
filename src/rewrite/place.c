/* SPDX-License-Identifier: MIT */
/* Two walks over the statements of every function body and package-level
 * function literal: the first finds, for each line, where a block for it
 * would stand (its slot) and which scope that block would join; the second
 * visits statements in the reference's order (processStatements, then
 * processSpecialStatements per declaration) and marks lines, each mark
 * resolved to the slot of the first line holding code at or after it. At
 * patch, scope and func granularity a mark places a block only when its
 * run, scope or function has none yet, so the visiting order decides which
 * line of a scope gets it, as in the reference. Both walks recurse once per
 * nesting level, as the parse does. */
#include "rewrite/place.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/lines.h"
#include "util/xalloc.h"
#include "util/sort.h"

typedef struct slot {
    bool valid;
    bool before_case; /* a case line: the block ends the clause above */
    bool closing;     /* a '}' or case line, not a statement's */
    int tabs;         /* tabs after the indentation */
    size_t offset;    /* the line start the block goes before */
    size_t indent_len;
    size_t split;     /* comments start the line: where the last one ends, else 0, */
    size_t code;      /*   and where the code after them starts */
    size_t scope;     /* the scope the block joins */
} slot;

typedef struct fscope {
    int start, end; /* lines of '{' and '}' */
    size_t lbrace;  /* offset of '{' */
    bool head;      /* it has a head (below) */
} fscope;

/* The head of a multi-line function body whose first statement follows
 * its '{' on the same line (`func f() { a()`, a layout gofmt never
 * leaves): its block goes between the '{' (and any comment after it) and
 * the statement, the line split there as a line starting with comments is
 * split, the statement moved under the block one tab deeper than the
 * line. A statement of an enclosing function may start that line and have
 * its own block before it. */
typedef struct head {
    size_t lbrace;
    int line;
    size_t split, code;      /* the blanks [split, code) give way to the block */
    size_t indent, indent_len; /* the line's indentation */
    size_t scope;            /* the body's first statement scope */
    bool placed;
    int placed_before;       /* placed heads before it on its line (emit_heads) */
} head;

/* (scope, run) pairs already holding a block at patch granularity, open
 * addressing; a stored key is key+1 so that 0 marks an empty cell. */
typedef struct keyset {
    uint64_t *keys;
    size_t cap, count;
} keyset;

static size_t keyset_cell(const uint64_t *keys, size_t cap, uint64_t stored)
{
    size_t h = (size_t)((stored * 0x9e3779b97f4a7c15ULL) >> 20) & (cap - 1);
    while (keys[h] && keys[h] != stored)
        h = (h + 1) & (cap - 1);
    return h;
}

static bool keyset_contains(const keyset *m, uint64_t key)
{
    return m->cap && m->keys[keyset_cell(m->keys, m->cap, key + 1)];
}

static void keyset_insert(keyset *m, uint64_t key)
{
    if (m->count * 2 + 2 > m->cap) {
        size_t ncap = m->cap ? m->cap * 2 : 64;
        uint64_t *nk = goat_xcalloc(ncap, sizeof *nk);
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i])
                nk[keyset_cell(nk, ncap, m->keys[i])] = m->keys[i];
        free(m->keys);
        m->keys = nk;
        m->cap = ncap;
    }
    size_t h = keyset_cell(m->keys, m->cap, key + 1);
    if (!m->keys[h]) {
        m->keys[h] = key + 1;
        m->count++;
    }
}

typedef struct ctx {
    const char *src;
    size_t len;
    const goat_comment *comments;
    size_t ncomments;
    const goat_lines *lines;
    const goat_func_words *words;
    int nlines;
    const goat_lineset *news;
    bool *is_new; /* [1..nlines] the line is in news: asked of every line, no search each time */
    goat_granularity g;
    bool *code;   /* [1..nlines] the line holds a token, not only blanks and comments */
    bool *marked; /* [1..nlines] a block already goes before this line */
    slot *slots;  /* [1..nlines] */
    fscope *fs;
    size_t nfs, capfs;
    long *func_of;   /* [1..nlines] innermost function scope (index into fs), -1 outside */
    size_t nscopes;
    bool *scope_used; /* [nscopes] scope granularity: the scope holds a block */
    keyset runs;      /* patch granularity: (scope, run) pairs holding a block */
    int *run_start;   /* [1..nlines] first line of the run of new-or-comment lines, 0 outside */
    const goat_node **singles;
    size_t nsingles, capsingles;
    goat_places *out;
    head *heads; /* sorted by lbrace once the scan is over */
    size_t nheads, capheads;
    head *cur_head; /* the head of the function whose statements are walked, or NULL */
    const goat_node *file;
} ctx;

/* Whether n may hold a function literal (or is one): the walks for
 * literals pass over the many statements and expressions that hold none. */
static bool may_hold_func(const ctx *c, const goat_node *n)
{
    return !c->words || goat_func_words_in(c->words, n->pos, n->end);
}

static int line_of(ctx *c, goat_pos pos)
{
    int line, col;
    goat_lines_position(c->lines, (size_t)pos, &line, &col);
    return line;
}

static bool is_new(ctx *c, int line)
{
    return line >= 1 && line <= c->nlines && c->is_new[line];
}

static size_t line_start(ctx *c, int line)
{
    return goat_lines_start(c->lines, line);
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\v' || ch == '\f';
}

/* Which lines hold code: every byte outside comments that is not blank.
 * Once a line is known to hold code, the rest of it up to the next
 * comment is passed over with memchr, not looked at byte by byte. */
static void find_code_lines(ctx *c)
{
    int line = 1;
    size_t i = 0;
    for (size_t k = 0; k <= c->ncomments; k++) {
        size_t stop = k < c->ncomments ? (size_t)c->comments[k].pos : c->len;
        if (stop < i) { /* comments out of order: the rest counts as code */
            k = c->ncomments;
            stop = c->len;
        }
        while (i < stop) {
            char ch = c->src[i];
            if (ch == '\n') {
                line++;
                i++;
            } else if (is_blank(ch)) {
                i++;
            } else {
                c->code[line] = true;
                const char *nl = memchr(c->src + i, '\n', stop - i);
                i = nl ? (size_t)(nl - c->src) : stop;
            }
        }
        if (k == c->ncomments)
            break;
        size_t end = (size_t)c->comments[k].end;
        for (const char *p = c->src + i, *e = c->src + end; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
            line++;
        i = end;
    }
}

/* Index of the comment ending exactly at pos, or -1. */
static long comment_ending_at(ctx *c, size_t pos)
{
    size_t lo = 0, hi = c->ncomments;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)c->comments[mid].end < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->ncomments && (size_t)c->comments[lo].end == pos ? (long)lo : -1;
}

/* Whether only blanks and comments precede pos on its line (a comment
 * may begin on an earlier line); *ls is then the start of the line where
 * they begin, and *last_comment the end of the last comment before pos
 * (0 when there is none). */
static bool slot_start(ctx *c, goat_pos pos, size_t *ls, size_t *last_comment)
{
    if (pos == GOAT_NOPOS)
        return false;
    size_t p = (size_t)pos;
    *last_comment = 0;
    for (;;) {
        while (p > 0 && (c->src[p - 1] == ' ' || c->src[p - 1] == '\t'))
            p--;
        if (p == 0 || c->src[p - 1] == '\n') {
            *ls = p;
            return true;
        }
        long k = comment_ending_at(c, p);
        if (k < 0)
            return false;
        if (!*last_comment)
            *last_comment = p;
        p = (size_t)c->comments[k].pos;
    }
}

/* ---- slots and scopes ---- */

/* The slot of the line of pos, when only blanks and comments precede it
 * there. */
static bool set_slot(ctx *c, goat_pos pos, int tabs, size_t scope)
{
    size_t ls, last_comment;
    if (!slot_start(c, pos, &ls, &last_comment))
        return false;
    int line = line_of(c, pos);
    if (line < 1 || line > c->nlines)
        return false;
    size_t ind = ls;
    while (ind < c->len && (c->src[ind] == ' ' || c->src[ind] == '\t'))
        ind++;
    c->slots[line] = (slot){true, false, false, tabs, ls, ind - ls, last_comment, (size_t)pos, scope};
    return true;
}

static const goat_node *unlabel(const goat_node *s)
{
    while (s && s->kind == GOAT_LABELED_STMT && s->u.labeled.stmt)
        s = s->u.labeled.stmt;
    return s;
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

/* Control statements and bare blocks end a scope. */
static bool ends_scope(const goat_node *s)
{
    s = unlabel(s);
    return s && (breakable(s) || s->kind == GOAT_IF_STMT || s->kind == GOAT_BLOCK_STMT);
}

static void stmt_slot(ctx *c, const goat_node *s, size_t scope)
{
    bool labeled = s->kind == GOAT_LABELED_STMT;
    if (!set_slot(c, s->pos, labeled, scope) || !labeled)
        return;
    /* A labeled loop, switch or select keeps its label (break L and
     * continue L need it), and a label before a lone ';' keeps its
     * statement: their block goes before the label. Any other labeled
     * statement gets its block after the label, so that a goto runs it
     * too, as the reference places it. */
    const goat_node *inner = unlabel(s);
    size_t ils, last_comment;
    int line = line_of(c, s->pos);
    if (inner == s || inner->pos == GOAT_NOPOS || line_of(c, inner->pos) == line ||
        !slot_start(c, inner->pos, &ils, &last_comment))
        return;
    if (breakable(inner) || inner->kind == GOAT_EMPTY_STMT)
        c->slots[line_of(c, inner->pos)] = c->slots[line];
    else
        stmt_slot(c, inner, scope);
}

static void scan_lits(ctx *c, const goat_node *n);
static size_t scan_stmts(ctx *c, const goat_node_list *l);

/* The slot before a closing '}' (or a case line) on a line of its own: a
 * block there joins the statements above it, one tab deeper. */
static void closing_slot(ctx *c, goat_pos pos, size_t scope, bool before_case)
{
    if (set_slot(c, pos, 1, scope)) {
        c->slots[line_of(c, pos)].before_case = before_case;
        c->slots[line_of(c, pos)].closing = true;
    }
}

static void scan_body(ctx *c, const goat_node *body)
{
    if (!body)
        return;
    size_t last = scan_stmts(c, &body->u.block.list);
    if (line_of(c, body->u.block.rbrace) != line_of(c, body->u.block.lbrace))
        closing_slot(c, body->u.block.rbrace, last, false);
}

/* A switch or select body: its clauses, each a statement list. A case
 * line is a slot for the clause above it (the first case line is none:
 * no statement may stand before it), and so is the closing '}'. */
static void scan_clauses(ctx *c, const goat_node *body)
{
    if (!body)
        return;
    const goat_node_list *l = &body->u.block.list;
    size_t last = 0;
    for (size_t i = 0; i < l->count; i++) {
        const goat_node *cl = l->items[i];
        if (i > 0)
            closing_slot(c, cl->pos, last, true);
        if (cl->kind == GOAT_CASE_CLAUSE) {
            for (size_t j = 0; j < cl->u.case_clause.list.count; j++)
                scan_lits(c, cl->u.case_clause.list.items[j]);
            last = scan_stmts(c, &cl->u.case_clause.body);
        } else {
            scan_lits(c, cl->u.comm_clause.comm);
            last = scan_stmts(c, &cl->u.comm_clause.body);
        }
    }
    if (l->count > 0 && line_of(c, body->u.block.rbrace) != line_of(c, body->u.block.lbrace))
        closing_slot(c, body->u.block.rbrace, last, false);
}

/* A control statement: the parts of its header (init, condition and post;
 * range key, value and expression; switch init and tag or type switch
 * guard), NULL where absent, and its body (of clauses for a switch or a
 * select). An if's else is its callers' to walk. */
typedef struct control {
    const goat_node *parts[3];
    const goat_node *body;
    bool clauses;
} control;

static bool control_of(const goat_node *s, control *ct)
{
    memset(ct, 0, sizeof *ct);
    switch (s->kind) {
    case GOAT_IF_STMT:
        *ct = (control){{s->u.if_stmt.init, s->u.if_stmt.cond, NULL}, s->u.if_stmt.body, false};
        return true;
    case GOAT_FOR_STMT:
        *ct = (control){{s->u.for_stmt.init, s->u.for_stmt.cond, s->u.for_stmt.post}, s->u.for_stmt.body, false};
        return true;
    case GOAT_RANGE_STMT:
        *ct = (control){{s->u.range_stmt.key, s->u.range_stmt.value, s->u.range_stmt.x}, s->u.range_stmt.body, false};
        return true;
    case GOAT_SWITCH_STMT:
        *ct = (control){{s->u.switch_stmt.init, s->u.switch_stmt.tag, NULL}, s->u.switch_stmt.body, true};
        return true;
    case GOAT_TYPE_SWITCH_STMT:
        *ct = (control){{s->u.type_switch.init, s->u.type_switch.assign, NULL}, s->u.type_switch.body, true};
        return true;
    case GOAT_SELECT_STMT:
        *ct = (control){{NULL, NULL, NULL}, s->u.select_stmt.body, true};
        return true;
    default:
        return false;
    }
}

static void scan_stmt(ctx *c, const goat_node *s)
{
    control ct;
    if (s->kind == GOAT_BLOCK_STMT) {
        scan_body(c, s);
    } else if (control_of(s, &ct)) {
        for (int i = 0; i < 3; i++)
            scan_lits(c, ct.parts[i]);
        if (ct.clauses)
            scan_clauses(c, ct.body);
        else
            scan_body(c, ct.body);
        const goat_node *e = s->kind == GOAT_IF_STMT ? s->u.if_stmt.else_ : NULL;
        if (e && e->kind == GOAT_IF_STMT)
            scan_stmt(c, e);
        else if (e && e->kind == GOAT_BLOCK_STMT)
            scan_body(c, e);
    } else {
        scan_lits(c, s);
    }
}

/* The slots of a statement list; its scopes are numbered from the next
 * free number on, one more after each control statement or bare block.
 * Returns the number of its last scope. */
static size_t scan_stmts(ctx *c, const goat_node_list *l)
{
    size_t ends = 0;
    for (size_t i = 0; i < l->count; i++)
        ends += ends_scope(l->items[i]);
    size_t scope = c->nscopes;
    c->nscopes += ends + 1;
    for (size_t i = 0; i < l->count; i++) {
        const goat_node *s = l->items[i];
        if (!s)
            continue;
        stmt_slot(c, s, scope);
        scan_stmt(c, unlabel(s));
        scope += ends_scope(s);
    }
    return scope;
}

size_t goat_first_comment_from(const goat_node *file, size_t at)
{
    const goat_comment *c = file->u.file.comments;
    size_t lo = 0, hi = file->u.file.comment_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((size_t)c[mid].pos < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool goat_place_head(const goat_node *file, const char *src, const goat_node *body, size_t *split, size_t *code)
{
    const goat_node_list *l = &body->u.block.list;
    if (l->count == 0 || !l->items[0] || body->u.block.lbrace == GOAT_NOPOS || body->u.block.rbrace == GOAT_NOPOS)
        return false;
    size_t lbrace = (size_t)body->u.block.lbrace, first = (size_t)l->items[0]->pos;
    if (first <= lbrace || !memchr(src + lbrace, '\n', (size_t)body->u.block.rbrace - lbrace))
        return false;
    /* Only blanks and comments stand between them (the statement is the
     * first token after the '{'): the statement starts no line when every
     * line ending between them lies inside a general comment. */
    const goat_comment *comments = file->u.file.comments;
    size_t n = file->u.file.comment_count, at = lbrace + 1, lo = goat_first_comment_from(file, at);
    for (; lo < n && (size_t)comments[lo].end <= first; lo++) {
        if (memchr(src + at, '\n', (size_t)comments[lo].pos - at))
            return false;
        at = (size_t)comments[lo].end;
    }
    if (memchr(src + at, '\n', first - at))
        return false;
    *split = at;
    *code = first;
    return true;
}

/* The head of body, when it has one; fs_index is its function scope,
 * scope its first statement scope. */
static void find_head(ctx *c, const goat_node *body, size_t fs_index, size_t scope)
{
    size_t split, code;
    if (!goat_place_head(c->file, c->src, body, &split, &code))
        return;
    /* the statement's line, indented from the line of the '{' */
    int line = line_of(c, (goat_pos)code);
    size_t ls = line_start(c, line_of(c, body->u.block.lbrace)), ind = ls;
    while (ind < c->len && (c->src[ind] == ' ' || c->src[ind] == '\t'))
        ind++;
    goat_grow((void **)&c->heads, &c->capheads, c->nheads + 1, sizeof *c->heads);
    c->heads[c->nheads++] = (head){(size_t)body->u.block.lbrace, line, split, code, ls, ind - ls, scope, false, 0};
    c->fs[fs_index].head = true;
}

static size_t add_function(ctx *c, const goat_node *body)
{
    goat_grow((void **)&c->fs, &c->capfs, c->nfs + 1, sizeof *c->fs);
    c->fs[c->nfs] = (fscope){line_of(c, body->u.block.lbrace), line_of(c, body->u.block.rbrace),
                             (size_t)body->u.block.lbrace, false};
    return c->nfs++;
}

/* A function's body: its slots, and its head when it has one. */
static void scan_function(ctx *c, const goat_node *body)
{
    size_t fs_index = add_function(c, body), first_scope = c->nscopes;
    scan_body(c, body);
    find_head(c, body, fs_index, first_scope);
}

static int cmp_head(const void *a, const void *b)
{
    const head *x = a, *y = b;
    return (x->lbrace > y->lbrace) - (x->lbrace < y->lbrace);
}

/* The index of the first head whose '{' is at or after lbrace. */
static size_t first_head_from(ctx *c, size_t lbrace)
{
    size_t lo = 0, hi = c->nheads;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->heads[mid].lbrace < lbrace)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static head *head_at(ctx *c, size_t lbrace)
{
    size_t i = first_head_from(c, lbrace);
    return i < c->nheads && c->heads[i].lbrace == lbrace ? &c->heads[i] : NULL;
}

static bool scan_lit_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    if (n->kind != GOAT_FUNC_LIT)
        return true;
    if (n->u.func_lit.body)
        scan_function(arg, n->u.func_lit.body);
    return false;
}

/* The function literals anywhere in n (those nested in them come with
 * their bodies). */
static void scan_lits(ctx *c, const goat_node *n)
{
    if (n && may_hold_func(c, n))
        goat_ast_inspect(n, scan_lit_visit, c);
}

/* ---- function scopes ---- */

static int cmp_fscope(const void *a, const void *b)
{
    const fscope *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->end > y->end) - (x->end < y->end);
}

/* For each line, the index of the last function scope in sorted order
 * that strictly contains it (start < line < end), or -1: the reference's
 * Search over sorted scopes, that is the innermost. A scope's '}' line
 * counts as well when a statement starts it (`\tb() }`, a layout gofmt
 * never leaves): a block may stand before that statement like any other,
 * while a '}' on a line of its own stays outside, as in the reference.
 * Painted from the last scope backwards, each line once, skipping painted
 * runs through a next-unpainted forest, so the cost is linear in lines
 * plus scopes whatever the nesting. */
static long *paint_functions(int nlines, const fscope *fs, size_t n, const slot *slots)
{
    long *owner = goat_xmalloc(((size_t)nlines + 2) * sizeof *owner);
    int *next = goat_xmalloc(((size_t)nlines + 3) * sizeof *next);
    for (int l = 0; l <= nlines + 1; l++)
        owner[l] = -1;
    for (int l = 0; l <= nlines + 2; l++)
        next[l] = l;
    for (size_t i = n; i-- > 0;) {
        int lo = fs[i].start + 1 < 1 ? 1 : fs[i].start + 1;
        int end = fs[i].end;
        bool statement_ends = end > fs[i].start && end <= nlines && slots[end].valid && !slots[end].closing;
        int last = statement_ends ? end : end - 1;
        int hi = last > nlines ? nlines : last;
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

static long func_search(ctx *c, int line)
{
    return line >= 1 && line <= c->nlines ? c->func_of[line] : -1;
}

/* ---- marking ---- */

/* The line whose slot a mark of line resolves to (the first line holding
 * code at or after it), or 0 when no block can stand there: outside every
 * function, no slot, or a case line when the block is not for the clause
 * that line ends. */
static int resolve(ctx *c, int line, bool ends_clause)
{
    int at = line;
    while (at >= 1 && at <= c->nlines && !c->code[at])
        at++;
    if (at < 1 || at > c->nlines || func_search(c, at) < 0)
        return 0;
    const slot *s = &c->slots[at];
    if (!s->valid || (s->before_case && !ends_clause))
        return 0;
    return at;
}

/* A block before the slot of line at, for a mark of line target. */
static void place(ctx *c, int target, int at)
{
    if (c->marked[at])
        return;
    c->marked[at] = true;
    const slot *s = &c->slots[at];
    goat_place p = {s->offset, NULL, at, s->offset, s->indent_len, s->tabs, false, 0, false};
    if (s->before_case && target < at) {
        /* Comments above a case belong to that case: a block ending the
         * clause above goes before them, or gofmt would indent them into
         * the clause. */
        p.offset = line_start(c, target);
    } else if (s->split) {
        /* After the comments that start the line, on a line of its own,
         * as gofmt lays out such a comment followed by a statement. */
        p.offset = s->split;
        p.split = true;
        p.split_len = s->code - s->split;
    }
    goat_grow((void **)&c->out->items, &c->out->cap, c->out->count + 1, sizeof *c->out->items);
    c->out->items[c->out->count++] = p;
}

/* Patch granularity, as the reference's patchScope: within one scope, one
 * block per run of lines that are new or hold no code. A mark on a line
 * outside every run joins the run just above it. */
static bool in_run(ctx *c, int line)
{
    return line >= 1 && line <= c->nlines && (is_new(c, line) || !c->code[line]);
}

static uint64_t run_key(size_t scope, int start)
{
    return ((uint64_t)scope << 32) ^ (uint32_t)start;
}

static bool run_free(ctx *c, size_t scope, int line)
{
    return !in_run(c, line) || !keyset_contains(&c->runs, run_key(scope, c->run_start[line]));
}

static void take_run(ctx *c, size_t scope, int line)
{
    if (in_run(c, line))
        keyset_insert(&c->runs, run_key(scope, c->run_start[line]));
}

/* How many heads placed on line come before the '{' at lbrace (after
 * emit_heads): each split moves what follows it one tab deeper. */
static int heads_before(ctx *c, int line, size_t lbrace)
{
    size_t i = first_head_from(c, lbrace);
    if (i == 0 || c->heads[i - 1].line != line)
        return 0;
    return c->heads[i - 1].placed_before + c->heads[i - 1].placed;
}

/* The blocks of the placed heads, each one tab deeper than the line, and
 * one more for every head split before it on that line. */
static void emit_heads(ctx *c)
{
    for (size_t i = 0; i < c->nheads; i++) {
        head *h = &c->heads[i];
        h->placed_before = i > 0 && c->heads[i - 1].line == h->line
                               ? c->heads[i - 1].placed_before + c->heads[i - 1].placed
                               : 0;
        if (!h->placed)
            continue;
        int tabs = 1 + h->placed_before;
        goat_grow((void **)&c->out->items, &c->out->cap, c->out->count + 1, sizeof *c->out->items);
        c->out->items[c->out->count++] =
            (goat_place){h->split, NULL, h->line, h->indent, h->indent_len, tabs, true, h->code - h->split, true};
    }
}

static void force_mark_at(ctx *c, int line, bool ends_clause)
{
    if (c->g == GOAT_GRANULARITY_FUNC) {
        long idx = func_search(c, line);
        if (idx >= 0 && c->fs[idx].head) {
            head_at(c, c->fs[idx].lbrace)->placed = true; /* emit_heads writes it out */
            return;
        }
        int at = idx >= 0 ? resolve(c, c->fs[idx].start + 1, false) : 0;
        if (at)
            place(c, c->fs[idx].start + 1, at);
        return;
    }
    int at = resolve(c, line, ends_clause);
    if (!at)
        return;
    size_t scope = c->slots[at].scope;
    switch (c->g) {
    case GOAT_GRANULARITY_SCOPE:
        if (c->scope_used[scope])
            return;
        c->scope_used[scope] = true;
        break;
    case GOAT_GRANULARITY_PATCH:
        if (!run_free(c, scope, at) || !run_free(c, scope, at - 1))
            return;
        if (in_run(c, at)) {
            take_run(c, scope, at);
        } else {
            take_run(c, scope, at - 1);
            take_run(c, scope, at + 1);
        }
        break;
    case GOAT_GRANULARITY_LINE:
    case GOAT_GRANULARITY_FUNC:
        break;
    }
    place(c, line, at);
}

static void force_mark(ctx *c, int line)
{
    force_mark_at(c, line, false);
}

/* A mark of a statement on a head's line: the head gets its block, as
 * the granularity allows (it is the first block of its body's first scope
 * and of the function). */
static void mark_head(ctx *c, head *h)
{
    switch (c->g) {
    case GOAT_GRANULARITY_SCOPE:
        if (c->scope_used[h->scope])
            return;
        c->scope_used[h->scope] = true;
        break;
    case GOAT_GRANULARITY_PATCH:
        if (!run_free(c, h->scope, h->line))
            return;
        take_run(c, h->scope, h->line);
        break;
    case GOAT_GRANULARITY_LINE:
    case GOAT_GRANULARITY_FUNC:
        break;
    }
    h->placed = true; /* emit_heads writes it out, one block at most */
}

static void check_mark(ctx *c, const goat_node *s)
{
    int line = line_of(c, s->pos);
    if (!is_new(c, line))
        return;
    if (c->cur_head && c->cur_head->line == line)
        mark_head(c, c->cur_head);
    else
        force_mark(c, line);
}

static bool single_line_body(ctx *c, const goat_node *body)
{
    return line_of(c, body->u.block.lbrace) == line_of(c, body->u.block.rbrace);
}

/* ---- the statement walk (processStatements) ---- */

static void process_stmts(ctx *c, const goat_node_list *l);
static void mark_lits(ctx *c, const goat_node *n);

/* A function's body: a single-line one is opened (when its line is new),
 * with any literal nested in it; the statements of any other are walked. */
static void process_function(ctx *c, const goat_node *body)
{
    if (!body || body->u.block.list.count == 0)
        return;
    if (!single_line_body(c, body)) {
        head *outer = c->cur_head;
        c->cur_head = head_at(c, (size_t)body->u.block.lbrace);
        process_stmts(c, &body->u.block.list);
        c->cur_head = outer;
        return;
    }
    if (is_new(c, line_of(c, body->u.block.list.items[0]->pos))) {
        goat_grow((void **)&c->singles, &c->capsingles, c->nsingles + 1, sizeof(void *));
        c->singles[c->nsingles++] = body;
    }
    mark_lits(c, body);
}

static bool mark_lit_visit(const goat_node *n, int depth, void *arg)
{
    if (depth > 0 && n->kind == GOAT_FUNC_LIT) {
        process_function(arg, n->u.func_lit.body);
        return false;
    }
    return true;
}

/* The function literals anywhere in n, in source order (n itself, when a
 * single-line body, is not one of them). */
static void mark_lits(ctx *c, const goat_node *n)
{
    if (!n)
        return;
    if (n->kind == GOAT_FUNC_LIT)
        process_function(c, n->u.func_lit.body);
    else if (may_hold_func(c, n))
        goat_ast_inspect(n, mark_lit_visit, c);
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
    control ct;
    if (control_of(s, &ct)) {
        for (int i = 0; i < 3; i++)
            mark_lits(c, ct.parts[i]);
        if (ct.body && ct.clauses && ct.body->u.block.list.count == 0)
            check_mark(c, s); /* a switch or select without clauses is a statement of its own */
        if (ct.body)
            process_stmts(c, &ct.body->u.block.list);
        const goat_node *e = s->kind == GOAT_IF_STMT ? s->u.if_stmt.else_ : NULL;
        if (e && e->kind == GOAT_IF_STMT)
            process_stmt(c, e);
        else if (e && e->kind == GOAT_BLOCK_STMT)
            process_stmts(c, &e->u.block.list);
        return;
    }
    switch (s->kind) {
    case GOAT_CASE_CLAUSE:
        for (size_t i = 0; i < s->u.case_clause.list.count; i++)
            mark_lits(c, s->u.case_clause.list.items[i]);
        process_stmts(c, &s->u.case_clause.body);
        break;
    case GOAT_COMM_CLAUSE:
        mark_lits(c, s->u.comm_clause.comm);
        process_stmts(c, &s->u.comm_clause.body);
        break;
    case GOAT_BLOCK_STMT:
        check_mark(c, s);
        process_stmts(c, &s->u.block.list);
        break;
    case GOAT_LABELED_STMT:
        process_stmt(c, s->u.labeled.stmt);
        break;
    case GOAT_DECL_STMT:
        if (decl_counts(s))
            check_mark(c, s);
        mark_lits(c, s);
        break;
    case GOAT_EMPTY_STMT:
        /* An implicit empty statement is no statement the user wrote. */
        if (!s->u.empty_stmt.implicit)
            check_mark(c, s);
        break;
    default: /* assignments, expression statements, go, defer, return, ... */
        check_mark(c, s);
        mark_lits(c, s);
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

/* The start of a body its header leads into: the line after '{', when the
 * body's statements stand on lines of their own. A body laid out on its
 * header's line is tracked by the block before that line. */
static void mark_body(ctx *c, const goat_node *body)
{
    int lb = line_of(c, body->u.block.lbrace);
    const goat_node_list *l = &body->u.block.list;
    if (lb == line_of(c, body->u.block.rbrace) || (l->count > 0 && line_of(c, l->items[0]->pos) == lb))
        return;
    force_mark(c, lb + 1);
}

/* The start of a case or select clause: the line after the colon. A block
 * for an empty clause may end up on the next case line, where it ends
 * this clause. */
static void mark_clause(ctx *c, goat_pos colon, const goat_node_list *body)
{
    int line = line_of(c, colon);
    if (body->count > 0 && line_of(c, body->items[0]->pos) == line)
        return;
    force_mark_at(c, line + 1, true);
}

static void mark_clauses(ctx *c, const goat_node *body)
{
    if (!body)
        return;
    for (size_t i = 0; i < body->u.block.list.count; i++) {
        const goat_node *cc = body->u.block.list.items[i];
        if (cc->kind == GOAT_CASE_CLAUSE && cc->u.case_clause.body.count > 0)
            mark_clause(c, cc->u.case_clause.colon, &cc->u.case_clause.body);
    }
}

static bool special_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    ctx *c = arg;
    control ct;
    bool changed;
    switch (n->kind) {
    case GOAT_IF_STMT:
    case GOAT_FOR_STMT:
    case GOAT_RANGE_STMT:
    case GOAT_SWITCH_STMT:
    case GOAT_TYPE_SWITCH_STMT:
        /* the keyword's line, or any line of a header part */
        control_of(n, &ct);
        changed = is_new(c, line_of(c, n->pos));
        for (int i = 0; i < 3; i++)
            changed = changed || range_new(c, ct.parts[i]);
        if (!ct.body || !changed)
            break;
        if (ct.clauses) {
            mark_clauses(c, ct.body);
        } else {
            mark_body(c, ct.body);
            const goat_node *e = n->kind == GOAT_IF_STMT ? n->u.if_stmt.else_ : NULL;
            if (e && e->kind == GOAT_BLOCK_STMT && e->u.block.list.count > 0)
                mark_body(c, e);
        }
        break;
    case GOAT_CASE_CLAUSE:
        changed = is_new(c, line_of(c, n->u.case_clause.case_pos));
        for (size_t i = 0; !changed && i < n->u.case_clause.list.count; i++)
            changed = range_new(c, n->u.case_clause.list.items[i]);
        if (changed)
            mark_clause(c, n->u.case_clause.colon, &n->u.case_clause.body);
        break;
    case GOAT_COMM_CLAUSE:
        changed = is_new(c, line_of(c, n->u.comm_clause.case_pos)) || range_new(c, n->u.comm_clause.comm);
        if (changed)
            mark_clause(c, n->u.comm_clause.colon, &n->u.comm_clause.body);
        break;
    case GOAT_BLOCK_STMT:
    case GOAT_SELECT_STMT:
    case GOAT_LABELED_STMT:
        break;
    default:
        /* any other statement or expression holds control statements
         * only in the function literals in it */
        return may_hold_func(c, n);
    }
    return true;
}

/* processSpecialStatements for the function literals of a package-level
 * declaration. */
static bool global_special_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    if (n->kind != GOAT_FUNC_LIT)
        return may_hold_func(arg, n);
    if (n->u.func_lit.body)
        goat_ast_inspect(n->u.func_lit.body, special_visit, arg);
    return false;
}

/* ---- single-line bodies ---- */

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

/* Every single-line body marked for opening is opened. One nested in
 * others lands, once they are opened, on a statement line of the
 * innermost of them: its indentation is theirs plus one tab each. */
static void open_singles(ctx *c)
{
    if (c->nsingles > 1)
        goat_sort(c->singles, c->nsingles, sizeof *c->singles, cmp_single);
    const goat_node **outer = goat_xmalloc((c->nsingles + 1) * sizeof *outer);
    size_t depth = 0;
    for (size_t i = 0; i < c->nsingles; i++) {
        const goat_node *b = c->singles[i];
        if (i > 0 && c->singles[i - 1] == b)
            continue;
        while (depth > 0 && outer[depth - 1]->end <= b->pos)
            depth--;
        int line = line_of(c, b->u.block.lbrace);
        size_t ls = line_start(c, line);
        size_t ind = ls;
        while (ind < c->len && (c->src[ind] == ' ' || c->src[ind] == '\t'))
            ind++;
        goat_grow((void **)&c->out->items, &c->out->cap, c->out->count + 1, sizeof *c->out->items);
        int tabs = (int)depth + heads_before(c, line, (size_t)b->u.block.lbrace);
        c->out->items[c->out->count++] =
            (goat_place){(size_t)b->u.block.lbrace + 1, b, line, ls, ind - ls, tabs, false, 0, false};
        outer[depth++] = b;
    }
    free(outer);
}

void goat_place_blocks(const goat_node *file, const char *src, size_t len, const goat_lines *lines,
                       const goat_func_words *words, const goat_lineset *new_lines, goat_granularity granularity,
                       goat_places *out)
{
    memset(out, 0, sizeof *out);
    ctx c;
    memset(&c, 0, sizeof c);
    c.file = file;
    c.src = src;
    c.len = len;
    c.comments = file->u.file.comments;
    c.ncomments = file->u.file.comment_count;
    c.news = new_lines;
    c.g = granularity;
    c.out = out;
    c.lines = lines;
    c.words = words;
    c.nlines = (int)lines->count;
    c.is_new = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.is_new);
    if (new_lines->all) {
        for (int i = 1; i <= c.nlines; i++)
            c.is_new[i] = true;
    } else {
        for (size_t i = 0; i < new_lines->count; i++)
            if (new_lines->lines[i] >= 1 && new_lines->lines[i] <= c.nlines)
                c.is_new[new_lines->lines[i]] = true;
    }
    c.code = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.code);
    c.marked = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.marked);
    c.slots = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.slots);
    find_code_lines(&c);
    c.run_start = goat_xcalloc((size_t)c.nlines + 2, sizeof *c.run_start);
    for (int i = 1; i <= c.nlines; i++)
        if (in_run(&c, i))
            c.run_start[i] = i > 1 && c.run_start[i - 1] ? c.run_start[i - 1] : i;

    /* A declaration whose lines hold no new line gets no block: both
     * passes skip it (when few lines changed, most of the file). */
    const goat_node_list *decls = &file->u.file.decls;
    bool *touched = goat_xcalloc(decls->count + 1, sizeof *touched);
    for (size_t i = 0; i < decls->count; i++)
        touched[i] = goat_lineset_any_in(new_lines, line_of(&c, decls->items[i]->pos),
                                         line_of(&c, decls->items[i]->end));
    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (!touched[i])
            continue;
        if (d->kind == GOAT_FUNC_DECL && d->u.func_decl.body) {
            scan_function(&c, d->u.func_decl.body);
        } else if (d->kind == GOAT_GEN_DECL) {
            scan_lits(&c, d);
        }
    }
    if (c.nfs > 1)
        goat_sort(c.fs, c.nfs, sizeof *c.fs, cmp_fscope);
    if (c.nheads > 1)
        goat_sort(c.heads, c.nheads, sizeof *c.heads, cmp_head);
    c.func_of = paint_functions(c.nlines, c.fs, c.nfs, c.slots);
    c.scope_used = goat_xcalloc(c.nscopes + 1, sizeof *c.scope_used);

    for (size_t i = 0; i < decls->count; i++) {
        const goat_node *d = decls->items[i];
        if (!touched[i])
            continue;
        if (d->kind == GOAT_FUNC_DECL && d->u.func_decl.body) {
            process_function(&c, d->u.func_decl.body);
            goat_ast_inspect(d->u.func_decl.body, special_visit, &c);
        } else if (d->kind == GOAT_GEN_DECL) {
            mark_lits(&c, d);
            goat_ast_inspect(d, global_special_visit, &c);
        }
    }
    emit_heads(&c);
    open_singles(&c);
    if (out->count > 1)
        goat_sort(out->items, out->count, sizeof *out->items, cmp_place);

    free(touched);
    free(c.heads);
    free(c.run_start);
    free(c.func_of);
    free(c.fs);
    free(c.scope_used);
    free(c.runs.keys);
    free(c.singles);
    free(c.is_new);
    free(c.code);
    free(c.marked);
    free(c.slots);
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

/* Within statement s: after a label's colon and before what it labels
 * (through nested labels) is a place a statement may stand, as placement
 * puts blocks after `exit:`, unless it labels a loop, switch or select: a
 * break or continue naming the label would no longer compile once the
 * label labels a new statement. Anywhere else is within the statement. */
static goat_stmt_position within_statement(const goat_node *s, goat_pos pos)
{
    while (s->kind == GOAT_LABELED_STMT && s->u.labeled.stmt && pos > s->u.labeled.colon) {
        const goat_node *labeled = s->u.labeled.stmt;
        if (pos < labeled->pos || (labeled->kind == GOAT_EMPTY_STMT && labeled->u.empty_stmt.implicit))
            return breakable(labeled) ? GOAT_POSITION_AFTER_LOOP_LABEL : GOAT_POSITION_STATEMENT;
        s = labeled;
    }
    return GOAT_POSITION_INSIDE_STATEMENT;
}

/* Between the statements of list, or within one of them. */
static goat_stmt_position within_list(const goat_node_list *list, goat_pos pos)
{
    for (size_t i = 0; i < list->count; i++) {
        const goat_node *s = list->items[i];
        if (s && s->pos <= pos && pos < s->end)
            return within_statement(s, pos);
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
