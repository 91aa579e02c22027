/* SPDX-License-Identifier: MIT */
/* The content half of the file filter: a light scan of the comments in
 * front of the package clause, no parser needed. */
#include <stdbool.h>
#include <string.h>

#include "git/filter.h"

/* Three-valued truth of a build constraint: we only know that the tag
 * `ignore` is never set; every other tag may or may not be. */
typedef enum { TRI_FALSE, TRI_TRUE, TRI_UNKNOWN } tri;

static tri tri_not(tri a)
{
    return a == TRI_UNKNOWN ? a : a == TRI_TRUE ? TRI_FALSE : TRI_TRUE;
}

static tri tri_and(tri a, tri b)
{
    if (a == TRI_FALSE || b == TRI_FALSE)
        return TRI_FALSE;
    return a == TRI_TRUE && b == TRI_TRUE ? TRI_TRUE : TRI_UNKNOWN;
}

static tri tri_or(tri a, tri b)
{
    if (a == TRI_TRUE || b == TRI_TRUE)
        return TRI_TRUE;
    return a == TRI_FALSE && b == TRI_FALSE ? TRI_FALSE : TRI_UNKNOWN;
}

static bool is_tag_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
}

/* What a tag is worth: for the filter, only `ignore` is known (never set). */
typedef struct tag_oracle {
    tri (*value)(const char *tag, size_t len, void *ctx);
    void *ctx;
} tag_oracle;

static tri ignore_only(const char *tag, size_t len, void *ctx)
{
    (void)ctx;
    return len == 6 && memcmp(tag, "ignore", 6) == 0 ? TRI_FALSE : TRI_UNKNOWN;
}

typedef struct expr_parser {
    const char *p, *end;
    bool failed;
    const tag_oracle *tags;
} expr_parser;

static void skip_blanks(expr_parser *ep)
{
    while (ep->p < ep->end && (*ep->p == ' ' || *ep->p == '\t'))
        ep->p++;
}

static bool accept(expr_parser *ep, const char *op)
{
    skip_blanks(ep);
    size_t n = strlen(op);
    if ((size_t)(ep->end - ep->p) >= n && memcmp(ep->p, op, n) == 0) {
        ep->p += n;
        return true;
    }
    return false;
}

static tri parse_or(expr_parser *ep, int depth);

/* unary = "!" unary | "(" or ")" | tag */
static tri parse_unary(expr_parser *ep, int depth)
{
    if (depth > 100) {
        ep->failed = true;
        return TRI_UNKNOWN;
    }
    if (accept(ep, "!"))
        return tri_not(parse_unary(ep, depth + 1));
    if (accept(ep, "(")) {
        tri value = parse_or(ep, depth + 1);
        if (!accept(ep, ")"))
            ep->failed = true;
        return value;
    }
    skip_blanks(ep);
    const char *start = ep->p;
    while (ep->p < ep->end && is_tag_char(*ep->p))
        ep->p++;
    if (ep->p == start)
        ep->failed = true;
    return ep->tags->value(start, (size_t)(ep->p - start), ep->tags->ctx);
}

/* and = unary { "&&" unary } */
static tri parse_and(expr_parser *ep, int depth)
{
    tri value = parse_unary(ep, depth);
    while (!ep->failed && accept(ep, "&&"))
        value = tri_and(value, parse_unary(ep, depth));
    return value;
}

/* or = and { "||" and } */
static tri parse_or(expr_parser *ep, int depth)
{
    tri value = parse_and(ep, depth);
    while (!ep->failed && accept(ep, "||"))
        value = tri_or(value, parse_and(ep, depth));
    return value;
}

static tri eval_go_build(const char *expr, size_t len, const tag_oracle *tags)
{
    expr_parser ep = {expr, expr + len, false, tags};
    tri value = parse_or(&ep, 0);
    skip_blanks(&ep);
    return ep.failed || ep.p != ep.end ? TRI_UNKNOWN : value;
}

/* One `// +build` line: space-separated alternatives of comma-separated
 * terms, each possibly negated with '!'. */
static tri eval_plus_build(const char *args, size_t len, const tag_oracle *tags)
{
    tri any = TRI_FALSE;
    bool seen = false;
    const char *p = args, *end = args + len;
    while (p < end) {
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        if (p == end)
            break;
        const char *opt_end = p;
        while (opt_end < end && *opt_end != ' ' && *opt_end != '\t')
            opt_end++;
        tri all = TRI_TRUE;
        for (const char *t = p; t < opt_end;) {
            const char *comma = memchr(t, ',', (size_t)(opt_end - t));
            const char *term_end = comma ? comma : opt_end;
            bool negated = t < term_end && *t == '!';
            const char *name = negated ? t + 1 : t;
            tri v = tags->value(name, (size_t)(term_end - name), tags->ctx);
            all = tri_and(all, negated ? tri_not(v) : v);
            t = comma ? comma + 1 : opt_end;
        }
        any = tri_or(any, all);
        seen = true;
        p = opt_end;
    }
    return seen ? any : TRI_UNKNOWN;
}

static bool starts_with(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

/* `^// Code generated .* DO NOT EDIT\.$`, the convention of
 * https://go.dev/s/generatedcode. */
static bool is_generated_marker(const char *line, size_t len)
{
    static const char prefix[] = "// Code generated ";
    static const char suffix[] = " DO NOT EDIT.";
    size_t np = sizeof prefix - 1, ns = sizeof suffix - 1;
    return len >= np + ns && memcmp(line, prefix, np) == 0 && memcmp(line + len - ns, suffix, ns) == 0;
}

/* Reads the comments before the package clause: whether a generated-code
 * line is among them, and the value of the build constraint (TRI_TRUE when
 * there is none). */
static tri scan_header(const char *src, size_t len, const tag_oracle *tags, bool *generated)
{
    const char *p = src, *end = src + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    *generated = false;
    bool have_go_build = false;
    tri go_build = TRI_UNKNOWN, plus_build = TRI_TRUE;
    bool have_plus_build = false;
    for (;;) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
            p++;
        if (end - p >= 2 && p[0] == '/' && p[1] == '*') {
            const char *close = NULL;
            for (const char *q = p + 2; q + 1 < end; q++)
                if (q[0] == '*' && q[1] == '/') {
                    close = q;
                    break;
                }
            if (!close)
                break;
            p = close + 2;
            continue;
        }
        if (!(end - p >= 2 && p[0] == '/' && p[1] == '/'))
            break; /* the package clause, or anything else: the header is over */
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        size_t n = (size_t)(eol - p);
        if (n > 0 && p[n - 1] == '\r')
            n--;
        if (is_generated_marker(p, n))
            *generated = true;
        if (starts_with(p, n, "//go:build") && (n == 10 || p[10] == ' ' || p[10] == '\t')) {
            if (!have_go_build)
                go_build = eval_go_build(p + 10, n - 10, tags);
            have_go_build = true;
        } else if (starts_with(p, n, "// +build") && (n == 9 || p[9] == ' ' || p[9] == '\t')) {
            plus_build = tri_and(plus_build, eval_plus_build(p + 9, n - 9, tags));
            have_plus_build = true;
        }
        p = eol;
    }
    return have_go_build ? go_build : have_plus_build ? plus_build : TRI_TRUE;
}

const char *goat_filter_content_reason(const char *src, size_t len)
{
    static const tag_oracle tags = {ignore_only, NULL};
    bool generated;
    tri constraint = scan_header(src, len, &tags, &generated);
    if (generated)
        return "generated code (\"// Code generated ... DO NOT EDIT.\")";
    if (constraint == TRI_FALSE)
        return "excluded from every build (build constraint \"ignore\")";
    return NULL;
}

typedef struct set_tags {
    bool (*is_set)(const char *tag, size_t len, void *ctx);
    void *ctx;
} set_tags;

static tri definite(const char *tag, size_t len, void *ctx)
{
    const set_tags *t = ctx;
    return t->is_set(tag, len, t->ctx) ? TRI_TRUE : TRI_FALSE;
}

bool goat_build_constraint_holds(const char *src, size_t len, bool (*is_set)(const char *tag, size_t len, void *ctx),
                                 void *ctx)
{
    set_tags t = {is_set, ctx};
    tag_oracle tags = {definite, &t};
    bool generated;
    return scan_header(src, len, &tags, &generated) != TRI_FALSE;
}
