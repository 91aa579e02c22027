/* SPDX-License-Identifier: MIT */
/* goat's start-up alone, for bench/track.sh: linked against the libraries
 * goat links against (GOAT_LIBS), so that starting it loads them all as
 * starting goat does, and it initialises libgit2 as every goat command
 * that reads the repository must (Debian's libgit2 parses the system's CA
 * certificates there). Then it exits. What any goat run costs before it
 * reads a single file: the benchmark prints it beside the I/O floor. */
#include <git2.h>

int main(void)
{
    if (git_libgit2_init() < 0)
        return 1;
    git_libgit2_shutdown();
    return 0;
}
