/* SPDX-License-Identifier: MIT */
/* The alias clash check and the goat imports (clash.h, imports.h) on small
 * sources: which declarations are in scope at an offset, which imports and
 * package-level names take the alias, the import name guessed from a path,
 * and the uses of an import that clean must not leave behind. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "rewrite/clash.h"
#include "rewrite/imports.h"
#include "util/arena.h"

typedef struct parsed {
    goat_arena arena;
    goat_node *file;
    const char *src;
} parsed;

static void parse(parsed *p, const char *src)
{
    goat_arena_init(&p->arena);
    p->src = src;
    goat_error *err = goat_parse_file(&p->arena, "t.go", src, strlen(src), &p->file);
    cr_assert_null(err, "%s", err ? err->message : "");
}

/* The offset of the line holding the first "@" of src's marker comment
 * "// @": where a block would go. */
static size_t block_at(const char *src)
{
    const char *m = strstr(src, "// @");
    cr_assert_not_null(m);
    while (m > src && m[-1] != '\n')
        m--;
    return (size_t)(m - src);
}

/* The clash message at the block marked "// @", or NULL, at *line:*col. */
static char *check(const char *src, const char *alias, int *line, int *col)
{
    parsed p;
    parse(&p, src);
    size_t at = block_at(src);
    goat_error *err = goat_clash_check("t.go", src, strlen(src), p.file, alias, NULL, &at, 1);
    goat_arena_free(&p.arena);
    if (!err)
        return NULL;
    *line = err->line;
    *col = err->col;
    char *msg = strdup(err->message);
    goat_error_free(err);
    return msg;
}

static void expect_clash(const char *src, int line, int col, const char *what)
{
    int l = 0, c = 0;
    char *msg = check(src, "goat", &l, &c);
    cr_assert_not_null(msg, "no clash found in:\n%s", src);
    cr_expect_eq(l, line, "line %d, want %d: %s", l, line, msg);
    cr_expect_eq(c, col, "column %d, want %d: %s", c, col, msg);
    cr_expect(strstr(msg, what) != NULL, "'%s' not in: %s", what, msg);
    cr_expect(strstr(msg, "set goatPackageAlias in goat.yaml") != NULL, "no advice in: %s", msg);
    free(msg);
}

static void expect_free(const char *src, const char *alias)
{
    int l, c;
    char *msg = check(src, alias, &l, &c);
    cr_expect_null(msg, "unexpected clash %d:%d %s in:\n%s", l, c, msg ? msg : "", src);
    free(msg);
}

Test(clash, locals_in_scope)
{
    expect_clash("package p\nfunc f() {\n\tgoat := 1\n\t_ = goat // @\n}\n", 3, 2, "local variable goat");
    expect_clash("package p\nfunc f(a, goat int) {\n\t_ = a // @\n}\n", 2, 11, "parameter goat");
    expect_clash("package p\nfunc f() (goat int) {\n\treturn // @\n}\n", 2, 11, "named result goat");
    expect_clash("package p\ntype T int\nfunc (goat T) f() {\n\t_ = 1 // @\n}\n", 3, 7, "receiver goat");
    expect_clash("package p\nfunc f[goat any]() {\n\t_ = 1 // @\n}\n", 2, 8, "type parameter goat");
    expect_clash("package p\ntype T[K any] int\nfunc (T[goat]) f() {\n\t_ = 1 // @\n}\n", 3, 9, "type parameter goat");
    expect_clash("package p\nfunc f() {\n\tvar goat int\n\t_ = goat // @\n}\n", 3, 6, "local variable goat");
    expect_clash("package p\nfunc f() {\n\tconst goat = 1\n\t_ = goat // @\n}\n", 3, 8, "local constant goat");
    expect_clash("package p\nfunc f() {\n\ttype goat int\n\t_ = goat(1) // @\n}\n", 3, 7, "local type goat");
    expect_clash("package p\nfunc f(x []int) {\n\tfor _, goat := range x {\n\t\t_ = goat // @\n\t}\n}\n", 3, 9,
                 "local variable goat");
    expect_clash("package p\nfunc f() {\n\tgoat := 1\n\t_ = func() {\n\t\t_ = goat // @\n\t}\n}\n", 3, 2,
                 "local variable goat");
    expect_clash("package p\nfunc f() {\n\tif goat := 1; goat > 0 {\n\t} else {\n\t\t_ = goat // @\n\t}\n}\n", 3, 5,
                 "local variable goat");
    /* a block after a clause's last statement is still in the clause */
    expect_clash("package p\nfunc f(x int) {\n\tswitch x {\n\tcase 1:\n\t\tgoat := x\n\t\t_ = goat\n\t\t// @\n\tcase 2:\n\t}\n}\n",
                 5, 3, "local variable goat");
    expect_clash("package p\nfunc f(c chan int) {\n\tselect {\n\tcase goat := <-c:\n\t\t_ = goat // @\n\t}\n}\n", 4, 7,
                 "local variable goat");
    expect_clash("package p\nfunc f(x any) {\n\tswitch goat := x.(type) {\n\tcase int:\n\t\t_ = goat // @\n\t}\n}\n", 3,
                 9, "local variable goat");
}

Test(clash, out_of_scope_is_free)
{
    /* declared after the block, in a closed block, in another function, a label */
    expect_free("package p\nfunc f() {\n\t_ = 1 // @\n\tgoat := 1\n\t_ = goat\n}\n", "goat");
    expect_free("package p\nfunc f() {\n\t{\n\t\tgoat := 1\n\t\t_ = goat\n\t}\n\t_ = 1 // @\n}\n", "goat");
    expect_free("package p\nfunc g(goat int) {}\nfunc f() {\n\t_ = 1 // @\n}\n", "goat");
    expect_free("package p\nfunc f() {\ngoat:\n\tfor {\n\t\tbreak goat // @\n\t}\n}\n", "goat");
    expect_free("package p\nfunc f(x int) {\n\tswitch x {\n\tcase 1:\n\t\tgoat := x\n\t\t_ = goat\n\tcase 2:\n\t\t_ = 1 // @\n\t}\n}\n",
                "goat");
    /* fields, methods, keys, selectors and func type parameters declare nothing in scope */
    expect_free("package p\ntype S struct{ goat int }\nfunc (S) goat2() {}\ntype F func(goat int)\n"
                "func f(s S) {\n\t_ = S{goat: s.goat} // @\n}\n",
                "goat");
    /* a name that is only a prefix of the alias */
    expect_free("package p\nfunc f() {\n\tgoats := 1\n\t_ = goats // @\n}\n", "goat");
}

Test(clash, file_and_package_names)
{
    expect_clash("package p\nimport goat \"strings\"\nfunc f() {\n\t_ = goat.ToUpper // @\n}\n", 2, 8,
                 "already imports \"strings\" as goat");
    expect_clash("package p\nimport \"example.com/goat/v3\"\nfunc f() {\n\t_ = goat.X // @\n}\n", 2, 8,
                 "(package goat)");
    expect_clash("package p\nfunc f() {\n\t_ = 1 // @\n}\nfunc goat() {}\n", 5, 6, "function goat is declared at package level");
    expect_clash("package p\nfunc f() {\n\t_ = 1 // @\n}\nvar x, goat = 1, 2\n", 5, 8, "variable goat");
    expect_clash("package p\nfunc f() {\n\t_ = 1 // @\n}\nconst goat = 1\n", 5, 7, "constant goat");
    expect_clash("package p\nfunc f() {\n\t_ = 1 // @\n}\ntype goat int\n", 5, 6, "type goat");
    /* the earliest clash in the file is the one reported */
    expect_clash("package p\nvar goat = 1\nfunc f(goat int) {\n\t_ = 1 // @\n}\n", 2, 5, "variable goat");
    /* a method called goat declares nothing at package level */
    expect_free("package p\ntype T int\nfunc (T) goat() {}\nfunc f() {\n\t_ = 1 // @\n}\n", "goat");
    /* a blank import and another package's name take nothing */
    expect_free("package p\nimport _ \"example.com/goat\"\nimport \"example.com/goats\"\nfunc f() {\n\t_ = goats.X // @\n}\n",
                "goat");
}

Test(clash, dot_import_predeclared_and_init)
{
    int l = 0, c = 0;
    const char *dot = "package p\nimport . \"strings\"\nfunc f() {\n\t_ = ToUpper // @\n}\n";
    char *msg = check(dot, "Goat", &l, &c);
    cr_assert_not_null(msg);
    cr_expect(l == 2 && c == 8 && strstr(msg, "dot import of \"strings\" may declare Goat"), "%d:%d %s", l, c, msg);
    free(msg);
    expect_free(dot, "goat");

    const char *uses_len = "package p\nfunc f(s string) int {\n\treturn len(s) // @\n}\n";
    msg = check(uses_len, "len", &l, &c);
    cr_assert_not_null(msg);
    cr_expect(l == 3 && c == 9 && strstr(msg, "predeclared"), "%d:%d %s", l, c, msg);
    free(msg);
    expect_free("package p\nfunc f(s string) int {\n\treturn x.len // @\n}\n", "len");

    msg = check("package p\nfunc f() {\n\t_ = 1 // @\n}\n", "init", &l, &c);
    cr_assert_not_null(msg);
    cr_expect(l == 1 && c == 9 && strstr(msg, "goatPackageAlias is init"), "%d:%d %s", l, c, msg);
    free(msg);
}

Test(clash, own_import_is_no_clash)
{
    const char *src = "package p\nimport goat \"example.com/m/goat\"\nfunc f() {\n\t_ = 1 // @\n}\n";
    parsed p;
    parse(&p, src);
    size_t at = block_at(src);
    const goat_node *spec = p.file->u.file.imports.items[0];
    goat_clash_own own = {.imports = &spec, .import_count = 1};
    goat_error *err = goat_clash_check("t.go", src, strlen(src), p.file, "goat", &own, &at, 1);
    cr_expect_null(err);
    goat_error_free(err);
    err = goat_clash_check("t.go", src, strlen(src), p.file, "goat", NULL, &at, 1);
    cr_expect_not_null(err);
    goat_error_free(err);
    goat_arena_free(&p.arena);
}

/* Without the goat import, goat.X names something of another file. */
Test(clash, free_uses)
{
    expect_clash("package p\nfunc f() {\n\t_ = 1 // @\n\tgoat.Run()\n}\n", 4, 2,
                 "names a declaration of another file of the package");
    /* a local goat.X is the local's */
    expect_free("package p\nfunc f() {\n\t_ = 1 // @\n}\nfunc g() {\n\tgoat := T{}\n\tgoat.Run()\n}\n", "goat");

    const char *src = "package p\nfunc f() {\n\t_ = 1 // @\n\tgoat.Track(goat.TRACK_ID_1)\n}\n";
    parsed p;
    parse(&p, src);
    size_t at = block_at(src);
    const char *call = strstr(src, "\tgoat.Track");
    goat_clash_range block = {(size_t)(call - src), (size_t)(call - src) + 30};
    goat_clash_own own = {.code = &block, .code_count = 1};
    goat_error *err = goat_clash_check("t.go", src, strlen(src), p.file, "goat", &own, &at, 1);
    cr_expect_null(err, "goat's own block is no clash: %s", err ? err->message : "");
    goat_error_free(err);
    err = goat_clash_check("t.go", src, strlen(src), p.file, "goat", NULL, &at, 1);
    cr_expect_not_null(err);
    goat_error_free(err);
    goat_arena_free(&p.arena);
}

Test(clash, first_use)
{
    const char *src = "package p\n"
                      "func f(goat int) { _ = goat }\n"             /* a parameter, not the package */
                      "func g() {\n\tgoat.Track(goat.TRACK_ID_1)\n" /* skipped below */
                      "\tgoat.ServeHTTP(0)\n}\n";
    parsed p;
    parse(&p, src);
    const char *track = strstr(src, "\tgoat.Track") + 1;
    goat_clash_range skip = {(size_t)(track - src), (size_t)(strstr(src, "\tgoat.Serve") - src)};
    const goat_node *use = goat_clash_first_use(p.file, "goat", &skip, 1);
    cr_assert_not_null(use);
    cr_expect_eq(use->pos, strstr(src, "goat.ServeHTTP") - src);
    use = goat_clash_first_use(p.file, "goat", NULL, 0);
    cr_assert_not_null(use);
    cr_expect_eq(use->pos, track - src);
    cr_expect_null(goat_clash_first_use(p.file, "other", NULL, 0));
    goat_arena_free(&p.arena);
}

Test(clash, package_decl)
{
    parsed p;
    parse(&p, "package p\nfunc init() {}\nfunc (T) goat() {}\nvar _ = 1\ntype T int\nvar (\n\ta = 1\n\tgoat = 2\n)\n");
    const char *what = NULL;
    const goat_node *d = goat_clash_package_decl(p.file, "goat", &what);
    cr_assert_not_null(d);
    cr_expect_str_eq(what, "variable");
    cr_expect_null(goat_clash_package_decl(p.file, "init", &what));
    cr_expect_null(goat_clash_package_decl(p.file, "_", &what));
    d = goat_clash_package_decl(p.file, "T", &what);
    cr_assert_not_null(d);
    cr_expect_str_eq(what, "type");
    goat_arena_free(&p.arena);
}

static void expect_import_name(const char *spec, const char *want)
{
    char *src = NULL;
    cr_assert(asprintf(&src, "package p\nimport %s\n", spec) > 0);
    parsed p;
    parse(&p, src);
    const char *name;
    size_t n = goat_import_name(p.file->u.file.imports.items[0], &name);
    cr_expect(n == strlen(want) && memcmp(name, want, n) == 0, "import %s: got '%.*s', want '%s'", spec, (int)n,
              name, want);
    goat_arena_free(&p.arena);
    free(src);
}

Test(imports, guessed_name)
{
    expect_import_name("\"strings\"", "strings");
    expect_import_name("\"net/http\"", "http");
    expect_import_name("\"gopkg.in/yaml.v3\"", "yaml");
    expect_import_name("\"github.com/mattn/go-sqlite3\"", "sqlite3");
    expect_import_name("\"example.com/goat/v2\"", "goat");
    expect_import_name("\"example.com/goat/v0\"", "v0");
    expect_import_name("\"v2\"", "v2");
    expect_import_name("g \"example.com/goat\"", "g");
    expect_import_name(". \"example.com/goat\"", ".");
    expect_import_name("_ \"example.com/goat\"", "_");
}

/* goat's imports: by the exact alias and path, by a tree path, by the
 * blocks' alias; everything else is the file's own. */
Test(imports, find_goat)
{
    const char *src = "package p\n"
                      "import (\n"
                      "\tgoat \"example.com/m/goat\"\n"   /* exact */
                      "\told \"example.com/m/old\"\n"     /* a tree path */
                      "\ttracking \"example.com/m/x\"\n"  /* the blocks' alias */
                      "\tg \"example.com/m/goat\"\n"      /* the path, another name */
                      "\t\"strings\"\n"
                      ")\n"
                      "func f() {\n"
                      "\t// +goat:generate\n"
                      "\ttracking.Track(tracking.TRACK_ID_1)\n"
                      "\t// +goat:end\n"
                      "\t_ = strings.ToUpper\n"
                      "}\n";
    parsed p;
    parse(&p, src);
    goat_markers marks;
    goat_error *err = goat_markers_find("t.go", src, strlen(src), p.file, &marks);
    cr_assert_null(err);
    const char *tree[] = {"example.com/m/old", NULL};
    const goat_node **found = NULL;
    size_t n = goat_import_find_goat(p.file, src, &marks, "goat", "example.com/m/goat", tree, &found);
    cr_assert_eq(n, 3);
    cr_expect_str_eq(found[0]->u.import_spec.name->u.ident.name, "goat");
    cr_expect_str_eq(found[1]->u.import_spec.name->u.ident.name, "old");
    cr_expect_str_eq(found[2]->u.import_spec.name->u.ident.name, "tracking");
    free(found);
    goat_markers_free(&marks);
    goat_arena_free(&p.arena);
}
