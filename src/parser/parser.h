/* SPDX-License-Identifier: MIT */
/* The Go parser: source text to a goat_node tree (see ast.h).
 *
 * Recursive descent, one function per production of the Go specification,
 * accepting exactly what go/parser (Go 1.19, mode ParseComments) accepts and
 * rejecting what it rejects. On failure the result is go/parser's first
 * error, worded as go/parser words it, at FILE:LINE:COL as go/token reports
 * it (mapped by //line directives, which can change the file name, drop
 * the column, or leave no name at all).
 *
 * Nesting depth is capped the way go/parser caps it (100,000 levels); the
 * parser runs on a stack large enough for that cap, so no input, however
 * deep, can overflow the C stack: it gets an error with a position.
 *
 * Re-entrant: no global state; any number of parses may run at once. */
#ifndef GOAT_PARSER_PARSER_H
#define GOAT_PARSER_PARSER_H

#include <stddef.h>

#include "parser/ast.h"
#include "util/arena.h"
#include "util/error.h"

/* Parses src[0, len) (the text must outlive the tree). On success stores the
 * File node in *file and returns NULL; on failure returns the first error and
 * leaves *file NULL. Nodes and strings are allocated in arena. */
goat_error *goat_parse_file(goat_arena *arena, const char *filename,
                            const char *src, size_t len, goat_node **file);

/* As goat_parse_file, for a caller that needs a file's outline only (its
 * package clause, imports and declarations): the body of each function
 * declaration not named _ is passed over by matching its braces and left
 * an empty BlockStmt with the real brace positions. Such a body is lexed,
 * not parsed, so a syntax error inside it goes unnoticed; a lexical one
 * (an unterminated string, say) is still reported. */
goat_error *goat_parse_file_outline(goat_arena *arena, const char *filename,
                                    const char *src, size_t len, goat_node **file);

/* As goat_parse_file, for a text made by editing one that goat_parse_file
 * accepted (goat's own output, checked before it is written): the body of
 * each function declaration whose '{' is at one of the count offsets of
 * known_bodies (ascending) is passed over as goat_parse_file_outline passes
 * bodies over; an offset where no function body starts is ignored. The
 * caller vouches that each such body, from its '{' to its '}', is a byte
 * copy of a function body of the accepted text. Lexed again, the copy
 * matches the same braces (a lexical error is still reported), and parsing
 * it again could only repeat the verdict it had: a function body parses
 * the same wherever it stands. Everything else is parsed. */
goat_error *goat_parse_file_known_bodies(goat_arena *arena, const char *filename, const char *src, size_t len,
                                         const size_t *known_bodies, size_t count, goat_node **file);
/* The stack size a thread needs to parse inputs of up to len bytes, with
 * room for its own frames around the parse. A nesting level costs at least
 * one byte of source, so the size grows with the input, up to what the
 * nesting cap allows. */
size_t goat_parse_stack_size(size_t len);

/* Runs fn(arg), which parses (or walks the trees of) inputs of up to len
 * bytes, with enough stack for them: on the current thread when goat sized
 * its stack (a thread of goat_run_with_parse_stack or
 * goat_run_on_parse_thread) and it has that much left, otherwise on a new
 * thread with a stack of goat_parse_stack_size(len), joined before this
 * returns.
 * goat_parse_file does this itself for each file; a caller that parses many
 * files can run them all inside one fn and save the threads. */
void goat_run_with_parse_stack(size_t len, void (*fn)(void *arg), void *arg);

/* Runs fn(arg) on the current thread, which the caller started with a
 * stack of goat_parse_stack_size(len) (a worker pool's thread), so that
 * goat_run_with_parse_stack and goat_parse_file inside know its size and
 * start no thread for inputs of up to len bytes. */
void goat_run_on_parse_thread(void (*fn)(void *arg), void *arg);

#endif
