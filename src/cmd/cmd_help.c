/* SPDX-License-Identifier: MIT */
/* `goat help [COMMAND]`: the overview, or one command's help text (the same
 * text `goat COMMAND --help` prints, which goat(1) must agree with). */
#include <stdio.h>

#include "cmd/command.h"

static int run(int argc, char **argv)
{
    if (argc > 2)
        return goat_usage_error(&goat_cmd_help, "unexpected argument '%s'", argv[2]);
    if (argc == 1) {
        goat_print_overview(stdout);
        return GOAT_EXIT_OK;
    }
    const goat_command *cmd = goat_find_command(argv[1]);
    if (!cmd)
        return goat_usage_error(&goat_cmd_help, "unknown command '%s': 'goat help' lists the commands", argv[1]);
    fputs(cmd->help, stdout);
    return GOAT_EXIT_OK;
}

const goat_command goat_cmd_help = {
    .name = "help",
    .summary = "list the commands, or print one command's help",
    .help = "usage: goat help [COMMAND]\n"
            "\n"
            "Without COMMAND, lists goat's commands. With it, prints COMMAND's usage and\n"
            "options, as 'goat COMMAND --help' does. goat(1) documents every command.\n",
    .run = run,
};
