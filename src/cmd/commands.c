/* SPDX-License-Identifier: MIT */
#include "cmd/command.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "config.h"

const goat_command *const goat_commands[] = {
    &goat_cmd_init,
    &goat_cmd_track,
    &goat_cmd_patch,
    &goat_cmd_clean,
    &goat_cmd_report,
    &goat_cmd_version,
    &goat_cmd_help,
    &goat_cmd_ast,
    &goat_cmd_rewrite,
    NULL,
};

const goat_command *goat_find_command(const char *name)
{
    for (const goat_command *const *c = goat_commands; *c; c++)
        if (strcmp((*c)->name, name) == 0)
            return *c;
    return NULL;
}

void goat_print_overview(FILE *out)
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
            "Run 'goat help COMMAND' or 'goat COMMAND --help' for a command's options;\n"
            "see goat(1). Report bugs at <%s>.\n",
            PACKAGE_BUGREPORT);
}

int goat_usage_error(const goat_command *cmd, const char *fmt, ...)
{
    fprintf(stderr, "goat %s: usage error: ", cmd->name);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    const char *nl = strchr(cmd->help, '\n');
    int usage_len = nl ? (int)(nl - cmd->help) : (int)strlen(cmd->help);
    fprintf(stderr, "\n%.*s\nRun 'goat %s --help' for details.\n", usage_len, cmd->help, cmd->name);
    return GOAT_EXIT_USAGE;
}
