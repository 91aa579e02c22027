/* SPDX-License-Identifier: MIT */
/* Where tracking blocks go in one parsed Go file.
 *
 * What is tracked follows the reference GOAT (monshunter/goat,
 * pkg/tracking): at line granularity a block before every new statement
 * line, and for a control statement (if, for, range, switch, select, case)
 * whose header is new, a block at the start of each body the header leads
 * into; patch, scope and func granularity keep one block per run of new
 * lines in a scope, per scope, per function. Where we differ from the
 * reference, on purpose:
 *
 *  - Every function literal is tracked, wherever it stands in a function
 *    body or a package-level initializer (the reference walks only some
 *    expression positions), at every granularity.
 *  - A scope is a run of statements of one statement list up to the next
 *    control statement or bare block, whose header line it holds (the
 *    reference keys scopes on line ranges, and so merges or loses some:
 *    bodies inside bare blocks, the else branch of a labeled if, a case
 *    clause starting with comments). Each empty case clause and if body
 *    is a scope of its own, so that patch and scope granularity give it a
 *    block exactly when line granularity does.
 *  - Every expression statement counts (the reference counts calls only,
 *    not a receive `<-ch`), and so does a switch or select without clauses
 *    (`select {}`).
 *  - A block goes before the first line where a statement may stand, found
 *    from the comments the parser saw, not by the look of a line: comment
 *    lines above a statement are skipped, and a statement line that starts
 *    with a block comment (or with the end of a multi-line one) gets its
 *    block before that comment, never after the statement. A block never goes where
 *    no statement may stand (the middle of a signature or an expression,
 *    a case line when the block is for the clause that line starts): it is
 *    dropped instead, and the line is left to the block before it.
 *  - A control statement's body laid out on its header's line (`if x {
 *    return }`, which gofmt never leaves) is tracked by the block before
 *    that line, not by one inside the body.
 *  - Labeled statements: a labeled loop, switch or select (and a label
 *    before a lone `;`) keeps its label first and gets its block before
 *    the label (break L and continue L need the label on the loop); any
 *    other labeled statement gets its block after the label, so that a
 *    goto runs it too.
 *  - A block that ends an empty case clause goes before the comment lines
 *    above the next case (gofmt would indent them into the clause).
 *  - Single-line bodies of functions and function literals are opened
 *    onto separate lines with the block first, nested ones too, comments
 *    kept (see rewrite.h for the hint that lets clean undo it).
 *  - Layouts gofmt never leaves: in a multi-line function body, a first
 *    statement on the '{' line (or after a comment begun there) gets its
 *    block by splitting its line before it (a statement of an enclosing
 *    function starting that line keeps its own block before the line),
 *    and statements starting the '}' line get blocks like any other line. */
#ifndef GOAT_REWRITE_PLACE_H
#define GOAT_REWRITE_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/ast.h"
#include "rewrite/funcname.h"
#include "rewrite/rewrite.h"
#include "util/lines.h"
#include "util/lineset.h"

typedef struct goat_place {
    size_t offset;           /* a line start, or just after the '{' of an opened body, */
                             /*   or where a split line splits */
    const goat_node *opened; /* the single-line BlockStmt opened here, or NULL */
    int line;                /* 1-based input line the block precedes (or the body's line) */
    size_t indent;           /* the block's indentation is src[indent, indent+indent_len) */
    size_t indent_len;       /*   followed by tabs more tabs; for an opened body, the */
    int tabs;                /*   indentation of the line holding its '}' once opened */
    bool split;              /* the line starts with comments: the block goes after them, */
    size_t split_len;        /*   replacing the split_len blanks at offset before the code; */
    bool head;               /*   or a function's first statement follows its '{' on the '{' */
                             /*   line: split there, the statement indented like the block */
} goat_place;

typedef struct goat_places {
    goat_place *items; /* sorted by offset */
    size_t count;
    size_t cap;
} goat_places;

/* lines are src's line starts, words its func words. */
void goat_place_blocks(const goat_node *file, const char *src, size_t len, const goat_lines *lines,
                       const goat_func_words *words, const goat_lineset *new_lines, goat_granularity granularity,
                       goat_places *out);
void goat_places_free(goat_places *p);

/* Whether body, a multi-line function body of file, has its first
 * statement on the line of its '{', or on a line that a comment begun
 * there runs into (layouts gofmt never leaves): the statement then starts
 * no line, and the blanks [*split, *code) before it (after the '{' or the
 * last comment) are where a block splits its line (a head). */
bool goat_place_head(const goat_node *file, const char *src, const goat_node *body, size_t *split, size_t *code);

/* The index of file's first comment beginning at or after offset at. */
size_t goat_first_comment_from(const goat_node *file, size_t at);

/* Where a `// +goat:insert` comment starting at byte offset pos lies: a
 * place a statement may stand (between the statements of a function
 * body, a nested block or a case/comm clause after its colon, or after a
 * label's colon, the statement then taking the label), between a label
 * and the loop, switch or select it labels (a break or continue naming
 * the label would no longer compile), inside a function body but within a
 * statement, expression or clause header (call arguments, composite
 * literals, before a switch's first case), or outside every function
 * body. */
typedef enum goat_stmt_position {
    GOAT_POSITION_STATEMENT,
    GOAT_POSITION_AFTER_LOOP_LABEL,
    GOAT_POSITION_INSIDE_STATEMENT,
    GOAT_POSITION_OUTSIDE_FUNCTION,
} goat_stmt_position;

goat_stmt_position goat_place_statement_position(const goat_node *file, goat_pos pos);

#endif
