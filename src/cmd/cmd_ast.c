/* SPDX-License-Identifier: MIT */
/* goat ast: prints the syntax tree of Go files in a canonical text that a
 * Go program printing go/parser's tree reproduces byte for byte (see
 * tests/goast), so the two parsers can be compared on any corpus. */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/command.h"
#include "parser/parser.h"
#include "util/arena.h"
#include "util/file.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

typedef struct out_buf {
    char *data;
    size_t len, cap;
} out_buf;

static void out_flush(out_buf *o)
{
    if (o->len)
        fwrite(o->data, 1, o->len, stdout);
    o->len = 0;
}

static void out_reserve(out_buf *o, size_t n)
{
    if (o->len + n > o->cap) {
        out_flush(o);
        if (n > o->cap) {
            o->cap = n;
            o->data = goat_xrealloc(o->data, o->cap);
        }
    }
}

static void out_bytes(out_buf *o, const char *s, size_t n)
{
    out_reserve(o, n);
    memcpy(o->data + o->len, s, n);
    o->len += n;
}

static void out_long(out_buf *o, long v)
{
    char tmp[24];
    int i = sizeof tmp;
    bool neg = v < 0;
    unsigned long u = neg ? (unsigned long)-(v + 1) + 1 : (unsigned long)v;
    do {
        tmp[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg)
        tmp[--i] = '-';
    out_bytes(o, tmp + i, sizeof tmp - (size_t)i);
}

static const char *chan_dir_name(int dir)
{
    return dir == GOAT_CHAN_SEND ? "SEND" : dir == GOAT_CHAN_RECV ? "RECV" : "BOTH";
}

/* The one detail the canonical text gives for some kinds, or NULL. */
static const char *node_detail(const goat_node *n)
{
    switch (n->kind) {
    case GOAT_IDENT: return n->u.ident.name;
    case GOAT_BASIC_LIT: return goat_token_string(n->u.basic_lit.kind);
    case GOAT_BINARY_EXPR: return goat_token_string(n->u.binary.op);
    case GOAT_UNARY_EXPR: return goat_token_string(n->u.unary.op);
    case GOAT_ASSIGN_STMT: return goat_token_string(n->u.assign.tok);
    case GOAT_INC_DEC_STMT: return goat_token_string(n->u.inc_dec.tok);
    case GOAT_BRANCH_STMT: return goat_token_string(n->u.branch.tok);
    case GOAT_GEN_DECL: return goat_token_string(n->u.gen_decl.tok);
    case GOAT_RANGE_STMT: return goat_token_string(n->u.range_stmt.tok);
    case GOAT_CHAN_TYPE: return chan_dir_name(n->u.chan_type.dir);
    default: return NULL;
    }
}

static bool print_node(const goat_node *n, int depth, void *ctx)
{
    out_buf *o = ctx;
    const char *name = goat_node_kind_name(n->kind);
    out_reserve(o, (size_t)depth * 2 + 64);
    memset(o->data + o->len, ' ', (size_t)depth * 2);
    o->len += (size_t)depth * 2;
    out_bytes(o, name, strlen(name));
    out_bytes(o, " ", 1);
    out_long(o, n->pos);
    out_bytes(o, " ", 1);
    out_long(o, n->end);
    const char *detail = node_detail(n);
    if (detail) {
        out_bytes(o, " ", 1);
        out_bytes(o, detail, strlen(detail));
    }
    out_bytes(o, "\n", 1);
    return true;
}

typedef struct file_list {
    char **names;
    size_t count, cap;
} file_list;

static void add_file(file_list *l, const char *name)
{
    if (l->count == l->cap) {
        void *items = l->names;
        goat_grow(&items, &l->cap, l->count + 1, sizeof *l->names);
        l->names = items;
    }
    l->names[l->count++] = goat_xstrdup(name);
}

static goat_error *read_stdin(char **data, size_t *len)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        goat_strbuf_append(&sb, chunk, n);
    if (ferror(stdin)) {
        goat_strbuf_free(&sb);
        return goat_error_new("-", 0, 0, "cannot read standard input");
    }
    *data = goat_strbuf_detach(&sb, len);
    return NULL;
}

/* Adds every line of LIST (a file of file names, "-" for stdin). */
static goat_error *add_files_from(file_list *l, const char *list)
{
    char *data = NULL;
    size_t len = 0;
    goat_error *err = strcmp(list, "-") == 0 ? read_stdin(&data, &len) : goat_read_file(list, &data, &len);
    if (err)
        return err;
    char *p = data, *end = data ? data + len : NULL;
    while (p && p < end) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *stop = nl ? nl : end;
        if (stop > p) {
            *stop = '\0';
            add_file(l, p);
        }
        p = stop + 1;
    }
    free(data);
    return NULL;
}

/* The files are parsed on one worker thread whose stack holds parses of
 * up to capacity bytes. A file larger than that stops the worker (kept
 * read, in pending) and a worker with twice the stack, or one sized for
 * that file, carries on: the stack is sized from the input as it is read,
 * with no pass over the files beforehand, and at most a few dozen threads
 * start whatever the number of files. */
/* The first worker's stack holds parses of inputs up to this size (a
 * stack of some 20 MiB): most Go files are smaller. */
enum { AST_FIRST_CAPACITY = 16 << 10 };

typedef struct ast_job {
    file_list *files;
    bool quiet;
    int status;
    size_t next;     /* the next file to parse */
    size_t capacity; /* the largest input the current worker's stack holds */
    char *pending;   /* files->names[next] read, too large for the last worker */
    size_t pending_len;
    /* the buffer regular files are read into, one after the other: kept
     * from file to file, so that it stays mapped and in the cache */
    char *buf;
    size_t buf_cap;
} ast_job;

/* Reads path whole: one read for a regular file, into job->buf (grown as
 * needed); *data is then job->buf, otherwise a buffer of its own. */
static goat_error *read_source(ast_job *job, const char *path, char **data, size_t *len)
{
    if (strcmp(path, "-") == 0)
        return read_stdin(data, len);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return goat_read_file(path, data, len); /* reports the error, or reads a pipe */
    }
    size_t size = (size_t)st.st_size, got = 0;
    if (size + 1 > job->buf_cap) {
        free(job->buf);
        job->buf_cap = size + 1 > 2 * job->buf_cap ? size + 1 : 2 * job->buf_cap;
        job->buf = goat_xmalloc(job->buf_cap);
    }
    char *buf = job->buf;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got != size) /* changed under us: take the slow, careful path */
        return goat_read_file(path, data, len);
    buf[size] = '\0';
    *data = buf;
    *len = size;
    return NULL;
}

/* Parses (and prints) one file read whole, then frees it. */
static void parse_one(ast_job *job, out_buf *out, const char *name, char *src, size_t len)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file(&arena, name, src ? src : "", len, &file);
    if (!err && !job->quiet) {
        if (job->files->count > 1) {
            out_bytes(out, "== ", 3);
            out_bytes(out, name, strlen(name));
            out_bytes(out, "\n", 1);
        }
        goat_ast_inspect(file, print_node, out);
    }
    goat_arena_free(&arena);
    if (src != job->buf)
        free(src);
    if (err) {
        out_flush(out);
        fflush(stdout);
        goat_error_print(err, stderr);
        goat_error_free(err);
        job->status = GOAT_EXIT_FAILURE;
    }
}

/* The worker: parses files from job->next on, until the end or a file
 * larger than its stack holds, which it leaves read in job->pending. */
static void parse_files(void *arg)
{
    ast_job *job = arg;
    out_buf out = {goat_xmalloc(1 << 16), 0, 1 << 16};
    for (; job->next < job->files->count; job->next++) {
        const char *name = job->files->names[job->next];
        char *src = job->pending;
        size_t len = job->pending_len;
        job->pending = NULL;
        if (!src) {
            goat_error *err = read_source(job, name, &src, &len);
            if (err) {
                out_flush(&out);
                fflush(stdout);
                goat_error_print(err, stderr);
                goat_error_free(err);
                job->status = GOAT_EXIT_FAILURE;
                continue;
            }
            if (len > job->capacity) {
                job->pending = src;
                job->pending_len = len;
                break;
            }
        }
        parse_one(job, &out, name, src, len);
    }
    out_flush(&out);
    free(out.data);
}

static int run(int argc, char **argv)
{
    bool quiet = false;
    file_list files = {0};
    int status = GOAT_EXIT_OK;
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_files && strcmp(a, "--") == 0) {
            only_files = true;
        } else if (!only_files && strcmp(a, "-n") == 0) {
            quiet = true;
        } else if (!only_files && strcmp(a, "--files-from") == 0) {
            if (i + 1 >= argc)
                return goat_usage_error(&goat_cmd_ast, "--files-from needs a file name");
            goat_error *err = add_files_from(&files, argv[++i]);
            if (err) {
                goat_error_print(err, stderr);
                goat_error_free(err);
                status = GOAT_EXIT_FAILURE;
            }
        } else if (!only_files && a[0] == '-' && a[1] != '\0') {
            for (size_t k = 0; k < files.count; k++)
                free(files.names[k]);
            free(files.names);
            return goat_usage_error(&goat_cmd_ast, "unknown option '%s'", a);
        } else {
            add_file(&files, a);
        }
    }
    if (files.count == 0 && status == GOAT_EXIT_OK)
        return goat_usage_error(&goat_cmd_ast, "no Go file given");

    /* Each file's buffers and arena are freed before the next file's are
     * allocated: keep that memory in the process instead of returning it
     * to the kernel and faulting it in again, file after file. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    ast_job job = {.files = &files, .quiet = quiet, .status = status, .capacity = AST_FIRST_CAPACITY};
    while (job.next < files.count) {
        goat_run_with_parse_stack(job.capacity, parse_files, &job);
        if (job.pending) /* the next worker holds that file, and twice the last */
            job.capacity = job.pending_len > 2 * job.capacity ? job.pending_len : 2 * job.capacity;
    }
    status = job.status;
    free(job.buf);
    for (size_t k = 0; k < files.count; k++)
        free(files.names[k]);
    free(files.names);
    if (fflush(stdout) != 0)
        status = GOAT_EXIT_FAILURE;
    return status;
}

const goat_command goat_cmd_ast = {
    .name = "ast",
    .summary = "print the syntax tree of Go files (parser diagnostics)",
    .help = "usage: goat ast [-n] [--files-from LIST] FILE...\n"
            "\n"
            "Parses each Go FILE (\"-\" reads standard input) and prints its syntax tree,\n"
            "one node per line in pre-order: the go/ast type name, the byte offsets of\n"
            "the node's start and end (-1 where go/ast has none) and, for some kinds,\n"
            "one detail (name, literal kind, operator, token or channel direction).\n"
            "With several files each tree is preceded by a line \"== FILE\".\n"
            "\n"
            "A file that does not parse prints FILE:LINE:COL: message on standard\n"
            "error and nothing on standard output; the exit status is then 1.\n"
            "\n"
            "Options:\n"
            "  -n                 parse only, print no tree (for benchmarks)\n"
            "  --files-from LIST  also parse every file named in LIST, one per line\n"
            "                     (\"-\" reads the list from standard input)\n",
    .run = run,
};
