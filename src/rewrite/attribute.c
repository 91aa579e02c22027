/* SPDX-License-Identifier: MIT */
/* One pass over the changed lines finds, for each, its first token in each
 * function (its anchors), and each block's location; a token's start is
 * found by passing over blanks and comments, which the parse located, so
 * nothing is lexed again. Then,
 * function by function, blocks and anchors are located in the tree in
 * ascending order with a stack of statement and list frames that only
 * pops what the position has left behind, so the work is linear in tokens,
 * statements and blocks (times a log for binary searches), however deep the
 * nesting. */
#include "rewrite/attribute.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "util/sort.h"

typedef struct anchor {
    goat_pos pos;
    long func;
    int line;
    bool header; /* outside the function's body: its signature or closing brace */
} anchor;

/* A block in the statement list it was placed in (a BlockStmt's list, or
 * a case or comm clause's statements), which its run says. */
typedef struct placed {
    goat_pos offset;
    size_t block;
} placed;

typedef struct owned {
    size_t block;
    int line;
} owned;

/* Where the blocks placed in one list are in locator.placed: [lo, hi). */
typedef struct run {
    const goat_node *list; /* NULL: a free slot */
    size_t lo, hi;
} run;

typedef struct lframe {
    const goat_node *node; /* a statement, or the owner of a list (BlockStmt or clause) */
    bool is_list;
    size_t list;  /* the frame of the list this frame lies in (itself for a list) */
    long owner; /* the block rule 2 gives a position inside this frame, -1 for none */
    /* a list frame's cursors, which only move forward as positions do:
     * how many of its elements start before the last position, and its
     * run of placed blocks [lo, hi) with the first one beyond the last
     * statement pushed in it */
    size_t elem, lo, hi, next;
} lframe;

typedef struct locator {
    lframe *frames;
    size_t depth, cap;
    bool block_mode; /* positions are insertion points: before the byte there */
    /* what block_mode means for a comparison, as a number to add: a
     * statement holds p when it starts before p + opens, a block's list
     * when p comes before its '}' + closes */
    goat_pos opens, closes;
    const placed *placed; /* grouped by list, each run by offset, block */
    const run *runs; /* open addressing by list, mask + 1 slots */
    size_t mask;
} locator;

/* ---- the statement lists of the tree ---- */

static const goat_node_list *list_items(const goat_node *n)
{
    switch (n->kind) {
    case GOAT_BLOCK_STMT: return &n->u.block.list;
    case GOAT_CASE_CLAUSE: return &n->u.case_clause.body;
    case GOAT_COMM_CLAUSE: return &n->u.comm_clause.body;
    default: return NULL;
    }
}

static inline bool list_contains(const locator *lc, const goat_node *n, goat_pos p)
{
    if (n->kind == GOAT_BLOCK_STMT)
        return n->u.block.lbrace < p && p < n->u.block.rbrace + lc->closes;
    goat_pos colon = n->kind == GOAT_CASE_CLAUSE ? n->u.case_clause.colon : n->u.comm_clause.colon;
    return colon < p && p < n->end;
}

static inline bool stmt_contains(const locator *lc, const goat_node *n, goat_pos p)
{
    return n && n->pos != GOAT_NOPOS && n->pos < p + lc->opens && p < n->end;
}

static inline bool starts_before(const locator *lc, const goat_node *s, goat_pos p)
{
    return s && s->pos < p + lc->opens;
}

/* How many elements of l start before p, searching [lo, hi) (those
 * before lo do, those from hi do not). */
static size_t elements_before(const locator *lc, const goat_node_list *l, goat_pos p, size_t lo, size_t hi)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts_before(lc, l->items[mid], p))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The element of list owner n holding p, or NULL; *index is the number of
 * elements starting before p. */
static const goat_node *element_at(const locator *lc, const goat_node *n, goat_pos p, size_t *index)
{
    const goat_node_list *l = list_items(n);
    size_t lo = elements_before(lc, l, p, 0, l->count);
    *index = lo;
    if (lo > 0 && stmt_contains(lc, l->items[lo - 1], p)) {
        *index = lo - 1;
        return l->items[lo - 1];
    }
    return NULL;
}

/* element_at for list frame f, searching on from where its last search
 * ended: a function's positions come in ascending order, so this gallops
 * over the few statements passed since instead of halving the list. */
static const goat_node *element_in(const locator *lc, lframe *f, goat_pos p)
{
    const goat_node_list *l = list_items(f->node);
    size_t lo = f->elem, hi;
    if (lo > 0 && !starts_before(lc, l->items[lo - 1], p)) {
        hi = lo - 1; /* behind the last answer */
        lo = 0;
    } else {
        size_t step = 1;
        hi = lo;
        while (hi < l->count && starts_before(lc, l->items[hi], p)) {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        if (hi > l->count)
            hi = l->count;
    }
    lo = elements_before(lc, l, p, lo, hi);
    f->elem = lo;
    if (lo > 0 && stmt_contains(lc, l->items[lo - 1], p))
        return l->items[lo - 1];
    return NULL;
}

/* What p lies in inside statement s: one of its lists, or a statement it
 * holds outside a list (the if of an else-if, a label's statement). */
static const goat_node *nested_at(const locator *lc, const goat_node *s, goat_pos p, bool *is_list)
{
    const goat_node *body = NULL;
    *is_list = true;
    switch (s->kind) {
    case GOAT_BLOCK_STMT:
        body = s;
        break;
    case GOAT_IF_STMT: {
        const goat_node *e = s->u.if_stmt.else_;
        if (s->u.if_stmt.body && list_contains(lc, s->u.if_stmt.body, p))
            return s->u.if_stmt.body;
        if (e && e->kind == GOAT_BLOCK_STMT)
            body = e;
        else if (stmt_contains(lc, e, p)) {
            *is_list = false;
            return e;
        }
        break;
    }
    case GOAT_FOR_STMT: body = s->u.for_stmt.body; break;
    case GOAT_RANGE_STMT: body = s->u.range_stmt.body; break;
    case GOAT_SWITCH_STMT: body = s->u.switch_stmt.body; break;
    case GOAT_TYPE_SWITCH_STMT: body = s->u.type_switch.body; break;
    case GOAT_SELECT_STMT: body = s->u.select_stmt.body; break;
    case GOAT_CASE_CLAUSE:
    case GOAT_COMM_CLAUSE:
        body = s;
        break;
    case GOAT_LABELED_STMT:
        if (stmt_contains(lc, s->u.labeled.stmt, p)) {
            *is_list = false;
            return s->u.labeled.stmt;
        }
        break;
    default:
        break;
    }
    return body && list_contains(lc, body, p) ? body : NULL;
}

/* ---- blocks per list ---- */

/* Hashed by where the list starts (its '{' or its case), which no other
 * list shares, not by its address: the probes, and so the branches a
 * profile-guided build is trained on, are then the same in every run. */
static size_t run_hash(const goat_node *list, size_t mask)
{
    uint64_t h = (uint64_t)list->pos * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & mask;
}

/* The slot of list in runs: its own, or the free one it would take. */
static size_t run_slot(const run *runs, size_t mask, const goat_node *list)
{
    size_t h = run_hash(list, mask);
    while (runs[h].list && runs[h].list != list)
        h = (h + 1) & mask;
    return h;
}

/* The blocks placed in list: [*lo, *hi) of placed, empty when none. */
static void run_of(const locator *lc, const goat_node *list, size_t *lo, size_t *hi)
{
    *lo = *hi = 0;
    if (!lc->runs || !list)
        return;
    const run *r = &lc->runs[run_slot(lc->runs, lc->mask, list)];
    if (r->list) {
        *lo = r->lo;
        *hi = r->hi;
    }
}

/* The index of the first entry of [lo, hi) whose offset is beyond p (hi
 * when none is). */
static size_t first_beyond(const locator *lc, size_t lo, size_t hi, goat_pos p)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (lc->placed[mid].offset <= p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The last block placed in list frame f's list at or before p, or -1.
 * The frame's cursor moves on from the last such question, which asked
 * about an earlier position but for a position inside a statement that
 * p may follow. */
static long frame_last_at_or_before(const locator *lc, lframe *f, goat_pos p)
{
    size_t i = f->next;
    if (i > f->lo && lc->placed[i - 1].offset > p) {
        i = first_beyond(lc, f->lo, i, p);
    } else {
        while (i < f->hi && lc->placed[i].offset <= p)
            i++;
        f->next = i;
    }
    return i > f->lo ? (long)lc->placed[i - 1].block : -1;
}

/* The first block placed in list after p, or -1. */
static long first_after(const locator *lc, const goat_node *list, goat_pos p)
{
    size_t lo, hi;
    run_of(lc, list, &lo, &hi);
    size_t i = first_beyond(lc, lo, hi, p);
    return i < hi ? (long)lc->placed[i].block : -1;
}

/* ---- locating ---- */

static void push(locator *lc, const goat_node *node, bool is_list)
{
    long owner = -1;
    size_t list = lc->depth;
    if (lc->depth > 0) {
        const lframe *up = &lc->frames[lc->depth - 1];
        if (!is_list)
            list = up->list;
        owner = up->owner;
        /* a statement: the blocks before it in its list, also those after
         * a label it follows */
        long before = is_list || lc->block_mode ? -1 : frame_last_at_or_before(lc, &lc->frames[list], node->pos);
        if (before >= 0)
            owner = before;
    }
    if (lc->depth == lc->cap)
        goat_grow((void **)&lc->frames, &lc->cap, lc->depth + 1, sizeof *lc->frames);
    lframe *f = &lc->frames[lc->depth++];
    *f = (lframe){node, is_list, list, owner, 0, 0, 0, 0};
    if (is_list && !lc->block_mode) {
        run_of(lc, node, &f->lo, &f->hi);
        f->next = f->lo;
    }
}

static void locator_start(locator *lc, const goat_node *body, bool block_mode)
{
    lc->depth = 0;
    lc->block_mode = block_mode;
    lc->opens = block_mode ? 0 : 1;
    lc->closes = block_mode ? 1 : 0;
    push(lc, body, true);
}

/* Brings the frames to p, which must not be less than the last position. */
static void locate(locator *lc, goat_pos p)
{
    while (lc->depth > 1) {
        const lframe *f = &lc->frames[lc->depth - 1];
        if (f->is_list ? list_contains(lc, f->node, p) : stmt_contains(lc, f->node, p))
            break;
        lc->depth--;
    }
    for (;;) {
        lframe *f = &lc->frames[lc->depth - 1];
        const goat_node *next;
        bool is_list = false;
        if (f->is_list)
            next = element_in(lc, f, p);
        else
            next = nested_at(lc, f->node, p, &is_list);
        if (!next)
            return;
        push(lc, next, is_list);
    }
}

/* The list a block at b was placed in; a block between two clauses ends
 * the clause before it. */
static const goat_node *block_list(locator *lc, goat_pos b)
{
    locate(lc, b);
    const goat_node *list = lc->frames[lc->frames[lc->depth - 1].list].node;
    const goat_node_list *items = list_items(list);
    if (list->kind == GOAT_BLOCK_STMT && items->count > 0 &&
        (items->items[0]->kind == GOAT_CASE_CLAUSE || items->items[0]->kind == GOAT_COMM_CLAUSE)) {
        size_t index;
        element_at(lc, list, b, &index);
        if (index > 0)
            return items->items[index - 1];
    }
    return list;
}

static bool compound(const goat_node *s)
{
    switch (s->kind) {
    case GOAT_BLOCK_STMT:
    case GOAT_IF_STMT:
    case GOAT_FOR_STMT:
    case GOAT_RANGE_STMT:
    case GOAT_SWITCH_STMT:
    case GOAT_TYPE_SWITCH_STMT:
    case GOAT_SELECT_STMT:
    case GOAT_CASE_CLAUSE:
    case GOAT_COMM_CLAUSE:
        return true;
    default:
        return false;
    }
}

static const goat_node *clauses_of(const goat_node *s)
{
    switch (s->kind) {
    case GOAT_SWITCH_STMT: return s->u.switch_stmt.body;
    case GOAT_TYPE_SWITCH_STMT: return s->u.type_switch.body;
    case GOAT_SELECT_STMT: return s->u.select_stmt.body;
    default: return NULL;
    }
}

/* Rule 1: the first block after p in compound statement s's own lists. */
static long header_owner(const locator *lc, const goat_node *s, goat_pos p)
{
    long o;
    switch (s->kind) {
    case GOAT_IF_STMT: {
        const goat_node *e = s->u.if_stmt.else_;
        if ((o = first_after(lc, s->u.if_stmt.body, p)) >= 0)
            return o;
        if (e && e->kind == GOAT_BLOCK_STMT)
            return first_after(lc, e, p);
        if (e && e->kind == GOAT_IF_STMT && p < e->pos)
            return first_after(lc, e->u.if_stmt.body, p);
        return -1;
    }
    case GOAT_FOR_STMT: return first_after(lc, s->u.for_stmt.body, p);
    case GOAT_RANGE_STMT: return first_after(lc, s->u.range_stmt.body, p);
    case GOAT_SWITCH_STMT:
    case GOAT_TYPE_SWITCH_STMT:
    case GOAT_SELECT_STMT: {
        const goat_node *body = clauses_of(s);
        for (size_t i = 0; body && i < body->u.block.list.count; i++)
            if ((o = first_after(lc, body->u.block.list.items[i], p)) >= 0)
                return o;
        return -1;
    }
    default:
        return first_after(lc, s, p);
    }
}

static long anchor_owner(locator *lc, goat_pos p)
{
    locate(lc, p);
    lframe *f = &lc->frames[lc->depth - 1];
    /* A label on a line of its own heads the statement it labels. */
    const goat_node *s = f->is_list ? NULL : f->node;
    while (s && s->kind == GOAT_LABELED_STMT)
        s = s->u.labeled.stmt;
    long o = -1;
    if (s && compound(s)) { /* rule 1 */
        o = header_owner(lc, s, p);
        if (o < 0)
            o = header_owner(lc, s, s->pos);
    }
    if (o < 0 && f->is_list) /* rule 2 */
        o = frame_last_at_or_before(lc, f, p);
    if (o < 0)
        o = f->owner;
    if (o < 0) /* rule 3 */
        o = first_after(lc, lc->frames[f->list].node, p);
    return o;
}

/* ---- the line pass ---- */

typedef struct scan {
    anchor *anchors;
    size_t nanchors, cap;
} scan;

static void add_anchor(scan *s, goat_pos pos, long func, int line, bool header)
{
    if (s->nanchors == s->cap)
        goat_grow((void **)&s->anchors, &s->cap, s->nanchors + 1, sizeof *s->anchors);
    s->anchors[s->nanchors++] = (anchor){pos, func, line, header};
}

/* A sorted array of spans, with where the last search in it ended: the
 * passes ask about ascending positions, mostly, so a search steps on from
 * there over the few spans passed since instead of halving the whole
 * array each time. */
typedef struct spans {
    const goat_comment *items;
    size_t count;
    size_t hint;
} spans;

/* The text the pass reads, with what the parse knew of it: where its
 * comments and its raw strings that span lines are (the only tokens but
 * comments that do), so that a token's start is found by passing over
 * blanks and comments, without lexing; and its line starts. */
typedef struct text {
    const char *src;
    size_t len;
    const goat_lines *lines;
    spans comments, strings;
} text;

/* The first span in s (sorted) that ends after pos. */
static size_t span_after(spans *s, size_t pos)
{
    const goat_comment *items = s->items;
    size_t i = s->hint;
    if (i > 0 && (size_t)items[i - 1].end > pos) { /* behind the last answer */
        size_t lo = 0, hi = i - 1;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if ((size_t)items[mid].end <= pos)
                lo = mid + 1;
            else
                hi = mid;
        }
        i = lo;
    } else {
        while (i < s->count && (size_t)items[i].end <= pos)
            i++;
    }
    s->hint = i;
    return i;
}

/* The span of s holding pos (start < pos < end), or NULL. */
static const goat_comment *span_around(spans *s, size_t pos)
{
    size_t i = span_after(s, pos);
    return i < s->count && (size_t)s->items[i].pos < pos ? &s->items[i] : NULL;
}

/* Whether c is a blank between tokens (space, tab, CR, LF): one test of a
 * mask of their values instead of four comparisons. */
static inline bool is_blank(char c)
{
    const uint64_t blanks = (UINT64_C(1) << ' ') | (UINT64_C(1) << '\t') | (UINT64_C(1) << '\r') | (UINT64_C(1) << '\n');
    return (unsigned char)c <= ' ' && (blanks >> (unsigned char)c & 1);
}

/* Where the first token at or after pos and before limit starts (pos
 * being where a token may start: not inside one), passing over blanks and
 * comments; limit when none does. A byte order mark opening the text is no
 * token either. The limit keeps a line's search on its line: without it,
 * each of many comment-only lines would pass over all the comments after
 * it. */
static inline size_t token_before(text *t, size_t pos, size_t limit)
{
    size_t c = span_after(&t->comments, pos);
    const goat_comment *comments = t->comments.items;
    size_t ncomments = t->comments.count;
    if (pos == 0 && t->len >= 3 && memcmp(t->src, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < limit) {
        char ch = t->src[pos];
        if (is_blank(ch)) {
            pos++;
        } else if (c < ncomments && (size_t)comments[c].pos == pos) {
            pos = (size_t)comments[c++].end;
        } else {
            return pos;
        }
    }
    return limit;
}

/* Which function a token at pos is code of: the innermost whose body
 * holds it, else (header) a top-level function or package-level literal
 * whose text holds it outside its body, else -1. Positions must come in
 * ascending order. */
typedef struct owner_walk {
    const goat_funcnames *funcs;
    long *stack; /* the functions whose bodies hold the last position */
    size_t depth, next_func, next_top;
} owner_walk;

static long owner_at_slow(owner_walk *w, goat_pos pos, bool *header);

/* Most tokens are code of the function the last one was: checked here,
 * inline, before the walk moves on. */
static inline long owner_at(owner_walk *w, goat_pos pos, bool *header)
{
    const goat_func *items = w->funcs->items;
    if (w->depth > 0 && items[w->stack[w->depth - 1]].rbrace > pos &&
        (w->next_func >= w->funcs->count || items[w->next_func].lbrace >= pos)) {
        *header = false;
        return w->stack[w->depth - 1];
    }
    return owner_at_slow(w, pos, header);
}

static long owner_at_slow(owner_walk *w, goat_pos pos, bool *header)
{
    const goat_funcnames *funcs = w->funcs;
    while (w->depth > 0 && funcs->items[w->stack[w->depth - 1]].rbrace <= pos)
        w->depth--;
    for (; w->next_func < funcs->count && funcs->items[w->next_func].lbrace < pos; w->next_func++)
        if (funcs->items[w->next_func].rbrace > pos)
            w->stack[w->depth++] = (long)w->next_func;
    *header = false;
    if (w->depth > 0)
        return w->stack[w->depth - 1];
    while (w->next_top < funcs->count &&
           (funcs->items[w->next_top].parent >= 0 || funcs->items[w->next_top].end <= pos))
        w->next_top++;
    if (w->next_top < funcs->count && funcs->items[w->next_top].pos <= pos) {
        *header = true;
        return (long)w->next_top;
    }
    return -1;
}

static int cmp_pos(const void *a, const void *b)
{
    goat_pos x = *(const goat_pos *)a, y = *(const goat_pos *)b;
    return (x > y) - (x < y);
}

/* Where on a line the function a token is code of can change, ascending:
 * the first token after each body's '{', each body's '}' (code of the
 * function around it), and the start of each top-level function or
 * package-level literal (its header). The functions come in source order
 * and nest, so each '}' is written when the walk leaves its function:
 * the list comes out sorted, which is checked rather than assumed. */
static goat_pos *owner_changes(const goat_funcnames *funcs, size_t *count)
{
    goat_pos *at = goat_xmalloc((3 * funcs->count + 1) * sizeof *at);
    size_t *open = goat_xmalloc((funcs->count + 1) * sizeof *open);
    size_t n = 0, depth = 0;
    for (size_t i = 0;; i++) {
        const goat_func *f = i < funcs->count ? &funcs->items[i] : NULL;
        goat_pos first = f ? (f->parent < 0 ? f->pos : f->lbrace + 1) : 0;
        while (depth > 0 && (!f || funcs->items[open[depth - 1]].rbrace <= first))
            at[n++] = funcs->items[open[--depth]].rbrace;
        if (!f)
            break;
        if (f->parent < 0)
            at[n++] = f->pos;
        at[n++] = f->lbrace + 1;
        open[depth++] = i;
    }
    free(open);
    bool sorted = true;
    for (size_t i = 1; i < n && sorted; i++)
        sorted = at[i - 1] <= at[i];
    if (!sorted)
        goat_sort(at, n, sizeof *at, cmp_pos);
    *count = n;
    return at;
}

/* The line of offset at (at most the text's length). */
static int line_at(const text *t, size_t at)
{
    int line, col;
    goat_lines_position(t->lines, at, &line, &col);
    return line;
}

/* The common line, told apart cheaply: one that no raw string or comment
 * runs onto, that does not open with a comment and on which no function
 * can change (changes[*next..], the cursors strings and comments are
 * moved on to it: lines come in ascending order). Its only anchor is its
 * first token, found by passing over its blanks: what anchor_line would
 * find, without its searches. Returns false, having added nothing, for
 * any other line. */
static bool plain_line(const text *t, owner_walk *ow, const goat_pos *changes, size_t nchanges, size_t *next,
                       size_t *strings, size_t *comments, int l, size_t start, size_t end, int *anchored,
                       int *headed, scan *s)
{
    const goat_comment *str = t->strings.items, *com = t->comments.items;
    size_t nstr = t->strings.count, ncom = t->comments.count;
    while (*next < nchanges && (size_t)changes[*next] < start)
        (*next)++;
    if ((*next < nchanges && (size_t)changes[*next] < end) || start == 0) /* start 0: a byte order mark */
        return false;
    while (*strings < nstr && (size_t)str[*strings].end <= start)
        (*strings)++;
    if (*strings < nstr && (size_t)str[*strings].pos < start)
        return false;
    while (*comments < ncom && (size_t)com[*comments].end <= start)
        (*comments)++;
    if (*comments < ncom && (size_t)com[*comments].pos < start)
        return false;
    size_t pos = start;
    while (pos < end && is_blank(t->src[pos]))
        pos++;
    if (pos == end) /* blank: its first token is on a later line */
        return true;
    if (*comments < ncom && (size_t)com[*comments].pos == pos)
        return false;
    bool header;
    long func = owner_at(ow, (goat_pos)pos, &header);
    if (func >= 0) {
        int *seen = header ? &headed[func] : &anchored[func];
        if (*seen != l) {
            *seen = l;
            add_anchor(s, (goat_pos)pos, func, l, header);
        }
    }
    return true;
}

/* The anchors of changed line l, which begins at start and ends before
 * end: the first token of the line that each function has code in. Its
 * tokens are the one that starts before it and runs onto it (a raw
 * string), the first token from its start, and each token from where the
 * function they are code of can change (changes[*next..]). */
static void anchor_line(text *t, owner_walk *ow, const goat_pos *changes, size_t nchanges, size_t *next,
                        int l, size_t start, size_t end, int *anchored, int *headed, scan *s)
{
    size_t from = start;
    const goat_comment *raw = span_around(&t->strings, start);
    const goat_comment *comment = raw ? NULL : span_around(&t->comments, start);
    goat_pos candidates[2];
    size_t ncand = 0;
    if (raw) {
        candidates[ncand++] = raw->pos;
        from = (size_t)raw->end;
    } else if (comment) {
        from = (size_t)comment->end;
    }
    if (from < end)
        candidates[ncand++] = (goat_pos)token_before(t, from, end);
    while (*next < nchanges && (size_t)changes[*next] < start)
        (*next)++;
    size_t c = 0, k = *next;
    for (;;) {
        goat_pos pos;
        if (c < ncand && (k >= nchanges || (size_t)changes[k] >= end || candidates[c] <= changes[k])) {
            pos = candidates[c++];
        } else if (k < nchanges && (size_t)changes[k] < end) {
            pos = (goat_pos)token_before(t, (size_t)changes[k++], end);
        } else {
            break;
        }
        if ((size_t)pos >= end)
            continue;
        bool header;
        long func = owner_at(ow, pos, &header);
        if (func < 0)
            continue;
        int *seen = header ? &headed[func] : &anchored[func];
        if (*seen != l) {
            *seen = l;
            add_anchor(s, pos, func, l, header);
        }
    }
}

/* Each block's location (the line of the first token at or after its
 * offset) and the anchors of every changed line that holds code of a
 * function, in line order. */
static void scan_lines(text *t, const goat_funcnames *funcs, const goat_lineset *changed,
                       const size_t *offsets, size_t count, goat_block_info *out, scan *s)
{
    /* blocks: their tokens ascend as their offsets do, so their lines
     * are found by walking the line starts once */
    const goat_lines *lines = t->lines;
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        size_t tok = token_before(t, offsets[i], t->len);
        while (at + 1 < lines->count && lines->starts[at + 1] <= tok)
            at++;
        out[i].line = (int)at + 1;
    }
    /* anchors */
    if (funcs->count == 0)
        return;
    owner_walk ow = {.funcs = funcs, .stack = goat_xmalloc((funcs->count + 1) * sizeof *ow.stack)};
    int *anchored = goat_xcalloc(funcs->count + 1, sizeof *anchored);
    int *headed = goat_xcalloc(funcs->count + 1, sizeof *headed);
    size_t nchanges, next = 0;
    goat_pos *changes = owner_changes(funcs, &nchanges);
    /* a line has at most two anchors of its own (a raw string running
     * onto it, its first token) and one per change of function on it:
     * room for them all from the start */
    size_t most = 2 * (changed->all ? lines->count : changed->count) + nchanges;
    if (s->cap < most) {
        s->anchors = goat_xreallocarray(s->anchors, most + 1, sizeof *s->anchors);
        s->cap = most + 1;
    }
    /* only lines within a top-level function or literal can hold code of
     * one */
    int current = 1;
    size_t top = 0, top_end = 0, strings = 0, comments = 0;
    size_t i = 0;
    for (int l = changed->all ? 1 : 0;; l = changed->all ? l + 1 : 0) {
        if (!changed->all) {
            if (i == changed->count)
                break;
            l = changed->lines[i++];
        }
        if (l < current)
            continue;
        if ((size_t)l > lines->count)
            break;
        current = l;
        size_t start = lines->starts[l - 1];
        if (start >= top_end) { /* past the top-level function: on to the next */
            while (top < funcs->count && (funcs->items[top].parent >= 0 || (size_t)funcs->items[top].end <= start))
                top++;
            if (top == funcs->count)
                break;
            top_end = (size_t)funcs->items[top].end;
        }
        size_t end = (size_t)l < lines->count ? lines->starts[l] - 1 : t->len;
        if ((size_t)funcs->items[top].pos > end) { /* no function reaches this line: on to the next that does */
            if (changed->all)
                l = line_at(t, (size_t)funcs->items[top].pos) - 1;
            continue;
        }
        if (!plain_line(t, &ow, changes, nchanges, &next, &strings, &comments, l, start, end, anchored, headed, s))
            anchor_line(t, &ow, changes, nchanges, &next, l, start, end, anchored, headed, s);
    }
    free(changes);
    free(ow.stack);
    free(anchored);
    free(headed);
}

/* ---- putting it together ---- */

/* goat_funcnames_at(funcs, pos, true) for ascending positions: the
 * functions whose bodies hold the last position, innermost on top (they
 * nest, and come in source order), so no search starts from scratch. */
typedef struct body_walk {
    const goat_funcnames *funcs;
    size_t *stack;
    size_t depth, next;
} body_walk;

static long body_at(body_walk *w, goat_pos pos)
{
    const goat_func *items = w->funcs->items;
    while (w->depth > 0 && items[w->stack[w->depth - 1]].rbrace < pos)
        w->depth--;
    for (; w->next < w->funcs->count && items[w->next].lbrace < pos; w->next++)
        if (items[w->next].rbrace >= pos)
            w->stack[w->depth++] = w->next;
    return w->depth > 0 ? (long)w->stack[w->depth - 1] : -1;
}

typedef struct by_func {
    long func;
    goat_pos offset;
    size_t block;
} by_func;

/* Turns counts[0..n) into starts: each becomes the sum of those before
 * it. Items counted by key and then dealt out with starts[key]++ come
 * out stably ordered by key in linear time (the passes meet items in
 * position order and keep it within a key); the callers deal out their
 * own typed items, as a typed copy is cheaper than an order of indices to
 * follow. */
static void counts_to_starts(size_t *counts, size_t n)
{
    size_t sum = 0;
    for (size_t k = 0; k < n; k++) {
        size_t c = counts[k];
        counts[k] = sum;
        sum += c;
    }
}

/* Decimal digits of n (negative numbers print as 0). */
static size_t number_len(int n)
{
    unsigned v = n < 0 ? 0u : (unsigned)n;
    size_t k = 1;
    for (unsigned limit = 10; v >= limit && k < 10; limit *= 10)
        k++;
    return k;
}

/* "00" to "99": line numbers are written two digits a step. */
static const char digit_pairs[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                  "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                  "8081828384858687888990919293949596979899";

/* Writes n's number_len(n) digits at out; returns the end. */
static char *put_number(char *out, int n)
{
    unsigned v = n < 0 ? 0u : (unsigned)n;
    char *end = out + number_len(n);
    char *p = end;
    for (; v >= 100; v /= 100) {
        p -= 2;
        p[0] = digit_pairs[2 * (v % 100)];
        p[1] = digit_pairs[2 * (v % 100) + 1];
    }
    if (v >= 10) {
        p[-2] = digit_pairs[2 * v];
        p[-1] = digit_pairs[2 * v + 1];
    } else {
        p[-1] = (char)('0' + v);
    }
    return end;
}

/* Writes the ranges of lines[0..count) at out, NUL-terminated; returns
 * the end (the NUL). */
static char *put_ranges(char *out, const int *lines, size_t count)
{
    char *p = out;
    for (size_t i = 0; i < count;) {
        size_t j = i;
        while (j + 1 < count && lines[j + 1] - 1 == lines[j])
            j++;
        if (i > 0)
            *p++ = ',';
        p = put_number(p, lines[i]);
        if (j > i) {
            *p++ = '-';
            p = put_number(p, lines[j]);
        }
        i = j + 1;
    }
    *p = '\0';
    return p;
}

/* Written in place after one reservation for the longest text the lines
 * can give (a line takes at most 11 bytes: 10 digits and a separator):
 * a file has a list per block, tens of thousands, all in one buffer. */
size_t goat_put_line_ranges(goat_strbuf *sb, const int *lines, size_t count)
{
    goat_strbuf_reserve(sb, 11 * count + 1);
    size_t at = sb->len;
    char *end = put_ranges(sb->data + at, lines, count);
    sb->len = (size_t)(end - sb->data) + 1; /* the NUL ends this list */
    sb->data[sb->len] = '\0';                /* and the buffer, as always */
    return at;
}

void goat_attribute(const char *src, size_t len, const goat_lines *lines, const goat_node *file,
                    const goat_funcnames *funcs, const goat_lineset *changed, const size_t *offsets, size_t count,
                    goat_block_info *out, goat_strbuf *ranges)
{
    text t = {src, len, lines, {file->u.file.comments, file->u.file.comment_count, 0},
              {file->u.file.multiline_strings, file->u.file.multiline_string_count, 0}};
    scan s = {0};
    scan_lines(&t, funcs, changed, offsets, count, out, &s);
    size_t *start = goat_xcalloc(funcs->count + 2, sizeof *start);
    for (size_t i = 0; i < s.nanchors; i++)
        start[s.anchors[i].func]++;
    counts_to_starts(start, funcs->count);
    anchor *anchors = goat_xmalloc((s.nanchors + 1) * sizeof *anchors);
    for (size_t i = 0; i < s.nanchors; i++)
        anchors[start[s.anchors[i].func]++] = s.anchors[i];
    free(s.anchors);

    /* blocks by function, those outside every function (-1) first */
    memset(start, 0, (funcs->count + 2) * sizeof *start);
    body_walk bw = {funcs, goat_xmalloc((funcs->count + 1) * sizeof *bw.stack), 0, 0};
    for (size_t i = 0; i < count; i++) {
        out[i].func = body_at(&bw, (goat_pos)offsets[i]);
        start[out[i].func + 1]++;
    }
    free(bw.stack);
    counts_to_starts(start, funcs->count + 1);
    by_func *blocks = goat_xmalloc((count + 1) * sizeof *blocks);
    for (size_t i = 0; i < count; i++)
        blocks[start[out[i].func + 1]++] = (by_func){out[i].func, (goat_pos)offsets[i], i};
    free(start);

    placed *pl = goat_xmalloc((2 * count + 1) * sizeof *pl), *arrived = pl + count;
    size_t *slot_of = goat_xmalloc((2 * count + 1) * sizeof *slot_of), *firsts = slot_of + count;
    run *runs = goat_xmalloc((4 * count + 8) * sizeof *runs);
    size_t cleared = 0; /* runs[0..cleared] are free */
    runs[0].list = NULL;
    owned *own = goat_xmalloc((s.nanchors + 1) * sizeof *own); /* an anchor has one owner at most */
    size_t nown = 0;
    locator lc = {0};
    size_t a = 0;
    for (size_t b = 0; b < count;) {
        long func = blocks[b].func;
        size_t end = b;
        while (end < count && blocks[end].func == func)
            end++;
        while (a < s.nanchors && anchors[a].func < func)
            a++;
        if (func < 0) {
            b = end;
            continue;
        }
        /* where this function's blocks went, grouped by list in the order
         * the lists first take one: counted by list, then dealt out, so
         * each run keeps the blocks' order (offset, then index) */
        size_t npl = end - b, mask = 7, nlists = 0;
        while (mask + 1 < 2 * npl)
            mask = mask * 2 + 1;
        if (mask > cleared) { /* larger than any before: clear the rest once */
            memset(runs + cleared + 1, 0, (mask - cleared) * sizeof *runs);
            cleared = mask;
        }
        locator_start(&lc, funcs->items[func].body, true);
        for (size_t i = 0; i < npl; i++) {
            const by_func *bl = &blocks[b + i];
            const goat_node *list = block_list(&lc, bl->offset);
            size_t h = run_slot(runs, mask, list);
            if (!runs[h].list) {
                runs[h] = (run){list, 0, 0};
                firsts[nlists++] = h;
            }
            runs[h].hi++;
            slot_of[i] = h;
            arrived[i] = (placed){bl->offset, bl->block};
        }
        for (size_t j = 0, at = 0; j < nlists; j++) {
            run *r = &runs[firsts[j]];
            size_t n = r->hi;
            r->lo = r->hi = at;
            at += n;
        }
        for (size_t i = 0; i < npl; i++)
            pl[runs[slot_of[i]].hi++] = arrived[i];
        lc.placed = pl;
        lc.runs = runs;
        lc.mask = mask;
        /* whom its changed lines belong to */
        locator_start(&lc, funcs->items[func].body, false);
        for (; a < s.nanchors && anchors[a].func == func; a++) {
            const anchor *an = &anchors[a];
            long o = an->header ? (long)blocks[b].block : anchor_owner(&lc, an->pos);
            if (o < 0)
                continue;
            own[nown++] = (owned){(size_t)o, an->line};
        }
        for (size_t j = 0; j < nlists; j++) /* free again for the next function */
            runs[firsts[j]].list = NULL;
        b = end;
    }
    /* each block's lines, in line order (its function's anchors'), where
     * a line met twice comes twice in a row */
    size_t *ends = goat_xcalloc(count + 1, sizeof *ends);
    for (size_t i = 0; i < nown; i++)
        ends[own[i].block]++;
    counts_to_starts(ends, count);
    int *by_block = goat_xmalloc((nown + 1) * sizeof *by_block);
    for (size_t i = 0; i < nown; i++)
        by_block[ends[own[i].block]++] = own[i].line;
    for (size_t i = 0, k = 0; i < count; i++) {
        int *from = by_block + k;
        size_t n = 0;
        for (; k < ends[i]; k++)
            if (n == 0 || from[n - 1] != by_block[k])
                from[n++] = by_block[k];
        out[i].lines = goat_put_line_ranges(ranges, from, n);
    }
    free(by_block);
    free(ends);
    free(own);
    free(lc.frames);
    free(pl);
    free(slot_of);
    free(runs);
    free(blocks);
    free(anchors);
}
