/* SPDX-License-Identifier: MIT */
/* Go tokens, as go/token defines them.
 *
 * The order of the operator and keyword blocks follows go/token so that a
 * reader can hold the two side by side. goat_token_string gives the spelling
 * go/token's Token.String() gives ("+=", "func", "IDENT", "ILLEGAL"). */
#ifndef GOAT_LEXER_TOKEN_H
#define GOAT_LEXER_TOKEN_H

#include <stdbool.h>

typedef enum goat_tok {
    GOAT_TOK_ILLEGAL,
    GOAT_TOK_EOF,
    GOAT_TOK_COMMENT,

    /* literals */
    GOAT_TOK_IDENT,
    GOAT_TOK_INT,
    GOAT_TOK_FLOAT,
    GOAT_TOK_IMAG,
    GOAT_TOK_CHAR,
    GOAT_TOK_STRING,

    /* operators and delimiters */
    GOAT_TOK_ADD, /* + */
    GOAT_TOK_SUB, /* - */
    GOAT_TOK_MUL, /* * */
    GOAT_TOK_QUO, /* / */
    GOAT_TOK_REM, /* % */

    GOAT_TOK_AND,     /* & */
    GOAT_TOK_OR,      /* | */
    GOAT_TOK_XOR,     /* ^ */
    GOAT_TOK_SHL,     /* << */
    GOAT_TOK_SHR,     /* >> */
    GOAT_TOK_AND_NOT, /* &^ */

    GOAT_TOK_ADD_ASSIGN, /* += */
    GOAT_TOK_SUB_ASSIGN, /* -= */
    GOAT_TOK_MUL_ASSIGN, /* *= */
    GOAT_TOK_QUO_ASSIGN, /* /= */
    GOAT_TOK_REM_ASSIGN, /* %= */

    GOAT_TOK_AND_ASSIGN,     /* &= */
    GOAT_TOK_OR_ASSIGN,      /* |= */
    GOAT_TOK_XOR_ASSIGN,     /* ^= */
    GOAT_TOK_SHL_ASSIGN,     /* <<= */
    GOAT_TOK_SHR_ASSIGN,     /* >>= */
    GOAT_TOK_AND_NOT_ASSIGN, /* &^= */

    GOAT_TOK_LAND,  /* && */
    GOAT_TOK_LOR,   /* || */
    GOAT_TOK_ARROW, /* <- */
    GOAT_TOK_INC,   /* ++ */
    GOAT_TOK_DEC,   /* -- */

    GOAT_TOK_EQL,    /* == */
    GOAT_TOK_LSS,    /* < */
    GOAT_TOK_GTR,    /* > */
    GOAT_TOK_ASSIGN, /* = */
    GOAT_TOK_NOT,    /* ! */

    GOAT_TOK_NEQ,      /* != */
    GOAT_TOK_LEQ,      /* <= */
    GOAT_TOK_GEQ,      /* >= */
    GOAT_TOK_DEFINE,   /* := */
    GOAT_TOK_ELLIPSIS, /* ... */

    GOAT_TOK_LPAREN, /* ( */
    GOAT_TOK_LBRACK, /* [ */
    GOAT_TOK_LBRACE, /* { */
    GOAT_TOK_COMMA,  /* , */
    GOAT_TOK_PERIOD, /* . */

    GOAT_TOK_RPAREN,    /* ) */
    GOAT_TOK_RBRACK,    /* ] */
    GOAT_TOK_RBRACE,    /* } */
    GOAT_TOK_SEMICOLON, /* ; */
    GOAT_TOK_COLON,     /* : */
    GOAT_TOK_TILDE,     /* ~ */

    /* keywords */
    GOAT_TOK_BREAK,
    GOAT_TOK_CASE,
    GOAT_TOK_CHAN,
    GOAT_TOK_CONST,
    GOAT_TOK_CONTINUE,

    GOAT_TOK_DEFAULT,
    GOAT_TOK_DEFER,
    GOAT_TOK_ELSE,
    GOAT_TOK_FALLTHROUGH,
    GOAT_TOK_FOR,

    GOAT_TOK_FUNC,
    GOAT_TOK_GO,
    GOAT_TOK_GOTO,
    GOAT_TOK_IF,
    GOAT_TOK_IMPORT,

    GOAT_TOK_INTERFACE,
    GOAT_TOK_MAP,
    GOAT_TOK_PACKAGE,
    GOAT_TOK_RANGE,
    GOAT_TOK_RETURN,

    GOAT_TOK_SELECT,
    GOAT_TOK_STRUCT,
    GOAT_TOK_SWITCH,
    GOAT_TOK_TYPE,
    GOAT_TOK_VAR,

    GOAT_TOK_COUNT
} goat_tok;

/* The spelling go/token's Token.String() returns. */
const char *goat_token_string(goat_tok tok);
bool goat_token_is_literal(goat_tok tok); /* IDENT .. STRING */

#endif
