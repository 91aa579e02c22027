/* SPDX-License-Identifier: MIT */
/* Revisions as a person names them in goat.yaml or on goat init's command
 * line: checking that one names a commit, saying what exists when it does
 * not, and picking the branch to compare with when none is given.
 *
 * A name that names no commit gives an error that names the key and the
 * name and suggests the branches and tags that do exist (those spelled
 * closest to it, else the usual default branches and a few others); in a
 * repository without commits it says to commit first, and in a shallow
 * clone it adds how to fetch what the clone may lack. */
#ifndef GOAT_GIT_REFS_H
#define GOAT_GIT_REFS_H

#include <stdbool.h>

#include "util/error.h"

/* Fails unless spec names a commit in the repository holding project_dir;
 * key names the setting in the message (oldBranch, --old, ...). */
goat_error *goat_git_check_revision(const char *project_dir, const char *spec, const char *key);

/* The branch to compare with when none is given: the first of main,
 * master, origin/main, origin/master and the branch origin/HEAD points to
 * that names a commit. NULL when none does (the repository may also have
 * no commit at all: goat_git_check_revision says which). */
char *goat_git_default_old_branch(const char *project_dir);

/* Whether spec names the commit checked out at HEAD (false when either
 * does not resolve). */
bool goat_git_is_head(const char *project_dir, const char *spec);

/* The 7-digit short hash of the commit spec names, into out. */
goat_error *goat_git_short_hash(const char *project_dir, const char *spec, const char *key, char out[8]);

#endif
