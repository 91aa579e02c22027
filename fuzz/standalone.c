/* SPDX-License-Identifier: MIT */
/* A main() for the harnesses in builds without libFuzzer: runs the harness
 * once on each file named on the command line, the way a libFuzzer binary
 * replays crash files. `make check` uses it to replay the seed corpora and
 * the regression inputs under every build (plain, sanitizers, valgrind). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz/fuzz.h"
#include "util/file.h"
#include "util/xalloc.h"

int main(int argc, char **argv)
{
    int status = 0;
    for (int i = 1; i < argc; i++) {
        char *data = NULL;
        size_t len = 0;
        goat_error *err = goat_read_file(argv[i], &data, &len);
        if (err) {
            goat_error_print(err, stderr);
            goat_error_free(err);
            status = 1;
            continue;
        }
        /* An exact-size copy, so that reading past the end is caught the way
         * libFuzzer's buffers catch it (the file buffer has a NUL after it). */
        char *exact = goat_xmalloc(len ? len : 1);
        if (len)
            memcpy(exact, data, len);
        free(data);
        LLVMFuzzerTestOneInput((const uint8_t *)exact, len);
        free(exact);
    }
    return status;
}
