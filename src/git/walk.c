/* SPDX-License-Identifier: MIT */
/* The working-tree walk used by patch and clean: the same decisions as
 * the git analysis, made on the files on disk. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "git/filter.h"
#include "git/filter_internal.h"
#include "util/file.h"
#include "util/xalloc.h"
#include "util/sort.h"

typedef struct path_list {
    char **items;
    size_t count, cap;
} path_list;

static void push_path(path_list *list, char *path)
{
    void *items = list->items;
    goat_grow(&items, &list->cap, list->count + 1, sizeof(char *));
    list->items = items;
    list->items[list->count++] = path;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_rel(const char *dir, const char *name)
{
    return *dir ? goat_xasprintf("%s/%s", dir, name) : goat_xstrdup(name);
}

static goat_error *walk_dir(goat_filter *filter, const char *rel, path_list *out);

static goat_error *visit(goat_filter *filter, const char *rel, const char *name, path_list *out)
{
    const char *root = goat_filter_project_dir(filter);
    char *child = join_rel(rel, name);
    char *full = goat_xasprintf("%s/%s", root, child);
    goat_error *err = NULL;
    struct stat st;
    if (lstat(full, &st) != 0) {
        err = goat_error_new(full, 0, 0, "cannot stat: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        const char *reason = goat_filter_dir_name_reason(name, strlen(name));
        if (!reason)
            reason = goat_filter_dir_reason(filter, child);
        if (reason) {
            /* every repository has a .git: saying so would be noise */
            if (strcmp(name, ".git") != 0) {
                char *shown = goat_xasprintf("%s/", child);
                goat_filter_log_skip(filter, shown, reason);
                free(shown);
            }
        } else {
            err = walk_dir(filter, child, out);
        }
    } else if (S_ISREG(st.st_mode)) {
        if (goat_filter_path(filter, child)) {
            char *src = NULL;
            size_t len = 0;
            err = goat_read_file(full, &src, &len);
            if (!err && goat_filter_content(filter, child, src, len)) {
                push_path(out, child);
                child = NULL;
            }
            free(src);
        }
    }
    /* symbolic links, sockets and the like are never followed or listed */
    free(full);
    free(child);
    return err;
}

static goat_error *walk_dir(goat_filter *filter, const char *rel, path_list *out)
{
    const char *root = goat_filter_project_dir(filter);
    char *full = *rel ? goat_xasprintf("%s/%s", root, rel) : goat_xstrdup(root);
    DIR *dir = opendir(full);
    if (!dir) {
        goat_error *err = goat_error_new(full, 0, 0, "cannot open directory: %s", strerror(errno));
        free(full);
        return err;
    }
    path_list names = {0};
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL)
        if (strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0)
            push_path(&names, goat_xstrdup(entry->d_name));
    closedir(dir);
    free(full);
    goat_sort(names.items, names.count, sizeof(char *), compare_paths);
    goat_error *err = NULL;
    for (size_t i = 0; i < names.count && !err; i++)
        err = visit(filter, rel, names.items[i], out);
    goat_free_paths(names.items, names.count);
    return err;
}

goat_error *goat_list_project_files(goat_filter *filter, char ***paths, size_t *count)
{
    path_list out = {0};
    goat_error *err = walk_dir(filter, "", &out);
    if (err) {
        goat_free_paths(out.items, out.count);
        *paths = NULL;
        *count = 0;
        return err;
    }
    goat_sort(out.items, out.count, sizeof(char *), compare_paths);
    *paths = out.items;
    *count = out.count;
    return NULL;
}

void goat_free_paths(char **paths, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}
