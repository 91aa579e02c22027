/* SPDX-License-Identifier: MIT */
#include "project/txn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/advice.h"
#include "util/xalloc.h"

typedef enum { OP_WRITE, OP_REMOVE } op_kind;

typedef struct txn_op {
    op_kind kind;
    char *path;
    char *data;
    size_t len;
    /* filled by prepare */
    char *tmp;    /* the new content, next to path */
    char *backup; /* a hard link to the old file; NULL when there was none */
    bool existed;
    bool applied;
} txn_op;

struct goat_txn {
    txn_op *ops;
    size_t count, cap;
    char **dirs_to_prune;
    size_t prune_count;
    char **created_dirs; /* by prepare, in creation order */
    size_t created_count;
    unsigned serial;
};

goat_txn *goat_txn_new(void)
{
    return goat_xcalloc(1, sizeof(goat_txn));
}

static txn_op *add_op(goat_txn *t, op_kind kind, const char *relpath)
{
    goat_grow((void **)&t->ops, &t->cap, t->count + 1, sizeof *t->ops);
    txn_op *op = &t->ops[t->count++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    op->path = goat_xstrdup(relpath);
    return op;
}

void goat_txn_write(goat_txn *t, const char *relpath, const char *data, size_t len)
{
    txn_op *op = add_op(t, OP_WRITE, relpath);
    op->data = goat_xmalloc(len + 1);
    memcpy(op->data, data, len);
    op->data[len] = '\0';
    op->len = len;
}

void goat_txn_remove(goat_txn *t, const char *relpath)
{
    add_op(t, OP_REMOVE, relpath);
}

void goat_txn_remove_dir_if_empty(goat_txn *t, const char *reldir)
{
    t->dirs_to_prune = goat_xreallocarray(t->dirs_to_prune, t->prune_count + 1, sizeof *t->dirs_to_prune);
    t->dirs_to_prune[t->prune_count++] = goat_xstrdup(reldir);
}

size_t goat_txn_count(const goat_txn *t)
{
    return t->count;
}

void goat_txn_free(goat_txn *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->count; i++) {
        free(t->ops[i].path);
        free(t->ops[i].data);
        free(t->ops[i].tmp);
        free(t->ops[i].backup);
    }
    free(t->ops);
    for (size_t i = 0; i < t->prune_count; i++)
        free(t->dirs_to_prune[i]);
    free(t->dirs_to_prune);
    for (size_t i = 0; i < t->created_count; i++)
        free(t->created_dirs[i]);
    free(t->created_dirs);
    free(t);
}

/* ---- path safety ---- */

static goat_error *check_components(const char *relpath, bool create_dirs, goat_txn *t)
{
    if (relpath[0] == '\0' || relpath[0] == '/')
        return goat_error_new(relpath, 0, 0, "refusing to write: not a path inside the module");
    size_t n = strlen(relpath);
    char *buf = goat_xstrdup(relpath);
    goat_error *err = NULL;
    for (size_t i = 0; i <= n && !err; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        size_t start = i;
        while (start > 0 && buf[start - 1] != '/')
            start--;
        size_t clen = i - start;
        if (clen == 0 || (clen == 1 && buf[start] == '.') || (clen == 2 && buf[start] == '.' && buf[start + 1] == '.')) {
            err = goat_error_new(relpath, 0, 0, "refusing to write: path has an empty, \".\" or \"..\" component");
            break;
        }
        if (buf[i] == '\0')
            break; /* the last component is the file itself, checked by the caller */
        buf[i] = '\0';
        struct stat st;
        if (lstat(buf, &st) != 0) {
            if (errno == ENOENT && create_dirs) {
                if (mkdir(buf, 0777) != 0) {
                    err = goat_error_new(NULL, 0, 0, "cannot create the directory %s/ (for %s): %s%s", buf, relpath,
                                         strerror(errno), goat_mkdir_advice(errno));
                } else {
                    t->created_dirs = goat_xreallocarray(t->created_dirs, t->created_count + 1,
                                                         sizeof *t->created_dirs);
                    t->created_dirs[t->created_count++] = goat_xstrdup(buf);
                }
            } else if (errno != ENOENT) {
                err = goat_error_new(buf, 0, 0, "cannot inspect: %s", strerror(errno));
            }
        } else if (S_ISLNK(st.st_mode)) {
            err = goat_error_new(buf, 0, 0, "refusing to write %s through a symbolic link", relpath);
        } else if (!S_ISDIR(st.st_mode)) {
            err = goat_error_new(buf, 0, 0, "not a directory (on the way to %s)", relpath);
        }
        buf[i] = '/';
    }
    free(buf);
    return err;
}

goat_error *goat_txn_check_path(const char *relpath)
{
    goat_error *err = check_components(relpath, false, NULL);
    if (err)
        return err;
    struct stat st;
    if (lstat(relpath, &st) == 0 && !S_ISREG(st.st_mode))
        return goat_error_new(relpath, 0, 0, S_ISLNK(st.st_mode) ? "refusing to write through a symbolic link"
                                                                    : "refusing to write: not a regular file");
    return NULL;
}

/* ---- prepare ---- */

static char *sibling_name(goat_txn *t, const char *path, const char *tag)
{
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    return goat_xasprintf("%.*s.goat-%s-%ld-%u", dirlen, path, tag, (long)getpid(), t->serial++);
}

static goat_error *make_backup(goat_txn *t, txn_op *op)
{
    for (int attempt = 0; attempt < 100; attempt++) {
        char *name = sibling_name(t, op->path, "old");
        if (link(op->path, name) == 0) {
            op->backup = name;
            return NULL;
        }
        int e = errno;
        free(name);
        if (e != EEXIST)
            return goat_error_new(op->path, 0, 0, "cannot replace it (goat first links a backup of it): %s%s",
                                  strerror(e), goat_write_advice(e));
    }
    return goat_error_new(op->path, 0, 0, "cannot find a free backup name");
}

static goat_error *write_all(int fd, const char *data, size_t len, const char *path)
{
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return goat_error_new(path, 0, 0, "cannot write: %s", strerror(errno));
        }
        data += w;
        len -= (size_t)w;
    }
    return NULL;
}

static goat_error *prepare_op(goat_txn *t, txn_op *op)
{
    goat_error *err = check_components(op->path, op->kind == OP_WRITE, t);
    if (err)
        return err;
    struct stat st;
    if (lstat(op->path, &st) == 0) {
        if (S_ISLNK(st.st_mode))
            return goat_error_new(op->path, 0, 0, "refusing to write through a symbolic link");
        if (!S_ISREG(st.st_mode))
            return goat_error_new(op->path, 0, 0, "refusing to write: not a regular file");
        op->existed = true;
    } else if (errno != ENOENT) {
        return goat_error_new(op->path, 0, 0, "cannot inspect: %s", strerror(errno));
    } else if (op->kind == OP_REMOVE) {
        return NULL; /* already gone */
    }
    if (op->existed && (err = make_backup(t, op)))
        return err;
    if (op->kind == OP_REMOVE)
        return NULL;

    mode_t mode;
    if (op->existed) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        char *name = sibling_name(t, op->path, "new");
        fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd >= 0) {
            op->tmp = name;
            break;
        }
        int e = errno;
        free(name);
        if (e != EEXIST)
            return goat_error_new(op->path, 0, 0, "cannot create a temporary file next to it: %s%s", strerror(e),
                                  goat_write_advice(e));
    }
    if (fd < 0)
        return goat_error_new(op->path, 0, 0, "cannot find a free temporary name");
    err = write_all(fd, op->data, op->len, op->path);
    if (!err && op->existed && geteuid() == 0 && fchown(fd, st.st_uid, st.st_gid) != 0)
        err = goat_error_new(op->path, 0, 0, "cannot keep the owner: %s", strerror(errno));
    if (!err && fchmod(fd, mode) != 0)
        err = goat_error_new(op->path, 0, 0, "cannot keep the permissions: %s", strerror(errno));
    if (close(fd) != 0 && !err)
        err = goat_error_new(op->path, 0, 0, "cannot write: %s", strerror(errno));
    return err;
}

/* ---- undo ---- */

static void discard_scratch(goat_txn *t)
{
    for (size_t i = 0; i < t->count; i++) {
        txn_op *op = &t->ops[i];
        if (op->tmp && !op->applied)
            unlink(op->tmp);
        if (op->backup)
            unlink(op->backup);
        free(op->tmp);
        free(op->backup);
        op->tmp = op->backup = NULL;
    }
}

static void remove_created_dirs(goat_txn *t)
{
    for (size_t i = t->created_count; i-- > 0;)
        rmdir(t->created_dirs[i]);
}

/* Puts back every applied change; returns false if some file could not be
 * restored (then its backup is kept and named in the message). */
static bool roll_back(goat_txn *t, FILE *log)
{
    bool ok = true;
    for (size_t i = t->count; i-- > 0;) {
        txn_op *op = &t->ops[i];
        if (!op->applied)
            continue;
        int rc;
        if (op->kind == OP_REMOVE && !op->existed)
            rc = 0;
        else if (op->existed)
            rc = rename(op->backup, op->path);
        else
            rc = unlink(op->path);
        if (rc != 0) {
            ok = false;
            fprintf(log, "goat: could not restore %s (%s)%s%s\n", op->path, strerror(errno),
                    op->backup ? "; its old content is in " : "", op->backup ? op->backup : "");
            if (op->backup) {
                free(op->backup);
                op->backup = NULL; /* keep it on disk */
            }
        } else if (op->existed) {
            free(op->backup);
            op->backup = NULL; /* renamed back: nothing left to unlink */
        }
        op->applied = false;
    }
    return ok;
}

/* ---- commit ---- */

static int apply_op(txn_op *op, const char *fail_path)
{
    if (fail_path && strcmp(fail_path, op->path) == 0) {
        errno = EIO;
        return -1;
    }
    if (op->kind == OP_WRITE)
        return rename(op->tmp, op->path);
    if (!op->existed)
        return 0;
    return unlink(op->path);
}

goat_error *goat_txn_commit(goat_txn *t)
{
    goat_error *err = NULL;
    for (size_t i = 0; i < t->count && !err; i++)
        err = prepare_op(t, &t->ops[i]);
    if (err) {
        discard_scratch(t);
        remove_created_dirs(t);
        return err;
    }

    /* An interrupt between two renames would leave half the project
     * changed: hold the usual termination signals until the files are all
     * replaced or all put back. */
    sigset_t hold, saved;
    sigemptyset(&hold);
    sigaddset(&hold, SIGINT);
    sigaddset(&hold, SIGTERM);
    sigaddset(&hold, SIGHUP);
    sigaddset(&hold, SIGQUIT);
    sigprocmask(SIG_BLOCK, &hold, &saved);

    const char *fail_path = getenv("GOAT_TEST_FAIL_WRITE");
    if (fail_path && !*fail_path)
        fail_path = NULL;
    for (size_t i = 0; i < t->count; i++) {
        txn_op *op = &t->ops[i];
        if (apply_op(op, fail_path) != 0) {
            err = goat_error_new(op->path, 0, 0, "cannot %s: %s%s", op->kind == OP_WRITE ? "write" : "remove",
                                 strerror(errno), goat_write_advice(errno));
            break;
        }
        op->applied = true;
    }
    if (err) {
        bool restored = roll_back(t, stderr);
        char *msg = goat_xasprintf("%s (%s)", err->message,
                                   restored ? "every file was put back: nothing changed"
                                            : "some files could not be put back, see above");
        free(err->message);
        err->message = msg;
        discard_scratch(t);
        remove_created_dirs(t);
        sigprocmask(SIG_SETMASK, &saved, NULL);
        return err;
    }
    discard_scratch(t);
    for (size_t i = 0; i < t->prune_count; i++)
        rmdir(t->dirs_to_prune[i]); /* fails harmlessly when not empty */
    sigprocmask(SIG_SETMASK, &saved, NULL);
    return NULL;
}
