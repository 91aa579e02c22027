/* SPDX-License-Identifier: MIT */
/* The `// +goat:` comment lines of a Go file, found with PCRE2.
 *
 * A marker line is a line holding only optional blanks and one of
 *   // +goat:generate, // +goat:main, // +goat:user, // +goat:delete
 * (each opening a block that ends at the next `// +goat:end` line) or
 *   // +goat:insert
 * (a block of its own), followed by anything (a hint) up to the line end.
 * This is what the reference's clean and patch regexes match, minus their
 * habit of swallowing the blank lines before a block. */
#ifndef GOAT_REWRITE_MARKERS_H
#define GOAT_REWRITE_MARKERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "parser/ast.h"
#include "util/error.h"

typedef enum goat_marker_kind {
    GOAT_MARKER_GENERATE,
    GOAT_MARKER_MAIN,
    GOAT_MARKER_USER,
    GOAT_MARKER_DELETE,
    GOAT_MARKER_INSERT,
} goat_marker_kind;

typedef struct goat_marker {
    goat_marker_kind kind;
    size_t start;      /* first byte of the opening line */
    size_t indent_len; /* blanks at the start of the opening line */
    size_t hint;       /* text after the marker word, up to the line end */
    size_t hint_len;
    size_t end;        /* just past the line ending of the closing line */
    int line;          /* 1-based line of the opening line */
} goat_marker;

typedef struct goat_markers {
    goat_marker *items;
    size_t count;
    size_t cap;
} goat_markers;

/* Finds every marker block in source order. A marker line counts only when
 * its `//` starts a real comment (not text inside a string literal or a
 * block comment): file, the parsed tree of src, says which are; when it
 * is NULL, src is lexed for them. An opening line without its
 * `// +goat:end` gives an error naming FILE:LINE:COL of the opening comment. */
goat_error *goat_markers_find(const char *filename, const char *src, size_t len, const goat_node *file,
                              goat_markers *out);
/* Whether src has any text that looks like a marker: when it does not,
 * goat_markers_find finds nothing, and a caller need not parse src. */
bool goat_markers_possible(const char *src, size_t len);
void goat_markers_free(goat_markers *m);

/* Comments that look meant as markers but are not, which patch and clean
 * would pass over in silence: a marker spelled otherwise (`//+goat:insert`,
 * `// +goat: insert`, `// +goat:inserts`, `// +Goat:insert`,
 * `// goat:insert`, a block comment holding +goat:insert), an exact marker
 * after code on its line, or `// +goat:WORD` naming no marker. Without the
 * '+', only a comment holding nothing but "goat:WORD", WORD within an edit
 * or two of a marker's, counts (`// goat: end of story` does not). Returns
 * an array of *count warnings ("warning: ..."), each with the file, line
 * and column of its comment, in source order; NULL when there are none. */
goat_error *goat_markers_near_misses(const char *filename, const char *src, size_t len, size_t *count);
void goat_markers_near_misses_free(goat_error *list, size_t count);
/* Prints them, "FILE:LINE:COL: warning: ...", one a line; returns how many. */
size_t goat_markers_warn_near_misses(const char *filename, const char *src, size_t len, FILE *out);

/* "\r\n" when the line starting at or containing offset ends with CRLF, else "\n". */
const char *goat_line_ending_at(const char *src, size_t len, size_t offset);
/* The line ending the file mostly uses (its first line ending; "\n" if none). */
const char *goat_file_line_ending(const char *src, size_t len);

#endif
