/* SPDX-License-Identifier: MIT */
/* Unit tests of the Go lexer: semicolon insertion, every literal form,
 * every error with go/scanner's message and offset, BOM, NUL, bad UTF-8,
 * and robustness on every prefix of a sample file. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"

typedef struct want {
    goat_tok kind;
    size_t pos;
    const char *lit; /* NULL: not checked */
} want;

#define T(k, p, l) {GOAT_TOK_##k, p, l}

static void check_tokens(const char *src, size_t len, unsigned mode, const want *w, size_t n)
{
    goat_lexer lx;
    goat_lexer_config cfg = {.filename = "t.go", .src = src, .len = len, .mode = mode};
    goat_lexer_init(&lx, &cfg);
    for (size_t i = 0; i < n; i++) {
        goat_token t = goat_lexer_next(&lx);
        cr_expect_eq(t.kind, w[i].kind, "%s: token %zu is %s, want %s", src, i,
                     goat_token_string(t.kind), goat_token_string(w[i].kind));
        cr_expect_eq(t.pos, w[i].pos, "%s: token %zu (%s) at %zu, want %zu", src, i,
                     goat_token_string(t.kind), t.pos, w[i].pos);
        if (w[i].lit) {
            cr_expect(t.lit_len == strlen(w[i].lit) && memcmp(t.lit, w[i].lit, t.lit_len) == 0,
                      "%s: token %zu literal is '%.*s', want '%s'", src, i, (int)t.lit_len, t.lit,
                      w[i].lit);
        }
    }
    goat_token t = goat_lexer_next(&lx);
    cr_expect_eq(t.kind, GOAT_TOK_EOF, "%s: extra token %s at %zu", src, goat_token_string(t.kind),
                 t.pos);
    goat_lexer_free(&lx);
}

#define CHECK(src, ...)                                                                    \
    do {                                                                                   \
        static const want w_[] = {__VA_ARGS__};                                            \
        check_tokens(src, strlen(src), 0, w_, sizeof w_ / sizeof w_[0]);                   \
    } while (0)
#define CHECK_COMMENTS(src, ...)                                                           \
    do {                                                                                   \
        static const want w_[] = {__VA_ARGS__};                                            \
        check_tokens(src, strlen(src), GOAT_LEX_COMMENTS, w_, sizeof w_ / sizeof w_[0]);   \
    } while (0)

/* ---- semicolon insertion ---- */

Test(semicolons, after_tokens_that_end_a_statement)
{
    CHECK("x\n", T(IDENT, 0, "x"), T(SEMICOLON, 1, "\n"));
    CHECK("1\n", T(INT, 0, "1"), T(SEMICOLON, 1, "\n"));
    CHECK("1.5\n", T(FLOAT, 0, "1.5"), T(SEMICOLON, 3, "\n"));
    CHECK("2i\n", T(IMAG, 0, "2i"), T(SEMICOLON, 2, "\n"));
    CHECK("'a'\n", T(CHAR, 0, "'a'"), T(SEMICOLON, 3, "\n"));
    CHECK("\"s\"\n", T(STRING, 0, "\"s\""), T(SEMICOLON, 3, "\n"));
    CHECK("`r`\n", T(STRING, 0, "`r`"), T(SEMICOLON, 3, "\n"));
    CHECK("break\n", T(BREAK, 0, "break"), T(SEMICOLON, 5, "\n"));
    CHECK("continue\n", T(CONTINUE, 0, "continue"), T(SEMICOLON, 8, "\n"));
    CHECK("fallthrough\n", T(FALLTHROUGH, 0, "fallthrough"), T(SEMICOLON, 11, "\n"));
    CHECK("return\n", T(RETURN, 0, "return"), T(SEMICOLON, 6, "\n"));
    CHECK("x++\n", T(IDENT, 0, "x"), T(INC, 1, NULL), T(SEMICOLON, 3, "\n"));
    CHECK("x--\n", T(IDENT, 0, "x"), T(DEC, 1, NULL), T(SEMICOLON, 3, "\n"));
    CHECK(")\n", T(RPAREN, 0, NULL), T(SEMICOLON, 1, "\n"));
    CHECK("]\n", T(RBRACK, 0, NULL), T(SEMICOLON, 1, "\n"));
    CHECK("}\n", T(RBRACE, 0, NULL), T(SEMICOLON, 1, "\n"));
}

Test(semicolons, not_after_other_tokens)
{
    CHECK("func\n", T(FUNC, 0, "func"));
    CHECK("if\n", T(IF, 0, "if"));
    CHECK("x +\ny", T(IDENT, 0, "x"), T(ADD, 2, NULL), T(IDENT, 4, "y"), T(SEMICOLON, 5, "\n"));
    CHECK("(\n", T(LPAREN, 0, NULL));
    CHECK("[\n", T(LBRACK, 0, NULL));
    CHECK("{\n", T(LBRACE, 0, NULL));
    CHECK(",\n", T(COMMA, 0, NULL));
    CHECK(".\n", T(PERIOD, 0, NULL));
    CHECK("=\n", T(ASSIGN, 0, NULL));
    CHECK("~\n", T(TILDE, 0, NULL));
    CHECK("\n\n", );
}

Test(semicolons, at_eof)
{
    CHECK("x", T(IDENT, 0, "x"), T(SEMICOLON, 1, "\n"));
    CHECK("}", T(RBRACE, 0, NULL), T(SEMICOLON, 1, "\n"));
    CHECK("x  ", T(IDENT, 0, "x"), T(SEMICOLON, 3, "\n"));
    CHECK("x;", T(IDENT, 0, "x"), T(SEMICOLON, 1, ";"));
}

Test(semicolons, explicit_semicolon_then_newline)
{
    CHECK("x;\ny", T(IDENT, 0, "x"), T(SEMICOLON, 1, ";"), T(IDENT, 3, "y"), T(SEMICOLON, 4, "\n"));
}

Test(semicolons, line_comments)
{
    /* the semicolon comes first, at the comment, and the comment follows */
    CHECK_COMMENTS("x // c\ny", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"), T(COMMENT, 2, "// c"),
                   T(IDENT, 7, "y"), T(SEMICOLON, 8, "\n"));
    CHECK("x // c\ny", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"), T(IDENT, 7, "y"),
          T(SEMICOLON, 8, "\n"));
    CHECK_COMMENTS("x // c", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"), T(COMMENT, 2, "// c"));
    CHECK_COMMENTS("+ // c\ny", T(ADD, 0, NULL), T(COMMENT, 2, "// c"), T(IDENT, 7, "y"),
                   T(SEMICOLON, 8, "\n"));
}

Test(semicolons, general_comments)
{
    CHECK_COMMENTS("x /* a\nb */ y", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"),
                   T(COMMENT, 2, "/* a\nb */"), T(IDENT, 12, "y"), T(SEMICOLON, 13, "\n"));
    /* a one-line comment before the newline: the newline inserts it */
    CHECK_COMMENTS("x /* a */\ny", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"),
                   T(COMMENT, 2, "/* a */"), T(IDENT, 10, "y"), T(SEMICOLON, 11, "\n"));
    /* no newline at all: no semicolon */
    CHECK_COMMENTS("x /* a */ y", T(IDENT, 0, "x"), T(COMMENT, 2, "/* a */"), T(IDENT, 10, "y"),
                   T(SEMICOLON, 11, "\n"));
    /* comments chained on one line, then a newline */
    CHECK_COMMENTS("x /* a */ /* b */ // c\n", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"),
                   T(COMMENT, 2, "/* a */"), T(COMMENT, 10, "/* b */"), T(COMMENT, 18, "// c"));
    /* a comment at EOF counts as a line end */
    CHECK_COMMENTS("x /* a */", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"), T(COMMENT, 2, "/* a */"));
    /* a division after the comment is a token: no semicolon */
    CHECK("x /* a */ / y", T(IDENT, 0, "x"), T(QUO, 10, NULL), T(IDENT, 12, "y"),
          T(SEMICOLON, 13, "\n"));
}

Test(semicolons, crlf)
{
    CHECK("x\r\ny\r\n", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"), T(IDENT, 3, "y"),
          T(SEMICOLON, 5, "\n"));
    CHECK_COMMENTS("x // c\r\n", T(IDENT, 0, "x"), T(SEMICOLON, 2, "\n"), T(COMMENT, 2, "// c"));
}

Test(semicolons, token_ends)
{
    goat_lexer lx;
    const char *src = "x\n}";
    goat_lexer_config cfg = {.filename = "t.go", .src = src, .len = 3};
    goat_lexer_init(&lx, &cfg);
    goat_token t = goat_lexer_next(&lx);
    cr_expect_eq(t.end, 1);
    t = goat_lexer_next(&lx); /* newline semicolon spans the newline */
    cr_expect_eq(t.pos, 1);
    cr_expect_eq(t.end, 2);
    t = goat_lexer_next(&lx);
    cr_expect_eq(t.kind, GOAT_TOK_RBRACE);
    t = goat_lexer_next(&lx); /* EOF semicolon is empty */
    cr_expect_eq(t.kind, GOAT_TOK_SEMICOLON);
    cr_expect_eq(t.pos, 3);
    cr_expect_eq(t.end, 3);
    t = goat_lexer_next(&lx);
    cr_expect_eq(t.kind, GOAT_TOK_EOF);
    t = goat_lexer_next(&lx);
    cr_expect_eq(t.kind, GOAT_TOK_EOF, "EOF forever");
    cr_expect_null(lx.state.first_error);
    goat_lexer_free(&lx);
}

/* ---- literals ---- */

typedef struct lit_case {
    const char *src;
    goat_tok kind;
} lit_case;

Test(literals, every_number_form)
{
    static const lit_case cases[] = {
        {"0", GOAT_TOK_INT},          {"42", GOAT_TOK_INT},        {"1_000_000", GOAT_TOK_INT},
        {"0b1011", GOAT_TOK_INT},     {"0B1_0", GOAT_TOK_INT},     {"0o17", GOAT_TOK_INT},
        {"0O1_7", GOAT_TOK_INT},      {"017", GOAT_TOK_INT},       {"0_17", GOAT_TOK_INT},
        {"0x1F", GOAT_TOK_INT},       {"0X_dead_BEEF", GOAT_TOK_INT},
        {"1.", GOAT_TOK_FLOAT},       {".5", GOAT_TOK_FLOAT},      {"1.5", GOAT_TOK_FLOAT},
        {"1e9", GOAT_TOK_FLOAT},      {"1E+9", GOAT_TOK_FLOAT},    {"1.5e-3", GOAT_TOK_FLOAT},
        {"1_0.2_5e1_0", GOAT_TOK_FLOAT}, {"09.5", GOAT_TOK_FLOAT}, {"09e1", GOAT_TOK_FLOAT},
        {"0x1p-2", GOAT_TOK_FLOAT},   {"0x.8p1", GOAT_TOK_FLOAT},  {"0X1.Fp+0", GOAT_TOK_FLOAT},
        {"0x_1p4", GOAT_TOK_FLOAT},   {"1i", GOAT_TOK_IMAG},       {"0i", GOAT_TOK_IMAG},
        {"0123i", GOAT_TOK_IMAG},     {"0x1p2i", GOAT_TOK_IMAG},   {"0b1i", GOAT_TOK_IMAG},
        {"0o7i", GOAT_TOK_IMAG},      {"1.5e3i", GOAT_TOK_IMAG},   {".5i", GOAT_TOK_IMAG},
        {"0xabci", GOAT_TOK_IMAG},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        want w[2] = {{cases[i].kind, 0, cases[i].src},
                     {GOAT_TOK_SEMICOLON, strlen(cases[i].src), "\n"}};
        check_tokens(cases[i].src, strlen(cases[i].src), 0, w, 2);
        goat_lexer lx;
        goat_lexer_config cfg = {.filename = "t.go", .src = cases[i].src,
                                 .len = strlen(cases[i].src)};
        goat_lexer_init(&lx, &cfg);
        goat_lexer_next(&lx);
        cr_expect_null(lx.state.first_error, "%s: unexpected error %s", cases[i].src,
                       lx.state.first_error);
        goat_lexer_free(&lx);
    }
}

Test(literals, number_boundaries)
{
    CHECK("1..2", T(FLOAT, 0, "1."), T(FLOAT, 2, ".2"), T(SEMICOLON, 4, "\n"));
    CHECK("x.y", T(IDENT, 0, "x"), T(PERIOD, 1, NULL), T(IDENT, 2, "y"), T(SEMICOLON, 3, "\n"));
    CHECK("a...", T(IDENT, 0, "a"), T(ELLIPSIS, 1, NULL));
    CHECK("..", T(PERIOD, 0, NULL), T(PERIOD, 1, NULL));
    CHECK("1.e", T(FLOAT, 0, "1.e"), T(SEMICOLON, 3, "\n"));
}

Test(literals, runes_with_every_escape)
{
    static const char *const runes[] = {
        "'a'",    "'\\a'",   "'\\b'",   "'\\f'",     "'\\n'",         "'\\r'",
        "'\\t'",  "'\\v'",   "'\\\\'",  "'\\''",     "'\"'",          "'\\x41'",
        "'\\101'", "'\\377'", "'\\u00e9'", "'\\U0001F600'", "'\\U0010FFFF'", "'é'",
        "'日'",
    };
    for (size_t i = 0; i < sizeof runes / sizeof runes[0]; i++) {
        want w[2] = {{GOAT_TOK_CHAR, 0, runes[i]}, {GOAT_TOK_SEMICOLON, strlen(runes[i]), "\n"}};
        check_tokens(runes[i], strlen(runes[i]), 0, w, 2);
        goat_lexer lx;
        goat_lexer_config cfg = {.filename = "t.go", .src = runes[i], .len = strlen(runes[i])};
        goat_lexer_init(&lx, &cfg);
        goat_lexer_next(&lx);
        cr_expect_null(lx.state.first_error, "%s: %s", runes[i], lx.state.first_error);
        goat_lexer_free(&lx);
    }
}

Test(literals, strings)
{
    CHECK("\"\"", T(STRING, 0, "\"\""), T(SEMICOLON, 2, "\n"));
    CHECK("\"a\\\"b\\n\\x41\\u00e9\\U0001F600\\101\"",
          T(STRING, 0, "\"a\\\"b\\n\\x41\\u00e9\\U0001F600\\101\""), T(SEMICOLON, 32, "\n"));
    CHECK("\"日本\"", T(STRING, 0, "\"日本\""), T(SEMICOLON, 8, "\n"));
}

Test(literals, raw_strings_drop_carriage_returns)
{
    const char *src = "`a\r\nb\\n`";
    goat_lexer lx;
    goat_lexer_config cfg = {.filename = "t.go", .src = src, .len = strlen(src)};
    goat_lexer_init(&lx, &cfg);
    goat_token t = goat_lexer_next(&lx);
    cr_expect_eq(t.kind, GOAT_TOK_STRING);
    cr_expect_eq(t.pos, 0);
    cr_expect_eq(t.end, 8, "end is in the source");
    cr_expect_eq(t.lit_len, 7);
    cr_expect(memcmp(t.lit, "`a\nb\\n`", 7) == 0);
    cr_expect_null(lx.state.first_error);
    goat_lexer_free(&lx);
    CHECK("`multi\nline`", T(STRING, 0, "`multi\nline`"), T(SEMICOLON, 12, "\n"));
}

Test(literals, comments_drop_carriage_returns)
{
    CHECK_COMMENTS("/* a\r\nb */", T(COMMENT, 0, "/* a\nb */"));
    /* a '\r' between '*' and '/' stays: removing it would close the comment */
    CHECK_COMMENTS("/* a *\r/ */", T(COMMENT, 0, "/* a *\r/ */"));
    CHECK_COMMENTS("// a\rb\r\n", T(COMMENT, 0, "// ab"));
}

Test(literals, identifiers)
{
    CHECK("ünïcode", T(IDENT, 0, "ünïcode"), T(SEMICOLON, 9, "\n"));
    CHECK("日本", T(IDENT, 0, "日本"), T(SEMICOLON, 6, "\n"));
    CHECK("_x9", T(IDENT, 0, "_x9"), T(SEMICOLON, 3, "\n"));
    CHECK("x٣", T(IDENT, 0, "x٣"), T(SEMICOLON, 3, "\n")); /* Unicode digit inside */
    CHECK("a b", T(IDENT, 0, "a"), T(IDENT, 2, "b"), T(SEMICOLON, 3, "\n"));
}

Test(literals, keywords_and_operators)
{
    CHECK("package main", T(PACKAGE, 0, "package"), T(IDENT, 8, "main"), T(SEMICOLON, 12, "\n"));
    CHECK("&^= &^ && & &= <<= << <= <- < >>= >> >= > := : ... ! != == = ~",
          T(AND_NOT_ASSIGN, 0, NULL), T(AND_NOT, 4, NULL), T(LAND, 7, NULL), T(AND, 10, NULL),
          T(AND_ASSIGN, 12, NULL), T(SHL_ASSIGN, 15, NULL), T(SHL, 19, NULL), T(LEQ, 22, NULL),
          T(ARROW, 25, NULL), T(LSS, 28, NULL), T(SHR_ASSIGN, 30, NULL), T(SHR, 34, NULL),
          T(GEQ, 37, NULL), T(GTR, 40, NULL), T(DEFINE, 42, NULL), T(COLON, 45, NULL),
          T(ELLIPSIS, 47, NULL), T(NOT, 51, NULL), T(NEQ, 53, NULL), T(EQL, 56, NULL),
          T(ASSIGN, 59, NULL), T(TILDE, 61, NULL));
    CHECK("+ += ++ - -= -- * *= / /= % %= ^ ^= | |= ||", T(ADD, 0, NULL),
          T(ADD_ASSIGN, 2, NULL), T(INC, 5, NULL), T(SUB, 8, NULL), T(SUB_ASSIGN, 10, NULL),
          T(DEC, 13, NULL), T(MUL, 16, NULL), T(MUL_ASSIGN, 18, NULL), T(QUO, 21, NULL),
          T(QUO_ASSIGN, 23, NULL), T(REM, 26, NULL), T(REM_ASSIGN, 28, NULL), T(XOR, 31, NULL),
          T(XOR_ASSIGN, 33, NULL), T(OR, 36, NULL), T(OR_ASSIGN, 38, NULL), T(LOR, 41, NULL));
}

/* ---- errors ---- */

typedef struct err_case {
    const char *src;
    size_t len; /* 0: strlen(src) */
    size_t offset;
    const char *message;
} err_case;

static void check_error(const err_case *c)
{
    size_t len = c->len ? c->len : strlen(c->src);
    goat_lexer lx;
    goat_lexer_config cfg = {.filename = "t.go", .src = c->src, .len = len,
                             .mode = GOAT_LEX_COMMENTS};
    goat_lexer_init(&lx, &cfg);
    size_t guard = 0;
    while (goat_lexer_next(&lx).kind != GOAT_TOK_EOF && guard++ < 1000)
        ;
    cr_assert_not_null(lx.state.first_error, "%s: no error, want %s", c->src, c->message);
    cr_expect_str_eq(lx.state.first_error, c->message, "%s", c->src);
    cr_expect_eq(lx.state.first_error_offset, c->offset, "%s: error at %zu, want %zu", c->src,
                 lx.state.first_error_offset, c->offset);
    cr_expect_geq(lx.state.error_count, 1);
    goat_lexer_free(&lx);
}

Test(errors, each_message_and_offset)
{
    static const err_case cases[] = {
        {"x @", 0, 2, "illegal character U+0040 '@'"},
        {"a # b", 0, 2, "illegal character U+0023 '#'"},
        {"x \x07", 0, 2, "illegal character U+0007"},
        {"x ⊛", 0, 2, "illegal character U+229B '⊛'"},
        {"x \xff y", 0, 2, "illegal UTF-8 encoding"},
        {"\"a\xc3\"", 0, 2, "illegal UTF-8 encoding"},
        {"// \xed\xa0\x80\n", 0, 3, "illegal UTF-8 encoding"},
        {"x \0 y", 5, 2, "illegal character NUL"},
        {"\"abc", 0, 0, "string literal not terminated"},
        {"x = \"abc\ny\"", 0, 4, "string literal not terminated"},
        {"`abc", 0, 0, "raw string literal not terminated"},
        {"'a", 0, 0, "rune literal not terminated"},
        {"'a\n'", 0, 0, "rune literal not terminated"},
        {"/* abc", 0, 0, "comment not terminated"},
        {"\"\\q\"", 0, 2, "unknown escape sequence"},
        {"'\\\"'", 0, 2, "unknown escape sequence"},
        {"\"\\", 0, 0, "string literal not terminated"},
        {"'\\", 0, 2, "escape sequence not terminated"},
        {"'\\x4g'", 0, 4, "illegal character U+0067 'g' in escape sequence"},
        {"'\\uD800'", 0, 2, "escape sequence is invalid Unicode code point"},
        {"'\\U00110000'", 0, 2, "escape sequence is invalid Unicode code point"},
        {"'\\400'", 0, 2, "escape sequence is invalid Unicode code point"},
        {"'ab'", 0, 0, "illegal rune literal"},
        {"''", 0, 0, "illegal rune literal"},
        {"1__0", 0, 2, "'_' must separate successive digits"},
        {"1_", 0, 1, "'_' must separate successive digits"},
        {"0x_", 0, 2, "'_' must separate successive digits"},
        {"0x", 0, 2, "hexadecimal literal has no digits"},
        {"0_x", 0, 1, "'_' must separate successive digits"},
        {"08", 0, 1, "invalid digit '8' in octal literal"},
        {"0o19", 0, 3, "invalid digit '9' in octal literal"},
        {"0b102", 0, 4, "invalid digit '2' in binary literal"},
        {"0x1.5", 0, 5, "hexadecimal mantissa requires a 'p' exponent"},
        {"1e", 0, 2, "exponent has no digits"},
        {"1e+x", 0, 3, "exponent has no digits"},
        {"0x1p", 0, 4, "exponent has no digits"},
        {"1p2", 0, 1, "'p' exponent requires hexadecimal mantissa"},
        {"0b1e2", 0, 3, "'e' exponent requires decimal mantissa"},
        {"0o1.2", 0, 3, "invalid radix point in octal literal"},
        {"0b", 0, 2, "binary literal has no digits"},
        {"x \xef\xbb\xbf", 0, 2, "illegal byte order mark"},
        {"//line x.go:0\n", 0, 12, "invalid line number: 0"},
        {"/*line x.go:1:0*/", 0, 14, "invalid column number: 0"},
        {"//line x.go:abc\n", 0, 12, "invalid line number: abc"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_error(&cases[i]);
}

Test(errors, valid_hex_with_e_digit_has_no_error)
{
    CHECK("0x1e2", T(INT, 0, "0x1e2"), T(SEMICOLON, 5, "\n"));
}

Test(errors, first_error_is_the_leftmost)
{
    /* the number's bad digit is found after the separator error is checked,
     * but go/parser sorts errors by position: the leftmost wins */
    err_case c = {"0_8__", 0, 2, "invalid digit '8' in octal literal"};
    check_error(&c);
    /* same offset: the smaller message, as go/parser's sort gives */
    err_case d = {"x \xff", 0, 2, "illegal UTF-8 encoding"};
    check_error(&d);
}

Test(errors, formatted_with_file_line_column)
{
    const char *src = "package p\n\nvar x = 'ab'\n";
    goat_lexer lx;
    goat_lexer_config cfg = {.filename = "dir/f.go", .src = src, .len = strlen(src)};
    goat_lexer_init(&lx, &cfg);
    while (goat_lexer_next(&lx).kind != GOAT_TOK_EOF)
        ;
    goat_error *err = goat_lexer_error(&lx);
    cr_assert_not_null(err);
    char *text = goat_error_format(err);
    cr_expect_str_eq(text, "dir/f.go:3:9: illegal rune literal");
    free(text);
    goat_error_free(err);
    goat_lexer_free(&lx);
}

Test(errors, none_on_clean_input)
{
    const char *src = "package p\n";
    goat_lexer lx;
    goat_lexer_config cfg = {.filename = "f.go", .src = src, .len = strlen(src)};
    goat_lexer_init(&lx, &cfg);
    while (goat_lexer_next(&lx).kind != GOAT_TOK_EOF)
        ;
    cr_expect_null(goat_lexer_error(&lx));
    cr_expect_eq(lx.state.error_count, 0);
    goat_lexer_free(&lx);
}

Test(errors, illegal_token_keeps_semicolon_state)
{
    CHECK("x @\n", T(IDENT, 0, "x"), T(ILLEGAL, 2, "@"), T(SEMICOLON, 3, "\n"));
    CHECK("x \xff", T(IDENT, 0, "x"), T(ILLEGAL, 2, "\xef\xbf\xbd"), T(SEMICOLON, 3, "\n"));
}

/* ---- BOM, NUL ---- */

Test(bom, skipped_at_start_only)
{
    CHECK("\xef\xbb\xbfx", T(IDENT, 3, "x"), T(SEMICOLON, 4, "\n"));
    const char *src = "\xef\xbb\xbfpackage p";
    goat_lexer lx;
    goat_lexer_config cfg = {.filename = "t.go", .src = src, .len = strlen(src)};
    goat_lexer_init(&lx, &cfg);
    while (goat_lexer_next(&lx).kind != GOAT_TOK_EOF)
        ;
    cr_expect_null(lx.state.first_error);
    goat_lexer_free(&lx);
    err_case second = {"\xef\xbb\xbf\xef\xbb\xbf", 0, 3, "illegal byte order mark"};
    check_error(&second);
    err_case in_string = {"\"\xef\xbb\xbf\"", 0, 1, "illegal byte order mark"};
    check_error(&in_string);
}

Test(nul, in_source_comment_and_string)
{
    err_case at_start = {"\0", 1, 0, "illegal character NUL"};
    check_error(&at_start);
    err_case in_comment = {"// a\0b\n", 7, 4, "illegal character NUL"};
    check_error(&in_comment);
    err_case in_string = {"\"a\0\"", 4, 2, "illegal character NUL"};
    check_error(&in_string);
}

/* ---- robustness ---- */

static const char sample[] =
    "\xef\xbb\xbfpackage main // c\r\n"
    "\n"
    "import (\n\t\"fmt\"\n\t`raw\r\nstr`\n)\n"
    "/* multi\n   line */\n"
    "func main() {\n"
    "\tx := []int{0x1F, 0b1_0, 0o7, 017, 1.5e3, .5, 0x1p-2, 3i}\n"
    "\tr := '\\U0001F600' + 'é' + '\\x41' + '\\101'\n"
    "\tif x != nil && len(x) > 0 { x[0]++ } else { return }\n"
    "\tch <- 1; v, ok := <-ch\n"
    "\ttype T[P ~int | ~string] struct{}\n"
    "\tünïcode, 日本 := \"é\\n\", 'ab' @ \xff \0\n"
    "\t/* unterminated";

Test(robustness, every_prefix_ends_in_eof)
{
    size_t len = sizeof sample - 1;
    for (size_t n = 0; n <= len; n++) {
        for (unsigned mode = 0; mode < 2; mode++) {
            char *copy = malloc(n ? n : 1);
            memcpy(copy, sample, n); /* exact size: ASan catches any overread */
            goat_lexer lx;
            goat_lexer_config cfg = {.filename = "t.go", .src = copy, .len = n, .mode = mode};
            goat_lexer_init(&lx, &cfg);
            size_t count = 0, last = 0;
            goat_token t;
            do {
                t = goat_lexer_next(&lx);
                cr_assert(t.pos >= last, "prefix %zu: positions go backwards", n);
                cr_assert(t.end >= t.pos, "prefix %zu: token ends before it starts", n);
                cr_assert(t.pos <= n && t.end <= n, "prefix %zu: token past the end", n);
                last = t.pos;
                cr_assert(++count <= n + 2, "prefix %zu: no EOF after %zu tokens", n, count);
            } while (t.kind != GOAT_TOK_EOF);
            cr_assert_eq(t.pos, n);
            goat_lexer_free(&lx);
            free(copy);
        }
    }
}

Test(errors, line_directives_checked_like_go_scanner)
{
    /* only at a line start for //line; a number past int64 wraps negative
     * in go/scanner and so escapes its range check */
    static const char *const clean[] = {
        "x //line x.go:0\n",
        "//line x.go:18446744073709551615\n",
        "//line x.go:12\n",
        "/*line x.go:3:4*/",
        "//linex.go:0\n",
    };
    for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
        goat_lexer lx;
        goat_lexer_config cfg = {.filename = "t.go", .src = clean[i], .len = strlen(clean[i])};
        goat_lexer_init(&lx, &cfg);
        while (goat_lexer_next(&lx).kind != GOAT_TOK_EOF)
            ;
        cr_expect_null(lx.state.first_error, "%s: %s", clean[i], lx.state.first_error);
        goat_lexer_free(&lx);
    }
    err_case overflow = {"//line x.go:18446744073709551616\n", 0, 12,
                         "invalid line number: 18446744073709551616"};
    check_error(&overflow);
    err_case crlf = {"//line x.go:0\r\n", 0, 12, "invalid line number: 0"};
    check_error(&crlf);
}
