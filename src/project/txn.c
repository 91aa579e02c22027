/* SPDX-License-Identifier: MIT */
#include "project/txn.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
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
    const char *data; /* the caller's, until the commit returns */
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
    long pid;        /* in the names of temporaries and backups */
    mode_t umask;    /* the process's, read once */
    bool as_root;    /* owners are then kept */
    uid_t uid;       /* the effective user and group, files' owners by default */
    gid_t gid;
    goat_path_memo dirs; /* the directory checked last */
};

goat_txn *goat_txn_new(void)
{
    return goat_xcalloc(1, sizeof(goat_txn));
}

/* What commit needs to know about the process, asked once. */
static void learn_process(goat_txn *t)
{
    t->pid = (long)getpid();
    t->umask = umask(0);
    umask(t->umask);
    t->uid = geteuid();
    t->gid = getegid();
    t->as_root = t->uid == 0;
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
    op->data = data;
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
    goat_path_memo_free(&t->dirs);
    free(t);
}

/* ---- path safety ---- */

/* Whether relpath reads as a path inside the module: relative, no empty,
 * "." or ".." component. */
static goat_error *check_lexically(const char *relpath)
{
    if (relpath[0] == '\0' || relpath[0] == '/')
        return goat_error_new(relpath, 0, 0, "refusing to write: not a path inside the module");
    for (const char *c = relpath;;) {
        const char *slash = strchr(c, '/');
        size_t clen = slash ? (size_t)(slash - c) : strlen(c);
        if (clen == 0 || (clen == 1 && c[0] == '.') || (clen == 2 && c[0] == '.' && c[1] == '.'))
            return goat_error_new(relpath, 0, 0, "refusing to write: path has an empty, \".\" or \"..\" component");
        if (!slash)
            return NULL;
        c = slash + 1;
    }
}

/* The directories on the way to relpath must be real directories, not
 * symbolic links; missing ones are created when create_dirs is set (and
 * recorded in t). */
static goat_error *check_components(const char *relpath, bool create_dirs, goat_txn *t, bool *all_there)
{
    goat_error *err = check_lexically(relpath);
    if (err)
        return err;
    *all_there = true;
    char *buf = goat_xstrdup(relpath);
    for (char *slash = strchr(buf, '/'); slash && !err; slash = strchr(slash + 1, '/')) {
        *slash = '\0';
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
            } else {
                *all_there = false;
            }
        } else if (S_ISLNK(st.st_mode)) {
            err = goat_error_new(buf, 0, 0,
                                 "refusing to write %s through a symbolic link (goat never writes through one, "
                                 "so that it cannot write outside the module): make %s a real directory, or "
                                 "set goatPackagePath in goat.yaml to another directory",
                                 relpath, buf);
        } else if (!S_ISDIR(st.st_mode)) {
            err = goat_error_new(buf, 0, 0, "not a directory (on the way to %s)", relpath);
        }
        *slash = '/';
    }
    free(buf);
    return err;
}

/* The directories on the way to path, checked (and, for a write, created)
 * once for all the files in the same directory. */
static goat_error *check_dirs(goat_path_memo *memo, goat_txn *t, const char *path, bool create_dirs)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) : 0;
    if (memo->dir_ok && strlen(memo->dir_ok) == dirlen && memcmp(memo->dir_ok, path, dirlen) == 0)
        return check_lexically(path);
    bool all_there = false;
    goat_error *err = check_components(path, create_dirs, t, &all_there);
    if (!err && all_there) {
        free(memo->dir_ok);
        memo->dir_ok = goat_xstrndup(path, dirlen);
    }
    return err;
}

void goat_path_memo_free(goat_path_memo *memo)
{
    free(memo->dir_ok);
    memo->dir_ok = NULL;
}

goat_error *goat_txn_check_path(const char *relpath)
{
    goat_path_memo memo = GOAT_PATH_MEMO_INIT;
    goat_error *err = goat_txn_check_path_memo(&memo, relpath);
    goat_path_memo_free(&memo);
    return err;
}

goat_error *goat_txn_check_path_memo(goat_path_memo *memo, const char *relpath)
{
    goat_error *err = check_dirs(memo, NULL, relpath, false);
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
    return goat_xasprintf("%.*s.goat-%s-%ld-%u", dirlen, path, tag, t->pid, t->serial++);
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
    goat_error *err = check_dirs(&t->dirs, t, op->path, op->kind == OP_WRITE);
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

    /* created with the target's permission bits, less what the umask
     * takes away (never more than the target allows) */
    mode_t mode = op->existed ? st.st_mode & 07777 : 0666 & ~t->umask;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; attempt++) {
        char *name = sibling_name(t, op->path, "new");
        fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
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
    if (!err && op->existed && t->as_root && (st.st_uid != t->uid || st.st_gid != t->gid) &&
        fchown(fd, st.st_uid, st.st_gid) != 0)
        err = goat_error_new(op->path, 0, 0, "cannot keep the owner: %s", strerror(errno));
    /* the umask took bits away, or open ignored the set-ID and sticky bits */
    if (!err && ((mode & t->umask) || (mode & ~(mode_t)0777)) && fchmod(fd, mode) != 0)
        err = goat_error_new(op->path, 0, 0, "cannot keep the permissions: %s", strerror(errno));
    if (close(fd) != 0 && !err)
        err = goat_error_new(op->path, 0, 0, "cannot write: %s", strerror(errno));
    return err;
}

/* ---- undo ---- */

/* Removes a temporary file or backup; one that stays (an append-only
 * directory lets goat make it but not remove it) is named, so that no
 * message says nothing changed while goat's files lie in the module. */
static void remove_scratch(const char *path)
{
    if (unlink(path) != 0 && errno != ENOENT)
        fprintf(stderr, "goat: could not remove %s, a file goat made (%s)%s: remove it by hand\n", path,
                strerror(errno), goat_write_advice(errno));
}

static void discard_scratch(goat_txn *t)
{
    for (size_t i = 0; i < t->count; i++) {
        txn_op *op = &t->ops[i];
        if (op->tmp && !op->applied)
            remove_scratch(op->tmp);
        if (op->backup)
            remove_scratch(op->backup);
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

/* ---- pruning ---- */

/* Removes reldir when it is empty, then each of its parents that this
 * leaves empty, up to but not including the current directory (the module
 * root): a nested goatPackagePath ("a/b/c") leaves nothing behind. Only
 * after a successful commit, so a failed one changes no directory; rmdir
 * itself refuses a directory holding anything (a file, a .gitkeep, a
 * subdirectory), so the walk stops at the first one that does, harmlessly.
 * A path that reads as leaving the module, or that goes through a symbolic
 * link, is left alone. */
static void prune_dir(const char *reldir)
{
    bool all_there = false;
    char *probe = goat_xasprintf("%s/x", reldir); /* check_components checks the directories of a file */
    goat_error *err = check_components(probe, false, NULL, &all_there);
    free(probe);
    if (err || !all_there) {
        goat_error_free(err);
        return;
    }
    char *dir = goat_xstrdup(reldir);
    for (;;) {
        if (rmdir(dir) != 0)
            break;
        char *slash = strrchr(dir, '/');
        if (!slash)
            break;
        *slash = '\0';
    }
    free(dir);
}

/* ---- commit ---- */

static int apply_op(txn_op *op)
{
    if (op->kind == OP_WRITE)
        return rename(op->tmp, op->path);
    if (!op->existed)
        return 0;
    return unlink(op->path);
}

/* Puts the new contents on the disk before any file is replaced, so that
 * after a crash every file is its old or its new self, never a file whose
 * new name got to the disk before its content: one sync of the file
 * system rather than one per file. */
static goat_error *flush_new_contents(goat_txn *t)
{
    bool any = false;
    for (size_t i = 0; i < t->count && !any; i++)
        any = t->ops[i].tmp != NULL;
    if (!any)
        return NULL;
    int dir = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0 || syncfs(dir) != 0) {
        goat_error *err = goat_error_new(NULL, 0, 0, "cannot flush the new files to the disk: %s", strerror(errno));
        if (dir >= 0)
            close(dir);
        return err;
    }
    close(dir);
    return NULL;
}

/* The termination signals goat holds (in the committing thread, the only
 * one then) while files are being prepared and
 * replaced: one arriving then takes effect only once the project is
 * whole again, every file old or every file new, with no temporary file
 * or backup left beside them. */
static const int termination[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};

static void termination_signals(sigset_t *set)
{
    sigemptyset(set);
    for (size_t i = 0; i < sizeof termination / sizeof *termination; i++) {
        /* one the process ignores (SIGINT in a background job, SIGHUP under
         * nohup) ends nothing and must stop nothing: not held, so not seen */
        struct sigaction now;
        if (sigaction(termination[i], NULL, &now) == 0 && now.sa_handler == SIG_IGN)
            continue;
        sigaddset(set, termination[i]);
    }
}

/* The first held signal pending, or 0. */
static int pending_termination(const sigset_t *held)
{
    sigset_t pending;
    if (sigpending(&pending) != 0)
        return 0;
    for (size_t i = 0; i < sizeof termination / sizeof *termination; i++)
        if (sigismember(held, termination[i]) == 1 && sigismember(&pending, termination[i]) == 1)
            return termination[i];
    return 0;
}

/* Interrupted before any file was replaced: the scratch files are gone,
 * nothing changed; the signal then takes its course once unblocked (the
 * error is for a program that handles it). */
static goat_error *interrupted_before(goat_txn *t, int sig, const sigset_t *saved)
{
    discard_scratch(t);
    remove_created_dirs(t);
    fprintf(stderr, "goat: interrupted (%s) before any file was replaced: nothing changed\n", strsignal(sig));
    fflush(stderr);
    pthread_sigmask(SIG_SETMASK, saved, NULL);
    return goat_error_new(NULL, 0, 0, "interrupted (%s) before any file was replaced: nothing changed",
                          strsignal(sig));
}

/* Takes every held signal that came (so that unblocking them ends
 * nothing) and returns the first, or 0. */
static int take_pending(const sigset_t *held)
{
    int sig = pending_termination(held);
    const struct timespec now = {0, 0};
    while (sig && sigtimedwait(held, NULL, &now) > 0)
        ;
    return sig;
}

goat_error *goat_txn_commit(goat_txn *t)
{
    learn_process(t);
    sigset_t held, saved;
    termination_signals(&held);
    pthread_sigmask(SIG_BLOCK, &held, &saved);
    goat_error *err = NULL;
    int sig = 0;
    for (size_t i = 0; i < t->count && !err && !sig; i++)
        if (!(err = prepare_op(t, &t->ops[i])))
            sig = pending_termination(&held);
    if (!err && !sig)
        err = flush_new_contents(t);
    if (!err && !sig)
        sig = pending_termination(&held);
    if (!err && sig)
        return interrupted_before(t, sig, &saved);
    if (err) {
        discard_scratch(t);
        remove_created_dirs(t);
        pthread_sigmask(SIG_SETMASK, &saved, NULL);
        return err;
    }

    for (size_t i = 0; i < t->count; i++) {
        txn_op *op = &t->ops[i];
        if (apply_op(op) != 0) {
            err = goat_error_new(op->path, 0, 0, "cannot %s: %s%s", op->kind == OP_WRITE ? "write" : "remove",
                                 strerror(errno), goat_write_advice(errno));
            break;
        }
        op->applied = true;
    }
    /* A signal that came during the renames is taken, not left to end the
     * process: the run finished them (or put every file back), and says
     * so through its error or its summary, not as a run that failed midway
     * (a second run would find the project already changed). */
    if (err) {
        bool restored = roll_back(t, stderr);
        char *msg = goat_xasprintf("%s (%s)", err->message,
                                   restored ? "every file was put back: nothing changed"
                                            : "some files could not be put back, see above");
        free(err->message);
        err->message = msg;
        discard_scratch(t);
        remove_created_dirs(t);
        take_pending(&held);
        pthread_sigmask(SIG_SETMASK, &saved, NULL);
        return err;
    }
    discard_scratch(t);
    for (size_t i = 0; i < t->prune_count; i++)
        prune_dir(t->dirs_to_prune[i]);
    if ((sig = take_pending(&held)) != 0)
        fprintf(stderr, "goat: %s came while the files were being replaced: goat finished replacing them first\n",
                strsignal(sig));
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    return NULL;
}
