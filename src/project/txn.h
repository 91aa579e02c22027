/* SPDX-License-Identifier: MIT */
/* All-or-nothing changes to the project's files.
 *
 * A transaction collects the new contents of files (and files to delete),
 * then commits them together: either every change lands, or no file is left
 * changed. Paths are relative to the current directory (the module root),
 * '/'-separated; a path that is absolute, contains "..", or goes through a
 * symbolic link is refused, so nothing is ever written outside the module.
 *
 * Commit works in three steps. Prepare: every new content is written to a
 * temporary file next to its target, with the target's permission bits (and
 * owner, when running as root), and every existing target is hard-linked
 * to a backup name; a failure here (a full disk, a missing permission)
 * removes the temporaries and leaves the project untouched. Flush: one
 * syncfs(2) puts the new contents on the disk before any target is
 * replaced. Apply: each temporary is renamed over its target (atomic per
 * file); if a rename fails, the targets already replaced are put back from
 * their backups. Missing directories (the goat package's) are created and,
 * on failure, removed again. SIGINT, SIGTERM, SIGHUP and SIGQUIT are held
 * during the apply step, so an interrupt cannot leave half the files
 * replaced. Only once every file is in place are the directories to prune
 * (the goat package's, and the parents that leaves empty) removed.
 *
 * After a crash (the process killed outright, or the system going down)
 * every file is either its old or its new content, whole: a crash during
 * the apply step can leave some files replaced and others not, and the
 * other version of each is then in a .goat-old-PID-N (old content) or
 * .goat-new-PID-N (new content) file next to it. The renames themselves are
 * not flushed: a crash soon after a commit may undo some of them, file by
 * file. doc/goat.1 (CRASH SAFETY) says the same to users. */
#ifndef GOAT_PROJECT_TXN_H
#define GOAT_PROJECT_TXN_H

#include <stddef.h>

#include "util/error.h"

typedef struct goat_txn goat_txn;

goat_txn *goat_txn_new(void);
/* Creates or replaces relpath with len bytes of data, which must stay
 * valid until the commit returns (it is not copied). */
void goat_txn_write(goat_txn *t, const char *relpath, const char *data, size_t len);
/* Deletes relpath (a regular file). */
void goat_txn_remove(goat_txn *t, const char *relpath);
/* After a successful commit, removes directory reldir if it is empty, and
 * then each parent directory that leaves empty, up to but not including
 * the current directory; never a directory holding anything, never one
 * reached through a symbolic link. */
void goat_txn_remove_dir_if_empty(goat_txn *t, const char *reldir);
/* Number of queued writes and removals. */
size_t goat_txn_count(const goat_txn *t);
/* Applies everything or nothing (see above). */
goat_error *goat_txn_commit(goat_txn *t);
void goat_txn_free(goat_txn *t);

/* Whether relpath is safe to write: relative, no "." or ".." component, no
 * symbolic link on the way. NULL when safe. */
goat_error *goat_txn_check_path(const char *relpath);

/* The same for many paths in a row: memo remembers the last directory
 * found safe, so that the next path in it costs one system call. */
typedef struct goat_path_memo {
    char *dir_ok;
} goat_path_memo;
#define GOAT_PATH_MEMO_INIT {NULL}
goat_error *goat_txn_check_path_memo(goat_path_memo *memo, const char *relpath);
void goat_path_memo_free(goat_path_memo *memo);

#endif
