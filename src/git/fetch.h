/* SPDX-License-Identifier: MIT */
/* How to fetch into a clone a revision it lacks, as git commands a person
 * can run as printed.
 *
 * A plain `git fetch origin main` only writes FETCH_HEAD, and in a
 * single-branch clone (what `git clone --depth N --branch B` makes, as CI
 * checkouts do) neither `git fetch` nor `git fetch --unshallow` brings
 * another branch: the clone's refspec names only B. So each command names
 * a remote the repository has, what to fetch and where it goes, in full:
 * a branch to the local branch of that name, REMOTE/NAME to its
 * remote-tracking ref, a tag with "tag". Names are quoted for a POSIX
 * shell when they need it. */
#ifndef GOAT_GIT_FETCH_H
#define GOAT_GIT_FETCH_H

#include <stdbool.h>

#include <git2.h>

#include "util/strbuf.h"

/* The remote to fetch from: origin when the repository has it, else the
 * first one configured; NULL when it has none. The caller frees it. */
char *goat_git_fetch_remote(git_repository *repo);

/* Appends to sb the command(s) that bring spec so that it names a commit
 * afterwards, and returns the remote they fetch from (the caller frees
 * it): for REMOTE/NAME with REMOTE configured,
 * "git fetch --depth 1 REMOTE refs/heads/NAME:refs/remotes/REMOTE/NAME";
 * for a full commit id, "git fetch --depth 1 REMOTE ID"; for any other
 * name, "if a branch: git fetch --depth 1 REMOTE
 * refs/heads/NAME:refs/heads/NAME; if a tag: git fetch --depth 1 REMOTE
 * tag NAME", REMOTE as goat_git_fetch_remote says.
 * "--depth 1" only in a shallow clone (in a full one it would make the
 * clone shallow); a spec with ~ or ^ needs the history below its name,
 * so there it is "--unshallow". Returns NULL, appending nothing, when the
 * repository has no remote or no fetch brings spec (a reflog entry, a
 * path, a name git refuses). */
char *goat_git_fetch_commands(git_repository *repo, const char *spec, goat_strbuf *sb);

/* Whether one of remote's fetch refspecs brings every branch (its source
 * is the pattern of all refs/heads/ names), as a clone's does unless made
 * with --single-branch (or --depth, which implies it). */
bool goat_git_fetches_all_branches(git_repository *repo, const char *remote);

/* Appends "git fetch --unshallow REMOTE" (REMOTE quoted as the commands
 * above quote it): the history below every commit a shallow clone has. */
void goat_git_unshallow_command(goat_strbuf *sb, const char *remote);

#endif
