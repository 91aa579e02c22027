/* SPDX-License-Identifier: MIT */
/* Times one command for the benchmarks, to the microsecond:
 *
 *   clock OUT CMD [ARG...]
 *
 * runs CMD (its standard streams are this program's) and writes to OUT one
 * line "WALL CPU RSS": wall-clock seconds, CPU seconds (user + system, of
 * CMD and the children it waited for), and peak resident set in KiB.
 * Exits with CMD's status (128 + the signal when a signal ended it, 127
 * when it could not be started).
 *
 * GNU time prints hundredths of a second: a run of goat on the benchmark
 * module takes about a tenth of a second and the I/O floor a few
 * hundredths, so a ratio of two such readings moved by whole tenths from a
 * rounding. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: clock OUT CMD [ARG...]\n");
        return 2;
    }
    struct timespec start, stop;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "clock: cannot fork: %s\n", strerror(errno));
        return 127;
    }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        fprintf(stderr, "clock: cannot run %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "clock: cannot wait for %s: %s\n", argv[2], strerror(errno));
            return 127;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &stop);
    double wall = (double)(stop.tv_sec - start.tv_sec) + (double)(stop.tv_nsec - start.tv_nsec) / 1e9;
    FILE *out = fopen(argv[1], "w");
    if (!out || fprintf(out, "%.6f %.6f %ld\n", wall, seconds(ru.ru_utime) + seconds(ru.ru_stime), ru.ru_maxrss) < 0 ||
        fclose(out) != 0) {
        fprintf(stderr, "clock: cannot write %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    if (WIFSIGNALED(status))
        return 128 + WTERMSIG(status);
    return WEXITSTATUS(status);
}
