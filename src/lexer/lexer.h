/* SPDX-License-Identifier: MIT */
/* The Go scanner.
 *
 * Turns a source text into tokens, inserting semicolons exactly as the Go
 * specification's rule states (after a line's final token when it is an
 * identifier, a basic literal, one of the keywords break continue
 * fallthrough return, or one of ++ -- ) ] }), the way go/scanner does: an
 * automatically inserted semicolon has the literal "\n" (go/scanner gives
 * "\n" at EOF too), and a general comment spanning lines counts as a
 * newline: the semicolon then sits at the comment's first byte and the
 * comment follows as the next token.
 *
 * Positions are byte offsets into the text. A BOM (U+FEFF) is skipped at
 * offset 0 only; anywhere else it is an error, as in go/scanner.
 *
 * Errors (illegal character, invalid UTF-8, NUL, unterminated literal or
 * comment, invalid escape, malformed number) do not stop scanning: the
 * scanner records the first error (position and go/scanner's message text),
 * and keeps producing tokens so the parser can carry on the way go/parser
 * does. "First" is go/parser's order: go/parser sorts its error list by
 * position and then message, so the lexer keeps the error with the smallest
 * offset (ties: the smaller message), whenever it was found. Errors are
 * found exactly when go/scanner finds them (including its one-character
 * look-ahead), so first_error reflects what go/parser would have seen after
 * the same tokens. (go/parser sorts by the position a //line directive
 * maps to; this lexer orders by real offset, which differs only in files
 * whose directives reorder lines.) Line directives (//line, and the
 * general-comment form) are checked for go/scanner's "invalid line number"
 * and "invalid column number" errors but do not change positions.
 * goat_lexer_error returns that first error, if any.
 *
 * No global state: everything lives in goat_lexer, so any number of
 * scanners may run at once on different threads. */
#ifndef GOAT_LEXER_LEXER_H
#define GOAT_LEXER_LEXER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lexer/token.h"
#include "util/error.h"

typedef struct goat_token {
    goat_tok kind;
    size_t pos; /* offset of the first byte */
    /* Offset just past the last byte in the source. An automatic semicolon
     * at a newline spans that newline (end = pos + 1); one at EOF or before
     * a comment is empty (end = pos). */
    size_t end;
    /* The literal as go/scanner reports it: the text of an IDENT, INT,
     * FLOAT, IMAG, CHAR, STRING, COMMENT or keyword, ";" for a semicolon in
     * the source, "\n" for an automatic one, the offending character for
     * ILLEGAL, and nothing (lit_len 0) for operators and EOF. It points into
     * the source (lit == src + pos), except where go/scanner's literal
     * differs from the source bytes: raw strings and comments with carriage
     * returns, whose '\r' bytes go/scanner strips (so go/ast's
     * BasicLit.End() is pos + lit_len, not end), automatic semicolons at
     * EOF or before a comment (there is no newline at pos to point to), and
     * an ILLEGAL invalid UTF-8 byte (U+FFFD's encoding). Such literals live
     * in static storage or in storage owned by the lexer until
     * goat_lexer_free. lit_len counts the literal's bytes. */
    const char *lit;
    size_t lit_len;
} goat_token;

enum {
    /* Return comments as COMMENT tokens (otherwise they are skipped). */
    GOAT_LEX_COMMENTS = 1 << 0,
};

typedef struct goat_lexer_config {
    const char *filename; /* used in error messages */
    const char *src;
    size_t len;
    unsigned mode; /* GOAT_LEX_* flags */
    /* When set, told of every error as it is found (go/scanner's error
     * handler); the message is only valid during the call. */
    void (*on_error)(void *ctx, size_t offset, const char *msg);
    void *error_ctx;
} goat_lexer_config;

/* A //line directive's effect (go/token's lineInfo): from offset on,
 * positions are reported as in filename, the line at offset being line
 * (and, when col > 0, offset being at column col). */
typedef struct goat_line_info {
    size_t offset;
    char *filename; /* owned */
    int64_t line, col;
} goat_line_info;

typedef struct goat_lexer_state {
    int ch;               /* current character (code point), -1 at EOF */
    size_t offset;        /* offset of ch */
    size_t rd_offset;     /* offset of the byte after ch */
    bool insert_semi;     /* the spec's rule: a newline here ends a statement */
    size_t first_error_offset; /* meaningful when first_error != NULL */
    char *first_error;    /* message text, owned; NULL when none */
    int error_count;      /* every error reported, as go/scanner's ErrorCount */
    char **owned;         /* literals allocated for '\r'-stripped text */
    size_t owned_count, owned_cap;
    goat_line_info *line_infos; /* the //line directives scanned so far, by offset */
    size_t line_info_count, line_info_cap;
} goat_lexer_state;

typedef struct goat_lexer {
    goat_lexer_config config;
    goat_lexer_state state;
} goat_lexer;

void goat_lexer_init(goat_lexer *lx, const goat_lexer_config *config);
/* The next token; EOF forever after the end. */
goat_token goat_lexer_next(goat_lexer *lx);

/* A token scanned ahead: its literal is src[pos, pos + lit_len) (for an
 * automatic semicolon, the newline itself) and its end pos + lit_len,
 * except for operators, whose lit_len is 0 as in goat_token. */
typedef struct goat_lexed {
    uint32_t pos;
    uint32_t lit_len;
    goat_tok kind;
} goat_lexed;

/* Scans up to cap tokens at once, the common ones only: each is the token
 * goat_lexer_next would have returned, and scanning it finds no error.
 * Stops before the first token that is not such a token (a general
 * comment, a literal that needs a closer look, anything next to a NUL or
 * a non-ASCII byte, the end of the text), which goat_lexer_next must then
 * scan, so errors are still found exactly when that call reaches them.
 * Returns the number of tokens stored in out (0 with no comment either:
 * call goat_lexer_next). In GOAT_LEX_COMMENTS mode, plain //-comments met
 * on the way go to comments instead (up to comments_cap, their number in
 * *comment_count; a caller that wants them in the token stream passes
 * comments_cap 0). For callers that take many tokens in a row, such as the
 * parser: one call per run of tokens instead of one per token. */
size_t goat_lexer_scan_ahead(goat_lexer *lx, goat_lexed *out, size_t cap, goat_lexed *comments,
                             size_t comments_cap, size_t *comment_count);
/* The first error as FILE:LINE:COL: message, or NULL. Caller frees. */
goat_error *goat_lexer_error(const goat_lexer *lx);
/* The value of a hexadecimal digit (either case), or -1 for any other
 * character. */
int goat_hex_digit_value(int ch);

/* The //line directive in effect at offset (the last one scanned before
 * it), or NULL when none is. */
const goat_line_info *goat_lexer_line_info_at(const goat_lexer *lx, size_t offset);
void goat_lexer_free(goat_lexer *lx);

#endif
