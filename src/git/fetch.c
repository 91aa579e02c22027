/* SPDX-License-Identifier: MIT */
#include "git/fetch.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/sort.h"
#include "util/xalloc.h"

/* The names of the remotes the repository configures, sorted. */
typedef struct remote_names {
    char **items;
    size_t count, cap;
} remote_names;

/* Not git_remote_list: through libgit2 1.5 its key pattern leaks pcre2
 * match data for every configuration entry it does not match. */
static int collect_remote(const git_config_entry *entry, void *payload)
{
    remote_names *out = payload;
    /* remote.NAME.url, NAME as written (it may hold dots) */
    size_t len = strlen(entry->name);
    if (len <= 11 || strncmp(entry->name, "remote.", 7) != 0 || strcmp(entry->name + len - 4, ".url") != 0)
        return 0;
    for (size_t i = 0; i < out->count; i++)
        if (strlen(out->items[i]) == len - 11 && strncmp(out->items[i], entry->name + 7, len - 11) == 0)
            return 0;
    void *items = out->items;
    goat_grow(&items, &out->cap, out->count + 1, sizeof *out->items);
    out->items = items;
    out->items[out->count++] = goat_xstrndup(entry->name + 7, len - 11);
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static remote_names list_remotes(git_repository *repo)
{
    remote_names names = {0};
    git_config *config = NULL;
    if (git_repository_config_snapshot(&config, repo) == 0)
        git_config_foreach(config, collect_remote, &names);
    git_config_free(config);
    goat_sort(names.items, names.count, sizeof *names.items, compare_names);
    return names;
}

static void free_remotes(remote_names *names)
{
    for (size_t i = 0; i < names->count; i++)
        free(names->items[i]);
    free(names->items);
}

char *goat_git_fetch_remote(git_repository *repo)
{
    remote_names names = list_remotes(repo);
    char *found = NULL;
    for (size_t i = 0; i < names.count && !found; i++)
        if (strcmp(names.items[i], "origin") == 0)
            found = goat_xstrdup("origin");
    if (!found && names.count)
        found = goat_xstrdup(names.items[0]);
    free_remotes(&names);
    return found;
}

/* The remote whose "REMOTE/" starts name, the longest if several do (a
 * remote's name may hold a slash); NULL when none does. */
static char *tracking_remote(git_repository *repo, const char *name, size_t len)
{
    remote_names names = list_remotes(repo);
    const char *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < names.count; i++) {
        size_t n = strlen(names.items[i]);
        if (n > best_len && n + 1 < len && strncmp(name, names.items[i], n) == 0 && name[n] == '/') {
            best = names.items[i];
            best_len = n;
        }
    }
    char *found = best ? goat_xstrdup(best) : NULL;
    free_remotes(&names);
    return found;
}

/* Whether the len bytes at name make a name git accepts for a branch or
 * tag (git check-ref-format's rules), and one that a shell word starting
 * with '-' cannot turn into an option. */
static bool fetchable_name(const char *name, size_t len)
{
    if (len == 0 || name[0] == '-' || name[0] == '/' || name[0] == '.' || name[len - 1] == '/' ||
        name[len - 1] == '.' || (len == 1 && name[0] == '@'))
        return false;
    if (len >= 5 && memcmp(name + len - 5, ".lock", 5) == 0)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)name[i];
        if (c < 0x20 || c == 0x7f || strchr(" ~^:?*[\\", c))
            return false;
        if (i + 1 < len && ((c == '.' && name[i + 1] == '.') || (c == '@' && name[i + 1] == '{') ||
                            (c == '/' && (name[i + 1] == '/' || name[i + 1] == '.'))))
            return false;
    }
    return true;
}

static bool is_commit_id(const char *name, size_t len)
{
    if (len != 40 && len != 64) /* SHA-1 or SHA-256 */
        return false;
    for (size_t i = 0; i < len; i++)
        if (!strchr("0123456789abcdefABCDEF", name[i]))
            return false;
    return true;
}

/* Appends the len bytes at s as one word of a POSIX shell: as they are
 * when no character is special, else in single quotes. */
static void shell_word(goat_strbuf *sb, const char *s, size_t len)
{
    bool plain = len > 0;
    for (size_t i = 0; i < len && plain; i++)
        plain = (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
                strchr("-_./:+,=@%", s[i]);
    if (plain) {
        goat_strbuf_append(sb, s, len);
        return;
    }
    goat_strbuf_putc(sb, '\'');
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\'')
            goat_strbuf_puts(sb, "'\\''");
        else
            goat_strbuf_putc(sb, s[i]);
    goat_strbuf_putc(sb, '\'');
}

/* "git fetch DEPTH REMOTE " */
static void fetch_prefix(goat_strbuf *sb, const char *depth, const char *remote)
{
    goat_strbuf_printf(sb, "git fetch %s", depth);
    shell_word(sb, remote, strlen(remote));
    goat_strbuf_putc(sb, ' ');
}

char *goat_git_fetch_commands(git_repository *repo, const char *spec, goat_strbuf *sb)
{
    /* main~2 resolves once main and the two commits below it are here */
    size_t len = strcspn(spec, "~^");
    bool below = spec[len] != '\0';
    if (!fetchable_name(spec, len))
        return NULL;
    const char *depth = git_repository_is_shallow(repo) != 1 ? "" : below ? "--unshallow " : "--depth 1 ";
    char *remote = tracking_remote(repo, spec, len);
    if (remote) {
        /* where REMOTE's usual refspec maps its branch NAME */
        size_t skip = strlen(remote) + 1;
        char *refspec =
            goat_xasprintf("refs/heads/%.*s:refs/remotes/%.*s", (int)(len - skip), spec + skip, (int)len, spec);
        fetch_prefix(sb, depth, remote);
        shell_word(sb, refspec, strlen(refspec));
        free(refspec);
        return remote;
    }
    if (!(remote = goat_git_fetch_remote(repo)))
        return NULL;
    if (is_commit_id(spec, len)) {
        fetch_prefix(sb, depth, remote);
        shell_word(sb, spec, len);
        return remote;
    }
    /* A plain `git fetch REMOTE NAME` would only write FETCH_HEAD, and
     * nothing here says whether the remote has a branch or a tag of that
     * name: one command for each, each failing for the other kind (NAME:NAME
     * would also take a tag, into a branch of the same name, and leave the
     * name ambiguous). */
    char *refspec = goat_xasprintf("refs/heads/%.*s:refs/heads/%.*s", (int)len, spec, (int)len, spec);
    goat_strbuf_puts(sb, "if a branch: ");
    fetch_prefix(sb, depth, remote);
    shell_word(sb, refspec, strlen(refspec));
    goat_strbuf_puts(sb, "; if a tag: ");
    fetch_prefix(sb, depth, remote);
    goat_strbuf_puts(sb, "tag ");
    shell_word(sb, spec, len);
    free(refspec);
    return remote;
}

void goat_git_unshallow_command(goat_strbuf *sb, const char *remote)
{
    goat_strbuf_puts(sb, "git fetch --unshallow ");
    shell_word(sb, remote, strlen(remote));
}

static int brings_every_branch(const git_config_entry *entry, void *payload)
{
    const char *v = entry->value ? entry->value : "";
    if (*v == '+')
        v++;
    if (strncmp(v, "refs/heads/*:", 13) == 0)
        *(bool *)payload = true;
    return 0;
}

bool goat_git_fetches_all_branches(git_repository *repo, const char *remote)
{
    bool all = false;
    git_config *config = NULL;
    char *key = goat_xasprintf("remote.%s.fetch", remote);
    if (git_repository_config_snapshot(&config, repo) == 0)
        git_config_get_multivar_foreach(config, key, NULL, brings_every_branch, &all);
    git_config_free(config);
    free(key);
    return all;
}
