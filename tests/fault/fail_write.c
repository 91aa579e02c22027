/* SPDX-License-Identifier: MIT */
/* Fault injection for the tests, never part of the installed goat: linked
 * into test programs only (tests/fault/goat-fail-write, the transaction's
 * unit test) with the linker's --wrap=rename --wrap=unlink, it makes the
 * calls goat's code makes to the C library fail on demand.
 *
 * When the environment variable GOAT_TEST_FAIL_WRITE names a path, putting
 * a new content in place there (a rename onto it from a goat temporary
 * file, named .goat-new-*) or removing it fails with EIO, as a failing disk
 * would. Putting a file back from its backup (.goat-old-*) still works, so
 * the tests can prove the roll-back even as root, whom file permissions do
 * not stop.
 *
 * When GOAT_TEST_KILL_AT names a path, the process kills itself (SIGKILL)
 * just before putting a new content in place there, as a crash in the
 * middle of the renames would, so the tests can check what goat promises
 * after a crash.
 *
 * When GOAT_TEST_INTERRUPT_AT names a path, the process sends itself
 * SIGTERM (what a CI system sends a job it cancels; SIGINT is ignored in a
 * background job) just before putting a new content in place there, in
 * the middle of the renames; with GOAT_TEST_INTERRUPT_PREPARING, just
 * after linking the backup of that path, while the new contents are
 * being prepared (this needs --wrap=link too). */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int __real_rename(const char *from, const char *to);
int __wrap_rename(const char *from, const char *to);
int __real_unlink(const char *path);
int __wrap_unlink(const char *path);
int __real_link(const char *from, const char *to);
int __wrap_link(const char *from, const char *to);

static bool names(const char *variable, const char *path)
{
    const char *target = getenv(variable);
    return target && *target && strcmp(path, target) == 0;
}

static bool fails(const char *path)
{
    return names("GOAT_TEST_FAIL_WRITE", path);
}

static bool is_new_content(const char *path)
{
    const char *slash = strrchr(path, '/');
    return strncmp(slash ? slash + 1 : path, ".goat-new-", 10) == 0;
}

int __wrap_rename(const char *from, const char *to)
{
    if (names("GOAT_TEST_KILL_AT", to) && is_new_content(from))
        raise(SIGKILL);
    if (names("GOAT_TEST_INTERRUPT_AT", to) && is_new_content(from))
        raise(SIGTERM);
    if (fails(to) && is_new_content(from)) {
        errno = EIO;
        return -1;
    }
    return __real_rename(from, to);
}

int __wrap_unlink(const char *path)
{
    if (fails(path)) {
        errno = EIO;
        return -1;
    }
    return __real_unlink(path);
}

int __wrap_link(const char *from, const char *to)
{
    int rc = __real_link(from, to);
    if (rc == 0 && names("GOAT_TEST_INTERRUPT_PREPARING", from))
        raise(SIGTERM);
    return rc;
}
