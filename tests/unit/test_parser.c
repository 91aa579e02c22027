/* SPDX-License-Identifier: MIT */
/* Unit tests of the parser's interface: the tree's shape and offsets for
 * small inputs, comments attached to the file, imports, the Inspect order
 * and its child skipping, error values (first error, position, wording),
 * the nesting cap, and the deep-stack runner. The whole-language checks are
 * the differential tests in tests/parser/. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "util/strbuf.h"

static goat_node *parse_ok(goat_arena *arena, const char *src)
{
    goat_node *file = NULL;
    goat_error *err = goat_parse_file(arena, "t.go", src, strlen(src), &file);
    if (err) {
        char *msg = goat_error_format(err);
        cr_assert_fail("unexpected error: %s", msg);
    }
    cr_assert_not_null(file);
    return file;
}

static char *parse_err(const char *src, size_t len)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = (goat_node *)1;
    goat_error *err = goat_parse_file(&arena, "t.go", src, len, &file);
    cr_assert_not_null(err, "no error for %s", src);
    cr_assert_null(file);
    char *msg = goat_error_format(err);
    goat_error_free(err);
    goat_arena_free(&arena);
    return msg;
}

static bool dump_node(const goat_node *n, int depth, void *ctx)
{
    goat_strbuf *sb = ctx;
    goat_strbuf_printf(sb, "%*s%s %ld %ld\n", depth * 2, "", goat_node_kind_name(n->kind), n->pos, n->end);
    return true;
}

static char *dump(const goat_node *n)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_ast_inspect(n, dump_node, &sb);
    return goat_strbuf_detach(&sb, NULL);
}

Test(parser, issue_example)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *f = parse_ok(&arena, "package p\n\nfunc f() { x := 1 }\n");
    char *text = dump(f);
    cr_expect_str_eq(text, "File 0 30\n"
                           "  Ident 8 9\n"
                           "  FuncDecl 11 30\n"
                           "    Ident 16 17\n"
                           "    FuncType 11 19\n"
                           "      FieldList 17 19\n"
                           "    BlockStmt 20 30\n"
                           "      AssignStmt 22 28\n"
                           "        Ident 22 23\n"
                           "        BasicLit 27 28\n");
    free(text);
    goat_node *decl = f->u.file.decls.items[0];
    cr_expect_str_eq(decl->u.func_decl.name->u.ident.name, "f");
    goat_node *as = decl->u.func_decl.body->u.block.list.items[0];
    cr_expect_eq(as->u.assign.tok, GOAT_TOK_DEFINE);
    cr_expect_str_eq(as->u.assign.rhs.items[0]->u.basic_lit.value, "1");
    goat_arena_free(&arena);
}

Test(parser, comments_and_imports)
{
    goat_arena arena;
    goat_arena_init(&arena);
    const char *src = "// doc\npackage p\n\nimport (\n\t\"fmt\" // line\n\tx \"os\"\n)\n\n/* +goat:x */\nvar v = 1\n";
    goat_node *f = parse_ok(&arena, src);
    cr_assert_eq(f->u.file.comment_count, 3);
    cr_expect_eq(f->u.file.comments[0].pos, 0);
    cr_expect_eq(f->u.file.comments[0].end, 6);
    const goat_comment *c = &f->u.file.comments[2];
    cr_expect(strncmp(src + c->pos, "/* +goat:x */", (size_t)(c->end - c->pos)) == 0);
    cr_assert_eq(f->u.file.imports.count, 2);
    cr_expect_str_eq(f->u.file.imports.items[1]->u.import_spec.name->u.ident.name, "x");
    cr_expect_str_eq(f->u.file.imports.items[1]->u.import_spec.path->u.basic_lit.value, "\"os\"");
    cr_expect_eq(f->pos, 7); /* the package keyword, after the doc comment */
    goat_arena_free(&arena);
}

Test(parser, multiline_raw_strings_are_listed)
{
    goat_arena arena;
    goat_arena_init(&arena);
    /* only raw strings that span lines (a struct tag here, an operand):
     * not one on a single line, not an interpreted string, not the text of
     * a comment */
    const char *src = "package p\n\n"
                      "type T struct {\n\tF int `json:\"f\"\n\t\tx:\"y\"`\n}\n\n"
                      "/* `c\nd` */\nvar one = `e`\nvar two = \"f\\ng\"\nvar three = `h\r\ni`\n";
    goat_node *f = parse_ok(&arena, src);
    cr_assert_eq(f->u.file.multiline_string_count, 2);
    const goat_comment *tag = &f->u.file.multiline_strings[0], *three = &f->u.file.multiline_strings[1];
    cr_expect(strncmp(src + tag->pos, "`json:\"f\"\n\t\tx:\"y\"`", (size_t)(tag->end - tag->pos)) == 0);
    cr_expect(strncmp(src + three->pos, "`h\r\ni`", (size_t)(three->end - three->pos)) == 0);
    cr_expect_eq(three->end, (goat_pos)strlen(src) - 1);
    goat_arena_free(&arena);
}

static bool skip_funcs(const goat_node *n, int depth, void *ctx)
{
    (void)depth;
    (*(int *)ctx)++;
    return n->kind != GOAT_FUNC_DECL;
}

Test(parser, inspect_skips_children)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *f = parse_ok(&arena, "package p\nfunc f() { g(1, 2) }\nfunc h() {}\n");
    int count = 0;
    goat_ast_inspect(f, skip_funcs, &count);
    cr_expect_eq(count, 4); /* File, Ident p, FuncDecl f, FuncDecl h */
    goat_arena_free(&arena);
}

Test(parser, raw_string_with_cr_ends_at_its_closing_backquote)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *f = parse_ok(&arena, "package p\nvar s = `a\r\nb`\n");
    goat_node *spec = f->u.file.decls.items[0]->u.gen_decl.specs.items[0];
    goat_node *lit = spec->u.value_spec.values.items[0];
    cr_expect_eq(lit->pos, 18);
    /* A source offset, not go/ast's pos + len("`a\nb`") = 23, which lies
     * inside the literal, where the rewriter would cut it. */
    cr_expect_eq(lit->end, 24);
    cr_expect_str_eq(lit->u.basic_lit.value, "`a\nb`"); /* the value as go/ast's */
    cr_expect_eq(spec->end, 24);
    goat_arena_free(&arena);
}

Test(parser, generic_nodes)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *f = parse_ok(&arena, "package p\ntype T[K comparable, V ~int | string] map[K]V\nvar x T[int, int]\n");
    goat_node *ts = f->u.file.decls.items[0]->u.gen_decl.specs.items[0];
    goat_node *tparams = ts->u.type_spec.type_params;
    cr_assert_not_null(tparams);
    cr_assert_eq(tparams->u.field_list.list.count, 2);
    goat_node *constraint = tparams->u.field_list.list.items[1]->u.field.type;
    cr_expect_eq(constraint->kind, GOAT_BINARY_EXPR);
    cr_expect_eq(constraint->u.binary.op, GOAT_TOK_OR);
    cr_expect_eq(constraint->u.binary.x->kind, GOAT_UNARY_EXPR);
    cr_expect_eq(constraint->u.binary.x->u.unary.op, GOAT_TOK_TILDE);
    goat_node *vs = f->u.file.decls.items[1]->u.gen_decl.specs.items[0];
    cr_expect_eq(vs->u.value_spec.type->kind, GOAT_INDEX_LIST_EXPR);
    goat_arena_free(&arena);
}

Test(parser, first_error_with_position)
{
    char *msg = parse_err("package p\n\nfunc f() {\n\tx := )\n}\n", 32);
    cr_expect_str_eq(msg, "t.go:4:7: expected operand, found ')'");
    free(msg);
    msg = parse_err("package p\nvar s = \"abc\n", 22);
    cr_expect_str_eq(msg, "t.go:2:9: string literal not terminated");
    free(msg);
    msg = parse_err("// c\n", 5);
    cr_expect_str_eq(msg, "t.go:1:6: expected 'package', found 'EOF'");
    free(msg);
    msg = parse_err("", 0);
    cr_expect_str_eq(msg, "t.go:1:1: expected 'package', found 'EOF'");
    free(msg);
    msg = parse_err("package p\nfunc f() {\n\tif x == T{} {\n\t}\n}\n", 38);
    cr_expect_str_eq(msg, "t.go:3:14: expected ';', found '{'");
    free(msg);
}

Test(parser, nul_and_bad_bytes_are_errors)
{
    static const char nul[] = "package p\nvar x = 1\x00\n";
    char *msg = parse_err(nul, sizeof nul - 1);
    cr_expect(strstr(msg, "t.go:2:10: ") == msg, "got %s", msg);
    free(msg);
    static const char bad[] = "package p\nvar \xff = 1\n";
    msg = parse_err(bad, sizeof bad - 1);
    cr_expect(strstr(msg, "t.go:2:5: ") == msg, "got %s", msg);
    free(msg);
}

Test(parser, nesting_cap)
{
    size_t n = 150000;
    size_t len = 18 + 2 * n + 2;
    char *src = malloc(len + 1);
    strcpy(src, "package p\nvar x = ");
    memset(src + 18, '(', n);
    src[18 + n] = 'y';
    memset(src + 19 + n, ')', n);
    src[19 + 2 * n] = '\n';
    src[20 + 2 * n] = '\0';
    char *msg = parse_err(src, strlen(src));
    cr_expect_str_eq(msg, "t.go:2:100009: exceeded max nesting depth");
    free(msg);
    free(src);
}

static void parse_in_deep_stack(void *arg)
{
    int *ok = arg;
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    const char *src = "package p\nfunc f() { for { select {} } }\n";
    goat_error *err = goat_parse_file(&arena, "t.go", src, strlen(src), &file);
    *ok = err == NULL && file != NULL;
    goat_arena_free(&arena);
}

Test(parser, deep_stack_runner)
{
    int ok = 0;
    goat_run_with_parse_stack(strlen("package p\nfunc f() { for { select {} } }\n"), parse_in_deep_stack, &ok);
    cr_expect(ok);
}

/* The outline parse: bodies of named function declarations are left empty
 * with their real braces; those of functions named _ and every package-level
 * literal are parsed; funcname's counts come out as from the full tree. */
Test(parser, outline_skips_named_function_bodies)
{
    const char *src = "package p\n"
                      "import \"fmt\"\n"
                      "var f = func() { fmt.Println(\"{\") }\n"
                      "func init() { if true { g := func() {}; g() } }\n"
                      "func (t *T) M() { x := map[string]int{\"}\": 1}; _ = x }\n"
                      "func _() { _ = func() {} }\n"
                      "func Decl()\n";
    goat_arena full_arena, outline_arena;
    goat_arena_init(&full_arena);
    goat_arena_init(&outline_arena);
    goat_node *full = parse_ok(&full_arena, src), *outline = NULL;
    goat_error *err = goat_parse_file_outline(&outline_arena, "t.go", src, strlen(src), &outline);
    cr_assert_null(err, "%s", err ? err->message : "");
    cr_assert_eq(outline->u.file.decls.count, full->u.file.decls.count);
    cr_assert_eq(outline->u.file.imports.count, 1);
    for (size_t i = 0; i < full->u.file.decls.count; i++) {
        const goat_node *a = full->u.file.decls.items[i], *b = outline->u.file.decls.items[i];
        cr_assert_eq(a->kind, b->kind);
        cr_assert_eq(a->pos, b->pos);
        cr_assert_eq(a->end, b->end, "declaration %zu ends at %ld, not %ld", i, (long)b->end, (long)a->end);
        if (a->kind != GOAT_FUNC_DECL || !a->u.func_decl.body) {
            cr_assert_eq(a->kind == GOAT_FUNC_DECL, b->kind == GOAT_FUNC_DECL && !b->u.func_decl.body);
            continue;
        }
        const goat_node *ab = a->u.func_decl.body, *bb = b->u.func_decl.body;
        cr_assert_eq(ab->u.block.lbrace, bb->u.block.lbrace);
        cr_assert_eq(ab->u.block.rbrace, bb->u.block.rbrace);
        bool blank = strcmp(a->u.func_decl.name->u.ident.name, "_") == 0;
        cr_assert_eq(bb->u.block.list.count, blank ? ab->u.block.list.count : 0);
    }
    goat_arena_free(&full_arena);
    goat_arena_free(&outline_arena);
}

Test(parser, outline_reports_an_unbalanced_body)
{
    const char *src = "package p\nfunc f() { if x {\n";
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file_outline(&arena, "t.go", src, strlen(src), &file);
    cr_assert_not_null(err);
    cr_assert_null(file);
    goat_error_free(err);
    goat_arena_free(&arena);
}
