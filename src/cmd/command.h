/* SPDX-License-Identifier: MIT */
/* The command table: one entry per `goat CMD`, one file per command.
 *
 * main() only dispatches. It answers `goat CMD --help` / `-h` itself by
 * printing the entry's help text, so a command's handler never sees those.
 *
 * Exit statuses (documented in goat(1)): 0 success, 1 a user or input error
 * (bad Go file, bad goat.yaml, git trouble, I/O failure), 2 a usage error
 * (unknown command or flag, missing argument), 3 `goat report`'s verdict:
 * fewer tracking points ran than --fail-under asks. */
#ifndef GOAT_CMD_COMMAND_H
#define GOAT_CMD_COMMAND_H

#include <stdio.h>

enum { GOAT_EXIT_OK = 0, GOAT_EXIT_FAILURE = 1, GOAT_EXIT_USAGE = 2, GOAT_EXIT_BELOW = 3 };

typedef struct goat_command {
    const char *name;
    const char *summary; /* one line for `goat --help` */
    const char *help;    /* full text for `goat CMD --help`, starting with the usage line */
    /* argv[0] is the command name; returns an exit status. */
    int (*run)(int argc, char **argv);
} goat_command;

extern const goat_command goat_cmd_init;
extern const goat_command goat_cmd_track;
extern const goat_command goat_cmd_patch;
extern const goat_command goat_cmd_clean;
extern const goat_command goat_cmd_report;
extern const goat_command goat_cmd_version;
extern const goat_command goat_cmd_help;
extern const goat_command goat_cmd_ast;
extern const goat_command goat_cmd_rewrite;

/* Every command, in the order `goat --help` lists them; NULL-terminated. */
extern const goat_command *const goat_commands[];

/* The command called NAME, or NULL. */
const goat_command *goat_find_command(const char *name);

/* The list of commands `goat --help` and `goat help` print. */
void goat_print_overview(FILE *out);

/* Prints "goat CMD: usage error: <msg>" and the usage line; returns GOAT_EXIT_USAGE. */
int goat_usage_error(const goat_command *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
