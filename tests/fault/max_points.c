/* SPDX-License-Identifier: MIT */
/* A smaller point limit for the tests, never part of the installed goat:
 * linked into tests/fault/goat-fail-write with the linker's
 * --wrap=goat_gen_max_points, so that a test can show goat track and goat
 * patch refusing a table larger than the limit (src/gen/limits.h) with a
 * handful of points instead of millions.
 *
 * When the environment variable GOAT_TEST_MAX_POINTS holds a decimal
 * number from 0 to the real limit, that number is the limit; otherwise
 * (unset, empty, malformed or larger) the real one is. */
#include <errno.h>
#include <stdlib.h>

#include "gen/limits.h"

__typeof__(goat_gen_max_points) __real_goat_gen_max_points, __wrap_goat_gen_max_points; /* its own type: see bench/timed.c */

int __wrap_goat_gen_max_points(void)
{
    int limit = __real_goat_gen_max_points();
    const char *v = getenv("GOAT_TEST_MAX_POINTS");
    if (!v || *v < '0' || *v > '9')
        return limit;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    return *end == '\0' && errno == 0 && n <= limit ? (int)n : limit;
}
