/* SPDX-License-Identifier: MIT */
/* The rewriter: where tracking blocks go in one Go file, and the text
 * edits that put them there and take them out again.
 *
 * All functions take one file's text and return new text; none touches the
 * file system. Edits are splices applied in reverse offset order: bytes no
 * edit touches are copied unchanged. For every input that parses:
 *   goat_rewrite_clean(goat_rewrite_track(x)) == x, byte for byte.
 * Input that does not parse gives an error naming FILE:LINE:COL.
 *
 * Where the blocks go follows the reference GOAT (monshunter/goat,
 * pkg/tracking): see place.h. A block is four lines, indented like the
 * statement it precedes, with the file's own line endings:
 *   // +goat:generate[HINT]
 *   // +goat:tips: do not edit the block between the +goat comments
 *   ALIAS.Track(ALIAS.TRACK_ID_N)
 *   // +goat:end
 * HINT records what clean must undo besides removing the block, so that
 * clean(track(x)) == x even where gofmt's layout forced other changes:
 *   ` opened "G0" "G1" ... "Gn"`  the block sits in a one-line body that was
 *       opened onto separate lines; Gi are the original bytes between '{',
 *       the n statements and '}' (Go-quoted), which clean puts back between
 *       the statements it finds after the block, whatever lies there (the
 *       comments of the gaps, laid out anew);
 *   ` split "G"`  the block split a line that starts with comments, or a
 *       function's '{' line whose first statement follows the '{': it
 *       stands after them (the '{' and any comment after it), and G
 *       (Go-quoted) are the original bytes between them and the code;
 *   ` pad=KL:N,...`  gofmt column alignment that the block split: line L
 *       (relative to the block) had N blanks before its comment (K=c), its
 *       one-line func's '{' (K=f), its key's value (K=k) or its spec's '='
 *       (K=v).
 * The reference's clean regexes (`// +goat:generate[^
]*
 ... // +goat:end`)
 * still match such blocks. */
#ifndef GOAT_REWRITE_REWRITE_H
#define GOAT_REWRITE_REWRITE_H

#include <stdbool.h>
#include <stddef.h>

#include "rewrite/funcname.h"
#include "util/error.h"
#include "util/lineset.h"

typedef enum goat_granularity {
    GOAT_GRANULARITY_LINE,
    GOAT_GRANULARITY_PATCH,
    GOAT_GRANULARITY_SCOPE,
    GOAT_GRANULARITY_FUNC,
} goat_granularity;

/* "line", "patch", "scope", "func" <-> enum. Parse returns -1 when unknown. */
int goat_granularity_parse(const char *name);
const char *goat_granularity_name(goat_granularity g);

typedef struct goat_rewrite_options {
    goat_granularity granularity;
    const char *alias;       /* the goat package's import alias, e.g. "goat" */
    const char *import_path; /* e.g. "example.com/app/goat" */
    int first_id;            /* TRACK_ID of the file's first block (>= 1) */
    /* The point table (track and patch), when table is set. */
    bool table;
    const goat_funcname_before *names_before; /* what the package's files
                                               * compiled before this one add
                                               * to init.N and glob..funcN
                                               * (NULL: nothing); track and
                                               * patch give it the input's
                                               * tree */
    const goat_lineset *changed; /* patch: the changed lines of the text
                                  * clean restores (NULL: none) */
    /* Clean and patch: the import paths of every goat package the module
     * holds (each directory with a goat_generated.go), NULL-terminated, or
     * NULL. See "goat's imports" below. */
    const char *const *tree_import_paths;
} goat_rewrite_options;

/* goat's imports of a file are recognised by what they import, whatever
 * goat.yaml says now: an import of opts->import_path as opts->alias, an
 * import of one of opts->tree_import_paths under any name, and the import
 * whose name the file's own `// +goat:generate`, `// +goat:main` and
 * `// +goat:delete` blocks use (`NAME.Track(...)`, `NAME.ServeHTTP(...)`). */

/* A function body a rewrite copied unchanged: text[at, at + len) of the
 * result is src[from, from + len) of the input, from its '{' to its '}'. */
typedef struct goat_known_body {
    size_t at, from, len;
} goat_known_body;
/* A tracking point's row of the point table. Lines are those of the
 * committed text, the one goat clean restores (for track its input). A
 * row's strings belong to its table (see goat_rewrite_result.table). */
typedef struct goat_rewrite_point {
    int line;          /* the line of the code the block stands before (the
                        * first token after it: comments and blank lines
                        * passed over) */
    const char *func;  /* the function it is in, as Go's runtime names it
                        * without the package path (funcname.h); "" outside
                        * every function */
    const char *lines; /* the changed lines it stands for, "12-14,17" or ""
                        * (attribute.h) */
    bool insert;       /* goat patch made it from a `// +goat:insert` */
} goat_rewrite_point;

typedef struct goat_rewrite_result {
    char *text; /* malloc'd; NUL-terminated, len bytes */
    size_t len;
    int points; /* blocks inserted, numbered first_id .. first_id+points-1 */
    int *lines; /* goat_rewrite_track only (else NULL): malloc'd, points
                 * entries, the 1-based input line block i stands before
                 * (for an opened one-line body, the body's line) */
    /* Track and patch with opts->table (else NULL): points rows, in ID
     * order, and the strings they point to, in one malloc'd block, so that
     * free(table) frees it all and a row's strings live as long as the
     * table does (a file has up to tens of thousands of rows, and a
     * malloc for each string was most of the cost of describing them). */
    goat_rewrite_point *table;
    /* goat_rewrite_track only (else NULL, 0): malloc'd, in offset order,
     * the function declarations' bodies no edit touched, each a byte copy
     * of a body of the input, which parsed: for goat_parse_file_known_bodies
     * (parser.h), which checks the text without parsing them again */
    goat_known_body *known_bodies;
    size_t known_body_count;
} goat_rewrite_result;

/* Inserts a tracking block for the new lines of the file (1-based line
 * numbers of the input text) at the chosen granularity, and the import
 * when at least one block was inserted. When opts->alias cannot name the
 * goat package at a block (see clash.h), nothing is inserted and the error
 * names the clashing declaration's FILE:LINE:COL. */
goat_error *goat_rewrite_track(const char *filename, const char *src, size_t len,
                               const goat_lineset *new_lines,
                               const goat_rewrite_options *opts,
                               goat_rewrite_result *out);

/* `goat patch` on one file: turns each `// +goat:insert` line into a
 * tracking block (marked ` insert` after +goat:generate, so that later
 * patches still know how it was made), removes each `// +goat:delete` ...
 * `// +goat:end` block, and renumbers every tracking block of the file
 * from opts->first_id in source order (granularity is ignored). The table
 * describes every tracking block of the result as track would have: a
 * block keeps its location, function and kind; its changed lines are
 * attributed anew from opts->changed among all the file's blocks, so an
 * insert takes over the lines after it that an earlier block stood for.
 * A `// +goat:insert` must stand where a statement may: between the
 * statements of a function body (of a FuncDecl or a function literal), of
 * a nested block, or of a case/comm clause after its colon, or after a
 * label (which then labels the block's call; a goto still reaches it).
 * Anywhere else the block would not parse (the reference turns it into
 * text that does not parse and then fails on it), or, between a label and
 * a loop, switch or select, a break or continue naming the label would
 * not compile, so the whole file is refused, with no output, by an error
 * at the marker's FILE:LINE:COL:
 *   "+goat:insert is not inside a function body: move it into ..."
 *       (package level, e.g. in a package-level composite literal or
 *       between declarations);
 *   "+goat:insert stands between a label and the loop, switch or select it
 *       labels: move it above the label";
 *   "+goat:insert is not at a statement position: move it to ..."  (inside
 *       a function body but within a statement: call arguments, composite
 *       literals, a case list, or a switch/select body before its first
 *       clause).
 * Every block of the file is written with opts->alias and the file keeps
 * one goat import, `opts->alias "opts->import_path"`: goat's other imports
 * (an earlier alias or path) are removed. That is refused, as a clash of
 * the alias at an insert or tracking block is (clash.h), by an error at
 * FILE:LINE:COL: a use of such an import outside goat's blocks, a dot
 * import of the goat package, an import sharing its line with other code. */
goat_error *goat_rewrite_patch(const char *filename, const char *src, size_t len,
                               const goat_rewrite_options *opts,
                               goat_rewrite_result *out);

/* Inserts `ALIAS.ServeHTTP(ALIAS.COMPONENT_N)` as a `// +goat:main` block at
 * the top of func main, and the import; a clash of the alias is refused as
 * by goat_rewrite_track. */
goat_error *goat_rewrite_main_entry(const char *filename, const char *src, size_t len,
                                    const goat_rewrite_options *opts, int component,
                                    goat_rewrite_result *out);

/* Removes every goat block (generate, main, and the reference's other
 * +goat: blocks as its clean does), goat's imports, and the lines goat
 * opened up, restoring the text goat started from. points counts the
 * tracking blocks removed. What would not compile without the goat
 * package is refused, with no output, by an error at its FILE:LINE:COL: a
 * use of a goat import outside the blocks (`goat.Track(...)` written by
 * hand), a dot import of the goat package, a goat import sharing its line
 * with other code. */
goat_error *goat_rewrite_clean(const char *filename, const char *src, size_t len,
                               const goat_rewrite_options *opts,
                               goat_rewrite_result *out);

void goat_rewrite_result_free(goat_rewrite_result *out);

#endif
