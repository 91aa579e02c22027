/* SPDX-License-Identifier: MIT */
/* The point table's pieces: runtime function names (funcname.h), the
 * changed lines each block stands for (attribute.h), and the rows track
 * and patch give (rewrite.h). */
#include <criterion/criterion.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "rewrite/attribute.h"
#include "rewrite/funcname.h"
#include "rewrite/rewrite.h"

static const goat_rewrite_options opts_line = {
    .granularity = GOAT_GRANULARITY_LINE,
    .alias = "goat",
    .import_path = "example.com/m/goat",
    .first_id = 1,
    .table = true,
};

typedef struct parsed {
    goat_arena arena;
    goat_node *file;
    goat_funcnames names;
} parsed;

static void fixed_counts(void *ctx, goat_funcname_counts *out)
{
    *out = *(const goat_funcname_counts *)ctx;
}

static void parse_names(parsed *p, const char *src, const goat_funcname_counts *before)
{
    goat_arena_init(&p->arena);
    goat_error *err = goat_parse_file(&p->arena, "t.go", src, strlen(src), &p->file);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_funcname_before source = {.count = fixed_counts, .ctx = (void *)before};
    goat_func_words words;
    goat_func_words_find(&words, src, strlen(src));
    goat_funcnames_build(p->file, &words, before ? &source : NULL, &p->names);
    goat_func_words_free(&words);
    /* the walk that skips nodes without a func word names as the full one */
    goat_funcnames full;
    goat_funcnames_build(p->file, NULL, before ? &source : NULL, &full);
    cr_assert_eq(full.count, p->names.count);
    for (size_t i = 0; i < full.count; i++)
        cr_assert_str_eq(full.items[i].name, p->names.items[i].name);
    goat_funcnames_free(&full);
}

static void parsed_free(parsed *p)
{
    goat_funcnames_free(&p->names);
    goat_arena_free(&p->arena);
}

/* The name of the function holding the first occurrence of marker. */
static const char *name_at(const parsed *p, const char *src, const char *marker)
{
    const char *at = strstr(src, marker);
    cr_assert_not_null(at, "%s", marker);
    long i = goat_funcnames_at(&p->names, at - src, false);
    return i < 0 ? "" : p->names.items[i].name;
}

Test(funcname, declarations_and_receivers)
{
    const char *src = "package p\n"
                      "func Total() { xa_() }\n"
                      "func (c *Cart) Add() { xb_() }\n"
                      "func (c Cart) Sum() { xc_() }\n"
                      "func (c *(Cart)) Reset() { xd_() }\n"
                      "func ((Cart)) Show() { xe_() }\n"
                      "func Map[T any]() { xf_() }\n"
                      "func (l *List[T]) Push() { xg_() }\n"
                      "func (p Pair[K, _]) Get() { xh_() }\n"
                      "func (T) init() { xi_() }\n";
    parsed p;
    parse_names(&p, src, NULL);
    cr_assert_str_eq(name_at(&p, src, "xa_()"), "Total");
    cr_assert_str_eq(name_at(&p, src, "xb_()"), "(*Cart).Add");
    cr_assert_str_eq(name_at(&p, src, "xc_()"), "Cart.Sum");
    cr_assert_str_eq(name_at(&p, src, "xd_()"), "(*Cart).Reset");
    cr_assert_str_eq(name_at(&p, src, "xe_()"), "Cart.Show");
    cr_assert_str_eq(name_at(&p, src, "xf_()"), "Map[...]");
    cr_assert_str_eq(name_at(&p, src, "xg_()"), "(*List[...]).Push");
    cr_assert_str_eq(name_at(&p, src, "xh_()"), "Pair[...].Get");
    cr_assert_str_eq(name_at(&p, src, "xi_()"), "T.init"); /* a method named init keeps its name */
    cr_assert_str_eq(name_at(&p, src, "package"), "");
    parsed_free(&p);
}

Test(funcname, literals_and_nesting)
{
    const char *src = "package p\n"
                      "func main() {\n"
                      "\tfunc() { xa_()\n"
                      "\t\tfunc() { xb_() }()\n"
                      "\t\tfunc() { xc_(); func() { xd_() }() }()\n"
                      "\t}()\n"
                      "\tfunc() { xe_() }()\n"
                      "}\n"
                      "func G[T any]() { func() { xf_() }() }\n";
    parsed p;
    parse_names(&p, src, NULL);
    cr_assert_str_eq(name_at(&p, src, "xa_()"), "main.func1");
    cr_assert_str_eq(name_at(&p, src, "xb_()"), "main.func1.1");
    cr_assert_str_eq(name_at(&p, src, "xc_()"), "main.func1.2");
    cr_assert_str_eq(name_at(&p, src, "xd_()"), "main.func1.2.1");
    cr_assert_str_eq(name_at(&p, src, "xe_()"), "main.func2");
    cr_assert_str_eq(name_at(&p, src, "xf_()"), "G[...].func1");
    parsed_free(&p);
}

/* cmd/compile names an assignment's right side first, except in generic
 * functions, where a range clause's expression comes before its key. */
Test(funcname, naming_order)
{
    const char *src = "package p\n"
                      "func F() {\n"
                      "\tm[func() int { xa_(); return 0 }()] = func() int { xb_(); return 1 }()\n"
                      "\tfor k[func() int { xc_(); return 0 }()] = range func() []int { xd_(); return nil }() {}\n"
                      "}\n"
                      "func G[T any]() {\n"
                      "\tm[func() int { xe_(); return 0 }()] = func() int { xf_(); return 1 }()\n"
                      "\tfor k[func() int { xg_(); return 0 }()] = range func() []int { xh_(); return nil }() {}\n"
                      "}\n";
    parsed p;
    parse_names(&p, src, NULL);
    cr_assert_str_eq(name_at(&p, src, "xa_()"), "F.func2");
    cr_assert_str_eq(name_at(&p, src, "xb_()"), "F.func1");
    cr_assert_str_eq(name_at(&p, src, "xc_()"), "F.func3");
    cr_assert_str_eq(name_at(&p, src, "xd_()"), "F.func4");
    cr_assert_str_eq(name_at(&p, src, "xe_()"), "G[...].func1");
    cr_assert_str_eq(name_at(&p, src, "xf_()"), "G[...].func2");
    cr_assert_str_eq(name_at(&p, src, "xg_()"), "G[...].func4");
    cr_assert_str_eq(name_at(&p, src, "xh_()"), "G[...].func3");
    parsed_free(&p);
}

/* goat_funcname_count of p's tree, and of src's outline, which
 * project/pkgnames.c may count on instead: the same counts. */
static void expect_count(const parsed *p, const char *src, int inits, int globals)
{
    goat_funcname_counts counts;
    goat_funcname_count(p->file, &counts);
    cr_assert(counts.inits == inits && counts.globals == globals, "%d inits, %d globals", counts.inits,
              counts.globals);
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *outline = NULL;
    goat_error *err = goat_parse_file_outline(&arena, "t.go", src, strlen(src), &outline);
    cr_assert_null(err, "%s", err ? err->message : "");
    goat_funcname_count(outline, &counts);
    cr_assert(counts.inits == inits && counts.globals == globals, "outline: %d inits, %d globals", counts.inits,
              counts.globals);
    goat_arena_free(&arena);
}

Test(funcname, package_counters)
{
    const char *src = "package p\n"
                      "func _() { func() { xa_() }() }\n"
                      "var A = func() { xb_(); func() { xc_() }() }\n"
                      "func init() { xd_(); func() { xe_() }() }\n"
                      "func init()\n"
                      "func init() { xf_() }\n"
                      "var B, C = func() { xg_() }, 1\n";
    goat_funcname_counts before = {2, 5};
    parsed p;
    parse_names(&p, src, &before);
    cr_assert_str_eq(name_at(&p, src, "xa_()"), "_.func6");
    cr_assert_str_eq(name_at(&p, src, "xb_()"), "glob..func7");
    cr_assert_str_eq(name_at(&p, src, "xc_()"), "glob..func7.1");
    cr_assert_str_eq(name_at(&p, src, "xd_()"), "init.2");
    cr_assert_str_eq(name_at(&p, src, "xe_()"), "init.2.func1");
    cr_assert_str_eq(name_at(&p, src, "xf_()"), "init.4");
    cr_assert_str_eq(name_at(&p, src, "xg_()"), "glob..func8");
    expect_count(&p, src, 3, 3);
    parsed_free(&p);
}

/* goat_funcname_count walks less than the naming does: it must still
 * count what the naming numbers from the package's counters. */
Test(funcname, count_what_the_names_number)
{
    /* globals: 1 in f's signature (f has no body), 2 in _, 1 each in v, T
     * and c; none of g's, nor of the method init; inits: 2 */
    const char *src = "package p\n"
                      "func f(x [len([]func(){func() {}})]int)\n"
                      "func _(x [len([]func(){func() {}})]int) { func() { func() {}() }() }\n"
                      "func g(x [len([]func(){func() {}})]int) { func() {}() }\n"
                      "func init()\n"
                      "func (T) init() { func() {}() }\n"
                      "var v = func() func() { return func() {} }\n"
                      "type T [len([]func(){func() {}})]int\n"
                      "const c = len([1]func(){func() {}})\n"
                      "func init() { var _ = func() {} }\n";
    goat_funcname_counts before = {0, 0};
    parsed p;
    parse_names(&p, src, &before);
    int globals = 0, inits = 0;
    for (size_t i = 0; i < p.names.count; i++) {
        const char *name = p.names.items[i].name;
        globals += strncmp(name, "glob..func", 10) == 0 && !strchr(name + 10, '.');
        globals += strncmp(name, "_.func", 6) == 0 && !strchr(name + 6, '.');
        inits += strncmp(name, "init.", 5) == 0 && !strchr(name + 5, '.');
    }
    cr_assert_eq(globals, 6);
    cr_assert_eq(inits, 1); /* init.1: init.0 has no body to be named */
    expect_count(&p, src, 2, 6);
    parsed_free(&p);
}

Test(funcname, lookup_at_braces)
{
    const char *src = "package p\nfunc f() {\n\tg := func() {\n\t}\n}\n";
    parsed p;
    parse_names(&p, src, NULL);
    const char *lit_close = strstr(src, "\t}\n");
    cr_assert_eq(goat_funcnames_at(&p.names, lit_close - src, false), 1); /* the '\t' before '}' */
    cr_assert_eq(goat_funcnames_at(&p.names, lit_close + 1 - src, false), 0);
    cr_assert_eq(goat_funcnames_at(&p.names, lit_close + 1 - src, true), 1);
    cr_assert_eq(goat_funcnames_at(&p.names, strstr(src, "{") - src, false), -1);
    parsed_free(&p);
}

/* The ranges of lines[0..count), appended to sb after what it holds. */
static const char *ranges_of(goat_strbuf *sb, const int *lines, size_t count)
{
    size_t before = sb->len;
    size_t at = goat_put_line_ranges(sb, lines, count);
    cr_assert_eq(at, before);
    cr_assert_eq(sb->len, at + strlen(sb->data + at) + 1, "one NUL after each list");
    cr_assert_eq(sb->data[sb->len], '\0');
    return sb->data + at;
}

Test(attribute, line_ranges)
{
    int lines[] = {3, 4, 5, 7, 9, 10};
    goat_strbuf sb = GOAT_STRBUF_INIT;
    cr_assert_str_eq(ranges_of(&sb, lines, 6), "3-5,7,9-10");
    cr_assert_str_eq(ranges_of(&sb, lines, 0), "");
    cr_assert_str_eq(ranges_of(&sb, lines + 3, 1), "7");
    /* the lists follow one another, each with its NUL */
    cr_assert_eq(sb.len, sizeof "3-5,7,9-10" + sizeof "" + sizeof "7");
    cr_assert_eq(memcmp(sb.data, "3-5,7,9-10\0\0007", sb.len), 0);
    goat_strbuf_free(&sb);
}

/* Every list is written in place after one reservation for its longest
 * text: the exact text at every number of digits, however full the
 * buffer already was. */
Test(attribute, line_ranges_long)
{
    int lines[64];
    for (int i = 0; i < 64; i++) /* ascending, apart, from 1 digit to 9 */
        lines[i] = 7 + 31 * i * (i + 1) * (i + 1) * (i + 1);
    goat_strbuf sb = GOAT_STRBUF_INIT;
    for (size_t n = 0; n <= 64; n++) {
        char expect[1024];
        size_t len = 0;
        for (size_t i = 0; i < n; i++)
            len += (size_t)sprintf(expect + len, i ? ",%d" : "%d", lines[i]);
        expect[len] = '\0';
        cr_assert_str_eq(ranges_of(&sb, lines, n), expect, "n=%zu", n);
    }
    int run[40];
    for (int i = 0; i < 40; i++)
        run[i] = 99990 + i;
    cr_assert_str_eq(ranges_of(&sb, run, 40), "99990-100029");
    int edges[] = {-5, 2147483646, 2147483647};
    cr_assert_str_eq(ranges_of(&sb, edges, 3), "0,2147483646-2147483647");
    goat_strbuf_free(&sb);
}

/* Runs the attribution for blocks before the lines of the given markers. */
static void attribute(const char *src, const goat_lineset *changed, const char *const *markers, size_t n,
                      goat_block_info *out, goat_strbuf *ranges)
{
    parsed p;
    parse_names(&p, src, NULL);
    size_t offsets[8];
    for (size_t i = 0; i < n; i++) {
        const char *at = strstr(src, markers[i]);
        cr_assert_not_null(at);
        while (at > src && at[-1] != '\n')
            at--;
        offsets[i] = (size_t)(at - src);
    }
    goat_lines lines;
    goat_lines_init(&lines, src, strlen(src));
    goat_attribute(src, strlen(src), &lines, p.file, &p.names, changed, offsets, n, out, ranges);
    goat_lines_free(&lines);
    parsed_free(&p);
}

Test(attribute, headers_lists_and_functions)
{
    const char *src = "package p\n"         /* 1 */
                      "\n"                  /* 2 */
                      "func f(x int) {\n"   /* 3 */
                      "\ta := 1\n"          /* 4 */
                      "\t// note\n"         /* 5 */
                      "\tif x > a {\n"      /* 6 */
                      "\t\tb()\n"           /* 7 */
                      "\t}\n"               /* 8 */
                      "\tc()\n"             /* 9 */
                      "}\n";                /* 10 */
    goat_lineset all = GOAT_LINESET_INIT;
    all.all = true;
    const char *markers[] = {"\ta := 1", "\t\tb()"};
    goat_block_info info[2];
    goat_strbuf ranges = GOAT_STRBUF_INIT;
    attribute(src, &all, markers, 2, info, &ranges);
    cr_assert_eq(info[0].line, 4);
    cr_assert_eq(info[1].line, 7);
    cr_assert_eq(info[0].func, 0);
    cr_assert_str_eq(ranges.data + info[0].lines, "3-4,9-10"); /* signature, list, closing brace */
    cr_assert_str_eq(ranges.data + info[1].lines, "6-8");      /* the if's header and brace go with its body */
    goat_strbuf_free(&ranges);
}

Test(attribute, only_changed_lines_and_code)
{
    const char *src = "package p\n\nfunc f() {\n\ta()\n\n\t// c\n\tb()\n}\n";
    goat_lineset some = GOAT_LINESET_INIT;
    goat_lineset_add_range(&some, 5, 7);
    goat_lineset_freeze(&some);
    const char *markers[] = {"\ta()"};
    goat_block_info info[1];
    goat_strbuf ranges = GOAT_STRBUF_INIT;
    attribute(src, &some, markers, 1, info, &ranges);
    cr_assert_str_eq(ranges.data + info[0].lines, "7");
    goat_strbuf_free(&ranges);
    goat_lineset_free(&some);
}

static goat_rewrite_result track(const char *src, goat_granularity g)
{
    goat_lineset all = GOAT_LINESET_INIT;
    all.all = true;
    goat_rewrite_options o = opts_line;
    o.granularity = g;
    goat_rewrite_result r;
    goat_error *err = goat_rewrite_track("t.go", src, strlen(src), &all, &o, &r);
    cr_assert_null(err, "%s", err ? err->message : "");
    return r;
}

Test(points, track_rows)
{
    const char *src = "package p\n\nfunc (c *C) f() { g() }\n\nvar v = func() {\n\th()\n}\n";
    goat_rewrite_result r = track(src, GOAT_GRANULARITY_LINE);
    cr_assert_eq(r.points, 2);
    cr_assert_eq(r.table[0].line, 3);
    cr_assert_str_eq(r.table[0].func, "(*C).f");
    cr_assert_str_eq(r.table[0].lines, "3");
    cr_assert_not(r.table[0].insert);
    cr_assert_eq(r.table[1].line, 6);
    cr_assert_str_eq(r.table[1].func, "glob..func1");
    cr_assert_str_eq(r.table[1].lines, "5-7");
    goat_rewrite_result_free(&r);
    cr_assert_null(r.table);
}

/* A table is one block: its rows, then their strings. The rows' strings
 * lie inside it (so free(table) frees them, and nothing else does), rows
 * of one function share its name, and every string stays readable,
 * unchanged, until the table is freed, whatever else is allocated and
 * freed meanwhile (valgrind reports a string read after its block went). */
Test(points, table_owns_its_strings)
{
    const char *src = "package p\n\n"
                      "func f(x int) {\n\ta()\n\tif x > 0 {\n\t\tb()\n\t}\n\tc()\n}\n\n"
                      "var v = 1\n\n"
                      "func (c *C) g() { d() }\n";
    goat_rewrite_result r = track(src, GOAT_GRANULARITY_LINE);
    cr_assert_eq(r.points, 4);
    const char *func[] = {"f", "f", "f", "(*C).g"}, *lines[] = {"3-4,9", "5-7", "8", "13"};
    /* the strings lie after the rows, in the one block free() takes: a
     * string outside it would be a leak, or freed twice by its owner */
    const char *rows_end = (const char *)(r.table + r.points);
    size_t block = malloc_usable_size(r.table);
    for (int i = 0; i < r.points; i++) {
        cr_assert(r.table[i].func >= rows_end && r.table[i].func < (const char *)r.table + block, "row %d", i);
        cr_assert(r.table[i].lines >= rows_end && r.table[i].lines < (const char *)r.table + block, "row %d", i);
    }
    cr_assert_eq(r.table[0].func, r.table[1].func, "one copy of a function's name");
    /* handed over as run.c does: the text goes, the table stays */
    goat_rewrite_point *table = r.table;
    r.table = NULL;
    goat_rewrite_result_free(&r);
    goat_rewrite_result other = track(src, GOAT_GRANULARITY_FUNC); /* reuses what was freed */
    goat_rewrite_result_free(&other);
    for (int i = 0; i < 4; i++) {
        cr_assert_str_eq(table[i].func, func[i], "row %d", i);
        cr_assert_str_eq(table[i].lines, lines[i], "row %d", i);
    }
    free(table);
}

/* A row that stands for no changed line has "" for its lines, inside the
 * table's block as well (patch, where a +goat:insert made the block). */
Test(points, table_empty_lines)
{
    goat_lineset some = GOAT_LINESET_INIT;
    goat_lineset_add_range(&some, 1, 1); /* the package clause: no code of f */
    goat_lineset_freeze(&some);
    goat_rewrite_options o = opts_line;
    o.changed = &some;
    const char *tracked = "package p\n\nfunc f() {\n\t// +goat:insert\n\ta()\n}\n";
    goat_rewrite_result r;
    cr_assert_null(goat_rewrite_patch("t.go", tracked, strlen(tracked), &o, &r));
    cr_assert_eq(r.points, 1);
    cr_assert_str_eq(r.table[0].func, "f");
    cr_assert_str_eq(r.table[0].lines, "");
    cr_assert(r.table[0].lines > (const char *)(r.table + 1) &&
              r.table[0].lines < (const char *)r.table + malloc_usable_size(r.table));
    goat_rewrite_result_free(&r);
    goat_lineset_free(&some);
}

/* Patch describes the blocks of its output in the text clean restores: a
 * tracked file patched again gives the rows track gave. */
Test(points, patch_keeps_rows)
{
    const char *src = "package p\n\nimport \"fmt\"\n\n"
                      "func f(xs []int) { fmt.Println(xs) }\n\n"
                      "func g(x int) int {\n\tswitch x {\n\tcase 1:\n\t\tx++ // one\n\t// two\n\tcase 2:\n\t}\n"
                      "\ty := 2 // aligned\n\tz := 3333 // comments\n\treturn x + y + z\n}\n";
    for (int g = 0; g < 4; g++) {
        goat_rewrite_result t = track(src, (goat_granularity)g);
        goat_lineset all = GOAT_LINESET_INIT;
        all.all = true;
        goat_rewrite_options o = opts_line;
        o.changed = &all;
        goat_rewrite_result p;
        cr_assert_null(goat_rewrite_patch("t.go", t.text, t.len, &o, &p));
        cr_assert_eq(p.points, t.points);
        for (int i = 0; i < t.points; i++) {
            cr_assert_eq(p.table[i].line, t.table[i].line, "granularity %d point %d", g, i);
            cr_assert_str_eq(p.table[i].func, t.table[i].func);
            cr_assert_str_eq(p.table[i].lines, t.table[i].lines);
            cr_assert_not(p.table[i].insert);
        }
        goat_rewrite_result_free(&t);
        goat_rewrite_result_free(&p);
    }
}

Test(points, insert_kind_survives_patches)
{
    const char *src = "package p\n\nfunc f() {\n\ta()\n\t// +goat:insert\n\tb()\n}\n";
    goat_rewrite_result once, twice;
    cr_assert_null(goat_rewrite_patch("t.go", src, strlen(src), &opts_line, &once));
    cr_assert_eq(once.points, 1);
    cr_assert(once.table[0].insert);
    cr_assert_eq(once.table[0].line, 5); /* b() in the text without the marker */
    cr_assert_str_eq(once.table[0].func, "f");
    cr_assert_str_eq(once.table[0].lines, "");
    cr_assert_not_null(strstr(once.text, "// +goat:generate insert\n"));
    cr_assert_null(goat_rewrite_patch("t.go", once.text, once.len, &opts_line, &twice));
    cr_assert(twice.table[0].insert);
    cr_assert_eq(twice.table[0].line, 5);
    goat_rewrite_result_free(&once);
    goat_rewrite_result_free(&twice);
}
