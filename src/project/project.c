/* SPDX-License-Identifier: MIT */
#include "project/project.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "util/file.h"
#include "util/xalloc.h"

/* go.mod: `module PATH` or `module "PATH"`, possibly in a `module ( ... )`
 * block, with // comments. Only the module directive matters here. */
goat_error *goat_gomod_module_path(const char *filename, const char *text, size_t len, char **path)
{
    const char *p = text, *end = text + len;
    int line = 0;
    bool in_block = false;
    while (p < end) {
        line++;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *line_start = p;
        const char *s = p, *e = eol;
        const char *comment = NULL;
        for (const char *q = s; q + 1 < e; q++)
            if (q[0] == '/' && q[1] == '/') {
                comment = q;
                break;
            }
        if (comment)
            e = comment;
        while (s < e && isspace((unsigned char)*s))
            s++;
        while (e > s && isspace((unsigned char)e[-1]))
            e--;
        p = eol < end ? eol + 1 : end;
        const char *arg = NULL;
        if (in_block) {
            if (e - s == 1 && *s == ')') {
                in_block = false;
                continue;
            }
            arg = s;
        } else if (e - s >= 6 && strncmp(s, "module", 6) == 0 &&
                   (e - s == 6 || isspace((unsigned char)s[6]) || s[6] == '(' || s[6] == '"')) {
            arg = s + 6;
            while (arg < e && isspace((unsigned char)*arg))
                arg++;
            if (arg < e && *arg == '(') {
                in_block = true;
                continue;
            }
        } else {
            continue;
        }
        if (arg >= e)
            continue;
        if (*arg == '"' || *arg == '`') {
            char quote = *arg;
            const char *close = memchr(arg + 1, quote, (size_t)(e - arg - 1));
            if (!close || close != e - 1)
                return goat_error_new(filename, line, (int)(arg - line_start + 1), "malformed module path");
            *path = goat_xstrndup(arg + 1, (size_t)(close - arg - 1));
        } else {
            *path = goat_xstrndup(arg, (size_t)(e - arg));
        }
        if (**path == '\0') {
            free(*path);
            *path = NULL;
            return goat_error_new(filename, line, 0, "empty module path");
        }
        return NULL;
    }
    return goat_error_new(filename, 0, 0, "no module directive");
}

goat_error *goat_project_open(goat_project *p, goat_config_need need)
{
    memset(p, 0, sizeof *p);
    char *cwd = getcwd(NULL, 0);
    if (!cwd)
        return goat_error_new(NULL, 0, 0, "cannot get the current directory: %s", strerror(errno));
    p->dir = cwd;
    p->config_path = goat_xstrdup(goat_config_file());

    char *text = NULL;
    size_t len = 0;
    if (access("go.mod", F_OK) != 0) {
        goat_error *err = goat_error_new(NULL, 0, 0,
                                         "%s is not the root of a Go module (no go.mod): run goat from the "
                                         "directory that holds go.mod", cwd);
        goat_project_close(p);
        return err;
    }
    goat_error *err = goat_read_file("go.mod", &text, &len);
    if (!err)
        err = goat_gomod_module_path("go.mod", text, len, &p->module_path);
    free(text);
    if (err) {
        goat_project_close(p);
        return err;
    }

    /* Kept initialized until goat_project_close: libgit2's set-up (its TLS
     * certificates among others) is not free, and every step uses it. */
    git_libgit2_init();
    p->git_initialized = true;
    git_repository *repo = NULL;
    if (git_repository_open_ext(&repo, cwd, 0, NULL) < 0) {
        err = goat_error_new(NULL, 0, 0, "%s is not inside a git repository: goat compares git commits, "
                                         "run 'git init' and commit first", cwd);
        goat_project_close(p);
        return err;
    }
    bool bare = git_repository_is_bare(repo);
    git_repository_free(repo);
    if (bare) {
        err = goat_error_new(NULL, 0, 0, "%s is a bare git repository: goat needs a working tree", cwd);
        goat_project_close(p);
        return err;
    }

    if (need == GOAT_CONFIG_IF_PRESENT && strcmp(p->config_path, GOAT_CONFIG_DEFAULT_FILE) == 0)
        err = goat_config_load_if_present(p->config_path, p->dir, &p->cfg, &p->config_missing);
    else if (need != GOAT_CONFIG_NONE)
        err = goat_config_load(p->config_path, p->dir, &p->cfg);
    if (err) {
        goat_project_close(p);
        return err;
    }
    return NULL;
}

void goat_project_close(goat_project *p)
{
    if (p->git_initialized)
        git_libgit2_shutdown();
    free(p->dir);
    free(p->module_path);
    free(p->config_path);
    goat_config_free(&p->cfg);
    memset(p, 0, sizeof *p);
}

char *goat_project_goat_import_path(const goat_project *p)
{
    return goat_xasprintf("%s/%s", p->module_path, p->cfg.goat_package_path);
}
