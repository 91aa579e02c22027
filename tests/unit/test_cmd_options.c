/* SPDX-License-Identifier: MIT */
/* Command-line options: long options with a separate or attached value,
 * booleans alone or with =true/=false, short options grouped, and usage
 * errors (exit status 2) for unknown options, missing values, bad numbers
 * and operands where a command takes none; operands collected in order,
 * "-" among them, and everything after "--". */
#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <string.h>

#include "cmd/options.h"

static int dummy_run(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static const goat_command cmd = {.name = "test", .summary = "", .help = "usage: goat test\n", .run = dummy_run};

typedef struct flags {
    const char *name;
    int count;
    bool on, verbose, dry;
    bool name_given;
} flags;

static int parse(flags *f, int argc, char **argv)
{
    const goat_option opts[] = {
        {"name", 0, GOAT_OPT_STRING, &f->name, &f->name_given},
        {"count", 0, GOAT_OPT_INT, &f->count, NULL},
        {"on", 0, GOAT_OPT_BOOL, &f->on, NULL},
        {"verbose", 'v', GOAT_OPT_BOOL, &f->verbose, NULL},
        {"dry-run", 'n', GOAT_OPT_BOOL, &f->dry, NULL},
    };
    return goat_parse_options(&cmd, argc, argv, opts, sizeof opts / sizeof *opts);
}

Test(options, values_and_booleans, .init = cr_redirect_stderr)
{
    flags f = {"default", 1, true, false, false, false};
    char *argv[] = {"test", "--name", "a b", "--count=-7", "--on=false", "-vn", NULL};
    cr_assert_eq(parse(&f, 6, argv), GOAT_EXIT_OK);
    cr_expect_str_eq(f.name, "a b");
    cr_expect(f.name_given);
    cr_expect_eq(f.count, -7);
    cr_expect_not(f.on);
    cr_expect(f.verbose);
    cr_expect(f.dry);
}

Test(options, attached_value_may_be_empty, .init = cr_redirect_stderr)
{
    flags f = {"default", 1, false, false, false, false};
    char *argv[] = {"test", "--name=", "--on", "--", NULL};
    cr_assert_eq(parse(&f, 4, argv), GOAT_EXIT_OK);
    cr_expect_str_eq(f.name, "");
    cr_expect(f.on);
}

Test(options, usage_errors, .init = cr_redirect_stderr)
{
    static char *const cases[][3] = {
        {"test", "--bogus", NULL},   {"test", "--name", NULL},    {"test", "--count=x", NULL},
        {"test", "--count", "9z"},   {"test", "--on=maybe", NULL}, {"test", "-x", NULL},
        {"test", "operand", NULL},   {"test", "--", "operand"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        flags f = {"default", 1, false, false, false, false};
        int argc = cases[i][2] ? 3 : 2;
        cr_expect_eq(parse(&f, argc, (char **)cases[i]), GOAT_EXIT_USAGE, "case %zu (%s) accepted", i,
                     cases[i][1]);
    }
}

Test(options, operands_among_options, .init = cr_redirect_stderr)
{
    flags f = {"default", 1, false, false, false, false};
    const goat_option opts[] = {
        {"name", 0, GOAT_OPT_STRING, &f.name, NULL},
        {"verbose", 'v', GOAT_OPT_BOOL, &f.verbose, NULL},
    };
    char *argv[] = {"test", "a", "--name", "n", "-", "-v", "--", "--name", "-v", NULL};
    const char *operands[9];
    size_t count = 99;
    cr_assert_eq(goat_parse_arguments(&cmd, 9, argv, opts, 2, operands, &count), GOAT_EXIT_OK);
    cr_assert_eq(count, 4);
    cr_expect_str_eq(operands[0], "a");
    cr_expect_str_eq(operands[1], "-");
    cr_expect_str_eq(operands[2], "--name");
    cr_expect_str_eq(operands[3], "-v");
    cr_expect_str_eq(f.name, "n");
    cr_expect(f.verbose);
}

Test(options, no_operands, .init = cr_redirect_stderr)
{
    flags f = {"default", 1, false, false, false, false};
    const goat_option opts[] = {{"name", 0, GOAT_OPT_STRING, &f.name, NULL}};
    char *argv[] = {"test", "--name=x", "--", NULL};
    const char *operands[3];
    size_t count = 99;
    cr_assert_eq(goat_parse_arguments(&cmd, 3, argv, opts, 1, operands, &count), GOAT_EXIT_OK);
    cr_expect_eq(count, 0);
    char *single_dash[] = {"test", "-", NULL};
    cr_expect_eq(goat_parse_options(&cmd, 2, single_dash, opts, 1), GOAT_EXIT_USAGE);
}
