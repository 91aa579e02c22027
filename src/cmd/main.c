/* SPDX-License-Identifier: MIT */
/* goat: dispatches `goat CMD ARGS...` to the command table. */
#include <stdio.h>
#include <string.h>

#include "cmd/command.h"
#include "config.h"

static void print_overview(FILE *out)
{
    fprintf(out,
            "usage: goat COMMAND [ARGS...]\n"
            "\n"
            "goat inserts tracking points into the Go code that changed between two git\n"
            "commits, so that a gray release can show which new code has run.\n"
            "\n"
            "Commands:\n");
    for (const goat_command *const *c = goat_commands; *c; c++)
        fprintf(out, "  %-9s %s\n", (*c)->name, (*c)->summary);
    fprintf(out,
            "\n"
            "Run 'goat COMMAND --help' for a command's options; see goat(1).\n");
}

static const goat_command *find_command(const char *name)
{
    for (const goat_command *const *c = goat_commands; *c; c++)
        if (strcmp((*c)->name, name) == 0)
            return *c;
    return NULL;
}

static int is_help_flag(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_overview(stderr);
        return GOAT_EXIT_USAGE;
    }
    if (is_help_flag(argv[1]) || strcmp(argv[1], "help") == 0) {
        const goat_command *cmd = argc > 2 ? find_command(argv[2]) : NULL;
        if (cmd)
            fputs(cmd->help, stdout);
        else
            print_overview(stdout);
        return GOAT_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0)
        return goat_cmd_version.run(1, (char *[]){"version", NULL});
    const goat_command *cmd = find_command(argv[1]);
    if (!cmd) {
        fprintf(stderr, "goat: unknown command '%s'\n\n", argv[1]);
        print_overview(stderr);
        return GOAT_EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            break;
        if (is_help_flag(argv[i])) {
            fputs(cmd->help, stdout);
            return GOAT_EXIT_OK;
        }
    }
    return cmd->run(argc - 1, argv + 1);
}
