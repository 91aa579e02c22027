/* SPDX-License-Identifier: MIT */
/* Pieces of the file filter that the working-tree walk reuses to prune
 * whole directories. Private to src/git. */
#ifndef GOAT_GIT_FILTER_INTERNAL_H
#define GOAT_GIT_FILTER_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "git/filter.h"

/* Why everything below dir (relative, no trailing '/', "" for the root) is
 * skipped: the generated package, an `ignores` entry or (when the filter
 * skips them) a nested module; or NULL. */
const char *goat_filter_dir_reason(goat_filter *filter, const char *dir);
const char *goat_filter_project_dir(const goat_filter *filter);

#endif
