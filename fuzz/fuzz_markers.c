/* SPDX-License-Identifier: MIT */
/* Harness 3: marker handling on arbitrary text.
 *
 * goat_rewrite_clean and goat_rewrite_patch run on any bytes, typically Go
 * text with `// +goat:` comments in odd places. Neither may crash or leak,
 * and when one succeeds:
 *   - every line outside the goat markers survives, in order (compared
 *     without white space and semicolons, since clean may join a body that
 *     goat had opened onto several lines);
 *   - cleaning is idempotent: clean(clean(x)) == clean(x);
 *   - patching text that parses gives text that parses.
 *
 * "Outside the markers" is deliberately generous to the code under test: a
 * line may go when it mentions +goat:, TRACK_ID_ or the goat import path,
 * when it holds a quote and a NAME that the input uses as `NAME.Track(` or
 * `NAME.ServeHTTP(` (an import of the goat package under another alias), or
 * when it lies between a `// +goat:generate|delete|main|user` line and the
 * next `// +goat:end` line, pairing them either in one pass over all kinds
 * or kind by kind (the reference's clean runs one regular expression per
 * kind, so a block of one kind may swallow another's end).
 *
 * The near-miss warnings (comments that look meant as markers) must each
 * point at a comment, in source order. */
#include <stdbool.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "rewrite/markers.h"
#include "rewrite/rewrite.h"
#include "util/lines.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const goat_rewrite_options options = {
    .granularity = GOAT_GRANULARITY_LINE,
    .alias = "goat",
    .import_path = "example.com/app/goat",
    .first_id = 1,
};

typedef struct line {
    const char *text;
    size_t len; /* without the '\n' */
} line;

typedef struct lines {
    line *items;
    size_t count, cap;
} lines;

static void split_lines(const char *src, size_t len, lines *out)
{
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || src[i] == '\n') {
            if (i == len && start == len && len > 0)
                break;
            void *items = out->items;
            goat_grow(&items, &out->cap, out->count + 1, sizeof(line));
            out->items = items;
            out->items[out->count++] = (line){src + start, i - start};
            start = i + 1;
        }
    }
}

static bool has(const line *l, const char *needle)
{
    size_t n = strlen(needle);
    return n <= l->len && memmem(l->text, l->len, needle, n) != NULL;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Whether the line is, after leading white space, `// +goat:` + kind...;
 * with whole, kind must not go on with a letter, a digit or '_'. */
static bool is_marker_word(const line *l, const char *kind, bool whole)
{
    size_t i = 0;
    while (i < l->len && is_space(l->text[i]))
        i++;
    static const char prefix[] = "// +goat:";
    size_t plen = sizeof prefix - 1, klen = strlen(kind);
    if (l->len - i < plen + klen || memcmp(l->text + i, prefix, plen) != 0 ||
        memcmp(l->text + i + plen, kind, klen) != 0)
        return false;
    size_t after = i + plen + klen;
    char next = after < l->len ? l->text[after] : ' ';
    return !whole || !(next == '_' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                       (next >= '0' && next <= '9'));
}

static bool is_marker(const line *l, const char *kind)
{
    return is_marker_word(l, kind, false);
}

static const char *const block_kinds[] = {"generate", "delete", "main", "user"};
enum { BLOCK_KIND_COUNT = sizeof block_kinds / sizeof block_kinds[0] };

static bool is_opener(const line *l, int kind)
{
    if (kind >= 0)
        return is_marker(l, block_kinds[kind]);
    for (int k = 0; k < BLOCK_KIND_COUNT; k++)
        if (is_marker(l, block_kinds[k]))
            return true;
    return false;
}

/* Marks the lines from each opener of kind (-1: any kind) through the next
 * end marker, read both as the reference's regular expressions read it
 * (any line starting `// +goat:end`) and as goat does (`// +goat:endx` is
 * no end). An opener without an end marks nothing. */
static void mark_blocks(const lines *ls, int kind, bool *removable)
{
    for (int whole = 0; whole < 2; whole++) {
        for (size_t i = 0; i < ls->count; i++) {
            if (!is_opener(&ls->items[i], kind))
                continue;
            size_t end = i + 1;
            while (end < ls->count && !is_marker_word(&ls->items[end], "end", whole))
                end++;
            if (end == ls->count)
                continue;
            for (size_t j = i; j <= end; j++)
                removable[j] = true;
            i = end;
        }
    }
}

/* The text of a line without white space and semicolons. */
static void squeeze(const line *l, goat_strbuf *out)
{
    for (size_t i = 0; i < l->len; i++)
        if (!is_space(l->text[i]) && l->text[i] != ';')
            goat_strbuf_putc(out, l->text[i]);
}

static bool ident_char(char c)
{
    return c == '_' || (unsigned char)c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* Whether the line holds a quote and a word that src calls Track or
 * ServeHTTP on. */
static bool imports_a_call_name(const line *l, const char *src, size_t len)
{
    if (!memchr(l->text, '"', l->len) && !memchr(l->text, '`', l->len))
        return false;
    static const char *const calls[] = {".Track(", ".ServeHTTP("};
    for (size_t c = 0; c < 2; c++) {
        size_t clen = strlen(calls[c]);
        for (const char *p = src; (p = memmem(p, (size_t)(src + len - p), calls[c], clen)) != NULL; p += clen) {
            const char *w = p;
            while (w > src && ident_char(w[-1]))
                w--;
            for (size_t i = 0; w < p && i + (size_t)(p - w) <= l->len; i++)
                if (memcmp(l->text + i, w, (size_t)(p - w)) == 0)
                    return true;
        }
    }
    return false;
}

/* Takes goat's import out of a squeezed output where goat put it inside
 * a line: after a package clause followed by more code on its line, the
 * declaration goes right after the package name (`package p; import goat
 * "..."; ...`), which no line of the input can span. Only when the
 * squeezed input holds no such text: then every copy is goat's. */
static void drop_inline_import(goat_strbuf *squeezed, const goat_strbuf *squeezed_in)
{
    char spec[256];
    int n = snprintf(spec, sizeof spec, "import%s\"%s\"", options.alias, options.import_path);
    if (n <= 0 || (size_t)n >= sizeof spec || !squeezed->data ||
        (squeezed_in->data && memmem(squeezed_in->data, squeezed_in->len, spec, (size_t)n)))
        return;
    char *hit;
    while ((hit = memmem(squeezed->data, squeezed->len, spec, (size_t)n)) != NULL) {
        size_t at = (size_t)(hit - squeezed->data);
        memmove(hit, hit + n, squeezed->len - at - (size_t)n);
        squeezed->len -= (size_t)n;
    }
}

static void check_lines_kept(const char *what, const char *src, size_t len,
                             const char *out, size_t out_len)
{
    lines in = {0}, all_out = {0};
    split_lines(src, len, &in);
    split_lines(out, out_len, &all_out);
    bool *removable = goat_xcalloc(in.count ? in.count : 1, sizeof(bool));
    mark_blocks(&in, -1, removable);
    for (int k = 0; k < BLOCK_KIND_COUNT; k++)
        mark_blocks(&in, k, removable);
    for (size_t i = 0; i < in.count; i++)
        if (has(&in.items[i], "+goat:") || has(&in.items[i], "TRACK_ID_") ||
            has(&in.items[i], options.import_path) || imports_a_call_name(&in.items[i], src, len))
            removable[i] = true;

    goat_strbuf squeezed_out = GOAT_STRBUF_INIT;
    for (size_t i = 0; i < all_out.count; i++)
        squeeze(&all_out.items[i], &squeezed_out);
    goat_strbuf squeezed_in = GOAT_STRBUF_INIT;
    for (size_t i = 0; i < in.count; i++)
        squeeze(&in.items[i], &squeezed_in);
    drop_inline_import(&squeezed_out, &squeezed_in);
    goat_strbuf_free(&squeezed_in);

    size_t at = 0;
    goat_strbuf kept = GOAT_STRBUF_INIT;
    for (size_t i = 0; i < in.count; i++) {
        if (removable[i])
            continue;
        kept.len = 0;
        squeeze(&in.items[i], &kept);
        /* Lone braces and parentheses, `import` and `import(` may go with
         * the goat import's declaration (`import` may stand on a line of
         * its own before the spec); they prove little anyway. */
        if (kept.len < 2 || (kept.len == 6 && memcmp(kept.data, "import", 6) == 0) ||
            (kept.len == 7 && memcmp(kept.data, "import(", 7) == 0))
            continue;
        const char *found = squeezed_out.data
                                ? memmem(squeezed_out.data + at, squeezed_out.len - at, kept.data, kept.len)
                                : NULL;
        if (!found) {
            fprintf(stderr, "fuzz: %s output:\n%.*s\n", what, (int)out_len, out);
            fuzz_fail("%s lost or reordered line %zu outside the markers: \"%.*s\"", what, i + 1,
                      (int)in.items[i].len, in.items[i].text);
        }
        at = (size_t)(found - squeezed_out.data) + kept.len;
    }
    goat_strbuf_free(&kept);
    goat_strbuf_free(&squeezed_out);
    free(removable);
    free(in.items);
    free(all_out.items);
}

static void check_result(const char *what, const goat_rewrite_result *r)
{
    if (!r->text)
        fuzz_fail("%s succeeded without text", what);
    if (r->text[r->len] != '\0')
        fuzz_fail("%s text is not NUL-terminated at its length", what);
    if (r->points < 0)
        fuzz_fail("%s reports %d points", what, r->points);
}

static void run_clean(const char *src, size_t len)
{
    goat_rewrite_result once = {0};
    goat_error *err = goat_rewrite_clean(FUZZ_FILENAME, src, len, &options, &once);
    if (err) {
        goat_error_free(err);
        return;
    }
    check_result("clean", &once);
    check_lines_kept("clean", src, len, once.text, once.len);

    goat_rewrite_result twice = {0};
    err = goat_rewrite_clean(FUZZ_FILENAME, once.text, once.len, &options, &twice);
    if (err) {
        char *message = goat_error_format(err);
        fuzz_fail("clean fails on its own output: %s", message);
    }
    if (twice.len != once.len || memcmp(twice.text, once.text, once.len) != 0) {
        fuzz_show_difference("clean(x)", once.text, once.len, "clean(clean(x))", twice.text, twice.len);
        fuzz_fail("clean is not idempotent");
    }
    goat_rewrite_result_free(&twice);
    goat_rewrite_result_free(&once);
}

static void run_patch(const char *src, size_t len)
{
    goat_rewrite_result patched = {0};
    goat_error *err = goat_rewrite_patch(FUZZ_FILENAME, src, len, &options, &patched);
    if (err) {
        goat_error_free(err);
        return;
    }
    check_result("patch", &patched);
    check_lines_kept("patch", src, len, patched.text, patched.len);
    char *parse_error = NULL;
    if (fuzz_parses(src, len, NULL) && !fuzz_parses(patched.text, patched.len, &parse_error)) {
        fprintf(stderr, "fuzz: patch output:\n%.*s\n", (int)patched.len, patched.text);
        fuzz_fail("patch turned text that parses into text that does not: %s", parse_error);
    }
    goat_rewrite_result_free(&patched);
}

/* Near-miss warnings: each points at a comment of the text ('/' then '/'
 * or '*' at its LINE:COL), in source order. */
static void run_near_misses(const char *src, size_t len)
{
    size_t count = 0;
    goat_error *list = goat_markers_near_misses(FUZZ_FILENAME, src, len, &count);
    goat_lines starts;
    goat_lines_init(&starts, src, len);
    size_t last = 0;
    for (size_t i = 0; i < count; i++) {
        size_t at = goat_lines_start(&starts, list[i].line) + (size_t)list[i].col - 1;
        if (list[i].line < 1 || list[i].col < 1 || at + 1 >= len || src[at] != '/' ||
            (src[at + 1] != '/' && src[at + 1] != '*'))
            fuzz_fail("near miss %zu at %d:%d is not at a comment: %s", i, list[i].line, list[i].col,
                      list[i].message);
        if (i > 0 && at <= last)
            fuzz_fail("near misses out of order at %d:%d", list[i].line, list[i].col);
        last = at;
    }
    goat_lines_free(&starts);
    goat_markers_near_misses_free(list, count);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *src = (const char *)data;
    run_clean(src, size);
    run_patch(src, size);
    run_near_misses(src, size);
    return 0;
}
