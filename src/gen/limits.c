/* SPDX-License-Identifier: MIT */
/* Alone in its file: a call from another object file is one the linker's
 * --wrap can redirect (see limits.h); a call within this file would not be. */
#include "gen/limits.h"

int goat_gen_max_points(void)
{
    return GOAT_GEN_MAX_POINTS;
}
