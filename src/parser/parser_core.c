/* The parser's machinery: token look-ahead, errors, lists, nesting limit,
 * and the entry point that runs a parse on a thread with a large stack. */
#include "parser/parser.h"

#include <pthread.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser_internal.h"
#include "util/lines.h"
#include "util/xalloc.h"

void goat_p_next(goat_parser *p)
{
    for (;;) {
        goat_token t = goat_lexer_next(&p->lx);
        if (t.kind == GOAT_TOK_COMMENT) {
            if (p->comment_count == p->comment_cap) {
                void *items = p->comments;
                goat_grow(&items, &p->comment_cap, p->comment_count + 1, sizeof *p->comments);
                p->comments = items;
            }
            p->comments[p->comment_count].pos = (goat_pos)t.pos;
            p->comments[p->comment_count].end = (goat_pos)t.end;
            p->comment_count++;
            continue;
        }
        p->tok = t.kind;
        p->pos = (goat_pos)t.pos;
        p->lit = t.lit;
        p->lit_len = t.lit_len;
        return;
    }
}

void goat_p_error(goat_parser *p, goat_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = NULL;
    if (vasprintf(&msg, fmt, ap) < 0)
        goat_out_of_memory();
    va_end(ap);
    p->err_pos = pos;
    p->err_msg = msg;
    longjmp(p->bail, 1);
}

bool goat_p_defer_error(goat_parser *p, goat_pos pos, const char *fmt, ...)
{
    if (p->deferred_msg)
        return false;
    va_list ap;
    va_start(ap, fmt);
    if (vasprintf(&p->deferred_msg, fmt, ap) < 0)
        goat_out_of_memory();
    va_end(ap);
    p->deferred_pos = pos;
    return true;
}

void goat_p_raise_deferred(goat_parser *p, bool owner)
{
    if (!owner || !p->deferred_msg)
        return;
    char *msg = p->deferred_msg;
    p->deferred_msg = NULL;
    p->err_pos = p->deferred_pos;
    p->err_msg = msg;
    longjmp(p->bail, 1);
}

/* go/parser's errorExpected: names what was found when the error is at the
 * current token. */
void goat_p_error_expected(goat_parser *p, goat_pos pos, const char *what)
{
    if (pos != p->pos)
        goat_p_error(p, pos, "expected %s", what);
    if (p->tok == GOAT_TOK_SEMICOLON && p->lit_len == 1 && p->lit[0] == '\n')
        goat_p_error(p, pos, "expected %s, found newline", what);
    if (goat_token_is_literal(p->tok))
        goat_p_error(p, pos, "expected %s, found %.*s", what, (int)p->lit_len, p->lit);
    goat_p_error(p, pos, "expected %s, found '%s'", what, goat_token_string(p->tok));
}

static _Noreturn void expected_tok(goat_parser *p, goat_tok tok)
{
    char what[32];
    snprintf(what, sizeof what, "'%s'", goat_token_string(tok));
    goat_p_error_expected(p, p->pos, what);
}

goat_pos goat_p_expect(goat_parser *p, goat_tok tok)
{
    goat_pos pos = p->pos;
    if (p->tok != tok)
        expected_tok(p, tok);
    goat_p_next(p);
    return pos;
}

goat_pos goat_p_expect_closing(goat_parser *p, goat_tok tok, const char *context)
{
    if (p->tok != tok && p->tok == GOAT_TOK_SEMICOLON && p->lit_len == 1 && p->lit[0] == '\n')
        goat_p_error(p, p->pos, "missing ',' before newline in %s", context);
    return goat_p_expect(p, tok);
}

void goat_p_expect_semi(goat_parser *p)
{
    /* a semicolon is optional before a closing ')' or '}' */
    if (p->tok == GOAT_TOK_RPAREN || p->tok == GOAT_TOK_RBRACE)
        return;
    if (p->tok == GOAT_TOK_SEMICOLON) {
        goat_p_next(p);
        return;
    }
    goat_p_error_expected(p, p->pos, "';'");
}

bool goat_p_at_comma(goat_parser *p, const char *context, goat_tok follow)
{
    if (p->tok == GOAT_TOK_COMMA)
        return true;
    if (p->tok != follow) {
        if (p->tok == GOAT_TOK_SEMICOLON && p->lit_len == 1 && p->lit[0] == '\n')
            goat_p_error(p, p->pos, "missing ',' before newline in %s", context);
        goat_p_error(p, p->pos, "missing ',' in %s", context);
    }
    return false;
}

void goat_p_nest_error(goat_parser *p)
{
    goat_p_error(p, p->pos, "exceeded max nesting depth");
}

enum { BUMP_BLOCK = 16000 };

void *goat_p_alloc_slow(goat_parser *p, size_t size)
{
    if (size > BUMP_BLOCK / 4)
        return goat_arena_alloc(p->arena, size);
    p->bump = goat_arena_alloc(p->arena, BUMP_BLOCK);
    p->bump_end = p->bump + BUMP_BLOCK;
    void *r = p->bump;
    p->bump += size;
    return r;
}

size_t goat_p_list_begin(goat_parser *p)
{
    return p->scratch_len;
}

void goat_p_list_push(goat_parser *p, goat_node *n)
{
    if (p->scratch_len == p->scratch_cap) {
        void *items = p->scratch;
        goat_grow(&items, &p->scratch_cap, p->scratch_len + 1, sizeof *p->scratch);
        p->scratch = items;
    }
    p->scratch[p->scratch_len++] = n;
}

goat_node_list goat_p_list_end(goat_parser *p, size_t base)
{
    goat_node_list l = {NULL, p->scratch_len - base};
    if (l.count) {
        l.items = goat_p_alloc(p, l.count * sizeof *l.items);
        memcpy(l.items, p->scratch + base, l.count * sizeof *l.items);
    }
    p->scratch_len = base;
    return l;
}

goat_node_list goat_p_list1(goat_parser *p, goat_node *n)
{
    goat_node_list l = {goat_p_alloc(p, sizeof(goat_node *)), 1};
    l.items[0] = n;
    return l;
}

const char *goat_p_strdup(goat_parser *p, const char *s, size_t n)
{
    char *r = goat_p_alloc(p, n + 1); /* zeroed: the NUL is there */
    memcpy(r, s, n);
    return r;
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
        job->failed = true;
    }
}

/* Room for GOAT_MAX_NEST_LEV levels of the deepest recursion (about 400
 * bytes a level; several times more under AddressSanitizer). Only the pages
 * a parse touches are ever backed by memory. */
#if defined(__SANITIZE_ADDRESS__)
#define PARSE_STACK_SIZE ((size_t)8 << 30)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PARSE_STACK_SIZE ((size_t)8 << 30)
#endif
#endif
#ifndef PARSE_STACK_SIZE
#define PARSE_STACK_SIZE ((size_t)2 << 30)
#endif
/* What a parse needs: the cap's worth, with room for the caller. */
#define PARSE_STACK_NEED (PARSE_STACK_SIZE / 4 * 3)

/* Files this small cannot nest deeply enough to exhaust any thread's stack
 * (a level costs at least one byte and well under 1 KiB of stack): they are
 * parsed on the caller's stack. */
enum { SMALL_FILE = 512 };

typedef struct deep_call {
    void (*fn)(void *);
    void *arg;
} deep_call;

static void *deep_thread(void *arg)
{
    deep_call *call = arg;
    call->fn(call->arg);
    return NULL;
}

void goat_parse_with_deep_stack(void (*fn)(void *arg), void *arg)
{
    deep_call call = {fn, arg};
    pthread_attr_t attr;
    pthread_t thread;
    if (pthread_attr_init(&attr) == 0) {
        for (size_t size = PARSE_STACK_SIZE; size >= ((size_t)64 << 20); size /= 2) {
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

/* Whether the current thread's stack has room for the deepest parse. The
 * main thread's stack (set by ulimit) never counts as deep. */
static bool on_deep_stack(void)
{
    if (getpid() == (pid_t)syscall(SYS_gettid))
        return false;
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) != 0)
        return false;
    void *addr = NULL;
    size_t size = 0;
    int rc = pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    if (rc != 0)
        return false;
    char here;
    uintptr_t low = (uintptr_t)addr, cur = (uintptr_t)&here;
    return cur > low && cur - low >= PARSE_STACK_NEED;
}

static goat_error *error_at(const char *filename, const char *src, size_t len, goat_pos pos, const char *msg)
{
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    int line, col;
    size_t off = pos < 0 ? 0 : (size_t)pos;
    if (off >= len && len > 0 && src[len - 1] == '\n') {
        /* go/token records no line starting at the end of the file: EOF
         * after a final newline is reported at the end of the last line */
        goat_lines_position(&lines, len - 1, &line, &col);
        col += (int)(off - (len - 1));
    } else {
        goat_lines_position(&lines, off, &line, &col);
    }
    goat_lines_free(&lines);
    return goat_error_new(filename, line, col, "%s", msg);
}

goat_error *goat_parse_file(goat_arena *arena, const char *filename,
                            const char *src, size_t len, goat_node **file)
{
    goat_parser *p = goat_xcalloc(1, sizeof *p);
    p->arena = arena;
    p->filename = filename;
    p->src = src;
    p->len = len;
    p->err_pos = GOAT_NOPOS;
    goat_lexer_config cfg = {.filename = filename, .src = src, .len = len, .mode = GOAT_LEX_COMMENTS};
    goat_lexer_init(&p->lx, &cfg);

    parse_job job = {.p = p, .file = NULL, .failed = false};
    if (len <= SMALL_FILE || on_deep_stack())
        run_parse(&job);
    else
        goat_parse_with_deep_stack(run_parse, &job);

    goat_error *err = NULL;
    goat_error *lex_err = goat_lexer_error(&p->lx);
    if (job.failed) {
        err = error_at(filename, src, len, p->err_pos, p->err_msg);
        if (p->deferred_msg) {
            /* go/parser records the body's error first, then the header's,
             * unless that falls on the same line (it keeps one error per
             * line), and sorts them: the header's, earlier, wins then */
            goat_error *d = error_at(filename, src, len, p->deferred_pos, p->deferred_msg);
            if (d->line != err->line) {
                goat_error_free(err);
                err = d;
            } else {
                goat_error_free(d);
            }
        }
        /* go/parser sorts its errors; a scanner error recorded earlier on
         * the same line also suppresses the parser's. */
        if (lex_err && lex_err->line <= err->line) {
            goat_error_free(err);
            err = lex_err;
            lex_err = NULL;
        }
    } else if (lex_err) {
        err = lex_err;
        lex_err = NULL;
    }
    if (lex_err)
        goat_error_free(lex_err);

    if (!err) {
        goat_node *f = job.file;
        f->u.file.comment_count = p->comment_count;
        f->u.file.comments = p->comment_count
            ? goat_arena_memdup(arena, p->comments, p->comment_count, sizeof *p->comments) : NULL;
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
    free(p->err_msg);
    free(p->deferred_msg);
    free(p);
    return err;
}
