/* SPDX-License-Identifier: MIT */
/* goat init: writes goat.yaml with every option, each documented. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd/command.h"
#include "cmd/options.h"
#include "config/config.h"
#include "git/refs.h"
#include "project/project.h"
#include "util/xalloc.h"

typedef struct init_flags {
    const char *old_branch, *new_branch, *app_name, *app_version, *granularity;
    int diff_precision, threads;
    bool race;
    const char *package_name, *package_alias, *package_path;
    const char *ignores, *main_entries, *printer_mode;
    int tabwidth, indent;
    const char *data_type;
    bool skip_nested_modules, force;
} init_flags;

/* Splits "a, b,c" into trimmed non-empty items. */
static void split_list(const char *text, goat_string_list *out)
{
    goat_string_list_free(out);
    const char *p = text;
    while (*p) {
        const char *comma = strchr(p, ',');
        const char *end = comma ? comma : p + strlen(p);
        const char *s = p, *e = end;
        while (s < e && (*s == ' ' || *s == '\t'))
            s++;
        while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (e > s) {
            char *item = goat_xstrndup(s, (size_t)(e - s));
            goat_string_list_add(out, item);
            free(item);
        }
        p = comma ? comma + 1 : end;
    }
}

/* A flag's value refused by goat.yaml's own check (problem, freed here):
 * the same words as goat.yaml's error, after the flag and the value (left
 * out when NULL: one the terminal should not be sent). */
static int usage_problem(const char *flag, const char *value, char *problem)
{
    int rc = value ? goat_usage_error(&goat_cmd_init, "%s '%s' %s", flag, value, problem)
                   : goat_usage_error(&goat_cmd_init, "%s: %s", flag, problem);
    free(problem);
    return rc;
}

/* A flag given an empty value (--old=, or --old "$REV" with REV unset) is
 * a mistake to point out, not a request for the default, which leaving
 * the flag out asks for. Only --app-version takes "" (it means newBranch's
 * short hash, its default). A flag not given is NULL. */
static int refuse_empty(const init_flags *f)
{
    const struct {
        const char *flag, *value, *wanted;
    } given[] = {
        {"--old", f->old_branch, "a branch, tag or commit, or INIT"},
        {"--new", f->new_branch, "a branch, tag or commit"},
        {"--app-name", f->app_name, "a name"},
        {"--ignores", f->ignores, "paths, separated by commas"},
        {"--main-entries", f->main_entries, "main package directories, separated by commas, or *"},
        {"--printer-config-mode", f->printer_mode, "modes, separated by commas"},
    };
    for (size_t i = 0; i < sizeof given / sizeof *given; i++)
        if (given[i].value && given[i].value[strspn(given[i].value, " \t,")] == '\0')
            return goat_usage_error(&goat_cmd_init, "%s has an empty value: give it %s, or leave it out for the "
                                                    "default",
                                    given[i].flag, given[i].wanted);
    return GOAT_EXIT_OK;
}

static int apply_flags(const init_flags *f, goat_config *cfg)
{
    int rc = refuse_empty(f);
    if (rc != GOAT_EXIT_OK)
        return rc;
    free(cfg->old_branch);
    cfg->old_branch = goat_xstrdup(f->old_branch ? f->old_branch : "main");
    free(cfg->new_branch);
    cfg->new_branch = goat_xstrdup(f->new_branch ? f->new_branch : "HEAD");
    char *problem = f->app_name ? goat_config_check_app_string(f->app_name) : NULL;
    if (problem)
        return usage_problem("--app-name", NULL, problem);
    if (f->app_name)
        cfg->app_name = goat_xstrdup(f->app_name);
    problem = goat_config_check_app_string(f->app_version);
    if (problem)
        return usage_problem("--app-version", NULL, problem);
    if (*f->app_version)
        cfg->app_version = goat_xstrdup(f->app_version);
    int g = goat_granularity_parse(f->granularity);
    if (g < 0)
        return goat_usage_error(&goat_cmd_init, "--granularity must be line, patch, scope or func, not '%s'",
                                f->granularity);
    cfg->granularity = (goat_granularity)g;
    if (f->diff_precision < 1 || f->diff_precision > 3)
        return goat_usage_error(&goat_cmd_init, "--diff-precision must be 1, 2 or 3, not %d", f->diff_precision);
    cfg->diff_precision = f->diff_precision;
    if (f->threads > 128)
        return goat_usage_error(&goat_cmd_init, "--threads must be at most 128, not %d", f->threads);
    cfg->threads = f->threads;
    cfg->race = f->race;
    problem = goat_config_check_package_name(f->package_name);
    if (problem)
        return usage_problem("--goat-package-name", f->package_name, problem);
    free(cfg->goat_package_name);
    cfg->goat_package_name = goat_xstrdup(f->package_name);
    problem = goat_config_check_package_alias(f->package_alias);
    if (problem)
        return usage_problem("--goat-package-alias", f->package_alias, problem);
    free(cfg->goat_package_alias);
    cfg->goat_package_alias = goat_xstrdup(f->package_alias);
    char *norm = NULL;
    problem = goat_config_check_package_path(f->package_path, &norm);
    if (problem)
        return usage_problem("--goat-package-path", f->package_path, problem);
    free(cfg->goat_package_path);
    cfg->goat_package_path = norm;
    if (f->ignores)
        split_list(f->ignores, &cfg->ignores);
    if (f->main_entries) {
        split_list(f->main_entries, &cfg->main_entries);
        for (size_t i = 0; i < cfg->main_entries.count; i++) {
            const char *e = cfg->main_entries.items[i];
            if (e[0] == '/' || strstr(e, ".."))
                return goat_usage_error(&goat_cmd_init,
                                        "--main-entries '%s' is not a directory relative to the module root", e);
        }
    }
    if (f->printer_mode) {
        split_list(f->printer_mode, &cfg->printer_config_mode);
        for (size_t i = 0; i < cfg->printer_config_mode.count; i++)
            if (!goat_config_valid_printer_mode(cfg->printer_config_mode.items[i]))
                return goat_usage_error(&goat_cmd_init,
                                        "--printer-config-mode '%s' is not none, useSpaces, tabIndent, "
                                        "sourcePos or rawFormat",
                                        cfg->printer_config_mode.items[i]);
    }
    cfg->printer_config_tabwidth = f->tabwidth < 1 ? 8 : f->tabwidth;
    cfg->printer_config_indent = f->indent < 0 ? 0 : f->indent;
    int dt = goat_config_data_type_parse(f->data_type);
    if (dt < 0)
        return goat_usage_error(&goat_cmd_init, "--data-type must be bool or count, not '%s'", f->data_type);
    cfg->data_type = dt;
    cfg->skip_nested_modules = f->skip_nested_modules;
    return GOAT_EXIT_OK;
}

/* Checks --new and --old against the repository, so that a typo fails
 * here rather than at the first goat track; without --old, picks the
 * usual default branch that exists (main, master, origin/main, ...). */
static goat_error *check_revisions(const init_flags *f, goat_config *cfg, const char *dir)
{
    goat_error *err = goat_git_check_revision(dir, cfg->new_branch, "--new");
    if (err)
        return err;
    if (strcmp(cfg->old_branch, "INIT") == 0)
        return NULL;
    if (f->old_branch)
        return goat_git_check_revision(dir, cfg->old_branch, "--old");
    char *found = goat_git_default_old_branch(dir);
    if (!found) {
        err = goat_git_check_revision(dir, "main", "--old");
        if (err) {
            char *msg = goat_xasprintf("no --old given, and none of main, master, origin/main, origin/master "
                                       "names a commit here to compare with: %s",
                                       err->message);
            free(err->message);
            err->message = msg;
        }
        return err;
    }
    if (strcmp(found, cfg->old_branch) != 0)
        fprintf(stderr, "goat init: oldBranch %s: there is no branch %s here (--old chooses another)\n", found,
                cfg->old_branch);
    free(cfg->old_branch);
    cfg->old_branch = found;
    return NULL;
}

/* Writes text to path through a temporary file and a rename, so an
 * interrupted init never leaves half a goat.yaml. */
static goat_error *write_atomically(const char *path, const char *text)
{
    char *tmp = goat_xasprintf("%s.goat-new-%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wx");
    if (!f) {
        goat_error *err = goat_error_new(path, 0, 0, "cannot write: %s", strerror(errno));
        free(tmp);
        return err;
    }
    size_t len = strlen(text);
    bool ok = fwrite(text, 1, len, f) == len;
    ok = (fclose(f) == 0) && ok;
    struct stat st;
    if (ok && stat(path, &st) == 0)
        chmod(tmp, st.st_mode & 07777); /* --force keeps the old file's mode */
    if (!ok || rename(tmp, path) != 0) {
        goat_error *err = goat_error_new(path, 0, 0, "cannot write: %s", strerror(errno));
        unlink(tmp);
        free(tmp);
        return err;
    }
    free(tmp);
    return NULL;
}

static int run(int argc, char **argv)
{
    init_flags f = {
        .old_branch = NULL, .new_branch = NULL, .app_name = NULL, .app_version = "",
        .granularity = "patch", .diff_precision = 1, .threads = 1, .race = false,
        .package_name = "goat", .package_alias = "goat", .package_path = "goat",
        .ignores = NULL, .main_entries = NULL, .printer_mode = NULL, .tabwidth = 8, .indent = 0,
        .data_type = "bool", .skip_nested_modules = true, .force = false,
    };
    const goat_option opts[] = {
        {"old", 0, GOAT_OPT_STRING, &f.old_branch, NULL},
        {"new", 0, GOAT_OPT_STRING, &f.new_branch, NULL},
        {"app-name", 0, GOAT_OPT_STRING, &f.app_name, NULL},
        {"app-version", 0, GOAT_OPT_STRING, &f.app_version, NULL},
        {"granularity", 0, GOAT_OPT_STRING, &f.granularity, NULL},
        {"diff-precision", 0, GOAT_OPT_INT, &f.diff_precision, NULL},
        {"threads", 0, GOAT_OPT_INT, &f.threads, NULL},
        {"race", 0, GOAT_OPT_BOOL, &f.race, NULL},
        {"goat-package-name", 0, GOAT_OPT_STRING, &f.package_name, NULL},
        {"goat-package-alias", 0, GOAT_OPT_STRING, &f.package_alias, NULL},
        {"goat-package-path", 0, GOAT_OPT_STRING, &f.package_path, NULL},
        {"ignores", 0, GOAT_OPT_STRING, &f.ignores, NULL},
        {"main-entries", 0, GOAT_OPT_STRING, &f.main_entries, NULL},
        {"printer-config-mode", 0, GOAT_OPT_STRING, &f.printer_mode, NULL},
        {"printer-config-tabwidth", 0, GOAT_OPT_INT, &f.tabwidth, NULL},
        {"printer-config-indent", 0, GOAT_OPT_INT, &f.indent, NULL},
        {"data-type", 0, GOAT_OPT_STRING, &f.data_type, NULL},
        {"skip-nested-modules", 0, GOAT_OPT_BOOL, &f.skip_nested_modules, NULL},
        {"force", 'f', GOAT_OPT_BOOL, &f.force, NULL},
    };
    int rc = goat_parse_options(&goat_cmd_init, argc, argv, opts, sizeof opts / sizeof *opts);
    if (rc != GOAT_EXIT_OK)
        return rc;

    goat_config cfg;
    goat_config_defaults(&cfg);
    rc = apply_flags(&f, &cfg);
    if (rc != GOAT_EXIT_OK) {
        goat_config_free(&cfg);
        return rc;
    }

    goat_project project;
    goat_error *err = goat_project_open(&project, GOAT_CONFIG_NONE);
    if (!err && !f.force && access(project.config_path, F_OK) == 0)
        err = goat_error_new(project.config_path, 0, 0,
                             "already exists: edit it, or run 'goat init --force' to overwrite it");
    if (!err)
        err = check_revisions(&f, &cfg, project.dir);
    /* appVersion stays unset unless given: each goat track computes it
     * from newBranch, so a later commit reports its own version. */
    if (!err)
        err = goat_config_default_app_name(&cfg, project.dir);
    char *text = NULL;
    if (!err) {
        text = goat_config_render(&cfg);
        goat_config check;
        err = goat_config_parse(project.config_path, text, strlen(text), &check);
        if (err)
            goat_error_wrap(err, "internal error: the text goat init wrote does not parse");
        else
            goat_config_free(&check);
    }
    if (!err)
        err = write_atomically(project.config_path, text);
    if (!err && cfg.app_version)
        printf("goat init: wrote %s (appName \"%s\", appVersion \"%s\", comparing %s with %s)\n",
               project.config_path, cfg.app_name, cfg.app_version, cfg.old_branch, cfg.new_branch);
    else if (!err)
        printf("goat init: wrote %s (appName \"%s\", appVersion: newBranch's short hash at each goat track, "
               "comparing %s with %s)\n",
               project.config_path, cfg.app_name, cfg.old_branch, cfg.new_branch);
    if (!err)
        printf("Edit it if needed, then run 'goat track'.\n");
    /* goat track instruments the commit checked out, which must be
     * newBranch's: said now rather than as track's refusal */
    if (!err && !goat_git_is_head(project.dir, cfg.new_branch))
        fprintf(stderr,
                "goat init: note: newBranch %s is not the commit checked out, so goat track refuses to run until "
                "you check it out (git checkout %s)\n",
                cfg.new_branch, cfg.new_branch);
    if (!err && strcmp(cfg.old_branch, "INIT") != 0 && goat_git_is_head(project.dir, cfg.old_branch))
        fprintf(stderr,
                "goat init: note: oldBranch %s is the commit checked out, so goat track finds nothing new until "
                "you check out (or commit) the work to release\n",
                cfg.old_branch);
    free(text);
    goat_config_free(&cfg);
    goat_project_close(&project);
    if (err) {
        fputs("goat init: ", stderr);
        goat_error_print(err, stderr);
        goat_error_free(err);
        return GOAT_EXIT_FAILURE;
    }
    return GOAT_EXIT_OK;
}

const goat_command goat_cmd_init = {
    .name = "init",
    .summary = "write goat.yaml, the project's configuration",
    .help =
        "usage: goat init [--old REV] [--new REV] [--app-name NAME] [--app-version VERSION] [OPTIONS...] [--force]\n"
        "\n"
        "Writes goat.yaml (or the file $GOAT_CONFIG names) in the current directory,\n"
        "which must be the root of a Go module inside a git repository. Every key is\n"
        "written with a comment explaining it. An existing file is kept unless --force.\n"
        "--old and --new must name commits of the repository.\n"
        "\n"
        "Options (each sets the goat.yaml key in parentheses):\n"
        "  --old REV                     commit to compare against, or INIT (oldBranch; default: the first\n"
        "                                of main, master, origin/main, origin/master that exists)\n"
        "  --new REV                     commit being released, checked out (newBranch; default HEAD)\n"
        "  --app-name NAME               application name (appName; default: directory name)\n"
        "  --app-version VERSION         application version (appVersion; default: newBranch's short\n"
        "                                hash, computed by each goat track)\n"
        "  --granularity G               line, patch, scope or func (granularity; default patch)\n"
        "  --diff-precision N            1 blame, 2 diff with renames, 3 diff without (diffPrecision; default 1)\n"
        "  --threads N                   worker threads, 0 = one per CPU (threads; default 1)\n"
        "  --race[=BOOL]                 counters through sync/atomic (race; default false)\n"
        "  --goat-package-name NAME      generated package's name (goatPackageName; default goat)\n"
        "  --goat-package-alias NAME     its import alias (goatPackageAlias; default goat)\n"
        "  --goat-package-path DIR       its directory in the module (goatPackagePath; default goat)\n"
        "  --ignores A,B,...             paths to leave alone (ignores; default .git,vendor,testdata,...)\n"
        "  --main-entries A,B,...        main packages that start the server, * = all (mainEntries; default *)\n"
        "  --printer-config-mode M,...   accepted for compatibility, no effect (printerConfigMode)\n"
        "  --printer-config-tabwidth N   accepted for compatibility, no effect (printerConfigTabwidth; 8)\n"
        "  --printer-config-indent N     accepted for compatibility, no effect (printerConfigIndent; 0)\n"
        "  --data-type T                 bool or count (dataType; default bool)\n"
        "  --skip-nested-modules[=BOOL]  skip directories with their own go.mod (skipNestedModules; true)\n"
        "  -f, --force                   overwrite an existing goat.yaml\n"
        "\n"
        "Examples:\n"
        "  goat init --old v1.2.0\n"
        "  goat init --old INIT --granularity line --data-type count\n"
        "  goat init --main-entries cmd/server,cmd/worker --race --force\n",
    .run = run,
};
