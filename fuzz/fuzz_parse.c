/* SPDX-License-Identifier: MIT */
/* Harness 1: the lexer and the parser on arbitrary bytes.
 *
 * Whatever the bytes, the lexer walks to EOF in a bounded number of tokens
 * with positions inside the text, and the parser returns either a tree whose
 * every node lies inside the text or an error with a line and a column
 * (unless a //line directive maps them elsewhere);
 * nothing is read outside the buffer (libFuzzer's buffer has no NUL after
 * it) and nothing leaks. The outline parse (goat_parse_file_outline) keeps
 * its tree inside the text too, and accepts every text the full parse
 * accepts, with the same declarations at the same offsets and the same
 * braces around each function body. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "lexer/lexer.h"
#include "parser/ast.h"

/* mapped: a //line directive may be in effect, and go/token reports what
 * it maps to: another file name (even an empty one), no column, any line. */
static void check_error(const goat_error *err, const char *who, bool mapped)
{
    if (!err)
        return;
    if (!err->file || !err->message || (!mapped && (err->line < 1 || err->col < 1)))
        fuzz_fail("%s error without a position: %s:%d:%d: %s", who,
                  err->file ? err->file : "(no file)", err->line, err->col,
                  err->message ? err->message : "(no message)");
}

static void lex_everything(const char *src, size_t len)
{
    goat_lexer_config config = {
        .filename = FUZZ_FILENAME, .src = src, .len = len, .mode = GOAT_LEX_COMMENTS,
    };
    goat_lexer lexer;
    goat_lexer_init(&lexer, &config);
    /* Every token but an automatic semicolon consumes at least one byte, and
     * at most one semicolon follows each token. */
    size_t limit = 2 * len + 4, count = 0, previous_end = 0;
    for (;;) {
        goat_token token = goat_lexer_next(&lexer);
        if (token.pos > token.end || token.end > len)
            fuzz_fail("token %s at [%zu, %zu) outside the text of %zu bytes",
                      goat_token_string(token.kind), token.pos, token.end, len);
        if (token.pos < previous_end && token.kind != GOAT_TOK_SEMICOLON)
            fuzz_fail("token %s at %zu starts before the previous token ended (%zu)",
                      goat_token_string(token.kind), token.pos, previous_end);
        if (token.lit_len > 0 && !token.lit)
            fuzz_fail("token %s has %zu literal bytes but no literal",
                      goat_token_string(token.kind), token.lit_len);
        if (token.lit && token.lit >= src && token.lit < src + len &&
            token.lit_len > (size_t)(src + len - token.lit))
            fuzz_fail("literal of token %s runs past the end of the text",
                      goat_token_string(token.kind));
        if (token.kind == GOAT_TOK_EOF)
            break;
        /* An automatic semicolon may sit at the start of the comment that
         * ends its line, so only real tokens move the mark. */
        if (token.kind != GOAT_TOK_SEMICOLON && token.end > previous_end)
            previous_end = token.end;
        if (++count > limit)
            fuzz_fail("lexer produced more than %zu tokens for %zu bytes", limit, len);
    }
    goat_error *err = goat_lexer_error(&lexer);
    check_error(err, "lexer", false);
    goat_error_free(err);
    goat_lexer_free(&lexer);
}

typedef struct bounds {
    long len;
    size_t nodes;
} bounds;

static bool check_node(const goat_node *node, int depth, void *ctx)
{
    bounds *b = ctx;
    b->nodes++;
    if (depth < 0)
        fuzz_fail("negative depth %d", depth);
    if ((unsigned)node->kind >= GOAT_NODE_KIND_COUNT)
        fuzz_fail("node with kind %d", (int)node->kind);
    if (node->pos == GOAT_NOPOS || node->end == GOAT_NOPOS)
        return true;
    if (node->pos < 0 || node->end > b->len || node->pos > node->end)
        fuzz_fail("%s at [%ld, %ld) outside the text of %ld bytes",
                  goat_node_kind_name(node->kind), node->pos, node->end, b->len);
    return true;
}

/* The outline of src against its full tree (NULL when the full parse
 * failed). */
static void check_outline(const char *src, size_t len, const goat_node *full)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file_outline(&arena, FUZZ_FILENAME, src, len, &file);
    if (err) {
        check_error(err, "outline parser", memmem(src, len, "line ", 5) != NULL);
        if (full)
            fuzz_fail("the outline parse failed where the full parse succeeded: %s", err->message);
        goat_error_free(err);
        goat_arena_free(&arena);
        return;
    }
    bounds b = {(long)len, 0};
    goat_ast_inspect(file, check_node, &b);
    if (full && file->u.file.decls.count != full->u.file.decls.count)
        fuzz_fail("the outline has %zu declarations, the full tree %zu", file->u.file.decls.count,
                  full->u.file.decls.count);
    for (size_t i = 0; full && i < full->u.file.decls.count; i++) {
        const goat_node *a = full->u.file.decls.items[i], *o = file->u.file.decls.items[i];
        if (a->kind != o->kind || a->pos != o->pos || a->end != o->end)
            fuzz_fail("declaration %zu is %s [%ld, %ld) in the outline, %s [%ld, %ld) in the full tree", i,
                      goat_node_kind_name(o->kind), o->pos, o->end, goat_node_kind_name(a->kind), a->pos, a->end);
        if (a->kind != GOAT_FUNC_DECL || !a->u.func_decl.body)
            continue;
        const goat_node *ab = a->u.func_decl.body, *ob = o->u.func_decl.body;
        if (!ob || ab->u.block.lbrace != ob->u.block.lbrace || ab->u.block.rbrace != ob->u.block.rbrace)
            fuzz_fail("the body of declaration %zu has other braces in the outline", i);
    }
    goat_arena_free(&arena);
}

static void parse_everything(const char *src, size_t len)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file(&arena, FUZZ_FILENAME, src, len, &file);
    if (err) {
        check_error(err, "parser", memmem(src, len, "line ", 5) != NULL);
        if (file)
            fuzz_fail("parser returned both an error and a tree");
        goat_error_free(err);
    } else {
        if (!file || file->kind != GOAT_FILE)
            fuzz_fail("parser succeeded without a File node");
        bounds b = {(long)len, 0};
        goat_ast_inspect(file, check_node, &b);
        for (size_t i = 0; i < file->u.file.comment_count; i++) {
            const goat_comment *c = &file->u.file.comments[i];
            if (c->pos < 0 || c->end > (long)len || c->pos >= c->end)
                fuzz_fail("comment %zu at [%ld, %ld) outside the text", i, c->pos, c->end);
            if (i > 0 && c->pos < file->u.file.comments[i - 1].end)
                fuzz_fail("comments %zu and %zu overlap or are out of order", i - 1, i);
        }
    }
    check_outline(src, len, file);
    goat_arena_free(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    lex_everything(src, size);
    parse_everything(src, size);
    return 0;
}
