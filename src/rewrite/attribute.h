/* SPDX-License-Identifier: MIT */
/* What each tracking block of a file stands for: where it is, in which
 * function, and which changed lines it gives evidence of.
 *
 * Blocks are given as offsets into the committed text (the text goat clean
 * restores), where each block is or would be inserted: a line start, or
 * just after the '{' of a one-line body goat opens.
 *
 * Location: the line of the first token at or after the block's offset,
 * i.e. of the code the block stands before (comment and blank lines are
 * passed over).
 *
 * Function: the innermost function whose body holds the offset, named as
 * funcname.h says.
 *
 * Changed lines. A line holds code of a function when one of its tokens
 * (not a comment) lies inside that function's body and not inside a
 * function literal there; a line of a package-level literal like
 * `var f = func() { a() }` holds code of both the literal and of no
 * function. Blank and comment-only lines, and code outside every function,
 * stand for nothing. For each function whose code a changed line holds,
 * let p be the line's first token in that function and S the innermost
 * statement around p (a case or comm clause counts as a statement, the
 * statements of a one-line body too):
 *   1. Header: when p lies in the text of a compound statement S itself
 *      rather than in one of its statement lists (an if, for, switch or
 *      select header, a case clause's `case ...:`, a `} else {`, a block's
 *      braces, the label of such a statement), the line belongs to the
 *      first block placed after p in S's own statement lists, else (a
 *      closing brace) to the first block placed in them at all. S's own
 *      lists are an if's body and else block (and for `} else if c {`,
 *      that if's body), a loop's body, every clause of a switch or select,
 *      a clause's statements, a block's statements.
 *   2. Otherwise (or when S's own lists hold no block) it belongs to the
 *      last block placed before S in S's statement list, else to the last
 *      one placed before the statement holding that list in its own list,
 *      and so on outwards, stopping at the function's body. A block that
 *      ends a case clause (placed before the next case) belongs to that
 *      clause.
 *   3. A line still without a block (a type declaration before a
 *      function's first block) belongs to the first block placed after p
 *      in the statement list holding it: straight-line code runs on into
 *      it.
 * A line of a function declaration outside its body (the signature, the
 * closing brace), and of a package-level literal outside its body, belongs
 * to the first block of that function. So a line belongs to at most one
 * block per function, and a block stands for the code that runs whenever
 * it does: the statements after it in its list up to the next block, the
 * headers it is the first to follow. */
#ifndef GOAT_REWRITE_ATTRIBUTE_H
#define GOAT_REWRITE_ATTRIBUTE_H

#include <stddef.h>

#include "rewrite/funcname.h"
#include "util/lines.h"
#include "util/lineset.h"
#include "util/strbuf.h"

typedef struct goat_block_info {
    int line;    /* location: 1-based line */
    long func;   /* index into the funcnames, -1 outside every function */
    size_t lines; /* where its changed lines start in the caller's ranges
                   * buffer: ascending ranges, "12-14,17" or "", each
                   * list ended by a NUL */
} goat_block_info;

/* file is src's tree, lines its line starts and funcs its
 * goat_funcnames_build (all must still live); changed the changed lines
 * (frozen, or all); offsets the blocks' offsets, ascending (equal offsets
 * in the order the blocks appear). Fills out[0..count), appending the
 * blocks' lists of changed lines to ranges in block order. */
void goat_attribute(const char *src, size_t len, const goat_lines *lines, const goat_node *file,
                    const goat_funcnames *funcs, const goat_lineset *changed, const size_t *offsets, size_t count,
                    goat_block_info *out, goat_strbuf *ranges);

/* Appends "12-14,17" for the ascending, duplicate-free lines to sb, and a
 * NUL, so that lists follow one another in one buffer; returns where this
 * one starts. */
size_t goat_put_line_ranges(goat_strbuf *sb, const int *lines, size_t count);

#endif
