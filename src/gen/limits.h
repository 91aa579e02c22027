/* SPDX-License-Identifier: MIT */
/* The limits of the generated package: what goat writes is what goat reads.
 *
 * goat report reads a build's point table size from the network (/track's
 * "points", goat_build_info's label), where one number could claim two
 * billion points, and lists every point no source reports; so it refuses a
 * table of more than GOAT_GEN_MAX_POINTS points. goat track and goat patch
 * refuse to write such a table, before any file changes, so that goat never
 * writes a package its own report cannot read. A real table this large
 * would be a generated file of some 400 MB. */
#ifndef GOAT_GEN_LIMITS_H
#define GOAT_GEN_LIMITS_H

#include "util/error.h"

#define GOAT_GEN_MAX_POINTS 4194304

/* The most points goat writes: GOAT_GEN_MAX_POINTS. A function of its own
 * file (limits.c) so that the test build of goat can make it small with the
 * linker's --wrap (tests/fault/max_points.c) instead of making millions of
 * points; the installed goat has no such hook. The readers of goat report
 * keep the constant. */
int goat_gen_max_points(void);

/* NULL when a point table of count points is one goat report reads (count
 * at most goat_gen_max_points()); otherwise an error without a file,
 * "N tracking points, more than goat report reads (LIMIT)", to which the
 * caller adds what to do. goat_gen_render and goat_gen_digest refuse such
 * values with it too. */
goat_error *goat_gen_check_point_count(int count);

#endif
