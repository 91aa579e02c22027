#include "lexer/token.h"

static const char *const spellings[GOAT_TOK_COUNT] = {
    [GOAT_TOK_ILLEGAL] = "ILLEGAL",
    [GOAT_TOK_EOF] = "EOF",
    [GOAT_TOK_COMMENT] = "COMMENT",
    [GOAT_TOK_IDENT] = "IDENT",
    [GOAT_TOK_INT] = "INT",
    [GOAT_TOK_FLOAT] = "FLOAT",
    [GOAT_TOK_IMAG] = "IMAG",
    [GOAT_TOK_CHAR] = "CHAR",
    [GOAT_TOK_STRING] = "STRING",
    [GOAT_TOK_ADD] = "+",
    [GOAT_TOK_SUB] = "-",
    [GOAT_TOK_MUL] = "*",
    [GOAT_TOK_QUO] = "/",
    [GOAT_TOK_REM] = "%",
    [GOAT_TOK_AND] = "&",
    [GOAT_TOK_OR] = "|",
    [GOAT_TOK_XOR] = "^",
    [GOAT_TOK_SHL] = "<<",
    [GOAT_TOK_SHR] = ">>",
    [GOAT_TOK_AND_NOT] = "&^",
    [GOAT_TOK_ADD_ASSIGN] = "+=",
    [GOAT_TOK_SUB_ASSIGN] = "-=",
    [GOAT_TOK_MUL_ASSIGN] = "*=",
    [GOAT_TOK_QUO_ASSIGN] = "/=",
    [GOAT_TOK_REM_ASSIGN] = "%=",
    [GOAT_TOK_AND_ASSIGN] = "&=",
    [GOAT_TOK_OR_ASSIGN] = "|=",
    [GOAT_TOK_XOR_ASSIGN] = "^=",
    [GOAT_TOK_SHL_ASSIGN] = "<<=",
    [GOAT_TOK_SHR_ASSIGN] = ">>=",
    [GOAT_TOK_AND_NOT_ASSIGN] = "&^=",
    [GOAT_TOK_LAND] = "&&",
    [GOAT_TOK_LOR] = "||",
    [GOAT_TOK_ARROW] = "<-",
    [GOAT_TOK_INC] = "++",
    [GOAT_TOK_DEC] = "--",
    [GOAT_TOK_EQL] = "==",
    [GOAT_TOK_LSS] = "<",
    [GOAT_TOK_GTR] = ">",
    [GOAT_TOK_ASSIGN] = "=",
    [GOAT_TOK_NOT] = "!",
    [GOAT_TOK_NEQ] = "!=",
    [GOAT_TOK_LEQ] = "<=",
    [GOAT_TOK_GEQ] = ">=",
    [GOAT_TOK_DEFINE] = ":=",
    [GOAT_TOK_ELLIPSIS] = "...",
    [GOAT_TOK_LPAREN] = "(",
    [GOAT_TOK_LBRACK] = "[",
    [GOAT_TOK_LBRACE] = "{",
    [GOAT_TOK_COMMA] = ",",
    [GOAT_TOK_PERIOD] = ".",
    [GOAT_TOK_RPAREN] = ")",
    [GOAT_TOK_RBRACK] = "]",
    [GOAT_TOK_RBRACE] = "}",
    [GOAT_TOK_SEMICOLON] = ";",
    [GOAT_TOK_COLON] = ":",
    [GOAT_TOK_TILDE] = "~",
    [GOAT_TOK_BREAK] = "break",
    [GOAT_TOK_CASE] = "case",
    [GOAT_TOK_CHAN] = "chan",
    [GOAT_TOK_CONST] = "const",
    [GOAT_TOK_CONTINUE] = "continue",
    [GOAT_TOK_DEFAULT] = "default",
    [GOAT_TOK_DEFER] = "defer",
    [GOAT_TOK_ELSE] = "else",
    [GOAT_TOK_FALLTHROUGH] = "fallthrough",
    [GOAT_TOK_FOR] = "for",
    [GOAT_TOK_FUNC] = "func",
    [GOAT_TOK_GO] = "go",
    [GOAT_TOK_GOTO] = "goto",
    [GOAT_TOK_IF] = "if",
    [GOAT_TOK_IMPORT] = "import",
    [GOAT_TOK_INTERFACE] = "interface",
    [GOAT_TOK_MAP] = "map",
    [GOAT_TOK_PACKAGE] = "package",
    [GOAT_TOK_RANGE] = "range",
    [GOAT_TOK_RETURN] = "return",
    [GOAT_TOK_SELECT] = "select",
    [GOAT_TOK_STRUCT] = "struct",
    [GOAT_TOK_SWITCH] = "switch",
    [GOAT_TOK_TYPE] = "type",
    [GOAT_TOK_VAR] = "var",
};

const char *goat_token_string(goat_tok tok)
{
    if ((unsigned)tok < GOAT_TOK_COUNT && spellings[tok])
        return spellings[tok];
    return "token(?)";
}

bool goat_token_is_keyword(goat_tok tok)
{
    return tok >= GOAT_TOK_BREAK && tok <= GOAT_TOK_VAR;
}

bool goat_token_is_literal(goat_tok tok)
{
    return tok >= GOAT_TOK_IDENT && tok <= GOAT_TOK_STRING;
}

bool goat_token_is_operator(goat_tok tok)
{
    return tok >= GOAT_TOK_ADD && tok <= GOAT_TOK_TILDE;
}

int goat_token_precedence(goat_tok tok)
{
    switch (tok) {
    case GOAT_TOK_LOR:
        return 1;
    case GOAT_TOK_LAND:
        return 2;
    case GOAT_TOK_EQL:
    case GOAT_TOK_NEQ:
    case GOAT_TOK_LSS:
    case GOAT_TOK_LEQ:
    case GOAT_TOK_GTR:
    case GOAT_TOK_GEQ:
        return 3;
    case GOAT_TOK_ADD:
    case GOAT_TOK_SUB:
    case GOAT_TOK_OR:
    case GOAT_TOK_XOR:
        return 4;
    case GOAT_TOK_MUL:
    case GOAT_TOK_QUO:
    case GOAT_TOK_REM:
    case GOAT_TOK_SHL:
    case GOAT_TOK_SHR:
    case GOAT_TOK_AND:
    case GOAT_TOK_AND_NOT:
        return 5;
    default:
        return 0;
    }
}
