/* SPDX-License-Identifier: MIT */
/* The names follow cmd/compile 1.19: ir.closureName (FuncName(outer) +
 * ".func" or "." + a counter of the outer function, the package's counter
 * for package level and for functions named _), noder.Renameinit
 * ("init." + a package counter, bumped as irgen meets each init in file and
 * declaration order), irgen's evaluation order (an assignment's right side
 * first, "for compatibility with noder1"), the stenciler's order for
 * generic functions (ir.EditChildren: a range clause's X first), and the
 * linker's nameParts, which prints everything between a name's first '['
 * and its last ']' as "...". */
#include "rewrite/funcname.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "util/sort.h"

/* Two adjacent parts of a statement that cmd/compile names in the other
 * order: literals in [second_pos, second_end) before those in
 * [first_pos, first_end). */
typedef struct swap {
    goat_pos first_pos, first_end, second_pos, second_end;
} swap;

typedef struct frame {
    long func;  /* innermost function with a body, -1 at package level */
    long swap;  /* index into walk.swaps, -1 when none applies */
    bool generic;
} frame;

typedef struct lit {
    size_t func;   /* its entry in out->items */
    long owner;    /* the enclosing function, -1 at package level */
    goat_pos key;  /* naming order within the owner */
} lit;

typedef struct entry_info {
    bool is_lit;
    bool blank; /* a declaration named _: its literals use the package counter */
    int number; /* a literal's counter value */
} entry_info;

typedef struct walk {
    goat_funcnames *out;
    size_t cap;
    entry_info *info;
    size_t info_cap;
    frame *frames;
    size_t frames_cap;
    swap *swaps;
    size_t nswaps, swaps_cap;
    lit *lits;
    size_t nlits, lits_cap;
    int init_next;
    const goat_func_words *words; /* or NULL: walk every node */
    size_t word_hint; /* the words before the last node asked about */
    size_t base;      /* the depth of the root of the walk under way */
} walk;

static bool has_type_params(const goat_node *field_list)
{
    return field_list && field_list->u.field_list.list.count > 0;
}

static const goat_node *unparen(const goat_node *t)
{
    while (t && t->kind == GOAT_PAREN_EXPR)
        t = t->u.paren.x;
    return t;
}

/* The receiver type's base name, whether it is a pointer, and whether the
 * type is instantiated with the method's type parameters. */
static const char *receiver(const goat_node *recv, bool *pointer, bool *generic)
{
    *pointer = *generic = false;
    if (!recv || recv->u.field_list.list.count == 0)
        return NULL;
    const goat_node *t = unparen(recv->u.field_list.list.items[0]->u.field.type);
    if (t && t->kind == GOAT_STAR_EXPR) {
        *pointer = true;
        t = unparen(t->u.star.x);
    }
    if (t && t->kind == GOAT_INDEX_EXPR) {
        *generic = true;
        t = unparen(t->u.index.x);
    } else if (t && t->kind == GOAT_INDEX_LIST_EXPR) {
        *generic = true;
        t = unparen(t->u.index_list.x);
    }
    return t && t->kind == GOAT_IDENT ? t->u.ident.name : "?";
}

static bool decl_is_generic(const goat_node *d)
{
    bool pointer, generic;
    receiver(d->u.func_decl.recv, &pointer, &generic);
    return generic || has_type_params(d->u.func_decl.type->u.func_type.type_params);
}

static bool is_init(const goat_node *d)
{
    const goat_node *recv = d->u.func_decl.recv;
    return (!recv || recv->u.field_list.list.count == 0) && strcmp(d->u.func_decl.name->u.ident.name, "init") == 0;
}

/* The concatenation of the strings of parts (NULL-terminated), then of
 * *number in decimal when number is not NULL. Written out by hand: a file
 * names thousands of functions, and printf's parsing of a format cost
 * more than the copying. */
static char *join(const char *const *parts, const int *number)
{
    char digits[16];
    size_t nd = 0;
    if (number) {
        unsigned v = *number < 0 ? 0u - (unsigned)*number : (unsigned)*number;
        char *e = digits + sizeof digits;
        do
            *--e = (char)('0' + v % 10);
        while ((v /= 10) != 0);
        if (*number < 0)
            *--e = '-';
        nd = (size_t)(digits + sizeof digits - e);
        memmove(digits, e, nd);
    }
    size_t size = nd + 1;
    for (const char *const *p = parts; *p; p++)
        size += strlen(*p);
    char *out = goat_xmalloc(size), *o = out;
    for (const char *const *p = parts; *p; p++) {
        size_t n = strlen(*p);
        memcpy(o, *p, n);
        o += n;
    }
    memcpy(o, digits, nd);
    o[nd] = '\0';
    return out;
}

static char *decl_name(const goat_node *d, int *init_next)
{
    const char *name = d->u.func_decl.name->u.ident.name;
    bool pointer, generic;
    const char *base = receiver(d->u.func_decl.recv, &pointer, &generic);
    if (!base) {
        if (is_init(d))
            return join((const char *const[]){"init.", NULL}, &(int){(*init_next)++});
        const char *params = has_type_params(d->u.func_decl.type->u.func_type.type_params) ? "[...]" : "";
        return join((const char *const[]){name, params, NULL}, NULL);
    }
    const char *args = generic ? "[...]" : "";
    if (pointer)
        return join((const char *const[]){"(*", base, args, ").", name, NULL}, NULL);
    return join((const char *const[]){base, args, ".", name, NULL}, NULL);
}

static size_t add_func(walk *w, const goat_node *n, const goat_node *body, long parent, entry_info info)
{
    goat_funcnames *out = w->out;
    goat_grow((void **)&out->items, &w->cap, out->count + 1, sizeof *out->items);
    goat_grow((void **)&w->info, &w->info_cap, out->count + 1, sizeof *w->info);
    out->items[out->count] =
        (goat_func){n->pos, n->end, body->u.block.lbrace, body->u.block.rbrace, body, parent, NULL};
    w->info[out->count] = info;
    return out->count++;
}

/* Where a literal at pos comes in its owner's naming order. */
static goat_pos naming_key(const walk *w, long swap_index, goat_pos pos)
{
    if (swap_index < 0)
        return pos;
    const swap *s = &w->swaps[swap_index];
    if (pos >= s->second_pos && pos < s->second_end)
        return s->first_pos + (pos - s->second_pos);
    if (pos >= s->first_pos && pos < s->first_end)
        return s->first_pos + (s->second_end - s->second_pos) + (pos - s->first_pos);
    return pos;
}

static long add_swap(walk *w, const goat_node *first_a, const goat_node *first_b, const goat_node *second_a,
                     const goat_node *second_b)
{
    if (!first_a || !second_a)
        return -1;
    if (w->nswaps == w->swaps_cap)
        goat_grow((void **)&w->swaps, &w->swaps_cap, w->nswaps + 1, sizeof *w->swaps);
    w->swaps[w->nswaps] = (swap){first_a->pos, (first_b ? first_b : first_a)->end, second_a->pos,
                                 (second_b ? second_b : second_a)->end};
    return (long)w->nswaps++;
}

static const goat_node *list_first(const goat_node_list *l)
{
    return l->count ? l->items[0] : NULL;
}

static const goat_node *list_last(const goat_node_list *l)
{
    return l->count ? l->items[l->count - 1] : NULL;
}

/* goat_func_words_in for the walk's nodes, which come in source order
 * but for a few (a declaration's type after its name): the search steps
 * on from the last answer, and halves only when it has to go back. */
static bool words_in(walk *w, goat_pos pos, goat_pos end)
{
    const goat_func_words *words = w->words;
    if (pos < 0 || end < pos)
        return true;
    const size_t *at = words->at;
    size_t lo, hi, i = w->word_hint;
    if (i > 0 && at[i - 1] >= (size_t)pos) { /* behind the last answer */
        lo = 0;
        hi = i - 1;
    } else {
        size_t step = 1;
        lo = hi = i;
        while (hi < words->count && at[hi] < (size_t)pos) {
            lo = hi + 1;
            hi += step;
            step *= 2;
        }
        if (hi > words->count)
            hi = words->count;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (at[mid] < (size_t)pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    w->word_hint = lo;
    return lo < words->count && at[lo] + 4 <= (size_t)end;
}

static bool visit(const goat_node *n, int depth, void *arg);

/* The parts of declaration n (visited at depth d) that may hold
 * functions, each walked on its own when it holds the word func: its
 * type always does (its keyword), its receiver, parameters and results
 * seldom, its name never holds a function. The walk over the whole
 * declaration would visit each of them, and the type's, one by one. */
static void walk_decl_parts(walk *w, const goat_node *n, size_t d)
{
    const goat_node *type = n->u.func_decl.type;
    const goat_node *parts[5] = {n->u.func_decl.recv, NULL, NULL, NULL, n->u.func_decl.body};
    const size_t depth[5] = {d + 1, d + 2, d + 2, d + 2, d + 1};
    if (type) {
        parts[1] = type->u.func_type.type_params;
        parts[2] = type->u.func_type.params;
        parts[3] = type->u.func_type.results;
    }
    if (d + 2 >= w->frames_cap)
        goat_grow((void **)&w->frames, &w->frames_cap, d + 3, sizeof *w->frames);
    w->frames[d + 1] = w->frames[d]; /* the type's frame, as its visit would leave it */
    size_t base = w->base;
    for (size_t i = 0; i < 5; i++) {
        if (!parts[i] || !words_in(w, parts[i]->pos, parts[i]->end))
            continue;
        w->base = depth[i];
        goat_ast_inspect(parts[i], visit, w);
    }
    w->base = base;
}

static bool visit(const goat_node *n, int depth, void *arg)
{
    walk *w = arg;
    /* nothing to name or number below a node holding no function (an
     * assignment's or range's swap only orders the literals in it) */
    if (n->kind != GOAT_FILE && n->kind != GOAT_FUNC_DECL && w->words && !words_in(w, n->pos, n->end))
        return false;
    size_t d = (size_t)depth + w->base;
    if (d >= w->frames_cap) /* once per node: no call when there is room */
        goat_grow((void **)&w->frames, &w->frames_cap, d + 1, sizeof *w->frames);
    frame f = d > 0 ? w->frames[d - 1] : (frame){-1, -1, false};
    switch (n->kind) {
    case GOAT_FUNC_DECL:
        f.generic = decl_is_generic(n);
        f.swap = -1;
        if (n->u.func_decl.body) {
            bool blank = strcmp(n->u.func_decl.name->u.ident.name, "_") == 0;
            size_t i = add_func(w, n, n->u.func_decl.body, -1, (entry_info){false, blank, 0});
            w->out->items[i].name = decl_name(n, &w->init_next);
            f.func = (long)i;
        } else if (is_init(n)) {
            w->init_next++;
        }
        break;
    case GOAT_FUNC_LIT:
        if (n->u.func_lit.body) {
            size_t i = add_func(w, n, n->u.func_lit.body, f.func, (entry_info){true, false, 0});
            goat_grow((void **)&w->lits, &w->lits_cap, w->nlits + 1, sizeof *w->lits);
            w->lits[w->nlits++] = (lit){i, f.func, naming_key(w, f.swap, n->pos)};
            f.func = (long)i;
        }
        f.swap = -1;
        break;
    case GOAT_ASSIGN_STMT:
        if (!f.generic)
            f.swap = add_swap(w, list_first(&n->u.assign.lhs), list_last(&n->u.assign.lhs),
                              list_first(&n->u.assign.rhs), list_last(&n->u.assign.rhs));
        break;
    case GOAT_RANGE_STMT:
        if (f.generic && n->u.range_stmt.key)
            f.swap = add_swap(w, n->u.range_stmt.key, n->u.range_stmt.value, n->u.range_stmt.x, NULL);
        break;
    default:
        break;
    }
    w->frames[d] = f;
    if (n->kind == GOAT_FUNC_DECL && w->words) {
        walk_decl_parts(w, n, d);
        return false;
    }
    return true;
}

/* Literals counted by the package: those at package level and those of a
 * function named _ (cmd/compile cannot give such a function a counter of
 * its own: several may exist). */
static bool uses_package_counter(const walk *w, long owner)
{
    return owner < 0 || w->info[owner].blank;
}

static int cmp_lit(const void *a, const void *b)
{
    const lit *x = a, *y = b;
    if (x->owner != y->owner)
        return x->owner < y->owner ? -1 : 1;
    return (x->key > y->key) - (x->key < y->key);
}

/* Collects the functions and numbers the literals; names are left to the
 * caller. Returns the number of package-counter literals. */
static int collect(const goat_node *file, int globals_before, int inits_before, walk *w)
{
    w->init_next = inits_before;
    goat_ast_inspect(file, visit, w);
    /* Owners that share the package counter become one group, -1: it
     * numbers them in declaration order, which is source order. */
    for (size_t i = 0; i < w->nlits; i++)
        if (uses_package_counter(w, w->lits[i].owner))
            w->lits[i].owner = -1;
    if (w->nlits > 1)
        goat_sort(w->lits, w->nlits, sizeof *w->lits, cmp_lit);
    int globals = 0, counter = 0;
    for (size_t i = 0; i < w->nlits; i++) {
        if (i == 0 || w->lits[i].owner != w->lits[i - 1].owner)
            counter = w->lits[i].owner < 0 ? globals_before : 0;
        w->info[w->lits[i].func].number = ++counter;
        if (w->lits[i].owner < 0)
            globals++;
    }
    return globals;
}

static void walk_free(walk *w)
{
    free(w->info);
    free(w->frames);
    free(w->swaps);
    free(w->lits);
}

void goat_funcnames_build(const goat_node *file, const goat_func_words *words, const goat_funcname_before *before,
                          goat_funcnames *out)
{
    memset(out, 0, sizeof *out);
    walk w;
    memset(&w, 0, sizeof w);
    w.out = out;
    w.words = words;
    int globals = collect(file, 0, 0, &w);
    goat_funcname_counts counts = {0, 0};
    if (before && (globals > 0 || w.init_next > 0))
        before->count(before->ctx, &counts);
    if (counts.globals > 0 || counts.inits > 0) {
        /* numbered from 0 the first time: again, from the package's counts */
        goat_funcnames_free(out);
        walk_free(&w);
        memset(&w, 0, sizeof w);
        w.out = out;
        w.words = words;
        collect(file, counts.globals, counts.inits, &w);
    }
    /* In source order a literal comes after the function it lies in. */
    for (size_t i = 0; i < out->count; i++) {
        goat_func *f = &out->items[i];
        if (!w.info[i].is_lit)
            continue;
        int n = w.info[i].number;
        if (f->parent < 0)
            f->name = join((const char *const[]){"glob..func", NULL}, &n);
        else if (w.info[f->parent].is_lit)
            f->name = join((const char *const[]){out->items[f->parent].name, ".", NULL}, &n);
        else
            f->name = join((const char *const[]){out->items[f->parent].name, ".func", NULL}, &n);
    }
    walk_free(&w);
}

/* What collect counts, without walking every body: a literal takes its
 * number from the package's counter when the innermost function with a
 * body around it, if any, is a declaration named _ (uses_package_counter),
 * so the walk goes into no other function with a body. */
static bool count_visit(const goat_node *n, int depth, void *arg)
{
    (void)depth;
    goat_funcname_counts *out = arg;
    switch (n->kind) {
    case GOAT_FUNC_DECL:
        if (is_init(n))
            out->inits++;
        return !n->u.func_decl.body || strcmp(n->u.func_decl.name->u.ident.name, "_") == 0;
    case GOAT_FUNC_LIT:
        if (!n->u.func_lit.body)
            return true;
        out->globals++;
        return false; /* its own literals are numbered from its own counter */
    default:
        return true;
    }
}

void goat_funcname_count(const goat_node *file, goat_funcname_counts *out)
{
    out->inits = out->globals = 0;
    goat_ast_inspect(file, count_visit, out);
}

long goat_funcnames_at(const goat_funcnames *names, goat_pos pos, bool closing_brace)
{
    size_t lo = 0, hi = names->count;
    while (lo < hi) { /* the last body opening before pos */
        size_t mid = lo + (hi - lo) / 2;
        if (names->items[mid].lbrace < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    long i = (long)lo - 1;
    while (i >= 0) {
        const goat_func *f = &names->items[i];
        if (pos < f->rbrace || (closing_brace && pos == f->rbrace))
            return i;
        i = f->parent;
    }
    return -1;
}

void goat_funcnames_free(goat_funcnames *names)
{
    for (size_t i = 0; i < names->count; i++)
        free(names->items[i].name);
    free(names->items);
    memset(names, 0, sizeof *names);
}

void goat_func_words_find(goat_func_words *out, const char *src, size_t len)
{
    size_t cap = 0;
    out->at = NULL;
    out->count = 0;
    const char *p = src, *e = src + len;
    /* an 'f' with room for "unc" after it */
    while (e - p >= 4 && (p = memchr(p, 'f', (size_t)(e - p) - 3)) != NULL) {
        if (memcmp(p + 1, "unc", 3) != 0) {
            p++;
            continue;
        }
        if (out->count == cap)
            goat_grow((void **)&out->at, &cap, out->count + 1, sizeof *out->at);
        out->at[out->count++] = (size_t)(p - src);
        p += 4;
    }
}

bool goat_func_words_in(const goat_func_words *words, goat_pos pos, goat_pos end)
{
    if (pos < 0 || end < pos)
        return true;
    size_t lo = 0, hi = words->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (words->at[mid] < (size_t)pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < words->count && words->at[lo] + 4 <= (size_t)end;
}

void goat_func_words_free(goat_func_words *words)
{
    free(words->at);
    words->at = NULL;
    words->count = 0;
}
