/* SPDX-License-Identifier: MIT */
/* The parser's machinery: token look-ahead, errors, lists, nesting limit,
 * and the entry point that runs a parse on a thread with a large stack. */
#include "parser/parser.h"

#include <pthread.h>
#include <stdint.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser_internal.h"
#include "parser/resolve_depth.h"
#include "util/lines.h"
#include "util/xalloc.h"

/* Line and column of an offset, as go/token gives them: a line starting
 * at the very end of the text is not counted (EOF after a final newline is
 * at the end of the last line). */
static void position_of(const goat_lines *lines, const char *src, size_t len, goat_pos pos, int *line, int *col)
{
    size_t off = pos < 0 ? 0 : (size_t)pos;
    if (off > len)
        off = len; /* go/parser's safePos */
    if (off == len && len > 0 && src[len - 1] == '\n') {
        goat_lines_position(lines, len - 1, line, col);
        *col += 1;
    } else {
        goat_lines_position(lines, off, line, col);
    }
}

/* A position as go/token reports it: adjusted by the //line directive in
 * effect, if any. */
typedef struct located {
    const char *file;
    int line, col;
} located;

static int compare_errors(const goat_parse_error *x, const goat_parse_error *y);

/* go/parser's ErrorList.Add; only the least error is kept (see least_error). */
static void add_error(goat_parser *p, goat_pos pos, located at, char *msg)
{
    goat_parse_error e = {pos, at.file, at.line, at.col, msg};
    p->error_count++;
    p->last_error_line = at.line;
    if (p->error_count == 1 || compare_errors(&e, &p->least_error) < 0) {
        free(p->least_error.msg);
        p->least_error = e;
    } else {
        free(msg);
    }
}

/* go/token's unpack with adjusted positions: lines count on from the
 * directive's line; the column is known only on the directive's own line
 * and only when the directive gave one. */
static located locate(goat_parser *p, goat_pos pos)
{
    if (!p->lines_ready) {
        goat_lines_init(&p->lines, p->src, p->len);
        p->lines_ready = true;
    }
    located at = {p->filename, 0, 0};
    position_of(&p->lines, p->src, p->len, pos, &at.line, &at.col);
    size_t off = pos < 0 ? 0 : (size_t)pos > p->len ? p->len : (size_t)pos;
    const goat_line_info *info = goat_lexer_line_info_at(&p->lx, off);
    if (info) {
        int info_line, info_col; /* a directive's offset may be the end of the file */
        position_of(&p->lines, p->src, p->len, (goat_pos)info->offset, &info_line, &info_col);
        int64_t d = at.line - info_line;
        at.file = info->filename;
        at.line = (int)(info->line + d);
        if (info->col == 0)
            at.col = 0;
        else if (d == 0)
            at.col = (int)(info->col + (int64_t)(off - info->offset));
    }
    return at;
}

/* go/scanner's error handler: each error joins go/parser's list as it is
 * found. */
static void note_scan_error(void *ctx, size_t offset, const char *msg)
{
    goat_parser *p = ctx;
    add_error(p, (goat_pos)offset, locate(p, (goat_pos)offset), goat_xstrdup(msg));
}

/* A comment, collected for the file. */
static void add_comment(goat_parser *p, size_t pos, size_t end)
{
    if (p->comment_count == p->comment_cap) {
        void *items = p->comments;
        goat_grow(&items, &p->comment_cap, p->comment_count + 1, sizeof *p->comments);
        p->comments = items;
    }
    p->comments[p->comment_count].pos = (goat_pos)pos;
    p->comments[p->comment_count].end = (goat_pos)end;
    p->comment_count++;
}

void goat_p_note_raw_string(goat_parser *p, goat_pos end)
{
    if (!memchr(p->src + p->pos, '\n', (size_t)(end - p->pos)))
        return;
    if (p->multiline_string_count == p->multiline_string_cap) {
        void *items = p->multiline_strings;
        goat_grow(&items, &p->multiline_string_cap, p->multiline_string_count + 1, sizeof *p->multiline_strings);
        p->multiline_strings = items;
    }
    p->multiline_strings[p->multiline_string_count++] = (goat_comment){p->pos, end};
}

/* After a bailout every token is EOF. */
static void next_bailed(goat_parser *p)
{
    p->tok = GOAT_TOK_EOF;
    p->pos = (goat_pos)p->len;
    p->lit = "";
    p->lit_len = 0;
}

/* A raw string's literal lost its carriage returns: it ends after the
 * next '`' in the source (a raw string holds none), or at the end of the
 * source when it is not terminated. */
goat_pos goat_p_stripped_lit_end(const goat_parser *p)
{
    size_t from = (size_t)p->pos + 1;
    const char *close = from < p->len ? memchr(p->src + from, '`', p->len - from) : NULL;
    return close ? (goat_pos)(close - p->src) + 1 : (goat_pos)p->len;
}

/* goat_p_next once the tokens scanned ahead are used up: the next run of
 * them, or a token from goat_lexer_next; comments are collected for the
 * file and skipped. */
void goat_p_next_refill(goat_parser *p)
{
    if (p->bailed) {
        next_bailed(p);
        return;
    }
    for (;;) {
        goat_lexed comments[GOAT_P_AHEAD];
        size_t ncomments = 0;
        size_t n = goat_lexer_scan_ahead(&p->lx, p->ahead, GOAT_P_AHEAD, comments, GOAT_P_AHEAD, &ncomments);
        for (size_t i = 0; i < ncomments; i++)
            add_comment(p, comments[i].pos, comments[i].pos + comments[i].lit_len);
        if (n > 0) {
            p->ahead_count = (unsigned)n;
            p->ahead_next = 0;
            goat_p_next(p);
            return;
        }
        if (ncomments > 0)
            continue; /* comments only, up to what needs a closer look */
        goat_token t = goat_lexer_next(&p->lx);
        if (t.kind != GOAT_TOK_COMMENT) {
            p->tok = t.kind;
            p->pos = (goat_pos)t.pos;
            p->lit = t.lit;
            p->lit_len = t.lit_len;
            return;
        }
        add_comment(p, t.pos, t.end);
    }
}

/* go/parser's bailout panic ends the parse at once. Here the parse ends
 * by itself instead: from now on every token is EOF and errors are no
 * longer recorded, so each function finishes quickly and returns. (A
 * longjmp across a hundred thousand frames would leave AddressSanitizer's
 * stack bookkeeping behind.) */
void goat_p_bailout(goat_parser *p)
{
    p->bailed = true;
    p->ahead_next = p->ahead_count = 0; /* the tokens scanned ahead are not wanted */
    next_bailed(p);
}


/* go/parser's error: without AllErrors it keeps one error per line (a
 * second on the line of the last recorded one is likely spurious) and
 * gives up after ten. Every error call also counts toward a hard limit, so
 * that no recovery path can loop forever. */
void goat_p_error(goat_parser *p, goat_pos pos, const char *fmt, ...)
{
    if (p->bailed) {
        if (++p->error_calls > 10000000)
            longjmp(p->bail, 1); /* never expected: a recovery loop */
        return;
    }
    if (++p->error_calls > 1000000) {
        goat_p_bailout(p);
        return;
    }
    located at = locate(p, pos);
    size_t n = p->error_count;
    if (n > 0 && p->last_error_line == at.line)
        return;
    if (n > 10) {
        goat_p_bailout(p);
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *msg = goat_xvasprintf(fmt, ap);
    va_end(ap);
    add_error(p, pos, at, msg);
}

/* go/parser's errorExpected: names what was found when the error is at the
 * current token. */
void goat_p_error_expected(goat_parser *p, goat_pos pos, const char *what)
{
    if (pos != p->pos)
        goat_p_error(p, pos, "expected %s", what);
    else if (p->tok == GOAT_TOK_SEMICOLON && p->lit_len == 1 && p->lit[0] == '\n')
        goat_p_error(p, pos, "expected %s, found newline", what);
    else if (goat_token_is_literal(p->tok))
        goat_p_error(p, pos, "expected %s, found %.*s", what, (int)p->lit_len, p->lit);
    else
        goat_p_error(p, pos, "expected %s, found '%s'", what, goat_token_string(p->tok));
}

static void expected_tok(goat_parser *p, goat_tok tok)
{
    char what[32];
    snprintf(what, sizeof what, "'%s'", goat_token_string(tok));
    goat_p_error_expected(p, p->pos, what);
}

goat_pos goat_p_expect_failed(goat_parser *p, goat_tok tok)
{
    goat_pos pos = p->pos;
    expected_tok(p, tok);
    goat_p_next(p); /* make progress */
    return pos;
}

goat_pos goat_p_expect2(goat_parser *p, goat_tok tok)
{
    goat_pos pos = GOAT_NOPOS;
    if (p->tok == tok)
        pos = p->pos;
    else
        expected_tok(p, tok);
    goat_p_next(p);
    return pos;
}

/* goat_p_expect_closing when the current token is not the closing one. */
goat_pos goat_p_expect_closing_failed(goat_parser *p, goat_tok tok, const char *context)
{
    if (p->tok == GOAT_TOK_SEMICOLON && p->lit_len == 1 && p->lit[0] == '\n') {
        goat_p_error(p, p->pos, "missing ',' before newline in %s", context);
        goat_p_next(p);
    }
    return goat_p_expect(p, tok);
}

/* goat_p_expect_semi at anything but ';', ')' or '}'. */
void goat_p_expect_semi_other(goat_parser *p)
{
    goat_p_error_expected(p, p->pos, "';'");
    if (p->tok == GOAT_TOK_COMMA)
        goat_p_next(p); /* a ',' instead of a ';' is accepted with a complaint */
    else
        goat_p_advance(p, GOAT_SYNC_STMT);
}

/* goat_p_at_comma at neither ',' nor the follow token. */
bool goat_p_at_comma_missing(goat_parser *p, const char *context)
{
    if (p->tok == GOAT_TOK_SEMICOLON && p->lit_len == 1 && p->lit[0] == '\n')
        goat_p_error(p, p->pos, "missing ',' before newline in %s", context);
    else
        goat_p_error(p, p->pos, "missing ',' in %s", context);
    return true; /* "insert" a comma and continue */
}

static bool in_sync_set(goat_tok tok, enum goat_sync set)
{
    switch (set) {
    case GOAT_SYNC_STMT:
        switch (tok) {
        case GOAT_TOK_BREAK: case GOAT_TOK_CONST: case GOAT_TOK_CONTINUE: case GOAT_TOK_DEFER:
        case GOAT_TOK_FALLTHROUGH: case GOAT_TOK_FOR: case GOAT_TOK_GO: case GOAT_TOK_GOTO:
        case GOAT_TOK_IF: case GOAT_TOK_RETURN: case GOAT_TOK_SELECT: case GOAT_TOK_SWITCH:
        case GOAT_TOK_TYPE: case GOAT_TOK_VAR:
            return true;
        default:
            return false;
        }
    case GOAT_SYNC_DECL:
        return tok == GOAT_TOK_CONST || tok == GOAT_TOK_TYPE || tok == GOAT_TOK_VAR;
    case GOAT_SYNC_EXPR_END:
        switch (tok) {
        case GOAT_TOK_COMMA: case GOAT_TOK_COLON: case GOAT_TOK_SEMICOLON:
        case GOAT_TOK_RPAREN: case GOAT_TOK_RBRACK: case GOAT_TOK_RBRACE:
            return true;
        default:
            return false;
        }
    }
    return false;
}

/* go/parser's advance: skips to a token of the set (or EOF), but returns
 * without progress at most ten times at the same place. */
void goat_p_advance(goat_parser *p, enum goat_sync set)
{
    for (; p->tok != GOAT_TOK_EOF; goat_p_next(p)) {
        if (in_sync_set(p->tok, set)) {
            if (p->pos == p->sync_pos && p->sync_cnt < 10) {
                p->sync_cnt++;
                return;
            }
            if (p->pos > p->sync_pos) {
                p->sync_pos = p->pos;
                p->sync_cnt = 0;
                return;
            }
        }
    }
}

void goat_p_nest_error(goat_parser *p)
{
    if (p->bailed)
        return;
    goat_p_error(p, p->pos, "exceeded max nesting depth");
    goat_p_bailout(p);
}

goat_node *goat_p_bad(goat_parser *p, goat_node_kind kind, goat_pos from, goat_pos to)
{
    goat_node *n = goat_p_new(p, kind);
    n->u.bad.from = from;
    n->u.bad.to = to;
    n->pos = from;
    n->end = to;
    return n;
}

enum { BUMP_BLOCK = 16000 };

void *goat_p_alloc_slow(goat_parser *p, size_t size)
{
    if (size > BUMP_BLOCK / 4)
        return goat_arena_alloc(p->arena, size);
    /* not cleared here: goat_p_new clears each node, and what else is
     * carved from the block (lists, strings) is written whole */
    p->bump = goat_arena_alloc_raw(p->arena, BUMP_BLOCK);
    p->bump_end = p->bump + BUMP_BLOCK;
    void *r = p->bump;
    p->bump += size;
    return r;
}

void goat_p_scratch_grow(goat_parser *p)
{
    void *items = p->scratch;
    goat_grow(&items, &p->scratch_cap, p->scratch_len + 1, sizeof *p->scratch);
    p->scratch = items;
}

/* goat_p_list_end's copy of a list of more than one item */
void goat_p_list_copy(goat_node **items, goat_node *const *from, size_t count)
{
    if (count <= 4) { /* most lists are short: no call */
        for (size_t i = 0; i < count; i++)
            items[i] = from[i];
    } else {
        memcpy(items, from, count * sizeof *items);
    }
}

goat_node_list goat_p_list1(goat_parser *p, goat_node *n)
{
    goat_node_list l = {goat_p_alloc(p, sizeof(goat_node *)), 1};
    l.items[0] = n;
    return l;
}



/* ---- entry point ---- */

typedef struct parse_job {
    goat_parser *p;
    goat_node *file;
    bool failed;
} parse_job;

static void run_parse(void *arg)
{
    parse_job *job = arg;
    goat_parser *p = job->p;
    if (setjmp(p->bail) == 0) {
        goat_p_next(p);
        job->file = goat_p_source_file(p);
    } else {
        job->failed = true; /* error recovery went round in circles */
    }
}

/* Stack a parse needs, per byte of input. Every nesting level costs at
 * least one byte of source, so a file of n bytes can never recurse deeper
 * than n levels. Measured high-water marks (tests/pathological inputs,
 * gcc -O0 and -O2) stay under 240 bytes of stack per input byte, about
 * 900 under AddressSanitizer: the figures below leave a factor of four. */
#if defined(__SANITIZE_ADDRESS__)
#define GOAT_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GOAT_UNDER_ASAN 1
#endif
#endif
#ifdef GOAT_UNDER_ASAN
enum { STACK_PER_BYTE = 4096 };
#define PARSE_STACK_CAP ((size_t)8 << 30)
#else
enum { STACK_PER_BYTE = 1024 };
/* the GOAT_MAX_NEST_LEV cap's worth of the deepest recursion, and more */
#define PARSE_STACK_CAP ((size_t)2 << 30)
#endif
/* Never less than a default thread stack, whatever the file's size. */
#define PARSE_STACK_MIN ((size_t)1 << 20)

/* The stack a parse of len bytes may use. */
static size_t parse_need(size_t len)
{
    if (len >= PARSE_STACK_CAP / STACK_PER_BYTE)
        return PARSE_STACK_CAP;
    size_t need = len * STACK_PER_BYTE;
    return need < PARSE_STACK_MIN ? PARSE_STACK_MIN : need;
}

size_t goat_parse_stack_size(size_t len)
{
    size_t need = parse_need(len);
    return need + need / 4; /* and a quarter for the caller's own frames */
}

/* The lowest address the current thread's stack may reach, recorded when
 * goat runs code on a thread whose stack it sized (0 on any other thread:
 * the main one, whose size ulimit sets, or a caller's). Thread-local
 * because it describes the thread itself; asking the C library each time
 * (pthread_getattr_np) would cost system calls for every file parsed. */
static _Thread_local uintptr_t parse_stack_floor;

/* Whether the current thread's stack has need bytes left below this frame. */
static bool stack_has_room(size_t need)
{
    char here;
    uintptr_t cur = (uintptr_t)&here;
    return parse_stack_floor != 0 && cur > parse_stack_floor && cur - parse_stack_floor >= need;
}

void goat_run_on_parse_thread(void (*fn)(void *arg), void *arg)
{
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr = NULL;
        size_t size = 0;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
            size_t guard = 0;
            pthread_attr_getguardsize(&attr, &guard);
            parse_stack_floor = (uintptr_t)addr + guard;
        }
        pthread_attr_destroy(&attr);
    }
    fn(arg);
    parse_stack_floor = 0;
}

typedef struct deep_call {
    void (*fn)(void *);
    void *arg;
} deep_call;

static void *deep_thread(void *arg)
{
    deep_call *call = arg;
    goat_run_on_parse_thread(call->fn, call->arg);
    return NULL;
}

void goat_run_with_parse_stack(size_t len, void (*fn)(void *arg), void *arg)
{
    if (stack_has_room(parse_need(len))) {
        fn(arg);
        return;
    }
    deep_call call = {fn, arg};
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) == 0) {
        for (size_t size = goat_parse_stack_size(len); size >= PARSE_STACK_MIN; size /= 2) {
            if (pthread_attr_setstacksize(&attr, size) == 0 &&
                pthread_create(&thread, &attr, deep_thread, &call) == 0) {
                pthread_join(thread, NULL);
                pthread_attr_destroy(&attr);
                return;
            }
        }
        pthread_attr_destroy(&attr);
    }
    fn(arg); /* no thread to be had: run on this stack */
}

/* Whether the resolver's walk could go past its scope cap; when it cannot,
 * the walk is skipped. Every scope the resolver opens belongs to a node
 * enclosing the walk's position, except those of earlier type specs with
 * type parameters in the same declaration, which stay open. The enclosing
 * ones: the package and a function declaration, then at most three per
 * level of nesting the parser counts (a switch with init and tag opens two
 * and its case clause a third, before a nested statement is counted again;
 * every other construct opens fewer per level), and one block. Four a
 * level leaves a margin; real files stay far below the cap (the standard
 * library's deepest nesting is 53 levels). */
static bool may_exceed_scope_depth(const goat_parser *p)
{
    size_t bound = 3 + 4 * (size_t)p->max_nest_lev + p->generic_type_specs;
    return bound > GOAT_MAX_SCOPE_DEPTH;
}

/* Files this small cannot nest deeply enough to matter on any thread's
 * stack (under half a MiB even under AddressSanitizer): they are parsed on
 * the caller's, without asking how much it has left. */
enum { SMALL_FILE = 512 };

/* go/parser's ErrorList.Less: by file name, line, column, then message. */
static int compare_errors(const goat_parse_error *x, const goat_parse_error *y)
{
    int by_file = strcmp(x->file, y->file);
    if (by_file != 0)
        return by_file;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    return strcmp(x->msg, y->msg);
}

/* What a parse may pass over: every function body (outline), or the
 * bodies whose '{' offsets are listed (ascending). */
typedef struct skipping {
    bool outline;
    const size_t *known_bodies;
    size_t known_body_count;
} skipping;

static goat_error *parse_file(goat_arena *arena, const char *filename, const char *src, size_t len,
                              const skipping *skip, goat_node **file)
{
    goat_parser *p = goat_xcalloc(1, sizeof *p);
    p->outline = skip->outline;
    p->known_bodies = skip->known_bodies;
    p->known_body_count = skip->known_body_count;
    p->arena = arena;
    p->filename = filename;
    p->src = src;
    p->len = len;
    p->sync_pos = -1;
    goat_lexer_config cfg = {.filename = filename,
                             .src = src,
                             .len = len,
                             .mode = GOAT_LEX_COMMENTS,
                             .on_error = note_scan_error,
                             .error_ctx = p};
    goat_lexer_init(&p->lx, &cfg);

    parse_job job = {.p = p, .file = NULL, .failed = false};
    if (len <= SMALL_FILE)
        run_parse(&job);
    else
        goat_run_with_parse_stack(len, run_parse, &job);

    /* go/parser's ParseFile resolves identifiers after a parse that did not
     * bail out (errors or not); its own bailout joins the error list as is */
    goat_pos too_deep;
    if (job.file && !job.failed && !p->bailed && may_exceed_scope_depth(p) &&
        goat_resolve_depth_exceeded(job.file, &too_deep)) {
        add_error(p, too_deep, locate(p, too_deep), goat_xstrdup(GOAT_SCOPE_DEPTH_MSG));
    }

    /* go/parser sorts the errors it collected and reports the first */
    goat_error *err = NULL;
    if (p->error_count) {
        const goat_parse_error *first = &p->least_error;
        err = goat_error_new(first->file, first->line, first->col, "%s", first->msg);
    }

    if (!err) {
        goat_node *f = job.file;
        f->u.file.comment_count = p->comment_count;
        f->u.file.comments = p->comment_count
            ? goat_arena_memdup(arena, p->comments, p->comment_count, sizeof *p->comments) : NULL;
        f->u.file.multiline_string_count = p->multiline_string_count;
        f->u.file.multiline_strings = p->multiline_string_count
            ? goat_arena_memdup(arena, p->multiline_strings, p->multiline_string_count,
                                sizeof *p->multiline_strings)
            : NULL;
        f->u.file.imports.count = p->import_count;
        f->u.file.imports.items = p->import_count
            ? goat_arena_memdup(arena, p->imports, p->import_count, sizeof *p->imports) : NULL;
        *file = f;
    } else {
        *file = NULL;
    }
    goat_lexer_free(&p->lx);
    free(p->scratch);
    free(p->imports);
    free(p->comments);
    free(p->multiline_strings);
    free(p->least_error.msg);
    if (p->lines_ready)
        goat_lines_free(&p->lines);
    free(p);
    return err;
}

goat_error *goat_parse_file(goat_arena *arena, const char *filename,
                            const char *src, size_t len, goat_node **file)
{
    const skipping nothing = {false, NULL, 0};
    return parse_file(arena, filename, src, len, &nothing, file);
}

goat_error *goat_parse_file_outline(goat_arena *arena, const char *filename,
                                    const char *src, size_t len, goat_node **file)
{
    const skipping bodies = {true, NULL, 0};
    return parse_file(arena, filename, src, len, &bodies, file);
}

goat_error *goat_parse_file_known_bodies(goat_arena *arena, const char *filename, const char *src, size_t len,
                                         const size_t *known_bodies, size_t count, goat_node **file)
{
    const skipping known = {false, known_bodies, count};
    return parse_file(arena, filename, src, len, &known, file);
}
