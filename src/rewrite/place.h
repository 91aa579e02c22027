/* SPDX-License-Identifier: MIT */
/* Where tracking blocks go in one parsed Go file: the reference GOAT's
 * rules (line, patch, scope, func granularity; control statements whose
 * header is new; function literals; single-line bodies), restricted to
 * places where a statement may stand, so that the result always parses. */
#ifndef GOAT_REWRITE_PLACE_H
#define GOAT_REWRITE_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "parser/ast.h"
#include "rewrite/rewrite.h"
#include "util/lineset.h"

typedef struct goat_place {
    size_t offset;           /* a line start, or just after the '{' of an opened body */
    const goat_node *opened; /* the single-line BlockStmt opened here, or NULL */
    int line;                /* 1-based input line the block precedes (or the body's line) */
    size_t indent;           /* the block's indentation is src[indent, indent+indent_len) */
    size_t indent_len;       /*   followed by one more tab when extra_tab */
    bool extra_tab;
} goat_place;

typedef struct goat_places {
    goat_place *items; /* sorted by offset */
    size_t count;
    size_t cap;
} goat_places;

void goat_place_blocks(const goat_node *file, const char *src, size_t len,
                       const goat_lineset *new_lines, goat_granularity granularity,
                       goat_places *out);
void goat_places_free(goat_places *p);

/* Whether the single-line body can be opened onto separate lines: no
 * comment lies between its braces. */
bool goat_place_can_open(const goat_node *file, const char *src, const goat_node *body);

/* Where a `// +goat:insert` comment starting at byte offset pos lies: a
 * place a statement may stand (between the statements of a function
 * body, a nested block or a case/comm clause after its colon), inside a
 * function body but within a statement, expression or clause header
 * (call arguments, composite literals, before a switch's first case), or
 * outside every function body. */
typedef enum goat_stmt_position {
    GOAT_POSITION_STATEMENT,
    GOAT_POSITION_INSIDE_STATEMENT,
    GOAT_POSITION_OUTSIDE_FUNCTION,
} goat_stmt_position;

goat_stmt_position goat_place_statement_position(const goat_node *file, goat_pos pos);

#endif
