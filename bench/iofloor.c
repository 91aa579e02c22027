/* SPDX-License-Identifier: MIT */
/* The I/O floor of a goat run, for bench/track.sh: what any program has to
 * do to read a module's Go files and replace some of them as safely as
 * goat does (src/project/txn.c), with none of goat's work in between.
 *
 *   iofloor ALL CHANGED [NEWDIR CREATED]
 *
 * reads every file listed in ALL (one path a line, relative to the current
 * directory; CHANGED is a subset of ALL in the same order), then replaces
 * every file listed in CHANGED the way a goat transaction does: per file, a
 * hard link to the old file and a temporary file with the new content next
 * to it; one syncfs(2) for the whole file system; a rename of each
 * temporary over its file; then the links are removed.
 *
 * Without NEWDIR the new content is the file's own (the tree is left as it
 * was), so the floor writes the bytes it read. With NEWDIR it writes what
 * goat writes: a changed file's new content is NEWDIR/PATH (read in place
 * of the file itself, so as many files are read as without), and each file
 * listed in CREATED (not in ALL: the generated package) is created the
 * same way (its directories first), as big as NEWDIR/PATH (filler bytes,
 * so that the floor reads no more than goat's input). The caller puts the
 * tree back afterwards. */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void die(const char *what, const char *path)
{
    fprintf(stderr, "iofloor: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static char *read_all(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0)
        die("cannot read", path);
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = 0;
    while (buf && got < (size_t)st.st_size) {
        ssize_t n = read(fd, buf + got, (size_t)st.st_size - got);
        if (n <= 0)
            die("cannot read", path);
        got += (size_t)n;
    }
    close(fd);
    if (!buf)
        die("out of memory reading", path);
    *len = got;
    return buf;
}

/* The lines of file list (kept in *text). */
static char **read_list(const char *list, size_t *count, char **text)
{
    size_t len;
    *text = read_all(list, &len);
    (*text)[len] = '\0';
    char **items = NULL;
    *count = 0;
    for (char *line = strtok(*text, "\n"); line; line = strtok(NULL, "\n")) {
        items = realloc(items, (*count + 1) * sizeof *items);
        if (!items)
            die("out of memory reading", list);
        items[(*count)++] = line;
    }
    return items;
}

/* NEWDIR/path */
static char *new_path(const char *newdir, const char *path)
{
    size_t n = strlen(newdir) + strlen(path) + 2;
    char *p = malloc(n);
    if (!p)
        die("out of memory for", path);
    snprintf(p, n, "%s/%s", newdir, path);
    return p;
}

/* The directories on the way to path, created when missing (the goat
 * package's, as goat's transaction creates it). */
static void make_dirs(char *path)
{
    for (char *slash = strchr(path, '/'); slash; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            die("cannot create", path);
        *slash = '/';
    }
}

int main(int argc, char **argv)
{
    if (argc != 3 && argc != 5) {
        fprintf(stderr, "usage: iofloor ALL CHANGED [NEWDIR CREATED] (ALL and CHANGED sorted the same way)\n");
        return 2;
    }
    const char *newdir = argc == 5 ? argv[3] : NULL;
    size_t all_count, changed_count, created_count = 0;
    char *all_text, *changed_text, *created_text = NULL;
    char **all = read_list(argv[1], &all_count, &all_text);
    char **changed = read_list(argv[2], &changed_count, &changed_text);
    char **created = newdir ? read_list(argv[4], &created_count, &created_text) : NULL;

    /* read everything, keeping the texts of the files to replace */
    char **texts = calloc(changed_count + 1, sizeof *texts);
    size_t *lens = calloc(changed_count + 1, sizeof *lens);
    if (!texts || !lens)
        die("out of memory for", argv[2]);
    size_t next = 0;
    for (size_t i = 0; i < all_count; i++) {
        size_t len;
        bool replaced = next < changed_count && strcmp(all[i], changed[next]) == 0;
        char *from = replaced && newdir ? new_path(newdir, all[i]) : NULL;
        char *text = read_all(from ? from : all[i], &len);
        free(from);
        if (replaced) {
            texts[next] = text;
            lens[next++] = len;
        } else {
            free(text);
        }
    }
    if (next != changed_count)
        die("not every changed file is listed in", argv[1]);

    /* the created files: as many filler bytes as goat's */
    size_t total = changed_count + created_count;
    texts = realloc(texts, (total + 1) * sizeof *texts);
    lens = realloc(lens, (total + 1) * sizeof *lens);
    char **paths = calloc(total + 1, sizeof *paths);
    if (!texts || !lens || !paths)
        die("out of memory for", argv[2]);
    for (size_t i = 0; i < changed_count; i++)
        paths[i] = changed[i];
    for (size_t i = 0; i < created_count; i++) {
        char *from = new_path(newdir, created[i]);
        struct stat st;
        if (stat(from, &st) != 0)
            die("cannot inspect", from);
        free(from);
        paths[changed_count + i] = created[i];
        lens[changed_count + i] = (size_t)st.st_size;
        texts[changed_count + i] = calloc((size_t)st.st_size + 1, 1);
        if (!texts[changed_count + i])
            die("out of memory for", created[i]);
    }

    char (*tmp)[4096] = calloc(total + 1, sizeof *tmp);
    char (*old)[4096] = calloc(total + 1, sizeof *old);
    if (!tmp || !old)
        die("out of memory for", argv[2]);
    for (size_t i = 0; i < total; i++) {
        const char *path = paths[i];
        bool existed = i < changed_count;
        struct stat st = {.st_mode = 0666};
        if (existed && lstat(path, &st) != 0)
            die("cannot inspect", path);
        if (!existed)
            make_dirs(paths[i]);
        snprintf(old[i], sizeof old[i], "%s.floor-old-%ld-%zu", path, (long)getpid(), i);
        snprintf(tmp[i], sizeof tmp[i], "%s.floor-new-%ld-%zu", path, (long)getpid(), i);
        if (existed && link(path, old[i]) != 0)
            die("cannot link", path);
        int fd = open(tmp[i], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, st.st_mode & 07777);
        if (fd < 0 || write(fd, texts[i], lens[i]) != (ssize_t)lens[i] || close(fd) != 0)
            die("cannot write", tmp[i]);
        free(texts[i]);
    }
    int dir = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0 || syncfs(dir) != 0)
        die("cannot sync", ".");
    close(dir);
    for (size_t i = 0; i < total; i++)
        if (rename(tmp[i], paths[i]) != 0)
            die("cannot rename", tmp[i]);
    for (size_t i = 0; i < changed_count; i++)
        if (unlink(old[i]) != 0)
            die("cannot unlink", old[i]);
    free(paths);
    free(tmp);
    free(old);
    free(texts);
    free(lens);
    free(all);
    free(changed);
    free(created);
    free(all_text);
    free(changed_text);
    free(created_text);
    return 0;
}
