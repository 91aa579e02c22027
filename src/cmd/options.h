/* SPDX-License-Identifier: MIT */
/* Command-line options of goat's commands: GNU-style long options
 * (`--name VALUE`, `--name=VALUE`, boolean `--name` or `--name=true|false`)
 * and single-letter short options (`-v`), anywhere among the operands (the
 * arguments that are not options: "-" alone, and everything after "--"). */
#ifndef GOAT_CMD_OPTIONS_H
#define GOAT_CMD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "cmd/command.h"

typedef enum goat_opt_kind {
    GOAT_OPT_BOOL,   /* value: bool * */
    GOAT_OPT_STRING, /* value: const char ** (points into argv) */
    GOAT_OPT_INT,    /* value: int * */
} goat_opt_kind;

typedef struct goat_option {
    const char *name; /* long name without the dashes */
    char short_name;  /* 0 when none */
    goat_opt_kind kind;
    void *value;
    bool *given; /* set to true when the option appears; may be NULL */
} goat_option;

/* Parses argv[1..argc) against opts, for a command that takes no operands.
 * Returns GOAT_EXIT_OK, or prints a usage error for cmd and returns
 * GOAT_EXIT_USAGE. */
int goat_parse_options(const goat_command *cmd, int argc, char **argv, const goat_option *opts, size_t count);

/* The same for a command that takes operands: they go, in order, to
 * operands[0 .. *operand_count), which must have room for argc of them. */
int goat_parse_arguments(const goat_command *cmd, int argc, char **argv, const goat_option *opts, size_t count,
                         const char **operands, size_t *operand_count);

#endif
