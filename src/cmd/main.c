/* SPDX-License-Identifier: MIT */
/* goat: dispatches `goat CMD ARGS...` to the command table. */
#include <stdio.h>
#include <string.h>

#include "cmd/command.h"

static int is_help_flag(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        goat_print_overview(stderr);
        return GOAT_EXIT_USAGE;
    }
    if (is_help_flag(argv[1]) && argc == 2) {
        goat_print_overview(stdout);
        return GOAT_EXIT_OK;
    }
    if (is_help_flag(argv[1]))
        return goat_cmd_help.run(argc - 1, argv + 1);
    if (strcmp(argv[1], "--version") == 0)
        return goat_cmd_version.run(1, (char *[]){"version", NULL});
    const goat_command *cmd = goat_find_command(argv[1]);
    if (!cmd) {
        fprintf(stderr, "goat: unknown command '%s'\n\n", argv[1]);
        goat_print_overview(stderr);
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
