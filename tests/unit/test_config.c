/* SPDX-License-Identifier: MIT */
/* goat.yaml parsing: defaults, every key's type errors naming the key and
 * its line, unknown and repeated keys, value checks, and the text `goat
 * init` writes parsing back to the same configuration. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "config/config.h"

static goat_error *parse(const char *text, goat_config *cfg)
{
    return goat_config_parse("goat.yaml", text, strlen(text), cfg);
}

/* Parses text, expects an error at line:col whose message contains want. */
static void expect_error(const char *text, int line, int col, const char *want)
{
    goat_config cfg;
    goat_error *err = parse(text, &cfg);
    cr_assert_not_null(err, "no error for:\n%s", text);
    char *msg = goat_error_format(err);
    cr_expect_str_eq(err->file, "goat.yaml");
    cr_expect_eq(err->line, line, "line %d, want %d: %s", err->line, line, msg);
    cr_expect_eq(err->col, col, "col %d, want %d: %s", err->col, col, msg);
    cr_expect(strstr(msg, want) != NULL, "message \"%s\" lacks \"%s\"", msg, want);
    free(msg);
    goat_error_free(err);
    goat_config_free(&cfg);
}

Test(config, empty_file_gives_every_default)
{
    goat_config cfg;
    cr_assert_null(parse("", &cfg));
    cr_expect_null(cfg.app_name);
    cr_expect_null(cfg.app_version);
    cr_expect_str_eq(cfg.old_branch, "main");
    cr_expect_str_eq(cfg.new_branch, "HEAD");
    cr_expect_eq(cfg.ignores.count, 9);
    cr_expect_str_eq(cfg.ignores.items[0], ".git");
    cr_expect_str_eq(cfg.ignores.items[6], "vendor");
    cr_expect_str_eq(cfg.ignores.items[8], "node_modules");
    cr_expect_str_eq(cfg.goat_package_name, "goat");
    cr_expect_str_eq(cfg.goat_package_alias, "goat");
    cr_expect_str_eq(cfg.goat_package_path, "goat");
    cr_expect_eq(cfg.granularity, GOAT_GRANULARITY_PATCH);
    cr_expect_eq(cfg.diff_precision, 1);
    cr_expect_eq(cfg.threads, 1);
    cr_expect_not(cfg.race);
    cr_expect_eq(cfg.main_entries.count, 1);
    cr_expect_str_eq(cfg.main_entries.items[0], "*");
    cr_expect_eq(cfg.printer_config_mode.count, 2);
    cr_expect_eq(cfg.printer_config_tabwidth, 8);
    cr_expect_eq(cfg.printer_config_indent, 0);
    cr_expect_eq(cfg.data_type, GOAT_DATA_TYPE_BOOL);
    cr_expect_not(cfg.verbose);
    cr_expect(cfg.skip_nested_modules);
    goat_config_free(&cfg);
}

Test(config, nulls_and_empty_strings_take_defaults)
{
    goat_config cfg;
    cr_assert_null(parse("oldBranch: \"\"\nnewBranch:\ngranularity: ~\ndataType: null\nignores:\n"
                         "goatPackagePath: ''\nthreads:\n", &cfg));
    cr_expect_str_eq(cfg.old_branch, "main");
    cr_expect_str_eq(cfg.new_branch, "HEAD");
    cr_expect_eq(cfg.granularity, GOAT_GRANULARITY_PATCH);
    cr_expect_eq(cfg.data_type, GOAT_DATA_TYPE_BOOL);
    cr_expect_eq(cfg.ignores.count, 9);
    cr_expect_str_eq(cfg.goat_package_path, "goat");
    cr_expect_eq(cfg.threads, 1);
    goat_config_free(&cfg);
}

Test(config, every_key_read)
{
    goat_config cfg;
    const char *text = "appName: shop\n"
                       "appVersion: 1.2\n"
                       "oldBranch: release-1\n"
                       "newBranch: feature\n"
                       "ignores: [a, b/c]\n"
                       "goatPackageName: tracker\n"
                       "goatPackageAlias: tr\n"
                       "goatPackagePath: ./internal//tracker/\n"
                       "granularity: func\n"
                       "diffPrecision: 3\n"
                       "threads: 4\n"
                       "race: true\n"
                       "mainEntries:\n  - ./cmd/a/\n  - cmd/b\n"
                       "printerConfigMode: [useSpaces]\n"
                       "printerConfigTabwidth: 4\n"
                       "printerConfigIndent: 2\n"
                       "dataType: count\n"
                       "verbose: yes\n"
                       "skipNestedModules: false\n";
    cr_assert_null(parse(text, &cfg));
    cr_expect_str_eq(cfg.app_name, "shop");
    cr_expect_str_eq(cfg.app_version, "1.2");
    cr_expect_str_eq(cfg.old_branch, "release-1");
    cr_expect_str_eq(cfg.new_branch, "feature");
    cr_expect_eq(cfg.ignores.count, 2);
    cr_expect_str_eq(cfg.ignores.items[1], "b/c");
    cr_expect_str_eq(cfg.goat_package_name, "tracker");
    cr_expect_str_eq(cfg.goat_package_alias, "tr");
    cr_expect_str_eq(cfg.goat_package_path, "internal/tracker");
    cr_expect_eq(cfg.granularity, GOAT_GRANULARITY_FUNC);
    cr_expect_eq(cfg.diff_precision, 3);
    cr_expect_eq(cfg.threads, 4);
    cr_expect(cfg.race);
    cr_expect_eq(cfg.main_entries.count, 2);
    cr_expect_str_eq(cfg.main_entries.items[0], "cmd/a");
    cr_expect(goat_config_is_main_entry(&cfg, "cmd/b"));
    cr_expect_not(goat_config_is_main_entry(&cfg, "cmd/c"));
    cr_expect_eq(cfg.printer_config_mode.count, 1);
    cr_expect_eq(cfg.printer_config_tabwidth, 4);
    cr_expect_eq(cfg.printer_config_indent, 2);
    cr_expect_eq(cfg.data_type, GOAT_DATA_TYPE_COUNT);
    cr_expect(cfg.verbose);
    cr_expect_not(cfg.skip_nested_modules);
    char *gen = goat_config_generated_file(&cfg);
    cr_expect_str_eq(gen, "internal/tracker/goat_generated.go");
    free(gen);
    goat_config_free(&cfg);
}

Test(config, empty_lists_stay_empty)
{
    goat_config cfg;
    cr_assert_null(parse("ignores: []\nmainEntries: []\n", &cfg));
    cr_expect_eq(cfg.ignores.count, 0);
    cr_expect_eq(cfg.main_entries.count, 0);
    cr_expect_not(goat_config_is_main_entry(&cfg, "cmd/a"));
    goat_config_free(&cfg);
}

Test(config, out_of_range_numbers_as_the_reference)
{
    goat_config cfg;
    cr_assert_null(parse("threads: 0\nprinterConfigTabwidth: 0\nprinterConfigIndent: -3\n", &cfg));
    cr_expect_geq(cfg.threads, 1);
    cr_expect_eq(cfg.printer_config_tabwidth, 8);
    cr_expect_eq(cfg.printer_config_indent, 0);
    goat_config_free(&cfg);
}

Test(config, unknown_key)
{
    expect_error("appName: x\nthread: 2\n", 2, 1, "thread: unknown key");
}

Test(config, repeated_key)
{
    expect_error("race: true\nrace: false\n", 2, 1, "race: key given twice");
}

Test(config, string_keys_reject_lists_and_mappings)
{
    static const char *const keys[] = {"appName", "appVersion", "oldBranch", "newBranch",
                                       "goatPackageName", "goatPackageAlias", "goatPackagePath",
                                       "granularity", "dataType"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char text[200];
        snprintf(text, sizeof text, "race: false\n%s: [a]\n", keys[i]);
        char want[100];
        snprintf(want, sizeof want, "%s: expected a string, got a list", keys[i]);
        expect_error(text, 2, (int)strlen(keys[i]) + 3, want);
        snprintf(text, sizeof text, "race: false\n\n%s:\n  a: b\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected a string, got a mapping", keys[i]);
        expect_error(text, 4, 3, want);
    }
}

Test(config, int_keys_reject_words_lists_and_quoted_numbers)
{
    static const char *const keys[] = {"diffPrecision", "threads", "printerConfigTabwidth",
                                       "printerConfigIndent"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char text[200], want[100];
        snprintf(text, sizeof text, "%s: two\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected an integer, got \"two\"", keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, want);
        snprintf(text, sizeof text, "appName: a\n%s: \"2\"\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected an integer, got the quoted string \"2\": drop the quotes (%s: 2)",
                 keys[i], keys[i]);
        expect_error(text, 2, (int)strlen(keys[i]) + 3, want);
        snprintf(text, sizeof text, "%s: '-1'\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected an integer, got the quoted string \"-1\": drop the quotes", keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, want);
        snprintf(text, sizeof text, "%s: [1]\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected an integer, got a list", keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, want);
        snprintf(text, sizeof text, "%s: 1.5\n", keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, "expected an integer");
    }
}

Test(config, bool_keys_reject_other_words)
{
    static const char *const keys[] = {"race", "verbose", "skipNestedModules"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char text[200], want[100];
        snprintf(text, sizeof text, "appName: a\nappVersion: b\n%s: maybe\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected true or false, got \"maybe\" (write %s: true or %s: false)",
                 keys[i], keys[i], keys[i]);
        expect_error(text, 3, (int)strlen(keys[i]) + 3, want);
        /* a quoted boolean is a string in YAML: say to drop the quotes */
        snprintf(text, sizeof text, "%s: \"true\"\n", keys[i]);
        snprintf(want, sizeof want,
                 "%s: expected true or false, got the quoted string \"true\": drop the quotes (%s: true)", keys[i],
                 keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, want);
        snprintf(text, sizeof text, "%s: 'off'\n", keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, "got the quoted string \"off\": drop the quotes");
        snprintf(text, sizeof text, "%s: {a: 1}\n", keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, "expected true or false, got a mapping");
    }
}

Test(config, bool_keys_take_yaml_1_1_forms)
{
    static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y"};
    static const char *const no[] = {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
        char text[100];
        goat_config cfg;
        snprintf(text, sizeof text, "race: %s\nskipNestedModules: %s\n", yes[i], no[i]);
        goat_error *err = goat_config_parse("goat.yaml", text, strlen(text), &cfg);
        cr_assert_null(err, "%s", err ? err->message : "");
        cr_expect(cfg.race, "%s", yes[i]);
        cr_expect_not(cfg.skip_nested_modules, "%s", no[i]);
        goat_config_free(&cfg);
    }
}

Test(config, list_keys_reject_scalars_and_nested_lists)
{
    static const char *const keys[] = {"ignores", "mainEntries", "printerConfigMode"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char text[200], want[100];
        snprintf(text, sizeof text, "%s: vendor\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected a list of strings, got a scalar", keys[i]);
        expect_error(text, 1, (int)strlen(keys[i]) + 3, want);
        snprintf(text, sizeof text, "%s:\n  - a\n  - [b]\n", keys[i]);
        snprintf(want, sizeof want, "%s: expected a list of strings, got a list in the list", keys[i]);
        expect_error(text, 3, 5, want);
    }
}

Test(config, invalid_values)
{
    expect_error("granularity: block\n", 1, 14, "granularity: \"block\" is not one of line, patch, scope, func");
    expect_error("diffPrecision: 4\n", 1, 16, "diffPrecision: 4 is not 1, 2 or 3");
    expect_error("diffPrecision: 0\n", 1, 16, "diffPrecision: 0 is not 1, 2 or 3");
    expect_error("dataType: truth\n", 1, 11, "dataType: \"truth\" is not one of bool, count");
    expect_error("threads: 1000\n", 1, 10, "threads: 1000 is more than 128");
    expect_error("goatPackageName: func\n", 1, 18, "goatPackageName: \"func\" is not a valid Go package name");
    expect_error("goatPackageName: 9lives\n", 1, 18, "is not a valid Go package name");
    expect_error("goatPackageAlias: a-b\n", 1, 19, "goatPackageAlias: \"a-b\" is not a valid Go package name");
    /* what goat track's generator refuses, refused where it is written */
    expect_error("appName: shop\ngoatPackageName: main\n", 2, 18, "goatPackageName: \"main\" is not a valid Go package name");
    expect_error("goatPackageName: \"init\"\n", 1, 18, "goatPackageName: \"init\" is not a valid Go package name");
    expect_error("goatPackageName: _\n", 1, 18, "goatPackageName: \"_\" is not a valid Go package name");
    /* no Go file can import a package as init */
    expect_error("appName: shop\ngoatPackageAlias: init\n", 2, 19, "goatPackageAlias: \"init\" is not a valid Go package name to import under");
    expect_error("goatPackagePath: /tmp/goat\n", 1, 18, "goatPackagePath: \"/tmp/goat\" must be a path relative");
    expect_error("goatPackagePath: ../goat\n", 1, 18, "must not contain \"..\"");
    expect_error("goatPackagePath: .\n", 1, 18, "must name a directory below the module root");
    expect_error("goatPackagePath: vendor/goat\n", 1, 18, "must not be inside vendor/");
    expect_error("printerConfigMode: [useSpaces, tabs]\n", 1, 20, "printerConfigMode: \"tabs\" is not one of");
    expect_error("mainEntries: [../x]\n", 1, 14, "mainEntries: entry 1 \"../x\" must not contain");
    expect_error("ignores: [a, \"\"]\n", 1, 10, "ignores: entry 2 is empty");
}

/* What goat report refuses in an answer (json_read.c), refused where
 * goat.yaml gives the name and version the program will serve. */
Test(config, app_name_and_version_hold_no_control_character)
{
    const char *why = "goat report refuses a name or version with a control character";
    expect_error("appName: \"a\\tb\"\n", 1, 10, "appName: a control character (U+0009) at byte 2");
    expect_error("appName: a\tb\n", 1, 10, "appName: a control character (U+0009) at byte 2");
    expect_error("appName: shop\nappVersion: \"1\\n\"\n", 2, 13, "appVersion: a control character (U+000A) at byte 2");
    expect_error("appVersion: \"v\\x85\"\n", 1, 13, "appVersion: a control character (U+0085) at byte 2");
    expect_error("appName: \"\\x7f\"\n", 1, 10, why);
    /* a NUL would cut the C string short: refused in every string */
    expect_error("appName: \"a\\0\"\n", 1, 10, "appName: a NUL character (U+0000) at byte 2");
    expect_error("oldBranch: \"v1\\0x\"\n", 1, 12, "oldBranch: a NUL character (U+0000) at byte 3");
    expect_error("ignores: [a, \"b\\0\"]\n", 1, 14, "ignores: a NUL character (U+0000) at byte 2");
    /* libyaml refuses bytes that are not UTF-8 in the file; goat init's flags can hold them */
    char *problem = goat_config_check_app_string("a\xff b");
    cr_assert_not_null(problem);
    cr_expect(strstr(problem, "a byte that is not UTF-8 (0xff) at byte 2") != NULL, "%s", problem);
    cr_expect(strstr(problem, why) != NULL, "%s", problem);
    free(problem);
    cr_expect_null(goat_config_check_app_string(""));
    /* what the report shows as escapes, but reads */
    goat_config cfg;
    cr_assert_null(parse("appName: \"caf\\u00e9 \\u202e\"\nappVersion: v1.2 \u00a0x\n", &cfg));
    cr_expect_str_eq(cfg.app_name, "caf\u00e9 \u202e");
    cr_expect_str_eq(cfg.app_version, "v1.2 \u00a0x");
    goat_config_free(&cfg);
}

Test(config, main_is_a_valid_alias)
{
    /* Only a package that declares main cannot import under that name:
     * goat track says so against the file (rewrite/clash.h). */
    goat_config cfg;
    cr_assert_null(parse("goatPackageAlias: main\n", &cfg));
    cr_expect_str_eq(cfg.goat_package_alias, "main");
    goat_config_free(&cfg);
}

Test(config, malformed_yaml_and_wrong_top_level)
{
    expect_error("appName: [a\n", 2, 1, "invalid YAML");
    expect_error("- a\n- b\n", 1, 1, "expected a mapping");
    expect_error("appName: a\n---\nappName: b\n", 3, 1, "only one YAML document");
}

Test(config, rendered_text_parses_back)
{
    goat_config cfg;
    goat_config_defaults(&cfg);
    cfg.app_name = strdup("my \"app\"\\ x: y # z");
    cfg.app_version = strdup("0123abc");
    free(cfg.old_branch);
    cfg.old_branch = strdup("INIT");
    cfg.granularity = GOAT_GRANULARITY_SCOPE;
    cfg.diff_precision = 2;
    cfg.threads = 3;
    cfg.race = true;
    cfg.data_type = GOAT_DATA_TYPE_COUNT;
    cfg.skip_nested_modules = false;
    goat_string_list_free(&cfg.main_entries);
    goat_string_list_add(&cfg.main_entries, "cmd/a");
    goat_string_list_free(&cfg.printer_config_mode);
    char *text = goat_config_render(&cfg);
    goat_config back;
    goat_error *err = parse(text, &back);
    if (err)
        goat_error_print(err, stderr);
    cr_assert_null(err);
    cr_expect_str_eq(back.app_name, cfg.app_name);
    cr_expect_str_eq(back.app_version, "0123abc");
    cr_expect_str_eq(back.old_branch, "INIT");
    cr_expect_eq(back.granularity, GOAT_GRANULARITY_SCOPE);
    cr_expect_eq(back.diff_precision, 2);
    cr_expect_eq(back.threads, 3);
    cr_expect(back.race);
    cr_expect_eq(back.data_type, GOAT_DATA_TYPE_COUNT);
    cr_expect_not(back.skip_nested_modules);
    cr_expect_eq(back.ignores.count, 9);
    cr_expect_eq(back.main_entries.count, 1);
    cr_expect_str_eq(back.main_entries.items[0], "cmd/a");
    cr_expect_eq(back.printer_config_mode.count, 0);
    /* Every key is documented by a comment just above it. */
    static const char *const keys[] = {"appName:", "appVersion:", "oldBranch:", "newBranch:", "ignores:",
                                       "goatPackageName:", "goatPackageAlias:", "goatPackagePath:",
                                       "granularity:", "diffPrecision:", "threads:", "race:",
                                       "mainEntries:", "printerConfigMode:", "dataType:", "verbose:",
                                       "skipNestedModules:"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++) {
        char want[64];
        snprintf(want, sizeof want, "\n%s", keys[i]);
        const char *at = strstr(text, want);
        cr_assert_not_null(at, "%s missing", keys[i]);
        const char *prev = at;
        while (prev > text && prev[-1] != '\n')
            prev--;
        cr_expect(*prev == '#', "%s has no comment above it", keys[i]);
    }
    free(text);
    goat_config_free(&back);
    goat_config_free(&cfg);
}

Test(config, config_file_from_environment)
{
    unsetenv("GOAT_CONFIG");
    cr_expect_str_eq(goat_config_file(), "goat.yaml");
    setenv("GOAT_CONFIG", "conf/other.yaml", 1);
    cr_expect_str_eq(goat_config_file(), "conf/other.yaml");
    setenv("GOAT_CONFIG", "", 1);
    cr_expect_str_eq(goat_config_file(), "goat.yaml");
    unsetenv("GOAT_CONFIG");
}
