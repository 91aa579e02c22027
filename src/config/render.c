/* SPDX-License-Identifier: MIT */
/* The goat.yaml text `goat init` writes. The comments are ours: they say
 * what each key does, its valid values and its default. */
#include <stdio.h>
#include <string.h>

#include "config/config.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* A YAML double-quoted scalar: always valid, whatever the bytes. */
static void put_quoted(goat_strbuf *sb, const char *s)
{
    goat_strbuf_putc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"':
            goat_strbuf_puts(sb, "\\\"");
            break;
        case '\\':
            goat_strbuf_puts(sb, "\\\\");
            break;
        case '\n':
            goat_strbuf_puts(sb, "\\n");
            break;
        case '\t':
            goat_strbuf_puts(sb, "\\t");
            break;
        default:
            if (*p < 0x20 || *p == 0x7f)
                goat_strbuf_printf(sb, "\\x%02x", *p);
            else
                goat_strbuf_putc(sb, (char)*p);
        }
    }
    goat_strbuf_putc(sb, '"');
}

static void put_string_key(goat_strbuf *sb, const char *key, const char *value)
{
    goat_strbuf_printf(sb, "%s: ", key);
    put_quoted(sb, value ? value : "");
    goat_strbuf_puts(sb, "\n\n");
}

static void put_list_key(goat_strbuf *sb, const char *key, const goat_string_list *list)
{
    goat_strbuf_printf(sb, "%s:", key);
    if (list->count == 0)
        goat_strbuf_puts(sb, " []");
    for (size_t i = 0; i < list->count; i++) {
        goat_strbuf_puts(sb, "\n  - ");
        put_quoted(sb, list->items[i]);
    }
    goat_strbuf_puts(sb, "\n\n");
}

char *goat_config_render(const goat_config *cfg)
{
    goat_strbuf sb = GOAT_STRBUF_INIT;
    goat_strbuf_puts(&sb,
        "# goat.yaml: configuration of goat (Golang Application Tracing), see goat(1).\n"
        "# Written by 'goat init'; edit freely. After changing a key, run\n"
        "# 'goat clean' and 'goat track' again (or 'goat patch') so the tracking code\n"
        "# follows it. A key left out (or set to null) takes its default.\n"
        "\n");

    goat_strbuf_puts(&sb, "# Application name reported by /metrics and /track.\n"
                          "# Default: the name of the project directory.\n");
    put_string_key(&sb, "appName", cfg->app_name);

    goat_strbuf_puts(&sb, "# Application version reported by /metrics and /track.\n"
                          "# Default (\"\"): the short commit hash of newBranch, computed by each\n"
                          "# goat track and goat patch.\n");
    put_string_key(&sb, "appVersion", cfg->app_version);

    goat_strbuf_puts(&sb, "# The commit to compare against (the code already released): a branch,\n"
                          "# a tag, a commit hash, HEAD, or INIT to treat every line as new\n"
                          "# (a project with no earlier release). Default: main.\n");
    put_string_key(&sb, "oldBranch", cfg->old_branch);

    goat_strbuf_puts(&sb, "# The commit being released: a branch, a tag, a commit hash or HEAD.\n"
                          "# It must be the commit checked out in the working tree. Default: HEAD.\n");
    put_string_key(&sb, "newBranch", cfg->new_branch);

    goat_strbuf_puts(&sb, "# Files and directories goat leaves alone: each entry is a path relative\n"
                          "# to the module root (a file, or a directory and all below it).\n"
                          "# Default: .git .gitignore .DS_Store .idea .vscode .venv vendor testdata\n"
                          "# node_modules.\n");
    put_list_key(&sb, "ignores", &cfg->ignores);

    goat_strbuf_puts(&sb, "# Package name of the generated tracking package. Default: goat.\n");
    put_string_key(&sb, "goatPackageName", cfg->goat_package_name);

    goat_strbuf_puts(&sb, "# Name under which instrumented files import that package. Default: goat.\n");
    put_string_key(&sb, "goatPackageAlias", cfg->goat_package_alias);

    goat_strbuf_puts(&sb, "# Directory, relative to the module root, where goat writes the package\n"
                          "# (goat_generated.go). Default: goat.\n");
    put_string_key(&sb, "goatPackagePath", cfg->goat_package_path);

    goat_strbuf_puts(&sb, "# Where tracking points go:\n"
                          "#   line:  one point before every changed statement\n"
                          "#   patch: one point per run of changed statements in the same block\n"
                          "#   scope: one point per block that holds changed statements\n"
                          "#   func:  one point per function that holds changed statements\n"
                          "# Default: patch. A change takes effect at the next 'goat clean' and\n"
                          "# 'goat track': 'goat patch' keeps the points where they are.\n");
    put_string_key(&sb, "granularity", goat_granularity_name(cfg->granularity));

    goat_strbuf_puts(&sb, "# How changed lines are found (ignored when oldBranch is INIT):\n"
                          "#   1: git blame, most precise, slowest\n"
                          "#   2: git diff, following renamed and moved files\n"
                          "#   3: git diff, without rename detection, fastest\n"
                          "# Default: 1.\n");
    goat_strbuf_printf(&sb, "diffPrecision: %d\n\n", cfg->diff_precision);

    goat_strbuf_puts(&sb, "# Worker threads for the analysis and the rewriting; 0 or less means one\n"
                          "# per CPU.\n"
                          "# The result does not depend on it. Default: 1.\n");
    goat_strbuf_printf(&sb, "threads: %d\n\n", cfg->threads);

    goat_strbuf_puts(&sb, "# With dataType count, true makes every count an atomic increment\n"
                          "# (sync/atomic): exact when many goroutines track at once, and quiet\n"
                          "# under the race detector, a little slower. With dataType bool it\n"
                          "# changes nothing: whether a point ran is always recorded atomically.\n"
                          "# Default: false.\n");
    goat_strbuf_printf(&sb, "race: %s\n\n", cfg->race ? "true" : "false");

    goat_strbuf_puts(&sb, "# Main packages that get a call starting goat's HTTP server at the top of\n"
                          "# func main, as directories relative to the module root (\".\" for the\n"
                          "# root); \"*\" selects every main package. With none selected, call\n"
                          "# goat.ServeHTTP from your program yourself. Default: [\"*\"].\n");
    put_list_key(&sb, "mainEntries", &cfg->main_entries);

    goat_strbuf_puts(&sb, "# Kept for compatibility with the reference tool's goat.yaml: goat edits\n"
                          "# files in place and never re-prints them, so these three keys are\n"
                          "# checked but have no effect. printerConfigMode: a list of none,\n"
                          "# useSpaces, tabIndent, sourcePos, rawFormat (default: useSpaces,\n"
                          "# tabIndent); printerConfigTabwidth (default 8); printerConfigIndent\n"
                          "# (default 0).\n");
    put_list_key(&sb, "printerConfigMode", &cfg->printer_config_mode);
    goat_strbuf_printf(&sb, "printerConfigTabwidth: %d\n\n", cfg->printer_config_tabwidth);
    goat_strbuf_printf(&sb, "printerConfigIndent: %d\n\n", cfg->printer_config_indent);

    goat_strbuf_puts(&sb, "# What a tracking point records: bool (whether it ran) or count (how\n"
                          "# many times it ran). Default: bool.\n");
    goat_strbuf_printf(&sb, "dataType: %s\n\n", goat_config_data_type_name(cfg->data_type));

    goat_strbuf_puts(&sb, "# true: log each file goat looks at, as the -v option does. Default: false.\n");
    goat_strbuf_printf(&sb, "verbose: %s\n\n", cfg->verbose ? "true" : "false");

    goat_strbuf_puts(&sb, "# true: skip directories below the module root that hold their own go.mod\n"
                          "# (nested modules are separate programs). Default: true.\n");
    goat_strbuf_printf(&sb, "skipNestedModules: %s\n", cfg->skip_nested_modules ? "true" : "false");

    return goat_strbuf_detach(&sb, NULL);
}
