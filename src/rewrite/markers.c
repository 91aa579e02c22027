/* SPDX-License-Identifier: MIT */
#include "rewrite/markers.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/lexer.h"
#include "util/find.h"
#include "util/lines.h"
#include "util/xalloc.h"

/* Group 1: the comment; group 2: the marker word; group 3: the hint. */
static const char marker_pattern[] =
    "^[ \\t]*(// \\+goat:(generate|main|user|delete|insert|end)(?![A-Za-z0-9_]))([^\\r\\n]*)";

typedef struct marker_line {
    goat_marker_kind kind;
    bool is_end;
    size_t start, comment, hint, hint_len, next; /* next: after the line ending */
} marker_line;

static size_t after_line(const char *src, size_t len, size_t pos)
{
    while (pos < len && src[pos] != '\n')
        pos++;
    return pos < len ? pos + 1 : len;
}

static bool kind_of(const char *word, size_t n, goat_marker_kind *kind)
{
    static const struct { const char *name; goat_marker_kind kind; } names[] = {
        {"generate", GOAT_MARKER_GENERATE}, {"main", GOAT_MARKER_MAIN},
        {"user", GOAT_MARKER_USER},         {"delete", GOAT_MARKER_DELETE},
        {"insert", GOAT_MARKER_INSERT},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strlen(names[i].name) == n && memcmp(names[i].name, word, n) == 0) {
            *kind = names[i].kind;
            return true;
        }
    }
    return false;
}

/* Offsets at which a comment token starts, in increasing order. A line that
 * looks like a marker but lies inside a raw string (or any literal) is text,
 * not a marker: treating it as one would cut the literal apart. */
typedef struct comment_starts {
    size_t *items;
    size_t count, cap;
} comment_starts;

static void add_comment_start(comment_starts *out, size_t pos)
{
    goat_grow((void **)&out->items, &out->cap, out->count + 1, sizeof *out->items);
    out->items[out->count++] = pos;
}

static void collect_comment_starts(const char *src, size_t len, const goat_node *file, comment_starts *out)
{
    if (file) {
        for (size_t i = 0; i < file->u.file.comment_count; i++)
            add_comment_start(out, (size_t)file->u.file.comments[i].pos);
        return;
    }
    goat_lexer lx;
    goat_lexer_config config = {.filename = "", .src = src, .len = len, .mode = GOAT_LEX_COMMENTS};
    goat_lexer_init(&lx, &config);
    for (goat_token tok = goat_lexer_next(&lx); tok.kind != GOAT_TOK_EOF; tok = goat_lexer_next(&lx)) {
        if (tok.kind == GOAT_TOK_COMMENT)
            add_comment_start(out, tok.pos);
    }
    goat_lexer_free(&lx);
}

static bool is_comment_start(const comment_starts *starts, size_t offset)
{
    size_t lo = 0, hi = starts->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts->items[mid] < offset)
            lo = mid + 1;
        else if (starts->items[mid] > offset)
            hi = mid;
        else
            return true;
    }
    return false;
}

static void push(goat_markers *m, goat_marker mk)
{
    goat_grow((void **)&m->items, &m->cap, m->count + 1, sizeof *m->items);
    m->items[m->count++] = mk;
}

bool goat_markers_possible(const char *src, size_t len)
{
    return goat_find(src, len, "// +goat:", 9) != NULL;
}

goat_error *goat_markers_find(const char *filename, const char *src, size_t len, const goat_node *file,
                              goat_markers *out)
{
    memset(out, 0, sizeof *out);
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)marker_pattern, PCRE2_ZERO_TERMINATED, PCRE2_MULTILINE,
                                   &errcode, &erroff, NULL);
    if (!re)
        return goat_error_new(NULL, 0, 0, "internal error: bad marker pattern");
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);

    marker_line *found = NULL;
    size_t nfound = 0, cap = 0;
    size_t pos = 0;
    comment_starts comments = {NULL, 0, 0};
    bool lexed = false;
    while (pos <= len) {
        int rc = pcre2_match(re, (PCRE2_SPTR)src, len, pos, 0, md, NULL);
        if (rc < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t mstart = ov[0];
        size_t word = ov[4], word_len = ov[5] - ov[4];
        marker_line ml = {0};
        ml.start = mstart;
        ml.comment = ov[2];
        ml.hint = ov[6];
        ml.hint_len = ov[7] - ov[6];
        ml.is_end = word_len == 3 && memcmp(src + word, "end", 3) == 0;
        if (!ml.is_end)
            kind_of(src + word, word_len, &ml.kind);
        ml.next = after_line(src, len, ov[1]);
        if (!lexed) { /* only files that look like they have markers pay for this */
            collect_comment_starts(src, len, file, &comments);
            lexed = true;
        }
        if (is_comment_start(&comments, ml.comment)) {
            goat_grow((void **)&found, &cap, nfound + 1, sizeof *found);
            found[nfound++] = ml;
        }
        if (ml.next <= pos)
            break;
        pos = ml.next;
        if (pos >= len)
            break;
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    free(comments.items);

    goat_error *err = NULL;
    for (size_t i = 0; i < nfound && !err; i++) {
        marker_line *ml = &found[i];
        if (ml->is_end)
            continue; /* a stray end line is left alone, as the reference does */
        goat_marker mk = {0};
        mk.kind = ml->kind;
        mk.start = ml->start;
        mk.indent_len = ml->comment - ml->start;
        mk.hint = ml->hint;
        mk.hint_len = ml->hint_len;
        if (ml->kind == GOAT_MARKER_INSERT) {
            mk.end = ml->next;
        } else {
            size_t j = i + 1;
            while (j < nfound && !found[j].is_end)
                j++;
            if (j == nfound) {
                goat_lines lines;
                goat_lines_init(&lines, src, len);
                int line, col;
                goat_lines_position(&lines, ml->comment, &line, &col);
                goat_lines_free(&lines);
                err = goat_error_new(filename, line, col, "%.*s without a matching // +goat:end",
                                     (int)(ml->hint - ml->comment), src + ml->comment);
                break;
            }
            mk.end = found[j].next;
            i = j;
        }
        push(out, mk);
    }
    if (!err && out->count) {
        goat_lines lines;
        goat_lines_init(&lines, src, len);
        for (size_t i = 0; i < out->count; i++) {
            int col;
            goat_lines_position(&lines, out->items[i].start, &out->items[i].line, &col);
        }
        goat_lines_free(&lines);
    }
    free(found);
    if (err)
        goat_markers_free(out);
    return err;
}

void goat_markers_free(goat_markers *m)
{
    free(m->items);
    memset(m, 0, sizeof *m);
}

const char *goat_line_ending_at(const char *src, size_t len, size_t offset)
{
    if (offset >= len)
        return "\n";
    const char *nl = memchr(src + offset, '\n', len - offset);
    size_t p = nl ? (size_t)(nl - src) : len;
    if (p < len && p > 0 && src[p - 1] == '\r')
        return "\r\n";
    return "\n";
}

const char *goat_file_line_ending(const char *src, size_t len)
{
    const char *nl = memchr(src, '\n', len);
    if (nl && nl > src && nl[-1] == '\r')
        return "\r\n";
    return "\n";
}

/* ---- near misses ---- */

/* Every word that may follow `// +goat:` (tips is the second line of a
 * block goat writes). */
static const char *const marker_words[] = {"generate", "main", "user", "delete", "insert", "end", "tips"};

static bool ascii_ieq(const char *a, size_t alen, const char *b)
{
    size_t n = strlen(b);
    if (alen != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

/* Edit distance of the lower-cased word to a marker word, capped at 3. */
static size_t word_distance(const char *w, size_t n, const char *known)
{
    enum { CAP = 3, MAXLEN = 32 };
    size_t m = strlen(known);
    if (n > MAXLEN || (n > m ? n - m : m - n) >= CAP)
        return CAP;
    size_t row[MAXLEN + 1], prev[MAXLEN + 1];
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        char c = w[i - 1];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t best = prev[j - 1] + (c != known[j - 1]);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
        }
        memcpy(prev, row, (m + 1) * sizeof *row);
    }
    return prev[m] < CAP ? prev[m] : CAP;
}

/* The marker word closest to w (with allow_prefix, a marker word that
 * begins w counts: "inserts" is "insert"), or NULL when none is within one
 * edit (two for long words). */
static const char *closest_marker_word(const char *w, size_t n, bool allow_prefix)
{
    const char *best = NULL;
    size_t best_d = 3;
    for (size_t k = 0; k < sizeof marker_words / sizeof *marker_words; k++) {
        const char *known = marker_words[k];
        size_t m = strlen(known);
        size_t d = allow_prefix && n > m && ascii_ieq(w, m, known) ? 1 : word_distance(w, n, known);
        size_t allowed = m >= 6 ? 2 : 1;
        if (d <= allowed && d < best_d) {
            best = known;
            best_d = d;
        }
    }
    return best;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_word_byte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* The warning for one comment, or NULL when it is a marker or plainly not
 * meant as one. text is the comment's first line. */
static char *near_miss_message(const char *text, size_t n, bool alone)
{
    bool line_comment = n >= 2 && text[1] == '/';
    size_t i = 2;
    while (i < n && is_blank(text[i]))
        i++;
    bool plus = i < n && text[i] == '+';
    if (plus)
        i++;
    while (i < n && is_blank(text[i]))
        i++;
    if (i + 4 > n || !ascii_ieq(text + i, 4, "goat"))
        return NULL;
    i += 4;
    size_t before_colon = i;
    while (i < n && is_blank(text[i]))
        i++;
    if (i >= n || text[i] != ':')
        return NULL;
    bool tight = i == before_colon;
    i++;
    bool gap = i < n && is_blank(text[i]);
    while (i < n && is_blank(text[i]))
        i++;
    size_t word = i;
    while (i < n && is_word_byte(text[i]))
        i++;
    size_t word_len = i - word;
    const char *known = closest_marker_word(text + word, word_len, plus);
    bool exact_word = false;
    for (size_t k = 0; k < sizeof marker_words / sizeof *marker_words; k++)
        exact_word = exact_word ||
                     (strlen(marker_words[k]) == word_len && memcmp(text + word, marker_words[k], word_len) == 0);
    bool exact = line_comment && word == 9 && memcmp(text, "// +goat:", 9) == 0 && exact_word;
    if (exact && alone)
        return NULL; /* a marker */
    /* Without the '+', only "goat:WORD" alone in the comment, WORD close to
     * a marker's, reads as an attempt: "// goat: end of story" does not. */
    if (!plus) {
        size_t rest = i;
        while (rest < n && is_blank(text[rest]))
            rest++;
        if (!known || gap || !tight || rest < n)
            return NULL;
    }
    int shown = (int)(n > 60 ? 60 : n);
    if (!known)
        return goat_xasprintf("warning: \"%.*s\" names no goat marker, so goat ignores it (the markers: "
                              "// +goat:insert, and // +goat:generate, main, user or delete ... // +goat:end)",
                              shown, text);
    if (exact)
        return goat_xasprintf("warning: \"%.*s\" is not a goat marker: a marker stands alone on its line, so goat "
                              "ignores it (move it to a line of its own)",
                              shown, text);
    return goat_xasprintf("warning: \"%.*s\" is not a goat marker, so goat ignores it (write \"// +goat:%s\" "
                          "alone on its line)",
                          shown, text, known);
}

/* Whether the text holds "goat", blanks, ':' anywhere, in any case: files
 * without it need no lexing. */
static bool may_hold_near_miss(const char *src, size_t len)
{
    for (size_t i = 0; i + 5 <= len; i++) {
        if ((src[i] | 0x20) != 'g' || !ascii_ieq(src + i, 4, "goat"))
            continue;
        size_t j = i + 4;
        while (j < len && is_blank(src[j]))
            j++;
        if (j < len && src[j] == ':')
            return true;
    }
    return false;
}

goat_error *goat_markers_near_misses(const char *filename, const char *src, size_t len, size_t *count)
{
    *count = 0;
    if (!may_hold_near_miss(src, len))
        return NULL;
    goat_error *list = NULL;
    size_t cap = 0;
    goat_lines lines;
    goat_lines_init(&lines, src, len);
    goat_lexer lx;
    goat_lexer_config config = {.filename = filename, .src = src, .len = len, .mode = GOAT_LEX_COMMENTS};
    goat_lexer_init(&lx, &config);
    for (goat_token tok = goat_lexer_next(&lx); tok.kind != GOAT_TOK_EOF; tok = goat_lexer_next(&lx)) {
        if (tok.kind != GOAT_TOK_COMMENT)
            continue;
        size_t n = tok.lit_len;
        const char *nl = memchr(tok.lit, '\n', n);
        if (nl)
            n = (size_t)(nl - tok.lit);
        while (n > 0 && tok.lit[n - 1] == '\r')
            n--;
        size_t p = tok.pos;
        while (p > 0 && is_blank(src[p - 1]))
            p--;
        bool alone = p == 0 || src[p - 1] == '\n';
        char *message = near_miss_message(tok.lit, n, alone);
        if (!message)
            continue;
        goat_grow((void **)&list, &cap, *count + 1, sizeof *list);
        goat_error *w = &list[(*count)++];
        memset(w, 0, sizeof *w);
        w->file = goat_xstrdup(filename);
        goat_lines_position(&lines, tok.pos, &w->line, &w->col);
        w->message = message;
    }
    goat_lexer_free(&lx);
    goat_lines_free(&lines);
    return list;
}

void goat_markers_near_misses_free(goat_error *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(list[i].file);
        free(list[i].message);
    }
    free(list);
}

size_t goat_markers_warn_near_misses(const char *filename, const char *src, size_t len, FILE *out)
{
    size_t count = 0;
    goat_error *list = goat_markers_near_misses(filename, src, len, &count);
    for (size_t i = 0; i < count; i++)
        goat_error_print(&list[i], out);
    goat_markers_near_misses_free(list, count);
    return count;
}
