/* SPDX-License-Identifier: MIT */
/* Function names as Go 1.19's runtime reports them (runtime.FuncForPC,
 * runtime.Caller, stack traces, pprof), without the package path, worked
 * out from the syntax tree alone:
 *
 *   func Total()                     Total
 *   func (c *Cart) Add()             (*Cart).Add
 *   func (c Cart) Sum()              Cart.Sum
 *   func Map[T, U any]()             Map[...]
 *   func (l *List[T]) Push()         (*List[...]).Push
 *   func init() (the package's k-th) init.k      (k from 0, in compile order)
 *   the n-th literal in a function F F.funcn     (n from 1)
 *   the n-th literal in a literal L  L.n         (main.func1.2, ...)
 *   a package-level literal          glob..funcn (n counts the whole package)
 *
 * Parenthesised receivers name the same way; a generic function's literals
 * carry its "[...]" (Map[...].func1), as the linker prints every
 * instantiation. Literals are numbered in the order cmd/compile names them:
 * source order, except that in an assignment of a non-generic function the
 * right-hand side is named before the left-hand side, and in a range
 * clause of a generic function the range expression before the key and
 * value. Literals of functions named _ share the package-wide counter
 * (_.func3).
 *
 * init.k and glob..funcn count across the package's files in the order
 * the go command compiles them: each file says what it adds
 * (goat_funcname_count) and is named with the counts of the files before
 * it.
 *
 * What the names cannot tell: the go and defer wrappers the compiler adds
 * for calls with arguments, and the copies inlining makes of a literal
 * whose enclosing function is inlined, are numbered after every literal of
 * the function they land in; the copies run under that name (main.func3
 * for a literal of an inlined helper), the literal itself under the name
 * given here (always so with -gcflags=-l). Literals inside a constant
 * expression (len of an array literal, unsafe.Sizeof) get no name from the
 * compiler but one here. */
#ifndef GOAT_REWRITE_FUNCNAME_H
#define GOAT_REWRITE_FUNCNAME_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/ast.h"

/* What a file adds to the numbering its package shares. */
typedef struct goat_funcname_counts {
    int inits;   /* functions named init (no receiver) */
    int globals; /* literals named from the package-wide counter */
} goat_funcname_counts;

/* A function with a body: a FuncDecl or a FuncLit. */
typedef struct goat_func {
    goat_pos pos, end;       /* the whole declaration or literal */
    goat_pos lbrace, rbrace; /* its body's braces */
    const goat_node *body;   /* the BlockStmt: valid while the tree is */
    long parent;             /* the function it lies in, or -1 */
    char *name;
} goat_func;

typedef struct goat_funcnames {
    goat_func *items; /* in source order (so sorted by pos and by lbrace) */
    size_t count;
} goat_funcnames;

/* Counts the init functions and package-counter literals of file. It
 * walks no body of a named function (but _), so a full tree costs little
 * more than its outline (parser.h), and both give the same counts. */
void goat_funcname_count(const goat_node *file, goat_funcname_counts *out);

/* Where the counts of the package's files compiled before a file come
 * from. Finding them means parsing the package's other files, so they are
 * asked for only when the file declares an init function or a literal
 * the package's counter numbers; most files do neither. parsed (may be
 * NULL) is given the file's own tree and text as soon as its parser has
 * them, before count is asked: a source that also answers for the other
 * files of the package then need not parse this one again. */
typedef struct goat_funcname_before {
    void (*count)(void *ctx, goat_funcname_counts *out);
    void *ctx;
    void (*parsed)(void *ctx, const goat_node *file, const char *src, size_t len);
} goat_funcname_before;

/* Where the bytes "func" stand in a text, in code, comments and strings
 * alike. A function literal or declaration begins with its func keyword,
 * so a tree walk looking for functions may skip every node whose text
 * holds none: most statements and expressions hold none. */
typedef struct goat_func_words {
    size_t *at; /* ascending offsets */
    size_t count;
} goat_func_words;

void goat_func_words_find(goat_func_words *out, const char *src, size_t len);
/* Whether [pos, end) holds one: whether a node there may hold a function
 * (true for a node without a position). */
bool goat_func_words_in(const goat_func_words *words, goat_pos pos, goat_pos end);
void goat_func_words_free(goat_func_words *words);

/* Names every function of file that has a body; words (may be NULL) are
 * those of file's text; before gives the counts of the package's files
 * compiled before this one (NULL: none). */
void goat_funcnames_build(const goat_node *file, const goat_func_words *words, const goat_funcname_before *before,
                          goat_funcnames *out);

/* The innermost function whose body holds offset pos (lbrace < pos <
 * rbrace; with closing_brace, lbrace < pos <= rbrace, for a position just
 * before the body's '}'), or -1. */
long goat_funcnames_at(const goat_funcnames *names, goat_pos pos, bool closing_brace);

void goat_funcnames_free(goat_funcnames *names);

#endif
