/* SPDX-License-Identifier: MIT */
/* Writes the pathological Go inputs of tests/pathological/ to stdout, so that
 * the repository holds no large files: they are made at test time.
 *
 *   genpath parens N      var x = ((((...1...))))        N pairs
 *   genpath brackets N    var x [][][]...[]int            N pairs
 *   genpath index N       var x = a[a[a[...a[0]...]]]     N levels
 *   genpath braces N      func f() {{{...}}}              N pairs inside a body
 *   genpath unary N       var x = -^!-^!...1              N operators
 *   genpath ifelse N      if x == 0 {} else if x == 1 {} ... N ifs
 *   genpath funclit N     func() { func() { ... }() }()   N levels
 *   genpath switch3 N     N switches with init and tag, each in a case clause
 *   genpath typeswitch3 N N type switches with init, each in a case clause
 *   genpath iface N       interface{ m(interface{ m(...) }) }  N levels
 *   genpath functype N    var f func(func(...))          N levels
 *   genpath struct N      var s struct{ f struct{ ... } }  N levels
 *   genpath generic N     one type declaration of N generic type specs
 *   genpath select N      select { case <-c: select { ... } }  N levels
 *   genpath forrange N    for range c { for range c { ... } }  N levels
 *   genpath big MIB       realistic functions up to MIB MiB, all valid Go
 *   genpath random N SEED N bytes from a fixed xorshift generator
 *   genpath soup N SEED   a function body of N random Go tokens (same generator)
 *   genpath longline N    one statement line of about N bytes
 *
 * Deterministic: the same arguments always give the same bytes. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void repeat(const char *s, long n)
{
    for (long i = 0; i < n; i++)
        fputs(s, stdout);
}

static void nested_parens(long n)
{
    fputs("package p\n\nvar x = ", stdout);
    repeat("(", n);
    fputs("1", stdout);
    repeat(")", n);
    fputs("\n", stdout);
}

static void nested_brackets(long n)
{
    fputs("package p\n\nvar x ", stdout);
    repeat("[]", n);
    fputs("int\n", stdout);
}

static void nested_index(long n)
{
    fputs("package p\n\nvar a []int\n\nvar x = ", stdout);
    repeat("a[", n);
    fputs("0", stdout);
    repeat("]", n);
    fputs("\n", stdout);
}

static void nested_braces(long n)
{
    fputs("package p\n\nfunc f() ", stdout);
    repeat("{", n);
    repeat("}", n);
    fputs("\n", stdout);
}

static void nested_unary(long n)
{
    static const char ops[] = "-^!";
    fputs("package p\n\nvar x = ", stdout);
    for (long i = 0; i < n; i++)
        putchar(ops[i % 3]);
    fputs("1\n", stdout);
}

static void if_else_chain(long n)
{
    fputs("package p\n\nfunc f(x int) {\n\tif x == 0 {\n", stdout);
    for (long i = 1; i < n; i++)
        printf("\t} else if x == %ld {\n", i);
    fputs("\t}\n}\n", stdout);
}

static void nested_func_lits(long n)
{
    fputs("package p\n\nfunc f() {\n", stdout);
    repeat("func() {\n", n);
    fputs("_ = 0\n", stdout);
    repeat("}()\n", n);
    fputs("}\n", stdout);
}

/* Shapes that open go/parser resolver scopes at different rates per
 * level of nesting (scopes.sh). */
static void nested_switches(long n, int type_switch)
{
    fputs(type_switch ? "package p\n\nfunc f(x interface{}) {\n" : "package p\n\nfunc f() {\n", stdout);
    repeat(type_switch ? "switch y := x; v := y.(type) {\ncase int:\n_ = v\n" : "switch x := 0; x {\ncase 0:\n", n);
    repeat("}\n", n);
    fputs("}\n", stdout);
}

static void nested_types(const char *decl, const char *open, const char *inner, const char *close, long n)
{
    printf("package p\n\n%s ", decl);
    repeat(open, n);
    fputs(inner, stdout);
    repeat(close, n);
    fputs("\n", stdout);
}

static void generic_specs(long n)
{
    fputs("package p\n\ntype (\n", stdout);
    for (long i = 0; i < n; i++)
        printf("\tT%ld[P any] int\n", i);
    fputs(")\n", stdout);
}

static void nested_statements(const char *open, long n)
{
    fputs("package p\n\nfunc f(c chan int) {\n", stdout);
    repeat(open, n);
    repeat("}\n", n);
    fputs("}\n", stdout);
}

/* One realistic function per index, covering the statement kinds goat
 * tracks; n makes every name unique. */
static size_t one_function(long n)
{
    return (size_t)printf(
        "// f%ld is generated filler for the large-file test.\n"
        "func f%ld(xs []int, m map[string]int, ch chan int) (int, error) {\n"
        "\ttotal := 0\n"
        "\tfor i, x := range xs {\n"
        "\t\tif x < 0 {\n"
        "\t\t\treturn i, fmt.Errorf(\"negative %%d at %%d\", x, i)\n"
        "\t\t} else if x == 0 {\n"
        "\t\t\tcontinue\n"
        "\t\t}\n"
        "\t\ttotal += x * %ld\n"
        "\t}\n"
        "\tswitch {\n"
        "\tcase total > 100:\n"
        "\t\tm[\"big\"]++\n"
        "\tdefault:\n"
        "\t\tm[\"small\"] = total\n"
        "\t}\n"
        "\tselect {\n"
        "\tcase v := <-ch:\n"
        "\t\ttotal -= v\n"
        "\tdefault:\n"
        "\t}\n"
        "\tdefer func() { _ = recover() }()\n"
        "\ts := `raw string %ld`\n"
        "\t_ = s[1:2]\n"
        "\treturn total, nil\n"
        "}\n\n",
        n, n, n % 97, n);
}

static void big_file(long mib)
{
    size_t want = (size_t)mib * 1024 * 1024, written = 0;
    written += (size_t)printf("package big\n\nimport \"fmt\"\n\n");
    for (long n = 0; written < want; n++)
        written += one_function(n);
}

static uint64_t next_random(uint64_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    return *state;
}

static void random_bytes(long n, unsigned long seed)
{
    uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
    for (long i = 0; i < n; i++)
        putchar((int)(next_random(&state) >> 56));
}

static void token_soup(long n, unsigned long seed)
{
    static const char *const tokens[] = {
        "func", "f", "(", ")", "{", "}", "[", "]", "x", "y", ":=", "=", "+", "-", "*",
        "<-", "if", "else", "for", "range", "return", "switch", "case", "default", ":",
        "go", "defer", "var", "const", "type", "struct", "interface", "map", "chan",
        "1", "0x1p-2", "'a'", "\"s\"", "`r`", ",", ";", ".", "...", "\n", "\n", "~", "|",
        "&&", "!", "^", "select", "break", "goto", "L", "int", "any", "// c\n", "/* c */",
    };
    uint64_t state = seed * 0x9E3779B97F4A7C15ULL + 1;
    fputs("package p\n\nfunc f() {\n", stdout);
    for (long i = 0; i < n; i++) {
        fputs(tokens[next_random(&state) % (sizeof tokens / sizeof tokens[0])], stdout);
        putchar(' ');
    }
}

static void long_line(long n)
{
    fputs("package p\n\nvar x = []int{", stdout);
    for (long written = 0; written < n; written += 3)
        fputs("1, ", stdout);
    fputs("1}\n", stdout);
}

static long number(const char *s)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || *end || n < 0) {
        fprintf(stderr, "genpath: not a count: %s\n", s);
        exit(2);
    }
    return n;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: genpath KIND N [SEED]\n", stderr);
        return 2;
    }
    const char *kind = argv[1];
    long n = number(argv[2]);
    if (strcmp(kind, "parens") == 0)
        nested_parens(n);
    else if (strcmp(kind, "brackets") == 0)
        nested_brackets(n);
    else if (strcmp(kind, "index") == 0)
        nested_index(n);
    else if (strcmp(kind, "braces") == 0)
        nested_braces(n);
    else if (strcmp(kind, "unary") == 0)
        nested_unary(n);
    else if (strcmp(kind, "ifelse") == 0)
        if_else_chain(n);
    else if (strcmp(kind, "funclit") == 0)
        nested_func_lits(n);
    else if (strcmp(kind, "switch3") == 0)
        nested_switches(n, 0);
    else if (strcmp(kind, "typeswitch3") == 0)
        nested_switches(n, 1);
    else if (strcmp(kind, "iface") == 0)
        nested_types("var i", "interface{ m(", "int", ") }", n);
    else if (strcmp(kind, "functype") == 0)
        nested_types("var f", "func(", "", ")", n);
    else if (strcmp(kind, "struct") == 0)
        nested_types("var s", "struct{ f ", "int", " }", n);
    else if (strcmp(kind, "generic") == 0)
        generic_specs(n);
    else if (strcmp(kind, "select") == 0)
        nested_statements("select {\ncase <-c:\n", n);
    else if (strcmp(kind, "forrange") == 0)
        nested_statements("for range c {\n", n);
    else if (strcmp(kind, "big") == 0)
        big_file(n);
    else if (strcmp(kind, "random") == 0)
        random_bytes(n, argc > 3 ? (unsigned long)number(argv[3]) : 1);
    else if (strcmp(kind, "soup") == 0)
        token_soup(n, argc > 3 ? (unsigned long)number(argv[3]) : 1);
    else if (strcmp(kind, "longline") == 0)
        long_line(n);
    else {
        fprintf(stderr, "genpath: unknown kind %s\n", kind);
        return 2;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
