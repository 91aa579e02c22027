/* SPDX-License-Identifier: MIT */
/* goat.yaml: the project's configuration.
 *
 * Every command reads it (the path is $GOAT_CONFIG, else "goat.yaml" in the
 * current directory). Keys and defaults are those of the reference tool:
 *
 *   appName            string   the project directory's name
 *   appVersion         string   the 7-digit short hash of newBranch
 *   oldBranch          string   "main"  (any revision, or INIT)
 *   newBranch          string   "HEAD"
 *   ignores            [string] .git .gitignore .DS_Store .idea .vscode
 *                               .venv vendor testdata node_modules
 *   goatPackageName    string   "goat"
 *   goatPackageAlias   string   "goat"
 *   goatPackagePath    string   "goat"
 *   granularity        string   "patch" (line, patch, scope, func)
 *   diffPrecision      int      1 (1..3)
 *   threads            int      1 in the written file; <= 0 means one per CPU
 *   race               bool     false
 *   mainEntries        [string] ["*"]
 *   printerConfigMode  [string] [useSpaces, tabIndent]
 *   printerConfigTabwidth int   8 (< 1 means 8)
 *   printerConfigIndent   int   0 (< 0 means 0)
 *   dataType           string   "bool" (bool, count)
 *   verbose            bool     false
 *   skipNestedModules  bool     true
 *
 * A missing key or a null value takes the default. An unknown key, a
 * repeated key, a value of the wrong type or an invalid value is an error
 * that names the key, with the file, line and column of the offending node. */
#ifndef GOAT_CONFIG_CONFIG_H
#define GOAT_CONFIG_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "rewrite/rewrite.h"
#include "util/error.h"

#define GOAT_CONFIG_DEFAULT_FILE "goat.yaml"

enum { GOAT_DATA_TYPE_BOOL = 1, GOAT_DATA_TYPE_COUNT = 2 };

typedef struct goat_string_list {
    char **items;
    size_t count;
} goat_string_list;

typedef struct goat_config {
    char *app_name;    /* NULL until goat_config_resolve when not given */
    char *app_version; /* NULL until goat_config_resolve when not given */
    char *old_branch;
    char *new_branch;
    goat_string_list ignores;
    char *goat_package_name;
    char *goat_package_alias;
    char *goat_package_path; /* normalized: relative, '/'-separated, no "." or ".." */
    goat_granularity granularity;
    int diff_precision;
    int threads; /* >= 1 after parsing */
    bool race;
    goat_string_list main_entries; /* normalized like goat_package_path; "*" kept */
    goat_string_list printer_config_mode;
    int printer_config_tabwidth;
    int printer_config_indent;
    int data_type; /* GOAT_DATA_TYPE_* */
    bool verbose;
    bool skip_nested_modules;
} goat_config;

/* $GOAT_CONFIG when set and non-empty, else "goat.yaml". */
const char *goat_config_file(void);

/* Fills cfg with every default (app_name and app_version stay NULL). */
void goat_config_defaults(goat_config *cfg);

/* Parses goat.yaml text; filename is used in error positions. On error cfg
 * is left empty (safe to free). Does not look at the file system. */
goat_error *goat_config_parse(const char *filename, const char *text, size_t len, goat_config *cfg);

/* Reads and parses path and defaults appName. appVersion stays as written:
 * only the commands that put it in their output resolve it (with
 * goat_config_resolve), so that clean works in a repository with no commit. */
goat_error *goat_config_load(const char *path, const char *project_dir, goat_config *cfg);
/* The same, but a path that does not exist (no directory entry at all: a
 * dangling symbolic link or an unreadable file is still an error) gives
 * every default, appName defaulted, and sets *missing. */
goat_error *goat_config_load_if_present(const char *path, const char *project_dir, goat_config *cfg, bool *missing);

/* appName defaults to the base name of project_dir; appVersion to the short
 * hash of newBranch in the git repository containing project_dir, computed
 * anew by every command (goat init leaves it unset, so that a new commit
 * reports its own version). */
goat_error *goat_config_resolve(goat_config *cfg, const char *project_dir);
/* The appName half of goat_config_resolve. Fails (naming appName, with no
 * file) when the directory's name, the default, is no valid appName (see
 * goat_config_check_app_string); cfg keeps it, so goat_config_load, which
 * ignores the error, still gives goat clean a configuration. */
goat_error *goat_config_default_app_name(goat_config *cfg, const char *project_dir);

/* Validates one value the way the parser does, for `goat init` flags:
 * returns NULL or a message naming the problem (caller frees). */
char *goat_config_check_package_path(const char *path, char **normalized);
/* appName and appVersion: valid UTF-8 without a control character, the tab
 * included (goat_utf8_unprintable, the rule goat report reads answers
 * by). The message names the first offending byte and says what to do. */
char *goat_config_check_app_string(const char *value);
/* goatPackageName: what goat_gen_valid_package_name accepts (an ASCII Go
 * identifier, not a keyword, "_", "main" or "init"). goatPackageAlias: an
 * ASCII Go identifier, not a keyword, "_" or "init". The message follows
 * the quoted value ("\"main\" is not ..."). */
char *goat_config_check_package_name(const char *name);
char *goat_config_check_package_alias(const char *alias);
bool goat_config_valid_printer_mode(const char *mode);
int goat_config_data_type_parse(const char *name); /* -1 when unknown */
const char *goat_config_data_type_name(int data_type);
/* Granularities are named by goat_granularity_parse and _name (rewrite.h). */

/* Whether the main package in directory reldir ("." for the module root) is
 * selected by mainEntries ("*" selects every one). */
bool goat_config_is_main_entry(const goat_config *cfg, const char *reldir);

/* goatPackagePath/goat_generated.go, freshly allocated. */
char *goat_config_generated_file(const goat_config *cfg);

/* The text `goat init` writes: every key, each with a comment saying what
 * it does, its valid values and its default. Parsing it gives cfg back. */
char *goat_config_render(const goat_config *cfg);

void goat_config_free(goat_config *cfg);

void goat_string_list_add(goat_string_list *list, const char *s);
void goat_string_list_free(goat_string_list *list);

#endif
