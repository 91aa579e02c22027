/* SPDX-License-Identifier: MIT */
/* What every harness shares: the libFuzzer entry point's prototype, a way to
 * report a broken property (it aborts, so libFuzzer keeps the input as a
 * crash file), and a parse check. Harnesses keep no state between inputs and
 * free everything they allocate, so LeakSanitizer can hold them to it. */
#ifndef GOAT_FUZZ_FUZZ_H
#define GOAT_FUZZ_FUZZ_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "parser/parser.h"
#include "util/arena.h"
#include "util/error.h"

/* The file name harnesses hand to the code under test. */
#define FUZZ_FILENAME "fuzz.go"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((format(printf, 1, 2), noreturn, unused))
static void fuzz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fuzz: property violated: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    fflush(stderr);
    abort();
}

/* Whether src parses. When it does not, *first_error (if not NULL) gets the
 * printed error; the caller frees it. */
__attribute__((unused))
static int fuzz_parses(const char *src, size_t len, char **first_error)
{
    goat_arena arena;
    goat_arena_init(&arena);
    goat_node *file = NULL;
    goat_error *err = goat_parse_file(&arena, FUZZ_FILENAME, src, len, &file);
    if (err && first_error)
        *first_error = goat_error_format(err);
    goat_error_free(err);
    goat_arena_free(&arena);
    return err == NULL;
}

/* Prints up to 60 bytes around offset of two texts that differ there. */
__attribute__((unused))
static void fuzz_show_difference(const char *what_a, const char *a, size_t a_len,
                                 const char *what_b, const char *b, size_t b_len)
{
    size_t at = 0;
    while (at < a_len && at < b_len && a[at] == b[at])
        at++;
    size_t from = at > 30 ? at - 30 : 0;
    fprintf(stderr, "fuzz: texts differ at offset %zu (lengths %zu and %zu)\n", at, a_len, b_len);
    fprintf(stderr, "  %s: \"", what_a);
    for (size_t i = from; i < a_len && i < at + 30; i++)
        fprintf(stderr, (unsigned char)a[i] >= 0x20 && a[i] != '"' && a[i] != 0x7f ? "%c" : "\\x%02x",
                (unsigned char)a[i]);
    fprintf(stderr, "\"\n  %s: \"", what_b);
    for (size_t i = from; i < b_len && i < at + 30; i++)
        fprintf(stderr, (unsigned char)b[i] >= 0x20 && b[i] != '"' && b[i] != 0x7f ? "%c" : "\\x%02x",
                (unsigned char)b[i]);
    fputs("\"\n", stderr);
}

#endif
