/* SPDX-License-Identifier: MIT */
#include "cmd/options.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static const goat_option *find_long(const goat_option *opts, size_t count, const char *name, size_t len)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    return NULL;
}

static const goat_option *find_short(const goat_option *opts, size_t count, char c)
{
    for (size_t i = 0; i < count; i++)
        if (opts[i].short_name == c)
            return &opts[i];
    return NULL;
}

static int store(const goat_command *cmd, const goat_option *opt, const char *value)
{
    if (opt->given)
        *opt->given = true;
    switch (opt->kind) {
    case GOAT_OPT_BOOL:
        if (!value || strcmp(value, "true") == 0 || strcmp(value, "1") == 0) {
            *(bool *)opt->value = true;
        } else if (strcmp(value, "false") == 0 || strcmp(value, "0") == 0) {
            *(bool *)opt->value = false;
        } else {
            return goat_usage_error(cmd, "--%s takes true or false, not '%s'", opt->name, value);
        }
        return GOAT_EXIT_OK;
    case GOAT_OPT_STRING:
        *(const char **)opt->value = value;
        return GOAT_EXIT_OK;
    case GOAT_OPT_INT: {
        char *end = NULL;
        errno = 0;
        long v = strtol(value, &end, 10);
        if (!*value || *end || errno || v < INT_MIN || v > INT_MAX)
            return goat_usage_error(cmd, "--%s takes an integer, not '%s'", opt->name, value);
        *(int *)opt->value = (int)v;
        return GOAT_EXIT_OK;
    }
    }
    return GOAT_EXIT_OK;
}

static int add_operand(const goat_command *cmd, const char *arg, const char **operands, size_t *operand_count)
{
    if (!operands)
        return goat_usage_error(cmd, "unexpected argument '%s'", arg);
    operands[(*operand_count)++] = arg;
    return GOAT_EXIT_OK;
}

/* operands is NULL for a command that takes none. */
static int parse(const goat_command *cmd, int argc, char **argv, const goat_option *opts, size_t count,
                 const char **operands, size_t *operand_count)
{
    if (operand_count)
        *operand_count = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            while (++i < argc) {
                int rc = add_operand(cmd, argv[i], operands, operand_count);
                if (rc != GOAT_EXIT_OK)
                    return rc;
            }
            break;
        }
        if (arg[0] != '-' || !arg[1]) {
            int rc = add_operand(cmd, arg, operands, operand_count);
            if (rc != GOAT_EXIT_OK)
                return rc;
            continue;
        }
        if (strncmp(arg, "--", 2) == 0) {
            const char *name = arg + 2;
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            const goat_option *opt = find_long(opts, count, name, len);
            if (!opt)
                return goat_usage_error(cmd, "unknown option '--%.*s'", (int)len, name);
            const char *value = eq ? eq + 1 : NULL;
            if (!value && opt->kind != GOAT_OPT_BOOL) {
                if (i + 1 >= argc)
                    return goat_usage_error(cmd, "--%s needs a value", opt->name);
                value = argv[++i];
            }
            int rc = store(cmd, opt, value);
            if (rc != GOAT_EXIT_OK)
                return rc;
            continue;
        }
        for (const char *c = arg + 1; *c; c++) {
            const goat_option *opt = find_short(opts, count, *c);
            if (!opt)
                return goat_usage_error(cmd, "unknown option '-%c'", *c);
            if (opt->kind != GOAT_OPT_BOOL) {
                const char *value = c[1] ? c + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!value)
                    return goat_usage_error(cmd, "-%c needs a value", *c);
                int rc = store(cmd, opt, value);
                if (rc != GOAT_EXIT_OK)
                    return rc;
                break;
            }
            int rc = store(cmd, opt, NULL);
            if (rc != GOAT_EXIT_OK)
                return rc;
        }
    }
    return GOAT_EXIT_OK;
}

int goat_parse_options(const goat_command *cmd, int argc, char **argv, const goat_option *opts, size_t count)
{
    return parse(cmd, argc, argv, opts, count, NULL, NULL);
}

int goat_parse_arguments(const goat_command *cmd, int argc, char **argv, const goat_option *opts, size_t count,
                         const char **operands, size_t *operand_count)
{
    return parse(cmd, argc, argv, opts, count, operands, operand_count);
}
