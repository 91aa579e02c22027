/* Placeholder until the owning module lands; replaced by the real command. */
#include <stdio.h>

#include "cmd/command.h"

static int run(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fputs("goat rewrite: not built yet\n", stderr);
    return GOAT_EXIT_FAILURE;
}

const goat_command goat_cmd_rewrite = {
    .name = "rewrite",
    .summary = "(not built yet)",
    .help = "usage: goat rewrite\n",
    .run = run,
};
