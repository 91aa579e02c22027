/* SPDX-License-Identifier: MIT */
/* The I/O floor of a goat run, for bench/track.sh: what any program has to
 * do to read a module's Go files and replace some of them as safely as
 * goat does (src/project/txn.c), with none of goat's work in between.
 *
 *   iofloor ALL CHANGED
 *
 * reads every file listed in ALL (one path a line, relative to the current
 * directory; CHANGED is a subset of ALL in the same order), then replaces every file listed in CHANGED with its own
 * content (so the tree is left as it was) the way a goat transaction does:
 * per file, a hard link to the old file and a temporary file with the new
 * content next to it; one syncfs(2) for the whole file system; a rename of
 * each temporary over its file; then the links are removed. */
#include <errno.h>
#include <fcntl.h>
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

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: iofloor ALL CHANGED (both sorted the same way)\n");
        return 2;
    }
    size_t all_count, changed_count;
    char *all_text, *changed_text;
    char **all = read_list(argv[1], &all_count, &all_text);
    char **changed = read_list(argv[2], &changed_count, &changed_text);

    /* read everything, keeping the texts of the files to replace */
    char **texts = calloc(changed_count + 1, sizeof *texts);
    size_t *lens = calloc(changed_count + 1, sizeof *lens);
    if (!texts || !lens)
        die("out of memory for", argv[2]);
    size_t next = 0;
    for (size_t i = 0; i < all_count; i++) {
        size_t len;
        char *text = read_all(all[i], &len);
        if (next < changed_count && strcmp(all[i], changed[next]) == 0) {
            texts[next] = text;
            lens[next++] = len;
        } else {
            free(text);
        }
    }
    if (next != changed_count)
        die("not every changed file is listed in", argv[1]);

    char (*tmp)[4096] = calloc(changed_count + 1, sizeof *tmp);
    char (*old)[4096] = calloc(changed_count + 1, sizeof *old);
    if (!tmp || !old)
        die("out of memory for", argv[2]);
    for (size_t i = 0; i < changed_count; i++) {
        const char *path = changed[i];
        struct stat st;
        if (lstat(path, &st) != 0)
            die("cannot inspect", path);
        snprintf(old[i], sizeof old[i], "%s.floor-old-%ld-%zu", path, (long)getpid(), i);
        snprintf(tmp[i], sizeof tmp[i], "%s.floor-new-%ld-%zu", path, (long)getpid(), i);
        if (link(path, old[i]) != 0)
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
    for (size_t i = 0; i < changed_count; i++)
        if (rename(tmp[i], changed[i]) != 0)
            die("cannot rename", tmp[i]);
    for (size_t i = 0; i < changed_count; i++)
        if (unlink(old[i]) != 0)
            die("cannot unlink", old[i]);
    free(tmp);
    free(old);
    free(texts);
    free(lens);
    free(all);
    free(changed);
    free(all_text);
    free(changed_text);
    return 0;
}
