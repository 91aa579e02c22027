/* SPDX-License-Identifier: MIT */
#include "cmd/command.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const goat_command *const goat_commands[] = {
    &goat_cmd_init,
    &goat_cmd_track,
    &goat_cmd_patch,
    &goat_cmd_clean,
    &goat_cmd_report,
    &goat_cmd_version,
    &goat_cmd_ast,
    &goat_cmd_rewrite,
    NULL,
};

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
