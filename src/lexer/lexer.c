/* SPDX-License-Identifier: MIT */
#include "lexer/lexer.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lexer/unicode.h"
#include "util/lines.h"
#include "util/path.h"
#include "util/xalloc.h"

enum { EOF_CH = -1, BOM = 0xFEFF, RUNE_ERROR = 0xFFFD, MAX_RUNE = 0x10FFFF };

static const char rune_error_utf8[] = "\xEF\xBF\xBD";

/* Byte classes for the hot loops: IDENT_BYTE for [A-Za-z0-9_], SPACE_BYTE
 * for ' ', '\t', '\r', NEWLINE_BYTE for '\n' (whether it is space depends
 * on insert_semi), DECIMAL_BYTE for [0-9], HEX_BYTE for [0-9A-Fa-f],
 * KEYWORD_START for the first letters of Go's keywords. */
enum { IDENT_BYTE = 1, SPACE_BYTE = 2, NEWLINE_BYTE = 4, DECIMAL_BYTE = 8, HEX_BYTE = 16, KEYWORD_START = 32 };
static const unsigned char byte_class[256] = {
     0,  0,  0,  0,  0,  0,  0,  0,  0,  2,  4,  0,  0,  2,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     2,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    25, 25, 25, 25, 25, 25, 25, 25, 25, 25,  0,  0,  0,  0,  0,  0,
     0, 17, 17, 17, 17, 17, 17,  1,  1,  1,  1,  1,  1,  1,  1,  1,
     1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  0,  0,  0,  0,  1,
     0, 17, 49, 49, 49, 49, 49, 33,  1, 33,  1,  1,  1, 33,  1,  1,
    33,  1, 33, 33, 33,  1, 33,  1,  1,  1,  1,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
     0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
};

static void report(goat_lexer *lx, size_t off, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), cold, noinline));

/* go/parser sorts its errors by position, then message: keep the least. */
static void report(goat_lexer *lx, size_t off, const char *fmt, ...)
{
    goat_lexer_state *s = &lx->state;
    s->error_count++;
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *msg;
    if (n >= 0 && (size_t)n < sizeof buf) {
        msg = goat_xstrdup(buf);
    } else {
        msg = goat_xmalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    if (lx->config.on_error)
        lx->config.on_error(lx->config.error_ctx, off, msg);
    if (s->first_error == NULL || off < s->first_error_offset ||
        (off == s->first_error_offset && strcmp(msg, s->first_error) < 0)) {
        free(s->first_error);
        s->first_error = msg;
        s->first_error_offset = off;
    } else {
        free(msg);
    }
}

/* utf8.DecodeRune: an invalid or truncated sequence is RUNE_ERROR, width 1. */
static int decode_utf8(const unsigned char *p, size_t n, size_t *width)
{
    unsigned c0 = p[0];
    *width = 1;
    if (c0 < 0x80)
        return (int)c0;
    if (c0 < 0xC2 || c0 > 0xF4)
        return RUNE_ERROR;
    if (c0 < 0xE0) {
        if (n < 2 || (p[1] & 0xC0) != 0x80)
            return RUNE_ERROR;
        *width = 2;
        return (int)(((c0 & 0x1F) << 6) | (p[1] & 0x3F));
    }
    unsigned lo = 0x80, hi = 0xBF;
    if (c0 == 0xE0)
        lo = 0xA0;
    else if (c0 == 0xED)
        hi = 0x9F;
    else if (c0 == 0xF0)
        lo = 0x90;
    else if (c0 == 0xF4)
        hi = 0x8F;
    if (n < 2 || p[1] < lo || p[1] > hi)
        return RUNE_ERROR;
    if (c0 < 0xF0) {
        if (n < 3 || (p[2] & 0xC0) != 0x80)
            return RUNE_ERROR;
        *width = 3;
        return (int)(((c0 & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3F));
    }
    if (n < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return RUNE_ERROR;
    *width = 4;
    return (int)(((c0 & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
                 (p[3] & 0x3F));
}

/* Reads the next character into ch, reporting NUL, bad UTF-8 and a BOM
 * past the start the moment they are read, as go/scanner does. */
static inline void next(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    size_t len = lx->config.len;
    if (s->rd_offset < len) {
        s->offset = s->rd_offset;
        const unsigned char *p = (const unsigned char *)lx->config.src + s->rd_offset;
        int r = p[0];
        size_t w = 1;
        if (r == 0) {
            report(lx, s->offset, "illegal character NUL");
        } else if (r >= 0x80) {
            r = decode_utf8(p, len - s->rd_offset, &w);
            if (r == RUNE_ERROR && w == 1)
                report(lx, s->offset, "illegal UTF-8 encoding");
            else if (r == BOM && s->offset > 0)
                report(lx, s->offset, "illegal byte order mark");
        }
        s->rd_offset += w;
        s->ch = r;
    } else {
        s->offset = len;
        s->ch = EOF_CH;
    }
}

/* Moves to the character at offset p, reading it as next() does. */
static inline void seek(goat_lexer *lx, size_t p)
{
    lx->state.rd_offset = p;
    next(lx);
}

static inline int peek(const goat_lexer *lx)
{
    return lx->state.rd_offset < lx->config.len
               ? (unsigned char)lx->config.src[lx->state.rd_offset]
               : 0;
}

static inline int lower(int ch) { return ('a' - 'A') | ch; }
static inline bool is_decimal(int ch) { return '0' <= ch && ch <= '9'; }
static inline bool is_hex(int ch)
{
    return is_decimal(ch) || ('a' <= lower(ch) && lower(ch) <= 'f');
}
static inline bool is_letter(int ch)
{
    return ('a' <= lower(ch) && lower(ch) <= 'z') || ch == '_' ||
           (ch >= 0x80 && goat_unicode_is_letter((unsigned)ch));
}
static inline bool is_digit(int ch)
{
    return is_decimal(ch) || (ch >= 0x80 && goat_unicode_is_digit((unsigned)ch));
}

/* Go's %#U: U+0041 'A' for printable characters, U+0000 otherwise. */
static void format_rune(char *buf, size_t size, int ch)
{
    if (ch >= 0 && ch <= MAX_RUNE && goat_unicode_is_print((unsigned)ch)) {
        char u[5] = {0};
        unsigned c = (unsigned)ch;
        if (c < 0x80) {
            u[0] = (char)c;
        } else if (c < 0x800) {
            u[0] = (char)(0xC0 | (c >> 6));
            u[1] = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            u[0] = (char)(0xE0 | (c >> 12));
            u[1] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[2] = (char)(0x80 | (c & 0x3F));
        } else {
            u[0] = (char)(0xF0 | (c >> 18));
            u[1] = (char)(0x80 | ((c >> 12) & 0x3F));
            u[2] = (char)(0x80 | ((c >> 6) & 0x3F));
            u[3] = (char)(0x80 | (c & 0x3F));
        }
        snprintf(buf, size, "U+%04X '%s'", c, u);
    } else {
        snprintf(buf, size, "U+%04X", (unsigned)ch);
    }
}

static const char *keep(goat_lexer *lx, char *text)
{
    goat_lexer_state *s = &lx->state;
    void *items = s->owned;
    goat_grow(&items, &s->owned_cap, s->owned_count + 1, sizeof(char *));
    s->owned = items;
    s->owned[s->owned_count++] = text;
    return text;
}

/* go/scanner's stripCR: drops '\r', except in a general comment a '\r'
 * between '*' and '/' (which would otherwise close the comment early). */
static const char *strip_cr(goat_lexer *lx, const char *b, size_t n, bool comment,
                            size_t *out_len)
{
    char *c = goat_xmalloc(n + 1);
    size_t i = 0;
    for (size_t j = 0; j < n; j++) {
        char ch = b[j];
        if (ch != '\r' || (comment && i > 2 && c[i - 1] == '*' && j + 1 < n && b[j + 1] == '/'))
            c[i++] = ch;
    }
    c[i] = '\0';
    *out_len = i;
    return keep(lx, c);
}

/* The keywords by a hash of their first two bytes and length, which
 * separates all 25: one probe and a short compare per identifier. */
typedef struct keyword_slot {
    char word[12];
    unsigned char len; /* 0: empty slot */
    goat_tok tok;
} keyword_slot;

static const keyword_slot keyword_slots[64] = {
    [0] = {"type", 4, GOAT_TOK_TYPE},
    [1] = {"if", 2, GOAT_TOK_IF},
    [2] = {"func", 4, GOAT_TOK_FUNC},
    [8] = {"defer", 5, GOAT_TOK_DEFER},
    [10] = {"fallthrough", 11, GOAT_TOK_FALLTHROUGH},
    [15] = {"case", 4, GOAT_TOK_CASE},
    [17] = {"map", 3, GOAT_TOK_MAP},
    [19] = {"struct", 6, GOAT_TOK_STRUCT},
    [21] = {"else", 4, GOAT_TOK_ELSE},
    [23] = {"continue", 8, GOAT_TOK_CONTINUE},
    [24] = {"default", 7, GOAT_TOK_DEFAULT},
    [25] = {"interface", 9, GOAT_TOK_INTERFACE},
    [26] = {"var", 3, GOAT_TOK_VAR},
    [30] = {"return", 6, GOAT_TOK_RETURN},
    [31] = {"select", 6, GOAT_TOK_SELECT},
    [34] = {"break", 5, GOAT_TOK_BREAK},
    [35] = {"chan", 4, GOAT_TOK_CHAN},
    [38] = {"range", 5, GOAT_TOK_RANGE},
    [43] = {"go", 2, GOAT_TOK_GO},
    [50] = {"for", 3, GOAT_TOK_FOR},
    [52] = {"package", 7, GOAT_TOK_PACKAGE},
    [53] = {"import", 6, GOAT_TOK_IMPORT},
    [55] = {"switch", 6, GOAT_TOK_SWITCH},
    [59] = {"goto", 4, GOAT_TOK_GOTO},
    [63] = {"const", 5, GOAT_TOK_CONST},
};

/* The keyword spelled p[0, n), or IDENT; n >= 2 (no keyword is shorter). */
static inline goat_tok lookup_keyword_hashed(const unsigned char *p, size_t n)
{
    const keyword_slot *k = &keyword_slots[(p[0] + p[1] * 12u + (unsigned)n * 8u) & 63];
    if (k->len != n)
        return GOAT_TOK_IDENT;
    for (size_t i = 0; i < n; i++)
        if (p[i] != (unsigned char)k->word[i])
            return GOAT_TOK_IDENT;
    return k->tok;
}

/* lookup_keyword_hashed for the fast path, which knows that at least
 * avail bytes can be read at p: a keyword of up to 8 bytes is compared in
 * one 64-bit word. */
static inline goat_tok lookup_keyword_fast(const unsigned char *p, size_t n, size_t avail)
{
    if (!(byte_class[p[0]] & KEYWORD_START))
        return GOAT_TOK_IDENT;
    const keyword_slot *k = &keyword_slots[(p[0] + p[1] * 12u + (unsigned)n * 8u) & 63];
    if (k->len != n)
        return GOAT_TOK_IDENT;
    if (n > 8 || avail < 8)
        return lookup_keyword_hashed(p, n);
    /* the first n bytes in memory, whatever the byte order */
    static const unsigned char first_bytes[9][8] = {
        {0}, {255}, {255, 255}, {255, 255, 255}, {255, 255, 255, 255}, {255, 255, 255, 255, 255},
        {255, 255, 255, 255, 255, 255}, {255, 255, 255, 255, 255, 255, 255},
        {255, 255, 255, 255, 255, 255, 255, 255},
    };
    uint64_t text, word, keep;
    memcpy(&text, p, 8);
    memcpy(&word, k->word, 8);
    memcpy(&keep, first_bytes[n], 8);
    return ((text ^ word) & keep) == 0 ? k->tok : GOAT_TOK_IDENT;
}

/* After an identifier or one of these keywords a newline ends the
 * statement (the spec's semicolon rule). */
static inline bool word_ends_statement(goat_tok kind)
{
    return kind == GOAT_TOK_IDENT || kind == GOAT_TOK_BREAK || kind == GOAT_TOK_CONTINUE ||
           kind == GOAT_TOK_FALLTHROUGH || kind == GOAT_TOK_RETURN;
}

/* go/scanner's trailingDigits: *index is just past the last ':' of text
 * (0 when there is none); true when the rest is an unsigned decimal number
 * that fits 64 bits, whose value *value gets as Go's int() conversion gives
 * it (so a huge number may come out negative, as in go/scanner). */
static bool trailing_number(const char *text, size_t n, size_t *index, int64_t *value)
{
    *index = 0;
    *value = 0;
    for (size_t k = n; k > 0; k--) {
        if (text[k - 1] == ':') {
            *index = k;
            break;
        }
    }
    if (*index == 0 || *index == n)
        return false;
    uint64_t v = 0;
    for (size_t k = *index; k < n; k++) {
        unsigned d = (unsigned char)text[k] - (unsigned)'0';
        if (d > 9 || v > (UINT64_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    /* two's complement wrap, spelled out (the plain cast is implementation-defined) */
    *value = v > (uint64_t)INT64_MAX ? -(int64_t)(UINT64_MAX - v) - 1 : (int64_t)v;
    return true;
}

const goat_line_info *goat_lexer_line_info_at(const goat_lexer *lx, size_t offset)
{
    const goat_lexer_state *s = &lx->state;
    size_t lo = 0, hi = s->line_info_count;
    while (lo < hi) { /* the first info past offset */
        size_t mid = lo + (hi - lo) / 2;
        if (s->line_infos[mid].offset <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? &s->line_infos[lo - 1] : NULL;
}

/* go/scanner's updateLineInfo once the numbers are valid: from offset next
 * on, positions are reported as line (and col) of the directive's file,
 * name[0, name_len) at text_offset in the source. An empty name keeps the
 * file in effect when a column is given (col_given: col may have wrapped
 * to zero or below, as go/scanner's int conversion wraps it) and stays
 * empty otherwise; a
 * relative one is taken from the directory of the file being scanned. */
static void add_line_info(goat_lexer *lx, size_t next, size_t text_offset, const char *name, size_t name_len,
                          int64_t line, bool col_given, int64_t col)
{
    goat_lexer_state *s = &lx->state;
    /* go/token's AddLineColumnInfo: the first directive always counts; a
     * later one only at a greater offset inside the file */
    if (s->line_info_count > 0 && (s->line_infos[s->line_info_count - 1].offset >= next || next >= lx->config.len))
        return;
    char *filename;
    if (name_len == 0 && col_given) {
        const goat_line_info *in_effect = goat_lexer_line_info_at(lx, text_offset);
        filename = goat_xstrdup(in_effect ? in_effect->filename : lx->config.filename);
    } else if (name_len == 0) {
        filename = goat_xstrdup("");
    } else {
        char *given = goat_xstrndup(name, name_len);
        if (given[0] == '/') {
            filename = goat_path_clean(given);
        } else {
            const char *file = lx->config.filename, *slash = strrchr(file, '/');
            char *dir = goat_xstrndup(file, slash ? (size_t)(slash - file + 1) : 0);
            filename = goat_path_join(dir, given);
            free(dir);
        }
        free(given);
    }
    goat_grow((void **)&s->line_infos, &s->line_info_cap, s->line_info_count + 1, sizeof *s->line_infos);
    s->line_infos[s->line_info_count++] = (goat_line_info){next, filename, line, col};
}

/* The first index from i on holding '\n', '\r', NUL or a non-ASCII byte
 * (len if none): eight bytes at a time, then byte by byte. */
static size_t skip_comment_text(const char *src, size_t i, size_t len)
{
#if defined(__SSE2__)
    while (len - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
        __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
                                    _mm_cmpeq_epi8(v, _mm_setzero_si128()));
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(stop, v)); /* and the non-ASCII bytes */
        if (hits)
            return i + (size_t)__builtin_ctz(hits);
        i += 16;
    }
#endif
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (len - i >= 8) {
        uint64_t v;
        memcpy(&v, src + i, 8);
        uint64_t nl = v ^ (ones * '\n'), cr = v ^ (ones * '\r');
        /* (x - ones) & ~x & highs is nonzero iff some byte of x is zero */
        uint64_t hit = v | ((v - ones) & ~v) | ((nl - ones) & ~nl) | ((cr - ones) & ~cr);
        if (hit & highs)
            break;
        i += 8;
    }
    while (i < len) {
        unsigned char b = (unsigned char)src[i];
        if (b == '\n' || b == '\r' || b == 0 || b >= 0x80)
            break;
        i++;
    }
    return i;
}

/* go/scanner caps line and column numbers at 30 bits. */
#define MAX_LINE_COL ((int64_t)(1 << 30) - 1)

/* Comments. The initial '/' is consumed; ch is '/' or '*'. Returns the
 * literal as go/scanner gives it. */
static const char *scan_comment(goat_lexer *lx, size_t *lit_len)
{
    goat_lexer_state *s = &lx->state;
    const char *src = lx->config.src;
    size_t offs = s->offset - 1;
    bool valid = false;
    size_t num_cr = 0;

    if (s->ch == '/') {
        next(lx);
        while (s->ch != '\n' && s->ch >= 0) {
            /* ASCII fast path: no line accounting, no errors possible */
            size_t i = s->rd_offset, len = lx->config.len;
            if (s->ch != '\r' && s->ch != 0) {
                i = skip_comment_text(src, i, len);
                if (i > s->rd_offset) {
                    s->offset = i - 1;
                    s->rd_offset = i;
                    s->ch = (unsigned char)src[i - 1];
                }
            }
            if (s->ch == '\r')
                num_cr++;
            next(lx);
        }
        valid = true;
    } else {
        next(lx);
        while (s->ch >= 0) {
            int ch = s->ch;
            if (ch != '*' && ch != '\r' && ch != 0) {
                /* skip plain ASCII up to the next byte that needs a closer look */
                size_t i = s->rd_offset, len = lx->config.len;
                while (i < len) {
                    unsigned char b = (unsigned char)src[i];
                    if (b == '*' || b == '\r' || b == 0 || b >= 0x80)
                        break;
                    i++;
                }
                if (i > s->rd_offset) {
                    seek(lx, i);
                    continue;
                }
            }
            if (ch == '\r')
                num_cr++;
            next(lx);
            if (ch == '*' && s->ch == '/') {
                next(lx);
                valid = true;
                break;
            }
        }
        if (!valid)
            report(lx, offs, "comment not terminated");
    }

    const char *lit = src + offs;
    size_t n = s->offset - offs;
    /* a //-comment's final '\r' (of a CRLF line end) goes before anything */
    if (num_cr > 0 && n >= 2 && lit[1] == '/' && lit[n - 1] == '\r') {
        n--;
        num_cr--;
    }

    /* a //line directive must start its line */
    bool line_start = offs == 0 || src[offs - 1] == '\n';
    if (valid && (lit[1] == '*' || line_start) && n >= 7 &&
        memcmp(lit + 2, "line ", 5) == 0) {
        /* a line directive: go/scanner checks its numbers */
        const char *text = lit + 7;
        size_t tn = n - 7 - (lit[1] == '*' ? 2 : 0);
        size_t toffs = offs + 7;
        size_t i, i2;
        int64_t num, num2;
        bool ok = trailing_number(text, tn, &i, &num);
        if (i > 0) {
            if (!ok) {
                report(lx, toffs + i, "invalid line number: %.*s", (int)(tn - i), text + i);
            } else {
                int64_t line = num;
                bool bad = false;
                bool col_given = trailing_number(text, i - 1, &i2, &num2);
                if (col_given) {
                    /* filename:line:col */
                    size_t col_index = i;
                    i = i2;
                    line = num2;
                    if (num == 0 || num > MAX_LINE_COL) {
                        report(lx, toffs + col_index, "invalid column number: %.*s",
                               (int)(tn - col_index), text + col_index);
                        bad = true;
                    } else {
                        tn = col_index - 1;
                    }
                }
                if (!bad && (line == 0 || line > MAX_LINE_COL))
                    report(lx, toffs + i, "invalid line number: %.*s", (int)(tn - i), text + i);
                else if (!bad)
                    add_line_info(lx, lit[1] == '/' && s->ch == '\n' ? s->offset + 1 : s->offset, toffs, text,
                                  i - 1, line, col_given, col_given ? num : 0);
            }
        }
    }

    if (num_cr > 0)
        return strip_cr(lx, lit, n, lit[1] == '*', lit_len);
    *lit_len = n;
    return lit;
}

/* go/scanner's findLineEnd: with insert_semi set, does a newline (or EOF)
 * come before the next token, looking through comments? The initial '/'
 * is consumed; the scanner is put back where it was. */
static bool find_line_end(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    size_t offs = s->offset - 1;
    bool found = false;
    while (s->ch == '/' || s->ch == '*') {
        if (s->ch == '/') {
            found = true;
            goto restore;
        }
        next(lx);
        while (s->ch >= 0) {
            int ch = s->ch;
            if (ch == '\n') {
                found = true;
                goto restore;
            }
            next(lx);
            if (ch == '*' && s->ch == '/') {
                next(lx);
                break;
            }
        }
        while (s->ch == ' ' || s->ch == '\t' || s->ch == '\r')
            next(lx);
        if (s->ch < 0 || s->ch == '\n') {
            found = true;
            goto restore;
        }
        if (s->ch != '/')
            goto restore;
        next(lx);
    }
restore:
    s->ch = '/';
    s->offset = offs;
    s->rd_offset = offs + 1;
    next(lx);
    return found;
}

static size_t scan_identifier(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    const unsigned char *src = (const unsigned char *)lx->config.src;
    size_t len = lx->config.len, offs = s->offset;
    for (size_t i = s->rd_offset; i < len; i++) {
        unsigned char b = src[i];
        if (byte_class[b] & IDENT_BYTE)
            continue;
        s->rd_offset = i;
        if (0 < b && b < 0x80) {
            s->ch = b;
            s->offset = i;
            s->rd_offset = i + 1;
            return s->offset - offs;
        }
        next(lx);
        while (is_letter(s->ch) || is_digit(s->ch))
            next(lx);
        return s->offset - offs;
    }
    s->offset = len;
    s->rd_offset = len;
    s->ch = EOF_CH;
    return s->offset - offs;
}

/* digits accepts { digit | '_' }; for base <= 10 it notes the offset of
 * the first digit >= base in *invalid. Bit 0: a digit, bit 1: a '_'. */
static int scan_digits(goat_lexer *lx, int base, long long *invalid)
{
    goat_lexer_state *s = &lx->state;
    int digsep = 0;
    if (base <= 10) {
        int max = '0' + base;
        while (is_decimal(s->ch) || s->ch == '_') {
            int ds = 1;
            if (s->ch == '_')
                ds = 2;
            else if (s->ch >= max && invalid && *invalid < 0)
                *invalid = (long long)s->offset;
            digsep |= ds;
            next(lx);
        }
    } else {
        while (is_hex(s->ch) || s->ch == '_') {
            digsep |= s->ch == '_' ? 2 : 1;
            next(lx);
        }
    }
    return digsep;
}

static const char *litname(int prefix)
{
    switch (prefix) {
    case 'x':
        return "hexadecimal literal";
    case 'o':
    case '0':
        return "octal literal";
    case 'b':
        return "binary literal";
    default:
        return "decimal literal";
    }
}

/* Index of the first misplaced '_' in a number literal, or -1. */
static long long invalid_separator(const char *x, size_t n)
{
    int x1 = ' ';
    int d = '.';
    size_t i = 0;
    if (n >= 2 && x[0] == '0') {
        x1 = lower((unsigned char)x[1]);
        if (x1 == 'x' || x1 == 'o' || x1 == 'b') {
            d = '0';
            i = 2;
        }
    }
    for (; i < n; i++) {
        int p = d;
        d = (unsigned char)x[i];
        if (d == '_') {
            if (p != '0')
                return (long long)i;
        } else if (is_decimal(d) || (x1 == 'x' && is_hex(d))) {
            d = '0';
        } else {
            if (p == '_')
                return (long long)i - 1;
            d = '.';
        }
    }
    if (d == '_')
        return (long long)n - 1;
    return -1;
}

static goat_tok scan_number(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    size_t offs = s->offset;
    goat_tok tok = GOAT_TOK_ILLEGAL;
    int base = 10, prefix = 0, digsep = 0;
    long long invalid = -1;

    if (s->ch != '.') {
        tok = GOAT_TOK_INT;
        if (s->ch == '0') {
            next(lx);
            switch (lower(s->ch)) {
            case 'x':
                next(lx);
                base = 16;
                prefix = 'x';
                break;
            case 'o':
                next(lx);
                base = 8;
                prefix = 'o';
                break;
            case 'b':
                next(lx);
                base = 2;
                prefix = 'b';
                break;
            default:
                base = 8;
                prefix = '0';
                digsep = 1; /* the leading 0 */
            }
        }
        digsep |= scan_digits(lx, base, &invalid);
    }

    if (s->ch == '.') {
        tok = GOAT_TOK_FLOAT;
        if (prefix == 'o' || prefix == 'b')
            report(lx, s->offset, "invalid radix point in %s", litname(prefix));
        next(lx);
        digsep |= scan_digits(lx, base, &invalid);
    }

    if ((digsep & 1) == 0)
        report(lx, s->offset, "%s has no digits", litname(prefix));

    int e = lower(s->ch);
    if (e == 'e' || e == 'p') {
        if (e == 'e' && prefix != 0 && prefix != '0')
            report(lx, s->offset, "'%c' exponent requires decimal mantissa", s->ch);
        else if (e == 'p' && prefix != 'x')
            report(lx, s->offset, "'%c' exponent requires hexadecimal mantissa", s->ch);
        next(lx);
        tok = GOAT_TOK_FLOAT;
        if (s->ch == '+' || s->ch == '-')
            next(lx);
        int ds = scan_digits(lx, 10, NULL);
        digsep |= ds;
        if ((ds & 1) == 0)
            report(lx, s->offset, "exponent has no digits");
    } else if (prefix == 'x' && tok == GOAT_TOK_FLOAT) {
        report(lx, s->offset, "hexadecimal mantissa requires a 'p' exponent");
    }

    if (s->ch == 'i') {
        tok = GOAT_TOK_IMAG;
        next(lx);
    }

    const char *lit = lx->config.src + offs;
    size_t n = s->offset - offs;
    if (tok == GOAT_TOK_INT && invalid >= 0)
        report(lx, (size_t)invalid, "invalid digit '%c' in %s", lit[(size_t)invalid - offs],
               litname(prefix));
    if (digsep & 2) {
        long long i = invalid_separator(lit, n);
        if (i >= 0)
            report(lx, offs + (size_t)i, "'_' must separate successive digits");
    }
    return tok;
}

int goat_hex_digit_value(int ch)
{
    if (is_decimal(ch))
        return ch - '0';
    if ('a' <= lower(ch) && lower(ch) <= 'f')
        return lower(ch) - 'a' + 10;
    return -1;
}

/* An escape after '\\'; quote is the literal's quote. On an error it stops
 * at the offending character and returns false. */
static bool scan_escape(goat_lexer *lx, int quote)
{
    goat_lexer_state *s = &lx->state;
    size_t offs = s->offset;
    int n;
    unsigned base, max;
    switch (s->ch) {
    case 'a':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
    case 'v':
    case '\\':
        next(lx);
        return true;
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
        n = 3, base = 8, max = 255;
        break;
    case 'x':
        next(lx);
        n = 2, base = 16, max = 255;
        break;
    case 'u':
        next(lx);
        n = 4, base = 16, max = MAX_RUNE;
        break;
    case 'U':
        next(lx);
        n = 8, base = 16, max = MAX_RUNE;
        break;
    default:
        if (s->ch == quote) {
            next(lx);
            return true;
        }
        report(lx, offs, s->ch < 0 ? "escape sequence not terminated" : "unknown escape sequence");
        return false;
    }

    uint32_t x = 0;
    for (; n > 0; n--) {
        unsigned d = (unsigned)goat_hex_digit_value(s->ch); /* not a digit: past any base */
        if (d >= base) {
            if (s->ch < 0) {
                report(lx, s->offset, "escape sequence not terminated");
            } else {
                char r[32];
                format_rune(r, sizeof r, s->ch);
                report(lx, s->offset, "illegal character %s in escape sequence", r);
            }
            return false;
        }
        x = x * base + d;
        next(lx);
    }
    if (x > max || (0xD800 <= x && x < 0xE000)) {
        report(lx, offs, "escape sequence is invalid Unicode code point");
        return false;
    }
    return true;
}

static void scan_rune(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    size_t offs = s->offset - 1;
    bool valid = true;
    int n = 0;
    for (;;) {
        int ch = s->ch;
        if (ch == '\n' || ch < 0) {
            if (valid) {
                report(lx, offs, "rune literal not terminated");
                valid = false;
            }
            break;
        }
        next(lx);
        if (ch == '\'')
            break;
        n++;
        if (ch == '\\' && !scan_escape(lx, '\''))
            valid = false;
    }
    if (valid && n != 1)
        report(lx, offs, "illegal rune literal");
}

static void scan_string(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    const unsigned char *src = (const unsigned char *)lx->config.src;
    size_t len = lx->config.len;
    size_t offs = s->offset - 1;
    for (;;) {
        int ch = s->ch;
        if (ch == '\n' || ch < 0) {
            report(lx, offs, "string literal not terminated");
            break;
        }
        if (ch != '"' && ch != '\\' && ch != 0 && ch < 0x80) {
            /* ASCII fast path up to the next byte that needs a closer look */
            size_t i = s->rd_offset;
            while (i < len) {
                unsigned char b = src[i];
                if (b == '"' || b == '\\' || b == '\n' || b == 0 || b >= 0x80)
                    break;
                i++;
            }
            if (i > s->rd_offset) {
                s->offset = i - 1;
                s->rd_offset = i;
                s->ch = src[i - 1];
            }
        }
        next(lx);
        if (ch == '"')
            break;
        if (ch == '\\')
            scan_escape(lx, '"');
    }
}

static bool scan_raw_string(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    size_t offs = s->offset - 1;
    bool has_cr = false;
    for (;;) {
        int ch = s->ch;
        if (ch < 0) {
            report(lx, offs, "raw string literal not terminated");
            break;
        }
        next(lx);
        if (ch == '`')
            break;
        if (ch == '\r')
            has_cr = true;
    }
    return has_cr;
}

static inline void skip_whitespace(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    if (!(s->ch == ' ' || s->ch == '\t' || (s->ch == '\n' && !s->insert_semi) || s->ch == '\r'))
        return;
    /* whitespace is ASCII: no character errors, so skip bytes directly */
    const char *src = lx->config.src;
    size_t i = s->rd_offset, len = lx->config.len;
    bool stop_at_newline = s->insert_semi;
    while (i < len) {
        unsigned char b = (unsigned char)src[i];
        if ((byte_class[b] & SPACE_BYTE) || (b == '\n' && !stop_at_newline))
            i++;
        else
            break;
    }
    seek(lx, i);
}

static goat_tok switch2(goat_lexer *lx, goat_tok tok0, goat_tok tok1)
{
    if (lx->state.ch == '=') {
        next(lx);
        return tok1;
    }
    return tok0;
}

static goat_tok switch3(goat_lexer *lx, goat_tok tok0, goat_tok tok1, int ch2, goat_tok tok2)
{
    if (lx->state.ch == '=') {
        next(lx);
        return tok1;
    }
    if (lx->state.ch == ch2) {
        next(lx);
        return tok2;
    }
    return tok0;
}

static goat_tok switch4(goat_lexer *lx, goat_tok tok0, goat_tok tok1, int ch2, goat_tok tok2,
                        goat_tok tok3)
{
    if (lx->state.ch == '=') {
        next(lx);
        return tok1;
    }
    if (lx->state.ch == ch2) {
        next(lx);
        if (lx->state.ch == '=') {
            next(lx);
            return tok3;
        }
        return tok2;
    }
    return tok0;
}

/* The general scanner: every token, from any state. */
static goat_token __attribute__((noinline)) scan_token(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    const char *src = lx->config.src;
    /* scalars, not a goat_token, so that the result is stored once, field by
     * field: assembling a struct on the stack and copying it out stalls on
     * store forwarding */
    goat_tok kind;
    size_t pos, end;
    const char *lit;
    size_t lit_len;

scan_again:
    skip_whitespace(lx);
    pos = s->offset;
    lit = src + pos;
    lit_len = 0;
    bool insert_semi = false;
    int ch = s->ch;

    if (is_letter(ch)) {
        size_t n = scan_identifier(lx);
        lit_len = n;
        if (n > 1) {
            kind = lookup_keyword_hashed((const unsigned char *)lit, n);
            insert_semi = word_ends_statement(kind);
        } else {
            kind = GOAT_TOK_IDENT;
            insert_semi = true;
        }
        goto done;
    }
    if (is_decimal(ch) || (ch == '.' && is_decimal(peek(lx)))) {
        insert_semi = true;
        kind = scan_number(lx);
        lit_len = s->offset - pos;
        goto done;
    }

    next(lx); /* always make progress */
    switch (ch) {
    case EOF_CH:
        if (s->insert_semi) {
            s->insert_semi = false;
            kind = GOAT_TOK_SEMICOLON;
            lit = "\n";
            lit_len = 1;
            end = pos;
            return (goat_token){.kind = kind, .pos = pos, .end = end, .lit = lit, .lit_len = lit_len};
        }
        kind = GOAT_TOK_EOF;
        break;
    case '\n':
        /* reached only with insert_semi set */
        s->insert_semi = false;
        kind = GOAT_TOK_SEMICOLON;
        lit_len = 1; /* the newline at pos */
        end = pos + 1;
        return (goat_token){.kind = kind, .pos = pos, .end = end, .lit = lit, .lit_len = lit_len};
    case '"':
        insert_semi = true;
        kind = GOAT_TOK_STRING;
        scan_string(lx);
        lit_len = s->offset - pos;
        break;
    case '\'':
        insert_semi = true;
        kind = GOAT_TOK_CHAR;
        scan_rune(lx);
        lit_len = s->offset - pos;
        break;
    case '`':
        insert_semi = true;
        kind = GOAT_TOK_STRING;
        if (scan_raw_string(lx))
            lit = strip_cr(lx, lit, s->offset - pos, false, &lit_len);
        else
            lit_len = s->offset - pos;
        break;
    case ':':
        kind = switch2(lx, GOAT_TOK_COLON, GOAT_TOK_DEFINE);
        break;
    case '.':
        kind = GOAT_TOK_PERIOD;
        if (s->ch == '.' && peek(lx) == '.') {
            next(lx);
            next(lx);
            kind = GOAT_TOK_ELLIPSIS;
        }
        break;
    case ',':
        kind = GOAT_TOK_COMMA;
        break;
    case ';':
        kind = GOAT_TOK_SEMICOLON;
        lit_len = 1;
        break;
    case '(':
        kind = GOAT_TOK_LPAREN;
        break;
    case ')':
        insert_semi = true;
        kind = GOAT_TOK_RPAREN;
        break;
    case '[':
        kind = GOAT_TOK_LBRACK;
        break;
    case ']':
        insert_semi = true;
        kind = GOAT_TOK_RBRACK;
        break;
    case '{':
        kind = GOAT_TOK_LBRACE;
        break;
    case '}':
        insert_semi = true;
        kind = GOAT_TOK_RBRACE;
        break;
    case '+':
        kind = switch3(lx, GOAT_TOK_ADD, GOAT_TOK_ADD_ASSIGN, '+', GOAT_TOK_INC);
        insert_semi = kind == GOAT_TOK_INC;
        break;
    case '-':
        kind = switch3(lx, GOAT_TOK_SUB, GOAT_TOK_SUB_ASSIGN, '-', GOAT_TOK_DEC);
        insert_semi = kind == GOAT_TOK_DEC;
        break;
    case '*':
        kind = switch2(lx, GOAT_TOK_MUL, GOAT_TOK_MUL_ASSIGN);
        break;
    case '/':
        if (s->ch == '/' || s->ch == '*') {
            if (s->insert_semi && find_line_end(lx)) {
                /* the comment's newline ends the statement; rescan the comment next */
                s->ch = '/';
                s->offset = pos;
                s->rd_offset = pos + 1;
                s->insert_semi = false;
                kind = GOAT_TOK_SEMICOLON;
                lit = "\n";
                lit_len = 1;
                end = pos;
                return (goat_token){.kind = kind, .pos = pos, .end = end, .lit = lit, .lit_len = lit_len};
            }
            size_t n;
            const char *comment = scan_comment(lx, &n);
            if (!(lx->config.mode & GOAT_LEX_COMMENTS)) {
                s->insert_semi = false;
                goto scan_again;
            }
            kind = GOAT_TOK_COMMENT;
            lit = comment;
            lit_len = n;
        } else {
            kind = switch2(lx, GOAT_TOK_QUO, GOAT_TOK_QUO_ASSIGN);
        }
        break;
    case '%':
        kind = switch2(lx, GOAT_TOK_REM, GOAT_TOK_REM_ASSIGN);
        break;
    case '^':
        kind = switch2(lx, GOAT_TOK_XOR, GOAT_TOK_XOR_ASSIGN);
        break;
    case '<':
        if (s->ch == '-') {
            next(lx);
            kind = GOAT_TOK_ARROW;
        } else {
            kind = switch4(lx, GOAT_TOK_LSS, GOAT_TOK_LEQ, '<', GOAT_TOK_SHL, GOAT_TOK_SHL_ASSIGN);
        }
        break;
    case '>':
        kind = switch4(lx, GOAT_TOK_GTR, GOAT_TOK_GEQ, '>', GOAT_TOK_SHR, GOAT_TOK_SHR_ASSIGN);
        break;
    case '=':
        kind = switch2(lx, GOAT_TOK_ASSIGN, GOAT_TOK_EQL);
        break;
    case '!':
        kind = switch2(lx, GOAT_TOK_NOT, GOAT_TOK_NEQ);
        break;
    case '&':
        if (s->ch == '^') {
            next(lx);
            kind = switch2(lx, GOAT_TOK_AND_NOT, GOAT_TOK_AND_NOT_ASSIGN);
        } else {
            kind = switch3(lx, GOAT_TOK_AND, GOAT_TOK_AND_ASSIGN, '&', GOAT_TOK_LAND);
        }
        break;
    case '|':
        kind = switch3(lx, GOAT_TOK_OR, GOAT_TOK_OR_ASSIGN, '|', GOAT_TOK_LOR);
        break;
    case '~':
        kind = GOAT_TOK_TILDE;
        break;
    default:
        if (ch != BOM) { /* next() has reported a misplaced BOM */
            char r[32];
            format_rune(r, sizeof r, ch);
            report(lx, pos, "illegal character %s", r);
        }
        insert_semi = s->insert_semi;
        kind = GOAT_TOK_ILLEGAL;
        lit_len = s->offset - pos;
        if (ch == RUNE_ERROR && lit_len == 1)
            lit = rune_error_utf8, lit_len = 3;
        break;
    }

done:
    s->insert_semi = insert_semi;
    end = s->offset;
    return (goat_token){.kind = kind, .pos = pos, .end = end, .lit = lit, .lit_len = lit_len};
}

/* ---- the fast path ----
 *
 * The common tokens (identifiers, keywords, decimal and hexadecimal
 * integers, strings without escapes, operators, automatic semicolons at
 * newlines, and //-comments of plain text) are scanned on plain bytes, from
 * an offset and the semicolon flag alone, with nothing stored until the
 * token is done. A token counts only when a plain ASCII character (not
 * NUL) follows it: next() would find no error there, so the state can move
 * past the token without it. Anything else (general comments, //line
 * directives, other literals, NUL, non-ASCII bytes, the end of the text)
 * is left to scan_token, from a state that has not changed, so the tokens,
 * the errors and the moments errors are found stay exactly those of
 * scan_token. */

static inline bool plain_ascii(unsigned b)
{
    return b - 1u < 0x7Fu; /* 1 .. 0x7F */
}

/* Runs of identifier bytes and of plain string bytes, 16 at a time where
 * the machine has SSE2 (every x86-64 does), else one at a time. */
#if defined(__SSE2__)
/* The lanes of v holding a byte in [lo, lo + n). */
static inline __m128i bytes_in_range(__m128i v, unsigned char lo, unsigned char n)
{
    /* shift the range down to start at -128, where a signed compare sees it */
    __m128i shifted = _mm_sub_epi8(v, _mm_set1_epi8((char)(lo + 128)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8((char)(-128 + n)));
}
#endif

/* The first offset from i on whose byte is not [A-Za-z0-9_] (len if none). */
static inline size_t skip_ident_bytes(const unsigned char *src, size_t i, size_t len)
{
#if defined(__SSE2__)
    while (len - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
        __m128i letter = bytes_in_range(_mm_or_si128(v, _mm_set1_epi8(0x20)), 'a', 26);
        __m128i digit = bytes_in_range(v, '0', 10);
        __m128i under = _mm_cmpeq_epi8(v, _mm_set1_epi8('_'));
        unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(letter, digit), under)) & 0xFFFFu;
        if (other)
            return i + (size_t)__builtin_ctz(other);
        i += 16;
    }
#endif
    while (i < len && (byte_class[src[i]] & IDENT_BYTE))
        i++;
    return i;
}

/* The first offset from i on whose byte ends or complicates a string
 * literal: '"', '\\', a newline, NUL or a non-ASCII byte (len if none). */
static inline size_t skip_plain_string_bytes(const unsigned char *src, size_t i, size_t len)
{
#if defined(__SSE2__)
    while (len - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
        __m128i stop = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                                 _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
                                    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                                                 _mm_cmpeq_epi8(v, _mm_setzero_si128())));
        /* movemask also takes every byte's top bit: the non-ASCII ones */
        unsigned hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(stop, v));
        if (hits)
            return i + (size_t)__builtin_ctz(hits);
        i += 16;
    }
#endif
    while (i < len) {
        unsigned char b = src[i];
        if (b == '"' || b == '\\' || b == '\n' || b == 0 || b >= 0x80)
            break;
        i++;
    }
    return i;
}

/* How the fast path starts a token on each byte. */
enum {
    START_SLOW,     /* scan_token's */
    START_LETTER,   /* identifier or keyword */
    START_DIGIT,    /* number */
    START_NEWLINE,  /* an automatic semicolon (whitespace is skipped first) */
    START_QUOTE,    /* '"' */
    START_SINGLE,   /* a one-byte token whatever follows: single_token */
    START_OPERATOR, /* an operator of one to three bytes */
};
static const unsigned char start_class[256] = {
    ['\n'] = START_NEWLINE, ['"'] = START_QUOTE,
    ['('] = START_SINGLE, [')'] = START_SINGLE, ['['] = START_SINGLE, [']'] = START_SINGLE,
    ['{'] = START_SINGLE, ['}'] = START_SINGLE, [','] = START_SINGLE, [';'] = START_SINGLE,
    ['~'] = START_SINGLE,
    ['.'] = START_OPERATOR, [':'] = START_OPERATOR, ['='] = START_OPERATOR, ['!'] = START_OPERATOR,
    ['*'] = START_OPERATOR, ['%'] = START_OPERATOR, ['^'] = START_OPERATOR, ['/'] = START_OPERATOR,
    ['+'] = START_OPERATOR, ['-'] = START_OPERATOR, ['|'] = START_OPERATOR, ['&'] = START_OPERATOR,
    ['<'] = START_OPERATOR, ['>'] = START_OPERATOR,
    ['0'] = START_DIGIT, ['1'] = START_DIGIT, ['2'] = START_DIGIT, ['3'] = START_DIGIT, ['4'] = START_DIGIT,
    ['5'] = START_DIGIT, ['6'] = START_DIGIT, ['7'] = START_DIGIT, ['8'] = START_DIGIT, ['9'] = START_DIGIT,
    ['_'] = START_LETTER,
    ['A'] = START_LETTER, ['B'] = START_LETTER, ['C'] = START_LETTER, ['D'] = START_LETTER,
    ['E'] = START_LETTER, ['F'] = START_LETTER, ['G'] = START_LETTER, ['H'] = START_LETTER,
    ['I'] = START_LETTER, ['J'] = START_LETTER, ['K'] = START_LETTER, ['L'] = START_LETTER,
    ['M'] = START_LETTER, ['N'] = START_LETTER, ['O'] = START_LETTER, ['P'] = START_LETTER,
    ['Q'] = START_LETTER, ['R'] = START_LETTER, ['S'] = START_LETTER, ['T'] = START_LETTER,
    ['U'] = START_LETTER, ['V'] = START_LETTER, ['W'] = START_LETTER, ['X'] = START_LETTER,
    ['Y'] = START_LETTER, ['Z'] = START_LETTER,
    ['a'] = START_LETTER, ['b'] = START_LETTER, ['c'] = START_LETTER, ['d'] = START_LETTER,
    ['e'] = START_LETTER, ['f'] = START_LETTER, ['g'] = START_LETTER, ['h'] = START_LETTER,
    ['i'] = START_LETTER, ['j'] = START_LETTER, ['k'] = START_LETTER, ['l'] = START_LETTER,
    ['m'] = START_LETTER, ['n'] = START_LETTER, ['o'] = START_LETTER, ['p'] = START_LETTER,
    ['q'] = START_LETTER, ['r'] = START_LETTER, ['s'] = START_LETTER, ['t'] = START_LETTER,
    ['u'] = START_LETTER, ['v'] = START_LETTER, ['w'] = START_LETTER, ['x'] = START_LETTER,
    ['y'] = START_LETTER, ['z'] = START_LETTER,
};
static const unsigned char single_token[128] = {
    ['('] = GOAT_TOK_LPAREN, [')'] = GOAT_TOK_RPAREN, ['['] = GOAT_TOK_LBRACK, [']'] = GOAT_TOK_RBRACK,
    ['{'] = GOAT_TOK_LBRACE, ['}'] = GOAT_TOK_RBRACE, [','] = GOAT_TOK_COMMA, [';'] = GOAT_TOK_SEMICOLON,
    ['~'] = GOAT_TOK_TILDE,
};

/* The operator at src[pos] (ch) followed by b1 and b2 (0 past the end):
 * its kind, and its length in *n; ILLEGAL for what the fast path leaves to
 * scan_token ('/' opening a comment, '.' before a digit or ".."). */
static inline goat_tok fast_operator(unsigned ch, unsigned b1, unsigned b2, size_t *n)
{
    *n = 1;
    switch (ch) {
    case '.':
        return b1 == '.' || is_decimal((int)b1) ? GOAT_TOK_ILLEGAL : GOAT_TOK_PERIOD;
    case ':':
        return b1 == '=' ? (*n = 2, GOAT_TOK_DEFINE) : GOAT_TOK_COLON;
    case '=':
        return b1 == '=' ? (*n = 2, GOAT_TOK_EQL) : GOAT_TOK_ASSIGN;
    case '!':
        return b1 == '=' ? (*n = 2, GOAT_TOK_NEQ) : GOAT_TOK_NOT;
    case '*':
        return b1 == '=' ? (*n = 2, GOAT_TOK_MUL_ASSIGN) : GOAT_TOK_MUL;
    case '%':
        return b1 == '=' ? (*n = 2, GOAT_TOK_REM_ASSIGN) : GOAT_TOK_REM;
    case '^':
        return b1 == '=' ? (*n = 2, GOAT_TOK_XOR_ASSIGN) : GOAT_TOK_XOR;
    case '/':
        if (b1 == '/' || b1 == '*')
            return GOAT_TOK_ILLEGAL;
        return b1 == '=' ? (*n = 2, GOAT_TOK_QUO_ASSIGN) : GOAT_TOK_QUO;
    case '+':
        return b1 == '=' ? (*n = 2, GOAT_TOK_ADD_ASSIGN) : b1 == '+' ? (*n = 2, GOAT_TOK_INC) : GOAT_TOK_ADD;
    case '-':
        return b1 == '=' ? (*n = 2, GOAT_TOK_SUB_ASSIGN) : b1 == '-' ? (*n = 2, GOAT_TOK_DEC) : GOAT_TOK_SUB;
    case '|':
        return b1 == '=' ? (*n = 2, GOAT_TOK_OR_ASSIGN) : b1 == '|' ? (*n = 2, GOAT_TOK_LOR) : GOAT_TOK_OR;
    case '&':
        if (b1 == '^')
            return b2 == '=' ? (*n = 3, GOAT_TOK_AND_NOT_ASSIGN) : (*n = 2, GOAT_TOK_AND_NOT);
        return b1 == '=' ? (*n = 2, GOAT_TOK_AND_ASSIGN) : b1 == '&' ? (*n = 2, GOAT_TOK_LAND) : GOAT_TOK_AND;
    case '<':
        if (b1 == '<')
            return b2 == '=' ? (*n = 3, GOAT_TOK_SHL_ASSIGN) : (*n = 2, GOAT_TOK_SHL);
        return b1 == '-' ? (*n = 2, GOAT_TOK_ARROW) : b1 == '=' ? (*n = 2, GOAT_TOK_LEQ) : GOAT_TOK_LSS;
    case '>':
        if (b1 == '>')
            return b2 == '=' ? (*n = 3, GOAT_TOK_SHR_ASSIGN) : (*n = 2, GOAT_TOK_SHR);
        return b1 == '=' ? (*n = 2, GOAT_TOK_GEQ) : GOAT_TOK_GTR;
    default:
        return GOAT_TOK_ILLEGAL;
    }
}

/* A token the fast path scanned: its literal is src[pos, pos + lit_len)
 * (for an automatic semicolon the newline itself; empty for operators). */
typedef struct fast_token {
    goat_tok kind;
    bool insert_semi; /* the semicolon flag after it */
    size_t pos, end, lit_len;
} fast_token;

/* One token on the fast path from offset at, where src[at] is plain ASCII
 * and semi is the semicolon flag. On success fills t and returns true;
 * otherwise returns false with *resume past the whitespace skipped, where
 * scan_token must carry on. */
static inline __attribute__((always_inline)) bool fast_scan(const unsigned char *src, size_t len, size_t at,
                                                            bool semi, bool comments, fast_token *t,
                                                            size_t *resume)
{
    unsigned space = semi ? SPACE_BYTE : SPACE_BYTE | NEWLINE_BYTE;
    size_t pos = at;
    if (byte_class[src[pos]] & space) {
        do
            pos++;
        while (pos < len && (byte_class[src[pos]] & space));
        /* a NUL or non-ASCII byte here is START_SLOW's, below */
        if (pos >= len) {
            *resume = pos;
            return false;
        }
    }
    unsigned ch = src[pos];
    size_t end, lit_len;
    goat_tok kind;
    bool insert_semi = true;
    unsigned start = start_class[ch];
    if (start > START_OPERATOR)
        __builtin_unreachable(); /* the table holds no other value: no range check before the jump */
    switch (start) {
    case START_LETTER: {
        end = skip_ident_bytes(src, pos + 1, len);
        lit_len = end - pos;
        if (lit_len > 1) {
            kind = lookup_keyword_fast(src + pos, lit_len, len - pos);
            insert_semi = word_ends_statement(kind);
        } else {
            kind = GOAT_TOK_IDENT;
        }
        break;
    }
    case START_DIGIT:
        /* a plain decimal integer: a single 0 or no leading 0, ending in
         * neither a letter, digit, '_' nor '.' (no octal, prefix, fraction,
         * exponent, imaginary or separator to check); or a plain
         * hexadecimal one */
        end = pos + 1;
        if (ch != '0') {
            while (end < len && (byte_class[src[end]] & DECIMAL_BYTE))
                end++;
        } else if (end + 1 < len && lower(src[end]) == 'x' && (byte_class[src[end + 1]] & HEX_BYTE)) {
            end += 2;
            while (end < len && (byte_class[src[end]] & HEX_BYTE))
                end++;
        }
        if (end < len && (src[end] == '.' || (byte_class[src[end]] & IDENT_BYTE)))
            goto slow;
        kind = GOAT_TOK_INT;
        lit_len = end - pos;
        break;
    case START_NEWLINE: /* reached only with semi set */
        kind = GOAT_TOK_SEMICOLON;
        end = pos + 1;
        lit_len = 1;
        insert_semi = false;
        break;
    case START_QUOTE:
        end = skip_plain_string_bytes(src, pos + 1, len);
        if (end >= len || src[end] != '"')
            goto slow;
        end++;
        kind = GOAT_TOK_STRING;
        lit_len = end - pos;
        break;
    case START_SINGLE:
        kind = single_token[ch];
        end = pos + 1;
        lit_len = kind == GOAT_TOK_SEMICOLON;
        insert_semi = kind == GOAT_TOK_RPAREN || kind == GOAT_TOK_RBRACK || kind == GOAT_TOK_RBRACE;
        break;
    case START_OPERATOR: {
        unsigned b1 = pos + 1 < len ? src[pos + 1] : 0;
        unsigned b2 = pos + 2 < len ? src[pos + 2] : 0;
        if (ch == '/' && b1 == '/' && comments && !semi) {
            /* a //-comment of plain text to the end of its line, not a
             * //line directive (after a token that ends a statement the
             * comment's newline is a semicolon first: scan_token's) */
            end = skip_comment_text((const char *)src, pos + 2, len);
            if (end >= len || src[end] != '\n' || (end - pos >= 7 && memcmp(src + pos + 2, "line ", 5) == 0))
                goto slow;
            kind = GOAT_TOK_COMMENT;
            lit_len = end - pos;
            insert_semi = false;
            break;
        }
        size_t n;
        kind = fast_operator(ch, b1, b2, &n);
        if (kind == GOAT_TOK_ILLEGAL)
            goto slow;
        end = pos + n;
        lit_len = 0;
        insert_semi = kind == GOAT_TOK_INC || kind == GOAT_TOK_DEC;
        break;
    }
    default:
        goto slow;
    }
    /* the byte after the token must be one next() reads without a word */
    if (end >= len || !plain_ascii(src[end]))
        goto slow;
    t->kind = kind;
    t->insert_semi = insert_semi;
    t->pos = pos;
    t->end = end;
    t->lit_len = lit_len;
    return true;
slow:
    *resume = pos;
    return false;
}

/* Moves the state to the plain ASCII character at offset at. */
static inline void move_to_plain(goat_lexer_state *s, const unsigned char *src, size_t at)
{
    s->ch = src[at];
    s->offset = at;
    s->rd_offset = at + 1;
}

/* The slow path from offset resume (whitespace already skipped), out of
 * line so that the fast path keeps its registers. */
static goat_token __attribute__((noinline)) scan_from(goat_lexer *lx, size_t resume)
{
    const unsigned char *src = (const unsigned char *)lx->config.src;
    if (resume < lx->config.len && plain_ascii(src[resume]))
        move_to_plain(&lx->state, src, resume);
    else
        seek(lx, resume); /* next() reads that character, and reports what is wrong with it */
    return scan_token(lx);
}

goat_token goat_lexer_next(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    if (!plain_ascii((unsigned)s->ch))
        return scan_token(lx);
    const unsigned char *src = (const unsigned char *)lx->config.src;
    fast_token t;
    size_t resume;
    if (!fast_scan(src, lx->config.len, s->offset, s->insert_semi, lx->config.mode & GOAT_LEX_COMMENTS, &t,
                   &resume))
        return scan_from(lx, resume);
    s->insert_semi = t.insert_semi;
    move_to_plain(s, src, t.end);
    return (goat_token){.kind = t.kind, .pos = t.pos, .end = t.end, .lit = (const char *)src + t.pos,
                        .lit_len = t.lit_len};
}

size_t goat_lexer_scan_ahead(goat_lexer *lx, goat_lexed *out, size_t cap, goat_lexed *comments,
                             size_t comments_cap, size_t *comment_count)
{
    goat_lexer_state *s = &lx->state;
    size_t len = lx->config.len;
    *comment_count = 0;
    if (!plain_ascii((unsigned)s->ch) || len > UINT32_MAX)
        return 0;
    const unsigned char *src = (const unsigned char *)lx->config.src;
    size_t at = s->offset, resume;
    bool semi = s->insert_semi;
    /* bounds as pointers, so that the loop keeps its state in registers */
    goat_lexed *o = out, *o_end = out + cap;
    goat_lexed *cm = comments, *cm_end = comments_cap > 0 && (lx->config.mode & GOAT_LEX_COMMENTS)
                                          ? comments + comments_cap : comments;
    fast_token t;
    while (o < o_end && fast_scan(src, len, at, semi, cm < cm_end, &t, &resume)) {
        goat_lexed lexed = {(uint32_t)t.pos, (uint32_t)t.lit_len, t.kind};
        if (__builtin_expect(t.kind == GOAT_TOK_COMMENT, 0))
            *cm++ = lexed; /* once full, the rest are scan_token's */
        else
            *o++ = lexed;
        semi = t.insert_semi;
        at = t.end;
    }
    size_t n = (size_t)(o - out), c = (size_t)(cm - comments);
    if (n + c > 0) {
        s->insert_semi = semi;
        move_to_plain(s, src, at);
    }
    *comment_count = c;
    return n;
}

void goat_lexer_init(goat_lexer *lx, const goat_lexer_config *config)
{
    memset(lx, 0, sizeof *lx);
    lx->config = *config;
    if (lx->config.src == NULL)
        lx->config.src = "";
    goat_lexer_state *s = &lx->state;
    s->ch = ' ';
    next(lx);
    if (s->ch == BOM)
        next(lx); /* a BOM is allowed only at the very start */
}

void goat_lexer_free(goat_lexer *lx)
{
    goat_lexer_state *s = &lx->state;
    for (size_t i = 0; i < s->owned_count; i++)
        free(s->owned[i]);
    free(s->owned);
    for (size_t i = 0; i < s->line_info_count; i++)
        free(s->line_infos[i].filename);
    free(s->line_infos);
    s->line_infos = NULL;
    s->line_info_count = s->line_info_cap = 0;
    free(s->first_error);
    s->owned = NULL;
    s->owned_count = s->owned_cap = 0;
    s->first_error = NULL;
}

goat_error *goat_lexer_error(const goat_lexer *lx)
{
    const goat_lexer_state *s = &lx->state;
    if (s->first_error == NULL)
        return NULL;
    goat_lines lines;
    goat_lines_init(&lines, lx->config.src, lx->config.len);
    int line, col;
    goat_lines_position(&lines, s->first_error_offset, &line, &col);
    goat_lines_free(&lines);
    return goat_error_new(lx->config.filename, line, col, "%s", s->first_error);
}
